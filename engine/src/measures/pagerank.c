/* pagerank.c: the share of time a random walker spends at each node (damping 0.85) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

/**
 * wn_measure_pagerank:
 * PageRank (Brin & Page 1998) with damping 0.85 and uniform teleport; scores sum to 1.
 * A node without ties hands its score to all nodes alike, so a network without ties
 * scores 1/n everywhere. When no node is without ties, each component keeps a share
 * of the total equal to its share of the nodes. With opts->weighted, a walker follows
 * a tie with probability proportional to its weight. Solved exactly by PRPACK, as
 * igraph; NetworkX's pagerank agrees to 1e-12.
 * Returns: one score per node; NULL on error.
 * Cost: about O(n + m) per iteration.
 */
GArray *
wn_measure_pagerank(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    g_auto(igraph_vector_t) scores = IGRAPH_VECTOR_NULL;
    igraph_real_t value = 0;
    if (!wn_igraph__ok(igraph_vector_init(&scores, 0), error) ||
        !wn_igraph__ok(igraph_pagerank(wn_network__graph(net), IGRAPH_PAGERANK_ALGO_PRPACK, &scores,
                                       &value, igraph_vss_all(), FALSE, 0.85,
                                       opts->weighted ? wn_network__weights(net) : NULL, NULL),
                       error)) {
        return NULL;
    }
    return wn_scores__from_igraph(&scores);
}
