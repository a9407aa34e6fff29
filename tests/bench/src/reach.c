/* reach.c: the informal layer's degree, two-step reach and weak share, over threads */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bench.h"

#include <math.h>

typedef struct {
    const WnCsr *csr;
    const guint8 *kinds;
    gsize per_task;
    gint64 *informal; /* every node's informal degree (residents and groups) */
    WnReach *out;
    guint32 **seen; /* one n-slot stamp array per worker, allocated on first use */
} Job;

static gboolean
is_informal(guint8 kind)
{
    return kind == WN_NODE_RESIDENT || kind == WN_NODE_GROUP;
}

static void
count_informal(gsize task, guint worker, gpointer data)
{
    (void) worker;
    const Job *job = data;
    const WnCsr *csr = job->csr;
    gsize last = MIN(csr->n, (task + 1) * job->per_task);
    for (gsize v = task * job->per_task; v < last; v++) {
        gint64 d = 0;
        for (gsize k = csr->start[v]; k < csr->start[v + 1]; k++) {
            d += is_informal(job->kinds[csr->adj[k]]);
        }
        job->informal[v] = is_informal(job->kinds[v]) ? d : 0;
    }
}

/* Counts @x when it is a resident not yet seen from the same ego (stamp). */
static gint64
count_new_resident(const Job *job, guint32 x, guint32 *seen, guint32 stamp)
{
    if (job->kinds[x] != WN_NODE_RESIDENT || seen[x] == stamp) {
        return 0;
    }
    seen[x] = stamp;
    return 1;
}

/* Residents x ≠ r within two informal steps of r; @seen holds r + 1 for those counted. */
static gint64
reach_of(const Job *job, gsize r, guint32 *seen)
{
    const WnCsr *csr = job->csr;
    guint32 stamp = (guint32) r + 1;
    gint64 reach = 0;
    seen[r] = stamp;
    for (gsize k = csr->start[r]; k < csr->start[r + 1]; k++) {
        guint32 y = csr->adj[k];
        if (!is_informal(job->kinds[y])) {
            continue;
        }
        reach += count_new_resident(job, y, seen, stamp);
        for (gsize l = csr->start[y]; l < csr->start[y + 1]; l++) {
            reach += count_new_resident(job, csr->adj[l], seen, stamp);
        }
    }
    return reach;
}

static double
weak_share_of(const Job *job, gsize r)
{
    const WnCsr *csr = job->csr;
    gint64 weak = 0;
    for (gsize k = csr->start[r]; k < csr->start[r + 1]; k++) {
        guint32 y = csr->adj[k];
        weak += is_informal(job->kinds[y]) && job->informal[y] <= 1;
    }
    gint64 d = job->informal[r];
    return d > 0 ? (double) weak / (double) d : NAN;
}

static void
reach_task(gsize task, guint worker, gpointer data)
{
    const Job *job = data;
    if (job->seen[worker] == NULL) {
        job->seen[worker] = g_new0(guint32, job->csr->n + 1);
    }
    guint32 *seen = job->seen[worker];
    gsize last = MIN(job->csr->n, (task + 1) * job->per_task);
    for (gsize r = task * job->per_task; r < last; r++) {
        gboolean resident = job->kinds[r] == WN_NODE_RESIDENT;
        job->out->informal_degree[r] = resident ? job->informal[r] : -1;
        job->out->reach2[r] = resident ? reach_of(job, r, seen) : -1;
        job->out->weak_share[r] = resident ? weak_share_of(job, r) : NAN;
    }
}

/**
 * wn_bench__reach:
 * For each resident r on the informal layer (the ties between residents and groups,
 * docs/WORKLOAD.md step 5): informal_degree(r); reach2(r), the residents x ≠ r at one or two
 * informal steps (a fellow member of a group counts); and weak_share(r), the share of
 * r's informal contacts (residents or groups) whose own informal degree is at most 1,
 * NaN when r has none. Non-residents get −1 and NaN. Each resident is computed by one
 * thread, so the result does not depend on @threads.
 * Cost: O(Σ_r Σ_{y∈N(r)} degree(y)); one n-slot stamp array per thread.
 */
void
wn_bench__reach(const WnCsr *csr, const guint8 *kinds, guint threads, WnReach *out)
{
    guint workers = wn_parallel__threads(threads);
    g_autofree gint64 *informal = g_new0(gint64, csr->n + 1);
    g_autofree guint32 **seen = g_new0(guint32 *, workers);
    Job job = {csr, kinds, 2048, informal, out, seen};
    gsize tasks = (csr->n + job.per_task - 1) / job.per_task;
    wn_parallel__run(tasks, threads, count_informal, &job);
    wn_parallel__run(tasks, threads, reach_task, &job);
    for (guint i = 0; i < workers; i++) {
        g_free(seen[i]);
    }
}
