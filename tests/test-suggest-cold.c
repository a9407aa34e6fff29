/* test-suggest-cold.c: suggestions for residents with no one: beyond the area, groups as
 * activities, introducers, settings, the cold-start evaluation */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>
#include <string.h>

static WnTable *
suggest_for(const WnNetwork *net, const char *id, const WnSuggestOptions *opts)
{
    const char *const ids[] = {id, NULL};
    g_autoptr(GError) error = NULL;
    WnTable *t = wn_suggest_table(net, ids, opts, NULL, &error);
    g_assert_no_error(error);
    return t;
}

static void
assert_row(const WnTable *t, gsize row, const char *candidate, double score, const char *introducer,
           const char *reason)
{
    g_assert_cmpstr(wn_table_cell_string(t, row, wn_test_column(t, "candidate")), ==, candidate);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, row, "score"), score, 1e-9);
    g_assert_cmpstr(wn_table_cell_string(t, row, wn_test_column(t, "introducer")), ==, introducer);
    g_assert_cmpstr(wn_table_cell_string(t, row, wn_test_column(t, "reason")), ==, reason);
}

/* The metres between two points on one meridian, Δφ degrees apart (haversine: R·Δφ). */
static double
meridian_metres(double degrees)
{
    return 6371008.8 * degrees * G_PI / 180.0;
}

/*
 * suggest-koffie: t (area A, 65-74, nl, koffie|tuinieren) has no informal tie, only the
 * professional P who supports them. Area A holds a1 and a2 890 m south, who share little.
 * Area B, to the north, holds the coffee morning K (no attributes of its own; members
 * k1 k2 k3, all 65-74, nl, koffie) and the neighbour n (65-74, nl, koffie), a friend of k1.
 *
 *          k1 k2 k3 (1112 m)
 *           \  |  /
 *  n (600 m) - K (667 m)          [area B]
 *  ...........................................
 *  t -- P (support)                [area A]
 *  a1 a2 (890 m south)
 *
 * K takes its members' koffie, nl and 65-74 (each held by 3 of 3, at least 2 needed):
 *   K:  8·30/(30 + 667.2) + 2·0.25 + 0.25 + 0.5 (group)                = 1.59417
 *   n:  8·30/(30 + 600.4) + 2·0.25 + 0.25 + 0.5·1/10                   = 1.18069
 *   k1: 8·30/(30 + 1111.9) + 2·0.25 + 0.25 + 0.5·2/10                  = 1.06018
 *   a1: 0.5 (area) + 8·30/(30 + 889.6) + 0.25 (nl)                     = 1.01098
 * The coffee group comes first and the coffee-loving neighbour second, both found beyond
 * t's area; P, who supports t, can introduce them.
 */
static void
test_lonely_coffee_lover_gets_coffee_group_and_neighbour(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-koffie");
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    g_autoptr(WnTable) t = suggest_for(net, "t", &opts);
    g_assert_cmpuint(wn_table_row_count(t), ==, 3);
    double k = 240.0 / (30.0 + meridian_metres(0.006)) + 1.25;
    double n = 240.0 / (30.0 + meridian_metres(0.0054)) + 0.80;
    double k1 = 240.0 / (30.0 + meridian_metres(0.01)) + 0.85;
    const char *by_p = "P (professional) can introduce them (supports them)";
    g_autofree char *why_k = g_strdup_printf("members share: koffie, nl; a group with 3 members; "
                                             "in area B, 670 m apart; members mostly 65-74; %s",
                                             by_p);
    g_autofree char *why_n =
        g_strdup_printf("both: koffie, nl; in area B, 600 m apart; same age band 65-74; %s", by_p);
    assert_row(t, 0, "K", k, "P", why_k);
    assert_row(t, 1, "n", n, "P", why_n);
    g_assert_cmpstr(wn_table_cell_string(t, 2, wn_test_column(t, "candidate")), ==, "k1");
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 2, "score"), k1, 1e-9);
}

/* With beyond-metres 500, n (600 m) and K (667 m) are out of reach: only area A is left,
 * a1 (1.01098, see above) and a2 (0.5 + 0.26098) with no shared value. */
static void
test_beyond_metres_bounds_the_search(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-koffie");
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    opts.beyond_metres = 500.0;
    g_autoptr(WnTable) t = suggest_for(net, "t", &opts);
    g_assert_cmpuint(wn_table_row_count(t), ==, 2);
    double near = 240.0 / (30.0 + meridian_metres(0.008));
    g_assert_cmpstr(wn_table_cell_string(t, 0, wn_test_column(t, "candidate")), ==, "a1");
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 0, "score"), 0.75 + near, 1e-9);
    g_assert_cmpstr(wn_table_cell_string(t, 1, wn_test_column(t, "candidate")), ==, "a2");
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 1, "score"), 0.5 + near, 1e-9);
}

/* A member of the group the resident knows introduces them: k1 to K for n, whose only tie
 * is to k1 (so n looks beyond its area too; K and the others are in it anyway). */
static void
test_member_the_resident_knows_introduces_the_group(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-koffie");
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    g_autoptr(WnTable) t = suggest_for(net, "n", &opts);
    gboolean found = FALSE;
    for (gsize i = 0; i < wn_table_row_count(t); i++) {
        const char *candidate = wn_table_cell_string(t, i, wn_test_column(t, "candidate"));
        if (strcmp(candidate, "K") == 0) {
            found = TRUE;
            g_assert_cmpstr(wn_table_cell_string(t, i, wn_test_column(t, "introducer")), ==, "k1");
            g_assert_nonnull(strstr(wn_table_cell_string(t, i, wn_test_column(t, "reason")),
                                    "k1 (resident) can introduce them (a member they know)"));
        }
    }
    g_assert_true(found);
}

/*
 * suggest-nowhere: no positions, no areas.geojson. t is alone in area A with no tie, so
 * candidates come from the whole dataset (areas B and C):
 *   r1 (B): koffie, nl 2·0.25 + 65-74 0.25 + 0.5·1/10 = 0.80
 *   r2 (B): nl 0.25 + 0.5·2/10                        = 0.35
 *   r3 (C): 65-74 0.25 + 0.5·1/10                     = 0.30
 * G has two members who share no value, so no profile and no reason: never suggested.
 */
static void
test_no_positions_or_boundaries_use_the_whole_dataset(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-nowhere");
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    g_autoptr(WnTable) t = suggest_for(net, "t", &opts);
    const char *none = "no one known can introduce them";
    g_autofree char *why_r1 =
        g_strdup_printf("both: koffie, nl; same age band 65-74; in area B; %s", none);
    g_assert_cmpuint(wn_table_row_count(t), ==, 3);
    assert_row(t, 0, "r1", 0.80, "", why_r1);
    g_assert_cmpstr(wn_table_cell_string(t, 1, wn_test_column(t, "candidate")), ==, "r2");
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 1, "score"), 0.35, 1e-9);
    g_assert_cmpstr(wn_table_cell_string(t, 2, wn_test_column(t, "candidate")), ==, "r3");
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 2, "score"), 0.30, 1e-9);
}

static char *
config_path(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "data", "suggest-config", name, NULL);
}

/* good.ini sets policy, per, a weight and beyond-metres in [suggest]; [isolation] is not
 * read here. Unknown keys and bad values name file, line and key. */
static void
test_settings_come_from_the_suggest_group(void)
{
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_autofree char *good = config_path("good.ini");
    g_assert_true(wn_suggest_options_load(good, &opts, &error));
    g_assert_no_error(error);
    g_assert_cmpint(opts.policy, ==, WN_POLICY_ANCHOR);
    g_assert_cmpuint(opts.per, ==, 2);
    g_assert_cmpfloat(opts.weight_near, ==, 4.0);
    g_assert_cmpfloat(opts.beyond_metres, ==, 800.0);
    g_assert_cmpfloat(opts.weight_age, ==, 0.25);
    g_autofree char *bad_key = config_path("bad-key.ini");
    g_assert_false(wn_suggest_options_load(bad_key, &opts, &error));
    g_autofree char *want_key =
        g_strdup_printf("%s:4: [suggest] wieght-age is not a suggestion setting", bad_key);
    g_assert_error(error, WN_ERROR, WN_ERROR_PARSE);
    g_assert_cmpstr(error->message, ==, want_key);
    g_clear_error(&error);
    g_autofree char *bad_value = config_path("bad-value.ini");
    g_assert_false(wn_suggest_options_load(bad_value, &opts, &error));
    g_autofree char *want_value =
        g_strdup_printf("%s:5: [suggest] per: expected a finite number, got \"many\"", bad_value);
    g_assert_cmpstr(error->message, ==, want_value);
    g_assert_cmpuint(opts.per, ==, 2); /* unchanged by the failed load */
}

/* Each setting by name, and the refusals: an unknown name, a count that is not whole, an
 * unknown policy. */
static void
test_settings_are_set_by_name(void)
{
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    for (const char *const *name = wn_suggest_settings(); *name != NULL; name++) {
        const char *value = strcmp(*name, "policy") == 0 ? "buddy" : "2";
        g_assert_true(wn_suggest_options_set(&opts, *name, value, &error));
        g_assert_no_error(error);
    }
    g_assert_cmpint(opts.policy, ==, WN_POLICY_BUDDY);
    g_assert_cmpuint(opts.beyond_degree, ==, 2);
    g_assert_cmpfloat(opts.anchor_cap, ==, 2.0);
    g_assert_false(wn_suggest_options_set(&opts, "per", "1.5", &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_OPTION);
    g_assert_cmpstr(error->message, ==, "per: must be a whole number ≥ 0, got 1.5");
    g_clear_error(&error);
    g_assert_false(wn_suggest_options_set(&opts, "policy", "greedy", &error));
    g_assert_cmpstr(error->message, ==, "policy: must be anchor, buddy or mixed, not \"greedy\"");
    g_clear_error(&error);
    g_assert_false(wn_suggest_options_set(&opts, "weight-nearby", "1", &error));
    g_assert_cmpstr(error->message, ==, "weight-nearby is not a suggestion setting");
}

/*
 * Cold start on suggest-koffie with F = 1: the residents with two informal ties or more
 * are k1 (K, n), k2 (K, k3) and k3 (K, k2); all 5 of their informal ties are hidden.
 * nearest, for k1 at (52.01, 5.0): k2 and k3 (0 m, node order), K (445 m), n (511 m),
 * then t: hits K and n, so p@1 = 0 and p@5 = 2/5; likewise for k2 (k1, k3 hit, K hit …)
 * and k3 (k1, k2 hit, K hit …). Every target's two hidden contacts are in its first five:
 * recall@5 = 1.
 */
static void
test_cold_start_hides_all_ties_of_the_chosen(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-koffie");
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    WnEvaluateOptions eval = WN_EVALUATE_OPTIONS_INIT;
    eval.cold_start = 1.0;
    WnEvaluateSummary summary = {0};
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_suggest_evaluate(net, &opts, &eval, &summary, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(summary.eligible, ==, 3);
    g_assert_cmpuint(summary.hidden, ==, 5);
    g_assert_cmpuint(summary.targets, ==, 3);
    static const char *const methods[] = {"mixed", "random-area", "nearest", "same-age-area"};
    g_assert_cmpuint(wn_table_row_count(t), ==, 12);
    for (gsize m = 0; m < G_N_ELEMENTS(methods); m++) {
        g_assert_cmpstr(wn_table_cell_string(t, 3 * m, wn_test_column(t, "method")), ==,
                        methods[m]);
    }
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 6, "precision"), 0.0, 1e-9);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 7, "precision"), 0.4, 1e-9);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 7, "recall"), 1.0, 1e-9);
}

/* The candidates of @id, in rank order, joined by spaces. */
static char *
candidates_of(const WnNetwork *net, const char *id, const WnSuggestOptions *opts)
{
    g_autoptr(WnTable) t = suggest_for(net, id, opts);
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    for (gsize i = 0; i < wn_table_row_count(t); i++) {
        g_ptr_array_add(names,
                        (gpointer) wn_table_cell_string(t, i, wn_test_column(t, "candidate")));
    }
    g_ptr_array_add(names, NULL);
    return g_strjoinv(" ", (char **) names->pdata);
}

/*
 * suggest-minors: in one street, t (65-79, no tie) has the child c (0-17) 7 m away, u
 * (no age band) 34 m and a (30-44) 68 m; the child m (0-17, no tie) lives 111 m north,
 * by the youth club Y whose members y1 and y2 are 0-17 (the club first: a group counts
 * 0.5 as well connected). Nearness decides among the rest.
 * An adult is not offered a child, nor the youth club; a child is offered only children
 * and the club; adult-age 0 turns the guard off.
 */
static void
test_minors_are_suggested_only_to_minors(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-minors");
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    g_assert_cmpuint(opts.adult_age, ==, 18);
    g_autofree char *adult = candidates_of(net, "t", &opts);
    g_assert_cmpstr(adult, ==, "u a");
    g_autofree char *child = candidates_of(net, "m", &opts);
    g_assert_cmpstr(child, ==, "Y y1 y2");
    opts.adult_age = 0;
    g_autofree char *unguarded = candidates_of(net, "t", &opts);
    g_assert_cmpstr(unguarded, ==, "c u a");
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_suggest_options_set(&opts, "adult-age", "16", &error));
    g_assert_cmpuint(opts.adult_age, ==, 16);
    g_assert_false(wn_suggest_options_set(&opts, "adult-age", "-1", &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_OPTION);
    g_assert_cmpstr(error->message, ==, "adult-age: must be a whole number ≥ 0, got -1");
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/suggest-cold/koffie/lonely-coffee-lover-gets-group-and-neighbour",
                    test_lonely_coffee_lover_gets_coffee_group_and_neighbour);
    g_test_add_func("/suggest-cold/koffie/beyond-metres-bounds-the-search",
                    test_beyond_metres_bounds_the_search);
    g_test_add_func("/suggest-cold/koffie/member-the-resident-knows-introduces-the-group",
                    test_member_the_resident_knows_introduces_the_group);
    g_test_add_func("/suggest-cold/nowhere/no-positions-or-boundaries-use-the-whole-dataset",
                    test_no_positions_or_boundaries_use_the_whole_dataset);
    g_test_add_func("/suggest-cold/minors/are-suggested-only-to-minors",
                    test_minors_are_suggested_only_to_minors);
    g_test_add_func("/suggest-cold/settings/come-from-the-suggest-group",
                    test_settings_come_from_the_suggest_group);
    g_test_add_func("/suggest-cold/settings/are-set-by-name", test_settings_are_set_by_name);
    g_test_add_func("/suggest-cold/evaluate/cold-start-hides-all-ties-of-the-chosen",
                    test_cold_start_hides_all_ties_of_the_chosen);
    return g_test_run();
}
