/* measures/measures.h: the measures' shared parts: the Brandes and Burt kernels, sampled distance
 * sums */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_MEASURES_MEASURES_H
#define WN_MEASURES_MEASURES_H

#include "core/core.h"

/* brandes.c: Brandes, and the sums of d and 1/d, from @sources (the sample of
 * wn_random__sample_sources, util/random.c), summed in a fixed order; not scaled */
double *wn_brandes__dependency_sum(const WnCsr *csr, const guint32 *sources, gsize k,
                                   guint threads);
void wn_brandes__distance_sums(const WnCsr *csr, const guint32 *sources, gsize k, guint threads,
                               double **sum_out, double **inverse_out);
void wn_brandes__dependency_and_distance_sums(const WnCsr *csr, const guint32 *sources, gsize k,
                                              guint threads, double **dependency_out,
                                              double **distance_out, double **inverse_out);
gsize wn_brandes__levels_up_to(gsize nodes);
guint64 wn_brandes__dag_lists_up_to(guint64 bytes);
/* brandes-batch.c: the dependency sums of up to 64 sources per pass (small graphs) */
gsize wn_brandes__batched_up_to(gsize nodes);
gboolean wn_brandes__batched(const WnCsr *csr, gsize k);
void wn_brandes__run_batches(const WnCsr *csr, const guint32 *sources, gsize k, guint threads,
                             WnSumTree *sum);

/* measures/closeness.c: Σ d(s, v) or Σ 1/d(s, v) over the opts->samples sources s ≠ v
 * reaching v, in hops on the kernel or weighted by igraph's Dijkstra; both sums in one
 * pass, cached (shared by closeness and harmonic) */
const double *wn_measure__distance_sum(const WnNetwork *net, const WnMeasureOptions *opts,
                                       gboolean inverse, GError **error);
gboolean wn_measure__has_distance_sums(const WnNetwork *net, const WnMeasureOptions *opts);
void wn_measure__keep_distance_sums(const WnNetwork *net, const WnMeasureOptions *opts, double *sum,
                                    double *inverse);

/* distances.c: from every node, in hops, the sums igraph's exact closeness and harmonic
 * centrality make (bit for bit), on the threads; closeness.c keeps them per network */
typedef struct {
    double *sum;     /* Σ d(s, v) over the nodes v that s reaches */
    double *inverse; /* Σ 1/d(s, v) */
    gsize *reached;  /* how many nodes s reaches, itself left out */
} WnSourceSums;
WnSourceSums *wn_distances__from_every_node(const WnCsr *csr, guint threads);
void wn_source_sums__free(WnSourceSums *sums);
const WnSourceSums *wn_measure__source_sums(const WnNetwork *net, GError **error);

/* Sampled measures in everyday analyse: above this many nodes, betweenness, closeness and
 * harmonic are estimated from WN_ESTIMATE_SAMPLES sources (analyse.c, brokerage.c). */
#define WN_ESTIMATE_MIN_NODES 20000
#define WN_ESTIMATE_SAMPLES 256

/* burt.c: the constraint, hierarchy and effective_size measures in one pass, bit
 * for bit as igraph_constraint and measures/hierarchy.c compute them */
typedef struct {
    const double *weight;   /* per CSR slot (csr->weight), or NULL: every tie weighs 1 */
    const double *strength; /* constraint's Σ_k w_ik per node, as igraph_strength sums it */
    const double *total;    /* hierarchy's Σ_k w_ik per node, summed in tie order */
} WnBurtInput;
typedef struct {
    double *constraint, *hierarchy, *effective_size; /* n slots each, filled */
} WnBurt;
void wn_burt__compute(const WnCsr *csr, const WnBurtInput *in, guint threads, WnBurt *out);

/* measures/constraint.c: wn_burt__compute's three measures, weighted or not, cached per
 * network (shared by constraint, hierarchy, effective_size and efficiency) */
const WnBurt *wn_measure__burt(const WnNetwork *net, gboolean weighted, GError **error);

/* strength.c: each node's strength (@weighted) or degree, as igraph_strength gives
 * them: the weights of its row summed in order; a new array of n doubles */
double *wn_measure__strengths(const WnCsr *csr, gboolean weighted);

/* two-step.c: the counted nodes within two steps of a node, in the subgraph induced by
 * the member nodes (at_risk_reach, reach2); one counter per thread */
typedef struct _WnTwoStep WnTwoStep;
WnTwoStep *wn_two_step__new(const WnCsr *csr, const guint8 *member, const guint8 *counted);
void wn_two_step__free(WnTwoStep *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnTwoStep, wn_two_step__free)
gsize wn_two_step__count(WnTwoStep *s, guint32 v);

#endif /* WN_MEASURES_MEASURES_H */
