/* notebook-data.c: the CSV files beside a notebook: every node with every measure, the ties */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "notebook-private.h"

#include <math.h>
#include <string.h>

/* The options of every figure in the notebook, recorded in run.json and its Markdown:
 * unweighted; betweenness, closeness and harmonic exact, or above 20,000 nodes estimated
 * from the same seeded sources as `wijknet analyse` (wn_analyse_estimate_samples). */
void
nb_measure_options(const WnNetwork *net, WnMeasureOptions *out)
{
    WnAnalyseOptions analyse = WN_ANALYSE_OPTIONS_INIT;
    *out = (WnMeasureOptions) WN_MEASURE_OPTIONS_INIT;
    out->samples = wn_analyse_estimate_samples(net);
    out->seed = (guint64) analyse.seed;
}

void
nb_isolation_options(WnIsolationOptions *out)
{
    *out = (WnIsolationOptions) WN_ISOLATION_OPTIONS_INIT;
}

void
nb_brokers_options(WnBrokersOptions *out)
{
    *out = (WnBrokersOptions) WN_BROKERS_OPTIONS_INIT;
    out->top = 0; /* every node that brokers a pair: the notebook ranks them itself */
}

void
nb_area_options(WnAreaOptions *out)
{
    *out = (WnAreaOptions) WN_AREA_OPTIONS_INIT; /* counts below 10 suppressed (docs/DESIGN.md) */
}

static char *
format_double(double value)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    if (!isfinite(value)) {
        return NULL;
    }
    g_ascii_formatd(buf, sizeof buf, "%.15g", value);
    return g_strdup(buf);
}

/* Every measure of the registry, in registry order (NULL-terminated, borrowed names). */
static const char **
registry_names(void)
{
    gsize n = 0;
    const WnMeasureInfo *all = wn_measure_list(&n);
    const char **names = g_new0(const char *, n + 1);
    for (gsize i = 0; i < n; i++) {
        names[i] = all[i].name;
    }
    return names;
}

/* The isolation columns that nodes.csv does not already take from the network. */
static gboolean
is_isolation_extra(const char *name)
{
    static const char *const known[] = {"id", "type", "area", "vulnerable"};
    for (gsize i = 0; i < G_N_ELEMENTS(known); i++) {
        if (strcmp(name, known[i]) == 0) {
            return FALSE;
        }
    }
    return TRUE;
}

/* Row of each resident in @isolation, by id. */
static GHashTable *
rows_by_id(const WnTable *isolation)
{
    GHashTable *rows = g_hash_table_new(g_str_hash, g_str_equal);
    gsize id_column = 0;
    gboolean has_ids = wn_table_column_lookup(isolation, "id", &id_column);
    g_assert(has_ids);
    for (gsize i = 0; i < wn_table_row_count(isolation); i++) {
        g_hash_table_insert(rows, (gpointer) wn_table_cell_string(isolation, i, id_column),
                            GSIZE_TO_POINTER(i + 1));
    }
    return rows;
}

static void
append_header(GString *out, gboolean show_labels, const WnTable *measures, const WnTable *isolation)
{
    g_string_append(out, show_labels ? "id,type,label,area,lat,lon,vulnerable"
                                     : "id,type,area,lat,lon,vulnerable");
    for (gsize j = 3; j < wn_table_column_count(measures); j++) {
        g_string_append_c(out, ',');
        wn_table_append_csv_cell(out, wn_table_column_name(measures, j));
    }
    for (gsize j = 0; j < wn_table_column_count(isolation); j++) {
        if (is_isolation_extra(wn_table_column_name(isolation, j))) {
            g_string_append_c(out, ',');
            wn_table_append_csv_cell(out, wn_table_column_name(isolation, j));
        }
    }
    g_string_append_c(out, '\n');
}

/* id, type, label (when shown), area, lat, lon and vulnerable of node @v. */
static void
append_node_cells(GString *out, const WnNetwork *net, gsize v, gboolean show_labels)
{
    double lat = NAN, lon = NAN;
    gboolean placed = wn_network_node_position(net, v, &lat, &lon);
    g_autofree char *lat_text = placed ? format_double(lat) : NULL;
    g_autofree char *lon_text = placed ? format_double(lon) : NULL;
    const char *cells[] = {wn_network_node_id(net, v),
                           wn_node_kind_name(wn_network_node_kind(net, v)),
                           wn_network_node_label(net, v),
                           wn_network_node_area(net, v),
                           lat_text,
                           lon_text,
                           wn_network_node_vulnerable(net, v) ? "1" : "0"};
    for (gsize j = 0; j < G_N_ELEMENTS(cells); j++) {
        if (j == 2 && !show_labels) {
            continue;
        }
        g_string_append(out, j > 0 ? "," : "");
        wn_table_append_csv_cell(out, cells[j]);
    }
}

/* The cells of one table row from @first_column on, or of its isolation columns. */
static void
append_table_cells(GString *out, const WnTable *table, gsize row, gsize first_column,
                   gboolean isolation_only)
{
    for (gsize j = first_column; j < wn_table_column_count(table); j++) {
        if (isolation_only && !is_isolation_extra(wn_table_column_name(table, j))) {
            continue;
        }
        g_autofree char *cell = wn_table_cell_to_string(table, row, j);
        g_string_append_c(out, ',');
        wn_table_append_csv_cell(out, cell);
    }
}

/* A node that is no resident has no isolation row: its status says so, the rest is empty. */
static void
append_missing_isolation(GString *out, const WnTable *isolation)
{
    for (gsize j = 0; j < wn_table_column_count(isolation); j++) {
        const char *name = wn_table_column_name(isolation, j);
        if (is_isolation_extra(name)) {
            g_string_append_c(out, ',');
            g_string_append(out, strcmp(name, "status") == 0
                                     ? wn_isolation_status_name(WN_STATUS_NOT_RESIDENT)
                                     : "");
        }
    }
}

static char *
nodes_csv_text(const WnNetwork *net, gboolean show_labels, const WnTable *measures,
               const WnTable *isolation)
{
    g_autoptr(GHashTable) isolation_rows = rows_by_id(isolation);
    GString *out = g_string_new(NULL);
    append_header(out, show_labels, measures, isolation);
    for (gsize v = 0; v < wn_network_node_count(net); v++) {
        append_node_cells(out, net, v, show_labels);
        append_table_cells(out, measures, v, 3, FALSE);
        gsize row =
            GPOINTER_TO_SIZE(g_hash_table_lookup(isolation_rows, wn_network_node_id(net, v)));
        if (row > 0) {
            append_table_cells(out, isolation, row - 1, 0, TRUE);
        } else {
            append_missing_isolation(out, isolation);
        }
        g_string_append_c(out, '\n');
    }
    return g_string_free(out, FALSE);
}

/**
 * wn_notebook_nodes_csv:
 * nodes.csv of a notebook's data folder: one row per node, in node order, with `id`,
 * `type`, `label` (only with @show_labels: labels are personal data), `area`, `lat`,
 * `lon` (empty without coordinates), `vulnerable` (0/1); then every measure of the
 * registry (wn_measure_list), unweighted, betweenness exact; then the columns of
 * wn_isolation_table (default options) joined by id, from `status` on. A node that is
 * no resident has status `not_resident` and empty isolation cells. A missing value
 * (a measure undefined for a node) is an empty cell. An empty network gives the header.
 * Returns: the CSV text (RFC 4180, LF line ends), or NULL on error (a measure failed).
 */
char *
wn_notebook_nodes_csv(const WnNetwork *net, gboolean show_labels, GError **error)
{
    WnMeasureOptions measure_opts;
    WnIsolationOptions isolation_opts;
    nb_measure_options(net, &measure_opts);
    nb_isolation_options(&isolation_opts);
    g_autofree const char **names = registry_names();
    g_autoptr(WnTable) measures = wn_measure_table(net, names, &measure_opts, error);
    if (measures == NULL) {
        return NULL;
    }
    g_autoptr(WnTable) isolation = wn_isolation_table(net, &isolation_opts, error);
    if (isolation == NULL) {
        return NULL;
    }
    return nodes_csv_text(net, show_labels, measures, isolation);
}

/**
 * wn_notebook_ties_csv:
 * ties.csv of a notebook's data folder: `source`, `target`, `type` (the first row's),
 * `weight` (the sum over the tie's relations), `formal` (1 when either end is a
 * professional or an organisation) and `relations` (every relation of the tie, in
 * docs/FORMAT.md order, separated by `|`), one row per tie of the network as analysed:
 * conflicts left out, in order of first appearance; in a directed dataset from source to
 * target.
 * Returns: the CSV text; the header alone when there are no ties.
 */
char *
wn_notebook_ties_csv(const WnNetwork *net)
{
    GString *out = g_string_new("source,target,type,weight,formal,relations\n");
    for (gsize t = 0; t < wn_network_tie_count(net); t++) {
        gsize from = 0, to = 0;
        wn_network_tie_ends(net, t, &from, &to);
        g_autofree char *weight = format_double(wn_network_tie_weight(net, t));
        wn_table_append_csv_cell(out, wn_network_node_id(net, from));
        g_string_append_c(out, ',');
        wn_table_append_csv_cell(out, wn_network_node_id(net, to));
        g_autofree char *relations = wn_relations_to_list(wn_network_tie_relations(net, t));
        g_strdelimit(relations, ",", '|');
        g_string_append_printf(out, ",%s,%s,%s,%s\n", wn_tie_kind_name(wn_network_tie_kind(net, t)),
                               weight, wn_network_tie_is_formal(net, t) ? "1" : "0", relations);
    }
    return g_string_free(out, FALSE);
}
