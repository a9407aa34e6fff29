/* test-measures.c: every centrality measure on hand-computed networks and the oracles */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/*
 * The networks in tests/data (every tie has weight 1 unless shown as -w-):
 *
 * pair:              a - b
 * path-4:            a - b - c - d
 * star-5:            c at the centre, tied to l1, l2, l3 and l4
 * triangle-isolate:  a - b - c - a, and d without ties
 * two-components:    a - b - c - a, and d - e
 * no-ties:           a, b, c and no tie at all
 * weighted-path-3:   a -2- b -1- c          (lengths 1/2 and 1)
 * weighted-shortcut: a -1- b, a -4- c -4- b (a to b: 1 direct, 1/4 + 1/4 via c)
 * weighted-tie:      the cycle s -3- a -3- b -3- c -2- t -3- f -2- e -3- d -3- s
 *                    s to t: 1/3 + 1/3 + 1/3 + 1/2 = 1/3 + 1/3 + 1/2 + 1/3 = 3/2 both
 *                    ways, but in floating point 1.5 and 1.4999999999999998
 *
 * Expected values are fractions worked out by hand; the comment above each row shows
 * one of them. φ = (1 + √5)/2.
 */
typedef struct {
    const char *measure;
    const char *rule; /* the behaviour the row shows, for the test path */
    const char *network;
    gboolean weighted;
    gsize n;
    double expected[12];
} MeasureCase;

static const MeasureCase cases[] = {
    /* degree: distinct contacts */
    {"degree", "path-counts-contacts", "path-4", FALSE, 4, {1, 2, 2, 1}},
    {"degree", "isolate-scores-zero", "triangle-isolate", FALSE, 4, {2, 2, 2, 0}},
    {"degree", "ignores-weights", "weighted-path-3", TRUE, 3, {1, 2, 1}},
    {"degree", "no-ties-scores-zero", "no-ties", FALSE, 3, {0, 0, 0}},
    /* strength: b has ties of weight 2 and 1, so 3 */
    {"strength", "sums-weights", "weighted-path-3", FALSE, 3, {2, 3, 1}},
    {"strength", "sums-weights-when-weighted", "weighted-path-3", TRUE, 3, {2, 3, 1}},
    {"strength", "equals-degree-with-unit-weights", "star-5", FALSE, 5, {4, 1, 1, 1, 1}},
    {"strength", "isolate-scores-zero", "triangle-isolate", FALSE, 4, {2, 2, 2, 0}},
    {"strength", "no-ties-scores-zero", "no-ties", FALSE, 3, {0, 0, 0}},
    /* betweenness: b lies on a-c and a-d, so 2 */
    {"betweenness", "path-counts-pairs-once", "path-4", FALSE, 4, {0, 2, 2, 0}},
    /* the centre lies on all C(4,2) = 6 leaf pairs */
    {"betweenness", "star-centre-counts-leaf-pairs", "star-5", FALSE, 5, {6, 0, 0, 0, 0}},
    {"betweenness", "isolate-scores-zero", "triangle-isolate", FALSE, 4, {0, 0, 0, 0}},
    {"betweenness", "disconnected-scores-zero", "two-components", FALSE, 5, {0, 0, 0, 0, 0}},
    {"betweenness", "no-ties-scores-zero", "no-ties", FALSE, 3, {0, 0, 0}},
    /* weighted, a-b is shorter via c (1/2 < 1); unweighted, a and b are adjacent */
    {"betweenness", "weighted-follows-short-lengths", "weighted-shortcut", TRUE, 3, {0, 0, 1}},
    {"betweenness", "unweighted-ignores-lengths", "weighted-shortcut", FALSE, 3, {0, 0, 0}},
    /* t is on a-f (one of two paths of length 3/2, so 1/2), b-f (1), c-f (1) and
     * c-e (1): 7/2. Counting only the path whose float sum is smaller gives 4 or 3. */
    {"betweenness",
     "weighted-counts-equal-length-paths",
     "weighted-tie",
     TRUE,
     8,
     {11.0 / 2, 11.0 / 2, 5, 4, 7.0 / 2, 7.0 / 2, 4, 5}},
    /* betweenness_norm: 2 × 2/((n-1)(n-2)) = 4/6 */
    {"betweenness_norm", "scales-by-pairs", "path-4", FALSE, 4, {0, 2.0 / 3, 2.0 / 3, 0}},
    {"betweenness_norm", "star-centre-scores-one", "star-5", FALSE, 5, {1, 0, 0, 0, 0}},
    {"betweenness_norm", "no-ties-scores-zero", "no-ties", FALSE, 3, {0, 0, 0}},
    /* 2/((n-1)(n-2)) is undefined for n = 2; no node can lie between two others */
    {"betweenness_norm", "fewer-than-three-nodes-scores-zero", "pair", FALSE, 2, {0, 0}},
    /* 7/2 × 2/(7 × 6) = 1/6 */
    {"betweenness_norm",
     "weighted-counts-equal-length-paths",
     "weighted-tie",
     TRUE,
     8,
     {11.0 / 42, 11.0 / 42, 5.0 / 21, 4.0 / 21, 1.0 / 6, 1.0 / 6, 4.0 / 21, 5.0 / 21}},
    /* closeness: a reaches 3 nodes at distances 1 + 2 + 3 = 6, so 3/6 */
    {"closeness", "path-reach-over-distance", "path-4", FALSE, 4, {0.5, 0.75, 0.75, 0.5}},
    /* a leaf: 4/(1 + 2 + 2 + 2) = 4/7 */
    {"closeness", "star", "star-5", FALSE, 5, {1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7}},
    /* a reaches 2 of 3 others at 1 + 1: 2/2 × 2/3 */
    {"closeness",
     "isolate-scores-zero",
     "triangle-isolate",
     FALSE,
     4,
     {2.0 / 3, 2.0 / 3, 2.0 / 3, 0}},
    /* d reaches 1 of 4 others at distance 1: 1/1 × 1/4 (Wasserman-Faust) */
    {"closeness",
     "disconnected-scaled-by-reach",
     "two-components",
     FALSE,
     5,
     {0.5, 0.5, 0.5, 0.25, 0.25}},
    {"closeness", "no-ties-scores-zero", "no-ties", FALSE, 3, {0, 0, 0}},
    /* c: lengths 1 and 1 + 1/2, so 2/(5/2) = 4/5 */
    {"closeness",
     "weighted-uses-inverse-weights",
     "weighted-path-3",
     TRUE,
     3,
     {1, 4.0 / 3, 4.0 / 5}},
    /* a: 1/4 to c, 1/4 + 1/4 to b, so 2/(3/4) = 8/3 */
    {"closeness", "weighted-takes-shortcut", "weighted-shortcut", TRUE, 3, {8.0 / 3, 8.0 / 3, 4}},
    /* harmonic: a: 1 + 1/2 + 1/3 = 11/6 */
    {"harmonic", "path-sums-inverse-distances", "path-4", FALSE, 4, {11.0 / 6, 2.5, 2.5, 11.0 / 6}},
    /* a leaf: 1 + 3 × 1/2 */
    {"harmonic", "star", "star-5", FALSE, 5, {4, 2.5, 2.5, 2.5, 2.5}},
    {"harmonic", "isolate-scores-zero", "triangle-isolate", FALSE, 4, {2, 2, 2, 0}},
    {"harmonic", "unreachable-adds-zero", "two-components", FALSE, 5, {2, 2, 2, 1, 1}},
    {"harmonic", "no-ties-scores-zero", "no-ties", FALSE, 3, {0, 0, 0}},
    /* a: 1/(1/2) + 1/(3/2) = 2 + 2/3 */
    {"harmonic",
     "weighted-uses-inverse-weights",
     "weighted-path-3",
     TRUE,
     3,
     {8.0 / 3, 3, 5.0 / 3}},
    /* c: 1/(1/4) + 1/(1/4) = 8 */
    {"harmonic", "weighted-takes-shortcut", "weighted-shortcut", TRUE, 3, {6, 6, 8}},
    /* eigenvector: A x = φ x for x = (1, φ, φ, 1); over its maximum: 1/φ at the ends */
    {"eigenvector",
     "path-max-is-one",
     "path-4",
     FALSE,
     4,
     {0.61803398874989485, 1, 1, 0.61803398874989485}},
    /* A x = 2 x for x = (2, 1, 1, 1, 1) */
    {"eigenvector", "star", "star-5", FALSE, 5, {1, 0.5, 0.5, 0.5, 0.5}},
    {"eigenvector", "isolate-scores-zero", "triangle-isolate", FALSE, 4, {1, 1, 1, 0}},
    /* the triangle's eigenvalue 2 beats the pair's 1: the pair scores 0 */
    {"eigenvector", "smaller-component-scores-zero", "two-components", FALSE, 5, {1, 1, 1, 0, 0}},
    /* igraph would give 1 everywhere; we give what an isolated node gets */
    {"eigenvector", "no-ties-scores-zero", "no-ties", FALSE, 3, {0, 0, 0}},
    {"eigenvector", "no-ties-scores-zero-weighted", "no-ties", TRUE, 3, {0, 0, 0}},
    /* weights (0 2 0; 2 0 1; 0 1 0) have eigenvalue √5 with x = (2, √5, 1): 2/√5, 1, 1/√5 */
    {"eigenvector",
     "weighted-uses-weights",
     "weighted-path-3",
     TRUE,
     3,
     {0.89442719099991588, 1, 0.44721359549995794}},
    /* x = (y, y, 1): λy = y + 4 and λ = 8y, so 8y² - y - 4 = 0, y = (1 + √129)/16 */
    {"eigenvector",
     "weighted-shortcut",
     "weighted-shortcut",
     TRUE,
     3,
     {0.77236354322503417, 0.77236354322503417, 1}},
    /* pagerank: centre c = 0.03 + 0.85 × 4l and l = 0.03 + 0.85 c/4 give c = 88/185 */
    {"pagerank",
     "star",
     "star-5",
     FALSE,
     5,
     {88.0 / 185, 97.0 / 740, 97.0 / 740, 97.0 / 740, 97.0 / 740}},
    /* a = 0.0375 + 0.85 b/2, b = 0.0375 + 0.85 (a + b/2): b = 37/114, a = 10/57 */
    {"pagerank", "path", "path-4", FALSE, 4, {10.0 / 57, 37.0 / 114, 37.0 / 114, 10.0 / 57}},
    /* d hands its score to all four: d = 0.0375 + 0.85 d/4, so d = 1/21 */
    {"pagerank",
     "isolate-spreads-uniformly",
     "triangle-isolate",
     FALSE,
     4,
     {20.0 / 63, 20.0 / 63, 20.0 / 63, 1.0 / 21}},
    /* no walk leaves a component and teleport is uniform: each keeps its share, 1/5 each */
    {"pagerank",
     "components-keep-their-share",
     "two-components",
     FALSE,
     5,
     {0.2, 0.2, 0.2, 0.2, 0.2}},
    {"pagerank", "no-ties-scores-uniform", "no-ties", FALSE, 3, {1.0 / 3, 1.0 / 3, 1.0 / 3}},
    /* b = 0.05 + 0.85 (a + c) = 0.05 + 0.85 (1 - b), so b = 18/37; a gets 2/3 of b's walk */
    {"pagerank",
     "weighted-follows-weights",
     "weighted-path-3",
     TRUE,
     3,
     {12.05 / 37, 18.0 / 37, 6.95 / 37}},
    /* coreness */
    {"coreness", "path-is-one-core", "path-4", FALSE, 4, {1, 1, 1, 1}},
    {"coreness", "star-is-one-core", "star-5", FALSE, 5, {1, 1, 1, 1, 1}},
    {"coreness", "isolate-scores-zero", "triangle-isolate", FALSE, 4, {2, 2, 2, 0}},
    {"coreness", "per-component", "two-components", FALSE, 5, {2, 2, 2, 1, 1}},
    {"coreness", "ignores-weights", "weighted-shortcut", TRUE, 3, {2, 2, 2}},
    {"coreness", "no-ties-scores-zero", "no-ties", FALSE, 3, {0, 0, 0}},
    /* clustering: the triangle's pairs of contacts are all tied */
    {"clustering", "triangle-scores-one", "triangle-isolate", FALSE, 4, {1, 1, 1, 0}},
    {"clustering", "degree-one-scores-zero", "two-components", FALSE, 5, {1, 1, 1, 0, 0}},
    {"clustering", "open-pairs-score-zero", "star-5", FALSE, 5, {0, 0, 0, 0, 0}},
    {"clustering", "ignores-weights", "weighted-shortcut", TRUE, 3, {1, 1, 1}},
    {"clustering", "no-ties-scores-zero", "no-ties", FALSE, 3, {0, 0, 0}},
};

static void
test_measure_matches_hand_computed_scores(gconstpointer data)
{
    const MeasureCase *c = data;
    g_autoptr(WnNetwork) net = wn_test_load("data", c->network);
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    opts.weighted = c->weighted;
    g_autoptr(GArray) scores = wn_test_compute(c->measure, net, &opts);
    g_autoptr(GArray) want = g_array_new(FALSE, FALSE, sizeof(double));
    g_array_append_vals(want, c->expected, (guint) c->n);

    g_assert_cmpuint(scores->len, ==, c->n);
    wn_test_assert_scores(c->measure, scores, want);
}

/* Oracle columns (tests/oracle/<dataset>/expected/centrality.csv, see its README). */
typedef struct {
    const char *measure;
    gboolean weighted;
    const char *column;
} OracleColumn;

static const OracleColumn oracle_columns[] = {
    {"degree", FALSE, "degree"},
    {"degree", TRUE, "degree"},
    {"strength", FALSE, "strength"},
    {"strength", TRUE, "strength"},
    {"betweenness", FALSE, "betweenness_raw"},
    {"betweenness_norm", FALSE, "betweenness_norm"},
    {"betweenness_norm", TRUE, "betweenness_w"},
    {"closeness", FALSE, "closeness"},
    {"harmonic", FALSE, "harmonic"},
    {"eigenvector", FALSE, "eigenvector"},
    {"eigenvector", TRUE, "eigenvector_w"},
    {"pagerank", FALSE, "pagerank"},
    {"pagerank", TRUE, "pagerank_w"},
    {"coreness", FALSE, "coreness"},
    {"coreness", TRUE, "coreness"},
    {"clustering", FALSE, "clustering"},
    {"clustering", TRUE, "clustering"},
};

static const char *const oracle_datasets[] = {"karate", "florentine", "davis"};

typedef struct {
    const char *dataset;
    const OracleColumn *column;
} OracleCase;

static void
test_measure_matches_oracle(gconstpointer data)
{
    const OracleCase *c = data;
    g_autoptr(WnNetwork) net = wn_test_load("oracle", c->dataset);
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    opts.weighted = c->column->weighted;
    g_autoptr(GArray) scores = wn_test_compute(c->column->measure, net, &opts);
    g_autoptr(GArray) want = wn_test_read_oracle(c->dataset, c->column->column);

    wn_test_assert_scores(c->column->column, scores, want);
}

/* The oracle's rows must be our nodes in order, or every comparison above is void. */
static void
test_oracle_rows_follow_node_order(gconstpointer data)
{
    const char *dataset = data;
    g_autoptr(WnNetwork) net = wn_test_load("oracle", dataset);
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "oracle", dataset, "expected", "centrality.csv", NULL);
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;
    g_file_get_contents(path, &text, NULL, &error);
    g_assert_no_error(error);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);

    g_assert_cmpuint(g_strv_length(lines), ==, wn_network_node_count(net) + 2);
    for (gsize v = 0; v < wn_network_node_count(net); v++) {
        g_auto(GStrv) cells = g_strsplit(lines[v + 1], ",", 2);
        g_assert_cmpstr(cells[0], ==, wn_network_node_id(net, v));
    }
}

/* Weighted raw betweenness is betweenness_w × (n−1)(n−2)/2 (its README). */
static void
test_weighted_betweenness_is_unscaled_oracle(gconstpointer data)
{
    const char *dataset = data;
    g_autoptr(WnNetwork) net = wn_test_load("oracle", dataset);
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    opts.weighted = TRUE;
    g_autoptr(GArray) scores = wn_test_compute("betweenness", net, &opts);
    g_autoptr(GArray) want = wn_test_read_oracle(dataset, "betweenness_w");
    double n = (double) wn_network_node_count(net);
    for (guint i = 0; i < want->len; i++) {
        g_array_index(want, double, i) *= (n - 1) * (n - 2) / 2;
    }

    wn_test_assert_scores("betweenness weighted", scores, want);
}

static GArray *
sampled_betweenness(const WnNetwork *net, guint samples, guint64 seed)
{
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    opts.samples = samples;
    opts.seed = seed;
    return wn_test_compute("betweenness", net, &opts);
}

static void
test_sampled_same_seed_same_scores(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    g_autoptr(GArray) first = sampled_betweenness(net, 10, 99);
    g_autoptr(GArray) again = sampled_betweenness(net, 10, 99);
    g_autoptr(GArray) other = sampled_betweenness(net, 10, 100);

    g_assert_cmpmem(first->data, first->len * sizeof(double), again->data,
                    again->len * sizeof(double));
    g_assert_true(memcmp(first->data, other->data, first->len * sizeof(double)) != 0);
}

static void
test_sampled_with_all_sources_is_exact(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    g_autoptr(GArray) want = wn_test_read_oracle("karate", "betweenness_raw");
    g_autoptr(GArray) n_sources = sampled_betweenness(net, 34, 7);
    g_autoptr(GArray) more = sampled_betweenness(net, 1000, 7);

    wn_test_assert_scores("samples = n", n_sources, want);
    wn_test_assert_scores("samples > n", more, want);
}

/*
 * Sampled betweenness is (n/K) · ½ · Σ_{s∈S} δ_s(v) (docs/WORKLOAD.md), with δ_s(v) the
 * share of shortest paths from s to every t through v. Samples by hand from splitmix64:
 * n = 4, seed 12345: S = {0} for K = 1; n = 4, seed 7: S = {3, 1} for K = 2;
 * n = 5, seed 12345: S = {4, 2, 1, 3}; n = 5, seed 1: S = {0, 4, 2, 1} for K = 4.
 */
typedef struct {
    const char *rule;
    const char *network;
    guint samples;
    guint64 seed;
    gsize n;
    double expected[12];
} SampledCase;

static const SampledCase sampled_cases[] = {
    /* S = {a}: δ_a(b) = 2 (to c, d), δ_a(c) = 1 (to d); × 4/1 × ½ */
    {"one-source-by-hand", "path-4", 1, 12345, 4, {0, 4, 2, 0}},
    /* S = {d, b}: δ_d(b) = 1, δ_b(b) = 0; δ_d(c) = 2, δ_b(c) = 1 (to d); × 4/2 × ½ */
    {"two-sources-by-hand", "path-4", 2, 7, 4, {0, 1, 3, 0}},
    /* S = four leaves, each with δ(c) = 3: 5/4 × ½ × 12 = 15/2; without the ½ it is 15 */
    {"halves-undirected-pairs", "star-5", 4, 12345, 5, {7.5, 0, 0, 0, 0}},
    /* S = centre and three leaves: 5/4 × ½ × 9 = 45/8 */
    {"centre-as-source-adds-nothing", "star-5", 4, 1, 5, {45.0 / 8, 0, 0, 0, 0}},
};

static void
test_sampled_matches_hand_computed_scores(gconstpointer data)
{
    const SampledCase *c = data;
    g_autoptr(WnNetwork) net = wn_test_load("data", c->network);
    g_autoptr(GArray) scores = sampled_betweenness(net, c->samples, c->seed);
    g_autoptr(GArray) want = g_array_new(FALSE, FALSE, sizeof(double));
    g_array_append_vals(want, c->expected, (guint) c->n);

    wn_test_assert_scores(c->rule, scores, want);
}

/* Writes the path 0 - 1 - … - (n−1) in the fieldwork format into a new folder. */
static char *
write_path_dataset(gsize n)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp("wn-path-XXXXXX", &error);
    g_assert_no_error(error);
    g_autoptr(GString) nodes = g_string_new("id,type\n");
    g_autoptr(GString) ties = g_string_new("source,target\n");
    for (gsize v = 0; v < n; v++) {
        g_string_append_printf(nodes, "%" G_GSIZE_FORMAT ",resident\n", v);
        if (v > 0) {
            g_string_append_printf(ties, "%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT "\n", v - 1, v);
        }
    }
    g_autofree char *nodes_path = g_build_filename(dir, "nodes.csv", NULL);
    g_autofree char *ties_path = g_build_filename(dir, "ties.csv", NULL);
    g_file_set_contents(nodes_path, nodes->str, (gssize) nodes->len, &error);
    g_assert_no_error(error);
    g_file_set_contents(ties_path, ties->str, (gssize) ties->len, &error);
    g_assert_no_error(error);
    return g_steal_pointer(&dir);
}

static void
remove_dataset(const char *dir)
{
    g_autofree char *nodes_path = g_build_filename(dir, "nodes.csv", NULL);
    g_autofree char *ties_path = g_build_filename(dir, "ties.csv", NULL);
    g_assert_cmpint(g_remove(nodes_path), ==, 0);
    g_assert_cmpint(g_remove(ties_path), ==, 0);
    g_assert_cmpint(g_rmdir(dir), ==, 0);
}

/*
 * docs/WORKLOAD.md: for n = 100,818 and seed 12345 the first eight sources are the ones
 * below. On a path, δ_s(v) is v for v < s (the targets before v) and n−1−v for v > s,
 * so the estimate from K = 8 sources shows whether the sampler drew exactly these.
 */
static void
test_sampled_sources_follow_workload(void)
{
    static const gsize sources[] = {36764, 51094, 7215, 4113, 19313, 87030, 45488, 13511};
    const gsize n = 100818;
    g_autofree char *dir = write_path_dataset(n);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autoptr(GArray) scores = sampled_betweenness(net, 8, 12345);
    g_autoptr(GArray) want = g_array_new(FALSE, TRUE, sizeof(double));
    for (gsize v = 0; v < n; v++) {
        double sum = 0;
        for (gsize k = 0; k < G_N_ELEMENTS(sources); k++) {
            sum += v < sources[k] ? (double) v : v > sources[k] ? (double) (n - 1 - v) : 0.0;
        }
        double estimate = (double) n / 8 * 0.5 * sum;
        g_array_append_val(want, estimate);
    }

    wn_test_assert_scores("sampled path", scores, want);
    remove_dataset(dir);
}

/*
 * Sampled closeness and harmonic use betweenness's sample (same seeds as above; n = 3,
 * seed 12345: S = {2} for K = 1). Harmonic ≈ (n/K) · Σ_{s∈S, s≠v} 1/d(s, v); closeness
 * ≈ r/((n−1)·D(v)), D(v) the mean d(s, v) over the sources s ≠ v of v's component, r
 * the other nodes of that component; NaN when no such source exists.
 */
typedef struct {
    const char *measure;
    const char *rule;
    const char *network;
    gboolean weighted;
    guint samples;
    guint64 seed;
    gsize n;
    double expected[12];
} DistanceSampleCase;

static const DistanceSampleCase distance_sample_cases[] = {
    /* S = {a}: d(a, ·) = 0, 1, 2, 3; × 4/1; a itself gets nothing */
    {"harmonic", "one-source-by-hand", "path-4", FALSE, 1, 12345, 4, {0, 4, 2, 4.0 / 3}},
    /* S = {d, b}: a gets (1/3 + 1) × 4/2 */
    {"harmonic", "two-sources-by-hand", "path-4", FALSE, 2, 7, 4, {8.0 / 3, 1, 4, 1}},
    /* S = {e, c, b, d}: a gets (1 + 1) × 5/4, the other sources one neighbour each */
    {"harmonic",
     "stays-in-component",
     "two-components",
     FALSE,
     4,
     12345,
     5,
     {5.0 / 2, 5.0 / 4, 5.0 / 4, 5.0 / 4, 5.0 / 4}},
    /* S = {c}: d(c, a) = 1/2 + 1 = 3/2, d(c, b) = 1; × 3/1 */
    {"harmonic", "weighted-one-source", "weighted-path-3", TRUE, 1, 12345, 3, {2, 3, 0}},
    /* S = {a}: r = 3; b: D = 1, so 3/(3 · 1); a has no other source */
    {"closeness", "one-source-by-hand", "path-4", FALSE, 1, 12345, 4, {NAN, 1, 0.5, 1.0 / 3}},
    /* S = {d, b}: a: D = (3 + 1)/2 = 2, so 3/(3 · 2); c: D = 1 */
    {"closeness", "two-sources-by-hand", "path-4", FALSE, 2, 7, 4, {0.5, 0.5, 1, 0.5}},
    /* S = {e, c, b, d}: every mean is 1, as exact: 2/(4 · 1) and 1/(4 · 1) */
    {"closeness",
     "stays-in-component",
     "two-components",
     FALSE,
     4,
     12345,
     5,
     {0.5, 0.5, 0.5, 0.25, 0.25}},
    /* S = {c}: a: D = 3/2, so 2/(2 · 3/2) */
    {"closeness", "weighted-one-source", "weighted-path-3", TRUE, 1, 12345, 3, {2.0 / 3, 1, NAN}},
};

static void
test_distance_sample_matches_hand_computed_scores(gconstpointer data)
{
    const DistanceSampleCase *c = data;
    g_autoptr(WnNetwork) net = wn_test_load("data", c->network);
    WnMeasureOptions opts = {c->weighted, c->samples, c->seed};
    g_autoptr(GArray) scores = wn_test_compute(c->measure, net, &opts);
    g_autoptr(GArray) want = g_array_new(FALSE, FALSE, sizeof(double));
    g_array_append_vals(want, c->expected, (guint) c->n);

    wn_test_assert_scores(c->rule, scores, want);
}

/* K ≥ n is the exact measure; the same seed gives the same estimate, another seed not. */
static void
test_distance_sample_all_sources_and_seed(gconstpointer data)
{
    const char *measure = data;
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    g_autoptr(GArray) want = wn_test_read_oracle("karate", measure);
    WnMeasureOptions all = {FALSE, 34, 7}, more = {FALSE, 1000, 7};
    WnMeasureOptions some = {FALSE, 10, 99}, other = {FALSE, 10, 100};
    g_autoptr(GArray) n_sources = wn_test_compute(measure, net, &all);
    g_autoptr(GArray) more_sources = wn_test_compute(measure, net, &more);
    g_autoptr(GArray) first = wn_test_compute(measure, net, &some);
    g_autoptr(GArray) again = wn_test_compute(measure, net, &some);
    g_autoptr(GArray) reseeded = wn_test_compute(measure, net, &other);

    wn_test_assert_scores("samples = n", n_sources, want);
    wn_test_assert_scores("samples > n", more_sources, want);
    g_assert_cmpmem(first->data, first->len * sizeof(double), again->data,
                    again->len * sizeof(double));
    g_assert_true(memcmp(first->data, reseeded->data, first->len * sizeof(double)) != 0);
}

static void
add_hand_computed_tests(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/measures/%s/%s", cases[i].measure, cases[i].rule);
        g_test_add_data_func(path, &cases[i], test_measure_matches_hand_computed_scores);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(sampled_cases); i++) {
        g_autofree char *path =
            g_strdup_printf("/measures/betweenness/sampled/%s", sampled_cases[i].rule);
        g_test_add_data_func(path, &sampled_cases[i], test_sampled_matches_hand_computed_scores);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(distance_sample_cases); i++) {
        g_autofree char *path =
            g_strdup_printf("/measures/%s/sampled/%s", distance_sample_cases[i].measure,
                            distance_sample_cases[i].rule);
        g_test_add_data_func(path, &distance_sample_cases[i],
                             test_distance_sample_matches_hand_computed_scores);
    }
    g_test_add_data_func("/measures/closeness/sampled/all-sources-is-exact-and-seeded", "closeness",
                         test_distance_sample_all_sources_and_seed);
    g_test_add_data_func("/measures/harmonic/sampled/all-sources-is-exact-and-seeded", "harmonic",
                         test_distance_sample_all_sources_and_seed);
}

static void
add_oracle_tests(void)
{
    for (gsize d = 0; d < G_N_ELEMENTS(oracle_datasets); d++) {
        const char *ds = oracle_datasets[d];
        g_autofree char *order = g_strdup_printf("/measures/oracle/%s/rows-follow-node-order", ds);
        g_test_add_data_func(order, ds, test_oracle_rows_follow_node_order);
        g_autofree char *raw_w =
            g_strdup_printf("/measures/oracle/%s/betweenness-weighted-matches-unscaled-w", ds);
        g_test_add_data_func(raw_w, ds, test_weighted_betweenness_is_unscaled_oracle);
        for (gsize j = 0; j < G_N_ELEMENTS(oracle_columns); j++) {
            const OracleColumn *col = &oracle_columns[j];
            OracleCase *c = g_new(OracleCase, 1);
            *c = (OracleCase){ds, col};
            g_autofree char *path =
                g_strdup_printf("/measures/oracle/%s/%s%s-matches-%s", ds, col->measure,
                                col->weighted ? "-weighted" : "", col->column);
            g_test_add_data_func_full(path, c, test_measure_matches_oracle, g_free);
        }
    }
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    add_hand_computed_tests();
    add_oracle_tests();
    g_test_add_func("/measures/betweenness/sampled/same-seed-same-scores",
                    test_sampled_same_seed_same_scores);
    g_test_add_func("/measures/betweenness/sampled/all-sources-is-exact",
                    test_sampled_with_all_sources_is_exact);
    g_test_add_func("/measures/betweenness/sampled/sources-follow-workload",
                    test_sampled_sources_follow_workload);
    return g_test_run();
}
