/* constraint.c: Burt's constraint, how much a node's contacts are tied to each other */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

#include <math.h>

static void
burt_free(gpointer p)
{
    WnBurt *burt = p;
    g_free(burt->constraint);
    g_free(burt->hierarchy);
    g_free(burt->effective_size);
    g_free(burt);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnBurt, burt_free)

/* Each node's Σ_k w_ik as hierarchy.c sums it: tie by tie, in tie order. */
static double *
tie_order_strength(const WnNetwork *net)
{
    double *total = g_new0(double, net->n + 1);
    for (gsize t = 0; t < net->m; t++) {
        total[net->tie_from[t]] += net->tie_weight[t];
        total[net->tie_to[t]] += net->tie_weight[t];
    }
    return total;
}

/* Computes the three measures, weighted when @data is non-NULL. */
static gpointer
compute_burt(const WnNetwork *net, gconstpointer data, GError **error)
{
    const WnCsr *csr = wn_csr__shared(net);
    gsize n = net->n;
    (void) error;
    g_autofree double *strength = wn_measure__strengths(csr, data != NULL);
    g_autofree double *total = NULL;
    if (data != NULL) {
        total = tie_order_strength(net);
    }
    WnBurtInput in = {data != NULL ? csr->weight : NULL, strength, data != NULL ? total : strength};
    g_autoptr(WnBurt) burt = g_new0(WnBurt, 1);
    burt->constraint = g_new(double, n + 1);
    burt->hierarchy = g_new(double, n + 1);
    burt->effective_size = g_new(double, n + 1);
    wn_burt__compute(csr, &in, 0, burt);
    return g_steal_pointer(&burt);
}

/**
 * wn_measure__burt:
 * Constraint, hierarchy and effective size of every node (wn_burt__compute), with
 * @weighted tie strengths or all ties 1: computed once per network and @weighted, then
 * kept in the network's cache.
 * Returns: (transfer none): the three measures, living as long as @net; NULL on error.
 * Cost: O(Σ_i Σ_{x∈N(i)} degree(x)) over the threads the first time; 24·n bytes kept.
 */
const WnBurt *
wn_measure__burt(const WnNetwork *net, gboolean weighted, GError **error)
{
    static const int yes = 1;
    return wn_cache__get(net, weighted ? "burt|weighted=1" : "burt|weighted=0", compute_burt,
                         weighted ? &yes : NULL, burt_free, error);
}

/**
 * wn_measure_constraint:
 * Burt's aggregate constraint (Burt 1992, Structural Holes, p. 55):
 * C_i = Σ_j (p_ij + Σ_q p_iq p_qj)², over the contacts j of i and the contacts q of i
 * other than i and j, where p_ij is the share of i's ties that go to j: 1/degree(i)
 * unweighted, and w_ij / Σ_k w_ik with opts->weighted (NetworkX's
 * normalized_mutual_weight on an undirected graph; igraph_constraint, whose operations
 * and order wn_burt__compute follows, so the results are igraph's bit for bit). Low
 * constraint means the contacts are not tied to each other: the node spans structural
 * holes. A node with one contact scores 1; an isolated node is missing (NaN), as
 * NetworkX. Computed with hierarchy and effective size in one pass (wn_measure__burt).
 * Returns: one score per node; NULL on error.
 * Cost: O(Σ_i Σ_{j contact of i} degree(j)) over the threads, once per network and
 * opts->weighted; O(n) after.
 */
GArray *
wn_measure_constraint(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    const WnBurt *burt = wn_measure__burt(net, opts->weighted, error);
    return burt != NULL ? wn_scores__from_doubles(burt->constraint, net->n) : NULL;
}
