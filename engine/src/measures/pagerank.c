/* pagerank.c: the share of time a random walker spends at each node (damping 0.85) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

#include <math.h>

#define DAMPING 0.85
/* Rows per task: fixed, so the partial sums below do not depend on the threads. */
#define ROWS_PER_TASK 4096
/* Stop when an iteration changes the scores by less than this in L1 norm: the scores
 * are then within DAMPING / (1 − DAMPING) times that (5.7e-14) of the fixed point. */
#define TOLERANCE 1e-14
/* Each iteration shrinks the change by DAMPING at least, so 1e-14 is reached in about
 * 200 iterations; the cap only guards against rounding that would never get there. */
#define MAX_ITERATIONS 1000

/* One iteration, shared read-only by the tasks but for their own rows and block slots. */
typedef struct {
    const WnCsr *csr;
    gboolean weighted;
    double base;        /* teleport and the dangling nodes' share, the same for every node */
    const double *rank; /* this iteration's scores */
    const double *out;  /* rank[u] / (strength or degree of u): what u hands each tie */
    double *next_rank, *next_out;
    double *dangling; /* per block: Σ next_rank of the nodes without ties */
    double *change;   /* per block: Σ |next_rank − rank| */
} Step;

/* What a node hands each of its ties: its score over its strength (degree when not
 * weighted), 0 for a node without ties, whose score goes to all nodes through base. */
static double
share_per_weight(const Step *s, gsize v, double rank)
{
    double total = s->weighted ? s->csr->strength[v] : (double) wn_csr__degree(s->csr, v);
    return total > 0 ? rank / total : 0.0;
}

/* Σ over v's row, in CSR order, of what each neighbour hands v. */
static double
pull(const WnCsr *csr, const double *out, gboolean weighted, gsize v)
{
    double sum = 0.0;
    if (weighted) {
        for (gsize k = csr->start[v]; k < csr->start[v + 1]; k++) {
            sum += csr->weight[k] * out[csr->adj[k]];
        }
    } else {
        for (gsize k = csr->start[v]; k < csr->start[v + 1]; k++) {
            sum += out[csr->adj[k]];
        }
    }
    return sum;
}

/* The rows of one block: each node pulls from its row in CSR order, so its sum is the
 * same whichever thread computes it. */
static void
step_rows(gsize task, guint worker, gpointer data)
{
    (void) worker;
    Step *s = data;
    const WnCsr *csr = s->csr;
    gsize last = MIN(csr->n, (task + 1) * ROWS_PER_TASK);
    double dangling = 0.0, change = 0.0;
    for (gsize v = task * ROWS_PER_TASK; v < last; v++) {
        double rank = s->base + DAMPING * pull(csr, s->out, s->weighted, v);
        s->next_rank[v] = rank;
        s->next_out[v] = share_per_weight(s, v, rank);
        dangling += csr->start[v] == csr->start[v + 1] ? rank : 0.0;
        change += fabs(rank - s->rank[v]);
    }
    s->dangling[task] = dangling;
    s->change[task] = change;
}

/* Σ values[0 … n − 1] from left to right: the blocks' sums in a fixed order. */
static double
sum_in_order(const double *values, gsize n)
{
    double sum = 0.0;
    for (gsize i = 0; i < n; i++) {
        sum += values[i];
    }
    return sum;
}

/* The power iteration, from the uniform vector; returns the scores, not yet normalised. */
static double *
iterate(const WnCsr *csr, gboolean weighted)
{
    gsize n = csr->n, blocks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    double *rank = g_new(double, n), *next_rank = g_new(double, n);
    g_autofree double *out = g_new(double, n), *next_out = g_new(double, n);
    g_autofree double *dangling = g_new(double, blocks), *change = g_new(double, blocks);
    Step s = {csr, weighted, 0.0, rank, out, next_rank, next_out, dangling, change};
    double without_ties = 0.0;
    for (gsize v = 0; v < n; v++) {
        rank[v] = 1.0 / (double) n;
        out[v] = share_per_weight(&s, v, rank[v]);
        without_ties += csr->start[v] == csr->start[v + 1] ? rank[v] : 0.0;
    }
    for (guint i = 0; i < MAX_ITERATIONS; i++) {
        s.base = ((1.0 - DAMPING) + DAMPING * without_ties) / (double) n;
        wn_parallel__run(blocks, 0, step_rows, &s);
        without_ties = sum_in_order(dangling, blocks);
        double *swap_rank = rank, *swap_out = out;
        s.rank = rank = next_rank;
        s.out = out = next_out;
        s.next_rank = next_rank = swap_rank;
        s.next_out = next_out = swap_out;
        if (sum_in_order(change, blocks) < TOLERANCE) {
            break;
        }
    }
    g_free(next_rank);
    return rank;
}

/**
 * wn_measure_pagerank:
 * PageRank (Brin & Page 1998) with damping 0.85 and uniform teleport; scores sum to 1.
 * A node without ties hands its score to all nodes alike, so a network without ties
 * scores 1/n everywhere. When no node is without ties, each component keeps a share
 * of the total equal to its share of the nodes. With opts->weighted, a walker follows
 * a tie with probability proportional to its weight. Solved by power iteration on the
 * CSR snapshot until an iteration changes the scores by less than 1e-14 (L1), so within
 * about 1e-13 of igraph's PRPACK and NetworkX; every sum is taken in a fixed order (a
 * node's row in CSR order, blocks of rows in node order), so the scores are the same,
 * bit for bit, on every run and for any number of threads.
 * Returns: one score per node; NULL on error (none today).
 * Cost: O(n + m) per iteration, about 200 iterations; the CSR snapshot (shared) and
 * four arrays of n doubles.
 */
GArray *
wn_measure_pagerank(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) error;
    const WnCsr *csr = wn_csr__shared(net);
    GArray *scores = wn_scores__new(csr->n);
    if (csr->n == 0) {
        return scores;
    }
    g_autofree double *rank = iterate(csr, opts->weighted);
    double total = sum_in_order(rank, csr->n);
    for (gsize v = 0; v < csr->n; v++) {
        g_array_index(scores, double, v) = rank[v] / total;
    }
    return scores;
}
