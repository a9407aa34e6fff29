/* effective-size.c: Burt's effective size, the contacts that are not redundant */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "private.h"

/* Counts in @t_out the ties among @contacts, the nodes whose entry in @mark is set. */
static gboolean
count_ties_among(const igraph_t *graph, const igraph_vector_int_t *contacts, const gboolean *mark,
                 igraph_vector_int_t *scratch, gsize *t_out, GError **error)
{
    gsize ends = 0;
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(contacts); k++) {
        if (!wn_igraph__ok(igraph_neighbors(graph, scratch, VECTOR(*contacts)[k], IGRAPH_ALL),
                           error)) {
            return FALSE;
        }
        for (igraph_integer_t l = 0; l < igraph_vector_int_size(scratch); l++) {
            ends += mark[VECTOR(*scratch)[l]] ? 1 : 0;
        }
    }
    *t_out = ends / 2; /* each tie among the contacts was seen from both of its ends */
    return TRUE;
}

/* n − 2t/n for node @v; @mark is all FALSE on entry and on return. */
static gboolean
effective_size_of(const igraph_t *graph, igraph_integer_t v, gboolean *mark,
                  igraph_vector_int_t *contacts, igraph_vector_int_t *scratch, double *out,
                  GError **error)
{
    if (!wn_igraph__ok(igraph_neighbors(graph, contacts, v, IGRAPH_ALL), error)) {
        return FALSE;
    }
    igraph_integer_t n = igraph_vector_int_size(contacts);
    for (igraph_integer_t k = 0; k < n; k++) {
        mark[VECTOR(*contacts)[k]] = TRUE;
    }
    gsize t = 0;
    gboolean ok = count_ties_among(graph, contacts, mark, scratch, &t, error);
    for (igraph_integer_t k = 0; k < n; k++) {
        mark[VECTOR(*contacts)[k]] = FALSE;
    }
    *out = n == 0 ? 0.0 : (double) n - 2.0 * (double) t / (double) n;
    return ok;
}

/**
 * wn_measure_effective_size:
 * Burt's effective size (Burt 1992, Structural Holes, p. 52) in Borgatti's form for
 * undirected unweighted networks (Borgatti 1997, "Structural holes: unpacking Burt's
 * redundancy measures", Connections 20(1)): n − 2t/n for a node with n contacts and t
 * ties among them, as NetworkX's effective_size. A node whose contacts are not tied
 * to each other scores n. Always unweighted: opts->weighted is ignored (Burt's
 * weighted redundancy is not implemented). An isolated node scores 0, where NetworkX
 * gives NaN: it has no contact, so no non-redundant one.
 * Returns: one score per node; NULL on error.
 * Cost: O(Σ_i Σ_{j contact of i} degree(j)).
 */
GArray *
wn_measure_effective_size(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts;
    gsize n = wn_network_node_count(net);
    g_auto(igraph_vector_int_t) contacts = IGRAPH_VECTOR_NULL;
    g_auto(igraph_vector_int_t) scratch = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_int_init(&contacts, 0), error) ||
        !wn_igraph__ok(igraph_vector_int_init(&scratch, 0), error)) {
        return NULL;
    }
    g_autofree gboolean *mark = g_new0(gboolean, n + 1);
    g_autoptr(GArray) scores = wn_scores__new(n);
    for (gsize v = 0; v < n; v++) {
        if (!effective_size_of(wn_network__graph(net), (igraph_integer_t) v, mark, &contacts,
                               &scratch, &g_array_index(scores, double, v), error)) {
            return NULL;
        }
    }
    return g_steal_pointer(&scores);
}
