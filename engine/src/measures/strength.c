/* strength.c: the sum of the weights of a node's ties */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

/**
 * wn_measure_strength:
 * The sum of the (merged) weights of a node's ties (Barrat et al. 2004); equals the
 * degree when every weight is 1; 0 for an isolated node. Always weighted.
 * Returns: one score per node; NULL on error.
 * Cost: O(n + m).
 */
GArray *
wn_measure_strength(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts;
    g_auto(igraph_vector_t) scores = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_init(&scores, 0), error) ||
        !wn_igraph__ok(igraph_strength(wn_network__graph(net), &scores, igraph_vss_all(),
                                       IGRAPH_ALL, IGRAPH_NO_LOOPS, wn_network__weights(net)),
                       error)) {
        return NULL;
    }
    return wn_scores__from_igraph(&scores);
}
