/* brokers.c: the brokers table: who bridges groups, and why */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"
#include "measures/measures.h"

#include <math.h>

/* What the brokers report shows of every node. */
typedef struct {
    const WnNetwork *net;
    const char *by;
    WnGrouping *groups;
    WnBrokerage *roles;
    WnTable *ei;
    GArray *betweenness;
    GArray *reach;
    gint64 *neighbour_groups;
    gint64 *between_pairs;
    const GArray *listed; /* the rows of the table being made, as node indices */
} Facts;

static void
facts_free(Facts *f)
{
    wn_grouping_free(f->groups);
    wn_brokerage_free(f->roles);
    wn_table_free(f->ei);
    g_clear_pointer(&f->betweenness, g_array_unref);
    g_clear_pointer(&f->reach, g_array_unref);
    g_free(f->neighbour_groups);
    g_free(f->between_pairs);
    g_free(f);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Facts, facts_free)

static double
role_count(const Facts *f, WnRole role, gsize v)
{
    return g_array_index(wn_brokerage_counts(f->roles, role), double, v);
}

/* A brokered pair counts once: an undirected dataset counts every pair both ways. */
static gint64
pairs_of(const Facts *f, double ordered)
{
    return (gint64) ordered / (f->net->directed ? 1 : 2);
}

/* Distinct groups among each node's neighbours, and the pairs it brokers across groups. */
static void
count_connections(Facts *f)
{
    const WnNetwork *net = f->net;
    const WnCsr *adj = wn_csr__shared(net);
    g_autofree guint32 *seen = g_new0(guint32, wn_grouping_count(f->groups) + 1);
    f->neighbour_groups = g_new0(gint64, net->n + 1);
    f->between_pairs = g_new0(gint64, net->n + 1);
    for (guint32 v = 0; v < net->n; v++) {
        for (gsize i = adj->start[v]; i < adj->start[v + 1]; i++) {
            gsize g = wn_grouping_of(f->groups, adj->adj[i]);
            f->neighbour_groups[v] += seen[g] != v + 1;
            seen[g] = v + 1;
        }
        f->between_pairs[v] = pairs_of(f, role_count(f, WN_ROLE_REPRESENTATIVE, v) +
                                              role_count(f, WN_ROLE_GATEKEEPER, v) +
                                              role_count(f, WN_ROLE_LIAISON, v));
    }
}

static Facts *
gather_facts(const WnNetwork *net, const WnBrokersOptions *opts, GError **error)
{
    g_autoptr(Facts) f = g_new0(Facts, 1);
    f->net = net;
    f->by = opts->by != NULL ? opts->by : "area";
    f->groups = wn_grouping_new(net, opts->by, error);
    if (f->groups == NULL) {
        return NULL;
    }
    WnMeasureOptions none = WN_MEASURE_OPTIONS_INIT;
    /* analyse's rule, so that a run of analyse computes the ranking once (it is cached):
     * estimated above 20,000 nodes */
    WnMeasureOptions ranking = {FALSE, net->n > WN_ESTIMATE_MIN_NODES ? WN_ESTIMATE_SAMPLES : 0,
                                opts->seed};
    f->betweenness = wn_measure_betweenness(net, &ranking, error);
    f->reach = f->betweenness != NULL ? wn_measure_at_risk_reach(net, &none, error) : NULL;
    if (f->reach == NULL) {
        return NULL;
    }
    f->roles = wn_brokerage_new(net, f->groups);
    f->ei = wn_ei_table(net, f->groups);
    count_connections(f);
    return g_steal_pointer(&f);
}

static gint
compare_brokers(gconstpointer a, gconstpointer b, gpointer data)
{
    const Facts *f = data;
    gsize u = *(const gsize *) a, v = *(const gsize *) b;
    double tu = role_count(f, WN_ROLE_TOTAL, u), tv = role_count(f, WN_ROLE_TOTAL, v);
    double bu = g_array_index(f->betweenness, double, u);
    double bv = g_array_index(f->betweenness, double, v);
    if (tu != tv) {
        return tu > tv ? -1 : 1;
    }
    if (bu != bv) {
        return bu > bv ? -1 : 1;
    }
    return (u > v) - (u < v);
}

/* The nodes that broker at least one pair, best first, at most @top (0 = all). */
static GArray *
rank_brokers(const Facts *f, guint top)
{
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize v = 0; v < f->net->n; v++) {
        if (role_count(f, WN_ROLE_TOTAL, v) > 0) {
            g_array_append_val(rows, v);
        }
    }
    g_array_sort_with_data(rows, compare_brokers, (gpointer) f);
    if (top > 0 && rows->len > top) {
        g_array_set_size(rows, top);
    }
    return rows;
}

/* How the report names the groups in words: "areas", "node types", "club groups". */
static char *
group_noun(const char *by)
{
    if (g_ascii_strcasecmp(by, "area") == 0) {
        return g_strdup("areas");
    }
    if (g_ascii_strcasecmp(by, "type") == 0) {
        return g_strdup("node types");
    }
    return g_strdup_printf("%s groups", by);
}

static const char *
plural(gint64 count, const char *one, const char *many)
{
    return count == 1 ? one : many;
}

/* The reason a node is listed, in words a community worker reads at a glance. */
static char *
reason_for(const Facts *f, gsize v)
{
    gboolean formality = g_ascii_strcasecmp(f->by, "formality") == 0;
    g_autofree char *noun = group_noun(f->by);
    gint64 pairs = pairs_of(f, role_count(f, WN_ROLE_TOTAL, v));
    gint64 across = f->between_pairs[v], groups = f->neighbour_groups[v];
    gint64 reach = (gint64) g_array_index(f->reach, double, v);
    g_autoptr(GString) s = g_string_new(NULL);
    g_string_append_printf(s, "brokers %" G_GINT64_FORMAT " %s of contacts who are not tied", pairs,
                           plural(pairs, "pair", "pairs"));
    if (across > 0) {
        g_string_append_printf(s, " (%" G_GINT64_FORMAT " %s%s)", across,
                               formality ? "formal-informal" : "across ", formality ? "" : noun);
    }
    if (!formality && groups > 1) {
        g_string_append_printf(s, "; has contacts in %" G_GINT64_FORMAT " %s", groups, noun);
    }
    if (reach > 0) {
        g_string_append_printf(s, "; reaches %" G_GINT64_FORMAT " at-risk %s within two steps",
                               reach, plural(reach, "resident", "residents"));
    }
    return g_strdup(s->str);
}

static void
add_count_column(WnTable *t, const char *name, const gint64 *all, const GArray *rows)
{
    g_autofree gint64 *values = g_new0(gint64, rows->len + 1);
    for (guint i = 0; i < rows->len; i++) {
        values[i] = all[g_array_index(rows, gsize, i)];
    }
    wn_table__add_ints(t, name, values, NULL);
}

static void
add_scores_column(WnTable *t, const char *name, const GArray *all, const GArray *rows,
                  gboolean as_int)
{
    g_autofree gint64 *ints = g_new0(gint64, rows->len + 1);
    g_autofree double *values = g_new0(double, rows->len + 1);
    for (guint i = 0; i < rows->len; i++) {
        values[i] = g_array_index(all, double, g_array_index(rows, gsize, i));
        ints[i] = (gint64) values[i];
    }
    if (as_int) {
        wn_table__add_ints(t, name, ints, NULL);
    } else {
        wn_table__add_doubles(t, name, values);
    }
}

/* The identity columns of the listed nodes: rank, id, type, group; ids only, no labels. */
static void
add_identity_columns(WnTable *t, const Facts *f, const GArray *rows)
{
    g_autofree gint64 *rank = g_new0(gint64, rows->len + 1);
    g_autofree const char **ids = g_new0(const char *, rows->len + 1);
    g_autofree const char **types = g_new0(const char *, rows->len + 1);
    g_autofree const char **groups = g_new0(const char *, rows->len + 1);
    for (guint i = 0; i < rows->len; i++) {
        gsize v = g_array_index(rows, gsize, i);
        rank[i] = i + 1;
        ids[i] = wn_network_node_id(f->net, v);
        types[i] = wn_node_kind_name(wn_network_node_kind(f->net, v));
        groups[i] = wn_grouping_name(f->groups, wn_grouping_of(f->groups, v));
    }
    wn_table__add_ints(t, "rank", rank, NULL);
    wn_table__add_strings(t, "id", ids);
    wn_table__add_strings(t, "type", types);
    wn_table__add_strings(t, "group", groups);
}

/* `dependants`: the residents who would become isolated or formal-only without the node. */
static void
add_dependants_column(WnTable *t, const WnNetwork *net, const GArray *rows)
{
    g_autoptr(GArray) all = wn_dependants_count(net);
    g_autofree gint64 *values = g_new0(gint64, rows->len + 1);
    for (guint i = 0; i < rows->len; i++) {
        values[i] = (gint64) g_array_index(all, gsize, g_array_index(rows, gsize, i));
    }
    wn_table__add_ints(t, "dependants", values, NULL);
}

/* The `ei` column of the E-I table as one score per node. */
static GArray *
ei_scores(const Facts *f)
{
    gsize column = 0;
    g_assert_true(wn_table_column_lookup(f->ei, "ei", &column));
    GArray *ei = wn_scores__new(f->net->n);
    for (gsize v = 0; v < f->net->n; v++) {
        g_array_index(ei, double, v) = wn_table_cell_double(f->ei, v, column);
    }
    return ei;
}

/* The reason of listed row @row (wn_table__make_strings). */
static char *
row_reason(gsize row, gconstpointer data)
{
    const Facts *f = data;
    return reason_for(f, g_array_index(f->listed, gsize, row));
}

static WnTable *
report_table(Facts *f, const GArray *rows)
{
    WnTable *t = wn_table__new(rows->len);
    add_identity_columns(t, f, rows);
    add_scores_column(t, "t", wn_brokerage_counts(f->roles, WN_ROLE_TOTAL), rows, TRUE);
    for (int r = 0; r < WN_ROLE_TOTAL; r++) {
        add_scores_column(t, wn_brokerage_role_name((WnRole) r),
                          wn_brokerage_counts(f->roles, (WnRole) r), rows, TRUE);
    }
    add_count_column(t, "neighbour_groups", f->neighbour_groups, rows);
    add_count_column(t, "between_group_pairs", f->between_pairs, rows);
    g_autoptr(GArray) ei = ei_scores(f);
    add_scores_column(t, "ei", ei, rows, FALSE);
    add_scores_column(t, "betweenness", f->betweenness, rows, FALSE);
    add_scores_column(t, "at_risk_reach", f->reach, rows, TRUE);
    add_dependants_column(t, f->net, rows);
    f->listed = rows;
    wn_table__make_strings(t, "reason", row_reason, f);
    return t;
}

/**
 * wn_brokers_table:
 * The key figures who bridge a neighbourhood, for `wijknet brokers`: the nodes that
 * broker at least one pair (Gould-Fernandez, wn_brokerage_new) under the grouping
 * @opts->by (wn_grouping_new; NULL = area), ranked by total brokerage t, ties broken by
 * betweenness (higher first) and then by node order; at most @opts->top rows (0 = all).
 * Columns: `rank`, `id`, `type`, `group` (the node's own class value), `t` and the five
 * role counts (sna's ordered pairs: an undirected pair counts twice),
 * `neighbour_groups` (distinct groups among its neighbours), `between_group_pairs`
 * (pairs it brokers whose ends lie in different groups, each pair once: for
 * "formality" the formal-informal pairs), `ei` (wn_ei_table), `betweenness`
 * (unweighted, wn_measure_betweenness; above 20,000 nodes estimated from 256 sources
 * drawn with @opts->seed, 12345 by default, as `wijknet analyse` with the same seed,
 * whose betweenness column this shares when both run on one network), `at_risk_reach`,
 * `dependants` (wn_dependants_count: the residents who would become isolated or
 * formal-only without the node) and `reason`, a plain-words summary ("brokers 14 pairs of contacts
 * who are not tied (6 across areas); has contacts in 3 areas; reaches 2 at-risk residents within
 * two steps"). Ids only, never labels. In a directed dataset every direction of a pair counts on
 * its own. A network where nobody brokers gives an empty table. Returns: (transfer full): the
 * table; NULL on error (an unknown grouping column is WN_ERROR_INVALID). Cost: that of
 * wn_brokerage_new, betweenness (at most 256 sources above 20,000 nodes) and
 * wn_measure_at_risk_reach; the last two only O(n) when the network has them cached.
 */
WnTable *
wn_brokers_table(const WnNetwork *net, const WnBrokersOptions *opts, GError **error)
{
    g_autoptr(Facts) f = gather_facts(net, opts, error);
    if (f == NULL) {
        return NULL;
    }
    g_autoptr(GArray) rows = rank_brokers(f, opts->top);
    return report_table(f, rows);
}
