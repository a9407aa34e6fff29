/* coreness.c: the largest k such that the node is in the k-core */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

/**
 * wn_measure_coreness:
 * Coreness (Seidman 1983): the largest k such that the node belongs to a subgraph in
 * which every node has at least k ties; always unweighted; 0 for an isolated node. By
 * Batagelj & Zaversnik's bucket algorithm (2003) on the shared CSR snapshot, so it needs
 * no igraph graph: nodes are taken in order of their remaining degree, and taking one
 * lowers the remaining degree of each neighbour that has more. Coreness is unique: the
 * same numbers as igraph_coreness.
 * Returns: one score per node (never NULL: nothing here can fail).
 * Cost: O(n + m) time, 16·n bytes.
 */
GArray *
wn_measure_coreness(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts, (void) error;
    const WnCsr *csr = wn_csr__shared(net);
    gsize n = csr->n, top = 0;
    g_autofree guint32 *degree = g_new(guint32, n + 1);
    for (gsize v = 0; v < n; v++) {
        degree[v] = (guint32) wn_csr__degree(csr, v);
        top = MAX(top, (gsize) degree[v]);
    }
    /* bin[d]: where the nodes of remaining degree d start in vert; pos: a node's place */
    g_autofree gsize *bin = g_new0(gsize, top + 2);
    g_autofree guint32 *vert = g_new(guint32, n + 1);
    g_autofree gsize *pos = g_new(gsize, n + 1);
    for (gsize v = 0; v < n; v++) {
        bin[degree[v] + 1]++;
    }
    for (gsize d = 1; d <= top + 1; d++) {
        bin[d] += bin[d - 1];
    }
    for (gsize v = 0; v < n; v++) {
        pos[v] = bin[degree[v]]++;
        vert[pos[v]] = (guint32) v;
    }
    for (gsize d = top + 1; d > 0; d--) {
        bin[d] = bin[d - 1];
    }
    bin[0] = 0;
    for (gsize i = 0; i < n; i++) {
        guint32 v = vert[i];
        for (gsize k = csr->start[v]; k < csr->start[v + 1]; k++) {
            guint32 u = csr->adj[k];
            if (degree[u] > degree[v]) {
                /* u moves to the front of its bin, then into the bin below */
                gsize first = bin[degree[u]];
                guint32 w = vert[first];
                vert[first] = u, vert[pos[u]] = w;
                pos[w] = pos[u], pos[u] = first;
                bin[degree[u]]++;
                degree[u]--;
            }
        }
    }
    GArray *scores = wn_scores__new(n);
    for (gsize v = 0; v < n; v++) {
        g_array_index(scores, double, v) = (double) degree[v];
    }
    return scores;
}
