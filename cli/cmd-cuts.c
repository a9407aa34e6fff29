/* cmd-cuts.c: `wijknet cuts`, where the network can be cut */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

typedef struct {
    char *list;
    CliOutput out;
} Options;

typedef struct {
    const char *name;
    WnTable *(*compute)(const WnNetwork *net, GError **error);
} CutsList;

static const CutsList lists[] = {
    {"articulation", wn_cuts_articulation_points},
    {"bridges", wn_cuts_bridges},
    {"local-bridges", wn_cuts_local_bridges},
    {"components", wn_cuts_components},
};

static const CutsList *
find_list(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(lists); i++) {
        if (g_strcmp0(lists[i].name, name) == 0) {
            return &lists[i];
        }
    }
    return NULL;
}

static int
run(const void *options, const char *dataset)
{
    const Options *o = options;
    CliFormat format = CLI_FORMAT_TABLE;
    int status = CLI_EXIT_OK;
    if (!cli_output_check(&o->out, "cuts", &format, &status)) {
        return status;
    }
    const CutsList *list = find_list(o->list != NULL ? o->list : "articulation");
    if (list == NULL) {
        return cli_usage_error(
            "cuts", "--list must be articulation, bridges, local-bridges or components, not \"%s\"",
            o->list);
    }
    g_autoptr(WnNetwork) net = cli_load(dataset, o->out.skip_bad_rows, &status);
    if (net == NULL) {
        return status;
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) table = list->compute(net, &error);
    return cli_output_table(&o->out, format, table, error);
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
    return cli_parser_run(&parser, argc, argv, run, &o);
}
