/* closeness.c: how near a node is to the nodes it can reach (Wasserman-Faust) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "csr.h"

#include <math.h>

/* Adds d(s, v), or 1/d(s, v), for every v ≠ s that s reaches, by igraph's Dijkstra. */
static gboolean
add_weighted_row(const WnNetwork *net, guint32 s, gboolean inverse, double *sum, GError **error)
{
    igraph_matrix_t row;
    if (!wn_igraph__ok(igraph_matrix_init(&row, 0, 0), error)) {
        return FALSE;
    }
    gboolean ok = wn_igraph__ok(igraph_distances_dijkstra(wn_network__graph(net), &row,
                                                          igraph_vss_1(s), igraph_vss_all(),
                                                          wn_network__lengths(net), IGRAPH_ALL),
                                error);
    for (gsize v = 0; ok && v < wn_network_node_count(net); v++) {
        double d = MATRIX(row, 0, v);
        if (v != s && isfinite(d) && d > 0) {
            sum[v] += inverse ? 1.0 / d : d;
        }
    }
    igraph_matrix_destroy(&row);
    return ok;
}

/**
 * wn_measure__distance_sum:
 * For each node v, the sum over the sources @sources[0 … k−1] other than v that reach v
 * of d(s, v), or with @inverse of 1/d(s, v): in hops on the parallel CSR kernel, or with
 * opts->weighted in lengths 1/weight by igraph's Dijkstra, one source after another.
 * Returns: (transfer full): n sums; NULL on error (weighted only).
 * Cost: O(k·(n + m)) unweighted over the threads, O(k·m·log n) weighted.
 */
double *
wn_measure__distance_sum(const WnNetwork *net, const WnMeasureOptions *opts,
                         const guint32 *sources, gsize k, gboolean inverse, GError **error)
{
    if (!opts->weighted) {
        g_autoptr(WnCsr) csr = wn_csr__new(net);
        return wn_kernel__distance_sum(csr, sources, k, inverse, 0);
    }
    g_autofree double *sum = g_new0(double, wn_network_node_count(net) + 1);
    for (gsize i = 0; i < k; i++) {
        if (!add_weighted_row(net, sources[i], inverse, sum, error)) {
            return NULL;
        }
    }
    return g_steal_pointer(&sum);
}

static GArray *
exact(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    g_auto(igraph_vector_t) scores = IGRAPH_VECTOR_NULL;
    g_auto(igraph_vector_int_t) reached = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_init(&scores, 0), error) ||
        !wn_igraph__ok(igraph_vector_int_init(&reached, 0), error)) {
        return NULL;
    }
    igraph_error_t rc =
        igraph_closeness(wn_network__graph(net), &scores, &reached, NULL, igraph_vss_all(),
                         IGRAPH_ALL, opts->weighted ? wn_network__lengths(net) : NULL, TRUE);
    if (!wn_igraph__ok(rc, error)) {
        return NULL;
    }
    GArray *out = wn_scores__from_igraph(&scores);
    double n = (double) wn_network_node_count(net);
    for (guint v = 0; v < out->len; v++) {
        double r = (double) VECTOR(reached)[v]; /* reachable nodes, itself excluded */
        double *c = &g_array_index(out, double, v);
        *c = r > 0 && !isnan(*c) ? *c * r / (n - 1) : 0.0;
    }
    return out;
}

/* The estimate from the sampled sources: r/((n−1)·mean), the mean over the sources in
 * v's component other than v; components from igraph, sizes exact. */
static GArray *
sampled(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    gsize n = wn_network_node_count(net), k = opts->samples;
    g_autofree guint32 *sources = wn_kernel__sample_sources(n, k, opts->seed);
    g_auto(igraph_vector_int_t) membership = IGRAPH_VECTOR_NULL;
    g_auto(igraph_vector_int_t) size = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_int_init(&membership, 0), error) ||
        !wn_igraph__ok(igraph_vector_int_init(&size, 0), error) ||
        !wn_igraph__ok(igraph_connected_components(wn_network__graph(net), &membership, &size,
                                                   NULL, IGRAPH_WEAK),
                       error)) {
        return NULL;
    }
    g_autofree double *sum = wn_measure__distance_sum(net, opts, sources, k, FALSE, error);
    if (sum == NULL) {
        return NULL;
    }
    g_autofree gsize *in_sample = g_new0(gsize, (gsize) igraph_vector_int_size(&size) + 1);
    g_autofree guint8 *is_source = g_new0(guint8, n + 1);
    for (gsize i = 0; i < k; i++) {
        in_sample[VECTOR(membership)[sources[i]]]++;
        is_source[sources[i]] = 1;
    }
    GArray *out = wn_scores__new(n);
    for (gsize v = 0; v < n; v++) {
        igraph_integer_t c = VECTOR(membership)[v];
        double r = (double) (VECTOR(size)[c] - 1);
        double others = (double) (in_sample[c] - is_source[v]);
        g_array_index(out, double, v) =
            r == 0 ? 0.0 : others == 0 ? NAN : r / (((double) n - 1) * (sum[v] / others));
    }
    return out;
}

/**
 * wn_measure_closeness:
 * How near each node is to the nodes it can reach: the number of reachable nodes
 * r − 1 divided by the sum of the shortest-path lengths to them, scaled by the share
 * of the network reached, (r−1)/(n−1) (Wasserman & Faust 1994; NetworkX's default
 * wf_improved=True). An isolated node scores 0. With opts->weighted, a tie's length
 * is 1/weight (FORMAT.md).
 * With opts->samples = K, 0 < K < n, it is estimated from the K sources S that
 * splitmix64 draws from opts->seed (the sample of wn_measure_betweenness()): with r the
 * number of other nodes in v's component and D(v) the mean of d(s, v) over the sources
 * s ≠ v of v's component, closeness(v) ≈ r/((n−1)·D(v)), which is the exact value when
 * those sources are all of the component. A node with r > 0 but no such source has no
 * estimate (NaN, an empty cell); an isolated node scores 0. Unweighted sources are
 * searched in parallel on the CSR kernel (the same result for any number of threads);
 * weighted ones by igraph's Dijkstra, one after another. K = 0 or K ≥ n: exact.
 * Returns: one score per node; NULL on error.
 * Cost: O(n·m) unweighted, O(n·m·log n) weighted, on one thread; sampled O(K·(n + m))
 * over the threads, or O(K·m·log n) weighted.
 */
GArray *
wn_measure_closeness(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    gboolean estimate = opts->samples > 0 && opts->samples < wn_network_node_count(net);
    return estimate ? sampled(net, opts, error) : exact(net, opts, error);
}
