/* edgelist-write.c: the ties as a weighted edge list, as networkx.read_weighted_edgelist reads */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <string.h>

/* The delimiter: a space, or a tab when an id holds a space (read it with delimiter="\t"). */
static char
choose_delimiter(const WnNetwork *net)
{
    for (gsize v = 0; v < net->n; v++) {
        if (strchr(net->ids[v], ' ') != NULL) {
            return '\t';
        }
    }
    return ' ';
}

static void
warn_untied_nodes(const WnNetwork *net, const GArray *rows, GPtrArray *warnings)
{
    g_autofree guint8 *tied = g_new0(guint8, net->n + 1);
    for (guint i = 0; i < rows->len; i++) {
        const WnTieRow *row = &g_array_index(rows, WnTieRow, i);
        tied[row->source] = tied[row->target] = 1;
    }
    gsize untied = 0;
    for (gsize v = 0; v < net->n; v++) {
        untied += !tied[v];
    }
    if (untied > 0) {
        g_ptr_array_add(warnings, g_strdup_printf("edgelist: %" G_GSIZE_FORMAT " node%s without "
                                                  "ties %s left out",
                                                  untied, untied == 1 ? "" : "s",
                                                  untied == 1 ? "is" : "are"));
    }
}

/*
 * One line per tie (per arc when directed; the weights of a tie's relations added, as a
 * line has no type): source, target and weight, separated by a
 * space, or by a tab when an id holds a space (with a warning saying so). Nodes without
 * ties and every node and tie value but the weight are left out, and the warnings say so.
 */
char *
wn_export__edgelist(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings, GError **error)
{
    /* An id NetworkX would split or cut (a tab, a line end, a `#`, which starts a
     * comment) cannot be written. */
    g_auto(WnExportValues) values = {0};
    if (!wn_export__ids_only_init(&values, net, flags, "edgelist", FALSE, warnings, error)) {
        return NULL;
    }
    char delimiter = choose_delimiter(net);
    warn_untied_nodes(net, values.rows, warnings);
    if (delimiter == '\t') {
        g_ptr_array_add(warnings, g_strdup("edgelist: an id holds a space, so the columns are "
                                           "separated by tabs (read with delimiter=\"\\t\")"));
    }
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < values.rows->len; i++) {
        const WnTieRow *row = &g_array_index(values.rows, WnTieRow, i);
        char buf[WN_NUMBER_TEXT_SIZE];
        g_string_append_printf(out, "%s%c%s%c%s\n", net->ids[row->source], delimiter,
                               net->ids[row->target], delimiter,
                               wn_number__round_trip(buf, row->weight));
    }
    return g_string_free(out, FALSE);
}
