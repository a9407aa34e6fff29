/* betweenness.c: how often a node lies on shortest paths between other nodes (Brandes) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

/* k distinct sources of 0..n-1 (wn_random__sample_sources) as an igraph vector. */
static gboolean
sample_sources(gsize n, gsize k, guint64 seed, igraph_vector_int_t *out, GError **error)
{
    g_autofree guint32 *idx = wn_random__sample_sources(n, k, seed);
    if (!wn_igraph__ok(igraph_vector_int_init(out, (igraph_integer_t) k), error)) {
        return FALSE;
    }
    for (gsize i = 0; i < k; i++) {
        VECTOR(*out)[i] = (igraph_integer_t) idx[i];
    }
    return TRUE;
}

/* Weighted and sampled: igraph's Dijkstra-based Brandes from the sources. */
static gboolean
sampled_weighted(const WnNetwork *net, guint samples, guint64 seed, igraph_vector_t *res,
                 GError **error)
{
    gsize n = wn_network_node_count(net);
    g_auto(igraph_vector_int_t) sources = IGRAPH_VECTOR_NULL;
    if (!sample_sources(n, samples, seed, &sources, error)) {
        return FALSE;
    }
    igraph_vs_t from;
    igraph_vs_vector(&from, &sources);
    /* On an undirected graph igraph_betweenness_subset already halves the sum over the
     * sources, which gives docs/WORKLOAD.md's ½. */
    if (!wn_igraph__ok(igraph_betweenness_subset(wn_network__graph(net), res, igraph_vss_all(),
                                                 FALSE, from, igraph_vss_all(),
                                                 wn_network__lengths(net)),
                       error)) {
        return FALSE;
    }
    igraph_vector_scale(res, (double) n / (double) samples);
    return TRUE;
}

static GArray *
weighted(const WnNetwork *net, const WnMeasureOptions *opts, gboolean exact, GError **error)
{
    g_auto(igraph_vector_t) res = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_init(&res, 0), error)) {
        return NULL;
    }
    gboolean ok =
        !exact ? sampled_weighted(net, opts->samples, opts->seed, &res, error)
               : wn_igraph__ok(igraph_betweenness(wn_network__graph(net), &res, igraph_vss_all(),
                                                  FALSE, wn_network__lengths(net)),
                               error);
    return ok ? wn_scores__from_igraph(&res) : NULL;
}

/* The sampled Brandes sums; the same searches give closeness's and harmonic's distance
 * sums under these options, which are kept in the cache unless it has them already. */
static double *
sampled_dependency_sum(const WnNetwork *net, const WnMeasureOptions *opts, const guint32 *sources)
{
    const WnCsr *csr = wn_csr__shared(net);
    if (wn_measure__has_distance_sums(net, opts)) {
        return wn_brandes__dependency_sum(csr, sources, opts->samples, 0);
    }
    double *b = NULL, *sum = NULL, *inverse = NULL;
    wn_brandes__dependency_and_distance_sums(csr, sources, opts->samples, 0, &b, &sum, &inverse);
    wn_measure__keep_distance_sums(net, opts, sum, inverse);
    return b;
}

/* Unweighted: the parallel Brandes kernel on the shared CSR snapshot, as the profile
 * workload. */
static GArray *
unweighted(const WnNetwork *net, const WnMeasureOptions *opts, gboolean exact)
{
    gsize n = wn_network_node_count(net);
    gsize k = exact ? n : opts->samples;
    g_autofree guint32 *sources = wn_random__sample_sources(n, exact ? 0 : k, opts->seed);
    g_autofree double *b = exact ? wn_brandes__dependency_sum(wn_csr__shared(net), sources, k, 0)
                                 : sampled_dependency_sum(net, opts, sources);
    GArray *scores = wn_scores__new(n);
    for (gsize v = 0; v < n; v++) {
        /* the workload's expression, so that the roundings agree: b · 0.5 · n / k */
        g_array_index(scores, double, v) =
            exact ? b[v] * 0.5 : b[v] * 0.5 * (double) n / (double) k;
    }
    return scores;
}

/* Computes raw betweenness under @opts, whose samples are 0 when exact. */
static GArray *
compute_betweenness(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    gboolean exact = opts->samples == 0;
    return opts->weighted ? weighted(net, opts, exact, error) : unweighted(net, opts, exact);
}

/* The raw scores from the network's cache: exact ones are keyed without samples or seed,
 * so that every caller asking for the same scores shares one computation. */
static const GArray *
cached_betweenness(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    gboolean exact = opts->samples == 0 || opts->samples >= wn_network_node_count(net);
    WnMeasureOptions key = {opts->weighted, exact ? 0 : opts->samples, exact ? 0 : opts->seed};
    return wn_cache__scores(net, "betweenness", &key, compute_betweenness, error);
}

/**
 * wn_measure_betweenness:
 * Betweenness: for each node v, the sum over unordered pairs {s, t} (s, t != v) of the
 * share of shortest s–t paths that pass through v (Brandes 2001), not normalised, as
 * NetworkX's betweenness_centrality(normalized=False). With opts->weighted, a tie's
 * length is 1/weight and paths of equal length (within igraph's epsilon) all count.
 * With opts->samples = K < n, it is estimated from K sources S drawn with splitmix64 from
 * opts->seed (docs/WORKLOAD.md) as (n/K) · ½ · Σ_{s∈S} δ_s(v); K ≥ n gives the exact value.
 * Unweighted, exact and sampled alike, it runs on the CSR kernel over one thread per
 * processor (the profile workload's Brandes), with the same result bit for bit whatever
 * the number of threads; weighted, on igraph (one thread). Computed once per network and
 * options (weighted, and when sampled K and the seed): later calls, and
 * wn_measure_betweenness_norm, copy the network's cached scores. Unweighted and sampled,
 * the same searches also give the distance sums of wn_measure_closeness and
 * wn_measure_harmonic under these options, which the cache keeps for them.
 * An isolated node, and every node of a network without ties, scores 0.
 * Returns: one score per node; NULL on error (weighted only).
 * Cost: O(n·m) unweighted, O(n·m·log n) weighted; K/n of that when sampled; unweighted
 * also O(n + m) for the shared snapshot and O(min(K, 16)·n) for the block sums; O(n)
 * once cached, which keeps 8·n bytes for as long as the network lives.
 */
GArray *
wn_measure_betweenness(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    const GArray *raw = cached_betweenness(net, opts, error);
    return raw != NULL ? wn_scores__dup(raw) : NULL;
}

/**
 * wn_measure_betweenness_norm:
 * Betweenness scaled to [0, 1]: raw × 2/((n−1)(n−2)), as NetworkX's normalized=True;
 * all 0 for a network of fewer than three nodes. Scales the raw scores
 * wn_measure_betweenness computes (or has cached) under the same options.
 * Returns: one score per node; NULL on error.
 * Cost: as wn_measure_betweenness(); O(n) when the raw scores are cached.
 */
GArray *
wn_measure_betweenness_norm(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    const GArray *raw = cached_betweenness(net, opts, error);
    if (raw == NULL) {
        return NULL;
    }
    GArray *scores = wn_scores__dup(raw);
    double n = (double) wn_network_node_count(net);
    for (guint i = 0; i < scores->len; i++) {
        g_array_index(scores, double, i) *= n > 2 ? 2.0 / ((n - 1) * (n - 2)) : 0.0;
    }
    return scores;
}
