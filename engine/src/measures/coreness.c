/* coreness.c: the largest k such that the node is in the k-core */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

/**
 * wn_measure_coreness:
 * Coreness (Seidman 1983): the largest k such that the node belongs to a subgraph in
 * which every node has at least k ties; always unweighted; 0 for an isolated node.
 * Returns: one score per node; NULL on error.
 * Cost: O(n + m).
 */
GArray *
wn_measure_coreness(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts;
    g_auto(igraph_vector_int_t) cores = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_int_init(&cores, 0), error) ||
        !wn_igraph__ok(igraph_coreness(wn_network__graph(net), &cores, IGRAPH_ALL), error)) {
        return NULL;
    }
    return wn_scores__from_igraph_int(&cores);
}
