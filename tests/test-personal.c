/* test-personal.c: personal columns (docs/FORMAT.md): which they are, and no output shows them */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <string.h>

/*
 * Two residents who share the interest koken, the language nl and the age band 65+, with
 * a phone column (personal by name) and, in some tests, dataset.json listing more:
 *
 *   r1 - g1 - r2     (r1 and r2 both members of the group g1)
 */
static const char nodes_csv[] = "id,type,area,interests,language,age_band,Telefoon,notes\n"
                                "r1,resident,A,koken,nl,65+,06-11112222,MARKER-NOTE-1\n"
                                "r2,resident,A,koken,nl,65+,06-33334444,MARKER-NOTE-2\n"
                                "g1,group,A,,,,,\n";
static const char ties_csv[] = "source,target,type\nr1,g1,member\nr2,g1,member\n";

/* Writes a dataset whose dataset.json is @json (NULL: none) into a fresh folder. */
static char *
write_dataset(const char *json)
{
    char *dir = wn_test_make_temp_dir();
    const char *files[][2] = {
        {"nodes.csv", nodes_csv}, {"ties.csv", ties_csv}, {"dataset.json", json}};
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = g_build_filename(dir, files[i][0], NULL);
        if (files[i][1] != NULL) {
            g_assert_true(g_file_set_contents(path, files[i][1], -1, NULL));
        }
    }
    return dir;
}

/* The dataset of write_dataset(@json), loaded. */
static WnNetwork *
load_with(const char *json)
{
    g_autofree char *dir = write_dataset(json);
    g_autoptr(GError) error = NULL;
    WnNetwork *net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    wn_test_remove_tree(dir);
    return net;
}

static void
test_names_on_the_list_are_personal(void)
{
    g_autoptr(WnNetwork) net = load_with(NULL);
    static const char *const personal[] = {
        "first_name",     "First Name",    "firstname",
        "first-name",     "FIRST_NAME",    " voornaam ",
        "last_name",      "surname",       "achternaam",
        "naam",           "name",          "roepnaam",
        "tussenvoegsel",  "phone",         "Telefoon",
        "telefoonnummer", "mobiel",        "mobile",
        "email",          "e-mail",        "E-mail",
        "address",        "adres",         "street",
        "straat",         "huisnummer",    "house number",
        "postcode",       "Post code",     "zip",
        "postal_code",    "bsn",           "citizen service number",
        "birth date",     "date_of_birth", "dob",
        "geboortedatum",  "label"};
    for (gsize i = 0; i < G_N_ELEMENTS(personal); i++) {
        if (!wn_network_node_attribute_is_personal(net, personal[i])) {
            g_error("\"%s\" should be personal", personal[i]);
        }
    }
}

static void
test_research_and_format_columns_are_not_personal(void)
{
    g_autoptr(WnNetwork) net = load_with(NULL);
    static const char *const other[] = {"age_band", "interests",  "language",   "household",
                                        "notes",    "area_name",  "naamgeving", "zipper",
                                        "id",       "type",       "area",       "lat",
                                        "lon",      "vulnerable", "kind",       "club"};
    for (gsize i = 0; i < G_N_ELEMENTS(other); i++) {
        if (wn_network_node_attribute_is_personal(net, other[i])) {
            g_error("\"%s\" should not be personal", other[i]);
        }
    }
}

static void
test_dataset_json_adds_personal_columns(void)
{
    g_autoptr(WnNetwork) net = load_with("{\"personal\": [\" Notes \", \"age band\"]}");
    g_assert_true(wn_network_node_attribute_is_personal(net, "notes"));
    g_assert_true(wn_network_node_attribute_is_personal(net, "age_band"));
    g_assert_false(wn_network_node_attribute_is_personal(net, "interests"));
    g_auto(GStrv) names = wn_network_personal_attributes_dup(net);
    g_autofree char *joined = g_strjoinv(",", names);
    g_assert_cmpstr(joined, ==, "age_band,telefoon,notes"); /* file order */
}

typedef struct {
    const char *json;
    const char *message; /* after "DIR/dataset.json:" */
} BadJson;

static const BadJson bad_json[] = {
    {"{\"personal\": \"naam\"}",
     "1:14: expected \"personal\" to be an array of column names ([\"naam\", …]), got a string"},
    {"{\"title\": \"x\",\n \"personal\": [\"naam\", 3]}",
     "2:23: expected a column name in \"personal\", got a number"},
    {"{\"personal\": [\"a\", [\"b\"]]}",
     "1:20: expected a column name in \"personal\", got an array"},
    {"{\"personal\": [\"a\", \"  \"]}",
     "1:20: expected a column name in \"personal\", got an empty string"},
    {"{\"personal\": [\"Area\"]}",
     "1:15: \"Area\" cannot be personal: it is a column of docs/FORMAT.md with its own meaning "
     "(list attribute columns, or label)"},
    {"{\"personal\": {\"naam\": true}}",
     "1:14: expected \"personal\" to be an array of column names ([\"naam\", …]), got an object"},
};

static void
test_bad_personal_member_is_refused(gconstpointer data)
{
    const BadJson *c = data;
    g_autofree char *dir = write_dataset(c->json);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_null(net);
    g_assert_error(error, WN_ERROR, WN_ERROR_PARSE);
    g_autofree char *want = g_strdup_printf("%s/dataset.json:%s", dir, c->message);
    g_assert_cmpstr(error->message, ==, want);
    wn_test_remove_tree(dir);
}

/* TRUE when @text holds @needle. */
static gboolean
holds(const char *text, const char *needle)
{
    return strstr(text, needle) != NULL;
}

static void
test_exports_leave_personal_columns_out_unless_labels_are_shown(void)
{
    g_autoptr(WnNetwork) net = load_with("{\"personal\": [\"notes\"]}");
    const WnFormat formats[] = {WN_FORMAT_GRAPHML, WN_FORMAT_GML, WN_FORMAT_NODE_LINK};
    for (gsize i = 0; i < G_N_ELEMENTS(formats); i++) {
        g_autoptr(GError) error = NULL;
        g_autofree char *plain =
            wn_network_to_format(net, formats[i], WN_EXPORT_DEFAULT, NULL, &error);
        g_assert_no_error(error);
        g_autofree char *shown =
            wn_network_to_format(net, formats[i], WN_EXPORT_SHOW_LABELS, NULL, &error);
        g_assert_no_error(error);
        g_assert_true(holds(plain, "koken"));
        g_assert_false(holds(plain, "06-11112222") || holds(plain, "MARKER-NOTE-1"));
        g_assert_true(holds(shown, "06-11112222") && holds(shown, "MARKER-NOTE-1"));
    }
}

static void
test_grouping_by_a_personal_column_is_refused(void)
{
    g_autoptr(WnNetwork) net = load_with("{\"personal\": [\"notes\"]}");
    g_autoptr(GError) error = NULL;
    WnBrokersOptions brokers = WN_BROKERS_OPTIONS_INIT;
    brokers.by = "TELEFOON";
    g_assert_null(wn_brokers_table(net, &brokers, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_OPTION);
    g_assert_cmpstr(error->message, ==,
                    "cannot group by \"TELEFOON\": it is a personal column (docs/FORMAT.md)");
    g_clear_error(&error);
    WnCommunityOptions communities = WN_COMMUNITY_OPTIONS_INIT;
    g_assert_null(wn_communities_from_column(net, "notes", &communities, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_OPTION);
    g_assert_cmpstr(error->message, ==,
                    "cannot partition by \"notes\": it is a personal column (docs/FORMAT.md)");
    g_clear_error(&error);
    brokers.by = "interests"; /* not personal: grouped as before */
    g_autoptr(WnTable) table = wn_brokers_table(net, &brokers, &error);
    g_assert_no_error(error);
    g_assert_nonnull(table);
}

/* The reason of the first suggestion for r1: r2, through g1, sharing everything. */
static char *
first_reason(const char *json)
{
    g_autoptr(WnNetwork) net = load_with(json);
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    const char *const ids[] = {"r1", NULL};
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_suggest_table(net, ids, &opts, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_table_row_count(t), >=, 1);
    g_assert_cmpstr(wn_table_cell_string(t, 0, wn_test_column(t, "candidate")), ==, "r2");
    return g_strdup(wn_table_cell_string(t, 0, wn_test_column(t, "reason")));
}

static void
test_suggest_reasons_quote_no_personal_values(void)
{
    g_autofree char *open = first_reason(NULL);
    g_assert_true(holds(open, "both: koken, nl") && holds(open, "same age band 65+"));
    g_autofree char *closed = first_reason("{\"personal\": [\"interests\", \"age_band\"]}");
    g_assert_true(holds(closed, "2 interests or languages in common"));
    g_assert_true(holds(closed, "same age band"));
    g_assert_false(holds(closed, "koken") || holds(closed, "65+") || holds(closed, "nl"));
}

static void
test_batch_check_lists_personal_columns(void)
{
    g_autofree char *dir = write_dataset("{\"personal\": [\"notes\"]}");
    g_autofree char *out = g_build_filename(dir, "out", NULL);
    g_autofree char *job_text = g_strdup_printf(
        "{\"output\": \"%s\", \"outputs\": [\"check\"], \"datasets\": [{\"name\": \"w\", "
        "\"path\": \"%s\"}]}",
        out, dir);
    g_autofree char *job_path = g_build_filename(dir, "job.json", NULL);
    g_assert_true(g_file_set_contents(job_path, job_text, -1, NULL));
    g_autoptr(GError) error = NULL;
    g_autoptr(WnBatchJob) job = wn_batch_job_load(job_path, &error);
    g_assert_no_error(error);
    WnBatchRunOptions opts = WN_BATCH_RUN_OPTIONS_INIT;
    g_assert_true(wn_batch_run_dataset(job, 0, &opts, &error));
    g_assert_no_error(error);
    g_autofree char *check = wn_test_read_file(out, "w/check.json");
    g_assert_true(holds(check, "\"personal_columns\":\t[\"telefoon\", \"notes\"]"));
    wn_test_remove_tree(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/personal/names-on-the-list-are-personal",
                    test_names_on_the_list_are_personal);
    g_test_add_func("/personal/research-and-format-columns-are-not-personal",
                    test_research_and_format_columns_are_not_personal);
    g_test_add_func("/personal/dataset-json-adds-personal-columns",
                    test_dataset_json_adds_personal_columns);
    for (gsize i = 0; i < G_N_ELEMENTS(bad_json); i++) {
        g_autofree char *path =
            g_strdup_printf("/personal/bad-personal-member-is-refused/%" G_GSIZE_FORMAT, i);
        g_test_add_data_func(path, &bad_json[i], test_bad_personal_member_is_refused);
    }
    g_test_add_func("/personal/exports-leave-personal-columns-out-unless-labels-are-shown",
                    test_exports_leave_personal_columns_out_unless_labels_are_shown);
    g_test_add_func("/personal/grouping-by-a-personal-column-is-refused",
                    test_grouping_by_a_personal_column_is_refused);
    g_test_add_func("/personal/suggest-reasons-quote-no-personal-values",
                    test_suggest_reasons_quote_no_personal_values);
    g_test_add_func("/personal/batch-check-lists-personal-columns",
                    test_batch_check_lists_personal_columns);
    return g_test_run();
}
