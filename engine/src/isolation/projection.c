/* projection.c: the resident × group membership network projected onto residents */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "isolation.h"

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(igraph_adjlist_t, igraph_adjlist_destroy)

typedef struct {
    gsize source, target;
    gint64 shared;
} Pair;

typedef struct {
    const WnNetwork *net;
    const igraph_adjlist_t *al;
    gint64 *shared;  /* per resident: groups shared with the current one */
    GArray *touched; /* residents whose count is not 0 */
    GArray *pairs;   /* of Pair */
} Projector;

/* Counts the groups @r shares with every resident whose id sorts after its own. */
static void
count_shared(Projector *pj, gsize r)
{
    const WnNetwork *net = pj->net;
    igraph_vector_int_t *groups = igraph_adjlist_get(pj->al, r);
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(groups); i++) {
        igraph_integer_t g = VECTOR(*groups)[i];
        if (net->kinds[g] != WN_NODE_GROUP) {
            continue;
        }
        igraph_vector_int_t *members = igraph_adjlist_get(pj->al, g);
        for (igraph_integer_t j = 0; j < igraph_vector_int_size(members); j++) {
            gsize s = (gsize) VECTOR(*members)[j];
            if (net->kinds[s] != WN_NODE_RESIDENT || strcmp(net->ids[r], net->ids[s]) >= 0) {
                continue;
            }
            if (pj->shared[s]++ == 0) {
                g_array_append_val(pj->touched, s);
            }
        }
    }
}

/* Keeps the pairs of @r that share at least @min_shared groups, and clears the counts. */
static void
collect_pairs(Projector *pj, gsize r, guint min_shared)
{
    for (guint i = 0; i < pj->touched->len; i++) {
        gsize s = g_array_index(pj->touched, gsize, i);
        if (pj->shared[s] >= (gint64) min_shared) {
            Pair pair = {r, s, pj->shared[s]};
            g_array_append_val(pj->pairs, pair);
        }
        pj->shared[s] = 0;
    }
    g_array_set_size(pj->touched, 0);
}

static gint
by_ids(gconstpointer a, gconstpointer b, gpointer data)
{
    const WnNetwork *net = data;
    const Pair *p = a, *q = b;
    int c = strcmp(net->ids[p->source], net->ids[q->source]);
    return c != 0 ? c : strcmp(net->ids[p->target], net->ids[q->target]);
}

static WnTable *
pairs_table(const WnNetwork *net, const GArray *pairs)
{
    g_autofree const char **sources = g_new0(const char *, pairs->len + 1);
    g_autofree const char **targets = g_new0(const char *, pairs->len + 1);
    g_autofree gint64 *weights = g_new0(gint64, pairs->len + 1);
    for (guint i = 0; i < pairs->len; i++) {
        const Pair *p = &g_array_index(pairs, Pair, i);
        sources[i] = net->ids[p->source];
        targets[i] = net->ids[p->target];
        weights[i] = p->shared;
    }
    WnTable *t = wn_table__new(pairs->len);
    wn_table__add_strings(t, "source", sources);
    wn_table__add_strings(t, "target", targets);
    wn_table__add_ints(t, "weight", weights, NULL);
    return t;
}

/**
 * wn_projection_residents:
 * The two-mode network of residents and the groups they belong to, projected onto the
 * residents (as NetworkX bipartite.weighted_projected_graph): one row per pair of
 * residents sharing at least @min_shared groups, with `source` < `target` in byte order of
 * their ids, rows sorted by source then target, and `weight` = the number of groups they
 * share. A membership is any tie between a resident and a group (its kind and weight are
 * not used); ties between residents play no part. Residents in no group, or sharing none,
 * appear in no row; a network without groups gives an empty table.
 * Returns: (transfer full): the table, or NULL on error (@min_shared 0 is WN_ERROR_INVALID).
 * Cost: O(n + m + Σ_g s_g²) for groups of s_g members, plus sorting the pairs.
 */
WnTable *
wn_projection_residents(const WnNetwork *net, guint min_shared, GError **error)
{
    if (min_shared == 0) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "min_shared must be at least 1");
        return NULL;
    }
    g_auto(igraph_adjlist_t) al = {0};
    if (!wn_igraph__ok(igraph_adjlist_init(wn_network__informal(net), &al, IGRAPH_ALL,
                                           IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE),
                       error)) {
        return NULL;
    }
    g_autofree gint64 *shared = g_new0(gint64, net->n + 1);
    g_autoptr(GArray) touched = g_array_new(FALSE, FALSE, sizeof(gsize));
    g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(Pair));
    Projector pj = {net, &al, shared, touched, pairs};
    for (gsize r = 0; r < net->n; r++) {
        if (net->kinds[r] == WN_NODE_RESIDENT) {
            count_shared(&pj, r);
            collect_pairs(&pj, r, min_shared);
        }
    }
    g_array_sort_with_data(pairs, by_ids, (gpointer) net);
    return pairs_table(net, pairs);
}
