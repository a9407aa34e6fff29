/* test-privacy.c: keyed pseudonyms, key files and pseudonymised datasets (issue 8) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <glib/gstdio.h>
#include <string.h>

/*
 * tests/data/privacy-wijk (10 nodes; `x` marks the conflict, kept out of the ties):
 *
 *   fleur - anna - bram - cees - dewi  x  eva - hanna - wijkteam      gijs
 *             \    /                                     (alone)
 *            kookclub
 *
 * anna-bram appears twice (merged); degrees in nodes.csv order: anna 3, bram 3, cees 2,
 * dewi 1, eva 1, fleur 1, gijs 0, hanna 2, kookclub 2, wijkteam 1. nodes.csv has a
 * phone column, ties.csv a free-text note, and the folder an interview-notes.txt.
 */

static const char *const wijk_ids[] = {"res-anna",       "res-bram",    "res-cees", "res-dewi",
                                       "res-eva",        "res-fleur",   "res-gijs", "prof-hanna",
                                       "group-kookclub", "org-wijkteam"};
static const char *const wijk_personal[] = {
    "Jansen",   "Anna",        "Bram",        "Bakker",      "Cees",        "Dewi",
    "Eva",      "El Amrani",   "Fleur",       "Gijs",        "Hanna",       "Kookclub",
    "Wijkteam", "06-11112222", "06-33334444", "06-55556666", "06-77778888", "020-1234567",
    "birthday", "niece",       "counselling", "stairwell"};

static char *
data_path(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "data", name, NULL);
}

static GBytes *
load_key(const char *name)
{
    g_autofree char *path = g_test_build_filename(G_TEST_DIST, "data", "privacy-keys", name, NULL);
    g_autoptr(GError) error = NULL;
    GBytes *key = wn_pseudonym_key_load(path, &error);
    g_assert_no_error(error);
    return key;
}

/* Pseudonymises @dataset with the key file @key_name into @tmp/@out; asserts success. */
static char *
pseudonymise(const char *dataset, const char *key_name, const WnPseudonymiseOptions *opts,
             const char *tmp, const char *out, GPtrArray *notes)
{
    g_autofree char *dir = data_path(dataset);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autoptr(GBytes) key = load_key(key_name);
    char *out_dir = g_build_filename(tmp, out, NULL);
    g_assert_true(wn_pseudonymise_options_check(net, opts, &error));
    g_assert_no_error(error);
    g_assert_true(wn_pseudonymise_dataset(net, dir, out_dir, key, opts, notes, &error));
    g_assert_no_error(error);
    return out_dir;
}

static const char *const output_files[] = {"nodes.csv", "ties.csv", "dataset.json",
                                           "areas.geojson"};

static void
test_pseudonym_is_kind_letter_and_16_hex_digits(void)
{
    g_autoptr(GBytes) key = load_key("test.key");
    /* python3: hmac.new(b"wijknet-test-key-0123456789abcdef", b"res-anna",
     *                   "sha256").hexdigest()[:16] == "ce457a2233540c5c" */
    g_autofree char *anna = wn_pseudonym_new(key, WN_NODE_RESIDENT, "res-anna");
    g_autofree char *hanna = wn_pseudonym_new(key, WN_NODE_PROFESSIONAL, "prof-hanna");
    g_autofree char *fingerprint = wn_pseudonym_key_fingerprint(key);
    g_assert_cmpstr(anna, ==, "R-ce457a2233540c5c");
    g_assert_cmpstr(hanna, ==, "P-dfdb6ae6ac4e8125");
    g_assert_cmpstr(fingerprint, ==, "83188c2f0e2903dd");
}

static void
test_key_trailing_line_end_is_ignored(void)
{
    g_autoptr(GBytes) from_file = load_key("test.key"); /* the file ends in "\n" */
    g_autoptr(GBytes) bare = g_bytes_new_static("wijknet-test-key-0123456789abcdef", 33);
    g_assert_true(g_bytes_equal(from_file, bare));
}

static void
test_same_key_gives_byte_identical_output(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    WnPseudonymiseOptions opts = WN_PSEUDONYMISE_OPTIONS_INIT;
    g_autofree char *a = pseudonymise("privacy-wijk", "test.key", &opts, tmp, "a", NULL);
    g_autofree char *b = pseudonymise("privacy-wijk", "test.key", &opts, tmp, "b", NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(output_files); i++) {
        g_autofree char *text_a = wn_test_read_file(a, output_files[i]);
        g_autofree char *text_b = wn_test_read_file(b, output_files[i]);
        g_assert_cmpstr(text_a, ==, text_b);
    }
    wn_test_remove_tree(tmp);
}

static void
test_different_key_gives_different_pseudonyms(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    WnPseudonymiseOptions opts = WN_PSEUDONYMISE_OPTIONS_INIT;
    g_autofree char *a = pseudonymise("privacy-wijk", "test.key", &opts, tmp, "a", NULL);
    g_autofree char *b = pseudonymise("privacy-wijk", "other.key", &opts, tmp, "b", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net_a = wn_network_load(a, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autoptr(WnNetwork) net_b = wn_network_load(b, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    for (gsize v = 0; v < wn_network_node_count(net_a); v++) {
        const char *id_a = wn_network_node_id(net_a, v), *id_b = wn_network_node_id(net_b, v);
        g_assert_cmpstr(id_a, !=, id_b);
        g_assert_cmpint(id_a[0], ==, id_b[0]); /* the kind letter stays */
        g_assert_false(wn_network_node_lookup(net_b, id_a, NULL));
    }
    wn_test_remove_tree(tmp);
}

static GArray *
degrees(const WnNetwork *net)
{
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    GArray *d = wn_measure_degree(net, &opts, &error);
    g_assert_no_error(error);
    return d;
}

static void
test_output_loads_with_the_same_structure(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    WnPseudonymiseOptions opts = WN_PSEUDONYMISE_OPTIONS_INIT;
    g_autofree char *out = pseudonymise("privacy-wijk", "test.key", &opts, tmp, "out", NULL);
    g_autoptr(WnNetwork) orig = wn_test_load("data", "privacy-wijk");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) pseud = wn_network_load(out, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_network_node_count(pseud), ==, 10);
    g_assert_cmpuint(wn_network_tie_count(pseud), ==, 8);
    g_assert_cmpuint(wn_network_conflict_count(pseud), ==, 1);
    g_autoptr(GArray) d_orig = degrees(orig);
    g_autoptr(GArray) d_pseud = degrees(pseud);
    static const double want[] = {3, 3, 2, 1, 1, 1, 0, 2, 2, 1};
    for (gsize v = 0; v < G_N_ELEMENTS(want); v++) {
        g_assert_cmpfloat(g_array_index(d_pseud, double, v), ==, want[v]);
        g_assert_cmpfloat(g_array_index(d_orig, double, v), ==, want[v]);
        g_assert_cmpint(wn_network_node_kind(pseud, v), ==, wn_network_node_kind(orig, v));
        g_assert_cmpstr(wn_network_node_area(pseud, v), ==, wn_network_node_area(orig, v));
        g_assert_cmpint(wn_network_node_vulnerable(pseud, v), ==,
                        wn_network_node_vulnerable(orig, v));
    }
    for (gsize t = 0; t < wn_network_tie_count(pseud); t++) {
        g_assert_cmpfloat(wn_network_tie_weight(pseud, t), ==, wn_network_tie_weight(orig, t));
        g_assert_cmpint(wn_network_tie_kind(pseud, t), ==, wn_network_tie_kind(orig, t));
    }
    wn_test_remove_tree(tmp);
}

static void
assert_nothing_personal(const char *text)
{
    for (gsize i = 0; i < G_N_ELEMENTS(wijk_ids); i++) {
        g_assert_null(strstr(text, wijk_ids[i]));
    }
    for (gsize i = 0; i < G_N_ELEMENTS(wijk_personal); i++) {
        g_assert_null(strstr(text, wijk_personal[i]));
    }
}

static void
test_no_original_id_or_label_in_output(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    WnPseudonymiseOptions opts = WN_PSEUDONYMISE_OPTIONS_INIT;
    g_autofree char *out = pseudonymise("privacy-wijk", "test.key", &opts, tmp, "out", NULL);
    g_autoptr(GDir) d = g_dir_open(out, 0, NULL);
    gsize files = 0;
    for (const char *name = g_dir_read_name(d); name != NULL; name = g_dir_read_name(d)) {
        g_autofree char *text = wn_test_read_file(out, name);
        assert_nothing_personal(text);
        files++;
    }
    g_assert_cmpuint(files, ==, 4); /* interview-notes.txt is not copied */
    wn_test_remove_tree(tmp);
}

static void
test_output_files_are_mode_0600(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    WnPseudonymiseOptions opts = WN_PSEUDONYMISE_OPTIONS_INIT;
    g_autofree char *out = pseudonymise("privacy-wijk", "test.key", &opts, tmp, "out", NULL);
    GStatBuf st;
    g_assert_cmpint(g_stat(out, &st), ==, 0);
    g_assert_cmpint(st.st_mode & 0777, ==, 0700);
    for (gsize i = 0; i < G_N_ELEMENTS(output_files); i++) {
        g_autofree char *path = g_build_filename(out, output_files[i], NULL);
        g_assert_cmpint(g_stat(path, &st), ==, 0);
        g_assert_cmpint(st.st_mode & 0777, ==, 0600);
    }
    wn_test_remove_tree(tmp);
}

static void
test_default_keeps_analysis_columns_and_rounds_coordinates(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    WnPseudonymiseOptions opts = WN_PSEUDONYMISE_OPTIONS_INIT;
    g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *out = pseudonymise("privacy-wijk", "test.key", &opts, tmp, "out", notes);
    g_autofree char *nodes = wn_test_read_file(out, "nodes.csv");
    g_autofree char *ties = wn_test_read_file(out, "ties.csv");
    /* res-anna at 52.371612, 4.896123 rounds to 52.372, 4.896; her label is her pseudonym */
    g_assert_true(g_str_has_prefix(nodes, "id,type,label,area,lat,lon,vulnerable\n"
                                          "R-ce457a2233540c5c,resident,R-ce457a2233540c5c,"
                                          "BU04390101,52.372,4.896,1\n"));
    g_assert_true(g_str_has_prefix(ties, "source,target,type,weight,support_kind\n"
                                         "R-ce457a2233540c5c,"));
    static const char *const want[] = {
        "dropped column nodes.csv:phone", "dropped column nodes.csv:interests",
        "dropped column ties.csv:note", "not copied: interview-notes.txt"};
    g_assert_cmpuint(notes->len, ==, G_N_ELEMENTS(want));
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++) {
        g_assert_cmpstr(g_ptr_array_index(notes, i), ==, want[i]);
    }
    wn_test_remove_tree(tmp);
}

static void
test_keep_and_drop_choose_the_columns(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    static const char *const keep[] = {"Interests", NULL};
    static const char *const drop[] = {"label", "vulnerable", NULL};
    WnPseudonymiseOptions opts = {keep, drop, WN_COORDINATES_DROP, 3};
    g_autofree char *out = pseudonymise("privacy-wijk", "test.key", &opts, tmp, "out", NULL);
    g_autofree char *nodes = wn_test_read_file(out, "nodes.csv");
    g_autofree char *json = wn_test_read_file(out, "dataset.json");
    g_assert_true(g_str_has_prefix(nodes, "id,type,area,interests\n"
                                          "R-ce457a2233540c5c,resident,BU04390101,koken|lezen\n"));
    g_assert_nonnull(strstr(json, "\"labels\":\t\"dropped\""));
    g_assert_nonnull(strstr(json, "\"coordinates\":\t\"dropped\""));
    g_assert_nonnull(strstr(json, "\"key_fingerprint\":\t\"83188c2f0e2903dd\""));
    g_assert_nonnull(strstr(json, "\"title\":\t\"Privacy test wijk\""));
    wn_test_remove_tree(tmp);
}

static void
test_coordinates_kept_when_asked(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    WnPseudonymiseOptions opts = WN_PSEUDONYMISE_OPTIONS_INIT;
    opts.coordinates = WN_COORDINATES_KEEP;
    g_autofree char *out = pseudonymise("privacy-wijk", "test.key", &opts, tmp, "out", NULL);
    g_autofree char *nodes = wn_test_read_file(out, "nodes.csv");
    g_assert_nonnull(strstr(nodes, ",BU04390101,52.371612,4.896123,1\n"));
    wn_test_remove_tree(tmp);
}

static void
test_semicolons_and_decimal_commas_survive(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    WnPseudonymiseOptions opts = WN_PSEUDONYMISE_OPTIONS_INIT;
    opts.decimals = 2;
    g_autofree char *out = pseudonymise("privacy-semicolon", "test.key", &opts, tmp, "out", NULL);
    g_autofree char *nodes = wn_test_read_file(out, "nodes.csv");
    g_autofree char *ties = wn_test_read_file(out, "ties.csv");
    /* 52,37161 with ';' is 52.37161: rounded to 2 decimals, written with a point */
    g_assert_cmpstr(nodes, ==,
                    "id;type;label;lat;lon\n"
                    "R-ce457a2233540c5c;resident;R-ce457a2233540c5c;52.37;4.90\n"
                    "P-dfdb6ae6ac4e8125;professional;P-dfdb6ae6ac4e8125;;\n");
    g_assert_cmpstr(ties, ==, "source;target;weight\nR-ce457a2233540c5c;P-dfdb6ae6ac4e8125;1,5\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(out, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_assert_cmpfloat(wn_network_tie_weight(net, 0), ==, 1.5);
    wn_test_remove_tree(tmp);
}

static void
test_missing_key_file_is_refused(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) key = wn_pseudonym_key_load("no-such.key", &error);
    g_assert_null(key);
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_cmpstr(
        error->message, ==,
        "no-such.key: no such key file (wijknet pseudonymise --new-key FILE makes one)");
}

static void
test_short_key_is_refused(void)
{
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "data", "privacy-keys", "short.key", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) key = wn_pseudonym_key_load(path, &error);
    g_assert_null(key);
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_autofree char *want = g_strdup_printf("%s: expected a key of at least 32 bytes, got 13 "
                                            "(wijknet pseudonymise --new-key FILE makes one)",
                                            path);
    g_assert_cmpstr(error->message, ==, want);
}

static void
test_new_key_is_64_hex_digits_readable_by_owner_only(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(tmp, "new.key", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_pseudonym_key_create(path, &error));
    g_assert_no_error(error);
    g_autofree char *text = wn_test_read_file(tmp, "new.key");
    g_assert_cmpuint(strlen(text), ==, 65);
    g_assert_cmpuint(strspn(text, "0123456789abcdef"), ==, 64);
    g_assert_cmpint(text[64], ==, '\n');
    GStatBuf st;
    g_assert_cmpint(g_stat(path, &st), ==, 0);
    g_assert_cmpint(st.st_mode & 0777, ==, 0600);
    g_autofree char *other = g_build_filename(tmp, "other.key", NULL);
    g_assert_true(wn_pseudonym_key_create(other, &error));
    g_autofree char *other_text = wn_test_read_file(tmp, "other.key");
    g_assert_cmpstr(text, !=, other_text);
    wn_test_remove_tree(tmp);
}

static void
test_new_key_refuses_to_overwrite(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(tmp, "old.key", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_set_contents(path, "precious\n", -1, &error));
    g_assert_false(wn_pseudonym_key_create(path, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST);
    g_autofree char *want = g_strdup_printf("%s: the file exists; refusing to overwrite a key "
                                            "(data pseudonymised with it could no longer be "
                                            "linked)",
                                            path);
    g_assert_cmpstr(error->message, ==, want);
    g_autofree char *text = wn_test_read_file(tmp, "old.key");
    g_assert_cmpstr(text, ==, "precious\n");
    wn_test_remove_tree(tmp);
}

typedef struct {
    const char *keep, *drop;
    const char *message;
} OptionsCase;

static const OptionsCase option_cases[] = {
    {"bogus", NULL, "no column named \"bogus\" in nodes.csv or ties.csv"},
    {NULL, "id", "cannot drop \"id\": a dataset needs it (its ids are pseudonymised)"},
    {NULL, "source", "cannot drop \"source\": a dataset needs it (its ids are pseudonymised)"},
    {"phone", "PHONE", "\"phone\" is both kept and dropped"},
    {"Phone", NULL,
     "cannot keep \"Phone\": it is a personal column (docs/FORMAT.md, Personal columns), and a "
     "pseudonymised dataset carries none"},
};

static void
test_bad_column_options_are_refused(gconstpointer data)
{
    const OptionsCase *c = data;
    g_autoptr(WnNetwork) net = wn_test_load("data", "privacy-wijk");
    const char *keep[] = {c->keep, NULL}, *drop[] = {c->drop, NULL};
    WnPseudonymiseOptions opts = {keep, drop, WN_COORDINATES_ROUND, 3};
    g_autoptr(GError) error = NULL;
    g_assert_false(wn_pseudonymise_options_check(net, &opts, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==, c->message);
}

static void
test_refuses_a_folder_that_is_not_empty(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    g_autofree char *dir = data_path("privacy-wijk");
    g_autoptr(WnNetwork) net = wn_test_load("data", "privacy-wijk");
    g_autoptr(GBytes) key = load_key("test.key");
    WnPseudonymiseOptions opts = WN_PSEUDONYMISE_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_assert_false(wn_pseudonymise_dataset(net, dir, dir, key, &opts, NULL, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST);
    g_autofree char *want_self = g_strdup_printf(
        "%s: is the dataset folder itself; refusing to write over the original", dir);
    g_assert_cmpstr(error->message, ==, want_self);
    g_clear_error(&error);
    g_autofree char *file = g_build_filename(tmp, "earlier.csv", NULL);
    g_assert_true(g_file_set_contents(file, "x\n", -1, &error));
    g_assert_false(wn_pseudonymise_dataset(net, dir, tmp, key, &opts, NULL, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST);
    g_autofree char *want =
        g_strdup_printf("%s: the folder is not empty; refusing to write into it", tmp);
    g_assert_cmpstr(error->message, ==, want);
    wn_test_remove_tree(tmp);
}

/* A key file inside the output folder would be shared with the data: refused. */
static void
test_key_inside_the_output_folder_is_refused(void)
{
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) error = NULL;
    g_assert_false(
        wn_pseudonym_key_check_placement("out/keys/../wijk.key", "data", "out", warnings, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==,
                    "the key file is inside the output folder out; keep the key apart from the "
                    "data");
    g_assert_cmpuint(warnings->len, ==, 0);
}

/* Inside the dataset folder is allowed, with a warning; beside it (a name that only
 * starts like the folder's) is not inside. */
static void
test_key_inside_the_dataset_folder_warns(void)
{
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) error = NULL;
    g_assert_true(
        wn_pseudonym_key_check_placement("./data/wijk.key", "data/", "out", warnings, &error));
    g_assert_true(
        wn_pseudonym_key_check_placement("data-keys/wijk.key", "data", "out", warnings, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(warnings->len, ==, 1);
    g_assert_cmpstr(g_ptr_array_index(warnings, 0), ==,
                    "the key file is inside the dataset folder; keep the key apart from the data");
}

/* A key others can read warns; one readable by its owner only does not. */
static void
test_key_readable_by_others_warns(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(tmp, "wijk.key", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_pseudonym_key_create(path, &error));
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    g_assert_true(wn_pseudonym_key_check_placement(path, "data", "out", warnings, &error));
    g_assert_cmpuint(warnings->len, ==, 0);
    g_assert_cmpint(g_chmod(path, 0640), ==, 0);
    g_assert_true(wn_pseudonym_key_check_placement(path, "data", "out", warnings, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(warnings->len, ==, 1);
    g_autofree char *want =
        g_strdup_printf("%s can be read by other users (chmod 600 %s)", path, path);
    g_assert_cmpstr(g_ptr_array_index(warnings, 0), ==, want);
    wn_test_remove_tree(tmp);
}

/* An input that cannot be read is G_FILE_ERROR, an output that cannot be made
 * WN_OUTPUT_ERROR: here the output folder's parent is a file. */
static void
test_output_that_cannot_be_made_is_an_output_error(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    g_autofree char *dir = data_path("privacy-wijk");
    g_autofree char *file = g_build_filename(tmp, "file", NULL);
    g_autofree char *out = g_build_filename(file, "out", NULL);
    g_autoptr(WnNetwork) net = wn_test_load("data", "privacy-wijk");
    g_autoptr(GBytes) key = load_key("test.key");
    WnPseudonymiseOptions opts = WN_PSEUDONYMISE_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_set_contents(file, "x\n", -1, &error));
    g_assert_false(wn_pseudonymise_dataset(net, dir, out, key, &opts, NULL, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_NOTDIR);
    g_autofree char *key_path = g_build_filename(file, "new.key", NULL);
    g_clear_error(&error);
    g_assert_false(wn_pseudonym_key_create(key_path, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_NOTDIR);
    wn_test_remove_tree(tmp);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/privacy/pseudonym/is-kind-letter-and-16-hex-digits",
                    test_pseudonym_is_kind_letter_and_16_hex_digits);
    g_test_add_func("/privacy/key/trailing-line-end-is-ignored",
                    test_key_trailing_line_end_is_ignored);
    g_test_add_func("/privacy/key/missing-file-is-refused", test_missing_key_file_is_refused);
    g_test_add_func("/privacy/key/shorter-than-32-bytes-is-refused", test_short_key_is_refused);
    g_test_add_func("/privacy/key/new-key-is-64-hex-digits-readable-by-owner-only",
                    test_new_key_is_64_hex_digits_readable_by_owner_only);
    g_test_add_func("/privacy/key/new-key-refuses-to-overwrite", test_new_key_refuses_to_overwrite);
    g_test_add_func("/privacy/key/inside-the-output-folder-is-refused",
                    test_key_inside_the_output_folder_is_refused);
    g_test_add_func("/privacy/key/inside-the-dataset-folder-warns",
                    test_key_inside_the_dataset_folder_warns);
    g_test_add_func("/privacy/key/readable-by-others-warns", test_key_readable_by_others_warns);
    g_test_add_func("/privacy/dataset/output-that-cannot-be-made-is-an-output-error",
                    test_output_that_cannot_be_made_is_an_output_error);
    g_test_add_func("/privacy/dataset/same-key-gives-byte-identical-output",
                    test_same_key_gives_byte_identical_output);
    g_test_add_func("/privacy/dataset/different-key-gives-different-pseudonyms",
                    test_different_key_gives_different_pseudonyms);
    g_test_add_func("/privacy/dataset/output-loads-with-the-same-structure",
                    test_output_loads_with_the_same_structure);
    g_test_add_func("/privacy/dataset/no-original-id-or-label-in-output",
                    test_no_original_id_or_label_in_output);
    g_test_add_func("/privacy/dataset/files-are-mode-0600", test_output_files_are_mode_0600);
    g_test_add_func("/privacy/dataset/default-keeps-analysis-columns-and-rounds-coordinates",
                    test_default_keeps_analysis_columns_and_rounds_coordinates);
    g_test_add_func("/privacy/dataset/keep-and-drop-choose-the-columns",
                    test_keep_and_drop_choose_the_columns);
    g_test_add_func("/privacy/dataset/coordinates-kept-when-asked",
                    test_coordinates_kept_when_asked);
    g_test_add_func("/privacy/dataset/semicolons-and-decimal-commas-survive",
                    test_semicolons_and_decimal_commas_survive);
    g_test_add_func("/privacy/dataset/refuses-a-folder-that-is-not-empty",
                    test_refuses_a_folder_that_is_not_empty);
    for (gsize i = 0; i < G_N_ELEMENTS(option_cases); i++) {
        g_autofree char *path =
            g_strdup_printf("/privacy/options/bad-columns-are-refused/%" G_GSIZE_FORMAT, i);
        g_test_add_data_func(path, &option_cases[i], test_bad_column_options_are_refused);
    }
    return g_test_run();
}
