/* cuts.c: where the network can be cut: bridges, articulation points, components */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"

#include <string.h>

/* A tie as two ids in string order (Unicode code points, as the oracle and Python). */
typedef struct {
    const char *source, *target;
} Pair;

static Pair
pair_new(const WnNetwork *net, guint32 u, guint32 v)
{
    const char *a = net->ids[u], *b = net->ids[v];
    return strcmp(a, b) < 0 ? (Pair){a, b} : (Pair){b, a};
}

static gint
compare_pairs(gconstpointer a, gconstpointer b)
{
    const Pair *p = a, *q = b;
    int c = strcmp(p->source, q->source);
    return c != 0 ? c : strcmp(p->target, q->target);
}

/* The pairs sorted as a table: source, target. */
static WnTable *
pairs_table(GArray *pairs)
{
    g_array_sort(pairs, compare_pairs);
    gsize rows = pairs->len;
    g_autofree const char **sources = g_new0(const char *, rows + 1);
    g_autofree const char **targets = g_new0(const char *, rows + 1);
    for (gsize i = 0; i < rows; i++) {
        const Pair *p = &g_array_index(pairs, Pair, i);
        sources[i] = p->source;
        targets[i] = p->target;
    }
    WnTable *table = wn_table__new(rows);
    wn_table__add_strings(table, "source", sources);
    wn_table__add_strings(table, "target", targets);
    return table;
}

/* Runs wn_cuts__search on @net's shared snapshot; @articulation_out (or NULL) gets one
 * articulation flag per node (and one spare), to be freed with g_free.
 * Returns: (transfer full): the bridges, as guint64 keys (one end << 32 | the other). */
static GArray *
find_cuts(const WnNetwork *net, guint8 **articulation_out)
{
    g_autofree guint8 *articulation = g_new0(guint8, net->n + 1);
    GArray *bridges = g_array_new(FALSE, FALSE, sizeof(guint64));
    wn_cuts__search(wn_csr__shared(net), articulation, bridges);
    if (articulation_out != NULL) {
        *articulation_out = g_steal_pointer(&articulation);
    }
    return bridges;
}

/**
 * wn_cuts_bridges:
 * The bridges: ties whose removal disconnects their two ends (Tarjan 1974; igraph,
 * NetworkX bridges), over all ties of the undirected network (conflicts are no ties),
 * found by wn_cuts__search on the shared snapshot (wn_csr__shared).
 * A network without cycles is all bridges; one without ties has none.
 * Returns: (transfer full): a table with `source` and `target` (ids, source < target in
 * string order), rows sorted by source then target; NULL on error.
 * Cost: O(n + m).
 */
WnTable *
wn_cuts_bridges(const WnNetwork *net, GError **error)
{
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autoptr(GArray) bridges = find_cuts(net, NULL);
    g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(Pair));
    for (guint i = 0; i < bridges->len; i++) {
        guint64 key = g_array_index(bridges, guint64, i);
        Pair p = pair_new(net, (guint32) (key >> 32), (guint32) key);
        g_array_append_val(pairs, p);
    }
    return pairs_table(pairs);
}

/* What the DFS knows of one node. */
typedef struct {
    gsize disc, low; /* discovery time from 1 (0 = not yet seen), and low-link */
    gsize next;      /* the adjacency slot to look at next */
    guint32 parent;
    gint64 below;     /* residents in the node's DFS subtree, itself included */
    gint64 split_sum; /* residents in the child subtrees the node alone holds on to */
    gint64 split_max; /* the most residents in any one such subtree */
} DfsNode;

typedef struct {
    const WnNetwork *net;
    const WnCsr *csr; /* its arcs with a professional or organisation at either end are skipped */
    DfsNode *node;    /* per node */
    guint32 *stack, *order;
    gsize time;
} Dfs;

static void
dfs_clear(Dfs *d)
{
    g_free(d->node);
    g_free(d->stack);
    g_free(d->order);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Dfs, dfs_clear)

static void
dfs_init(Dfs *d, const WnNetwork *net)
{
    gsize n = net->n + 1;
    d->net = net;
    d->csr = wn_csr__shared(net);
    d->node = g_new0(DfsNode, n);
    d->stack = g_new0(guint32, n);
    d->order = g_new0(guint32, n);
    d->time = 0;
}

static gboolean
is_formal_kind(guint8 kind)
{
    return kind == WN_NODE_PROFESSIONAL || kind == WN_NODE_ORGANISATION;
}

static void
dfs_visit(Dfs *d, guint32 v, guint32 parent)
{
    d->order[d->time] = v;
    d->node[v].disc = d->node[v].low = ++d->time;
    d->node[v].parent = parent;
    d->node[v].next = d->csr->start[v];
    d->node[v].below = d->net->kinds[v] == WN_NODE_RESIDENT ? 1 : 0;
}

/* The subtree of @c is done: when nothing in it reaches above @a, removing @a cuts it off. */
static void
dfs_finish_child(Dfs *d, guint32 a, guint32 c)
{
    d->node[a].low = MIN(d->node[a].low, d->node[c].low);
    d->node[a].below += d->node[c].below;
    if (d->node[c].low >= d->node[a].disc) {
        d->node[a].split_sum += d->node[c].below;
        d->node[a].split_max = MAX(d->node[a].split_max, d->node[c].below);
    }
}

/* Explores the informal component of @root without recursion (components can be long). */
static void
dfs_explore(Dfs *d, guint32 root)
{
    gsize top = 0;
    dfs_visit(d, root, root);
    d->stack[top++] = root;
    while (top > 0) {
        guint32 a = d->stack[top - 1];
        if (d->node[a].next < d->csr->start[a + 1]) {
            guint32 b = d->csr->adj[d->node[a].next++];
            if (is_formal_kind(d->net->kinds[a]) || is_formal_kind(d->net->kinds[b])) {
                continue; /* a formal tie (docs/FORMAT.md): not in the informal layer */
            }
            if (d->node[b].disc == 0) {
                dfs_visit(d, b, a);
                d->stack[top++] = b;
            } else if (b != d->node[a].parent) {
                d->node[a].low = MIN(d->node[a].low, d->node[b].disc);
            }
            continue;
        }
        if (--top > 0) {
            dfs_finish_child(d, d->stack[top - 1], a);
        }
    }
}

/*
 * For every node, the residents its removal cuts off from the rest of its informal
 * component: all residents of the component but the node itself, minus those in the
 * remaining part with the most residents (the parent side or one cut-off subtree).
 */
static gint64 *
informal_cut_off(const WnNetwork *net)
{
    g_auto(Dfs) d = {0};
    dfs_init(&d, net);
    gint64 *cut_off = g_new0(gint64, net->n + 1);
    for (guint32 root = 0; root < net->n; root++) {
        if (d.node[root].disc != 0) {
            continue;
        }
        gsize first = d.time;
        dfs_explore(&d, root);
        gint64 residents = d.node[root].below;
        for (gsize k = first; k < d.time; k++) {
            guint32 a = d.order[k];
            gint64 others = residents - (net->kinds[a] == WN_NODE_RESIDENT ? 1 : 0);
            gint64 parent_side = others - d.node[a].split_sum;
            cut_off[a] = others - MAX(d.node[a].split_max, parent_side);
        }
    }
    return cut_off;
}

static gint
compare_ids(gconstpointer a, gconstpointer b, gpointer data)
{
    const WnNetwork *net = data;
    return strcmp(net->ids[*(const guint32 *) a], net->ids[*(const guint32 *) b]);
}

/**
 * wn_cuts_articulation_points:
 * The articulation points: nodes whose removal disconnects part of the undirected
 * network of all ties (Hopcroft & Tarjan 1973; igraph, NetworkX articulation_points),
 * found by wn_cuts__search on the shared snapshot (wn_csr__shared).
 * For each, `cut_off_residents` counts the residents it alone connects to the rest of
 * the informal network (docs/FORMAT.md): remove the node from its component of the informal
 * layer; the remaining part with the most residents is "the rest", and every resident
 * in the other parts is cut off. The node itself does not count. It is 0 for a node
 * without informal ties (a professional or an organisation; a resident whose ties are
 * all formal) and for a node the informal layer does not depend on. A node that cuts
 * the informal layer but not the whole network (a professional joins the parts too) is
 * no articulation point and not listed.
 * Returns: (transfer full): a table with `id` and `cut_off_residents`, rows sorted by
 * id in string order; NULL on error.
 * Cost: O(n + m).
 */
WnTable *
wn_cuts_articulation_points(const WnNetwork *net, GError **error)
{
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autofree guint8 *articulation = NULL;
    g_autoptr(GArray) bridges = find_cuts(net, &articulation);
    g_autoptr(GArray) nodes = g_array_new(FALSE, FALSE, sizeof(guint32));
    for (guint32 v = 0; v < net->n; v++) {
        if (articulation[v]) {
            g_array_append_val(nodes, v);
        }
    }
    g_array_sort_with_data(nodes, compare_ids, (gpointer) net);
    g_autofree gint64 *cut_off = informal_cut_off(net);
    g_autofree const char **ids = g_new0(const char *, nodes->len + 1);
    g_autofree gint64 *counts = g_new0(gint64, nodes->len + 1);
    for (guint i = 0; i < nodes->len; i++) {
        ids[i] = net->ids[g_array_index(nodes, guint32, i)];
        counts[i] = cut_off[g_array_index(nodes, guint32, i)];
    }
    WnTable *table = wn_table__new(nodes->len);
    wn_table__add_strings(table, "id", ids);
    wn_table__add_ints(table, "cut_off_residents", counts, NULL);
    return table;
}

typedef struct {
    gint64 size;
    const char *min_id;
} Component;

static gint
compare_components(gconstpointer a, gconstpointer b)
{
    const Component *p = a, *q = b;
    if (p->size != q->size) {
        return p->size > q->size ? -1 : 1;
    }
    return strcmp(p->min_id, q->min_id);
}

/* One Component per connected component of the whole network, unsorted. */
static GArray *
find_components(const WnNetwork *net)
{
    g_autofree guint32 *membership = g_new(guint32, net->n + 1);
    g_autoptr(GArray) sizes = wn_csr__components(wn_csr__shared(net), membership);
    GArray *components = g_array_sized_new(FALSE, TRUE, sizeof(Component), sizes->len);
    g_array_set_size(components, sizes->len);
    for (gsize v = 0; v < net->n; v++) {
        Component *c = &g_array_index(components, Component, membership[v]);
        c->size = (gint64) g_array_index(sizes, gsize, membership[v]);
        if (c->min_id == NULL || strcmp(net->ids[v], c->min_id) < 0) {
            c->min_id = net->ids[v];
        }
    }
    return components;
}

/**
 * wn_cuts_components:
 * The connected components of the undirected network of all ties (conflicts are no
 * ties); an isolated node is a component of size 1.
 * Returns: (transfer full): a table with `rank` (from 1), `size` and `min_id` (the
 * smallest id in the component, string order), largest first, equal sizes by min_id
 * (never NULL: the components are found on the CSR).
 * Cost: O(n + m + c·log c) for c components.
 */
WnTable *
wn_cuts_components(const WnNetwork *net, GError **error)
{
    (void) error;
    g_autoptr(GArray) components = find_components(net);
    g_array_sort(components, compare_components);
    gsize rows = components->len;
    g_autofree gint64 *ranks = g_new0(gint64, rows + 1);
    g_autofree gint64 *sizes = g_new0(gint64, rows + 1);
    g_autofree const char **min_ids = g_new0(const char *, rows + 1);
    for (gsize i = 0; i < rows; i++) {
        ranks[i] = (gint64) i + 1;
        sizes[i] = g_array_index(components, Component, i).size;
        min_ids[i] = g_array_index(components, Component, i).min_id;
    }
    WnTable *table = wn_table__new(rows);
    wn_table__add_ints(table, "rank", ranks, NULL);
    wn_table__add_ints(table, "size", sizes, NULL);
    wn_table__add_strings(table, "min_id", min_ids);
    return table;
}
