/* registry.c: the measure registry (one row per measure) and the measures table */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

#include <math.h>
#include <string.h>

static const WnMeasureInfo measures[] = {
    {"at_risk_reach", "at-risk residents within two steps (who hears first)",
     wn_measure_at_risk_reach, WN_COLUMN_INT},
    {"betweenness", "share of shortest paths between others that pass through the node",
     wn_measure_betweenness, WN_COLUMN_DOUBLE},
    {"betweenness_norm", "betweenness scaled to [0, 1] by 2/((n-1)(n-2))",
     wn_measure_betweenness_norm, WN_COLUMN_DOUBLE},
    {"closeness", "reach divided by total distance to reachable nodes (Wasserman-Faust)",
     wn_measure_closeness, WN_COLUMN_DOUBLE},
    {"clustering", "share of pairs of contacts who are tied themselves", wn_measure_clustering,
     WN_COLUMN_DOUBLE},
    {"constraint", "Burt's constraint: how much the contacts are tied to each other",
     wn_measure_constraint, WN_COLUMN_DOUBLE},
    {"coreness", "largest k of a k-core the node belongs to", wn_measure_coreness, WN_COLUMN_INT},
    {"degree", "number of distinct contacts", wn_measure_degree, WN_COLUMN_INT},
    {"effective_size", "contacts that are not redundant: n - 2t/n (Burt, Borgatti)",
     wn_measure_effective_size, WN_COLUMN_DOUBLE},
    {"efficiency", "effective size divided by the number of contacts", wn_measure_efficiency,
     WN_COLUMN_DOUBLE},
    {"eigenvector", "central when the contacts are central (max = 1)", wn_measure_eigenvector,
     WN_COLUMN_DOUBLE},
    {"harmonic", "sum of inverse distances to all other nodes", wn_measure_harmonic,
     WN_COLUMN_DOUBLE},
    {"hierarchy", "Burt's hierarchy: how much of the constraint comes from one contact",
     wn_measure_hierarchy, WN_COLUMN_DOUBLE},
    {"pagerank", "share of a random walk spent at the node (damping 0.85)", wn_measure_pagerank,
     WN_COLUMN_DOUBLE},
    {"strength", "sum of the weights of the node's ties", wn_measure_strength, WN_COLUMN_DOUBLE},
};

static const char *const default_names[] = {
    "degree",      "strength", "betweenness", "betweenness_norm", "closeness", "harmonic",
    "eigenvector", "pagerank", "coreness",    "clustering",       NULL};

/**
 * wn_measure_list:
 * Returns: every node measure, in alphabetical order; their number in @n_out.
 */
const WnMeasureInfo *
wn_measure_list(gsize *n_out)
{
    *n_out = G_N_ELEMENTS(measures);
    return measures;
}

/* Returns: the measure called @name, or NULL when there is none. */
const WnMeasureInfo *
wn_measure_lookup(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(measures); i++) {
        if (g_strcmp0(measures[i].name, name) == 0) {
            return &measures[i];
        }
    }
    return NULL;
}

/* Returns: the NULL-terminated names `wijknet measures` computes by default, in order. */
const char *const *
wn_measure_default_names(void)
{
    return default_names;
}

static void
add_measure_column(WnTable *table, const WnMeasureInfo *info, const GArray *scores)
{
    if (info->kind == WN_COLUMN_DOUBLE) {
        wn_table__add_doubles(table, info->name, (const double *) (const void *) scores->data);
        return;
    }
    g_autofree gint64 *ints = g_new0(gint64, scores->len + 1);
    g_autofree gboolean *missing = g_new0(gboolean, scores->len + 1);
    for (guint i = 0; i < scores->len; i++) {
        double s = g_array_index(scores, double, i);
        missing[i] = isnan(s);
        ints[i] = missing[i] ? 0 : (gint64) s;
    }
    wn_table__add_ints(table, info->name, ints, missing);
}

static gboolean
check_names(const char *const *names, GError **error)
{
    for (gsize j = 0; names[j] != NULL; j++) {
        if (wn_measure_lookup(names[j]) == NULL) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                        "unknown measure \"%s\" (see `wijknet measures --list`)", names[j]);
            return FALSE;
        }
    }
    return TRUE;
}

/**
 * wn_measure_table:
 * Computes the measures named in @names (NULL for the default set) for every node:
 * a table with `id`, `type`, `area` and one column per measure, in node order.
 * Labels are never included.
 * Returns: (transfer full): the table, or NULL on error (an unknown name is
 * WN_ERROR_INVALID).
 */
WnTable *
wn_measure_table(const WnNetwork *net, const char *const *names, const WnMeasureOptions *opts,
                 GError **error)
{
    names = names != NULL ? names : default_names;
    if (!check_names(names, error)) {
        return NULL;
    }
    gsize n = wn_network_node_count(net);
    g_autoptr(WnTable) table = wn_table__new(n);
    g_autofree const char **kinds = g_new0(const char *, n + 1);
    for (gsize v = 0; v < n; v++) {
        kinds[v] = wn_node_kind_name(wn_network_node_kind(net, v));
    }
    wn_table__add_strings(table, "id", net->ids);
    wn_table__add_strings(table, "type", kinds);
    wn_table__add_strings(table, "area", net->areas);
    for (gsize j = 0; names[j] != NULL; j++) {
        const WnMeasureInfo *info = wn_measure_lookup(names[j]);
        g_autoptr(GArray) scores = info->compute(net, opts, error);
        if (scores == NULL) {
            return NULL;
        }
        add_measure_column(table, info, scores);
    }
    return g_steal_pointer(&table);
}
