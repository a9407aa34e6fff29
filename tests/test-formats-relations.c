/* test-formats-relations.c: every export carries every relation of a tie, and every
 * import keeps them (issue 13) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <glib/gstdio.h>
#include <string.h>

/*
 * tests/data/formats-relations (undirected):
 *   a - b: neighbour 2.5 (1 + 1.5), family 2, friend 0.5   (one tie, three relations)
 *   a - p: support 1, referral 3    b - c: friend 1    b - g: member 1    c x a: conflict
 * tests/data/formats-relations-directed:
 *   a -> b friend 1, b -> a family 2 (one tie, two arcs);  a -> c support 1, referral 1.5
 */

typedef struct {
    WnFormat format;
    const char *dataset;
} Case;

/* Asserts that every tie of @net is in @again with the same relations and weights
 * (@relations) or only the same whole weight (an edge list carries no types). */
static void
assert_same_relations(const WnNetwork *net, const WnNetwork *again, gboolean relations)
{
    g_assert_cmpuint(wn_network_tie_count(again), ==, wn_network_tie_count(net));
    for (gsize t = 0; t < wn_network_tie_count(net); t++) {
        gsize a = 0, b = 0;
        wn_network_tie_ends(net, t, &a, &b);
        gsize u = wn_test_tie(again, wn_network_node_id(net, a), wn_network_node_id(net, b));
        g_assert_cmpfloat(wn_network_tie_weight(again, u), ==, wn_network_tie_weight(net, t));
        if (!relations) {
            g_assert_cmpuint(wn_network_tie_relations(again, u), ==,
                             WN_RELATION(WN_TIE_ACQUAINTANCE));
            continue;
        }
        g_assert_cmpuint(wn_network_tie_relations(again, u), ==, wn_network_tie_relations(net, t));
        for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
            g_assert_cmpfloat(wn_network_tie_relation_weight(again, u, (WnTieKind) k), ==,
                              wn_network_tie_relation_weight(net, t, (WnTieKind) k));
        }
    }
}

/* Imports @text as a file of @format (a .graphml for GraphML), mapping by @types (or NULL);
 * the file is removed again, its path kept in @path_out for messages. */
static WnNetwork *
import_text(const char *text, WnFormat format, const char *types, char **path_out, GError **error)
{
    *path_out = wn_test_write_temp(text, format == WN_FORMAT_GRAPHML ? ".graphml" : "");
    WnImportOptions opts = WN_IMPORT_OPTIONS_INIT;
    opts.types = types;
    WnNetwork *net = wn_network_import_full(*path_out, format, &opts, error);
    g_remove(*path_out);
    return net;
}

/* fieldwork -> FORMAT -> import: the pair a, b keeps its three relations, each with its
 * weight, in every format that can hold them; an edge list keeps the whole weight. */
static void
test_export_import_keeps_relations(gconstpointer data)
{
    const Case *c = data;
    g_autoptr(WnNetwork) net = wn_test_load("data", c->dataset);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = wn_network_to_format(net, c->format, WN_EXPORT_DEFAULT, NULL, &error);
    g_assert_no_error(error);
    g_autofree char *path = NULL;
    g_autoptr(WnNetwork) again = import_text(text, c->format, NULL, &path, &error);
    g_assert_no_error(error);
    g_assert_cmpint(wn_network_is_directed(again), ==, wn_network_is_directed(net));
    assert_same_relations(net, again, c->format != WN_FORMAT_EDGELIST);
    if (c->format != WN_FORMAT_EDGELIST && !wn_network_is_directed(net)) {
        gsize ab = wn_test_tie(again, "a", "b");
        g_assert_cmpuint(wn_network_tie_relations(again, ab), ==,
                         WN_RELATION(WN_TIE_NEIGHBOUR) | WN_RELATION(WN_TIE_FAMILY) |
                             WN_RELATION(WN_TIE_FRIEND));
        g_assert_cmpfloat(wn_network_tie_relation_weight(again, ab, WN_TIE_NEIGHBOUR), ==, 2.5);
    }
}

/* ties.csv: one row per relation with its own weight, the tie's first type first; loading
 * it gives the same relations, weights and first types. */
static void
test_save_writes_row_per_relation(gconstpointer data)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", data);
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_network_save(net, dir, &error));
    g_autoptr(WnNetwork) again = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autofree char *ties = wn_test_read_file(dir, "ties.csv");
    wn_test_remove_tree(dir);
    assert_same_relations(net, again, TRUE);
    for (gsize t = 0; t < wn_network_tie_count(net); t++) {
        g_assert_cmpint(wn_network_tie_kind(again, t), ==, wn_network_tie_kind(net, t));
    }
    if (strcmp(data, "formats-relations") == 0) {
        g_assert_true(g_str_has_prefix(ties, "source,target,type,weight,since\n"
                                             "a,b,neighbour,2.5,2019\na,b,family,2,2019\n"
                                             "a,b,friend,0.5,2019\na,p,support,1,\n"
                                             "a,p,referral,3,\n"));
    } else {
        g_assert_true(g_str_has_prefix(ties, "source,target,type,weight\na,b,friend,0.5\n"
                                             "b,a,friend,0.5\na,b,family,1\nb,a,family,1\n"));
    }
}

/* The Network Canvas interview with Close, DrugTie and SexTie between 1 and 2 keeps the
 * three as relations, from CSV and from GraphML alike. */
static void
test_network_canvas_keeps_every_edge_type(gconstpointer data)
{
    g_autofree char *path = g_test_build_filename(G_TEST_DIST, "data", "formats-nc-multiplex",
                                                  (const char *) data, NULL);
    WnImportOptions opts = WN_IMPORT_OPTIONS_INIT;
    opts.types = "Venue=group,Close=friend,SexTie=acquaintance,DrugTie=support";
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net =
        wn_network_import_full(path, WN_FORMAT_NETWORK_CANVAS, &opts, &error);
    g_assert_no_error(error);
    gsize t = wn_test_tie(net, "1", "2");
    g_assert_cmpuint(wn_network_tie_relations(net, t), ==,
                     WN_RELATION(WN_TIE_FRIEND) | WN_RELATION(WN_TIE_ACQUAINTANCE) |
                         WN_RELATION(WN_TIE_SUPPORT));
    g_assert_cmpint(wn_network_tie_kind(net, t), ==, WN_TIE_FRIEND);
    g_assert_cmpfloat(wn_network_tie_weight(net, t), ==, 3);
    g_assert_cmpuint(wn_network_tie_relations(net, wn_test_tie(net, "1", "3")), ==,
                     WN_RELATION(WN_TIE_ACQUAINTANCE));
    g_assert_cmpuint(wn_network_tie_count(net), ==, 8); /* 4 of the file, 4 of ego */
}

/* Without a tie type for Close, DrugTie and SexTie all three would become one
 * acquaintance relation: refused, naming the pair and the option. */
static void
test_network_canvas_merging_edge_types_refused(void)
{
    g_autofree char *dir =
        g_test_build_filename(G_TEST_DIST, "data", "formats-nc-multiplex", ".", NULL);
    WnImportOptions opts = WN_IMPORT_OPTIONS_INIT;
    opts.types = "Venue=group";
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_import_full(dir, WN_FORMAT_NETWORK_CANVAS, &opts, &error);
    g_assert_null(net);
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_autofree char *want =
        g_strdup_printf("%s/case_007_5e551011-0000-4000-8000-000000000007_edgeList_DrugTie.csv:2:1:"
                        " the edge types \"Close\" and \"DrugTie\" of the pair 1, 2 would both be "
                        "the tie type acquaintance, one relation; the file has the edge types "
                        "Close, DrugTie, SexTie; map them with --types Close=TYPE,DrugTie=TYPE,"
                        "SexTie=TYPE (TYPE: family, household, neighbour, friend, acquaintance, "
                        "member, support, collaboration or referral)",
                        dir);
    g_assert_cmpstr(error->message, ==, want);
}

/* A GraphML of another tool: edges of one pair with different types are relations; the
 * same type twice merges (weights added); two types without a tie type are refused. */
static void
test_graphml_edges_of_a_pair(void)
{
    static const char *const head = "<graphml><key id=\"t\" for=\"edge\" attr.name=\"type\"/>"
                                    "<key id=\"w\" for=\"edge\" attr.name=\"weight\"/><graph>\n"
                                    "<node id=\"a\"/><node id=\"b\"/>\n";
    g_autofree char *good = g_strconcat(
        head, "<edge source=\"a\" target=\"b\"><data key=\"t\">Neighbour</data></edge>\n",
        "<edge source=\"b\" target=\"a\"><data key=\"t\">family</data></edge>\n",
        "<edge source=\"a\" target=\"b\"><data key=\"t\">family</data><data key=\"w\">2</data>"
        "</edge>\n</graph></graphml>",
        NULL);
    g_autofree char *path = NULL, *bad_path = NULL, *mapped_path = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = import_text(good, WN_FORMAT_GRAPHML, NULL, &path, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_network_tie_count(net), ==, 1);
    g_assert_cmpuint(wn_network_tie_relations(net, 0), ==,
                     WN_RELATION(WN_TIE_NEIGHBOUR) | WN_RELATION(WN_TIE_FAMILY));
    g_assert_cmpfloat(wn_network_tie_relation_weight(net, 0, WN_TIE_FAMILY), ==, 3);
    g_autofree char *bad = g_strconcat(
        head, "<edge source=\"a\" target=\"b\"><data key=\"t\">Close</data></edge>\n",
        "<edge source=\"a\" target=\"b\"><data key=\"t\">Work</data></edge>\n</graph></graphml>",
        NULL);
    g_autoptr(WnNetwork) refused = import_text(bad, WN_FORMAT_GRAPHML, NULL, &bad_path, &error);
    g_assert_null(refused);
    g_autofree char *want = g_strdup_printf("%s:4:30: the edge types \"Close\" and \"Work\" of "
                                            "the pair a, b would both be the tie type "
                                            "acquaintance",
                                            bad_path);
    g_assert_true(g_str_has_prefix(error->message, want));
    g_clear_error(&error);
    g_autoptr(WnNetwork) mapped = import_text(
        bad, WN_FORMAT_GRAPHML, "Close=friend,Work=collaboration", &mapped_path, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_network_tie_relations(mapped, 0), ==,
                     WN_RELATION(WN_TIE_FRIEND) | WN_RELATION(WN_TIE_COLLABORATION));
}

/* In a directed file the arcs a -> b and b -> a are one tie too: their edge types without
 * a tie type would merge just the same, and are refused. */
static void
test_directed_arcs_of_a_pair_checked(void)
{
    g_autofree char *path = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = import_text(
        "<graphml><key id=\"t\" for=\"edge\" attr.name=\"type\"/><graph "
        "edgedefault=\"directed\">\n<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" "
        "target=\"b\"><data key=\"t\">Close</data></edge>\n<edge source=\"b\" "
        "target=\"a\"><data key=\"t\">Work</data></edge>\n</graph></graphml>",
        WN_FORMAT_GRAPHML, NULL, &path, &error);
    g_assert_null(net);
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_nonnull(strstr(error->message, ": the edge types \"Close\" and \"Work\" of the "
                                            "pair b, a would both be the tie type acquaintance"));
}

/* Pajek's other form of several relations: `K:` before each line, labels from the
 * `*Edges :K "LABEL"` lines; an unnamed relation is its number (no tie type: kept as
 * original_type, an acquaintance). */
static void
test_pajek_relation_numbers_on_lines(void)
{
    g_autofree char *path = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = import_text("*Vertices 3\n1 \"a\"\n2 \"b\"\n3 \"c\"\n"
                                           "*Edges :1 \"friend\"\n*Edges :2 \"family\"\n"
                                           "*Edges\n1: 1 2 1\n2: 1 2 4\n3: 2 3\n",
                                           WN_FORMAT_PAJEK, NULL, &path, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_network_tie_relations(net, 0), ==,
                     WN_RELATION(WN_TIE_FRIEND) | WN_RELATION(WN_TIE_FAMILY));
    g_assert_cmpfloat(wn_network_tie_relation_weight(net, 0, WN_TIE_FAMILY), ==, 4);
    g_assert_cmpint(wn_network_tie_kind(net, 1), ==, WN_TIE_ACQUAINTANCE);
    g_assert_cmpstr(wn_network_tie_attribute(net, 1, "original_type"), ==, "3");
}

/* UCINET beyond 100,000,000 matrix values: one edge list with the relations' weights
 * added, and warnings saying why and what to do; Pajek's relations come with a warning
 * that NetworkX and igraph do not read them. */
static void
test_export_warnings_about_relations(void)
{
    g_autoptr(GString) nodes = g_string_new("id,type\n");
    for (guint v = 0; v < 7100; v++) {
        g_string_append_printf(nodes, "n%u,resident\n", v);
    }
    g_autoptr(WnNetwork) big = wn_test_load_text(nodes->str, "source,target,type,weight\n"
                                                             "n0,n1,friend,1\nn1,n0,family,2\n");
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) error = NULL;
    g_autofree char *dl = wn_network_to_format(big, WN_FORMAT_UCINET, 0, warnings, &error);
    g_assert_no_error(error);
    g_assert_true(g_str_has_prefix(dl, "dl n=7100 format=edgelist1\n"));
    g_assert_nonnull(strstr(dl, "data:\n1 2 3\n2 1 3\n"));
    g_assert_cmpstr(g_ptr_array_index(warnings, 0), ==,
                    "ucinet: 2 tie types of 7100 nodes would need 2 full matrices, more than "
                    "100000000 values; export one relation at a time (--relations) to keep them "
                    "apart");
    g_assert_cmpstr(g_ptr_array_index(warnings, 2), ==,
                    "ucinet: 1 tie of several relations is written as one row each, with the "
                    "relations' weights added");
    g_autoptr(WnNetwork) net = wn_test_load("data", "formats-relations");
    g_ptr_array_set_size(warnings, 0);
    g_autofree char *pajek = wn_network_to_format(net, WN_FORMAT_PAJEK, 0, warnings, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(g_ptr_array_index(warnings, warnings->len - 1), ==,
                    "pajek: ties of several relations are written as Pajek relations (*Edges :K "
                    "\"type\"), which NetworkX and igraph do not read (export GraphML for them)");
}

static const Case cases[] = {
    {WN_FORMAT_GRAPHML, "formats-relations"},
    {WN_FORMAT_GML, "formats-relations"},
    {WN_FORMAT_NODE_LINK, "formats-relations"},
    {WN_FORMAT_PAJEK, "formats-relations"},
    {WN_FORMAT_UCINET, "formats-relations"},
    {WN_FORMAT_EDGELIST, "formats-relations"},
    {WN_FORMAT_GRAPHML, "formats-relations-directed"},
    {WN_FORMAT_GML, "formats-relations-directed"},
    {WN_FORMAT_NODE_LINK, "formats-relations-directed"},
    {WN_FORMAT_PAJEK, "formats-relations-directed"},
    {WN_FORMAT_UCINET, "formats-relations-directed"},
};

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *name = g_strdup_printf("/formats/relations/%s-round-trip-of-%s",
                                                wn_format_name(cases[i].format), cases[i].dataset);
        g_test_add_data_func(name, &cases[i], test_export_import_keeps_relations);
    }
    g_test_add_data_func("/formats/relations/ties-csv-row-per-relation", "formats-relations",
                         test_save_writes_row_per_relation);
    g_test_add_data_func("/formats/relations/ties-csv-row-per-relation-and-arc",
                         "formats-relations-directed", test_save_writes_row_per_relation);
    g_test_add_data_func("/formats/relations/network-canvas-csv-keeps-every-edge-type", ".",
                         test_network_canvas_keeps_every_edge_type);
    g_test_add_data_func("/formats/relations/network-canvas-graphml-keeps-every-edge-type",
                         "interview.graphml", test_network_canvas_keeps_every_edge_type);
    g_test_add_func("/formats/relations/network-canvas-merging-edge-types-refused",
                    test_network_canvas_merging_edge_types_refused);
    g_test_add_func("/formats/relations/graphml-edges-of-a-pair", test_graphml_edges_of_a_pair);
    g_test_add_func("/formats/relations/directed-arcs-of-a-pair-checked",
                    test_directed_arcs_of_a_pair_checked);
    g_test_add_func("/formats/relations/export-warnings-about-relations",
                    test_export_warnings_about_relations);
    g_test_add_func("/formats/relations/pajek-relation-numbers-on-lines",
                    test_pajek_relation_numbers_on_lines);
    return g_test_run();
}
