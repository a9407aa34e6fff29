/* test-whatif.c: what if a person leaves, a place closes or ties form; dependants */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <string.h>

/* The row of @t whose @column is @value; asserts there is one. */
static gsize
row_of(const WnTable *t, const char *column, const char *value)
{
    gsize col = wn_test_column(t, column);
    for (gsize row = 0; row < wn_table_row_count(t); row++) {
        if (g_strcmp0(wn_table_cell_string(t, row, col), value) == 0) {
            return row;
        }
    }
    g_error("no row with %s = %s", column, value);
}

static const char *
cell(const WnTable *t, gsize row, const char *column)
{
    return wn_table_cell_string(t, row, wn_test_column(t, column));
}

/* The ids in the `id` column of @t, joined by spaces. */
static char *
ids_of(const WnTable *t)
{
    GString *out = g_string_new(NULL);
    for (gsize row = 0; row < wn_table_row_count(t); row++) {
        g_string_append_printf(out, "%s%s", row > 0 ? " " : "", cell(t, row, "id"));
    }
    return g_string_free(out, FALSE);
}

static WnWhatif *
run_scenario(const WnNetwork *net, const char *remove, const char *close, const char *add_ties,
             gboolean add_suggestions)
{
    const char *removed[] = {remove, NULL};
    const char *closed[] = {close, NULL};
    WnWhatifOptions opts = WN_WHATIF_OPTIONS_INIT;
    opts.remove = removed;
    opts.close = closed;
    opts.add_ties = add_ties;
    opts.add_suggestions = add_suggestions;
    opts.min_cell = 1;
    g_autoptr(GError) error = NULL;
    WnWhatif *w = wn_whatif_run(net, &opts, &error);
    g_assert_no_error(error);
    return w;
}

/*
 * whatif-cut (all residents; r1…r6 in area A, r7, r8 in B):
 *
 *   r1 - r2 - r3 - r4 - r5 - r6
 *         |
 *        r7 - r8
 *
 * r2 is an articulation point. Without it r1 has no contact left (isolated); r7 and r8
 * keep each other but are cut off from the main part {r3 … r6}; r3 keeps r4.
 */
static void
test_removing_articulation_point_isolates_whom_it_alone_connected(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "whatif-cut");
    g_autoptr(WnWhatif) w = run_scenario(net, "r2", NULL, NULL, FALSE);
    const WnTable *changes = wn_whatif_changes(w);
    g_autofree char *ids = ids_of(changes);
    g_assert_cmpstr(ids, ==, "r1 r7 r8");
    gsize r1 = row_of(changes, "id", "r1");
    g_assert_cmpstr(cell(changes, r1, "status_before"), ==, "fragile");
    g_assert_cmpstr(cell(changes, r1, "status_after"), ==, "isolated");
    g_assert_cmpint(wn_test_int_cell(changes, r1, "cut_off"), ==, 1);
    g_assert_nonnull(strstr(cell(changes, r1, "reason"), "informal contacts 1 → 0 (lost r2)"));
    gsize r7 = row_of(changes, "id", "r7");
    g_assert_cmpstr(cell(changes, r7, "status_after"), ==, "fragile");
    g_assert_nonnull(strstr(cell(changes, r7, "reason"), "now in a part of 2 residents"));
    /* no one was isolated; r1 is now */
    const WnTable *counts = wn_whatif_counts(w);
    g_assert_cmpint(wn_test_int_cell(counts, 0, "before"), ==, 0); /* isolated */
    g_assert_cmpint(wn_test_int_cell(counts, 0, "after"), ==, 1);
    /* r4 cut off r5, r6 (2) and now r5, r6 from r3 alone: 1 cut off */
    const WnTable *cuts = wn_whatif_cut_points(w);
    gsize r4 = row_of(cuts, "id", "r4");
    g_assert_cmpint(wn_test_int_cell(cuts, r4, "cut_off_before"), ==, 2);
    g_assert_cmpint(wn_test_int_cell(cuts, r4, "cut_off_after"), ==, 1);
    g_assert_cmpstr(cell(cuts, row_of(cuts, "id", "r2"), "change"), ==, "gone");
    g_assert_cmpint(wn_test_int_cell(cuts, row_of(cuts, "id", "r2"), "cut_off_before"), ==, 3);
    /* the dataset's own network is not changed */
    g_assert_cmpint(wn_network_node_count(net), ==, 8);
    g_assert_cmpint(wn_network_node_count(wn_whatif_network(w)), ==, 7);
}

/*
 * whatif-group: r1, r2, r3 are members of g1 and have no other tie; r4 is a member too
 * and a friend of r5, whom the professional p1 supports.
 *
 *   r1   r2   r3   r4 - r5 - p1
 *     \   |   /   /
 *         g1 ----
 *
 * Closing g1 leaves r1, r2 and r3 without any contact: isolated. r4 keeps r5.
 */
static void
test_closing_the_only_group_of_three_isolates_them(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "whatif-group");
    g_autoptr(WnWhatif) w = run_scenario(net, NULL, "g1", NULL, FALSE);
    const WnTable *changes = wn_whatif_changes(w);
    g_autofree char *ids = ids_of(changes);
    g_assert_cmpstr(ids, ==, "r1 r2 r3");
    for (gsize row = 0; row < 3; row++) {
        g_assert_cmpstr(cell(changes, row, "status_after"), ==, "isolated");
    }
    g_autoptr(GArray) dependants = wn_dependants_count(net);
    g_assert_cmpuint(g_array_index(dependants, gsize, wn_test_node(net, "g1")), ==, 3);
    /* r5 hangs on r4 alone for its informal life (p1 is formal): r4 has one dependant */
    g_assert_cmpuint(g_array_index(dependants, gsize, wn_test_node(net, "r4")), ==, 1);
    g_assert_cmpuint(g_array_index(dependants, gsize, wn_test_node(net, "p1")), ==, 0);
}

static void
assert_refused(const WnNetwork *net, const char *remove, const char *close, const char *message)
{
    const char *removed[] = {remove, NULL};
    const char *closed[] = {close, NULL};
    WnWhatifOptions opts = WN_WHATIF_OPTIONS_INIT;
    opts.remove = removed;
    opts.close = closed;
    g_autoptr(GError) error = NULL;
    g_autoptr(WnWhatif) w = wn_whatif_run(net, &opts, &error);
    g_assert_null(w);
    g_assert_error(error, WN_ERROR, WN_ERROR_OPTION);
    g_assert_cmpstr(error->message, ==, message);
}

static void
test_unknown_or_wrong_kind_of_id_is_refused(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "whatif-group");
    assert_refused(net, "r9", NULL, "--remove: the dataset has no node \"r9\"");
    assert_refused(net, NULL, "g2", "--close: the dataset has no node \"g2\"");
    assert_refused(net, "g1", NULL, "--remove: \"g1\" is a group; use --close");
    assert_refused(net, NULL, "r1", "--close: \"r1\" is a resident; use --remove");
}

/*
 * whatif-suggest: r1 … r4 in a square (area A), r5 alone in A, r6 alone in B.
 *
 *   r1 - r2     r5 (A)    r6 (B)
 *   |    |
 *   r4 - r3
 *
 * `suggest` proposes residents of r5's area to r5 (and diagonals to the square); nobody
 * shares r6's area and r6 has no contact two steps away, so r6 gets no suggestion. Made,
 * the suggestions move r5 out of isolation and leave r6 isolated.
 */
static void
test_adding_suggestions_moves_the_suggested_out_of_isolation(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "whatif-suggest");
    g_autoptr(WnWhatif) w = run_scenario(net, NULL, NULL, NULL, TRUE);
    const WnTable *changes = wn_whatif_changes(w);
    gsize r5 = row_of(changes, "id", "r5");
    g_assert_cmpstr(cell(changes, r5, "status_before"), ==, "isolated");
    g_assert_cmpstr(cell(changes, r5, "status_after"), !=, "isolated");
    gsize col = wn_test_column(changes, "id");
    for (gsize row = 0; row < wn_table_row_count(changes); row++) {
        g_assert_cmpstr(wn_table_cell_string(changes, row, col), !=, "r6");
    }
    const WnTable *counts = wn_whatif_counts(w);
    g_assert_cmpint(wn_test_int_cell(counts, 0, "before"), ==, 2); /* r5, r6 */
    g_assert_cmpint(wn_test_int_cell(counts, 0, "after"), ==, 1);  /* r6 */
}

/* new-ties.csv ties r6 to r1: r6 is isolated no more. */
static void
test_added_ties_file_moves_its_ends(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "whatif-suggest");
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "data", "whatif-suggest", "new-ties.csv", NULL);
    g_autoptr(WnWhatif) w = run_scenario(net, NULL, NULL, path, FALSE);
    const WnTable *changes = wn_whatif_changes(w);
    g_autofree char *ids = ids_of(changes);
    g_assert_cmpstr(ids, ==, "r6 r1"); /* r6 now fragile; r1 gains a third contact */
    g_assert_cmpstr(cell(changes, 0, "status_after"), ==, "fragile");
}

static void
test_added_tie_to_unknown_id_is_refused_with_its_place(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "whatif-suggest");
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "data", "whatif-suggest", "unknown-end.csv", NULL);
    WnWhatifOptions opts = WN_WHATIF_OPTIONS_INIT;
    opts.add_ties = path;
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) after = wn_whatif_apply(net, &opts, &error);
    g_assert_null(after);
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_nonnull(strstr(error->message, "unknown-end.csv:2:2: unknown node id \"nobody\""));
}

/* The report of wave 2 with --compare wave 1 (whatif-cut → whatif-wave2, below min_cell 1
 * nothing is hidden): fragile 7 → 6 with 1 moved in, 2 out, 1 left, 1 new. */
static void
test_report_compares_with_the_earlier_wave(void)
{
    g_autoptr(WnNetwork) w1 = wn_test_load("data", "whatif-cut");
    g_autoptr(WnNetwork) w2 = wn_test_load("data", "whatif-wave2");
    WnReportOptions opts = WN_REPORT_OPTIONS_INIT;
    opts.language = WN_LANGUAGE_EN;
    opts.min_cell = 1;
    g_autoptr(GError) error = NULL;
    g_autofree char *plain = wn_report_to_html(w2, &opts, &error);
    g_assert_no_error(error);
    g_assert_null(strstr(plain, "<section id=\"compare\">"));
    opts.compare = w1;
    g_autofree char *html = wn_report_to_html(w2, &opts, &error);
    g_assert_no_error(error);
    g_assert_nonnull(strstr(html, "<section id=\"compare\">"));
    g_assert_nonnull(strstr(html, "<tr><td>Fragile network</td><td class=\"n\">7</td>"
                                  "<td class=\"n\">6</td><td class=\"n\">1</td>"
                                  "<td class=\"n\">2</td><td class=\"n\">1</td>"
                                  "<td class=\"n\">1</td></tr>"));
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/whatif/remove/articulation-point-isolates-whom-it-alone-connected",
                    test_removing_articulation_point_isolates_whom_it_alone_connected);
    g_test_add_func("/whatif/close/only-group-of-three-isolates-them",
                    test_closing_the_only_group_of_three_isolates_them);
    g_test_add_func("/whatif/ids/unknown-or-wrong-kind-is-refused",
                    test_unknown_or_wrong_kind_of_id_is_refused);
    g_test_add_func("/whatif/suggestions/made-move-the-suggested-out-of-isolation",
                    test_adding_suggestions_moves_the_suggested_out_of_isolation);
    g_test_add_func("/whatif/add-ties/file-moves-its-ends", test_added_ties_file_moves_its_ends);
    g_test_add_func("/whatif/add-ties/unknown-id-is-refused-with-its-place",
                    test_added_tie_to_unknown_id_is_refused_with_its_place);
    g_test_add_func("/whatif/report/compares-with-the-earlier-wave",
                    test_report_compares_with_the_earlier_wave);
    return g_test_run();
}
