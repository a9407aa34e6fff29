/* csr.c: the CSR snapshot of the undirected network, shared by the parallel kernels */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core.h"

#include <string.h>

/* Counts each node's ties into start[v + 1] and turns the counts into offsets. */
static gsize *
count_offsets(const WnNetwork *net)
{
    gsize *start = g_new0(gsize, net->n + 1);
    for (gsize t = 0; t < net->m; t++) {
        start[net->tie_from[t] + 1]++;
        start[net->tie_to[t] + 1]++;
    }
    for (gsize v = 0; v < net->n; v++) {
        start[v + 1] += start[v];
    }
    return start;
}

/* Fills @adj and @weight in tie order (unsorted rows); @next is a copy of the offsets. */
static void
fill_in_tie_order(const WnNetwork *net, gsize *next, guint32 *adj, double *weight)
{
    for (gsize t = 0; t < net->m; t++) {
        guint32 a = net->tie_from[t], b = net->tie_to[t];
        adj[next[a]] = b;
        weight[next[a]++] = net->tie_weight[t];
        adj[next[b]] = a;
        weight[next[b]++] = net->tie_weight[t];
    }
}

/**
 * wn_csr__new:
 * Builds the CSR snapshot of @net's undirected ties (conflicts are no ties), each row
 * sorted by neighbour. The rows are sorted without a comparison sort: filling the
 * rows of the unsorted snapshot's transpose, visited in node order, lists every
 * row's neighbours in increasing order (the graph is undirected, so the transpose is
 * the graph itself).
 * Returns: (transfer full): the snapshot.
 * Cost: O(n + m) time, (n + 1)·16 + m·24 bytes, twice that while it is built.
 */
WnCsr *
wn_csr__new(const WnNetwork *net)
{
    WnCsr *csr = g_new0(WnCsr, 1);
    csr->n = net->n;
    csr->m = net->m;
    csr->start = count_offsets(net);
    gsize arcs = 2 * net->m;
    g_autofree gsize *next = g_memdup2(csr->start, (net->n + 1) * sizeof(gsize));
    g_autofree guint32 *raw_adj = g_new(guint32, arcs + 1);
    g_autofree double *raw_weight = g_new(double, arcs + 1);
    fill_in_tie_order(net, next, raw_adj, raw_weight);
    memcpy(next, csr->start, (net->n + 1) * sizeof(gsize));
    csr->adj = g_new(guint32, arcs + 1);
    csr->weight = g_new(double, arcs + 1);
    csr->strength = g_new0(double, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        for (gsize k = csr->start[v]; k < csr->start[v + 1]; k++) {
            guint32 u = raw_adj[k];
            csr->adj[next[u]] = (guint32) v;
            csr->weight[next[u]++] = raw_weight[k];
        }
    }
    for (gsize v = 0; v < net->n; v++) {
        for (gsize k = csr->start[v]; k < csr->start[v + 1]; k++) {
            csr->strength[v] += csr->weight[k];
        }
    }
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
