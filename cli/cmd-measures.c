/* cmd-measures.c: `wijknet measures`, centrality for every node */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <stdio.h>

static int
list_measures(void)
{
    gsize n = 0;
    const WnMeasureInfo *all = wn_measure_list(&n);
    for (gsize i = 0; i < n; i++) {
        printf("%-18s %s\n", all[i].name, all[i].summary);
    }
    return CLI_EXIT_OK;
}

typedef struct {
    char *measures;
    gboolean weighted;
    gboolean list;
    gint samples;
    gint64 seed;
    char **names; /* of --measures; NULL: the default set */
    CliOutput out;
} Options;

/*
 * A misspelt name is a usage error, reported before a large dataset is loaded.
 * Returns: CLI_EXIT_OK when @names (NULL: the default set) are all measures.
 */
static int
check_names(const char *const *names)
{
    if (names != NULL && names[0] == NULL) {
        return cli_usage_error("measures", "--measures needs at least one name");
    }
    for (gsize i = 0; names != NULL && names[i] != NULL; i++) {
        if (wn_measure_lookup(names[i]) == NULL) {
            return cli_usage_error("measures",
                                   "unknown measure \"%s\"; 'wijknet measures --list' lists them",
                                   names[i]);
        }
    }
    return CLI_EXIT_OK;
}

static int
check(void *options, CliFormat format)
{
    (void) format;
    Options *o = options;
    if (o->samples < 0 || o->seed < 0) {
        return cli_usage_error("measures", "--samples and --seed must not be negative");
    }
    o->names = o->measures != NULL ? g_strsplit(o->measures, ",", -1) : NULL;
    for (gsize i = 0; o->names != NULL && o->names[i] != NULL; i++) {
        g_strstrip(o->names[i]);
    }
    return check_names((const char *const *) o->names);
}

static char *
compute(const void *options, const WnNetwork *net, CliFormat format, GError **error)
{
    const Options *o = options;
    WnMeasureOptions opts = {o->weighted, (guint) o->samples, (guint64) o->seed};
    g_autoptr(WnTable) table = wn_measure_table(net, (const char *const *) o->names, &opts, error);
    return table != NULL ? cli_table_render(table, format) : NULL;
}

int
cmd_measures(int argc, char **argv)
{
    Options o = {.seed = 12345};
    g_auto(CliParser) parser = cli_parser_new(
        "measures", "DATASET", "Centrality of every node of DATASET, one row per node.");
    GOptionEntry entries[] = {
        {"measures", 'm', 0, G_OPTION_ARG_STRING, &o.measures,
         "Comma-separated measures to compute (default: all centrality measures)", "LIST"},
        {"weighted", 'w', 0, G_OPTION_ARG_NONE, &o.weighted,
         "Use weight as strength and 1/weight as path length", NULL},
        {"samples", 0, 0, G_OPTION_ARG_INT, &o.samples,
         "Estimate betweenness, closeness and harmonic from K random sources (0 = exact)", "K"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &o.seed, "Seed for --samples (default 12345)", "S"},
        {NULL}};
    GOptionEntry list_entry[] = {
        {"list", 0, 0, G_OPTION_ARG_NONE, &o.list, "List the measures and what they compute", NULL},
        {NULL}};
    cli_parser_add(&parser, entries);
    cli_output_add_entries(&parser, &o.out, NULL);
    cli_parser_add(&parser, list_entry); /* --list comes last in --help */
    int status = CLI_EXIT_OK;
    if (!cli_parser_parse(&parser, &argc, &argv, FALSE, &status)) {
        return status;
    }
    if (o.list) {
        return list_measures();
    }
    if (!cli_expect_one_dataset("measures", argc, &status)) {
        return status;
    }
    static const CliNetworkRun measures = {check, compute};
    status = cli_run_network(&measures, "measures", &o.out, &o, argv[1]);
    g_strfreev(o.names);
    return status;
}
