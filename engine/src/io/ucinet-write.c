/* ucinet-write.c: the network as a UCINET DL file (edgelist1, or a full matrix per relation) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <string.h>

/* Several relations are full matrices: at most this many values in all. */
#define WN_DL_MAX_MATRIX_VALUES 100000000.0

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

/* The header up to `data:`: n, nm, the format, the ids and the relations' names. */
static void
append_header(GString *out, const WnNetwork *net, WnRelations present, guint nm)
{
    g_string_append_printf(out, "dl n=%" G_GSIZE_FORMAT, net->n);
    if (nm > 1) {
        g_string_append_printf(out, " nm=%u", nm);
    }
    g_string_append_printf(out, " format=%s\nlabels:\n", nm > 1 ? "fullmatrix" : "edgelist1");
    for (gsize v = 0; v < net->n; v++) {
        append_label(out, net->ids[v]);
    }
    if (present != 0) {
        g_string_append(out, "matrix labels:\n");
    }
    for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
        if ((present & WN_RELATION(k)) != 0) {
            g_string_append_printf(out, "%s\n", wn_tie_kind_name((WnTieKind) k));
        }
    }
    g_string_append(out, "data:\n");
}

/* One n x n matrix of the rows of relation @kind (both ways when undirected). */
static void
append_matrix(GString *out, const WnNetwork *net, const GArray *rows, guint kind)
{
    g_autofree double *cells = g_new0(double, net->n * net->n + 1);
    for (guint i = 0; i < rows->len; i++) {
        const WnTieRow *row = &g_array_index(rows, WnTieRow, i);
        if (row->kind == kind) {
            cells[(gsize) row->source * net->n + row->target] = row->weight;
            if (!net->directed) {
                cells[(gsize) row->target * net->n + row->source] = row->weight;
            }
        }
    }
    for (gsize r = 0; r < net->n; r++) {
        for (gsize c = 0; c < net->n; c++) {
            char buf[WN_NUMBER_TEXT_SIZE];
            g_string_append_printf(out, "%s%s", c > 0 ? " " : "",
                                   wn_number__round_trip(buf, cells[r * net->n + c]));
        }
        g_string_append_c(out, '\n');
    }
}

/* Whether the ties of several relations go as one full matrix per tie type: when a tie
 * has several relations and the matrices hold at most WN_DL_MAX_MATRIX_VALUES values. */
static gboolean
use_matrices(const WnNetwork *net, GPtrArray *warnings)
{
    if (wn_export__multiplex_ties(net) == 0) {
        return FALSE;
    }
    WnRelations present = 0;
    for (gsize t = 0; t < net->m; t++) {
        present |= wn_network_tie_relations(net, t);
    }
    guint nm = (guint) __builtin_popcount(present);
    if ((double) nm * (double) net->n * (double) net->n <= WN_DL_MAX_MATRIX_VALUES) {
        return TRUE;
    }
    g_ptr_array_add(warnings, g_strdup_printf("ucinet: %u tie types of %" G_GSIZE_FORMAT
                                              " nodes would need %u full matrices, more than "
                                              "100000000 values; export one relation at a time "
                                              "(--relations) to keep them apart",
                                              nm, net->n, nm));
    return FALSE;
}

/*
 * UCINET DL. When a tie has several relations: `dl n=N nm=K format=fullmatrix`, the ids
 * as `labels:`, the tie types as `matrix labels:` and one N x N matrix per tie type with
 * each tie's weight in that relation, so a tie of several relations is in several
 * matrices (up to 100,000,000 values in all). Otherwise, or beyond that: `dl n=N
 * format=edgelist1`, the ids as `labels:` (one a line, so nodes without ties are kept),
 * then one line `FROM TO WEIGHT` per tie, by node number (the weights of its relations
 * added). An undirected tie is written both ways, so UCINET reads symmetric matrices (and
 * wn_network_import an undirected network); a directed dataset is written by its arcs.
 * Node kinds, areas and every other value are left out, and the warning names them.
 */
char *
wn_export__ucinet(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings, GError **error)
{
    g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func(g_free);
    gboolean matrices = use_matrices(net, warnings != NULL ? warnings : ignored);
    g_auto(WnExportValues) values = {0};
    if (!wn_export__ids_only_init(&values, net, flags, "ucinet", matrices, warnings, error)) {
        return NULL;
    }
    WnRelations present = 0;
    for (guint i = 0; i < values.rows->len && matrices; i++) {
        present |= WN_RELATION(g_array_index(values.rows, WnTieRow, i).kind);
    }
    guint nm = (guint) __builtin_popcount(present);
    GString *out = g_string_new(NULL);
    append_header(out, net, present, nm);
    for (guint k = 0; k < WN_TIE_KIND_COUNT && matrices; k++) {
        if ((present & WN_RELATION(k)) != 0) {
            append_matrix(out, net, values.rows, k);
        }
    }
    for (guint i = 0; i < values.rows->len && !matrices; i++) {
        const WnTieRow *row = &g_array_index(values.rows, WnTieRow, i);
        append_row(out, row->source, row->target, row->weight);
        if (!net->directed) {
            append_row(out, row->target, row->source, row->weight);
        }
    }
    return g_string_free(out, FALSE);
}
