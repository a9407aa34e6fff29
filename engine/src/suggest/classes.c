/* classes.c: candidates grouped by everything their score takes from them alone */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

#include <math.h>
#include <stdlib.h>

/* What a candidate's score takes from the candidate alone. */
typedef struct {
    guint8 kind, at_risk;
    const char *band;
    gsize tokens, degree;
    guint32 node;
} Key;

static gint
compare_keys(gconstpointer pa, gconstpointer pb)
{
    const Key *a = pa, *b = pb;
    if (a->kind != b->kind || a->at_risk != b->at_risk) {
        return a->kind != b->kind ? (a->kind < b->kind ? -1 : 1)
                                  : (a->at_risk < b->at_risk ? -1 : 1);
    }
    int band = g_strcmp0(a->band, b->band);
    if (band != 0) {
        return band;
    }
    if (a->tokens != b->tokens || a->degree != b->degree) {
        return a->tokens != b->tokens ? (a->tokens < b->tokens ? -1 : 1)
                                      : (a->degree < b->degree ? -1 : 1);
    }
    return a->node < b->node ? -1 : (a->node > b->node);
}

static gboolean
same_class(const Key *a, const Key *b)
{
    Key x = *a;
    x.node = b->node;
    return compare_keys(&x, b) == 0;
}

/* The key of @v: its informal degree counts only up to the anchor cap (the policy's term is
 * the same above it) and not at all for a group (the term is the weight). */
static Key
key_of(const WnSuggestModel *model, const WnSuggestOptions *opts, guint32 v)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    Key k = {(guint8) wn_network_node_kind(net, v),
             (guint8) wn_suggest__is_at_risk(model, v),
             wn_suggest__age_band(model, v),
             0,
             0,
             v};
    wn_suggest__tokens(model, v, &k.tokens);
    double cap = ceil(opts->anchor_cap);
    gsize degree = wn_suggest__informal_degree(model, v);
    k.degree = k.kind == WN_NODE_GROUP ? 0 : (cap < (double) degree ? (gsize) cap : degree);
    return k;
}

/**
 * wn_suggest__classes_new:
 * The residents and groups among @nodes in classes (suggest.h): two nodes of one class
 * get the same kind, policy term, age closeness to any target and bound on shared
 * interests and languages (by their number), so each class's bound on a score is one
 * number per target.
 * Returns: (transfer full): the classes.
 * Cost: O(n log n).
 */
WnClasses *
wn_suggest__classes_new(const WnSuggestModel *model, const WnSuggestOptions *opts,
                        const guint32 *nodes, gsize n)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    g_autofree Key *keys = g_new0(Key, n + 1);
    gsize count = 0;
    for (gsize i = 0; i < n; i++) {
        WnNodeKind kind = wn_network_node_kind(net, nodes[i]);
        if (kind == WN_NODE_RESIDENT || kind == WN_NODE_GROUP) {
            keys[count++] = key_of(model, opts, nodes[i]);
        }
    }
    qsort(keys, count, sizeof(Key), compare_keys);
    WnClasses *c = g_new0(WnClasses, 1);
    c->items = g_new0(guint32, count + 1);
    c->first = g_new0(guint32, count + 2);
    for (gsize i = 0; i < count; i++) {
        if (i == 0 || !same_class(&keys[i - 1], &keys[i])) {
            c->first[c->count++] = (guint32) i;
        }
        c->items[i] = keys[i].node;
    }
    c->first[c->count] = (guint32) count;
    return c;
}

/* Frees classes of wn_suggest__classes_new. Accepts NULL. */
void
wn_suggest__classes_free(WnClasses *classes)
{
    if (classes == NULL) {
        return;
    }
    g_free(classes->items);
    g_free(classes->first);
    g_free(classes);
}

struct _WnRankClasses {
    gsize n_buckets, n;
    WnClasses **unplaced; /* per area: its nodes without a position */
    WnClasses **everyone; /* per area: all its nodes */
    WnClasses **hub;      /* per node: a hub's neighbours; NULL for other nodes */
    guint32 *all;         /* every resident and group, wn_suggest__by_latitude */
    gsize n_all, all_placed;
    WnClasses *all_unplaced, *all_everyone; /* of all: those without a position, and all */
    WnBands *bands;                         /* of all: those with a position */
    GArray **touching; /* per area: the areas touching it (opts->touching), ascending; or NULL */
};

/* Per area (bucket), the areas that touch it by opts->touching, as buckets in ascending
 * order; an area no node names is left out, and so are the nodes without an area. */
static void
build_touching(WnRankClasses *rc, const WnSuggestModel *model, const WnSuggestOptions *opts)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    g_autoptr(GHashTable) bucket_of = g_hash_table_new(g_str_hash, g_str_equal);
    g_autofree const char **code = g_new0(const char *, rc->n_buckets + 1);
    for (gsize v = 0; v < rc->n; v++) {
        gsize b = 0;
        wn_suggest__buckets(model, v, &b);
        if (net->areas[v] != NULL && code[b] == NULL) {
            code[b] = net->areas[v];
            g_hash_table_insert(bucket_of, (gpointer) code[b], GSIZE_TO_POINTER(b + 1));
        }
    }
    rc->touching = g_new0(GArray *, rc->n_buckets + 1);
    for (gsize b = 0; b < rc->n_buckets && opts->touching != NULL; b++) {
        gsize n = 0;
        const char *const *codes = wn_area_touching_of(opts->touching, code[b], &n);
        rc->touching[b] = g_array_new(FALSE, FALSE, sizeof(guint32));
        for (gsize i = 0; i < n; i++) {
            gsize other = GPOINTER_TO_SIZE(g_hash_table_lookup(bucket_of, codes[i]));
            if (other != 0) {
                guint32 bucket = (guint32) (other - 1);
                g_array_append_val(rc->touching[b], bucket);
            }
        }
        g_array_sort(rc->touching[b], wn_number__compare_u32);
    }
}

/* Every resident and group of the network, for the sweeps beyond the area. */
static void
build_all(WnRankClasses *rc, const WnSuggestModel *model, const WnSuggestOptions *opts)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    rc->all = g_new0(guint32, rc->n + 1);
    for (gsize v = 0; v < rc->n; v++) {
        if (net->kinds[v] == WN_NODE_RESIDENT || net->kinds[v] == WN_NODE_GROUP) {
            rc->all[rc->n_all++] = (guint32) v;
        }
    }
    g_qsort_with_data(rc->all, (gint) rc->n_all, sizeof *rc->all, wn_suggest__by_latitude,
                      (gpointer) net);
    while (rc->all_placed < rc->n_all && wn_suggest__is_placed(net, rc->all[rc->all_placed])) {
        rc->all_placed++;
    }
    rc->all_unplaced =
        wn_suggest__classes_new(model, opts, rc->all + rc->all_placed, rc->n_all - rc->all_placed);
    rc->all_everyone = wn_suggest__classes_new(model, opts, rc->all, rc->n_all);
    rc->bands = wn_suggest__bands_new(net, rc->all, rc->all_placed);
}

/**
 * wn_suggest__rank_classes_new:
 * The classes wn_suggest__rank offers by: of each area, its nodes without a position and
 * all its nodes; of each hub (more than WN_SUGGEST_HUB_DEGREE ties), its neighbours; and
 * of the whole network, for the targets who look beyond their area.
 * Returns: (transfer full): the classes, read-only once made (shared by threads).
 * Cost: O((n + m) log n).
 */
WnRankClasses *
wn_suggest__rank_classes_new(const WnSuggestModel *model, const WnSuggestOptions *opts)
{
    WnRankClasses *rc = g_new0(WnRankClasses, 1);
    gsize ignored = 0;
    rc->n = wn_network_node_count(wn_suggest__model_network(model));
    rc->n_buckets = wn_suggest__buckets(model, G_MAXSIZE, &ignored);
    rc->unplaced = g_new0(WnClasses *, rc->n_buckets + 1);
    rc->everyone = g_new0(WnClasses *, rc->n_buckets + 1);
    for (gsize b = 0; b < rc->n_buckets; b++) {
        gsize na = 0, placed = 0;
        const guint32 *area = wn_suggest__bucket_by_latitude(model, b, &na, &placed);
        rc->unplaced[b] = wn_suggest__classes_new(model, opts, area + placed, na - placed);
        rc->everyone[b] = wn_suggest__classes_new(model, opts, area, na);
    }
    rc->hub = g_new0(WnClasses *, rc->n + 1);
    for (gsize v = 0; v < rc->n; v++) {
        gsize degree = 0;
        const guint32 *adj = wn_suggest__neighbours(model, v, &degree);
        if (degree > WN_SUGGEST_HUB_DEGREE) {
            rc->hub[v] = wn_suggest__classes_new(model, opts, adj, degree);
        }
    }
    build_all(rc, model, opts);
    build_touching(rc, model, opts);
    return rc;
}

/* Frees what wn_suggest__rank_classes_new made. Accepts NULL. */
void
wn_suggest__rank_classes_free(WnRankClasses *rc)
{
    if (rc == NULL) {
        return;
    }
    for (gsize b = 0; b < rc->n_buckets; b++) {
        wn_suggest__classes_free(rc->unplaced[b]);
        wn_suggest__classes_free(rc->everyone[b]);
        if (rc->touching[b] != NULL) {
            g_array_unref(rc->touching[b]);
        }
    }
    g_free(rc->touching);
    for (gsize v = 0; v < rc->n; v++) {
        wn_suggest__classes_free(rc->hub[v]);
    }
    g_free(rc->unplaced);
    g_free(rc->everyone);
    g_free(rc->hub);
    g_free(rc->all);
    wn_suggest__classes_free(rc->all_unplaced);
    wn_suggest__classes_free(rc->all_everyone);
    wn_suggest__bands_free(rc->bands);
    g_free(rc);
}

/* Returns: the classes of @hub's neighbours (@hub has more than WN_SUGGEST_HUB_DEGREE ties). */
const WnClasses *
wn_suggest__rank_classes_hub(const WnRankClasses *rc, guint32 hub)
{
    g_return_val_if_fail(hub < rc->n && rc->hub[hub] != NULL, NULL);
    return rc->hub[hub];
}

/* Returns: the classes of @t's area: all its nodes with @everyone, else those without a
 * position. */
const WnClasses *
wn_suggest__rank_classes_area(const WnRankClasses *rc, const WnSuggestModel *model, gsize t,
                              gboolean everyone)
{
    gsize bucket = 0;
    wn_suggest__buckets(model, t, &bucket);
    return everyone ? rc->everyone[bucket] : rc->unplaced[bucket];
}

/* Returns: of every resident and group, the classes of those without a position, or of all
 * with @everyone; and in @bands_out those with a position. */
const WnClasses *
wn_suggest__rank_classes_all(const WnRankClasses *rc, gboolean everyone, const WnBands **bands_out)
{
    *bands_out = rc->bands;
    return everyone ? rc->all_everyone : rc->all_unplaced;
}

/* Returns: the areas (buckets) touching @t's area by opts->touching, ascending, with their
 * number in @n_out; NULL and 0 for none. */
const guint32 *
wn_suggest__rank_classes_touching(const WnRankClasses *rc, const WnSuggestModel *model, gsize t,
                                  gsize *n_out)
{
    gsize bucket = 0;
    wn_suggest__buckets(model, t, &bucket);
    const GArray *list = rc->touching[bucket];
    *n_out = list != NULL ? list->len : 0;
    return list != NULL ? (const guint32 *) (const void *) list->data : NULL;
}

/* Returns: the classes of the area @bucket: all its nodes with @everyone, else those
 * without a position. */
const WnClasses *
wn_suggest__rank_classes_bucket(const WnRankClasses *rc, gsize bucket, gboolean everyone)
{
    return everyone ? rc->everyone[bucket] : rc->unplaced[bucket];
}
