/* test-load.c: the fieldwork loader, rule by rule (docs/FORMAT.md), and every input it refuses */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>
#include <string.h>

static char *
data_dir(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "data", name, NULL);
}

/* Asserts the warnings, each after "<dataset folder>/": */
static void
assert_messages(const GPtrArray *got, const char *dataset, const char *const *want)
{
    g_autofree char *dir = data_dir(dataset);
    gsize n = g_strv_length((char **) want);
    g_assert_cmpuint(got->len, ==, n);
    for (gsize i = 0; i < n; i++) {
        g_autofree char *expected = g_strdup_printf("%s/%s", dir, want[i]);
        g_assert_cmpstr(g_ptr_array_index(got, i), ==, expected);
    }
}

/*
 * load-rules-comma: a UTF-8 file with a byte-order mark, a comment before the header,
 * a header " ID , Type ,Label,AREA,…" (spaces, mixed case), an empty line, a comment
 * between rows, a quoted label with doubled quotes, one with a newline (line 5-6),
 * one with a `;` inside (the header has commas, so `;` is text), and every Dutch alias.
 *   a(bewoner) - b(resident)  friend 2.5
 *   a - c(groep)              member, weight 1 by default
 *   b - e(professional)       acquaintance by default: formal
 *   d(organisatie), f … j     no ties
 */
static void
test_bom_comments_and_empty_lines_are_ignored(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    static const char *const ids[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
    g_assert_cmpuint(wn_network_node_count(net), ==, G_N_ELEMENTS(ids));
    for (gsize i = 0; i < G_N_ELEMENTS(ids); i++) {
        g_assert_cmpstr(wn_network_node_id(net, i), ==, ids[i]);
    }
    g_assert_cmpuint(wn_network_tie_count(net), ==, 3);
}

static void
test_headers_are_case_insensitive_and_trimmed(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    gsize a = wn_test_node(net, "a");
    g_assert_cmpstr(wn_network_node_area(net, a), ==, "BU1");
    g_assert_cmpstr(wn_network_node_area(net, wn_test_node(net, "d")), ==, NULL);
    /* " TARGET " in ties.csv is the target column: a's first tie goes to b */
    gsize s = 0, e = 0;
    wn_network_tie_ends(net, 0, &s, &e);
    g_assert_cmpuint(s, ==, a);
    g_assert_cmpuint(e, ==, wn_test_node(net, "b"));
}

static void
test_quoted_fields_keep_doubled_quotes_and_newlines(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    g_assert_cmpstr(wn_network_node_label(net, wn_test_node(net, "a")), ==,
                    "Anna \"Ans\" de Vries");
    g_assert_cmpstr(wn_network_node_label(net, wn_test_node(net, "b")), ==, "Bram\nvan Dijk");
    g_assert_cmpstr(wn_network_tie_attribute(net, wn_test_tie(net, "a", "b"), "note"), ==,
                    "met at \"de Kaffee\", weekly");
}

static void
test_comma_header_keeps_semicolons_in_cells(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    g_assert_cmpstr(wn_network_node_label(net, wn_test_node(net, "c")), ==, "Naaiclub; De Draad");
}

static void
test_ids_are_trimmed(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    /* " b " in nodes.csv and " b " in ties.csv are both b */
    g_assert_cmpstr(wn_network_node_id(net, 1), ==, "b");
    gsize unused = 0;
    g_assert_false(wn_network_node_lookup(net, " b ", &unused));
    g_assert_cmpuint(wn_test_tie(net, "a", "b"), ==, 0);
}

static void
test_dutch_type_aliases(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    g_assert_cmpint(wn_network_node_kind(net, wn_test_node(net, "a")), ==, WN_NODE_RESIDENT);
    g_assert_cmpint(wn_network_node_kind(net, wn_test_node(net, "b")), ==, WN_NODE_RESIDENT);
    g_assert_cmpint(wn_network_node_kind(net, wn_test_node(net, "c")), ==, WN_NODE_GROUP);
    g_assert_cmpint(wn_network_node_kind(net, wn_test_node(net, "d")), ==, WN_NODE_ORGANISATION);
    g_assert_cmpint(wn_network_node_kind(net, wn_test_node(net, "e")), ==, WN_NODE_PROFESSIONAL);
    g_assert_cmpint(wn_network_node_kind(net, wn_test_node(net, "f")), ==,
                    WN_NODE_RESIDENT); /* Resident */
}

static void
test_vulnerable_spellings(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    /* a ja, b nee, c empty, d yes, e no, f true, g false, h 1, i 0, j TRUE */
    static const gboolean want[] = {TRUE, FALSE, FALSE, TRUE,  FALSE,
                                    TRUE, FALSE, TRUE,  FALSE, TRUE};
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++) {
        g_assert_cmpint(wn_network_node_vulnerable(net, i), ==, want[i]);
    }
}

static void
test_position_needs_lat_and_lon(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    double lat = 0, lon = 0;
    g_assert_true(wn_network_node_position(net, wn_test_node(net, "a"), &lat, &lon));
    g_assert_cmpfloat_with_epsilon(lat, 52.1, 1e-12);
    g_assert_cmpfloat_with_epsilon(lon, 5.1, 1e-12);
    g_assert_true(wn_network_node_position(net, wn_test_node(net, "g"), &lat, &lon));
    g_assert_cmpfloat_with_epsilon(lat, -33.9, 1e-12);
    g_assert_cmpfloat_with_epsilon(lon, -151.2, 1e-12);
    g_assert_false(wn_network_node_position(net, wn_test_node(net, "b"), &lat, &lon));
    g_assert_false(
        wn_network_node_position(net, wn_test_node(net, "e"), &lat, &lon)); /* lat only */
    static const char *const warnings[] = {
        "nodes.csv:10: node \"e\" has only one of lat and lon; its position is "
        "unknown",
        NULL};
    assert_messages(wn_network_warnings(net), "load-rules-comma", warnings);
}

static void
test_unknown_node_columns_are_kept_raw(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    const GPtrArray *names = wn_network_node_attribute_names(net);
    g_assert_cmpuint(names->len, ==, 2);
    g_assert_cmpstr(*(const char *const *) g_ptr_array_index(names, 0), ==, "hobbies");
    g_assert_cmpstr(*(const char *const *) g_ptr_array_index(names, 1), ==, "taal");
    g_assert_cmpstr(wn_network_node_attribute(net, wn_test_node(net, "a"), "hobbies"), ==,
                    "koken|wandelen");
    g_assert_cmpstr(wn_network_node_attribute(net, wn_test_node(net, "a"), "Hobbies"), ==,
                    "koken|wandelen");
    g_assert_cmpstr(wn_network_node_attribute(net, wn_test_node(net, "e"), "taal"), ==, "en");
    g_assert_cmpstr(wn_network_node_attribute(net, wn_test_node(net, "b"), "taal"), ==, NULL);
    g_assert_cmpstr(wn_network_node_attribute(net, wn_test_node(net, "a"), "label"), ==, NULL);
}

static void
test_unknown_tie_columns_and_support_kind_are_kept(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    const GPtrArray *names = wn_network_tie_attribute_names(net);
    g_assert_cmpuint(names->len, ==, 2);
    g_assert_cmpstr(*(const char *const *) g_ptr_array_index(names, 0), ==, "support_kind");
    g_assert_cmpstr(*(const char *const *) g_ptr_array_index(names, 1), ==, "note");
    g_assert_cmpstr(wn_network_tie_attribute(net, wn_test_tie(net, "a", "b"), "support_kind"), ==,
                    "emotional|practical");
    g_assert_cmpstr(wn_network_tie_attribute(net, wn_test_tie(net, "b", "e"), "support_kind"), ==,
                    "advice");
    g_assert_cmpstr(wn_network_tie_attribute(net, wn_test_tie(net, "a", "c"), "support_kind"), ==,
                    NULL);
}

static void
test_tie_type_and_weight_default(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    gsize ab = wn_test_tie(net, "a", "b"), ac = wn_test_tie(net, "a", "c"),
          be = wn_test_tie(net, "b", "e");
    g_assert_cmpint(wn_network_tie_kind(net, ab), ==, WN_TIE_FRIEND);
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, ab), 2.5, 1e-12);
    g_assert_cmpint(wn_network_tie_kind(net, ac), ==, WN_TIE_MEMBER);
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, ac), 1.0, 1e-12);
    g_assert_cmpint(wn_network_tie_kind(net, be), ==, WN_TIE_ACQUAINTANCE);
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, be), 1.0, 1e-12);
}

/*
 * load-rules-semicolon: `;` delimiter, CRLF line ends, decimal commas, a quoted label
 * holding `;`, a header column "opmerking, kort" (its comma is quoted, so `;` wins),
 * and `;;;;;` rows at the end as spreadsheets write them.
 *   a - b 1,5    b - c 2    a - c 0,25
 */
static void
test_semicolon_delimiter_with_decimal_comma(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-semicolon");
    g_assert_cmpuint(wn_network_node_count(net), ==, 3);
    g_assert_cmpuint(wn_network_tie_count(net), ==, 3);
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, wn_test_tie(net, "a", "b")), 1.5,
                                   1e-12);
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, wn_test_tie(net, "b", "c")), 2.0,
                                   1e-12);
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, wn_test_tie(net, "a", "c")), 0.25,
                                   1e-12);
    double lat = 0, lon = 0;
    g_assert_true(wn_network_node_position(net, wn_test_node(net, "a"), &lat, &lon));
    g_assert_cmpfloat_with_epsilon(lat, 52.37, 1e-12);
    g_assert_cmpfloat_with_epsilon(lon, 4.89, 1e-12);
    g_assert_true(wn_network_node_position(net, wn_test_node(net, "b"), &lat, &lon));
    g_assert_cmpfloat_with_epsilon(lat, 52.38, 1e-12);
    g_assert_cmpfloat_with_epsilon(lon, 4.9, 1e-12);
}

static void
test_semicolon_file_keeps_quoted_text_and_crlf_is_a_line_end(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-semicolon");
    g_assert_cmpstr(wn_network_node_label(net, wn_test_node(net, "b")), ==, "Bram; de buurman");
    g_assert_cmpstr(wn_network_node_label(net, wn_test_node(net, "c")), ==, "Cor");
    g_assert_cmpstr(wn_network_node_attribute(net, wn_test_node(net, "b"), "opmerking, kort"), ==,
                    "a,b");
    g_assert_cmpstr(wn_network_node_attribute(net, wn_test_node(net, "a"), "opmerking, kort"), ==,
                    NULL);
}

/*
 * load-merge:           rows of ties.csv
 *   a - b  friend 2      b - a  neighbour 3   -> one tie a-b: friend 2 and neighbour 3, weight 5
 *   a - c  (empty) 1     c - a  family 0.5    -> one tie a-c: acquaintance 1 and family 0.5
 *   a - p  support       p is a professional  -> formal
 *   b - c  conflict      c - b  conflict      -> one conflict pair, no tie
 *   g - o  collaboration o is an organisation -> formal
 *   a - g  member        g is a group         -> informal
 * 9 rows: 1 merged (c-b), 2 adding a relation (b-a, c-a); 5 ties, 1 conflict.
 */
static void
test_repeated_pair_merges_in_either_order(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-merge");
    g_assert_cmpuint(wn_network_tie_count(net), ==, 5);
    gsize ab = wn_test_tie(net, "a", "b"), ac = wn_test_tie(net, "a", "c");
    g_assert_cmpuint(ab, ==, 0);
    g_assert_cmpuint(ac, ==, 1);
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, ab), 5.0, 1e-12);
    g_assert_cmpint(wn_network_tie_kind(net, ab), ==, WN_TIE_FRIEND);
    g_assert_cmpstr(wn_network_tie_attribute(net, ab, "since"), ==, "2019");
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, ac), 1.5, 1e-12);
    g_assert_cmpint(wn_network_tie_kind(net, ac), ==, WN_TIE_ACQUAINTANCE);
    g_assert_cmpuint(wn_network_tie_relations(net, ab), ==,
                     WN_RELATION(WN_TIE_FRIEND) | WN_RELATION(WN_TIE_NEIGHBOUR));
    g_assert_cmpfloat(wn_network_tie_relation_weight(net, ab, WN_TIE_FRIEND), ==, 2.0);
    g_assert_cmpfloat(wn_network_tie_relation_weight(net, ab, WN_TIE_NEIGHBOUR), ==, 3.0);
    g_assert_cmpfloat(wn_network_tie_relation_weight(net, ac, WN_TIE_FAMILY), ==, 0.5);
    g_assert_cmpfloat(wn_network_tie_relation_weight(net, ac, WN_TIE_FRIEND), ==, 0.0);
    static const char *const warnings[] = {
        "ties.csv: 1 repeated tie row merged into an earlier row of the same pair and type "
        "(weights added)",
        NULL};
    assert_messages(wn_network_warnings(net), "load-merge", warnings);
}

static void
test_conflicts_are_kept_aside(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-merge");
    g_assert_cmpuint(wn_network_conflict_count(net), ==, 1);
    gsize s = 0, e = 0;
    wn_network_conflict_ends(net, 0, &s, &e);
    g_assert_cmpuint(s, ==, wn_test_node(net, "b"));
    g_assert_cmpuint(e, ==, wn_test_node(net, "c"));
    for (gsize t = 0; t < wn_network_tie_count(net); t++) {
        g_assert_cmpint(wn_network_tie_kind(net, t), !=, WN_TIE_CONFLICT);
    }
}

static void
test_formal_and_informal_ties(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-merge");
    g_assert_false(wn_network_tie_is_formal(net, wn_test_tie(net, "a", "b")));
    g_assert_false(wn_network_tie_is_formal(net, wn_test_tie(net, "a", "c")));
    g_assert_true(wn_network_tie_is_formal(net, wn_test_tie(net, "a", "p")));
    g_assert_true(wn_network_tie_is_formal(net, wn_test_tie(net, "g", "o")));
    g_assert_false(wn_network_tie_is_formal(net, wn_test_tie(net, "a", "g")));
}

static void
test_summary_counts_rows_merges_and_kinds(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-merge");
    g_autoptr(GError) error = NULL;
    WnSummary s;
    g_assert_true(wn_network_summarise(net, &s, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(s.nodes, ==, 6);
    g_assert_cmpuint(s.tie_rows, ==, 9);
    g_assert_cmpuint(s.merged_rows, ==, 1);
    g_assert_cmpuint(s.relation_rows, ==, 2);
    g_assert_cmpuint(s.ties, ==, 5);
    g_assert_cmpuint(s.multiplex_ties, ==, 2);
    g_assert_cmpuint(s.ties_by_kind[WN_TIE_FRIEND], ==, 1);
    g_assert_cmpuint(s.ties_by_kind[WN_TIE_NEIGHBOUR], ==, 1); /* a relation of the friend tie */
    g_assert_cmpuint(s.ties_by_kind[WN_TIE_ACQUAINTANCE], ==, 1);
    g_assert_cmpuint(s.ties_by_kind[WN_TIE_CONFLICT], ==, 1);
    g_assert_cmpuint(s.formal_ties, ==, 2);
    g_assert_cmpuint(s.informal_ties, ==, 3);
    g_assert_cmpuint(s.components, ==, 1);
    g_assert_cmpuint(s.largest_component, ==, 6);
}

static void
test_undirected_by_default(void)
{
    g_autoptr(WnNetwork) merge = wn_test_load("data", "load-merge"); /* no dataset.json */
    g_autoptr(WnNetwork) confusable =
        wn_test_load("data", "load-confusable"); /* "directed": null */
    g_assert_false(wn_network_is_directed(merge));
    g_assert_false(wn_network_is_directed(confusable));
    g_assert_cmpstr(wn_network_metadata(merge, "title"), ==, NULL);
}

/*
 * load-directed: dataset.json says "directed": true.
 *   a -> b 1, b -> a 2, a -> b 1 (repeats a -> b), b -> c 1
 * Only the third row repeats an ordered pair: 1 merged row. The undirected tie a-b
 * carries every row between a and b: 1 + 2 + 1 = 4.
 */
static void
test_directed_dataset_merges_by_ordered_pair(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-directed");
    g_autoptr(GError) error = NULL;
    WnSummary s;
    g_assert_true(wn_network_is_directed(net));
    g_assert_true(wn_network_summarise(net, &s, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(s.tie_rows, ==, 4);
    g_assert_cmpuint(s.merged_rows, ==, 1);
    g_assert_cmpuint(s.ties, ==, 2);
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, wn_test_tie(net, "a", "b")), 4.0,
                                   1e-12);
}

static void
test_metadata_is_readable_as_text(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-directed");
    g_assert_cmpstr(wn_network_metadata(net, "title"), ==, "Burenhulp Noord");
    g_assert_cmpstr(wn_network_metadata(net, "source"), ==, "fieldwork 2024");
    g_assert_cmpstr(wn_network_metadata(net, "directed"), ==, "true");
    g_assert_cmpstr(wn_network_metadata(net, "collected"), ==,
                    "{\"from\":\"2024-01\",\"to\":\"2024-03\"}");
    g_assert_cmpstr(wn_network_metadata(net, "licence"), ==, NULL);
}

/*
 * load-confusable: ids "Anna", "anna", "José" (NFC, é one code point) and "José" (NFD,
 * e + combining acute) are four nodes; ties.csv ties " Anna " (trimmed) to "anna".
 */
static void
test_ids_compare_exactly_and_confusable_ids_warn(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-confusable");
    g_assert_cmpuint(wn_network_node_count(net), ==, 4);
    g_assert_cmpuint(wn_test_tie(net, "Anna", "anna"), ==, 0);
    g_assert_cmpuint(wn_test_node(net, "Jos\xc3\xa9"), ==, 2);
    g_assert_cmpuint(wn_test_node(net, "Jose\xcc\x81"), ==, 3);
    g_assert_cmpstr(wn_network_metadata(net, "title"), ==, "Verwarring");
    static const char *const warnings[] = {
        "nodes.csv:3: node id \"anna\" differs from \"Anna\" only in case or Unicode "
        "normalisation; they are different nodes",
        "nodes.csv:5: node id \"Jose\xcc\x81\" differs from \"Jos\xc3\xa9\" only in case or "
        "Unicode normalisation; they are different nodes",
        NULL};
    assert_messages(wn_network_warnings(net), "load-confusable", warnings);
}

/* Header-only files are a valid, empty dataset: zero nodes, zero ties. */
static void
test_header_only_files_load_an_empty_network(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-header-only");
    g_autoptr(GError) error = NULL;
    WnSummary s;
    g_assert_cmpuint(wn_network_node_count(net), ==, 0);
    g_assert_cmpuint(wn_network_tie_count(net), ==, 0);
    g_assert_true(wn_network_summarise(net, &s, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(s.components, ==, 0);
    g_assert_cmpuint(wn_network_warnings(net)->len, ==, 0);
}

/* load-no-ties: a (resident) and b (group), ties.csv has a header only. */
static void
test_header_only_ties_leave_every_node_isolated(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-no-ties");
    g_autoptr(GError) error = NULL;
    WnSummary s;
    g_assert_true(wn_network_summarise(net, &s, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(s.nodes, ==, 2);
    g_assert_cmpuint(s.ties, ==, 0);
    g_assert_cmpuint(s.isolated_nodes, ==, 2);
    g_assert_cmpuint(s.components, ==, 2);
    g_assert_cmpuint(s.residents_without_informal_tie, ==, 1);
}

/*
 * load-skip: nodes.csv rows 3 (type), 4 (stray quote), 6 (duplicate a), 7 (CP-1252
 * byte) and 8 (text after a quote) are bad; a and d load. ties.csv rows 3 (b was
 * skipped), 4 (self-tie) and 5 (weight -1) are bad; a-d (2) and d-a (1) merge into 3.
 */
static const char *const skip_messages[] = {
    "nodes.csv:3:2: expected resident, professional, group or organisation (or bewoner, groep, "
    "organisatie), got \"burgemeester\"",
    "nodes.csv:4:3: expected a quote only at the start of a field, got one inside an unquoted "
    "field (enclose the field in quotes and double the quote)",
    "nodes.csv:6:1: expected a new node id, got \"a\" again (first on line 2)",
    "nodes.csv:7:3: expected UTF-8 text, got byte 0xE9 (save the file as UTF-8 CSV, not ANSI or "
    "Windows-1252)",
    "nodes.csv:8:3: expected ',' or the end of the line after a closing quote, got \"x\" (double a "
    "quote inside a quoted field)",
    "ties.csv:3:2: expected a node id from nodes.csv, got \"b\"",
    "ties.csv:4:2: expected a target other than the source, got a tie from \"d\" to itself",
    "ties.csv:5:3: expected a positive weight, got \"-1\"",
    NULL};

static void
test_skip_bad_rows_lists_every_row_and_loads_the_rest(void)
{
    g_autofree char *dir = data_dir("load-skip");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_SKIP_BAD_ROWS, &error);
    g_assert_no_error(error);
    g_assert_nonnull(net);
    g_assert_cmpuint(wn_network_node_count(net), ==, 2);
    g_assert_cmpstr(wn_network_node_id(net, 0), ==, "a");
    g_assert_cmpstr(wn_network_node_id(net, 1), ==, "d");
    g_assert_cmpuint(wn_network_tie_count(net), ==, 1);
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, 0), 3.0, 1e-12);
    assert_messages(wn_network_skipped_rows(net), "load-skip", skip_messages);
}

static void
test_without_skip_the_first_bad_row_refuses_the_dataset(void)
{
    g_autofree char *dir = data_dir("load-skip");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_null(net);
    g_assert_error(error, WN_ERROR, WN_ERROR_PARSE);
    g_autofree char *want = g_strdup_printf("%s/%s", dir, skip_messages[0]);
    g_assert_cmpstr(error->message, ==, want);
}

static void
test_a_good_dataset_skips_nothing(void)
{
    g_autofree char *dir = data_dir("load-merge");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_SKIP_BAD_ROWS, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_network_skipped_rows(net)->len, ==, 0);
}

static void
test_missing_folder_is_refused(void)
{
    g_autofree char *dir = data_dir("load-no-such-folder");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_null(net);
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_autofree char *want = g_strdup_printf(
        "%s: no such dataset folder (expected a folder with nodes.csv and ties.csv)", dir);
    g_assert_cmpstr(error->message, ==, want);
}

static void
test_file_for_folder_is_refused(void)
{
    g_autofree char *dir =
        g_test_build_filename(G_TEST_DIST, "data", "load-merge", "nodes.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_null(net);
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
    g_autofree char *want = g_strdup_printf(
        "%s: expected a dataset folder with nodes.csv and ties.csv, got a file", dir);
    g_assert_cmpstr(error->message, ==, want);
}

/* A bad row is refused even with skip-bad-rows when it cannot be told from its file:
 * an unterminated quote swallows the rest of the file. */
static void
test_skip_bad_rows_still_refuses_a_broken_file(void)
{
    g_autofree char *dir = data_dir("load-bad-unterminated-quote");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_SKIP_BAD_ROWS, &error);
    g_assert_null(net);
    g_assert_error(error, WN_ERROR, WN_ERROR_PARSE);
}

static void
add_csv_and_node_tests(void)
{
    g_test_add_func("/load/csv/bom-comments-and-empty-lines-are-ignored",
                    test_bom_comments_and_empty_lines_are_ignored);
    g_test_add_func("/load/csv/headers-are-case-insensitive-and-trimmed",
                    test_headers_are_case_insensitive_and_trimmed);
    g_test_add_func("/load/csv/quoted-fields-keep-doubled-quotes-and-newlines",
                    test_quoted_fields_keep_doubled_quotes_and_newlines);
    g_test_add_func("/load/csv/comma-header-keeps-semicolons-in-cells",
                    test_comma_header_keeps_semicolons_in_cells);
    g_test_add_func("/load/csv/semicolon-delimiter-with-decimal-comma",
                    test_semicolon_delimiter_with_decimal_comma);
    g_test_add_func("/load/csv/semicolon-file-keeps-quoted-text-and-crlf-is-a-line-end",
                    test_semicolon_file_keeps_quoted_text_and_crlf_is_a_line_end);
    g_test_add_func("/load/nodes/ids-are-trimmed", test_ids_are_trimmed);
    g_test_add_func("/load/nodes/ids-compare-exactly-and-confusable-ids-warn",
                    test_ids_compare_exactly_and_confusable_ids_warn);
    g_test_add_func("/load/nodes/dutch-type-aliases", test_dutch_type_aliases);
    g_test_add_func("/load/nodes/vulnerable-spellings", test_vulnerable_spellings);
    g_test_add_func("/load/nodes/position-needs-lat-and-lon", test_position_needs_lat_and_lon);
    g_test_add_func("/load/nodes/unknown-columns-are-kept-raw",
                    test_unknown_node_columns_are_kept_raw);
}

static void
add_tie_dataset_and_skip_tests(void)
{
    g_test_add_func("/load/ties/unknown-columns-and-support-kind-are-kept",
                    test_unknown_tie_columns_and_support_kind_are_kept);
    g_test_add_func("/load/ties/type-and-weight-default", test_tie_type_and_weight_default);
    g_test_add_func("/load/ties/repeated-pair-merges-in-either-order",
                    test_repeated_pair_merges_in_either_order);
    g_test_add_func("/load/ties/conflicts-are-kept-aside", test_conflicts_are_kept_aside);
    g_test_add_func("/load/ties/formal-and-informal", test_formal_and_informal_ties);
    g_test_add_func("/load/ties/summary-counts-rows-merges-and-kinds",
                    test_summary_counts_rows_merges_and_kinds);
    g_test_add_func("/load/dataset/undirected-by-default", test_undirected_by_default);
    g_test_add_func("/load/dataset/directed-merges-by-ordered-pair",
                    test_directed_dataset_merges_by_ordered_pair);
    g_test_add_func("/load/dataset/metadata-is-readable-as-text",
                    test_metadata_is_readable_as_text);
    g_test_add_func("/load/files/header-only-files-load-an-empty-network",
                    test_header_only_files_load_an_empty_network);
    g_test_add_func("/load/files/header-only-ties-leave-every-node-isolated",
                    test_header_only_ties_leave_every_node_isolated);
    g_test_add_func("/load/files/missing-folder-is-refused", test_missing_folder_is_refused);
    g_test_add_func("/load/files/file-for-folder-is-refused", test_file_for_folder_is_refused);
    g_test_add_func("/load/skip/bad-rows-are-listed-and-the-rest-loads",
                    test_skip_bad_rows_lists_every_row_and_loads_the_rest);
    g_test_add_func("/load/skip/without-the-flag-the-first-bad-row-refuses",
                    test_without_skip_the_first_bad_row_refuses_the_dataset);
    g_test_add_func("/load/skip/a-good-dataset-skips-nothing", test_a_good_dataset_skips_nothing);
    g_test_add_func("/load/skip/a-broken-file-is-still-refused",
                    test_skip_bad_rows_still_refuses_a_broken_file);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    add_csv_and_node_tests();
    add_tie_dataset_and_skip_tests();
    return g_test_run();
}
