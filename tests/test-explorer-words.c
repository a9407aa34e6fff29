/* test-explorer-words.c: the report's words for one row, as wijknet serve shows them */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

/*
 *   r1 (A)                 r1 has no tie: isolated
 *   r2 (A) --support-- p1  r2 knows only a professional: formal only
 *   r3 (A) --friend--- r4 (B) --friend-- r5 (B)
 *                      r4 is the only informal contact of r3, and p1 reaches r2
 */
static const char nodes[] = "id,type,area\n"
                            "r1,resident,A\n"
                            "r2,resident,A\n"
                            "r3,resident,A\n"
                            "r4,resident,B\n"
                            "r5,resident,B\n"
                            "p1,professional,A\n";
static const char ties[] = "source,target,type\n"
                           "r2,p1,support\n"
                           "r3,r4,friend\n"
                           "r4,r5,friend\n";

/* The row of @id in @t (by its id column). */
static gsize
row_of(const WnTable *t, const char *id)
{
    gsize c = wn_test_column(t, "id");
    for (gsize row = 0; row < wn_table_row_count(t); row++) {
        if (g_strcmp0(wn_table_cell_string(t, row, c), id) == 0) {
            return row;
        }
    }
    g_assert_not_reached();
}

static void
test_risk_words_give_the_reason_in_words(void)
{
    g_autoptr(WnNetwork) net = wn_test_load_text(nodes, ties);
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(WnTable) ranking = wn_isolation_ranking(net, &opts, FALSE, NULL);
    g_autofree char *r1_nl = wn_report_risk_words(ranking, row_of(ranking, "r1"), WN_LANGUAGE_NL);
    g_autofree char *r1_en = wn_report_risk_words(ranking, row_of(ranking, "r1"), WN_LANGUAGE_EN);
    g_autofree char *r2_en = wn_report_risk_words(ranking, row_of(ranking, "r2"), WN_LANGUAGE_EN);
    g_assert_cmpstr(r1_nl, ==,
                    "geen enkel contact: geen informele band, geen groep, geen professional");
    g_assert_cmpstr(r1_en, ==, "no contact at all: no informal tie, no group, no professional");
    g_assert_cmpstr(r2_en, ==, "in touch only with 1 professional");
}

static void
test_key_words_name_a_small_area_as_small(void)
{
    g_autoptr(WnNetwork) net = wn_test_load_text(nodes, ties);
    g_autoptr(WnTable) persons = wn_key_figures_table(net, WN_KEY_PERSONS, 0, NULL);
    WnAreaOptions shown = WN_AREA_OPTIONS_INIT, hidden = WN_AREA_OPTIONS_INIT;
    shown.min_cell = 0;
    hidden.min_cell = 3; /* B has 2 residents: a small area */
    g_autoptr(WnTable) areas_shown = wn_areas_table(net, &shown, NULL);
    g_autoptr(WnTable) areas_hidden = wn_areas_table(net, &hidden, NULL);
    gsize r4 = row_of(persons, "r4");
    g_autofree char *named =
        wn_report_key_words(persons, r4, WN_KEY_PERSONS, areas_shown, WN_LANGUAGE_EN);
    g_autofree char *small =
        wn_report_key_words(persons, r4, WN_KEY_PERSONS, areas_hidden, WN_LANGUAGE_EN);
    g_assert_nonnull(g_strstr_len(named, -1, "A and B"));
    g_assert_nonnull(g_strstr_len(small, -1, "(small area)"));
    g_assert_null(g_strstr_len(small, -1, " B"));
}

static void
test_suggestion_words_translate_the_reason(void)
{
    g_autofree char *nl = wn_report_suggestion_words("1200 m apart; same area A", WN_LANGUAGE_NL);
    g_autofree char *en = wn_report_suggestion_words("1200 m apart; same area A", WN_LANGUAGE_EN);
    g_assert_cmpstr(nl, ==, "1.200 m van elkaar; zelfde buurt A");
    g_assert_cmpstr(en, ==, "1,200 m apart; same area A");
}

static void
test_kind_names_are_the_report_nouns(void)
{
    g_assert_cmpstr(wn_report_kind_name("resident", WN_LANGUAGE_NL), ==, "bewoner");
    g_assert_cmpstr(wn_report_kind_name("organisation", WN_LANGUAGE_EN), ==, "organisation");
    g_assert_cmpstr(wn_report_kind_name("unknown", WN_LANGUAGE_NL), ==, "unknown");
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/explorer-words/risk/the-reason-in-words",
                    test_risk_words_give_the_reason_in_words);
    g_test_add_func("/explorer-words/key/a-small-area-is-not-named",
                    test_key_words_name_a_small_area_as_small);
    g_test_add_func("/explorer-words/suggestion/translated-with-numbers",
                    test_suggestion_words_translate_the_reason);
    g_test_add_func("/explorer-words/kind/the-report-nouns", test_kind_names_are_the_report_nouns);
    return g_test_run();
}
