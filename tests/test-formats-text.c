/* test-formats-text.c: imports and exports keep ids and values as text, map node types
 * by --types, and read what real tools write (issue 13) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <glib/gstdio.h>
#include <string.h>

/*
 * tests/data/formats-text-ids: ids that look like numbers, and values too:
 *   007 -friend- 12345678901234567890 -neighbour(1.50)- 0x1F,   007 -member(2)- 1e3 (a group)
 *   wijkcode 0123, code 007 …; dataset.json: "case": "007", "code": "12345678901234567890"
 * tests/data/formats-nc-multiplex: one Network Canvas interview (case 007) as CSV files and
 * as GraphML: Person 1, 2, 3 and the Venue 4; Close 1-2, 2-3, 1-4; DrugTie 1-2; SexTie
 * 2-1, 1-3 (the pair 1, 2 has three edge types).
 */

/* The multiplex interview's types: the Venue a group, each edge type its own relation. */
#define NC_TYPES "Venue=group,Close=friend,SexTie=acquaintance,DrugTie=support"

static const char *const text_ids[] = {"007", "12345678901234567890", "1e3", "0x1F"};

static char *
test_path(const char *folder, const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "data", folder, name, NULL);
}

/* Imports @path as @format with @types (or NULL), saves it and loads the dataset back. */
static WnNetwork *
import_save_load(const char *path, WnFormat format, const char *types, char **dir_out)
{
    g_autoptr(GError) error = NULL;
    WnImportOptions opts = WN_IMPORT_OPTIONS_INIT;
    opts.types = types;
    g_autoptr(WnNetwork) imported = wn_network_import_full(path, format, &opts, &error);
    g_assert_no_error(error);
    g_autofree char *dir = wn_test_make_temp_dir();
    g_assert_true(wn_network_save(imported, dir, &error));
    WnNetwork *net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    if (dir_out != NULL) {
        *dir_out = g_steal_pointer(&dir);
    } else {
        wn_test_remove_tree(dir);
    }
    return net;
}

/* fieldwork -> each export format -> import -> fieldwork: every id byte for byte; the
 * formats that carry values keep the cells and the metadata as text too. */
static void
test_round_trip_keeps_text(gconstpointer data)
{
    WnFormat format = (WnFormat) GPOINTER_TO_INT(data);
    g_autoptr(WnNetwork) net = wn_test_load("data", "formats-text-ids");
    g_autoptr(GError) error = NULL;
    g_autofree char *text = wn_network_to_format(net, format, WN_EXPORT_DEFAULT, NULL, &error);
    g_assert_no_error(error);
    g_autofree char *path = wn_test_write_temp(text, "");
    g_autoptr(WnNetwork) again = import_save_load(path, format, NULL, NULL);
    g_remove(path);
    g_assert_cmpuint(wn_network_node_count(again), ==, G_N_ELEMENTS(text_ids));
    for (gsize v = 0; v < G_N_ELEMENTS(text_ids); v++) {
        g_assert_cmpstr(wn_network_node_id(again, v), ==, text_ids[v]);
    }
    g_assert_cmpuint(wn_network_tie_count(again), ==, 3);
    gsize friends = wn_test_tie(again, "007", "12345678901234567890");
    gboolean typed = format != WN_FORMAT_EDGELIST && format != WN_FORMAT_PAJEK &&
                     format != WN_FORMAT_UCINET; /* a tie type each: no relations to keep */
    g_assert_cmpint(wn_network_tie_kind(again, friends), ==,
                    typed ? WN_TIE_FRIEND : WN_TIE_ACQUAINTANCE);
    if (format == WN_FORMAT_PAJEK || format == WN_FORMAT_EDGELIST || format == WN_FORMAT_UCINET) {
        return; /* ids, ties and weights only */
    }
    g_assert_cmpstr(wn_network_node_area(again, 0), ==, "0100");
    g_assert_cmpstr(wn_network_node_attribute(again, 0, "wijkcode"), ==, "0123");
    g_assert_cmpstr(wn_network_node_attribute(again, 1, "code"), ==, "12345678901234567890");
    g_assert_cmpstr(wn_network_node_attribute(again, 2, "code"), ==, "1.50");
    g_assert_cmpstr(wn_network_node_attribute(again, 3, "wijkcode"), ==, "-0");
    g_assert_cmpstr(wn_network_metadata(again, "case"), ==, "007");
    g_assert_cmpstr(wn_network_metadata(again, "code"), ==, "12345678901234567890");
}

/* Node-link JSON of another tool may give ids and values as JSON numbers: kept as written. */
static void
test_node_link_numbers_as_written(void)
{
    g_autofree char *path = wn_test_write_temp(
        "{\"graph\": {\"case\": 007, \"big\": 12345678901234567890, \"s\": \"a\\\"1\\\\\"},\n"
        " \"nodes\": [{\"id\": 007, \"zip\": 0123, \"w\": 1.50}, {\"id\": 12345678901234567890,"
        " \"x\": [1, 2.0, -3e2]}, {\"id\": \"7\"}],\n"
        " \"links\": [{\"source\": 007, \"target\": 12345678901234567890, \"weight\": 2.50},"
        " {\"source\": 7, \"target\": 007}]}",
        "");
    g_autoptr(WnNetwork) net = import_save_load(path, WN_FORMAT_NODE_LINK, NULL, NULL);
    g_remove(path);
    g_assert_cmpstr(wn_network_node_id(net, 0), ==, "007");
    g_assert_cmpstr(wn_network_node_id(net, 1), ==, "12345678901234567890");
    g_assert_cmpstr(wn_network_node_id(net, 2), ==, "7");
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "zip"), ==, "0123");
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "w"), ==, "1.50");
    g_assert_cmpstr(wn_network_node_attribute(net, 1, "x"), ==, "1|2.0|-3e2");
    g_assert_cmpstr(wn_network_metadata(net, "case"), ==, "007");
    g_assert_cmpstr(wn_network_metadata(net, "big"), ==, "12345678901234567890");
    g_assert_cmpstr(wn_network_metadata(net, "s"), ==, "a\"1\\");
    g_assert_cmpfloat(wn_network_tie_weight(net, wn_test_tie(net, "007", "12345678901234567890")),
                      ==, 2.5);
    g_assert_cmpuint(wn_test_tie(net, "7", "007"), ==, 1);
}

/* The case id 007 and the codes 007 and 12345678901234567890 of a Network Canvas
 * interview survive the import and the dataset it is saved as, from CSV and GraphML. */
static void
test_network_canvas_keeps_text(gconstpointer data)
{
    g_autofree char *path = test_path("formats-nc-multiplex", data);
    g_autoptr(WnNetwork) net = import_save_load(path, WN_FORMAT_NETWORK_CANVAS, NC_TYPES, NULL);
    g_assert_cmpstr(wn_network_metadata(net, "networkCanvasCaseID"), ==, "007");
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "woonduur"), ==, "007");
    g_assert_cmpstr(wn_network_node_attribute(net, wn_test_node(net, "1"), "klantnummer"), ==,
                    "12345678901234567890");
    g_assert_cmpstr(wn_network_node_attribute(net, wn_test_node(net, "2"), "klantnummer"), ==,
                    "007");
    g_assert_cmpstr(wn_network_node_attribute(net, wn_test_node(net, "3"), "klantnummer"), ==,
                    "0123");
}

/* The same interview exported as CSV and as GraphML imports to the same dataset. */
static void
test_network_canvas_csv_and_graphml_agree(void)
{
    g_autofree char *folder = test_path("formats-nc-multiplex", ".");
    g_autofree char *graphml = test_path("formats-nc-multiplex", "interview.graphml");
    g_autofree char *csv_dir = NULL, *graphml_dir = NULL;
    g_autoptr(WnNetwork) a = import_save_load(folder, WN_FORMAT_NETWORK_CANVAS, NC_TYPES, &csv_dir);
    g_autoptr(WnNetwork) b =
        import_save_load(graphml, WN_FORMAT_NETWORK_CANVAS, NC_TYPES, &graphml_dir);
    static const char *const files[] = {"nodes.csv", "ties.csv"};
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *from_csv = wn_test_read_file(csv_dir, files[i]);
        g_autofree char *from_graphml = wn_test_read_file(graphml_dir, files[i]);
        g_assert_cmpstr(from_csv, ==, from_graphml);
    }
    g_assert_cmpint(wn_network_node_kind(a, wn_test_node(a, "4")), ==, WN_NODE_GROUP);
    wn_test_remove_tree(csv_dir);
    wn_test_remove_tree(graphml_dir);
}

/* Without --types the Venue is refused, never a resident: the message lists the node
 * types found and shows the option. */
static void
test_unmapped_node_type_refused(gconstpointer data)
{
    const char *const *c = data;
    g_autofree char *path = test_path("formats-nc-multiplex", c[0]);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_import(path, WN_FORMAT_NETWORK_CANVAS, &error);
    g_assert_null(net);
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_autofree char *want = g_strdup_printf(
        "%s%s: node type \"Venue\" has no kind; the file has the node types Person, Venue; map "
        "them with --types Person=resident,Venue=KIND (KIND: resident, professional, group or "
        "organisation)",
        path, c[1]);
    g_assert_cmpstr(error->message, ==, want);
}

static const char *const venue_csv[] = {
    "case_007_5e551011-0000-4000-8000-000000000007_attributeList_Venue.csv", ":2:1"};
static const char *const venue_graphml[] = {"interview.graphml", ":51:38"};

/* Any format: a type or kind value that names a kind (any case, Dutch or English) is that
 * kind; another is mapped by --types (kept as original_type) or refused. Edge types map
 * too; Network Canvas's Person can be mapped to another kind. */
static void
test_types_map_node_and_edge_types(void)
{
    g_autofree char *path =
        wn_test_write_temp("<graphml><key id=\"t\" for=\"all\" attr.name=\"type\"/><graph>\n"
                           "<node id=\"a\"><data key=\"t\">Bewoner</data></node>\n"
                           "<node id=\"b\"><data key=\"t\">ORGANISATIE</data></node>\n"
                           "<node id=\"c\"><data key=\"t\">Venue</data></node>\n"
                           "<edge source=\"a\" target=\"c\"><data key=\"t\">Close</data></edge>\n"
                           "</graph></graphml>",
                           ".graphml");
    g_autoptr(GError) error = NULL;
    WnImportOptions opts = WN_IMPORT_OPTIONS_INIT;
    opts.types = " venue = groep , close=vrienden";
    g_autoptr(WnNetwork) net = wn_network_import_full(path, WN_FORMAT_GRAPHML, &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpint(wn_network_node_kind(net, 0), ==, WN_NODE_RESIDENT);
    g_assert_cmpint(wn_network_node_kind(net, 1), ==, WN_NODE_ORGANISATION);
    g_assert_cmpint(wn_network_node_kind(net, 2), ==, WN_NODE_GROUP);
    g_assert_cmpstr(wn_network_node_attribute(net, 2, "original_type"), ==, "Venue");
    g_assert_cmpint(wn_network_tie_kind(net, 0), ==, WN_TIE_FRIEND);
    g_assert_cmpstr(wn_network_tie_attribute(net, 0, "original_type"), ==, "Close");
    g_autoptr(WnNetwork) refused = wn_network_import(path, WN_FORMAT_GRAPHML, &error);
    g_assert_null(refused);
    g_autofree char *want = g_strdup_printf(
        "%s:4:29: node type \"Venue\" has no kind; the file has the node types Bewoner, "
        "ORGANISATIE, Venue; map them with --types Bewoner=resident,ORGANISATIE=organisation,"
        "Venue=KIND (KIND: resident, professional, group or organisation)",
        path);
    g_assert_cmpstr(error->message, ==, want);
    g_remove(path);
    g_clear_error(&error);
    g_autofree char *nc = test_path("formats-nc-multiplex", ".");
    opts.types =
        "Person=professional,Venue=organisation,Close=friend,SexTie=family,DrugTie=support";
    g_autoptr(WnNetwork) pros = wn_network_import_full(nc, WN_FORMAT_NETWORK_CANVAS, &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpint(wn_network_node_kind(pros, 0), ==, WN_NODE_RESIDENT); /* ego */
    g_assert_cmpint(wn_network_node_kind(pros, wn_test_node(pros, "1")), ==, WN_NODE_PROFESSIONAL);
    g_assert_cmpint(wn_network_node_kind(pros, wn_test_node(pros, "4")), ==, WN_NODE_ORGANISATION);
}

/* A bad --types value is refused before any file is read. */
static void
test_types_option_checked(void)
{
    static const char *const bad[][2] = {
        {"Venue", "\"Venue\" is no TYPE=KIND pair"},
        {"=group", "\"=group\" is no TYPE=KIND pair"},
        {"Venue=bar", "\"bar\" is no node kind and no tie type"},
        {"Close=informal", "\"informal\" is no node kind and no tie type"},
        {"Venue=group,venue=resident", "\"venue\" is given two kinds"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GError) error = NULL;
        WnImportOptions opts = WN_IMPORT_OPTIONS_INIT;
        opts.types = bad[i][0];
        g_assert_false(wn_import_options_check(&opts, &error));
        g_autofree char *want = g_strdup_printf("types \"%s\": %s", bad[i][0], bad[i][1]);
        g_assert_true(g_str_has_prefix(error->message, want));
    }
    WnImportOptions good = WN_IMPORT_OPTIONS_INIT;
    g_assert_true(wn_import_options_check(&good, NULL));
    good.types = "Person=bewoner,Venue=group,Close=friend,DrugTie=acquaintance,Buur=buren";
    g_assert_true(wn_import_options_check(&good, NULL));
}

/* Network Canvas's GraphML gives edges a key it never declares: read as a text
 * attribute, with one warning naming the key and where it is first used. */
static void
test_graphml_undeclared_key_is_text(void)
{
    g_autofree char *path = test_path("formats-nc-multiplex", "interview.graphml");
    WnImportOptions opts = WN_IMPORT_OPTIONS_INIT;
    opts.types = NC_TYPES;
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net =
        wn_network_import_full(path, WN_FORMAT_NETWORK_CANVAS, &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(wn_network_tie_attribute(net, wn_test_tie(net, "1", "2"), "altersextie"), ==,
                    "true");
    const GPtrArray *warnings = wn_network_warnings(net);
    g_autofree char *want =
        g_strdup_printf("%s:60:32: the key \"AlterSexTie\" is used but not declared by <key "
                        "id=…>; its values are kept as the text attribute \"AlterSexTie\"",
                        path);
    g_assert_cmpstr(g_ptr_array_index(warnings, 0), ==, want);
    gsize mentions = 0;
    for (guint i = 0; i < warnings->len; i++) {
        mentions += strstr(g_ptr_array_index(warnings, i), "AlterSexTie") != NULL;
    }
    g_assert_cmpuint(mentions, ==, 1);
}

/* Two values of one name in one element would lose one: refused with file and line, also
 * when an undeclared key's id is the name of a declared one. */
static void
test_graphml_second_value_refused(void)
{
    static const char *const cases[][2] = {
        {"<graphml><key id=\"d0\" for=\"node\" attr.name=\"age\"/><graph>\n<node id=\"a\">"
         "<data key=\"d0\">30</data>\n<data key=\"age\">31</data></node></graph></graphml>",
         ":3:18: expected one value named \"age\" in this <node>, got a second (key \"age\"); "
         "one of them would be lost"},
        {"<graphml><graph>\n<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\">"
         "<data key=\"x\">1</data><data key=\"x\">2</data></edge></graph></graphml>",
         ":3:66: expected one value named \"x\" in this <edge>, got a second (key \"x\"); one "
         "of them would be lost"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = wn_test_write_temp(cases[i][0], ".graphml");
        g_autoptr(GError) error = NULL;
        g_autoptr(WnNetwork) net = wn_network_import(path, WN_FORMAT_GRAPHML, &error);
        g_assert_null(net);
        g_assert_error(error, WN_ERROR, WN_ERROR_PARSE);
        g_autofree char *want = g_strconcat(path, cases[i][1], NULL);
        g_assert_cmpstr(error->message, ==, want);
        g_remove(path);
    }
}

/* A graph value after a node is the graph's own, however the node named its values. */
static void
test_graphml_graph_value_after_node(void)
{
    g_autofree char *path = wn_test_write_temp(
        "<graphml><key id=\"x\" for=\"all\" attr.name=\"x\"/><graph>\n<node id=\"a\">"
        "<data key=\"x\">1</data></node>\n<data key=\"x\">g</data>\n</graph></graphml>",
        ".graphml");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_import(path, WN_FORMAT_GRAPHML, &error);
    g_remove(path);
    g_assert_no_error(error);
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "x"), ==, "1");
    g_assert_cmpstr(wn_network_metadata(net, "x"), ==, "g");
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    for (gint f = 0; f < WN_FORMAT_NETWORK_CANVAS; f++) {
        g_autofree char *name =
            g_strdup_printf("/formats/text/%s-round-trip-keeps-ids-and-cells-as-text",
                            wn_format_name((WnFormat) f));
        g_test_add_data_func(name, GINT_TO_POINTER(f), test_round_trip_keeps_text);
    }
    g_test_add_func("/formats/text/node-link-numbers-kept-as-written",
                    test_node_link_numbers_as_written);
    g_test_add_data_func("/formats/text/network-canvas-csv-keeps-case-id-and-codes", ".",
                         test_network_canvas_keeps_text);
    g_test_add_data_func("/formats/text/network-canvas-graphml-keeps-case-id-and-codes",
                         "interview.graphml", test_network_canvas_keeps_text);
    g_test_add_func("/formats/text/network-canvas-csv-and-graphml-agree",
                    test_network_canvas_csv_and_graphml_agree);
    g_test_add_data_func("/formats/types/network-canvas-csv-venue-refused", venue_csv,
                         test_unmapped_node_type_refused);
    g_test_add_data_func("/formats/types/network-canvas-graphml-venue-refused", venue_graphml,
                         test_unmapped_node_type_refused);
    g_test_add_func("/formats/types/map-node-and-edge-types", test_types_map_node_and_edge_types);
    g_test_add_func("/formats/types/option-checked", test_types_option_checked);
    g_test_add_func("/formats/graphml/undeclared-key-is-text-with-warning",
                    test_graphml_undeclared_key_is_text);
    g_test_add_func("/formats/graphml/second-value-in-element-refused",
                    test_graphml_second_value_refused);
    g_test_add_func("/formats/graphml/graph-value-after-node", test_graphml_graph_value_after_node);
    return g_test_run();
}
