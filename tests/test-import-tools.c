/* test-import-tools.c: imports from UCINET and Network Canvas; what an import keeps and warns */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* Imports @path, mapping node and edge types by @types (or NULL), asserting it imports. */
static WnNetwork *
import_types(const char *path, WnFormat format, const char *types)
{
    g_autoptr(GError) error = NULL;
    WnImportOptions opts = WN_IMPORT_OPTIONS_INIT;
    opts.types = types;
    WnNetwork *net = wn_network_import_full(path, format, &opts, &error);
    g_assert_no_error(error);
    return net;
}

/* Imports tests/data/@folder/@name (import_types). */
static WnNetwork *
import_test_file_types(const char *folder, const char *name, WnFormat format, const char *types)
{
    g_autofree char *path = g_test_build_filename(G_TEST_DIST, "data", folder, name, NULL);
    return import_types(path, format, types);
}

static WnNetwork *
import_test_file(const char *folder, const char *name, WnFormat format)
{
    return import_test_file_types(folder, name, format, NULL);
}

static void
assert_tie(const WnNetwork *net, gsize t, const char *source, const char *target, WnTieKind kind,
           double weight)
{
    gsize s = 0, e = 0;
    wn_network_tie_ends(net, t, &s, &e);
    g_assert_cmpstr(wn_network_node_id(net, s), ==, source);
    g_assert_cmpstr(wn_network_node_id(net, e), ==, target);
    g_assert_cmpint(wn_network_tie_kind(net, t), ==, kind);
    g_assert_cmpfloat(wn_network_tie_weight(net, t), ==, weight);
}

/* fullmatrix.dl: a symmetric 4 x 4 matrix with labels, so undirected, one tie per pair:
 *   anna -2- bram,  anna -1- "cem yilmaz",  dewi (no tie, kept) */
static void
test_import_ucinet_symmetric_matrix_is_undirected(void)
{
    g_autoptr(WnNetwork) net =
        import_test_file("formats-ucinet-files", "fullmatrix.dl", WN_FORMAT_UCINET);
    g_assert_false(wn_network_is_directed(net));
    g_assert_cmpuint(wn_network_node_count(net), ==, 4);
    g_assert_cmpstr(wn_network_node_id(net, 2), ==, "cem yilmaz");
    g_assert_cmpstr(wn_network_node_id(net, 3), ==, "dewi");
    g_assert_cmpuint(wn_network_tie_count(net), ==, 2);
    assert_tie(net, 0, "anna", "bram", WN_TIE_ACQUAINTANCE, 2);
    assert_tie(net, 1, "anna", "cem yilmaz", WN_TIE_ACQUAINTANCE, 1);
}

/* embedded.dl: labels embedded, a -> b (1), b -> c (3): not symmetric, so directed. */
static void
test_import_ucinet_asymmetric_matrix_is_directed(void)
{
    g_autoptr(WnNetwork) net =
        import_test_file("formats-ucinet-files", "embedded.dl", WN_FORMAT_UCINET);
    g_assert_true(wn_network_is_directed(net));
    g_assert_cmpuint(wn_network_tie_count(net), ==, 2);
    assert_tie(net, 0, "a", "b", WN_TIE_ACQUAINTANCE, 1);
    assert_tie(net, 1, "b", "c", WN_TIE_ACQUAINTANCE, 3);
}

/* edgelist1.dl: anna <-> bram (2 both ways) and bram -> cem: directed; n=4 but three labels
 * appear, so one node is left out with a warning. nodelist1.dl: p -> q, p -> r, q -> p,
 * r -> p is symmetric: p - q and p - r, undirected; s has no tie. */
static void
test_import_ucinet_edge_and_node_lists(void)
{
    g_autoptr(WnNetwork) edges =
        import_test_file("formats-ucinet-files", "edgelist1.dl", WN_FORMAT_UCINET);
    g_assert_true(wn_network_is_directed(edges));
    g_assert_cmpuint(wn_network_node_count(edges), ==, 3);
    g_assert_cmpuint(wn_network_tie_count(edges), ==, 2);
    assert_tie(edges, 0, "anna", "bram", WN_TIE_ACQUAINTANCE, 4); /* two arcs of 2 */
    assert_tie(edges, 1, "bram", "cem", WN_TIE_ACQUAINTANCE, 1);
    const char *warning = g_ptr_array_index(wn_network_warnings(edges), 0);
    g_assert_nonnull(strstr(warning, "edgelist1.dl: n=4 but 3 labels appear in the data; 1 node "
                                     "never named is left out"));
    g_autoptr(WnNetwork) nodes =
        import_test_file("formats-ucinet-files", "nodelist1.dl", WN_FORMAT_UCINET);
    g_assert_false(wn_network_is_directed(nodes));
    g_assert_cmpuint(wn_network_node_count(nodes), ==, 4);
    g_assert_cmpuint(wn_network_tie_count(nodes), ==, 2);
    assert_tie(nodes, 0, "p", "q", WN_TIE_ACQUAINTANCE, 1);
    assert_tie(nodes, 1, "p", "r", WN_TIE_ACQUAINTANCE, 1);
}

/* multiplex.dl: nm=2 with matrix labels family and collega: ans - bo is a family tie;
 * ans - cas is of no wijknet kind, so an acquaintance with original_type "collega". */
static void
test_import_ucinet_matrices_become_tie_kinds(void)
{
    g_autoptr(WnNetwork) net =
        import_test_file("formats-ucinet-files", "multiplex.dl", WN_FORMAT_UCINET);
    g_assert_cmpuint(wn_network_tie_count(net), ==, 2);
    assert_tie(net, 0, "ans", "bo", WN_TIE_FAMILY, 1);
    assert_tie(net, 1, "ans", "cas", WN_TIE_ACQUAINTANCE, 1);
    g_assert_cmpstr(wn_network_tie_attribute(net, 1, "original_type"), ==, "collega");
    g_assert_null(wn_network_tie_attribute(net, 0, "original_type"));
}

/* The export writes labels (keeping r5, who has no tie) and each undirected tie both
 * ways; reading it back gives the same ids, ties and weights, without the conflicts. */
static void
test_import_ucinet_reads_own_export(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "formats-wijk");
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = wn_network_to_format(net, WN_FORMAT_UCINET, 0, warnings, &error);
    g_assert_no_error(error);
    g_assert_true(g_str_has_prefix(text, "dl n=8 format=edgelist1\nlabels:\nr1\nr2\n"));
    g_assert_nonnull(strstr(text, "data:\n1 2 3.5\n2 1 3.5\n"));
    g_assert_cmpstr(g_ptr_array_index(warnings, 1), ==,
                    "ucinet carries ids, ties and weights only; left out: node kind, node area, "
                    "node vulnerable, node lat, node lon, node interests, node language, tie "
                    "kind, tie formal, tie support_kind, tie since");
    g_autofree char *path = wn_test_write_temp(text, "");
    g_autoptr(WnNetwork) again = wn_network_import(path, WN_FORMAT_UCINET, &error);
    g_remove(path);
    g_assert_no_error(error);
    g_assert_false(wn_network_is_directed(again));
    g_assert_cmpuint(wn_network_node_count(again), ==, 8);
    g_assert_cmpuint(wn_network_tie_count(again), ==, 6);
    for (gsize v = 0; v < 8; v++) {
        g_assert_cmpstr(wn_network_node_id(again, v), ==, wn_network_node_id(net, v));
    }
    /* the import orders ties by their ends, so match each pair (ids kept node order) */
    for (gsize t = 0; t < 6; t++) {
        gsize s = 0, e = 0, found = 0;
        wn_network_tie_ends(net, t, &s, &e);
        for (gsize u = 0; u < 6; u++) {
            gsize s2 = 0, e2 = 0;
            wn_network_tie_ends(again, u, &s2, &e2);
            found += MIN(s, e) == MIN(s2, e2) && MAX(s, e) == MAX(s2, e2) &&
                     wn_network_tie_weight(again, u) == wn_network_tie_weight(net, t);
        }
        g_assert_cmpuint(found, ==, 1);
    }
}

/*
 * tests/data/formats-nc-interview, one made-up interview:
 *   ego - every alter (implied acquaintance);  1 -Close- 2 -Close- 3,  1 -Family- 3
 *   4: Organisatie (organisation), 1-3: Person (resident), 5: Venue (a group by --types)
 * Files are read in name order: Organisatie, Person, Venue; Close, Family.
 */
static void
test_import_network_canvas_interview(void)
{
    g_autoptr(WnNetwork) net = import_test_file_types("formats-nc-interview", ".",
                                                      WN_FORMAT_NETWORK_CANVAS, "Venue=group");
    static const char *const ids[] = {"ego", "4", "1", "2", "3", "5"};
    static const WnNodeKind kinds[] = {WN_NODE_RESIDENT, WN_NODE_ORGANISATION, WN_NODE_RESIDENT,
                                       WN_NODE_RESIDENT, WN_NODE_RESIDENT,     WN_NODE_GROUP};
    g_assert_cmpuint(wn_network_node_count(net), ==, 6);
    for (gsize v = 0; v < 6; v++) {
        g_assert_cmpstr(wn_network_node_id(net, v), ==, ids[v]);
        g_assert_cmpint(wn_network_node_kind(net, v), ==, kinds[v]);
    }
    double lat = 0, lon = 0;
    g_assert_cmpstr(wn_network_node_label(net, 2), ==, "Sanne");
    g_assert_false(wn_network_node_position(net, 2, &lat, &lon)); /* Cords are screen layout */
    g_assert_cmpstr(wn_network_node_attribute(net, 2, "cords_x"), ==, "0.25");
    g_assert_cmpstr(wn_network_node_attribute(net, 2, "rol_buur"), ==, "true");
    g_assert_cmpstr(wn_network_node_attribute(net, 5, "nc_type"), ==, "Venue");
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "networkcanvasuuid"), ==,
                    "e0000000-0000-4000-8000-0000000000e0");
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "woonduur"), ==, "12");
    g_assert_cmpstr(wn_network_metadata(net, "networkCanvasProtocolName"), ==, "Buurtnetwerk");
    g_assert_cmpuint(wn_network_tie_count(net), ==, 8);
    assert_tie(net, 0, "1", "2", WN_TIE_ACQUAINTANCE, 1);
    g_assert_cmpstr(wn_network_tie_attribute(net, 0, "nc_edge_type"), ==, "Close");
    g_assert_cmpstr(wn_network_tie_attribute(net, 0, "sinds"), ==, "2019");
    assert_tie(net, 2, "1", "3", WN_TIE_FAMILY, 1);
    assert_tie(net, 3, "ego", "4", WN_TIE_ACQUAINTANCE, 1);
    g_assert_cmpstr(wn_network_tie_attribute(net, 7, "nc_edge_type"), ==, "ego");
    const GPtrArray *warnings = wn_network_warnings(net);
    g_assert_cmpuint(warnings->len, ==, 2);
    g_assert_true(g_str_has_suffix(g_ptr_array_index(warnings, 1),
                                   ": 5 ties from ego to each alter added as acquaintance "
                                   "(implied: ego named them; nc_edge_type \"ego\")"));
}

/* Network Canvas: a bad interview folder, written file by file ("name", "text" pairs;
 * P_ is the prefix, E the ego's UUID). DIR and FILE (the last file) stand for paths. */
typedef struct {
    const char *rule;
    const char *files[8];
    WnError code;
    const char *message;
} BadInterview;

#define NC_EGO "networkCanvasEgoUUID,networkCanvasCaseID\nE,c1\n"
#define NC_PERSON "nodeID,networkCanvasEgoUUID,networkCanvasUUID\n1,E,u1\n2,E,u2\n"
static const BadInterview bad_interviews[] = {
    {"no-ego-file",
     {"P_attributeList_Person.csv", NC_PERSON},
     WN_ERROR_INVALID,
     "DIR: expected a Network Canvas ego file (<prefix>_ego.csv), got none"},
    {"two-interviews",
     {"P_ego.csv", NC_EGO, "Q_ego.csv", NC_EGO},
     WN_ERROR_INVALID,
     "DIR: expected the CSV files of one interview, got two: \"P\" and \"Q\" (give one file of "
     "the interview to read)"},
    {"two-ego-rows",
     {"P_ego.csv", NC_EGO "F,c1\n"},
     WN_ERROR_PARSE,
     "FILE:2:1: expected one row (the ego) after the header, got 2"},
    {"no-node-id-column",
     {"P_ego.csv", NC_EGO, "P_attributeList_Person.csv", "id,networkCanvasEgoUUID\n1,E\n"},
     WN_ERROR_PARSE,
     "FILE:1:1: expected a column named nodeID in the header, got none"},
    {"alter-of-another-ego",
     {"P_ego.csv", NC_EGO, "P_attributeList_Person.csv",
      "nodeID,networkCanvasEgoUUID,networkCanvasUUID\n1,E\n2,X,u2\n"},
     WN_ERROR_INVALID,
     "FILE:3:2: expected the ego's networkCanvasEgoUUID \"E\", got \"X\""},
    {"edge-to-unknown-node",
     {"P_ego.csv", NC_EGO, "P_attributeList_Person.csv", NC_PERSON, "P_edgeList_Close.csv",
      "edgeID,from,to,networkCanvasEgoUUID\n1,1,2,E\n2,1,9,E\n"},
     WN_ERROR_INVALID,
     "FILE:3:3: expected the nodeID of a node in an attribute list, got \"9\""},
    {"duplicate-node-id",
     {"P_ego.csv", NC_EGO, "P_attributeList_Person.csv", NC_PERSON, "P_attributeList_Place.csv",
      "nodeID,networkCanvasEgoUUID,networkCanvasUUID\n2,E,u3\n"},
     WN_ERROR_INVALID,
     "FILE:2:1: expected a new node id, got \"2\" again"},
};

static void
test_import_network_canvas_refuses_bad_interview(gconstpointer data)
{
    const BadInterview *c = data;
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *last = NULL;
    for (gsize i = 0; c->files[i] != NULL; i += 2) {
        g_free(last);
        last = g_build_filename(dir, c->files[i], NULL);
        g_assert_true(g_file_set_contents(last, c->files[i + 1], -1, NULL));
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_import(dir, WN_FORMAT_NETWORK_CANVAS, &error);
    g_assert_null(net);
    g_assert_error(error, WN_ERROR, (gint) c->code);
    g_autoptr(GString) want = g_string_new(c->message);
    g_string_replace(want, "DIR", dir, 1);
    g_string_replace(want, "FILE", last, 1);
    g_assert_cmpstr(error->message, ==, want->str);
    wn_test_remove_tree(dir);
}

/* Given one file, only its interview is read, though another shares the folder. */
static void
test_import_network_canvas_file_picks_its_interview(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *p_ego = g_build_filename(dir, "P_ego.csv", NULL);
    g_autofree char *q_ego = g_build_filename(dir, "Q_ego.csv", NULL);
    g_autofree char *q_person = g_build_filename(dir, "Q_attributeList_Person.csv", NULL);
    g_assert_true(g_file_set_contents(p_ego, NC_EGO, -1, NULL));
    g_assert_true(g_file_set_contents(q_ego, NC_EGO, -1, NULL));
    g_assert_true(g_file_set_contents(q_person, NC_PERSON, -1, NULL));
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) p = wn_network_import(p_ego, WN_FORMAT_NETWORK_CANVAS, &error);
    g_assert_no_error(error);
    g_autoptr(WnNetwork) q = wn_network_import(q_person, WN_FORMAT_NETWORK_CANVAS, &error);
    g_assert_no_error(error);
    wn_test_remove_tree(dir);
    g_assert_cmpuint(wn_network_node_count(p), ==, 1);
    g_assert_cmpuint(wn_network_node_count(q), ==, 3);
    g_assert_cmpuint(wn_network_tie_count(q), ==, 2);
}

/*
 * tests/data/formats-nc-graphml/interview.graphml, the interview above as Network Canvas's
 * GraphML export writes it (variable keys are UUIDs, attr.name the readable names):
 *   ego - every alter (implied);  1 -Close- 2 -Close- 3,  1 -Family- 3
 *   1-3: Person (resident), 4: Organisatie (organisation, label only), 5: Venue (resident)
 * Nodes come in file order after ego; the file's edges come before ego's ties.
 */
static void
test_import_network_canvas_graphml_interview(void)
{
    g_autoptr(WnNetwork) net = import_test_file_types("formats-nc-graphml", "interview.graphml",
                                                      WN_FORMAT_NETWORK_CANVAS, "venue=groep");
    static const WnNodeKind kinds[] = {WN_NODE_RESIDENT, WN_NODE_RESIDENT,     WN_NODE_RESIDENT,
                                       WN_NODE_RESIDENT, WN_NODE_ORGANISATION, WN_NODE_GROUP};
    static const char *const labels[] = {NULL,       "Sanne", "Joris", "Noor", "Buurthuis De Linde",
                                         "Weekmarkt"};
    g_assert_false(wn_network_is_directed(net));
    g_assert_cmpuint(wn_network_node_count(net), ==, 6);
    g_assert_cmpstr(wn_network_node_id(net, 0), ==, "ego");
    for (gsize v = 0; v < 6; v++) {
        g_assert_cmpint(wn_network_node_kind(net, v), ==, kinds[v]);
        g_assert_cmpstr(wn_network_node_label(net, v), ==, labels[v]);
    }
    double lat = 0, lon = 0;
    g_assert_false(wn_network_node_position(net, 1, &lat, &lon)); /* layout is not lat/lon */
    g_assert_cmpstr(wn_network_node_attribute(net, 1, "cords_x"), ==, "0.25");
    g_assert_cmpstr(wn_network_node_attribute(net, 1, "cords_y"), ==, "0.5");
    g_assert_cmpstr(wn_network_node_attribute(net, 2, "rol_familie"), ==, "true");
    g_assert_cmpstr(wn_network_node_attribute(net, 2, "contact"), ==, "Dagelijks");
    g_assert_cmpstr(wn_network_node_attribute(net, 4, "soort"), ==, "welzijn");
    g_assert_cmpstr(wn_network_node_attribute(net, 5, "nc_type"), ==, "Venue");
    g_assert_cmpstr(wn_network_node_attribute(net, 1, "networkcanvasuuid"), ==,
                    "a1000000-0000-4000-8000-000000000001");
    g_assert_null(wn_network_node_attribute(net, 1, "name")); /* the name is the label */
    /* ego: the resident with the ego variables (for="graph") and its UUID */
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "nc_type"), ==, "ego");
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "networkcanvasuuid"), ==,
                    "e0000000-0000-4000-8000-0000000000e8");
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "woonduur"), ==, "12");
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "hulp_boodschappen"), ==, "true");
    /* nc:* session attributes: metadata under the CSV ego file's names */
    g_assert_cmpstr(wn_network_metadata(net, "networkCanvasCaseID"), ==, "wijk_8");
    g_assert_cmpstr(wn_network_metadata(net, "networkCanvasProtocolName"), ==, "Buurtnetwerk");
    g_assert_cmpstr(wn_network_metadata(net, "sessionExported"), ==, "2025-04-02T09:00:00.000Z");
    g_assert_cmpstr(wn_network_metadata(net, "networkCanvasCodebookHash"), ==, "c0ffee00");
    g_assert_cmpuint(wn_network_tie_count(net), ==, 8);
    assert_tie(net, 0, "1", "2", WN_TIE_ACQUAINTANCE, 1);
    g_assert_cmpstr(wn_network_tie_attribute(net, 0, "nc_edge_type"), ==, "Close");
    g_assert_cmpstr(wn_network_tie_attribute(net, 0, "sinds"), ==, "2019");
    g_assert_null(wn_network_tie_attribute(net, 0, "networkcanvassourceuuid"));
    assert_tie(net, 2, "1", "3", WN_TIE_FAMILY, 1);
    assert_tie(net, 3, "ego", "1", WN_TIE_ACQUAINTANCE, 1);
    assert_tie(net, 7, "ego", "5", WN_TIE_ACQUAINTANCE, 1);
    g_assert_cmpstr(wn_network_tie_attribute(net, 7, "nc_edge_type"), ==, "ego");
    const GPtrArray *warnings = wn_network_warnings(net);
    g_assert_cmpuint(warnings->len, ==, 2);
    g_assert_true(g_str_has_suffix(g_ptr_array_index(warnings, 0),
                                   "interview.graphml: edge type \"Close\" is no wijknet tie "
                                   "kind: its 2 ties are imported as acquaintance (nc_edge_type "
                                   "keeps the type)"));
}

/* interview-directed.xml (no .graphml: found by its namespace), edgedefault="directed":
 *   Kees (Professional) -support-> Fatima (Person);  ego -> each */
static void
test_import_network_canvas_graphml_directed_by_namespace(void)
{
    g_autoptr(WnNetwork) net =
        import_test_file("formats-nc-graphml", "interview-directed.xml", WN_FORMAT_NETWORK_CANVAS);
    g_assert_true(wn_network_is_directed(net));
    g_assert_cmpuint(wn_network_node_count(net), ==, 3);
    g_assert_cmpint(wn_network_node_kind(net, 2), ==, WN_NODE_PROFESSIONAL);
    g_assert_cmpuint(wn_network_tie_count(net), ==, 3);
    assert_tie(net, 0, "2", "1", WN_TIE_SUPPORT, 1);
    assert_tie(net, 1, "ego", "1", WN_TIE_ACQUAINTANCE, 1);
    g_assert_cmpstr(wn_network_metadata(net, "networkCanvasCaseID"), ==, "wijk_9");
}

/* Read as plain GraphML, the export keeps working: attr.name columns, no ego, a hint. */
static void
test_import_graphml_reads_network_canvas_plainly(void)
{
    g_autoptr(WnNetwork) net =
        import_test_file("formats-nc-graphml", "interview.graphml", WN_FORMAT_GRAPHML);
    g_assert_cmpuint(wn_network_node_count(net), ==, 5);
    g_assert_cmpuint(wn_network_tie_count(net), ==, 3);
    g_assert_cmpstr(wn_network_node_id(net, 0), ==, "1");
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "networkcanvastype"), ==, "Person");
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "cords_x"), ==, "0.25");
    g_assert_cmpstr(wn_network_metadata(net, "Woonduur"), ==, "12");
    const GPtrArray *warnings = wn_network_warnings(net);
    g_assert_cmpuint(warnings->len, ==, 2);
    g_assert_true(g_str_has_suffix(g_ptr_array_index(warnings, 0),
                                   "interview.graphml: a Network Canvas export, read as plain "
                                   "GraphML (import it as network-canvas to map its node types, "
                                   "edge types and ego)"));
}

/* Unknown kinds and the names the format uses itself are kept as original_NAME (the
 * type Person, mapped by --types, too); self-ties are left out and repeated ties merged,
 * each with a warning. */
static void
test_import_node_link_keeps_unknown_values(void)
{
    g_autofree char *path = wn_test_write_temp(
        "{\"directed\": false, \"graph\": {\"name\": \"x\"}, \"nodes\": ["
        "{\"id\": 1, \"type\": \"Person\", \"talen\": [\"nl\", \"tr\"]}, {\"id\": 2}],"
        "\"links\": [{\"source\": 1, \"target\": 2, \"weight\": 2}, {\"source\": 2, "
        "\"target\": 1, \"weight\": 0.5}, {\"source\": 1, \"target\": 1}]}",
        "");
    g_autoptr(WnNetwork) net = import_types(path, WN_FORMAT_NODE_LINK, "Person=resident");
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "original_type"), ==, "Person");
    g_assert_cmpint(wn_network_node_kind(net, 0), ==, WN_NODE_RESIDENT);
    g_assert_cmpstr(wn_network_node_attribute(net, 0, "talen"), ==, "nl|tr");
    g_assert_cmpstr(wn_network_metadata(net, "name"), ==, "x");
    g_assert_cmpuint(wn_network_tie_count(net), ==, 1);
    g_assert_cmpfloat(wn_network_tie_weight(net, 0), ==, 2.5);
    const GPtrArray *warnings = wn_network_warnings(net);
    g_assert_cmpuint(warnings->len, ==, 4);
    g_autofree char *renamed = g_strdup_printf(
        "%s: values named \"type\" are kept as \"original_type\" (not a node kind)", path);
    g_autofree char *self = g_strdup_printf("%s: 1 self-tie left out", path);
    g_assert_cmpstr(g_ptr_array_index(warnings, 0), ==, renamed);
    g_assert_cmpstr(g_ptr_array_index(warnings, 2), ==, self);
    g_remove(path);
}

/* The rules' warnings name the user's file and where the node is in it, as the
 * loader's name nodes.csv and its line. */
static void
test_import_warns_at_users_file(void)
{
    g_autofree char *path = wn_test_write_temp(
        "<graphml><key id=\"y\" for=\"node\" attr.name=\"lat\"/><graph>\n<node id=\"a\">"
        "<data key=\"y\">52</data></node>\n<node id=\"A\"/></graph></graphml>",
        ".graphml");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_import(path, WN_FORMAT_GRAPHML, &error);
    g_remove(path);
    g_assert_no_error(error);
    const GPtrArray *warnings = wn_network_warnings(net);
    g_assert_cmpuint(warnings->len, ==, 3);
    g_autofree char *half = g_strdup_printf(
        "%s:2:15: node \"a\" has only one of lat and lon; its position is unknown", path);
    g_autofree char *confusable =
        g_strdup_printf("%s:3:15: node id \"A\" differs from \"a\" only in case or Unicode "
                        "normalisation; they are different nodes",
                        path);
    g_assert_cmpstr(g_ptr_array_index(warnings, 1), ==, half);
    g_assert_cmpstr(g_ptr_array_index(warnings, 2), ==, confusable);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/formats/import/node-link-keeps-unknown-values",
                    test_import_node_link_keeps_unknown_values);
    g_test_add_func("/formats/import/warns-at-users-file", test_import_warns_at_users_file);
    g_test_add_func("/formats/import/ucinet-symmetric-matrix-is-undirected",
                    test_import_ucinet_symmetric_matrix_is_undirected);
    g_test_add_func("/formats/import/ucinet-asymmetric-matrix-is-directed",
                    test_import_ucinet_asymmetric_matrix_is_directed);
    g_test_add_func("/formats/import/ucinet-edge-and-node-lists",
                    test_import_ucinet_edge_and_node_lists);
    g_test_add_func("/formats/import/ucinet-matrices-become-tie-kinds",
                    test_import_ucinet_matrices_become_tie_kinds);
    g_test_add_func("/formats/import/ucinet-reads-own-export", test_import_ucinet_reads_own_export);
    g_test_add_func("/formats/import/network-canvas-interview",
                    test_import_network_canvas_interview);
    g_test_add_func("/formats/import/network-canvas-file-picks-its-interview",
                    test_import_network_canvas_file_picks_its_interview);
    g_test_add_func("/formats/import/network-canvas-graphml-interview",
                    test_import_network_canvas_graphml_interview);
    g_test_add_func("/formats/import/network-canvas-graphml-directed-found-by-namespace",
                    test_import_network_canvas_graphml_directed_by_namespace);
    g_test_add_func("/formats/import/graphml-reads-network-canvas-plainly",
                    test_import_graphml_reads_network_canvas_plainly);
    for (gsize i = 0; i < G_N_ELEMENTS(bad_interviews); i++) {
        g_autofree char *name =
            g_strdup_printf("/formats/import/network-canvas-refuses/%s", bad_interviews[i].rule);
        g_test_add_data_func(name, &bad_interviews[i],
                             test_import_network_canvas_refuses_bad_interview);
    }
    return g_test_run();
}
