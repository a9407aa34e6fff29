/* harmonic.c: the sum of inverse distances to all other nodes */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "private.h"

/**
 * wn_measure_harmonic:
 * Harmonic centrality: the sum over every other node u of 1/d(v, u), not normalised;
 * unreachable nodes add 0 (Marchiori & Latora 2000; NetworkX harmonic_centrality).
 * An isolated node scores 0. With opts->weighted, a tie's length is 1/weight.
 * Returns: one score per node; NULL on error.
 * Cost: O(n·m) unweighted, O(n·m·log n) weighted.
 */
GArray *
wn_measure_harmonic(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    g_auto(igraph_vector_t) scores = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_init(&scores, 0), error) ||
        !wn_igraph__ok(igraph_harmonic_centrality(
                           wn_network__graph(net), &scores, igraph_vss_all(), IGRAPH_ALL,
                           opts->weighted ? wn_network__lengths(net) : NULL, FALSE),
                       error)) {
        return NULL;
    }
    return wn_scores__from_igraph(&scores);
}
