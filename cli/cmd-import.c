/* cmd-import.c: `wijknet import`, a file of another tool as a fieldwork dataset */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <stdio.h>

typedef struct {
    char *from;
    char *output;
    char *types;
    gboolean force;
} Options;

static void
options_clear(Options *o)
{
    g_free(o->from);
    g_free(o->output);
    g_free(o->types);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Options, options_clear)

/* What the import changed or left out, one line each on stderr. */
static void
print_import_warnings(const WnNetwork *net)
{
    cli_print_lines("wijknet import: ", wn_network_warnings(net));
}

static int
run(const Options *o, const char *file)
{
    WnFormat format = WN_FORMAT_GRAPHML;
    if (o->from == NULL || o->output == NULL) {
        return cli_usage_error("import", "--from FORMAT and -o DATASET are required");
    }
    if (!wn_format_lookup(o->from, &format)) {
        return cli_usage_error("import",
                               "--from must be graphml, gml, pajek, edgelist, node-link, "
                               "ucinet or network-canvas, not \"%s\"",
                               o->from);
    }
    WnImportOptions import = WN_IMPORT_OPTIONS_INIT;
    import.types = o->types;
    g_autoptr(GError) error = NULL;
    if (!wn_import_options_check(&import, &error)) {
        return cli_usage_error("import", "--%s", error->message);
    }
    g_auto(CliFolder) folder = {0};
    int status = CLI_EXIT_OK;
    if (!cli_folder_claim(&folder, o->output, o->force, NULL, &status)) {
        return status;
    }
    g_autoptr(WnNetwork) net = wn_network_import_full(file, format, &import, &error);
    if (net == NULL) {
        return cli_fail(error);
    }
    print_import_warnings(net);
    if (!wn_network_save(net, o->output, &error)) {
        return cli_fail(error);
    }
    cli_folder_report_kept(&folder);
    printf("%s: %" G_GSIZE_FORMAT " nodes, %" G_GSIZE_FORMAT " ties, %" G_GSIZE_FORMAT
           " conflicts\n",
           o->output, wn_network_node_count(net), wn_network_tie_count(net),
           wn_network_conflict_count(net));
    return CLI_EXIT_OK;
}

int
cmd_import(int argc, char **argv)
{
    g_auto(Options) o = {0};
    GOptionEntry entries[] = {
        {"from", 'f', 0, G_OPTION_ARG_STRING, &o.from,
         "graphml, gml, pajek, edgelist, node-link (JSON as NetworkX writes it), ucinet (DL) "
         "or network-canvas (FILE: an interview's CSV folder, one of its files, or its .graphml)",
         "FORMAT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "The dataset folder to write: new or empty unless --force (made when missing)", "DATASET"},
        cli_force_entry(&o.force),
        {"types", 't', 0, G_OPTION_ARG_STRING, &o.types,
         "Map the file's node types to kinds (resident, professional, group, organisation; "
         "Dutch names too) and its edge types to tie types, e.g. Person=resident,Venue=group,"
         "Close=friend. A node type that names a kind needs no mapping; Network Canvas's "
         "Person (the people an interviewee names) is a resident unless mapped; any other node "
         "type must be mapped (exit 65), and so must edge types that would merge",
         "TYPE=KIND,…"},
        {NULL}};
    g_autoptr(GOptionContext) context = g_option_context_new("FILE");
    g_option_context_set_summary(
        context, "Read FILE, written by another tool, and write it as a dataset in the fieldwork "
                 "format.\nKnown values (kind or type, area, label, lat, lon, vulnerable, weight) "
                 "are mapped;\nthe rest are kept as attributes, as text (ids such as 007 stay "
                 "007). Nodes without a kind\nbecome residents; a node type that is no kind "
                 "(Network Canvas's Venue) is refused\nunless --types maps it.");
    g_option_context_add_main_entries(context, entries, NULL);
    int status = CLI_EXIT_OK;
    if (!cli_parse(context, "import", &argc, &argv, &status)) {
        return status;
    }
    if (argc != 2) {
        return cli_usage_error("import", "expected one FILE");
    }
    return run(&o, argv[1]);
}
