/* test-brandes.c: the Brandes kernel's two ways of telling new nodes from seen ones (a
 * level per node on small graphs, two bitmaps on large ones), its two ways of keeping the
 * DAG (lists of successors, a bit per arc) and the searches of 64 sources at once on small
 * graphs (brandes-batch.c) give the same bits; the sums of every node's own distances
 * (distances.c) are igraph's exact closeness and harmonic centrality, bit for bit */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"
#include "measures/measures.h"

#include <math.h>
#include <string.h>

/* Every kernel from @k sources of @net with the bitmaps (levels_up_to 0) and the DAG as
 * lists of successors, with the levels (levels_up_to n), with the bitmaps and the DAG as a
 * bit per arc (dag_lists_up_to 0), and with the levels and no batches (batched_up_to 0),
 * each on 1 and 2 threads: all eight runs give the same bytes. The dependency sums alone
 * go through the batches of 64 sources in the first six; with the distances, never. */
#define RUNS 8
static void
assert_same_bits(const WnNetwork *net, gsize k)
{
    g_autoptr(WnCsr) csr = wn_csr__new(net);
    gsize n = csr->n;
    k = MIN(k, n);
    g_autofree guint32 *sources = g_new(guint32, k + 1);
    for (gsize i = 0; i < k; i++) {
        sources[i] = (guint32) ((i * 7919) % n); /* spread, every node once when k = n */
    }
    double *runs[RUNS][4];
    for (guint r = 0; r < RUNS; r++) {
        gsize before = wn_brandes__levels_up_to(r / 2 == 1 || r / 2 == 3 ? n : 0);
        guint64 lists = wn_brandes__dag_lists_up_to(r / 2 == 2 ? 0 : G_MAXUINT64 - 1);
        gsize batched = wn_brandes__batched_up_to(r / 2 == 3 ? 0 : n + 1);
        guint threads = 1 + r % 2;
        runs[r][0] = wn_brandes__dependency_sum(csr, sources, k, threads);
        wn_brandes__dependency_and_distance_sums(csr, sources, k, threads, &runs[r][1], &runs[r][2],
                                                 &runs[r][3]);
        wn_brandes__levels_up_to(before);
        wn_brandes__dag_lists_up_to(lists);
        wn_brandes__batched_up_to(batched);
    }
    for (guint r = 1; r < RUNS; r++) {
        for (guint s = 0; s < 4; s++) {
            g_assert_cmpmem(runs[r][s], n * sizeof(double), runs[0][s], n * sizeof(double));
        }
    }
    /* the dependency alone (in batches) and with the distances (one source at a time): the
     * same sums */
    g_assert_cmpmem(runs[0][0], n * sizeof(double), runs[0][1], n * sizeof(double));
    double total = 0;
    for (gsize v = 0; v < n; v++) {
        total += runs[0][0][v];
    }
    g_assert_cmpfloat(total, >, 0); /* the networks below have paths through nodes */
    for (guint r = 0; r < RUNS; r++) {
        for (guint s = 0; s < 4; s++) {
            g_free(runs[r][s]);
        }
    }
}

/* The sums of every node's own distances on 1 and 2 threads are igraph's exact closeness
 * (normalised: reached over the sum, NaN for none) and harmonic centrality, bit for bit. */
static void
assert_igraph_sums(const WnNetwork *net)
{
    g_autoptr(WnCsr) csr = wn_csr__new(net);
    gsize n = csr->n;
    igraph_vector_t closeness, harmonic;
    igraph_vector_int_t reached;
    igraph_vector_init(&closeness, 0);
    igraph_vector_init(&harmonic, 0);
    igraph_vector_int_init(&reached, 0);
    g_assert_cmpint(igraph_closeness(wn_network__graph(net), &closeness, &reached, NULL,
                                     igraph_vss_all(), IGRAPH_ALL, NULL, TRUE),
                    ==, IGRAPH_SUCCESS);
    g_assert_cmpint(igraph_harmonic_centrality(wn_network__graph(net), &harmonic, igraph_vss_all(),
                                               IGRAPH_ALL, NULL, FALSE),
                    ==, IGRAPH_SUCCESS);
    for (guint threads = 1; threads <= 2; threads++) {
        WnSourceSums *sums = wn_distances__from_every_node(csr, threads);
        for (gsize v = 0; v < n; v++) {
            double r = (double) sums->reached[v];
            double c = sums->sum[v] == 0 ? NAN : r / sums->sum[v];
            g_assert_cmpint((gint64) sums->reached[v], ==, VECTOR(reached)[v]);
            g_assert_cmpmem(&c, sizeof c, &VECTOR(closeness)[v], sizeof(double));
            g_assert_cmpmem(&sums->inverse[v], sizeof(double), &VECTOR(harmonic)[v],
                            sizeof(double));
        }
        wn_source_sums__free(sums);
    }
    igraph_vector_destroy(&closeness);
    igraph_vector_destroy(&harmonic);
    igraph_vector_int_destroy(&reached);
}

static void
test_same_bits_on_karate(void)
{
    g_autofree char *dir =
        g_build_filename(g_getenv("G_TEST_SRCDIR"), "..", "datasets", "karate", NULL);
    g_autoptr(GError) error = NULL;
    WnNetwork *net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    assert_same_bits(net, G_MAXSIZE);
    assert_igraph_sums(net);
    wn_network_free(net);
}

/* A generated town: several components, residents without ties, long and short paths;
 * 300 sources (blocks of 2, tasks of 32 blocks) and every node (1,024 blocks of 2 or 3
 * sources, whose order within a block counts, in tasks of 21 to 32 blocks). */
static void
test_same_bits_on_a_town(void)
{
    g_autofree char *dir = wn_test_generate(2500, 7);
    g_autoptr(GError) error = NULL;
    WnNetwork *net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    assert_same_bits(net, 300);
    assert_same_bits(net, G_MAXSIZE);
    assert_igraph_sums(net);
    wn_network_free(net);
    wn_test_remove_tree(dir);
}

/* A path of 70 nodes and a star: levels deeper than a bitmap word, a level of one node
 * and a level of many. */
static void
test_same_bits_on_a_path_and_a_star(void)
{
    g_autoptr(GString) nodes = g_string_new("id,type\n");
    g_autoptr(GString) ties = g_string_new("source,target,weight\n");
    for (guint i = 0; i < 70; i++) {
        g_string_append_printf(nodes, "p%u,resident\n", i);
        if (i > 0) {
            g_string_append_printf(ties, "p%u,p%u,1\n", i - 1, i);
        }
    }
    for (guint i = 0; i < 130; i++) {
        g_string_append_printf(nodes, "s%u,resident\n", i);
        g_string_append_printf(ties, "p69,s%u,1\n", i);
    }
    WnNetwork *net = wn_test_load_text(nodes->str, ties->str);
    assert_same_bits(net, G_MAXSIZE);
    assert_igraph_sums(net);
    wn_network_free(net);
}

/* Path counts beyond 2^53, where doubles round and the order of the sums counts: 40
 * layers of 12 nodes, node i of a layer tied to nodes i, i + 1, i + 2 and i + 5 (mod 12)
 * of the layer before, so that counts grow about fourfold a layer and differ from node to
 * node (summed in the other order, 796 of the counts from every seventh source differ).
 * From all the nodes most levels are large and pulled, from four they are small and pushed. */
static void
test_same_bits_beyond_exact_counts(void)
{
    enum { LAYERS = 40, WIDTH = 12 };
    static const guint step[] = {0, 1, 2, 5};
    g_autoptr(GString) nodes = g_string_new("id,type\n");
    g_autoptr(GString) ties = g_string_new("source,target,weight\n");
    for (guint l = 0; l < LAYERS; l++) {
        for (guint i = 0; i < WIDTH; i++) {
            g_string_append_printf(nodes, "n%u_%u,resident\n", l, i);
            for (guint t = 0; l > 0 && t < G_N_ELEMENTS(step); t++) {
                g_string_append_printf(ties, "n%u_%u,n%u_%u,1\n", l - 1, (i + step[t]) % WIDTH, l,
                                       i);
            }
        }
    }
    WnNetwork *net = wn_test_load_text(nodes->str, ties->str);
    assert_same_bits(net, G_MAXSIZE); /* large levels: pulled */
    assert_same_bits(net, 4);         /* small levels: pushed */
    assert_igraph_sums(net);
    wn_network_free(net);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/brandes/levels-and-bitmaps-same-bits/karate", test_same_bits_on_karate);
    g_test_add_func("/brandes/levels-and-bitmaps-same-bits/town", test_same_bits_on_a_town);
    g_test_add_func("/brandes/levels-and-bitmaps-same-bits/path-and-star",
                    test_same_bits_on_a_path_and_a_star);
    g_test_add_func("/brandes/levels-and-bitmaps-same-bits/beyond-exact-counts",
                    test_same_bits_beyond_exact_counts);
    return g_test_run();
}
