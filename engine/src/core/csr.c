/* csr.c: the CSR snapshot of the undirected network, shared by the parallel kernels */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core.h"

#include <stdlib.h>
#include <string.h>

/* The CSR in the making: the network's ties, the snapshot, each row's next free slot. */
typedef struct {
    const WnNetwork *net;
    WnCsr *csr;
    gsize *next;
} Build;

/* Ties per task, and rows per task, of the parallel passes. */
#define TIES_PER_TASK ((gsize) 1 << 16)
#define ROWS_PER_TASK ((gsize) 1 << 14)

/* Counts the ties first … last − 1 into start[v + 1] of both ends (integers: the counts
 * are the same in any order). */
static void
count_range(gsize first, gsize last, guint worker, gpointer data)
{
    (void) worker;
    const Build *b = data;
    gsize *start = b->csr->start;
    for (gsize t = first; t < last; t++) {
        __atomic_fetch_add(&start[b->net->tie_from[t] + 1], 1, __ATOMIC_RELAXED);
        __atomic_fetch_add(&start[b->net->tie_to[t] + 1], 1, __ATOMIC_RELAXED);
    }
}

/* Puts the ties first … last − 1 into both ends' rows, each in the next free slot (the
 * order within a row depends on the threads; sort_range puts it right). */
static void
fill_range(gsize first, gsize last, guint worker, gpointer data)
{
    (void) worker;
    const Build *b = data;
    WnCsr *csr = b->csr;
    for (gsize t = first; t < last; t++) {
        guint32 x = b->net->tie_from[t], y = b->net->tie_to[t];
        gsize i = __atomic_fetch_add(&b->next[x], 1, __ATOMIC_RELAXED);
        gsize j = __atomic_fetch_add(&b->next[y], 1, __ATOMIC_RELAXED);
        csr->adj[i] = y, csr->weight[i] = b->net->tie_weight[t];
        csr->adj[j] = x, csr->weight[j] = b->net->tie_weight[t];
    }
}

typedef struct {
    guint32 node;
    double weight;
} Arc;

static gint
by_node(gconstpointer a, gconstpointer b)
{
    guint32 x = ((const Arc *) a)->node, y = ((const Arc *) b)->node;
    return x < y ? -1 : (x > y);
}

/* Sorts one row by neighbour, its weights along (a row holds a neighbour once, so the
 * order is total: the same whatever order the row was filled in). */
static void
sort_row(guint32 *adj, double *weight, gsize d)
{
    if (d <= 32) {
        for (gsize i = 1; i < d; i++) {
            guint32 v = adj[i];
            double w = weight[i];
            gsize j = i;
            for (; j > 0 && adj[j - 1] > v; j--) {
                adj[j] = adj[j - 1], weight[j] = weight[j - 1];
            }
            adj[j] = v, weight[j] = w;
        }
        return;
    }
    g_autofree Arc *arcs = g_new(Arc, d);
    for (gsize i = 0; i < d; i++) {
        arcs[i] = (Arc){adj[i], weight[i]};
    }
    qsort(arcs, d, sizeof(Arc), by_node);
    for (gsize i = 0; i < d; i++) {
        adj[i] = arcs[i].node, weight[i] = arcs[i].weight;
    }
}

/* Sorts rows first … last − 1 and sums their weights in row order. */
static void
sort_range(gsize first, gsize last, guint worker, gpointer data)
{
    (void) worker;
    WnCsr *csr = ((const Build *) data)->csr;
    for (gsize v = first; v < last; v++) {
        gsize from = csr->start[v], d = csr->start[v + 1] - from;
        sort_row(csr->adj + from, csr->weight + from, d);
        double sum = 0.0;
        for (gsize k = from; k < from + d; k++) {
            sum += csr->weight[k];
        }
        csr->strength[v] = sum;
    }
}

/**
 * wn_csr__new:
 * Builds the CSR snapshot of @net's undirected ties (conflicts are no ties), each row
 * sorted by neighbour, over the threads (WIJKNET_THREADS): the degrees counted and the
 * rows filled by ranges of ties, then each row sorted and its strength summed in row
 * order by ranges of rows. The snapshot is the same, bit for bit, for any number of
 * threads.
 * Returns: (transfer full): the snapshot.
 * Cost: O(n + m) time (a row of degree d is sorted in O(d log d), by insertion up to 32),
 * (n + 1)·24 + m·24 bytes.
 */
WnCsr *
wn_csr__new(const WnNetwork *net)
{
    WnCsr *csr = g_new0(WnCsr, 1);
    csr->n = net->n;
    csr->m = net->m;
    csr->start = g_new0(gsize, net->n + 1);
    csr->adj = g_new(guint32, 2 * net->m + 1);
    csr->weight = g_new(double, 2 * net->m + 1);
    csr->strength = g_new0(double, net->n + 1);
    Build b = {net, csr, NULL};
    wn_parallel__run_ranges(0, net->m, TIES_PER_TASK, 0, count_range, &b);
    for (gsize v = 0; v < net->n; v++) {
        csr->start[v + 1] += csr->start[v];
    }
    b.next = g_memdup2(csr->start, (net->n + 1) * sizeof(gsize));
    wn_parallel__run_ranges(0, net->m, TIES_PER_TASK, 0, fill_range, &b);
    g_free(b.next);
    wn_parallel__run_ranges(0, net->n, ROWS_PER_TASK, 0, sort_range, &b);
    return csr;
}

static gpointer
build_shared(const WnNetwork *net, gconstpointer data, GError **error)
{
    (void) data, (void) error;
    return wn_csr__new(net);
}

static void
csr_free(gpointer csr)
{
    wn_csr__free(csr);
}

/**
 * wn_csr__shared:
 * The CSR snapshot of @net (wn_csr__new), built on first use and kept in the network's
 * cache, so every kernel of a run shares one. Do not free it.
 * Returns: (transfer none): the snapshot, read-only, living as long as @net.
 * Cost: that of wn_csr__new the first time, a hash lookup after; the snapshot then
 * holds (n + 1)·16 + m·24 bytes for as long as the network lives.
 */
const WnCsr *
wn_csr__shared(const WnNetwork *net)
{
    return wn_cache__get(net, "csr", build_shared, NULL, csr_free, NULL);
}

/* Frees a snapshot. Accepts NULL. */
void
wn_csr__free(WnCsr *csr)
{
    if (csr == NULL) {
        return;
    }
    g_free(csr->start);
    g_free(csr->adj);
    g_free(csr->weight);
    g_free(csr->strength);
    g_free(csr);
}

/**
 * wn_csr__components:
 * The connected components of @csr, numbered in order of their first node (as igraph's
 * igraph_connected_components numbers them): each node's in @membership (n entries),
 * and each component's size.
 * Returns: (transfer full): the sizes (gsize), one per component.
 * Cost: O(n + m), 4 bytes per node besides @membership.
 */
GArray *
wn_csr__components(const WnCsr *csr, guint32 *membership)
{
    GArray *sizes = g_array_new(FALSE, FALSE, sizeof(gsize));
    g_autofree guint32 *queue = g_new(guint32, csr->n + 1);
    for (gsize v = 0; v < csr->n; v++) {
        membership[v] = G_MAXUINT32;
    }
    for (gsize s = 0; s < csr->n; s++) {
        if (membership[s] != G_MAXUINT32) {
            continue;
        }
        guint32 id = sizes->len;
        gsize head = 0, tail = 0;
        membership[s] = id;
        queue[tail++] = (guint32) s;
        while (head < tail) {
            guint32 u = queue[head++];
            for (gsize k = csr->start[u]; k < csr->start[u + 1]; k++) {
                guint32 v = csr->adj[k];
                if (membership[v] == G_MAXUINT32) {
                    membership[v] = id;
                    queue[tail++] = v;
                }
            }
        }
        g_array_append_val(sizes, tail);
    }
    return sizes;
}
