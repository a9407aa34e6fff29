/* efficiency.c: Burt's efficiency, the share of contacts that are not redundant */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "private.h"

#include <math.h>

/**
 * wn_measure_efficiency:
 * Effective size divided by the number of contacts (Burt 1992, p. 53; as NetworkX's
 * documentation): 1 when no two contacts are tied, lower the more they are. Always
 * unweighted, like wn_measure_effective_size. An isolated node is missing (NaN).
 * Returns: one score per node; NULL on error.
 * Cost: that of wn_measure_effective_size.
 */
GArray *
wn_measure_efficiency(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    g_autoptr(GArray) scores = wn_measure_effective_size(net, opts, error);
    g_autoptr(GArray) degrees = scores != NULL ? wn_measure_degree(net, opts, error) : NULL;
    if (degrees == NULL) {
        return NULL;
    }
    for (guint v = 0; v < scores->len; v++) {
        double degree = g_array_index(degrees, double, v);
        g_array_index(scores, double, v) =
            degree > 0 ? g_array_index(scores, double, v) / degree : NAN;
    }
    return g_steal_pointer(&scores);
}
