/* ucinet-write.c: the network as a UCINET DL file (edgelist1, with a list of labels) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <string.h>

/* A label is quoted when it holds what would end it: a space, a tab, a comma or `=`. */
static void
append_label(GString *out, const char *id)
{
    gboolean quote = strpbrk(id, " \t,=:") != NULL;
    g_string_append_printf(out, quote ? "\"%s\"\n" : "%s\n", id);
}

static void
append_row(GString *out, guint32 source, guint32 target, double weight)
{
    char buf[WN_NUMBER_TEXT_SIZE];
    g_string_append_printf(out, "%u %u %s\n", source + 1, target + 1,
                           wn_number__round_trip(buf, weight));
}

/*
 * UCINET DL: `dl n=N format=edgelist1`, the ids as `labels:` (one a line, so nodes
 * without ties are kept), then one line `FROM TO WEIGHT` per tie, by node number. An
 * undirected tie is written both ways, so UCINET reads a symmetric matrix (and
 * wn_network_import an undirected network); a directed dataset is written by its arcs.
 * Kinds, areas and every other value are left out, and the warning names them.
 */
char *
wn_export__ucinet(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings, GError **error)
{
    g_auto(WnExportValues) values = {0};
    if (!wn_export__ids_only_init(&values, net, flags, "ucinet", warnings, error)) {
        return NULL;
    }
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, "dl n=%" G_GSIZE_FORMAT " format=edgelist1\nlabels:\n", net->n);
    for (gsize v = 0; v < net->n; v++) {
        append_label(out, net->ids[v]);
    }
    g_string_append(out, "data:\n");
    for (guint i = 0; i < values.rows->len; i++) {
        const WnTieRow *row = &g_array_index(values.rows, WnTieRow, i);
        append_row(out, row->source, row->target, row->weight);
        if (!net->directed) {
            append_row(out, row->target, row->source, row->weight);
        }
    }
    return g_string_free(out, FALSE);
}
