/* clustering.c: the share of a node's pairs of neighbours who are tied themselves */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

/**
 * wn_measure_clustering:
 * Local clustering coefficient (Watts & Strogatz 1998): ties among the neighbours of v
 * divided by d(d−1)/2; always unweighted; 0 for a node with fewer than two neighbours,
 * as NetworkX's clustering.
 * Returns: one score per node; NULL on error.
 * Cost: O(n·d²) for average degree d.
 */
GArray *
wn_measure_clustering(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts;
    g_auto(igraph_vector_t) scores = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_init(&scores, 0), error) ||
        !wn_igraph__ok(igraph_transitivity_local_undirected(wn_network__graph(net), &scores,
                                                            igraph_vss_all(),
                                                            IGRAPH_TRANSITIVITY_ZERO),
                       error)) {
        return NULL;
    }
    return wn_scores__from_igraph(&scores);
}
