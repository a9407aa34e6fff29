/* harmonic.c: the sum of inverse distances to all other nodes */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

static GArray *
sampled(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    gsize n = wn_network_node_count(net), k = opts->samples;
    const double *sum = wn_measure__distance_sum(net, opts, TRUE, error);
    if (sum == NULL) {
        return NULL;
    }
    GArray *out = wn_scores__new(n);
    for (gsize v = 0; v < n; v++) {
        g_array_index(out, double, v) = (double) n / (double) k * sum[v];
    }
    return out;
}

/**
 * wn_measure_harmonic:
 * Harmonic centrality: the sum over every other node u of 1/d(v, u), not normalised;
 * unreachable nodes add 0 (Marchiori & Latora 2000; NetworkX harmonic_centrality).
 * An isolated node scores 0. With opts->weighted, a tie's length is 1/weight.
 * With opts->samples = K, 0 < K < n, it is estimated from the K sources S that
 * splitmix64 draws from opts->seed (the sample of wn_measure_betweenness()) as
 * (n/K) · Σ_{s∈S, s≠v} 1/d(s, v) (Eppstein & Wang 2004 style; undirected, so
 * d(s, v) = d(v, s)): each other node is in S with probability K/n, so the estimate
 * is unbiased. Unweighted sources are searched in parallel on the CSR kernel (the same
 * result for any number of threads); weighted ones by igraph's Dijkstra, one after
 * another. K = 0 or K ≥ n: exact, igraph_harmonic_centrality's values bit for bit
 * (unweighted from one search per node over the threads, wn_measure__source_sums).
 * Returns: one score per node; NULL on error.
 * Cost: exact O(n·(n + m)) unweighted over the threads, O(n·m·log n) weighted on one;
 * sampled O(K·(n + m)) over the threads, or O(K·m·log n) weighted; each once for
 * closeness and this measure together (the network's cache keeps the sums).
 */
GArray *
wn_measure_harmonic(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    if (opts->samples > 0 && opts->samples < wn_network_node_count(net)) {
        return sampled(net, opts, error);
    }
    if (!opts->weighted) { /* igraph's sums, bit for bit, over the threads */
        const WnSourceSums *sums = wn_measure__source_sums(net, error);
        return sums == NULL ? NULL
                            : wn_scores__from_doubles(sums->inverse, wn_network_node_count(net));
    }
    g_auto(igraph_vector_t) scores = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_init(&scores, 0), error) ||
        !wn_igraph__ok(igraph_harmonic_centrality(wn_network__graph(net), &scores, igraph_vss_all(),
                                                  IGRAPH_ALL, wn_network__lengths(net), FALSE),
                       error)) {
        return NULL;
    }
    return wn_scores__from_igraph(&scores);
}
