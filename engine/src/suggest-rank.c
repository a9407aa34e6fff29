/* suggest-rank.c: the scored candidates of one target, best first */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

#include <math.h>

/* Per-node work space, reused from target to target; marks hold target + 1. */
struct _WnRankScratch {
    guint32 *blocked; /* the target itself, its contacts and conflicts */
    guint32 *pooled;  /* already in the pool */
    double *adamic_adar;
    guint32 *groups;
    GArray *pool; /* of guint32 */
};

WnRankScratch *
wn_suggest__scratch_new(gsize n)
{
    WnRankScratch *s = g_new0(WnRankScratch, 1);
    s->blocked = g_new0(guint32, n + 1);
    s->pooled = g_new0(guint32, n + 1);
    s->adamic_adar = g_new0(double, n + 1);
    s->groups = g_new0(guint32, n + 1);
    s->pool = g_array_new(FALSE, FALSE, sizeof(guint32));
    return s;
}

void
wn_suggest__scratch_free(WnRankScratch *scratch)
{
    if (scratch == NULL) {
        return;
    }
    g_free(scratch->blocked);
    g_free(scratch->pooled);
    g_free(scratch->adamic_adar);
    g_free(scratch->groups);
    g_array_unref(scratch->pool);
    g_free(scratch);
}

static void
add_to_pool(WnRankScratch *s, guint32 mark, guint32 c)
{
    if (s->pooled[c] != mark) {
        s->pooled[c] = mark;
        s->adamic_adar[c] = 0.0;
        s->groups[c] = 0;
        g_array_append_val(s->pool, c);
    }
}

/* The pool: every node two steps from @t over all ties (summing Adamic–Adar and shared
 * groups on the way), then the residents and groups of @t's area. */
static void
fill_pool(const WnSuggestModel *model, WnRankScratch *s, gsize t)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    guint32 mark = (guint32) t + 1;
    gsize nz = 0, nc = 0, na = 0;
    const guint32 *zs = wn_suggest__neighbours(model, t, &nz);
    g_array_set_size(s->pool, 0);
    s->blocked[t] = mark;
    for (gsize i = 0; i < nz; i++) {
        s->blocked[zs[i]] = mark;
    }
    for (gsize i = 0; i < nz; i++) {
        const guint32 *cs = wn_suggest__neighbours(model, zs[i], &nc);
        double term = 1.0 / log((double) nc); /* nc ≥ 2: z knows t and c */
        for (gsize j = 0; j < nc; j++) {
            if (s->blocked[cs[j]] != mark) {
                add_to_pool(s, mark, cs[j]);
                s->adamic_adar[cs[j]] += term;
                s->groups[cs[j]] += net->kinds[zs[i]] == WN_NODE_GROUP;
            }
        }
    }
    const guint32 *area = wn_suggest__area_nodes(model, t, &na);
    for (gsize i = 0; i < na; i++) {
        if (s->blocked[area[i]] != mark) {
            add_to_pool(s, mark, area[i]);
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
    gsize na = 0, nb = 0, i = 0, j = 0, shared = 0;
    const guint32 *ta = wn_suggest__tokens(model, a, &na);
    const guint32 *tb = wn_suggest__tokens(model, b, &nb);
    while (i < na && j < nb) {
        if (ta[i] == tb[j]) {
            shared++;
            i++;
            j++;
        } else if (ta[i] < tb[j]) {
            i++;
        } else {
            j++;
        }
    }
    return shared;
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

static void
score_pair(const WnSuggestModel *model, const WnRankScratch *s, gsize t, gsize c,
           const WnSuggestOptions *opts, WnSuggestPair *p)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    double metres = 0.0;
    p->target = (guint32) t;
    p->candidate = (guint32) c;
    p->parts[WN_FEATURE_COMMON] = opts->weight_common * s->adamic_adar[c];
    p->parts[WN_FEATURE_GROUP] = opts->weight_group * s->groups[c];
    p->parts[WN_FEATURE_AREA] =
        net->areas[t] != NULL && g_strcmp0(net->areas[t], net->areas[c]) == 0 ? opts->weight_area
                                                                              : 0.0;
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

/* Restores the heap of @best (the worst pair on top) below index @i. */
static void
sift_down(WnSuggestPair *best, gsize len, gsize i)
{
    for (;;) {
        gsize l = 2 * i + 1, r = l + 1, w = i;
        w = l < len && is_better(&best[w], &best[l]) ? l : w;
        w = r < len && is_better(&best[w], &best[r]) ? r : w;
        if (w == i) {
            return;
        }
        WnSuggestPair tmp = best[i];
        best[i] = best[w];
        best[w] = tmp;
        i = w;
    }
}

/* Keeps the @k best pairs offered so far in @best, a heap with the worst on top. */
static void
offer(GArray *best, gsize k, const WnSuggestPair *p)
{
    WnSuggestPair *h = (WnSuggestPair *) (void *) best->data;
    if (best->len < k) {
        g_array_append_val(best, *p);
        h = (WnSuggestPair *) (void *) best->data;
        for (gsize i = best->len - 1; i > 0 && is_better(&h[(i - 1) / 2], &h[i]); i = (i - 1) / 2) {
            WnSuggestPair tmp = h[i];
            h[i] = h[(i - 1) / 2];
            h[(i - 1) / 2] = tmp;
        }
    } else if (k > 0 && is_better(p, &h[0])) {
        h[0] = *p;
        sift_down(h, best->len, 0);
    }
}

/**
 * wn_suggest__rank:
 * The @k best candidates of @target (wn_suggest_table defines pool, features and score),
 * highest score first, equal scores in node order. A candidate without any reason
 * (only the policy's term) is left out.
 * Returns: (transfer full) (element-type WnSuggestPair): at most @k pairs.
 * Cost: O(Σ_z deg z over @target's contacts z + a·(t + log k)) for a pool of a nodes
 * with t interests each.
 */
GArray *
wn_suggest__rank(const WnSuggestModel *model, WnRankScratch *scratch, gsize target,
                 const WnSuggestOptions *opts, WnRankFlags flags, gsize k)
{
    GArray *best = g_array_sized_new(FALSE, FALSE, sizeof(WnSuggestPair), (guint) k);
    fill_pool(model, scratch, target);
    for (guint i = 0; i < scratch->pool->len; i++) {
        guint32 c = g_array_index(scratch->pool, guint32, i);
        WnSuggestPair p = {0};
        if (!is_eligible(model, c, opts, flags) || wn_suggest__blocked(model, target, c)) {
            continue;
        }
        score_pair(model, scratch, target, c, opts, &p);
        if (has_reason(&p)) {
            offer(best, k, &p);
        }
    }
    g_array_sort(best, by_score_then_node);
    return best;
}

/**
 * wn_suggest__rank_all:
 * wn_suggest__rank for each of @targets (gsize node indices).
 * Returns: (transfer full) (element-type GArray): one ranking per target, in order.
 */
GPtrArray *
wn_suggest__rank_all(const WnSuggestModel *model, const GArray *targets,
                     const WnSuggestOptions *opts, WnRankFlags flags, gsize k)
{
    g_autoptr(WnRankScratch) scratch =
        wn_suggest__scratch_new(wn_network_node_count(wn_suggest__model_network(model)));
    GPtrArray *ranked = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    for (guint i = 0; i < targets->len; i++) {
        gsize t = g_array_index(targets, gsize, i);
        g_ptr_array_add(ranked, wn_suggest__rank(model, scratch, t, opts, flags, k));
    }
    return ranked;
}
