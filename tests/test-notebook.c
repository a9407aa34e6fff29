/* test-notebook.c: the notebook writer: its text escapers, data files and the export */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "notebook.h"
#include "wn-test.h"

#include <glib/gstdio.h>
#include <string.h>

static char *
json_string(const char *text)
{
    g_autoptr(GString) out = g_string_new(NULL);
    wn_notebook_append_json_string(out, text);
    return g_strdup(out->str);
}

static void
test_json_escapes_quotes_backslashes_and_control_characters(void)
{
    g_autofree char *got = json_string("say \"hi\"\\ now\n\tand\r\b\f\x01\x1f\x7f");
    g_assert_cmpstr(got, ==, "\"say \\\"hi\\\"\\\\ now\\n\\tand\\r\\b\\f\\u0001\\u001f\x7f\"");
}

static void
test_json_keeps_non_ascii_as_utf8(void)
{
    g_autofree char *got = json_string("café 🙂 \u2028");
    g_assert_cmpstr(got, ==, "\"café 🙂 \u2028\"");
}

static void
test_json_replaces_invalid_utf8(void)
{
    g_autofree char *got = json_string("a\xff"
                                       "b\xc3");
    g_assert_cmpstr(got, ==,
                    "\"a\xef\xbf\xbd"
                    "b\xef\xbf\xbd\"");
}

static void
test_json_null_is_an_empty_string(void)
{
    g_autofree char *got = json_string(NULL);
    g_assert_cmpstr(got, ==, "\"\"");
}

static void
test_csv_quotes_a_cell_only_when_it_must(void)
{
    static const char *const cases[][2] = {
        {"plain", "plain"},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"cr\r", "\"cr\r\""},
        {"", ""},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GString) out = g_string_new(NULL);
        wn_table_append_csv_cell(out, cases[i][0]);
        g_assert_cmpstr(out->str, ==, cases[i][1]);
    }
    g_autoptr(GString) missing = g_string_new(NULL);
    wn_table_append_csv_cell(missing, NULL);
    g_assert_cmpstr(missing->str, ==, "");
}

static void
test_data_dir_replaces_the_ipynb_suffix(void)
{
    g_autofree char *a = wn_notebook_data_dir("out/analysis.ipynb");
    g_autofree char *b = wn_notebook_data_dir("nb");
    g_autofree char *c = wn_notebook_data_dir("x.ipynb.bak");
    g_assert_cmpstr(a, ==, "out/analysis_data");
    g_assert_cmpstr(b, ==, "nb_data");
    g_assert_cmpstr(c, ==, "x.ipynb.bak_data");
}

static void
test_argv_is_the_equivalent_export_command(void)
{
    WnNotebookOptions opts = WN_NOTEBOOK_OPTIONS_INIT;
    opts.show_labels = TRUE;
    g_auto(GStrv) got = wn_notebook_argv("my wijk", "out/a.ipynb", &opts);
    g_autofree char *joined = g_strjoinv("|", got);
    g_assert_cmpstr(joined, ==,
                    "wijknet|export|my wijk|--to|notebook|-o|out/a.ipynb|--show-labels");
    const char *const given[] = {"wijknet", "export", "x", NULL};
    opts.argv = given;
    g_auto(GStrv) kept = wn_notebook_argv("z", "w", &opts);
    g_autofree char *kept_joined = g_strjoinv("|", kept);
    g_assert_cmpstr(kept_joined, ==, "wijknet|export|x");
}

/* The cell of @column in the row of node @id (the test data hold no quoted cells). */
static char *
csv_cell(const char *csv, const char *id, const char *column)
{
    g_auto(GStrv) lines = g_strsplit(csv, "\n", -1);
    g_auto(GStrv) header = g_strsplit(lines[0], ",", -1);
    guint j = 0;
    while (header[j] != NULL && strcmp(header[j], column) != 0) {
        j++;
    }
    g_assert_nonnull(header[j]);
    for (gsize i = 1; lines[i] != NULL; i++) {
        g_auto(GStrv) cells = g_strsplit(lines[i], ",", -1);
        if (cells[0] != NULL && strcmp(cells[0], id) == 0) {
            g_assert_cmpuint(g_strv_length(cells), ==, g_strv_length(header));
            return g_strdup(cells[j]);
        }
    }
    g_assert_not_reached();
    return NULL;
}

static char *
nodes_csv(const char *dataset, gboolean show_labels)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", dataset);
    g_autoptr(GError) error = NULL;
    char *csv = wn_notebook_nodes_csv(net, show_labels, &error);
    g_assert_no_error(error);
    return csv;
}

static void
test_nodes_have_every_registry_measure_then_isolation_columns(void)
{
    g_autofree char *csv = nodes_csv("path-4", FALSE);
    g_autofree char *header = g_strndup(csv, strcspn(csv, "\n"));
    g_assert_cmpstr(header, ==,
                    "id,type,area,lat,lon,vulnerable,at_risk_reach,betweenness,"
                    "betweenness_norm,closeness,clustering,constraint,coreness,degree,"
                    "effective_size,efficiency,eigenvector,harmonic,hierarchy,pagerank,strength,"
                    "status,isolation_index,weak_network,informal_degree,informal_strength,"
                    "formal_degree,groups,reach2,weak_share,team_distance");
}

/* path-4:  a - b - c - d  (residents, weights 1) */
static void
test_nodes_join_measures_and_isolation_by_id(void)
{
    g_autofree char *csv = nodes_csv("path-4", FALSE);
    static const char *const want[][2] = {
        {"degree", "2"},
        {"betweenness", "2"}, /* a-c and a-d pass through b */
        {"status", "fragile"},
        {"reach2", "3"},
        {"weak_share", "0.5"}, /* a is at risk */
        /* 0.4·(1 − 2/5) + 0.4·(1 − 3/10) + 0.2·0.5 */
        {"isolation_index", "0.62"},
        {"team_distance", ""}, /* no professional at all */
        {"lat", ""},
        {"vulnerable", "0"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++) {
        g_autofree char *got = csv_cell(csv, "b", want[i][0]);
        g_assert_cmpstr(got, ==, want[i][1]);
    }
}

static void
test_nodes_non_resident_has_status_not_resident_and_no_index(void)
{
    g_autofree char *csv = nodes_csv("load-merge", FALSE);
    g_autofree char *status = csv_cell(csv, "p", "status");
    g_autofree char *index = csv_cell(csv, "p", "isolation_index");
    g_autofree char *degree = csv_cell(csv, "p", "degree");
    g_assert_cmpstr(status, ==, "not_resident");
    g_assert_cmpstr(index, ==, "");
    g_assert_cmpstr(degree, ==, "1");
}

static void
test_nodes_carry_labels_only_when_asked(void)
{
    g_autofree char *hidden = nodes_csv("formats-wijk", FALSE);
    g_autofree char *shown = nodes_csv("formats-wijk", TRUE);
    g_assert_true(g_str_has_prefix(hidden, "id,type,area,lat,lon,"));
    g_assert_true(g_str_has_prefix(shown, "id,type,label,area,lat,lon,"));
}

/* load-merge: a-b friend 2 and neighbour 3, a-c acquaintance 1 and family 0.5, b-c only in
 * conflict */
static void
test_ties_are_merged_without_conflicts(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "load-merge");
    g_autofree char *csv = wn_notebook_ties_csv(net);
    g_assert_cmpstr(csv, ==,
                    "source,target,type,weight,formal,relations\n"
                    "a,b,friend,5,0,neighbour|friend\n"
                    "a,c,acquaintance,1.5,0,family|acquaintance\n"
                    "a,p,support,1,1,support\n"
                    "g,o,collaboration,1,1,collaboration\n"
                    "a,g,member,1,0,member\n");
}

static void
test_export_writes_the_data_folder_then_the_notebook(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "formats-wijk");
    g_autofree char *dataset = g_test_build_filename(G_TEST_DIST, "data", "formats-wijk", NULL);
    g_autofree char *tmp = g_dir_make_tmp("wn-notebook-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(tmp, "analysis.ipynb", NULL);
    g_autofree char *data = g_build_filename(tmp, "analysis_data", NULL);
    WnNotebookOptions opts = WN_NOTEBOOK_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_notebook_export(net, dataset, path, &opts, &error));
    g_assert_no_error(error);
    g_autofree char *ipynb = wn_test_read_file(tmp, "analysis.ipynb");
    g_autofree char *run = wn_test_read_file(data, "run.json");
    g_autofree char *brokers = wn_test_read_file(data, "brokers.csv");
    g_autofree char *ties = wn_test_read_file(data, "ties.csv");
    g_assert_true(g_str_has_prefix(ipynb, "{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n"
                                          "   \"id\": \"intro\",\n"));
    g_assert_true(g_str_has_suffix(ipynb, " \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n"));
    g_assert_nonnull(strstr(ipynb, "DATA = Path(\\\"analysis_data\\\")"));
    g_autofree char *areas = wn_test_read_file(data, "areas.csv");
    g_assert_nonnull(strstr(run, "data/formats-wijk/nodes.csv"));
    g_assert_nonnull(strstr(run, "\"show_labels\":\t\"false\""));
    g_assert_true(g_str_has_prefix(areas, "area,name,suppressed,residents,"));
    g_assert_true(g_str_has_prefix(brokers, "rank,id,type,group,t,"));
    g_assert_true(g_str_has_prefix(ties, "source,target,type,weight,formal,relations\n"));
    g_assert_null(strstr(ipynb, "Jansen"));
    wn_test_remove_tree(tmp);
}

static void
test_export_into_a_file_is_a_file_error(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "path-4");
    g_autofree char *tmp = g_dir_make_tmp("wn-notebook-XXXXXX", NULL);
    g_autofree char *file = g_build_filename(tmp, "plain", NULL);
    g_assert_true(g_file_set_contents(file, "x", -1, NULL));
    g_autofree char *path = g_build_filename(file, "a.ipynb", NULL);
    g_autofree char *want =
        g_strdup_printf("%s/a_data: cannot create the folder: Not a directory", file);
    WnNotebookOptions opts = WN_NOTEBOOK_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_assert_false(wn_notebook_export(net, NULL, path, &opts, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_NOTDIR);
    g_assert_cmpstr(error->message, ==, want);
    wn_test_remove_tree(tmp);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/notebook/json/escapes-quotes-backslashes-and-control-characters",
                    test_json_escapes_quotes_backslashes_and_control_characters);
    g_test_add_func("/notebook/json/keeps-non-ascii-as-utf8", test_json_keeps_non_ascii_as_utf8);
    g_test_add_func("/notebook/json/replaces-invalid-utf8", test_json_replaces_invalid_utf8);
    g_test_add_func("/notebook/json/null-is-an-empty-string", test_json_null_is_an_empty_string);
    g_test_add_func("/notebook/csv/quotes-a-cell-only-when-it-must",
                    test_csv_quotes_a_cell_only_when_it_must);
    g_test_add_func("/notebook/data-dir/replaces-the-ipynb-suffix",
                    test_data_dir_replaces_the_ipynb_suffix);
    g_test_add_func("/notebook/argv/is-the-equivalent-export-command",
                    test_argv_is_the_equivalent_export_command);
    g_test_add_func("/notebook/nodes/have-every-registry-measure-then-isolation-columns",
                    test_nodes_have_every_registry_measure_then_isolation_columns);
    g_test_add_func("/notebook/nodes/join-measures-and-isolation-by-id",
                    test_nodes_join_measures_and_isolation_by_id);
    g_test_add_func("/notebook/nodes/non-resident-has-status-not-resident-and-no-index",
                    test_nodes_non_resident_has_status_not_resident_and_no_index);
    g_test_add_func("/notebook/nodes/carry-labels-only-when-asked",
                    test_nodes_carry_labels_only_when_asked);
    g_test_add_func("/notebook/ties/are-merged-without-conflicts",
                    test_ties_are_merged_without_conflicts);
    g_test_add_func("/notebook/export/writes-the-data-folder-then-the-notebook",
                    test_export_writes_the_data_folder_then_the_notebook);
    g_test_add_func("/notebook/export/into-a-file-is-a-file-error",
                    test_export_into_a_file_is_a_file_error);
    return g_test_run();
}
