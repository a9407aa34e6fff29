/* closeness.c: how near a node is to the nodes it can reach (Wasserman-Faust) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "private.h"

#include <math.h>

/**
 * wn_measure_closeness:
 * How near each node is to the nodes it can reach: the number of reachable nodes
 * r − 1 divided by the sum of the shortest-path lengths to them, scaled by the share
 * of the network reached, (r−1)/(n−1) (Wasserman & Faust 1994; NetworkX's default
 * wf_improved=True). An isolated node scores 0. With opts->weighted, a tie's length
 * is 1/weight (FORMAT.md).
 * Returns: one score per node; NULL on error.
 * Cost: O(n·m) unweighted, O(n·m·log n) weighted.
 */
GArray *
wn_measure_closeness(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    g_auto(igraph_vector_t) scores = IGRAPH_VECTOR_NULL;
    g_auto(igraph_vector_int_t) reached = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_init(&scores, 0), error) ||
        !wn_igraph__ok(igraph_vector_int_init(&reached, 0), error)) {
        return NULL;
    }
    igraph_error_t rc =
        igraph_closeness(wn_network__graph(net), &scores, &reached, NULL, igraph_vss_all(),
                         IGRAPH_ALL, opts->weighted ? wn_network__lengths(net) : NULL, TRUE);
    if (!wn_igraph__ok(rc, error)) {
        return NULL;
    }
    GArray *out = wn_scores__from_igraph(&scores);
    double n = (double) wn_network_node_count(net);
    for (guint v = 0; v < out->len; v++) {
        double r = (double) VECTOR(reached)[v]; /* reachable nodes, itself excluded */
        double *c = &g_array_index(out, double, v);
        *c = r > 0 && !isnan(*c) ? *c * r / (n - 1) : 0.0;
    }
    return out;
}
