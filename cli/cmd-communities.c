/* cmd-communities.c: `wijknet communities`, communities, modularity and participation */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <math.h>
#include <stdio.h>

typedef struct {
    char *method;
    char *partition;
    gboolean weighted;
    gint64 seed;
    double resolution;
    WnCommunityOptions opts; /* from the options above */
    CliOutput out;
} Options;

/* One line saying how the partition was made and how good it is. */
static char *
describe(const WnCommunities *comms)
{
    const WnCommunityOptions *opts = wn_communities_options(comms);
    const char *column = wn_communities_column(comms);
    g_autofree char *how =
        column != NULL ? g_strdup_printf("partition by %s", column)
                       : g_strdup_printf("%s communities (seed %" G_GUINT64_FORMAT ")",
                                         wn_communities_method_name(opts->method), opts->seed);
    double q = wn_communities_modularity(comms);
    g_autofree char *quality = isnan(q) ? g_strdup("modularity undefined (no ties)")
                                        : g_strdup_printf("modularity %.4f", q);
    return g_strdup_printf("%s, %s, resolution %g: %" G_GSIZE_FORMAT " communities, %s\n", how,
                           opts->weighted ? "weighted" : "unweighted", opts->resolution,
                           wn_communities_count(comms), quality);
}

static char *
render(const WnNetwork *net, const WnCommunities *comms, CliFormat format)
{
    if (format == CLI_FORMAT_JSON) {
        return wn_communities_to_json(net, comms);
    }
    g_autoptr(WnTable) table = wn_communities_table(net, comms);
    g_autofree char *rows = cli_table_render(table, format);
    g_autofree char *summary = describe(comms);
    if (format == CLI_FORMAT_CSV) {
        fputs(summary, stderr); /* the CSV holds the per-node table only */
        return g_steal_pointer(&rows);
    }
    return g_strconcat(summary, rows, NULL);
}

static int
check(void *options, CliFormat format)
{
    (void) format;
    Options *o = options;
    WnCommunityOptions *opts = &o->opts;
    const char *method = o->method != NULL ? o->method : "leiden";
    if (!wn_communities_method_lookup(method, &opts->method)) {
        return cli_usage_error("communities", "--method must be leiden or louvain, not \"%s\"",
                               method);
    }
    if (o->seed < 0) {
        return cli_usage_error("communities", "--seed must not be negative");
    }
    if (!(isfinite(o->resolution) && o->resolution > 0)) {
        return cli_usage_error("communities", "--resolution must be a positive number");
    }
    opts->seed = (guint64) o->seed;
    opts->weighted = o->weighted;
    opts->resolution = o->resolution;
    return CLI_EXIT_OK;
}

static char *
compute(const void *options, const WnNetwork *net, CliFormat format, GError **error)
{
    const Options *o = options;
    g_autoptr(WnCommunities) comms =
        o->partition != NULL ? wn_communities_from_column(net, o->partition, &o->opts, error)
                             : wn_communities_detect(net, &o->opts, error);
    return comms != NULL ? render(net, comms, format) : NULL;
}

int
cmd_communities(int argc, char **argv)
{
    Options o = {.seed = 12345, .resolution = 1.0, .opts = WN_COMMUNITY_OPTIONS_INIT};
    g_auto(CliParser) parser = cli_parser_new(
        "communities", "DATASET",
        "Communities of DATASET and their modularity, with each node's community and\n"
        "participation coefficient (the spread of its ties over communities).");
    GOptionEntry entries[] = {
        {"method", 'm', 0, G_OPTION_ARG_STRING, &o.method, "leiden or louvain (default leiden)",
         "METHOD"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &o.seed,
         "Seed of the randomised methods (default 12345)", "S"},
        {"weighted", 'w', 0, G_OPTION_ARG_NONE, &o.weighted, "Count each tie with its weight",
         NULL},
        {"resolution", 0, 0, G_OPTION_ARG_DOUBLE, &o.resolution,
         "Modularity resolution (default 1; larger gives smaller communities)", "R"},
        {"partition", 'p', 0, G_OPTION_ARG_STRING, &o.partition,
         "Do not detect: take the partition by a node column (type, area or another)", "COLUMN"},
        {NULL}};
    cli_parser_add(&parser, entries);
    cli_output_add_entries(&parser, &o.out,
                           "table, csv or json (default table; csv prints the summary on stderr)");
    static const CliNetworkRun communities = {check, compute};
    return cli_parser_run_network(&parser, argc, argv, &communities, &o.out, &o);
}
