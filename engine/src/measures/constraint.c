/* constraint.c: Burt's constraint, how much a node's contacts are tied to each other */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "private.h"

#include <math.h>

/**
 * wn_measure_constraint:
 * Burt's aggregate constraint (Burt 1992, Structural Holes, p. 55):
 * C_i = Σ_j (p_ij + Σ_q p_iq p_qj)², over the contacts j of i and the contacts q of i
 * other than i and j, where p_ij is the share of i's ties that go to j: 1/degree(i)
 * unweighted, and w_ij / Σ_k w_ik with opts->weighted (NetworkX's
 * normalized_mutual_weight on an undirected graph; igraph_constraint). Low constraint
 * means the contacts are not tied to each other: the node spans structural holes.
 * A node with one contact scores 1; an isolated node is missing (NaN), as NetworkX.
 * Returns: one score per node; NULL on error.
 * Cost: O(Σ_i degree(i)²).
 */
GArray *
wn_measure_constraint(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    g_auto(igraph_vector_t) scores = IGRAPH_VECTOR_NULL;
    g_auto(igraph_vector_int_t) degrees = IGRAPH_VECTOR_NULL;
    const igraph_t *graph = wn_network__graph(net);
    if (!wn_igraph__ok(igraph_vector_init(&scores, 0), error) ||
        !wn_igraph__ok(igraph_vector_int_init(&degrees, 0), error) ||
        !wn_igraph__ok(
            igraph_degree(graph, &degrees, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS), error) ||
        !wn_igraph__ok(igraph_constraint(graph, &scores, igraph_vss_all(),
                                         opts->weighted ? wn_network__weights(net) : NULL),
                       error)) {
        return NULL;
    }
    GArray *out = wn_scores__from_igraph(&scores);
    for (guint v = 0; v < out->len; v++) {
        if (VECTOR(degrees)[v] == 0) {
            g_array_index(out, double, v) = NAN;
        }
    }
    return out;
}
