/* baseline.c: the simple rankings the suggestions are measured against (evaluate.c) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

#include <math.h>

/* wn_suggest__seeded_rand:
 * Returns: (transfer full): a generator for the evaluation's stream @stream of @seed. */
GRand *
wn_suggest__seeded_rand(guint64 seed, guint32 stream)
{
    guint32 words[3] = {(guint32) seed, (guint32) (seed >> 32), stream};
    return g_rand_new_with_seed_array(words, G_N_ELEMENTS(words));
}

/* Work space of the common-neighbours baseline; marks hold target + 1. */
typedef struct {
    guint32 *count, *mark;
    GArray *seen; /* of guint32 */
} Counts;

static gint
by_count_then_node(gconstpointer a, gconstpointer b, gpointer data)
{
    const guint32 *count = data;
    guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
    if (count[x] != count[y]) {
        return count[x] > count[y] ? -1 : 1;
    }
    return x < y ? -1 : (x > y);
}

/* Residents ranked by the number of common neighbours with @t, ties in node order. */
static GArray *
common_neighbours_of(const WnSuggestModel *model, Counts *w, gsize t)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize nz = 0, nc = 0;
    const guint32 *zs = wn_suggest__neighbours(model, t, &nz);
    g_array_set_size(w->seen, 0);
    for (gsize i = 0; i < nz; i++) {
        const guint32 *cs = wn_suggest__neighbours(model, zs[i], &nc);
        for (gsize j = 0; j < nc; j++) {
            guint32 c = cs[j];
            if (net->kinds[c] != WN_NODE_RESIDENT || wn_suggest__blocked(model, t, c)) {
                continue;
            }
            if (w->mark[c] != t + 1) {
                w->mark[c] = (guint32) t + 1;
                w->count[c] = 0;
                g_array_append_val(w->seen, c);
            }
            w->count[c]++;
        }
    }
    g_array_sort_with_data(w->seen, by_count_then_node, w->count);
    GArray *list = g_array_new(FALSE, FALSE, sizeof(guint32));
    g_array_append_vals(list, w->seen->data, MIN(w->seen->len, WN_SUGGEST_LONGEST));
    return list;
}

/**
 * wn_suggest__rank_common_neighbours:
 * For each of @targets, the WN_SUGGEST_LONGEST residents with the most common neighbours
 * over all ties (equal counts in node order), neither tied to it nor in conflict.
 * Returns: (transfer full) (element-type GArray of guint32): one list per target.
 */
GPtrArray *
wn_suggest__rank_common_neighbours(const WnSuggestModel *model, const GArray *targets)
{
    gsize n = wn_network_node_count(wn_suggest__model_network(model));
    g_autofree guint32 *count = g_new0(guint32, n + 1);
    g_autofree guint32 *mark = g_new0(guint32, n + 1);
    g_autoptr(GArray) seen = g_array_new(FALSE, FALSE, sizeof(guint32));
    Counts w = {count, mark, seen};
    GPtrArray *lists = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    for (guint i = 0; i < targets->len; i++) {
        g_ptr_array_add(lists, common_neighbours_of(model, &w, g_array_index(targets, gsize, i)));
    }
    return lists;
}

/* WN_SUGGEST_LONGEST nodes of @t's area (all without an area, if it has none) that @keep
 * accepts, drawn at random. */
static GArray *
random_in_area(const WnSuggestModel *model, GRand *rand, gsize t, WnBaselineKeep keep)
{
    gsize na = 0;
    const guint32 *area = wn_suggest__area_nodes(model, t, &na);
    GArray *pool = g_array_new(FALSE, FALSE, sizeof(guint32));
    for (gsize i = 0; i < na; i++) {
        if (keep(model, t, area[i]) && !wn_suggest__blocked(model, t, area[i])) {
            g_array_append_val(pool, area[i]);
        }
    }
    guint32 *c = (guint32 *) (void *) pool->data;
    for (guint i = 0; i < MIN(pool->len, WN_SUGGEST_LONGEST); i++) {
        guint j = i + (guint) g_rand_int_range(rand, 0, (gint32) (pool->len - i));
        guint32 tmp = c[i];
        c[i] = c[j];
        c[j] = tmp;
    }
    g_array_set_size(pool, MIN(pool->len, WN_SUGGEST_LONGEST));
    return pool;
}

/* Keeps residents (the warm evaluation: hidden ties join residents). */
gboolean
wn_suggest__keep_resident(const WnSuggestModel *model, gsize t, gsize c)
{
    (void) t;
    return wn_network_node_kind(wn_suggest__model_network(model), c) == WN_NODE_RESIDENT;
}

/* Keeps residents and groups (the cold start: a group can be a hidden contact). */
gboolean
wn_suggest__keep_resident_or_group(const WnSuggestModel *model, gsize t, gsize c)
{
    (void) t;
    WnNodeKind kind = wn_network_node_kind(wn_suggest__model_network(model), c);
    return kind == WN_NODE_RESIDENT || kind == WN_NODE_GROUP;
}

/* Keeps residents of @t's age band. */
gboolean
wn_suggest__keep_same_age(const WnSuggestModel *model, gsize t, gsize c)
{
    return wn_suggest__keep_resident(model, t, c) && wn_suggest__age_closeness(model, t, c) == 1.0;
}

/**
 * wn_suggest__rank_random:
 * For each of @targets, WN_SUGGEST_LONGEST nodes of its area (those without an area, if it
 * has none) that @keep accepts, neither tied to it nor in conflict, drawn at random from
 * the stream @stream of @seed.
 * Returns: (transfer full) (element-type GArray of guint32): one list per target.
 */
GPtrArray *
wn_suggest__rank_random(const WnSuggestModel *model, const GArray *targets, guint64 seed,
                        guint32 stream, WnBaselineKeep keep)
{
    g_autoptr(GRand) rand = wn_suggest__seeded_rand(seed, stream);
    GPtrArray *lists = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    for (guint i = 0; i < targets->len; i++) {
        g_ptr_array_add(lists, random_in_area(model, rand, g_array_index(targets, gsize, i), keep));
    }
    return lists;
}

/* A node and its distance from the target, for nearest(). */
typedef struct {
    double metres;
    guint32 node;
} Near;

static gboolean
is_farther(gconstpointer a, gconstpointer b)
{
    const Near *x = a, *y = b;
    return x->metres > y->metres || (x->metres == y->metres && x->node > y->node);
}

static gint
by_distance(gconstpointer a, gconstpointer b)
{
    return is_farther(a, b) ? 1 : (is_farther(b, a) ? -1 : 0);
}

/* The WN_SUGGEST_LONGEST residents and groups nearest to @t (equal distances in node
 * order), neither tied to it nor in conflict; none when @t has no position. */
static GArray *
nearest(const WnSuggestModel *model, gsize t, GArray *heap)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    GArray *list = g_array_new(FALSE, FALSE, sizeof(guint32));
    g_array_set_size(heap, 0);
    for (gsize c = 0; c < net->n && wn_suggest__is_placed(net, t); c++) {
        Near x = {0.0, (guint32) c};
        if (!wn_suggest__keep_resident_or_group(model, t, c) ||
            !wn_suggest__metres(model, t, c, &x.metres) || wn_suggest__blocked(model, t, c)) {
            continue;
        }
        if (heap->len < WN_SUGGEST_LONGEST) {
            wn_heap__push(heap, &x, is_farther);
        } else if (is_farther(&g_array_index(heap, Near, 0), &x)) {
            g_array_index(heap, Near, 0) = x;
            wn_heap__sift_down(heap, 0, is_farther);
        }
    }
    g_array_sort(heap, by_distance);
    for (guint i = 0; i < heap->len; i++) {
        g_array_append_val(list, g_array_index(heap, Near, i).node);
    }
    return list;
}

/**
 * wn_suggest__rank_nearest:
 * For each of @targets, the WN_SUGGEST_LONGEST residents and groups nearest to it by
 * wn_suggest__metres, in any area, equal distances in node order; an empty list for a
 * target without a position.
 * Returns: (transfer full) (element-type GArray of guint32): one list per target.
 * Cost: O(n log 10) per target.
 */
GPtrArray *
wn_suggest__rank_nearest(const WnSuggestModel *model, const GArray *targets)
{
    g_autoptr(GArray) heap = g_array_new(FALSE, FALSE, sizeof(Near));
    GPtrArray *lists = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    for (guint i = 0; i < targets->len; i++) {
        g_ptr_array_add(lists, nearest(model, g_array_index(targets, gsize, i), heap));
    }
    return lists;
}
