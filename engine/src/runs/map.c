/* map.c: `wijknet map`'s folder (areas.csv, areas.geojson, map.svg, network.svg, run.json),
 * a dataset's areas.geojson, and the folder and file writing analyse shares */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "runs.h"

#include "maps/maps.h"

/* The threshold of the CBS population-network exports: a lower min_cell gets a warning. */
#define CBS_MIN_CELL 10

/**
 * wn_runs__write_file:
 * Writes @text to @dir/@name whole or not at all (wn_file__write, mode 0644).
 * Returns: FALSE with WN_OUTPUT_ERROR naming the file when it cannot.
 */
gboolean
wn_runs__write_file(const char *dir, const char *name, const char *text, GError **error)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    return wn_file__write(path, text, -1, 0644, error);
}

/**
 * wn_runs__write_files:
 * Writes each (name, text) pair of @files into @dir with wn_runs__write_file, in order.
 * Returns: FALSE on the first file that cannot be written (WN_OUTPUT_ERROR).
 */
gboolean
wn_runs__write_files(const char *dir, const GPtrArray *files, GError **error)
{
    for (guint i = 0; i + 1 < files->len; i += 2) {
        if (!wn_runs__write_file(dir, g_ptr_array_index(files, i), g_ptr_array_index(files, i + 1),
                                 error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/**
 * wn_area_shapes_load_dataset:
 * The area boundaries of the dataset in @dataset_dir, its areas.geojson
 * (wn_area_shapes_load), when it has one.
 * Returns: (transfer full): the shapes; NULL without an error when the dataset has no
 * areas.geojson, NULL with @error when it has one that does not load.
 */
WnAreaShapes *
wn_area_shapes_load_dataset(const char *dataset_dir, GError **error)
{
    g_return_val_if_fail(dataset_dir != NULL, NULL);
    g_autofree char *path = g_build_filename(dataset_dir, "areas.geojson", NULL);
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        return NULL;
    }
    return wn_area_shapes_load(path, error);
}

/* run.json of a map folder: the options, the layout's seed and the files. */
static char *
manifest_json(WnRunManifest *manifest, const WnMapOptions *opts, GPtrArray *files, gsize left_out)
{
    g_autofree char *left = g_strdup_printf("%" G_GSIZE_FORMAT, left_out);
    wn_run_manifest_add_option(manifest, "network_left_out", left);
    g_autofree char *min_cell = g_strdup_printf("%u", opts->min_cell);
    g_autofree char *max_nodes = g_strdup_printf("%u", opts->draw.max_nodes);
    wn_run_manifest_add_option(manifest, "lang",
                               opts->draw.language == WN_LANGUAGE_NL ? "nl" : "en");
    wn_run_manifest_add_option(manifest, "min_cell", min_cell);
    wn_run_manifest_add_option(manifest, "max_nodes", max_nodes);
    wn_run_manifest_add_option(manifest, "show_labels", opts->draw.show_labels ? "true" : "false");
    wn_run_manifest_set_seed(manifest, opts->draw.seed);
    for (guint i = 0; i + 1 < files->len; i += 2) {
        wn_run_manifest_add_output(manifest, g_ptr_array_index(files, i));
    }
    return wn_run_manifest_to_json(manifest);
}

/* The file name of @id's ego drawing: "ego-ID.svg", every byte of ID that is not an
 * ASCII letter, digit, '-' or '_' written as '_' (so "a/b" gives "ego-a_b.svg"). */
static char *
ego_file_name(const char *id)
{
    g_autofree char *safe = g_strdup(id);
    for (char *p = safe; *p != '\0'; p++) {
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_') {
            *p = '_';
        }
    }
    return g_strdup_printf("ego-%s.svg", safe);
}

/* One ego drawing per id of opts->ego, as (name, text) pairs; two ids of one file name
 * or an unknown id are an error. */
static gboolean
add_ego_files(const WnNetwork *net, const WnMapOptions *opts, GPtrArray *files, GError **error)
{
    WnEgoSvgOptions ego_opts = {opts->draw.language, opts->draw.show_labels};
    g_autoptr(GHashTable) names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (gsize i = 0; opts->ego != NULL && opts->ego[i] != NULL; i++) {
        gsize node = 0;
        if (!wn_network_node_lookup(net, opts->ego[i], &node)) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "--ego: no node has the id \"%s\"",
                        opts->ego[i]);
            return FALSE;
        }
        char *name = ego_file_name(opts->ego[i]);
        if (!g_hash_table_add(names, name)) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                        "--ego: two ids give the file name %s: draw them in two runs", name);
            return FALSE;
        }
        char *svg = wn_ego_svg(net, node, &ego_opts, error);
        if (svg == NULL) {
            return FALSE;
        }
        g_ptr_array_add(files, g_strdup(name));
        g_ptr_array_add(files, svg);
    }
    return TRUE;
}

/* The map output of the outputs table (areas.csv, areas.geojson, map.svg), then
 * network.svg, wijk.svg and the ego drawings, as (name, text) pairs. */
static GPtrArray *
map_files(const WnNetwork *net, const WnMapOptions *opts, GPtrArray *warnings, gsize *left_out,
          GError **error)
{
    WnOutputSettings settings = {
        opts->draw.language,    opts->min_cell,  0,
        opts->draw.show_labels, opts->draw.seed, wn_network_relations_loaded(net)};
    WnOutputUnit unit = {net, &settings, NULL, opts->shapes, warnings, NULL};
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) egos = g_ptr_array_new_with_free_func(g_free); /* first: cheap */
    if (!add_ego_files(net, opts, egos, error) ||
        !wn_output__make(wn_output__lookup("map"), &unit, files, error)) {
        return NULL;
    }
    char *network = wn_network__svg(net, &opts->draw, left_out, error);
    if (network == NULL) {
        return NULL;
    }
    g_ptr_array_add(files, g_strdup("network.svg"));
    g_ptr_array_add(files, network);
    WnWijkSvgOptions wijk_opts = {opts->draw.language, opts->min_cell, opts->shapes};
    char *wijk = wn_wijk_svg(net, &wijk_opts, error);
    if (wijk == NULL) {
        return NULL;
    }
    g_ptr_array_add(files, g_strdup("wijk.svg"));
    g_ptr_array_add(files, wijk);
    for (guint i = 0; i < egos->len; i++) {
        g_ptr_array_add(files, g_steal_pointer(&egos->pdata[i]));
    }
    return g_steal_pointer(&files);
}

/**
 * wn_map_write:
 * Writes the map folder of @net into @out_dir (created when missing): areas.csv,
 * areas.geojson and map.svg as the outputs table's "map" defines them (small cells
 * suppressed at opts->min_cell, joined to opts->shapes), network.svg (opts->draw),
 * wijk.svg (wn_wijk_svg at opts->min_cell), ego-ID.svg for each id of opts->ego
 * (wn_ego_svg; ID with every byte but letters, digits, '-' and '_' written '_'; an
 * unknown id or two ids of one file name are WN_ERROR_INVALID), every text in
 * opts->draw.language, and run.json (@manifest, which the caller started with the
 * command line and the dataset's inputs; this adds network_left_out, min_cell, lang,
 * max_nodes, show_labels, the layout's seed and the files). Every file is computed
 * first, then each is written through a temporary file and a rename. Appends to
 * @warnings_out (may be NULL) what the user should know: a min_cell below 10 (the
 * threshold of CBS exports), then the GeoJSON's warnings, then how many nodes
 * network.svg leaves out.
 * Returns: FALSE on error: a computation that fails (its GError), or a folder or file
 * that cannot be written (WN_OUTPUT_ERROR).
 * Cost: that of wn_areas_table and wn_network_to_svg.
 */
gboolean
wn_map_write(const WnNetwork *net, const char *out_dir, const WnMapOptions *opts,
             WnRunManifest *manifest, GPtrArray *warnings_out, GError **error)
{
    g_return_val_if_fail(net != NULL && out_dir != NULL && opts != NULL && manifest != NULL, FALSE);
    guint first_warning = warnings_out != NULL ? warnings_out->len : 0;
    gsize left_out = 0;
    g_autoptr(GPtrArray) files = map_files(net, opts, warnings_out, &left_out, error);
    if (files == NULL) {
        return FALSE;
    }
    if (warnings_out != NULL && left_out > 0) {
        g_ptr_array_add(warnings_out,
                        g_strdup_printf("network.svg leaves out %" G_GSIZE_FORMAT
                                        " of %" G_GSIZE_FORMAT
                                        " nodes, those of lowest betweenness (--max-nodes 0 "
                                        "draws all); every isolated and formal-only resident is "
                                        "drawn",
                                        left_out, net->n));
    }
    if (warnings_out != NULL && opts->min_cell < CBS_MIN_CELL) {
        g_ptr_array_insert(warnings_out, (gint) first_warning,
                           g_strdup_printf("--min-cell %u is below %d, the threshold of CBS "
                                           "exports: check the figures before you share them",
                                           opts->min_cell, CBS_MIN_CELL));
    }
    g_autofree char *json = manifest_json(manifest, opts, files, left_out);
    return wn_file__make_folder(out_dir, 0755, NULL, error) &&
           wn_runs__write_files(out_dir, files, error) &&
           wn_runs__write_file(out_dir, "run.json", json, error);
}
