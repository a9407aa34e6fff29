/* test-bench.c: the profile workload of wijknet-bench (tests/bench/README.md), its kernels */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"
#include "bench.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* Runs the profile workload on @dataset into a new temporary folder. */
static char *
run_profile(const char *dataset, guint threads)
{
    char *out = wn_test_make_temp_dir();
    WnWorkloadOptions opts = {threads};
    g_autoptr(GError) error = NULL;
    gboolean ok = wn_workload_profile(dataset, out, &opts, NULL, NULL, &error);
    g_assert_no_error(error);
    g_assert_true(ok);
    return out;
}

/*
 * analyse-wijk, a tree (ids as in nodes.csv; r1–r2 is two rows, weights 2 + 1):
 *
 *   r6 — p1 — r1 —3— r2 — r3 — g1 — r4        r1 koken|lezen, r2 lezen, r4 koken
 *                     |                        all in area A but r5 (B)
 *                    r5 (weight 3)
 *
 * Betweenness in a tree counts the pairs a node separates: r2 splits {r6, p1, r1},
 * {r5} and {r3, g1, r4}: 3·1 + 3·3 + 1·3 = 15. r2's constraint: p = 3/7, 1/7, 3/7 and
 * no contact tied to another, so 9/49 + 1/49 + 9/49 = 0.387755102. r3 reaches r2 and,
 * in two steps, r1, r5 and (through the group) r4: reach2 = 4. Two of r2's three
 * informal contacts (r1, r5) have informal degree 1: weak_share 2/3. Targets have
 * informal degree ≤ 1: r1 gets r6 through p1 (1/ln 2 = 1.442695041) before r3 through
 * r2 (1/ln 3 = 0.9102392266); r5 has no candidate in area B. The expected files are
 * byte for byte what the python-igraph peer (tests/bench/peers) writes.
 */
static const char *const wijk_nodes =
    "id,type,area,degree,strength,pagerank,coreness,betweenness,constraint,effective_size,"
    "articulation,informal_degree,formal_degree,reach2,weak_share\n"
    "r1,resident,A,2,4,0.1591151767,1,10,0.625,2,1,1,1,3,0\n"
    "r2,resident,A,3,7,0.2602029749,1,15,0.387755102,3,1,3,0,3,0.6666666667\n"
    "r3,resident,A,2,2,0.1023754286,1,10,0.5,2,1,2,0,4,0\n"
    "r4,resident,A,1,1,0.07077935311,1,0,1,1,0,1,0,1,0\n"
    "r5,resident,B,1,3,0.1135382266,1,0,1,1,0,1,0,3,0\n"
    "g1,group,A,2,2,0.1224220073,1,6,0.5,2,1,,,,\n"
    "p1,professional,A,2,2,0.1072398827,1,6,0.5,2,1,,,,\n"
    "r6,resident,A,1,1,0.06432695013,1,0,1,1,0,0,1,0,\n";

static void
test_profile_writes_the_peers_files(void)
{
    g_autofree char *dataset = g_test_build_filename(G_TEST_DIST, "data", "analyse-wijk", NULL);
    g_autofree char *out = run_profile(dataset, 0);
    g_autofree char *nodes = wn_test_read_file(out, "nodes_out.csv");
    g_autofree char *bridges = wn_test_read_file(out, "bridges.csv");
    g_autofree char *suggestions = wn_test_read_file(out, "suggestions.csv");
    g_autofree char *areas = wn_test_read_file(out, "areas.csv");
    g_autofree char *summary = wn_test_read_file(out, "summary.json");
    g_assert_cmpstr(nodes, ==, wijk_nodes);
    /* a tree: every tie is a bridge, lower node index first, sorted by index */
    g_assert_cmpstr(bridges, ==,
                    "source,target\nr1,r2\nr1,p1\nr2,r3\nr2,r5\nr3,g1\nr4,g1\np1,r6\n");
    g_assert_cmpstr(suggestions, ==,
                    "resident,rank,candidate,score\nr1,1,r6,1.442695041\n"
                    "r1,2,r3,0.9102392266\nr4,1,r3,1.442695041\nr6,1,r1,1.442695041\n");
    g_assert_cmpstr(areas, ==,
                    "area,residents,isolated,isolated_share,mean_informal_degree\n"
                    "A,5,1,0.2,1.4\nB,1,0,0,1\n");
    g_assert_true(strstr(summary, "\"merged_rows\": 1,\n") != NULL);
    g_assert_true(strstr(summary, "\"suggest_residents\": 4,\n") != NULL);
    g_assert_true(strstr(summary, "\"articulation_points\": 5,\n") != NULL);
    wn_test_remove_tree(out);
}

static GArray *
betweenness_with(const WnNetwork *net, guint threads)
{
    WnWorkloadOptions opts = {threads};
    return wn_workload_betweenness(net, &opts);
}

/*
 * analyse-diamond:  a — b, a — c, b — d, c — d, d — e, and f alone.
 * a–d has two shortest paths (through b and c): b and c get ½ each; a–e adds ½ each
 * and 1 to d; b–c goes through a or d (½ each); b–e and c–e pass d. So a ½, b 1, c 1,
 * d ½ + 1 + 1 + 1 = 3.5, e and f 0.
 */
static void
test_betweenness_is_exact_on_a_small_network(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "analyse-diamond");
    g_autoptr(GArray) got = betweenness_with(net, 3);
    const double want[] = {0.5, 1, 1, 3.5, 0, 0};
    g_assert_cmpuint(got->len, ==, G_N_ELEMENTS(want));
    for (guint i = 0; i < got->len; i++) {
        g_assert_cmpfloat_with_epsilon(g_array_index(got, double, i), want[i], 1e-12);
    }
}

static void
assert_identical(const GArray *a, const GArray *b)
{
    g_assert_cmpuint(a->len, ==, b->len);
    g_assert_true(memcmp(a->data, b->data, a->len * sizeof(double)) == 0);
}

/* Up to 20,000 nodes every node is a source: the same as igraph's exact Brandes, and
 * bit for bit the same whatever the number of threads (fixed blocks, fixed order). */
static void
test_exact_betweenness_is_the_same_for_any_number_of_threads(void)
{
    g_autofree char *dir = wn_test_generate(1500, 5);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autoptr(GArray) one = betweenness_with(net, 1);
    g_autoptr(GArray) two = betweenness_with(net, 2);
    g_autoptr(GArray) five = betweenness_with(net, 5);
    assert_identical(one, two);
    assert_identical(one, five);
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    g_autoptr(GArray) igraph = wn_measure_betweenness(net, &opts, &error);
    g_assert_no_error(error);
    wn_test_assert_scores("betweenness", one, igraph);
    wn_test_remove_tree(dir);
}

/* Above 20,000 nodes: 256 sources from splitmix64 (seed 12345), scaled by n/256·½, the
 * same sample as `wijknet measures --samples 256 --seed 12345` (igraph). */
static void
test_sampled_betweenness_is_the_same_for_any_number_of_threads(void)
{
    g_autofree char *dir = wn_test_generate(20100, 5);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_network_node_count(net), >, 20000);
    g_autoptr(GArray) one = betweenness_with(net, 1);
    g_autoptr(GArray) three = betweenness_with(net, 3);
    assert_identical(one, three);
    WnMeasureOptions opts = {FALSE, 256, 12345};
    g_autoptr(GArray) igraph = wn_measure_betweenness(net, &opts, &error);
    g_assert_no_error(error);
    wn_test_assert_scores("sampled betweenness", one, igraph);
    wn_test_remove_tree(dir);
}

static void
assert_same_file(const char *dir_a, const char *dir_b, const char *name)
{
    g_autofree char *a = wn_test_read_file(dir_a, name);
    g_autofree char *b = wn_test_read_file(dir_b, name);
    g_assert_cmpstr(a, ==, b);
}

/* Every cell of nodes_out.csv the same but PageRank: igraph's PRPACK, called twice in
 * one process, may differ in the last digit (its own OpenMP sums), so within 1e-12. */
static void
assert_same_nodes(const char *dir_a, const char *dir_b)
{
    g_autofree char *a = wn_test_read_file(dir_a, "nodes_out.csv");
    g_autofree char *b = wn_test_read_file(dir_b, "nodes_out.csv");
    g_auto(GStrv) lines_a = g_strsplit(a, "\n", -1);
    g_auto(GStrv) lines_b = g_strsplit(b, "\n", -1);
    g_assert_cmpuint(g_strv_length(lines_a), ==, g_strv_length(lines_b));
    for (gsize i = 0; lines_a[i] != NULL; i++) {
        g_auto(GStrv) cells_a = g_strsplit(lines_a[i], ",", -1);
        g_auto(GStrv) cells_b = g_strsplit(lines_b[i], ",", -1);
        if (i > 0 && g_strv_length(cells_a) > 5 && g_strv_length(cells_b) > 5) {
            g_assert_cmpfloat_with_epsilon(g_ascii_strtod(cells_a[5], NULL),
                                           g_ascii_strtod(cells_b[5], NULL), 1e-12);
            g_free(cells_b[5]);
            cells_b[5] = g_strdup(cells_a[5]);
        }
        g_autofree char *joined_a = g_strjoinv(",", cells_a);
        g_autofree char *joined_b = g_strjoinv(",", cells_b);
        g_assert_cmpstr(joined_a, ==, joined_b);
    }
}

static void
test_profile_files_are_the_same_for_any_number_of_threads(void)
{
    g_autofree char *dir = wn_test_generate(2000, 5);
    g_autofree char *one = run_profile(dir, 1);
    g_autofree char *four = run_profile(dir, 4);
    assert_same_nodes(one, four);
    const char *const files[] = {"bridges.csv", "suggestions.csv", "areas.csv", "summary.json"};
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        assert_same_file(one, four, files[i]);
    }
    wn_test_remove_tree(one);
    wn_test_remove_tree(four);
    wn_test_remove_tree(dir);
}

static void
record_step(const char *step, double seconds, gpointer user_data)
{
    g_assert_cmpfloat(seconds, >=, 0);
    g_string_append_printf(user_data, "%s ", step);
}

static void
test_profile_reports_its_eight_steps_in_order(void)
{
    g_autofree char *dataset = g_test_build_filename(G_TEST_DIST, "data", "analyse-wijk", NULL);
    g_autofree char *out = wn_test_make_temp_dir();
    g_autoptr(GString) steps = g_string_new(NULL);
    WnWorkloadOptions opts = WN_WORKLOAD_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_workload_profile(dataset, out, &opts, record_step, steps, &error));
    g_assert_no_error(error);
    /* the parts of loading come just before "load" (wn_workload_profile) */
    g_assert_cmpstr(steps->str, ==,
                    "load:nodes.csv load:ties.csv load:graphs "
                    "load centrality holes cuts isolation suggest areas write ");
    wn_test_remove_tree(out);
}

static void
test_profile_refuses_a_directed_dataset(void)
{
    g_autofree char *dataset = g_test_build_filename(G_TEST_DIST, "data", "analyse-directed", NULL);
    g_autofree char *out = wn_test_make_temp_dir();
    g_autofree char *message = g_strdup_printf(
        "%s: the profile workload is defined for undirected datasets only", dataset);
    WnWorkloadOptions opts = WN_WORKLOAD_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_assert_false(wn_workload_profile(dataset, out, &opts, NULL, NULL, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==, message);
    wn_test_remove_tree(out);
}

static void
test_profile_refuses_a_missing_dataset(void)
{
    g_autofree char *out = wn_test_make_temp_dir();
    WnWorkloadOptions opts = WN_WORKLOAD_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_assert_false(wn_workload_profile("no-such-dataset", out, &opts, NULL, NULL, &error));
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    wn_test_remove_tree(out);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bench/profile/writes-the-peers-files", test_profile_writes_the_peers_files);
    g_test_add_func("/bench/profile/reports-its-eight-steps-in-order",
                    test_profile_reports_its_eight_steps_in_order);
    g_test_add_func("/bench/profile/files-are-the-same-for-any-number-of-threads",
                    test_profile_files_are_the_same_for_any_number_of_threads);
    g_test_add_func("/bench/profile/refuses-a-directed-dataset",
                    test_profile_refuses_a_directed_dataset);
    g_test_add_func("/bench/profile/refuses-a-missing-dataset",
                    test_profile_refuses_a_missing_dataset);
    g_test_add_func("/bench/betweenness/exact-on-a-small-network",
                    test_betweenness_is_exact_on_a_small_network);
    g_test_add_func("/bench/betweenness/exact-is-the-same-for-any-number-of-threads",
                    test_exact_betweenness_is_the_same_for_any_number_of_threads);
    g_test_add_func("/bench/betweenness/sampled-is-the-same-for-any-number-of-threads",
                    test_sampled_betweenness_is_the_same_for_any_number_of_threads);
    return g_test_run();
}
