/* test-leiden.c: Leiden on the CSR gives igraph's partition, label for label */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"
#include "bridging/bridging.h"

#include <string.h>

/*
 * wn_leiden__run follows igraph 0.10's igraph_community_leiden step for step, with the
 * same draws from igraph's generator. The specification is igraph itself: iterated as
 * wijknet called it before (from singletons, each iteration from the last, until one
 * leaves the partition as it was, at most 50), igraph's labels must come out, every one,
 * for any seed, resolution and weighting.
 */

#define MAX_ITERATIONS 50

/* igraph's Leiden, as communities.c called it before it ran on the CSR. */
static void
igraph_leiden(const WnNetwork *net, gboolean weighted, double scale, double resolution,
              igraph_vector_int_t *out)
{
    const igraph_t *graph = wn_network__graph(net);
    igraph_vector_t weights, node_weights;
    igraph_vector_init_copy(&weights, wn_network__weights(net));
    if (weighted) {
        igraph_vector_scale(&weights, scale);
    } else {
        igraph_vector_fill(&weights, 1);
    }
    igraph_vector_init(&node_weights, 0);
    igraph_strength(graph, &node_weights, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS,
                    weighted ? &weights : NULL);
    double total = igraph_vector_sum(&node_weights);
    igraph_vector_int_t before;
    igraph_vector_int_init(&before, 0);
    igraph_vector_int_resize(out, igraph_vcount(graph));
    for (int i = 0; i < MAX_ITERATIONS; i++) {
        igraph_vector_int_update(&before, out);
        igraph_community_leiden(graph, &weights, &node_weights, resolution / total, 0.01, i > 0, 1,
                                out, NULL, NULL);
        if (i > 0 && igraph_vector_int_all_e(&before, out)) {
            break;
        }
    }
    igraph_vector_int_destroy(&before);
    igraph_vector_destroy(&node_weights);
    igraph_vector_destroy(&weights);
}

/* The power of two communities.c scales the weights by. */
static double
scale_of(const WnNetwork *net)
{
    WnCommunityOptions opts = {.method = WN_COMMUNITY_LEIDEN, .resolution = 1, .weighted = TRUE};
    g_autoptr(WnCommunities) comms = wn_communities_detect(net, &opts, NULL);
    g_assert_nonnull(comms);
    return wn_communities__weight_scale(comms);
}

static void
assert_same_as_igraph(const WnNetwork *net, const char *what, gboolean weighted, double resolution,
                      guint64 seed)
{
    gsize n = wn_network_node_count(net);
    double scale = weighted ? scale_of(net) : 1.0;
    igraph_vector_int_t want;
    igraph_vector_int_init(&want, 0);
    igraph_rng_seed(igraph_rng_default(), seed);
    igraph_leiden(net, weighted, scale, resolution, &want);
    g_autofree guint32 *got = g_new(guint32, n + 1);
    igraph_rng_t rng;
    igraph_rng_init(&rng, igraph_rng_default()->type);
    igraph_rng_seed(&rng, seed);
    igraph_rng_seed(igraph_rng_default(),
                    99); /* its own generator: the default's state is not read */
    g_assert_true(wn_leiden__run(wn_csr__shared(net), weighted, scale, resolution, MAX_ITERATIONS,
                                 &rng, NULL, got));
    for (gsize v = 0; v < n; v++) {
        if ((igraph_integer_t) got[v] != VECTOR(want)[v]) {
            g_error("%s (%s, resolution %g, seed %" G_GUINT64_FORMAT "): node %zu is in %u, "
                    "igraph puts it in %" IGRAPH_PRId,
                    what, weighted ? "weighted" : "unweighted", resolution, seed, v, got[v],
                    VECTOR(want)[v]);
        }
    }
    /* the two generators stand at the same place: both drew the same numbers */
    igraph_rng_seed(igraph_rng_default(), seed);
    igraph_leiden(net, weighted, scale, resolution, &want);
    g_assert_cmpint(igraph_rng_get_integer(&rng, 0, 1 << 30), ==,
                    igraph_rng_get_integer(igraph_rng_default(), 0, 1 << 30));
    igraph_rng_destroy(&rng);
    igraph_vector_int_destroy(&want);
}

static void
check_dataset(const WnNetwork *net, const char *what)
{
    static const double resolutions[] = {0.25, 1, 2.5, 30};
    static const guint64 seeds[] = {1, 42, 12345};
    for (gsize r = 0; r < G_N_ELEMENTS(resolutions); r++) {
        for (gsize s = 0; s < G_N_ELEMENTS(seeds); s++) {
            assert_same_as_igraph(net, what, FALSE, resolutions[r], seeds[s]);
            assert_same_as_igraph(net, what, TRUE, resolutions[r], seeds[s]);
        }
    }
}

static void
test_oracle_datasets_as_igraph(void)
{
    static const char *const names[] = {"karate", "florentine", "davis"};
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autoptr(WnNetwork) net = wn_test_load("oracle", names[i]);
        check_dataset(net, names[i]);
    }
}

/* Weights near the largest double: scaled by a power of two first, on both sides. */
static void
test_huge_weights_as_igraph(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "bounded-huge-weights");
    g_assert_cmpfloat(scale_of(net), <, 1.0);
    check_dataset(net, "bounded-huge-weights");
}

/* Isolated nodes and two components. */
static void
test_isolated_nodes_as_igraph(void)
{
    g_autoptr(WnNetwork) net = wn_test_load_text("id,type\na,resident\nb,resident\nc,resident\n"
                                                 "d,resident\ne,resident\nf,resident\n",
                                                 "source,target,relation,weight\n"
                                                 "a,b,friend,2\nb,c,friend,1\nd,e,family,3\n");
    check_dataset(net, "isolated nodes");
}

/* A generated town: many levels of aggregation, weights of several sizes. */
static void
test_generated_town_as_igraph(void)
{
    g_autofree char *dir = wn_test_generate(4000, 7);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    for (guint64 seed = 1; seed <= 3; seed++) {
        assert_same_as_igraph(net, "town of 4000", FALSE, 1, seed);
        assert_same_as_igraph(net, "town of 4000", TRUE, 1, seed);
    }
    assert_same_as_igraph(net, "town of 4000", FALSE, 0.1, 5);
    assert_same_as_igraph(net, "town of 4000", TRUE, 4, 5);
    wn_test_remove_tree(dir);
}

/* A search told to stop gives no partition, and communities say why. */
static void
test_stop_ends_the_search(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    gint stop = 1;
    igraph_rng_t rng;
    igraph_rng_init(&rng, igraph_rng_default()->type);
    g_autofree guint32 *out = g_new(guint32, wn_network_node_count(net) + 1);
    g_assert_false(
        wn_leiden__run(wn_csr__shared(net), FALSE, 1, 1, MAX_ITERATIONS, &rng, &stop, out));
    igraph_rng_destroy(&rng);
    WnCommunityOptions opts = WN_COMMUNITY_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_assert_null(wn_communities__detect(net, &opts, &stop, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==, "stopped before the communities were found");
    stop = 0;
    g_autoptr(WnCommunities) comms = wn_communities__detect(net, &opts, &stop, NULL);
    g_assert_nonnull(comms);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/leiden/as-igraph/oracle-datasets", test_oracle_datasets_as_igraph);
    g_test_add_func("/leiden/as-igraph/huge-weights", test_huge_weights_as_igraph);
    g_test_add_func("/leiden/as-igraph/isolated-nodes", test_isolated_nodes_as_igraph);
    g_test_add_func("/leiden/as-igraph/generated-town", test_generated_town_as_igraph);
    g_test_add_func("/leiden/stop-ends-the-search", test_stop_ends_the_search);
    return g_test_run();
}
