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
    (void) opts, (void) error;
    const WnCsr *csr = wn_csr__shared(net);
    g_autofree double *degree = wn_measure__strengths(csr, FALSE);
    return wn_scores__from_doubles(degree, csr->n);
}
