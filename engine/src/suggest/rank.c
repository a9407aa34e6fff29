/* rank.c: the scored candidates of one target, best first */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

#include <math.h>

/* The work space of one node; marks hold target + 1. */
typedef struct {
    double adamic_adar;
    guint32 groups;
    guint32 blocked; /* the target itself, its contacts and conflicts */
    guint32 pooled;  /* already in the pool */
} RankNode;

/* Per-node work space, reused from target to target. */
struct _WnRankScratch {
    RankNode *node; /* per node */
    GArray *pool;   /* of guint32 */
};

WnRankScratch *
wn_suggest__scratch_new(gsize n)
{
    WnRankScratch *s = g_new0(WnRankScratch, 1);
    s->node = g_new0(RankNode, n + 1);
    s->pool = g_array_new(FALSE, FALSE, sizeof(guint32));
    return s;
}

void
wn_suggest__scratch_free(WnRankScratch *scratch)
{
    if (scratch == NULL) {
        return;
    }
    g_free(scratch->node);
    g_array_unref(scratch->pool);
    g_free(scratch);
}

static void
add_to_pool(WnRankScratch *s, guint32 mark, guint32 c)
{
    if (s->node[c].pooled != mark) {
        s->node[c].pooled = mark;
        s->node[c].adamic_adar = 0.0;
        s->node[c].groups = 0;
        g_array_append_val(s->pool, c);
    }
}

/* The pool: every node two steps from @t over all ties, summing Adamic–Adar and shared
 * groups on the way. The residents and groups of @t's area come later (offer_area). */
static void
fill_pool(const WnSuggestModel *model, WnRankScratch *s, gsize t)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    guint32 mark = (guint32) t + 1;
    gsize nz = 0, nc = 0;
    const guint32 *zs = wn_suggest__neighbours(model, t, &nz);
    g_array_set_size(s->pool, 0);
    s->node[t].blocked = mark;
    for (gsize i = 0; i < nz; i++) {
        s->node[zs[i]].blocked = mark;
    }
    for (gsize i = 0; i < nz; i++) {
        const guint32 *cs = wn_suggest__neighbours(model, zs[i], &nc);
        double term = 1.0 / log((double) nc); /* nc ≥ 2: z knows t and c */
        for (gsize j = 0; j < nc; j++) {
            if (s->node[cs[j]].blocked != mark) {
                add_to_pool(s, mark, cs[j]);
                s->node[cs[j]].adamic_adar += term;
                s->node[cs[j]].groups += net->kinds[zs[i]] == WN_NODE_GROUP;
            }
        }
    }
}

/* May @c be suggested under the policy? Conflicts are checked by the caller. */
static gboolean
is_eligible(const WnSuggestModel *model, gsize c, const WnSuggestOptions *opts, WnRankFlags flags)
{
    WnNodeKind kind = wn_network_node_kind(wn_suggest__model_network(model), c);
    if (kind == WN_NODE_GROUP) {
        return opts->policy != WN_POLICY_BUDDY && !(flags & WN_RANK_RESIDENTS_ONLY);
    }
    if (kind != WN_NODE_RESIDENT) {
        return FALSE;
    }
    switch (opts->policy) {
    case WN_POLICY_ANCHOR:
        return !wn_suggest__is_at_risk(model, c);
    case WN_POLICY_BUDDY:
        return wn_suggest__is_at_risk(model, c);
    case WN_POLICY_MIXED:
        break;
    }
    return TRUE;
}

static gsize
count_shared(const WnSuggestModel *model, gsize a, gsize b)
{
    gsize na = 0, nb = 0;
    const guint32 *ta = wn_suggest__tokens(model, a, &na);
    const guint32 *tb = wn_suggest__tokens(model, b, &nb);
    return wn_suggest__intersect(ta, na, tb, nb, NULL);
}

/* The policy's term: how well connected @c is (a group counts as fully connected). */
static double
anchor_term(const WnSuggestModel *model, gsize c, const WnSuggestOptions *opts)
{
    if (opts->policy == WN_POLICY_BUDDY) {
        return 0.0;
    }
    if (wn_network_node_kind(wn_suggest__model_network(model), c) == WN_NODE_GROUP) {
        return opts->weight_anchor;
    }
    double degree = (double) wn_suggest__informal_degree(model, c);
    return opts->weight_anchor * MIN(degree, opts->anchor_cap) / opts->anchor_cap;
}

/* Scores @c for @t, given their Adamic–Adar sum and shared groups (0 for no common contact). */
static void
score_pair(const WnSuggestModel *model, gsize t, gsize c, double adamic_adar, guint32 groups,
           const WnSuggestOptions *opts, WnSuggestPair *p)
{
    double metres = 0.0;
    p->target = (guint32) t;
    p->candidate = (guint32) c;
    p->parts[WN_FEATURE_COMMON] = opts->weight_common * adamic_adar;
    p->parts[WN_FEATURE_GROUP] = opts->weight_group * groups;
    p->parts[WN_FEATURE_AREA] = wn_suggest__same_area(model, t, c) ? opts->weight_area : 0.0;
    p->parts[WN_FEATURE_NEAR] =
        wn_suggest__metres(model, t, c, &metres)
            ? opts->weight_near * opts->near_metres / (opts->near_metres + metres)
            : 0.0;
    p->parts[WN_FEATURE_SHARED] = opts->weight_shared * (double) count_shared(model, t, c);
    p->parts[WN_FEATURE_AGE] = opts->weight_age * wn_suggest__age_closeness(model, t, c);
    p->parts[WN_FEATURE_POLICY] = anchor_term(model, c, opts);
    p->score = 0.0;
    for (int f = 0; f < WN_FEATURE_COUNT; f++) {
        p->score += p->parts[f];
    }
}

/* A suggestion needs a reason: some feature other than the policy's term. */
static gboolean
has_reason(const WnSuggestPair *p)
{
    for (int f = 0; f < WN_FEATURE_POLICY; f++) {
        if (p->parts[f] > 0.0) {
            return TRUE;
        }
    }
    return FALSE;
}

static gint
by_score_then_node(gconstpointer a, gconstpointer b)
{
    const WnSuggestPair *p = a, *q = b;
    if (p->score != q->score) {
        return p->score > q->score ? -1 : 1;
    }
    return p->candidate < q->candidate ? -1 : (p->candidate > q->candidate);
}

/* Is @p a better suggestion than @q? Higher score first, then lower node index. */
static gboolean
is_better(const WnSuggestPair *p, const WnSuggestPair *q)
{
    return by_score_then_node(p, q) < 0;
}

/* Is @p a worse suggestion than @q? (The order of the heap of the best pairs.) */
static gboolean
is_worse(gconstpointer p, gconstpointer q)
{
    return is_better(q, p);
}

/* Keeps the @k best pairs offered so far in @best, a heap with the worst on top. */
static void
offer(GArray *best, gsize k, const WnSuggestPair *p)
{
    WnSuggestPair *h = (WnSuggestPair *) (void *) best->data;
    if (best->len < k) {
        wn_heap__push(best, p, is_worse);
    } else if (k > 0 && is_better(p, &h[0])) {
        h[0] = *p;
        wn_heap__sift_down(best, 0, is_worse);
    }
}

/* The score a pair needs to get into @best (then it must still beat the worst pair): −∞
 * until @best holds @k pairs. */
static double
entry_score(const GArray *best, gsize k)
{
    return best->len < k || k == 0 ? -G_MAXDOUBLE : g_array_index(best, WnSuggestPair, 0).score;
}

/*
 * An upper bound on the score of @c, a candidate from @t's area with no contact in common
 * with @t and @chord2 from it (wn_suggest__chord2): each term as score_pair computes it, but
 * the distance at its lower bound (wn_suggest__metres_at_least) and every interest or language of
 * the one with fewer shared; summed in the same order. Rounding preserves order (a ≤ a' gives a + b
 * ≤ a' + b and a / b ≥ a / b' for b ≤ b'), so the computed bound is never below the computed score.
 */
static double
area_bound(const WnSuggestModel *model, gsize t, gsize c, const WnSuggestOptions *opts,
           double chord2)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize nt = 0, nc = 0;
    double parts[WN_FEATURE_COUNT] = {opts->weight_common * 0.0, opts->weight_group * 0};
    gboolean placed =
        !isnan(net->lat[t]) && !isnan(net->lon[t]) && !isnan(net->lat[c]) && !isnan(net->lon[c]);
    wn_suggest__tokens(model, t, &nt);
    wn_suggest__tokens(model, c, &nc);
    parts[WN_FEATURE_AREA] = wn_suggest__same_area(model, t, c) ? opts->weight_area : 0.0;
    parts[WN_FEATURE_NEAR] = placed ? opts->weight_near * opts->near_metres /
                                          (opts->near_metres + wn_suggest__metres_at_least(chord2))
                                    : 0.0;
    parts[WN_FEATURE_SHARED] = opts->weight_shared * (double) MIN(nt, nc);
    parts[WN_FEATURE_AGE] = opts->weight_age * wn_suggest__age_closeness(model, t, c);
    parts[WN_FEATURE_POLICY] = anchor_term(model, c, opts);
    double bound = 0.0;
    for (int f = 0; f < WN_FEATURE_COUNT; f++) {
        bound += parts[f];
    }
    return bound;
}

/* The largest the policy's term can be (anchor_term is monotone in the degree). */
static double
anchor_ceiling(const WnSuggestOptions *opts)
{
    if (opts->policy == WN_POLICY_BUDDY) {
        return 0.0;
    }
    return MAX(opts->weight_anchor, opts->weight_anchor * opts->anchor_cap / opts->anchor_cap);
}

/*
 * How far (wn_suggest__metres) a candidate from @t's area with no contact in common can be
 * and still reach @entry: past it, even with every other term at its largest (the area, all
 * of @t's interests and languages shared, the same age band, the policy's top), the sum in
 * score_pair's order stays below @entry. G_MAXDOUBLE when no distance is far enough.
 */
static double
area_reach(const WnSuggestModel *model, gsize t, const WnSuggestOptions *opts, double entry)
{
    gsize nt = 0;
    wn_suggest__tokens(model, t, &nt);
    double parts[WN_FEATURE_COUNT] = {opts->weight_common * 0.0,
                                      opts->weight_group * 0,
                                      wn_suggest__same_area(model, t, t) ? opts->weight_area : 0.0,
                                      0.0,
                                      opts->weight_shared * (double) nt,
                                      opts->weight_age * 1.0,
                                      anchor_ceiling(opts)};
    double need = entry - (parts[2] + parts[4] + parts[5] + parts[6]); /* a first guess */
    double reach = need > 0.0
                       ? MAX(0.0, opts->weight_near * opts->near_metres / need - opts->near_metres)
                       : 0.0;
    for (int i = 0; i < 64 && entry > -G_MAXDOUBLE; i++, reach = 2.0 * reach + 1.0) {
        double ceiling = 0.0;
        parts[WN_FEATURE_NEAR] =
            opts->weight_near * opts->near_metres / (opts->near_metres + reach);
        for (int f = 0; f < WN_FEATURE_COUNT; f++) {
            ceiling += parts[f];
        }
        if (ceiling < entry) {
            return reach;
        }
    }
    return G_MAXDOUBLE;
}

/* The bar of offer_area: candidates more than @reach metres from the target (by
 * wn_suggest__metres), as those whose wn_suggest__chord2 from it exceeds @chord2 or whose
 * latitude differs by more than @degrees, score below @entry, the entry score when it was
 * set. */
typedef struct {
    double entry, reach, chord2, degrees;
} Bar;

/* Offers @c, a node of @t's area outside the pool @chord2 from @t and within the bar,
 * unless it cannot get in: its own bound (area_bound) is below the entry score.
 * Returns: TRUE when @c was offered (the entry score may have risen). */
static gboolean
offer_area_node(const WnSuggestModel *model, const WnRankScratch *s, gsize t, guint32 c,
                const WnSuggestOptions *opts, WnRankFlags flags, GArray *best, gsize k,
                double chord2)
{
    guint32 mark = (guint32) t + 1;
    WnSuggestPair p = {0};
    const RankNode *node = &s->node[c];
    if (node->blocked == mark || node->pooled == mark || !is_eligible(model, c, opts, flags) ||
        wn_suggest__in_conflict(model, t, c) ||
        area_bound(model, t, c, opts, chord2) < entry_score(best, k)) {
        return FALSE;
    }
    score_pair(model, t, c, 0.0, 0, opts, &p);
    if (has_reason(&p)) {
        offer(best, k, &p);
    }
    return TRUE;
}

/* Raises @bar to the entry score of @best when that has changed. */
static void
raise_bar(const WnSuggestModel *model, gsize t, const WnSuggestOptions *opts, const GArray *best,
          gsize k, Bar *bar)
{
    double entry = entry_score(best, k);
    if (entry != bar->entry) {
        bar->entry = entry;
        bar->reach = area_reach(model, t, opts, entry);
        bar->chord2 = wn_suggest__chord2_beyond(bar->reach);
        bar->degrees = wn_suggest__degrees_beyond(bar->reach);
    }
}

/* Offers the area node @c unless it lies beyond @bar (wn_suggest__chord2, inline here:
 * most of an area does); then raises the bar. */
static inline void
visit_area_node(const WnSuggestModel *model, const WnRankScratch *s, gsize t, guint32 c,
                const WnSuggestOptions *opts, WnRankFlags flags, GArray *best, gsize k, Bar *bar)
{
    const double *p = wn_suggest__units(model) + 3 * t, *q = wn_suggest__units(model) + 3 * c;
    double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
    double chord2 = dx * dx + dy * dy + dz * dz;
    if (!(chord2 > bar->chord2) && offer_area_node(model, s, t, c, opts, flags, best, k, chord2)) {
        raise_bar(model, t, opts, best, k, bar);
    }
}

/* Is @a before @b by latitude, then node? */
static gboolean
is_south_of(const WnNetwork *net, guint32 a, guint32 b)
{
    return net->lat[a] < net->lat[b] || (net->lat[a] == net->lat[b] && a < b);
}

/* Offers the residents and groups of @t's area beyond the pool, sweeping north and south
 * from @t by latitude: the nearest come early, the bar rises, and a side stops once the
 * latitudes alone put its next node beyond the bar (wn_suggest__degrees_beyond; farther
 * nodes on that side only differ more). Nodes without a position come last, all of them;
 * a target without one has every node visited. */
static void
offer_area(const WnSuggestModel *model, const WnRankScratch *s, gsize t,
           const WnSuggestOptions *opts, WnRankFlags flags, GArray *best, gsize k)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize na = 0, placed = 0, pos = 0, hi = 0;
    const guint32 *area = wn_suggest__area_by_latitude(model, t, &na, &placed);
    Bar bar = {-G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE};
    raise_bar(model, t, opts, best, k, &bar);
    gboolean north = !isnan(net->lat[t]) && !isnan(net->lon[t]), south = north;
    for (hi = north ? placed : 0; pos < hi;) { /* the first node not south of t */
        gsize mid = pos + (hi - pos) / 2;
        is_south_of(net, area[mid], (guint32) t) ? (pos = mid + 1) : (hi = mid);
    }
    for (gsize up = pos, down = pos; north || south;) {
        north = north && up < placed && !(net->lat[area[up]] - net->lat[t] > bar.degrees);
        if (north) {
            visit_area_node(model, s, t, area[up++], opts, flags, best, k, &bar);
        }
        south = south && down > 0 && !(net->lat[t] - net->lat[area[down - 1]] > bar.degrees);
        if (south) {
            visit_area_node(model, s, t, area[--down], opts, flags, best, k, &bar);
        }
    }
    for (gsize i = isnan(net->lat[t]) || isnan(net->lon[t]) ? 0 : placed; i < na; i++) {
        visit_area_node(model, s, t, area[i], opts, flags, best, k, &bar);
    }
}

/**
 * wn_suggest__rank:
 * The @k best candidates of @target (wn_suggest_table defines pool, features and score),
 * highest score first, equal scores in node order. A candidate without any reason
 * (only the policy's term) is left out. The two-step pool is scored in full; a candidate
 * from the area alone is scored only when an upper bound on its score (area_bound) could
 * still beat the k-th best so far, which leaves the k best unchanged (they are the k best
 * of a strict order, whatever the order candidates come in).
 * Returns: (transfer full) (element-type WnSuggestPair): at most @k pairs.
 * Cost: O(Σ_z deg z over @target's contacts z + a) for an area of a nodes, plus
 * O(t + log k) for each candidate scored, t its interests.
 */
GArray *
wn_suggest__rank(const WnSuggestModel *model, WnRankScratch *scratch, gsize target,
                 const WnSuggestOptions *opts, WnRankFlags flags, gsize k)
{
    gsize n = wn_network_node_count(wn_suggest__model_network(model));
    GArray *best = g_array_sized_new(FALSE, FALSE, sizeof(WnSuggestPair), (guint) MIN(k, n));
    fill_pool(model, scratch, target);
    for (guint i = 0; i < scratch->pool->len; i++) {
        guint32 c = g_array_index(scratch->pool, guint32, i);
        WnSuggestPair p = {0};
        if (!is_eligible(model, c, opts, flags) || wn_suggest__blocked(model, target, c)) {
            continue;
        }
        const RankNode *node = &scratch->node[c];
        score_pair(model, target, c, node->adamic_adar, node->groups, opts, &p);
        if (has_reason(&p)) {
            offer(best, k, &p);
        }
    }
    offer_area(model, scratch, target, opts, flags, best, k);
    g_array_sort(best, by_score_then_node);
    return best;
}

/* The rankings of wn_suggest__rank_all, target by target over threads. */
typedef struct {
    const WnSuggestModel *model;
    const GArray *targets;
    const WnSuggestOptions *opts;
    WnRankFlags flags;
    gsize k;
    WnRankScratch **scratch; /* per worker, made on first use */
    GPtrArray *ranked;
} RankJob;

static void
rank_task(gsize i, guint worker, gpointer data)
{
    const RankJob *job = data;
    if (job->scratch[worker] == NULL) {
        job->scratch[worker] =
            wn_suggest__scratch_new(wn_network_node_count(wn_suggest__model_network(job->model)));
    }
    g_ptr_array_index(job->ranked, i) =
        wn_suggest__rank(job->model, job->scratch[worker], g_array_index(job->targets, gsize, i),
                         job->opts, job->flags, job->k);
}

/**
 * wn_suggest__rank_all:
 * wn_suggest__rank for each of @targets (gsize node indices, each once), over one thread
 * per processor; each ranking is one thread's, so the result does not depend on the
 * number of threads.
 * Returns: (transfer full) (element-type GArray): one ranking per target, in order.
 */
GPtrArray *
wn_suggest__rank_all(const WnSuggestModel *model, const GArray *targets,
                     const WnSuggestOptions *opts, WnRankFlags flags, gsize k)
{
    guint workers = wn_parallel__threads(0);
    g_autofree WnRankScratch **scratch = g_new0(WnRankScratch *, workers);
    GPtrArray *ranked = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    g_ptr_array_set_size(ranked, targets->len);
    RankJob job = {model, targets, opts, flags, k, scratch, ranked};
    wn_parallel__run(targets->len, 0, rank_task, &job);
    for (guint w = 0; w < workers; w++) {
        wn_suggest__scratch_free(scratch[w]);
    }
    return ranked;
}
