/* test-holes.c: Burt's structural holes: constraint, effective size, efficiency, hierarchy */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>
#include <string.h>

/* One measure on one network, against values worked out by hand. */
typedef struct {
    const char *path;
    const char *network; /* tests/data/<network> */
    const char *measure;
    gboolean weighted;
    gsize n;
    double expected[5];
} HandCase;

/*
 * holes-triangle-tail:   b       e (no ties)
 *                       / \
 *                      a - c
 *                      |
 *                      d
 * a has 3 contacts, p = 1/3 each; b and c have 2, p = 1/2 each.
 * c_ab = (p_ab + p_ac·p_cb)² = (1/3 + 1/3·1/2)² = 1/4 = c_ac; c_ad = (1/3)² = 1/9;
 * C_a = 1/4 + 1/4 + 1/9 = 11/18.
 * c_ba = (1/2 + p_bc·p_ca)² = (1/2 + 1/4)² = 9/16; c_bc = (1/2 + p_ba·p_ac)² = (2/3)² = 4/9;
 * C_b = 9/16 + 4/9 = 145/144. d has one contact: C_d = 1.
 * Effective size n − 2t/n: a 3 − 2·1/3 = 7/3; b 2 − 2·1/2 = 1; d 1 − 0 = 1; e 0.
 * Hierarchy, r_j = c_ij/(C/N): a: C/N = 11/54, r = 27/22, 27/22, 6/11,
 * H_a = (2·27/22·ln(27/22) + 6/11·ln(6/11)) / (3 ln 3) = 0.0522045454467526…;
 * b: C/N = 145/288, r = 162/145, 128/145,
 * H_b = (162/145·ln(162/145) + 128/145·ln(128/145)) / (2 ln 2) = 0.00993815297578692…
 *
 * holes-weighted-star:  b =3= a -1- c   (weights 3 and 1)
 * Unweighted a has p = 1/2, 1/2: C_a = 1/4 + 1/4 = 1/2, H_a = 0 (both contacts equal).
 * Weighted p_ab = 3/4, p_ac = 1/4: C_a = 9/16 + 1/16 = 5/8; C/N = 5/16, r = 9/5, 1/5,
 * H_a = (9/5·ln(9/5) + 1/5·ln(1/5)) / (2 ln 2) = 0.531004406410719…
 */
static const HandCase hand_cases[] = {
    {"/holes/constraint/redundant-contacts-constrain-more",
     "holes-triangle-tail",
     "constraint",
     FALSE,
     5,
     {11.0 / 18, 145.0 / 144, 145.0 / 144, 1, NAN}},
    {"/holes/constraint/weighted-shares-follow-tie-strength",
     "holes-weighted-star",
     "constraint",
     TRUE,
     3,
     {5.0 / 8, 1, 1}},
    {"/holes/constraint/unweighted-shares-are-equal",
     "holes-weighted-star",
     "constraint",
     FALSE,
     3,
     {0.5, 1, 1}},
    {"/holes/effective-size/n-minus-2t-over-n",
     "holes-triangle-tail",
     "effective_size",
     FALSE,
     5,
     {7.0 / 3, 1, 1, 1, 0}},
    {"/holes/effective-size/ignores-weights",
     "holes-weighted-star",
     "effective_size",
     TRUE,
     3,
     {2, 1, 1}},
    {"/holes/efficiency/effective-size-per-contact",
     "holes-triangle-tail",
     "efficiency",
     FALSE,
     5,
     {7.0 / 9, 0.5, 0.5, 1, NAN}},
    {"/holes/hierarchy/burt-formula",
     "holes-triangle-tail",
     "hierarchy",
     FALSE,
     5,
     {0.05220454544675263, 0.009938152975786922, 0.009938152975786922, NAN, NAN}},
    {"/holes/hierarchy/equal-contributions-score-zero",
     "holes-weighted-star",
     "hierarchy",
     FALSE,
     3,
     {0, NAN, NAN}},
    {"/holes/hierarchy/weighted-uses-weighted-contributions",
     "holes-weighted-star",
     "hierarchy",
     TRUE,
     3,
     {0.5310044064107188, NAN, NAN}},
};

static void
test_hand_case(gconstpointer data)
{
    const HandCase *c = data;
    g_autoptr(WnNetwork) net = wn_test_load("data", c->network);
    g_autoptr(GError) error = NULL;
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    opts.weighted = c->weighted;
    g_autoptr(GArray) scores = wn_measure_lookup(c->measure)->compute(net, &opts, &error);
    g_assert_no_error(error);
    g_autoptr(GArray) want = g_array_new(FALSE, FALSE, sizeof(double));
    g_array_append_vals(want, c->expected, (guint) c->n);
    wn_test_assert_scores(c->measure, scores, want);
}

/* The closed forms of the hierarchy comment above, so the literals cannot drift. */
static void
test_hierarchy_literals_match_closed_forms(void)
{
    double h_a = (2 * 27.0 / 22 * log(27.0 / 22) + 6.0 / 11 * log(6.0 / 11)) / (3 * log(3));
    double h_b = (162.0 / 145 * log(162.0 / 145) + 128.0 / 145 * log(128.0 / 145)) / (2 * log(2));
    double h_w = (9.0 / 5 * log(9.0 / 5) + 1.0 / 5 * log(1.0 / 5)) / (2 * log(2));
    g_assert_cmpfloat_with_epsilon(hand_cases[6].expected[0], h_a, 1e-15);
    g_assert_cmpfloat_with_epsilon(hand_cases[6].expected[1], h_b, 1e-15);
    g_assert_cmpfloat_with_epsilon(hand_cases[8].expected[0], h_w, 1e-15);
}

/* An isolated node (e of holes-triangle-tail) has no contacts: effective size 0, the
 * rest undefined, printed as an empty CSV cell and JSON null. */
static void
test_isolate_is_missing(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "holes-triangle-tail");
    g_autoptr(GError) error = NULL;
    const char *names[] = {"constraint", "effective_size", "efficiency", "hierarchy", NULL};
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    g_autoptr(WnTable) table = wn_measure_table(net, names, &opts, &error);
    g_assert_no_error(error);
    g_autofree char *csv = wn_table_to_csv(table);
    g_autofree char *json = wn_table_to_json(table);
    g_assert_nonnull(strstr(csv, "id,type,area,constraint,effective_size,efficiency,hierarchy\n"));
    g_assert_true(g_str_has_suffix(csv, "\ne,resident,,,0,,\n"));
    g_assert_nonnull(strstr(json, "\"constraint\":\tnull,\n\t\t\"effective_size\":\t0,"));
    for (gsize j = 3; j < 7; j++) {
        g_assert_cmpint(wn_table_cell_is_missing(table, 4, j), ==, j != 4);
    }
}

/* The registry lists the four measures in alphabetical order; the default set
 * (centrality) does not compute them. */
static void
test_registry_lists_measures(void)
{
    gsize n = 0;
    const WnMeasureInfo *all = wn_measure_list(&n);
    for (gsize i = 1; i < n; i++) {
        g_assert_cmpint(strcmp(all[i - 1].name, all[i].name), <, 0);
    }
    const char *ours[] = {"constraint", "effective_size", "efficiency", "hierarchy"};
    for (gsize i = 0; i < G_N_ELEMENTS(ours); i++) {
        g_assert_nonnull(wn_measure_lookup(ours[i]));
        g_assert_cmpint(wn_measure_lookup(ours[i])->kind, ==, WN_COLUMN_DOUBLE);
        g_assert_false(g_strv_contains((const char *const *) wn_measure_default_names(), ours[i]));
    }
}

/* A measure against a column of tests/oracle/<dataset>/expected/holes.csv (NetworkX 2.8.8). */
typedef struct {
    const char *path;
    const char *dataset;
    const char *measure;
    gboolean weighted;
    const char *column;
} OracleCase;

static const OracleCase oracle_cases[] = {
    {"/holes/oracle/karate/constraint", "karate", "constraint", FALSE, "constraint"},
    {"/holes/oracle/karate/constraint-weighted", "karate", "constraint", TRUE, "constraint_w"},
    {"/holes/oracle/karate/effective-size", "karate", "effective_size", FALSE, "effective_size"},
    {"/holes/oracle/karate/efficiency", "karate", "efficiency", FALSE, "efficiency"},
    {"/holes/oracle/florentine/constraint", "florentine", "constraint", FALSE, "constraint"},
    {"/holes/oracle/florentine/constraint-weighted", "florentine", "constraint", TRUE,
     "constraint_w"},
    {"/holes/oracle/florentine/effective-size", "florentine", "effective_size", FALSE,
     "effective_size"},
    {"/holes/oracle/florentine/efficiency", "florentine", "efficiency", FALSE, "efficiency"},
    {"/holes/oracle/davis/constraint", "davis", "constraint", FALSE, "constraint"},
    {"/holes/oracle/davis/constraint-weighted", "davis", "constraint", TRUE, "constraint_w"},
    {"/holes/oracle/davis/effective-size", "davis", "effective_size", FALSE, "effective_size"},
    {"/holes/oracle/davis/efficiency", "davis", "efficiency", FALSE, "efficiency"},
};

static void
test_oracle_case(gconstpointer data)
{
    const OracleCase *c = data;
    g_autoptr(WnNetwork) net = wn_test_load("oracle", c->dataset);
    g_autofree char *file = g_build_filename("oracle", c->dataset, "expected", "holes.csv", NULL);
    g_autoptr(GArray) want = wn_test_read_column(file, c->column);
    g_autoptr(GError) error = NULL;
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    opts.weighted = c->weighted;
    g_autoptr(GArray) scores = wn_measure_lookup(c->measure)->compute(net, &opts, &error);
    g_assert_no_error(error);
    wn_test_assert_scores(c->column, scores, want);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(hand_cases); i++) {
        g_test_add_data_func(hand_cases[i].path, &hand_cases[i], test_hand_case);
    }
    g_test_add_func("/holes/hierarchy/hand-values-match-closed-forms",
                    test_hierarchy_literals_match_closed_forms);
    g_test_add_func("/holes/isolate/effective-size-zero-others-missing", test_isolate_is_missing);
    g_test_add_func("/holes/registry/lists-measures-not-default", test_registry_lists_measures);
    for (gsize i = 0; i < G_N_ELEMENTS(oracle_cases); i++) {
        g_test_add_data_func(oracle_cases[i].path, &oracle_cases[i], test_oracle_case);
    }
    return g_test_run();
}
