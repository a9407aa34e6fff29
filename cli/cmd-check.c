/* cmd-check.c: `wijknet check`, what a dataset holds and what the loader noticed */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <stdio.h>

/* One aligned "label  value" line; @indent nests a detail under the line above. */
static void
line(GString *out, int indent, const char *label, gsize value)
{
    g_string_append_printf(out, "%*s%-*s %" G_GSIZE_FORMAT "\n", indent, "", 38 - indent, label,
                           value);
}

static void
append_counts(GString *out, const WnSummary *s)
{
    line(out, 0, "nodes", s->nodes);
    for (int k = 0; k < WN_NODE_KIND_COUNT; k++) {
        line(out, 2, wn_node_kind_name((WnNodeKind) k), s->nodes_by_kind[k]);
    }
    line(out, 0, "tie rows", s->tie_rows);
    line(out, 2, "merged duplicates", s->merged_rows);
    line(out, 2, "another relation of a pair", s->relation_rows);
    if (s->left_out_rows > 0) {
        line(out, 2, "left out (other relations)", s->left_out_rows);
    }
    line(out, 0, "ties", s->ties);
    line(out, 2, "formal", s->formal_ties);
    line(out, 2, "informal", s->informal_ties);
    line(out, 2, "with several relations", s->multiplex_ties);
    for (int k = 0; k < WN_TIE_KIND_COUNT; k++) {
        if (s->ties_by_kind[k] > 0 && k != WN_TIE_CONFLICT) {
            line(out, 2, wn_tie_kind_name((WnTieKind) k), s->ties_by_kind[k]);
        }
    }
    line(out, 0, "conflict pairs (kept out of measures)", s->ties_by_kind[WN_TIE_CONFLICT]);
    line(out, 0, "components", s->components);
    line(out, 2, "largest", s->largest_component);
    line(out, 0, "nodes without ties", s->isolated_nodes);
    line(out, 0, "residents without an informal tie", s->residents_without_informal_tie);
    line(out, 0, "vulnerable residents", s->vulnerable_residents);
}

/* One aligned "label  text" line. */
static void
text_line(GString *out, const char *label, const char *text)
{
    g_autofree char *shown = cli_visible(text);
    g_string_append_printf(out, "%-38s %s\n", label, shown);
}

static char *
render(const WnNetwork *net, const char *dataset, const WnSummary *s)
{
    GString *out = g_string_new(NULL);
    text_line(out, "dataset", dataset);
    const char *title = wn_network_metadata(net, "title");
    if (title != NULL) {
        text_line(out, "title", title);
    }
    text_line(out, "directed", wn_network_is_directed(net) ? "yes" : "no");
    g_auto(GStrv) personal = wn_network_personal_attributes_dup(net);
    if (personal[0] != NULL) { /* shown in no output unless --show-labels (docs/FORMAT.md) */
        g_autofree char *names = g_strjoinv(", ", personal);
        text_line(out, "personal columns (left out of outputs)", names);
    }
    append_counts(out, s);
    const GPtrArray *warnings = wn_network_warnings(net);
    line(out, 0, "warnings", warnings->len);
    for (guint i = 0; i < warnings->len; i++) {
        g_autofree char *warning = cli_visible(g_ptr_array_index(warnings, i));
        g_string_append_printf(out, "  %s\n", warning);
    }
    const GPtrArray *skipped = wn_network_skipped_rows(net);
    if (skipped->len > 0) {
        line(out, 0, "skipped rows", skipped->len);
    }
    return g_string_free(out, FALSE);
}

int
cmd_check(int argc, char **argv)
{
    CliLoad load = {0};
    GOptionEntry entries[] = {
        cli_skip_bad_rows_entry(&load.skip_bad_rows), cli_relations_entry(&load.relations), {NULL}};
    g_autoptr(GOptionContext) context = g_option_context_new("DATASET");
    g_option_context_set_summary(context,
                                 "Read DATASET and report what it holds: nodes and ties by "
                                 "kind,\nmerged duplicates, components, residents without an "
                                 "informal tie, warnings.");
    g_option_context_add_main_entries(context, entries, NULL);
    int status = CLI_EXIT_OK;
    if (!cli_parse(context, "check", &argc, &argv, &status) ||
        !cli_expect_one_dataset("check", argc, &status)) {
        return status;
    }
    g_autoptr(WnNetwork) net = cli_load(argv[1], &load, &status);
    g_free(load.relations);
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
