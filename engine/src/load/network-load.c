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

/* The warnings of a loaded network about its tie rows: merged rows, rows left out. */
static void
warn_tie_rows(WnNetwork *net, const char *ties)
{
    if (net->merged_rows > 0) {
        gboolean one = net->merged_rows == 1;
        wn_network__add_warning(net,
                                "%s: %" G_GSIZE_FORMAT " repeated tie %s merged into %s of the "
                                "same pair and type (weights added)",
                                ties, net->merged_rows, one ? "row" : "rows",
                                one ? "an earlier row" : "earlier rows");
    }
    if (net->left_out_rows > 0) {
        g_autofree char *kept = wn_relations_to_list(net->relations);
        wn_network__add_warning(net,
                                "%s: %" G_GSIZE_FORMAT " tie %s of other relations left out "
                                "(only %s analysed)",
                                ties, net->left_out_rows, net->left_out_rows == 1 ? "row" : "rows",
                                kept);
    }
}

/**
 * wn_network_load:
 * Loads a dataset in the fieldwork format (docs/FORMAT.md) from the folder @dir: nodes.csv,
 * ties.csv and, when present, dataset.json. The rows of a pair make one tie: rows of
 * different types are its relations, rows of the same type merge (weights added); the
 * tie's weight is the sum of all its rows. Conflict ties are kept aside. Any error refuses
 * the whole dataset, unless @flags has WN_LOAD_SKIP_BAD_ROWS: then bad rows are left out
 * and listed by wn_network_skipped_rows() (a quoting error that spoils one line is such a
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
    return wn_network_load_relations(dir, flags, WN_RELATIONS_ALL, error);
}

/**
 * wn_network_load_relations:
 * Loads a dataset as wn_network_load() does, keeping only the rows of the relation types
 * in @relations (`--relations`): a tie then holds only those relations, and its weight
 * is the sum of their rows. Rows of other types are still checked, and counted in a
 * warning; conflicts are kept aside as always. With WN_RELATIONS_ALL the network is
 * wn_network_load()'s, bit for bit.
 * Returns: (transfer full): the network, or NULL on error.
 */
WnNetwork *
wn_network_load_relations(const char *dir, WnLoadFlags flags, WnRelations relations, GError **error)
{
    g_return_val_if_fail(dir != NULL, NULL);
    g_return_val_if_fail((relations & WN_RELATIONS_ALL) != 0, NULL);
    if (!check_dataset_dir(dir, error)) {
        return NULL;
    }
    g_autoptr(WnNetwork) net = wn_network__new();
    net->relations = relations & WN_RELATIONS_ALL;
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
    if (!ok) {
        return NULL;
    }
    wn_network__seal(net);
    gint64 now = g_get_monotonic_time();
    net->load_seconds[WN_LOAD_PART_NODES] = (double) (nodes_done - start) / G_USEC_PER_SEC;
    net->load_seconds[WN_LOAD_PART_TIES] = (double) (ties_done - nodes_done) / G_USEC_PER_SEC;
    net->load_seconds[WN_LOAD_PART_GRAPHS] = (double) (now - ties_done) / G_USEC_PER_SEC;
    warn_tie_rows(net, ties);
    return g_steal_pointer(&net);
}
