/* batch-job.c: job files for `wijknet batch`: read with cJSON, checked, paths resolved */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "runs.h"

#include <string.h>

static void
dataset_free(gpointer data)
{
    WnBatchDataset *d = data;
    g_free(d->name);
    g_free(d->path);
    g_free(d->output);
    g_free(d->folder_key);
    g_strfreev(d->outputs);
    g_free(d->fingerprint);
    g_free(d);
}

/**
 * wn_batch_job_free:
 * Frees a job. Accepts NULL.
 */
void
wn_batch_job_free(WnBatchJob *job)
{
    if (job == NULL) {
        return;
    }
    g_free(job->path);
    g_ptr_array_unref(job->datasets);
    g_free(job);
}

gsize
wn_batch_job_dataset_count(const WnBatchJob *job)
{
    return job->datasets->len;
}

const char *
wn_batch_job_dataset_name(const WnBatchJob *job, gsize dataset)
{
    g_return_val_if_fail(dataset < job->datasets->len, NULL);
    return ((const WnBatchDataset *) g_ptr_array_index(job->datasets, dataset))->name;
}

/* The folder the outputs of @dataset go to, as the job file gives it (resolved). */
const char *
wn_batch_job_dataset_output(const WnBatchJob *job, gsize dataset)
{
    g_return_val_if_fail(dataset < job->datasets->len, NULL);
    return ((const WnBatchDataset *) g_ptr_array_index(job->datasets, dataset))->output;
}

static gboolean invalid(GError **error, const char *path, const char *where, const char *format,
                        ...) G_GNUC_PRINTF(4, 5);

/* Sets WN_ERROR_INVALID with "JOB: WHERE: what". */
static gboolean
invalid(GError **error, const char *path, const char *where, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *what = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "%s: %s: %s", path, where, what);
    return FALSE;
}

/* Every key of @object must be one of @known (a typo is an error, not a silent default). */
static gboolean
check_keys(const cJSON *object, const char *const *known, const char *path, const char *where,
           GError **error)
{
    for (const cJSON *item = object->child; item != NULL; item = item->next) {
        if (!g_strv_contains(known, item->string)) {
            return invalid(error, path, where, "unknown key \"%s\"", item->string);
        }
    }
    return TRUE;
}

/* A path in the job file is relative to the job file's folder. */
static char *
resolve(const char *job_path, const char *path)
{
    if (g_path_is_absolute(path)) {
        return g_strdup(path);
    }
    g_autofree char *dir = g_path_get_dirname(job_path);
    return g_build_filename(dir, path, NULL);
}

/* A whole number 0..G_MAXUINT. */
static gboolean
read_count(const cJSON *item, guint *out, const char *path, const char *where, GError **error)
{
    double x = cJSON_IsNumber(item) ? item->valuedouble : -1;
    if (!(x >= 0 && x <= G_MAXUINT && x == (double) (guint) x)) {
        return invalid(error, path, where, "\"%s\" must be a whole number ≥ 0", item->string);
    }
    *out = (guint) x;
    return TRUE;
}

/* A seed: a whole number 0..2^53 (JSON readers keep numbers as doubles). */
static gboolean
read_seed(const cJSON *item, guint64 *out, const char *path, const char *where, GError **error)
{
    double x = cJSON_IsNumber(item) ? item->valuedouble : -1;
    if (!(x >= 0 && x <= 9007199254740992.0 && x == (double) (guint64) x)) {
        return invalid(error, path, where, "\"seed\" must be a whole number from 0 to 2^53");
    }
    *out = (guint64) x;
    return TRUE;
}

/* "relations": a list as --relations takes it ("friend,family", "informal"). */
static gboolean
read_relations(const cJSON *relations, WnRelations *out, const char *path, const char *where,
               GError **error)
{
    g_autoptr(GError) why = NULL;
    if (!cJSON_IsString(relations)) {
        return invalid(error, path, where,
                       "\"relations\" must be a text such as \"friend,family\" or \"informal\"");
    }
    if (!wn_relations_parse(cJSON_GetStringValue(relations), out, &why)) {
        return invalid(error, path, where, "\"relations\": %s", why->message);
    }
    return TRUE;
}

/* "options": {"lang", "min_cell", "top", "show_labels", "seed", "relations"}; keys not
 * given keep their value. */
static gboolean
read_options(const cJSON *options, WnOutputSettings *d, const char *path, const char *where,
             GError **error)
{
    static const char *const known[] = {"lang", "min_cell",  "top", "show_labels",
                                        "seed", "relations", NULL};
    if (options == NULL) {
        return TRUE;
    }
    if (!cJSON_IsObject(options) || !check_keys(options, known, path, where, error)) {
        return cJSON_IsObject(options)
                   ? FALSE
                   : invalid(error, path, where, "\"options\" must be an object");
    }
    const cJSON *lang = cJSON_GetObjectItemCaseSensitive(options, "lang");
    const cJSON *min_cell = cJSON_GetObjectItemCaseSensitive(options, "min_cell");
    const cJSON *top = cJSON_GetObjectItemCaseSensitive(options, "top");
    const cJSON *labels = cJSON_GetObjectItemCaseSensitive(options, "show_labels");
    const cJSON *seed = cJSON_GetObjectItemCaseSensitive(options, "seed");
    const cJSON *relations = cJSON_GetObjectItemCaseSensitive(options, "relations");
    if ((seed != NULL && !read_seed(seed, &d->seed, path, where, error)) ||
        (relations != NULL && !read_relations(relations, &d->relations, path, where, error))) {
        return FALSE;
    }
    if (lang != NULL && !wn_report_language_lookup(cJSON_GetStringValue(lang), &d->language)) {
        return invalid(error, path, where, "\"lang\" must be \"nl\" or \"en\"");
    }
    if ((min_cell != NULL && !read_count(min_cell, &d->min_cell, path, where, error)) ||
        (top != NULL && !read_count(top, &d->top, path, where, error))) {
        return FALSE;
    }
    if (labels != NULL && !cJSON_IsBool(labels)) {
        return invalid(error, path, where, "\"show_labels\" must be true or false");
    }
    d->show_labels = labels != NULL ? cJSON_IsTrue(labels) : d->show_labels;
    return TRUE;
}

/* "outputs": a non-empty array of known output names; repeats are dropped. */
static gboolean
read_outputs(const cJSON *outputs, WnBatchDataset *d, const char *path, const char *where,
             GError **error)
{
    if (!cJSON_IsArray(outputs) || cJSON_GetArraySize(outputs) == 0) {
        return invalid(error, path, where, "\"outputs\" must be a non-empty array of names");
    }
    g_autoptr(GStrvBuilder) names = g_strv_builder_new();
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    const cJSON *item = NULL;
    cJSON_ArrayForEach(item, outputs)
    {
        const char *name = cJSON_GetStringValue(item);
        if (name == NULL || !wn_batch__is_output(name)) {
            g_autofree char *known = g_strjoinv(", ", (char **) wn_batch_output_names());
            return invalid(error, path, where, "unknown output \"%s\" (known: %s)",
                           name != NULL ? name : "(not a string)", known);
        }
        if (g_hash_table_add(seen, (gpointer) name)) {
            g_strv_builder_add(names, name);
        }
    }
    g_strfreev(d->outputs);
    d->outputs = g_strv_builder_end(names);
    return TRUE;
}

/* The settings that shape a dataset's outputs, so a marker notices when they change. */
static char *
fingerprint_of(const WnBatchDataset *d)
{
    const WnOutputSettings *s = &d->settings;
    g_autofree char *list = wn_relations_to_list(s->relations);
    g_autofree char *relations = s->relations != WN_RELATIONS_ALL
                                     ? g_strdup_printf(",\"relations\":\"%s\"", list)
                                     : g_strdup(""); /* so that older markers still match */
    return g_strdup_printf("{\"lang\":\"%s\",\"min_cell\":%u,\"top\":%u,\"show_labels\":%s,"
                           "\"seed\":%" G_GUINT64_FORMAT ",\"split\":%s%s}",
                           s->language == WN_LANGUAGE_NL ? "nl" : "en", s->min_cell, s->top,
                           s->show_labels ? "true" : "false", s->seed,
                           d->split ? "\"area\"" : "null", relations);
}

/* name, path, output and split of one dataset entry. */
static gboolean
read_place(const cJSON *entry, WnBatchDataset *d, const char *root, const char *path,
           const char *where, GError **error)
{
    const char *data = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(entry, "path"));
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(entry, "name");
    const cJSON *output = cJSON_GetObjectItemCaseSensitive(entry, "output");
    const cJSON *split = cJSON_GetObjectItemCaseSensitive(entry, "split");
    if (data == NULL || *data == '\0') {
        return invalid(error, path, where, "\"path\" (the dataset folder) is required");
    }
    if ((name != NULL && cJSON_GetStringValue(name) == NULL) ||
        (output != NULL && cJSON_GetStringValue(output) == NULL)) {
        return invalid(error, path, where, "\"name\" and \"output\" must be strings");
    }
    if (split != NULL && g_strcmp0(cJSON_GetStringValue(split), "area") != 0) {
        return invalid(error, path, where, "\"split\" can only be \"area\"");
    }
    d->path = resolve(path, data);
    d->name = name != NULL ? g_strdup(name->valuestring) : g_path_get_basename(d->path);
    if (output == NULL && root == NULL) {
        return invalid(error, path, where, "\"output\" is required (or a top-level \"output\")");
    }
    if (output == NULL && !wn_batch__is_folder_name(d->name)) {
        return invalid(error, path, where,
                       "\"name\" must be one folder name (not empty, \".\" or \"..\", without "
                       "\"/\"), got \"%s\"%s",
                       d->name, name == NULL ? " from the dataset's path: give a \"name\"" : "");
    }
    if (output != NULL && *output->valuestring == '\0') {
        return invalid(error, path, where, "\"output\" must name a folder, got \"\"");
    }
    d->output =
        output != NULL ? resolve(path, output->valuestring) : g_build_filename(root, d->name, NULL);
    d->folder_key = wn_batch__folder_key(d->output);
    d->split = split != NULL;
    return TRUE;
}

static WnBatchDataset *
read_dataset(const cJSON *entry, const WnBatchDataset *defaults, const char *root, const char *path,
             gsize i, GError **error)
{
    static const char *const known[] = {"name",    "path",  "output", "outputs",
                                        "options", "split", NULL};
    g_autofree char *where = g_strdup_printf("datasets[%" G_GSIZE_FORMAT "]", i);
    if (!cJSON_IsObject(entry)) {
        invalid(error, path, where, "expected an object");
        return NULL;
    }
    WnBatchDataset *d = g_new0(WnBatchDataset, 1);
    d->settings = defaults->settings;
    d->outputs = g_strdupv(defaults->outputs);
    const cJSON *outputs = cJSON_GetObjectItemCaseSensitive(entry, "outputs");
    if (!check_keys(entry, known, path, where, error) ||
        !read_place(entry, d, root, path, where, error) ||
        !read_options(cJSON_GetObjectItemCaseSensitive(entry, "options"), &d->settings, path, where,
                      error) ||
        (outputs != NULL && !read_outputs(outputs, d, path, where, error))) {
        dataset_free(d);
        return NULL;
    }
    if (d->outputs == NULL) {
        invalid(error, path, where, "no \"outputs\" here and none at the top level");
        dataset_free(d);
        return NULL;
    }
    d->fingerprint = fingerprint_of(d);
    return d;
}

/* cJSON stops where the text stops being JSON: name that line and column. */
static cJSON *
parse_json(const char *path, const char *text, gsize len, GError **error)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len + 1, &end, TRUE); /* with its NUL */
    if (root != NULL) {
        return root;
    }
    gsize line = 1, column = 1;
    for (const char *c = text; end != NULL && c < end && c < text + len; c++) {
        line += *c == '\n';
        column = *c == '\n' ? 1 : column + 1;
    }
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT
                ": expected JSON (a job file is one JSON object)",
                path, line, column);
    return NULL;
}

/* The top level's "outputs" and "options", the defaults of every dataset. */
static gboolean
read_defaults(const cJSON *root, WnBatchDataset *defaults, const char *path, GError **error)
{
    static const char *const known[] = {"outputs", "options", "output", "datasets", NULL};
    WnReportOptions report = WN_REPORT_OPTIONS_INIT;
    WnAnalyseOptions analyse = WN_ANALYSE_OPTIONS_INIT;
    const cJSON *outputs = cJSON_GetObjectItemCaseSensitive(root, "outputs");
    const cJSON *output = cJSON_GetObjectItemCaseSensitive(root, "output");
    defaults->settings = (WnOutputSettings){report.language,    report.min_cell, report.top,
                                            report.show_labels, analyse.seed,    WN_RELATIONS_ALL};
    if (!cJSON_IsObject(root)) {
        return invalid(error, path, "top level", "expected an object");
    }
    if (output != NULL && cJSON_GetStringValue(output) == NULL) {
        return invalid(error, path, "top level", "\"output\" must be a string (a folder)");
    }
    return check_keys(root, known, path, "top level", error) &&
           read_options(cJSON_GetObjectItemCaseSensitive(root, "options"), &defaults->settings,
                        path, "top level", error) &&
           (outputs == NULL || read_outputs(outputs, defaults, path, "top level", error));
}

/* Two datasets may not share a name or an output folder (as the system resolves it:
 * "./x", "x/", "a/../x" and a link to x are x), and no dataset writes into the top-level
 * output folder itself (@root_key, NULL without one). */
static gboolean
check_unique(const WnBatchJob *job, const WnBatchDataset *d, const char *root_key, GError **error)
{
    if (root_key != NULL && strcmp(d->folder_key, root_key) == 0) {
        return invalid(error, job->path, "datasets",
                       "\"%s\" would write into the top-level \"output\" folder itself", d->name);
    }
    for (guint i = 0; i < job->datasets->len; i++) {
        const WnBatchDataset *other = g_ptr_array_index(job->datasets, i);
        if (strcmp(other->name, d->name) == 0 || strcmp(other->folder_key, d->folder_key) == 0) {
            return invalid(error, job->path, "datasets",
                           "\"%s\" and \"%s\" share a name or an output folder", other->name,
                           d->name);
        }
    }
    return TRUE;
}

static gboolean
read_datasets(WnBatchJob *job, const cJSON *root, const WnBatchDataset *defaults, GError **error)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "datasets");
    const char *out = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(root, "output"));
    g_autofree char *root_dir = out != NULL ? resolve(job->path, out) : NULL;
    g_autofree char *root_key = root_dir != NULL ? wn_batch__folder_key(root_dir) : NULL;
    if (!cJSON_IsArray(list) || cJSON_GetArraySize(list) == 0) {
        return invalid(error, job->path, "top level", "\"datasets\" must be a non-empty array");
    }
    gsize i = 0;
    const cJSON *entry = NULL;
    cJSON_ArrayForEach(entry, list)
    {
        WnBatchDataset *d = read_dataset(entry, defaults, root_dir, job->path, i++, error);
        if (d == NULL || !check_unique(job, d, root_key, error)) {
            g_clear_pointer(&d, dataset_free);
            return FALSE;
        }
        g_ptr_array_add(job->datasets, d);
    }
    return TRUE;
}

/**
 * wn_batch_job_load:
 * Reads a job file (README "wijknet batch"): one JSON object with "datasets" (an array
 * of {"path", "name", "output", "outputs", "options", "split"}), and optionally
 * "outputs", "options" and "output" (a folder holding one folder per dataset name) as
 * defaults. Paths are relative to the job file's folder. Unknown keys, unknown output
 * names, a dataset without outputs or an output folder, and two datasets sharing a
 * name or an output folder are refused. Datasets are not opened here.
 * Returns: (transfer full): the job; NULL on error (a file error; malformed JSON is
 * WN_ERROR_PARSE naming line and column; the rest WN_ERROR_INVALID).
 */
WnBatchJob *
wn_batch_job_load(const char *path, GError **error)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!wn_input__read(path, WN_INPUT_JSON_MAX, &text, &len, error)) {
        return NULL;
    }
    g_autoptr(cJSON) root = parse_json(path, text, len, error);
    if (root == NULL) {
        return NULL;
    }
    g_autoptr(WnBatchJob) job = g_new0(WnBatchJob, 1);
    job->path = g_strdup(path);
    job->datasets = g_ptr_array_new_with_free_func(dataset_free);
    WnBatchDataset defaults = {0};
    gboolean ok =
        read_defaults(root, &defaults, path, error) && read_datasets(job, root, &defaults, error);
    g_strfreev(defaults.outputs);
    return ok ? g_steal_pointer(&job) : NULL;
}
