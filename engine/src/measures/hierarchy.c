/* hierarchy.c: Burt's hierarchy, how much of a node's constraint comes from one contact */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "private.h"

#include <math.h>

/* The state of one ego at a time; @share and @indirect are 0 outside its contacts. */
typedef struct {
    const WnNetwork *net;
    gboolean weighted;
    double *total;             /* per node: the sum of its tie strengths (its degree, unweighted) */
    double *share;             /* per node j: p_ij, the share of ego i's ties that go to j */
    double *indirect;          /* per node j: Σ_q p_iq p_qj over ego i's contacts q */
    igraph_vector_int_t *ties; /* ego i's ties */
    igraph_vector_int_t *ties2; /* the ties of one of its contacts */
} Ego;

static double
tie_strength(const Ego *e, igraph_integer_t tie)
{
    return e->weighted ? e->net->tie_weight[tie] : 1.0;
}

static igraph_integer_t
other_end(const Ego *e, igraph_integer_t tie, igraph_integer_t v)
{
    igraph_integer_t from = e->net->tie_from[tie];
    return from == v ? (igraph_integer_t) e->net->tie_to[tie] : from;
}

/* Fills share and indirect for the contacts of @i, whose ties are in e->ties. */
static gboolean
fill_shares(Ego *e, igraph_integer_t i, GError **error)
{
    igraph_integer_t n = igraph_vector_int_size(e->ties);
    for (igraph_integer_t k = 0; k < n; k++) {
        igraph_integer_t tie = VECTOR(*e->ties)[k];
        e->share[other_end(e, tie, i)] = tie_strength(e, tie) / e->total[i];
    }
    for (igraph_integer_t k = 0; k < n; k++) {
        igraph_integer_t q = other_end(e, VECTOR(*e->ties)[k], i);
        if (!wn_igraph__ok(igraph_incident(wn_network__graph(e->net), e->ties2, q, IGRAPH_ALL),
                           error)) {
            return FALSE;
        }
        for (igraph_integer_t l = 0; l < igraph_vector_int_size(e->ties2); l++) {
            igraph_integer_t tie = VECTOR(*e->ties2)[l], j = other_end(e, tie, q);
            if (j != i && e->share[j] > 0) { /* j is a contact of i as well */
                e->indirect[j] += e->share[q] * tie_strength(e, tie) / e->total[q];
            }
        }
    }
    return TRUE;
}

/* c_ij = (p_ij + Σ_q p_iq p_qj)², the contribution of the contact j to i's constraint. */
static double
contribution(const Ego *e, igraph_integer_t j)
{
    double c = e->share[j] + e->indirect[j];
    return c * c;
}

/* Burt's H for ego @i from its contributions; clears share and indirect again. */
static double
hierarchy_of(Ego *e, igraph_integer_t i)
{
    igraph_integer_t n = igraph_vector_int_size(e->ties);
    double total = 0.0, sum = 0.0;
    for (igraph_integer_t k = 0; k < n; k++) {
        total += contribution(e, other_end(e, VECTOR(*e->ties)[k], i));
    }
    for (igraph_integer_t k = 0; k < n; k++) {
        igraph_integer_t j = other_end(e, VECTOR(*e->ties)[k], i);
        double ratio = contribution(e, j) / (total / (double) n);
        sum += ratio * log(ratio);
        e->share[j] = e->indirect[j] = 0.0;
    }
    return n > 1 ? sum / ((double) n * log((double) n)) : NAN;
}

/**
 * wn_measure_hierarchy:
 * Burt's hierarchy (Burt 1992, Structural Holes, p. 71): how unequally a node's
 * constraint is spread over its N contacts,
 * H_i = Σ_j (c_ij / (C/N)) ln(c_ij / (C/N)) / (N ln N),
 * where c_ij = (p_ij + Σ_q p_iq p_qj)² is the contribution of contact j to i's
 * constraint C = Σ_j c_ij (see wn_measure_constraint, whose p_ij, unweighted or with
 * opts->weighted, this shares). H is 0 when every contact constrains i equally and
 * tends to 1 when one contact holds all of it. Missing (NaN) for N ≤ 1 (N ln N = 0):
 * isolated nodes and nodes with a single contact.
 * Returns: one score per node; NULL on error.
 * Cost: O(Σ_i Σ_{q contact of i} degree(q)).
 */
GArray *
wn_measure_hierarchy(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    gsize n = wn_network_node_count(net);
    g_autofree double *total = g_new0(double, n + 1);
    g_autofree double *share = g_new0(double, n + 1);
    g_autofree double *indirect = g_new0(double, n + 1);
    g_auto(igraph_vector_int_t) ties = IGRAPH_VECTOR_NULL;
    g_auto(igraph_vector_int_t) ties2 = IGRAPH_VECTOR_NULL;
    Ego e = {net, opts->weighted, total, share, indirect, &ties, &ties2};
    if (!wn_igraph__ok(igraph_vector_int_init(&ties, 0), error) ||
        !wn_igraph__ok(igraph_vector_int_init(&ties2, 0), error)) {
        return NULL;
    }
    for (gsize t = 0; t < wn_network_tie_count(net); t++) {
        total[net->tie_from[t]] += tie_strength(&e, (igraph_integer_t) t);
        total[net->tie_to[t]] += tie_strength(&e, (igraph_integer_t) t);
    }
    g_autoptr(GArray) scores = wn_scores__new(n);
    for (gsize v = 0; v < n; v++) {
        if (!wn_igraph__ok(
                igraph_incident(wn_network__graph(net), &ties, (igraph_integer_t) v, IGRAPH_ALL),
                error) ||
            !fill_shares(&e, (igraph_integer_t) v, error)) {
            return NULL;
        }
        g_array_index(scores, double, v) = hierarchy_of(&e, (igraph_integer_t) v);
    }
    return g_steal_pointer(&scores);
}
