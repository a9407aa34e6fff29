/* brandes.c: Brandes' dependency accumulation and sampled distance sums over
 * threads, in a fixed order; the source sample they share */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

#include <string.h>

/* Sources are cut into blocks of SOURCES_PER_BLOCK (at most MAX_BLOCKS blocks), each
 * summed into its own accumulator; the accumulators are added up in a fixed tree
 * (wn_sum_tree, util/sum-tree.c): the same bits for any number of threads and MPI ranks,
 * and up to that many ranks share the searches. On the 1,000,000-resident town (256
 * sources, 7 runs each, alternating) the centrality step's median was 14.9 s with blocks
 * of 2, 15.2 with 4 and 15.5 with 16 (the runs' spread: 13–20 s). */
#define SOURCES_PER_BLOCK 2
#define MAX_BLOCKS 1024

static gsize
blocks_for(gsize k)
{
    return MIN((gsize) MAX_BLOCKS, (k + SOURCES_PER_BLOCK - 1) / SOURCES_PER_BLOCK);
}

/*
 * One thread's search state. Distances are never stored as such: the levels are visited
 * in order. How a search tells a new node from one of the next level or an earlier one
 * depends on the graph's size (the two give the same numbers, bit for bit):
 * - up to LEVELS_UP_TO nodes, every node holds its level (distance + 1 from the source,
 *   0 while unseen), so one read tells what a tie leads to, without a branch (visit());
 * - above, two bitmaps (n bits each: 128 KiB for a million nodes) that stay in cache
 *   where an array of levels would not; a node already seen is at the next level exactly
 *   when it is in @next (visit_bitmap()).
 * The levels, or the bitmaps, are clear between two searches.
 */
typedef struct {
    guint32 *level;    /* up to LEVELS_UP_TO nodes; else NULL */
    guint64 *seen;     /* above LEVELS_UP_TO nodes; else NULL */
    double *sigma;     /* σ(v), then (1 + δ(v))/σ(v) once v's dependency is known (in place:
                          one array of n doubles, not two, for the caches) */
    guint32 *order;    /* nodes level by level, each level in increasing node order */
    guint64 *next;     /* bitmap of the nodes found for the next level; clear between levels */
    guint32 *succ;     /* the DAG's arcs: successors of order[i] from succ_end[i − 1] */
    guint32 *succ_end; /* with the lists only */
    guint64 *down;     /* the DAG as a bit per arc of the CSR (bitmap searches, succ NULL) */
} Search;

/* On the benchmark's towns (1 MiB of L2 cache per core) the level array made the searches
 * 1.45 times faster at 10,000 nodes and 1.3 at 100,000; at 300,000 and 1,000,000 the
 * bitmaps were faster (the levels' and σ's random writes leave the caches). */
#define LEVELS_UP_TO ((gsize) 1 << 17)

static gsize levels_up_to = LEVELS_UP_TO;

/**
 * wn_brandes__levels_up_to:
 * Sets the largest graph (in nodes) whose searches keep a level per node rather than the
 * two bitmaps (the results are the same bits either way; tests compare the two).
 * Returns: the previous limit.
 */
gsize
wn_brandes__levels_up_to(gsize nodes)
{
    gsize previous = levels_up_to;
    levels_up_to = nodes;
    return previous;
}

/* The DAG of a search is kept as lists of successors, 4 bytes per arc and thread, or, in
 * the bitmap searches, as a bit per arc of the CSR, the successors found again in the
 * rows: the same bits (test-brandes), 1.2–1.3 times slower at 1 M nodes, 1.43 at 10 M
 * (README, "Scaling and memory on this machine"). So the bits only when the lists of
 * every thread would take more than a quarter of the memory the process may use. */
static guint64 dag_lists_up_to = G_MAXUINT64; /* bytes; G_MAXUINT64: not yet set */

/**
 * wn_brandes__dag_lists_up_to:
 * Sets the most bytes the successor lists of all threads may take before the bitmap
 * searches keep their DAG as a bit per arc (tests: 0 forces the bits; the results are
 * the same bits either way).
 * Returns: the previous limit.
 */
guint64
wn_brandes__dag_lists_up_to(guint64 bytes)
{
    guint64 previous = dag_lists_up_to;
    dag_lists_up_to = bytes;
    return previous;
}

/* Does a search of @csr over @workers threads keep its DAG as a bit per arc? */
static gboolean
dag_as_bits(const WnCsr *csr, guint workers)
{
    if (dag_lists_up_to == G_MAXUINT64) {
        guint64 memory = wn_parallel__memory();
        dag_lists_up_to = memory == 0 ? G_MAXUINT64 - 1 : memory / 4;
    }
    return csr->n > levels_up_to && (guint64) workers * 8 * csr->m > dag_lists_up_to;
}

typedef struct {
    const WnCsr *csr;
    const guint32 *sources;
    gsize k;
    gboolean arc_bits; /* the DAG as a bit per arc (dag_as_bits()) */
    gsize stride;      /* doubles per node in an accumulator: δ, or δ, d and 1/d (stride 3) */
    WnSumTree *sum;    /* of one accumulator per block */
    Search *search;    /* one per worker, allocated by the worker on first use */
} Job;

/* How many arcs ahead the searches ask for σ of the node an arc leads to, so that the
 * scattered reads of a large graph overlap. Measured on the 1,000,000-resident town
 * (quiet machine, 7 pairs alternating with the build without): the centrality step took
 * 0.92 of the time (median), faster in 6 pairs of 7; 32 arcs ahead no different from 16;
 * at 10,000 nodes no difference. Only an address: the results are the same bits. */
#define PREFETCH_AHEAD 16

/* Word indices of the bitmap touched in one level. */
typedef struct {
    gsize lo, hi;
} Span;

/* Follows the ties of @u one level down: a node seen for the first time is marked in the
 * next level's bitmap; every tie to the next level adds σ(u) and is recorded in the DAG,
 * in its list (@as_bits FALSE) or by its bit. Always inlined with @as_bits a constant, so
 * that neither form tests for the other at every tie. */
G_ALWAYS_INLINE static inline guint32
visit_bitmap(const WnCsr *csr, Search *w, guint32 u, guint32 arcs, Span *span, gboolean as_bits)
{
    guint64 *seen = w->seen, *next = w->next;
    double *sigma = w->sigma;
    guint32 *succ = w->succ;
    guint64 *down = w->down;
    double su = sigma[u];
    for (gsize k = csr->start[u]; k < csr->start[u + 1]; k++) {
        guint32 v = csr->adj[k];
        if (k + PREFETCH_AHEAD < 2 * csr->m) {
            guint32 ahead = csr->adj[k + PREFETCH_AHEAD];
            __builtin_prefetch(&sigma[ahead], 1);
        }
        gsize word = v >> 6;
        guint64 bit = G_GUINT64_CONSTANT(1) << (v & 63);
        if ((seen[word] & bit) == 0) {
            seen[word] |= bit;
            next[word] |= bit;
            sigma[v] = 0.0;
            span->lo = MIN(span->lo, word);
            span->hi = MAX(span->hi, word + 1);
        }
        if ((next[word] & bit) != 0) {
            sigma[v] += su;
            if (!as_bits) {
                succ[arcs++] = v;
            }
        }
        if (as_bits) {
            guint64 at = G_GUINT64_CONSTANT(1) << (k & 63);
            down[k >> 6] = (down[k >> 6] & ~at) | (at & (0 - (guint64) ((next[word] & bit) != 0)));
        }
    }
    return arcs;
}

/* Appends the nodes marked in the bitmap to order, in increasing order, and clears it. */
static gsize
collect_level(Search *w, const Span *span, gsize tail)
{
    for (gsize i = span->lo; i < span->hi; i++) {
        guint64 bits = w->next[i];
        while (bits != 0) {
            w->order[tail++] = (guint32) (i * 64 + (gsize) __builtin_ctzll(bits));
            bits &= bits - 1;
        }
        w->next[i] = 0;
    }
    return tail;
}

/*
 * Follows the ties of @u (at level @below − 1) one level down: a node seen for the first
 * time gets level @below and is appended to order at @tail; every tie to the next level
 * adds σ(u) and is recorded in the DAG. Without a branch on what a tie leads to (that is
 * as good as a coin toss, and a wrong guess costs more than the work): every tie writes
 * the level back, adds σ(u) or 0 to σ(v), and writes an order slot and a DAG slot that
 * only count when kept. A node of an earlier level gets + 0.0, which leaves its σ as it
 * was (σ > 0). Returns the new tail; the DAG's length is updated in @arcs.
 */
static gsize
visit(const WnCsr *csr, Search *w, guint32 u, guint32 below, gsize tail, guint32 *arcs)
{
    guint32 *restrict level = w->level, *restrict order = w->order, *restrict succ = w->succ;
    double *restrict sigma = w->sigma;
    const guint32 *restrict adj = csr->adj;
    const double add[2] = {0.0, sigma[u]};
    guint32 kept_arcs = *arcs;
    for (gsize k = csr->start[u], end = csr->start[u + 1]; k < end; k++) {
        guint32 v = adj[k];
        guint32 was = level[v];
        guint32 fresh = was == 0;
        guint32 now = was | (below & (0u - fresh)); /* was is 0 when fresh */
        guint32 down = now == below;
        level[v] = now;
        order[tail] = v;
        tail += fresh;
        guint64 bits; /* σ(v), or 0 for a new node, by a mask rather than a branch */
        memcpy(&bits, &sigma[v], sizeof bits);
        bits &= (guint64) fresh - 1;
        double kept;
        memcpy(&kept, &bits, sizeof kept);
        sigma[v] = kept + add[down];
        succ[kept_arcs] = v;
        kept_arcs += down;
    }
    *arcs = kept_arcs;
    return tail;
}

/* Puts the nodes order[first … tail − 1] in increasing order through the @next bitmap
 * (linear in the level and the words it spans), leaving the bitmap clear. */
static void
sort_level(Search *w, gsize first, gsize tail)
{
    Span span = {G_MAXSIZE, 0};
    for (gsize i = first; i < tail; i++) {
        guint32 v = w->order[i];
        w->next[v >> 6] |= G_GUINT64_CONSTANT(1) << (v & 63);
        span.lo = MIN(span.lo, (gsize) v >> 6);
        span.hi = MAX(span.hi, ((gsize) v >> 6) + 1);
    }
    collect_level(w, &span, first);
}

/* With stride 3, adds d and 1/d to the distance sums of the nodes order[first … last − 1]
 * found at distance @d (as wn_brandes__distance_sums() does). */
static void
add_level_distances(const Search *w, gsize first, gsize last, double d, double *acc, gsize stride)
{
    if (stride != 3) {
        return;
    }
    double inverse = 1.0 / d;
    for (gsize i = first; i < last; i++) {
        acc[3 * (gsize) w->order[i] + 1] += d;
        acc[3 * (gsize) w->order[i] + 2] += inverse;
    }
}

/*
 * Breadth-first from @s, level by level: the numbers of shortest paths (sigma),
 * and for each node reached the arcs of the shortest-path DAG leaving it, in one
 * sequential list. Each level is visited in node order, so that the rows and the
 * per-node arrays are swept forward rather than hit at random (nodes.csv order keeps
 * an area's residents together). Path counts are sums of integers: exact in any order.
 */
static gsize
count_paths(const Job *job, Search *w, guint32 s, double *acc)
{
    gsize head = 0, tail = 0;
    guint32 arcs = 0;
    if (w->level != NULL) {
        w->level[s] = 1;
    } else {
        w->seen[s >> 6] |= G_GUINT64_CONSTANT(1) << (s & 63);
    }
    w->sigma[s] = 1.0;
    w->order[tail++] = s;
    for (guint32 below = 2; head < tail; below++) {
        gsize level_end = tail;
        if (w->level != NULL) {
            for (; head < level_end; head++) {
                tail = visit(job->csr, w, w->order[head], below, tail, &arcs);
                w->succ_end[head] = arcs;
            }
            sort_level(w, level_end, tail);
        } else if (job->arc_bits) {
            Span span = {G_MAXSIZE, 0};
            for (; head < level_end; head++) {
                visit_bitmap(job->csr, w, w->order[head], 0, &span, TRUE);
            }
            tail = collect_level(w, &span, tail);
        } else {
            Span span = {G_MAXSIZE, 0};
            for (; head < level_end; head++) {
                arcs = visit_bitmap(job->csr, w, w->order[head], arcs, &span, FALSE);
                w->succ_end[head] = arcs;
            }
            tail = collect_level(w, &span, tail);
        }
        add_level_distances(w, level_end, tail, (double) (below - 1), acc, job->stride);
    }
    return tail;
}

/* Ends node @x (at place @i of order, whose successors' coefficients add up to @sum) in
 * the backward pass: adds δ_s(x) = σ(x) · @sum to @acc but for the source, leaves the
 * coefficient (1 + δ_s(x))/σ(x) in σ(x) for its predecessors, and clears its level or
 * @seen. */
static inline void
settle(Search *w, guint32 x, gsize i, double sum, double *acc, gsize stride)
{
    double delta = w->sigma[x] * sum;
    w->sigma[x] = (1.0 + delta) / w->sigma[x];
    if (i > 0) {
        acc[x * stride] += delta;
    }
    if (w->level != NULL) {
        w->level[x] = 0;
    } else {
        w->seen[x >> 6] = 0;
    }
}

/* Adds δ_s(x) = σ(x) · Σ_{v successor of x} (1 + δ_s(v))/σ(v) to @acc, farthest first
 * (Brandes 2001, in the "pull" form over the recorded DAG), and clears the levels or
 * @seen. */
static void
accumulate(Search *w, gsize reached, double *acc, gsize stride)
{
    const guint32 *order = w->order, *succ = w->succ, *succ_end = w->succ_end;
    double *sigma = w->sigma;
    for (gsize i = reached; i-- > 0;) {
        guint32 x = order[i];
        double sum = 0.0;
        for (guint32 a = i > 0 ? succ_end[i - 1] : 0; a < succ_end[i]; a++) {
            __builtin_prefetch(&sigma[succ[a + PREFETCH_AHEAD]]);
            sum += sigma[succ[a]]; /* a successor's coefficient by now */
        }
        settle(w, x, i, sum, acc, stride);
    }
}

/* accumulate() for the bitmap searches, with the DAG kept as a bit per arc of the CSR: the
 * successors of a node are its row's arcs whose bit is set, in the order count_paths() met
 * them, so every sum is the same, bit for bit. */
static void
accumulate_arc_bits(const WnCsr *csr, Search *w, gsize reached, double *acc, gsize stride)
{
    const guint32 *order = w->order, *adj = csr->adj;
    const guint64 *down = w->down;
    double *sigma = w->sigma;
    for (gsize i = reached; i-- > 0;) {
        guint32 x = order[i];
        if (i >= 16) {
            __builtin_prefetch(&csr->start[order[i - 16]]);
        }
        if (i >= 8) {
            gsize ahead = csr->start[order[i - 8]];
            __builtin_prefetch(&adj[ahead]);
            __builtin_prefetch(&down[ahead >> 6]);
        }
        if (i >= 4) {
            guint32 soon = order[i - 4];
            for (gsize k = csr->start[soon]; k < csr->start[soon + 1]; k++) {
                __builtin_prefetch(&sigma[adj[k]]);
            }
        }
        double sum = 0.0;
        for (gsize k = csr->start[x], end = csr->start[x + 1]; k < end;) {
            gsize width = MIN(64 - (k & 63), end - k);
            guint64 bits = down[k >> 6] >> (k & 63);
            if (width < 64) {
                bits &= (G_GUINT64_CONSTANT(1) << width) - 1;
            }
            for (; bits != 0; bits &= bits - 1) {
                sum += sigma[adj[k + (gsize) __builtin_ctzll(bits)]];
            }
            k += width;
        }
        settle(w, x, i, sum, acc, stride);
    }
}

static Search *
worker_search(const Job *job, guint worker)
{
    Search *w = &job->search[worker];
    gsize n = job->csr->n;
    if (w->sigma == NULL) {
        if (n <= levels_up_to) {
            w->level = g_new0(guint32, n + 1);
        } else {
            w->seen = g_new0(guint64, n / 64 + 1);
        }
        w->sigma = g_new0(double, n + 1);
        w->order = g_new(guint32, n + 1);
        if (job->arc_bits) {
            w->down = g_new0(guint64, 2 * job->csr->m / 64 + 1);
        } else {
            w->succ = g_new0(guint32, 2 * job->csr->m + 1 + PREFETCH_AHEAD); /* read ahead */
            w->succ_end = g_new(guint32, n + 1);
        }
        w->next = g_new0(guint64, n / 64 + 1);
    }
    return w;
}

static void
run_block(gsize task, guint worker, gpointer data)
{
    const Job *job = data;
    gsize block = job->sum->first + task;
    Search *w = worker_search(job, worker);
    double *acc = g_new0(double, job->stride * job->csr->n + 1);
    gsize first = 0, last = 0;
    wn_ranks__slice(job->k, (guint) block, (guint) job->sum->blocks, &first, &last);
    for (gsize i = first; i < last; i++) {
        gsize reached = count_paths(job, w, job->sources[i], acc);
        if (job->arc_bits) {
            accumulate_arc_bits(job->csr, w, reached, acc, job->stride);
        } else {
            accumulate(w, reached, acc, job->stride);
        }
    }
    wn_sum_tree__add(job->sum, block, acc);
}

static void
search_clear(Search *w)
{
    g_free(w->level);
    g_free(w->seen);
    g_free(w->sigma);
    g_free(w->order);
    g_free(w->succ);
    g_free(w->succ_end);
    g_free(w->down);
    g_free(w->next);
}

/* Runs Brandes from every source with accumulators of @stride doubles per node. */
static double *
brandes(const WnCsr *csr, const guint32 *sources, gsize k, guint threads, gsize stride)
{
    guint workers = wn_parallel__threads(threads);
    WnSumTree sum;
    wn_sum_tree__init(&sum, stride == 1 ? "betweenness" : "betweenness_distances", stride * csr->n,
                      blocks_for(k));
    if (stride == 1 && wn_brandes__batched(csr, k)) { /* small graphs: brandes-batch.c */
        wn_brandes__run_batches(csr, sources, k, threads, &sum);
        return wn_sum_tree__finish(&sum);
    }
    g_autofree Search *search = g_new0(Search, workers);
    Job job = {csr, sources, k, dag_as_bits(csr, workers), stride, &sum, search};
    wn_parallel__run(sum.last - sum.first, threads, run_block, &job);
    for (guint i = 0; i < workers; i++) {
        search_clear(&search[i]);
    }
    return wn_sum_tree__finish(&sum);
}

/**
 * wn_brandes__dependency_sum:
 * Brandes (2001) on the unweighted graph: for each node v, Σ_{s ∈ sources} δ_s(v)
 * with δ_s(v) = Σ_{t ≠ s, v} σ_st(v)/σ_st, the source itself excluded. Not scaled: an
 * undirected exact betweenness is half the sum over all sources. Path counts are
 * doubles, so they cannot overflow. A node no source reaches, or a network without
 * ties, gets 0.
 * Returns: (transfer full): n sums, identical for any number of @threads and MPI ranks.
 * Cost: O(k·(n + m)) time; 8·n bytes for each block accumulator alive (one per thread,
 * and the finished parts waiting for their sibling in the sum tree: with the blocks taken
 * in order, about one per level, log2 of the blocks) and O(n + m) per thread.
 */
double *
wn_brandes__dependency_sum(const WnCsr *csr, const guint32 *sources, gsize k, guint threads)
{
    return brandes(csr, sources, k, threads, 1);
}

/**
 * wn_brandes__dependency_and_distance_sums:
 * wn_brandes__dependency_sum() and wn_brandes__distance_sums() from the same sources in
 * one breadth-first search per source: Brandes' search visits the levels in the order
 * the distance search does, so all three sums are bit for bit those of the two kernels.
 * Each: (transfer full) n sums, identical for any number of @threads.
 * Cost: that of wn_brandes__dependency_sum(), with accumulators of 24·n bytes.
 */
void
wn_brandes__dependency_and_distance_sums(const WnCsr *csr, const guint32 *sources, gsize k,
                                         guint threads, double **dependency_out,
                                         double **distance_out, double **inverse_out)
{
    g_autofree double *all = brandes(csr, sources, k, threads, 3);
    *dependency_out = g_new(double, csr->n + 1);
    *distance_out = g_new(double, csr->n + 1);
    *inverse_out = g_new(double, csr->n + 1);
    for (gsize v = 0; v < csr->n; v++) {
        (*dependency_out)[v] = all[3 * v];
        (*distance_out)[v] = all[3 * v + 1];
        (*inverse_out)[v] = all[3 * v + 2];
    }
}

/* The distance sums: one breadth-first search per source, blocks as above. Each block
 * accumulates both sums of a node side by side: acc[2v] += d, acc[2v + 1] += 1/d. */
typedef struct {
    const WnCsr *csr;
    const guint32 *sources;
    gsize k;
    WnSumTree *sum;
    Search *search; /* one per worker: only seen, next and order are used */
} DistanceJob;

/* Marks the unseen neighbours of the level order[head … level_end − 1] in @next. */
static void
expand_level(const WnCsr *csr, Search *w, gsize head, gsize level_end, Span *span)
{
    for (; head < level_end; head++) {
        guint32 u = w->order[head];
        for (gsize a = csr->start[u]; a < csr->start[u + 1]; a++) {
            guint32 v = csr->adj[a];
            gsize word = v >> 6;
            guint64 bit = G_GUINT64_CONSTANT(1) << (v & 63);
            if ((w->seen[word] & bit) == 0) {
                w->seen[word] |= bit;
                w->next[word] |= bit;
                span->lo = MIN(span->lo, word);
                span->hi = MAX(span->hi, word + 1);
            }
        }
    }
}

/* Breadth-first from @s level by level, each level in node order as count_paths does,
 * adding d and 1/d for every node reached at d ≥ 1; clears @seen afterwards. */
static void
add_distances(const DistanceJob *job, Search *w, guint32 s, double *acc)
{
    gsize head = 0, tail = 0;
    w->seen[s >> 6] |= G_GUINT64_CONSTANT(1) << (s & 63);
    w->order[tail++] = s;
    for (double d = 1; head < tail; d++) {
        gsize level_end = tail;
        Span span = {G_MAXSIZE, 0};
        expand_level(job->csr, w, head, level_end, &span);
        head = level_end;
        tail = collect_level(w, &span, tail);
        double inverse = 1.0 / d;
        for (gsize i = level_end; i < tail; i++) {
            acc[2 * (gsize) w->order[i]] += d;
            acc[2 * (gsize) w->order[i] + 1] += inverse;
        }
    }
    for (gsize i = 0; i < tail; i++) {
        w->seen[w->order[i] >> 6] = 0;
    }
}

static void
run_distance_block(gsize task, guint worker, gpointer data)
{
    const DistanceJob *job = data;
    gsize block = job->sum->first + task;
    gsize n = job->csr->n;
    Search *w = &job->search[worker];
    if (w->seen == NULL) {
        w->seen = g_new0(guint64, n / 64 + 1);
        w->next = g_new0(guint64, n / 64 + 1);
        w->order = g_new(guint32, n + 1);
    }
    double *acc = g_new0(double, 2 * n + 1);
    gsize first = 0, last = 0;
    wn_ranks__slice(job->k, (guint) block, (guint) job->sum->blocks, &first, &last);
    for (gsize i = first; i < last; i++) {
        add_distances(job, w, job->sources[i], acc);
    }
    wn_sum_tree__add(job->sum, block, acc);
}

/**
 * wn_brandes__distance_sums:
 * For each node v, in one breadth-first search per source, Σ over the sources s ≠ v
 * that reach v of d(s, v) in hops (into @sum_out) and of 1/d(s, v) (into
 * @inverse_out); unreached nodes and the source itself add nothing.
 * Both: (transfer full) n sums, identical for any number of @threads and MPI ranks
 * (blocks summed in a fixed tree, as wn_brandes__dependency_sum()).
 * Cost: O(k·(n + m)) time; 16·n bytes for each block accumulator alive (as
 * wn_brandes__dependency_sum()) and 4·n bytes per thread.
 */
void
wn_brandes__distance_sums(const WnCsr *csr, const guint32 *sources, gsize k, guint threads,
                          double **sum_out, double **inverse_out)
{
    gsize blocks = blocks_for(k);
    guint workers = wn_parallel__threads(threads);
    WnSumTree reduction;
    wn_sum_tree__init(&reduction, "distances", 2 * csr->n, blocks);
    g_autofree Search *search = g_new0(Search, workers);
    DistanceJob job = {csr, sources, k, &reduction, search};
    wn_parallel__run(reduction.last - reduction.first, threads, run_distance_block, &job);
    for (guint i = 0; i < workers; i++) {
        search_clear(&search[i]);
    }
    g_autofree double *both = wn_sum_tree__finish(&reduction);
    *sum_out = g_new(double, csr->n + 1);
    *inverse_out = g_new(double, csr->n + 1);
    for (gsize v = 0; v < csr->n; v++) {
        (*sum_out)[v] = both[2 * v];
        (*inverse_out)[v] = both[2 * v + 1];
    }
}
