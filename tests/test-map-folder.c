/* test-map-folder.c: the map output folder, run manifests and a dataset's optional boundaries */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static char *
sha256_of(const char *path)
{
    g_autofree char *text = NULL;
    gsize length = 0;
    g_autoptr(GError) error = NULL;
    g_file_get_contents(path, &text, &length, &error);
    g_assert_no_error(error);
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *) text, length);
}

static void
test_run_manifest_records_version_options_seed_and_inputs(void)
{
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "data", "map-wijk", NULL);
    const char *const argv[] = {"wijknet", "map", "x y", NULL};
    g_autoptr(WnRunManifest) m = wn_run_manifest_new("map", argv);
    wn_run_manifest_add_option(m, "min_cell", "5");
    wn_run_manifest_add_option(m, "min_cell", "10");
    wn_run_manifest_set_seed(m, 42);
    wn_run_manifest_add_output(m, "areas.csv");
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_run_manifest_add_dataset(m, dir, &error));
    g_assert_no_error(error);
    g_autofree char *json = wn_run_manifest_to_json(m);
    g_autofree char *version = g_strdup_printf("\"wijknet\":\t\"%s\"", wn_version());
    g_autofree char *nodes = g_build_filename(dir, "nodes.csv", NULL);
    g_autofree char *areas = g_build_filename(dir, "areas.geojson", NULL);
    g_autofree char *nodes_sha = sha256_of(nodes);
    g_autofree char *areas_sha = sha256_of(areas);
    g_assert_nonnull(strstr(json, version));
    g_assert_nonnull(strstr(json, "\"command_line\":\t[\"wijknet\", \"map\", \"x y\"]"));
    g_assert_nonnull(strstr(json, "\"options\":\t{\n\t\t\"min_cell\":\t\"10\"\n\t}"));
    g_assert_nonnull(strstr(json, "\"seed\":\t42"));
    g_assert_nonnull(strstr(json, nodes_sha));
    g_assert_nonnull(strstr(json, areas_sha));
    g_assert_null(strstr(json, "dataset.json"));
}

static void
test_run_manifest_refuses_missing_input(void)
{
    g_autoptr(WnRunManifest) m = wn_run_manifest_new("report", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_false(wn_run_manifest_add_input(m, "/nonexistent/nodes.csv", &error));
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_autofree char *json = wn_run_manifest_to_json(m);
    g_assert_null(strstr(json, "\"seed\""));
}

/* A dataset's areas.geojson is optional: none is NULL without an error; a bad one is
 * refused with the loader's message. */
static void
test_dataset_shapes_are_optional_but_checked(void)
{
    g_autofree char *ten = g_test_build_filename(G_TEST_DIST, "data", "map-ten", NULL);
    g_autofree char *wijk = g_test_build_filename(G_TEST_DIST, "data", "map-wijk", NULL);
    g_autofree char *bad = g_test_build_filename(G_TEST_DIST, "data", "map-bad-dataset", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_null(wn_area_shapes_load_dataset(ten, &error));
    g_assert_no_error(error);
    g_autoptr(WnAreaShapes) shapes = wn_area_shapes_load_dataset(wijk, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_area_shapes_count(shapes), ==, 3);
    g_assert_null(wn_area_shapes_load_dataset(bad, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_PARSE);
    g_assert_cmpstr(error->message, ==,
                    "areas.geojson: feature 2: expected a closed ring of at least 4 positions");
}

/* Writes the map folder of map-wijk at min_cell 2 into @out; returns the warnings. */
static GPtrArray *
write_map_folder(const char *out)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "map-wijk");
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "data", "map-wijk", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnAreaShapes) shapes = wn_area_shapes_load_dataset(dir, &error);
    g_autoptr(WnRunManifest) manifest = wn_run_manifest_new("map", NULL);
    WnMapOptions opts = WN_MAP_OPTIONS_INIT;
    opts.min_cell = 2;
    opts.shapes = shapes;
    GPtrArray *warnings = g_ptr_array_new_with_free_func(g_free);
    g_assert_true(wn_map_write(net, out, &opts, manifest, warnings, &error));
    g_assert_no_error(error);
    return warnings;
}

/* wn_map_write: five files, a warning for a min_cell below 10, and areas.csv,
 * areas.geojson and map.svg the same bytes as a batch job's "map" output. */
static void
test_map_folder_is_the_batch_map_and_more(void)
{
    g_autofree char *tmp = wn_test_make_temp_dir();
    g_autofree char *out = g_build_filename(tmp, "map", NULL);
    g_autoptr(GPtrArray) warnings = write_map_folder(out);
    g_assert_cmpuint(warnings->len, >=, 1);
    g_assert_cmpstr(g_ptr_array_index(warnings, 0), ==,
                    "--min-cell 2 is below 10, the threshold of CBS exports: check the figures "
                    "before you share them");
    g_autofree char *run = wn_test_read_file(out, "run.json");
    g_assert_nonnull(strstr(run, "\"network.svg\""));
    g_autofree char *dataset = g_test_build_filename(G_TEST_DIST, "data", "map-wijk", NULL);
    g_autofree char *job_text =
        g_strdup_printf("{\"outputs\": [\"map\"], \"options\": {\"min_cell\": 2},"
                        " \"datasets\": [{\"path\": \"%s\", \"output\": \"batch\"}]}",
                        dataset);
    g_autofree char *job_path = g_build_filename(tmp, "job.json", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_set_contents(job_path, job_text, -1, &error));
    g_autoptr(WnBatchJob) job = wn_batch_job_load(job_path, &error);
    g_assert_no_error(error);
    WnBatchRunOptions run_opts = WN_BATCH_RUN_OPTIONS_INIT;
    g_assert_true(wn_batch_run_dataset(job, 0, &run_opts, &error));
    g_assert_no_error(error);
    g_autofree char *batch = g_build_filename(tmp, "batch", NULL);
    const char *const files[] = {"areas.csv", "areas.geojson", "map.svg"};
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *a = wn_test_read_file(out, files[i]);
        g_autofree char *b = wn_test_read_file(batch, files[i]);
        g_assert_cmpstr(a, ==, b);
    }
    g_autofree char *network = wn_test_read_file(out, "network.svg");
    g_assert_nonnull(strstr(network, "<svg"));
    wn_test_remove_tree(tmp);
}

/* A folder that cannot be made is an output error (not an input's), with the reason. */
static void
test_map_folder_that_cannot_be_made_is_an_output_error(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "map-ten");
    g_autofree char *nodes =
        g_test_build_filename(G_TEST_DIST, "data", "map-ten", "nodes.csv", NULL);
    g_autofree char *out = g_build_filename(nodes, "out", NULL);
    g_autoptr(WnRunManifest) manifest = wn_run_manifest_new("map", NULL);
    WnMapOptions opts = WN_MAP_OPTIONS_INIT;
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) error = NULL;
    g_assert_false(wn_map_write(net, out, &opts, manifest, warnings, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_NOTDIR);
    g_autofree char *message = g_strdup_printf("cannot create %s: Not a directory", out);
    g_assert_cmpstr(error->message, ==, message);
    g_assert_cmpuint(warnings->len, ==, 0); /* min_cell 10: nothing to warn of */
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/map/run-manifest/records-version-options-seed-and-inputs",
                    test_run_manifest_records_version_options_seed_and_inputs);
    g_test_add_func("/map/run-manifest/refuses-missing-input",
                    test_run_manifest_refuses_missing_input);
    g_test_add_func("/map/folder/dataset-shapes-are-optional-but-checked",
                    test_dataset_shapes_are_optional_but_checked);
    g_test_add_func("/map/folder/is-the-batch-map-and-more",
                    test_map_folder_is_the_batch_map_and_more);
    g_test_add_func("/map/folder/that-cannot-be-made-is-an-output-error",
                    test_map_folder_that_cannot_be_made_is_an_output_error);
    return g_test_run();
}
