/* test-suggest-odds.c: the evaluation's extra method (wn_suggest__evaluate_with) and the
 * generator's odds that the benchmark's wijknet-suggest-odds ranks by */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include "generate/generate.h"
#include "suggest/suggest.h"

/* An extra method that ranks as `nearest` does and records the flags it was given. */
static GPtrArray *
rank_nearest_again(const WnSuggestModel *model, const GArray *targets, WnRankFlags flags,
                   gpointer data)
{
    *(WnRankFlags *) data = flags;
    return wn_suggest__rank_nearest(model, targets);
}

/* Every cell of rows @a … @a + count − 1 of @x equals that of rows @b … of @y, but the
 * method's name. */
static void
assert_same_rows(const WnTable *x, gsize a, const WnTable *y, gsize b, gsize count)
{
    for (gsize i = 0; i < count; i++) {
        for (gsize c = 1; c < wn_table_column_count(x); c++) {
            g_autofree char *p = wn_table_cell_to_string(x, a + i, c);
            g_autofree char *q = wn_table_cell_to_string(y, b + i, c);
            g_assert_cmpstr(p, ==, q);
        }
    }
}

/* Evaluates @net with @eval twice, without and with an extra method ranking as nearest
 * (which records its flags in @flags). */
static void
evaluate_twice(const WnNetwork *net, const WnEvaluateOptions *eval, WnRankFlags *flags,
               WnTable **plain_out, WnTable **with_out)
{
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    WnEvaluateExtra extra = {"nearest-again", rank_nearest_again, flags};
    g_autoptr(GError) error = NULL;
    *plain_out = wn_suggest_evaluate(net, &opts, eval, NULL, &error);
    g_assert_no_error(error);
    *with_out = wn_suggest__evaluate_with(net, &opts, eval, &extra, NULL, &error);
    g_assert_no_error(error);
}

/* Cold start on suggest-koffie (F = 1, three targets): the extra method's rows come last,
 * after the four methods' rows unchanged, and equal nearest's when it ranks as nearest. */
static void
test_extra_method_comes_last_in_the_cold_start(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-koffie");
    WnEvaluateOptions eval = WN_EVALUATE_OPTIONS_INIT;
    eval.cold_start = 1.0;
    WnRankFlags flags = WN_RANK_RESIDENTS_ONLY;
    g_autoptr(WnTable) plain = NULL;
    g_autoptr(WnTable) with = NULL;
    evaluate_twice(net, &eval, &flags, &plain, &with);
    g_assert_cmpuint(wn_table_row_count(plain), ==, 12);
    g_assert_cmpuint(wn_table_row_count(with), ==, 15);
    assert_same_rows(with, 0, plain, 0, 12);
    for (gsize i = 0; i < 12; i++) {
        g_assert_cmpstr(wn_table_cell_string(with, i, 0), ==, wn_table_cell_string(plain, i, 0));
    }
    g_assert_cmpstr(wn_table_cell_string(with, 12, 0), ==, "nearest-again");
    assert_same_rows(with, 12, with, 6, 3);
    g_assert_cmpint(flags, ==, WN_RANK_DEFAULT);
}

/* The warm evaluation (karate, seed 3): the extra method ranks residents only. */
static void
test_extra_method_ranks_residents_in_the_warm_evaluation(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("../datasets", "karate");
    WnEvaluateOptions eval = WN_EVALUATE_OPTIONS_INIT;
    eval.seed = 3;
    WnRankFlags flags = WN_RANK_DEFAULT;
    g_autoptr(WnTable) plain = NULL;
    g_autoptr(WnTable) with = NULL;
    evaluate_twice(net, &eval, &flags, &plain, &with);
    g_assert_cmpuint(wn_table_row_count(plain), ==, 9);
    g_assert_cmpuint(wn_table_row_count(with), ==, 12);
    assert_same_rows(with, 0, plain, 0, 9);
    g_assert_cmpstr(wn_table_cell_string(with, 9, 0), ==, "nearest-again");
    g_assert_cmpint(flags, ==, WN_RANK_RESIDENTS_ONLY);
}

/* kerk (kind 0) recruits the age bands 45-64, 65-74 and 75+ (bits 3–5) of any language;
 * moskee (kind 1) the bands 1–4 who speak tr, ar, ber or so (bits 1–3, 7): another age
 * band joins with 1 − 0.9, another language with 1 − 0.85, both with their product. */
static void
test_accept_odds_are_what_recruiting_draws(void)
{
    g_assert_cmpfloat(wn_town__accept_odds(0, 3, 0), ==, 1.0);
    g_assert_cmpfloat_with_epsilon(wn_town__accept_odds(0, 0, 9), 0.1, 1e-12);
    g_assert_cmpfloat(wn_town__accept_odds(1, 2, 1), ==, 1.0);
    g_assert_cmpfloat_with_epsilon(wn_town__accept_odds(1, 2, 0), 0.15, 1e-12);
    g_assert_cmpfloat_with_epsilon(wn_town__accept_odds(1, 5, 0), 0.015, 1e-12);
    g_assert_cmpfloat(wn_town__accept_odds(10, 5, 9), ==, 1.0);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/suggest-odds/evaluate-with/extra-method-comes-last-in-the-cold-start",
                    test_extra_method_comes_last_in_the_cold_start);
    g_test_add_func("/suggest-odds/evaluate-with/extra-method-ranks-residents-when-warm",
                    test_extra_method_ranks_residents_in_the_warm_evaluation);
    g_test_add_func("/suggest-odds/generate/accept-odds-are-what-recruiting-draws",
                    test_accept_odds_are_what_recruiting_draws);
    return g_test_run();
}
