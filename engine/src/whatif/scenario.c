/* scenario.c: `wijknet whatif`: a scenario applied to a copy of the network, and what it changes */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "whatif.h"

static gboolean
is_place(WnNodeKind kind)
{
    return kind == WN_NODE_GROUP || kind == WN_NODE_ORGANISATION;
}

/* Flags the nodes @ids names in @gone; @close: only groups and organisations, else only
 * residents and professionals (a place closes, a person leaves). */
static gboolean
mark_gone(const WnNetwork *net, const char *const *ids, gboolean close, guint8 *gone,
          GError **error)
{
    const char *option = close ? "--close" : "--remove";
    for (gsize i = 0; ids != NULL && ids[i] != NULL; i++) {
        gsize v = 0;
        if (!wn_network_node_lookup(net, ids[i], &v)) {
            g_set_error(error, WN_ERROR, WN_ERROR_OPTION, "%s: the dataset has no node \"%s\"",
                        option, ids[i]);
            return FALSE;
        }
        WnNodeKind kind = wn_network_node_kind(net, v);
        if (is_place(kind) != close) {
            g_set_error(error, WN_ERROR, WN_ERROR_OPTION, "%s: \"%s\" is a %s; use %s", option,
                        ids[i], wn_node_kind_name(kind), close ? "--remove" : "--close");
            return FALSE;
        }
        gone[v] = 1;
    }
    return TRUE;
}

/**
 * wn_whatif_apply:
 * The network as it would be after the scenario @opts: the nodes of opts->remove (persons
 * who leave: residents or professionals) and opts->close (groups or organisations that
 * stop) left out with all their ties, the ties of the file opts->add_ties (ties.csv
 * format) added, and with opts->add_suggestions every contact `wijknet suggest` proposes
 * with its default options added as made (an acquaintance, or a membership of a group).
 * Every node keeps its id, kind, area and vulnerable flag; @net is not changed.
 * Returns: (transfer full): the new network, or NULL: an unknown id or one of the wrong
 * kind in remove or close (WN_ERROR_OPTION), or an error of the ties file.
 * Cost: O(n + m) plus the suggestions.
 */
WnNetwork *
wn_whatif_apply(const WnNetwork *net, const WnWhatifOptions *opts, GError **error)
{
    g_return_val_if_fail(net != NULL && opts != NULL, NULL);
    g_autofree guint8 *gone = g_new0(guint8, net->n + 1);
    if (!mark_gone(net, opts->remove, FALSE, gone, error) ||
        !mark_gone(net, opts->close, TRUE, gone, error)) {
        return NULL;
    }
    g_autoptr(WnDraft) draft = wn_whatif__draft(net, gone, NULL, 0, error);
    if (draft == NULL ||
        (opts->add_ties != NULL && !wn_whatif__read_ties(draft, opts->add_ties, error)) ||
        (opts->add_suggestions && !wn_whatif__add_suggestions(draft, net, error))) {
        return NULL;
    }
    return wn_draft__finish(draft, error);
}

/**
 * wn_whatif_without:
 * @net without node @node and its ties: a person who leaves (wn_whatif_apply's remove),
 * or a group or organisation that stops (its close), by the node's kind.
 * Returns: (transfer full): the new network, or NULL on error.
 * Cost: O(n + m).
 */
WnNetwork *
wn_whatif_without(const WnNetwork *net, gsize node, GError **error)
{
    g_return_val_if_fail(net != NULL && node < net->n, NULL);
    const char *id[] = {net->ids[node], NULL};
    WnWhatifOptions opts = WN_WHATIF_OPTIONS_INIT;
    gboolean place = is_place(net->kinds[node]);
    opts.remove = place ? NULL : id;
    opts.close = place ? id : NULL;
    return wn_whatif_apply(net, &opts, error);
}
