/* cmd-cuts.c: `wijknet cuts`, where the network can be cut */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

typedef struct {
    char *list;
    char *format;
    char *output;
    gboolean skip_bad_rows;
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
run(const Options *o, const char *dataset)
{
    CliFormat format = CLI_FORMAT_TABLE;
    if (!cli_parse_format(o->format, &format)) {
        return cli_usage_error("cuts", "--format must be table, csv or json, not \"%s\"",
                               o->format);
    }
    const CutsList *list = find_list(o->list);
    if (list == NULL) {
        return cli_usage_error(
            "cuts", "--list must be articulation, bridges, local-bridges or components, not \"%s\"",
            o->list);
    }
    int status = CLI_EXIT_OK;
    g_autoptr(WnNetwork) net = cli_load(dataset, o->skip_bad_rows, &status);
    if (net == NULL) {
        return status;
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) table = list->compute(net, &error);
    if (table == NULL) {
        return cli_fail(error);
    }
    g_autofree char *text = cli_table_render(table, format);
    return cli_write(o->output, text);
}

int
cmd_cuts(int argc, char **argv)
{
    Options o = {0};
    GOptionEntry entries[] = {
        {"list", 'l', 0, G_OPTION_ARG_STRING, &o.list,
         "articulation (default), bridges, local-bridges or components", "WHAT"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &o.format, "table, csv or json (default table)",
         "FORMAT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, "Write to FILE instead of stdout",
         "FILE"},
        {"skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &o.skip_bad_rows,
         "Load the rest of a dataset with bad rows, and list every skipped row", NULL},
        {NULL}};
    g_autoptr(GOptionContext) context = g_option_context_new("DATASET");
    g_option_context_set_summary(
        context, "Where DATASET can be cut: articulation points with the residents each alone\n"
                 "connects to the rest of the informal network, bridges, local bridges with\n"
                 "their span, or connected components.");
    g_option_context_add_main_entries(context, entries, NULL);
    int status = CLI_EXIT_OK;
    if (!cli_parse(context, "cuts", &argc, &argv, &status)) {
        return status;
    }
    if (argc != 2) {
        status = cli_usage_error("cuts", "expected one DATASET folder");
    } else {
        o.list = o.list != NULL ? o.list : g_strdup("articulation");
        o.format = o.format != NULL ? o.format : g_strdup("table");
        status = run(&o, argv[1]);
    }
    g_free(o.list);
    g_free(o.format);
    g_free(o.output);
    return status;
}
