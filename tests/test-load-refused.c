/* test-load-refused.c: every dataset the fieldwork loader refuses, with its exact message */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

static char *
data_dir(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "data", name, NULL);
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

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
        g_test_add_data_func(bad_cases[i].path, &bad_cases[i], test_bad_input_is_refused);
    }
    return g_test_run();
}
