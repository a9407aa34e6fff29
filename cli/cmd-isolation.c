/* cmd-isolation.c: `wijknet isolation`, residents at risk, ego composition, the projection */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <math.h>

typedef struct {
    char *config;
    gboolean all;
    gboolean summary;
    gboolean composition;
    gboolean projection;
    gint min_shared;
    gint min_cell;
    char *values[8];         /* the settings below as given, NULL when not */
    WnIsolationOptions opts; /* the defaults, then --config, then the values above */
    CliOutput out;
} Options;

/* The isolation settings, named as in the [isolation] group (wn_isolation_options_set). */
static const struct {
    const char *name;
    const char *help;
} settings[] = {
    {"weight-strength", "Weight of informal strength in the index (default 0.4)"},
    {"weight-reach", "Weight of reach2 in the index (default 0.4)"},
    {"weight-weak", "Weight of weak_share in the index (default 0.2); the weights sum to 1"},
    {"cap-strength", "Informal strength counted as fully connected (default 5)"},
    {"cap-reach", "reach2 counted as fully connected (default 10)"},
    {"fragile-degree", "Fragile at or below this informal degree (default 2)"},
    {"fragile-weak", "Fragile (and weak_network) at or above this weak_share (default 0.5)"},
    {"at-risk-degree", "A contact at or below this informal degree is at risk (default 1)"},
};
G_STATIC_ASSERT(G_N_ELEMENTS(settings) == G_N_ELEMENTS(((Options *) NULL)->values));

/* Defaults, then the config file, then the options on the command line. */
static int
resolve_options(const Options *o, WnIsolationOptions *opts)
{
    g_autoptr(GError) error = NULL;
    if (o->config != NULL && !wn_isolation_options_load(o->config, opts, &error)) {
        return cli_fail(error);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(settings); i++) {
        if (o->values[i] == NULL) {
            continue;
        }
        char *end = NULL;
        double value = g_ascii_strtod(o->values[i], &end);
        if (end == o->values[i] || *end != '\0' || !isfinite(value)) {
            return cli_usage_error("isolation", "--%s: expected a finite number, got \"%s\"",
                                   settings[i].name, o->values[i]);
        }
        if (!wn_isolation_options_set(opts, settings[i].name, value, &error)) {
            return cli_usage_error("isolation", "--%s", error->message);
        }
    }
    if (!wn_isolation_options_check(opts, &error)) {
        return cli_usage_error("isolation", "%s", error->message);
    }
    return CLI_EXIT_OK;
}

static char *
section(const char *title, const WnTable *table)
{
    g_autofree char *body = cli_table_render(table, CLI_FORMAT_TABLE);
    return g_strdup_printf("%s\n%s", title, body);
}

/* The report: residents at risk, then the figures per area with small cells suppressed
 * (the areas table of `wijknet map`); as a table both sections, as CSV or JSON the
 * ranking alone (the per-area figures with --summary). */
static char *
render_report(const WnNetwork *net, const Options *o, const WnIsolationOptions *opts,
              CliFormat format, GError **error)
{
    WnAreaOptions area_opts = {(guint) o->min_cell, *opts, NULL};
    g_autoptr(WnTable) counts = wn_areas_table(net, &area_opts, error);
    g_autoptr(WnTable) ranking =
        counts != NULL ? wn_isolation_ranking(net, opts, o->all, error) : NULL;
    if (ranking == NULL) {
        return NULL;
    }
    if (format != CLI_FORMAT_TABLE) {
        return cli_table_render(o->summary ? counts : ranking, format);
    }
    g_autofree char *counts_text =
        section("Residents per status and area (small cells hidden)", counts);
    if (o->summary) {
        return g_steal_pointer(&counts_text);
    }
    g_autofree char *ranking_text = section(
        o->all ? "Residents, in visiting order" : "Residents at risk, in visiting order", ranking);
    return g_strdup_printf("%s\n%s", ranking_text, counts_text);
}

static char *
render(const WnNetwork *net, const Options *o, const WnIsolationOptions *opts, CliFormat format,
       GError **error)
{
    if (o->composition || o->projection) {
        g_autoptr(WnTable) table = o->composition
                                       ? wn_ego_composition(net, error)
                                       : wn_projection_residents(net, (guint) o->min_shared, error);
        return table != NULL ? cli_table_render(table, format) : NULL;
    }
    return render_report(net, o, opts, format, error);
}

static int
check_usage(const Options *o)
{
    if (o->summary + o->composition + o->projection > 1) {
        return cli_usage_error("isolation",
                               "choose one of --summary, --composition and --projection");
    }
    if (o->min_shared < 1) {
        return cli_usage_error("isolation", "--min-shared must be at least 1");
    }
    if (o->min_cell < 0) {
        return cli_usage_error("isolation", "--min-cell must not be negative");
    }
    return CLI_EXIT_OK;
}

static int
check(void *options, CliFormat format)
{
    (void) format;
    Options *o = options;
    int status = check_usage(o);
    return status == CLI_EXIT_OK ? resolve_options(o, &o->opts) : status;
}

static char *
compute(const void *options, const WnNetwork *net, CliFormat format, GError **error)
{
    const Options *o = options;
    return render(net, o, &o->opts, format, error);
}

static GOptionEntry *
setting_entries(Options *o)
{
    GOptionEntry *entries = g_new0(GOptionEntry, G_N_ELEMENTS(settings) + 1);
    for (gsize i = 0; i < G_N_ELEMENTS(settings); i++) {
        entries[i] = (GOptionEntry){settings[i].name, 0,  0, G_OPTION_ARG_STRING, &o->values[i],
                                    settings[i].help, "X"};
    }
    return entries;
}

static void
add_main_entries(CliParser *parser, Options *o)
{
    GOptionEntry entries[] = {
        {"all", 'a', 0, G_OPTION_ARG_NONE, &o->all, "Rank every resident, not only those at risk",
         NULL},
        {"summary", 0, 0, G_OPTION_ARG_NONE, &o->summary, "Only the counts per status and area",
         NULL},
        {"composition", 0, 0, G_OPTION_ARG_NONE, &o->composition,
         "Ego composition of every resident instead", NULL},
        {"projection", 0, 0, G_OPTION_ARG_NONE, &o->projection,
         "Residents tied by the groups they share instead", NULL},
        {"min-shared", 0, 0, G_OPTION_ARG_INT, &o->min_shared,
         "With --projection: pairs sharing at least N groups (default 1)", "N"},
        {"min-cell", 0, 0, G_OPTION_ARG_INT, &o->min_cell,
         "Per-area counts below K show as <K, areas below K residents show none (default 10)", "K"},
        {"config", 'c', 0, G_OPTION_ARG_FILENAME, &o->config,
         "Read the settings below from the [isolation] group of FILE", "FILE"},
        {NULL}};
    cli_parser_add(parser, entries);
    cli_output_add_entries(parser, &o->out, NULL);
}

int
cmd_isolation(int argc, char **argv)
{
    Options o = {.min_shared = 1, .min_cell = 10, .opts = WN_ISOLATION_OPTIONS_INIT};
    g_autofree GOptionEntry *values = setting_entries(&o);
    g_auto(CliParser) parser = cli_parser_new(
        "isolation", "DATASET",
        "Residents at risk of isolation in the order a community worker visits them (no\n"
        "contact at all, then formal contacts only, then fragile; the vulnerable first,\n"
        "then the fewest contacts, then by id), each with the isolation index and its\n"
        "parts, and the counts per status and area. As CSV or JSON: the ranking, or the\n"
        "counts with --summary.");
    add_main_entries(&parser, &o);
    cli_parser_add(&parser, values);
    static const CliNetworkRun isolation = {check, compute};
    return cli_parser_run_network(&parser, argc, argv, &isolation, &o.out, &o);
}
