/* registry.c: the measure registry (one row per measure) and the measures table */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

#include <math.h>
#include <string.h>

static const WnMeasureInfo measures[] = {
    {"at_risk_reach", "at-risk residents within two steps (who hears first)",
     wn_measure_at_risk_reach, WN_COLUMN_INT},
    {"betweenness", "share of shortest paths between others that pass through the node",
     wn_measure_betweenness, WN_COLUMN_DOUBLE},
    {"betweenness_norm", "betweenness scaled to [0, 1] by 2/((n-1)(n-2))",
     wn_measure_betweenness_norm, WN_COLUMN_DOUBLE},
    {"closeness", "reach divided by total distance to reachable nodes (Wasserman-Faust)",
     wn_measure_closeness, WN_COLUMN_DOUBLE},
    {"clustering", "share of pairs of contacts who are tied themselves", wn_measure_clustering,
     WN_COLUMN_DOUBLE},
    {"constraint", "Burt's constraint: how much the contacts are tied to each other",
     wn_measure_constraint, WN_COLUMN_DOUBLE},
    {"coreness", "largest k of a k-core the node belongs to", wn_measure_coreness, WN_COLUMN_INT},
    {"degree", "number of distinct contacts", wn_measure_degree, WN_COLUMN_INT},
    {"effective_size", "contacts that are not redundant: n - 2t/n (Burt, Borgatti)",
     wn_measure_effective_size, WN_COLUMN_DOUBLE},
    {"efficiency", "effective size divided by the number of contacts", wn_measure_efficiency,
     WN_COLUMN_DOUBLE},
    {"eigenvector", "central when the contacts are central (max = 1)", wn_measure_eigenvector,
     WN_COLUMN_DOUBLE},
    {"harmonic", "sum of inverse distances to all other nodes", wn_measure_harmonic,
     WN_COLUMN_DOUBLE},
    {"hierarchy", "Burt's hierarchy: how much of the constraint comes from one contact",
     wn_measure_hierarchy, WN_COLUMN_DOUBLE},
    {"pagerank", "share of a random walk spent at the node (damping 0.85)", wn_measure_pagerank,
     WN_COLUMN_DOUBLE},
    {"strength", "sum of the weights of the node's ties", wn_measure_strength, WN_COLUMN_DOUBLE},
};

static const char *const default_names[] = {
    "degree",      "strength", "betweenness", "betweenness_norm", "closeness", "harmonic",
    "eigenvector", "pagerank", "coreness",    "clustering",       NULL};

/**
 * wn_measure_list:
 * Returns: every node measure, in alphabetical order; their number in @n_out.
 */
const WnMeasureInfo *
wn_measure_list(gsize *n_out)
{
    *n_out = G_N_ELEMENTS(measures);
    return measures;
}

/* Returns: the measure called @name, or NULL when there is none. */
const WnMeasureInfo *
wn_measure_lookup(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(measures); i++) {
        if (g_strcmp0(measures[i].name, name) == 0) {
            return &measures[i];
        }
    }
    return NULL;
}

/* Returns: the NULL-terminated names `wijknet measures` computes by default, in order. */
const char *const *
wn_measure_default_names(void)
{
    return default_names;
}

/* One result in a network's cache, with the function that frees it. */
typedef struct {
    gpointer data;
    GDestroyNotify free;
} CacheEntry;

static void
cache_entry_free(gpointer p)
{
    CacheEntry *e = p;
    e->free(e->data);
    g_free(e);
}

/**
 * wn_cache__free:
 * Frees a network's cache of results and every result in it. Accepts NULL.
 * Cost: O(number of results) plus their frees.
 */
void
wn_cache__free(GHashTable *cache)
{
    if (cache != NULL) {
        g_hash_table_unref(cache);
    }
}

/* The network is read-only once loaded, and its cache only grows: a result, once stored,
 * stays where it is until wn_network_free. So the cache is the one part of a `const`
 * network that is written, always under cache_lock. */
static gpointer
cache_lookup(const WnNetwork *net, const char *key)
{
    WnNetwork *mutable = (WnNetwork *) net;
    g_mutex_lock(&mutable->cache_lock);
    CacheEntry *e = net->cache != NULL ? g_hash_table_lookup(net->cache, key) : NULL;
    g_mutex_unlock(&mutable->cache_lock);
    return e != NULL ? e->data : NULL;
}

/**
 * wn_cache__put:
 * Stores @data (transfer full) under @key in @net's cache, to be freed with @free_func when the
 * network is, unless a result is stored there already: then @data is freed at once.
 * Returns: (transfer none): the result stored under @key.
 * Cost: one hash insertion under the lock.
 */
gconstpointer
wn_cache__put(const WnNetwork *net, const char *key, gpointer data, GDestroyNotify free_func)
{
    WnNetwork *mutable = (WnNetwork *) net;
    g_mutex_lock(&mutable->cache_lock);
    if (mutable->cache == NULL) {
        mutable->cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, cache_entry_free);
    }
    CacheEntry *e = g_hash_table_lookup(net->cache, key);
    if (e == NULL) {
        e = g_new(CacheEntry, 1);
        *e = (CacheEntry){data, free_func};
        g_hash_table_insert(net->cache, g_strdup(key), e);
        data = NULL;
    }
    gpointer stored = e->data;
    g_mutex_unlock(&mutable->cache_lock);
    if (data != NULL) {
        free_func(data);
    }
    return stored;
}

/**
 * wn_cache__peek:
 * Returns: (transfer none): the result stored under @key in @net's cache, or NULL.
 * Cost: one hash lookup under the lock.
 */
gconstpointer
wn_cache__peek(const WnNetwork *net, const char *key)
{
    return cache_lookup(net, key);
}

/**
 * wn_cache__get:
 * The result stored under @key in @net's cache; when there is none, computes it with
 * @compute(@net, @data, @error) and stores it, to be freed with @free_func when the network
 * is. The lock is not held while computing, so @compute may use the cache itself; two
 * threads asking for the same missing key may both compute it, and the first to finish
 * is kept (every result must therefore be the same whoever computes it).
 * Returns: (transfer none): the result, read-only, living as long as @net; NULL when
 * @compute fails (nothing is stored then).
 * Cost: one hash lookup under the lock, plus @compute once per key.
 */
gconstpointer
wn_cache__get(const WnNetwork *net, const char *key, WnCacheFunc compute, gconstpointer data,
              GDestroyNotify free_func, GError **error)
{
    gpointer found = cache_lookup(net, key);
    if (found != NULL) {
        return found;
    }
    gpointer result = compute(net, data, error);
    return result != NULL ? wn_cache__put(net, key, result, free_func) : NULL;
}

/* What a cached measure is computed with. */
typedef struct {
    WnMeasureFunc compute;
    const WnMeasureOptions *opts;
} ScoresCall;

static gpointer
compute_scores(const WnNetwork *net, gconstpointer data, GError **error)
{
    const ScoresCall *call = data;
    return call->compute(net, call->opts, error);
}

static void
scores_free(gpointer scores)
{
    g_array_unref(scores);
}

/**
 * wn_cache__scores:
 * The scores @compute gives under @opts, computed once per network and options: the
 * cache key is @what with every field of @opts, so a caller passes only the options
 * that change the result and zeroes the others (an exact measure no seed, say).
 * Returns: (transfer none): the scores, read-only, living as long as @net; NULL on error.
 * Cost: that of @compute the first time, a hash lookup after.
 */
const GArray *
wn_cache__scores(const WnNetwork *net, const char *what, const WnMeasureOptions *opts,
                 WnMeasureFunc compute, GError **error)
{
    g_autofree char *key = wn_cache__key(what, opts);
    ScoresCall call = {compute, opts};
    return wn_cache__get(net, key, compute_scores, &call, scores_free, error);
}

/**
 * wn_cache__key:
 * Returns: (transfer full): the cache key of the result @what under @opts.
 * Cost: O(1).
 */
char *
wn_cache__key(const char *what, const WnMeasureOptions *opts)
{
    return g_strdup_printf("%s|weighted=%d|samples=%u|seed=%" G_GUINT64_FORMAT, what,
                           opts->weighted ? 1 : 0, opts->samples, opts->seed);
}

/**
 * wn_scores__dup:
 * Returns: (transfer full): a copy of @scores the caller owns (as every measure returns).
 * Cost: O(n).
 */
GArray *
wn_scores__dup(const GArray *scores)
{
    GArray *copy = wn_scores__new(scores->len);
    if (scores->len > 0) {
        memcpy(copy->data, scores->data, scores->len * sizeof(double));
    }
    return copy;
}

GArray *
wn_scores__new(gsize n)
{
    GArray *scores = g_array_sized_new(FALSE, TRUE, sizeof(double), (guint) n);
    g_array_set_size(scores, (guint) n);
    return scores;
}

/* Returns: (transfer full): the n values at @values as scores. Cost: O(n). */
GArray *
wn_scores__from_doubles(const double *values, gsize n)
{
    GArray *scores = wn_scores__new(n);
    for (gsize v = 0; v < n; v++) {
        g_array_index(scores, double, v) = values[v];
    }
    return scores;
}

GArray *
wn_scores__from_igraph(const igraph_vector_t *v)
{
    G_STATIC_ASSERT(sizeof(igraph_real_t) == sizeof(double));
    return wn_scores__from_doubles(VECTOR(*v), (gsize) igraph_vector_size(v));
}

GArray *
wn_scores__from_igraph_int(const igraph_vector_int_t *v)
{
    gsize n = (gsize) igraph_vector_int_size(v);
    GArray *scores = wn_scores__new(n);
    for (gsize i = 0; i < n; i++) {
        g_array_index(scores, double, i) = (double) VECTOR(*v)[i];
    }
    return scores;
}

static void
add_measure_column(WnTable *table, const WnMeasureInfo *info, const GArray *scores)
{
    if (info->kind == WN_COLUMN_DOUBLE) {
        wn_table__add_doubles(table, info->name, (const double *) (const void *) scores->data);
        return;
    }
    g_autofree gint64 *ints = g_new0(gint64, scores->len + 1);
    g_autofree gboolean *missing = g_new0(gboolean, scores->len + 1);
    for (guint i = 0; i < scores->len; i++) {
        double s = g_array_index(scores, double, i);
        missing[i] = isnan(s);
        ints[i] = missing[i] ? 0 : (gint64) s;
    }
    wn_table__add_ints(table, info->name, ints, missing);
}

static gboolean
check_names(const char *const *names, GError **error)
{
    for (gsize j = 0; names[j] != NULL; j++) {
        if (wn_measure_lookup(names[j]) == NULL) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                        "unknown measure \"%s\" (see `wijknet measures --list`)", names[j]);
            return FALSE;
        }
    }
    return TRUE;
}

/**
 * wn_measure_table:
 * Computes the measures named in @names (NULL for the default set) for every node:
 * a table with `id`, `type`, `area` and one column per measure, in node order.
 * Labels are never included.
 * Returns: (transfer full): the table, or NULL on error (an unknown name is
 * WN_ERROR_INVALID).
 */
WnTable *
wn_measure_table(const WnNetwork *net, const char *const *names, const WnMeasureOptions *opts,
                  GError **error)
{
    names = names != NULL ? names : default_names;
    if (!check_names(names, error)) {
        return NULL;
    }
    gsize n = wn_network_node_count(net);
    g_autoptr(WnTable) table = wn_table__new(n);
    g_autofree const char **kinds = g_new0(const char *, n + 1);
    for (gsize v = 0; v < n; v++) {
        kinds[v] = wn_node_kind_name(wn_network_node_kind(net, v));
    }
    wn_table__add_strings(table, "id", net->ids);
    wn_table__add_strings(table, "type", kinds);
    wn_table__add_strings(table, "area", net->areas);
    for (gsize j = 0; names[j] != NULL; j++) {
        const WnMeasureInfo *info = wn_measure_lookup(names[j]);
        g_autoptr(GArray) scores = info->compute(net, opts, error);
        if (scores == NULL) {
            return NULL;
        }
        add_measure_column(table, info, scores);
    }
    return g_steal_pointer(&table);
}
