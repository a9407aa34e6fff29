/* betweenness.c: how often a node lies on shortest paths between other nodes (Brandes) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "private.h"

/* One step of splitmix64 (Steele, Lea & Flood 2014), as WORKLOAD.md defines the sample. */
static guint64
splitmix64_next(guint64 *state)
{
    *state += 0x9E3779B97F4A7C15u;
    guint64 z = *state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* k distinct sources of 0..n-1: a partial Fisher-Yates shuffle driven by splitmix64. */
static gboolean
sample_sources(gsize n, gsize k, guint64 seed, igraph_vector_int_t *out, GError **error)
{
    g_autofree igraph_integer_t *idx = g_new(igraph_integer_t, n + 1);
    for (gsize i = 0; i < n; i++) {
        idx[i] = (igraph_integer_t) i;
    }
    guint64 state = seed;
    for (gsize i = 0; i < k; i++) {
        gsize j = i + (gsize) (splitmix64_next(&state) % (n - i));
        igraph_integer_t swap = idx[i];
        idx[i] = idx[j];
        idx[j] = swap;
    }
    return wn_igraph__ok(igraph_vector_int_init_array(out, idx, (igraph_integer_t) k), error);
}

static gboolean
sampled(const WnNetwork *net, const igraph_vector_t *lengths, guint samples, guint64 seed,
        igraph_vector_t *res, GError **error)
{
    gsize n = wn_network_node_count(net);
    g_auto(igraph_vector_int_t) sources = IGRAPH_VECTOR_NULL;
    if (!sample_sources(n, samples, seed, &sources, error)) {
        return FALSE;
    }
    igraph_vs_t from;
    igraph_vs_vector(&from, &sources);
    /* On an undirected graph igraph_betweenness_subset already halves the sum over the
     * sources, which gives WORKLOAD.md's ½ (tests/test-measures.c checks it on star-5). */
    if (!wn_igraph__ok(igraph_betweenness_subset(wn_network__graph(net), res, igraph_vss_all(),
                                                 FALSE, from, igraph_vss_all(), lengths),
                       error)) {
        return FALSE;
    }
    igraph_vector_scale(res, (double) n / (double) samples);
    return TRUE;
}

/**
 * wn_measure_betweenness:
 * Betweenness: for each node v, the sum over unordered pairs {s, t} (s, t != v) of the
 * share of shortest s–t paths that pass through v (Brandes 2001), not normalised, as
 * NetworkX's betweenness_centrality(normalized=False). With opts->weighted, a tie's
 * length is 1/weight and paths of equal length (within igraph's epsilon) all count.
 * With opts->samples = K < n, it is estimated from K sources S drawn with splitmix64 from
 * opts->seed (WORKLOAD.md) as (n/K) · ½ · Σ_{s∈S} δ_s(v); K ≥ n gives the exact value.
 * An isolated node, and every node of a network without ties, scores 0.
 * Returns: one score per node; NULL on error.
 * Cost: O(n·m) unweighted, O(n·m·log n) weighted; K/n of that when sampled.
 */
GArray *
wn_measure_betweenness(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    const igraph_vector_t *lengths = opts->weighted ? wn_network__lengths(net) : NULL;
    g_auto(igraph_vector_t) res = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_init(&res, 0), error)) {
        return NULL;
    }
    gboolean ok = opts->samples > 0 && opts->samples < wn_network_node_count(net)
                      ? sampled(net, lengths, opts->samples, opts->seed, &res, error)
                      : wn_igraph__ok(igraph_betweenness(wn_network__graph(net), &res,
                                                         igraph_vss_all(), FALSE, lengths),
                                      error);
    return ok ? wn_scores__from_igraph(&res) : NULL;
}

/**
 * wn_measure_betweenness_norm:
 * Betweenness scaled to [0, 1]: raw × 2/((n−1)(n−2)), as NetworkX's normalized=True;
 * all 0 for a network of fewer than three nodes.
 * Returns: one score per node; NULL on error.
 * Cost: as wn_measure_betweenness().
 */
GArray *
wn_measure_betweenness_norm(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    GArray *scores = wn_measure_betweenness(net, opts, error);
    double n = (double) wn_network_node_count(net);
    for (guint i = 0; scores != NULL && i < scores->len; i++) {
        g_array_index(scores, double, i) *= n > 2 ? 2.0 / ((n - 1) * (n - 2)) : 0.0;
    }
    return scores;
}
