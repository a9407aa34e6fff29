/* effective-size.c: Burt's effective size, the contacts that are not redundant */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

/**
 * wn_measure_effective_size:
 * Burt's effective size (Burt 1992, Structural Holes, p. 52) in Borgatti's form for
 * undirected unweighted networks (Borgatti 1997, "Structural holes: unpacking Burt's
 * redundancy measures", Connections 20(1)): n − 2t/n for a node with n contacts and t
 * ties among them, as NetworkX's effective_size. A node whose contacts are not tied
 * to each other scores n. Always unweighted: opts->weighted is ignored (Burt's
 * weighted redundancy is not implemented). An isolated node scores 0, where NetworkX
 * gives NaN: it has no contact, so no non-redundant one. Computed with the unweighted
 * constraint and hierarchy in one pass (wn_measure__burt).
 * Returns: one score per node; NULL on error.
 * Cost: O(Σ_i Σ_{j contact of i} degree(j)) over the threads, once per network; O(n)
 * after.
 */
GArray *
wn_measure_effective_size(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts;
    const WnBurt *burt = wn_measure__burt(net, FALSE, error);
    return burt != NULL ? wn_scores__from_doubles(burt->effective_size, net->n) : NULL;
}
