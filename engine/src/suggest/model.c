/* model.c: what the suggestion features need of every node, gathered once */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

#include <math.h>

/* A list per node, compressed: node v's items are items[offsets[v] .. offsets[v + 1]). */
typedef struct {
    guint32 *offsets;
    guint32 *items;
} Lists;

struct _WnSuggestModel {
    const WnNetwork *net;
    gsize n;
    const WnCsr *csr;  /* neighbours over all ties, ascending: the shared snapshot */
    Lists conflicts;   /* conflict partners, ascending */
    Lists buckets;     /* residents and groups per area; the last bucket: no area */
    Lists by_latitude; /* each bucket again: the placed by latitude (then node), then the rest */
    guint32 *placed;   /* per bucket: how many of its nodes have a latitude and a longitude */
    gsize n_buckets;
    Lists tokens; /* interned interests and languages, ascending */
    guint32 *bucket_of;
    guint32 *informal_degree;
    guint8 *status;          /* WnStatus */
    gint32 *age_lo, *age_hi; /* age band bounds; -1 without a band */
    const char **band;       /* the age_band cell, or a group's from its members (profile.c) */
    guint adult_age;         /* the guard for minors (wn_suggest__ages_fit); 0 = none */
    double *cos_lat;         /* cos(latitude), as the haversine formula needs it */
    double *unit;            /* x, y, z of the position on the unit sphere; NaN without one */
    GPtrArray *token_names;
};

static void
lists_clear(Lists *l)
{
    g_free(l->offsets);
    g_free(l->items);
}

void
wn_suggest__model_free(WnSuggestModel *model)
{
    if (model == NULL) {
        return;
    }
    lists_clear(&model->conflicts);
    lists_clear(&model->buckets);
    lists_clear(&model->by_latitude);
    g_free(model->placed);
    lists_clear(&model->tokens);
    g_free(model->bucket_of);
    g_free(model->informal_degree);
    g_free(model->status);
    g_free(model->age_lo);
    g_free(model->age_hi);
    g_free(model->band);
    g_free(model->cos_lat);
    g_free(model->unit);
    g_ptr_array_unref(model->token_names);
    g_free(model);
}

/* Builds symmetric lists over @n nodes from the @m pairs (@from[e], @to[e]), each ascending. */
static Lists
lists_from_pairs(gsize n, const guint32 *from, const guint32 *to, gsize m)
{
    Lists l = {g_new0(guint32, n + 1), g_new0(guint32, 2 * m + 1)};
    g_autofree guint32 *fill = g_new0(guint32, n + 1);
    for (gsize e = 0; e < m; e++) {
        l.offsets[from[e] + 1]++;
        l.offsets[to[e] + 1]++;
    }
    for (gsize v = 0; v < n; v++) {
        l.offsets[v + 1] += l.offsets[v];
        fill[v] = l.offsets[v];
    }
    for (gsize e = 0; e < m; e++) {
        l.items[fill[from[e]]++] = to[e];
        l.items[fill[to[e]]++] = from[e];
    }
    for (gsize v = 0; v < n; v++) {
        qsort(l.items + l.offsets[v], l.offsets[v + 1] - l.offsets[v], sizeof(guint32),
              wn_number__compare_u32);
    }
    return l;
}

static Lists
conflict_lists(const WnNetwork *net)
{
    gsize m = net->conflicts->len / 2;
    g_autofree guint32 *from = g_new0(guint32, m + 1);
    g_autofree guint32 *to = g_new0(guint32, m + 1);
    for (gsize c = 0; c < m; c++) {
        from[c] = g_array_index(net->conflicts, guint32, 2 * c);
        to[c] = g_array_index(net->conflicts, guint32, 2 * c + 1);
    }
    return lists_from_pairs(net->n, from, to, m);
}

static gboolean
is_candidate_kind(const WnNetwork *net, gsize v)
{
    return net->kinds[v] == WN_NODE_RESIDENT || net->kinds[v] == WN_NODE_GROUP;
}

/* Residents and groups by area, areas numbered in order of first appearance; nodes without
 * an area share the last bucket. */
static void
build_buckets(WnSuggestModel *model)
{
    const WnNetwork *net = model->net;
    g_autoptr(GHashTable) ids = g_hash_table_new(g_str_hash, g_str_equal);
    model->bucket_of = g_new0(guint32, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        if (net->areas[v] != NULL && !g_hash_table_contains(ids, net->areas[v])) {
            g_hash_table_insert(ids, (gpointer) net->areas[v],
                                GUINT_TO_POINTER(g_hash_table_size(ids)));
        }
    }
    guint none = g_hash_table_size(ids);
    model->n_buckets = none + 1;
    g_autofree guint32 *count = g_new0(guint32, none + 2);
    for (gsize v = 0; v < net->n; v++) {
        model->bucket_of[v] = net->areas[v] != NULL
                                  ? GPOINTER_TO_UINT(g_hash_table_lookup(ids, net->areas[v]))
                                  : none;
        count[model->bucket_of[v] + 1] += is_candidate_kind(net, v);
    }
    model->buckets.offsets = g_new0(guint32, none + 2);
    for (guint b = 0; b <= none; b++) {
        model->buckets.offsets[b + 1] = model->buckets.offsets[b] + count[b + 1];
        count[b + 1] = model->buckets.offsets[b];
    }
    model->buckets.items = g_new0(guint32, model->buckets.offsets[none + 1] + 1);
    for (gsize v = 0; v < net->n; v++) {
        if (is_candidate_kind(net, v)) {
            model->buckets.items[count[model->bucket_of[v] + 1]++] = (guint32) v;
        }
    }
}

/* Each bucket again, by latitude, for the sweeps of wn_suggest__area_by_latitude. */
static void
build_by_latitude(WnSuggestModel *model)
{
    const Lists *b = &model->buckets;
    model->by_latitude.offsets = g_memdup2(b->offsets, (model->n_buckets + 1) * sizeof(guint32));
    model->by_latitude.items =
        g_memdup2(b->items, (b->offsets[model->n_buckets] + 1) * sizeof(guint32));
    model->placed = g_new0(guint32, model->n_buckets + 1);
    for (gsize k = 0; k < model->n_buckets; k++) {
        guint32 *first = model->by_latitude.items + b->offsets[k];
        guint32 count = b->offsets[k + 1] - b->offsets[k];
        g_qsort_with_data(first, (gint) count, sizeof *first, wn_suggest__by_latitude,
                          (gpointer) model->net);
        while (model->placed[k] < count &&
               wn_suggest__is_placed(model->net, first[model->placed[k]])) {
            model->placed[k]++;
        }
    }
}

/* Adds the `|`-separated values of @cell to @out as interned token ids. */
static void
add_tokens(WnSuggestModel *model, GHashTable *ids, const char *cell, GArray *out)
{
    g_auto(GStrv) parts = g_strsplit(cell, "|", -1);
    for (gsize i = 0; parts[i] != NULL; i++) {
        char *value = g_strstrip(parts[i]);
        if (*value == '\0') {
            continue;
        }
        gpointer found = NULL;
        if (!g_hash_table_lookup_extended(ids, value, NULL, &found)) {
            char *name = g_strdup(value);
            found = GUINT_TO_POINTER(model->token_names->len);
            g_ptr_array_add(model->token_names, name);
            g_hash_table_insert(ids, name, found);
        }
        guint32 token = GPOINTER_TO_UINT(found);
        g_array_append_val(out, token);
    }
}

/* Sorts items[start..] of @items and drops repeated values. */
static void
sort_unique_tail(GArray *items, guint start)
{
    if (items->len <= start) {
        return;
    }
    guint32 *tail = &g_array_index(items, guint32, start);
    gsize count = items->len - start, kept = 0;
    qsort(tail, count, sizeof(guint32), wn_number__compare_u32);
    for (gsize i = 0; i < count; i++) {
        if (kept == 0 || tail[i] != tail[kept - 1]) {
            tail[kept++] = tail[i];
        }
    }
    g_array_set_size(items, start + (guint) kept);
}

/* The interests and language of every node, as sorted sets of interned values. */
static void
build_tokens(WnSuggestModel *model)
{
    static const char *const columns[] = {"language", "interests"};
    const WnNetwork *net = model->net;
    g_autoptr(GHashTable) ids = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GArray) items = g_array_new(FALSE, FALSE, sizeof(guint32));
    model->tokens.offsets = g_new0(guint32, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        guint start = items->len;
        for (gsize c = 0; c < G_N_ELEMENTS(columns); c++) {
            const WnColumn *col = wn_network__column(net->node_attributes, columns[c]);
            if (col != NULL && col->values[v] != NULL) {
                add_tokens(model, ids, col->values[v], items);
            }
        }
        sort_unique_tail(items, start);
        model->tokens.offsets[v + 1] = items->len;
    }
    model->tokens.items = (guint32 *) (void *) g_array_free(g_steal_pointer(&items), FALSE);
}

/* Groups without interests or languages of their own take their members' (profile.c). */
static void
build_group_profiles(WnSuggestModel *model)
{
    guint32 *offsets = NULL, *items = NULL;
    wn_suggest__profile_tokens(model, model->token_names->len, &offsets, &items);
    lists_clear(&model->tokens);
    model->tokens.offsets = offsets;
    model->tokens.items = items;
}

/* Reads an age band "30-44" or "80+" (no upper bound); anything else is no band. */
static void
parse_age_band(const char *text, gint32 *lo_out, gint32 *hi_out)
{
    *lo_out = *hi_out = -1;
    char *end = NULL;
    guint64 lo = 0, hi = 0;
    if (text == NULL || !g_ascii_isdigit(*text)) {
        return;
    }
    lo = g_ascii_strtoull(text, &end, 10);
    if (g_strcmp0(end, "+") == 0 && lo < 1000) {
        *lo_out = (gint32) lo;
        *hi_out = G_MAXINT32 - 1;
        return;
    }
    if (*end != '-' || !g_ascii_isdigit(end[1])) {
        return;
    }
    hi = g_ascii_strtoull(end + 1, &end, 10);
    if (*end == '\0' && lo <= hi && hi < 1000) {
        *lo_out = (gint32) lo;
        *hi_out = (gint32) hi;
    }
}

static void
build_age_bands(WnSuggestModel *model)
{
    const WnColumn *col = wn_network__column(model->net->node_attributes, "age_band");
    model->age_lo = g_new0(gint32, model->n + 1);
    model->age_hi = g_new0(gint32, model->n + 1);
    model->band = g_new0(const char *, model->n + 1);
    for (gsize v = 0; v < model->n; v++) {
        model->band[v] = col != NULL ? col->values[v] : NULL;
    }
    for (gsize v = 0; v < model->n; v++) { /* after every member's band is in */
        if (model->band[v] == NULL && model->net->kinds[v] == WN_NODE_GROUP) {
            model->band[v] = wn_suggest__profile_band(model, v);
        }
    }
    for (gsize v = 0; v < model->n; v++) {
        g_autofree char *text =
            model->band[v] != NULL ? g_strstrip(g_strdup(model->band[v])) : NULL;
        parse_age_band(text, &model->age_lo[v], &model->age_hi[v]);
    }
}

/* What distances need of each position: cos(latitude) for the haversine formula, and the
 * point on the unit sphere for the lower bound of wn_suggest__metres_at_least. */
static void
build_positions(WnSuggestModel *model)
{
    const double rad = G_PI / 180.0;
    const WnNetwork *net = model->net;
    model->cos_lat = g_new0(double, model->n + 1);
    model->unit = g_new0(double, 3 * model->n + 3);
    for (gsize v = 0; v < model->n; v++) {
        double lat = net->lat[v] * rad, lon = net->lon[v] * rad;
        model->cos_lat[v] = cos(lat);
        model->unit[3 * v] = cos(lat) * cos(lon);
        model->unit[3 * v + 1] = cos(lat) * sin(lon);
        model->unit[3 * v + 2] = sin(lat);
    }
}

/**
 * wn_suggest__model_new:
 * Gathers what the features need: the neighbours of every node over all ties (the
 * shared snapshot, wn_csr__shared), conflict partners, the area buckets of candidates, interned
 * interests and languages, informal degrees and the isolation status (wn_isolation_status);
 * @adult_age: the guard for minors of WnSuggestOptions (wn_suggest__ages_fit).
 * Returns: (transfer full): the model, borrowing @net; NULL on error.
 * Cost: O(n + m log m) plus that of wn_isolation_status.
 */
WnSuggestModel *
wn_suggest__model_new(const WnNetwork *net, guint adult_age, GError **error)
{
    g_autoptr(GArray) status = wn_isolation_status(net, error);
    if (status == NULL) {
        return NULL;
    }
    g_autoptr(WnSuggestModel) model = g_new0(WnSuggestModel, 1);
    model->net = net;
    model->n = net->n;
    model->adult_age = adult_age;
    model->status = (guint8 *) g_array_free(g_steal_pointer(&status), FALSE);
    model->token_names = g_ptr_array_new_with_free_func(g_free);
    model->csr = wn_csr__shared(net);
    model->conflicts = conflict_lists(net);
    model->informal_degree = g_new0(guint32, net->n + 1);
    for (gsize t = 0; t < net->m; t++) {
        if (!wn_network_tie_is_formal(net, t)) {
            model->informal_degree[net->tie_from[t]]++;
            model->informal_degree[net->tie_to[t]]++;
        }
    }
    build_buckets(model);
    build_by_latitude(model);
    build_tokens(model);
    build_group_profiles(model);
    build_age_bands(model);
    build_positions(model);
    return g_steal_pointer(&model);
}

const WnNetwork *
wn_suggest__model_network(const WnSuggestModel *model)
{
    return model->net;
}

/* Returns: TRUE for a resident whose status is isolated, formal_only or fragile. */
gboolean
wn_suggest__is_at_risk(const WnSuggestModel *model, gsize node)
{
    WnStatus s = model->status[node];
    return s == WN_STATUS_ISOLATED || s == WN_STATUS_FORMAL_ONLY || s == WN_STATUS_FRAGILE;
}

WnStatus
wn_suggest__status(const WnSuggestModel *model, gsize node)
{
    return (WnStatus) model->status[node];
}

gsize
wn_suggest__informal_degree(const WnSuggestModel *model, gsize node)
{
    return model->informal_degree[node];
}

static gboolean
row_holds(const guint32 *items, gsize count, guint32 x)
{
    return bsearch(&x, items, count, sizeof x, wn_number__compare_u32) != NULL;
}

static gboolean
list_holds(const Lists *l, gsize v, guint32 x)
{
    return row_holds(l->items + l->offsets[v], l->offsets[v + 1] - l->offsets[v], x);
}

/* Returns: TRUE when @b may not be suggested to @a: the same node, tied, in conflict, or
 * kept apart by the guard for minors (wn_suggest__ages_fit). */
gboolean
wn_suggest__blocked(const WnSuggestModel *model, gsize a, gsize b)
{
    const WnCsr *csr = model->csr;
    return a == b || row_holds(csr->adj + csr->start[a], wn_csr__degree(csr, a), (guint32) b) ||
           list_holds(&model->conflicts, a, (guint32) b) || !wn_suggest__ages_fit(model, a, b);
}

/* Returns: TRUE when @a and @b are tied (any tie). Cost: O(log deg a). */
gboolean
wn_suggest__tied(const WnSuggestModel *model, gsize a, gsize b)
{
    const WnCsr *csr = model->csr;
    return row_holds(csr->adj + csr->start[a], wn_csr__degree(csr, a), (guint32) b);
}

/* Returns: TRUE when @a and @b are in conflict (conflicts are no ties: docs/FORMAT.md). */
gboolean
wn_suggest__in_conflict(const WnSuggestModel *model, gsize a, gsize b)
{
    return list_holds(&model->conflicts, a, (guint32) b);
}

/* Returns: TRUE when @a has an area and @b has the same one. */
gboolean
wn_suggest__same_area(const WnSuggestModel *model, gsize a, gsize b)
{
    return model->net->areas[a] != NULL && model->bucket_of[a] == model->bucket_of[b];
}

static const guint32 *
list_of(const Lists *l, gsize v, gsize *n_out)
{
    *n_out = l->offsets[v + 1] - l->offsets[v];
    return l->items + l->offsets[v];
}

/* Returns: the neighbours of @node over all ties, ascending. */
const guint32 *
wn_suggest__neighbours(const WnSuggestModel *model, gsize node, gsize *n_out)
{
    *n_out = wn_csr__degree(model->csr, node);
    return model->csr->adj + model->csr->start[node];
}

/* Returns: the residents and groups in @node's area (all those without one, if it has none). */
const guint32 *
wn_suggest__area_nodes(const WnSuggestModel *model, gsize node, gsize *n_out)
{
    return list_of(&model->buckets, model->bucket_of[node], n_out);
}

/* Returns: the nodes of wn_suggest__area_nodes by latitude (then node order), those with a
 * latitude and a longitude first: @placed_out of them. */
const guint32 *
wn_suggest__area_by_latitude(const WnSuggestModel *model, gsize node, gsize *n_out,
                             gsize *placed_out)
{
    return wn_suggest__bucket_by_latitude(model, model->bucket_of[node], n_out, placed_out);
}

/* Returns: the number of areas (buckets), the last one the nodes without an area; and in
 * @bucket_out the bucket of @node (G_MAXSIZE for -1). */
gsize
wn_suggest__buckets(const WnSuggestModel *model, gsize node, gsize *bucket_out)
{
    *bucket_out = node < model->n ? model->bucket_of[node] : G_MAXSIZE;
    return model->n_buckets;
}

/* Returns: wn_suggest__area_by_latitude of the nodes of @bucket. */
const guint32 *
wn_suggest__bucket_by_latitude(const WnSuggestModel *model, gsize bucket, gsize *n_out,
                               gsize *placed_out)
{
    *placed_out = model->placed[bucket];
    return list_of(&model->by_latitude, bucket, n_out);
}

/* Returns: @node's interests and languages as interned ids, ascending. */
const guint32 *
wn_suggest__tokens(const WnSuggestModel *model, gsize node, gsize *n_out)
{
    return list_of(&model->tokens, node, n_out);
}

const char *
wn_suggest__token_name(const WnSuggestModel *model, guint32 token)
{
    return g_ptr_array_index(model->token_names, token);
}

/**
 * wn_suggest__age_closeness:
 * Returns: 1 when @a and @b have the same age band, 0.5 when the bands are adjacent (one
 * ends the year before the other starts: "30-44" and "45-64", "65-79" and "80+"), else 0.
 */
double
wn_suggest__age_closeness(const WnSuggestModel *model, gsize a, gsize b)
{
    if (model->age_lo[a] < 0 || model->age_lo[b] < 0) {
        return 0.0;
    }
    if (model->age_lo[a] == model->age_lo[b] && model->age_hi[a] == model->age_hi[b]) {
        return 1.0;
    }
    if (model->age_hi[a] + 1 == model->age_lo[b] || model->age_hi[b] + 1 == model->age_lo[a]) {
        return 0.5;
    }
    return 0.0;
}

/* Is @v a minor: an age band (its own, or for a group its members' mostly) that ends
 * below the model's adult age? No band, or one reaching that age, is not. */
static gboolean
is_minor(const WnSuggestModel *model, gsize v)
{
    return model->age_hi[v] >= 0 && (gint64) model->age_hi[v] < (gint64) model->adult_age;
}

/**
 * wn_suggest__ages_fit:
 * The guard for minors (WnSuggestOptions.adult_age, given to wn_suggest__model_new; 0
 * turns it off): a minor is suggested only residents who are minors too, and anyone else
 * only residents who are not; a group whose members are mostly minors only to minors. Any
 * other group fits anyone, and so do professionals and organisations (never candidates).
 * Returns: TRUE when @c may be suggested to @t.
 */
gboolean
wn_suggest__ages_fit(const WnSuggestModel *model, gsize t, gsize c)
{
    if (model->adult_age == 0) {
        return TRUE;
    }
    gboolean minor = is_minor(model, t);
    switch (model->net->kinds[c]) {
    case WN_NODE_RESIDENT:
        return minor == is_minor(model, c);
    case WN_NODE_GROUP:
        return minor || !is_minor(model, c);
    default:
        return TRUE;
    }
}

/**
 * wn_suggest__metres:
 * The great-circle distance between two nodes by the haversine formula on a sphere of
 * radius 6,371,008.8 m (the mean Earth radius).
 * Returns: TRUE and the distance in @out when both nodes have a position.
 */
gboolean
wn_suggest__metres(const WnSuggestModel *model, gsize a, gsize b, double *out)
{
    const double rad = G_PI / 180.0;
    const WnNetwork *net = model->net;
    if (isnan(net->lat[a]) || isnan(net->lon[a]) || isnan(net->lat[b]) || isnan(net->lon[b])) {
        return FALSE;
    }
    double dlat = (net->lat[b] - net->lat[a]) * rad, dlon = (net->lon[b] - net->lon[a]) * rad;
    double sin_lat = sin(dlat / 2), sin_lon = sin(dlon / 2);
    double h = sin_lat * sin_lat + model->cos_lat[a] * model->cos_lat[b] * sin_lon * sin_lon;
    *out = 2.0 * WN_SUGGEST_EARTH_METRES * asin(sqrt(MIN(1.0, h)));
    return TRUE;
}

/**
 * wn_suggest__chord2:
 * The squared straight-line distance between @a and @b placed on the unit sphere: cheap
 * (no trigonometry) and, the chord being never longer than the arc, a lower bound on
 * wn_suggest__metres in disguise (wn_suggest__metres_at_least, wn_suggest__chord2_beyond).
 * Returns: the squared chord, NaN when either node has no position.
 */
double
wn_suggest__chord2(const WnSuggestModel *model, gsize a, gsize b)
{
    const double *p = &model->unit[3 * a], *q = &model->unit[3 * b];
    double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
    return dx * dx + dy * dy + dz * dz;
}

/* Returns: x, y, z on the unit sphere of every node in turn (NaN without a position), the
 * points of wn_suggest__chord2. */
const double *
wn_suggest__units(const WnSuggestModel *model)
{
    return model->unit;
}

/* Returns: @node's age_band cell as written (a group without one: its members',
 * wn_suggest__profile_band), or NULL. */
const char *
wn_suggest__age_band(const WnSuggestModel *model, gsize node)
{
    return model->band[node];
}
