/* burt.c: Burt's constraint, hierarchy and effective size for every node in one pass, over threads
 */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

#include <math.h>
#include <string.h>

#define NODES_PER_TASK 2048

/* Burt's measures as the measure files define them: one thread's scratch for the ego i
 * in hand, with its contacts at positions 0 … d − 1 of its row. */
typedef struct {
    guint32 *mark, *at; /* as Scratch */
    double *contrib;    /* constraint: p_ij + Σ_q p_iq p_qj, summed in igraph's order */
    double *share;      /* hierarchy: p_ij */
    double *indirect;   /* hierarchy: Σ_q p_iq p_qj, summed in hierarchy.c's order */
} BurtScratch;

typedef struct {
    const WnCsr *csr;
    const WnBurtInput *in;
    gsize max_degree;
    WnBurt *out;
    BurtScratch *scratch; /* one per worker, allocated on first use */
} BurtJob;

static double
burt_weight(const BurtJob *job, gsize k)
{
    return job->in->weight != NULL ? job->in->weight[k] : 1.0;
}

/* The direct shares of @i's ties, and its contacts marked in w->mark. */
static void
burt_direct(const BurtJob *job, gsize i, BurtScratch *w)
{
    const WnCsr *csr = job->csr;
    for (gsize a = 0; a < wn_csr__degree(csr, i); a++) {
        gsize k = csr->start[i] + a;
        w->mark[csr->adj[k]] = (guint32) i + 1;
        w->at[csr->adj[k]] = (guint32) a;
        w->contrib[a] = burt_weight(job, k) / job->in->strength[i];
        w->share[a] = burt_weight(job, k) / job->in->total[i];
        w->indirect[a] = 0.0;
    }
}

/* One two-step path i − x − y (y at slot @b of i's row, the tie x − y at CSR slot @k):
 * igraph_constraint adds w_ix·w_xy/S_i/S_x to y's contribution, hierarchy.c adds
 * p_ix·w_xy/T_x to y's indirect share (when p_iy > 0). */
static void
add_path(const BurtJob *job, BurtScratch *w, gsize i, gsize a, gsize x, gsize b, gsize k)
{
    double w_ix = burt_weight(job, job->csr->start[i] + a), w_xy = burt_weight(job, k);
    w->contrib[b] += w_ix * w_xy / job->in->strength[i] / job->in->strength[x];
    if (w->share[b] > 0) {
        w->indirect[b] += w->share[a] * w_xy / job->in->total[x];
    }
}

/* The slot of @y in @x's row, or G_MAXSIZE (rows are sorted). */
static gsize
find_in_row(const WnCsr *csr, gsize x, guint32 y)
{
    gsize lo = csr->start[x], hi = csr->start[x + 1];
    while (lo < hi) {
        gsize mid = lo + (hi - lo) / 2;
        if (csr->adj[mid] < y) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < csr->start[x + 1] && csr->adj[lo] == y ? lo : G_MAXSIZE;
}

/* The paths through contact x (slot @a of @i's row): by walking x's row for contacts of i,
 * or, when x has many more ties than i (a hub), by looking each contact of i up in x's
 * row. Each y gets at most one term from x, so the order within x changes no sum.
 * Returns: the number of paths. */
static gsize
paths_through(const BurtJob *job, gsize i, gsize a, BurtScratch *w)
{
    const WnCsr *csr = job->csr;
    gsize x = csr->adj[csr->start[i] + a], ends = 0;
    gsize d_i = wn_csr__degree(csr, i), d_x = wn_csr__degree(csr, x);
    if (d_x / 32 > d_i) {
        for (gsize b = 0; b < d_i; b++) {
            gsize k = find_in_row(csr, x, csr->adj[csr->start[i] + b]);
            if (k != G_MAXSIZE) {
                add_path(job, w, i, a, x, b, k);
                ends++;
            }
        }
        return ends;
    }
    for (gsize k = csr->start[x]; k < csr->start[x + 1]; k++) {
        if (w->mark[csr->adj[k]] == (guint32) i + 1) {
            add_path(job, w, i, a, x, w->at[csr->adj[k]], k);
            ends++;
        }
    }
    return ends;
}

/*
 * The two-step paths i − x − y between contacts x and y of @i, x in row order
 * (add_path), so each y's terms are summed in the order of the measures.
 * Returns: the number of such paths, twice the ties among i's contacts.
 * Cost: Σ_x min(d_x, d_i·log d_x) over i's contacts x (a hub's row is searched, not walked).
 */
static gsize
burt_indirect(const BurtJob *job, gsize i, BurtScratch *w)
{
    gsize ends = 0;
    for (gsize a = 0; a < wn_csr__degree(job->csr, i); a++) {
        ends += paths_through(job, i, a, w);
    }
    return ends;
}

/* Burt's H from the contributions c_ij = (p_ij + indirect_ij)², as hierarchy.c. */
static double
burt_hierarchy(const BurtScratch *w, gsize d)
{
    double total = 0.0, sum = 0.0, n = (double) d;
    for (gsize a = 0; a < d; a++) {
        double c = w->share[a] + w->indirect[a];
        total += c * c;
    }
    for (gsize a = 0; a < d; a++) {
        double c = w->share[a] + w->indirect[a];
        double ratio = c * c / (total / n);
        sum += ratio * log(ratio);
    }
    return d > 1 ? sum / (n * log(n)) : NAN;
}

static void
burt_of(const BurtJob *job, gsize i, BurtScratch *w)
{
    gsize d = wn_csr__degree(job->csr, i);
    if (d == 0) {
        job->out->constraint[i] = job->out->hierarchy[i] = NAN;
        job->out->effective_size[i] = 0.0;
        return;
    }
    burt_direct(job, i, w);
    gsize ends = burt_indirect(job, i, w);
    double c = 0.0;
    for (gsize a = 0; a < d; a++) {
        c += w->contrib[a] * w->contrib[a];
    }
    job->out->constraint[i] = c;
    job->out->hierarchy[i] = burt_hierarchy(w, d);
    job->out->effective_size[i] = (double) d - (double) ends / (double) d;
}

static void
run_burt_task(gsize first, gsize last, guint worker, gpointer data)
{
    const BurtJob *job = data;
    BurtScratch *w = &job->scratch[worker];
    if (w->mark == NULL) {
        w->mark = g_new0(guint32, job->csr->n + 1);
        w->at = g_new(guint32, job->csr->n + 1);
        w->contrib = g_new(double, 3 * (job->max_degree + 1));
        w->share = w->contrib + job->max_degree + 1;
        w->indirect = w->share + job->max_degree + 1;
    }
    for (gsize i = first; i < last; i++) {
        burt_of(job, i, w);
    }
}

/**
 * wn_burt__compute:
 * Burt's constraint, hierarchy and effective size of every node in one pass over the
 * two-step paths, each computed with the very operations, in the very order, of the
 * measure it stands for, so the results are the same bit for bit: constraint as
 * igraph_constraint (shares w/@in->strength, contributions summed contact by contact in
 * row order), hierarchy as measures/hierarchy.c (shares w/@in->total) and effective size
 * d − 2t/d (0 without ties, where constraint and hierarchy are NaN; hierarchy is NaN
 * for one contact too). Each node is computed by one thread (of this rank's nodes, when
 * ranks share the work: wn_ranks__run_nodes), so the result does not depend on @threads
 * or the ranks.
 * Cost: O(Σ_i Σ_{x∈N(i)} min(d_x, 32·d_i·log d_x)), near-linear on a star of any size;
 * two n-slot arrays per thread.
 */
void
wn_burt__compute(const WnCsr *csr, const WnBurtInput *in, guint threads, WnBurt *out)
{
    guint workers = wn_parallel__threads(threads);
    g_autofree BurtScratch *scratch = g_new0(BurtScratch, workers);
    BurtJob job = {csr, in, 0, out, scratch};
    for (gsize v = 0; v < csr->n; v++) {
        job.max_degree = MAX(job.max_degree, wn_csr__degree(csr, v));
    }
    WnNodeArray arrays[] = {{out->constraint, sizeof(double)},
                            {out->hierarchy, sizeof(double)},
                            {out->effective_size, sizeof(double)},
                            {NULL, 0}};
    wn_ranks__run_nodes("burt", "nodes", csr->n, NODES_PER_TASK, threads, run_burt_task, &job,
                        arrays);
    for (guint i = 0; i < workers; i++) {
        g_free(scratch[i].mark);
        g_free(scratch[i].at);
        g_free(scratch[i].contrib);
    }
}
