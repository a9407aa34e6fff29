/* strength.c: the sum of the weights of a node's ties */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

/* Each node's strength (@weighted: csr->strength, its row's weights summed in order, as
 * igraph_strength sums them) or its degree. Returns: (transfer full): n doubles. */
double *
wn_measure__strengths(const WnCsr *csr, gboolean weighted)
{
    double *out = g_new(double, csr->n + 1);
    for (gsize v = 0; v < csr->n; v++) {
        out[v] = weighted ? csr->strength[v] : (double) wn_csr__degree(csr, v);
    }
    return out;
}

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
    (void) opts, (void) error;
    const WnCsr *csr = wn_csr__shared(net);
    g_autofree double *strength = wn_measure__strengths(csr, TRUE);
    return wn_scores__from_doubles(strength, csr->n);
}
