/* cuts.c: where the network can be cut: bridges, local bridges, articulation points */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "csr.h"

#include <string.h>

/* Neighbours of node v: node[start[v]] … node[start[v + 1] − 1]. */
typedef struct {
    gsize *start;
    guint32 *node;
} Adjacency;

static void
adjacency_clear(Adjacency *adj)
{
    g_clear_pointer(&adj->start, g_free);
    g_clear_pointer(&adj->node, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Adjacency, adjacency_clear)

/* Every tie of @net, or with @informal_only the informal layer (FORMAT.md). */
static void
adjacency_build(Adjacency *adj, const WnNetwork *net, gboolean informal_only)
{
    adj->start = g_new0(gsize, net->n + 2);
    adj->node = g_new(guint32, 2 * net->m + 1);
    for (gsize t = 0; t < net->m; t++) {
        if (!informal_only || !wn_network_tie_is_formal(net, t)) {
            adj->start[net->tie_from[t] + 2]++;
            adj->start[net->tie_to[t] + 2]++;
        }
    }
    for (gsize v = 2; v < net->n + 2; v++) {
        adj->start[v] += adj->start[v - 1];
    }
    for (gsize t = 0; t < net->m; t++) { /* start[v + 1] is v's next free slot meanwhile */
        if (!informal_only || !wn_network_tie_is_formal(net, t)) {
            adj->node[adj->start[net->tie_from[t] + 1]++] = net->tie_to[t];
            adj->node[adj->start[net->tie_to[t] + 1]++] = net->tie_from[t];
        }
    }
}

/* A tie as two ids in string order (Unicode code points, as the oracle and Python). */
typedef struct {
    const char *source, *target;
    gint64 span; /* local bridges only; -1 when no other path joins the ends */
} Pair;

static Pair
pair_new(const WnNetwork *net, guint32 u, guint32 v, gint64 span)
{
    const char *a = net->ids[u], *b = net->ids[v];
    return strcmp(a, b) < 0 ? (Pair){a, b, span} : (Pair){b, a, span};
}

static gint
compare_pairs(gconstpointer a, gconstpointer b)
{
    const Pair *p = a, *q = b;
    int c = strcmp(p->source, q->source);
    return c != 0 ? c : strcmp(p->target, q->target);
}

/* The pairs sorted as a table: source, target, and with @with_span the span. */
static WnTable *
pairs_table(GArray *pairs, gboolean with_span)
{
    g_array_sort(pairs, compare_pairs);
    gsize rows = pairs->len;
    g_autofree const char **sources = g_new0(const char *, rows + 1);
    g_autofree const char **targets = g_new0(const char *, rows + 1);
    g_autofree gint64 *spans = g_new0(gint64, rows + 1);
    g_autofree gboolean *missing = g_new0(gboolean, rows + 1);
    for (gsize i = 0; i < rows; i++) {
        const Pair *p = &g_array_index(pairs, Pair, i);
        sources[i] = p->source;
        targets[i] = p->target;
        spans[i] = p->span;
        missing[i] = p->span < 0;
    }
    WnTable *table = wn_table__new(rows);
    wn_table__add_strings(table, "source", sources);
    wn_table__add_strings(table, "target", targets);
    if (with_span) {
        wn_table__add_ints(table, "span", spans, missing);
    }
    return table;
}

/**
 * wn_cuts_bridges:
 * The bridges: ties whose removal disconnects their two ends (Tarjan 1974; igraph,
 * NetworkX bridges), over all ties of the undirected network (conflicts are no ties).
 * A network without cycles is all bridges; one without ties has none.
 * Returns: (transfer full): a table with `source` and `target` (ids, source < target in
 * string order), rows sorted by source then target; NULL on error.
 * Cost: O(n + m).
 */
WnTable *
wn_cuts_bridges(const WnNetwork *net, GError **error)
{
    g_auto(igraph_vector_int_t) ties = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_int_init(&ties, 0), error) ||
        !wn_igraph__ok(igraph_bridges(wn_network__graph(net), &ties), error)) {
        return NULL;
    }
    g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(Pair));
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(&ties); k++) {
        igraph_integer_t t = VECTOR(ties)[k];
        Pair p = pair_new(net, net->tie_from[t], net->tie_to[t], -1);
        g_array_append_val(pairs, p);
    }
    return pairs_table(pairs, FALSE);
}

static gboolean
share_a_contact(const WnCsr *csr, guint32 u, guint32 v)
{
    gsize a = csr->start[u], b = csr->start[v]; /* rows are sorted: merge them */
    while (a < csr->start[u + 1] && b < csr->start[v + 1]) {
        if (csr->adj[a] == csr->adj[b]) {
            return TRUE;
        }
        csr->adj[a] < csr->adj[b] ? a++ : b++;
    }
    return FALSE;
}

/* One side of a bidirectional search: distances (−1 = not reached), and the nodes
 * reached in order, the current level being queue[level … tail − 1], whose ties number
 * @work in all. */
typedef struct {
    gint32 *dist;
    guint32 *queue;
    gsize level, tail, work;
} Side;

/* The local bridges' spans, searched over threads; each worker has its own scratch. */
typedef struct {
    const WnCsr *csr;
    const guint32 *ends; /* u, v of each local bridge that is not a bridge */
    gint64 *span;
    Side *sides; /* two per worker, distances all −1 between two searches */
} SpanJob;

/* Expands @me by one level without the tie u–v; returns the u–v length through the first
 * arc found from that level to a node @other has reached, or −1 when there is none. */
static gint64
expand(const WnCsr *csr, Side *me, const Side *other, guint32 u, guint32 v)
{
    gsize end = me->tail;
    me->work = 0;
    for (gsize i = me->level; i < end; i++) {
        guint32 x = me->queue[i];
        for (gsize k = csr->start[x]; k < csr->start[x + 1]; k++) {
            guint32 y = csr->adj[k];
            if ((x == u && y == v) || (x == v && y == u)) {
                continue;
            }
            if (other->dist[y] >= 0) {
                return (gint64) me->dist[x] + 1 + other->dist[y];
            }
            if (me->dist[y] < 0) {
                me->dist[y] = me->dist[x] + 1;
                me->queue[me->tail++] = y;
                me->work += wn_csr__degree(csr, y);
            }
        }
    }
    me->level = end;
    return -1;
}

/* The fewest steps from @u to @v without the tie u–v: breadth-first from both ends,
 * a level at a time on the side whose level has fewer ties, until they meet (Pohl 1971);
 * −1 when they do not. With u searched to depth a and v to depth b and no meeting yet,
 * no path is as short as a + b; so any arc from u's level a to a node v has reached
 * closes a shortest path, of length a + 1 + b, and the first one found ends the search.
 * Reached nodes are reset. */
static gint64
span_without_tie(const WnCsr *csr, guint32 u, guint32 v, Side *side)
{
    Side *a = &side[0], *b = &side[1];
    *a = (Side){a->dist, a->queue, 0, 1, wn_csr__degree(csr, u)};
    *b = (Side){b->dist, b->queue, 0, 1, wn_csr__degree(csr, v)};
    a->queue[0] = u;
    a->dist[u] = 0;
    b->queue[0] = v;
    b->dist[v] = 0;
    gint64 found = -1;
    while (found < 0 && a->level < a->tail && b->level < b->tail) {
        gboolean a_smaller = a->work <= b->work;
        found = a_smaller ? expand(csr, a, b, u, v) : expand(csr, b, a, v, u);
    }
    for (gsize i = 0; i < a->tail; i++) {
        a->dist[a->queue[i]] = -1;
    }
    for (gsize i = 0; i < b->tail; i++) {
        b->dist[b->queue[i]] = -1;
    }
    return found;
}

static void
span_task(gsize i, guint worker, gpointer data)
{
    const SpanJob *job = data;
    gsize n = job->csr->n;
    Side *side = &job->sides[2 * worker];
    for (gsize j = 0; j < 2 && side[j].dist == NULL; j++) {
        side[j].dist = g_new(gint32, n + 1);
        memset(side[j].dist, 0xff, (n + 1) * sizeof(gint32));
        side[j].queue = g_new(guint32, n + 1);
    }
    job->span[i] = span_without_tie(job->csr, job->ends[2 * i], job->ends[2 * i + 1], side);
}

/* Spans of the @count ties in @ends (none a bridge), over one thread per processor. */
static gint64 *
spans_of(const WnCsr *csr, const guint32 *ends, gsize count)
{
    guint workers = wn_kernel__threads(0);
    g_autofree Side *sides = g_new0(Side, 2 * workers);
    gint64 *span = g_new(gint64, count + 1);
    SpanJob job = {csr, ends, span, sides};
    wn_kernel__parallel(count, 0, span_task, &job);
    for (guint i = 0; i < 2 * workers; i++) {
        g_free(sides[i].dist);
        g_free(sides[i].queue);
    }
    return span;
}

static gboolean
is_bridge(GArray *bridges, guint32 u, guint32 v)
{
    guint64 key = (guint64) MIN(u, v) << 32 | MAX(u, v);
    gsize lo = 0, hi = bridges->len;
    while (lo < hi) {
        gsize mid = (lo + hi) / 2;
        guint64 at = g_array_index(bridges, guint64, mid);
        if (at == key) {
            return TRUE;
        }
        at < key ? (lo = mid + 1) : (hi = mid);
    }
    return FALSE;
}

/**
 * wn_cuts_local_bridges:
 * The local bridges (Granovetter 1973; Easley & Kleinberg 2010, ch. 3): ties whose two
 * ends have no contact in common, as NetworkX's local_bridges(G, with_span=True), over
 * all ties of the undirected network, unweighted. The span is the number of steps
 * between the ends once the tie is gone (at least 3); it is missing when no other path
 * joins them, that is when the tie is also a bridge (found by wn_kernel__cuts, without
 * a search). The spans are searched from both ends at once, over one thread per
 * processor on a CSR snapshot.
 * Returns: (transfer full): a table with `source`, `target` (ids, source < target in
 * string order) and `span`, rows sorted by source then target; NULL on error.
 * Cost: O(n + m) for the snapshot and the bridges, O(Σ_ties (degree(u) + degree(v)))
 * for the test, plus per local bridge that is no bridge a bidirectional search of
 * the balls around its ends up to where they meet (O(n + m) at worst).
 */
WnTable *
wn_cuts_local_bridges(const WnNetwork *net, GError **error)
{
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autoptr(WnCsr) csr = wn_csr__new(net);
    g_autofree guint8 *articulation = g_new0(guint8, net->n + 1);
    g_autoptr(GArray) bridges = g_array_new(FALSE, FALSE, sizeof(guint64));
    wn_kernel__cuts(csr, articulation, bridges);
    g_autoptr(GArray) local = g_array_new(FALSE, FALSE, sizeof(guint32));
    g_autoptr(GArray) searched = g_array_new(FALSE, FALSE, sizeof(guint32));
    for (gsize t = 0; t < net->m; t++) {
        guint32 ends[2] = {net->tie_from[t], net->tie_to[t]};
        if (!share_a_contact(csr, ends[0], ends[1])) {
            g_array_append_vals(local, ends, 2);
            if (!is_bridge(bridges, ends[0], ends[1])) {
                g_array_append_vals(searched, ends, 2);
            }
        }
    }
    g_autofree gint64 *span = spans_of(csr, (const guint32 *) searched->data, searched->len / 2);
    g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(Pair));
    for (gsize i = 0, next = 0; i < local->len / 2; i++) {
        guint32 u = g_array_index(local, guint32, 2 * i), v = g_array_index(local, guint32, 2 * i + 1);
        Pair p = pair_new(net, u, v, is_bridge(bridges, u, v) ? -1 : span[next++]);
        g_array_append_val(pairs, p);
    }
    return pairs_table(pairs, TRUE);
}

/* Depth-first search state over the informal layer (Hopcroft & Tarjan 1973). */
typedef struct {
    const WnNetwork *net;
    Adjacency adj;
    gsize *disc, *low; /* discovery time from 1 (0 = not yet seen), and low-link */
    gsize *next;       /* per node: the adjacency slot to look at next */
    guint32 *parent, *stack, *order;
    gint64 *below;     /* residents in the node's DFS subtree, itself included */
    gint64 *split_sum; /* residents in the child subtrees the node alone holds on to */
    gint64 *split_max; /* the most residents in any one such subtree */
    gsize time;
} Dfs;

static void
dfs_clear(Dfs *d)
{
    adjacency_clear(&d->adj);
    g_free(d->disc);
    g_free(d->low);
    g_free(d->next);
    g_free(d->parent);
    g_free(d->stack);
    g_free(d->order);
    g_free(d->below);
    g_free(d->split_sum);
    g_free(d->split_max);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Dfs, dfs_clear)

static void
dfs_init(Dfs *d, const WnNetwork *net)
{
    gsize n = net->n + 1;
    d->net = net;
    adjacency_build(&d->adj, net, TRUE);
    d->disc = g_new0(gsize, n);
    d->low = g_new0(gsize, n);
    d->next = g_new0(gsize, n);
    d->parent = g_new0(guint32, n);
    d->stack = g_new0(guint32, n);
    d->order = g_new0(guint32, n);
    d->below = g_new0(gint64, n);
    d->split_sum = g_new0(gint64, n);
    d->split_max = g_new0(gint64, n);
    d->time = 0;
}

static void
dfs_visit(Dfs *d, guint32 v, guint32 parent)
{
    d->order[d->time] = v;
    d->disc[v] = d->low[v] = ++d->time;
    d->parent[v] = parent;
    d->next[v] = d->adj.start[v];
    d->below[v] = d->net->kinds[v] == WN_NODE_RESIDENT ? 1 : 0;
}

/* The subtree of @c is done: when nothing in it reaches above @a, removing @a cuts it off. */
static void
dfs_finish_child(Dfs *d, guint32 a, guint32 c)
{
    d->low[a] = MIN(d->low[a], d->low[c]);
    d->below[a] += d->below[c];
    if (d->low[c] >= d->disc[a]) {
        d->split_sum[a] += d->below[c];
        d->split_max[a] = MAX(d->split_max[a], d->below[c]);
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
        if (d->next[a] < d->adj.start[a + 1]) {
            guint32 b = d->adj.node[d->next[a]++];
            if (d->disc[b] == 0) {
                dfs_visit(d, b, a);
                d->stack[top++] = b;
            } else if (b != d->parent[a]) {
                d->low[a] = MIN(d->low[a], d->disc[b]);
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
        if (d.disc[root] != 0) {
            continue;
        }
        gsize first = d.time;
        dfs_explore(&d, root);
        gint64 residents = d.below[root];
        for (gsize k = first; k < d.time; k++) {
            guint32 a = d.order[k];
            gint64 others = residents - (net->kinds[a] == WN_NODE_RESIDENT ? 1 : 0);
            gint64 parent_side = others - d.split_sum[a];
            cut_off[a] = others - MAX(d.split_max[a], parent_side);
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
 * network of all ties (Hopcroft & Tarjan 1973; igraph, NetworkX articulation_points).
 * For each, `cut_off_residents` counts the residents it alone connects to the rest of
 * the informal network (FORMAT.md): remove the node from its component of the informal
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
    g_auto(igraph_vector_int_t) points = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_int_init(&points, 0), error) ||
        !wn_igraph__ok(igraph_articulation_points(wn_network__graph(net), &points), error)) {
        return NULL;
    }
    gsize rows = (gsize) igraph_vector_int_size(&points);
    g_autofree guint32 *nodes = g_new0(guint32, rows + 1);
    for (gsize i = 0; i < rows; i++) {
        nodes[i] = (guint32) VECTOR(points)[i];
    }
    g_qsort_with_data(nodes, (gint) rows, sizeof *nodes, compare_ids, (gpointer) net);
    g_autofree gint64 *cut_off = informal_cut_off(net);
    g_autofree const char **ids = g_new0(const char *, rows + 1);
    g_autofree gint64 *counts = g_new0(gint64, rows + 1);
    for (gsize i = 0; i < rows; i++) {
        ids[i] = net->ids[nodes[i]];
        counts[i] = cut_off[nodes[i]];
    }
    WnTable *table = wn_table__new(rows);
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
find_components(const WnNetwork *net, GError **error)
{
    g_auto(igraph_vector_int_t) membership = IGRAPH_VECTOR_NULL;
    g_auto(igraph_vector_int_t) sizes = IGRAPH_VECTOR_NULL;
    igraph_integer_t count = 0;
    if (!wn_igraph__ok(igraph_vector_int_init(&membership, 0), error) ||
        !wn_igraph__ok(igraph_vector_int_init(&sizes, 0), error) ||
        !wn_igraph__ok(igraph_connected_components(wn_network__graph(net), &membership, &sizes,
                                                   &count, IGRAPH_WEAK),
                       error)) {
        return NULL;
    }
    GArray *components = g_array_sized_new(FALSE, TRUE, sizeof(Component), (guint) count);
    g_array_set_size(components, (guint) count);
    for (gsize v = 0; v < net->n; v++) {
        Component *c = &g_array_index(components, Component, VECTOR(membership)[v]);
        c->size = VECTOR(sizes)[VECTOR(membership)[v]];
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
 * smallest id in the component, string order), largest first, equal sizes by min_id;
 * NULL on error.
 * Cost: O(n + m + c·log c) for c components.
 */
WnTable *
wn_cuts_components(const WnNetwork *net, GError **error)
{
    g_autoptr(GArray) components = find_components(net, error);
    if (components == NULL) {
        return NULL;
    }
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
