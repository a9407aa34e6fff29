/* reach.c: at_risk_reach, the at-risk residents within two steps of each node */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"
#include "measures/measures.h"

#define REACH_NODES_PER_TASK 4096

static gboolean
is_at_risk(guint8 status)
{
    return status == WN_STATUS_ISOLATED || status == WN_STATUS_FORMAL_ONLY ||
           status == WN_STATUS_FRAGILE;
}

/* The two-step counts over threads (and ranks): each node is counted by one thread. */
typedef struct {
    const WnCsr *csr;
    const guint8 *at_risk; /* 1 per at-risk resident */
    double *reach;
    WnTwoStep **counter; /* per worker, made on first use */
} ReachJob;

static void
run_reach_task(gsize first, gsize last, guint worker, gpointer data)
{
    const ReachJob *job = data;
    if (job->counter[worker] == NULL) {
        job->counter[worker] = wn_two_step__new(job->csr, NULL, job->at_risk);
    }
    for (gsize v = first; v < last; v++) {
        job->reach[v] = (double) wn_two_step__count(job->counter[worker], (guint32) v);
    }
}

static GArray *
compute_at_risk_reach(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts;
    g_autoptr(GArray) status = wn_isolation_status(net, error);
    if (status == NULL) {
        return NULL;
    }
    g_autofree guint8 *at_risk = g_new0(guint8, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        at_risk[v] = is_at_risk(g_array_index(status, guint8, v));
    }
    guint workers = wn_parallel__threads(0);
    g_autofree WnTwoStep **counter = g_new0(WnTwoStep *, workers);
    GArray *reach = wn_scores__new(net->n);
    ReachJob job = {wn_csr__shared(net), at_risk, (double *) (void *) reach->data, counter};
    WnNodeArray out[] = {{job.reach, sizeof(double)}, {NULL, 0}};
    wn_ranks__run_nodes("at_risk_reach", "nodes", net->n, REACH_NODES_PER_TASK, 0, run_reach_task,
                        &job, out);
    for (guint i = 0; i < workers; i++) {
        wn_two_step__free(counter[i]);
    }
    return reach;
}

/**
 * wn_measure_at_risk_reach:
 * Who hears first when someone slips away: the number of at-risk residents (status
 * isolated, formal_only or fragile, wn_isolation_status) within two steps of a node
 * over the whole network (all ties, formal ones included, conflicts excluded; a
 * directed dataset is read undirected). The node itself never counts; an isolated
 * node scores 0. Unweighted; @opts is not used. Counted over one thread per processor
 * on the shared CSR snapshot, once per network (the counts are kept in its cache, for
 * wn_brokers_table).
 * The ties of a hub (more than 128 ties) are not walked once per neighbour of the hub
 * (wn_two_step__count).
 * Returns: one count per node, in node order; NULL on error.
 * Cost: O(Σ_v Σ_{u ~ v, d_u ≤ 128} d_u) (at most 256·m), plus for a node next to h hubs
 * O(min(d_x, h·log d_x)) per at-risk node x it meets otherwise, plus once per distinct
 * set of hubs the sum of their degrees; wn_isolation_status the first time, O(n) after.
 * A star of 300,000 ties takes O(n log n). 8·n bytes kept, and 12·n bytes per thread
 * while counting.
 */
GArray *
wn_measure_at_risk_reach(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts;
    WnMeasureOptions none = WN_MEASURE_OPTIONS_INIT;
    const GArray *reach =
        wn_cache__scores(net, "at_risk_reach", &none, compute_at_risk_reach, error);
    return reach != NULL ? wn_scores__dup(reach) : NULL;
}
