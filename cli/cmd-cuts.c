/* cmd-cuts.c: `wijknet cuts`, where the network can be cut */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

typedef struct {
    char *list;
    CliOutput out;
} Options;

static void
options_clear(Options *o)
{
    g_free(o->list);
    cli_output_clear(&o->out);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Options, options_clear)

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
run(const Options *o, const char *dataset)
{
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
    if (table == NULL) {
        return cli_fail(error);
    }
    return cli_output_table(&o->out, format, table);
}

int
cmd_cuts(int argc, char **argv)
{
    g_auto(Options) o = {0};
    GOptionEntry entries[] = {{"list", 'l', 0, G_OPTION_ARG_STRING, &o.list,
                               "articulation (default), bridges, local-bridges or components",
                               "WHAT"},
                              {NULL}};
    g_autoptr(GOptionContext) context = g_option_context_new("DATASET");
    g_option_context_set_summary(
        context, "Where DATASET can be cut: articulation points with the residents each alone\n"
                 "connects to the rest of the informal network, bridges, local bridges with\n"
                 "their span, or connected components.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_output_add_entries(context, &o.out);
    int status = CLI_EXIT_OK;
    if (!cli_parse(context, "cuts", &argc, &argv, &status) ||
        !cli_expect_one_dataset("cuts", argc, &status)) {
        return status;
    }
    return run(&o, argv[1]);
}
