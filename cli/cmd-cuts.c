/* cmd-cuts.c: `wijknet cuts`, where the network can be cut */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

typedef struct {
    const char *name;
    WnTable *(*compute)(const WnNetwork *net, GError **error);
} CutsList;

typedef struct {
    char *list;
    const CutsList *chosen; /* by --list */
    CliOutput out;
} Options;

static const CutsList lists[] = {
    {"articulation", wn_cuts_articulation_points},
    {"bridges", wn_cuts_bridges},
    {"local-bridges", wn_cuts_local_bridges},
    {"components", wn_cuts_components},
};

static int
check(void *options, CliFormat format)
{
    (void) format;
    Options *o = options;
    const char *name = o->list != NULL ? o->list : "articulation";
    for (gsize i = 0; i < G_N_ELEMENTS(lists); i++) {
        if (g_strcmp0(lists[i].name, name) == 0) {
            o->chosen = &lists[i];
            return CLI_EXIT_OK;
        }
    }
    return cli_usage_error(
        "cuts", "--list must be articulation, bridges, local-bridges or components, not \"%s\"",
        o->list);
}

static char *
compute(const void *options, const WnNetwork *net, CliFormat format, GError **error)
{
    const Options *o = options;
    g_autoptr(WnTable) table = o->chosen->compute(net, error);
    return table != NULL ? cli_table_render(table, format) : NULL;
}

int
cmd_cuts(int argc, char **argv)
{
    Options o = {0};
    g_auto(CliParser) parser = cli_parser_new(
        "cuts", "DATASET",
        "Where DATASET can be cut: articulation points with the residents each alone\n"
        "connects to the rest of the informal network, bridges, local bridges with\n"
        "their span, or connected components.");
    GOptionEntry entries[] = {{"list", 'l', 0, G_OPTION_ARG_STRING, &o.list,
                               "articulation (default), bridges, local-bridges or components",
                               "WHAT"},
                              {NULL}};
    cli_parser_add(&parser, entries);
    cli_output_add_entries(&parser, &o.out, NULL);
    static const CliNetworkRun cuts = {check, compute};
    return cli_parser_run_network(&parser, argc, argv, &cuts, &o.out, &o);
}
