/* isolation.c: who is isolated: the status of each node, the table and the ranking */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "isolation.h"

#include <string.h>

#include <math.h>

/**
 * wn_isolation_status:
 * The isolation status of every node with the default thresholds
 * (WN_ISOLATION_OPTIONS_INIT; see wn_isolation_table for the definitions):
 * isolated, formal_only, fragile or connected for residents, WN_STATUS_NOT_RESIDENT
 * for professionals, groups and organisations.
 * Returns: (element-type guint8): one WnStatus per node, in node order; NULL on error.
 * Cost: O(n + m) with the shared snapshot (wn_csr__shared): no two-step reach is needed.
 */
GArray *
wn_isolation_status(const WnNetwork *net, GError **error)
{
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(WnIsolationParts) p = wn_isolation__parts(net, &opts, FALSE, error);
    if (p == NULL) {
        return NULL;
    }
    GArray *status = g_array_sized_new(FALSE, FALSE, sizeof(guint8), (guint) net->n);
    g_array_append_vals(status, p->status, (guint) net->n);
    return status;
}

/* Gathers one int column over @rows; values below 0 are missing. */
static void
add_int_column(WnTable *t, const char *name, const gint64 *all, const GArray *rows)
{
    g_autofree gint64 *values = g_new0(gint64, rows->len + 1);
    g_autofree gboolean *missing = g_new0(gboolean, rows->len + 1);
    for (guint i = 0; i < rows->len; i++) {
        gint64 x = all[g_array_index(rows, gsize, i)];
        missing[i] = x < 0;
        values[i] = MAX(x, 0);
    }
    wn_table__add_ints(t, name, values, missing);
}

static void
add_double_column(WnTable *t, const char *name, const double *all, const GArray *rows)
{
    g_autofree double *values = g_new0(double, rows->len + 1);
    for (guint i = 0; i < rows->len; i++) {
        values[i] = all[g_array_index(rows, gsize, i)];
    }
    wn_table__add_doubles(t, name, values);
}

/* The string columns: id, type, area and status. */
static void
add_string_columns(WnTable *t, const WnNetwork *net, const WnIsolationParts *p, const GArray *rows)
{
    g_autofree const char **ids = g_new0(const char *, rows->len + 1);
    g_autofree const char **types = g_new0(const char *, rows->len + 1);
    g_autofree const char **areas = g_new0(const char *, rows->len + 1);
    g_autofree const char **status = g_new0(const char *, rows->len + 1);
    for (guint i = 0; i < rows->len; i++) {
        gsize v = g_array_index(rows, gsize, i);
        ids[i] = net->ids[v];
        types[i] = wn_node_kind_name(net->kinds[v]);
        areas[i] = net->areas[v];
        status[i] = wn_isolation_status_name(p->status[v]);
    }
    wn_table__add_strings(t, "id", ids);
    wn_table__add_strings(t, "type", types);
    wn_table__add_strings(t, "area", areas);
    wn_table__add_strings(t, "status", status);
}

/* The flags: vulnerable, and weak_network (weak_share at or above opts->fragile_weak). */
static void
add_flag_columns(WnTable *t, const WnNetwork *net, const WnIsolationParts *p, const GArray *rows,
                 const WnIsolationOptions *opts)
{
    g_autofree gint64 *vulnerable = g_new0(gint64, net->n + 1);
    g_autofree gint64 *weak = g_new0(gint64, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        vulnerable[v] = net->vulnerable[v] != 0;
        weak[v] = p->weak_share[v] >= opts->fragile_weak;
    }
    add_int_column(t, "vulnerable", vulnerable, rows);
    add_int_column(t, "weak_network", weak, rows);
}

/* The `rank` column of a ranking: 1, 2, … down the rows. */
static void
add_rank_column(WnTable *t, gsize rows)
{
    g_autofree gint64 *rank = g_new0(gint64, rows + 1);
    for (gsize i = 0; i < rows; i++) {
        rank[i] = (gint64) i + 1;
    }
    wn_table__add_ints(t, "rank", rank, NULL);
}

/* Builds the table of the nodes in @rows, in that order; status and index come first. */
static WnTable *
build_table(const WnNetwork *net, const WnIsolationParts *p, const GArray *rows,
            const WnIsolationOptions *opts, gboolean ranked)
{
    WnTable *t = wn_table__new(rows->len);
    if (ranked) {
        add_rank_column(t, rows->len);
    }
    add_string_columns(t, net, p, rows);
    add_double_column(t, "isolation_index", p->index, rows);
    add_flag_columns(t, net, p, rows, opts);
    add_int_column(t, "informal_degree", p->informal_degree, rows);
    add_double_column(t, "informal_strength", p->informal_strength, rows);
    add_int_column(t, "formal_degree", p->formal_degree, rows);
    add_int_column(t, "groups", p->groups, rows);
    add_int_column(t, "reach2", p->reach2, rows);
    add_double_column(t, "weak_share", p->weak_share, rows);
    add_int_column(t, "team_distance", p->team_distance, rows);
    return t;
}

static GArray *
resident_rows(const WnNetwork *net)
{
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize v = 0; v < net->n; v++) {
        if (net->kinds[v] == WN_NODE_RESIDENT) {
            g_array_append_val(rows, v);
        }
    }
    return rows;
}

/**
 * wn_isolation_table:
 * The isolation of every resident (docs/DESIGN.md "Isolation"), one row per resident in node
 * order; professionals, groups and organisations are left out. Columns:
 * - `id`, `type`, `area`, `status`, `isolation_index`;
 * - `vulnerable` (0/1) and `weak_network` (1 when weak_share ≥ opts->fragile_weak);
 * - `informal_degree`: distinct contacts on the informal layer, residents and groups
 *   alike; `informal_strength`: the sum of their tie weights;
 * - `formal_degree`: distinct professionals and organisations tied to the resident;
 * - `groups`: memberships, the groups among the informal contacts;
 * - `reach2`: distinct other residents at informal distance 1 or 2, paths passing through
 *   residents or groups (so co-members of a group count);
 * - `weak_share`: the share of the resident's informal resident contacts who are at risk
 *   (informal degree ≤ opts->at_risk_degree, or vulnerable); missing when the resident
 *   has no informal resident contact;
 * - `team_distance`: ties to the nearest professional over all ties (formal and informal,
 *   conflicts excluded); missing when no path exists.
 * `status`: isolated (informal degree 0, so no group either, and no formal tie);
 * formal_only (informal degree 0, formal degree ≥ 1); fragile (informal degree ≤
 * opts->fragile_degree, or weak_share ≥ opts->fragile_weak); connected otherwise.
 * `isolation_index` in [0, 1] = w_s·(1 − min(strength, cap_s)/cap_s)
 * + w_r·(1 − min(reach2, cap_r)/cap_r) + w_w·weak_share, where a missing weak_share counts
 * as 1 (no resident to lean on is the weakest network). Defaults: w_s = 0.4, w_r = 0.4,
 * w_w = 0.2, cap_s = 5, cap_r = 10; a resident without any informal tie scores 1.
 * Returns: (transfer full): the table, or NULL on error (bad options: WN_ERROR_INVALID).
 * Cost: O(n + m + Σ_v d_v²), d_v the informal degree.
 */
WnTable *
wn_isolation_table(const WnNetwork *net, const WnIsolationOptions *opts, GError **error)
{
    g_autoptr(WnIsolationParts) p = wn_isolation__parts(net, opts, TRUE, error);
    if (p == NULL) {
        return NULL;
    }
    g_autoptr(GArray) rows = resident_rows(net);
    return build_table(net, p, rows, opts, FALSE);
}

typedef struct {
    const WnNetwork *net;
    const WnIsolationParts *p;
} Visiting;

/* The order a community worker visits in (README "wijknet isolation"): no contact at all,
 * then formal contacts only, then a fragile network, then connected (WnStatus counts
 * down); within a status the residents known to be vulnerable first; then the fewest
 * contacts (informal and formal ties); then by id, in byte order. */
static gint
by_visiting_order(gconstpointer a, gconstpointer b, gpointer data)
{
    const Visiting *o = data;
    const WnIsolationParts *p = o->p;
    gsize u = *(const gsize *) a, v = *(const gsize *) b;
    if (p->status[u] != p->status[v]) {
        return p->status[u] > p->status[v] ? -1 : 1;
    }
    if (o->net->vulnerable[u] != o->net->vulnerable[v]) {
        return o->net->vulnerable[u] > o->net->vulnerable[v] ? -1 : 1;
    }
    gint64 cu = p->informal_degree[u] + p->formal_degree[u];
    gint64 cv = p->informal_degree[v] + p->formal_degree[v];
    if (cu != cv) {
        return cu < cv ? -1 : 1;
    }
    return strcmp(o->net->ids[u], o->net->ids[v]);
}

/**
 * wn_isolation_ranking:
 * The residents at risk (status isolated, formal_only or fragile; every resident with
 * @include_connected) in the order a community worker visits in: no contact at all
 * before formal contacts only before a fragile network (before connected), the
 * residents known to be vulnerable first within a status, then the fewest contacts,
 * then by id. The isolation index does not order: it ties for most of the isolated.
 * The columns of wn_isolation_table after a `rank` column (1, 2, …).
 * Returns: (transfer full): the table (no rows when no one is at risk), or NULL on error.
 * Cost: that of wn_isolation_table, plus O(r log r) for r rows.
 */
WnTable *
wn_isolation_ranking(const WnNetwork *net, const WnIsolationOptions *opts,
                     gboolean include_connected, GError **error)
{
    g_autoptr(WnIsolationParts) p = wn_isolation__parts(net, opts, TRUE, error);
    if (p == NULL) {
        return NULL;
    }
    g_autoptr(GArray) rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize v = 0; v < net->n; v++) {
        if (p->status[v] != WN_STATUS_NOT_RESIDENT &&
            (include_connected || p->status[v] != WN_STATUS_CONNECTED)) {
            g_array_append_val(rows, v);
        }
    }
    Visiting order = {net, p};
    g_array_sort_with_data(rows, by_visiting_order, &order);
    return build_table(net, p, rows, opts, TRUE);
}
