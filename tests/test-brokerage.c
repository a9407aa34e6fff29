/* test-brokerage.c: groupings, Gould-Fernandez brokerage roles, the E-I index, brokers */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>

/*
 * brokerage-directed ("directed": true); areas A, B, C and one node without an area:
 *
 *   a1 ──► x ◄──► a2          a1 ──► c1 ──► c2
 *   b1 ──► x ──► b2 ──► b1    x ──► c1
 *   d1 (no ties)              a2 ╳ b2 (conflict: no arc)
 *
 *   a1, a2, x: area A (x is a professional)   b1, b2: area B (b2 is a group)
 *   c1, c2: area C (c2 is an organisation)    d1: no area
 *
 * x brokers every (a, b) with a in {a1, a2, b1} (arcs into x), b in {a2, b2, c1}
 * (arcs out of x), a != b and no arc a -> b:
 *   (a1,a2) A-A-A coordinator      (a1,b2) A-A-B representative
 *   (a1,c1) closed by a1 -> c1     (a2,a2) not a pair
 *   (a2,b2) A-A-B representative   (the conflict a2 ╳ b2 is no arc)
 *   (a2,c1) A-A-C representative   (b1,a2) B-A-A gatekeeper
 *   (b1,b2) B-A-B itinerant        (b1 -> b2 is open: only b2 -> b1 exists)
 *   (b1,c1) B-A-C liaison
 * so x: w_I 1, w_O 1, b_IO 3, b_OI 1, b_O 1, t 7.
 * b1 brokers (b2, x): B-B-A representative.  b2 brokers (x, b1): A-B-B gatekeeper.
 * c1 brokers (x, c2) and (a1, c2): A-C-C twice, gatekeeper.  a2 only has x both ways.
 */
static const double directed_roles[WN_ROLE_COUNT][8] = {
    /*  a1 a2 x  b1 b2 c1 c2 d1 */
    {0, 0, 1, 0, 0, 0, 0, 0}, /* w_I */
    {0, 0, 1, 0, 0, 0, 0, 0}, /* w_O */
    {0, 0, 3, 1, 0, 0, 0, 0}, /* b_IO */
    {0, 0, 1, 0, 1, 2, 0, 0}, /* b_OI */
    {0, 0, 1, 0, 0, 0, 0, 0}, /* b_O */
    {0, 0, 7, 1, 1, 2, 0, 0}, /* t */
};

static WnGrouping *
group(const WnNetwork *net, const char *by)
{
    g_autoptr(GError) error = NULL;
    WnGrouping *g = wn_grouping_new(net, by, &error);
    g_assert_no_error(error);
    g_assert_nonnull(g);
    return g;
}

static GArray *
scores_of(const double *values, gsize n)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(double));
    g_array_append_vals(a, values, (guint) n);
    return a;
}

static void
test_directed_roles_match_hand_count(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "brokerage-directed");
    g_autoptr(WnGrouping) g = group(net, NULL);
    g_autoptr(WnBrokerage) br = wn_brokerage_new(net, g);
    for (int r = 0; r < WN_ROLE_COUNT; r++) {
        g_autoptr(GArray) want = scores_of(directed_roles[r], 8);
        wn_test_assert_scores(wn_brokerage_role_name((WnRole) r),
                              wn_brokerage_counts(br, (WnRole) r), want);
    }
}

/*
 * The z-score of x's total in brokerage-directed: n = 8 nodes and 9 arcs give the
 * density d = 9/56 and p = d²(1 − d) = 3807/175616. Any broker can see
 * (n − 1)(n − 2) = 42 ordered pairs, so E[t] = 42p = 11421/12544 ≈ 0.910475 and
 * Var[t] = E[t](1 − p) + 2·7·6·5·d³(1 − d)³ ≈ 1.921461; z = (7 − 0.910475)/√1.921461.
 * The liaison z is defined (three groups and a node without an area make four), and
 * d1, brokering nothing, scores below zero.
 */
static void
test_directed_total_z_follows_density(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "brokerage-directed");
    g_autoptr(WnGrouping) g = group(net, "area");
    g_autoptr(WnBrokerage) br = wn_brokerage_new(net, g);
    const GArray *z = wn_brokerage_z(br, WN_ROLE_TOTAL);
    g_assert_cmpfloat_with_epsilon(g_array_index(z, double, 2), 4.393064362448073, 1e-9);
    g_assert_true(isfinite(g_array_index(wn_brokerage_z(br, WN_ROLE_LIAISON), double, 2)));
    g_assert_cmpfloat(g_array_index(z, double, 7), <, 0.0);
}

/*
 * By formality x (professional) and c2 (organisation) are formal, the rest informal.
 * x's seven pairs all join two informal nodes: itinerant 7. b1: (b2, x) is
 * informal-informal-formal, representative. b2: (x, b1) gatekeeper. c1: (x, c2)
 * formal-informal-formal is itinerant and (a1, c2) representative.
 */
static void
test_formality_puts_professionals_on_one_side(void)
{
    static const double itinerant[8] = {0, 0, 7, 0, 0, 1, 0, 0};
    static const double representative[8] = {0, 0, 0, 1, 0, 1, 0, 0};
    static const double gatekeeper[8] = {0, 0, 0, 0, 1, 0, 0, 0};
    g_autoptr(WnNetwork) net = wn_test_load("data", "brokerage-directed");
    g_autoptr(WnGrouping) g = group(net, "formality");
    g_autoptr(WnBrokerage) br = wn_brokerage_new(net, g);
    g_autoptr(GArray) want_o = scores_of(itinerant, 8);
    g_autoptr(GArray) want_io = scores_of(representative, 8);
    g_autoptr(GArray) want_oi = scores_of(gatekeeper, 8);
    g_assert_cmpuint(wn_grouping_count(g), ==, 2);
    g_assert_cmpstr(wn_grouping_name(g, wn_grouping_of(g, 2)), ==, "formal");
    g_assert_cmpstr(wn_grouping_name(g, wn_grouping_of(g, 4)), ==, "informal");
    wn_test_assert_scores("w_O", wn_brokerage_counts(br, WN_ROLE_ITINERANT), want_o);
    wn_test_assert_scores("b_IO", wn_brokerage_counts(br, WN_ROLE_REPRESENTATIVE), want_io);
    wn_test_assert_scores("b_OI", wn_brokerage_counts(br, WN_ROLE_GATEKEEPER), want_oi);
}

/* Areas in order of first appearance: A, B, C, then d1's empty area as group "". */
static void
test_nodes_without_area_form_one_group(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "brokerage-directed");
    g_autoptr(WnGrouping) g = group(net, NULL);
    g_assert_cmpuint(wn_grouping_count(g), ==, 4);
    g_assert_cmpstr(wn_grouping_name(g, 0), ==, "A");
    g_assert_cmpstr(wn_grouping_name(g, 2), ==, "C");
    g_assert_cmpuint(wn_grouping_of(g, 7), ==, 3);
    g_assert_cmpstr(wn_grouping_name(g, 3), ==, "");
}

/* taal: "nl|ar" is one class, not two; b1 and d1 (empty cells) share group "". */
static void
test_multi_valued_cell_is_one_class(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "brokerage-directed");
    g_autoptr(WnGrouping) g = group(net, "TAAL");
    g_assert_cmpuint(wn_grouping_count(g), ==, 4); /* nl|ar, nl, "", ar */
    g_assert_cmpstr(wn_grouping_name(g, wn_grouping_of(g, 0)), ==, "nl|ar");
    g_assert_cmpuint(wn_grouping_of(g, 0), ==, wn_grouping_of(g, 2));
    g_assert_cmpuint(wn_grouping_of(g, 3), ==, wn_grouping_of(g, 7));
    g_assert_cmpuint(wn_grouping_of(g, 1), !=, wn_grouping_of(g, 0));
}

static void
test_type_groups_by_node_kind(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "brokerage-directed");
    g_autoptr(WnGrouping) g = group(net, "type");
    g_assert_cmpuint(wn_grouping_count(g), ==, 4);
    g_assert_cmpstr(wn_grouping_name(g, wn_grouping_of(g, 4)), ==, "group");
    g_assert_cmpuint(wn_grouping_of(g, 0), ==, wn_grouping_of(g, 7));
}

static void
test_unknown_grouping_is_refused(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "brokerage-directed");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnGrouping) g = wn_grouping_new(net, "religion", &error);
    g_assert_null(g);
    g_assert_error(error, WN_ERROR, WN_ERROR_OPTION);
    g_assert_cmpstr(error->message, ==,
                    "cannot group by \"religion\": nodes.csv has no such column (use area, "
                    "type, formality or a column of nodes.csv)");
}

static void
assert_role_column(const WnBrokerage *br, WnRole role, const char *file)
{
    g_autoptr(GArray) raw = wn_test_read_column(file, wn_brokerage_role_name(role));
    wn_test_assert_scores(wn_brokerage_role_name(role), wn_brokerage_counts(br, role), raw);
}

/* oracle/karate/expected/brokerage.csv and brokerage_z.csv: sna::brokerage(m, club). */
static void
test_karate_roles_match_sna(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    g_autoptr(WnGrouping) g = group(net, "club");
    g_autoptr(WnBrokerage) br = wn_brokerage_new(net, g);
    for (int r = 0; r < WN_ROLE_COUNT; r++) {
        assert_role_column(br, (WnRole) r, "oracle/karate/expected/brokerage.csv");
        g_autoptr(GArray) z = wn_test_read_column("oracle/karate/expected/brokerage_z.csv",
                                                  wn_brokerage_role_name((WnRole) r));
        wn_test_assert_scores(wn_brokerage_role_name((WnRole) r), wn_brokerage_z(br, (WnRole) r),
                              z);
    }
}

/* Undirected: every open 2-path counts both ways, so representative = gatekeeper. */
static void
test_undirected_representative_equals_gatekeeper(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    g_autoptr(WnGrouping) g = group(net, "club");
    g_autoptr(WnBrokerage) br = wn_brokerage_new(net, g);
    wn_test_assert_scores("b_IO = b_OI", wn_brokerage_counts(br, WN_ROLE_REPRESENTATIVE),
                          wn_brokerage_counts(br, WN_ROLE_GATEKEEPER));
}

static GArray *
table_column(const WnTable *table, const char *name)
{
    gsize column = 0;
    g_assert_true(wn_table_column_lookup(table, name, &column));
    GArray *values = g_array_new(FALSE, FALSE, sizeof(double));
    for (gsize i = 0; i < wn_table_row_count(table); i++) {
        double v = wn_table_cell_is_missing(table, i, column) ? NAN
                   : wn_table_column_kind(table, column) == WN_COLUMN_INT
                       ? (double) wn_table_cell_int(table, i, column)
                       : wn_table_cell_double(table, i, column);
        g_array_append_val(values, v);
    }
    return values;
}

/* oracle/karate/expected/ei.csv: internal, external and ei per node by club. */
static void
test_karate_ei_matches_oracle(void)
{
    static const char *const columns[] = {"internal", "external", "ei"};
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    g_autoptr(WnGrouping) g = group(net, "club");
    g_autoptr(WnTable) table = wn_ei_table(net, g);
    for (gsize j = 0; j < G_N_ELEMENTS(columns); j++) {
        g_autoptr(GArray) got = table_column(table, columns[j]);
        g_autoptr(GArray) want = wn_test_read_column("oracle/karate/expected/ei.csv", columns[j]);
        wn_test_assert_scores(columns[j], got, want);
    }
    gsize group_column = 0;
    g_assert_true(wn_table_column_lookup(table, "group", &group_column));
    g_assert_cmpstr(wn_table_cell_string(table, 0, group_column), ==, "Mr. Hi");
    g_assert_cmpstr(wn_table_cell_string(table, 33, group_column), ==, "Officer");
}

/* oracle/karate/expected/ei_network.csv: IL 67, EL 11, (11 − 67)/78. */
static void
test_karate_network_ei_matches_oracle(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    g_autoptr(WnGrouping) g = group(net, "club");
    g_autoptr(GArray) want = wn_test_read_column("oracle/karate/expected/ei_network.csv", "value");
    WnEiSummary s;
    wn_ei_summarise(net, g, &s);
    g_assert_cmpuint(s.internal_ties, ==, (gsize) g_array_index(want, double, 0));
    g_assert_cmpuint(s.external_ties, ==, (gsize) g_array_index(want, double, 1));
    g_assert_cmpfloat_with_epsilon(s.ei, g_array_index(want, double, 2), 1e-9);
}

/*
 * E-I by area on brokerage-directed, read undirected (x - a2 both ways is one tie):
 * a1 {x: A, c1: C} 0; a2 {x} −1; x {a1, a2 | b1, b2, c1} (3 − 2)/5 = 0.2;
 * b1 {b2 | x} 0; b2 {b1 | x} 0; c1 {c2 | x, a1} (2 − 1)/3; c2 {c1} −1; d1 isolated: missing.
 * Network: within a1-x, a2-x, b1-b2, c1-c2 (4), between x-b1, x-b2, x-c1, a1-c1 (4): 0.
 */
static void
test_ei_counts_distinct_neighbours_and_skips_isolates(void)
{
    static const double ei[8] = {0, -1, 0.2, 0, 0, 1.0 / 3.0, -1, NAN};
    g_autoptr(WnNetwork) net = wn_test_load("data", "brokerage-directed");
    g_autoptr(WnGrouping) g = group(net, NULL);
    g_autoptr(WnTable) table = wn_ei_table(net, g);
    g_autoptr(GArray) got = table_column(table, "ei");
    g_autoptr(GArray) want = scores_of(ei, 8);
    wn_test_assert_scores("ei", got, want);
    WnEiSummary s;
    wn_ei_summarise(net, g, &s);
    g_assert_cmpuint(s.internal_ties, ==, 4);
    g_assert_cmpuint(s.external_ties, ==, 4);
    g_assert_cmpfloat_with_epsilon(s.ei, 0.0, 1e-12);
}

/*
 * brokerage-at-risk (undirected):
 *
 *        r1   r2
 *          \ /
 *           p ── k1 ── k2        k1, k2, k3, k4: a clique (connected)
 *                 │ ╲  │         r1, r2: only the professional p (formal_only)
 *                k3 ── k4 ── r3  r3: one informal tie (fragile)
 *                                r4: no ties (isolated)
 *
 * At risk: r1, r2, r3, r4. p reaches r1, r2 (2); r1 reaches r2 via p (1); k1 reaches
 * r3 via k4 and r1, r2 via p (3); k2, k3 reach r3 via k4 (1); k4 reaches r3 (1);
 * r3 reaches nobody at risk but itself (0); r4 (0).
 */
static void
test_at_risk_reach_counts_two_steps(void)
{
    static const double reach[9] = {2, 1, 1, 3, 1, 1, 1, 0, 0};
    g_autoptr(WnNetwork) net = wn_test_load("data", "brokerage-at-risk");
    g_autoptr(GError) error = NULL;
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    g_autoptr(GArray) got = wn_measure_at_risk_reach(net, &opts, &error);
    g_assert_no_error(error);
    g_autoptr(GArray) want = scores_of(reach, 9);
    wn_test_assert_scores("at_risk_reach", got, want);
}

static WnTable *
brokers(const char *subdir, const char *name, const char *by, guint top)
{
    g_autoptr(WnNetwork) net = wn_test_load(subdir, name);
    g_autoptr(GError) error = NULL;
    WnBrokersOptions opts = WN_BROKERS_OPTIONS_INIT;
    opts.by = by;
    opts.top = top;
    WnTable *table = wn_brokers_table(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_nonnull(table);
    return table;
}

static const char *
cell(const WnTable *table, gsize row, const char *name)
{
    gsize column = 0;
    g_assert_true(wn_table_column_lookup(table, name, &column));
    return wn_table_cell_string(table, row, column);
}

static gint64
count_cell(const WnTable *table, gsize row, const char *name)
{
    gsize column = 0;
    g_assert_true(wn_table_column_lookup(table, name, &column));
    return wn_table_cell_int(table, row, column);
}

/*
 * Florentine families, no areas: one group, so every brokered pair is coordination.
 * The Medici tie six families of which only Ridolfi and Tornabuoni are tied to each
 * other: 15 − 1 = 14 open pairs, t = 28 counted both ways; next is Guadagni with
 * 4 families and no tie among them: 6 pairs, t = 12. One group: no "across" part.
 * At risk (fragile, informal degree <= 2): Acciaiuoli, Barbadori, Ginori, Lamberteschi,
 * Pazzi, Salviati; all but Lamberteschi (three steps away, via Guadagni) lie within
 * two steps of the Medici: 5.
 */
static void
test_florentine_medici_rank_first(void)
{
    g_autoptr(WnTable) table = brokers("../datasets", "florentine", NULL, 3);
    g_assert_cmpuint(wn_table_row_count(table), ==, 3);
    g_assert_cmpstr(cell(table, 0, "id"), ==, "Medici");
    g_assert_cmpint(count_cell(table, 0, "t"), ==, 28);
    g_assert_cmpint(count_cell(table, 0, "w_I"), ==, 28);
    g_assert_cmpstr(cell(table, 1, "id"), ==, "Guadagni");
    g_assert_cmpint(count_cell(table, 1, "t"), ==, 12);
    g_assert_cmpint(count_cell(table, 0, "at_risk_reach"), ==, 5);
    g_assert_cmpstr(cell(table, 0, "reason"), ==,
                    "brokers 14 pairs of contacts who are not tied; reaches 5 at-risk "
                    "residents within two steps");
}

/*
 * brokerage-directed by area: x (t 7), c1 (t 2), then b1 and b2 (t 1 each, both with
 * betweenness 0: node order). x has contacts in A, B and C; of its 7 pairs
 * b_IO + b_OI + b_O = 5 cross areas. Every resident is at risk (a1, c1, b1 fragile,
 * a2 formal_only, d1 isolated) and x reaches a1, a2, b1, c1 in one step.
 */
static void
test_brokers_rank_by_total_then_betweenness_then_order(void)
{
    g_autoptr(WnTable) table = brokers("data", "brokerage-directed", NULL, 0);
    g_assert_cmpuint(wn_table_row_count(table), ==, 4);
    g_assert_cmpstr(cell(table, 0, "id"), ==, "x");
    g_assert_cmpstr(cell(table, 1, "id"), ==, "c1");
    g_assert_cmpstr(cell(table, 2, "id"), ==, "b1");
    g_assert_cmpstr(cell(table, 3, "id"), ==, "b2");
    g_assert_cmpint(count_cell(table, 0, "neighbour_groups"), ==, 3);
    g_assert_cmpint(count_cell(table, 0, "between_group_pairs"), ==, 5);
    g_assert_cmpint(count_cell(table, 0, "at_risk_reach"), ==, 4);
    g_assert_cmpstr(cell(table, 0, "reason"), ==,
                    "brokers 7 pairs of contacts who are not tied (5 across areas); has "
                    "contacts in 3 areas; reaches 4 at-risk residents within two steps");
}

/*
 * By formality: c1 brokers (a1, c2), resident to organisation: 1 formal-informal pair;
 * x's seven pairs join informal nodes only. c1 reaches the at-risk a1 in one step and
 * a2, b1 through x (d1 is out of reach, c1 itself does not count): 3.
 */
static void
test_brokers_by_formality_count_formal_informal_pairs(void)
{
    g_autoptr(WnTable) table = brokers("data", "brokerage-directed", "formality", 2);
    g_assert_cmpstr(cell(table, 0, "id"), ==, "x");
    g_assert_cmpint(count_cell(table, 0, "between_group_pairs"), ==, 0);
    g_assert_cmpstr(cell(table, 1, "id"), ==, "c1");
    g_assert_cmpint(count_cell(table, 1, "between_group_pairs"), ==, 1);
    g_assert_cmpstr(cell(table, 1, "reason"), ==,
                    "brokers 2 pairs of contacts who are not tied (1 formal-informal); "
                    "reaches 3 at-risk residents within two steps");
}

/* no-ties: nobody brokers, every z-score is 0/0 (missing), no E-I, an empty report. */
static void
test_network_without_ties_has_no_brokers(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "no-ties");
    g_autoptr(WnGrouping) g = group(net, NULL);
    g_autoptr(WnBrokerage) br = wn_brokerage_new(net, g);
    g_assert_cmpfloat(g_array_index(wn_brokerage_counts(br, WN_ROLE_TOTAL), double, 0), ==, 0.0);
    g_assert_true(isnan(g_array_index(wn_brokerage_z(br, WN_ROLE_TOTAL), double, 0)));
    WnEiSummary s;
    wn_ei_summarise(net, g, &s);
    g_assert_cmpuint(s.internal_ties + s.external_ties, ==, 0);
    g_assert_true(isnan(s.ei));
    g_autoptr(WnTable) table = brokers("data", "no-ties", NULL, 10);
    g_assert_cmpuint(wn_table_row_count(table), ==, 0);
    g_assert_cmpuint(wn_table_column_count(table), ==, 17); /* with dependants */
}

/* A generated town of 20,100 residents: above 20,000 nodes, where brokers estimate
 * betweenness from 256 sources drawn with their seed. */
static WnNetwork *
load_town_above_the_estimate_rule(char **dir_out)
{
    WnGenerateOptions gen = WN_GENERATE_OPTIONS_INIT;
    gen.residents = 20100;
    gen.seed = 5;
    *dir_out = wn_test_make_temp_dir();
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_generate_town(&gen, *dir_out, &error));
    g_assert_no_error(error);
    WnNetwork *net = wn_network_load(*dir_out, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_network_node_count(net), >, 20000);
    return net;
}

/* Asserts that the betweenness column of @table is wn_measure_betweenness from 256
 * sources with @seed, node by node. */
static void
assert_brokers_betweenness(const WnNetwork *net, const WnTable *table, guint64 seed)
{
    WnMeasureOptions opts = {FALSE, 256, seed};
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) want = wn_measure_betweenness(net, &opts, &error);
    g_assert_no_error(error);
    gsize column = 0;
    g_assert_true(wn_table_column_lookup(table, "betweenness", &column));
    g_assert_cmpuint(wn_table_row_count(table), >, 100);
    for (gsize row = 0; row < wn_table_row_count(table); row++) {
        gsize node = 0;
        g_assert_true(wn_network_node_lookup(net, cell(table, row, "id"), &node));
        g_assert_cmpfloat(wn_table_cell_double(table, row, column), ==,
                          g_array_index(want, double, node));
    }
}

static WnTable *
brokers_with_seed(const WnNetwork *net, const WnBrokersOptions *opts)
{
    g_autoptr(GError) error = NULL;
    WnTable *table = wn_brokers_table(net, opts, &error);
    g_assert_no_error(error);
    return table;
}

/* Brokers rank by a betweenness estimated from opts->seed (12345 by default, as
 * analyse), not always from 12345: another seed gives other sources, other scores. */
static void
test_brokers_betweenness_follows_the_seed(void)
{
    g_autofree char *dir = NULL;
    g_autoptr(WnNetwork) net = load_town_above_the_estimate_rule(&dir);
    WnBrokersOptions opts = WN_BROKERS_OPTIONS_INIT;
    opts.top = 0;
    g_assert_cmpuint(opts.seed, ==, 12345);
    g_autoptr(WnTable) by_default = brokers_with_seed(net, &opts);
    assert_brokers_betweenness(net, by_default, 12345);
    opts.seed = 99;
    g_autoptr(WnTable) seeded = brokers_with_seed(net, &opts);
    assert_brokers_betweenness(net, seeded, 99);
    g_autofree char *a = wn_table_to_csv(by_default);
    g_autofree char *b = wn_table_to_csv(seeded);
    g_assert_cmpstr(a, !=, b);
    wn_test_remove_tree(dir);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/brokerage/roles/directed-match-hand-count",
                    test_directed_roles_match_hand_count);
    g_test_add_func("/brokerage/roles/undirected-representative-equals-gatekeeper",
                    test_undirected_representative_equals_gatekeeper);
    g_test_add_func("/brokerage/roles/karate-matches-sna", test_karate_roles_match_sna);
    g_test_add_func("/brokerage/z/total-follows-density", test_directed_total_z_follows_density);
    g_test_add_func("/brokerage/grouping/formality-puts-professionals-on-one-side",
                    test_formality_puts_professionals_on_one_side);
    g_test_add_func("/brokerage/grouping/nodes-without-area-form-one-group",
                    test_nodes_without_area_form_one_group);
    g_test_add_func("/brokerage/grouping/multi-valued-cell-is-one-class",
                    test_multi_valued_cell_is_one_class);
    g_test_add_func("/brokerage/grouping/type-groups-by-node-kind", test_type_groups_by_node_kind);
    g_test_add_func("/brokerage/grouping/unknown-column-is-refused",
                    test_unknown_grouping_is_refused);
    g_test_add_func("/brokerage/ei/karate-matches-oracle", test_karate_ei_matches_oracle);
    g_test_add_func("/brokerage/ei/karate-network-matches-oracle",
                    test_karate_network_ei_matches_oracle);
    g_test_add_func("/brokerage/ei/distinct-neighbours-and-isolates-missing",
                    test_ei_counts_distinct_neighbours_and_skips_isolates);
    g_test_add_func("/brokerage/at-risk-reach/counts-two-steps",
                    test_at_risk_reach_counts_two_steps);
    g_test_add_func("/brokerage/brokers/florentine-medici-rank-first",
                    test_florentine_medici_rank_first);
    g_test_add_func("/brokerage/brokers/rank-by-total-then-betweenness-then-order",
                    test_brokers_rank_by_total_then_betweenness_then_order);
    g_test_add_func("/brokerage/brokers/formality-counts-formal-informal-pairs",
                    test_brokers_by_formality_count_formal_informal_pairs);
    g_test_add_func("/brokerage/brokers/network-without-ties-has-none",
                    test_network_without_ties_has_no_brokers);
    g_test_add_func("/brokerage/brokers/betweenness-follows-the-seed",
                    test_brokers_betweenness_follows_the_seed);
    return g_test_run();
}
