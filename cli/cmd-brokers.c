/* cmd-brokers.c: `wijknet brokers`, the key figures who bridge groups, with their reasons */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

typedef struct {
    char *by;
    char *format;
    char *output;
    gint top;
    gboolean skip_bad_rows;
} Options;

static int
run(const Options *o, const char *dataset)
{
    CliFormat format = CLI_FORMAT_TABLE;
    if (!cli_parse_format(o->format, &format)) {
        return cli_usage_error("brokers", "--format must be table, csv or json, not \"%s\"",
                               o->format);
    }
    if (o->top < 0) {
        return cli_usage_error("brokers", "--top must not be negative, got %d", o->top);
    }
    int status = CLI_EXIT_OK;
    g_autoptr(WnNetwork) net = cli_load(dataset, o->skip_bad_rows, &status);
    if (net == NULL) {
        return status;
    }
    WnBrokersOptions opts = WN_BROKERS_OPTIONS_INIT;
    opts.by = o->by;
    opts.top = (guint) o->top;
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) table = wn_brokers_table(net, &opts, &error);
    if (table == NULL) {
        return cli_fail(error);
    }
    g_autofree char *text = cli_table_render(table, format);
    return cli_write(o->output, text);
}

int
cmd_brokers(int argc, char **argv)
{
    Options o = {.top = 10};
    GOptionEntry entries[] = {
        {"by", 'b', 0, G_OPTION_ARG_STRING, &o.by,
         "Groups: area (default), type, formality, or a column of nodes.csv", "GROUPING"},
        {"top", 'n', 0, G_OPTION_ARG_INT, &o.top, "Show the N best brokers (default 10; 0 = all)",
         "N"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &o.format, "table, csv or json (default table)",
         "FORMAT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, "Write to FILE instead of stdout",
         "FILE"},
        {"skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &o.skip_bad_rows,
         "Load the rest of a dataset with bad rows, and list every skipped row", NULL},
        {NULL}};
    g_autoptr(GOptionContext) context = g_option_context_new("DATASET");
    g_option_context_set_summary(
        context, "The key figures of DATASET who bridge groups (Gould-Fernandez brokerage),\n"
                 "ranked by the pairs they broker, then betweenness, then node order; each with\n"
                 "its roles, E-I index, at-risk residents within two steps and a reason.\n"
                 "Ids only, never labels.");
    g_option_context_add_main_entries(context, entries, NULL);
    int status = CLI_EXIT_OK;
    if (!cli_parse(context, "brokers", &argc, &argv, &status)) {
        return status;
    }
    if (argc != 2) {
        status = cli_usage_error("brokers", "expected one DATASET folder");
    } else {
        o.format = o.format != NULL ? o.format : g_strdup("table");
        status = run(&o, argv[1]);
    }
    g_free(o.by);
    g_free(o.format);
    g_free(o.output);
    return status;
}
