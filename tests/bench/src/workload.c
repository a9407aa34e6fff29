/* workload.c: the "profile" workload of the benchmark (tests/bench/README.md), step by step */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bench.h"
#include "measures/measures.h"
#include "bridging/bridging.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXACT_BETWEENNESS_MAX_NODES 20000
#define BETWEENNESS_SAMPLE 256
#define BETWEENNESS_SEED 12345u

/* Everything the steps compute, in node order. */
typedef struct {
    const char *dataset, *out_dir;
    guint threads;
    WnNetwork *net;
    const WnCsr *csr; /* the network's shared snapshot: the measures use the same one */
    gsize n;
    double *degree, *strength, *pagerank, *coreness, *betweenness;
    double *constraint, *effective_size;
    guint8 *articulation;
    GArray *bridges; /* guint64: lower index << 32 | higher index */
    WnReach reach;
    guint32 *targets; /* residents with informal degree ≤ 1 */
    gsize n_targets;
    WnTop *top;
} Profile;

static void
profile_clear(Profile *p)
{
    wn_network_free(p->net); /* and with it the snapshot */
    double *arrays[] = {p->degree,      p->strength,   p->pagerank,       p->coreness,
                        p->betweenness, p->constraint, p->effective_size, p->reach.weak_share};
    for (gsize i = 0; i < G_N_ELEMENTS(arrays); i++) {
        g_free(arrays[i]);
    }
    g_free(p->articulation);
    if (p->bridges != NULL) {
        g_array_unref(p->bridges);
    }
    g_free(p->reach.informal_degree);
    g_free(p->reach.reach2);
    g_free(p->targets);
    g_free(p->top);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Profile, profile_clear)

/* docs/WORKLOAD.md step 2's betweenness on a snapshot: exact up to 20,000 nodes, else sampled. */
static double *
betweenness_of(const WnCsr *csr, guint threads)
{
    gsize n = csr->n;
    gboolean exact = n <= EXACT_BETWEENNESS_MAX_NODES;
    gsize k = exact ? n : BETWEENNESS_SAMPLE;
    g_autofree guint32 *sources = wn_random__sample_sources(n, exact ? 0 : k, BETWEENNESS_SEED);
    double *b = wn_brandes__dependency_sum(csr, sources, k, threads);
    for (gsize v = 0; v < n; v++) {
        /* the peers' expression, so that the roundings agree: b · 0.5 · n / k */
        b[v] = exact ? b[v] * 0.5 : b[v] * 0.5 * (double) n / (double) k;
    }
    return b;
}

/**
 * wn_workload_betweenness:
 * The profile workload's betweenness (docs/WORKLOAD.md step 2): shortest paths in hops,
 * not normalised, each unordered pair counted once. Exact (Brandes 2001) when the
 * network has at most 20,000 nodes; above, estimated from the 256 sources that
 * splitmix64 with seed 12345 draws, as (n/256)·½·Σ_s δ_s(v). Computed over
 * opts->threads threads on a CSR snapshot, with a result that is the same, bit for bit,
 * for any number of threads. A network without ties scores 0 everywhere.
 * Returns: (transfer full): one score per node.
 * Cost: O(n·(n + m)) exact, O(256·(n + m)) sampled, over the threads.
 */
GArray *
wn_workload_betweenness(const WnNetwork *net, const WnWorkloadOptions *opts)
{
    g_autoptr(WnCsr) csr = wn_csr__new(net);
    g_autofree double *b = betweenness_of(csr, opts->threads);
    GArray *scores = wn_scores__new(net->n);
    memcpy(scores->data, b, net->n * sizeof(double));
    return scores;
}

/* 1. load: the dataset (docs/FORMAT.md) and the CSR snapshot every later step reads. */
static gboolean
step_load(Profile *p, GError **error)
{
    p->net = wn_network_load(p->dataset, WN_LOAD_DEFAULT, error);
    if (p->net == NULL) {
        return FALSE;
    }
    if (p->net->directed) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "%s: the profile workload is defined for undirected datasets only", p->dataset);
        return FALSE;
    }
    p->n = p->net->n;
    gint64 start = g_get_monotonic_time();
    p->csr = wn_csr__shared(p->net);
    /* the profile's graph is the CSR: igraph's is never built (no step needs it) */
    p->net->load_seconds[WN_LOAD_PART_GRAPHS] +=
        (double) (g_get_monotonic_time() - start) / G_USEC_PER_SEC;
    return TRUE;
}

/* Takes the scores out of a product measure's array (PageRank and coreness: igraph is
 * fastest there, and the definitions are the same). */
static double *
scores_steal(GArray *scores)
{
    return (double *) (void *) g_array_free(scores, FALSE);
}

/* 2. centrality: degree, strength, weighted PageRank, coreness, betweenness. */
static gboolean
step_centrality(Profile *p, GError **error)
{
    WnMeasureOptions weighted = {TRUE, 0, 0};
    GArray *pagerank = wn_measure_pagerank(p->net, &weighted, error);
    GArray *coreness = pagerank != NULL ? wn_measure_coreness(p->net, &weighted, error) : NULL;
    if (coreness == NULL) {
        if (pagerank != NULL) {
            g_array_unref(pagerank);
        }
        return FALSE;
    }
    p->pagerank = scores_steal(pagerank);
    p->coreness = scores_steal(coreness);
    p->degree = g_new(double, p->n + 1);
    p->strength = g_new(double, p->n + 1);
    for (gsize v = 0; v < p->n; v++) {
        p->degree[v] = (double) wn_csr__degree(p->csr, v);
        p->strength[v] = p->csr->strength[v];
    }
    p->betweenness = betweenness_of(p->csr, p->threads);
    return TRUE;
}

/* 3. holes: weighted constraint and Borgatti's effective size. */
static gboolean
step_holes(Profile *p, GError **error)
{
    (void) error;
    p->constraint = g_new(double, p->n + 1);
    p->effective_size = g_new(double, p->n + 1);
    wn_bench__holes(p->csr, p->threads, p->constraint, p->effective_size);
    return TRUE;
}

/* 4. cuts: articulation points and bridges of the unweighted graph. */
static gboolean
step_cuts(Profile *p, GError **error)
{
    (void) error;
    p->articulation = g_new(guint8, p->n + 1);
    p->bridges = g_array_new(FALSE, FALSE, sizeof(guint64));
    wn_cuts__search(p->csr, p->articulation, p->bridges);
    return TRUE;
}

/* 5. isolation: informal degree, reach2 and weak_share of every resident. */
static gboolean
step_isolation(Profile *p, GError **error)
{
    (void) error;
    p->reach.informal_degree = g_new(gint64, p->n + 1);
    p->reach.reach2 = g_new(gint64, p->n + 1);
    p->reach.weak_share = g_new(double, p->n + 1);
    wn_bench__reach(p->csr, p->net->kinds, p->threads, &p->reach);
    return TRUE;
}

/* Numbers each distinct area (G_MAXUINT32: none); equal strings get equal numbers. */
static guint32 *
area_codes(const WnNetwork *net)
{
    g_autoptr(GHashTable) codes = g_hash_table_new(g_str_hash, g_str_equal);
    guint32 *area = g_new(guint32, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        const char *a = net->areas[v];
        gpointer code = NULL;
        if (a == NULL) {
            area[v] = G_MAXUINT32;
        } else if (g_hash_table_lookup_extended(codes, a, NULL, &code)) {
            area[v] = GPOINTER_TO_UINT(code);
        } else {
            area[v] = g_hash_table_size(codes);
            g_hash_table_insert(codes, (gpointer) a, GUINT_TO_POINTER(area[v]));
        }
    }
    return area;
}

static gint
compare_guint32(gconstpointer a, gconstpointer b)
{
    guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
    return x < y ? -1 : x > y;
}

/* Appends the numbers of @cell's interests (split on |, empty pieces dropped) to @out. */
static void
add_interests(GHashTable *tokens, const char *cell, GArray *out)
{
    guint first = out->len;
    for (const char *p = cell; p != NULL && *p != '\0';) {
        const char *end = strchr(p, '|');
        gsize len = end != NULL ? (gsize) (end - p) : strlen(p);
        if (len > 0) {
            g_autofree char *piece = g_strndup(p, len);
            gpointer code = g_hash_table_lookup(tokens, piece);
            if (code == NULL) {
                code = GUINT_TO_POINTER(g_hash_table_size(tokens) + 1);
                g_hash_table_insert(tokens, g_steal_pointer(&piece), code);
            }
            guint32 token = GPOINTER_TO_UINT(code);
            g_array_append_val(out, token);
        }
        p = end != NULL ? end + 1 : NULL;
    }
    qsort(&g_array_index(out, guint32, first), out->len - first, sizeof(guint32), compare_guint32);
}

/* Every node's interests as sorted token numbers: interest[start[v] … start[v + 1]). */
static guint32 *
interest_tokens(const WnNetwork *net, gsize **start_out)
{
    const WnColumn *column = wn_network__column(net->node_attributes, "interests");
    g_autoptr(GHashTable) tokens = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GArray) interest = g_array_new(FALSE, FALSE, sizeof(guint32));
    gsize *start = g_new0(gsize, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        if (column != NULL && net->kinds[v] == WN_NODE_RESIDENT) {
            add_interests(tokens, column->values[v], interest);
        }
        start[v + 1] = interest->len;
    }
    *start_out = start;
    return (guint32 *) (void *) g_array_free(g_steal_pointer(&interest), FALSE);
}

/* 6. suggest: the five best candidates of each resident with informal degree ≤ 1. */
static gboolean
step_suggest(Profile *p, GError **error)
{
    (void) error;
    p->targets = g_new(guint32, p->n + 1);
    for (gsize v = 0; v < p->n; v++) {
        if (p->net->kinds[v] == WN_NODE_RESIDENT && p->reach.informal_degree[v] <= 1) {
            p->targets[p->n_targets++] = (guint32) v;
        }
    }
    g_autofree guint32 *area = area_codes(p->net);
    g_autofree gsize *interest_start = NULL;
    g_autofree guint32 *interest = interest_tokens(p->net, &interest_start);
    WnSuggestInput in = {p->csr, p->net->kinds, area, interest_start, interest};
    p->top = g_new0(WnTop, p->n_targets + 1);
    wn_bench__suggest(&in, p->targets, p->n_targets, p->threads, p->top);
    return TRUE;
}

/* Writes @text to DIR/@name whole or not at all (wn_file__write): an interrupted run
 * leaves the old file or none; the outputs are remade by a rerun. */
static gboolean
write_output(const Profile *p, const char *name, const GString *text, GError **error)
{
    g_autofree char *path = g_build_filename(p->out_dir, name, NULL);
    return wn_file__write(path, text->str, (gssize) text->len, 0666, error);
}

/* One area's row of areas.csv, summed over its residents. */
typedef struct {
    const char *area; /* "" for residents without one */
    gint64 residents, isolated, informal_degree;
} AreaRow;

static gint
compare_area_rows(gconstpointer a, gconstpointer b)
{
    return strcmp(((const AreaRow *) a)->area, ((const AreaRow *) b)->area);
}

static GArray *
area_rows(const Profile *p)
{
    g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
    GArray *rows = g_array_new(FALSE, TRUE, sizeof(AreaRow));
    for (gsize v = 0; v < p->n; v++) {
        if (p->net->kinds[v] != WN_NODE_RESIDENT) {
            continue;
        }
        const char *a = p->net->areas[v] != NULL ? p->net->areas[v] : "";
        gpointer at = NULL;
        if (!g_hash_table_lookup_extended(index, a, NULL, &at)) {
            AreaRow row = {a, 0, 0, 0};
            at = GUINT_TO_POINTER(rows->len);
            g_array_append_val(rows, row);
            g_hash_table_insert(index, (gpointer) a, at);
        }
        AreaRow *row = &g_array_index(rows, AreaRow, GPOINTER_TO_UINT(at));
        gint64 d = p->reach.informal_degree[v];
        row->residents++;
        row->isolated += d == 0;
        row->informal_degree += d;
    }
    g_array_sort(rows, compare_area_rows);
    return rows;
}

/* 7. areas: residents, isolated, their share and the mean informal degree per area. */
static gboolean
step_areas(Profile *p, GError **error)
{
    g_autoptr(GArray) rows = area_rows(p);
    g_autoptr(GString) text =
        g_string_new("area,residents,isolated,isolated_share,mean_informal_degree\n");
    for (guint i = 0; i < rows->len; i++) {
        const AreaRow *row = &g_array_index(rows, AreaRow, i);
        wn_table_append_csv_cell(text, row->area);
        g_string_append_printf(text, ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",", row->residents,
                               row->isolated);
        wn_format__append_g10(text, (double) row->isolated / (double) row->residents);
        g_string_append_c(text, ',');
        wn_format__append_g10(text, (double) row->informal_degree / (double) row->residents);
        g_string_append_c(text, '\n');
    }
    return write_output(p, "areas.csv", text, error);
}

static void
append_number(GString *out, double x)
{
    g_string_append_c(out, ',');
    wn_format__append_g10(out, x);
}

/* One line of nodes_out.csv (docs/WORKLOAD.md step 8). */
static void
format_node(GString *out, gsize v, gconstpointer data)
{
    const Profile *p = data;
    wn_table_append_csv_cell(out, p->net->ids[v]);
    g_string_append_c(out, ',');
    g_string_append(out, wn_node_kind_name((WnNodeKind) p->net->kinds[v]));
    g_string_append_c(out, ',');
    wn_table_append_csv_cell(out, p->net->areas[v]);
    double centrality[] = {p->degree[v],         p->strength[v],    p->pagerank[v],
                           p->coreness[v],       p->betweenness[v], p->constraint[v],
                           p->effective_size[v], p->articulation[v]};
    for (gsize i = 0; i < G_N_ELEMENTS(centrality); i++) {
        append_number(out, centrality[i]);
    }
    gboolean resident = p->net->kinds[v] == WN_NODE_RESIDENT;
    double informal = resident ? (double) p->reach.informal_degree[v] : NAN;
    append_number(out, informal);
    append_number(out, p->degree[v] - informal);
    append_number(out, resident ? (double) p->reach.reach2[v] : NAN);
    append_number(out, p->reach.weak_share[v]);
    g_string_append_c(out, '\n');
}

/* nodes_out.csv, formatted over the threads and written as it is made (a million rows
 * are about 90 MiB of text), whole or not at all as write_output(). */
static gboolean
write_nodes(const Profile *p, GError **error)
{
    static const char header[] = "id,type,area,degree,strength,pagerank,coreness,betweenness,"
                                 "constraint,effective_size,articulation,informal_degree,"
                                 "formal_degree,reach2,weak_share\n";
    g_autofree char *path = g_build_filename(p->out_dir, "nodes_out.csv", NULL);
    g_autoptr(WnFileWriter) w = wn_file_writer__open(path, 0666, error);
    return w != NULL && wn_file_writer__write(w, header, sizeof header - 1, error) &&
           wn_format__write_rows(w, p->n, p->threads, format_node, p, error) &&
           wn_file_writer__commit(w, error);
}

static gboolean
write_bridges(const Profile *p, GError **error)
{
    g_autoptr(GString) text = g_string_new("source,target\n");
    for (guint i = 0; i < p->bridges->len; i++) {
        guint64 key = g_array_index(p->bridges, guint64, i);
        wn_table_append_csv_cell(text, p->net->ids[key >> 32]);
        g_string_append_c(text, ',');
        wn_table_append_csv_cell(text, p->net->ids[key & G_MAXUINT32]);
        g_string_append_c(text, '\n');
    }
    return write_output(p, "bridges.csv", text, error);
}

static gsize
write_suggestions(const Profile *p, GError **error)
{
    g_autoptr(GString) text = g_string_new("resident,rank,candidate,score\n");
    gsize rows = 0;
    for (gsize i = 0; i < p->n_targets; i++) {
        const WnTop *top = &p->top[i];
        for (guint k = 0; k < top->count; k++, rows++) {
            wn_table_append_csv_cell(text, p->net->ids[p->targets[i]]);
            g_string_append_printf(text, ",%u,", k + 1);
            wn_table_append_csv_cell(text, p->net->ids[top->candidate[k]]);
            append_number(text, top->score[k]);
            g_string_append_c(text, '\n');
        }
    }
    return write_output(p, "suggestions.csv", text, error) ? rows : G_MAXSIZE;
}

/* summary.json as the peers write it: json.dump(indent=2, sort_keys=True). */
static gboolean
write_summary(const Profile *p, gsize suggestions, GError **error)
{
    gsize articulation_points = 0;
    for (gsize v = 0; v < p->n; v++) {
        articulation_points += p->articulation[v];
    }
    g_autoptr(GString) text = g_string_new("{\n");
    g_string_append_printf(text,
                           "  \"articulation_points\": %" G_GSIZE_FORMAT ",\n"
                           "  \"bridges\": %u,\n  \"capped_steps\": [],\n"
                           "  \"merged_rows\": %" G_GSIZE_FORMAT ",\n"
                           "  \"nodes\": %" G_GSIZE_FORMAT ",\n  \"peer\": \"wijknet\",\n"
                           "  \"suggest_residents\": %" G_GSIZE_FORMAT ",\n"
                           "  \"suggestions\": %" G_GSIZE_FORMAT ",\n"
                           "  \"tie_rows\": %" G_GSIZE_FORMAT ",\n"
                           "  \"ties\": %" G_GSIZE_FORMAT ",\n  \"wijknet\": \"%s\"\n}\n",
                           articulation_points, p->bridges->len, p->net->merged_rows, p->n,
                           p->n_targets, suggestions, p->net->tie_rows, p->net->m, wn_version());
    return write_output(p, "summary.json", text, error);
}

/* 8. write: nodes_out.csv, bridges.csv, suggestions.csv and summary.json. */
static gboolean
step_write(Profile *p, GError **error)
{
    if (!write_nodes(p, error) || !write_bridges(p, error)) {
        return FALSE;
    }
    gsize suggestions = write_suggestions(p, error);
    return suggestions != G_MAXSIZE && write_summary(p, suggestions, error);
}

static const struct {
    const char *name;
    gboolean (*run)(Profile *p, GError **error);
} steps[] = {
    {"load", step_load},   {"centrality", step_centrality}, {"holes", step_holes},
    {"cuts", step_cuts},   {"isolation", step_isolation},   {"suggest", step_suggest},
    {"areas", step_areas}, {"write", step_write},
};

/* The parts of the load step, as "load:nodes.csv", "load:ties.csv" and "load:graphs". */
static void
report_load_parts(const WnNetwork *net, WnStepFunc on_step, gpointer user_data)
{
    static const char *const parts[WN_LOAD_PARTS] = {"load:nodes.csv", "load:ties.csv",
                                                     "load:graphs"};
    for (gsize i = 0; i < WN_LOAD_PARTS; i++) {
        on_step(parts[i], net->load_seconds[i], user_data);
    }
}

/**
 * wn_workload_profile:
 * Runs the "profile" workload (docs/WORKLOAD.md, version 1) on the dataset in
 * @dataset and writes its results into @out_dir (created when missing): nodes_out.csv,
 * bridges.csv, suggestions.csv, areas.csv and summary.json, in the peers' formats, so
 * that integers compare as text and floats within the workload's tolerances. The
 * workload's definitions differ from the product's measures in small ways (weak_share,
 * the suggestion score); they live here. Conflict ties are no ties, as everywhere in
 * wijknet (the peers have none to skip in the generated towns). After each of the
 * eight steps (load, centrality, holes, cuts, isolation, suggest, areas, write),
 * @on_step (may be NULL) gets its name and wall seconds; just before "load", the
 * parts of loading as "load:nodes.csv", "load:ties.csv" (parse, check, resolve ids,
 * merge) and "load:graphs" (build the CSR every later step reads).
 * Returns: FALSE on error: a dataset that does not load (its GError), a directed
 * dataset (WN_ERROR_INVALID), or an output that cannot be written (WN_OUTPUT_ERROR).
 * Cost: dominated by betweenness: O(n·(n + m)) up to 20,000 nodes, 256·O(n + m) above.
 */
gboolean
wn_workload_profile(const char *dataset, const char *out_dir, const WnWorkloadOptions *opts,
                    WnStepFunc on_step, gpointer user_data, GError **error)
{
    g_return_val_if_fail(dataset != NULL && out_dir != NULL && opts != NULL, FALSE);
    if (!wn_file__make_folder(out_dir, 0755, "the output folder", error)) {
        return FALSE;
    }
    g_auto(Profile) p = {.dataset = dataset, .out_dir = out_dir, .threads = opts->threads};
    for (gsize i = 0; i < G_N_ELEMENTS(steps); i++) {
        gint64 started = g_get_monotonic_time();
        if (!steps[i].run(&p, error)) {
            return FALSE;
        }
        if (on_step != NULL && i == 0) {
            report_load_parts(p.net, on_step, user_data);
        }
        if (on_step != NULL) {
            on_step(steps[i].name, (double) (g_get_monotonic_time() - started) / 1e6, user_data);
        }
    }
    return TRUE;
}
