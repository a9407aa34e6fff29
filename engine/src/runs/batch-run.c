/* batch-run.c: running a batch job: atomic outputs, completion markers, resume */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "runs.h"

#include <string.h>

static const char *const input_files[] = {"nodes.csv", "ties.csv", "dataset.json", "areas.geojson"};

static char *
sha256_of_file(const char *path)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &text, &len, NULL)) {
        return NULL;
    }
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *) text, len);
}

/* {"nodes.csv": SHA-256, …} of the dataset's files that exist, as canonical JSON. */
static char *
input_checksums(const WnBatchDataset *d)
{
    g_autoptr(cJSON) inputs = cJSON_CreateObject();
    for (gsize i = 0; i < G_N_ELEMENTS(input_files); i++) {
        g_autofree char *path = g_build_filename(d->path, input_files[i], NULL);
        g_autofree char *sha = sha256_of_file(path);
        if (sha != NULL) {
            cJSON_AddStringToObject(inputs, input_files[i], sha);
        }
    }
    char *text = cJSON_PrintUnformatted(inputs);
    char *out = g_strdup(text);
    cJSON_free(text);
    return out;
}

/* One output folder of a job: what its outputs describe, and the dataset's settings. */
typedef struct {
    WnOutputUnit out;
    const WnBatchDataset *d;
} Unit;

/* The marker of a completed output: what it was made from and what it wrote. */
static char *
marker_text(const Unit *u, const char *output, const char *inputs, const GPtrArray *files)
{
    g_autoptr(cJSON) root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "output", output);
    cJSON_AddItemToObject(
        root, "area", u->out.area != NULL ? cJSON_CreateString(u->out.area) : cJSON_CreateNull());
    cJSON_AddItemToObject(root, "settings", cJSON_Parse(u->d->fingerprint));
    cJSON_AddItemToObject(root, "inputs", cJSON_Parse(inputs));
    cJSON_AddNumberToObject(root, "estimated_from_sources", wn_output__samples(u->out.net));
    cJSON *written = cJSON_AddObjectToObject(root, "files");
    for (guint i = 0; i + 1 < files->len; i += 2) {
        const char *text = g_ptr_array_index(files, i + 1);
        g_autofree char *sha = g_compute_checksum_for_string(G_CHECKSUM_SHA256, text, -1);
        cJSON_AddStringToObject(written, g_ptr_array_index(files, i), sha);
    }
    char *json = cJSON_Print(root);
    char *out = g_strconcat(json, "\n", NULL);
    cJSON_free(json);
    return out;
}

static char *
marker_path(const char *dir, const char *output)
{
    g_autofree char *name = g_strconcat(output, ".done.json", NULL);
    return g_build_filename(dir, ".wijknet", name, NULL);
}

/* Two JSON values alike once printed the same way. */
static gboolean
same_json(const cJSON *a, const char *b_text)
{
    g_autoptr(cJSON) b = cJSON_Parse(b_text);
    char *x = a != NULL ? cJSON_PrintUnformatted(a) : NULL;
    char *y = b != NULL ? cJSON_PrintUnformatted(b) : NULL;
    gboolean same = x != NULL && y != NULL && strcmp(x, y) == 0;
    cJSON_free(x);
    cJSON_free(y);
    return same;
}

/* Every file the marker names is on disk with the checksum it had when written. */
static gboolean
files_intact(const char *dir, const cJSON *files)
{
    if (!cJSON_IsObject(files) || files->child == NULL) {
        return FALSE;
    }
    for (const cJSON *f = files->child; f != NULL; f = f->next) {
        g_autofree char *path = g_build_filename(dir, f->string, NULL);
        g_autofree char *sha = sha256_of_file(path);
        if (sha == NULL || g_strcmp0(sha, cJSON_GetStringValue(f)) != 0) {
            return FALSE;
        }
    }
    return TRUE;
}

/* The marker of @output in @dir, or NULL when it is missing or not JSON. */
static cJSON *
read_marker(const char *dir, const char *output)
{
    g_autofree char *path = marker_path(dir, output);
    g_autofree char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL)) {
        return NULL;
    }
    return cJSON_Parse(text);
}

/* An output is complete when its marker matches the inputs and settings of this run
 * and its files are untouched. */
static gboolean
is_complete(const Unit *u, const char *dir, const char *output, const char *inputs)
{
    g_autoptr(cJSON) marker = read_marker(dir, output);
    const cJSON *area = cJSON_GetObjectItemCaseSensitive(marker, "area");
    return marker != NULL && g_strcmp0(cJSON_GetStringValue(area), u->out.area) == 0 &&
           same_json(cJSON_GetObjectItemCaseSensitive(marker, "settings"), u->d->fingerprint) &&
           same_json(cJSON_GetObjectItemCaseSensitive(marker, "inputs"), inputs) &&
           files_intact(dir, cJSON_GetObjectItemCaseSensitive(marker, "files"));
}

/* Makes one output and writes its files, then its marker, last. */
static gboolean
make_output(const Unit *u, const char *dir, const char *output, const char *inputs, GError **error)
{
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
    if (!wn_output__make(wn_output__lookup(output), &u->out, files, error)) {
        return FALSE;
    }
    g_autofree char *state = g_build_filename(dir, ".wijknet", NULL);
    if (!wn_file__make_folder(dir, 0777, "the folder", error) ||
        !wn_runs__write_files(dir, files, error) || !wn_batch__make_state_folder(state, error)) {
        return FALSE;
    }
    g_autofree char *marker = marker_text(u, output, inputs, files);
    g_autofree char *name = g_strconcat(output, ".done.json", NULL);
    return wn_runs__write_file(state, name, marker, error);
}

/* One dataset's run: what it is made from, and how far it got. */
typedef struct {
    const WnBatchDataset *d;
    gsize index;
    const WnBatchRunOptions *opts;
    char *inputs;
    WnNetwork *net;
    WnAreaShapes *shapes;
    gsize done, total;
    gsize area;    /* split by area: the place of the area in hand */
    GError *first; /* the first failure */
} Run;

static void
run_clear(Run *run)
{
    g_free(run->inputs);
    wn_network_free(run->net);
    wn_area_shapes_free(run->shapes);
    g_clear_error(&run->first);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Run, run_clear)

static void
emit(Run *run, const char *unit, const char *output, WnBatchOutcome outcome, GError *error)
{
    run->done += output != NULL;
    if (error != NULL && run->first == NULL) {
        run->first = g_error_copy(error);
    }
    if (run->opts->func != NULL) {
        WnBatchEvent event = {run->index, unit,      output,     outcome,
                              error,      run->done, run->total, run->area};
        run->opts->func(&event, run->opts->user_data);
    }
}

/* g_ptr_array_sort hands over pointers to the elements. */
static gint
compare_areas(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* The areas of the dataset's nodes, in byte order (nodes without an area are in none). */
static GPtrArray *
areas_of(const WnNetwork *net)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *areas = g_ptr_array_new();
    for (gsize v = 0; v < wn_network_node_count(net); v++) {
        const char *area = wn_network_node_area(net, v);
        if (area != NULL && *area != '\0' && g_hash_table_add(seen, (gpointer) area)) {
            g_ptr_array_add(areas, (gpointer) area);
        }
    }
    g_ptr_array_sort(areas, compare_areas);
    return areas;
}

/* How many sources the estimates of @u's outputs came from: as the network says, or,
 * when a resumed run did not load it, as the marker of its first output recorded. */
static guint
samples_of(const Unit *u, const char *dir)
{
    if (u->out.net != NULL) {
        return wn_output__samples(u->out.net);
    }
    g_autoptr(cJSON) marker = read_marker(dir, u->d->outputs[0]);
    const cJSON *samples = cJSON_GetObjectItemCaseSensitive(marker, "estimated_from_sources");
    return cJSON_IsNumber(samples) ? (guint) samples->valuedouble : 0;
}

/* run.json: how the folder's outputs were made (no time: a rerun writes the same bytes). */
static void
write_manifest(Run *run, const Unit *u, const char *dir, const char *unit)
{
    const WnOutputSettings *s = &run->d->settings;
    g_autoptr(WnRunManifest) m = wn_run_manifest_new("batch", run->opts->argv);
    g_autofree char *min_cell = g_strdup_printf("%u", s->min_cell);
    g_autofree char *top = g_strdup_printf("%u", s->top);
    g_autoptr(GError) error = NULL;
    wn_run_manifest_add_option(m, "dataset", run->d->name);
    wn_run_manifest_add_option(m, "area", u->out.area != NULL ? u->out.area : "");
    wn_run_manifest_add_option(m, "lang", s->language == WN_LANGUAGE_NL ? "nl" : "en");
    wn_run_manifest_add_option(m, "min_cell", min_cell);
    wn_run_manifest_add_option(m, "top", top);
    wn_run_manifest_add_option(m, "show_labels", s->show_labels ? "true" : "false");
    wn_output__record_sampling(m, samples_of(u, dir), s->seed);
    for (gsize i = 0; run->d->outputs[i] != NULL; i++) {
        wn_run_manifest_add_output(m, run->d->outputs[i]);
    }
    g_autofree char *json =
        wn_run_manifest_add_dataset(m, run->d->path, &error) ? wn_run_manifest_to_json(m) : NULL;
    if (json == NULL || !wn_runs__write_file(dir, "run.json", json, &error)) {
        emit(run, unit, "run.json", WN_BATCH_FAILED, error);
    }
}

/* Every output of one folder, skipping complete ones on resume. */
static void
run_unit(Run *run, const Unit *u, const char *dir)
{
    const char *area = u->out.area;
    g_autofree char *unit =
        area != NULL ? g_strdup_printf("%s/%s", run->d->name, area) : g_strdup(run->d->name);
    gboolean failed = FALSE;
    for (gsize i = 0; run->d->outputs[i] != NULL; i++) {
        const char *output = run->d->outputs[i];
        g_autoptr(GError) error = NULL;
        if (run->opts->resume && is_complete(u, dir, output, run->inputs)) {
            emit(run, unit, output, WN_BATCH_SKIPPED, NULL);
        } else if (make_output(u, dir, output, run->inputs, &error)) {
            emit(run, unit, output, WN_BATCH_DONE, NULL);
        } else {
            failed = TRUE;
            emit(run, unit, output, WN_BATCH_FAILED, error);
        }
    }
    if (!failed) {
        write_manifest(run, u, dir, unit);
    }
}

/* On resume, a whole dataset whose outputs are all complete is not even loaded. */
static gboolean
all_complete(Run *run)
{
    Unit u = {{NULL, &run->d->settings, NULL, NULL, NULL, NULL}, run->d};
    for (gsize i = 0; run->opts->resume && !run->d->split && run->d->outputs[i] != NULL; i++) {
        if (!is_complete(&u, run->d->output, run->d->outputs[i], run->inputs)) {
            return FALSE;
        }
    }
    return run->opts->resume && !run->d->split;
}

/* Loads the network and, when the dataset has one, its areas.geojson. */
static gboolean
load(Run *run)
{
    g_autoptr(GError) error = NULL;
    run->net = wn_network_load_relations(run->d->path, WN_LOAD_DEFAULT, run->d->settings.relations,
                                         &error);
    if (run->net != NULL) {
        run->shapes = wn_area_shapes_load_dataset(run->d->path, &error);
    }
    if (error != NULL) {
        /* a dataset split among ranks is every rank's: the first alone tells of it */
        if (run->opts->ranks <= 1 || !run->d->split || run->opts->rank == 0) {
            emit(run, run->d->name, NULL, WN_BATCH_FAILED, error);
        } else if (run->first == NULL) {
            run->first = g_steal_pointer(&error);
        }
        return FALSE;
    }
    return TRUE;
}

/* Which rank writes each of @areas among opts->ranks: largest first by nodes
 * (wn_ranks__deal). */
static guint *
deal_areas(const Run *run, const GPtrArray *areas)
{
    g_autoptr(GHashTable) place = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < areas->len; i++) {
        g_hash_table_insert(place, g_ptr_array_index(areas, i), GUINT_TO_POINTER(i + 1));
    }
    g_autofree guint64 *nodes = g_new0(guint64, areas->len + 1);
    for (gsize v = 0; v < wn_network_node_count(run->net); v++) {
        const char *area = wn_network_node_area(run->net, v);
        guint at = area != NULL ? GPOINTER_TO_UINT(g_hash_table_lookup(place, area)) : 0;
        if (at > 0) {
            nodes[at - 1]++;
        }
    }
    return wn_ranks__deal(nodes, areas->len, MAX(run->opts->ranks, 1));
}

static void
run_areas(Run *run)
{
    g_autoptr(GPtrArray) areas = areas_of(run->net);
    g_autofree guint *owner = deal_areas(run, areas);
    run->total = areas->len * g_strv_length(run->d->outputs);
    for (guint i = 0; i < areas->len; i++) {
        if (run->opts->ranks > 1 && owner[i] != run->opts->rank) {
            continue;
        }
        run->area = i;
        const char *area = g_ptr_array_index(areas, i);
        if (g_getenv("WIJKNET_DEBUG_RANKS") != NULL) {
            g_printerr("rank %u of %u: area %s of %s\n", run->opts->rank, MAX(run->opts->ranks, 1),
                       area, run->d->name);
        }
        g_autofree char *folder = wn_batch__area_folder(area);
        g_autofree char *dir = g_build_filename(run->d->output, folder, NULL);
        Unit u = {{run->net, &run->d->settings, area, run->shapes, NULL, NULL}, run->d};
        run_unit(run, &u, dir);
    }
}

/**
 * wn_batch_run_dataset:
 * Runs every output the job asks of dataset @dataset (wn_batch_output_names) into its
 * output folder. Each file is written whole or not at all (wn_file__write: a temporary
 * file beside it, renamed into place); then a completion marker FOLDER/.wijknet/OUTPUT.done.json
 * records the SHA-256 of the dataset's input files, the settings and the SHA-256 of each file
 * written. With @opts->resume an output whose marker matches (same inputs, same
 * settings, files untouched) is skipped, and a dataset whose outputs are all complete
 * is not loaded at all. Last, each folder gets run.json (wn_run_manifest_to_json, with
 * @opts->argv as the command line). With "split": "area", each area of the dataset gets
 * its own folder (its code, characters other than letters, digits, '.', '-' and '_'
 * made '_'): every measure is computed on the whole dataset, so the rest of the town is
 * the area's context (its halo) but only the area's own nodes appear in its rows and
 * figures; nodes without an area are in no folder. Outputs are deterministic: the same
 * inputs and settings give the same bytes. With @opts->ranks above 1, only the areas
 * dealt to @opts->rank are written (largest first by nodes, wn_ranks__deal: every rank
 * deals alike), and of a split dataset that cannot be loaded only rank 0 tells @opts->func.
 * A failing output does not stop the others;
 * @opts->func hears of each output as it finishes, and of a dataset that cannot be
 * loaded (output NULL).
 * Returns: TRUE when every output is complete; FALSE with the first failure in @error.
 * Cost: that of the outputs asked for; each dataset is loaded once.
 */
gboolean
wn_batch_run_dataset(const WnBatchJob *job, gsize dataset, const WnBatchRunOptions *opts,
                     GError **error)
{
    g_return_val_if_fail(dataset < job->datasets->len && opts != NULL, FALSE);
    g_auto(Run) run = {
        g_ptr_array_index(job->datasets, dataset), dataset, opts, NULL, NULL, NULL, 0, 0, 0, NULL};
    run.inputs = input_checksums(run.d);
    run.total = g_strv_length(run.d->outputs);
    Unit whole = {{NULL, &run.d->settings, NULL, NULL, NULL, NULL}, run.d};
    if (all_complete(&run)) {
        run_unit(&run, &whole, run.d->output);
    } else if (load(&run) && run.d->split) {
        run_areas(&run);
    } else if (run.net != NULL) {
        whole.out.net = run.net;
        whole.out.shapes = run.shapes;
        run_unit(&run, &whole, run.d->output);
    }
    if (run.first != NULL) {
        g_propagate_error(error, g_steal_pointer(&run.first));
        return FALSE;
    }
    return TRUE;
}
