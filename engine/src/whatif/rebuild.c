/* rebuild.c: a copy of a network, some nodes and ties left out, as a draft that takes new ties */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "whatif.h"

#define WHERE "scenario"

static gboolean
set_node_value(WnDraft *d, gsize node, const char *name, const char *value, GError **error)
{
    return value == NULL || *value == '\0' ||
           wn_draft__node_value(d, node, name, value, WHERE, error);
}

/* Position and the extra columns, for a copy that is written out again: no label and no
 * personal column (README "Privacy and safety"), since the copy is a new dataset. */
static gboolean
copy_node_extras(WnDraft *d, gsize node, const WnNetwork *net, gsize v, GError **error)
{
    double lat = 0, lon = 0;
    if (wn_network_node_position(net, v, &lat, &lon)) {
        char la[G_ASCII_DTOSTR_BUF_SIZE], lo[G_ASCII_DTOSTR_BUF_SIZE];
        g_ascii_formatd(la, sizeof la, "%.6f", lat);
        g_ascii_formatd(lo, sizeof lo, "%.6f", lon);
        if (!set_node_value(d, node, "lat", la, error) ||
            !set_node_value(d, node, "lon", lo, error)) {
            return FALSE;
        }
    }
    /* the extra columns as they are: through wn_draft__node_value a column named "kind"
     * would be read as the node's type */
    const GPtrArray *columns = wn_network_node_attribute_names(net);
    for (guint j = 0; j < columns->len; j++) {
        const char *name = *(char *const *) g_ptr_array_index(columns, j);
        const char *value = wn_network_node_attribute(net, v, name);
        if (value != NULL && !wn_network_node_attribute_is_personal(net, name)) {
            wn_draft__set_cell(d, wn_draft__column_named(d->node_columns, name), node, value,
                               WHERE);
        }
    }
    return TRUE;
}

static gboolean
copy_node(WnDraft *d, const WnNetwork *net, gsize v, guint flags, GError **error)
{
    gsize node = 0;
    if (!wn_draft__add_node(d, net->ids[v], WHERE, &node, error) ||
        !set_node_value(d, node, "type", wn_node_kind_name(net->kinds[v]), error) ||
        !set_node_value(d, node, "area", net->areas[v], error) ||
        !set_node_value(d, node, "vulnerable", net->vulnerable[v] ? "1" : "0", error)) {
        return FALSE;
    }
    return (flags & WN_REBUILD_ATTRIBUTES) == 0 || copy_node_extras(d, node, net, v, error);
}

/**
 * wn_whatif__draft_tie:
 * Adds a tie of @kind between draft nodes @a and @b with @weight (shortest text that reads
 * back the same); *@tie_out (may be NULL) is the draft tie, WN_DRAFT_SKIPPED for a self-tie.
 * Returns: FALSE on error (a weight the rules refuse).
 */
gboolean
wn_whatif__draft_tie(WnDraft *draft, gsize a, gsize b, WnTieKind kind, double weight,
                     gsize *tie_out, GError **error)
{
    char text[WN_NUMBER_TEXT_SIZE];
    gsize t = wn_draft__add_tie(draft, a, b, WHERE);
    if (tie_out != NULL) {
        *tie_out = t;
    }
    return wn_draft__tie_value(draft, t, "type", wn_tie_kind_name(kind), WHERE, error) &&
           wn_draft__tie_value(draft, t, "weight", wn_number__round_trip(text, weight), WHERE,
                               error);
}

/* The rows of kept ties (one per relation, and per arc when directed), and the conflicts. */
static gboolean
copy_ties(WnDraft *d, const WnNetwork *net, const gsize *to_draft, const guint8 *tie_gone,
          guint flags, GError **error)
{
    g_autoptr(GArray) rows = wn_write__tie_rows(net, TRUE);
    const GPtrArray *columns = wn_network_tie_attribute_names(net);
    for (guint i = 0; i < rows->len; i++) {
        const WnTieRow *r = &g_array_index(rows, WnTieRow, i);
        gsize a = to_draft[r->source], b = to_draft[r->target];
        if (a == G_MAXSIZE || b == G_MAXSIZE || (tie_gone != NULL && tie_gone[r->tie])) {
            continue;
        }
        gsize t = 0;
        if (!wn_whatif__draft_tie(d, a, b, (WnTieKind) r->kind, r->weight, &t, error)) {
            return FALSE;
        }
        for (guint j = 0; (flags & WN_REBUILD_ATTRIBUTES) && j < columns->len; j++) {
            const char *name = *(char *const *) g_ptr_array_index(columns, j);
            const char *value = wn_network_tie_attribute(net, r->tie, name);
            if (value != NULL && !wn_draft__tie_value(d, t, name, value, WHERE, error)) {
                return FALSE;
            }
        }
    }
    for (gsize c = 0; c < wn_network_conflict_count(net); c++) {
        gsize a = 0, b = 0;
        wn_network_conflict_ends(net, c, &a, &b);
        if (to_draft[a] != G_MAXSIZE && to_draft[b] != G_MAXSIZE &&
            !wn_whatif__draft_tie(d, to_draft[a], to_draft[b], WN_TIE_CONFLICT, 1, NULL, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/**
 * wn_whatif__draft:
 * A draft of @net without the nodes flagged in @node_gone (their ties go with them) and
 * the ties flagged in @tie_gone (either may be NULL): nodes keep their id, kind, area and
 * vulnerable flag (with WN_REBUILD_ATTRIBUTES also position and every extra column that is
 * not personal, and ties their extra columns; never labels); every relation of a kept tie is kept
 * with its weight, and so are conflicts between kept nodes. Nodes keep their order, so draft node k
 * is the k-th kept node. wn_draft__finish makes the network; @net is not changed. Returns:
 * (transfer full): the draft, or NULL on error.
 */
WnDraft *
wn_whatif__draft(const WnNetwork *net, const guint8 *node_gone, const guint8 *tie_gone, guint flags,
                 GError **error)
{
    g_autoptr(WnDraft) d = wn_draft__new(WHERE);
    wn_draft__set_directed(d, net->directed);
    g_autofree gsize *to_draft = g_new(gsize, net->n + 1);
    gsize kept = 0;
    for (gsize v = 0; v < net->n; v++) {
        to_draft[v] = node_gone != NULL && node_gone[v] ? G_MAXSIZE : kept++;
        if (to_draft[v] != G_MAXSIZE && !copy_node(d, net, v, flags, error)) {
            return NULL;
        }
    }
    if (!copy_ties(d, net, to_draft, tie_gone, flags, error)) {
        return NULL;
    }
    return g_steal_pointer(&d);
}
