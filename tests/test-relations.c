/* test-relations.c: several relations per pair (docs/FORMAT.md "Several relations per pair") */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <glib/gstdio.h>
#include <string.h>

#define FRIEND WN_RELATION(WN_TIE_FRIEND)
#define FAMILY WN_RELATION(WN_TIE_FAMILY)
#define NEIGHBOUR WN_RELATION(WN_TIE_NEIGHBOUR)

/*
 * relations-three (ties.csv):
 *   a-b neighbour 1, b-a family 2, a-b friend 0.5, a-b neighbour 1.5 -> one tie, three
 *     relations: neighbour 2.5, family 2, friend 0.5; weight 5; its first row's type and
 *     attributes (neighbour, since 2019)
 *   a-c friend 1, c-d family 1, b-g member 1
 *   a-p support 1, p-a referral 1 -> one formal tie, two relations
 *   c-b conflict -> kept apart
 * 10 rows: 1 merged (the second a-b neighbour), 3 adding a relation (a-b family, a-b
 * friend, p-a referral); 5 ties, 2 of them with several relations.
 */
static void
test_pair_holds_each_relation_with_its_weight(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "relations-three");
    g_assert_cmpuint(wn_network_tie_count(net), ==, 5);
    gsize ab = wn_test_tie(net, "a", "b"), ap = wn_test_tie(net, "a", "p");
    g_assert_cmpuint(wn_network_tie_relations(net, ab), ==, FRIEND | FAMILY | NEIGHBOUR);
    g_assert_cmpfloat(wn_network_tie_relation_weight(net, ab, WN_TIE_NEIGHBOUR), ==, 2.5);
    g_assert_cmpfloat(wn_network_tie_relation_weight(net, ab, WN_TIE_FAMILY), ==, 2.0);
    g_assert_cmpfloat(wn_network_tie_relation_weight(net, ab, WN_TIE_FRIEND), ==, 0.5);
    g_assert_cmpfloat(wn_network_tie_relation_weight(net, ab, WN_TIE_MEMBER), ==, 0.0);
    g_assert_cmpfloat(wn_network_tie_weight(net, ab), ==, 5.0);
    g_assert_cmpint(wn_network_tie_kind(net, ab), ==, WN_TIE_NEIGHBOUR);
    g_assert_cmpstr(wn_network_tie_attribute(net, ab, "since"), ==, "2019");
    g_assert_cmpuint(wn_network_tie_relations(net, ap), ==,
                     WN_RELATION(WN_TIE_SUPPORT) | WN_RELATION(WN_TIE_REFERRAL));
    g_assert_true(wn_network_tie_is_formal(net, ap));
    gsize ac = wn_test_tie(net, "a", "c");
    g_assert_cmpuint(wn_network_tie_relations(net, ac), ==, FRIEND);
    g_assert_cmpfloat(wn_network_tie_relation_weight(net, ac, WN_TIE_FRIEND), ==, 1.0);
}

static void
test_summary_counts_relations(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "relations-three");
    WnSummary s;
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_network_summarise(net, &s, &error));
    g_assert_cmpuint(s.tie_rows, ==, 10);
    g_assert_cmpuint(s.merged_rows, ==, 1);
    g_assert_cmpuint(s.relation_rows, ==, 3);
    g_assert_cmpuint(s.ties, ==, 5);
    g_assert_cmpuint(s.multiplex_ties, ==, 2);
    g_assert_cmpuint(s.ties_by_kind[WN_TIE_FRIEND], ==, 2);
    g_assert_cmpuint(s.ties_by_kind[WN_TIE_FAMILY], ==, 2);
    g_assert_cmpuint(s.ties_by_kind[WN_TIE_NEIGHBOUR], ==, 1);
    g_assert_cmpuint(s.ties_by_kind[WN_TIE_REFERRAL], ==, 1);
    g_assert_cmpuint(s.ties_by_kind[WN_TIE_CONFLICT], ==, 1);
    g_assert_cmpuint(s.left_out_rows, ==, 0);
}

/* --relations family,friend: a-b keeps family 2 and friend 0.5 (weight 2.5), a-c and c-d
 * stay, a-p and b-g go; the neighbour, support, referral and member rows are left out. */
static void
test_only_chosen_relations_are_loaded(void)
{
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "data", "relations-three", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net =
        wn_network_load_relations(dir, WN_LOAD_DEFAULT, FAMILY | FRIEND, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_network_relations_loaded(net), ==, FAMILY | FRIEND);
    g_assert_cmpuint(wn_network_tie_count(net), ==, 3);
    gsize ab = wn_test_tie(net, "a", "b");
    g_assert_cmpuint(wn_network_tie_relations(net, ab), ==, FAMILY | FRIEND);
    g_assert_cmpfloat(wn_network_tie_weight(net, ab), ==, 2.5);
    g_assert_cmpint(wn_network_tie_kind(net, ab), ==, WN_TIE_FAMILY); /* its first row loaded */
    g_assert_cmpstr(wn_network_tie_attribute(net, ab, "since"), ==, "2020");
    g_assert_cmpuint(wn_network_conflict_count(net), ==, 1);
    WnSummary s;
    g_assert_true(wn_network_summarise(net, &s, &error));
    g_assert_cmpuint(s.left_out_rows, ==, 5);
    g_assert_cmpuint(s.multiplex_ties, ==, 1);
    const GPtrArray *warnings = wn_network_warnings(net);
    g_assert_cmpuint(warnings->len, ==, 1);
    g_assert_true(g_str_has_suffix(g_ptr_array_index(warnings, 0),
                                   "ties.csv: 5 tie rows of other relations left out (only "
                                   "family,friend analysed)"));
}

static void
test_lists_are_read_and_named(void)
{
    WnRelations r = 0;
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_relations_parse(" Friend , familie", &r, &error));
    g_assert_cmpuint(r, ==, FRIEND | FAMILY);
    g_assert_true(wn_relations_parse("informal", &r, &error));
    g_assert_cmpuint(r, ==, WN_RELATIONS_INFORMAL);
    g_assert_true(wn_relations_parse("formal,friend", &r, &error));
    g_assert_cmpuint(r, ==, WN_RELATIONS_FORMAL | FRIEND);
    g_assert_true(wn_relations_parse("all", &r, &error));
    g_assert_cmpuint(r, ==, WN_RELATIONS_ALL);
    g_assert_cmpuint(WN_RELATIONS_INFORMAL | WN_RELATIONS_FORMAL, ==, WN_RELATIONS_ALL);
    g_assert_false(wn_relations_parse("friend,enemy", &r, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_PARSE);
    g_assert_true(g_str_has_prefix(error->message, "unknown relation \"enemy\""));
    g_clear_error(&error);
    g_assert_false(wn_relations_parse("conflict", &r, &error));
    g_clear_error(&error);
    g_assert_false(wn_relations_parse(" , ", &r, &error));
    g_clear_error(&error);
    g_autofree char *nl = wn_relations_describe(NEIGHBOUR | FAMILY, "nl");
    g_autofree char *nl3 = wn_relations_describe(NEIGHBOUR | FAMILY | FRIEND, "nl");
    g_autofree char *en3 = wn_relations_describe(NEIGHBOUR | FAMILY | FRIEND, "en");
    g_autofree char *one = wn_relations_describe(WN_RELATION(WN_TIE_SUPPORT), "nl");
    g_assert_cmpstr(nl, ==, "familie en buren");
    g_assert_cmpstr(nl3, ==, "familie, buren en vrienden");
    g_assert_cmpstr(en3, ==, "family, neighbours and friends");
    g_assert_cmpstr(one, ==, "ondersteuning");
    g_autofree char *list = wn_relations_to_list(FRIEND | FAMILY);
    g_autofree char *all = wn_relations_to_list(WN_RELATIONS_ALL);
    g_assert_cmpstr(list, ==, "family,friend");
    g_assert_cmpstr(all, ==,
                    "family,household,neighbour,friend,acquaintance,member,support,"
                    "collaboration,referral");
}

/* Writes @dir's network as a fieldwork dataset in @out whose every tie of weight w is two
 * rows, friend w/2 and family w/2 (exact halves), in the original tie order. */
static void
write_split_copy(const char *dir, const WnNetwork *net, const char *out)
{
    g_autofree char *nodes_in = g_build_filename(dir, "nodes.csv", NULL);
    g_autofree char *nodes_out = g_build_filename(out, "nodes.csv", NULL);
    g_autofree char *nodes = NULL;
    g_assert_true(g_file_get_contents(nodes_in, &nodes, NULL, NULL));
    g_assert_true(g_file_set_contents(nodes_out, nodes, -1, NULL));
    GString *ties = g_string_new("source,target,type,weight\n");
    for (gsize t = 0; t < wn_network_tie_count(net); t++) {
        gsize a = 0, b = 0;
        wn_network_tie_ends(net, t, &a, &b);
        double half = wn_network_tie_weight(net, t) / 2;
        for (int k = 0; k < 2; k++) {
            g_string_append_printf(ties, "\"%s\",\"%s\",%s,%.17g\n", wn_network_node_id(net, a),
                                   wn_network_node_id(net, b), k == 0 ? "friend" : "family", half);
        }
    }
    g_autofree char *ties_out = g_build_filename(out, "ties.csv", NULL);
    g_assert_true(g_file_set_contents(ties_out, ties->str, -1, NULL));
    g_string_free(ties, TRUE);
}

/* Asserts that two CSV texts are equal, naming the first line that differs. */
static void
assert_same_lines(const char *what, const char *got, const char *want)
{
    g_auto(GStrv) a = g_strsplit(got, "\n", -1);
    g_auto(GStrv) b = g_strsplit(want, "\n", -1);
    for (gsize i = 0; a[i] != NULL || b[i] != NULL; i++) {
        if (a[i] == NULL || b[i] == NULL || strcmp(a[i], b[i]) != 0) {
            g_test_fail_printf("%s: line %" G_GSIZE_FORMAT ": got \"%s\", want \"%s\"", what, i + 1,
                               a[i] != NULL ? a[i] : "(end)", b[i] != NULL ? b[i] : "(end)");
            return;
        }
    }
}

/* Every default measure, weighted and not, is the same bit for bit on a dataset and on
 * its copy whose ties are each two relations of half the weight. */
static void
assert_measures_same_as_split(const char *dir)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autofree char *copy = wn_test_make_temp_dir();
    write_split_copy(dir, net, copy);
    g_autoptr(WnNetwork) split = wn_network_load(copy, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    WnSummary s;
    g_assert_true(wn_network_summarise(split, &s, &error));
    g_assert_cmpuint(s.multiplex_ties, ==, wn_network_tie_count(net));
    for (int weighted = 0; weighted < 2; weighted++) {
        WnMeasureOptions opts = {.weighted = weighted};
        g_autoptr(WnTable) want = wn_measure_table(net, wn_measure_default_names(), &opts, &error);
        g_assert_no_error(error);
        g_autoptr(WnTable) got = wn_measure_table(split, wn_measure_default_names(), &opts, &error);
        g_assert_no_error(error);
        g_autofree char *want_csv = wn_table_to_csv(want);
        g_autofree char *got_csv = wn_table_to_csv(got);
        assert_same_lines(dir, got_csv, want_csv);
    }
    wn_test_remove_tree(copy);
}

static void
test_measures_see_each_pair_once(void)
{
    const char *oracles[] = {"karate", "florentine", "davis"};
    for (gsize i = 0; i < G_N_ELEMENTS(oracles); i++) {
        g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "oracle", oracles[i], NULL);
        assert_measures_same_as_split(dir);
    }
    g_autofree char *town = wn_test_generate(600, 4242);
    assert_measures_same_as_split(town);
    wn_test_remove_tree(town);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/relations/pair-holds-each-relation-with-its-weight",
                    test_pair_holds_each_relation_with_its_weight);
    g_test_add_func("/relations/summary-counts-relations", test_summary_counts_relations);
    g_test_add_func("/relations/only-chosen-relations-are-loaded",
                    test_only_chosen_relations_are_loaded);
    g_test_add_func("/relations/lists-are-read-and-named", test_lists_are_read_and_named);
    g_test_add_func("/relations/measures-see-each-pair-once", test_measures_see_each_pair_once);
    return g_test_run();
}
