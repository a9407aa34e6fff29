/* csr.h: the CSR snapshot, each network's cache of results, the parallel kernels */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_CSR_H
#define WN_CSR_H

#include "private.h"

/*
 * The undirected network as compressed sparse rows, built once: the neighbours of v
 * are adj[start[v]] … adj[start[v + 1] − 1] in increasing node order, and weight[k] is
 * the merged weight of the tie behind adj[k]. Read-only once built, so any number of
 * threads may share it (igraph may not be shared: DESIGN.md).
 */
typedef struct {
    gsize n, m; /* nodes, ties */
    gsize *start;
    guint32 *adj;
    double *weight;
    double *strength; /* sum of weights per node */
} WnCsr;

/* csr.c */
WnCsr *wn_csr__new(const WnNetwork *net);
const WnCsr *wn_csr__shared(const WnNetwork *net);
void wn_csr__free(WnCsr *csr);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnCsr, wn_csr__free)

/* measures.c: each network's cache of results, computed once and then shared read-only
 * by every caller and thread for as long as the network lives (keys: wn_cache__key) */
typedef gpointer (*WnCacheFunc)(const WnNetwork *net, gconstpointer data, GError **error);
gconstpointer wn_cache__get(const WnNetwork *net, const char *key, WnCacheFunc compute,
                            gconstpointer data, GDestroyNotify free_func, GError **error);
gconstpointer wn_cache__put(const WnNetwork *net, const char *key, gpointer data,
                            GDestroyNotify free_func);
gconstpointer wn_cache__peek(const WnNetwork *net, const char *key);
char *wn_cache__key(const char *what, const WnMeasureOptions *opts);
const GArray *wn_cache__scores(const WnNetwork *net, const char *what, const WnMeasureOptions *opts,
                               WnMeasureFunc compute, GError **error);
GArray *wn_scores__dup(const GArray *scores);
GArray *wn_scores__from_doubles(const double *values, gsize n);

static inline gsize
wn_csr__degree(const WnCsr *csr, gsize v)
{
    return csr->start[v + 1] - csr->start[v];
}

/* kernel-parallel.c: runs task(0 … n_tasks − 1, worker, data) over @threads threads (0:
 * one per processor); tasks are taken in order, each by one thread, so a task that
 * writes only its own slots gives the same result whatever the number of threads. */
typedef void (*WnTaskFunc)(gsize task, guint worker, gpointer data);
guint wn_kernel__threads(guint threads);
void wn_kernel__parallel(gsize n_tasks, guint threads, WnTaskFunc task, gpointer data);

/* kernel-betweenness.c: the splitmix64 source sample (WORKLOAD.md); Brandes, and the sums
 * of d and 1/d, from @sources, summed in a fixed order; not scaled */
guint32 *wn_kernel__sample_sources(gsize n, gsize k, guint64 seed);
double *wn_kernel__dependency_sum(const WnCsr *csr, const guint32 *sources, gsize k, guint threads);
void wn_kernel__distance_sums(const WnCsr *csr, const guint32 *sources, gsize k, guint threads,
                              double **sum_out, double **inverse_out);
void wn_kernel__dependency_and_distance_sums(const WnCsr *csr, const guint32 *sources, gsize k,
                                             guint threads, double **dependency_out,
                                             double **distance_out, double **inverse_out);

/* measures/closeness.c: Σ d(s, v) or Σ 1/d(s, v) over the opts->samples sources s ≠ v
 * reaching v, in hops on the kernel or weighted by igraph's Dijkstra; both sums in one
 * pass, cached (shared by closeness and harmonic) */
const double *wn_measure__distance_sum(const WnNetwork *net, const WnMeasureOptions *opts,
                                       gboolean inverse, GError **error);
gboolean wn_measure__has_distance_sums(const WnNetwork *net, const WnMeasureOptions *opts);
void wn_measure__keep_distance_sums(const WnNetwork *net, const WnMeasureOptions *opts, double *sum,
                                    double *inverse);

/* Sampled measures in everyday analyse: above this many nodes, betweenness, closeness and
 * harmonic are estimated from WN_ESTIMATE_SAMPLES sources (analyse.c, brokerage.c). */
#define WN_ESTIMATE_MIN_NODES 20000
#define WN_ESTIMATE_SAMPLES 256

/* kernel-holes.c: weighted Burt constraint and Borgatti's effective size (NaN: no tie) */
void wn_kernel__holes(const WnCsr *csr, guint threads, double *constraint_out,
                      double *effective_size_out);

/* kernel-holes.c: the constraint, hierarchy and effective_size measures in one pass, bit
 * for bit as igraph_constraint and measures/hierarchy.c compute them */
typedef struct {
    const double *weight;   /* per CSR slot (csr->weight), or NULL: every tie weighs 1 */
    const double *strength; /* constraint's Σ_k w_ik per node, as igraph_strength sums it */
    const double *total;    /* hierarchy's Σ_k w_ik per node, summed in tie order */
} WnBurtInput;
typedef struct {
    double *constraint, *hierarchy, *effective_size; /* n slots each, filled */
} WnBurt;
void wn_kernel__burt(const WnCsr *csr, const WnBurtInput *in, guint threads, WnBurt *out);

/* measures/constraint.c: wn_kernel__burt's three measures, weighted or not, cached per
 * network (shared by constraint, hierarchy, effective_size and efficiency) */
const WnBurt *wn_measure__burt(const WnNetwork *net, gboolean weighted, GError **error);

/* kernel-isolation.c: informal degree, reach2 and weak_share of each resident */
typedef struct {
    gint64 *informal_degree; /* −1 for non-residents (per-node arrays below alike) */
    gint64 *reach2;
    double *weak_share; /* NaN when undefined */
} WnReach;
void wn_kernel__reach(const WnCsr *csr, const guint8 *kinds, guint threads, WnReach *out);

/* kernel-suggest.c: the workload's five best candidates of each target */
#define WN_KERNEL_SUGGEST_TOP 5
typedef struct {
    guint32 candidate[WN_KERNEL_SUGGEST_TOP];
    double score[WN_KERNEL_SUGGEST_TOP];
    guint count;
} WnTop;
typedef struct {
    const WnCsr *csr;
    const guint8 *kinds;
    const guint32 *area;         /* area code per node; G_MAXUINT32 when none */
    const gsize *interest_start; /* interests of v: interest[interest_start[v] …] sorted */
    const guint32 *interest;
} WnSuggestInput;
void wn_kernel__suggest(const WnSuggestInput *in, const guint32 *targets, gsize n_targets,
                        guint threads, WnTop *out);

/* kernel-cuts.c: articulation points (1/0 per node) and bridges (guint64: lower index
 * << 32 | higher index, sorted) by one iterative depth-first search */
void wn_kernel__cuts(const WnCsr *csr, guint8 *articulation_out, GArray *bridges_out);

/* kernel-format.c: CSV text for the outputs, formatted over threads */
void wn_kernel__append_g10(GString *out, double x);
typedef void (*WnRowFunc)(GString *out, gsize row, gconstpointer data);
GString *wn_kernel__format_rows(gsize rows, guint threads, WnRowFunc row, gconstpointer data);

#endif /* WN_CSR_H */
