/* closeness.c: how near a node is to the nodes it can reach (Wasserman-Faust) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

#include <math.h>

/* Adds d(s, v) and 1/d(s, v) for every v ≠ s that s reaches, by igraph's Dijkstra. */
static gboolean
add_weighted_row(const WnNetwork *net, guint32 s, double *sum, double *inverse, GError **error)
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
            sum[v] += d;
            inverse[v] += 1.0 / d;
        }
    }
    igraph_matrix_destroy(&row);
    return ok;
}

/* Both sums over one sample of sources, as the network's cache keeps them. */
typedef struct {
    double *sum, *inverse;
} DistanceSums;

static void
distance_sums_free(gpointer p)
{
    DistanceSums *sums = p;
    g_free(sums->sum);
    g_free(sums->inverse);
    g_free(sums);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DistanceSums, distance_sums_free)

/* Computes both sums from the opts->samples sources drawn with opts->seed. */
static gpointer
compute_distance_sums(const WnNetwork *net, gconstpointer data, GError **error)
{
    const WnMeasureOptions *opts = data;
    gsize n = wn_network_node_count(net), k = opts->samples;
    g_autofree guint32 *sources = wn_random__sample_sources(n, k, opts->seed);
    g_autoptr(DistanceSums) sums = g_new0(DistanceSums, 1);
    if (!opts->weighted) {
        wn_brandes__distance_sums(wn_csr__shared(net), sources, k, 0, &sums->sum, &sums->inverse);
        return g_steal_pointer(&sums);
    }
    sums->sum = g_new0(double, n + 1);
    sums->inverse = g_new0(double, n + 1);
    for (gsize i = 0; i < k; i++) {
        if (!add_weighted_row(net, sources[i], sums->sum, sums->inverse, error)) {
            return NULL;
        }
    }
    return g_steal_pointer(&sums);
}

/* The cache key of the sums under @opts: weighted, samples and seed. */
static char *
distance_sums_key(const WnMeasureOptions *opts)
{
    WnMeasureOptions key = {opts->weighted, opts->samples, opts->seed};
    return wn_cache__key("distance_sums", &key);
}

/**
 * wn_measure__distance_sum:
 * For each node v, the sum over the opts->samples sources (wn_random__sample_sources
 * with opts->seed) other than v that reach v of d(s, v), or with @inverse of
 * 1/d(s, v): in hops on the parallel CSR kernel, or with opts->weighted in lengths
 * 1/weight by igraph's Dijkstra, one source after another. Both sums come from one
 * search per source and stay in the network's cache, so closeness and harmonic under
 * the same options share them (and unweighted betweenness, which leaves them there:
 * wn_measure__keep_distance_sums).
 * Returns: (transfer none): n sums, living as long as @net; NULL on error (weighted only).
 * Cost: O(k·(n + m)) unweighted over the threads, O(k·m·log n) weighted, the first time;
 * 16·n bytes kept for as long as the network lives.
 */
const double *
wn_measure__distance_sum(const WnNetwork *net, const WnMeasureOptions *opts, gboolean inverse,
                         GError **error)
{
    WnMeasureOptions key = {opts->weighted, opts->samples, opts->seed};
    g_autofree char *name = distance_sums_key(&key);
    const DistanceSums *sums =
        wn_cache__get(net, name, compute_distance_sums, &key, distance_sums_free, error);
    return sums == NULL ? NULL : inverse ? sums->inverse : sums->sum;
}

/* Returns: whether the network's cache has the distance sums under @opts. Cost: O(1). */
gboolean
wn_measure__has_distance_sums(const WnNetwork *net, const WnMeasureOptions *opts)
{
    g_autofree char *name = distance_sums_key(opts);
    return wn_cache__peek(net, name) != NULL;
}

/**
 * wn_measure__keep_distance_sums:
 * Stores the distance sums under @opts that another search computed (transfer full:
 * @sum and @inverse are the cache's, or freed when it has them already). They must be
 * bit for bit what wn_measure__distance_sum would compute under @opts.
 * Cost: one hash insertion; 16·n bytes kept for as long as the network lives.
 */
void
wn_measure__keep_distance_sums(const WnNetwork *net, const WnMeasureOptions *opts, double *sum,
                               double *inverse)
{
    g_autofree char *name = distance_sums_key(opts);
    DistanceSums *sums = g_new(DistanceSums, 1);
    *sums = (DistanceSums){sum, inverse};
    wn_cache__put(net, name, sums, distance_sums_free);
}

static gpointer
compute_source_sums(const WnNetwork *net, gconstpointer data, GError **error)
{
    (void) data, (void) error;
    return wn_distances__from_every_node(wn_csr__shared(net), 0);
}

/**
 * wn_measure__source_sums:
 * For every node, the sums of its own distances and their inverses and the count of the
 * nodes it reaches, in hops (wn_distances__from_every_node: igraph's exact closeness and
 * harmonic sums, bit for bit, over the threads), kept in the network's cache so that
 * closeness and harmonic share one search per node.
 * Returns: (transfer none): the sums, living as long as @net.
 * Cost: O(n·(n + m)) over the threads the first time; 24·n bytes kept.
 */
const WnSourceSums *
wn_measure__source_sums(const WnNetwork *net, GError **error)
{
    return wn_cache__get(net, "source_sums", compute_source_sums, NULL,
                         (GDestroyNotify) wn_source_sums__free, error);
}

/* igraph_closeness, normalised (the nodes reached over the sum of their distances, NaN for
 * none), into @c, and the counts of the nodes reached (itself left out) into @r: unweighted
 * from the sums of every node (the same bits, over the threads), weighted from igraph. */
static gboolean
closeness_as_igraph(const WnNetwork *net, const WnMeasureOptions *opts, double *c, double *r,
                    GError **error)
{
    gsize n = wn_network_node_count(net);
    if (!opts->weighted) {
        const WnSourceSums *sums = wn_measure__source_sums(net, error);
        for (gsize v = 0; sums != NULL && v < n; v++) {
            r[v] = (double) sums->reached[v];
            c[v] = sums->sum[v] == 0 ? NAN : r[v] / sums->sum[v];
        }
        return sums != NULL;
    }
    g_auto(igraph_vector_t) scores = IGRAPH_VECTOR_NULL;
    g_auto(igraph_vector_int_t) reached = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_init(&scores, 0), error) ||
        !wn_igraph__ok(igraph_vector_int_init(&reached, 0), error) ||
        !wn_igraph__ok(igraph_closeness(wn_network__graph(net), &scores, &reached, NULL,
                                        igraph_vss_all(), IGRAPH_ALL, wn_network__lengths(net),
                                        TRUE),
                       error)) {
        return FALSE;
    }
    for (gsize v = 0; v < n; v++) {
        c[v] = VECTOR(scores)[v];
        r[v] = (double) VECTOR(reached)[v];
    }
    return TRUE;
}

static GArray *
exact(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    gsize n = wn_network_node_count(net);
    g_autofree double *c = g_new(double, n + 1), *r = g_new(double, n + 1);
    if (!closeness_as_igraph(net, opts, c, r, error)) {
        return NULL;
    }
    GArray *out = wn_scores__new(n);
    for (gsize v = 0; v < n; v++) {
        g_array_index(out, double, v) =
            r[v] > 0 && !isnan(c[v]) ? c[v] * r[v] / ((double) n - 1) : 0.0;
    }
    return out;
}

/* The estimate from the sampled sources: r/((n−1)·mean), the mean over the sources in
 * v's component other than v; components on the CSR, sizes exact. */
static GArray *
sampled(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    gsize n = wn_network_node_count(net), k = opts->samples;
    g_autofree guint32 *sources = wn_random__sample_sources(n, k, opts->seed);
    g_autofree guint32 *membership = g_new(guint32, n + 1);
    g_autoptr(GArray) size = wn_csr__components(wn_csr__shared(net), membership);
    const double *sum = wn_measure__distance_sum(net, opts, FALSE, error);
    if (sum == NULL) {
        return NULL;
    }
    g_autofree gsize *in_sample = g_new0(gsize, size->len + 1);
    g_autofree guint8 *is_source = g_new0(guint8, n + 1);
    for (gsize i = 0; i < k; i++) {
        in_sample[membership[sources[i]]]++;
        is_source[sources[i]] = 1;
    }
    GArray *out = wn_scores__new(n);
    for (gsize v = 0; v < n; v++) {
        guint32 c = membership[v];
        double r = (double) (g_array_index(size, gsize, c) - 1);
        double others = (double) (in_sample[c] - is_source[v]);
        g_array_index(out, double, v) = r == 0        ? 0.0
                                        : others == 0 ? NAN
                                                      : r / (((double) n - 1) * (sum[v] / others));
    }
    return out;
}

/**
 * wn_measure_closeness:
 * How near each node is to the nodes it can reach: the number of reachable nodes
 * r − 1 divided by the sum of the shortest-path lengths to them, scaled by the share
 * of the network reached, (r−1)/(n−1) (Wasserman & Faust 1994; NetworkX's default
 * wf_improved=True). An isolated node scores 0. With opts->weighted, a tie's length
 * is 1/weight (docs/FORMAT.md).
 * With opts->samples = K, 0 < K < n, it is estimated from the K sources S that
 * splitmix64 draws from opts->seed (the sample of wn_measure_betweenness()): with r the
 * number of other nodes in v's component and D(v) the mean of d(s, v) over the sources
 * s ≠ v of v's component, closeness(v) ≈ r/((n−1)·D(v)), which is the exact value when
 * those sources are all of the component. A node with r > 0 but no such source has no
 * estimate (NaN, an empty cell); an isolated node scores 0. Unweighted sources are
 * searched in parallel on the CSR kernel (the same result for any number of threads);
 * weighted ones by igraph's Dijkstra, one after another. K = 0 or K ≥ n: exact, igraph's
 * values bit for bit (unweighted from one search per node over the threads,
 * wn_measure__source_sums; weighted from igraph_closeness).
 * Returns: one score per node; NULL on error.
 * Cost: exact O(n·(n + m)) unweighted over the threads, O(n·m·log n) weighted on one;
 * sampled O(K·(n + m)) over the threads, or O(K·m·log n) weighted; each once for harmonic
 * and this measure together (the network's cache keeps the sums).
 */
GArray *
wn_measure_closeness(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    gboolean estimate = opts->samples > 0 && opts->samples < wn_network_node_count(net);
    return estimate ? sampled(net, opts, error) : exact(net, opts, error);
}
