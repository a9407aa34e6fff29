/* network-load.c: the dataset folder: dataset.json, nodes.csv and ties.csv loaded into a network */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

static gboolean
check_dataset_dir(const char *dir, GError **error)
{
    if (g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        return TRUE;
    }
    if (g_file_test(dir, G_FILE_TEST_EXISTS)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR,
                    "%s: expected a dataset folder with nodes.csv and ties.csv, got a file", dir);
        return FALSE;
    }
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                "%s: no such dataset folder (expected a folder with nodes.csv and ties.csv)", dir);
    return FALSE;
}

/**
 * wn_network_load:
 * Loads a dataset in the fieldwork format (docs/FORMAT.md) from the folder @dir: nodes.csv,
 * ties.csv and, when present, dataset.json. Repeated ties are merged (weights added,
 * the first row's type kept); conflict ties are kept aside. Any error refuses the whole
 * dataset, unless @flags has WN_LOAD_SKIP_BAD_ROWS: then bad rows are left out and
 * listed by wn_network_skipped_rows() (a quoting error that spoils one line is such a
 * row; an unterminated quote, a NUL byte or a bad header still refuses the dataset).
 * Header-only files are a valid empty dataset. A missing file or folder is a
 * G_FILE_ERROR; bad content is WN_ERROR_PARSE or WN_ERROR_INVALID, "FILE:LINE:COLUMN: "
 * with FILE as @dir joined with the file name, LINE the physical line and COLUMN the
 * 1-based field.
 * Returns: (transfer full): the network, or NULL on error.
 * Files without quotes are read over threads (fast-nodes.c, fast-ties.c), to the
 * same network. The wall seconds of each part are kept for --timings (load_seconds).
 * Cost: one pass over each file; O(n + m) memory.
 */
WnNetwork *
wn_network_load(const char *dir, WnLoadFlags flags, GError **error)
{
    g_return_val_if_fail(dir != NULL, NULL);
    if (!check_dataset_dir(dir, error)) {
        return NULL;
    }
    g_autoptr(WnNetwork) net = wn_network__new();
    g_autofree char *meta = g_build_filename(dir, "dataset.json", NULL);
    g_autofree char *nodes = g_build_filename(dir, "nodes.csv", NULL);
    g_autofree char *ties = g_build_filename(dir, "ties.csv", NULL);
    if (g_file_test(meta, G_FILE_TEST_EXISTS) && !wn_load__dataset_json(net, meta, error)) {
        return NULL;
    }
    gint64 start = g_get_monotonic_time();
    gboolean ok = wn_load__table(net, &wn_load__node_table, nodes, flags, NULL, error);
    gint64 nodes_done = g_get_monotonic_time();
    ok = ok && wn_load__table(net, &wn_load__tie_table, ties, flags, NULL, error);
    gint64 ties_done = g_get_monotonic_time();
    if (!ok || !wn_network__build_graphs(net, error)) {
        return NULL;
    }
    gint64 now = g_get_monotonic_time();
    net->load_seconds[WN_LOAD_PART_NODES] = (double) (nodes_done - start) / G_USEC_PER_SEC;
    net->load_seconds[WN_LOAD_PART_TIES] = (double) (ties_done - nodes_done) / G_USEC_PER_SEC;
    net->load_seconds[WN_LOAD_PART_GRAPHS] = (double) (now - ties_done) / G_USEC_PER_SEC;
    if (net->merged_rows > 0) {
        gboolean one = net->merged_rows == 1;
        wn_network__add_warning(net,
                                "%s: %" G_GSIZE_FORMAT " repeated tie %s merged into %s of the "
                                "same pair (weights added)",
                                ties, net->merged_rows, one ? "row" : "rows",
                                one ? "an earlier row" : "earlier rows");
    }
    return g_steal_pointer(&net);
}
