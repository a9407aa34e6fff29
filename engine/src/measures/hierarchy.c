/* hierarchy.c: Burt's hierarchy, how much of a node's constraint comes from one contact */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

/**
 * wn_measure_hierarchy:
 * Burt's hierarchy (Burt 1992, Structural Holes, p. 71): how unequally a node's
 * constraint is spread over its N contacts,
 * H_i = Σ_j (c_ij / (C/N)) ln(c_ij / (C/N)) / (N ln N),
 * where c_ij = (p_ij + Σ_q p_iq p_qj)² is the contribution of contact j to i's
 * constraint C = Σ_j c_ij (see wn_measure_constraint, whose p_ij, unweighted or with
 * opts->weighted, this shares). H is 0 when every contact constrains i equally and
 * tends to 1 when one contact holds all of it. Missing (NaN) for N ≤ 1 (N ln N = 0):
 * isolated nodes and nodes with a single contact. Here p_ij = w_ij / Σ_k w_ik with the
 * sum taken in tie order, and for each contact j the terms p_iq·p_qj are added contact
 * q by contact q in node order, then C and H contact by contact in node order
 * (wn_burt__compute), which fixes the roundings. Computed with constraint and effective
 * size in one pass (wn_measure__burt).
 * Returns: one score per node; NULL on error.
 * Cost: O(Σ_i Σ_{q contact of i} degree(q)) over the threads, once per network and
 * opts->weighted; O(n) after.
 */
GArray *
wn_measure_hierarchy(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    const WnBurt *burt = wn_measure__burt(net, opts->weighted, error);
    return burt != NULL ? wn_scores__from_doubles(burt->hierarchy, net->n) : NULL;
}
