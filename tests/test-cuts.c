/* test-cuts.c: bridges, local bridges, articulation points and components */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <string.h>

typedef WnTable *(*CutsFunc)(const WnNetwork *net, GError **error);

/* One cuts table on one hand-built network, as CSV. */
typedef struct {
    const char *path;
    const char *network; /* tests/data/<network> */
    CutsFunc compute;
    const char *csv;
} HandCase;

/*
 * cuts-resident-bridge (all residents):
 *     r1 - r2            r4 - r5
 *       \  /               \  /
 *        r3 ---- m ------- r6 - r7
 * Without m: {r1 r2 r3} (3 residents) and {r4 r5 r6 r7} (4): the 3 are cut off.
 * Without r3: {r1 r2} (2) and {m r4 r5 r6 r7} (5): 2. Without r6: {r4 r5} (2), {r7} (1)
 * and {r1 r2 r3 m} (4): 7 − 4 = 3.
 *
 * cuts-group (g a group, member ties are informal):
 *     r1 - r2
 *       \  /
 *        g ---- r3 - r4
 * Without g: {r1 r2} and {r3 r4}, 2 residents each: one of them is the rest, 2 are cut
 * off. Without r3: {g r1 r2} (2 residents) and {r4} (1): 1.
 *
 * cuts-professional (p a professional; its ties are formal):
 *     r1 - r2 - p - r3 - r4
 *               |
 *               r5
 * p, r2 and r3 cut the whole network, but p has no informal tie, and without r2 (or r3)
 * its informal component {r1 r2} (or {r3 r4}) leaves one part: nobody is cut off.
 *
 * cuts-square:   e
 *               / \
 *              a - b
 *              |   |
 *         f -  d - c
 * a–b and a–e, b–e share a contact; b–c, c–d and a–d do not, and without them their
 * ends are 3 steps apart (b–a–d–c, c–b–a–d, a–b–c–d); d–f is a bridge: no span.
 *
 * cuts-components: a - b - c   z - y   x
 */
static const HandCase hand_cases[] = {
    {"/cuts/articulation/resident-bridging-two-clusters-cuts-off-the-smaller",
     "cuts-resident-bridge", wn_cuts_articulation_points,
     "id,cut_off_residents\nm,3\nr3,2\nr6,3\n"},
    {"/cuts/articulation/group-node-cuts-off-its-members", "cuts-group",
     wn_cuts_articulation_points, "id,cut_off_residents\ng,2\nr3,1\n"},
    {"/cuts/articulation/professional-cuts-off-nobody-informally", "cuts-professional",
     wn_cuts_articulation_points, "id,cut_off_residents\np,0\nr2,0\nr3,0\n"},
    {"/cuts/articulation/node-holding-a-leaf-cuts-off-one", "cuts-square",
     wn_cuts_articulation_points, "id,cut_off_residents\nd,1\n"},
    {"/cuts/bridges/ends-in-string-order", "cuts-resident-bridge", wn_cuts_bridges,
     "source,target\nm,r3\nm,r6\nr6,r7\n"},
    {"/cuts/bridges/include-formal-ties", "cuts-professional", wn_cuts_bridges,
     "source,target\np,r2\np,r3\np,r5\nr1,r2\nr3,r4\n"},
    {"/cuts/bridges/cycle-ties-are-not-bridges", "cuts-square", wn_cuts_bridges,
     "source,target\nd,f\n"},
    {"/cuts/local-bridges/span-without-the-tie", "cuts-square", wn_cuts_local_bridges,
     "source,target,span\na,d,3\nb,c,3\nc,d,3\nd,f,\n"},
    {"/cuts/local-bridges/bridges-have-no-span", "cuts-resident-bridge", wn_cuts_local_bridges,
     "source,target,span\nm,r3,\nm,r6,\nr6,r7,\n"},
    {"/cuts/components/largest-first-then-min-id", "cuts-components", wn_cuts_components,
     "rank,size,min_id\n1,3,a\n2,2,y\n3,1,x\n"},
    {"/cuts/articulation/path-middle-cuts-off-one", "cuts-components", wn_cuts_articulation_points,
     "id,cut_off_residents\nb,1\n"},
};

static void
test_hand_case(gconstpointer data)
{
    const HandCase *c = data;
    g_autoptr(WnNetwork) net = wn_test_load("data", c->network);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) table = c->compute(net, &error);
    g_assert_no_error(error);
    g_autofree char *csv = wn_table_to_csv(table);
    g_assert_cmpstr(csv, ==, c->csv);
}

/* The JSON form shows a missing span as null. */
static void
test_missing_span_is_json_null(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "cuts-square");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) table = wn_cuts_local_bridges(net, &error);
    g_assert_no_error(error);
    g_autofree char *json = wn_table_to_json(table);
    g_assert_nonnull(
        strstr(json, "\"source\":\t\"d\",\n\t\t\"target\":\t\"f\",\n\t\t\"span\":\tnull"));
    g_assert_true(wn_table_cell_is_missing(table, 3, 2));
    g_assert_cmpint(wn_table_cell_int(table, 0, 2), ==, 3);
}

/*
 * A ring of seven with three leaves on r1, nodes.csv listing the ids out of string order
 * (in runs: r5 | r1 l1 r7 | r3 é | L2 r6 | r2 r4):
 *
 *        l1  L2  é
 *          \ | /
 *   r7 ---- r1 ---- r2
 *   |                |
 *   r6              r3
 *     \            /
 *      r5 ------ r4
 *
 * Every ring tie is a local bridge whose ends are six steps apart the other way round.
 * r1's side holds the leaves, so the search from r1's ties goes deeper on the other side:
 * the two sides meet at different depths. The leaf ties are bridges: no span. Rows are in
 * string order by bytes: "L2" < "l1" < "r…" < "é" (UTF-8 0xC3 0xA9).
 */
static void
test_ring_spans_meet_unevenly_in_string_order(void)
{
    g_autoptr(WnNetwork) net = wn_test_load_text(
        "id,type\nr5,resident\nr1,resident\nl1,resident\nr7,resident\nr3,resident\n"
        "\xc3\xa9,resident\nL2,resident\nr6,resident\nr2,resident\nr4,resident\n",
        "source,target,type\nr1,r2,friend\nr2,r3,friend\nr3,r4,friend\nr4,r5,friend\n"
        "r5,r6,friend\nr6,r7,friend\nr7,r1,friend\nr1,l1,friend\nL2,r1,friend\n"
        "r1,\xc3\xa9,friend\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) table = wn_cuts_local_bridges(net, &error);
    g_assert_no_error(error);
    g_autofree char *csv = wn_table_to_csv(table);
    g_assert_cmpstr(csv, ==,
                    "source,target,span\nL2,r1,\nl1,r1,\nr1,r2,6\nr1,r7,6\nr1,\xc3\xa9,\n"
                    "r2,r3,6\nr3,r4,6\nr4,r5,6\nr5,r6,6\nr6,r7,6\n");
}

/*
 * Two triangles joined by a path of two ties through m, plus a square hanging off t3:
 *
 *   s1 - s2          t1 - t2
 *     \  /             \  /
 *      s3 -- m ------- t3 - u1
 *                       |    |
 *                      u3 - u2
 *
 * The bridges are s3–m and m–t3; the articulation points s3, m and t3 (t3 also holds the
 * square). Without s3: {s1 s2} (2 residents) against the rest (8); without m: {s1 s2 s3}
 * (3) against 7; without t3: {t1 t2} (2) and {u1 u2 u3} (3) against {s… m} (4): 5.
 */
static void
test_cuts_of_two_triangles_and_a_square(void)
{
    g_autoptr(WnNetwork) net = wn_test_load_text(
        "id,type\ns1,resident\ns2,resident\ns3,resident\nm,resident\nt1,resident\n"
        "t2,resident\nt3,resident\nu1,resident\nu2,resident\nu3,resident\n",
        "source,target,type\ns1,s2,friend\ns2,s3,friend\ns3,s1,friend\ns3,m,friend\n"
        "m,t3,friend\nt1,t2,friend\nt2,t3,friend\nt3,t1,friend\nt3,u1,friend\n"
        "u1,u2,friend\nu2,u3,friend\nu3,t3,friend\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) bridges = wn_cuts_bridges(net, &error);
    g_assert_no_error(error);
    g_autoptr(WnTable) points = wn_cuts_articulation_points(net, &error);
    g_assert_no_error(error);
    g_autofree char *bridges_csv = wn_table_to_csv(bridges);
    g_autofree char *points_csv = wn_table_to_csv(points);
    g_assert_cmpstr(bridges_csv, ==, "source,target\nm,s3\nm,t3\n");
    g_assert_cmpstr(points_csv, ==, "id,cut_off_residents\nm,3\ns3,2\nt3,5\n");
}

static char *
read_oracle(const char *dataset, const char *file)
{
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "oracle", dataset, "expected", file, NULL);
    g_autoptr(GError) error = NULL;
    char *text = NULL;
    g_file_get_contents(path, &text, NULL, &error);
    g_assert_no_error(error);
    return text;
}

/* bridges.csv: nx.bridges, source < target, rows sorted: the same CSV text. */
static void
test_oracle_bridges(gconstpointer data)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", data);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) table = wn_cuts_bridges(net, &error);
    g_assert_no_error(error);
    g_autofree char *csv = wn_table_to_csv(table);
    g_autofree char *want = read_oracle(data, "bridges.csv");
    g_assert_cmpstr(csv, ==, want);
}

/* articulation_points.csv: nx.articulation_points, one id per row, sorted. */
static void
test_oracle_articulation_points(gconstpointer data)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", data);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) table = wn_cuts_articulation_points(net, &error);
    g_assert_no_error(error);
    g_autoptr(GString) ids = g_string_new("id\n");
    for (gsize i = 0; i < wn_table_row_count(table); i++) {
        g_string_append_printf(ids, "%s\n", wn_table_cell_string(table, i, 0));
    }
    g_autofree char *want = read_oracle(data, "articulation_points.csv");
    g_assert_cmpstr(ids->str, ==, want);
}

/* components.csv: kind,rank,size,min_id with kind "connected". */
static void
test_oracle_components(gconstpointer data)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", data);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) table = wn_cuts_components(net, &error);
    g_assert_no_error(error);
    g_autoptr(GString) rows = g_string_new("kind,rank,size,min_id\n");
    for (gsize i = 0; i < wn_table_row_count(table); i++) {
        g_string_append_printf(rows, "connected,%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%s\n",
                               wn_table_cell_int(table, i, 0), wn_table_cell_int(table, i, 1),
                               wn_table_cell_string(table, i, 2));
    }
    g_autofree char *want = read_oracle(data, "components.csv");
    g_assert_cmpstr(rows->str, ==, want);
}

/* cuts.csv: the summary counts, from the summary and the cuts tables. */
static void
test_oracle_counts(gconstpointer data)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", data);
    g_autoptr(GError) error = NULL;
    WnSummary s;
    g_assert_true(wn_network_summarise(net, &s, &error));
    g_autoptr(WnTable) points = wn_cuts_articulation_points(net, &error);
    g_assert_no_error(error);
    g_autoptr(WnTable) bridges = wn_cuts_bridges(net, &error);
    g_assert_no_error(error);
    g_autoptr(WnTable) components = wn_cuts_components(net, &error);
    g_assert_no_error(error);
    g_autofree char *got = g_strdup_printf(
        "metric,value\nn_nodes,%zu\nn_ties,%zu\nn_components,%zu\nlargest_component,"
        "%" G_GINT64_FORMAT "\nn_articulation_points,%zu\nn_bridges,%zu\n",
        s.nodes, s.ties, wn_table_row_count(components), wn_table_cell_int(components, 0, 1),
        wn_table_row_count(points), wn_table_row_count(bridges));
    g_autofree char *want = read_oracle(data, "cuts.csv");
    g_assert_cmpstr(got, ==, want);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(hand_cases); i++) {
        g_test_add_data_func(hand_cases[i].path, &hand_cases[i], test_hand_case);
    }
    g_test_add_func("/cuts/local-bridges/missing-span-is-json-null",
                    test_missing_span_is_json_null);
    g_test_add_func("/cuts/local-bridges/ring-spans-meet-unevenly-in-string-order",
                    test_ring_spans_meet_unevenly_in_string_order);
    g_test_add_func("/cuts/bridges-and-articulation/two-triangles-and-a-square",
                    test_cuts_of_two_triangles_and_a_square);
    static const char *const datasets[] = {"karate", "florentine", "davis"};
    for (gsize i = 0; i < G_N_ELEMENTS(datasets); i++) {
        const char *d = datasets[i];
        g_autofree char *bridges = g_strdup_printf("/cuts/oracle/%s/bridges", d);
        g_autofree char *points = g_strdup_printf("/cuts/oracle/%s/articulation-points", d);
        g_autofree char *components = g_strdup_printf("/cuts/oracle/%s/components", d);
        g_autofree char *counts = g_strdup_printf("/cuts/oracle/%s/counts", d);
        g_test_add_data_func(bridges, d, test_oracle_bridges);
        g_test_add_data_func(points, d, test_oracle_articulation_points);
        g_test_add_data_func(components, d, test_oracle_components);
        g_test_add_data_func(counts, d, test_oracle_counts);
    }
    return g_test_run();
}
