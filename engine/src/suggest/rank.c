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
    RankNode *node;    /* per node */
    GArray *pool;      /* of guint32 */
    guint32 hub;       /* the target's one hub (fill_pool), or G_MAXUINT32 */
    gsize skip_bucket; /* while sweeping beyond the target's area: its bucket; else G_MAXSIZE */
    const WnRankClasses *classes;
};

WnRankScratch *
wn_suggest__scratch_new(gsize n, const WnRankClasses *classes)
{
    WnRankScratch *s = g_new0(WnRankScratch, 1);
    s->classes = classes;
    s->skip_bucket = G_MAXSIZE;
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

static gboolean
is_hub(const WnSuggestModel *model, guint32 z)
{
    gsize degree = 0;
    wn_suggest__neighbours(model, z, &degree);
    return degree > WN_SUGGEST_HUB_DEGREE;
}

/* Adds the contact @z's neighbours to the pool with its Adamic–Adar term. */
static void
walk_contact(const WnSuggestModel *model, WnRankScratch *s, guint32 mark, guint32 z)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize nc = 0;
    const guint32 *cs = wn_suggest__neighbours(model, z, &nc);
    double term = 1.0 / log((double) nc); /* nc ≥ 2: z knows t and c */
    for (gsize j = 0; j < nc; j++) {
        if (s->node[cs[j]].blocked != mark) {
            add_to_pool(s, mark, cs[j]);
            s->node[cs[j]].adamic_adar += term;
            s->node[cs[j]].groups += net->kinds[z] == WN_NODE_GROUP;
        }
    }
}

/* The pool: every node two steps from @t over all ties, summing Adamic–Adar and shared
 * groups on the way, over the contacts with at most WN_SUGGEST_HUB_DEGREE ties first,
 * then the hubs. With exactly one hub, its neighbours are not walked: the pooled ones get
 * its term here, the others are offered by class (offer_classes).
 * Returns: that one hub, or G_MAXUINT32. */
static guint32
fill_pool(const WnSuggestModel *model, WnRankScratch *s, gsize t)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    guint32 mark = (guint32) t + 1, hub = G_MAXUINT32;
    gsize nz = 0, hubs = 0;
    const guint32 *zs = wn_suggest__neighbours(model, t, &nz);
    g_array_set_size(s->pool, 0);
    s->node[t].blocked = mark;
    for (gsize i = 0; i < nz; i++) {
        s->node[zs[i]].blocked = mark;
        if (is_hub(model, zs[i])) {
            hubs++;
            hub = zs[i];
        } else {
            walk_contact(model, s, mark, zs[i]);
        }
    }
    for (gsize i = 0; i < nz && hubs > 1; i++) {
        if (is_hub(model, zs[i])) {
            walk_contact(model, s, mark, zs[i]);
        }
    }
    if (hubs != 1) {
        return G_MAXUINT32;
    }
    gsize nh = 0;
    wn_suggest__neighbours(model, hub, &nh);
    for (guint i = 0; i < s->pool->len; i++) {
        guint32 c = g_array_index(s->pool, guint32, i);
        if (wn_suggest__tied(model, c, hub)) {
            s->node[c].adamic_adar += 1.0 / log((double) nh);
            s->node[c].groups += net->kinds[hub] == WN_NODE_GROUP;
        }
    }
    return hub;
}

/* May @c be suggested to @t under the policy and the guard for minors? Conflicts are
 * checked by the caller. What decides is in a class's key (classes.c): kind, at risk, age
 * band. */
static gboolean
is_eligible(const WnSuggestModel *model, gsize t, gsize c, const WnSuggestOptions *opts,
            WnRankFlags flags)
{
    WnNodeKind kind = wn_network_node_kind(wn_suggest__model_network(model), c);
    if (!wn_suggest__ages_fit(model, t, c)) {
        return FALSE;
    }
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
    return wn_sorted__intersect(ta, na, tb, nb, NULL);
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
    p->parts[WN_FEATURE_POLICY] = wn_suggest__anchor_term(model, c, opts);
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

/* Is @c in the area already swept (offer_beyond)? */
static gboolean
is_skipped(const WnSuggestModel *model, const WnRankScratch *s, guint32 c)
{
    gsize bucket = G_MAXSIZE;
    wn_suggest__buckets(model, c, &bucket);
    return s->skip_bucket != G_MAXSIZE && bucket == s->skip_bucket;
}

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
    if (node->blocked == mark || node->pooled == mark || !is_eligible(model, t, c, opts, flags) ||
        wn_suggest__in_conflict(model, t, c) ||
        (s->hub != G_MAXUINT32 && wn_suggest__tied(model, c, s->hub)) || is_skipped(model, s, c) ||
        wn_suggest__area_bound(model, t, c, opts, chord2) < entry_score(best, k)) {
        return FALSE;
    }
    score_pair(model, t, c, 0.0, 0, opts, &p);
    if (has_reason(&p)) {
        offer(best, k, &p);
    }
    return TRUE;
}

/* Offers the area node @c unless it lies beyond @bar (wn_suggest__chord2, inline here:
 * most of an area does); then raises the bar. */
static inline void
visit_area_node(const WnSuggestModel *model, const WnRankScratch *s, gsize t, guint32 c,
                const WnSuggestOptions *opts, WnRankFlags flags, GArray *best, gsize k, WnBar *bar)
{
    const double *p = wn_suggest__units(model) + 3 * t, *q = wn_suggest__units(model) + 3 * c;
    double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
    double chord2 = dx * dx + dy * dy + dz * dz;
    if (!(chord2 > bar->chord2) && offer_area_node(model, s, t, c, opts, flags, best, k, chord2)) {
        wn_suggest__raise_bar(model, t, opts, entry_score(best, k), bar);
    }
}

/* Could a candidate @c whose score is at most @bound get into @best? */
static gboolean
can_enter(const GArray *best, gsize k, double bound, guint32 c)
{
    if (best->len < k) {
        return TRUE;
    }
    const WnSuggestPair *worst = &g_array_index(best, WnSuggestPair, 0);
    return bound > worst->score || (bound == worst->score && c < worst->candidate);
}

/* The bound on the score of any member of the class of @first: @base (common, group,
 * area, distance: upper bounds the caller knows), then the shared interests at their
 * largest, the class's age closeness and policy term; summed in score_pair's order, so
 * never below a computed score (area_bound). FALSE when no member can have a reason. */
static gboolean
class_bound(const WnSuggestModel *model, gsize t, guint32 first, const double *base,
            const WnSuggestOptions *opts, double *bound_out)
{
    gsize nt = 0, nc = 0;
    wn_suggest__tokens(model, t, &nt);
    wn_suggest__tokens(model, first, &nc);
    double parts[WN_FEATURE_COUNT] = {base[0],
                                      base[1],
                                      base[2],
                                      base[3],
                                      opts->weight_shared * (double) MIN(nt, nc),
                                      opts->weight_age * wn_suggest__age_closeness(model, t, first),
                                      wn_suggest__anchor_term(model, first, opts)};
    gboolean reason = FALSE;
    *bound_out = 0.0;
    for (int f = 0; f < WN_FEATURE_COUNT; f++) {
        *bound_out += parts[f];
        reason = reason || (f < WN_FEATURE_POLICY && parts[f] > 0.0);
    }
    return reason;
}

/* Offers the members of @classes that are neither pooled nor blocked, each with
 * @adamic_adar and @groups, class by class in node order, until the next cannot get in
 * (class_bound): the k best stay the k best of the whole classes. A node tied to
 * @skip_hub is left out (the hub's classes offer it). */
static void
offer_classes(const WnSuggestModel *model, const WnRankScratch *s, gsize t, const WnClasses *cl,
              const double *base, double adamic_adar, guint32 groups, guint32 skip_hub,
              const WnSuggestOptions *opts, WnRankFlags flags, GArray *best, gsize k)
{
    guint32 mark = (guint32) t + 1;
    for (gsize q = 0; q < cl->count; q++) {
        double bound = 0.0;
        guint32 first = cl->items[cl->first[q]];
        if (!is_eligible(model, t, first, opts, flags) ||
            !class_bound(model, t, first, base, opts, &bound)) {
            continue;
        }
        for (gsize i = cl->first[q];
             i < cl->first[q + 1] && can_enter(best, k, bound, cl->items[i]); i++) {
            guint32 c = cl->items[i];
            WnSuggestPair p = {0};
            if (s->node[c].blocked == mark || s->node[c].pooled == mark ||
                wn_suggest__in_conflict(model, t, c) || is_skipped(model, s, c) ||
                (skip_hub != G_MAXUINT32 && wn_suggest__tied(model, c, skip_hub))) {
                continue;
            }
            score_pair(model, t, c, adamic_adar, groups, opts, &p);
            if (has_reason(&p)) {
                offer(best, k, &p);
            }
        }
    }
}

/* The candidates two steps away through the one hub of @t alone: by class, with the hub's
 * Adamic–Adar term and at most the area's weight and the distance term at 0 m. */
static void
offer_hub(const WnSuggestModel *model, const WnRankScratch *s, gsize t,
          const WnSuggestOptions *opts, WnRankFlags flags, GArray *best, gsize k)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize nh = 0;
    wn_suggest__neighbours(model, s->hub, &nh);
    double term = 0.0 + 1.0 / log((double) nh);
    guint32 groups = net->kinds[s->hub] == WN_NODE_GROUP;
    gboolean placed = !isnan(net->lat[t]) && !isnan(net->lon[t]);
    double base[4] = {opts->weight_common * term, opts->weight_group * groups,
                      wn_suggest__same_area(model, t, t) ? opts->weight_area : 0.0,
                      placed ? opts->weight_near * opts->near_metres / (opts->near_metres + 0.0)
                             : 0.0};
    offer_classes(model, s, t, wn_suggest__rank_classes_hub(s->classes, s->hub), base, term, groups,
                  G_MAXUINT32, opts, flags, best, k);
}

/* Is @a before @b by latitude, then node? */
static gboolean
is_south_of(const WnNetwork *net, guint32 a, guint32 b)
{
    return net->lat[a] < net->lat[b] || (net->lat[a] == net->lat[b] && a < b);
}

/* What a sweep goes through: @nodes by wn_suggest__by_latitude, the first @placed with a
 * position; the @classes of those without one (or all, for a target without a position);
 * @area: the largest area term they can have; @limit: the farthest to look, in metres. */
typedef struct {
    const guint32 *nodes;
    gsize placed;
    const WnClasses *classes;
    double area, limit;
} Sweep;

/* Offers the residents and groups of @w beyond the pool, sweeping north and south from @t
 * by latitude: the nearest come early, the bar rises, and a side stops once the latitudes
 * alone put its next node beyond the bar (wn_suggest__degrees_beyond; farther nodes on
 * that side only differ more) or @w's limit. Nodes without a position come last, by class
 * (offer_classes: no distance term), and so does every node for a target without one. */
static void
sweep(const WnSuggestModel *model, const WnRankScratch *s, gsize t, const Sweep *w,
      const WnSuggestOptions *opts, WnRankFlags flags, GArray *best, gsize k)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    const guint32 *area = w->nodes;
    gsize pos = 0, hi = 0;
    double limit2 = w->limit < G_MAXDOUBLE ? wn_suggest__chord2_beyond(w->limit) : G_MAXDOUBLE;
    double limit_degrees =
        w->limit < G_MAXDOUBLE ? wn_suggest__degrees_beyond(w->limit) : G_MAXDOUBLE;
    WnBar bar = {-G_MAXDOUBLE, G_MAXDOUBLE, limit2, limit_degrees, limit2, limit_degrees};
    wn_suggest__raise_bar(model, t, opts, entry_score(best, k), &bar);
    gboolean north = wn_suggest__is_placed(net, t), south = north;
    for (hi = north ? w->placed : 0; pos < hi;) { /* the first node not south of t */
        gsize mid = pos + (hi - pos) / 2;
        is_south_of(net, area[mid], (guint32) t) ? (pos = mid + 1) : (hi = mid);
    }
    double degrees = MIN(bar.degrees, bar.limit_degrees);
    for (gsize up = pos, down = pos; north || south;
         degrees = MIN(bar.degrees, bar.limit_degrees)) {
        north = north && up < w->placed && !(net->lat[area[up]] - net->lat[t] > degrees);
        if (north) {
            visit_area_node(model, s, t, area[up++], opts, flags, best, k, &bar);
        }
        south = south && down > 0 && !(net->lat[t] - net->lat[area[down - 1]] > degrees);
        if (south) {
            visit_area_node(model, s, t, area[--down], opts, flags, best, k, &bar);
        }
    }
    double base[4] = {opts->weight_common * 0.0, opts->weight_group * 0, w->area, 0.0};
    offer_classes(model, s, t, w->classes, base, 0.0, 0, s->hub, opts, flags, best, k);
}

/* The residents and groups of @t's area beyond the pool (sweep). */
static void
offer_area(const WnSuggestModel *model, const WnRankScratch *s, gsize t,
           const WnSuggestOptions *opts, WnRankFlags flags, GArray *best, gsize k)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize na = 0;
    Sweep w = {NULL, 0, NULL, wn_suggest__same_area(model, t, t) ? opts->weight_area : 0.0,
               G_MAXDOUBLE};
    w.nodes = wn_suggest__area_by_latitude(model, t, &na, &w.placed);
    w.classes = wn_suggest__rank_classes_area(s->classes, model, t, !wn_suggest__is_placed(net, t));
    sweep(model, s, t, &w, opts, flags, best, k);
}

/* Offers the placed nodes of @bands within @limit metres of @t and the bar of what @best
 * holds (wn_suggest__bands_window): the window is set by the bar at the start, which only
 * rises. */
static void
offer_bands(const WnSuggestModel *model, const WnRankScratch *s, gsize t, const WnBands *bands,
            double limit, const WnSuggestOptions *opts, WnRankFlags flags, GArray *best, gsize k)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    double limit2 = wn_suggest__chord2_beyond(limit);
    WnBar bar = {-G_MAXDOUBLE, G_MAXDOUBLE, limit2, G_MAXDOUBLE, limit2, G_MAXDOUBLE};
    wn_suggest__raise_bar(model, t, opts, entry_score(best, k), &bar);
    gsize first = 0, last = 0;
    double west = 0.0, east = 0.0;
    wn_suggest__bands_window(bands, net->lat[t], net->lon[t], MIN(bar.reach, limit), &first, &last,
                             &west, &east);
    for (gsize band = first; band <= last; band++) {
        for (gsize i = wn_suggest__band_start(bands, net, band, west);
             i < bands->first[band + 1] && !(net->lon[bands->items[i]] > east); i++) {
            visit_area_node(model, s, t, bands->items[i], opts, flags, best, k, &bar);
        }
    }
}

/* Does a class of @cl hold candidates the policy and the guard for minors allow for @t (its
 * key decides: kind, at risk, age band)? */
static gboolean
has_eligible(const WnSuggestModel *model, gsize t, const WnClasses *cl,
             const WnSuggestOptions *opts, WnRankFlags flags)
{
    for (gsize q = 0; q < cl->count; q++) {
        if (is_eligible(model, t, cl->items[cl->first[q]], opts, flags)) {
            return TRUE;
        }
    }
    return FALSE;
}

/* Offers by class the residents and groups of the areas touching @t's area
 * (opts->touching) that have no distance to @t: all of them with @everyone (a target
 * without a position), else those without a position.
 * Returns: FALSE, having offered nothing, when those areas hold no such node the policy
 * allows: then the whole network is the fallback. */
static gboolean
offer_touching(const WnSuggestModel *model, const WnRankScratch *s, gsize t, gboolean everyone,
               const WnSuggestOptions *opts, WnRankFlags flags, GArray *best, gsize k)
{
    gsize n = 0;
    const guint32 *buckets = wn_suggest__rank_classes_touching(s->classes, model, t, &n);
    gboolean any = FALSE;
    for (gsize i = 0; i < n && !any; i++) {
        any = has_eligible(model, t,
                           wn_suggest__rank_classes_bucket(s->classes, buckets[i], everyone), opts,
                           flags);
    }
    double base[4] = {opts->weight_common * 0.0, opts->weight_group * 0, 0.0, 0.0};
    for (gsize i = 0; i < n && any; i++) {
        offer_classes(model, s, t,
                      wn_suggest__rank_classes_bucket(s->classes, buckets[i], everyone), base, 0.0,
                      0, s->hub, opts, flags, best, k);
    }
    return any;
}

/* For a target with at most opts->beyond_degree informal ties: the residents and groups of
 * other areas, within opts->beyond_metres when both have a position (offer_bands); of
 * those without a distance to the target, the ones in the areas touching its area when
 * opts->touching gives any (offer_touching), else by class from the whole network
 * (sweep). */
static void
offer_beyond(const WnSuggestModel *model, WnRankScratch *s, gsize t, const WnSuggestOptions *opts,
             WnRankFlags flags, GArray *best, gsize k)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    const WnBands *bands = NULL;
    if (wn_suggest__informal_degree(model, t) > opts->beyond_degree) {
        return;
    }
    Sweep w = {NULL, 0, NULL, 0.0, opts->beyond_metres};
    gboolean placed = wn_suggest__is_placed(net, t);
    w.classes = wn_suggest__rank_classes_all(s->classes, !placed, &bands);
    wn_suggest__buckets(model, t, &s->skip_bucket);
    if (placed) {
        offer_bands(model, s, t, bands, opts->beyond_metres, opts, flags, best, k);
    }
    if (!offer_touching(model, s, t, !placed, opts, flags, best, k)) {
        sweep(model, s, t, &w, opts, flags, best, k);
    }
    s->skip_bucket = G_MAXSIZE;
}

/**
 * wn_suggest__rank:
 * The @k best candidates of @target (wn_suggest_table defines pool, features and score),
 * highest score first, equal scores in node order. A candidate without any reason
 * (only the policy's term) is left out. The two-step pool is scored in full; a candidate
 * from the area alone is scored only when an upper bound on its score (area_bound) could
 * still beat the k-th best so far, which leaves the k best unchanged (they are the k best
 * of a strict order, whatever the order candidates come in). So are the candidates
 * without a position (or all, for a target without one) and those through the target's
 * only hub: by class, in node order, until a class's bound cannot beat the k-th best.
 * Returns: (transfer full) (element-type WnSuggestPair): at most @k pairs.
 * Cost: O(Σ_z deg z over @target's contacts z with at most WN_SUGGEST_HUB_DEGREE ties, all
 * of them when it has two hubs or more) plus O(log) per pooled node for a hub, plus the
 * placed area nodes within the bar, plus O(classes) and the members scored before each
 * class's bound falls to the k-th best; O(t + log k) for each candidate scored.
 */
GArray *
wn_suggest__rank(const WnSuggestModel *model, WnRankScratch *scratch, gsize target,
                 const WnSuggestOptions *opts, WnRankFlags flags, gsize k)
{
    gsize n = wn_network_node_count(wn_suggest__model_network(model));
    GArray *best = g_array_sized_new(FALSE, FALSE, sizeof(WnSuggestPair), (guint) MIN(k, n));
    scratch->hub = fill_pool(model, scratch, target);
    for (guint i = 0; i < scratch->pool->len; i++) {
        guint32 c = g_array_index(scratch->pool, guint32, i);
        WnSuggestPair p = {0};
        if (!is_eligible(model, target, c, opts, flags) || wn_suggest__blocked(model, target, c)) {
            continue;
        }
        const RankNode *node = &scratch->node[c];
        score_pair(model, target, c, node->adamic_adar, node->groups, opts, &p);
        if (has_reason(&p)) {
            offer(best, k, &p);
        }
    }
    if (scratch->hub != G_MAXUINT32) {
        offer_hub(model, scratch, target, opts, flags, best, k);
    }
    offer_area(model, scratch, target, opts, flags, best, k);
    offer_beyond(model, scratch, target, opts, flags, best, k);
    g_array_sort(best, by_score_then_node);
    return best;
}
