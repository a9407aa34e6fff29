/* outputs.c: the one table of outputs: each file's name, columns and computation, for
 * analyse, batch and map alike, for a dataset or one area */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "runs.h"
#include "bridging/bridging.h"
#include "measures/measures.h"

/* Adds one file (name, text) to @files; takes @text. */
static void
add_file(GPtrArray *files, const char *name, char *text)
{
    g_ptr_array_add(files, g_strdup(name));
    g_ptr_array_add(files, text);
}

/* @table cut to the unit's area by @column (the whole table for a whole dataset). */
static WnTable *
for_unit(const WnOutputUnit *u, WnTable *table, const char *column)
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

static const char *
node_kind_name(int kind)
{
    return wn_node_kind_name((WnNodeKind) kind);
}

static const char *
tie_kind_name(int kind)
{
    return wn_tie_kind_name((WnTieKind) kind);
}

/* Adds @key to @root: an object of the @n @counts, each under its kind's name. */
static void
add_counts(cJSON *root, const char *key, const gsize *counts, int n, const char *(*name)(int) )
{
    cJSON *object = cJSON_AddObjectToObject(root, key);
    for (int k = 0; k < n; k++) {
        cJSON_AddNumberToObject(object, name(k), (double) counts[k]);
    }
}

/* check.json: what `wijknet check` counts, of the whole dataset, and the names of its
 * personal columns (left out of every output). */
static gboolean
make_check(const WnOutputUnit *u, GPtrArray *files, GError **error)
{
    WnSummary s;
    if (!wn_network_summarise(u->net, &s, error)) {
        return FALSE;
    }
    g_autoptr(cJSON) root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "nodes", (double) s.nodes);
    add_counts(root, "nodes_by_kind", s.nodes_by_kind, WN_NODE_KIND_COUNT, node_kind_name);
    cJSON_AddNumberToObject(root, "tie_rows", (double) s.tie_rows);
    cJSON_AddNumberToObject(root, "merged_rows", (double) s.merged_rows);
    cJSON_AddNumberToObject(root, "relation_rows", (double) s.relation_rows);
    cJSON_AddNumberToObject(root, "left_out_rows", (double) s.left_out_rows);
    cJSON_AddNumberToObject(root, "ties", (double) s.ties);
    cJSON_AddNumberToObject(root, "multiplex_ties", (double) s.multiplex_ties);
    add_counts(root, "ties_by_kind", s.ties_by_kind, WN_TIE_KIND_COUNT, tie_kind_name);
    cJSON_AddNumberToObject(root, "formal_ties", (double) s.formal_ties);
    cJSON_AddNumberToObject(root, "informal_ties", (double) s.informal_ties);
    cJSON_AddNumberToObject(root, "components", (double) s.components);
    cJSON_AddNumberToObject(root, "largest_component", (double) s.largest_component);
    cJSON_AddNumberToObject(root, "isolated_nodes", (double) s.isolated_nodes);
    cJSON_AddNumberToObject(root, "residents_without_informal_tie",
                            (double) s.residents_without_informal_tie);
    cJSON_AddNumberToObject(root, "vulnerable_residents", (double) s.vulnerable_residents);
    g_auto(GStrv) personal = wn_network_personal_attributes_dup(u->net);
    cJSON_AddItemToObject(
        root, "personal_columns",
        cJSON_CreateStringArray((const char *const *) personal, (int) g_strv_length(personal)));
    char *text = cJSON_Print(root);
    add_file(files, "check.json", g_strconcat(text, "\n", NULL));
    cJSON_free(text);
    return TRUE;
}

/**
 * wn_analyse_estimate_samples:
 * How many sources `analyse` (and batch, and the notebook export) estimates betweenness,
 * closeness and harmonic from on @net: 256 above 20,000 nodes, else 0 (exact).
 */
guint
wn_analyse_estimate_samples(const WnNetwork *net)
{
    return wn_output__samples(net);
}

/**
 * wn_output__samples:
 * How many sources betweenness, betweenness_norm, closeness and harmonic are estimated
 * from on @net: WN_ESTIMATE_SAMPLES above WN_ESTIMATE_MIN_NODES nodes, else 0 (exact).
 */
guint
wn_output__samples(const WnNetwork *net)
{
    return wn_network_node_count(net) > WN_ESTIMATE_MIN_NODES ? WN_ESTIMATE_SAMPLES : 0;
}

/**
 * wn_output__record_sampling:
 * Records in run.json how the estimates were made: the option "estimated_from_sources"
 * (@samples; "0" = exact) and the seed the sources are drawn with.
 */
void
wn_output__record_sampling(WnRunManifest *manifest, guint samples, guint64 seed)
{
    g_autofree char *text = g_strdup_printf("%u", samples);
    wn_run_manifest_add_option(manifest, "estimated_from_sources", text);
    wn_run_manifest_set_seed(manifest, seed);
}

/* The `dependants` column (wn_dependants_count) added to a table of every node in node
 * order. */
static WnTable *
with_dependants(const WnNetwork *net, WnTable *t)
{
    if (t == NULL) {
        return NULL;
    }
    g_autoptr(GArray) all = wn_dependants_count(net);
    g_autofree gint64 *values = g_new0(gint64, all->len + 1);
    for (guint v = 0; v < all->len; v++) {
        values[v] = (gint64) g_array_index(all, gsize, v);
    }
    wn_table__add_ints(t, "dependants", values, NULL);
    return t;
}

/* measures.csv: every registry measure, estimated from the seed's sources above
 * WN_ESTIMATE_MIN_NODES nodes (the ones that read the samples), and `dependants`. */
static gboolean
make_measures(const WnOutputUnit *u, GPtrArray *files, GError **error)
{
    gsize n = 0;
    const WnMeasureInfo *all = wn_measure_list(&n);
    g_autofree const char **names = g_new0(const char *, n + 1);
    for (gsize i = 0; i < n; i++) {
        names[i] = all[i].name;
    }
    WnMeasureOptions opts = {FALSE, wn_output__samples(u->net), u->settings->seed};
    WnTable *t = with_dependants(u->net, wn_measure_table(u->net, names, &opts, error));
    return add_table(files, "measures.csv", for_unit(u, t, "area"));
}

/* isolation.csv: every resident in visiting order (wn_isolation_ranking), with a rank column. */
static gboolean
make_isolation(const WnOutputUnit *u, GPtrArray *files, GError **error)
{
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    WnTable *t = wn_isolation_ranking(u->net, &opts, TRUE, error);
    return add_table(files, "isolation.csv", for_unit(u, t, "area"));
}

static gboolean
make_brokers(const WnOutputUnit *u, GPtrArray *files, GError **error)
{
    WnBrokersOptions opts = WN_BROKERS_OPTIONS_INIT;
    guint top = u->settings->top;
    opts.top = u->area != NULL ? 0 : top; /* an area's own, however far down */
    opts.seed = u->settings->seed;        /* the betweenness of measures.csv, computed once */
    WnTable *t = for_unit(u, wn_brokers_table(u->net, &opts, error), "group");
    if (t != NULL && u->area != NULL && top > 0 && wn_table_row_count(t) > top) {
        g_autofree gboolean *keep = g_new0(gboolean, wn_table_row_count(t) + 1);
        for (gsize i = 0; i < top; i++) {
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
make_map(const WnOutputUnit *u, GPtrArray *files, GError **error)
{
    WnAreaOptions opts = WN_AREA_OPTIONS_INIT;
    opts.min_cell = u->settings->min_cell;
    opts.shapes = u->shapes;
    g_autoptr(WnTable) areas = for_unit(u, wn_areas_table(u->net, &opts, error), "area");
    if (areas == NULL) {
        return FALSE;
    }
    char *geojson = wn_areas_to_geojson(areas, u->shapes, u->warnings, error);
    char *svg =
        geojson != NULL ? wn_areas_to_svg_in(areas, u->shapes, u->settings->language, error) : NULL;
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
make_report(const WnOutputUnit *u, GPtrArray *files, GError **error)
{
    WnReportOptions opts = WN_REPORT_OPTIONS_INIT;
    opts.language = u->settings->language;
    opts.min_cell = u->settings->min_cell;
    opts.top = u->settings->top;
    opts.show_labels = u->settings->show_labels;
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
make_suggest(const WnOutputUnit *u, GPtrArray *files, GError **error)
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

/**
 * wn_output__detect_communities:
 * The communities of communities.csv: Leiden with the default options and the seed,
 * stopped (an error) when *@stop (may be NULL) turns non-zero.
 * Returns: (transfer full): the partition, or NULL on error.
 */
WnCommunities *
wn_output__detect_communities(const WnNetwork *net, guint64 seed, const gint *stop, GError **error)
{
    WnCommunityOptions opts = WN_COMMUNITY_OPTIONS_INIT;
    opts.seed = seed;
    return wn_communities__detect(net, &opts, stop, error);
}

/* communities.csv: Leiden communities with participation, drawn with the seed (found
 * beside the other outputs when analyse has done so). */
static gboolean
make_communities(const WnOutputUnit *u, GPtrArray *files, GError **error)
{
    if (u->communities != NULL) {
        return add_table(files, "communities.csv", wn_communities_table(u->net, u->communities));
    }
    g_autoptr(WnCommunities) comms =
        wn_output__detect_communities(u->net, u->settings->seed, NULL, error);
    return add_table(files, "communities.csv",
                     comms != NULL ? wn_communities_table(u->net, comms) : NULL);
}

/* Every output, by the name a job or a command gives it. The last five are analyse's
 * only: a batch job cannot ask for them, so they are never cut to an area. */
static const WnOutput outputs[] = {
    {"check", "check.json", make_check, NULL},
    {"measures", "measures.csv", make_measures, NULL},
    {"isolation", "isolation.csv", make_isolation, NULL},
    {"brokers", "brokers.csv", make_brokers, NULL},
    {"map", "areas.csv", make_map, NULL},
    {"report", "report.html", make_report, NULL},
    {"suggest", "suggestions.csv", make_suggest, NULL},
    {"communities", "communities.csv", make_communities, NULL},
    {"articulation_points", "articulation_points.csv", NULL, wn_cuts_articulation_points},
    {"bridges", "bridges.csv", NULL, wn_cuts_bridges},
    {"local_bridges", "local_bridges.csv", NULL, wn_cuts_local_bridges},
    {"components", "components.csv", NULL, wn_cuts_components},
};
static const char *const output_names[] = {"check", "measures", "isolation", "brokers",
                                           "map",   "report",   "suggest",   NULL};

/* What `wijknet analyse` writes, in the order it computes them. */
const char *const wn_output__analyse_names[] = {
    "measures", "isolation",     "brokers",    "communities", "articulation_points",
    "bridges",  "local_bridges", "components", "suggest",     NULL};

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

/* Returns: the output called @name, or NULL when there is none. */
const WnOutput *
wn_output__lookup(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(outputs); i++) {
        if (g_strcmp0(outputs[i].name, name) == 0) {
            return &outputs[i];
        }
    }
    return NULL;
}

/**
 * wn_output__make:
 * Makes @output's files for @unit, appended to @files as (name, text) pairs: its make
 * function's, or the CSV of its table of the whole network. igraph's
 * random state reaches some results (ARPACK's start vector in eigenvector centrality,
 * in the last digit): it is reset first, so an output does not depend on what ran
 * before it, and analyse, batch and a resumed batch write the same bytes.
 * Returns: FALSE on error.
 */
gboolean
wn_output__make(const WnOutput *output, const WnOutputUnit *unit, GPtrArray *files, GError **error)
{
    if (!wn_igraph__ok(igraph_rng_seed(igraph_rng_default(), 0), error)) {
        return FALSE;
    }
    if (output->network_table != NULL) {
        return add_table(files, output->files, output->network_table(unit->net, error));
    }
    return output->make(unit, files, error);
}

/* A name a job file may ask for (wn_batch_output_names). */
gboolean
wn_batch__is_output(const char *name)
{
    return g_strv_contains(output_names, name);
}
