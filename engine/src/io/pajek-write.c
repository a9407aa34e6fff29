/* pajek-write.c: the network as a Pajek .net file (vertices, edges or arcs, weights) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

/* The rows of relation @kind as the Pajek relation @number, `*Edges :2 "family"`. */
static void
append_relation(GString *out, const WnNetwork *net, const GArray *rows, guint kind, guint number)
{
    g_string_append_printf(out, "%s :%u \"%s\"\n", net->directed ? "*Arcs" : "*Edges", number,
                           wn_tie_kind_name((WnTieKind) kind));
    for (guint i = 0; i < rows->len; i++) {
        const WnTieRow *row = &g_array_index(rows, WnTieRow, i);
        char buf[WN_NUMBER_TEXT_SIZE];
        if (row->kind == kind) {
            g_string_append_printf(out, "%u %u %s\n", row->source + 1, row->target + 1,
                                   wn_number__round_trip(buf, row->weight));
        }
    }
}

/* One section of every tie, as NetworkX and igraph read Pajek: `*Edges` or `*Arcs`. */
static void
append_ties(GString *out, const WnNetwork *net, const GArray *rows)
{
    g_string_append(out, net->directed ? "*Arcs\n" : "*Edges\n");
    for (guint i = 0; i < rows->len; i++) {
        const WnTieRow *row = &g_array_index(rows, WnTieRow, i);
        char buf[WN_NUMBER_TEXT_SIZE];
        g_string_append_printf(out, "%u %u %s\n", row->source + 1, row->target + 1,
                               wn_number__round_trip(buf, row->weight));
    }
}

/* One Pajek relation per tie type of @rows, numbered from 1 in the order of WnTieKind. */
static void
append_relations(GString *out, const WnNetwork *net, const GArray *rows)
{
    WnRelations present = 0;
    for (guint i = 0; i < rows->len; i++) {
        present |= WN_RELATION(g_array_index(rows, WnTieRow, i).kind);
    }
    guint number = 0;
    for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
        if ((present & WN_RELATION(k)) != 0) {
            append_relation(out, net, rows, k, ++number);
        }
    }
}

/*
 * Pajek: *Vertices with the dataset ids quoted as labels (vertex numbers 1..n in node
 * order), then the ties with their weights: when a tie has several relations, one Pajek
 * relation per tie type, `*Edges :K "friend"` (`*Arcs :K …` when directed), each with its
 * ties' weights in that relation (Pajek reads these; NetworkX's and igraph's readers do
 * not, and a warning says so); otherwise one `*Edges` (or `*Arcs`) section, as every
 * reader takes it, without the tie types. Node kinds, areas and every other value are
 * left out, and the warning names them.
 */
char *
wn_export__pajek(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings, GError **error)
{
    gboolean relations = wn_export__multiplex_ties(net) > 0;
    g_auto(WnExportValues) values = {0};
    if (!wn_export__ids_only_init(&values, net, flags, "pajek", relations, warnings, error)) {
        return NULL;
    }
    if (relations) {
        g_ptr_array_add(warnings, g_strdup("pajek: ties of several relations are written as "
                                           "Pajek relations (*Edges :K \"type\"), which "
                                           "NetworkX and igraph do not read (export GraphML "
                                           "for them)"));
    }
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, "*Vertices %" G_GSIZE_FORMAT "\n", net->n);
    for (gsize v = 0; v < net->n; v++) {
        g_string_append_printf(out, "%" G_GSIZE_FORMAT " \"%s\"\n", v + 1, net->ids[v]);
    }
    if (relations) {
        append_relations(out, net, values.rows);
    } else {
        append_ties(out, net, values.rows);
    }
    return g_string_free(out, FALSE);
}
