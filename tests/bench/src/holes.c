/* holes.c: the profile workload's Burt constraint and effective size for every node, over threads
 */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bench.h"

#include <math.h>
#include <string.h>

#define NODES_PER_TASK 2048

/* One thread's scratch: for the node i in hand, at[j] is j's position in i's row when
 * mark[j] = i + 1 (no clearing between nodes). */
typedef struct {
    guint32 *mark, *at;
    double *indirect;
} Scratch;

typedef struct {
    const WnCsr *csr;
    gsize max_degree;
    double *constraint, *effective_size;
    Scratch *scratch; /* one per worker, allocated on first use */
} Job;

/*
 * For node @i with contacts j (row of i): indirect[j] = Σ_q p_iq·p_qj over the
 * contacts q of i tied to j, and the number of ends of ties among the contacts.
 */
static gsize
indirect_shares(const WnCsr *csr, gsize i, Scratch *w)
{
    gsize d = wn_csr__degree(csr, i), ends = 0;
    for (gsize a = 0; a < d; a++) {
        guint32 j = csr->adj[csr->start[i] + a];
        w->mark[j] = (guint32) i + 1;
        w->at[j] = (guint32) a;
    }
    for (gsize a = 0; a < d; a++) {
        gsize q = csr->adj[csr->start[i] + a];
        double p_iq = csr->weight[csr->start[i] + a] / csr->strength[i];
        for (gsize k = csr->start[q]; k < csr->start[q + 1]; k++) {
            guint32 j = csr->adj[k];
            if (w->mark[j] == (guint32) i + 1) {
                w->indirect[w->at[j]] += p_iq * (csr->weight[k] / csr->strength[q]);
                ends++;
            }
        }
    }
    return ends;
}

static void
holes_of(const Job *job, gsize i, Scratch *w)
{
    double *indirect = w->indirect;
    const WnCsr *csr = job->csr;
    gsize d = wn_csr__degree(csr, i);
    if (d == 0) {
        job->constraint[i] = job->effective_size[i] = NAN;
        return;
    }
    memset(indirect, 0, d * sizeof(double));
    gsize ends = indirect_shares(csr, i, w);
    double c = 0.0;
    for (gsize a = 0; a < d; a++) {
        double p = csr->weight[csr->start[i] + a] / csr->strength[i] + indirect[a];
        c += p * p;
    }
    job->constraint[i] = c;
    /* each tie among the contacts was seen from both ends: t = ends/2, d − 2t/d */
    job->effective_size[i] = (double) d - (double) ends / (double) d;
}

static void
run_task(gsize task, guint worker, gpointer data)
{
    const Job *job = data;
    Scratch *w = &job->scratch[worker];
    if (w->indirect == NULL) {
        w->indirect = g_new(double, job->max_degree + 1);
        w->mark = g_new0(guint32, job->csr->n + 1);
        w->at = g_new(guint32, job->csr->n + 1);
    }
    gsize last = MIN(job->csr->n, (task + 1) * NODES_PER_TASK);
    for (gsize i = task * NODES_PER_TASK; i < last; i++) {
        holes_of(job, i, w);
    }
}

/**
 * wn_bench__holes:
 * Burt's constraint with weights, c_i = Σ_j (p_ij + Σ_{q≠j} p_iq·p_qj)² with
 * p_ij = w_ij/strength(i) (docs/WORKLOAD.md step 3, NetworkX constraint(weight=…)), and
 * Borgatti's effective size d_i − 2·t_i/d_i with t_i the ties among i's d_i contacts.
 * Both are NaN for a node without ties. Each node is computed by one thread, so the
 * result does not depend on @threads.
 * Cost: O(Σ_i Σ_{q∈N(i)} degree(q)); two n-slot arrays per thread.
 */
void
wn_bench__holes(const WnCsr *csr, guint threads, double *constraint_out, double *effective_size_out)
{
    guint workers = wn_parallel__threads(threads);
    g_autofree Scratch *scratch = g_new0(Scratch, workers);
    Job job = {csr, 0, constraint_out, effective_size_out, scratch};
    for (gsize v = 0; v < csr->n; v++) {
        job.max_degree = MAX(job.max_degree, wn_csr__degree(csr, v));
    }
    gsize tasks = (csr->n + NODES_PER_TASK - 1) / NODES_PER_TASK;
    wn_parallel__run(tasks, threads, run_task, &job);
    for (guint i = 0; i < workers; i++) {
        g_free(scratch[i].indirect);
        g_free(scratch[i].mark);
        g_free(scratch[i].at);
    }
}
