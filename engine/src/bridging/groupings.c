/* groupings.c: the groups brokerage is counted across: area, type, formality or a column */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"

/**
 * wn_grouping_free:
 * Frees a grouping. Accepts NULL.
 */
void
wn_grouping_free(WnGrouping *grouping)
{
    if (grouping == NULL) {
        return;
    }
    g_ptr_array_unref(grouping->names);
    g_free(grouping->of);
    g_free(grouping);
}

/* One node's class under @by; NULL when the cell is empty. */
static const char *
class_of(const WnNetwork *net, const char *by, const WnColumn *column, gsize v)
{
    WnNodeKind kind = (WnNodeKind) net->kinds[v];
    if (column != NULL) {
        return column->values[v];
    }
    if (g_ascii_strcasecmp(by, "type") == 0) {
        return wn_node_kind_name(kind);
    }
    if (g_ascii_strcasecmp(by, "formality") == 0) {
        return kind == WN_NODE_PROFESSIONAL || kind == WN_NODE_ORGANISATION ? "formal" : "informal";
    }
    return net->areas[v];
}

static gboolean
is_builtin_grouping(const char *by)
{
    return g_ascii_strcasecmp(by, "area") == 0 || g_ascii_strcasecmp(by, "type") == 0 ||
           g_ascii_strcasecmp(by, "formality") == 0;
}

/**
 * wn_grouping_new:
 * Splits the nodes into groups (classes) for the brokerage roles and the E-I index.
 * @by names the grouping, compared case-insensitively:
 * - NULL or "area": the area column;
 * - "type": the node kind (resident, professional, group, organisation);
 * - "formality": "formal" (professionals and organisations) against "informal"
 *   (residents and groups), the formal/informal divide of docs/DESIGN.md;
 * - any other name: that extra column of nodes.csv.
 * These three names win over an extra column of the same name. A multi-valued cell
 * ("koken|wandelen") is one class as written, as R would compare it. Nodes with an
 * empty cell (no area, say) form one group named "" together, as `sna` treats a
 * repeated class value. Groups are numbered in order of first appearance.
 * Returns: (transfer full): the grouping; NULL with WN_ERROR_INVALID when nodes.csv has
 * no column @by, or when it is personal (wn_network_node_attribute_is_personal: the
 * groups would show its values).
 * Cost: O(n).
 */
WnGrouping *
wn_grouping_new(const WnNetwork *net, const char *by, GError **error)
{
    by = by != NULL ? by : "area";
    const WnColumn *column =
        is_builtin_grouping(by) ? NULL : wn_network__column(net->node_attributes, by);
    if (!is_builtin_grouping(by) && column == NULL) {
        g_set_error(error, WN_ERROR, WN_ERROR_OPTION,
                    "cannot group by \"%s\": nodes.csv has no such column (use area, type, "
                    "formality or a column of nodes.csv)",
                    by);
        return NULL;
    }
    if (column != NULL && wn_network_node_attribute_is_personal(net, by)) {
        g_set_error(error, WN_ERROR, WN_ERROR_OPTION,
                    "cannot group by \"%s\": it is a personal column (docs/FORMAT.md)", by);
        return NULL;
    }
    g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
    WnGrouping *g = g_new0(WnGrouping, 1);
    g->names = g_ptr_array_new_with_free_func(g_free);
    g->of = g_new0(guint32, net->n + 1);
    g->n = net->n;
    for (gsize v = 0; v < net->n; v++) {
        const char *name = class_of(net, by, column, v);
        name = name != NULL ? name : "";
        gpointer found = NULL;
        if (!g_hash_table_lookup_extended(index, name, NULL, &found)) {
            found = GUINT_TO_POINTER(g->names->len);
            g_ptr_array_add(g->names, g_strdup(name));
            g_hash_table_insert(index, g_ptr_array_index(g->names, g->names->len - 1), found);
        }
        g->of[v] = GPOINTER_TO_UINT(found);
    }
    return g;
}

/* Returns: the number of groups (0 for a network without nodes). */
gsize
wn_grouping_count(const WnGrouping *grouping)
{
    return grouping->names->len;
}

/* Returns: the class value of @group ("" for the nodes with an empty cell). */
const char *
wn_grouping_name(const WnGrouping *grouping, gsize group)
{
    g_return_val_if_fail(group < grouping->names->len, NULL);
    return g_ptr_array_index(grouping->names, group);
}

/* Returns: the group of @node, 0..count-1. */
gsize
wn_grouping_of(const WnGrouping *grouping, gsize node)
{
    g_return_val_if_fail(node < grouping->n, 0);
    return grouping->of[node];
}
