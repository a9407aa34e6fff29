/* cmd-brokers.c: `wijknet brokers`, the key figures who bridge groups, with their reasons */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

typedef struct {
    char *by;
    char *kind;
    gint top;
    gint64 seed;
    CliOutput out;
} Options;

static int
check(void *options, CliFormat format)
{
    (void) format;
    const Options *o = options;
    if (o->kind != NULL && g_strcmp0(o->kind, "brokerage") != 0 &&
        g_strcmp0(o->kind, "persons") != 0 && g_strcmp0(o->kind, "places") != 0) {
        return cli_usage_error("brokers", "--kind must be brokerage, persons or places, not \"%s\"",
                               o->kind);
    }
    if (o->top < 0) {
        return cli_usage_error("brokers", "--top must not be negative, got %d", o->top);
    }
    if (o->seed < 0) {
        return cli_usage_error("brokers", "--seed must not be negative, got %" G_GINT64_FORMAT,
                               o->seed);
    }
    return CLI_EXIT_OK;
}

static char *
compute(const void *options, const WnNetwork *net, CliFormat format, GError **error)
{
    const Options *o = options;
    if (o->kind != NULL && g_strcmp0(o->kind, "brokerage") != 0) {
        WnKeyKind kind = g_strcmp0(o->kind, "persons") == 0 ? WN_KEY_PERSONS : WN_KEY_PLACES;
        g_autoptr(WnTable) keys = wn_key_figures_table(net, kind, (guint) o->top, error);
        return keys != NULL ? cli_table_render(keys, format) : NULL;
    }
    WnBrokersOptions opts = WN_BROKERS_OPTIONS_INIT;
    opts.by = o->by;
    opts.top = (guint) o->top;
    opts.seed = (guint64) o->seed;
    g_autoptr(WnTable) table = wn_brokers_table(net, &opts, error);
    return table != NULL ? cli_table_render(table, format) : NULL;
}

int
cmd_brokers(int argc, char **argv)
{
    Options o = {.top = 10, .seed = 12345};
    g_auto(CliParser) parser = cli_parser_new(
        "brokers", "DATASET",
        "The key figures of DATASET who bridge groups (Gould-Fernandez brokerage),\n"
        "ranked by the pairs they broker, then betweenness, then node order; each with\n"
        "its roles, E-I index, at-risk residents within two steps and a reason.\n"
        "With --kind persons: the residents and professionals a community worker goes\n"
        "to, ranked by at-risk residents within reach, then the residents whose only\n"
        "link they are, then the areas they span; --kind places: the groups and\n"
        "organisations, ranked by members reached nowhere else, then at-risk members,\n"
        "then members (README, \"Key figures and meeting places\").\n"
        "Ids only, never labels.");
    GOptionEntry entries[] = {
        {"by", 'b', 0, G_OPTION_ARG_STRING, &o.by,
         "Groups: area (default), type, formality, or a column of nodes.csv", "GROUPING"},
        {"kind", 'k', 0, G_OPTION_ARG_STRING, &o.kind,
         "brokerage (default: every node, Gould-Fernandez), persons or places", "KIND"},
        {"top", 'n', 0, G_OPTION_ARG_INT, &o.top, "Show the N best brokers (default 10; 0 = all)",
         "N"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &o.seed,
         "Seed of the betweenness estimate above 20,000 nodes (default 12345)", "S"},
        {NULL}};
    cli_parser_add(&parser, entries);
    cli_output_add_entries(&parser, &o.out, NULL);
    static const CliNetworkRun brokers = {check, compute};
    return cli_parser_run_network(&parser, argc, argv, &brokers, &o.out, &o);
}
