/* cmd-export.c: `wijknet export`, a dataset in the format of another tool */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"
#include "notebook.h"

#include <string.h>

typedef struct {
    char *to;
    gboolean show_labels;
    gboolean with_measures;
    gboolean force;  /* --to notebook: write into a data folder that is not empty */
    WnFormat format; /* of --to */
    CliOutput out;   /* --output and --skip-bad-rows; no --format */
} Options;

/* --to notebook: FILE.ipynb and its data folder beside it (notebooks-export/README.md). */
static int
export_notebook(const Options *o, const char *dataset)
{
    if (o->out.output == NULL || strcmp(o->out.output, "-") == 0) {
        return cli_usage_error("export", "--to notebook needs -o FILE.ipynb (its data folder "
                                         "is written beside it)");
    }
    g_autofree char *data_dir = wn_notebook_data_dir(o->out.output);
    g_auto(CliFolder) folder = {0};
    int status = CLI_EXIT_OK;
    if (!cli_folder_claim(&folder, data_dir, o->force, NULL, &status)) {
        return status;
    }
    g_autoptr(WnNetwork) net = cli_load(dataset, &o->out.load, &status);
    if (net == NULL) {
        return status;
    }
    WnNotebookOptions opts = WN_NOTEBOOK_OPTIONS_INIT;
    opts.show_labels = o->show_labels;
    opts.skip_bad_rows = o->out.load.skip_bad_rows;
    g_autoptr(GError) error = NULL;
    if (!wn_notebook_export(net, dataset, o->out.output, &opts, &error)) {
        return cli_fail(error);
    }
    cli_folder_report_kept(&folder);
    return CLI_EXIT_OK;
}

static int
check(void *options, CliFormat unused)
{
    (void) unused;
    Options *o = options;
    if (!wn_format_lookup(o->to, &o->format) || o->format == WN_FORMAT_NETWORK_CANVAS) {
        return cli_usage_error("export",
                               "--to must be graphml, gml, pajek, edgelist, node-link, "
                               "ucinet or notebook, not \"%s\"",
                               o->to);
    }
    return CLI_EXIT_OK;
}

static char *
convert(const void *options, const WnNetwork *net, CliFormat unused, GError **error)
{
    (void) unused;
    const Options *o = options;
    WnExportFlags flags = (o->show_labels ? WN_EXPORT_SHOW_LABELS : 0) |
                          (o->with_measures ? WN_EXPORT_WITH_MEASURES : 0);
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    char *text = wn_network_to_format(net, o->format, flags, warnings, error);
    cli_print_lines("wijknet export: ", warnings); /* what the format could not carry */
    return text;
}

static int
run(Options *o, const char *dataset)
{
    if (o->to == NULL) {
        return cli_usage_error("export", "--to FORMAT is required (graphml, gml, pajek, "
                                         "edgelist, node-link or ucinet)");
    }
    if (strcmp(o->to, "notebook") == 0) {
        return export_notebook(o, dataset);
    }
    static const CliNetworkRun export = {check, convert};
    return cli_run_network(&export, "export", &o->out, o, dataset);
}

int
cmd_export(int argc, char **argv)
{
    Options o = {0};
    g_auto(CliParser) parser = cli_parser_new(
        "export", "DATASET",
        "Write DATASET in the format of another tool. Labels are left out unless --show-labels "
        "is given;\nconflict ties are left out; what a format cannot carry is named on stderr.");
    GOptionEntry force = cli_force_entry(&o.force);
    force.description = "With --to notebook: write into a data folder that is not empty (files "
                        "of the same name are replaced, the others kept and named)";
    GOptionEntry entries[] = {
        {"to", 't', 0, G_OPTION_ARG_STRING, &o.to,
         "graphml, gml, pajek, edgelist, node-link (JSON as NetworkX reads it), ucinet (DL)\n"
         "                        or notebook (Jupyter, with a data folder beside it)",
         "FORMAT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.out.output, "Write to FILE instead of stdout",
         "FILE"},
        {"show-labels", 0, 0, G_OPTION_ARG_NONE, &o.show_labels,
         "Include labels (names: personal data, left out by default)", NULL},
        {"with-measures", 0, 0, G_OPTION_ARG_NONE, &o.with_measures,
         "Add the default centrality measures as node values", NULL},
        cli_skip_bad_rows_entry(&o.out.load.skip_bad_rows),
        cli_relations_entry(&o.out.load.relations),
        force,
        {NULL}};
    cli_parser_add(&parser, entries);
    int status = CLI_EXIT_OK;
    return cli_parser_parse(&parser, &argc, &argv, TRUE, &status) ? run(&o, argv[1]) : status;
}
