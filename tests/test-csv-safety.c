/* test-csv-safety.c: CSV safe for spreadsheets (docs/FORMAT.md, "CSV rules"): outputs
 * escape formulas, and a dataset wijknet writes loads back to the same values */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <string.h>

/* Texts that need the escape, look as if they had one, or must stay as they are. */
static const char *const tricky[] = {
    "=HYPERLINK(\"http://x\")", "+1",      "-x",  "@SUM(A1)", "-2.5", "'=x", "''", "'", "'-2.5",
    "'s-Hertogenbosch",         "'t Hoen", "\tx", "=a,b",     "plain"};

/* @text as a cell of a hand-made file: quoted, with a ' before a text the reader would
 * take for an escape (' and one of ' = + - @) or trim (a leading tab). */
static void
append_hand_cell(GString *out, const char *text)
{
    gboolean escape =
        text[0] == '\t' || (text[0] == '\'' && text[1] != '\0' && strchr("'=+-@", text[1]));
    g_auto(GStrv) parts = g_strsplit(text, "\"", -1);
    g_autofree char *doubled = g_strjoinv("\"\"", parts);
    g_string_append_printf(out, "\"%s%s\"", escape ? "'" : "", doubled);
}

/* A node per tricky text: the text is its id, label, area and its value in the column
 * "=col"; each node is tied to the next, the tie's "-note" the text. */
static WnNetwork *
load_tricky(void)
{
    g_autoptr(GString) nodes = g_string_new("id,type,label,area,\"=col\"\n");
    g_autoptr(GString) ties = g_string_new("source,target,\"-note\"\n");
    for (gsize i = 0; i < G_N_ELEMENTS(tricky); i++) {
        for (gsize k = 0; k < 4; k++) {
            append_hand_cell(nodes, tricky[i]);
            g_string_append(nodes, k == 0 ? ",resident," : k < 3 ? "," : "\n");
        }
        if (i > 0) {
            append_hand_cell(ties, tricky[i - 1]);
            g_string_append_c(ties, ',');
            append_hand_cell(ties, tricky[i]);
            g_string_append_c(ties, ',');
            append_hand_cell(ties, tricky[i]);
            g_string_append_c(ties, '\n');
        }
    }
    return wn_test_load_text(nodes->str, ties->str);
}

/* Every node's id, label, area and "=col", and every tie's "-note", are the tricky texts. */
static void
assert_tricky_values(const WnNetwork *net)
{
    g_assert_cmpuint(wn_network_node_count(net), ==, G_N_ELEMENTS(tricky));
    for (gsize v = 0; v < G_N_ELEMENTS(tricky); v++) {
        g_assert_cmpstr(wn_network_node_id(net, v), ==, tricky[v]);
        g_assert_cmpstr(wn_network_node_label(net, v), ==, tricky[v]);
        g_assert_cmpstr(wn_network_node_area(net, v), ==, tricky[v]);
        g_assert_cmpstr(wn_network_node_attribute(net, v, "=col"), ==, tricky[v]);
    }
    for (gsize i = 1; i < G_N_ELEMENTS(tricky); i++) {
        gsize t = wn_test_tie(net, tricky[i - 1], tricky[i]);
        g_assert_cmpstr(wn_network_tie_attribute(net, t, "-note"), ==, tricky[i]);
    }
}

/* A hand-made file's escapes are undone: '=x loads as =x, '' as ', a ' before other
 * text stays. */
static void
test_hand_escaped_cells_load_as_a_spreadsheet_shows_them(void)
{
    g_autoptr(WnNetwork) net = load_tricky();
    assert_tricky_values(net);
    g_autoptr(WnNetwork) plain =
        wn_test_load_text("id,type\n'=x,resident\n'@y,resident\n'-2.5,resident\n'z,resident\n",
                          "source,target\n'=x,'@y\n");
    static const char *const ids[] = {"=x", "@y", "-2.5", "'z"};
    for (gsize v = 0; v < G_N_ELEMENTS(ids); v++) {
        g_assert_cmpstr(wn_network_node_id(plain, v), ==, ids[v]);
    }
}

/* wn_network_save (import's writer) escapes what a spreadsheet would run and what the
 * loader would unescape, and the folder loads back to the same values. */
static void
test_saved_dataset_is_escaped_and_loads_back(void)
{
    g_autoptr(WnNetwork) net = load_tricky();
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_network_save(net, dir, &error));
    g_assert_no_error(error);
    g_autofree char *nodes = wn_test_read_file(dir, "nodes.csv");
    static const char *const lines[] = {
        "id,type,label,area,lat,lon,vulnerable,'=col\n",
        "\n\"'=HYPERLINK(\"\"http://x\"\")\",resident,\"'=HYPERLINK(",
        "\n'+1,resident,'+1,'+1,,,0,'+1\n",
        "\n'-x,resident,'-x,'-x,,,0,'-x\n",
        "\n'@SUM(A1),resident,'@SUM(A1),'@SUM(A1),,,0,'@SUM(A1)\n",
        "\n-2.5,resident,-2.5,-2.5,,,0,-2.5\n",
        "\n''=x,resident,''=x,''=x,,,0,''=x\n",
        "\n''',resident,''',''',,,0,'''\n",
        "\n',resident,',',,,0,'\n",
        "\n''-2.5,resident,''-2.5,''-2.5,,,0,''-2.5\n",
        "\n's-Hertogenbosch,resident,'s-Hertogenbosch,'s-Hertogenbosch,,,0,'s-Hertogenbosch\n",
        "\n'\tx,resident,'\tx,'\tx,,,0,'\tx\n",
        "\n\"'=a,b\",resident,\"'=a,b\",\"'=a,b\",,,0,\"'=a,b\"\n",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(lines); i++) {
        if (strstr(nodes, lines[i]) == NULL) {
            g_error("nodes.csv lacks %s:\n%s", lines[i], nodes);
        }
    }
    g_autoptr(WnNetwork) again = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    assert_tricky_values(again);
    wn_test_remove_tree(dir);
}

/* Every analysis table goes through one CSV writer: the ids come out escaped, the id
 * -2.5 (a number) as it is. */
static void
test_table_csv_escapes_formulas_not_numbers(void)
{
    g_autoptr(WnNetwork) net = load_tricky();
    static const char *const names[] = {"degree", NULL};
    WnMeasureOptions opts = {0};
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) table = wn_measure_table(net, names, &opts, &error);
    g_assert_no_error(error);
    g_autofree char *csv = wn_table_to_csv(table);
    static const char *const rows[] = {
        "\n\"'=HYPERLINK(\"\"http://x\"\")\",resident,\"'=HYPERLINK(\"\"http://x\"\")\",1\n",
        "\n'+1,resident,'+1,2\n",
        "\n'-x,resident,'-x,2\n",
        "\n-2.5,resident,-2.5,2\n",
        "\n''=x,resident,''=x,2\n",
        "\n's-Hertogenbosch,resident,'s-Hertogenbosch,2\n"};
    for (gsize i = 0; i < G_N_ELEMENTS(rows); i++) {
        if (strstr(csv, rows[i]) == NULL) {
            g_error("the CSV lacks %s:\n%s", rows[i], csv);
        }
    }
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    wn_init();
    g_test_add_func("/csv-safety/hand-escaped-cells-load-as-a-spreadsheet-shows-them",
                    test_hand_escaped_cells_load_as_a_spreadsheet_shows_them);
    g_test_add_func("/csv-safety/saved-dataset-is-escaped-and-loads-back",
                    test_saved_dataset_is_escaped_and_loads_back);
    g_test_add_func("/csv-safety/table-csv-escapes-formulas-not-numbers",
                    test_table_csv_escapes_formulas_not_numbers);
    return g_test_run();
}
