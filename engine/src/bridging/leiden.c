/* leiden.c: Leiden on the CSR, step for step as igraph 0.10's igraph_community_leiden */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/*
 * The Leiden algorithm (Traag, Waltman & van Eck 2019) as igraph 0.10 implements it
 * (src/community/leiden.c): the same local moving, refinement and aggregation, the same
 * visiting orders and the same draws from igraph's random number generator, so that a
 * seed gives the partition igraph gives, bit for bit. It reads the network's CSR
 * instead of igraph's graph: the neighbours of a node are in increasing order there, as
 * in igraph's incidence lists of an undirected graph, and each arc carries its weight,
 * where igraph reads an edge's ends and weight from three scattered places. So igraph's
 * copy of the ties is never made and the neighbour lists are read in order.
 */

/* One level: the network (level 0) or a graph of aggregated clusters, as rows of
 * neighbours in increasing order, and each node's weight. */
typedef struct {
    gsize n;
    gsize *start;
    guint32 *adj;
    double *weight; /* NULL: every arc weighs 1 */
    double scale;   /* the arc weights times this (level 0 only; 1 above) */
    double *node_weight;
} Level;

static inline double
arc_weight(const Level *g, gsize k)
{
    return g->weight != NULL ? g->weight[k] * g->scale : 1.0;
}

/* An aggregated level's arrays, kept from one level and iteration to the next. */
typedef struct {
    gsize *start;
    guint32 *adj;
    double *weight, *node_weight;
    gsize nodes, arcs; /* what they have room for */
} Store;

/* Working space, each array sized for level 0 (the largest), reused by every step. */
typedef struct {
    double resolution, beta;
    igraph_rng_t *rng;
    guint32 *order, *queue, *empty, *neighbours, *label, *members;
    gsize *member_start;
    guint8 *stable, *added, *non_singleton;
    double *cluster_weight, *to_cluster, *cumulative, *external;
    guint32 *cluster_size;
    /* the iteration's: each node's node at the current level, the refined clusters, the
     * clusters at this level and the next, and the next level's node weights */
    guint32 *aggregate_node, *refined, *level_membership, *next_membership;
    double *next_weight;
    /* the ties between refined clusters: those of cluster c to higher ones are
     * pair_to[pair_start[c] …] with their weights */
    gsize *pair_start, *higher_fill;
    guint32 *pair_to;
    double *pair_weight;
    gsize pair_room;  /* grown as needed: the pairs are far fewer than the ties */
    Store store[2];   /* levels 1, 3, … and 2, 4, … */
    const gint *stop; /* NULL, or set (atomically) to 1 to stop at the next level */
} Work;

/* How far ahead in the queue the local moving asks for what it will read: the queue is
 * in random order, so each node's row and its neighbours' clusters are far apart in
 * memory. A node's row start is asked for READ_AHEAD nodes ahead, its row half-way, its
 * neighbours' clusters a quarter of the way (each stage needs the one before). */
#define READ_AHEAD 16

static inline void
read_ahead(const Level *g, const guint32 *membership, const guint32 *queue, gsize head, gsize n)
{
    gsize far = head + READ_AHEAD, mid = head + READ_AHEAD / 2, near = head + READ_AHEAD / 4;
    guint32 x = queue[far >= n ? far - n : far];
    __builtin_prefetch(&g->start[x]);
    x = queue[mid >= n ? mid - n : mid];
    __builtin_prefetch(&g->adj[g->start[x]]);
    x = queue[near >= n ? near - n : near];
    for (gsize k = g->start[x]; k < g->start[x + 1]; k++) {
        __builtin_prefetch(&membership[g->adj[k]]);
    }
}

/* Local moving (igraph_i_community_leiden_fastmovenodes): nodes visited from a queue in
 * random order, each moved to the neighbouring cluster (or an empty one) that improves
 * the quality most, strictly; the neighbours of a moved node outside its new cluster
 * are visited again. Returns: the number of clusters (renumbered). */
static gsize
move_nodes(const Level *g, guint32 *membership, gboolean *changed, Work *w)
{
    gsize n = g->n, head = 0, queued = n, top = 0;
    const double *nw = g->node_weight;
    for (gsize i = 0; i < n; i++) {
        w->order[i] = (guint32) i;
    }
    wn_leiden__shuffle(w->rng, w->order, n);
    memcpy(w->queue, w->order, n * sizeof *w->queue);
    memset(w->stable, 0, n);
    memset(w->cluster_weight, 0, n * sizeof *w->cluster_weight);
    memset(w->cluster_size, 0, n * sizeof *w->cluster_size);
    for (gsize i = 0; i < n; i++) {
        w->cluster_weight[membership[i]] += nw[i];
        w->cluster_size[membership[i]]++;
    }
    for (gsize c = 0; c < n; c++) {
        if (w->cluster_size[c] == 0) {
            w->empty[top++] = (guint32) c;
        }
    }
    while (queued > 0) {
        if (queued > READ_AHEAD) {
            read_ahead(g, membership, w->queue, head, n);
        }
        guint32 v = w->queue[head];
        head = head + 1 == n ? 0 : head + 1;
        queued--;
        guint32 current = membership[v];
        w->cluster_weight[current] -= nw[v];
        if (--w->cluster_size[current] == 0) {
            w->empty[top++] = current;
        }
        guint32 c = w->empty[top - 1];
        gsize found = 1;
        w->neighbours[0] = c;
        w->added[c] = 1;
        for (gsize k = g->start[v]; k < g->start[v + 1]; k++) {
            guint32 u = g->adj[k];
            if (u != v) {
                c = membership[u];
                if (!w->added[c]) {
                    w->added[c] = 1;
                    w->neighbours[found++] = c;
                }
                w->to_cluster[c] += arc_weight(g, k);
            }
        }
        guint32 best = current;
        double max_diff =
            w->to_cluster[current] - nw[v] * w->cluster_weight[current] * w->resolution;
        for (gsize i = 0; i < found; i++) {
            c = w->neighbours[i];
            double diff = w->to_cluster[c] - nw[v] * w->cluster_weight[c] * w->resolution;
            if (diff > max_diff) { /* strictly better only: the moving ends */
                best = c;
                max_diff = diff;
            }
            w->to_cluster[c] = 0.0;
            w->added[c] = 0;
        }
        w->cluster_weight[best] += nw[v];
        w->cluster_size[best]++;
        if (best == w->empty[top - 1]) {
            top--;
        }
        w->stable[v] = 1;
        if (best != current) {
            *changed = TRUE;
            membership[v] = best;
            for (gsize k = g->start[v]; k < g->start[v + 1]; k++) {
                guint32 u = g->adj[k];
                if (w->stable[u] && membership[u] != best) {
                    gsize tail = head + queued >= n ? head + queued - n : head + queued;
                    w->queue[tail] = u;
                    queued++;
                    w->stable[u] = 0;
                }
            }
        }
    }
    return wn_leiden__reindex(membership, n, w->label);
}

/* Whether a refined cluster of weight @weight with @external weight of ties to the rest
 * of its cluster (of weight @total) is well connected to it. */
static inline gboolean
well_connected(double external, double weight, double total, double resolution)
{
    return external >= weight * (total - weight) * resolution;
}

/* Refinement of cluster @cluster, whose nodes are @members (in increasing order)
 * (igraph_i_community_leiden_mergenodes): from singletons, each well-connected singleton
 * visited once in random order joins a well-connected refined cluster drawn with
 * probability proportional to exp(gain / beta) among those that lose nothing. The
 * refined clusters are numbered from *refined_count on, in order of their first node. */
static void
refine_cluster(const Level *g, const guint32 *membership, guint32 cluster, const guint32 *members,
               gsize size, guint32 *refined, gsize *refined_count, Work *w)
{
    const double *nw = g->node_weight;
    double total = 0.0;
    for (gsize i = 0; i < size; i++) {
        guint32 v = members[i];
        refined[v] = (guint32) i;
        w->cluster_weight[i] = 0.0 + nw[v];
        total += nw[v];
        double external = 0.0;
        for (gsize k = g->start[v]; k < g->start[v + 1]; k++) {
            guint32 u = g->adj[k];
            if (u != v && membership[u] == cluster) {
                external += arc_weight(g, k);
            }
        }
        w->external[i] = external;
        w->non_singleton[i] = 0;
    }
    memcpy(w->order, members, size * sizeof *w->order);
    wn_leiden__shuffle(w->rng, w->order, size);
    for (gsize i = 0; i < size; i++) {
        guint32 v = w->order[i], current = refined[v];
        if (w->non_singleton[current] ||
            !well_connected(w->external[current], w->cluster_weight[current], total,
                            w->resolution)) {
            continue;
        }
        w->cluster_weight[current] = 0.0;
        w->neighbours[0] = current;
        w->added[current] = 1;
        gsize found = 1;
        for (gsize k = g->start[v]; k < g->start[v + 1]; k++) {
            guint32 u = g->adj[k];
            if (u != v && membership[u] == cluster) {
                guint32 c = refined[u];
                if (!w->added[c]) {
                    w->added[c] = 1;
                    w->neighbours[found++] = c;
                }
                w->to_cluster[c] += arc_weight(g, k);
            }
        }
        guint32 best = current;
        double max_diff = 0.0, cumulative = 0.0;
        for (gsize j = 0; j < found; j++) {
            guint32 c = w->neighbours[j];
            if (well_connected(w->external[c], w->cluster_weight[c], total, w->resolution)) {
                double diff = w->to_cluster[c] - nw[v] * w->cluster_weight[c] * w->resolution;
                if (diff > max_diff) {
                    best = c;
                    max_diff = diff;
                }
                if (diff >= 0) {
                    cumulative += exp(diff / w->beta);
                }
            }
            w->cumulative[j] = cumulative;
            w->to_cluster[c] = 0.0;
            w->added[c] = 0;
        }
        guint32 chosen = best;
        if (cumulative < INFINITY) {
            double r = igraph_rng_get_unif(w->rng, 0, cumulative);
            chosen = w->neighbours[wn_leiden__binsearch(w->cumulative, r, found)];
        }
        w->cluster_weight[chosen] += nw[v];
        for (gsize k = g->start[v]; k < g->start[v + 1]; k++) {
            guint32 u = g->adj[k];
            if (membership[u] == cluster) {
                if (refined[u] == chosen) {
                    w->external[chosen] -= arc_weight(g, k);
                } else {
                    w->external[chosen] += arc_weight(g, k);
                }
            }
        }
        if (chosen != current) {
            refined[v] = chosen;
            w->non_singleton[chosen] = 1;
        }
    }
    /* igraph_i_community_leiden_clean_refined_membership */
    memset(w->label, 0, size * sizeof *w->label);
    for (gsize i = 0; i < size; i++) {
        guint32 c = refined[members[i]];
        if (w->label[c] == 0) {
            w->label[c] = (guint32)++ * refined_count;
        }
        refined[members[i]] = w->label[c] - 1;
    }
}

/* The nodes of @g grouped by @membership (count clusters), each group in increasing
 * order: w->members[w->member_start[c] …]. */
static void
group_nodes(gsize n, const guint32 *membership, gsize count, Work *w)
{
    memset(w->member_start, 0, (count + 1) * sizeof *w->member_start);
    for (gsize v = 0; v < n; v++) {
        w->member_start[membership[v] + 1]++;
    }
    for (gsize c = 0; c < count; c++) {
        w->member_start[c + 1] += w->member_start[c];
    }
    for (gsize v = 0; v < n; v++) { /* fills each group in increasing order */
        w->members[w->member_start[membership[v]]++] = (guint32) v;
    }
    for (gsize c = count; c > 0; c--) {
        w->member_start[c] = w->member_start[c - 1];
    }
    w->member_start[0] = 0;
}

/* @store with room for @nodes nodes and @arcs arcs, as level @g. */
static void
store_level(Store *store, gsize nodes, gsize arcs, Level *g)
{
    if (store->nodes < nodes) {
        store->nodes = nodes;
        store->start = g_renew(gsize, store->start, nodes + 1);
        store->node_weight = g_renew(double, store->node_weight, nodes + 1);
    }
    if (store->arcs < arcs) {
        store->arcs = arcs;
        store->adj = g_renew(guint32, store->adj, arcs + 1);
        store->weight = g_renew(double, store->weight, arcs + 1);
    }
    *g = (Level){nodes, store->start, store->adj, store->weight, 1.0, store->node_weight};
}

/* The graph of the refined clusters (igraph_i_community_leiden_aggregate): one node per
 * refined cluster weighing its nodes, one tie per pair of refined clusters with ties
 * between them weighing their sum (summed in igraph's order), no ties within; its
 * nodes' clusters are those of their nodes (@membership) in w->next_membership. */
static void
aggregate(const Level *g, const guint32 *membership, const guint32 *refined, gsize count,
          Store *store, Level *next, Work *w)
{
    group_nodes(g->n, refined, count, w);
    /* each refined cluster's ties to the higher ones, as igraph finds them */
    gsize pairs = 0;
    for (gsize c = 0; c < count; c++) {
        gsize found = 0;
        guint32 v = 0;
        double node_weight = 0.0;
        for (gsize i = w->member_start[c]; i < w->member_start[c + 1]; i++) {
            v = w->members[i];
            for (gsize k = g->start[v]; k < g->start[v + 1]; k++) {
                guint32 c2 = refined[g->adj[k]];
                if (c2 > c) {
                    if (!w->added[c2]) {
                        w->added[c2] = 1;
                        w->neighbours[found++] = c2;
                    }
                    w->to_cluster[c2] += arc_weight(g, k);
                }
            }
            node_weight += g->node_weight[v];
        }
        w->pair_start[c] = pairs;
        if (pairs + found > w->pair_room) {
            w->pair_room = MAX(2 * w->pair_room, pairs + found);
            w->pair_to = g_renew(guint32, w->pair_to, w->pair_room);
            w->pair_weight = g_renew(double, w->pair_weight, w->pair_room);
        }
        for (gsize i = 0; i < found; i++) {
            guint32 c2 = w->neighbours[i];
            w->pair_to[pairs] = c2;
            w->pair_weight[pairs++] = w->to_cluster[c2];
            w->to_cluster[c2] = 0.0;
            w->added[c2] = 0;
        }
        w->next_weight[c] = node_weight;
        w->next_membership[c] = membership[v];
    }
    w->pair_start[count] = pairs;
    store_level(store, count, 2 * pairs, next);
    memcpy(next->node_weight, w->next_weight, count * sizeof(double));
    /* igraph's incidence lists of the new graph hold each node's neighbours in
     * increasing order: the lower ones first (put in order of the lower cluster), then
     * the higher ones (put in order by walking the lower ones of every higher row) */
    gsize *lower = w->member_start; /* reused: the groups are read no more */
    memset(lower, 0, (count + 1) * sizeof *lower);
    for (gsize i = 0; i < pairs; i++) {
        lower[w->pair_to[i]]++;
    }
    gsize at = 0;
    for (gsize c = 0; c < count; c++) {
        next->start[c] = at;
        at += lower[c] + (w->pair_start[c + 1] - w->pair_start[c]);
        lower[c] = next->start[c]; /* now the next free slot of the lower part */
    }
    next->start[count] = at;
    for (gsize c = 0; c < count; c++) {
        for (gsize i = w->pair_start[c]; i < w->pair_start[c + 1]; i++) {
            gsize k = lower[w->pair_to[i]]++;
            next->adj[k] = (guint32) c, next->weight[k] = w->pair_weight[i];
        }
    }
    memcpy(w->higher_fill, lower, count * sizeof *lower); /* where each higher part begins */
    for (gsize x = 0; x < count; x++) {
        for (gsize k = next->start[x]; k < lower[x]; k++) {
            guint32 c = next->adj[k];
            gsize slot = w->higher_fill[c]++;
            next->adj[slot] = (guint32) x, next->weight[slot] = next->weight[k];
        }
    }
}

static gboolean
stopped(const Work *w)
{
    return w->stop != NULL && g_atomic_int_get(w->stop) != 0;
}

/* One Leiden iteration (igraph_i_community_leiden) from @membership (level 0's nodes),
 * which it updates; *changed tells whether any node moved. */
static void
iterate(const Level *base, guint32 *membership, gboolean *changed, Work *w)
{
    gsize n = base->n;
    for (gsize i = 0; i < n; i++) {
        w->aggregate_node[i] = (guint32) i;
    }
    wn_leiden__reindex(membership, n, w->label);
    *changed = FALSE;
    Level level = *base, next;
    guint32 *current = membership; /* level 0 moves the nodes' own clusters */
    gboolean go_on;
    int depth = 0;
    do {
        gsize count = move_nodes(&level, current, changed, w);
        go_on = count < level.n;
        if (go_on) {
            if (current != membership) {
                for (gsize i = 0; i < n; i++) {
                    membership[i] = current[w->aggregate_node[i]];
                }
            }
            group_nodes(level.n, current, count, w);
            gsize refined_count = 0;
            for (gsize c = 0; c < count; c++) {
                const gsize *s = w->member_start;
                refine_cluster(&level, current, (guint32) c, w->members + s[c], s[c + 1] - s[c],
                               w->refined, &refined_count, w);
            }
            if (refined_count >= level.n) { /* nothing merged: aggregate the clusters */
                memcpy(w->refined, current, level.n * sizeof *w->refined);
                refined_count = count;
            }
            for (gsize i = 0; i < n; i++) {
                w->aggregate_node[i] = w->refined[w->aggregate_node[i]];
            }
            aggregate(&level, current, w->refined, refined_count, &w->store[depth++ % 2], &next, w);
            level = next;
            memcpy(w->level_membership, w->next_membership, level.n * sizeof(guint32));
            current = w->level_membership;
        }
    } while (go_on && !stopped(w));
}

static void
work_init(Work *w, gsize n, double resolution, igraph_rng_t *rng)
{
    w->resolution = resolution;
    w->beta = 0.01;
    w->rng = rng;
    w->order = g_new(guint32, n + 1);
    w->queue = g_new(guint32, n + 1);
    w->empty = g_new(guint32, n + 1);
    w->neighbours = g_new(guint32, n + 1);
    w->label = g_new(guint32, n + 1);
    w->members = g_new(guint32, n + 1);
    w->member_start = g_new(gsize, n + 1);
    w->stable = g_new0(guint8, n + 1);
    w->added = g_new0(guint8, n + 1);
    w->non_singleton = g_new0(guint8, n + 1);
    w->cluster_weight = g_new0(double, n + 1);
    w->to_cluster = g_new0(double, n + 1);
    w->cumulative = g_new0(double, n + 1);
    w->external = g_new0(double, n + 1);
    w->cluster_size = g_new0(guint32, n + 1);
    w->aggregate_node = g_new(guint32, n + 1);
    w->refined = g_new(guint32, n + 1);
    w->level_membership = g_new(guint32, n + 1);
    w->next_membership = g_new(guint32, n + 1);
    w->next_weight = g_new(double, n + 1);
    w->pair_start = g_new(gsize, n + 1);
    w->higher_fill = g_new(gsize, n + 1);
}

static void
work_clear(Work *w)
{
    g_free(w->order), g_free(w->queue), g_free(w->empty), g_free(w->neighbours);
    g_free(w->label), g_free(w->members), g_free(w->member_start), g_free(w->stable);
    g_free(w->added), g_free(w->non_singleton), g_free(w->cluster_weight);
    g_free(w->to_cluster), g_free(w->cumulative), g_free(w->external);
    g_free(w->cluster_size), g_free(w->aggregate_node), g_free(w->refined);
    g_free(w->level_membership), g_free(w->next_membership), g_free(w->next_weight);
    g_free(w->pair_start), g_free(w->higher_fill), g_free(w->pair_to), g_free(w->pair_weight);
    for (int i = 0; i < 2; i++) {
        g_free(w->store[i].start), g_free(w->store[i].adj), g_free(w->store[i].weight);
        g_free(w->store[i].node_weight);
    }
}

/*
 * wn_leiden__run:
 * Leiden with the modularity objective on @csr, as wijknet has always called igraph's
 * igraph_community_leiden: node weights the degrees (with @weighted the strengths, every
 * tie weight times @scale), the resolution divided by their sum, randomness 0.01; one
 * iteration after another, the first from singletons, each from the last, until an
 * iteration leaves the partition as it was or after @max_iterations. The draws come from
 * @rng, an igraph generator of the default's type seeded as igraph's default would be, so
 * the draws are those igraph's Leiden makes; igraph is called for nothing else, and no
 * shared state of igraph is touched, so this may run beside igraph on another thread.
 * Writes each node's cluster (igraph's labels, before any renumbering) to @out.
 * Returns: TRUE; FALSE when *@stop (may be NULL) became non-zero before the end, checked
 * at every level (@out then holds no partition).
 * Cost: O(m) per iteration and level; about 130 bytes per node of working space, and
 * two aggregated graphs (the first aggregation's at most 24 bytes per tie of @csr, and
 * 12 per tie between refined clusters while it is made).
 */
gboolean
wn_leiden__run(const WnCsr *csr, gboolean weighted, double scale, double resolution,
               guint max_iterations, igraph_rng_t *rng, const gint *stop, guint32 *out)
{
    gsize n = csr->n;
    Level base = {n, csr->start, csr->adj, weighted ? csr->weight : NULL, scale, NULL};
    base.node_weight = g_new(double, n + 1);
    double total = 0.0;
    for (gsize v = 0; v < n; v++) {
        double sum = 0.0; /* igraph_strength: the row's weights in its order */
        for (gsize k = csr->start[v]; k < csr->start[v + 1]; k++) {
            sum += arc_weight(&base, k);
        }
        base.node_weight[v] = sum;
    }
    for (gsize v = 0; v < n; v++) {
        total += base.node_weight[v];
    }
    Work w = {0};
    work_init(&w, n, resolution / total, rng);
    w.stop = stop;
    g_autofree guint32 *before = g_new(guint32, n + 1);
    for (gsize v = 0; v < n; v++) {
        out[v] = (guint32) v;
    }
    for (guint i = 0; i < max_iterations; i++) {
        memcpy(before, out, n * sizeof *out);
        gboolean changed = FALSE;
        iterate(&base, out, &changed, &w);
        if (stopped(&w) || (i > 0 && memcmp(before, out, n * sizeof *out) == 0)) {
            break;
        }
    }
    gboolean done = !stopped(&w);
    work_clear(&w);
    g_free(base.node_weight);
    return done;
}
