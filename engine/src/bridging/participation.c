/* participation.c: how evenly each node's ties spread over the communities */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"

/*
 * Participation sums k_is over the ties in tie order, then subtracts the squared shares
 * of each node in the order a GHashTable keyed by (node, community) lists them. That
 * order decides the last bits of each score, so it is kept: the table gets the same keys
 * in the same order as when it summed the ties itself, but each key only once, and the
 * sums come from a pass over each node's own ties.
 */

/* The tie ends of each node, in tie order: node v's are ends[start[v]] … ends[start[v + 1]
 * − 1], each written 2t + e for end e (0: tie_from, 1: tie_to) of tie t. */
static guint32 *
tie_ends_by_node(const WnNetwork *net, gsize *start)
{
    for (gsize t = 0; t < net->m; t++) {
        start[net->tie_from[t] + 1]++;
        start[net->tie_to[t] + 1]++;
    }
    for (gsize v = 0; v < net->n; v++) {
        start[v + 1] += start[v];
    }
    g_autofree gsize *next = g_memdup2(start, (net->n + 1) * sizeof *start);
    guint32 *ends = g_new(guint32, 2 * net->m + 1);
    for (gsize t = 0; t < net->m; t++) {
        ends[next[net->tie_from[t]]++] = (guint32) (2 * t);
        ends[next[net->tie_to[t]]++] = (guint32) (2 * t + 1);
    }
    return ends;
}

/* The node at end @e of tie @t. */
static gsize
end_node(const WnNetwork *net, gsize t, gsize e)
{
    return e == 0 ? net->tie_from[t] : net->tie_to[t];
}

/* The community of the node at the other end of tie @t from end @e. */
static gsize
other_community(const WnNetwork *net, const WnCommunities *comms, gsize t, gsize e)
{
    return wn_communities_membership(comms, end_node(net, t, 1 - e));
}

/* Sums k_i and every k_is in tie order, one pair (i, s) after another as they first occur
 * at i; opener[2t + e] is the pair's number + 1 where it first occurs, 0 elsewhere.
 * Returns: the k_is, by pair number. */
static GArray *
sum_pairs(const WnNetwork *net, const WnCommunities *comms, double *k, guint32 *opener)
{
    g_autofree gsize *start = g_new0(gsize, net->n + 1);
    g_autofree guint32 *ends = tie_ends_by_node(net, start);
    gboolean weighted = wn_communities_options(comms)->weighted;
    double scale = wn_communities__weight_scale(comms);
    g_autofree guint32 *pair_of =
        g_new0(guint32, wn_communities_count(comms) + 1); /* of s at i, + 1 */
    GArray *k_is = g_array_new(FALSE, FALSE, sizeof(double));
    for (gsize i = 0; i < net->n; i++) {
        for (gsize q = start[i]; q < start[i + 1]; q++) {
            gsize t = ends[q] / 2, s = other_community(net, comms, t, ends[q] % 2);
            double w = weighted ? net->tie_weight[t] * scale : 1.0;
            k[i] += w;
            if (pair_of[s] == 0) {
                double zero = 0;
                g_array_append_val(k_is, zero);
                pair_of[s] = opener[ends[q]] = k_is->len;
            }
            g_array_index(k_is, double, pair_of[s] - 1) += w;
        }
        for (gsize q = start[i]; q < start[i + 1]; q++) {
            pair_of[other_community(net, comms, ends[q] / 2, ends[q] % 2)] = 0;
        }
    }
    return k_is;
}

/* The pairs keyed by i·n + s + 1 (unique, as s < n), inserted in order of first
 * occurrence over the ties: the value is the pair's number + 1. */
static GHashTable *
pairs_by_key(const WnNetwork *net, const WnCommunities *comms, const guint32 *opener)
{
    GHashTable *pairs = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (gsize p = 0; p < 2 * net->m; p++) {
        if (opener[p] != 0) {
            gsize i = end_node(net, p / 2, p % 2), s = other_community(net, comms, p / 2, p % 2);
            g_hash_table_insert(pairs, GSIZE_TO_POINTER(i * net->n + s + 1),
                                GUINT_TO_POINTER(opener[p]));
        }
    }
    return pairs;
}

/**
 * wn_communities_participation:
 * The participation coefficient of each node (Guimerà & Amaral 2005):
 * P_i = 1 − Σ_s (k_is / k_i)², where k_i is the node's degree and k_is the number of its
 * ties into community s (with opts->weighted of the partition: strengths and weights,
 * scaled by wn_communities__weight_scale so that sums near the largest double stay finite).
 * 0 when all ties stay in one community, approaching 1 when they are spread evenly over
 * many; 0 for an isolated node (it spreads nothing).
 * Returns: (transfer full): one score per node, in node order.
 * Cost: O(n + m) expected.
 */
GArray *
wn_communities_participation(const WnNetwork *net, const WnCommunities *comms)
{
    g_return_val_if_fail(wn_network_node_count(net) == wn_communities__node_count(comms), NULL);
    g_return_val_if_fail(2 * net->m < G_MAXUINT32, NULL);
    g_autofree double *k = g_new0(double, net->n + 1);
    g_autofree guint32 *opener = g_new0(guint32, 2 * net->m + 1);
    g_autoptr(GArray) k_is = sum_pairs(net, comms, k, opener);
    g_autoptr(GHashTable) pairs = pairs_by_key(net, comms, opener);
    GArray *scores = wn_scores__new(net->n);
    for (gsize i = 0; i < net->n; i++) {
        g_array_index(scores, double, i) = k[i] > 0 ? 1.0 : 0.0;
    }
    GHashTableIter iter;
    gpointer key, value;
    g_hash_table_iter_init(&iter, pairs);
    while (g_hash_table_iter_next(&iter, &key, &value)) {
        gsize i = (GPOINTER_TO_SIZE(key) - 1) / net->n;
        double share = g_array_index(k_is, double, GPOINTER_TO_UINT(value) - 1) / k[i];
        g_array_index(scores, double, i) -= share * share;
    }
    return scores;
}
