/* test-report.c: the HTML report: well-formed, self-contained, no labels, small cells hidden */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <string.h>

/*
 * report-markers: 7 residents in BU-ZEVEN, 4 in BU-VIER and a professional, every
 * label starting "MARKER-"; a1's label holds markup ("<b>&amp; \"O'Neil\"").
 *
 *   a4 - a1 - a2      b1 - b2 - b3 - b4 - p1 - a5      a6   a7
 *         \  /        (b1 - a1 joins the two areas)
 *          a3
 */
static char *
report_of(const char *dataset, WnLanguage language, guint min_cell, gboolean show_labels)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", dataset);
    WnReportOptions opts = WN_REPORT_OPTIONS_INIT;
    opts.language = language;
    opts.min_cell = min_cell;
    opts.show_labels = show_labels;
    g_autoptr(GError) error = NULL;
    char *html = wn_report_to_html(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_nonnull(html);
    return html;
}

static void
count_element(GMarkupParseContext *context, const gchar *name, const gchar **names,
              const gchar **values, gpointer data, GError **error)
{
    (void) context, (void) names, (void) values, (void) error;
    if (strcmp(name, "html") == 0) {
        (*(int *) data)++;
    }
}

static void
test_report_is_well_formed_xml(gconstpointer data)
{
    WnLanguage language = GPOINTER_TO_INT(data);
    g_autofree char *html = report_of("report-markers", language, 10, TRUE);
    GMarkupParser parser = {count_element, NULL, NULL, NULL, NULL};
    int roots = 0;
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new(&parser, 0, &roots, NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(g_markup_parse_context_parse(context, html, -1, &error) &&
                  g_markup_parse_context_end_parse(context, &error));
    g_assert_no_error(error);
    g_assert_cmpint(roots, ==, 1);
}

static void
test_report_shows_no_label_by_default(void)
{
    g_autofree char *nl = report_of("report-markers", WN_LANGUAGE_NL, 10, FALSE);
    g_autofree char *en = report_of("report-markers", WN_LANGUAGE_EN, 0, FALSE);
    g_assert_null(strstr(nl, "MARKER"));
    g_assert_null(strstr(en, "MARKER"));
    g_assert_nonnull(strstr(nl, "<td>a6</td>"));
}

static void
test_report_shows_labels_escaped_when_asked(void)
{
    g_autofree char *html = report_of("report-markers", WN_LANGUAGE_NL, 10, TRUE);
    g_assert_nonnull(strstr(html, "<th scope=\"col\">Naam</th>"));
    g_assert_nonnull(strstr(html, "<td>a6</td><td>MARKER-Fien</td>"));
    g_assert_nonnull(strstr(html, "MARKER-Anna &lt;b&gt;&amp;amp; &quot;O&apos;Neil&quot;"));
    g_assert_null(strstr(html, "<b>"));
}

static void
test_report_escapes_the_title(void)
{
    g_autofree char *html = report_of("report-markers", WN_LANGUAGE_EN, 10, FALSE);
    g_assert_nonnull(
        strstr(html, "<title>Network report: Marker &lt;wijk&gt; &amp; &quot;test&quot;</title>"));
}

/* The cells of the areas table's row for @area, as one string. */
static char *
area_row(const char *html, const char *area)
{
    g_autofree char *start = g_strdup_printf("<tr><th scope=\"row\">%s</th>", area);
    const char *at = strstr(html, start);
    g_assert_nonnull(at);
    const char *end = strstr(at, "</tr>");
    return g_strndup(at, (gsize) (end - at));
}

static void
test_report_hides_every_figure_of_a_small_area(void)
{
    g_autofree char *hidden = report_of("report-markers", WN_LANGUAGE_NL, 10, FALSE);
    g_autofree char *row = area_row(hidden, "BU-ZEVEN");
    for (const char *c = row + strlen("<tr><th scope=\"row\">BU-ZEVEN</th>"); *c != '\0'; c++) {
        g_assert_false(g_ascii_isdigit(*c));
    }
    /* a6 is listed in the section of small areas, which names none of them */
    const char *other = strstr(hidden, "<h2>Kleine buurten en bewoners zonder buurt</h2>");
    g_assert_nonnull(other);
    g_assert_nonnull(strstr(other, "<td>a6</td>"));
    g_assert_null(strstr(hidden, "<h2>Buurt BU-ZEVEN</h2>"));
    g_assert_null(strstr(other, "BU-ZEVEN"));
    /* at --min-cell 5 the 7 residents show, the 2 isolated (a6, a7) do not */
    g_autofree char *shown = report_of("report-markers", WN_LANGUAGE_NL, 5, FALSE);
    g_autofree char *row5 = area_row(shown, "BU-ZEVEN");
    g_assert_nonnull(strstr(row5, "<td class=\"n\">7</td>"));
    g_assert_nonnull(strstr(row5, "<td class=\"n\">&lt;5</td>"));
    const char *zeven = strstr(shown, "<h2>Buurt BU-ZEVEN</h2>");
    g_assert_nonnull(zeven);
    g_assert_nonnull(strstr(zeven, "<td>a6</td>"));
}

static void
test_report_summary_in_plain_words(void)
{
    g_autofree char *nl = report_of("report-markers", WN_LANGUAGE_NL, 10, FALSE);
    g_autofree char *en = report_of("report-markers", WN_LANGUAGE_EN, 1, FALSE);
    g_assert_nonnull(strstr(nl, "<p class=\"summary\">In deze wijk wonen 11 bewoners. Zonder "
                                "informeel netwerk: minder dan 10 bewoners, van wie minder "
                                "dan 10 bewoners zonder enig contact en minder dan 10 bewoners "
                                "met alleen contact met een professional."));
    /* a6 and a7 have nobody, a5 only p1: 3 of 11 is 27%; fragile: 8 of 11 is 73% */
    g_assert_nonnull(strstr(en, "<p class=\"summary\">In this neighbourhood live 11 residents. "
                                "Without an informal network: 3 residents (27%), of whom 2 "
                                "residents without any contact and 1 resident in touch only "
                                "with a professional. With a fragile network (few contacts, or "
                                "contacts who are at risk themselves): another 8 residents "
                                "(73%)."));
}

static void
test_report_fetches_nothing(void)
{
    g_autofree char *html = report_of("report-markers", WN_LANGUAGE_EN, 10, TRUE);
    g_autoptr(GRegex) external =
        g_regex_new("(src\\s*=|url\\(\\s*[^#\\s]|@import|<script|<link|<img|<iframe|<object|"
                    "href\\s*=\\s*\"[^#])",
                    G_REGEX_CASELESS, 0, NULL);
    g_assert_false(g_regex_match(external, html, 0, NULL));
    g_autoptr(GRegex) scheme = g_regex_new("(https?:|ftp:|file:|data:)", G_REGEX_CASELESS, 0, NULL);
    g_autoptr(GRegex) xmlns = g_regex_new("xmlns(:\\w+)?=\"[^\"]*\"", 0, 0, NULL);
    g_autofree char *without_xmlns = g_regex_replace_literal(xmlns, html, -1, 0, "", 0, NULL);
    g_assert_false(g_regex_match(scheme, without_xmlns, 0, NULL));
    g_assert_nonnull(strstr(html, "default-src 'none'"));
    g_assert_nonnull(strstr(html, "@page{size:A4"));
}

static void
test_language_lookup_knows_nl_and_en(void)
{
    WnLanguage language = WN_LANGUAGE_EN;
    g_assert_true(wn_report_language_lookup("nl", &language));
    g_assert_cmpint(language, ==, WN_LANGUAGE_NL);
    g_assert_true(wn_report_language_lookup("en", &language));
    g_assert_cmpint(language, ==, WN_LANGUAGE_EN);
    g_assert_false(wn_report_language_lookup("de", &language));
}

static char *
job_path(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "data", "batch-jobs", name, NULL);
}

static void
test_batch_job_names_datasets_by_folder_unless_named(void)
{
    g_autofree char *path = job_path("defaults.json");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnBatchJob) job = wn_batch_job_load(path, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_batch_job_dataset_count(job), ==, 2);
    g_assert_cmpstr(wn_batch_job_dataset_name(job, 0), ==, "report-markers");
    g_assert_cmpstr(wn_batch_job_dataset_name(job, 1), ==, "m2");
}

static void
test_batch_job_refuses_unknown_output(void)
{
    g_autofree char *path = job_path("unknown-output.json");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnBatchJob) job = wn_batch_job_load(path, &error);
    g_assert_null(job);
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_autofree char *want = g_strdup_printf(
        "%s: top level: unknown output \"heatmap\" (known: check, measures, isolation, brokers, "
        "map, report, suggest)",
        path);
    g_assert_cmpstr(error->message, ==, want);
}

static void
test_batch_job_malformed_names_line_and_column(void)
{
    g_autofree char *path = job_path("malformed.json");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnBatchJob) job = wn_batch_job_load(path, &error);
    g_assert_null(job);
    g_assert_error(error, WN_ERROR, WN_ERROR_PARSE);
    g_autofree char *want =
        g_strdup_printf("%s:2:45: expected JSON (a job file is one JSON object)", path);
    g_assert_cmpstr(error->message, ==, want);
}

/* Writes @json as job.json into a fresh folder; returns its path. */
static char *
write_job_text(const char *json)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    char *path = g_build_filename(dir, "job.json", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_set_contents(path, json, -1, &error));
    g_assert_no_error(error);
    return path;
}

/* "seed" (default analyse's 12345) draws the betweenness sources above 20,000 nodes and
 * the communities; run.json records it with the number of sources (0 here: exact). */
static void
test_batch_job_seed_is_recorded_with_the_sampling(void)
{
    g_autofree char *dataset = g_test_build_filename(G_TEST_DIST, "data", "report-markers", NULL);
    g_autofree char *json = g_strdup_printf("{\"outputs\": [\"measures\"], \"options\": "
                                            "{\"seed\": 7}, \"datasets\": [{\"path\": "
                                            "\"%s\", \"output\": \"out\"}]}",
                                            dataset);
    g_autofree char *path = write_job_text(json);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnBatchJob) job = wn_batch_job_load(path, &error);
    g_assert_no_error(error);
    WnBatchRunOptions opts = WN_BATCH_RUN_OPTIONS_INIT;
    g_assert_true(wn_batch_run_dataset(job, 0, &opts, &error));
    g_assert_no_error(error);
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *run_path = g_build_filename(dir, "out", "run.json", NULL);
    g_autofree char *run = NULL;
    g_assert_true(g_file_get_contents(run_path, &run, NULL, &error));
    g_assert_nonnull(strstr(run, "\"estimated_from_sources\":\t\"0\""));
    g_assert_nonnull(strstr(run, "\"seed\":\t7,"));
    wn_test_remove_tree(dir);
}

static void
test_batch_job_refuses_a_negative_seed(void)
{
    g_autofree char *path =
        write_job_text("{\"outputs\": [\"check\"], \"options\": {\"seed\": -1}, "
                       "\"datasets\": [{\"path\": \"x\", \"output\": \"out\"}]}");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnBatchJob) job = wn_batch_job_load(path, &error);
    g_assert_null(job);
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_autofree char *want =
        g_strdup_printf("%s: top level: \"seed\" must be a whole number from 0 to 2^53", path);
    g_assert_cmpstr(error->message, ==, want);
    g_autofree char *dir = g_path_get_dirname(path);
    wn_test_remove_tree(dir);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_data_func("/report/html/is-well-formed-xml/nl", GINT_TO_POINTER(WN_LANGUAGE_NL),
                         test_report_is_well_formed_xml);
    g_test_add_data_func("/report/html/is-well-formed-xml/en", GINT_TO_POINTER(WN_LANGUAGE_EN),
                         test_report_is_well_formed_xml);
    g_test_add_func("/report/html/fetches-nothing", test_report_fetches_nothing);
    g_test_add_func("/report/html/escapes-the-title", test_report_escapes_the_title);
    g_test_add_func("/report/labels/absent-by-default", test_report_shows_no_label_by_default);
    g_test_add_func("/report/labels/shown-escaped-when-asked",
                    test_report_shows_labels_escaped_when_asked);
    g_test_add_func("/report/suppression/small-area-shows-no-figures",
                    test_report_hides_every_figure_of_a_small_area);
    g_test_add_func("/report/summary/in-plain-words", test_report_summary_in_plain_words);
    g_test_add_func("/report/language/lookup-knows-nl-and-en",
                    test_language_lookup_knows_nl_and_en);
    g_test_add_func("/batch/job/names-datasets-by-folder-unless-named",
                    test_batch_job_names_datasets_by_folder_unless_named);
    g_test_add_func("/batch/job/refuses-unknown-output", test_batch_job_refuses_unknown_output);
    g_test_add_func("/batch/job/malformed-names-line-and-column",
                    test_batch_job_malformed_names_line_and_column);
    g_test_add_func("/batch/job/seed-is-recorded-with-the-sampling",
                    test_batch_job_seed_is_recorded_with_the_sampling);
    g_test_add_func("/batch/job/refuses-a-negative-seed", test_batch_job_refuses_a_negative_seed);
    return g_test_run();
}
