/* isolation.c: who is isolated: the parts, status and index of every resident (DESIGN.md) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "isolation.h"

#include <math.h>

static const char *const status_names[] = {"connected", "fragile", "formal_only", "isolated",
                                           "not_resident"};

/* The isolation parts of every node, in node order (non-residents are computed but unused). */
typedef struct {
    gsize n;
    gint64 *informal_degree;
    double *informal_strength;
    gint64 *formal_degree;
    gint64 *groups;
    gint64 *reach2;
    double *weak_share;    /* NaN: no informal resident neighbour */
    gint64 *team_distance; /* -1: no path to a professional */
    guint8 *status;        /* WnStatus */
    double *index;
} Parts;

static void
parts_free(Parts *p)
{
    g_free(p->informal_degree);
    g_free(p->informal_strength);
    g_free(p->formal_degree);
    g_free(p->groups);
    g_free(p->reach2);
    g_free(p->weak_share);
    g_free(p->team_distance);
    g_free(p->status);
    g_free(p->index);
    g_free(p);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Parts, parts_free)

static Parts *
parts_new(gsize n)
{
    Parts *p = g_new0(Parts, 1);
    p->n = n;
    p->informal_degree = g_new0(gint64, n + 1);
    p->informal_strength = g_new0(double, n + 1);
    p->formal_degree = g_new0(gint64, n + 1);
    p->groups = g_new0(gint64, n + 1);
    p->reach2 = g_new0(gint64, n + 1);
    p->weak_share = g_new0(double, n + 1);
    p->team_distance = g_new0(gint64, n + 1);
    p->status = g_new0(guint8, n + 1);
    p->index = g_new0(double, n + 1);
    return p;
}

/**
 * wn_status_name:
 * Returns: the name of an isolation status as tables show it ("isolated", "formal_only",
 * "fragile", "connected", "not_resident").
 */
const char *
wn_status_name(WnStatus status)
{
    g_return_val_if_fail(status <= WN_STATUS_NOT_RESIDENT, NULL);
    return status_names[status];
}

static gboolean
is_formal_kind(WnNodeKind kind)
{
    return kind == WN_NODE_PROFESSIONAL || kind == WN_NODE_ORGANISATION;
}

/* One end of a tie: counts what the tie gives @self, whose contact is @other. */
static void
count_tie_end(const WnNetwork *net, Parts *p, gsize self, gsize other, gsize tie)
{
    if (wn_network_tie_is_formal(net, tie)) {
        p->formal_degree[self] += is_formal_kind(net->kinds[other]);
        return;
    }
    p->informal_degree[self]++;
    p->informal_strength[self] += net->tie_weight[tie];
    p->groups[self] += net->kinds[other] == WN_NODE_GROUP;
}

/* Degrees, strength and memberships: one pass over the merged ties (each is one contact). */
static void
count_ties(const WnNetwork *net, Parts *p)
{
    for (gsize t = 0; t < net->m; t++) {
        count_tie_end(net, p, net->tie_from[t], net->tie_to[t], t);
        count_tie_end(net, p, net->tie_to[t], net->tie_from[t], t);
    }
}

/* Is the arc from @v to @u of the snapshot in the informal layer (FORMAT.md: neither end
 * a professional or an organisation)? */
static gboolean
is_informal_arc(const WnNetwork *net, guint32 v, guint32 u)
{
    return !is_formal_kind(net->kinds[v]) && !is_formal_kind(net->kinds[u]);
}

/* The informal reach of the residents, over threads; one stamp array per worker. */
typedef struct {
    const WnNetwork *net;
    const WnCsr *csr; /* every tie; informal arcs are told by is_informal_arc */
    Parts *p;
    const WnIsolationOptions *opts;
    gboolean reach2; /* FALSE: weak_share only (what the status needs) */
    guint32 **seen;  /* per worker: ego + 1 for the residents counted from ego */
} ReachJob;

#define RESIDENTS_PER_TASK 2048

/* Counts @node when it is a resident other than @ego not counted yet. */
static gint64
mark_resident(const WnNetwork *net, gsize ego, guint32 node, guint32 *seen)
{
    if (node == ego || net->kinds[node] != WN_NODE_RESIDENT || seen[node] == ego + 1) {
        return 0;
    }
    seen[node] = (guint32) ego + 1;
    return 1;
}

/* reach2: residents at informal distance 1 or 2 of @ego (through a contact of any kind). */
static gint64
count_reach2(const ReachJob *job, gsize ego, guint32 *seen)
{
    const WnCsr *csr = job->csr;
    gint64 reach = 0;
    for (gsize k = csr->start[ego]; k < csr->start[ego + 1]; k++) {
        guint32 u = csr->adj[k];
        if (!is_informal_arc(job->net, (guint32) ego, u)) {
            continue;
        }
        reach += mark_resident(job->net, ego, u, seen);
        for (gsize l = csr->start[u]; l < csr->start[u + 1]; l++) {
            guint32 w = csr->adj[l];
            reach += is_informal_arc(job->net, u, w) ? mark_resident(job->net, ego, w, seen) : 0;
        }
    }
    return reach;
}

/* weak_share: at-risk residents among @ego's informal resident neighbours; NaN if none. */
static double
weak_share_of(const ReachJob *job, gsize ego)
{
    const WnNetwork *net = job->net;
    const WnCsr *csr = job->csr;
    gsize residents = 0, weak = 0;
    for (gsize k = csr->start[ego]; k < csr->start[ego + 1]; k++) {
        guint32 u = csr->adj[k];
        if (!is_informal_arc(net, (guint32) ego, u) || net->kinds[u] != WN_NODE_RESIDENT) {
            continue;
        }
        residents++;
        weak +=
            job->p->informal_degree[u] <= (gint64) job->opts->at_risk_degree || net->vulnerable[u];
    }
    return residents > 0 ? (double) weak / (double) residents : NAN;
}

static void
reach_task(gsize task, guint worker, gpointer data)
{
    const ReachJob *job = data;
    gsize n = job->net->n;
    if (job->seen[worker] == NULL) {
        job->seen[worker] = g_new0(guint32, n + 1);
    }
    for (gsize v = task * RESIDENTS_PER_TASK; v < MIN(n, (task + 1) * RESIDENTS_PER_TASK); v++) {
        if (job->net->kinds[v] == WN_NODE_RESIDENT) {
            job->p->reach2[v] = job->reach2 ? count_reach2(job, v, job->seen[worker]) : 0;
            job->p->weak_share[v] = weak_share_of(job, v);
        }
    }
}

/* weak_share, and with @reach2 reach2, of every resident, over one thread per processor
 * (each resident is one thread's, so the result does not depend on the number of threads). */
static void
compute_informal_reach(const WnNetwork *net, const WnCsr *csr, Parts *p,
                       const WnIsolationOptions *opts, gboolean reach2)
{
    guint workers = wn_kernel__threads(0);
    g_autofree guint32 **seen = g_new0(guint32 *, workers);
    ReachJob job = {net, csr, p, opts, reach2, seen};
    wn_kernel__parallel((net->n + RESIDENTS_PER_TASK - 1) / RESIDENTS_PER_TASK, 0, reach_task,
                        &job);
    for (guint w = 0; w < workers; w++) {
        g_free(seen[w]);
    }
}

/* team_distance: one breadth-first search over all ties from every professional at once. */
static void
compute_team_distance(const WnNetwork *net, const WnCsr *csr, Parts *p)
{
    g_autofree guint32 *queue = g_new0(guint32, p->n + 1);
    gsize head = 0, tail = 0;
    for (gsize v = 0; v < p->n; v++) {
        p->team_distance[v] = net->kinds[v] == WN_NODE_PROFESSIONAL ? 0 : -1;
        if (p->team_distance[v] == 0) {
            queue[tail++] = (guint32) v;
        }
    }
    while (head < tail) {
        guint32 v = queue[head++];
        for (gsize k = csr->start[v]; k < csr->start[v + 1]; k++) {
            guint32 u = csr->adj[k];
            if (p->team_distance[u] < 0) {
                p->team_distance[u] = p->team_distance[v] + 1;
                queue[tail++] = u;
            }
        }
    }
}

static WnStatus
status_of(const WnNetwork *net, const Parts *p, gsize v, const WnIsolationOptions *opts)
{
    if (net->kinds[v] != WN_NODE_RESIDENT) {
        return WN_STATUS_NOT_RESIDENT;
    }
    if (p->informal_degree[v] == 0) {
        return p->formal_degree[v] > 0 ? WN_STATUS_FORMAL_ONLY : WN_STATUS_ISOLATED;
    }
    if (p->informal_degree[v] <= (gint64) opts->fragile_degree ||
        p->weak_share[v] >= opts->fragile_weak) {
        return WN_STATUS_FRAGILE; /* NaN >= x is false: no resident neighbour is no weak share */
    }
    return WN_STATUS_CONNECTED;
}

static double
shortfall(double value, double cap)
{
    return 1.0 - MIN(value, cap) / cap;
}

static double
index_of(const Parts *p, gsize v, const WnIsolationOptions *opts)
{
    double weak = isnan(p->weak_share[v]) ? 1.0 : p->weak_share[v];
    return opts->weight_strength * shortfall(p->informal_strength[v], opts->cap_strength) +
           opts->weight_reach * shortfall((double) p->reach2[v], opts->cap_reach) +
           opts->weight_weak * weak;
}

/* The parts of every node; with @all FALSE only what the status needs (degrees and
 * weak_share), leaving reach2, team_distance and so the index unset.
 * Cost: O(n + m), plus O(Σ_v Σ_{u∈N(v)} d_u) over the informal layer for reach2. */
static Parts *
compute_parts(const WnNetwork *net, const WnIsolationOptions *opts, gboolean all, GError **error)
{
    if (!wn_isolation_options_check(opts, error)) {
        return NULL;
    }
    g_autoptr(Parts) p = parts_new(net->n);
    const WnCsr *csr = wn_csr__shared(net);
    count_ties(net, p);
    compute_informal_reach(net, csr, p, opts, all);
    if (all) {
        compute_team_distance(net, csr, p);
    }
    for (gsize v = 0; v < net->n; v++) {
        p->status[v] = (guint8) status_of(net, p, v, opts);
        p->index[v] = net->kinds[v] == WN_NODE_RESIDENT ? index_of(p, v, opts) : NAN;
    }
    return g_steal_pointer(&p);
}

static gboolean
is_share(double x)
{
    return x >= 0.0 && x <= 1.0; /* false for NaN */
}

/**
 * wn_isolation_options_check:
 * Checks isolation options: each weight in [0, 1] with the three summing to 1 (within
 * 1e-9), both caps positive and finite, fragile_weak in [0, 1].
 * Returns: FALSE with WN_ERROR_INVALID naming the first value at fault.
 */
gboolean
wn_isolation_options_check(const WnIsolationOptions *opts, GError **error)
{
    double sum = opts->weight_strength + opts->weight_reach + opts->weight_weak;
    if (!is_share(opts->weight_strength) || !is_share(opts->weight_reach) ||
        !is_share(opts->weight_weak) || fabs(sum - 1.0) > 1e-9) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "isolation weights must lie in [0, 1] and sum to 1, got %g + %g + %g",
                    opts->weight_strength, opts->weight_reach, opts->weight_weak);
        return FALSE;
    }
    if (!(opts->cap_strength > 0.0 && isfinite(opts->cap_strength)) ||
        !(opts->cap_reach > 0.0 && isfinite(opts->cap_reach))) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "isolation caps must be positive, got strength %g and reach %g",
                    opts->cap_strength, opts->cap_reach);
        return FALSE;
    }
    if (!is_share(opts->fragile_weak)) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "the fragile weak share must lie in [0, 1], got %g", opts->fragile_weak);
        return FALSE;
    }
    return TRUE;
}

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
    g_autoptr(Parts) p = compute_parts(net, &opts, FALSE, error);
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
add_string_columns(WnTable *t, const WnNetwork *net, const Parts *p, const GArray *rows)
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
        status[i] = wn_status_name(p->status[v]);
    }
    wn_table__add_strings(t, "id", ids);
    wn_table__add_strings(t, "type", types);
    wn_table__add_strings(t, "area", areas);
    wn_table__add_strings(t, "status", status);
}

/* The flags: vulnerable, and weak_network (weak_share at or above opts->fragile_weak). */
static void
add_flag_columns(WnTable *t, const WnNetwork *net, const Parts *p, const GArray *rows,
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
build_table(const WnNetwork *net, const Parts *p, const GArray *rows,
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
 * The isolation of every resident (DESIGN.md "Isolation"), one row per resident in node
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
    g_autoptr(Parts) p = compute_parts(net, opts, TRUE, error);
    if (p == NULL) {
        return NULL;
    }
    g_autoptr(GArray) rows = resident_rows(net);
    return build_table(net, p, rows, opts, FALSE);
}

static gint
by_index_then_node(gconstpointer a, gconstpointer b, gpointer data)
{
    const double *index = data;
    gsize u = *(const gsize *) a, v = *(const gsize *) b;
    if (index[u] != index[v]) {
        return index[u] > index[v] ? -1 : 1;
    }
    return u < v ? -1 : (u > v);
}

/**
 * wn_isolation_ranking:
 * The residents at risk (status isolated, formal_only or fragile; every resident with
 * @include_connected) ranked by isolation_index, highest first, equal indices in node
 * order: the columns of wn_isolation_table after a `rank` column (1, 2, …).
 * Returns: (transfer full): the table (no rows when no one is at risk), or NULL on error.
 * Cost: that of wn_isolation_table, plus O(r log r) for r rows.
 */
WnTable *
wn_isolation_ranking(const WnNetwork *net, const WnIsolationOptions *opts,
                     gboolean include_connected, GError **error)
{
    g_autoptr(Parts) p = compute_parts(net, opts, TRUE, error);
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
    g_array_sort_with_data(rows, by_index_then_node, p->index);
    return build_table(net, p, rows, opts, TRUE);
}

enum { C_RESIDENTS, C_ISOLATED, C_FORMAL_ONLY, C_FRAGILE, C_CONNECTED, C_VULNERABLE, C_WEAK, C_N };
static const char *const count_names[C_N] = {"residents", "isolated",   "formal_only", "fragile",
                                             "connected", "vulnerable", "weak_network"};

static gint
compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* The rows of the counts table: NULL (everyone), the areas in byte order, then NULL again
 * when some resident has no area. */
static GPtrArray *
count_scopes(const WnNetwork *net)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GPtrArray) areas = g_ptr_array_new();
    gboolean without_area = FALSE;
    for (gsize v = 0; v < net->n; v++) {
        if (net->kinds[v] != WN_NODE_RESIDENT) {
            continue;
        }
        without_area |= net->areas[v] == NULL;
        if (net->areas[v] != NULL && g_hash_table_add(seen, (gpointer) net->areas[v])) {
            g_ptr_array_add(areas, (gpointer) net->areas[v]);
        }
    }
    g_ptr_array_sort(areas, compare_strings);
    g_ptr_array_insert(areas, 0, NULL);
    if (without_area) {
        g_ptr_array_add(areas, NULL);
    }
    return g_steal_pointer(&areas);
}

/* Row of @v's area in @scopes (the last row holds the residents without an area). */
static gsize
scope_row(const WnNetwork *net, const GPtrArray *scopes, gsize v)
{
    if (net->areas[v] == NULL) {
        return scopes->len - 1;
    }
    guint lo = 1, hi = scopes->len - (g_ptr_array_index(scopes, scopes->len - 1) == NULL);
    while (lo + 1 < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (strcmp(g_ptr_array_index(scopes, mid), net->areas[v]) <= 0) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static void
count_resident(gint64 *row, const WnNetwork *net, const Parts *p, gsize v,
               const WnIsolationOptions *opts)
{
    static const int by_status[] = {C_CONNECTED, C_FRAGILE, C_FORMAL_ONLY, C_ISOLATED};
    row[C_RESIDENTS]++;
    row[by_status[p->status[v]]]++;
    row[C_VULNERABLE] += net->vulnerable[v] != 0;
    row[C_WEAK] += p->weak_share[v] >= opts->fragile_weak;
}

static void
add_count_columns(WnTable *t, const GPtrArray *scopes, const gint64 *counts,
                  const double *index_sum)
{
    g_autofree const char **scope = g_new0(const char *, scopes->len + 1);
    g_autofree gint64 *column = g_new0(gint64, scopes->len + 1);
    g_autofree double *mean = g_new0(double, scopes->len + 1);
    for (guint r = 0; r < scopes->len; r++) {
        scope[r] = r == 0 ? "all" : "area";
        mean[r] = counts[r * C_N + C_RESIDENTS] > 0
                      ? index_sum[r] / (double) counts[r * C_N + C_RESIDENTS]
                      : NAN;
    }
    wn_table__add_strings(t, "scope", scope);
    wn_table__add_strings(t, "area", (const char *const *) scopes->pdata);
    for (int c = 0; c < C_N; c++) {
        for (guint r = 0; r < scopes->len; r++) {
            column[r] = counts[r * C_N + c];
        }
        wn_table__add_ints(t, count_names[c], column, NULL);
    }
    wn_table__add_doubles(t, "mean_index", mean);
}

/**
 * wn_isolation_counts:
 * How many residents have each status, in the whole network and per area. The first row
 * (scope `all`, no area) counts every resident; then one row per area (scope `area`) in
 * byte order of the area, and a last row with scope `area` and a missing area for the
 * residents without one, when there are any. Columns: scope, area, residents, isolated,
 * formal_only, fragile, connected, vulnerable, weak_network, mean_index (the mean
 * isolation_index; missing when there are no residents). No cells are suppressed here:
 * small-cell suppression belongs to maps and reports.
 * Returns: (transfer full): the table, or NULL on error.
 * Cost: that of wn_isolation_table, plus O(a log a) for a areas.
 */
WnTable *
wn_isolation_counts(const WnNetwork *net, const WnIsolationOptions *opts, GError **error)
{
    g_autoptr(Parts) p = compute_parts(net, opts, TRUE, error);
    if (p == NULL) {
        return NULL;
    }
    g_autoptr(GPtrArray) scopes = count_scopes(net);
    g_autofree gint64 *counts = g_new0(gint64, scopes->len * C_N + 1);
    g_autofree double *index_sum = g_new0(double, scopes->len + 1);
    for (gsize v = 0; v < net->n; v++) {
        if (net->kinds[v] != WN_NODE_RESIDENT) {
            continue;
        }
        gsize r = scope_row(net, scopes, v);
        count_resident(counts, net, p, v, opts);
        count_resident(counts + r * C_N, net, p, v, opts);
        index_sum[0] += p->index[v];
        index_sum[r] += p->index[v];
    }
    WnTable *t = wn_table__new(scopes->len);
    add_count_columns(t, scopes, counts, index_sum);
    return t;
}
