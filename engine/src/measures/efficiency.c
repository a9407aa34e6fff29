/* efficiency.c: Burt's efficiency, the share of contacts that are not redundant */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

#include <math.h>

/**
 * wn_measure_efficiency:
 * Effective size divided by the number of contacts (Burt 1992, p. 53; as NetworkX's
 * documentation): 1 when no two contacts are tied, lower the more they are. Always
 * unweighted, like wn_measure_effective_size, whose cached scores it divides. An
 * isolated node is missing (NaN).
 * Returns: one score per node; NULL on error.
 * Cost: that of wn_measure_effective_size.
 */
GArray *
wn_measure_efficiency(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts;
    const WnBurt *burt = wn_measure__burt(net, FALSE, error);
    if (burt == NULL) {
        return NULL;
    }
    const WnCsr *csr = wn_csr__shared(net);
    GArray *scores = wn_scores__new(net->n);
    for (gsize v = 0; v < net->n; v++) {
        double degree = (double) wn_csr__degree(csr, v);
        g_array_index(scores, double, v) = degree > 0 ? burt->effective_size[v] / degree : NAN;
    }
    return scores;
}
