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

/* Returns: the index of the node with @id, asserting that it exists. */
static gsize
node(const WnNetwork *net, const char *id)
{
    gsize found = G_MAXSIZE;
    g_assert_true(wn_network_node_lookup(net, id, &found));
    return found;
}

/* Returns: the tie between the nodes @a and @b (either order), asserting that it exists. */
static gsize
tie(const WnNetwork *net, const char *a, const char *b)
{
    gsize u = node(net, a), v = node(net, b);
    for (gsize t = 0; t < wn_network_tie_count(net); t++) {
        gsize s = 0, e = 0;
        wn_network_tie_ends(net, t, &s, &e);
        if ((s == u && e == v) || (s == v && e == u)) {
            return t;
        }
    }
    g_test_fail_printf("no tie between %s and %s", a, b);
    return G_MAXSIZE;
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
    gsize a = node(net, "a");
    g_assert_cmpstr(wn_network_node_area(net, a), ==, "BU1");
    g_assert_cmpstr(wn_network_node_area(net, node(net, "d")), ==, NULL);
    /* " TARGET " in ties.csv is the target column: a's first tie goes to b */
    gsize s = 0, e = 0;
    wn_network_tie_ends(net, 0, &s, &e);
    g_assert_cmpuint(s, ==, a);
    g_assert_cmpuint(e, ==, node(net, "b"));
}

static void
test_quoted_fields_keep_doubled_quotes_and_newlines(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    g_assert_cmpstr(wn_network_node_label(net, node(net, "a")), ==, "Anna \"Ans\" de Vries");
    g_assert_cmpstr(wn_network_node_label(net, node(net, "b")), ==, "Bram\nvan Dijk");
    g_assert_cmpstr(wn_network_tie_attribute(net, tie(net, "a", "b"), "note"), ==,
                    "met at \"de Kaffee\", weekly");
}

static void
test_comma_header_keeps_semicolons_in_cells(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    g_assert_cmpstr(wn_network_node_label(net, node(net, "c")), ==, "Naaiclub; De Draad");
}

static void
test_ids_are_trimmed(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    /* " b " in nodes.csv and " b " in ties.csv are both b */
    g_assert_cmpstr(wn_network_node_id(net, 1), ==, "b");
    gsize unused = 0;
    g_assert_false(wn_network_node_lookup(net, " b ", &unused));
    g_assert_cmpuint(tie(net, "a", "b"), ==, 0);
}

static void
test_dutch_type_aliases(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    g_assert_cmpint(wn_network_node_kind(net, node(net, "a")), ==, WN_NODE_RESIDENT);
    g_assert_cmpint(wn_network_node_kind(net, node(net, "b")), ==, WN_NODE_RESIDENT);
    g_assert_cmpint(wn_network_node_kind(net, node(net, "c")), ==, WN_NODE_GROUP);
    g_assert_cmpint(wn_network_node_kind(net, node(net, "d")), ==, WN_NODE_ORGANISATION);
    g_assert_cmpint(wn_network_node_kind(net, node(net, "e")), ==, WN_NODE_PROFESSIONAL);
    g_assert_cmpint(wn_network_node_kind(net, node(net, "f")), ==, WN_NODE_RESIDENT); /* Resident */
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
    g_assert_true(wn_network_node_position(net, node(net, "a"), &lat, &lon));
    g_assert_cmpfloat_with_epsilon(lat, 52.1, 1e-12);
    g_assert_cmpfloat_with_epsilon(lon, 5.1, 1e-12);
    g_assert_true(wn_network_node_position(net, node(net, "g"), &lat, &lon));
    g_assert_cmpfloat_with_epsilon(lat, -33.9, 1e-12);
    g_assert_cmpfloat_with_epsilon(lon, -151.2, 1e-12);
    g_assert_false(wn_network_node_position(net, node(net, "b"), &lat, &lon));
    g_assert_false(wn_network_node_position(net, node(net, "e"), &lat, &lon)); /* lat only */
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
    g_assert_cmpstr(wn_network_node_attribute(net, node(net, "a"), "hobbies"), ==,
                    "koken|wandelen");
    g_assert_cmpstr(wn_network_node_attribute(net, node(net, "a"), "Hobbies"), ==,
                    "koken|wandelen");
    g_assert_cmpstr(wn_network_node_attribute(net, node(net, "e"), "taal"), ==, "en");
    g_assert_cmpstr(wn_network_node_attribute(net, node(net, "b"), "taal"), ==, NULL);
    g_assert_cmpstr(wn_network_node_attribute(net, node(net, "a"), "label"), ==, NULL);
}

static void
test_unknown_tie_columns_and_support_kind_are_kept(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    const GPtrArray *names = wn_network_tie_attribute_names(net);
    g_assert_cmpuint(names->len, ==, 2);
    g_assert_cmpstr(*(const char *const *) g_ptr_array_index(names, 0), ==, "support_kind");
    g_assert_cmpstr(*(const char *const *) g_ptr_array_index(names, 1), ==, "note");
    g_assert_cmpstr(wn_network_tie_attribute(net, tie(net, "a", "b"), "support_kind"), ==,
                    "emotional|practical");
    g_assert_cmpstr(wn_network_tie_attribute(net, tie(net, "b", "e"), "support_kind"), ==,
                    "advice");
    g_assert_cmpstr(wn_network_tie_attribute(net, tie(net, "a", "c"), "support_kind"), ==, NULL);
}

static void
test_tie_type_and_weight_default(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-comma");
    gsize ab = tie(net, "a", "b"), ac = tie(net, "a", "c"), be = tie(net, "b", "e");
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
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, tie(net, "a", "b")), 1.5, 1e-12);
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, tie(net, "b", "c")), 2.0, 1e-12);
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, tie(net, "a", "c")), 0.25, 1e-12);
    double lat = 0, lon = 0;
    g_assert_true(wn_network_node_position(net, node(net, "a"), &lat, &lon));
    g_assert_cmpfloat_with_epsilon(lat, 52.37, 1e-12);
    g_assert_cmpfloat_with_epsilon(lon, 4.89, 1e-12);
    g_assert_true(wn_network_node_position(net, node(net, "b"), &lat, &lon));
    g_assert_cmpfloat_with_epsilon(lat, 52.38, 1e-12);
    g_assert_cmpfloat_with_epsilon(lon, 4.9, 1e-12);
}

static void
test_semicolon_file_keeps_quoted_text_and_crlf_is_a_line_end(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-rules-semicolon");
    g_assert_cmpstr(wn_network_node_label(net, node(net, "b")), ==, "Bram; de buurman");
    g_assert_cmpstr(wn_network_node_label(net, node(net, "c")), ==, "Cor");
    g_assert_cmpstr(wn_network_node_attribute(net, node(net, "b"), "opmerking, kort"), ==, "a,b");
    g_assert_cmpstr(wn_network_node_attribute(net, node(net, "a"), "opmerking, kort"), ==, NULL);
}

/*
 * load-merge:           rows of ties.csv
 *   a - b  friend 2      b - a  neighbour 3   -> one tie a-b: friend (first row), weight 5
 *   a - c  (empty) 1     c - a  family 0.5    -> one tie a-c: acquaintance, weight 1.5
 *   a - p  support       p is a professional  -> formal
 *   b - c  conflict      c - b  conflict      -> one conflict pair, no tie
 *   g - o  collaboration o is an organisation -> formal
 *   a - g  member        g is a group         -> informal
 * 9 rows, 3 merged (b-a, c-a, c-b), 5 ties, 1 conflict.
 */
static void
test_repeated_pair_merges_in_either_order(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-merge");
    g_assert_cmpuint(wn_network_tie_count(net), ==, 5);
    gsize ab = tie(net, "a", "b"), ac = tie(net, "a", "c");
    g_assert_cmpuint(ab, ==, 0);
    g_assert_cmpuint(ac, ==, 1);
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, ab), 5.0, 1e-12);
    g_assert_cmpint(wn_network_tie_kind(net, ab), ==, WN_TIE_FRIEND);
    g_assert_cmpstr(wn_network_tie_attribute(net, ab, "since"), ==, "2019");
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, ac), 1.5, 1e-12);
    g_assert_cmpint(wn_network_tie_kind(net, ac), ==, WN_TIE_ACQUAINTANCE);
    static const char *const warnings[] = {
        "ties.csv: 3 repeated tie rows merged into earlier rows of the same pair "
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
    g_assert_cmpuint(s, ==, node(net, "b"));
    g_assert_cmpuint(e, ==, node(net, "c"));
    for (gsize t = 0; t < wn_network_tie_count(net); t++) {
        g_assert_cmpint(wn_network_tie_kind(net, t), !=, WN_TIE_CONFLICT);
    }
}

static void
test_formal_and_informal_ties(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-merge");
    g_assert_false(wn_network_tie_is_formal(net, tie(net, "a", "b")));
    g_assert_false(wn_network_tie_is_formal(net, tie(net, "a", "c")));
    g_assert_true(wn_network_tie_is_formal(net, tie(net, "a", "p")));
    g_assert_true(wn_network_tie_is_formal(net, tie(net, "g", "o")));
    g_assert_false(wn_network_tie_is_formal(net, tie(net, "a", "g")));
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
    g_assert_cmpuint(s.merged_rows, ==, 3);
    g_assert_cmpuint(s.ties, ==, 5);
    g_assert_cmpuint(s.ties_by_kind[WN_TIE_FRIEND], ==, 1);
    g_assert_cmpuint(s.ties_by_kind[WN_TIE_NEIGHBOUR], ==, 0); /* merged into the friend tie */
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
    g_assert_cmpfloat_with_epsilon(wn_network_tie_weight(net, tie(net, "a", "b")), 4.0, 1e-12);
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
    g_assert_cmpuint(tie(net, "Anna", "anna"), ==, 0);
    g_assert_cmpuint(node(net, "Jos\xc3\xa9"), ==, 2);
    g_assert_cmpuint(node(net, "Jose\xcc\x81"), ==, 3);
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

/* A refused input: the dataset (tests/data/load-bad-NAME), the message after
 * "<folder>/" and the error. Nothing is half-loaded: the load returns NULL. */
typedef struct {
    const char *path;
    const char *dataset;
    GQuark (*domain)(void);
    gint code;
    const char *message;
} BadCase;

static const BadCase bad_cases[] = {
    /* nodes.csv */
    {"/load/nodes/duplicate-id-is-refused", "duplicate-node", wn_error_quark, WN_ERROR_INVALID,
     "nodes.csv:4:1: expected a new node id, got \"a\" again (first on line 2)"},
    {"/load/nodes/empty-id-is-refused", "empty-id", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:2:1: expected a node id, got an empty cell"},
    {"/load/nodes/unknown-type-is-refused", "node-type", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:3:2: expected resident, professional, group or organisation (or bewoner, groep, "
     "organisatie), got \"burgemeester\""},
    {"/load/nodes/empty-type-is-refused", "node-type-empty", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:3:2: expected resident, professional, group or organisation (or bewoner, groep, "
     "organisatie), got an empty cell"},
    {"/load/nodes/bad-vulnerable-is-refused", "vulnerable", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:3:3: expected 1/0, true/false, yes/no or ja/nee (or an empty cell), got "
     "\"misschien\""},
    {"/load/nodes/latitude-out-of-range-is-refused", "lat-range", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:2:3: expected a latitude in WGS84 degrees between -90 and 90, got \"91\""},
    {"/load/nodes/longitude-not-a-number-is-refused", "lon-text", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:2:4: expected a longitude in WGS84 degrees between -180 and 180, got \"oost\""},
    {"/load/nodes/missing-id-column-is-refused", "missing-id", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:1:1: expected a column named \"id\" in the header, got naam, type"},
    {"/load/nodes/missing-type-column-is-refused", "missing-type", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:1:1: expected a column named \"type\" in the header, got id, label"},
    {"/load/nodes/empty-file-is-refused", "empty-nodes", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:1:1: expected a header line naming the columns (id, type, …), got an empty file"},
    /* ties.csv */
    {"/load/ties/unknown-source-is-refused", "unknown-source", wn_error_quark, WN_ERROR_INVALID,
     "ties.csv:2:1: expected a node id from nodes.csv, got \"zz\""},
    {"/load/ties/unknown-target-is-refused", "unknown-target", wn_error_quark, WN_ERROR_INVALID,
     "ties.csv:3:2: expected a node id from nodes.csv, got \"zz\""},
    {"/load/ties/empty-source-is-refused", "empty-source", wn_error_quark, WN_ERROR_PARSE,
     "ties.csv:2:1: expected a node id, got an empty cell"},
    {"/load/ties/long-cell-is-cut-in-the-message", "long-cell", wn_error_quark, WN_ERROR_INVALID,
     "ties.csv:2:2: expected a node id from nodes.csv, got "
     "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\""},
    {"/load/ties/self-tie-is-refused", "self-tie", wn_error_quark, WN_ERROR_INVALID,
     "ties.csv:2:2: expected a target other than the source, got a tie from \"a\" to itself"},
    {"/load/ties/text-weight-is-refused", "weight-text", wn_error_quark, WN_ERROR_PARSE,
     "ties.csv:2:3: expected a positive weight, got \"veel\""},
    {"/load/ties/zero-weight-is-refused", "weight-zero", wn_error_quark, WN_ERROR_PARSE,
     "ties.csv:2:3: expected a positive weight, got \"0\""},
    {"/load/ties/negative-weight-is-refused", "weight-negative", wn_error_quark, WN_ERROR_PARSE,
     "ties.csv:2:3: expected a positive weight, got \"-2\""},
    {"/load/ties/nan-weight-is-refused", "weight-nan", wn_error_quark, WN_ERROR_PARSE,
     "ties.csv:2:3: expected a positive weight, got \"NaN\""},
    {"/load/ties/infinite-weight-is-refused", "weight-inf", wn_error_quark, WN_ERROR_PARSE,
     "ties.csv:2:3: expected a positive weight, got \"inf\""},
    {"/load/ties/overflowing-weight-is-refused", "weight-overflow", wn_error_quark, WN_ERROR_PARSE,
     "ties.csv:2:3: expected a positive weight, got \"1e999\""},
    {"/load/ties/decimal-comma-needs-semicolons", "weight-decimal-comma", wn_error_quark,
     WN_ERROR_PARSE,
     "ties.csv:2:4: expected 3 fields as in the header, got 4 (is a decimal comma or a delimiter "
     "unquoted?)"},
    {"/load/ties/two-decimal-commas-are-refused", "weight-semicolon", wn_error_quark,
     WN_ERROR_PARSE,
     "ties.csv:2:3: expected a positive weight (decimal point or comma), got \"1,5,0\""},
    {"/load/ties/unknown-type-is-refused", "tie-type", wn_error_quark, WN_ERROR_PARSE,
     "ties.csv:2:3: expected family, household, neighbour, friend, acquaintance, member, support, "
     "collaboration, referral or conflict (or an empty cell), got \"vijand\""},
    {"/load/ties/unknown-support-kind-is-refused", "support-kind", wn_error_quark, WN_ERROR_PARSE,
     "ties.csv:2:3: expected practical, emotional, companionship or advice (several separated by "
     "|), got \"money\""},
    {"/load/ties/missing-source-column-is-refused", "missing-source", wn_error_quark,
     WN_ERROR_PARSE,
     "ties.csv:1:1: expected a column named \"source\" in the header, got from, target"},
    {"/load/ties/missing-target-column-is-refused", "missing-target", wn_error_quark,
     WN_ERROR_PARSE,
     "ties.csv:1:1: expected a column named \"target\" in the header, got source, to"},
    {"/load/ties/comments-only-file-is-refused", "comments-only-ties", wn_error_quark,
     WN_ERROR_PARSE,
     "ties.csv:1:1: expected a header line naming the columns (source, target, …), got only "
     "comments and empty lines"},
    /* CSV */
    {"/load/csv/duplicate-column-is-refused", "duplicate-column", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:1:3: expected each column name once, got \"type\" again (also column 2)"},
    {"/load/csv/empty-column-name-is-refused", "empty-column-name", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:1:2: expected a column name, got an empty cell"},
    {"/load/csv/too-many-fields-are-refused", "too-many-fields", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:2:3: expected 2 fields as in the header, got 3 (is a decimal comma or a "
     "delimiter unquoted?)"},
    {"/load/csv/unterminated-quote-is-refused", "unterminated-quote", wn_error_quark,
     WN_ERROR_PARSE,
     "nodes.csv:2:3: expected a closing quote for the field opened here, got the end of the "
     "file"},
    {"/load/csv/stray-quote-is-refused", "stray-quote", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:2:3: expected a quote only at the start of a field, got one inside an unquoted "
     "field (enclose the field in quotes and double the quote)"},
    {"/load/csv/text-after-closing-quote-is-refused", "text-after-quote", wn_error_quark,
     WN_ERROR_PARSE,
     "nodes.csv:2:3: expected ',' or the end of the line after a closing quote, got \"x\" "
     "(double a quote inside a quoted field)"},
    {"/load/csv/line-numbers-count-quoted-newlines", "line-after-quoted-newline", wn_error_quark,
     WN_ERROR_PARSE,
     "nodes.csv:6:2: expected resident, professional, group or organisation (or bewoner, groep, "
     "organisatie), got \"burgemeester\""},
    {"/load/csv/cp1252-byte-is-refused", "cp1252", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:2:3: expected UTF-8 text, got byte 0xE9 (save the file as UTF-8 CSV, not ANSI or "
     "Windows-1252)"},
    {"/load/csv/cp1252-byte-in-header-is-refused", "cp1252-header", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:1:3: expected UTF-8 text, got byte 0xE9 (save the file as UTF-8 CSV, not ANSI or "
     "Windows-1252)"},
    {"/load/csv/utf16-is-refused", "utf16", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:1:1: expected UTF-8 text, got UTF-16 (save the file as UTF-8 CSV)"},
    {"/load/csv/utf16-without-bom-is-refused", "utf16-no-bom", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:1:1: expected UTF-8 text, got a NUL byte (is the file UTF-16 or binary?)"},
    {"/load/csv/nul-byte-is-refused", "nul-byte", wn_error_quark, WN_ERROR_PARSE,
     "nodes.csv:2:2: expected UTF-8 text, got a NUL byte (is the file UTF-16 or binary?)"},
    /* dataset.json */
    {"/load/json/malformed-json-is-refused", "json-malformed", wn_error_quark, WN_ERROR_PARSE,
     "dataset.json:3:1: expected valid JSON, got \"}\""},
    {"/load/json/non-object-is-refused", "json-not-object", wn_error_quark, WN_ERROR_PARSE,
     "dataset.json:2:3: expected a JSON object ({ \"title\": … }) at the top level, got an "
     "array"},
    {"/load/json/non-boolean-directed-is-refused", "json-directed", wn_error_quark, WN_ERROR_PARSE,
     "dataset.json:3:15: expected \"directed\" to be true or false, got \"yes\""},
    {"/load/json/invalid-utf8-is-refused", "json-utf8", wn_error_quark, WN_ERROR_PARSE,
     "dataset.json:2:16: expected UTF-8 JSON text, got byte 0xE9"},
    /* files and folders */
    {"/load/files/missing-nodes-csv-is-refused", "missing-nodes", g_file_error_quark,
     G_FILE_ERROR_NOENT, "nodes.csv: no such file (a dataset folder holds nodes.csv and ties.csv)"},
    {"/load/files/missing-ties-csv-is-refused", "missing-ties", g_file_error_quark,
     G_FILE_ERROR_NOENT, "ties.csv: no such file (a dataset folder holds nodes.csv and ties.csv)"},
    {"/load/files/folder-for-nodes-csv-is-refused", "nodes-folder", g_file_error_quark,
     G_FILE_ERROR_ISDIR, "nodes.csv: expected a file, got a folder"},
};

static void
test_bad_input_is_refused(gconstpointer data)
{
    const BadCase *c = data;
    g_autofree char *name = g_strconcat("load-bad-", c->dataset, NULL);
    g_autofree char *dir = data_dir(name);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_null(net);
    g_assert_error(error, c->domain(), c->code);
    g_autofree char *want = g_strdup_printf("%s/%s", dir, c->message);
    g_assert_cmpstr(error->message, ==, want);
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

/*
 * The parallel reader (a file without quotes is read in chunks over threads) must give
 * the network the sequential reader gives. A quote anywhere after the header sends a file
 * to the sequential reader, so each dataset is loaded as written and again with the
 * comment line `#"` appended to both files.
 */

/* Copies nodes.csv and ties.csv of @from into @to, appending @extra to each. */
static void
copy_dataset(const char *from, const char *to, const char *extra)
{
    static const char *const files[] = {"nodes.csv", "ties.csv"};
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *src = g_build_filename(from, files[i], NULL);
        g_autofree char *dst = g_build_filename(to, files[i], NULL);
        g_autofree char *text = NULL;
        gsize len = 0;
        g_assert_true(g_file_get_contents(src, &text, &len, NULL));
        g_autofree char *joined = g_strconcat(text, extra, NULL);
        g_assert_true(g_file_set_contents(dst, joined, -1, NULL));
    }
}

/* Asserts that the messages of @a (under @dir_a) and @b (under @dir_b) say the same. */
static void
assert_same_messages(const GPtrArray *a, const char *dir_a, const GPtrArray *b, const char *dir_b)
{
    g_assert_cmpuint(a->len, ==, b->len);
    for (guint i = 0; i < a->len; i++) {
        const char *x = g_ptr_array_index(a, i), *y = g_ptr_array_index(b, i);
        g_assert_true(g_str_has_prefix(x, dir_a) && g_str_has_prefix(y, dir_b));
        g_assert_cmpstr(x + strlen(dir_a), ==, y + strlen(dir_b));
    }
}

static void
assert_same_doubles(double x, double y)
{
    g_assert_true((isnan(x) && isnan(y)) || memcmp(&x, &y, sizeof x) == 0);
}

static void
assert_same_nodes(const WnNetwork *a, const WnNetwork *b)
{
    g_assert_cmpuint(wn_network_node_count(a), ==, wn_network_node_count(b));
    const GPtrArray *columns = wn_network_node_attribute_names(a);
    g_assert_cmpuint(columns->len, ==, wn_network_node_attribute_names(b)->len);
    for (gsize v = 0; v < wn_network_node_count(a); v++) {
        g_assert_cmpstr(wn_network_node_id(a, v), ==, wn_network_node_id(b, v));
        g_assert_cmpstr(wn_network_node_label(a, v), ==, wn_network_node_label(b, v));
        g_assert_cmpstr(wn_network_node_area(a, v), ==, wn_network_node_area(b, v));
        g_assert_cmpint(wn_network_node_kind(a, v), ==, wn_network_node_kind(b, v));
        g_assert_cmpint(wn_network_node_vulnerable(a, v), ==, wn_network_node_vulnerable(b, v));
        double lat[2] = {NAN, NAN}, lon[2] = {NAN, NAN};
        g_assert_cmpint(wn_network_node_position(a, v, &lat[0], &lon[0]), ==,
                        wn_network_node_position(b, v, &lat[1], &lon[1]));
        assert_same_doubles(lat[0], lat[1]);
        assert_same_doubles(lon[0], lon[1]);
        for (guint j = 0; j < columns->len; j++) {
            const char *name = *(const char *const *) g_ptr_array_index(columns, j);
            g_assert_cmpstr(wn_network_node_attribute(a, v, name), ==,
                            wn_network_node_attribute(b, v, name));
        }
        gsize found = G_MAXSIZE;
        g_assert_true(wn_network_node_lookup(a, wn_network_node_id(b, v), &found));
        g_assert_cmpuint(found, ==, v);
    }
}

static void
assert_same_ties(const WnNetwork *a, const WnNetwork *b)
{
    g_assert_cmpuint(wn_network_tie_count(a), ==, wn_network_tie_count(b));
    const GPtrArray *columns = wn_network_tie_attribute_names(a);
    g_assert_cmpuint(columns->len, ==, wn_network_tie_attribute_names(b)->len);
    for (gsize t = 0; t < wn_network_tie_count(a); t++) {
        gsize ends[4];
        wn_network_tie_ends(a, t, &ends[0], &ends[1]);
        wn_network_tie_ends(b, t, &ends[2], &ends[3]);
        g_assert_cmpuint(ends[0], ==, ends[2]);
        g_assert_cmpuint(ends[1], ==, ends[3]);
        g_assert_cmpint(wn_network_tie_kind(a, t), ==, wn_network_tie_kind(b, t));
        assert_same_doubles(wn_network_tie_weight(a, t), wn_network_tie_weight(b, t));
        for (guint j = 0; j < columns->len; j++) {
            const char *name = *(const char *const *) g_ptr_array_index(columns, j);
            g_assert_cmpstr(wn_network_tie_attribute(a, t, name), ==,
                            wn_network_tie_attribute(b, t, name));
        }
    }
    g_assert_cmpuint(wn_network_conflict_count(a), ==, wn_network_conflict_count(b));
    for (gsize c = 0; c < wn_network_conflict_count(a); c++) {
        gsize ends[4];
        wn_network_conflict_ends(a, c, &ends[0], &ends[1]);
        wn_network_conflict_ends(b, c, &ends[2], &ends[3]);
        g_assert_cmpuint(ends[0], ==, ends[2]);
        g_assert_cmpuint(ends[1], ==, ends[3]);
    }
}

/* Loads the dataset in @dir read in chunks and read line by line; asserts that both
 * give the same network, and returns the one read in chunks. */
static WnNetwork *
load_both_ways(const char *dir)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    copy_dataset(dir, tmp, "#\"\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) fast = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autoptr(WnNetwork) slow = wn_network_load(tmp, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    assert_same_nodes(fast, slow);
    assert_same_ties(fast, slow);
    WnSummary s[2];
    g_assert_true(wn_network_summarise(fast, &s[0], &error));
    g_assert_true(wn_network_summarise(slow, &s[1], &error));
    g_assert_true(memcmp(&s[0], &s[1], sizeof s[0]) == 0);
    assert_same_messages(wn_network_warnings(fast), dir, wn_network_warnings(slow), tmp);
    g_assert_cmpuint(wn_network_skipped_rows(fast)->len, ==, 0);
    wn_test_remove_tree(tmp);
    return g_steal_pointer(&fast);
}

/* A town of 5000 residents from the generator: 6 chunks of nodes.csv, 10 of ties.csv. */
static void
test_fast_reader_matches_on_a_generated_town(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autoptr(GError) error = NULL;
    WnGenerateOptions opts = WN_GENERATE_OPTIONS_INIT;
    opts.residents = 5000;
    opts.force = TRUE;
    g_assert_true(wn_generate_town(&opts, dir, &error));
    g_assert_no_error(error);
    g_autoptr(WnNetwork) net = load_both_ways(dir);
    g_assert_cmpuint(wn_network_node_count(net), >, 5000);
    WnSummary s;
    g_assert_true(wn_network_summarise(net, &s, &error));
    g_assert_cmpuint(s.merged_rows, >, 0);
    wn_test_remove_tree(dir);
}

/* Writes @text to @dir/@name. */
static void
write_file(const char *dir, const char *name, const char *text)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

/*
 * A dataset with every rule the reader in chunks must keep, large enough for several
 * chunks: ids with spaces around them, comments, empty lines and blank records
 * everywhere, an extra column on both files, confusable ids (Anna, anna), a node with a
 * latitude only, rows with fewer fields than the header, and in ties.csv pairs repeated
 * across chunks in either order, and 5 conflict pairs (n1-n51, n3-n53 …) on 8 rows each.
 * @semicolon: `;` with decimal commas, CRLF line ends and a byte-order mark. Nodes n0 … n5999; the
 * pair n0-n1 comes back every 100 rows with weight 0.1, and n0 → n1 first as a friend tie.
 */
static char *
write_rules_dataset(gboolean semicolon)
{
    const char *d = semicolon ? ";" : ",", *eol = semicolon ? "\r\n" : "\n";
    const char *tenth = semicolon ? "0,1" : "0.1", *lat = semicolon ? "52,1" : "52.1";
    const char *half = semicolon ? ",5" : ".5";
    g_autoptr(GString) nodes = g_string_new(NULL);
    g_string_append_printf(nodes, "%s# fieldwork%s id %s type%slat%slon%staal%s",
                           semicolon ? "\xEF\xBB\xBF" : "", eol, d, d, d, d, eol);
    g_string_append_printf(nodes, "Anna%sresident%s%s%s5%snl%sanna%sgroep%s%s%s%s", d, d, lat, d, d,
                           eol, d, d, lat, d, eol);
    for (gsize i = 0; i < 6000; i++) {
        g_string_append_printf(nodes, " n%zu %s %s %s%s%s%s%s%s%s", i, d,
                               i % 7 == 0 ? "bewoner" : "Resident", d, i % 5 == 0 ? lat : "", d,
                               i % 5 == 0 ? "4" : "", d, i % 3 == 0 ? "nl" : "", eol);
        g_string_append(nodes, i % 97 == 0 ? "# a comment\n" : i % 89 == 0 ? eol : "");
        g_string_append_printf(nodes, i % 83 == 0 ? "%s%s%s" : "", d, d, eol);
    }
    g_string_append_printf(nodes, "half%sresident%s%s%s", d, d, lat, eol);
    g_autoptr(GString) ties = g_string_new(NULL);
    g_string_append_printf(ties, "source%starget%stype%sweight%ssupport_kind%snote%s", d, d, d, d,
                           d, eol);
    for (gsize i = 0; i < 20000; i++) {
        gsize a = (i * 7) % 3000, b = (a + 1 + (i * 13) % 2999) % 3000;
        if (i % 100 == 0) {
            g_string_append_printf(ties, "n%u%sn%u%s%s%s%s%s%s%srow %zu%s", i % 200 ? 1 : 0, d,
                                   i % 200 ? 0 : 1, d, i == 0 ? "friend" : "neighbour", d, tenth, d,
                                   i % 300 ? "" : "advice|practical", d, i, eol);
        } else if (i % 250 == 0) {
            gsize k = (i / 250) % 10; /* odd: 5 pairs, each on 8 rows */
            g_string_append_printf(ties, "n%zu%sn%zu%sconflict%s", k, d, k + 50, d, eol);
        } else {
            g_string_append_printf(ties, " n%zu %s n%zu %s%s%s%zu%s%s", a, d, b, d,
                                   i % 3 ? "" : "household", d, 1 + i % 9, i % 11 ? "" : half, eol);
        }
        g_string_append(ties, i % 61 == 0 ? "#\n" : i % 59 == 0 ? eol : "");
        g_string_append_printf(ties, i % 53 == 0 ? "%s%s %s%s" : "", d, d, d, eol);
    }
    char *dir = wn_test_make_temp_dir();
    write_file(dir, "nodes.csv", nodes->str);
    write_file(dir, "ties.csv", ties->str);
    return dir;
}

static void
test_fast_reader_keeps_the_csv_rules(gconstpointer data)
{
    g_autofree char *dir = write_rules_dataset(GPOINTER_TO_INT(data));
    g_autoptr(WnNetwork) net = load_both_ways(dir);
    gsize t = tie(net, "n0", "n1");
    g_assert_cmpint(wn_network_tie_kind(net, t), ==, WN_TIE_FRIEND);
    g_assert_cmpstr(wn_network_tie_attribute(net, t, "note"), ==, "row 0");
    g_assert_cmpstr(wn_network_tie_attribute(net, t, "support_kind"), ==, "advice|practical");
    g_assert_cmpuint(wn_network_conflict_count(net), ==, 5);
    const GPtrArray *warnings = wn_network_warnings(net);
    g_assert_cmpuint(warnings->len, ==, 4);
    g_assert_true(g_str_has_suffix(g_ptr_array_index(warnings, 0),
                                   "/nodes.csv:4: node \"anna\" has only one of lat and lon; its "
                                   "position is unknown"));
    g_assert_true(g_str_has_suffix(g_ptr_array_index(warnings, 1),
                                   "/nodes.csv:4: node id \"anna\" differs from \"Anna\" only in "
                                   "case or Unicode normalisation; they are different nodes"));
    wn_test_remove_tree(dir);
}

/* A bad row deep in a file that is read in chunks: the message is the sequential
 * reader's, to the line. nodes.csv: n0 … n19999, then x and y (lines 2 … 20003);
 * ties.csv (source,target,weight): 30000 rows from line 2, row 3 is x,y,1e308. */
typedef struct {
    const char *path;
    gboolean in_nodes; /* the bad row replaces a row of nodes.csv, else of ties.csv */
    gsize row;         /* from 0, on line row + 2 */
    const char *bad;
    const char *message;
} DeepCase;

static const DeepCase deep_cases[] = {
    {"/load/fast/unknown-target-deep-in-ties", FALSE, 25000, "n5,zz,1",
     "ties.csv:25002:2: expected a node id from nodes.csv, got \"zz\""},
    {"/load/fast/self-tie-in-the-last-row", FALSE, 29999, "n5,n5,1",
     "ties.csv:30001:2: expected a target other than the source, got a tie from \"n5\" to "
     "itself"},
    {"/load/fast/negative-weight-deep-in-ties", FALSE, 20000, "n3,n4,-1",
     "ties.csv:20002:3: expected a positive weight, got \"-1\""},
    {"/load/fast/too-many-fields-deep-in-ties", FALSE, 20000, "n3,n4,1,2",
     "ties.csv:20002:4: expected 3 fields as in the header, got 4 (is a decimal comma or a "
     "delimiter unquoted?)"},
    {"/load/fast/cp1252-byte-deep-in-ties", FALSE, 20000, "n3,n\xe9,1",
     "ties.csv:20002:2: expected UTF-8 text, got byte 0xE9 (save the file as UTF-8 CSV, not ANSI "
     "or Windows-1252)"},
    {"/load/fast/overflowing-sum-across-chunks", FALSE, 29000, "y,x,1e308",
     "ties.csv:29002:3: expected the weights of a repeated pair to add up to at most "
     "1.79769e+308, got more"},
    {"/load/fast/repeated-id-deep-in-nodes", TRUE, 15000, "n7,resident",
     "nodes.csv:15002:1: expected a new node id, got \"n7\" again (first on line 9)"},
    {"/load/fast/bad-latitude-deep-in-nodes", TRUE, 19000, "q,resident,91",
     "nodes.csv:19002:3: expected a latitude in WGS84 degrees between -90 and 90, got \"91\""},
};

static char *
write_deep_dataset(const DeepCase *c)
{
    g_autoptr(GString) nodes = g_string_new("id,type,lat\n");
    for (gsize i = 0; i < 20000; i++) {
        g_string_append_printf(nodes, "%s\n", c->in_nodes && i == c->row ? c->bad : "");
        if (!c->in_nodes || i != c->row) {
            g_string_truncate(nodes, nodes->len - 1);
            g_string_append_printf(nodes, "n%zu,resident\n", i);
        }
    }
    g_string_append(nodes, "x,resident\ny,resident\n");
    g_autoptr(GString) ties = g_string_new("source,target,weight\n");
    for (gsize i = 0; i < 30000; i++) {
        gsize a = i % 20000, b = (a + 1 + i % 19999) % 20000;
        if (!c->in_nodes && i == c->row) {
            g_string_append_printf(ties, "%s\n", c->bad);
        } else if (i == 3) {
            g_string_append(ties, "x,y,1e308\n");
        } else {
            g_string_append_printf(ties, "n%zu,n%zu,1\n", a, b);
        }
    }
    char *dir = wn_test_make_temp_dir();
    write_file(dir, "nodes.csv", nodes->str);
    write_file(dir, "ties.csv", ties->str);
    return dir;
}

static void
test_fast_reader_gives_the_sequential_message(gconstpointer data)
{
    const DeepCase *c = data;
    g_autofree char *dir = write_deep_dataset(c);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_null(net);
    g_assert_nonnull(error);
    g_autofree char *want = g_strdup_printf("%s/%s", dir, c->message);
    g_assert_cmpstr(error->message, ==, want);
    wn_test_remove_tree(dir);
}

static void
add_fast_reader_tests(void)
{
    g_test_add_func("/load/fast/generated-town-matches-the-sequential-reader",
                    test_fast_reader_matches_on_a_generated_town);
    g_test_add_data_func("/load/fast/comma-lf-rules-match-the-sequential-reader",
                         GINT_TO_POINTER(FALSE), test_fast_reader_keeps_the_csv_rules);
    g_test_add_data_func("/load/fast/semicolon-crlf-rules-match-the-sequential-reader",
                         GINT_TO_POINTER(TRUE), test_fast_reader_keeps_the_csv_rules);
    for (gsize i = 0; i < G_N_ELEMENTS(deep_cases); i++) {
        g_test_add_data_func(deep_cases[i].path, &deep_cases[i],
                             test_fast_reader_gives_the_sequential_message);
    }
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    add_csv_and_node_tests();
    add_tie_dataset_and_skip_tests();
    add_fast_reader_tests();
    for (gsize i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
        g_test_add_data_func(bad_cases[i].path, &bad_cases[i], test_bad_input_is_refused);
    }
    return g_test_run();
}
