/* test-measures-cache.c: each measure computed once per network, shared by callers and threads */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"
#include "core/core.h"

#include <math.h>
#include <string.h>

/*
 * The network's cache of results. Every measure is computed once per network and the
 * options that change it; a later call copies the cached scores. So a network asked
 * for every measure under several options, twice over, must give each time what a
 * freshly loaded network gives under those options alone, bit for bit.
 */
static const WnMeasureOptions cache_options[] = {
    {FALSE, 0, 0},  {TRUE, 0, 0},   {FALSE, 10, 99},  {FALSE, 10, 100},
    {TRUE, 10, 99}, {FALSE, 34, 7}, {FALSE, 1000, 8}, /* 34 or more sources: exact */
};

static void
assert_same_bits(const char *what, const GArray *got, const GArray *want)
{
    g_assert_cmpuint(got->len, ==, want->len);
    if (memcmp(got->data, want->data, got->len * sizeof(double)) != 0) {
        g_error("%s: the cached scores differ from a fresh network's", what);
    }
}

static void
test_cached_scores_equal_a_fresh_network(void)
{
    g_autoptr(WnNetwork) shared = wn_test_load("oracle", "karate");
    gsize count = 0;
    const WnMeasureInfo *all = wn_measure_list(&count);
    for (int round = 0; round < 2; round++) {
        for (gsize o = 0; o < G_N_ELEMENTS(cache_options); o++) {
            for (gsize i = 0; i < count; i++) {
                g_autoptr(WnNetwork) fresh = wn_test_load("oracle", "karate");
                g_autoptr(GArray) got = wn_test_compute(all[i].name, shared, &cache_options[o]);
                g_autoptr(GArray) want = wn_test_compute(all[i].name, fresh, &cache_options[o]);
                g_autofree char *what = g_strdup_printf("%s, options %zu", all[i].name, o);
                if (g_str_equal(all[i].name, "pagerank")) {
                    /* not cached; igraph's PRPACK may sum over OpenMP threads */
                    wn_test_assert_scores(what, got, want);
                } else {
                    assert_same_bits(what, got, want);
                }
            }
        }
    }
}

/* A measure returns scores the caller owns: changing them changes no later result. */
static void
test_cached_scores_are_copied_out(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    g_autoptr(GArray) want = wn_test_read_oracle("karate", "betweenness_raw");
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    const char *const names[] = {"betweenness", "betweenness_norm", "constraint", "hierarchy"};
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autoptr(GArray) first = wn_test_compute(names[i], net, &opts);
        g_autoptr(GArray) copy = g_array_copy(first);
        for (guint v = 0; v < first->len; v++) {
            g_array_index(first, double, v) = -1;
        }
        g_autoptr(GArray) again = wn_test_compute(names[i], net, &opts);
        assert_same_bits(names[i], again, copy);
    }
    g_autoptr(GArray) raw = wn_test_compute("betweenness", net, &opts);
    wn_test_assert_scores("betweenness after the copies were changed", raw, want);
}

/* Several threads asking one network for the same estimates (the CSR kernels, no
 * igraph) all get the one result a lone thread gets. */
static gpointer
sampled_in_thread(gpointer data)
{
    const WnNetwork *net = data;
    WnMeasureOptions opts = {FALSE, 10, 99};
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    g_ptr_array_add(out, wn_test_compute("betweenness", net, &opts));
    g_ptr_array_add(out, wn_test_compute("harmonic", net, &opts));
    g_ptr_array_add(out, wn_test_compute("betweenness_norm", net, &opts));
    return out;
}

static void
test_cache_is_shared_by_threads(void)
{
    g_autoptr(WnNetwork) alone = wn_test_load("oracle", "karate");
    g_autoptr(GPtrArray) want = sampled_in_thread(alone);
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    GThread *threads[4];
    for (gsize t = 0; t < G_N_ELEMENTS(threads); t++) {
        threads[t] = g_thread_new("cache", sampled_in_thread, net);
    }
    for (gsize t = 0; t < G_N_ELEMENTS(threads); t++) {
        g_autoptr(GPtrArray) got = g_thread_join(threads[t]);
        for (guint i = 0; i < want->len; i++) {
            assert_same_bits("a thread's estimate", g_ptr_array_index(got, i),
                             g_ptr_array_index(want, i));
        }
    }
}

/* Closeness and harmonic estimates share one search per source: asking for one first,
 * or only for one, changes neither. */
static void
test_closeness_and_harmonic_share_their_searches(void)
{
    WnMeasureOptions opts = {FALSE, 10, 99};
    g_autoptr(WnNetwork) both = wn_test_load("oracle", "karate");
    g_autoptr(WnNetwork) only_harmonic = wn_test_load("oracle", "karate");
    g_autoptr(WnNetwork) only_closeness = wn_test_load("oracle", "karate");
    g_autoptr(GArray) closeness_first = wn_test_compute("closeness", both, &opts);
    g_autoptr(GArray) harmonic_second = wn_test_compute("harmonic", both, &opts);
    g_autoptr(GArray) harmonic = wn_test_compute("harmonic", only_harmonic, &opts);
    g_autoptr(GArray) closeness = wn_test_compute("closeness", only_closeness, &opts);
    assert_same_bits("harmonic", harmonic_second, harmonic);
    assert_same_bits("closeness", closeness_first, closeness);
}

/* The measures on the CSR snapshot leave igraph's copy of the ties unbuilt: everything
 * `wijknet analyse` computes on a large network (betweenness, closeness and harmonic from
 * sampled sources), and exact betweenness, closeness and harmonic; the weighted path
 * measures still go through igraph and build it. */
static void
test_csr_measures_build_no_igraph_graph(void)
{
    WnMeasureOptions weighted = {TRUE, 0, 0}, sampled = {FALSE, 10, 99}, exact = {FALSE, 0, 0};
    static const char *const on_csr[] = {"coreness",  "pagerank",   "degree",
                                         "strength",  "clustering", "constraint",
                                         "hierarchy", "efficiency", "eigenvector"};
    static const char *const sampled_on_csr[] = {"closeness", "harmonic", "betweenness"};
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    g_assert_cmpuint(net->has_graph, ==, 0);
    for (gsize i = 0; i < G_N_ELEMENTS(on_csr); i++) {
        g_autoptr(GArray) a = wn_test_compute(on_csr[i], net, &exact);
        g_autoptr(GArray) b = wn_test_compute(on_csr[i], net, &weighted);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(sampled_on_csr); i++) {
        g_autoptr(GArray) a = wn_test_compute(sampled_on_csr[i], net, &sampled);
    }
    g_autoptr(GArray) betweenness = wn_test_compute("betweenness", net, &exact);
    g_autoptr(GArray) closeness = wn_test_compute("closeness", net, &exact);
    g_autoptr(GArray) harmonic = wn_test_compute("harmonic", net, &exact);
    WnSummary summary;
    g_assert_true(wn_network_summarise(net, &summary, NULL));
    g_assert_cmpuint(summary.components, ==, 1);
    g_assert_cmpuint(net->has_graph, ==, 0);
    g_autoptr(GArray) coreness = wn_test_compute("coreness", net, &weighted);
    g_assert_cmpfloat(g_array_index(coreness, double, 0), ==, 4.0); /* karate's node 1 */
    g_autoptr(GArray) weighted_harmonic = wn_test_compute("harmonic", net, &weighted);
    g_assert_cmpuint(net->has_graph, ==, 1);
}

/* The measures moved from igraph to the CSR give igraph's values to the last bit:
 * degree, strength, the clustering coefficient and the components. */
static void
assert_as_igraph(const WnNetwork *net)
{
    WnMeasureOptions plain = {FALSE, 0, 0};
    const igraph_t *graph = wn_network__graph(net);
    igraph_vector_t want;
    igraph_vector_init(&want, 0);
    igraph_transitivity_local_undirected(graph, &want, igraph_vss_all(), IGRAPH_TRANSITIVITY_ZERO);
    g_autoptr(GArray) clustering = wn_test_compute("clustering", net, &plain);
    g_assert_cmpmem(clustering->data, clustering->len * sizeof(double), VECTOR(want),
                    igraph_vector_size(&want) * sizeof(double));
    igraph_strength(graph, &want, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS,
                    wn_network__weights(net));
    g_autoptr(GArray) strength = wn_test_compute("strength", net, &plain);
    g_assert_cmpmem(strength->data, strength->len * sizeof(double), VECTOR(want),
                    igraph_vector_size(&want) * sizeof(double));
    igraph_strength(graph, &want, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, NULL);
    g_autoptr(GArray) degree = wn_test_compute("degree", net, &plain);
    g_assert_cmpmem(degree->data, degree->len * sizeof(double), VECTOR(want),
                    igraph_vector_size(&want) * sizeof(double));
    igraph_vector_destroy(&want);
    igraph_vector_int_t membership, sizes;
    igraph_vector_int_init(&membership, 0);
    igraph_vector_int_init(&sizes, 0);
    igraph_connected_components(graph, &membership, &sizes, NULL, IGRAPH_WEAK);
    g_autofree guint32 *got = g_new(guint32, net->n + 1);
    g_autoptr(GArray) got_sizes = wn_csr__components(wn_csr__shared(net), got);
    g_assert_cmpuint(got_sizes->len, ==, igraph_vector_int_size(&sizes));
    for (gsize v = 0; v < net->n; v++) {
        g_assert_cmpint(got[v], ==, VECTOR(membership)[v]);
    }
    for (guint c = 0; c < got_sizes->len; c++) {
        g_assert_cmpint(g_array_index(got_sizes, gsize, c), ==, VECTOR(sizes)[c]);
    }
    igraph_vector_int_destroy(&membership);
    igraph_vector_int_destroy(&sizes);
}

static void
test_csr_measures_are_igraphs_to_the_bit(void)
{
    static const char *const names[] = {"karate", "florentine", "davis"};
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autoptr(WnNetwork) net = wn_test_load("oracle", names[i]);
        assert_as_igraph(net);
    }
    g_autofree char *dir = wn_test_generate(3000, 11);
    g_autoptr(WnNetwork) town = wn_network_load(dir, WN_LOAD_DEFAULT, NULL);
    g_assert_nonnull(town);
    assert_as_igraph(town);
    wn_test_remove_tree(dir);
}

/* Arcs as (tie << 32) | neighbour, ordered by the neighbour. */
static gint
compare_arcs(gconstpointer a, gconstpointer b)
{
    guint32 x = (guint32) * (const guint64 *) a, y = (guint32) * (const guint64 *) b;
    return x < y ? -1 : (x > y);
}

/* The CSR snapshot is the naive one (every tie in both ends' rows, each row sorted by
 * neighbour with the tie's weight, strength the row's sum in that order) and the same
 * bytes on 1 and 2 threads, on the demo wijk, whose groups have rows longer than the
 * insertion sort takes (32). */
static void
test_csr_is_the_same_on_any_threads(void)
{
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "..", "datasets", "demo-wijk", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_setenv("WIJKNET_THREADS", "1", TRUE);
    g_autoptr(WnCsr) one = wn_csr__new(net);
    g_setenv("WIJKNET_THREADS", "2", TRUE);
    g_autoptr(WnCsr) two = wn_csr__new(net);
    g_unsetenv("WIJKNET_THREADS");
    g_assert_cmpmem(one->start, (net->n + 1) * sizeof(gsize), two->start,
                    (net->n + 1) * sizeof(gsize));
    g_assert_cmpmem(one->adj, 2 * net->m * sizeof(guint32), two->adj, 2 * net->m * sizeof(guint32));
    g_assert_cmpmem(one->weight, 2 * net->m * sizeof(double), two->weight,
                    2 * net->m * sizeof(double));
    g_assert_cmpmem(one->strength, net->n * sizeof(double), two->strength, net->n * sizeof(double));
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    for (gsize v = 0; v < net->n; v++) {
        g_ptr_array_add(rows, g_array_new(FALSE, FALSE, sizeof(guint64)));
    }
    for (gsize t = 0; t < net->m; t++) {
        guint64 to_b = ((guint64) t << 32) | net->tie_to[t];
        guint64 to_a = ((guint64) t << 32) | net->tie_from[t];
        g_array_append_val(g_ptr_array_index(rows, net->tie_from[t]), to_b);
        g_array_append_val(g_ptr_array_index(rows, net->tie_to[t]), to_a);
    }
    gsize longest = 0;
    for (gsize v = 0; v < net->n; v++) {
        GArray *row = g_ptr_array_index(rows, v);
        g_array_sort(row, compare_arcs);
        g_assert_cmpuint(one->start[v + 1] - one->start[v], ==, row->len);
        double sum = 0.0;
        for (guint i = 0; i < row->len; i++) {
            guint64 arc = g_array_index(row, guint64, i);
            g_assert_cmpuint(one->adj[one->start[v] + i], ==, (guint32) arc);
            g_assert_cmpfloat(one->weight[one->start[v] + i], ==, net->tie_weight[arc >> 32]);
            sum += net->tie_weight[arc >> 32];
        }
        g_assert_cmpfloat(one->strength[v], ==, sum);
        longest = MAX(longest, (gsize) row->len);
    }
    g_assert_cmpuint(longest, >, 32);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/measures/cache/scores-equal-a-fresh-network",
                    test_cached_scores_equal_a_fresh_network);
    g_test_add_func("/measures/cache/scores-are-copied-out", test_cached_scores_are_copied_out);
    g_test_add_func("/measures/cache/threads-share-one-result", test_cache_is_shared_by_threads);
    g_test_add_func("/measures/cache/csr-is-the-same-on-any-threads",
                    test_csr_is_the_same_on_any_threads);
    g_test_add_func("/measures/cache/csr-measures-build-no-igraph-graph",
                    test_csr_measures_build_no_igraph_graph);
    g_test_add_func("/measures/cache/csr-measures-are-igraphs-to-the-bit",
                    test_csr_measures_are_igraphs_to_the_bit);
    g_test_add_func("/measures/cache/closeness-and-harmonic-share-their-searches",
                    test_closeness_and_harmonic_share_their_searches);
    return g_test_run();
}
