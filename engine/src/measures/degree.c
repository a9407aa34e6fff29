/* degree.c: the number of distinct contacts */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

/**
 * wn_measure_degree:
 * The number of distinct nodes a node is tied to (repeated rows are one tie; conflict
 * ties do not count); 0 for an isolated node. Always unweighted: see strength.
 * Returns: one score per node; NULL on error.
 * Cost: O(n).
 */
GArray *
wn_measure_degree(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts;
    g_auto(igraph_vector_int_t) degrees = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_int_init(&degrees, 0), error) ||
        !wn_igraph__ok(igraph_degree(wn_network__graph(net), &degrees, igraph_vss_all(), IGRAPH_ALL,
                                     IGRAPH_NO_LOOPS),
                       error)) {
        return NULL;
    }
    return wn_scores__from_igraph_int(&degrees);
}
