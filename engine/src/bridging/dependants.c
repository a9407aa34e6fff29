/* dependants.c: who a node alone holds out of isolation: the residents who would become
 * isolated or formal-only if it went */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"

/*
 * Why one pass suffices. A resident's status is isolated or formal_only exactly when its
 * informal degree is 0 (docs/DESIGN.md "Isolation"); which of the two depends only on its
 * formal degree. Both are counts of the resident's own ties, so losing node x changes
 * them for x's neighbours only, and only downwards. A resident r therefore moves into
 * isolated or formal_only when x goes exactly when
 *   - r has informal ties and every one of them is to x (fragile or connected becomes
 *     formal_only, or isolated when r has no formal tie), or
 *   - r has no informal tie, and every formal tie of r is to x (formal_only becomes
 *     isolated).
 * The two cases exclude each other, so each resident depends on at most one node: its
 * holder. dependants(x) is the number of residents whose holder is x, for every x in
 * O(n + m), where removing each node and recomputing the statuses costs O(n·(n + m)).
 * No block–cut tree is needed: the statuses that count are local, and cut-off parts of
 * the network (`wijknet cuts`) change no status.
 */

#define NONE G_MAXSIZE

/* The one end of @r's ties of one formality, or NONE when there are none or several. */
typedef struct {
    gsize informal, formal;                    /* the sole other end so far */
    gsize n_informal, n_formal;                /* ties seen */
    gboolean several_informal, several_formal; /* two different ends seen */
} Ends;

static void
see_end(gsize *end, gsize *n, gboolean *several, gsize other)
{
    if (*n > 0 && *end != other) {
        *several = TRUE;
    }
    *end = other;
    (*n)++;
}

static void
see_tie(const WnNetwork *net, Ends *ends, gsize self, gsize other, gsize tie)
{
    Ends *e = &ends[self];
    if (wn_network__tie_is_formal(net, tie)) {
        see_end(&e->formal, &e->n_formal, &e->several_formal, other);
    } else {
        see_end(&e->informal, &e->n_informal, &e->several_informal, other);
    }
}

static gsize
holder_of(const Ends *e)
{
    if (e->n_informal > 0) {
        return e->several_informal ? NONE : e->informal;
    }
    return e->n_formal > 0 && !e->several_formal ? e->formal : NONE;
}

/**
 * wn_dependants_holders:
 * For every resident, its holder: the node that alone keeps it out of isolation, whose
 * loss would make the resident isolated or formal-only (its one informal contact; for a
 * resident without informal contact, its one formal contact). Directed datasets count
 * each pair once; conflicts are no ties.
 * Returns: (transfer full) (element-type gsize): one node index per node, in node order,
 * G_MAXSIZE for a node that is not a resident and for a resident held by no single node
 * (no ties at all, or two or more contacts of the kind that counts).
 * Cost: O(n + m).
 */
GArray *
wn_dependants_holders(const WnNetwork *net)
{
    g_return_val_if_fail(net != NULL, NULL);
    g_autofree Ends *ends = g_new0(Ends, net->n + 1);
    for (gsize t = 0; t < net->m; t++) {
        see_tie(net, ends, net->tie_from[t], net->tie_to[t], t);
        see_tie(net, ends, net->tie_to[t], net->tie_from[t], t);
    }
    GArray *holders = g_array_sized_new(FALSE, FALSE, sizeof(gsize), (guint) net->n);
    for (gsize v = 0; v < net->n; v++) {
        gsize h = net->kinds[v] == WN_NODE_RESIDENT ? holder_of(&ends[v]) : NONE;
        g_array_append_val(holders, h);
    }
    return holders;
}

/**
 * wn_dependants_count:
 * `dependants` of every node: the residents who would become isolated or formal-only if
 * the node went (a person leaves, a group or organisation closes), i.e. the residents
 * whose holder it is (wn_dependants_holders). 0 for a node no resident hangs on alone.
 * Returns: (transfer full) (element-type gsize): one count per node, in node order.
 * Cost: O(n + m), for all nodes at once.
 */
GArray *
wn_dependants_count(const WnNetwork *net)
{
    g_return_val_if_fail(net != NULL, NULL);
    g_autoptr(GArray) holders = wn_dependants_holders(net);
    GArray *counts = g_array_sized_new(FALSE, TRUE, sizeof(gsize), (guint) net->n);
    g_array_set_size(counts, (guint) net->n);
    for (gsize v = 0; v < net->n; v++) {
        gsize h = g_array_index(holders, gsize, v);
        if (h != NONE) {
            g_array_index(counts, gsize, h)++;
        }
    }
    return counts;
}
