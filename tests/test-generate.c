/* test-generate.c: `wijknet generate`, the synthetic town generator (issue 5) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <glib/gstdio.h>
#include <string.h>

static const char *const dataset_files[] = {"nodes.csv", "ties.csv", "areas.geojson",
                                            "dataset.json"};

static char *
read_file(const char *dir, const char *name, gsize *len_out)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_autoptr(GError) error = NULL;
    char *text = NULL;
    g_file_get_contents(path, &text, len_out, &error);
    g_assert_no_error(error);
    return text;
}

static gboolean
same_file(const char *dir_a, const char *dir_b, const char *name)
{
    gsize len_a = 0, len_b = 0;
    g_autofree char *a = read_file(dir_a, name, &len_a);
    g_autofree char *b = read_file(dir_b, name, &len_b);
    return len_a == len_b && memcmp(a, b, len_a) == 0;
}

static void
test_same_seed_gives_identical_files(void)
{
    g_autofree char *first = wn_test_generate(3000, 42);
    g_autofree char *second = wn_test_generate(3000, 42);
    for (gsize i = 0; i < G_N_ELEMENTS(dataset_files); i++) {
        g_assert_true(same_file(first, second, dataset_files[i]));
    }
    wn_test_remove_tree(first);
    wn_test_remove_tree(second);
}

static void
test_different_seed_gives_different_town(void)
{
    g_autofree char *first = wn_test_generate(3000, 42);
    g_autofree char *second = wn_test_generate(3000, 43);
    g_assert_false(same_file(first, second, "nodes.csv"));
    g_assert_false(same_file(first, second, "ties.csv"));
    wn_test_remove_tree(first);
    wn_test_remove_tree(second);
}

static void
test_folder_holds_the_four_files_only(void)
{
    g_autofree char *dir = wn_test_generate(100, 1);
    g_autoptr(GDir) listing = g_dir_open(dir, 0, NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    for (const char *name; (name = g_dir_read_name(listing)) != NULL;) {
        g_ptr_array_add(names, g_strdup(name));
    }
    g_assert_cmpuint(names->len, ==, G_N_ELEMENTS(dataset_files));
    for (gsize i = 0; i < G_N_ELEMENTS(dataset_files); i++) {
        g_assert_true(g_ptr_array_find_with_equal_func(names, dataset_files[i], g_str_equal, NULL));
    }
    wn_test_remove_tree(dir);
}

/* The town of 20,000 residents (seed 1) that the share tests look at, made once. */
static char *town_dir;
static WnNetwork *town;

static const WnNetwork *
get_town(void)
{
    if (town == NULL) {
        town_dir = wn_test_generate(20000, 1);
        g_autoptr(GError) error = NULL;
        town = wn_network_load(town_dir, WN_LOAD_DEFAULT, &error);
        g_assert_no_error(error);
    }
    return town;
}

static gsize
residents_of(const WnNetwork *net)
{
    gsize count = 0;
    for (gsize v = 0; v < wn_network_node_count(net); v++) {
        count += wn_network_node_kind(net, v) == WN_NODE_RESIDENT;
    }
    return count;
}

/* The only warning is the count of ties reported twice (on purpose), which dataset.json
 * also gives. */
static void
test_town_loads_with_merged_duplicates_only(void)
{
    const WnNetwork *net = get_town();
    const GPtrArray *warnings = wn_network_warnings(net);
    WnSummary summary;
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_network_summarise(net, &summary, &error));
    g_assert_cmpuint(warnings->len, ==, 1);
    g_autofree char *want = g_strdup_printf("%s%sties.csv: %" G_GSIZE_FORMAT
                                            " repeated tie rows merged into earlier rows of the "
                                            "same pair and type (weights added)",
                                            town_dir, G_DIR_SEPARATOR_S, summary.merged_rows);
    g_assert_cmpstr(g_ptr_array_index(warnings, 0), ==, want);
    g_autofree char *counted =
        g_strdup_printf("\"duplicate_rows\":%" G_GSIZE_FORMAT ",", summary.merged_rows);
    g_assert_nonnull(strstr(wn_network_metadata(net, "counts"), counted));
    g_assert_cmpuint(summary.merged_rows, >, 0);
    g_assert_cmpuint(wn_network_conflict_count(net), ==, 0);
}

static void
test_town_metadata_names_source_seed_and_licence(void)
{
    const WnNetwork *net = get_town();
    g_assert_cmpstr(wn_network_metadata(net, "title"), ==,
                    "Synthetic town of 20000 residents (seed 1)");
    g_assert_cmpstr(wn_network_metadata(net, "source"), ==, "wijknet generate");
    g_assert_cmpstr(wn_network_metadata(net, "licence"), ==, "CC0 (synthetic)");
    g_assert_cmpstr(wn_network_metadata(net, "generator"), ==,
                    "{\"name\":\"wijknet generate\",\"version\":\"1\",\"seed\":1,"
                    "\"residents\":20000,\"isolated_share\":0.09,\"vulnerable_share\":0.06}");
}

/* 20,000 residents: exactly; round(20000 / 150) = 133 groups; professionals and
 * organisations present; residents carry no label. */
static void
test_town_has_the_documented_nodes(void)
{
    const WnNetwork *net = get_town();
    WnSummary summary;
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_network_summarise(net, &summary, &error));
    g_assert_cmpuint(summary.nodes_by_kind[WN_NODE_RESIDENT], ==, 20000);
    g_assert_cmpuint(summary.nodes_by_kind[WN_NODE_GROUP], ==, 133);
    g_assert_cmpuint(summary.nodes_by_kind[WN_NODE_PROFESSIONAL], >=, 25);
    g_assert_cmpuint(summary.nodes_by_kind[WN_NODE_PROFESSIONAL], <=, 32);
    g_assert_cmpuint(summary.nodes_by_kind[WN_NODE_ORGANISATION], ==, 2);
    g_assert_cmpuint(summary.ties_by_kind[WN_TIE_MEMBER], >, 133 * 5);
    for (gsize v = 0; v < wn_network_node_count(net); v++) {
        if (wn_network_node_kind(net, v) == WN_NODE_RESIDENT) {
            g_assert_null(wn_network_node_label(net, v));
        }
    }
}

static void
test_town_areas_hold_1500_to_3000_residents(void)
{
    const WnNetwork *net = get_town();
    g_autoptr(GHashTable) sizes = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize v = 0; v < wn_network_node_count(net); v++) {
        if (wn_network_node_kind(net, v) == WN_NODE_RESIDENT) {
            const char *area = wn_network_node_area(net, v);
            gsize n = GPOINTER_TO_SIZE(g_hash_table_lookup(sizes, area));
            g_hash_table_insert(sizes, (gpointer) area, GSIZE_TO_POINTER(n + 1));
        }
    }
    g_assert_cmpuint(g_hash_table_size(sizes), ==, 9); /* round(20000 / 2200) */
    GHashTableIter iter;
    gpointer size = NULL;
    g_hash_table_iter_init(&iter, sizes);
    while (g_hash_table_iter_next(&iter, NULL, &size)) {
        g_assert_cmpuint(GPOINTER_TO_SIZE(size), >=, 1500);
        g_assert_cmpuint(GPOINTER_TO_SIZE(size), <=, 3000);
    }
}

/* 9% (±3 points) of residents have no informal tie; 6% (±2) are vulnerable. */
static void
test_town_has_isolated_and_vulnerable_shares(void)
{
    const WnNetwork *net = get_town();
    WnSummary summary;
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_network_summarise(net, &summary, &error));
    double n = (double) residents_of(net);
    g_assert_cmpfloat_with_epsilon(summary.residents_without_informal_tie / n, 0.09, 0.03);
    g_assert_cmpfloat_with_epsilon(summary.vulnerable_residents / n, 0.06, 0.02);
}

/* Every vulnerable resident has a support tie from a professional, with a support kind. */
static void
test_town_supports_every_vulnerable_resident(void)
{
    const WnNetwork *net = get_town();
    g_autofree gboolean *supported = g_new0(gboolean, wn_network_node_count(net));
    for (gsize t = 0; t < wn_network_tie_count(net); t++) {
        gsize a = 0, b = 0;
        wn_network_tie_ends(net, t, &a, &b);
        if (wn_network_tie_kind(net, t) == WN_TIE_SUPPORT) {
            g_assert_cmpint(wn_network_node_kind(net, a), ==, WN_NODE_PROFESSIONAL);
            g_assert_cmpint(wn_network_node_kind(net, b), ==, WN_NODE_RESIDENT);
            g_assert_nonnull(wn_network_tie_attribute(net, t, "support_kind"));
            supported[b] = TRUE;
        }
    }
    for (gsize v = 0; v < wn_network_node_count(net); v++) {
        g_assert_true(!wn_network_node_vulnerable(net, v) || supported[v]);
    }
}

/* About 38% of households have one member (the household column). */
static void
test_town_households_are_38_percent_single(void)
{
    const WnNetwork *net = get_town();
    g_autoptr(GHashTable) sizes = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize v = 0; v < wn_network_node_count(net); v++) {
        const char *h = wn_network_node_attribute(net, v, "household");
        if (h != NULL) {
            gsize n = GPOINTER_TO_SIZE(g_hash_table_lookup(sizes, h));
            g_hash_table_insert(sizes, (gpointer) h, GSIZE_TO_POINTER(n + 1));
        }
    }
    gsize singles = 0;
    GHashTableIter iter;
    gpointer size = NULL;
    g_hash_table_iter_init(&iter, sizes);
    while (g_hash_table_iter_next(&iter, NULL, &size)) {
        g_assert_cmpuint(GPOINTER_TO_SIZE(size), <=, 5);
        singles += GPOINTER_TO_SIZE(size) == 1;
    }
    g_assert_cmpfloat_with_epsilon((double) singles / g_hash_table_size(sizes), 0.38, 0.02);
}

/* Reads areas.geojson's rectangles: code -> {lon0, lat0, lon1, lat1}, from the first and
 * third corners of each ring (the generator writes one feature per line). */
static GHashTable *
read_rectangles(const char *dir)
{
    g_autofree char *text = read_file(dir, "areas.geojson", NULL);
    g_autoptr(GRegex) feature = g_regex_new(
        "\"code\":\"(BU[0-9]+)\".*\"coordinates\":\\[\\[\\[([0-9.]+),([0-9.]+)\\],\\[[0-9.]+,"
        "[0-9.]+\\],\\[([0-9.]+),([0-9.]+)\\]",
        0, 0, NULL);
    GHashTable *rects = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(GMatchInfo) match = NULL;
    g_regex_match(feature, text, 0, &match);
    for (; g_match_info_matches(match); g_match_info_next(match, NULL)) {
        double *rect = g_new(double, 4);
        for (gint k = 0; k < 4; k++) {
            g_autofree char *number = g_match_info_fetch(match, k + 2);
            rect[k] = g_ascii_strtod(number, NULL);
        }
        g_hash_table_insert(rects, g_match_info_fetch(match, 1), rect);
    }
    return rects;
}

/* Every node has a position strictly inside the rectangle of its area. */
static void
test_town_nodes_lie_inside_their_area(void)
{
    const WnNetwork *net = get_town();
    g_autoptr(GHashTable) rects = read_rectangles(town_dir);
    g_assert_cmpuint(g_hash_table_size(rects), ==, 9);
    for (gsize v = 0; v < wn_network_node_count(net); v++) {
        double lat = 0, lon = 0;
        const double *rect = g_hash_table_lookup(rects, wn_network_node_area(net, v));
        g_assert_nonnull(rect);
        g_assert_true(wn_network_node_position(net, v, &lat, &lon));
        g_assert_cmpfloat(lon, >, rect[0]);
        g_assert_cmpfloat(lat, >, rect[1]);
        g_assert_cmpfloat(lon, <, rect[2]);
        g_assert_cmpfloat(lat, <, rect[3]);
    }
}

/* The smallest town (one resident) is one area with a group, a professional and an
 * organisation, and still loads. */
static void
test_smallest_town_loads(void)
{
    g_autofree char *dir = wn_test_generate(WN_GENERATE_MIN_RESIDENTS, 5);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(residents_of(net), ==, 1);
    g_assert_cmpuint(wn_network_node_count(net), ==, 1 + 1 + 1 + 1);
    wn_test_remove_tree(dir);
}

typedef struct {
    const char *path;
    WnGenerateOptions opts;
    const char *message;
} BadOptions;

static const BadOptions bad_options[] = {
    {"/generate/options/no-residents-is-refused",
     {0, 1, 0.09, 0.06, FALSE},
     "expected between 1 and 10000000 residents, got 0"},
    {"/generate/options/more-than-ten-million-residents-is-refused",
     {10000001, 1, 0.09, 0.06, FALSE},
     "expected between 1 and 10000000 residents, got 10000001"},
    {"/generate/options/isolated-share-above-0.15-is-refused",
     {100, 1, 0.5, 0.06, FALSE},
     "expected an isolated share between 0 and 0.15, got 0.5"},
    {"/generate/options/negative-vulnerable-share-is-refused",
     {100, 1, 0.09, -0.1, FALSE},
     "expected a vulnerable share between 0 and 0.5, got -0.1"},
};

/* Bad options are refused before anything is written. */
static void
test_bad_options_are_refused(gconstpointer data)
{
    const BadOptions *c = data;
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *nodes = g_build_filename(dir, "nodes.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_false(wn_generate_town(&c->opts, dir, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==, c->message);
    g_assert_false(g_file_test(nodes, G_FILE_TEST_EXISTS));
    wn_test_remove_tree(dir);
}

static void
write_note(const char *dir)
{
    g_autofree char *note = g_build_filename(dir, "notes.txt", NULL);
    g_autoptr(GError) error = NULL;
    g_file_set_contents(note, "kept\n", -1, &error);
    g_assert_no_error(error);
}

/* A folder with files in it is refused; with force the dataset files are written and
 * the other files stay. */
static void
test_non_empty_folder_needs_force(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    write_note(dir);
    WnGenerateOptions opts = WN_GENERATE_OPTIONS_INIT;
    opts.residents = 100;
    g_autoptr(GError) error = NULL;
    g_assert_false(wn_generate_town(&opts, dir, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST);
    g_autofree char *want =
        g_strdup_printf("%s: the folder is not empty; refusing to write into it", dir);
    g_assert_cmpstr(error->message, ==, want);
    g_clear_error(&error);
    opts.force = TRUE;
    g_assert_true(wn_generate_town(&opts, dir, &error));
    g_assert_no_error(error);
    g_autofree char *note = read_file(dir, "notes.txt", NULL);
    g_autofree char *nodes = read_file(dir, "nodes.csv", NULL);
    g_assert_cmpstr(note, ==, "kept\n");
    g_assert_true(g_str_has_prefix(nodes, "id,type,label,area,lat,lon,vulnerable,"));
    wn_test_remove_tree(dir);
}

static void
test_missing_folders_are_created(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *nested = g_build_filename(dir, "a", "b", NULL);
    WnGenerateOptions opts = WN_GENERATE_OPTIONS_INIT;
    opts.residents = 100;
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_generate_town(&opts, nested, &error));
    g_assert_no_error(error);
    g_autofree char *ties = g_build_filename(nested, "ties.csv", NULL);
    g_assert_true(g_file_test(ties, G_FILE_TEST_IS_REGULAR));
    wn_test_remove_tree(dir);
}

/* A file where the folder should be, or a folder that cannot be made, is refused. */
static void
test_folder_that_cannot_be_made_is_refused(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    write_note(dir);
    g_autofree char *file = g_build_filename(dir, "notes.txt", NULL);
    g_autofree char *below = g_build_filename(dir, "notes.txt", "town", NULL);
    WnGenerateOptions opts = WN_GENERATE_OPTIONS_INIT;
    opts.residents = 100;
    g_autoptr(GError) error = NULL;
    g_assert_false(wn_generate_town(&opts, file, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_NOTDIR);
    g_autofree char *want_file = g_strdup_printf("%s: exists and is not a folder", file);
    g_assert_cmpstr(error->message, ==, want_file);
    g_clear_error(&error);
    g_assert_false(wn_generate_town(&opts, below, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_NOTDIR);
    g_autofree char *want_below =
        g_strdup_printf("%s: cannot create the folder: Not a directory", below);
    g_assert_cmpstr(error->message, ==, want_below);
    wn_test_remove_tree(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    wn_init();
    g_test_add_func("/generate/same-seed-gives-identical-files",
                    test_same_seed_gives_identical_files);
    g_test_add_func("/generate/different-seed-gives-different-town",
                    test_different_seed_gives_different_town);
    g_test_add_func("/generate/folder-holds-the-four-files-and-no-temporary-ones",
                    test_folder_holds_the_four_files_only);
    g_test_add_func("/generate/smallest-town-is-one-area-and-loads", test_smallest_town_loads);
    g_test_add_func("/generate/town/loads-with-merged-duplicates-as-only-warning",
                    test_town_loads_with_merged_duplicates_only);
    g_test_add_func("/generate/town/metadata-names-source-seed-and-licence",
                    test_town_metadata_names_source_seed_and_licence);
    g_test_add_func("/generate/town/has-exact-residents-and-one-group-per-150",
                    test_town_has_the_documented_nodes);
    g_test_add_func("/generate/town/areas-hold-1500-to-3000-residents",
                    test_town_areas_hold_1500_to_3000_residents);
    g_test_add_func("/generate/town/9-percent-without-informal-tie-6-percent-vulnerable",
                    test_town_has_isolated_and_vulnerable_shares);
    g_test_add_func("/generate/town/every-vulnerable-resident-has-professional-support",
                    test_town_supports_every_vulnerable_resident);
    g_test_add_func("/generate/town/households-are-38-percent-single",
                    test_town_households_are_38_percent_single);
    g_test_add_func("/generate/town/nodes-lie-inside-their-area",
                    test_town_nodes_lie_inside_their_area);
    for (gsize i = 0; i < G_N_ELEMENTS(bad_options); i++) {
        g_test_add_data_func(bad_options[i].path, &bad_options[i], test_bad_options_are_refused);
    }
    g_test_add_func("/generate/folder/non-empty-folder-needs-force",
                    test_non_empty_folder_needs_force);
    g_test_add_func("/generate/folder/missing-folders-are-created",
                    test_missing_folders_are_created);
    g_test_add_func("/generate/folder/folder-that-cannot-be-made-is-refused",
                    test_folder_that_cannot_be_made_is_refused);
    int status = g_test_run();
    g_clear_pointer(&town, wn_network_free);
    if (town_dir != NULL) {
        wn_test_remove_tree(town_dir);
        g_free(town_dir);
    }
    return status;
}
