/* distances.c: from every node, the sum of its distances, of their inverses and the count of
 * the nodes it reaches, as igraph's closeness and harmonic centrality sum them */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

/* Sources per task: enough to make a task worth taking, few enough to share the sources
 * out evenly over the threads. */
#define SOURCES_PER_TASK 64

typedef struct {
    guint32 *stamp; /* 1 + the source that last reached each node */
    guint32 *order; /* the nodes reached, level by level */
} Searcher;

typedef struct {
    const WnCsr *csr;
    WnSourceSums *out;
    Searcher *searchers; /* one per worker, allocated on first use */
} Job;

/*
 * Breadth-first from @s, level by level. igraph (0.10: igraph_closeness_cutoff,
 * igraph_harmonic_centrality) pops the nodes in the order of their distance and adds, one
 * node at a time, d to one sum and 1/d to the other: the distances are integers, exact in
 * any order, and within a level the 1/d are equal, so adding 1/d as many times as the level
 * has nodes, level after level, gives igraph's bits.
 */
static void
search(const WnCsr *csr, Searcher *w, guint32 s, WnSourceSums *out)
{
    gsize head = 0, tail = 0;
    double sum = 0.0, inverse = 0.0;
    w->stamp[s] = s + 1;
    w->order[tail++] = s;
    for (gsize d = 1; head < tail; d++) {
        gsize level_end = tail;
        for (; head < level_end; head++) {
            guint32 u = w->order[head];
            for (gsize a = csr->start[u]; a < csr->start[u + 1]; a++) {
                guint32 v = csr->adj[a];
                if (w->stamp[v] != s + 1) {
                    w->stamp[v] = s + 1;
                    w->order[tail++] = v;
                }
            }
        }
        double step = 1.0 / (double) d;
        for (gsize i = level_end; i < tail; i++) {
            sum += (double) d;
            inverse += step;
        }
    }
    out->sum[s] = sum;
    out->inverse[s] = inverse;
    out->reached[s] = tail - 1;
}

static void
run_range(gsize first, gsize last, guint worker, gpointer data)
{
    const Job *job = data;
    Searcher *w = &job->searchers[worker];
    gsize n = job->csr->n;
    if (w->stamp == NULL) {
        w->stamp = g_new0(guint32, n + 1);
        w->order = g_new(guint32, n + 1);
    }
    for (gsize s = first; s < last; s++) {
        search(job->csr, w, (guint32) s, job->out);
    }
}

/**
 * wn_distances__from_every_node:
 * For every node s of @csr: the sum of d(s, v) over the nodes v it reaches, the sum of
 * 1/d(s, v), and how many nodes it reaches (itself left out), in hops; the sums are igraph
 * 0.10's, bit for bit, and the same for any number of @threads (each source is one
 * thread's).
 * Returns: (transfer full): the three arrays.
 * Cost: O(n·(n + m)) time over the threads; 8·n bytes per thread.
 */
WnSourceSums *
wn_distances__from_every_node(const WnCsr *csr, guint threads)
{
    gsize n = csr->n;
    guint workers = wn_parallel__threads(threads);
    WnSourceSums *out = g_new0(WnSourceSums, 1);
    out->sum = g_new0(double, n + 1);
    out->inverse = g_new0(double, n + 1);
    out->reached = g_new0(gsize, n + 1);
    g_autofree Searcher *searchers = g_new0(Searcher, workers);
    Job job = {csr, out, searchers};
    wn_parallel__run_ranges(0, n, SOURCES_PER_TASK, threads, run_range, &job);
    for (guint i = 0; i < workers; i++) {
        g_free(searchers[i].stamp);
        g_free(searchers[i].order);
    }
    return out;
}

void
wn_source_sums__free(WnSourceSums *sums)
{
    if (sums != NULL) {
        g_free(sums->sum);
        g_free(sums->inverse);
        g_free(sums->reached);
        g_free(sums);
    }
}
