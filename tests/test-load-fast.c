/* test-load-fast.c: the parallel fieldwork reader gives what the sequential reader gives */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>
#include <string.h>

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
    gsize t = wn_test_tie(net, "n0", "n1");
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

/* Cells escaped for spreadsheets (docs/FORMAT.md, "CSV rules") read the same in chunks
 * and line by line: one leading ' before ', =, +, -, @ or a tab is dropped, in ids,
 * areas, attributes, weights and column names; any other ' stays. */
static void
test_fast_reader_undoes_the_spreadsheet_escape(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    write_file(dir, "nodes.csv",
               "id,type,area,'-note\n"
               "'=x,resident,'@SUM(A1),'+1\n"
               "''y,resident,'s-Hertogenbosch,'\tz\n"
               "'t Hoen,resident,  '-w  ,-2.5\n"
               "'',resident,',''\n");
    write_file(dir, "ties.csv", "source,target,weight\n'=x,''y,'+3\n'',  't Hoen ,-\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) shown = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_null(shown); /* "-" is no weight: the message shows the cell as read */
    g_assert_true(g_str_has_suffix(error->message, "expected a positive weight, got \"-\""));
    g_clear_error(&error);
    write_file(dir, "ties.csv", "source,target,weight\n'=x,''y,'+3\n'',  't Hoen ,2\n");
    g_autoptr(WnNetwork) net = load_both_ways(dir);
    static const char *const ids[] = {"=x", "'y", "'t Hoen", "'"};
    static const char *const areas[] = {"@SUM(A1)", "'s-Hertogenbosch", "-w", "'"};
    static const char *const notes[] = {"+1", "\tz", "-2.5", "'"};
    for (gsize v = 0; v < G_N_ELEMENTS(ids); v++) {
        g_assert_cmpstr(wn_network_node_id(net, v), ==, ids[v]);
        g_assert_cmpstr(wn_network_node_area(net, v), ==, areas[v]);
        g_assert_cmpstr(wn_network_node_attribute(net, v, "-note"), ==, notes[v]);
    }
    g_assert_cmpfloat(wn_network_tie_weight(net, wn_test_tie(net, "=x", "'y")), ==, 3.0);
    g_assert_cmpfloat(wn_network_tie_weight(net, wn_test_tie(net, "'", "'t Hoen")), ==, 2.0);
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
    g_test_add_func("/load/fast/spreadsheet-escape-matches-the-sequential-reader",
                    test_fast_reader_undoes_the_spreadsheet_escape);
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
    add_fast_reader_tests();
    return g_test_run();
}
