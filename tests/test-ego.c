/* test-ego.c: ego composition of every resident, and the two-mode projection onto residents */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>

/*
 * tests/data/isolation-wijk (11 nodes; weights 1 unless marked; [v] = vulnerable;
 * p professional, o organisation, g group, the rest residents; areas: a, b, p in A;
 * c, d, e, g in B; h, k in C; f and o have none):
 *
 *   a                b ---- p
 *                           |
 *   c[v] ---- g ----------- d
 *    |                    / |2
 *    |                   f  |
 *    |                    \ |
 *    |                      e ---- o
 *    |                      |3
 *    +--------------------- h ---- k
 *
 * Ties: b-p support, c-g member, d-g member, d-e friend (2), d-f neighbour,
 * e-h family (3), e-f friend, h-k friend, h-c neighbour, p-d support, o-e referral.
 *
 * Informal degrees: c 2 (g, h), d 3 (g, e, f), e 3 (d, f, h), f 2, h 3 (e, k, c), k 1.
 * At risk (informal degree <= 1 or vulnerable): c (vulnerable) and k (degree 1).
 *   a: no tie at all                     -> isolated, index 0.4 + 0.4 + 0.2 = 1
 *   b: only p                            -> formal_only, index 1
 *   c: degree 2                          -> fragile; reach2 {h, d via g, e, k} = 4
 *   d: degree 3, weak_share 0/2          -> connected
 *   e: degree 3, weak_share 0/3          -> connected; reach2 {d, f, h, k, c} = 5
 *   f: degree 2                          -> fragile
 *   h: degree 3, weak_share 2/3 (k, c)   -> fragile through its weak network
 *   k: degree 1                          -> fragile
 */

/*
 * e's contacts: d (resident, friend, "practical| Emotional"), f (resident, friend),
 * h (resident, family, "emotional"), o (organisation, referral, "advice").
 * Node kinds 3/4 resident, 1/4 organisation: Blau 1 − (9/16 + 1/16) = 0.375, IQV
 * 0.375·4/3 = 0.5. Tie kinds 2/4 friend, 1/4 family, 1/4 referral: Blau 1 − (1/4 + 1/16 +
 * 1/16) = 0.625, IQV 0.625·9/8 = 0.703125. Support: practical 1/4, emotional 2/4,
 * companionship 0, advice 1/4.
 */
static void
test_ego_composition_by_kind_and_support(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_ego_composition(net, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_table_row_count(t), ==, 8);
    gsize e = 4;
    g_assert_cmpstr(wn_table_cell_string(t, e, wn_test_column(t, "id")), ==, "e");
    g_assert_cmpint(wn_test_int_cell(t, e, "contacts"), ==, 4);
    static const struct {
        const char *name;
        double want;
    } cells[] = {
        {"share_resident", 0.75},     {"share_professional", 0},
        {"share_group", 0},           {"share_organisation", 0.25},
        {"blau_node_kind", 0.375},    {"iqv_node_kind", 0.5},
        {"tie_friend", 0.5},          {"tie_family", 0.25},
        {"tie_referral", 0.25},       {"tie_member", 0},
        {"blau_tie_kind", 0.625},     {"iqv_tie_kind", 0.703125},
        {"support_practical", 0.25},  {"support_emotional", 0.5},
        {"support_companionship", 0}, {"support_advice", 0.25},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cells); i++) {
        g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, e, cells[i].name), cells[i].want,
                                       1e-12);
    }
}

/* relations-three: a's contacts are b (neighbour, family and friend), c (friend) and p
 * (support and referral): 3 contacts, 6 relations. A contact counts under each relation
 * of its tie; the tie-kind Blau index is over the relations: 1 − (2² + 4·1²)/6² = 7/9. */
static void
test_ego_composition_counts_each_relation(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "relations-three");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_ego_composition(net, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(wn_table_cell_string(t, 0, wn_test_column(t, "id")), ==, "a");
    g_assert_cmpint(wn_test_int_cell(t, 0, "contacts"), ==, 3);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 0, "tie_friend"), 2.0 / 3, 1e-12);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 0, "tie_family"), 1.0 / 3, 1e-12);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 0, "tie_neighbour"), 1.0 / 3, 1e-12);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 0, "tie_referral"), 1.0 / 3, 1e-12);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 0, "blau_tie_kind"), 7.0 / 9, 1e-12);
}

/* a has no contacts: every share and index is 0/0, so missing. */
static void
test_ego_composition_missing_without_contacts(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_ego_composition(net, &error);
    g_assert_no_error(error);
    g_assert_cmpint(wn_test_int_cell(t, 0, "contacts"), ==, 0);
    for (gsize j = 3; j < wn_table_column_count(t); j++) {
        g_assert_true(wn_table_cell_is_missing(t, 0, j));
    }
}

/* The only group g has two resident members, c and d: one pair of weight 1. */
static void
test_projection_of_one_group(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_projection_residents(net, 1, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_table_row_count(t), ==, 1);
    g_assert_cmpstr(wn_table_cell_string(t, 0, 0), ==, "c");
    g_assert_cmpstr(wn_table_cell_string(t, 0, 1), ==, "d");
    g_assert_cmpint(wn_table_cell_int(t, 0, 2), ==, 1);
}

static void
test_projection_refuses_min_shared_zero(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_projection_residents(net, 0, &error);
    g_assert_null(t);
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==, "min_shared must be at least 1");
}

/* Davis: the rows of oracle/davis/expected/projection.csv (networkx
 * weighted_projected_graph) with weight >= @min_shared, in the same order. */
static void
assert_davis_projection(guint min_shared)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "davis");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_projection_residents(net, min_shared, &error);
    g_assert_no_error(error);
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "oracle", "davis", "expected", "projection.csv", NULL);
    g_autofree char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    gsize row = 0;
    for (gsize i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++) {
        g_auto(GStrv) cells = g_strsplit(lines[i], ",", 3);
        gint64 weight = g_ascii_strtoll(cells[2], NULL, 10);
        if (weight < (gint64) min_shared) {
            continue;
        }
        g_assert_cmpuint(row, <, wn_table_row_count(t));
        g_assert_cmpstr(wn_table_cell_string(t, row, 0), ==, cells[0]);
        g_assert_cmpstr(wn_table_cell_string(t, row, 1), ==, cells[1]);
        g_assert_cmpint(wn_table_cell_int(t, row, 2), ==, weight);
        row++;
    }
    g_assert_cmpuint(row, ==, wn_table_row_count(t));
}

static void
test_projection_matches_davis_oracle(void)
{
    assert_davis_projection(1);
}

static void
test_projection_min_shared_drops_weaker_pairs(void)
{
    assert_davis_projection(4);
}

/* The CSV form of the Davis projection is the oracle file byte for byte. */
static void
test_projection_csv_is_the_oracle_file(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "davis");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_projection_residents(net, 1, &error);
    g_assert_no_error(error);
    g_autofree char *csv = wn_table_to_csv(t);
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "oracle", "davis", "expected", "projection.csv", NULL);
    g_autofree char *want = NULL;
    g_assert_true(g_file_get_contents(path, &want, NULL, NULL));
    g_assert_cmpstr(csv, ==, want);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ego/composition/by-kind-and-support",
                    test_ego_composition_by_kind_and_support);
    g_test_add_func("/ego/composition/counts-each-relation",
                    test_ego_composition_counts_each_relation);
    g_test_add_func("/ego/composition/missing-without-contacts",
                    test_ego_composition_missing_without_contacts);
    g_test_add_func("/projection/one-group", test_projection_of_one_group);
    g_test_add_func("/projection/min-shared-zero-is-refused",
                    test_projection_refuses_min_shared_zero);
    g_test_add_func("/projection/davis-oracle", test_projection_matches_davis_oracle);
    g_test_add_func("/projection/min-shared-drops-weaker-pairs",
                    test_projection_min_shared_drops_weaker_pairs);
    g_test_add_func("/projection/davis-csv-is-oracle-file", test_projection_csv_is_the_oracle_file);
    return g_test_run();
}
