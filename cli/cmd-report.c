/* cmd-report.c: `wijknet report`, one self-contained HTML page for a community worker */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

typedef struct {
    char *output;
    char *lang;
    gint min_cell;
    gint top;
    gboolean show_labels;
    char *compare; /* an earlier wave, or NULL */
    CliLoad load;
} Options;

static int
check_usage(const Options *o, WnReportOptions *opts)
{
    if (o->output == NULL) {
        return cli_usage_error("report", "-o FILE is required (the HTML file to write)");
    }
    if (o->lang != NULL && !wn_report_language_lookup(o->lang, &opts->language)) {
        return cli_usage_error("report", "--lang must be nl or en, not \"%s\"", o->lang);
    }
    if (o->min_cell < 0 || o->top < 0) {
        return cli_usage_error("report", "--min-cell and --top must not be negative");
    }
    opts->min_cell = (guint) o->min_cell;
    opts->top = (guint) o->top;
    opts->show_labels = o->show_labels;
    return CLI_EXIT_OK;
}

static int
run(const Options *o, const char *dataset, WnReportOptions *opts)
{
    int status = CLI_EXIT_OK;
    g_autoptr(WnAreaShapes) shapes = NULL;
    g_autoptr(WnNetwork) net = cli_load_with_shapes(dataset, &o->load, &shapes, &status);
    if (net == NULL) {
        return status;
    }
    g_autoptr(WnNetwork) wave1 =
        o->compare != NULL ? cli_load(o->compare, &o->load, &status) : NULL;
    if (o->compare != NULL && wave1 == NULL) {
        return status;
    }
    opts->compare = wave1;
    g_autoptr(GError) error = NULL;
    opts->shapes = shapes; /* areas.geojson, when the dataset has one: names and shapes */
    g_autofree char *html = wn_report_to_html(net, opts, &error);
    return html != NULL ? cli_write(o->output, html) : cli_fail(error);
}

static void
add_entries(CliParser *parser, Options *o)
{
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
         "Write the report to FILE (required; - for stdout)", "FILE"},
        {"lang", 'l', 0, G_OPTION_ARG_STRING, &o->lang, "nl (default) or en", "LANG"},
        {"min-cell", 0, 0, G_OPTION_ARG_INT, &o->min_cell,
         "Hide counts below K, and every figure of an area with fewer residents (default 10)", "K"},
        {"top", 0, 0, G_OPTION_ARG_INT, &o->top,
         "List at most N residents at risk per buurt (default 25; 0 = all), and at most 10 "
         "key figures and meeting places (fewer when N is)",
         "N"},
        {"show-labels", 0, 0, G_OPTION_ARG_NONE, &o->show_labels,
         "Show names (labels) next to the ids: personal data, off by default", NULL},
        {"compare", 0, 0, G_OPTION_ARG_FILENAME, &o->compare,
         "Add a section comparing with WAVE1, an earlier dataset of the same wijk", "WAVE1"},
        cli_skip_bad_rows_entry(&o->load.skip_bad_rows),
        cli_relations_entry(&o->load.relations),
        {NULL}};
    cli_parser_add(parser, entries);
}

int
cmd_report(int argc, char **argv)
{
    WnReportOptions defaults = WN_REPORT_OPTIONS_INIT;
    Options o = {.min_cell = (gint) defaults.min_cell, .top = (gint) defaults.top};
    g_auto(CliParser) parser =
        cli_parser_new("report", "DATASET",
                       "One self-contained HTML page (no external resources, printable on A4): a\n"
                       "summary in plain words, the map, the figures per area with small cells\n"
                       "suppressed, then per buurt its residents at risk in visiting order, its\n"
                       "key figures and meeting places by id with what they connect, and\n"
                       "suggestions; and how the figures are computed. Dutch by default.");
    add_entries(&parser, &o);
    int status = CLI_EXIT_OK;
    if (!cli_parser_parse(&parser, &argc, &argv, TRUE, &status)) {
        return status;
    }
    WnReportOptions opts = defaults;
    status = check_usage(&o, &opts);
    return status != CLI_EXIT_OK ? status : run(&o, argv[1], &opts);
}
