/* eigenvector.c: a node is central when its neighbours are (Bonacich) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "private.h"

/**
 * wn_measure_eigenvector:
 * Eigenvector centrality (Bonacich 1972): the leading eigenvector of the adjacency
 * matrix (of weights with opts->weighted), scaled so that its maximum is 1, as
 * NetworkX's eigenvector_centrality_numpy divided by its maximum. An isolated node
 * scores 0. In a network of several components only the component with the largest
 * leading eigenvalue scores above 0 (the others get 0, up to rounding near 1e-16);
 * when two components tie for that eigenvalue the split between them is arbitrary.
 * A network without ties scores 0 everywhere: igraph would return 1 for every node,
 * but no node is more central than an isolated node there.
 * Returns: one score per node; NULL on error.
 * Cost: O(m) per ARPACK iteration.
 */
GArray *
wn_measure_eigenvector(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    if (wn_network_tie_count(net) == 0) {
        return wn_scores__new(wn_network_node_count(net));
    }
    g_auto(igraph_vector_t) scores = IGRAPH_VECTOR_NULL;
    igraph_real_t value = 0;
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    /* ARPACK may draw from igraph's random generator; seed it so that the last digits do
     * not depend on what ran before in the same process. */
    igraph_rng_seed(igraph_rng_default(), 1);
    if (!wn_igraph__ok(igraph_vector_init(&scores, 0), error) ||
        !wn_igraph__ok(igraph_eigenvector_centrality(
                           wn_network__graph(net), &scores, &value, FALSE, TRUE,
                           opts->weighted ? wn_network__weights(net) : NULL, &arpack),
                       error)) {
        return NULL;
    }
    return wn_scores__from_igraph(&scores);
}
