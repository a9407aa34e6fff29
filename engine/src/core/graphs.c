/* graphs.c: the network's igraph graphs (undirected, directed, informal), its tie
 * lengths, and the summary `wijknet check` shows */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core.h"

#include <string.h>

static gboolean
build_informal_layer(WnNetwork *net, GError **error)
{
    gsize informal = 0;
    for (gsize t = 0; t < net->m; t++) {
        informal += !wn_network__tie_is_formal(net, t);
    }
    g_auto(igraph_vector_int_t) edges = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_int_init(&edges, (igraph_integer_t) (2 * informal)), error) ||
        !wn_igraph__ok(igraph_vector_int_init(&net->informal_tie, (igraph_integer_t) informal),
                       error)) {
        return FALSE;
    }
    gsize e = 0;
    for (gsize t = 0; t < net->m; t++) {
        if (!wn_network__tie_is_formal(net, t)) {
            VECTOR(edges)[2 * e] = net->tie_from[t];
            VECTOR(edges)[2 * e + 1] = net->tie_to[t];
            VECTOR(net->informal_tie)[e++] = (igraph_integer_t) t;
        }
    }
    return wn_igraph__ok(
        igraph_create(&net->informal, &edges, (igraph_integer_t) net->n, IGRAPH_UNDIRECTED), error);
}

/*
 * wn_network__seal:
 * Marks the ties of @net final: the weights vector becomes a view of tie_weight, which
 * lives as long as the network and never changes. The graphs are built on their first
 * use (wn_network__graph, wn_network__informal, wn_csr__shared), so a run pays only for
 * those its measures read: the kernels on the CSR never make igraph's copy of the ties.
 */
void
wn_network__seal(WnNetwork *net)
{
    static double no_weights[1]; /* igraph wants storage even for no ties */
    igraph_vector_view(&net->weights, net->m > 0 ? net->tie_weight : no_weights,
                       (igraph_integer_t) net->m);
}

/* igraph's undirected graph of the ties, merged by unordered pair (in a directed dataset
 * a pair tied both ways is one tie, weights added: the oracle convention); edge i is tie
 * i. */
static gboolean
build_graph(WnNetwork *net, GError **error)
{
    g_auto(igraph_vector_int_t) edges = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_int_init(&edges, (igraph_integer_t) (2 * net->m)), error)) {
        return FALSE;
    }
    wn_network__advise_large(VECTOR(edges), 2 * net->m * sizeof(igraph_integer_t));
    for (gsize t = 0; t < net->m; t++) {
        VECTOR(edges)[2 * t] = net->tie_from[t];
        VECTOR(edges)[2 * t + 1] = net->tie_to[t];
    }
    return wn_igraph__ok(
        igraph_create(&net->graph, &edges, (igraph_integer_t) net->n, IGRAPH_UNDIRECTED), error);
}

/* Builds a part of @net on its first use, once, whichever thread asks first: the
 * network does not change, so the part then serves every later call. Only running out
 * of memory fails here, and that aborts. */
static void
build_once(WnNetwork *net, gsize *done, gboolean (*build)(WnNetwork *, GError **))
{
    if (g_once_init_enter(done)) {
        gboolean ok = build(net, NULL);
        g_assert_true(ok);
        g_once_init_leave(done, 1);
    }
}

/*
 * wn_network__graph:
 * igraph's undirected graph of all ties (conflicts are no ties), built on the first call,
 * which only the igraph thread makes (docs/DESIGN.md).
 * Cost: O(n + m) time and about 32 bytes per tie and 16 per node on the first call (48
 * per tie more while igraph builds it), O(1) after.
 */
const igraph_t *
wn_network__graph(const WnNetwork *net)
{
    WnNetwork *built = (WnNetwork *) net; /* a cache: the network does not change */
    build_once(built, &built->has_graph, build_graph);
    return &net->graph;
}

/*
 * wn_network__informal:
 * The informal layer: every node, and the ties with no professional or organisation at
 * either end. Built on the first call, which only the igraph thread makes (docs/DESIGN.md):
 * most commands never use it, and it costs as much as the whole graph.
 * Cost: O(n + m) on the first call, O(1) after.
 */
const igraph_t *
wn_network__informal(const WnNetwork *net)
{
    WnNetwork *built = (WnNetwork *) net; /* a cache: the network does not change */
    build_once(built, &built->has_informal, build_informal_layer);
    return &net->informal;
}

const igraph_vector_t *
wn_network__weights(const WnNetwork *net)
{
    return &net->weights;
}

static gboolean
build_lengths(WnNetwork *net, GError **error)
{
    if (!wn_igraph__ok(igraph_vector_init(&net->lengths, (igraph_integer_t) net->m), error)) {
        return FALSE;
    }
    wn_network__advise_large(VECTOR(net->lengths), net->m * sizeof(igraph_real_t));
    for (gsize t = 0; t < net->m; t++) {
        VECTOR(net->lengths)[t] = 1.0 / net->tie_weight[t];
    }
    return TRUE;
}

/*
 * wn_network__lengths:
 * The length of each tie, 1/weight (docs/FORMAT.md), built on the first call: only the
 * weighted path measures use it. Thread-safe.
 * Cost: O(m) on the first call, O(1) after.
 */
const igraph_vector_t *
wn_network__lengths(const WnNetwork *net)
{
    WnNetwork *built = (WnNetwork *) net; /* a cache: the network does not change */
    build_once(built, &built->has_lengths, build_lengths);
    return &net->lengths;
}

static void
count_components(const WnNetwork *net, WnSummary *out)
{
    g_autofree guint32 *membership = g_new(guint32, net->n + 1);
    g_autoptr(GArray) sizes = wn_csr__components(wn_csr__shared(net), membership);
    out->components = sizes->len;
    out->largest_component = 0;
    for (guint c = 0; c < sizes->len; c++) {
        out->largest_component = MAX(out->largest_component, g_array_index(sizes, gsize, c));
    }
}

/**
 * wn_network_summarise:
 * Counts what `wijknet check` reports: nodes per kind, tie rows, merged rows, ties holding
 * each relation, ties of several relations, rows left out by the relations loaded, formal and
 * informal ties, connected components (of the undirected network of all ties but conflicts), nodes
 * without ties, and residents without an informal tie. Returns: TRUE (nothing here fails
 * since the components are found on the CSR; @error stays for the API).
 */
gboolean
wn_network_summarise(const WnNetwork *net, WnSummary *out, GError **error)
{
    (void) error;
    memset(out, 0, sizeof *out);
    out->nodes = net->n;
    out->tie_rows = net->tie_rows;
    out->merged_rows = net->merged_rows;
    out->ties = net->m;
    out->ties_by_kind[WN_TIE_CONFLICT] = wn_network_conflict_count(net);
    out->relation_rows = net->relation_rows;
    out->left_out_rows = net->left_out_rows;
    for (gsize t = 0; t < net->m; t++) {
        for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
            out->ties_by_kind[k] += (net->tie_relations[t] & WN_RELATION(k)) != 0;
        }
        out->multiplex_ties += __builtin_popcount(net->tie_relations[t]) > 1;
        out->formal_ties += wn_network__tie_is_formal(net, t);
    }
    out->informal_ties = net->m - out->formal_ties;
    g_autofree guint8 *has_tie = g_new0(guint8, net->n);
    g_autofree guint8 *has_informal = g_new0(guint8, net->n);
    for (gsize t = 0; t < net->m; t++) {
        has_tie[net->tie_from[t]] = has_tie[net->tie_to[t]] = 1;
        if (!wn_network__tie_is_formal(net, t)) {
            has_informal[net->tie_from[t]] = has_informal[net->tie_to[t]] = 1;
        }
    }
    for (gsize v = 0; v < net->n; v++) {
        out->nodes_by_kind[net->kinds[v]]++;
        out->isolated_nodes += !has_tie[v];
        if (net->kinds[v] == WN_NODE_RESIDENT) {
            out->vulnerable_residents += net->vulnerable[v] != 0;
            out->residents_without_informal_tie += !has_informal[v];
        }
    }
    count_components(net, out);
    return TRUE;
}
