/* test-suggest-touching.c: beyond the area without positions, the areas that touch it
 * (areas.geojson) come first */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <string.h>

/*
 * suggest-touching/areas.geojson: five squares of 0.01° (no node has a position)
 *
 *            +------+
 *            | BU05 |
 *     +------+------+------+------+
 *     | BU01 | BU02 | BU03 | BU04 |
 *     +------+------+------+------+
 *
 * BU01 touches BU02 along a side and BU05 at one corner; BU04 touches only BU03.
 */
static WnAreaTouching *
touching_of(const char *dataset)
{
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "data", dataset, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnAreaShapes) shapes = wn_area_shapes_load_dataset(dir, &error);
    g_assert_no_error(error);
    g_assert_nonnull(shapes);
    return wn_area_touching_new(shapes);
}

static char *
joined(const WnAreaTouching *touching, const char *code)
{
    gsize n = 0;
    const char *const *codes = wn_area_touching_of(touching, code, &n);
    g_autoptr(GPtrArray) list = g_ptr_array_new();
    for (gsize i = 0; i < n; i++) {
        g_ptr_array_add(list, (gpointer) codes[i]);
    }
    g_ptr_array_add(list, NULL);
    return g_strjoinv(",", (char **) list->pdata);
}

/* A shared side or a shared corner touches; an area never touches itself, and touching is
 * not passed on (BU01 and BU03 both touch BU02, not each other). */
static void
test_areas_touch_along_a_side_or_at_a_corner(void)
{
    g_autoptr(WnAreaTouching) touching = touching_of("suggest-touching");
    const char *const expected[][2] = {
        {"BU01", "BU02,BU05"}, {"BU02", "BU01,BU03,BU05"}, {"BU03", "BU02,BU04,BU05"},
        {"BU04", "BU03"},      {"BU05", "BU01,BU02,BU03"}, {"nosuch", ""},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(expected); i++) {
        g_autofree char *got = joined(touching, expected[i][0]);
        g_assert_cmpstr(got, ==, expected[i][1]);
    }
    g_assert_true(wn_area_touching_pair(touching, "BU05", "BU01"));
    g_assert_false(wn_area_touching_pair(touching, "BU01", "BU03"));
    g_assert_false(wn_area_touching_pair(touching, "BU01", NULL));
}

/* The suggestions for t in suggest-touching under @policy, with its touching areas or
 * without (@touching). */
static WnTable *
suggest_for_t(WnPolicy policy, gboolean touching)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-touching");
    g_autoptr(WnAreaTouching) areas = touching ? touching_of("suggest-touching") : NULL;
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    opts.policy = policy;
    opts.touching = areas;
    const char *const ids[] = {"t", NULL};
    g_autoptr(GError) error = NULL;
    WnTable *table = wn_suggest_table(net, ids, &opts, NULL, &error);
    g_assert_no_error(error);
    return table;
}

static const char *
cell(const WnTable *table, gsize row, const char *column)
{
    return wn_table_cell_string(table, row, wn_test_column(table, column));
}

/*
 * suggest-touching: t (BU01, 65-74, nl, koffie) has no tie and no one else in BU01.
 * b1 in BU02 (touching) and c1 in BU04 (not touching) are alike: 65-74, nl, koffie, no
 * ties; c1 comes first in nodes.csv. d1, d2, d3 and d4 (BU03) are all friends of each
 * other (3 informal ties: connected).
 *   b1, c1: koffie, nl 2·0.25 + 65-74 0.25 = 0.75
 *   d1:     nl 0.25 + 0.5·3/10            = 0.40
 * With the touching areas, t looks only in BU02 and BU05 (empty): b1 alone, named as the
 * neighbouring area. Without them, the whole dataset: c1 and b1 tie at 0.75 (c1 first by
 * node order), then d1.
 */
static void
test_resident_with_no_one_looks_in_the_touching_areas_first(void)
{
    g_autoptr(WnTable) near = suggest_for_t(WN_POLICY_MIXED, TRUE);
    g_assert_cmpuint(wn_table_row_count(near), ==, 1);
    g_assert_cmpstr(cell(near, 0, "candidate"), ==, "b1");
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(near, 0, "score"), 0.75, 1e-9);
    g_assert_cmpstr(cell(near, 0, "reason"), ==,
                    "both: koffie, nl; same age band 65-74; in the neighbouring area BU02; no one "
                    "known can introduce them");
    g_autoptr(WnTable) all = suggest_for_t(WN_POLICY_MIXED, FALSE);
    g_assert_cmpuint(wn_table_row_count(all), ==, 3);
    g_assert_cmpstr(cell(all, 0, "candidate"), ==, "c1");
    g_assert_cmpstr(cell(all, 1, "candidate"), ==, "b1");
    g_assert_cmpstr(cell(all, 2, "candidate"), ==, "d1");
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(all, 2, "score"), 0.40, 1e-9);
    g_assert_nonnull(strstr(cell(all, 1, "reason"), "; in area BU02;"));
}

/* Under the anchor policy only connected residents and groups may be suggested: b1, in
 * the one touching area with anyone, is isolated, so t falls back to the whole dataset and
 * gets d1 (nl 0.25 + 0.5·3/10 = 0.40) and d3 (adjacent bands 0.125 + 0.15 = 0.275) of BU03,
 * which does not touch BU01. */
static void
test_touching_areas_without_allowed_candidates_fall_back(void)
{
    g_autoptr(WnTable) anchor = suggest_for_t(WN_POLICY_ANCHOR, TRUE);
    g_assert_cmpuint(wn_table_row_count(anchor), ==, 2);
    g_assert_cmpstr(cell(anchor, 0, "candidate"), ==, "d1");
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(anchor, 0, "score"), 0.40, 1e-9);
    g_assert_nonnull(strstr(cell(anchor, 0, "reason"), "; in area BU03;"));
    g_assert_cmpstr(cell(anchor, 1, "candidate"), ==, "d3");
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(anchor, 1, "score"), 0.275, 1e-9);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    wn_init();
    g_test_add_func("/suggest-touching/areas/touch-along-a-side-or-at-a-corner",
                    test_areas_touch_along_a_side_or_at_a_corner);
    g_test_add_func("/suggest-touching/suggest/resident-with-no-one-looks-in-touching-areas-first",
                    test_resident_with_no_one_looks_in_the_touching_areas_first);
    g_test_add_func("/suggest-touching/suggest/no-allowed-candidate-nearby-falls-back",
                    test_touching_areas_without_allowed_candidates_fall_back);
    return g_test_run();
}
