/* test-key-figures.c: key figures are persons, ranked by whom they reach; meeting places apart */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <string.h>

/*
 *   h1..h4 a clique of residents; a tied only to h1; b only to the professional p1, who
 *   also knows h4; c only to the group g1 (members h2, h3, c); d has nobody.
 *   At risk: a (fragile), b (formal only), c (fragile), d (isolated).
 */
static const char nodes[] = "id,type\nh1,resident\nh2,resident\nh3,resident\nh4,resident\n"
                            "a,resident\nb,resident\nc,resident\nd,resident\n"
                            "g1,group\np1,professional\n";
static const char ties[] = "source,target,type\nh1,h2,friend\nh1,h3,friend\nh1,h4,friend\n"
                           "h2,h3,friend\nh2,h4,friend\nh3,h4,friend\na,h1,neighbour\n"
                           "b,p1,support\nh4,p1,support\nc,g1,member\nh2,g1,member\n"
                           "h3,g1,member\n";

static const char *
string_cell(const WnTable *t, gsize row, const char *name)
{
    return wn_table_cell_string(t, row, wn_test_column(t, name));
}

static void
test_persons_are_ranked_by_whom_they_reach(void)
{
    g_autoptr(WnNetwork) net = wn_test_load_text(nodes, ties);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_key_figures_table(net, WN_KEY_PERSONS, 0, &error);
    g_assert_no_error(error);
    /* every one reaches a single at-risk resident: a (via h1), b (p1); a group or a
     * professional in between introduces nobody, so c and b are not reached through
     * g1 or p1; then the only link (h1 for a, p1 for b) goes first */
    static const char *const order[] = {"h1", "p1", "h2", "h3", "h4"};
    g_assert_cmpuint(wn_table_row_count(t), ==, G_N_ELEMENTS(order));
    for (gsize row = 0; row < G_N_ELEMENTS(order); row++) {
        g_assert_cmpstr(string_cell(t, row, "id"), ==, order[row]);
        g_assert_cmpint(wn_test_int_cell(t, row, "at_risk_reach"), ==, 1);
        g_assert_cmpstr(string_cell(t, row, "type"), !=, "group");
    }
    g_assert_cmpint(wn_test_int_cell(t, 0, "only_link"), ==, 1);
    g_assert_cmpstr(string_cell(t, 0, "only_link_ids"), ==, "a");
    g_assert_cmpstr(string_cell(t, 1, "only_link_ids"), ==, "b");
    g_assert_cmpint(wn_test_int_cell(t, 2, "groups"), ==, 1);
    g_assert_cmpstr(string_cell(t, 2, "group_ids"), ==, "g1");
    g_assert_nonnull(strstr(string_cell(t, 1, "reason"), "the only link of 1 resident (b)"));
}

static void
test_places_are_ranked_apart(void)
{
    g_autoptr(WnNetwork) net = wn_test_load_text(nodes, ties);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_key_figures_table(net, WN_KEY_PLACES, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_table_row_count(t), ==, 1);
    g_assert_cmpstr(string_cell(t, 0, "id"), ==, "g1");
    g_assert_cmpint(wn_test_int_cell(t, 0, "members"), ==, 3);
    g_assert_cmpint(wn_test_int_cell(t, 0, "at_risk_members"), ==, 1);
    g_assert_cmpint(wn_test_int_cell(t, 0, "only_link"), ==, 1);
    g_assert_cmpstr(string_cell(t, 0, "only_link_ids"), ==, "c");
}

/* The case: in demo-wijk a group of 150+ members brokered every pair of its
 * members, so the first key figures were all groups. */
static void
test_demo_wijk_key_figures_are_persons(void)
{
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "..", "datasets", "demo-wijk", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WnTable) persons = wn_key_figures_table(net, WN_KEY_PERSONS, 10, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_table_row_count(persons), ==, 10);
    for (gsize row = 0; row < 10; row++) {
        const char *type = string_cell(persons, row, "type");
        g_assert_true(strcmp(type, "resident") == 0 || strcmp(type, "professional") == 0);
        g_assert_cmpint(wn_test_int_cell(persons, row, "at_risk_reach"), >, 0);
    }
    g_autoptr(WnTable) places = wn_key_figures_table(net, WN_KEY_PLACES, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_table_row_count(places), >, 0);
    for (gsize row = 0; row < wn_table_row_count(places); row++) {
        const char *type = string_cell(places, row, "type");
        g_assert_true(strcmp(type, "group") == 0 || strcmp(type, "organisation") == 0);
    }
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/key-figures/persons/ranked-by-whom-they-reach",
                    test_persons_are_ranked_by_whom_they_reach);
    g_test_add_func("/key-figures/places/ranked-apart", test_places_are_ranked_apart);
    g_test_add_func("/key-figures/demo-wijk/first-ten-are-persons",
                    test_demo_wijk_key_figures_are_persons);
    return g_test_run();
}
