/* test-report-buurt.c: demo-wijk's report: a section per buurt with its own residents at
 * risk in visiting order, persons as key figures, finished Dutch without plural slips */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>
#include <string.h>

static WnNetwork *
load_demo(void)
{
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "..", "datasets", "demo-wijk", NULL);
    g_autoptr(GError) error = NULL;
    WnNetwork *net = wn_network_load(dir, 0, &error);
    g_assert_no_error(error);
    return net;
}

static char *
report_in(const WnNetwork *net, WnLanguage language)
{
    WnReportOptions opts = WN_REPORT_OPTIONS_INIT;
    opts.language = language;
    g_autoptr(GError) error = NULL;
    char *html = wn_report_to_html(net, &opts, &error);
    g_assert_no_error(error);
    return html;
}

/* The text between @from and the first @to after it (a new string; NULL if absent). */
static char *
between(const char *text, const char *from, const char *to)
{
    const char *start = strstr(text, from);
    const char *end = start != NULL ? strstr(start, to) : NULL;
    return end != NULL ? g_strndup(start, (gsize) (end - start)) : NULL;
}

/* The ids in the first column after the rank of the table that follows @heading. */
static GPtrArray *
listed_ids(const char *section, const char *heading)
{
    g_autofree char *table = between(section, heading, "</table>");
    GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
    if (table == NULL) {
        return ids;
    }
    g_autoptr(GRegex) re = g_regex_new("<tr><td class=\"n\">\\d+</td><td>([^<]+)</td>", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    for (g_regex_match(re, table, 0, &match); g_match_info_matches(match);
         g_match_info_next(match, NULL)) {
        g_ptr_array_add(ids, g_match_info_fetch(match, 1));
    }
    return ids;
}

/* The visiting order's key of a resident: status rank, not vulnerable, contacts. */
static gint64
order_key(const WnTable *ranking, const char *id)
{
    gsize c_id = wn_test_column(ranking, "id"), c_status = wn_test_column(ranking, "status");
    for (gsize row = 0; row < wn_table_row_count(ranking); row++) {
        if (strcmp(wn_table_cell_string(ranking, row, c_id), id) != 0) {
            continue;
        }
        const char *status = wn_table_cell_string(ranking, row, c_status);
        gint64 rank = strcmp(status, "isolated") == 0      ? 0
                      : strcmp(status, "formal_only") == 0 ? 1
                                                           : 2;
        gint64 contacts = wn_test_int_cell(ranking, row, "informal_degree") +
                          wn_test_int_cell(ranking, row, "formal_degree");
        return rank * 1000000 + (1 - wn_test_int_cell(ranking, row, "vulnerable")) * 100000 +
               contacts;
    }
    g_assert_not_reached();
}

static void
test_each_buurt_has_its_own_residents_and_persons(void)
{
    g_autoptr(WnNetwork) net = load_demo();
    g_autofree char *html = report_in(net, WN_LANGUAGE_NL);
    WnIsolationOptions iso = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) ranking = wn_isolation_ranking(net, &iso, FALSE, &error);
    g_assert_no_error(error);
    static const char *const codes[] = {"BU99990001", "BU99990002", "BU99990003"};
    for (gsize i = 0; i < G_N_ELEMENTS(codes); i++) {
        g_autofree char *anchor =
            g_strdup_printf("<section id=\"buurt-%" G_GSIZE_FORMAT "\"", i + 1);
        g_autofree char *section = between(html, anchor, "</section>");
        g_assert_nonnull(section);
        g_autoptr(GPtrArray) risk = listed_ids(section, "<h3>Bewoners met een risico");
        g_assert_cmpuint(risk->len, ==, 25);
        gint64 previous = -1;
        for (guint k = 0; k < risk->len; k++) {
            gsize v = 0;
            g_assert_true(wn_network_node_lookup(net, g_ptr_array_index(risk, k), &v));
            g_assert_cmpstr(wn_network_node_area(net, v), ==, codes[i]);
            gint64 key = order_key(ranking, g_ptr_array_index(risk, k));
            g_assert_cmpint(key, >=, previous);
            previous = key;
        }
        g_autoptr(GPtrArray) persons = listed_ids(section, "<h3>Sleutelfiguren</h3>");
        g_assert_cmpuint(persons->len, ==, 10);
        for (guint k = 0; k < persons->len; k++) {
            gsize v = 0;
            g_assert_true(wn_network_node_lookup(net, g_ptr_array_index(persons, k), &v));
            WnNodeKind kind = wn_network_node_kind(net, v);
            g_assert_true(kind == WN_NODE_RESIDENT || kind == WN_NODE_PROFESSIONAL);
        }
    }
}

/* The page's text, markup and drawings left out, and the dataset's own title (data). */
static char *
visible_text(const char *html)
{
    g_autoptr(GRegex) drawings =
        g_regex_new("<svg.*?</svg>|<style>.*?</style>|<title>.*?</title>|<h1>.*?</h1>",
                    G_REGEX_DOTALL, 0, NULL);
    g_autofree char *no_svg = g_regex_replace_literal(drawings, html, -1, 0, " ", 0, NULL);
    g_autoptr(GRegex) tags = g_regex_new("<[^>]*>", 0, 0, NULL);
    return g_regex_replace_literal(tags, no_svg, -1, 0, " ", 0, NULL);
}

static void
assert_no_match(const char *text, const char *pattern)
{
    g_autoptr(GRegex) re = g_regex_new(pattern, G_REGEX_CASELESS, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    if (g_regex_match(re, text, 0, &match)) {
        g_autofree char *word = g_match_info_fetch(match, 0);
        g_error("found \"%s\" (pattern %s)", word, pattern);
    }
}

/* English words that must not be in the Dutch report, and "1 bewoners"-style slips. */
static void
test_dutch_is_finished(void)
{
    g_autoptr(WnNetwork) net = load_demo();
    g_autofree char *html = report_in(net, WN_LANGUAGE_NL);
    g_autofree char *text = visible_text(html);
    assert_no_match(text, "\\b(the|and|with|resident|residents|reaches|members?|areas?|both|"
                          "groups?|same|informal|others|more|known|only|link|who|whom|"
                          "at risk|contact at all|m apart|well connected|no area|small area)\\b");
    assert_no_match(text, "\\b1 (bewoners|contacten|groepen|professionals|leden|buurten|paren|"
                          "banden|anderen)\\b");
    assert_no_match(text, "allebei:");
    assert_no_match(text, "\\b\\d{4,}\\b(?! ?[A-Z])"); /* 5500, not 5.500 */
    assert_no_match(text, "\\b0\\.\\d+(?!\\.)\\b");    /* 0.35, not 0,35 (version 0.1.0 aside) */
    g_autofree char *en = report_in(net, WN_LANGUAGE_EN);
    g_autofree char *en_text = visible_text(en);
    assert_no_match(en_text, "\\b1 (residents|contacts|groups|members|areas|professionals)\\b");
}

/* A dataset in a fresh folder: nodes.csv, ties.csv and, when given, dataset.json. */
static WnNetwork *
load_folder(const char *nodes, const char *ties, const char *json)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *n = g_build_filename(dir, "nodes.csv", NULL);
    g_autofree char *t = g_build_filename(dir, "ties.csv", NULL);
    g_autofree char *d = g_build_filename(dir, "dataset.json", NULL);
    g_assert_true(g_file_set_contents(n, nodes, -1, NULL) &&
                  g_file_set_contents(t, ties, -1, NULL));
    g_assert_true(json == NULL || g_file_set_contents(d, json, -1, NULL));
    g_autoptr(GError) error = NULL;
    WnNetwork *net = wn_network_load(dir, 0, &error);
    g_assert_no_error(error);
    wn_test_remove_tree(dir);
    return net;
}

static const char plain_nodes[] =
    "id,type\nr1,resident\nr2,resident\nr3,resident\np1,professional\n";
static const char plain_ties[] = "source,target,type\nr1,r2,friend\nr3,p1,support\n";

/* Without areas the report has one section for the whole town; ids are headed "Id"
 * unless dataset.json says the dataset was pseudonymised. */
static void
test_one_section_and_the_id_heading(void)
{
    g_autoptr(WnNetwork) plain = load_folder(plain_nodes, plain_ties, NULL);
    g_autofree char *html = report_in(plain, WN_LANGUAGE_NL);
    g_assert_nonnull(strstr(html, "<h2>De hele wijk</h2>"));
    g_assert_null(strstr(html, "<section id=\"buurt-2\""));
    g_assert_nonnull(strstr(html, "<th scope=\"col\">Id</th>"));
    g_assert_null(strstr(html, "Pseudoniem"));
    g_autoptr(WnNetwork) hidden =
        load_folder(plain_nodes, plain_ties, "{\"pseudonymised\": {\"method\": \"test\"}}");
    g_autofree char *pseudo = report_in(hidden, WN_LANGUAGE_NL);
    g_assert_nonnull(strstr(pseudo, "<th scope=\"col\">Pseudoniem</th>"));
    g_assert_nonnull(strstr(pseudo, "onder een pseudoniem"));
}

/* The relative luminance of "#rrggbb" or "#rgb" (WCAG 2.1). */
static double
luminance(const char *hex)
{
    double channel[3];
    gboolean short_form = strlen(hex) == 4;
    for (int i = 0; i < 3; i++) {
        char part[3] = {hex[short_form ? 1 + i : 1 + 2 * i], hex[short_form ? 1 + i : 2 + 2 * i],
                        '\0'};
        double c = (double) g_ascii_strtoull(part, NULL, 16) / 255.0;
        channel[i] = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

/* Every text colour of the report's style reads on its lightest background with at least
 * WCAG AA's 4.5:1 contrast. */
static void
test_text_colours_pass_wcag_aa(void)
{
    g_autoptr(WnNetwork) net = load_folder(plain_nodes, plain_ties, NULL);
    g_autofree char *html = report_in(net, WN_LANGUAGE_NL);
    g_autofree char *style = between(html, "<style>", "</style>");
    g_assert_nonnull(style);
    g_autoptr(GRegex) re =
        g_regex_new("(?<![-a-z])color:(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\\b", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    int colours = 0;
    /* the darkest background the style sets behind text: the tables' header cells */
    double background = luminance("#f2f2f2");
    for (g_regex_match(re, style, 0, &match); g_match_info_matches(match);
         g_match_info_next(match, NULL)) {
        g_autofree char *colour = g_match_info_fetch(match, 1);
        double ratio = (background + 0.05) / (luminance(colour) + 0.05);
        if (ratio < 4.5) {
            g_error("text colour %s has contrast %.2f:1", colour, ratio);
        }
        colours++;
    }
    g_assert_cmpint(colours, >=, 3);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/buurt/own-residents-and-persons",
                    test_each_buurt_has_its_own_residents_and_persons);
    g_test_add_func("/report/language/dutch-is-finished", test_dutch_is_finished);
    g_test_add_func("/report/buurt/one-section-without-areas-and-id-heading",
                    test_one_section_and_the_id_heading);
    g_test_add_func("/report/accessibility/text-colours-pass-wcag-aa",
                    test_text_colours_pass_wcag_aa);
    return g_test_run();
}
