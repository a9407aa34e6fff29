/* eigenvector.c: a node is central when its neighbours are (Bonacich) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

#include <limits.h>
#include <math.h>

#define ROWS_PER_TASK 16384

/* The adjacency matrix (of weights, or of ones) that ARPACK multiplies by. */
typedef struct {
    const WnCsr *csr;
    gboolean weighted;
} Matrix;

typedef struct {
    const Matrix *matrix;
    const double *from;
    double *to;
} Product;

/* Rows of one task: to[i] = Σ_k w_ik·from[k], over i's row in order, as igraph's own
 * product sums its sorted adjacency list, so each row is igraph's bit for bit. */
static void
multiply_rows(gsize task, guint worker, gpointer data)
{
    (void) worker;
    const Product *p = data;
    const WnCsr *csr = p->matrix->csr;
    gsize last = MIN(csr->n, (task + 1) * ROWS_PER_TASK);
    for (gsize i = task * ROWS_PER_TASK; i < last; i++) {
        double sum = 0.0;
        for (gsize k = csr->start[i]; k < csr->start[i + 1]; k++) {
            sum +=
                p->matrix->weighted ? csr->weight[k] * p->from[csr->adj[k]] : p->from[csr->adj[k]];
        }
        p->to[i] = sum;
    }
}

static igraph_error_t
multiply(igraph_real_t *to, const igraph_real_t *from, int n, void *extra)
{
    Product p = {extra, from, to};
    wn_parallel__run(((gsize) n + ROWS_PER_TASK - 1) / ROWS_PER_TASK, 0, multiply_rows, &p);
    return IGRAPH_SUCCESS;
}

/* igraph's start vector: each node's strength (degree unweighted) plus a uniform draw
 * from ±1e-4 when it has ties, else 1. */
static void
start_vector(const WnNetwork *net, gboolean weighted, igraph_matrix_t *vectors)
{
    g_autofree double *degree = wn_measure__strengths(wn_csr__shared(net), weighted);
    for (gsize i = 0; i < net->n; i++) {
        double d = degree[i];
        MATRIX(*vectors, i, 0) =
            d != 0 ? d + igraph_rng_get_unif(igraph_rng_default(), -1e-4, 1e-4) : 1.0;
    }
}

/* igraph's ending: a largest eigenvalue ≤ 0 gives 0 everywhere; otherwise the vector
 * divided by its entry of largest magnitude (the first such), negative rounding to 0. */
static GArray *
scaled_scores(const igraph_matrix_t *vectors, double value, gsize n)
{
    GArray *scores = wn_scores__new(n);
    if (value <= 0) {
        return scores;
    }
    double amax = 0;
    gsize which = 0;
    for (gsize i = 0; i < n; i++) {
        if (fabs(MATRIX(*vectors, i, 0)) > amax) {
            amax = fabs(MATRIX(*vectors, i, 0));
            which = i;
        }
    }
    double factor = amax != 0 ? 1 / MATRIX(*vectors, which, 0) : 1;
    for (gsize i = 0; i < n; i++) {
        double x = MATRIX(*vectors, i, 0) * factor;
        g_array_index(scores, double, i) = x < 0 ? 0 : x;
    }
    return scores;
}

/* ARPACK's options as igraph_eigenvector_centrality sets them for an undirected graph:
 * the largest algebraic eigenvalue, from the given start vector. */
static void
arpack_options(igraph_arpack_options_t *arpack, gsize n)
{
    igraph_arpack_options_init(arpack);
    arpack->n = (int) n;
    arpack->nev = 1;
    arpack->ncv = 0; /* igraph picks it */
    arpack->which[0] = 'L';
    arpack->which[1] = 'A';
    arpack->start = 1;
}

/* ARPACK's symmetric solver, as igraph_eigenvector_centrality runs it, with the product
 * on the shared CSR snapshot. */
static GArray *
with_csr_product(const WnNetwork *net, gboolean weighted, GError **error)
{
    Matrix matrix = {wn_csr__shared(net), weighted};
    igraph_arpack_options_t arpack;
    arpack_options(&arpack, net->n);
    g_auto(igraph_vector_t) values = IGRAPH_VECTOR_NULL;
    igraph_matrix_t vectors;
    if (!wn_igraph__ok(igraph_matrix_init(&vectors, (igraph_integer_t) net->n, 1), error)) {
        return NULL;
    }
    start_vector(net, weighted, &vectors);
    gboolean ok =
        wn_igraph__ok(igraph_vector_init(&values, 0), error) &&
        wn_igraph__ok(igraph_arpack_rssolve(multiply, &matrix, &arpack, NULL, &values, &vectors),
                      error);
    GArray *scores = ok ? scaled_scores(&vectors, VECTOR(values)[0], net->n) : NULL;
    if (ok && arpack.info != 0) {
        igraph_warning("Non-zero return code from ARPACK routine.", __FILE__, __LINE__);
    }
    igraph_matrix_destroy(&vectors);
    return scores;
}

/* Weights that are not all positive take igraph's own path, which handles them. */
static gboolean
has_only_positive_weights(const WnNetwork *net)
{
    for (gsize t = 0; t < net->m; t++) {
        if (!(net->tie_weight[t] > 0)) {
            return FALSE;
        }
    }
    return TRUE;
}

static GArray *
with_igraph(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    g_auto(igraph_vector_t) scores = IGRAPH_VECTOR_NULL;
    igraph_real_t value = 0;
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    if (!wn_igraph__ok(igraph_vector_init(&scores, 0), error) ||
        !wn_igraph__ok(igraph_eigenvector_centrality(
                           wn_network__graph(net), &scores, &value, FALSE, TRUE,
                           opts->weighted ? wn_network__weights(net) : NULL, &arpack),
                       error)) {
        return NULL;
    }
    return wn_scores__from_igraph(&scores);
}

/**
 * wn_measure_eigenvector:
 * Eigenvector centrality (Bonacich 1972): the leading eigenvector of the adjacency
 * matrix (of weights with opts->weighted), scaled so that its maximum is 1, as
 * NetworkX's eigenvector_centrality_numpy divided by its maximum. An isolated node
 * scores 0. In a network of several components only the component with the largest
 * leading eigenvalue scores above 0 (the others get 0, up to rounding near 1e-16);
 * when two components tie for that eigenvalue the split between them is arbitrary.
 * A network without ties scores 0 everywhere: igraph would return 1 for every node,
 * but no node is more central than an isolated node there.
 * Solved as igraph_eigenvector_centrality solves it (ARPACK, the same start vector,
 * options and ending), bit for bit, but with the matrix-vector products on the shared
 * CSR snapshot over one thread per processor (each row summed by one thread, in order).
 * Returns: one score per node; NULL on error.
 * Cost: O(m) per ARPACK iteration, over the threads, plus ARPACK's O(n) work.
 */
GArray *
wn_measure_eigenvector(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    if (wn_network_tie_count(net) == 0) {
        return wn_scores__new(wn_network_node_count(net));
    }
    /* the start vector draws from igraph's random generator; seed it so that the last
     * digits do not depend on what ran before in the same process */
    igraph_rng_seed(igraph_rng_default(), 1);
    if (net->n > INT_MAX || (opts->weighted && !has_only_positive_weights(net))) {
        return with_igraph(net, opts, error);
    }
    return with_csr_product(net, opts->weighted, error);
}
