/* notebook.c: `wijknet export --to notebook`: a notebook, its data folder and run.json */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "notebook-private.h"

#include <string.h>
#include <glib/gstdio.h>

/**
 * wn_notebook_data_dir:
 * The data folder that goes with the notebook @path: @path without its ".ipynb" suffix
 * and with "_data" added ("out/analysis.ipynb" → "out/analysis_data"; "nb" → "nb_data").
 * Returns: a new string.
 */
char *
wn_notebook_data_dir(const char *path)
{
    gsize len = strlen(path);
    if (g_str_has_suffix(path, ".ipynb")) {
        len -= strlen(".ipynb");
    }
    g_autofree char *stem = g_strndup(path, len);
    return g_strconcat(stem, "_data", NULL);
}

/**
 * wn_notebook_argv:
 * The command line that writes this notebook, for run.json: opts->argv when given, else
 * the equivalent `wijknet export DATASET --to notebook -o PATH` with the options in
 * @opts. A NULL @dataset is written as "DATASET".
 * Returns: a new NULL-terminated array of words.
 */
char **
wn_notebook_argv(const char *dataset, const char *path, const WnNotebookOptions *opts)
{
    if (opts->argv != NULL) {
        return g_strdupv((char **) opts->argv);
    }
    g_autoptr(GStrvBuilder) words = g_strv_builder_new();
    const char *const fixed[] = {
        "wijknet", "export", dataset != NULL ? dataset : "DATASET", "--to", "notebook", "-o", path};
    for (gsize i = 0; i < G_N_ELEMENTS(fixed); i++) {
        g_strv_builder_add(words, fixed[i]);
    }
    if (opts->show_labels) {
        g_strv_builder_add(words, "--show-labels");
    }
    if (opts->skip_bad_rows) {
        g_strv_builder_add(words, "--skip-bad-rows");
    }
    return g_strv_builder_end(words);
}

static void
add_double_option(WnRunManifest *run, const char *key, double value)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    wn_run_manifest_add_option(run, key, g_ascii_formatd(buf, sizeof buf, "%.15g", value));
}

static void
add_uint_option(WnRunManifest *run, const char *key, guint64 value)
{
    g_autofree char *text = g_strdup_printf("%" G_GUINT64_FORMAT, value);
    wn_run_manifest_add_option(run, key, text);
}

/* Every option a figure of the notebook depends on, defaults included. */
static void
add_options(WnRunManifest *run, const WnNetwork *net, const WnNotebookOptions *opts)
{
    WnMeasureOptions m;
    WnIsolationOptions i;
    WnBrokersOptions b;
    WnAreaOptions a;
    nb_measure_options(net, &m);
    nb_isolation_options(&i);
    nb_brokers_options(&b);
    nb_area_options(&a);
    wn_run_manifest_add_option(run, "to", "notebook");
    wn_run_manifest_add_option(run, "show_labels", opts->show_labels ? "true" : "false");
    wn_run_manifest_add_option(run, "skip_bad_rows", opts->skip_bad_rows ? "true" : "false");
    wn_run_manifest_add_option(run, "weighted", m.weighted ? "true" : "false");
    add_uint_option(run, "samples", m.samples);
    add_uint_option(run, "seed", m.seed);
    add_double_option(run, "weight_strength", i.weight_strength);
    add_double_option(run, "weight_reach", i.weight_reach);
    add_double_option(run, "weight_weak", i.weight_weak);
    add_double_option(run, "cap_strength", i.cap_strength);
    add_double_option(run, "cap_reach", i.cap_reach);
    add_uint_option(run, "fragile_degree", i.fragile_degree);
    add_double_option(run, "fragile_weak", i.fragile_weak);
    add_uint_option(run, "at_risk_degree", i.at_risk_degree);
    wn_run_manifest_add_option(run, "brokers_by", b.by != NULL ? b.by : "area");
    add_uint_option(run, "min_cell", a.min_cell);
}

/**
 * wn_notebook_run_json:
 * run.json of a notebook's data folder, the project's run manifest
 * (wn_run_manifest_to_json): the command line (wn_notebook_argv for the notebook
 * @path), every option the figures were computed with, the files of @dataset with their
 * SHA-256 (none when @dataset is NULL) and the data files written.
 * Returns: the JSON text, or NULL when a file of @dataset cannot be read (G_FILE_ERROR).
 */
char *
wn_notebook_run_json(const WnNetwork *net, const char *dataset, const char *path,
                     const WnNotebookOptions *opts, GError **error)
{
    g_auto(GStrv) argv = wn_notebook_argv(dataset, path, opts);
    g_autoptr(WnRunManifest) run = wn_run_manifest_new("export", (const char *const *) argv);
    add_options(run, net, opts);
    if (dataset != NULL && !wn_run_manifest_add_dataset(run, dataset, error)) {
        return NULL;
    }
    static const char *const outputs[] = {"nodes.csv", "ties.csv", "areas.csv", "brokers.csv",
                                          "run.json"};
    for (gsize i = 0; i < G_N_ELEMENTS(outputs); i++) {
        wn_run_manifest_add_output(run, outputs[i]);
    }
    return wn_run_manifest_to_json(run);
}

/**
 * wn_notebook_to_ipynb:
 * The notebook itself (nbformat 4.5, Python 3 kernel, no outputs) that reads its data
 * from the folder @data_dir_name beside it; see notebooks-export/README.md for its cells.
 * Returns: the JSON text, or NULL on error (the network could not be summarised).
 */
char *
wn_notebook_to_ipynb(const WnNetwork *net, const char *dataset, const char *data_dir_name,
                     const WnNotebookOptions *opts, GError **error)
{
    g_autoptr(GPtrArray) cells = nb_cells_new();
    if (!nb_add_cells(cells, net, dataset, data_dir_name, opts, error)) {
        return NULL;
    }
    return nb_cells_to_ipynb(cells);
}

/* Writes @text to @dir/@name through a temporary file, fsync and a rename. */
static gboolean
write_file(const char *dir, const char *name, const char *text, GError **error)
{
    g_autofree char *path = dir != NULL ? g_build_filename(dir, name, NULL) : g_strdup(name);
    return wn_file_write(path, text, -1, error);
}

/* areas.csv: wn_areas_table with small cells suppressed, area names from areas.geojson. */
static char *
areas_csv(const WnNetwork *net, const char *dataset, GError **error)
{
    WnAreaOptions opts;
    nb_area_options(&opts);
    g_autofree char *shapes_path =
        dataset != NULL ? g_build_filename(dataset, "areas.geojson", NULL) : NULL;
    g_autoptr(WnAreaShapes) shapes = NULL;
    if (shapes_path != NULL && g_file_test(shapes_path, G_FILE_TEST_EXISTS)) {
        shapes = wn_area_shapes_load(shapes_path, error);
        if (shapes == NULL) {
            return NULL;
        }
    }
    opts.shapes = shapes;
    g_autoptr(WnTable) areas = wn_areas_table(net, &opts, error);
    return areas != NULL ? wn_table_to_csv(areas) : NULL;
}

static char *
brokers_csv(const WnNetwork *net, GError **error)
{
    WnBrokersOptions opts;
    nb_brokers_options(&opts);
    g_autoptr(WnTable) brokers = wn_brokers_table(net, &opts, error);
    return brokers != NULL ? wn_table_to_csv(brokers) : NULL;
}

static gboolean
write_data_files(const WnNetwork *net, const char *dataset, const char *path, const char *dir,
                 const WnNotebookOptions *opts, GError **error)
{
    g_autofree char *nodes = wn_notebook_nodes_csv(net, opts->show_labels, error);
    g_autofree char *areas = nodes != NULL ? areas_csv(net, dataset, error) : NULL;
    g_autofree char *brokers = areas != NULL ? brokers_csv(net, error) : NULL;
    g_autofree char *run =
        brokers != NULL ? wn_notebook_run_json(net, dataset, path, opts, error) : NULL;
    if (run == NULL) {
        return FALSE;
    }
    g_autofree char *ties = wn_notebook_ties_csv(net);
    return write_file(dir, "nodes.csv", nodes, error) && write_file(dir, "ties.csv", ties, error) &&
           write_file(dir, "areas.csv", areas, error) &&
           write_file(dir, "brokers.csv", brokers, error) &&
           write_file(dir, "run.json", run, error);
}

/**
 * wn_notebook_export:
 * Writes the notebook @path and, beside it, its data folder (wn_notebook_data_dir):
 * nodes.csv (wn_notebook_nodes_csv), ties.csv (wn_notebook_ties_csv), areas.csv
 * (wn_areas_table, small cells suppressed, names from @dataset's areas.geojson when
 * present), brokers.csv (wn_brokers_table by area, every broker) and run.json
 * (wn_notebook_run_json). Each
 * file is written to a temporary name and renamed; the notebook comes last, so it
 * never refers to data that are not there. Existing files of those names are replaced.
 * @dataset is the folder @net was loaded from (for run.json and the notebook's text).
 * Returns: TRUE on success; FALSE with @error set (WN_OUTPUT_ERROR for a file or folder
 * that cannot be written, G_FILE_ERROR for one that cannot be read; the engine's error
 * when a measure fails or areas.geojson is malformed).
 */
gboolean
wn_notebook_export(const WnNetwork *net, const char *dataset, const char *path,
                   const WnNotebookOptions *opts, GError **error)
{
    g_return_val_if_fail(net != NULL && path != NULL && opts != NULL, FALSE);
    g_autofree char *dir = wn_notebook_data_dir(path);
    g_autofree char *dir_name = g_path_get_basename(dir);
    if (!wn_file_make_folder(dir, error) ||
        !write_data_files(net, dataset, path, dir, opts, error)) {
        return FALSE;
    }
    g_autofree char *ipynb = wn_notebook_to_ipynb(net, dataset, dir_name, opts, error);
    return ipynb != NULL && write_file(NULL, path, ipynb, error);
}
