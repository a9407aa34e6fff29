/* cmd-check.c: `wijknet check`, what a dataset holds and what the loader noticed */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <stdio.h>

static void
append_counts(GString *out, const WnSummary *s)
{
    g_string_append_printf(out, "nodes                 %" G_GSIZE_FORMAT "\n", s->nodes);
    for (int k = 0; k < WN_NODE_KIND_COUNT; k++) {
        g_string_append_printf(out, "  %-19s %" G_GSIZE_FORMAT "\n",
                               wn_node_kind_name((WnNodeKind) k), s->nodes_by_kind[k]);
    }
    g_string_append_printf(out, "tie rows              %" G_GSIZE_FORMAT "\n", s->tie_rows);
    g_string_append_printf(out, "  merged duplicates   %" G_GSIZE_FORMAT "\n", s->merged_rows);
    g_string_append_printf(out, "ties                  %" G_GSIZE_FORMAT "\n", s->ties);
    g_string_append_printf(out, "  formal              %" G_GSIZE_FORMAT "\n", s->formal_ties);
    g_string_append_printf(out, "  informal            %" G_GSIZE_FORMAT "\n", s->informal_ties);
    for (int k = 0; k < WN_TIE_KIND_COUNT; k++) {
        if (s->ties_by_kind[k] > 0) {
            g_string_append_printf(out, "  %-19s %" G_GSIZE_FORMAT "%s\n",
                                   wn_tie_kind_name((WnTieKind) k), s->ties_by_kind[k],
                                   k == WN_TIE_CONFLICT ? " (kept out of every measure)" : "");
        }
    }
    g_string_append_printf(out, "components            %" G_GSIZE_FORMAT "\n", s->components);
    g_string_append_printf(out, "  largest             %" G_GSIZE_FORMAT "\n",
                           s->largest_component);
    g_string_append_printf(out, "nodes without ties    %" G_GSIZE_FORMAT "\n", s->isolated_nodes);
    g_string_append_printf(out, "residents without an informal tie  %" G_GSIZE_FORMAT "\n",
                           s->residents_without_informal_tie);
    g_string_append_printf(out, "vulnerable residents  %" G_GSIZE_FORMAT "\n",
                           s->vulnerable_residents);
}

static char *
render(const WnNetwork *net, const char *dataset, const WnSummary *s)
{
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, "dataset               %s\n", dataset);
    const char *title = wn_network_metadata(net, "title");
    if (title != NULL) {
        g_string_append_printf(out, "title                 %s\n", title);
    }
    g_string_append_printf(out, "directed              %s\n",
                           wn_network_is_directed(net) ? "yes" : "no");
    append_counts(out, s);
    const GPtrArray *warnings = wn_network_warnings(net);
    g_string_append_printf(out, "warnings              %u\n", warnings->len);
    for (guint i = 0; i < warnings->len; i++) {
        g_string_append_printf(out, "  %s\n", (const char *) g_ptr_array_index(warnings, i));
    }
    const GPtrArray *skipped = wn_network_skipped_rows(net);
    if (skipped->len > 0) {
        g_string_append_printf(out, "skipped rows          %u\n", skipped->len);
    }
    return g_string_free(out, FALSE);
}

int
cmd_check(int argc, char **argv)
{
    gboolean skip_bad_rows = FALSE;
    GOptionEntry entries[] = {
        {"skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &skip_bad_rows,
         "Load the rest of a dataset with bad rows, and list every skipped row", NULL},
        {NULL}};
    g_autoptr(GOptionContext) context = g_option_context_new("DATASET");
    g_option_context_set_summary(context,
                                 "Read DATASET and report what it holds: nodes and ties by "
                                 "kind,\nmerged duplicates, components, residents without an "
                                 "informal tie, warnings.");
    g_option_context_add_main_entries(context, entries, NULL);
    int status = CLI_EXIT_OK;
    if (!cli_parse(context, "check", &argc, &argv, &status)) {
        return status;
    }
    if (argc != 2) {
        return cli_usage_error("check", "expected one DATASET folder");
    }
    g_autoptr(WnNetwork) net = cli_load(argv[1], skip_bad_rows, &status);
    if (net == NULL) {
        return status;
    }
    WnSummary summary;
    g_autoptr(GError) error = NULL;
    if (!wn_network_summarise(net, &summary, &error)) {
        return cli_fail(error);
    }
    g_autofree char *text = render(net, argv[1], &summary);
    return cli_write(NULL, text);
}
