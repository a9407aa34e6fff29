/* test-analyse.c: `wijknet analyse`, every output of a network in one run */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static void
count_progress(gsize done, gsize total, const char *what, gpointer user_data)
{
    g_assert_nonnull(what);
    g_assert_cmpuint(done, <=, total);
    (*(gsize *) user_data)++;
}

/* Everyday mode: one CSV file per table, each named in run.json's manifest. */
static void
test_analyse_writes_every_table(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "analyse-wijk");
    g_autofree char *out = wn_test_make_temp_dir();
    g_autoptr(WnRunManifest) manifest = wn_run_manifest_new("analyse", NULL);
    WnAnalyseOptions opts = WN_ANALYSE_OPTIONS_INIT;
    gsize calls = 0;
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_analyse_run(net, out, &opts, manifest, count_progress, &calls, &error));
    g_assert_no_error(error);
    const char *const files[] = {"measures.csv",      "isolation.csv",           "brokers.csv",
                                 "communities.csv",   "articulation_points.csv", "bridges.csv",
                                 "local_bridges.csv", "components.csv",          "suggestions.csv"};
    g_assert_cmpuint(calls, ==, G_N_ELEMENTS(files) + 1);
    g_autofree char *json = wn_run_manifest_to_json(manifest);
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = g_build_filename(out, files[i], NULL);
        g_assert_true(g_file_test(path, G_FILE_TEST_IS_REGULAR));
        g_assert_nonnull(strstr(json, files[i]));
    }
    g_autofree char *written = wn_test_read_file(out, "run.json"); /* the manifest, written last */
    g_assert_cmpstr(written, ==, json);
    /* up to 20,000 nodes nothing is estimated, and run.json says so */
    g_assert_nonnull(strstr(json, "\"estimated_from_sources\":\t\"0\""));
    g_autofree char *measures = wn_test_read_file(out, "measures.csv");
    g_assert_true(g_str_has_prefix(measures, "id,type,area,at_risk_reach,betweenness,"));
    /* the tree's betweenness again: r2 separates 15 pairs (the fifth column) */
    const char *row = strstr(measures, "\nr2,resident,A,");
    g_assert_nonnull(row);
    g_auto(GStrv) cells = g_strsplit(row + 1, ",", 6);
    g_assert_cmpstr(cells[4], ==, "15");
    wn_test_remove_tree(out);
}

/* The cells of column @name by the first cell of each row (the id), from CSV text whose
 * cells before that column are never quoted (ids, types and area codes). */
static GHashTable *
cells_by_id(const char *csv, const char *name, gsize id_column)
{
    g_auto(GStrv) lines = g_strsplit(csv, "\n", -1);
    g_auto(GStrv) header = g_strsplit(lines[0], ",", -1);
    gsize column = 0;
    while (header[column] != NULL && !g_str_equal(header[column], name)) {
        column++;
    }
    g_assert_nonnull(header[column]);
    GHashTable *cells = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (gsize i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++) {
        g_auto(GStrv) row = g_strsplit(lines[i], ",", (gint) column + 2);
        g_assert_cmpuint(g_strv_length(row), >, column);
        g_hash_table_insert(cells, g_strdup(row[id_column]), g_strdup(row[column]));
    }
    return cells;
}

/* A file that cannot be written ends the run with its error, while the communities are
 * still being searched beside it: the search is stopped, nothing after it is written. */
static void
test_analyse_failing_output_stops_the_search(void)
{
    g_autofree char *dir = wn_test_generate(20100, 3);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autofree char *out = wn_test_make_temp_dir();
    g_autofree char *blocker = g_build_filename(out, "measures.csv", NULL);
    g_assert_cmpint(g_mkdir(blocker, 0755), ==, 0); /* a folder where the file goes */
    WnAnalyseOptions opts = {7};
    g_assert_false(wn_analyse_run(net, out, &opts, NULL, NULL, NULL, &error));
    g_assert_nonnull(error);
    g_assert_true(error->domain == WN_OUTPUT_ERROR);
    g_assert_nonnull(strstr(error->message, "measures.csv"));
    g_autofree char *communities = g_build_filename(out, "communities.csv", NULL);
    g_assert_false(g_file_test(communities, G_FILE_TEST_EXISTS));
    wn_test_remove_tree(out);
    wn_test_remove_tree(dir);
}

/* Above 20,000 nodes brokers.csv ranks by the betweenness measures.csv estimates with
 * analyse's seed: the same sources (so the same scores, computed once), whatever the seed. */
static void
test_analyse_brokers_share_the_measures_betweenness(void)
{
    g_autofree char *dir = wn_test_generate(20100, 5);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autofree char *out = wn_test_make_temp_dir();
    WnAnalyseOptions opts = {99};
    g_assert_true(wn_analyse_run(net, out, &opts, NULL, NULL, NULL, &error));
    g_assert_no_error(error);
    g_autofree char *measures_csv = wn_test_read_file(out, "measures.csv");
    g_autofree char *brokers_csv = wn_test_read_file(out, "brokers.csv");
    g_autoptr(GHashTable) measures = cells_by_id(measures_csv, "betweenness", 0);
    g_autoptr(GHashTable) brokers = cells_by_id(brokers_csv, "betweenness", 1);
    g_assert_cmpuint(g_hash_table_size(brokers), >, 100);
    GHashTableIter iter;
    gpointer id, cell;
    g_hash_table_iter_init(&iter, brokers);
    while (g_hash_table_iter_next(&iter, &id, &cell)) {
        g_assert_cmpstr(cell, ==, g_hash_table_lookup(measures, id));
    }
    wn_test_remove_tree(out);
    wn_test_remove_tree(dir);
}

/* A job file in @dir asking @outputs of @dataset with @options, its output in @dir/out. */
static char *
write_job(const char *dir, const char *dataset, const char *outputs, const char *options)
{
    g_autofree char *job =
        g_strdup_printf("{\"outputs\": [%s], \"options\": {%s},\n"
                        " \"datasets\": [{\"path\": \"%s\", \"output\": \"out\"}]}\n",
                        outputs, options, dataset);
    char *path = g_build_filename(dir, "job.json", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_set_contents(path, job, -1, &error));
    g_assert_no_error(error);
    return path;
}

static void
run_job(const char *path)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WnBatchJob) job = wn_batch_job_load(path, &error);
    g_assert_no_error(error);
    WnBatchRunOptions opts = WN_BATCH_RUN_OPTIONS_INIT;
    g_assert_true(wn_batch_run_dataset(job, 0, &opts, &error));
    g_assert_no_error(error);
}

/* A job's "relations" option loads only those relations, as --relations does: its
 * measures.csv is analyse's on the network loaded with the same relations. */
static void
test_batch_relations_option_chooses_relations(void)
{
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "data", "relations-three", NULL);
    g_autoptr(GError) error = NULL;
    WnRelations family_friend = WN_RELATION(WN_TIE_FAMILY) | WN_RELATION(WN_TIE_FRIEND);
    g_autoptr(WnNetwork) net =
        wn_network_load_relations(dir, WN_LOAD_DEFAULT, family_friend, &error);
    g_assert_no_error(error);
    g_autofree char *analysed = wn_test_make_temp_dir();
    WnAnalyseOptions opts = WN_ANALYSE_OPTIONS_INIT;
    g_assert_true(wn_analyse_run(net, analysed, &opts, NULL, NULL, NULL, &error));
    g_assert_no_error(error);
    g_autofree char *batched = wn_test_make_temp_dir();
    g_autofree char *job =
        write_job(batched, dir, "\"measures\"", "\"relations\": \"family, friend\"");
    run_job(job);
    g_autofree char *out = g_build_filename(batched, "out", NULL);
    g_autofree char *a = wn_test_read_file(analysed, "measures.csv");
    g_autofree char *b = wn_test_read_file(out, "measures.csv");
    g_assert_cmpstr(a, ==, b);
    g_autofree char *bad = write_job(batched, dir, "\"measures\"", "\"relations\": \"enemy\"");
    g_autoptr(WnBatchJob) refused = wn_batch_job_load(bad, &error);
    g_assert_null(refused);
    g_assert_nonnull(strstr(error->message, "\"relations\": unknown relation \"enemy\""));
    wn_test_remove_tree(batched);
    wn_test_remove_tree(analysed);
}

/* One outputs table: analyse and a batch job with the same settings (brokers: every row,
 * "top": 0; the seed analyse's default) write the same bytes for each output they share,
 * above 20,000 nodes too, where both estimate betweenness from 256 sources and batch's
 * run.json records it. */
static void
test_analyse_and_batch_write_the_same_files(void)
{
    g_autofree char *dir = wn_test_generate(30000, 5);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_network_node_count(net), >, 20000);
    g_autofree char *analysed = wn_test_make_temp_dir();
    WnAnalyseOptions opts = WN_ANALYSE_OPTIONS_INIT;
    g_assert_true(wn_analyse_run(net, analysed, &opts, NULL, NULL, NULL, &error));
    g_assert_no_error(error);
    g_autofree char *batched = wn_test_make_temp_dir();
    g_autofree char *job = write_job(
        batched, dir, "\"measures\", \"isolation\", \"brokers\", \"suggest\"", "\"top\": 0");
    run_job(job);
    g_autofree char *out = g_build_filename(batched, "out", NULL);
    const char *const files[] = {"measures.csv", "isolation.csv", "brokers.csv", "suggestions.csv"};
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *a = wn_test_read_file(analysed, files[i]);
        g_autofree char *b = wn_test_read_file(out, files[i]);
        g_assert_cmpstr(a, ==, b);
    }
    g_autofree char *run = wn_test_read_file(out, "run.json");
    g_assert_nonnull(strstr(run, "\"estimated_from_sources\":\t\"256\""));
    g_assert_nonnull(strstr(run, "\"seed\":\t12345,"));
    wn_test_remove_tree(batched);
    wn_test_remove_tree(analysed);
    wn_test_remove_tree(dir);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/analyse/everyday/writes-every-table", test_analyse_writes_every_table);
    g_test_add_func("/analyse/everyday/failing-output-stops-the-search",
                    test_analyse_failing_output_stops_the_search);
    g_test_add_func("/analyse/everyday/brokers-share-the-measures-betweenness",
                    test_analyse_brokers_share_the_measures_betweenness);
    g_test_add_func("/analyse/outputs/batch-relations-option-chooses-relations",
                    test_batch_relations_option_chooses_relations);
    g_test_add_func("/analyse/outputs/analyse-and-batch-write-the-same-files",
                    test_analyse_and_batch_write_the_same_files);
    return g_test_run();
}
