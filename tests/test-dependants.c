/* test-dependants.c: `dependants` of every node at once equals removing each node and
 * recomputing the statuses (brute force) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

static gboolean
cut_off_status(guint8 status)
{
    return status == WN_STATUS_ISOLATED || status == WN_STATUS_FORMAL_ONLY;
}

/* Brute force: the network without @x (wn_whatif_without), and the residents whose status
 * became isolated or formal_only from another status. */
static gsize
dependants_by_removal(const WnNetwork *net, const GArray *before, gsize x)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) after = wn_whatif_without(net, x, &error);
    g_assert_no_error(error);
    g_autoptr(GArray) status = wn_isolation_status(after, &error);
    g_assert_no_error(error);
    gsize count = 0;
    for (gsize v = 0; v < wn_network_node_count(net); v++) {
        gsize w = 0;
        if (v == x || !wn_network_node_lookup(after, wn_network_node_id(net, v), &w)) {
            continue;
        }
        guint8 was = g_array_index(before, guint8, v), is = g_array_index(status, guint8, w);
        count += was != is && cut_off_status(is);
    }
    return count;
}

static void
assert_equals_brute_force(const WnNetwork *net)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) before = wn_isolation_status(net, &error);
    g_assert_no_error(error);
    g_autoptr(GArray) dependants = wn_dependants_count(net);
    gsize total = 0;
    for (gsize x = 0; x < wn_network_node_count(net); x++) {
        gsize want = dependants_by_removal(net, before, x);
        if (g_array_index(dependants, gsize, x) != want) {
            g_error("%s: dependants %" G_GSIZE_FORMAT ", by removal %" G_GSIZE_FORMAT,
                    wn_network_node_id(net, x), g_array_index(dependants, gsize, x), want);
        }
        total += want;
    }
    g_test_message("%" G_GSIZE_FORMAT " dependants in all", total);
}

/* karate: node 11 has one tie, to 0; every other node has two or more. So node 0 has
 * exactly one dependant and no other node has any. */
static void
test_karate_equals_brute_force(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    g_autoptr(GArray) dependants = wn_dependants_count(net);
    g_assert_cmpuint(g_array_index(dependants, gsize, wn_test_node(net, "0")), ==, 1);
    assert_equals_brute_force(net);
}

/* florentine: Pazzi hangs on Salviati alone, Ginori on Albizzi, Acciaiuoli on Medici. */
static void
test_florentine_equals_brute_force(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "florentine");
    g_autoptr(GArray) dependants = wn_dependants_count(net);
    g_assert_cmpuint(g_array_index(dependants, gsize, wn_test_node(net, "Salviati")), ==, 1);
    g_assert_cmpuint(g_array_index(dependants, gsize, wn_test_node(net, "Medici")), ==, 1);
    assert_equals_brute_force(net);
}

/* A town of 2,000 residents: groups, professionals and organisations among them. */
static void
test_generated_town_equals_brute_force(void)
{
    g_autofree char *dir = wn_test_generate(2000, 11);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    wn_test_remove_tree(dir);
    assert_equals_brute_force(net);
}

/* Holders: each resident depends on at most one node; a node no one hangs on has none. */
static void
test_holders_name_the_one_node(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "whatif-group");
    g_autoptr(GArray) holders = wn_dependants_holders(net);
    g_assert_cmpuint(g_array_index(holders, gsize, wn_test_node(net, "r1")), ==,
                     wn_test_node(net, "g1"));
    g_assert_cmpuint(g_array_index(holders, gsize, wn_test_node(net, "r5")), ==,
                     wn_test_node(net, "r4"));
    /* r4 has two informal contacts (g1, r5): held by no single node */
    g_assert_cmpuint(g_array_index(holders, gsize, wn_test_node(net, "r4")), ==, G_MAXSIZE);
    g_assert_cmpuint(g_array_index(holders, gsize, wn_test_node(net, "g1")), ==, G_MAXSIZE);
}

/* only_link of `brokers --kind persons` and `--kind places` counts the same residents. */
static void
assert_only_link_is_dependants(const WnNetwork *net, WnKeyKind kind)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_key_figures_table(net, kind, 0, &error);
    g_assert_no_error(error);
    g_autoptr(GArray) dependants = wn_dependants_count(net);
    gsize id = wn_test_column(t, "id");
    g_assert_cmpuint(wn_table_row_count(t), >, 0);
    for (gsize row = 0; row < wn_table_row_count(t); row++) {
        gsize v = wn_test_node(net, wn_table_cell_string(t, row, id));
        g_assert_cmpint(wn_test_int_cell(t, row, "only_link"), ==,
                        (gint64) g_array_index(dependants, gsize, v));
    }
}

static void
test_only_link_of_key_figures_is_dependants(void)
{
    g_autofree char *dir = wn_test_generate(600, 5);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    wn_test_remove_tree(dir);
    assert_only_link_is_dependants(net, WN_KEY_PERSONS);
    assert_only_link_is_dependants(net, WN_KEY_PLACES);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/dependants/karate-equals-brute-force", test_karate_equals_brute_force);
    g_test_add_func("/dependants/florentine-equals-brute-force",
                    test_florentine_equals_brute_force);
    g_test_add_func("/dependants/town-of-2000-equals-brute-force",
                    test_generated_town_equals_brute_force);
    g_test_add_func("/dependants/holders-name-the-one-node", test_holders_name_the_one_node);
    g_test_add_func("/dependants/only-link-of-key-figures-is-dependants",
                    test_only_link_of_key_figures_is_dependants);
    return g_test_run();
}
