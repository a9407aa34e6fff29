/* cmd-generate.c: `wijknet generate`, a synthetic town in the fieldwork format */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <stdio.h>

typedef struct {
    gint64 residents; /* -1 until given */
    gint64 seed;
    double isolated_share;
    double vulnerable_share;
    char *output;
    gboolean force;
    char *evolve; /* wave 1, or NULL */
} Options;

/* Returns: CLI_EXIT_OK when the options are complete and in range. */
static int
check_options(const Options *o, int argc, char **argv)
{
    if (argc > 1) {
        return cli_usage_error("generate", "unexpected argument \"%s\" (the folder is -o DIR)",
                               argv[1]);
    }
    if (o->evolve != NULL && o->residents >= 0) {
        return cli_usage_error("generate", "--evolve takes the residents of WAVE1; leave out "
                                           "--residents");
    }
    if (o->evolve == NULL && o->residents < 0) {
        return cli_usage_error("generate", "--residents N is required");
    }
    if (o->evolve == NULL &&
        (o->residents < WN_GENERATE_MIN_RESIDENTS || o->residents > WN_GENERATE_MAX_RESIDENTS)) {
        return cli_usage_error("generate",
                               "--residents must be between %d and %d, got %" G_GINT64_FORMAT,
                               WN_GENERATE_MIN_RESIDENTS, WN_GENERATE_MAX_RESIDENTS, o->residents);
    }
    if (o->seed < 0) {
        return cli_usage_error("generate", "--seed must not be negative");
    }
    if (o->output == NULL) {
        return cli_usage_error("generate", "-o DIR is required (the folder to write into)");
    }
    return CLI_EXIT_OK;
}

/* --evolve: wave 1 a year on, into -o DIR. */
static int
run_evolve(const Options *o)
{
    WnEvolveOptions opts = WN_EVOLVE_OPTIONS_INIT;
    opts.seed = (guint64) o->seed;
    opts.force = o->force;
    g_auto(CliFolder) folder = {0};
    g_autoptr(GError) error = NULL;
    int status = CLI_EXIT_OK;
    if (!cli_folder_claim(&folder, o->output, o->force, NULL, &status)) {
        return status;
    }
    if (!wn_generate_evolve(o->evolve, &opts, o->output, &error)) {
        return cli_fail(error);
    }
    cli_folder_report_kept(&folder);
    return CLI_EXIT_OK;
}

static int
run(const Options *o)
{
    if (o->evolve != NULL) {
        return run_evolve(o);
    }
    WnGenerateOptions opts = WN_GENERATE_OPTIONS_INIT;
    opts.residents = (gsize) o->residents;
    opts.seed = (guint64) o->seed;
    opts.isolated_share = o->isolated_share;
    opts.vulnerable_share = o->vulnerable_share;
    opts.force = o->force;
    g_autoptr(GError) error = NULL;
    if (!wn_generate_options_check(&opts, &error)) {
        return cli_usage_error("generate", "%s", error->message);
    }
    g_auto(CliFolder) folder = {0};
    int status = CLI_EXIT_OK;
    if (!cli_folder_claim(&folder, o->output, o->force, NULL, &status)) {
        return status;
    }
    if (!wn_generate_town(&opts, o->output, &error)) {
        return cli_fail(error);
    }
    cli_folder_report_kept(&folder);
    return CLI_EXIT_OK;
}

int
cmd_generate(int argc, char **argv)
{
    WnGenerateOptions defaults = WN_GENERATE_OPTIONS_INIT;
    Options o = {-1,
                 (gint64) defaults.seed,
                 defaults.isolated_share,
                 defaults.vulnerable_share,
                 NULL,
                 FALSE,
                 NULL};
    g_auto(CliParser) parser =
        cli_parser_new("generate", NULL,
                       "Write a synthetic town (fictional residents, groups, professionals and\n"
                       "organisations in buurten with boundaries) into DIR: nodes.csv, ties.csv,\n"
                       "areas.geojson and dataset.json. With --evolve WAVE1: that dataset a\n"
                       "year on (households move out and in, ties dissolve and form, a share of\n"
                       "the suggested contacts is made), the second wave of the same wijk.");
    GOptionEntry entries[] = {
        {"residents", 'n', 0, G_OPTION_ARG_INT64, &o.residents, "Number of residents (required)",
         "N"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &o.seed,
         "Seed: the same seed gives the same files (default 1)", "S"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Folder to write into: new or empty unless --force, created when missing (required)",
         "DIR"},
        cli_force_entry(&o.force),
        {"evolve", 0, 0, G_OPTION_ARG_FILENAME, &o.evolve,
         "Write WAVE1 a year on (a second fieldwork wave; ids kept) instead of a new town",
         "WAVE1"},
        {"isolated-share", 0, 0, G_OPTION_ARG_DOUBLE, &o.isolated_share,
         "Share of residents without any informal tie, 0-0.15 (default 0.09)", "X"},
        {"vulnerable-share", 0, 0, G_OPTION_ARG_DOUBLE, &o.vulnerable_share,
         "Share of residents flagged vulnerable, 0-0.5 (default 0.06)", "X"},
        {NULL}};
    cli_parser_add(&parser, entries);
    int status = CLI_EXIT_OK;
    if (!cli_parser_parse(&parser, &argc, &argv, FALSE, &status)) {
        return status;
    }
    status = check_options(&o, argc, argv);
    return status != CLI_EXIT_OK ? status : run(&o);
}
