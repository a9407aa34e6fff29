/* pajek-write.c: the network as a Pajek .net file (vertices, edges or arcs, weights) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

/*
 * Pajek: *Vertices with the dataset ids quoted as labels (vertex numbers 1..n in node
 * order), then *Edges (or *Arcs when directed) with weights. Kinds, areas and every
 * other value are left out, and the warning names them.
 */
char *
wn_export__pajek(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings, GError **error)
{
    g_auto(WnExportValues) values = {0};
    if (!wn_export__ids_only_init(&values, net, flags, "pajek", warnings, error)) {
        return NULL;
    }
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, "*Vertices %" G_GSIZE_FORMAT "\n", net->n);
    for (gsize v = 0; v < net->n; v++) {
        g_string_append_printf(out, "%" G_GSIZE_FORMAT " \"%s\"\n", v + 1, net->ids[v]);
    }
    g_string_append(out, net->directed ? "*Arcs\n" : "*Edges\n");
    for (guint i = 0; i < values.rows->len; i++) {
        const WnTieRow *row = &g_array_index(values.rows, WnTieRow, i);
        char buf[WN_NUMBER_TEXT_SIZE];
        g_string_append_printf(out, "%u %u %s\n", row->source + 1, row->target + 1,
                               wn_number__round_trip(buf, row->weight));
    }
    return g_string_free(out, FALSE);
}
