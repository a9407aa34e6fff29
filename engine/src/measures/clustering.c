/* clustering.c: the share of a node's pairs of neighbours who are tied themselves */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

/* Rows per task of the parallel pass. */
#define ROWS_PER_TASK 4096

typedef struct {
    const WnCsr *csr;
    double *out;
    guint32 **mark; /* per worker: mark[x] = v + 1 when x is a neighbour of v */
} Job;

/* The coefficients of nodes first … last − 1: the ties among each node's neighbours,
 * counted from both ends, then divided as igraph_transitivity_local_undirected divides
 * (t / d / (d − 1) · 2), so each value is igraph's to the last bit. */
static void
coefficient_rows(gsize first, gsize last, guint worker, gpointer data)
{
    const Job *job = data;
    const WnCsr *csr = job->csr;
    if (job->mark[worker] == NULL) {
        job->mark[worker] = g_new0(guint32, csr->n + 1);
    }
    guint32 *mark = job->mark[worker];
    for (gsize v = first; v < last; v++) {
        gsize d = wn_csr__degree(csr, v), ends = 0;
        if (d < 2) {
            job->out[v] = 0.0;
            continue;
        }
        for (gsize k = csr->start[v]; k < csr->start[v + 1]; k++) {
            mark[csr->adj[k]] = (guint32) v + 1;
        }
        for (gsize k = csr->start[v]; k < csr->start[v + 1]; k++) {
            guint32 u = csr->adj[k];
            for (gsize j = csr->start[u]; j < csr->start[u + 1]; j++) {
                ends += mark[csr->adj[j]] == (guint32) v + 1;
            }
        }
        double triangles = (double) (ends / 2);
        job->out[v] = triangles / (double) d / (double) (d - 1) * 2.0;
    }
}

/**
 * wn_measure_clustering:
 * Local clustering coefficient (Watts & Strogatz 1998): ties among the neighbours of v
 * divided by d(d−1)/2; always unweighted; 0 for a node with fewer than two neighbours,
 * as NetworkX's clustering.
 * Returns: one score per node; NULL on error.
 * Cost: O(Σ_v Σ_{u∈N(v)} degree(u)) over the threads, 4 bytes per node and thread.
 */
GArray *
wn_measure_clustering(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts, (void) error;
    const WnCsr *csr = wn_csr__shared(net);
    GArray *scores = wn_scores__new(csr->n);
    guint workers = wn_parallel__threads(0);
    g_autofree guint32 **mark = g_new0(guint32 *, workers);
    Job job = {csr, (double *) (void *) scores->data, mark};
    wn_parallel__run_ranges(0, csr->n, ROWS_PER_TASK, 0, coefficient_rows, &job);
    for (guint i = 0; i < workers; i++) {
        g_free(mark[i]);
    }
    return scores;
}
