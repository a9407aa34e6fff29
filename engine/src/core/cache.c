/* cache.c: each network's cache of results computed once, and scores as GArrays */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core.h"

#include <math.h>
#include <string.h>

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
