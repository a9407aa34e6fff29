/* test-formats.c: the fieldwork writer, the exports and the imports (issue 6) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/*
 * tests/data/formats-wijk (undirected):
 *
 *   r1 -neighbour(2+1.5)- r2      r1, r2 -member- g1      r4 -friend- r3 -support(0.5)- p1
 *   p1 -collaboration(3)- o1      r5 (no tie)             conflicts: r4 x r1, r5 x r3
 *
 * tests/data/formats-directed: a -> b (2), b -> a (3), a -> c (1); the pair a, b is one
 * tie of weight 5 with two arcs.
 */

static char *
read_text(const char *path)
{
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;
    g_file_get_contents(path, &text, NULL, &error);
    g_assert_no_error(error);
    return g_steal_pointer(&text);
}

static void
assert_same_columns(const GPtrArray *a, const GPtrArray *b)
{
    g_assert_cmpuint(a->len, ==, b->len);
    for (guint j = 0; j < a->len; j++) {
        g_assert_cmpstr(*(char *const *) g_ptr_array_index(a, j), ==,
                        *(char *const *) g_ptr_array_index(b, j));
    }
}

static void
assert_same_nodes(const WnNetwork *a, const WnNetwork *b)
{
    g_assert_cmpuint(wn_network_node_count(a), ==, wn_network_node_count(b));
    const GPtrArray *names = wn_network_node_attribute_names(a);
    assert_same_columns(names, wn_network_node_attribute_names(b));
    for (gsize v = 0; v < wn_network_node_count(a); v++) {
        double lat_a = NAN, lon_a = NAN, lat_b = NAN, lon_b = NAN;
        g_assert_cmpstr(wn_network_node_id(a, v), ==, wn_network_node_id(b, v));
        g_assert_cmpstr(wn_network_node_label(a, v), ==, wn_network_node_label(b, v));
        g_assert_cmpstr(wn_network_node_area(a, v), ==, wn_network_node_area(b, v));
        g_assert_cmpint(wn_network_node_kind(a, v), ==, wn_network_node_kind(b, v));
        g_assert_cmpint(wn_network_node_vulnerable(a, v), ==, wn_network_node_vulnerable(b, v));
        g_assert_cmpint(wn_network_node_position(a, v, &lat_a, &lon_a), ==,
                        wn_network_node_position(b, v, &lat_b, &lon_b));
        g_assert_true(isnan(lat_a) ? isnan(lat_b) : lat_a == lat_b);
        g_assert_true(isnan(lon_a) ? isnan(lon_b) : lon_a == lon_b);
        for (guint j = 0; j < names->len; j++) {
            const char *name = *(char *const *) g_ptr_array_index(names, j);
            g_assert_cmpstr(wn_network_node_attribute(a, v, name), ==,
                            wn_network_node_attribute(b, v, name));
        }
    }
}

static void
assert_same_ties(const WnNetwork *a, const WnNetwork *b)
{
    g_assert_cmpuint(wn_network_tie_count(a), ==, wn_network_tie_count(b));
    const GPtrArray *names = wn_network_tie_attribute_names(a);
    assert_same_columns(names, wn_network_tie_attribute_names(b));
    for (gsize t = 0; t < wn_network_tie_count(a); t++) {
        gsize sa = 0, ta = 0, sb = 0, tb = 0;
        wn_network_tie_ends(a, t, &sa, &ta);
        wn_network_tie_ends(b, t, &sb, &tb);
        g_assert_cmpuint(sa, ==, sb);
        g_assert_cmpuint(ta, ==, tb);
        g_assert_cmpint(wn_network_tie_kind(a, t), ==, wn_network_tie_kind(b, t));
        g_assert_cmpfloat(wn_network_tie_weight(a, t), ==, wn_network_tie_weight(b, t));
        for (guint j = 0; j < names->len; j++) {
            const char *name = *(char *const *) g_ptr_array_index(names, j);
            g_assert_cmpstr(wn_network_tie_attribute(a, t, name), ==,
                            wn_network_tie_attribute(b, t, name));
        }
    }
    g_assert_cmpuint(wn_network_conflict_count(a), ==, wn_network_conflict_count(b));
    for (gsize c = 0; c < wn_network_conflict_count(a); c++) {
        gsize sa = 0, ta = 0, sb = 0, tb = 0;
        wn_network_conflict_ends(a, c, &sa, &ta);
        wn_network_conflict_ends(b, c, &sb, &tb);
        g_assert_cmpuint(sa, ==, sb);
        g_assert_cmpuint(ta, ==, tb);
    }
}

static void
assert_same_network(const WnNetwork *a, const WnNetwork *b)
{
    static const char *const keys[] = {"title", "source", "year", "licence", "provenance"};
    g_assert_cmpint(wn_network_is_directed(a), ==, wn_network_is_directed(b));
    for (gsize i = 0; i < G_N_ELEMENTS(keys); i++) {
        g_assert_cmpstr(wn_network_metadata(a, keys[i]), ==, wn_network_metadata(b, keys[i]));
    }
    assert_same_nodes(a, b);
    assert_same_ties(a, b);
}

/* Saves @net in a temporary folder and loads it again. */
static WnNetwork *
save_and_load(const WnNetwork *net)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_network_save(net, dir, &error));
    g_assert_no_error(error);
    WnNetwork *again = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    wn_test_remove_tree(dir);
    return again;
}

static void
test_save_round_trip(gconstpointer data)
{
    const char *const *where = data;
    g_autoptr(WnNetwork) net = wn_test_load(where[0], where[1]);
    g_autoptr(WnNetwork) again = save_and_load(net);
    assert_same_network(net, again);
}

static const char *const karate[] = {"../datasets", "karate"};
static const char *const davis[] = {"../datasets", "davis"};
static const char *const wijk[] = {"data", "formats-wijk"};
static const char *const directed[] = {"data", "formats-directed"};

/* The saved files themselves: fixed columns first, quoting, merged rows, conflicts. */
static void
test_save_writes_fieldwork_files(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "formats-wijk");
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_network_save(net, dir, &error));
    g_assert_no_error(error);
    g_autofree char *nodes_path = g_build_filename(dir, "nodes.csv", NULL);
    g_autofree char *ties_path = g_build_filename(dir, "ties.csv", NULL);
    g_autofree char *json_path = g_build_filename(dir, "dataset.json", NULL);
    g_autofree char *nodes = read_text(nodes_path);
    g_autofree char *ties = read_text(ties_path);
    g_autofree char *json = read_text(json_path);
    wn_test_remove_tree(dir);
    g_assert_cmpstr(nodes, ==,
                    "id,type,label,area,lat,lon,vulnerable,interests,language\n"
                    "r1,resident,\"Jansen, Anna\",BU01,52.0907,5.1214,1,koken|wandelen,nl\n"
                    "r2,resident,\"Piet \"\"de Buur\"\"\",BU01,52.0911,5.122,0,koken,\n"
                    "r3,resident,,BU02,,,1,,tr\n"
                    "r4,resident,Fatima,BU02,52.1,5.13,0,wandelen,ar|nl\n"
                    "p1,professional,Sociaal werker,,,,0,,\n"
                    "g1,group,Kookclub,BU01,,,0,koken,\n"
                    "o1,organisation,Wijkteam,,,,0,,\n"
                    "r5,resident,,BU03,,,0,,\n");
    /* r1-r2 was two rows (2 + 1.5); the first row's kind and attributes stay */
    g_assert_cmpstr(ties, ==,
                    "source,target,type,weight,support_kind,since\n"
                    "r1,r2,neighbour,3.5,practical|companionship,2019\n"
                    "r1,g1,member,1,,\n"
                    "r2,g1,member,1,,\n"
                    "r3,p1,support,0.5,advice,2023\n"
                    "p1,o1,collaboration,3,,\n"
                    "r4,r3,friend,1,emotional,\n"
                    "r4,r1,conflict,,,\n"
                    "r5,r3,conflict,,,\n");
    g_assert_cmpstr(json, ==,
                    "{\n\t\"source\":\t\"hand-made for tests/test-formats.c\",\n"
                    "\t\"title\":\t\"Testwijk (formats)\",\n\t\"year\":\t2024,\n"
                    "\t\"directed\":\tfalse\n}\n");
}

/* a -> b (2) and b -> a (3) are one tie of weight 5: two arcs of 2.5 load back as 5. */
static void
test_save_splits_pair_weight_over_arcs(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "formats-directed");
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_network_save(net, dir, &error));
    g_autofree char *ties_path = g_build_filename(dir, "ties.csv", NULL);
    g_autofree char *ties = read_text(ties_path);
    wn_test_remove_tree(dir);
    g_assert_cmpstr(ties, ==,
                    "source,target,type,weight\n"
                    "a,b,friend,2.5\n"
                    "b,a,friend,2.5\n"
                    "a,c,support,1\n");
}

static void
test_save_refuses_folder_it_cannot_create(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "formats-directed");
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *file = g_build_filename(dir, "file", NULL);
    g_autofree char *inside = g_build_filename(file, "dataset", NULL);
    g_assert_true(g_file_set_contents(file, "", 0, NULL));
    g_assert_false(wn_network_save(net, inside, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_NOTDIR);
    g_autofree char *want =
        g_strdup_printf("%s: cannot create the dataset folder: Not a directory", inside);
    g_assert_cmpstr(error->message, ==, want);
    wn_test_remove_tree(dir);
}

/* Labels are personal data: no format shows "Jansen, Anna" (r1) unless asked. */
static void
test_export_leaves_labels_out_by_default(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "formats-wijk");
    for (guint f = 0; f < WN_FORMAT_NETWORK_CANVAS; f++) { /* network-canvas: read only */
        g_autoptr(GError) error = NULL;
        g_autofree char *text =
            wn_network_to_format(net, (WnFormat) f, WN_EXPORT_DEFAULT, NULL, &error);
        g_assert_no_error(error);
        g_assert_null(strstr(text, "Jansen"));
    }
    g_autoptr(GError) error = NULL;
    g_autofree char *shown =
        wn_network_to_format(net, WN_FORMAT_GRAPHML, WN_EXPORT_SHOW_LABELS, NULL, &error);
    g_assert_nonnull(strstr(shown, "<data key=\"n2\">Jansen, Anna</data>"));
}

/* path-4 (a - b - c - d): b has degree 2 and betweenness 2, as node values. */
static void
test_export_with_measures_adds_centrality(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "path-4");
    g_autoptr(GError) error = NULL;
    g_autofree char *text =
        wn_network_to_format(net, WN_FORMAT_GML, WN_EXPORT_WITH_MEASURES, NULL, &error);
    g_assert_no_error(error);
    g_assert_nonnull(strstr(text, "    label \"b\"\n    kind \"resident\"\n    vulnerable 0\n"
                                  "    degree 2\n    strength 2\n    betweenness 2\n"));
}

/* A Pajek vertex label is quoted and cannot hold a quote: d"e is refused. */
static void
test_export_pajek_refuses_quote_in_id(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "formats-odd-ids");
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) error = NULL;
    g_autofree char *text =
        wn_network_to_format(net, WN_FORMAT_PAJEK, WN_EXPORT_DEFAULT, warnings, &error);
    g_assert_null(text);
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==,
                    "pajek: node id \"d\"e\" holds a double quote or a line end, which a Pajek "
                    "vertex label cannot carry");
}

/* Format names as the CLI takes them, with the aliases json and net. */
static void
test_format_lookup_knows_names_and_aliases(void)
{
    WnFormat f = WN_FORMAT_GRAPHML;
    g_assert_true(wn_format_lookup("node-link", &f));
    g_assert_cmpint(f, ==, WN_FORMAT_NODE_LINK);
    g_assert_true(wn_format_lookup("JSON", &f));
    g_assert_cmpint(f, ==, WN_FORMAT_NODE_LINK);
    g_assert_true(wn_format_lookup("net", &f));
    g_assert_cmpint(f, ==, WN_FORMAT_PAJEK);
    g_assert_false(wn_format_lookup("dot", &f));
    g_assert_cmpstr(wn_format_name(WN_FORMAT_EDGELIST), ==, "edgelist");
}

/* Import: a bad file is refused with FILE:LINE:COLUMN (or the JSON element) and what was
 * expected; FILE stands for the file's path. */
typedef struct {
    WnFormat format;
    const char *rule;
    const char *text;
    WnError code;
    const char *message;
} BadImport;

#define NC_GRAPHML "<graphml xmlns:nc=\"http://schema.networkcanvas.com/xmlns\">"
static const BadImport bad_imports[] = {
    {WN_FORMAT_GRAPHML, "graphml/unclosed-element",
     "<graphml><graph edgedefault=\"undirected\"><node id=\"a\"></graph></graphml>", WN_ERROR_PARSE,
     "FILE:1:62: expected well-formed XML: Element “graph” was closed, but the currently open "
     "element is “node”"},
    {WN_FORMAT_GRAPHML, "graphml/node-without-id",
     "<graphml>\n<graph>\n<node name=\"a\"/>\n</graph>\n</graphml>\n", WN_ERROR_PARSE,
     "FILE:3:17: expected the attribute id on <node>, got none"},
    {WN_FORMAT_GRAPHML, "graphml/second-value-of-undeclared-key",
     "<graphml><graph><node id=\"a\"><data key=\"d9\">x</data><data key=\"d9\">y</data></node>"
     "</graph></graphml>",
     WN_ERROR_PARSE,
     "FILE:1:68: expected one value named \"d9\" in this <node>, got a second (key \"d9\"); one "
     "of them would be lost"},
    {WN_FORMAT_GRAPHML, "graphml/edge-to-undeclared-node",
     "<graphml><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/></graph></graphml>",
     WN_ERROR_INVALID,
     "FILE:2:30: expected the target to be a node declared by <node id=…>, got \"b\""},
    {WN_FORMAT_GRAPHML, "graphml/negative-weight",
     "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\"/><graph><node id=\"a\"/>"
     "<node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">-2</data></edge>"
     "</graph></graphml>",
     WN_ERROR_PARSE, "FILE:2:44: expected a positive weight, got \"-2\""},
    /* The fieldwork rules, checked on the import's rows: the message names the user's
     * file and where the value is, not a temporary nodes.csv or ties.csv. */
    {WN_FORMAT_EDGELIST, "edgelist/repeated-pair-weights-overflow", "a b 1e308\nb a 1e308\n",
     WN_ERROR_INVALID,
     "FILE:2:5: expected the weights of a repeated pair to add up to at most 1.79769e+308, got "
     "more"},
    {WN_FORMAT_EDGELIST, "edgelist/hexadecimal-weight", "a b 0x10\n", WN_ERROR_PARSE,
     "FILE:1:5: expected a positive weight, got \"0x10\""},
    {WN_FORMAT_EDGELIST, "edgelist/byte-order-mark-in-id", "a b\xEF\xBB\xBF 2\n", WN_ERROR_PARSE,
     "FILE:1:3: expected a byte-order mark (U+FEFF) only at the start of the file, got one "
     "inside a cell (were two files joined?)"},
    {WN_FORMAT_NODE_LINK, "node-link/repeated-pair-weights-overflow",
     "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"links\": [{\"source\": \"a\", "
     "\"target\": \"b\", \"weight\": 1e308}, {\"source\": \"b\", \"target\": \"a\", "
     "\"weight\": 1e308}]}",
     WN_ERROR_INVALID,
     "FILE: links[1].weight: expected the weights of a repeated pair to add up to at most "
     "1.79769e+308, got more"},
    {WN_FORMAT_GRAPHML, "graphml/repeated-pair-weights-overflow",
     "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\"/><graph><node id=\"a\"/>"
     "<node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">1e308</data></edge>\n"
     "<edge source=\"b\" target=\"a\"><data key=\"w\">1e308</data></edge></graph></graphml>",
     WN_ERROR_INVALID,
     "FILE:3:44: expected the weights of a repeated pair to add up to at most 1.79769e+308, got "
     "more"},
    {WN_FORMAT_GRAPHML, "graphml/hexadecimal-latitude",
     "<graphml><key id=\"y\" for=\"node\" attr.name=\"lat\"/><graph>\n<node id=\"a\">"
     "<data key=\"y\">0x10</data></node></graph></graphml>",
     WN_ERROR_PARSE,
     "FILE:2:29: expected a latitude in WGS84 degrees between -90 and 90, got "
     "\"0x10\""},
    {WN_FORMAT_PAJEK, "pajek/repeated-pair-weights-overflow",
     "*Vertices 2\n*Edges\n1 2 1e308\n2 1 1e308\n", WN_ERROR_INVALID,
     "FILE:4:5: expected the weights of a repeated pair to add up to at most 1.79769e+308, got "
     "more"},
    {WN_FORMAT_GRAPHML, "graphml/duplicate-node",
     "<graphml><graph><node id=\"a\"/><node id=\"a\"/></graph></graphml>", WN_ERROR_INVALID,
     "FILE:1:44: expected a new node id, got \"a\" again"},
    {WN_FORMAT_GRAPHML, "graphml/no-graph", "<graphml></graphml>", WN_ERROR_PARSE,
     "FILE: expected a <graph> element in the GraphML, got none"},
    {WN_FORMAT_GML, "gml/unclosed-list", "graph [\n  node [ id 0 label \"a\" ]\n", WN_ERROR_PARSE,
     "FILE:3:1: expected a key or ] closing the list, got the end of the file"},
    {WN_FORMAT_GML, "gml/node-without-id", "graph [\n  node [ label \"a\" ]\n]\n", WN_ERROR_PARSE,
     "FILE:2:3: expected an id in this node, got none"},
    {WN_FORMAT_GML, "gml/edge-to-unknown-node",
     "graph [\n  node [ id 0 ]\n  edge [ source 0\n target 7 ]\n]\n", WN_ERROR_INVALID,
     "FILE:4:2: expected the id of a node, got 7"},
    {WN_FORMAT_GML, "gml/bad-value", "graph [\n  directed yes\n]\n", WN_ERROR_PARSE,
     "FILE:2:12: expected a value (a number, a \"string\" or a [ list ]), got \"yes\""},
    {WN_FORMAT_GML, "gml/no-graph", "Creator \"x\"\n", WN_ERROR_PARSE,
     "FILE:2:1: expected a graph [ … ] list, got none"},
    {WN_FORMAT_GML, "gml/bad-latitude", "graph [\n  node [ id 0 label \"a\"\n    lat 91 ]\n]\n",
     WN_ERROR_PARSE,
     "FILE:3:5: expected a latitude in WGS84 degrees between -90 and 90, got \"91\""},
    {WN_FORMAT_PAJEK, "pajek/vertex-out-of-range", "*Vertices 2\n1 \"a\"\n*Edges\n1 3\n",
     WN_ERROR_PARSE, "FILE:4:3: expected a vertex number from 1 to 2, got \"3\""},
    {WN_FORMAT_PAJEK, "pajek/bad-vertex-count", "*Vertices many\n", WN_ERROR_PARSE,
     "FILE:1:11: expected the number of vertices (at most 10000000) after *Vertices, got \"many\""},
    {WN_FORMAT_PAJEK, "pajek/unclosed-label", "*Vertices 1\n1 \"a\n", WN_ERROR_PARSE,
     "FILE:2:3: expected a closing \" for this label, got the end of the line"},
    {WN_FORMAT_PAJEK, "pajek/ties-before-vertices", "*Edges\n1 2\n", WN_ERROR_PARSE,
     "FILE:1:1: expected *Vertices before the ties, got \"*Edges\""},
    {WN_FORMAT_PAJEK, "pajek/matrix-not-supported", "*Vertices 1\n*Matrix\n0\n", WN_ERROR_PARSE,
     "FILE:2:1: expected *Vertices, *Edges, *Arcs, *Edgeslist or *Arcslist, got \"*Matrix\""},
    {WN_FORMAT_PAJEK, "pajek/zero-weight", "*Vertices 2\n*Edges\n1 2 0\n", WN_ERROR_PARSE,
     "FILE:3:5: expected a positive weight, got \"0\""},
    {WN_FORMAT_EDGELIST, "edgelist/one-field", "a b 1\nc\n", WN_ERROR_PARSE,
     "FILE:2:1: expected a source, a target and an optional weight, got 1 field"},
    {WN_FORMAT_EDGELIST, "edgelist/python-dict", "a b {'weight': 2}\n", WN_ERROR_PARSE,
     "FILE:1:16: expected a source, a target and an optional weight, got 4 fields"},
    {WN_FORMAT_EDGELIST, "edgelist/bad-weight", "# ties\na b 1\nb c heavy\n", WN_ERROR_PARSE,
     "FILE:3:5: expected a positive weight, got \"heavy\""},
    {WN_FORMAT_NODE_LINK, "node-link/bad-json", "{\"nodes\": [\n  {\"id\": 1,}\n]}", WN_ERROR_PARSE,
     "FILE:2:13: expected valid JSON here"},
    {WN_FORMAT_NODE_LINK, "node-link/nodes-not-array", "{\"nodes\": {}}", WN_ERROR_PARSE,
     "FILE: nodes: expected an array of nodes, got an object"},
    {WN_FORMAT_NODE_LINK, "node-link/node-without-id", "{\"nodes\": [{\"id\": 1}, {}]}",
     WN_ERROR_PARSE, "FILE: nodes[1]: expected \"id\" to be a string or a number, got nothing"},
    {WN_FORMAT_NODE_LINK, "node-link/link-to-unknown-node",
     "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"b\"}]}",
     WN_ERROR_INVALID, "FILE: links[0].target: expected the id of a node, got \"b\""},
    {WN_FORMAT_NODE_LINK, "node-link/bad-vulnerable",
     "{\"nodes\": [{\"id\": \"a\", \"vulnerable\": \"maybe\"}]}", WN_ERROR_PARSE,
     "FILE: nodes[0].vulnerable: expected true/false, 1/0, yes/no or ja/nee for vulnerable, "
     "got \"maybe\""},
    {WN_FORMAT_UCINET, "ucinet/no-dl", "n=3\ndata:\n", WN_ERROR_PARSE,
     "FILE:1:1: expected DL at the start of the file, got \"n\""},
    {WN_FORMAT_UCINET, "ucinet/no-equals", "dl n 3\n", WN_ERROR_PARSE,
     "FILE:1:6: expected = after n, got \"3\""},
    {WN_FORMAT_UCINET, "ucinet/lowerhalf-not-supported", "DL N=2 FORMAT=LOWERHALF\nDATA:\n1\n",
     WN_ERROR_PARSE,
     "FILE:1:15: expected fullmatrix, edgelist1 or nodelist1 after format =, got \"LOWERHALF\""},
    {WN_FORMAT_UCINET, "ucinet/too-few-labels", "dl n=3\nlabels:\na, b\ndata:\n", WN_ERROR_PARSE,
     "FILE:4:1: expected 3 labels (one per node) before data:, got 2"},
    {WN_FORMAT_UCINET, "ucinet/too-few-values", "dl n=2\ndata:\n0 1\n1\n", WN_ERROR_PARSE,
     "FILE:4:1: expected 4 values (2 by 2 per matrix) after data:, got 3"},
    {WN_FORMAT_UCINET, "ucinet/value-after-matrix", "dl n=1\ndata:\n0 7\n", WN_ERROR_PARSE,
     "FILE:3:3: expected the end of the data after the last matrix, got \"7\""},
    {WN_FORMAT_UCINET, "ucinet/negative-value", "dl n=2\ndata:\n0 -1\n1 0\n", WN_ERROR_PARSE,
     "FILE:3:3: expected a tie value (a number, 0 or more), got \"-1\""},
    {WN_FORMAT_UCINET, "ucinet/node-out-of-range", "dl n=2 format=edgelist1\ndata:\n1 3\n",
     WN_ERROR_PARSE,
     "FILE:3:3: expected a node number from 1 to 2 (or labels embedded), got \"3\""},
    {WN_FORMAT_UCINET, "ucinet/too-many-embedded-labels",
     "dl n=2 format=edgelist1 labels embedded\ndata:\na b\nb c\n", WN_ERROR_PARSE,
     "FILE:4:3: expected one of the n=2 labels already used, not a new one, got \"c\""},
    {WN_FORMAT_UCINET, "ucinet/two-mode-not-supported", "dl nr=2, nc=3\n", WN_ERROR_PARSE,
     "FILE:1:4: expected n= (two-mode files with nr= and nc= are not supported), got \"nr\""},
    {WN_FORMAT_UCINET, "ucinet/several-edge-lists-not-supported",
     "dl n=2 nm=2 format=edgelist1\ndata:\n1 2\n", WN_ERROR_PARSE,
     "FILE:2:1: expected nm=1 (several matrices are supported in format = fullmatrix without "
     "embedded labels only), got \"data:\""},
    {WN_FORMAT_UCINET, "ucinet/unclosed-label", "dl n=1\nlabels:\n\"ann\ndata:\n0\n",
     WN_ERROR_PARSE, "FILE:3:1: expected a closing \" for this label, got the end of the line"},
    /* Network Canvas GraphML: written as FILE.graphml (NC_GRAPHML: the namespace) */
    {WN_FORMAT_NETWORK_CANVAS, "nc-graphml/no-nc-namespace",
     "<graphml>\n<graph edgedefault=\"undirected\"></graph></graphml>", WN_ERROR_PARSE,
     "FILE:2:34: expected a Network Canvas export "
     "(xmlns:nc=\"http://schema.networkcanvas.com/xmlns\" on <graphml>), got GraphML without it "
     "(import it as graphml)"},
    {WN_FORMAT_NETWORK_CANVAS, "nc-graphml/node-named-ego",
     NC_GRAPHML "<graph>\n<node id=\"1\"/><node id=\"ego\"/></graph></graphml>", WN_ERROR_INVALID,
     "FILE:2:31: expected a new node id, got \"ego\", the id of a node the import adds"},
    {WN_FORMAT_NETWORK_CANVAS, "nc-graphml/edge-names-ego",
     NC_GRAPHML "<graph><node id=\"1\"/>\n<edge source=\"ego\" target=\"1\"/></graph></graphml>",
     WN_ERROR_INVALID,
     "FILE:2:32: expected the source to be a node declared by <node id=…>, got \"ego\""},
    {WN_FORMAT_NETWORK_CANVAS, "nc-graphml/bad-ego-variable",
     NC_GRAPHML "<key id=\"v\" for=\"graph\" attr.name=\"vulnerable\"/>\n<graph>"
                "<data key=\"v\">maybe</data></graph></graphml>",
     WN_ERROR_PARSE,
     "FILE:2:23: expected true/false, 1/0, yes/no or ja/nee for vulnerable, got \"maybe\""},
    {WN_FORMAT_NETWORK_CANVAS, "nc-graphml/edge-to-undeclared-node",
     NC_GRAPHML "<graph><node id=\"1\"/>\n<edge source=\"1\" target=\"7\"/></graph></graphml>",
     WN_ERROR_INVALID,
     "FILE:2:30: expected the target to be a node declared by <node id=…>, got \"7\""},
    {WN_FORMAT_NETWORK_CANVAS, "nc-graphml/unclosed-node",
     NC_GRAPHML "<graph>\n<node id=\"1\"></graph></graphml>", WN_ERROR_PARSE,
     "FILE:2:22: expected well-formed XML: Element “graph” was closed, but the currently open "
     "element is “node”"},
    {WN_FORMAT_NODE_LINK, "node-link/not-utf8", "{\"nodes\": [{\"id\": \"\xff\"}]}", WN_ERROR_PARSE,
     "FILE:1:20: expected UTF-8 text, got a byte that is not (save the file as UTF-8)"},
};

static void
test_import_refuses_bad_file(gconstpointer data)
{
    const BadImport *c = data;
    g_autofree char *path =
        wn_test_write_temp(c->text, c->format == WN_FORMAT_NETWORK_CANVAS ? ".graphml" : "");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_import(path, c->format, &error);
    g_remove(path);
    g_assert_null(net);
    g_assert_error(error, WN_ERROR, (gint) c->code);
    g_autoptr(GString) want = g_string_new(c->message);
    g_string_replace(want, "FILE", path, 1);
    g_assert_cmpstr(error->message, ==, want->str);
}

/* Export then import: every format that carries values gives the dataset back (without
 * its conflicts, which no export carries). */
static void
test_import_reads_own_export(gconstpointer data)
{
    WnFormat format = (WnFormat) GPOINTER_TO_INT(data);
    g_autoptr(WnNetwork) net = wn_test_load("data", "formats-wijk");
    g_autoptr(GError) error = NULL;
    g_autofree char *text = wn_network_to_format(net, format, WN_EXPORT_SHOW_LABELS, NULL, &error);
    g_autofree char *path = wn_test_write_temp(text, "");
    g_autoptr(WnNetwork) again = wn_network_import(path, format, &error);
    g_remove(path);
    g_assert_no_error(error);
    assert_same_nodes(net, again);
    g_assert_cmpuint(wn_network_tie_count(again), ==, 6);
    g_assert_cmpuint(wn_network_conflict_count(again), ==, 0);
    for (gsize t = 0; t < 6; t++) {
        g_assert_cmpint(wn_network_tie_kind(again, t), ==, wn_network_tie_kind(net, t));
        g_assert_cmpfloat(wn_network_tie_weight(again, t), ==, wn_network_tie_weight(net, t));
        g_assert_cmpstr(wn_network_tie_attribute(again, t, "support_kind"), ==,
                        wn_network_tie_attribute(net, t, "support_kind"));
    }
}

/* Pajek carries no kinds: every node is a resident, and a warning says so; a two-mode
 * network (*Vertices 3 1) makes the second mode groups. Unlisted vertices are numbered. */
static void
test_import_pajek_two_mode_and_warnings(void)
{
    g_autofree char *path =
        wn_test_write_temp("% two-mode\n*Network clubs\n*Vertices 3 1\n1 \"ann\"\n"
                           "2 \"koor\" 0.1 0.2 0.5\n*Edgeslist\n1 2 3\n",
                           "");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_import(path, WN_FORMAT_PAJEK, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(wn_network_node_id(net, 2), ==, "3");
    g_assert_cmpint(wn_network_node_kind(net, 0), ==, WN_NODE_RESIDENT);
    g_assert_cmpint(wn_network_node_kind(net, 1), ==, WN_NODE_GROUP);
    g_assert_cmpint(wn_network_node_kind(net, 2), ==, WN_NODE_GROUP);
    g_assert_cmpuint(wn_network_tie_count(net), ==, 2);
    g_assert_cmpstr(wn_network_metadata(net, "title"), ==, "clubs");
    const GPtrArray *warnings = wn_network_warnings(net);
    g_assert_cmpuint(warnings->len, ==, 1);
    g_autofree char *want = g_strdup_printf("%s: 1 node without a kind (type) imported as "
                                            "resident",
                                            path);
    g_assert_cmpstr(g_ptr_array_index(warnings, 0), ==, want);
    g_remove(path);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_data_func("/formats/save/round-trip-keeps-karate", karate, test_save_round_trip);
    g_test_add_data_func("/formats/save/round-trip-keeps-davis", davis, test_save_round_trip);
    g_test_add_data_func("/formats/save/round-trip-keeps-attributes-conflicts-positions", wijk,
                         test_save_round_trip);
    g_test_add_data_func("/formats/save/round-trip-keeps-directed-arcs", directed,
                         test_save_round_trip);
    g_test_add_func("/formats/save/writes-fieldwork-files", test_save_writes_fieldwork_files);
    g_test_add_func("/formats/save/splits-pair-weight-over-arcs",
                    test_save_splits_pair_weight_over_arcs);
    g_test_add_func("/formats/save/refuses-folder-it-cannot-create",
                    test_save_refuses_folder_it_cannot_create);
    g_test_add_func("/formats/export/leaves-labels-out-by-default",
                    test_export_leaves_labels_out_by_default);
    g_test_add_func("/formats/export/with-measures-adds-centrality",
                    test_export_with_measures_adds_centrality);
    g_test_add_func("/formats/export/pajek-refuses-quote-in-id",
                    test_export_pajek_refuses_quote_in_id);
    g_test_add_func("/formats/export/lookup-knows-names-and-aliases",
                    test_format_lookup_knows_names_and_aliases);
    for (gsize i = 0; i < G_N_ELEMENTS(bad_imports); i++) {
        g_autofree char *name = g_strdup_printf("/formats/import/refuses/%s", bad_imports[i].rule);
        g_test_add_data_func(name, &bad_imports[i], test_import_refuses_bad_file);
    }
    g_test_add_data_func("/formats/import/graphml-reads-own-export",
                         GINT_TO_POINTER(WN_FORMAT_GRAPHML), test_import_reads_own_export);
    g_test_add_data_func("/formats/import/gml-reads-own-export", GINT_TO_POINTER(WN_FORMAT_GML),
                         test_import_reads_own_export);
    g_test_add_data_func("/formats/import/node-link-reads-own-export",
                         GINT_TO_POINTER(WN_FORMAT_NODE_LINK), test_import_reads_own_export);
    g_test_add_func("/formats/import/pajek-two-mode-and-warnings",
                    test_import_pajek_two_mode_and_warnings);
    return g_test_run();
}
