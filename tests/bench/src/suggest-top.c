/* suggest-top.c: the profile workload's candidate scoring (Adamic–Adar), over threads */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bench.h"

#include <math.h>
#include <stdio.h>

#define TARGETS_PER_TASK 1024

/* One thread's scratch: running scores and the candidates touched for one target. */
typedef struct {
    double *score;
    guint32 *contact; /* target + 1 for the target and its contacts */
    guint32 *seen;    /* target + 1 once a node is a candidate */
    GArray *touched;
} Scratch;

typedef struct {
    const WnSuggestInput *in;
    const guint32 *targets;
    gsize n_targets;
    WnTop *out;
    Scratch *scratch; /* one per worker, allocated on first use */
} Job;

/* Python's round(x, 9), which the peers use to compare scores: the decimal nearest to
 * x with 9 decimals, read back (glibc prints the exact binary value correctly rounded). */
static double
round9(double x)
{
    char text[G_ASCII_DTOSTR_BUF_SIZE];
    snprintf(text, sizeof text, "%.9f", x);
    return g_ascii_strtod(text, NULL);
}

static gboolean
shares_interest(const WnSuggestInput *in, guint32 a, guint32 b)
{
    gsize i = in->interest_start[a], j = in->interest_start[b];
    while (i < in->interest_start[a + 1] && j < in->interest_start[b + 1]) {
        if (in->interest[i] == in->interest[j]) {
            return TRUE;
        }
        in->interest[i] < in->interest[j] ? i++ : j++;
    }
    return FALSE;
}

/* Adds 1/ln(degree(z)) to every candidate c behind each contact z of @r, in row order. */
static void
score_candidates(const WnSuggestInput *in, guint32 r, Scratch *w)
{
    const WnCsr *csr = in->csr;
    guint32 stamp = r + 1;
    w->contact[r] = stamp;
    for (gsize k = csr->start[r]; k < csr->start[r + 1]; k++) {
        w->contact[csr->adj[k]] = stamp; /* a contact is never a candidate */
    }
    for (gsize k = csr->start[r]; k < csr->start[r + 1]; k++) {
        guint32 z = csr->adj[k];
        gsize dz = wn_csr__degree(csr, z);
        double share = dz > 1 ? 1.0 / log((double) dz) : 0.0;
        for (gsize l = csr->start[z]; l < csr->start[z + 1]; l++) {
            guint32 c = csr->adj[l];
            if (in->kinds[c] != WN_NODE_RESIDENT || in->area[c] != in->area[r] ||
                w->contact[c] == stamp) {
                continue;
            }
            if (w->seen[c] != stamp) {
                w->seen[c] = stamp;
                w->score[c] = 0.0;
                g_array_append_val(w->touched, c);
            }
            w->score[c] += share;
        }
    }
}

/* TRUE when (a, key_a) ranks before (b, key_b): higher rounded score, then lower index. */
static gboolean
ranks_before(double key_a, guint32 a, double key_b, guint32 b)
{
    return key_a > key_b || (key_a == key_b && a < b);
}

/* Inserts @c into @top if it ranks among the best; keys are the rounded scores. */
static void
offer(WnTop *top, double *keys, guint32 c, double raw)
{
    guint last = WN_BENCH_SUGGEST_TOP - 1;
    /* rounding moves a score by at most 0.5e-9: far below the fifth, it cannot enter */
    if (top->count == WN_BENCH_SUGGEST_TOP && raw < top->score[last] - 2e-9) {
        return;
    }
    double key = round9(raw);
    guint at = top->count;
    while (at > 0 && ranks_before(key, c, keys[at - 1], top->candidate[at - 1])) {
        at--;
    }
    if (at >= WN_BENCH_SUGGEST_TOP) {
        return;
    }
    guint end = MIN(top->count, last);
    for (guint i = end; i > at; i--) {
        top->candidate[i] = top->candidate[i - 1];
        top->score[i] = top->score[i - 1];
        keys[i] = keys[i - 1];
    }
    top->candidate[at] = c;
    top->score[at] = raw;
    keys[at] = key;
    top->count = MIN(top->count + 1, WN_BENCH_SUGGEST_TOP);
}

static void
best_of(const WnSuggestInput *in, guint32 r, Scratch *w, WnTop *top)
{
    double keys[WN_BENCH_SUGGEST_TOP];
    top->count = 0;
    if (in->area[r] == G_MAXUINT32) {
        return;
    }
    g_array_set_size(w->touched, 0);
    score_candidates(in, r, w);
    for (guint i = 0; i < w->touched->len; i++) {
        guint32 c = g_array_index(w->touched, guint32, i);
        double raw = w->score[c] + (shares_interest(in, r, c) ? 1.0 : 0.0);
        offer(top, keys, c, raw);
    }
}

static Scratch *
worker_scratch(const Job *job, guint worker)
{
    Scratch *w = &job->scratch[worker];
    if (w->score == NULL) {
        gsize n = job->in->csr->n;
        w->score = g_new(double, n + 1);
        w->contact = g_new0(guint32, n + 1);
        w->seen = g_new0(guint32, n + 1);
        w->touched = g_array_new(FALSE, FALSE, sizeof(guint32));
    }
    return w;
}

static void
run_task(gsize task, guint worker, gpointer data)
{
    const Job *job = data;
    Scratch *w = worker_scratch(job, worker);
    gsize last = MIN(job->n_targets, (task + 1) * TARGETS_PER_TASK);
    for (gsize i = task * TARGETS_PER_TASK; i < last; i++) {
        best_of(job->in, job->targets[i], w, &job->out[i]);
    }
}

static void
scratch_clear(Scratch *w)
{
    g_free(w->score);
    g_free(w->contact);
    g_free(w->seen);
    if (w->touched != NULL) {
        g_array_unref(w->touched);
    }
}

/**
 * wn_bench__suggest:
 * docs/WORKLOAD.md step 6 for each target r (a resident): the candidates are the residents
 * c ≠ r in r's area (none when r has no area), not tied to r, with a contact in common;
 * score(r, c) = Σ_{z ∈ N(r)∩N(c)} 1/ln(degree(z)), summed in r's row order (as the
 * python-igraph peer does), plus 1 when they share an interest. out[i] keeps the
 * five best of targets[i]: higher score first, scores compared after rounding to 9
 * decimals as Python's round(), then lower node index. Each target is ranked by one
 * thread, so the result does not depend on @threads.
 * Cost: O(Σ_r Σ_{z∈N(r)} degree(z)); three n-slot arrays per thread.
 */
void
wn_bench__suggest(const WnSuggestInput *in, const guint32 *targets, gsize n_targets, guint threads,
                  WnTop *out)
{
    guint workers = wn_parallel__threads(threads);
    g_autofree Scratch *scratch = g_new0(Scratch, workers);
    Job job = {in, targets, n_targets, out, scratch};
    gsize tasks = (n_targets + TARGETS_PER_TASK - 1) / TARGETS_PER_TASK;
    wn_parallel__run(tasks, threads, run_task, &job);
    for (guint i = 0; i < workers; i++) {
        scratch_clear(&scratch[i]);
    }
}
