/* outputs.c: what each output of a batch job writes, for a dataset or one area */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "runs.h"

/* Adds one file (name, text) to @files; takes @text. */
static void
add_file(GPtrArray *files, const char *name, char *text)
{
    g_ptr_array_add(files, g_strdup(name));
    g_ptr_array_add(files, text);
}

/* @table cut to the unit's area by @column (the whole table for a whole dataset). */
static WnTable *
for_unit(const WnBatchUnit *u, WnTable *table, const char *column)
{
    if (table == NULL || u->area == NULL) {
        return table;
    }
    WnTable *cut = wn_report__rows_where(table, column, u->area);
    wn_table_free(table);
    return cut;
}

static gboolean
add_table(GPtrArray *files, const char *name, WnTable *table)
{
    g_autoptr(WnTable) owned = table;
    if (owned == NULL) {
        return FALSE;
    }
    add_file(files, name, wn_table_to_csv(owned));
    return TRUE;
}

/* check.json: what `wijknet check` counts, of the whole dataset. */
static gboolean
make_check(const WnBatchUnit *u, GPtrArray *files, GError **error)
{
    WnSummary s;
    if (!wn_network_summarise(u->net, &s, error)) {
        return FALSE;
    }
    g_autoptr(cJSON) root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "nodes", (double) s.nodes);
    cJSON *kinds = cJSON_AddObjectToObject(root, "nodes_by_kind");
    for (int k = 0; k < WN_NODE_KIND_COUNT; k++) {
        cJSON_AddNumberToObject(kinds, wn_node_kind_name(k), (double) s.nodes_by_kind[k]);
    }
    cJSON_AddNumberToObject(root, "tie_rows", (double) s.tie_rows);
    cJSON_AddNumberToObject(root, "merged_rows", (double) s.merged_rows);
    cJSON_AddNumberToObject(root, "ties", (double) s.ties);
    cJSON *ties = cJSON_AddObjectToObject(root, "ties_by_kind");
    for (int k = 0; k < WN_TIE_KIND_COUNT; k++) {
        cJSON_AddNumberToObject(ties, wn_tie_kind_name(k), (double) s.ties_by_kind[k]);
    }
    cJSON_AddNumberToObject(root, "formal_ties", (double) s.formal_ties);
    cJSON_AddNumberToObject(root, "informal_ties", (double) s.informal_ties);
    cJSON_AddNumberToObject(root, "components", (double) s.components);
    cJSON_AddNumberToObject(root, "largest_component", (double) s.largest_component);
    cJSON_AddNumberToObject(root, "isolated_nodes", (double) s.isolated_nodes);
    cJSON_AddNumberToObject(root, "residents_without_informal_tie",
                            (double) s.residents_without_informal_tie);
    cJSON_AddNumberToObject(root, "vulnerable_residents", (double) s.vulnerable_residents);
    char *text = cJSON_Print(root);
    add_file(files, "check.json", g_strconcat(text, "\n", NULL));
    cJSON_free(text);
    return TRUE;
}

static gboolean
make_measures(const WnBatchUnit *u, GPtrArray *files, GError **error)
{
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    WnTable *t = wn_measures_table(u->net, wn_measure_default_names(), &opts, error);
    return add_table(files, "measures.csv", for_unit(u, t, "area"));
}

static gboolean
make_isolation(const WnBatchUnit *u, GPtrArray *files, GError **error)
{
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    WnTable *t = wn_isolation_ranking(u->net, &opts, TRUE, error);
    return add_table(files, "isolation.csv", for_unit(u, t, "area"));
}

static gboolean
make_brokers(const WnBatchUnit *u, GPtrArray *files, GError **error)
{
    WnBrokersOptions opts = WN_BROKERS_OPTIONS_INIT;
    opts.top = u->area != NULL ? 0 : u->d->top; /* an area's own, however far down */
    WnTable *t = for_unit(u, wn_brokers_table(u->net, &opts, error), "group");
    if (t != NULL && u->area != NULL && u->d->top > 0 && wn_table_row_count(t) > u->d->top) {
        g_autofree gboolean *keep = g_new0(gboolean, wn_table_row_count(t) + 1);
        for (gsize i = 0; i < u->d->top; i++) {
            keep[i] = TRUE;
        }
        WnTable *cut = wn_report__rows_kept(t, keep);
        wn_table_free(t);
        t = cut;
    }
    return add_table(files, "brokers.csv", t);
}

/* areas.csv, areas.geojson and map.svg (small cells suppressed at the job's min_cell). */
static gboolean
make_map(const WnBatchUnit *u, GPtrArray *files, GError **error)
{
    WnAreaOptions opts = WN_AREA_OPTIONS_INIT;
    opts.min_cell = u->d->min_cell;
    opts.shapes = u->shapes;
    g_autoptr(WnTable) areas = for_unit(u, wn_areas_table(u->net, &opts, error), "area");
    if (areas == NULL) {
        return FALSE;
    }
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    char *geojson = wn_areas_to_geojson(areas, u->shapes, warnings, error);
    char *svg = geojson != NULL ? wn_areas_to_svg(areas, u->shapes, error) : NULL;
    if (svg == NULL) {
        g_free(geojson);
        return FALSE;
    }
    add_file(files, "areas.csv", wn_table_to_csv(areas));
    add_file(files, "areas.geojson", geojson);
    add_file(files, "map.svg", svg);
    return TRUE;
}

static gboolean
make_report(const WnBatchUnit *u, GPtrArray *files, GError **error)
{
    WnReportOptions opts = WN_REPORT_OPTIONS_INIT;
    opts.language = u->d->language;
    opts.min_cell = u->d->min_cell;
    opts.top = u->d->top;
    opts.show_labels = u->d->show_labels;
    opts.shapes = u->shapes;
    opts.area = u->area;
    char *html = wn_report_to_html(u->net, &opts, error);
    if (html != NULL) {
        add_file(files, "report.html", html);
    }
    return html != NULL;
}

/* suggestions.csv: for every resident at risk; for an area, its own residents'. */
static gboolean
make_suggest(const WnBatchUnit *u, GPtrArray *files, GError **error)
{
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    g_autoptr(WnTable) t = wn_suggest_table(u->net, NULL, &opts, NULL, error);
    gsize target = 0;
    if (t == NULL || u->area == NULL || !wn_table_column_lookup(t, "target", &target)) {
        return add_table(files, "suggestions.csv", g_steal_pointer(&t));
    }
    g_autofree gboolean *keep = g_new0(gboolean, wn_table_row_count(t) + 1);
    for (gsize row = 0; row < wn_table_row_count(t); row++) {
        gsize v = 0;
        keep[row] = wn_network_node_lookup(u->net, wn_table_cell_string(t, row, target), &v) &&
                    g_strcmp0(wn_network_node_area(u->net, v), u->area) == 0;
    }
    return add_table(files, "suggestions.csv", wn_report__rows_kept(t, keep));
}

static const WnBatchOutput outputs[] = {
    {"check", make_check},       {"measures", make_measures}, {"isolation", make_isolation},
    {"brokers", make_brokers},   {"map", make_map},           {"report", make_report},
    {"suggest", make_suggest},
};
static const char *const output_names[] = {"check", "measures", "isolation", "brokers",
                                           "map",   "report",   "suggest",   NULL};
G_STATIC_ASSERT(G_N_ELEMENTS(outputs) + 1 == G_N_ELEMENTS(output_names));

/**
 * wn_batch_output_names:
 * The outputs a job may ask for: check (check.json), measures (measures.csv),
 * isolation (isolation.csv), brokers (brokers.csv), map (areas.csv, areas.geojson,
 * map.svg), report (report.html), suggest (suggestions.csv).
 * Returns: a NULL-terminated static list.
 */
const char *const *
wn_batch_output_names(void)
{
    return output_names;
}

const WnBatchOutput *
wn_batch__output(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(outputs); i++) {
        if (g_strcmp0(outputs[i].name, name) == 0) {
            return &outputs[i];
        }
    }
    return NULL;
}

gboolean
wn_batch__is_output(const char *name)
{
    return wn_batch__output(name) != NULL;
}
