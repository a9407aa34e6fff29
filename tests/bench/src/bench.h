/* bench.h: the profile workload and its own kernels (wijknet-bench), never in the library */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_BENCH_H
#define WN_BENCH_H

#include "measures/measures.h"

/* workload.c: the profile workload (docs of tests/bench/README.md) */
typedef struct {
    guint threads; /* worker threads for the parallel steps; 0 = one per processor */
} WnWorkloadOptions;
#define WN_WORKLOAD_OPTIONS_INIT                                                                   \
    {                                                                                              \
        0                                                                                          \
    }
typedef void (*WnStepFunc)(const char *step, double seconds, gpointer user_data);
gboolean wn_workload_profile(const char *dataset, const char *out_dir,
                             const WnWorkloadOptions *opts, WnStepFunc on_step, gpointer user_data,
                             GError **error);
GArray *wn_workload_betweenness(const WnNetwork *net, const WnWorkloadOptions *opts);

/* holes.c: weighted Burt constraint and Borgatti's effective size (NaN: no tie) */
void wn_bench__holes(const WnCsr *csr, guint threads, double *constraint_out,
                     double *effective_size_out);

/* reach.c: informal degree, reach2 and weak_share of each resident */
typedef struct {
    gint64 *informal_degree; /* −1 for non-residents (per-node arrays below alike) */
    gint64 *reach2;
    double *weak_share; /* NaN when undefined */
} WnReach;
void wn_bench__reach(const WnCsr *csr, const guint8 *kinds, guint threads, WnReach *out);

/* suggest-top.c: the workload's five best candidates of each target */
#define WN_BENCH_SUGGEST_TOP 5
typedef struct {
    guint32 candidate[WN_BENCH_SUGGEST_TOP];
    double score[WN_BENCH_SUGGEST_TOP];
    guint count;
} WnTop;
typedef struct {
    const WnCsr *csr;
    const guint8 *kinds;
    const guint32 *area;         /* area code per node; G_MAXUINT32 when none */
    const gsize *interest_start; /* interests of v: interest[interest_start[v] …] sorted */
    const guint32 *interest;
} WnSuggestInput;
void wn_bench__suggest(const WnSuggestInput *in, const guint32 *targets, gsize n_targets,
                       guint threads, WnTop *out);

#endif /* WN_BENCH_H */
