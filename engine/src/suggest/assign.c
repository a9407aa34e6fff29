/* assign.c: who is suggested to whom when candidates have a capacity (min-cost flow) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

/* Scores become whole micro-units in the flow, so that costs compare exactly. */
#define SCORE_UNITS 1e6

typedef struct {
    guint32 from, to;
    gint32 cap;  /* residual capacity */
    gint64 cost; /* arc a ^ 1 is the reverse of arc a, with the opposite cost */
} Arc;

typedef struct {
    gint64 dist;
    guint32 node;
} HeapItem;

/* What the shortest-path searches know of one node of the flow network. */
typedef struct {
    gint64 potential;
    gint64 dist;
    guint32 prev;    /* the arc by which the node was reached */
    guint32 reached; /* search number when last reached */
    guint32 settled; /* search number when settled */
} FlowNode;

/* The network source → targets → candidates → sink, its residual arcs and potentials. */
typedef struct {
    gsize nodes, sink;
    GArray *arcs;      /* of Arc */
    guint32 *out_from; /* forward arcs leaving v: out[out_from[v] .. out_from[v + 1]) */
    guint32 *out;
    GArray **reverse; /* per node: the reverse arcs leaving it that carry residual
                       * capacity, ascending (NULL: none yet); not kept for the sink */
    FlowNode *node;   /* per node */
    guint32 search;
    GArray *settled_list; /* of guint32 */
    GArray *heap;         /* of HeapItem */
} Flow;

static void
flow_free(Flow *f)
{
    g_array_unref(f->arcs);
    g_free(f->out_from);
    g_free(f->out);
    for (gsize v = 0; v < f->nodes; v++) {
        if (f->reverse[v] != NULL) {
            g_array_unref(f->reverse[v]);
        }
    }
    g_free(f->reverse);
    g_free(f->node);
    g_array_unref(f->settled_list);
    g_array_unref(f->heap);
    g_free(f);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Flow, flow_free)

static void
add_arc(Flow *f, gsize from, gsize to, gint32 cap, gint64 cost)
{
    Arc forward = {(guint32) from, (guint32) to, cap, cost};
    Arc backward = {(guint32) to, (guint32) from, 0, -cost};
    g_array_append_val(f->arcs, forward);
    g_array_append_val(f->arcs, backward);
}

/* Lists the forward arcs leaving each node, in the order they were added. The reverse
 * arcs (odd numbers) start without capacity: they are listed once they carry some
 * (keep_reverse), so that a candidate ranked by many targets is not walked through all
 * their reverse arcs in every search. */
static void
index_arcs(Flow *f)
{
    f->out_from = g_new0(guint32, f->nodes + 1);
    f->out = g_new0(guint32, f->arcs->len + 1);
    f->reverse = g_new0(GArray *, f->nodes + 1);
    g_autofree guint32 *fill = g_new0(guint32, f->nodes + 1);
    for (guint a = 0; a < f->arcs->len; a += 2) {
        f->out_from[g_array_index(f->arcs, Arc, a).from + 1]++;
    }
    for (gsize v = 0; v < f->nodes; v++) {
        f->out_from[v + 1] += f->out_from[v];
        fill[v] = f->out_from[v];
    }
    for (guint a = 0; a < f->arcs->len; a += 2) {
        f->out[fill[g_array_index(f->arcs, Arc, a).from]++] = a;
    }
}

/* Lists the reverse arc @a in its node's residual arcs when it has capacity, or takes it
 * out when it has none (the sink's are never needed: a search ends there). */
static void
keep_reverse(Flow *f, guint32 a)
{
    const Arc *arc = &g_array_index(f->arcs, Arc, a);
    if (arc->from == f->sink) {
        return;
    }
    GArray **list = &f->reverse[arc->from];
    if (*list == NULL) {
        *list = g_array_new(FALSE, FALSE, sizeof(guint32));
    }
    guint i = 0;
    while (i < (*list)->len && g_array_index(*list, guint32, i) < a) {
        i++;
    }
    gboolean listed = i < (*list)->len && g_array_index(*list, guint32, i) == a;
    if (arc->cap > 0 && !listed) {
        g_array_insert_val(*list, i, a);
    } else if (arc->cap <= 0 && listed) {
        g_array_remove_index(*list, i);
    }
}

static Flow *
flow_new(gsize nodes, gsize arcs)
{
    Flow *f = g_new0(Flow, 1);
    f->nodes = nodes;
    f->sink = nodes - 1;
    f->arcs = g_array_sized_new(FALSE, FALSE, sizeof(Arc), (guint) arcs);
    f->node = g_new0(FlowNode, nodes + 1);
    f->settled_list = g_array_new(FALSE, FALSE, sizeof(guint32));
    f->heap = g_array_new(FALSE, FALSE, sizeof(HeapItem));
    return f;
}

/*
 * Builds the network: targets are nodes 0..T-1, the candidates T.. in node order, then the
 * sink. Arc 2p is the p-th pair of the rankings in order; the dummy arcs target → sink
 * come last. Potentials start at
 * π(target) = 0, π(candidate) = π(sink) = −S for the largest score S, so every reduced
 * cost c(u,v) + π(u) − π(v) starts ≥ 0.
 */
static Flow *
build_flow(const GPtrArray *ranked, gsize n, guint per, guint capacity)
{
    g_autofree gint64 *slot = g_new(gint64, n + 1);
    gsize targets = ranked->len, candidates = 0, pairs_in_all = 0;
    gint64 top = 0;
    for (gsize v = 0; v < n; v++) {
        slot[v] = -1;
    }
    for (guint i = 0; i < ranked->len; i++) {
        const GArray *pairs = g_ptr_array_index(ranked, i);
        pairs_in_all += pairs->len;
        for (guint j = 0; j < pairs->len; j++) {
            slot[g_array_index(pairs, WnSuggestPair, j).candidate] = 0;
        }
    }
    for (gsize v = 0; v < n; v++) {
        slot[v] = slot[v] == 0 ? (gint64) (targets + candidates++) : -1;
    }
    Flow *f = flow_new(targets + candidates + 1, 2 * (pairs_in_all + candidates + targets));
    for (guint i = 0; i < ranked->len; i++) {
        const GArray *pairs = g_ptr_array_index(ranked, i);
        for (guint j = 0; j < pairs->len; j++) {
            const WnSuggestPair *p = &g_array_index(pairs, WnSuggestPair, j);
            gint64 units = (gint64) (p->score * SCORE_UNITS + 0.5);
            add_arc(f, i, (gsize) slot[p->candidate], 1, -units);
            top = MAX(top, units);
        }
    }
    for (gsize c = targets; c < targets + candidates; c++) {
        add_arc(f, c, f->sink, (gint32) MIN(capacity, (guint) G_MAXINT32), 0);
        f->node[c].potential = -top;
    }
    for (gsize t = 0; t < targets; t++) {
        add_arc(f, t, f->sink, (gint32) MIN(per, (guint) G_MAXINT32), 0);
    }
    f->node[f->sink].potential = -top;
    index_arcs(f);
    return f;
}

static gboolean
heap_less(gconstpointer pa, gconstpointer pb)
{
    const HeapItem *a = pa, *b = pb;
    return a->dist < b->dist || (a->dist == b->dist && a->node < b->node);
}

static void
heap_push(GArray *heap, gint64 dist, guint32 node)
{
    HeapItem item = {dist, node};
    wn_heap__push(heap, &item, heap_less);
}

static HeapItem
heap_pop(GArray *heap)
{
    HeapItem *h = (HeapItem *) (void *) heap->data;
    HeapItem top = h[0];
    h[0] = h[heap->len - 1];
    g_array_set_size(heap, heap->len - 1);
    wn_heap__sift_down(heap, 0, heap_less);
    return top;
}

/* Relaxes arc @k leaving @v, settled at distance @d, when it has residual capacity. */
static void
relax_arc(Flow *f, guint32 v, gint64 d, guint32 k)
{
    const Arc *a = &g_array_index(f->arcs, Arc, k);
    if (a->cap <= 0 || f->node[a->to].settled == f->search) {
        return;
    }
    gint64 reduced = a->cost + f->node[v].potential - f->node[a->to].potential;
    g_assert_cmpint(reduced, >=, 0); /* kept so by the potentials; costs are whole */
    if (f->node[a->to].reached != f->search || d + reduced < f->node[a->to].dist) {
        f->node[a->to].reached = f->search;
        f->node[a->to].dist = d + reduced;
        f->node[a->to].prev = k;
        heap_push(f->heap, d + reduced, a->to);
    }
}

/* Relaxes the residual arcs leaving @v in the order they were added: its reverse arcs
 * (added before any forward arc leaving a candidate) and then its forward arcs. */
static void
relax(Flow *f, guint32 v, gint64 d)
{
    for (guint i = 0; f->reverse[v] != NULL && i < f->reverse[v]->len; i++) {
        relax_arc(f, v, d, g_array_index(f->reverse[v], guint32, i));
    }
    for (guint32 k = f->out_from[v]; k < f->out_from[v + 1]; k++) {
        relax_arc(f, v, d, f->out[k]);
    }
}

/*
 * Dijkstra on reduced costs from @target until the sink is settled; equal distances
 * settle the lower node first (the sink, numbered last, settles after every node at its
 * distance). Returns: TRUE when the sink was reached.
 */
static gboolean
search(Flow *f, gsize target)
{
    f->search++;
    g_array_set_size(f->settled_list, 0);
    g_array_set_size(f->heap, 0);
    f->node[target].reached = f->search;
    f->node[target].dist = 0;
    heap_push(f->heap, 0, (guint32) target);
    while (f->heap->len > 0) {
        HeapItem top = heap_pop(f->heap);
        if (f->node[top.node].settled == f->search) {
            continue;
        }
        f->node[top.node].settled = f->search;
        g_array_append_val(f->settled_list, top.node);
        if (top.node == f->sink) {
            return TRUE;
        }
        relax(f, top.node, top.dist);
    }
    return FALSE;
}

/*
 * Sends one more unit from @target along a shortest augmenting path, when that path gains
 * (its cost, −Σ scores gained + Σ scores given up, is below 0). A path may end in another
 * target's dummy arc: that target gives its candidate up. When the cheapest path is @target's
 * own dummy arc (cost 0), the unit stays unassigned, and so do @target's later units (path
 * costs never fall); that flow is not recorded, since no path can continue through the
 * sink. After a search each settled node v moves its potential by d(v) − d(sink), which keeps
 * every residual reduced cost ≥ 0.
 * Returns: TRUE when a unit was assigned.
 */
static gboolean
augment(Flow *f, gsize target)
{
    if (!search(f, target)) {
        return FALSE;
    }
    gint64 total = f->node[f->sink].dist;
    if (total - f->node[target].potential + f->node[f->sink].potential >= 0) {
        return FALSE;
    }
    for (guint i = 0; i < f->settled_list->len; i++) {
        guint32 v = g_array_index(f->settled_list, guint32, i);
        f->node[v].potential += f->node[v].dist - total;
    }
    for (gsize v = f->sink; v != target;) {
        guint32 k = f->node[v].prev;
        Arc *a = &g_array_index(f->arcs, Arc, k);
        a->cap--;
        g_array_index(f->arcs, Arc, k ^ 1).cap++;
        keep_reverse(f, k % 2 ? k : k ^ 1);
        v = a->from;
    }
    return TRUE;
}

/* The pairs whose arc carries flow, target by target, each target's best first. */
static GArray *
chosen_pairs(const Flow *f, const GPtrArray *ranked)
{
    GArray *chosen = g_array_new(FALSE, FALSE, sizeof(WnSuggestPair));
    guint arc = 0;
    for (guint i = 0; i < ranked->len; i++) {
        const GArray *pairs = g_ptr_array_index(ranked, i);
        for (guint j = 0; j < pairs->len; j++, arc += 2) {
            if (g_array_index(f->arcs, Arc, arc).cap == 0) {
                g_array_append_val(chosen, g_array_index(pairs, WnSuggestPair, j));
            }
        }
    }
    return chosen;
}

/* Without a capacity every target simply keeps its best @per. */
static GArray *
best_of_each(const GPtrArray *ranked, guint per)
{
    GArray *chosen = g_array_new(FALSE, FALSE, sizeof(WnSuggestPair));
    for (guint i = 0; i < ranked->len; i++) {
        const GArray *pairs = g_ptr_array_index(ranked, i);
        g_array_append_vals(chosen, pairs->data, MIN(pairs->len, per));
    }
    return chosen;
}

/**
 * wn_suggest__assign:
 * Chooses from @ranked (one ranking of WnSuggestPair per target, best first, as
 * wn_suggest__rank gives) at most @per pairs per target and at most @capacity targets per
 * candidate, with the largest total score: a maximum-weight b-matching, solved exactly
 * as a min-cost flow source → target (capacity @per), target → candidate (capacity 1,
 * cost −score), candidate → sink (capacity @capacity), with a dummy arc target → sink
 * (capacity @per, cost 0) so that units may stay unassigned. Targets enter one at a time
 * in order, each unit by a shortest augmenting path from its target, found by Dijkstra on
 * reduced costs (node potentials, Jonker–Volgenant style). Scores are compared in whole
 * millionths; among optimal assignments the searches prefer lower node indices.
 * @capacity 0 means no limit: each target keeps its best @per.
 * Returns: (transfer full) (element-type WnSuggestPair): the chosen pairs, target by
 * target in the order of @ranked, each target's in ranking order.
 * Cost: O(U·(A + V) log V) at worst for U = T·@per units, A pairs and V nodes; a search
 * usually stops after a few candidates.
 */
GArray *
wn_suggest__assign(const GPtrArray *ranked, gsize n, guint per, guint capacity)
{
    if (capacity == 0) {
        return best_of_each(ranked, per);
    }
    g_autoptr(Flow) f = build_flow(ranked, n, per, capacity);
    for (guint t = 0; t < ranked->len; t++) {
        guint unit = 0;
        while (unit < per && augment(f, t)) {
            unit++;
        }
    }
    return chosen_pairs(f, ranked);
}
