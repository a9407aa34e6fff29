/* brandes-batch.c: Brandes' dependency sums from up to 64 sources per pass, a bit per
 * source, with the bits of the one-source searches of brandes.c */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

#include <string.h>

/*
 * On a small graph every search from one source reads the whole graph from the caches, and
 * the time goes into the work per tie (brandes.c). Here the searches of up to 64 sources go
 * together, one bit per source (as in multi-source breadth-first search, Then et al. 2014):
 * a tie is followed once for all the sources whose frontier holds its node, and only the
 * sources for which it leads one level down cost more (a σ added, forward; a coefficient
 * added, backward). Each node keeps, per source, σ, then the coefficient (1 + δ)/σ, then δ:
 * 512 bytes per node and thread, about 1 KiB with the levels and the δ held aside.
 *
 * The sums are those of the one-source searches, bit for bit (test-brandes): σ(v) adds
 * σ(u) over the u one level up in increasing node order (brandes.c visits each level in
 * node order), a node's coefficient sums its successors' in the order of its row, and a
 * block's accumulator adds δ_s(v) over its sources in their order.
 *
 * The sources of a batch share most when their levels line up, as consecutive nodes do
 * when every node is a source (the order of nodes.csv keeps an area's residents together).
 * Measured (`wijknet measures -m betweenness`, the whole command, against the build before,
 * alternating, two threads, a busy machine): exact, 0.51–0.64 of the time at 2,500, 5,000
 * and 10,000 nodes, 0.74–0.84 at 15,000, 0.81–0.88 at 20,000 and 0.87–0.93 at 30,000; from
 * 256 sampled sources no faster and no slower up to 15,000 nodes; an earlier form of this
 * kernel was 1.1–1.4 times slower at 20,000 and 30,000 (random sources share less, and
 * their σ no longer fits the caches).
 * Hence: batches up to BATCHED_UP_TO nodes, and up to twice that when at least a quarter of
 * the nodes are sources.
 */
#define BATCH 64
#define CHUNK 16
#define SHORT 64
#define BATCHED_UP_TO ((gsize) 1 << 14)

static gsize batched_up_to = BATCHED_UP_TO;

/**
 * wn_brandes__batched_up_to:
 * Sets the node count up to which the dependency sums go through the searches of 64
 * sources at once, whatever the sources (twice as many nodes when a quarter are sources;
 * tests compare them with the one-source searches: the same bits).
 * Returns: the previous limit.
 */
gsize
wn_brandes__batched_up_to(gsize nodes)
{
    gsize previous = batched_up_to;
    batched_up_to = nodes;
    return previous;
}

/* Do the dependency sums of @csr from @k sources go through batches? */
gboolean
wn_brandes__batched(const WnCsr *csr, gsize k)
{
    if (k > csr->n || csr->n > 2 * BATCHED_UP_TO) {
        return FALSE; /* so that a block of brandes.c (of 1,024 at most) holds ≤ 32 sources */
    }
    return csr->n <= batched_up_to || (csr->n <= 2 * batched_up_to && 4 * k >= csr->n);
}

/* The levels of one batch: level d holds the nodes (in increasing order) with the bits of
 * the sources at distance d, from at[d] to at[d + 1] − 1. */
typedef struct {
    GArray *node; /* guint32 */
    GArray *bits; /* guint64 */
    GArray *at;   /* gsize: where each level starts, and one past the last */
} Levels;

/* One thread's state, allocated on its first batch. */
typedef struct {
    double *sigma;   /* n × BATCH: σ, then the coefficient (1 + δ)/σ, then δ */
    GArray *held[2]; /* doubles: the δ of a level while its coefficients are still read */
    guint64 *seen;   /* per node, the sources that have reached it */
    guint64 *dense;  /* per node, the bits of the level at hand (clear between levels) */
    guint64 *below;  /* per node, the bits of the level pulled from, or of the one below */
    guint64 *mark;   /* bitmap: the nodes found for the next level */
    Levels levels;
} Worker;

typedef struct {
    const WnCsr *csr;
    const guint32 *sources;
    gsize k;
    WnSumTree *sum;
    GArray *tasks; /* gsize: the first block of each task, and one past the last */
    Worker *workers;
} Job;

static Worker *
worker_of(const Job *job, guint worker)
{
    Worker *w = &job->workers[worker];
    gsize n = job->csr->n;
    if (w->sigma == NULL) {
        gsize cells = n * BATCH + 1;
        w->sigma = g_new0(double, cells);
        w->held[0] = g_array_new(FALSE, FALSE, sizeof(double));
        w->held[1] = g_array_new(FALSE, FALSE, sizeof(double));
        w->seen = g_new0(guint64, n + 1);
        w->dense = g_new0(guint64, n + 1);
        w->below = g_new0(guint64, n + 1);
        w->mark = g_new0(guint64, n / 64 + 1);
        w->levels.node = g_array_new(FALSE, FALSE, sizeof(guint32));
        w->levels.bits = g_array_new(FALSE, FALSE, sizeof(guint64));
        w->levels.at = g_array_new(FALSE, FALSE, sizeof(gsize));
    }
    return w;
}

static void
worker_clear(Worker *w)
{
    g_free(w->sigma);
    g_free(w->seen);
    g_free(w->dense);
    g_free(w->below);
    g_free(w->mark);
    if (w->levels.node != NULL) {
        g_array_unref(w->held[0]);
        g_array_unref(w->held[1]);
        g_array_unref(w->levels.node);
        g_array_unref(w->levels.bits);
        g_array_unref(w->levels.at);
    }
}

static void
level_append(Levels *l, guint32 v, guint64 bits)
{
    g_array_append_val(l->node, v);
    g_array_append_val(l->bits, bits);
}

static gsize
level_start(const Levels *l, gsize d)
{
    return g_array_index(l->at, gsize, d);
}

/* The bits @lo … @hi − 1 (@lo ≤ @hi ≤ 64). */
static guint64
bits_between(gsize lo, gsize hi)
{
    guint64 upto = hi == 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT(1) << hi) - 1;
    return lo == hi ? 0 : upto & ~((G_GUINT64_CONSTANT(1) << lo) - 1);
}

/* σ(v) += σ(u) for the sources of @bits (σ starts at 0 for every node: 0 + x is x). */
static inline void
add_sigma(double *restrict sv, const double *restrict su, guint64 bits)
{
    for (; bits != 0; bits &= bits - 1) {
        int j = __builtin_ctzll(bits);
        sv[j] += su[j];
    }
}

/* For the ties @a … @a + @width − 1 of the CSR, to nodes v: the sources of @want that have v
 * in @level, into @bits; the values of the first of them asked for. */
static void
scan_ties(const WnCsr *csr, gsize a, gsize width, guint64 want, const guint64 *level,
          const double *values, guint64 *bits)
{
    for (gsize t = 0; t < width; t++) {
        guint32 v = csr->adj[a + t];
        bits[t] = want & level[v];
        if (bits[t] != 0) {
            __builtin_prefetch(&values[(gsize) v * BATCH + (gsize) __builtin_ctzll(bits[t])]);
        }
    }
}

/* Then, in the order of the ties, @into[j] += @values[v][j] for those sources. Returns them. */
static guint64
sum_ties(const WnCsr *csr, gsize a, gsize width, const guint64 *bits, const double *values,
         double *restrict into)
{
    guint64 found = 0;
    for (gsize t = 0; t < width; t++) {
        add_sigma(into, &values[(gsize) csr->adj[a + t] * BATCH], bits[t]);
        found |= bits[t];
    }
    return found;
}

/*
 * For each tie of @x in the order of its row, to a node v: for the sources j of @want that
 * have v in @level, @into[j] += @values[v][j]. Returns those sources. The values (512 bytes
 * a node, mostly in the caches beyond the core's) are asked for a chunk of ties ahead, so
 * that their reads overlap: 0.90 of the time without (single thread, the 10,000-resident
 * town, five runs each, alternating).
 */
static guint64
gather(const WnCsr *csr, guint32 x, guint64 want, const guint64 *level, const double *values,
       double *restrict into)
{
    guint64 found = 0, bits[CHUNK];
    for (gsize a = csr->start[x], end = csr->start[x + 1]; a < end; a += CHUNK) {
        gsize width = MIN((gsize) CHUNK, end - a);
        scan_ties(csr, a, width, want, level, values, bits);
        found |= sum_ties(csr, a, width, bits, values, into);
    }
    return found;
}

/* One level down by the ties of the level's nodes order[@from … @to − 1] (few of them): the
 * nodes found are marked in @mark and their bits gathered in @dense. */
static void
push_level(const WnCsr *csr, Worker *w, gsize from, gsize to, gsize *lo, gsize *hi)
{
    const guint32 *node = (const guint32 *) w->levels.node->data;
    const guint64 *bits = (const guint64 *) w->levels.bits->data;
    for (gsize i = from; i < to; i++) {
        guint32 u = node[i];
        guint64 f = bits[i];
        const double *su = &w->sigma[(gsize) u * BATCH];
        for (gsize a = csr->start[u]; a < csr->start[u + 1]; a++) {
            guint32 v = csr->adj[a];
            guint64 c = f & ~w->seen[v];
            if (c == 0) {
                continue;
            }
            guint64 had = w->dense[v];
            if (had == 0) {
                w->mark[v >> 6] |= G_GUINT64_CONSTANT(1) << (v & 63);
                *lo = MIN(*lo, (gsize) v >> 6);
                *hi = MAX(*hi, ((gsize) v >> 6) + 1);
            }
            w->dense[v] = had | c;
            add_sigma(&w->sigma[(gsize) v * BATCH], su, c);
        }
    }
}

/* One level down by the ties of the nodes not yet reached by every source (when the level
 * is large): each pulls σ from its neighbours in the level, whose bits are in @below. */
static void
pull_level(const WnCsr *csr, Worker *w, guint64 all, gsize *lo, gsize *hi)
{
    for (gsize v = 0; v < csr->n; v++) {
        guint64 need = all & ~w->seen[v];
        if (need == 0) {
            continue;
        }
        guint64 got = gather(csr, (guint32) v, need, w->below, w->sigma, &w->sigma[v * BATCH]);
        if (got != 0) {
            w->dense[v] = got;
            w->mark[v >> 6] |= G_GUINT64_CONSTANT(1) << (v & 63);
            *lo = MIN(*lo, v >> 6);
            *hi = MAX(*hi, (v >> 6) + 1);
        }
    }
}

/*
 * The forward searches of the @count sources from @first: their levels in @w->levels,
 * σ in @w->sigma. A level goes down by pushing from its nodes, or, when their ties are more
 * than a quarter of those of the nodes some source has not reached, by pulling into those
 * (the same sums in the same order: a node adds its neighbours of the level in increasing
 * order either way).
 */
static void
forward(const Job *job, Worker *w, gsize first, guint count)
{
    const WnCsr *csr = job->csr;
    Levels *l = &w->levels;
    guint64 all = bits_between(0, count);
    memset(w->seen, 0, csr->n * sizeof(guint64));
    memset(w->sigma, 0, csr->n * BATCH * sizeof(double));
    g_array_set_size(l->node, 0);
    g_array_set_size(l->bits, 0);
    g_array_set_size(l->at, 0);
    gsize lo = G_MAXSIZE, hi = 0;
    gsize open = csr->start[csr->n]; /* the ties of the nodes not reached by every source */
    for (guint j = 0; j < count; j++) {
        guint32 s = job->sources[first + j];
        w->dense[s] |= G_GUINT64_CONSTANT(1) << j;
        w->sigma[(gsize) s * BATCH + j] = 1.0;
        w->mark[s >> 6] |= G_GUINT64_CONSTANT(1) << (s & 63);
        lo = MIN(lo, (gsize) s >> 6);
        hi = MAX(hi, ((gsize) s >> 6) + 1);
    }
    for (;;) {
        /* the nodes found (marked), in increasing order, become the next level */
        gsize begin = l->node->len, volume = 0;
        g_array_append_val(l->at, begin);
        for (gsize i = lo; i < hi; i++) {
            for (guint64 m = w->mark[i]; m != 0; m &= m - 1) {
                guint32 v = (guint32) (i * 64 + (gsize) __builtin_ctzll(m));
                guint64 found = w->dense[v];
                level_append(l, v, found);
                w->dense[v] = 0;
                w->seen[v] |= found;
                volume += wn_csr__degree(csr, v);
                if (w->seen[v] == all) {
                    open -= wn_csr__degree(csr, v);
                }
            }
            w->mark[i] = 0;
        }
        gsize end = l->node->len;
        if (end == begin) {
            break;
        }
        lo = G_MAXSIZE;
        hi = 0;
        if (4 * volume > open) {
            const guint32 *node = (const guint32 *) l->node->data;
            const guint64 *bits = (const guint64 *) l->bits->data;
            for (gsize i = begin; i < end; i++) {
                w->below[node[i]] = bits[i];
            }
            pull_level(csr, w, all, &lo, &hi);
            for (gsize i = begin; i < end; i++) {
                w->below[node[i]] = 0;
            }
        } else {
            push_level(csr, w, begin, end, &lo, &hi);
        }
    }
}

/* Sets or clears (@bits FALSE) the bits of level @d in @dense. */
static void
spread(const Levels *l, gsize d, guint64 *dense, gboolean set)
{
    const guint32 *node = (const guint32 *) l->node->data;
    const guint64 *bits = (const guint64 *) l->bits->data;
    for (gsize i = level_start(l, d); i < level_start(l, d + 1); i++) {
        dense[node[i]] = set ? bits[i] : 0;
    }
}

/* The δ of level @d, in @held in the order of the level's nodes and their sources, take
 * the place of the level's coefficients in σ. */
static void
put_back(const Levels *l, gsize d, const GArray *held, double *sigma)
{
    const guint32 *node = (const guint32 *) l->node->data;
    const guint64 *bits = (const guint64 *) l->bits->data;
    const double *delta = (const double *) held->data;
    for (gsize i = level_start(l, d), at = 0; i < level_start(l, d + 1); i++) {
        for (guint64 b = bits[i]; b != 0; b &= b - 1) {
            sigma[(gsize) node[i] * BATCH + (gsize) __builtin_ctzll(b)] = delta[at++];
        }
    }
}

/*
 * The backward pass, farthest level first: for each node and source, δ = σ · the sum of its
 * successors' coefficients (in the order of its row), then its own coefficient. Once the
 * level above is done, no node reads a level's coefficients again, and its δ replace them
 * (held aside until then): σ ends holding δ, with no second array of n × BATCH doubles for
 * the caches to hold (measured on the 10,000-resident town, three runs each alternating: on
 * two threads 1.23–1.41 s against 1.21–1.65 with that array, on one 2.02–2.62 against
 * 2.40–2.72). A short row is scanned a node ahead, so that its values' reads overlap the
 * sums of the node before (about 0.95 of the time without, on one thread and on two).
 */
static void
backward(const WnCsr *csr, Worker *w)
{
    const Levels *l = &w->levels;
    const guint32 *node = (const guint32 *) l->node->data;
    const guint64 *bits = (const guint64 *) l->bits->data;
    gsize levels = l->at->len - 1;
    for (gsize d = levels; d-- > 0;) {
        gsize pairs = 0, at = 0;
        for (gsize i = level_start(l, d); i < level_start(l, d + 1); i++) {
            pairs += (gsize) __builtin_popcountll(bits[i]);
        }
        g_array_set_size(w->held[d & 1], pairs);
        double *held = (double *) w->held[d & 1]->data;
        guint64 rows[2][SHORT]; /* the bits of a short row's ties, scanned a node ahead */
        gsize first = level_start(l, d), last = level_start(l, d + 1);
        for (gsize i = first; i < last; i++) {
            guint32 x = node[i];
            guint64 here = bits[i];
            double sum[BATCH];
            for (guint64 b = here; b != 0; b &= b - 1) {
                sum[__builtin_ctzll(b)] = 0.0;
            }
            /* the first node's row and the next one's; then the next one's */
            for (gsize next = i == first ? i : i + 1; next <= i + 1 && next < last; next++) {
                if (wn_csr__degree(csr, node[next]) <= SHORT) {
                    scan_ties(csr, csr->start[node[next]], wn_csr__degree(csr, node[next]),
                              bits[next], w->below, w->sigma, rows[next & 1]);
                }
            }
            if (wn_csr__degree(csr, x) <= SHORT) {
                sum_ties(csr, csr->start[x], wn_csr__degree(csr, x), rows[i & 1], w->sigma, sum);
            } else {
                gather(csr, x, here, w->below, w->sigma, sum);
            }
            double *sx = &w->sigma[(gsize) x * BATCH];
            for (guint64 b = here; b != 0; b &= b - 1) {
                int j = __builtin_ctzll(b);
                double delta = sx[j] * sum[j];
                sx[j] = (1.0 + delta) / sx[j];
                held[at++] = delta;
            }
        }
        if (d + 1 < levels) {
            put_back(l, d + 1, w->held[(d + 1) & 1], w->sigma);
            spread(l, d + 1, w->below, FALSE);
        }
        spread(l, d, w->below, TRUE);
    }
    put_back(l, 0, w->held[0], w->sigma);
    spread(l, 0, w->below, FALSE);
}

/* Sums blocks @from … @to − 1 (whose sources start at @first) into @job's tree, each in an
 * accumulator of its own: δ_s(v) over its sources in order, the source itself left out. */
static void
sum_blocks(const Job *job, const Worker *w, gsize from, gsize to, gsize first)
{
    gsize n = job->csr->n;
    g_autofree double **acc = g_new(double *, to - from);
    g_autofree guint64 *mask = g_new(guint64, to - from);
    for (gsize b = 0; b < to - from; b++) {
        gsize lo = 0, hi = 0;
        wn_ranks__slice(job->k, (guint) (from + b), (guint) job->sum->blocks, &lo, &hi);
        acc[b] = g_new(double, n + 1);
        mask[b] = bits_between(lo - first, hi - first);
    }
    for (gsize v = 0; v < n; v++) {
        const double *dv = &w->sigma[v * BATCH]; /* δ by now */
        for (gsize b = 0; b < to - from; b++) {
            double a = 0.0;
            for (guint64 bits = w->seen[v] & mask[b]; bits != 0; bits &= bits - 1) {
                int j = __builtin_ctzll(bits);
                if (job->sources[first + (gsize) j] != v) {
                    a += dv[j];
                }
            }
            acc[b][v] = a;
        }
    }
    for (gsize b = 0; b < to - from; b++) {
        wn_sum_tree__add(job->sum, from + b, acc[b]);
    }
}

/* The blocks of task @task, their sources searched together. */
static void
run_task(gsize task, guint worker, gpointer data)
{
    const Job *job = data;
    Worker *w = worker_of(job, worker);
    gsize blocks = job->sum->blocks;
    gsize from = g_array_index(job->tasks, gsize, task);
    gsize to = g_array_index(job->tasks, gsize, task + 1);
    gsize first = 0, last = 0, ignored = 0;
    wn_ranks__slice(job->k, (guint) from, (guint) blocks, &first, &ignored);
    wn_ranks__slice(job->k, (guint) to - 1, (guint) blocks, &ignored, &last);
    forward(job, w, first, (guint) (last - first));
    backward(job->csr, w);
    sum_blocks(job, w, from, to, first);
}

/**
 * wn_brandes__run_batches:
 * Adds each of @sum's blocks of the @k sources (as brandes.c cuts them) into @sum, the
 * blocks of up to 64 sources searched together; the same bits as the one-source searches.
 * Cost: O(k·(n + m)) time at worst, less per source where the sources' levels line up;
 * about 1 KiB per node and thread.
 */
void
wn_brandes__run_batches(const WnCsr *csr, const guint32 *sources, gsize k, guint threads,
                        WnSumTree *sum)
{
    g_autoptr(GArray) tasks = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize block = sum->first; block < sum->last;) {
        gsize first = 0, last = 0, end = block + 1;
        wn_ranks__slice(k, (guint) block, (guint) sum->blocks, &first, &last);
        g_assert(last - first <= BATCH);
        g_array_append_val(tasks, block);
        for (; end < sum->last; end++) {
            gsize ignored = 0;
            wn_ranks__slice(k, (guint) end, (guint) sum->blocks, &ignored, &last);
            if (last - first > BATCH) {
                break;
            }
        }
        block = end;
    }
    g_array_append_val(tasks, sum->last);
    guint workers = wn_parallel__threads(threads);
    g_autofree Worker *state = g_new0(Worker, workers);
    Job job = {csr, sources, k, sum, tasks, state};
    wn_parallel__run(tasks->len - 1, threads, run_task, &job);
    for (guint i = 0; i < workers; i++) {
        worker_clear(&state[i]);
    }
}
