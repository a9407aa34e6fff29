/* data.c: what the explorer computes once at start-up, before it answers anyone */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "explorer.h"

#include <string.h>

/* The areas that show no figures: fewer residents than the threshold. */
static GHashTable *
small_areas(const WnTable *areas)
{
    GHashTable *small = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    gsize code = 0, suppressed = 0;
    if (!json_table_column(areas, "area", &code) ||
        !json_table_column(areas, "suppressed", &suppressed)) {
        return small;
    }
    for (gsize row = 0; row < wn_table_row_count(areas); row++) {
        g_autofree char *flag = wn_table_cell_to_string(areas, row, suppressed);
        const char *area = wn_table_cell_string(areas, row, code);
        if (g_strcmp0(flag, "1") == 0 && area != NULL && *area != '\0') {
            char *copy = g_strdup(area);
            g_hash_table_insert(small, copy, copy);
        }
    }
    return small;
}

/* Each node's ties, and the other end of each of its conflicts. */
static void
index_ties(ExplorerData *d, const WnNetwork *net)
{
    gsize n = wn_network_node_count(net);
    d->ties = g_ptr_array_new_full((guint) n, (GDestroyNotify) g_array_unref);
    d->conflicts = g_ptr_array_new_full((guint) n, (GDestroyNotify) g_array_unref);
    for (gsize v = 0; v < n; v++) {
        g_ptr_array_add(d->ties, g_array_new(FALSE, FALSE, sizeof(gsize)));
        g_ptr_array_add(d->conflicts, g_array_new(FALSE, FALSE, sizeof(gsize)));
    }
    for (gsize t = 0; t < wn_network_tie_count(net); t++) {
        gsize a = 0, b = 0;
        wn_network_tie_ends(net, t, &a, &b);
        g_array_append_val(g_ptr_array_index(d->ties, a), t);
        g_array_append_val(g_ptr_array_index(d->ties, b), t);
    }
    for (gsize c = 0; c < wn_network_conflict_count(net); c++) {
        gsize a = 0, b = 0;
        wn_network_conflict_ends(net, c, &a, &b);
        g_array_append_val(g_ptr_array_index(d->conflicts, a), b);
        g_array_append_val(g_ptr_array_index(d->conflicts, b), a);
    }
}

/* Each node's row in the isolation table (residents only). */
static GArray *
isolation_rows(const WnNetwork *net, const WnTable *isolation)
{
    gsize n = wn_network_node_count(net);
    GArray *rows = g_array_sized_new(FALSE, FALSE, sizeof(gsize), (guint) n);
    gsize none = G_MAXSIZE;
    for (gsize v = 0; v < n; v++) {
        g_array_append_val(rows, none);
    }
    for (gsize row = 0; row < wn_table_row_count(isolation); row++) {
        gsize v = 0;
        if (wn_network_node_lookup(net, json_string(isolation, row, "id"), &v)) {
            g_array_index(rows, gsize, v) = row;
        }
    }
    return rows;
}

/**
 * explorer_data_load:
 * Computes every table the answers read (areas, isolation, key figures, suggestions)
 * and the ties of each node, once, on the calling thread.
 * Returns: FALSE on error.
 */
gboolean
explorer_data_load(WnExplorer *ex, GError **error)
{
    ExplorerData *d = &ex->data;
    WnAreaOptions area_opts = WN_AREA_OPTIONS_INIT;
    area_opts.min_cell = ex->opts.min_cell;
    area_opts.shapes = ex->shapes;
    WnIsolationOptions iso = WN_ISOLATION_OPTIONS_INIT;
    WnSuggestOptions suggest = WN_SUGGEST_OPTIONS_INIT;
    if ((d->areas = wn_areas_table(ex->net, &area_opts, error)) == NULL ||
        (d->ranking = wn_isolation_ranking(ex->net, &iso, FALSE, error)) == NULL ||
        (d->isolation = wn_isolation_table(ex->net, &iso, error)) == NULL ||
        (d->persons = wn_key_figures_table(ex->net, WN_KEY_PERSONS, 0, error)) == NULL ||
        (d->places = wn_key_figures_table(ex->net, WN_KEY_PLACES, 0, error)) == NULL ||
        (d->suggestions = wn_suggest_table(ex->net, NULL, &suggest, NULL, error)) == NULL) {
        return FALSE;
    }
    d->small = small_areas(d->areas);
    d->isolation_row = isolation_rows(ex->net, d->isolation);
    index_ties(d, ex->net);
    return TRUE;
}

/**
 * explorer_data_clear:
 * Frees what explorer_data_load made.
 */
void
explorer_data_clear(ExplorerData *d)
{
    g_clear_pointer(&d->areas, wn_table_free);
    g_clear_pointer(&d->ranking, wn_table_free);
    g_clear_pointer(&d->isolation, wn_table_free);
    g_clear_pointer(&d->persons, wn_table_free);
    g_clear_pointer(&d->places, wn_table_free);
    g_clear_pointer(&d->suggestions, wn_table_free);
    g_clear_pointer(&d->small, g_hash_table_unref);
    g_clear_pointer(&d->isolation_row, g_array_unref);
    g_clear_pointer(&d->ties, g_ptr_array_unref);
    g_clear_pointer(&d->conflicts, g_ptr_array_unref);
}
