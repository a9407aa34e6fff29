/* brokerage.c: groupings, Gould-Fernandez roles with sna z-scores, at_risk_reach, brokers */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"
#include "measures/measures.h"

#include <math.h>

struct _WnGrouping {
    GPtrArray *names; /* of char *, in order of first appearance in node order */
    guint32 *of;      /* the group of each node */
    gsize n;
};

struct _WnBrokerage {
    GArray *counts[WN_ROLE_COUNT];
    GArray *z[WN_ROLE_COUNT];
};

static const char *const role_names[WN_ROLE_COUNT] = {"w_I", "w_O", "b_IO", "b_OI", "b_O", "t"};

/**
 * wn_role_name:
 * Returns: the name R sna gives a brokerage role: "w_I" (coordinator), "w_O" (itinerant),
 * "b_IO" (representative), "b_OI" (gatekeeper), "b_O" (liaison) or "t" (total).
 */
const char *
wn_role_name(WnRole role)
{
    g_return_val_if_fail(role < WN_ROLE_COUNT, NULL);
    return role_names[role];
}

/**
 * wn_grouping_free:
 * Frees a grouping. Accepts NULL.
 */
void
wn_grouping_free(WnGrouping *grouping)
{
    if (grouping == NULL) {
        return;
    }
    g_ptr_array_unref(grouping->names);
    g_free(grouping->of);
    g_free(grouping);
}

/* One node's class under @by; NULL when the cell is empty. */
static const char *
class_of(const WnNetwork *net, const char *by, const WnColumn *column, gsize v)
{
    WnNodeKind kind = (WnNodeKind) net->kinds[v];
    if (column != NULL) {
        return column->values[v];
    }
    if (g_ascii_strcasecmp(by, "type") == 0) {
        return wn_node_kind_name(kind);
    }
    if (g_ascii_strcasecmp(by, "formality") == 0) {
        return kind == WN_NODE_PROFESSIONAL || kind == WN_NODE_ORGANISATION ? "formal" : "informal";
    }
    return net->areas[v];
}

static gboolean
is_builtin_grouping(const char *by)
{
    return g_ascii_strcasecmp(by, "area") == 0 || g_ascii_strcasecmp(by, "type") == 0 ||
           g_ascii_strcasecmp(by, "formality") == 0;
}

/**
 * wn_grouping_new:
 * Splits the nodes into groups (classes) for the brokerage roles and the E-I index.
 * @by names the grouping, compared case-insensitively:
 * - NULL or "area": the area column;
 * - "type": the node kind (resident, professional, group, organisation);
 * - "formality": "formal" (professionals and organisations) against "informal"
 *   (residents and groups), the formal/informal divide of DESIGN.md;
 * - any other name: that extra column of nodes.csv.
 * These three names win over an extra column of the same name. A multi-valued cell
 * ("koken|wandelen") is one class as written, as R would compare it. Nodes with an
 * empty cell (no area, say) form one group named "" together, as `sna` treats a
 * repeated class value. Groups are numbered in order of first appearance.
 * Returns: (transfer full): the grouping; NULL with WN_ERROR_INVALID when nodes.csv has
 * no column @by.
 * Cost: O(n).
 */
WnGrouping *
wn_grouping_new(const WnNetwork *net, const char *by, GError **error)
{
    by = by != NULL ? by : "area";
    const WnColumn *column =
        is_builtin_grouping(by) ? NULL : wn_network__column(net->node_attributes, by);
    if (!is_builtin_grouping(by) && column == NULL) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "cannot group by \"%s\": nodes.csv has no such column (use area, type, "
                    "formality or a column of nodes.csv)",
                    by);
        return NULL;
    }
    g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
    WnGrouping *g = g_new0(WnGrouping, 1);
    g->names = g_ptr_array_new_with_free_func(g_free);
    g->of = g_new0(guint32, net->n + 1);
    g->n = net->n;
    for (gsize v = 0; v < net->n; v++) {
        const char *name = class_of(net, by, column, v);
        name = name != NULL ? name : "";
        gpointer found = NULL;
        if (!g_hash_table_lookup_extended(index, name, NULL, &found)) {
            found = GUINT_TO_POINTER(g->names->len);
            g_ptr_array_add(g->names, g_strdup(name));
            g_hash_table_insert(index, g_ptr_array_index(g->names, g->names->len - 1), found);
        }
        g->of[v] = GPOINTER_TO_UINT(found);
    }
    return g;
}

/* Returns: the number of groups (0 for a network without nodes). */
gsize
wn_grouping_count(const WnGrouping *grouping)
{
    return grouping->names->len;
}

/* Returns: the class value of @group ("" for the nodes with an empty cell). */
const char *
wn_grouping_name(const WnGrouping *grouping, gsize group)
{
    g_return_val_if_fail(group < grouping->names->len, NULL);
    return g_ptr_array_index(grouping->names, group);
}

/* Returns: the group of @node, 0..count-1. */
gsize
wn_grouping_of(const WnGrouping *grouping, gsize node)
{
    g_return_val_if_fail(node < grouping->n, 0);
    return grouping->of[node];
}

/* Sorted lists of arcs in one array (compressed sparse rows): the arcs from v go to
 * to[start[v]] … to[start[v + 1] − 1], in increasing order. Borrowed from the shared
 * CSR snapshot, or built (then freed by csr_clear). */
typedef struct {
    gsize *start; /* n + 1 offsets into `to` */
    guint32 *to;
} Csr;

static void
csr_clear(Csr *c)
{
    g_free(c->start);
    g_free(c->to);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Csr, csr_clear)

static int
compare_guint32(const void *a, const void *b)
{
    guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
    return (x > y) - (x < y);
}

/* Builds the lists of @pairs (guint32 from, to), from -> to, or to -> from when @reverse. */
static void
csr_build(Csr *c, gsize n, const GArray *pairs, gboolean reverse)
{
    gsize arcs = pairs->len / 2;
    c->start = g_new0(gsize, n + 2);
    c->to = g_new0(guint32, arcs + 1);
    const guint32 *p = (const guint32 *) (const void *) pairs->data;
    for (gsize i = 0; i < arcs; i++) {
        c->start[p[2 * i + reverse] + 2]++;
    }
    for (gsize v = 0; v < n; v++) {
        c->start[v + 2] += c->start[v + 1];
    }
    for (gsize i = 0; i < arcs; i++) {
        c->to[c->start[p[2 * i + reverse] + 1]++] = p[2 * i + !reverse];
    }
    for (gsize v = 0; v < n; v++) {
        qsort(c->to + c->start[v], c->start[v + 1] - c->start[v], sizeof(guint32), compare_guint32);
    }
}

static gboolean
csr_has(const Csr *c, guint32 from, guint32 to)
{
    gsize lo = c->start[from], hi = c->start[from + 1];
    while (lo < hi) {
        gsize mid = lo + (hi - lo) / 2;
        if (c->to[mid] == to) {
            return TRUE;
        }
        if (c->to[mid] < to) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return FALSE;
}

/* The role of broker @v for the pair a -> v -> b, as sna's brokerage_R classifies it. */
static WnRole
classify(const WnGrouping *g, guint32 a, guint32 v, guint32 b)
{
    guint32 ga = g->of[a], gv = g->of[v], gb = g->of[b];
    if (gv == ga) {
        return gv == gb ? WN_ROLE_COORDINATOR : WN_ROLE_REPRESENTATIVE;
    }
    if (gv == gb) {
        return WN_ROLE_GATEKEEPER;
    }
    return ga == gb ? WN_ROLE_ITINERANT : WN_ROLE_LIAISON;
}

#define ROLES_NODES_PER_TASK 1024

/* The role counts over threads: each node's counts are written by one thread only. */
typedef struct {
    WnBrokerage *br;
    const Csr *out, *in;
    gsize n;
    const WnGrouping *g;
} RolesJob;

/* Counts the roles of @v: pairs a -> v -> b with a != b and no arc a -> b. */
static void
count_roles_of(const RolesJob *job, guint32 v)
{
    const Csr *out = job->out, *in = job->in;
    for (gsize i = in->start[v]; i < in->start[v + 1]; i++) {
        guint32 a = in->to[i];
        for (gsize j = out->start[v]; j < out->start[v + 1]; j++) {
            guint32 b = out->to[j];
            if (a == b || csr_has(out, a, b)) {
                continue;
            }
            g_array_index(job->br->counts[classify(job->g, a, v, b)], double, v) += 1.0;
            g_array_index(job->br->counts[WN_ROLE_TOTAL], double, v) += 1.0;
        }
    }
}

static void
run_roles_task(gsize task, guint worker, gpointer data)
{
    (void) worker;
    const RolesJob *job = data;
    gsize last = MIN(job->n, (task + 1) * ROLES_NODES_PER_TASK);
    for (gsize v = task * ROLES_NODES_PER_TASK; v < last; v++) {
        count_roles_of(job, (guint32) v);
    }
}

/* Counts the roles of every node over one thread per processor (whole counts: the same
 * for any number of threads). */
static void
count_roles(WnBrokerage *br, const Csr *out, const Csr *in, gsize n, const WnGrouping *g)
{
    RolesJob job = {br, out, in, n, g};
    wn_kernel__parallel((n + ROLES_NODES_PER_TASK - 1) / ROLES_NODES_PER_TASK, 0, run_roles_task,
                        &job);
}

/* Expected count and variance of each role for a broker in a group of size ni, under
 * random assignment of the classes; sums run over the other groups' sizes. */
typedef struct {
    double mean[WN_ROLE_COUNT];
    double var[WN_ROLE_COUNT];
} Moments;

static double
choose2(double x)
{
    return x * (x - 1.0) / 2.0;
}

/*
 * Gould & Fernandez (1989) moments as R sna 2.7-1 computes them: with density
 * d = arcs/(N(N-1)), an open 2-path a -> v -> b has probability p = d²(1-d); each role
 * has mean p·(number of possible ordered pairs) and variance mean·(1-p) plus the
 * covariance of 2-paths that share an arc, weighted by q = d³(1-d)³.
 */
static Moments
group_moments(const gsize *sizes, gsize k, gsize i, double N, double d)
{
    double p = d * d * (1.0 - d), q = pow(d * (1.0 - d), 3.0), ni = (double) sizes[i];
    double s2 = 0.0, s3 = 0.0, sq = 0.0, liaison = 0.0;
    for (gsize j = 0; j < k; j++) {
        double nj = (double) sizes[j];
        if (j != i) {
            s2 += nj * (nj - 1.0);
            s3 += nj * (nj - 1.0) * (nj - 2.0);
            sq += nj * nj;
            liaison += nj * choose2(N - nj - ni);
        }
    }
    double pairs[WN_ROLE_COUNT] = {[WN_ROLE_COORDINATOR] = (ni - 1.0) * (ni - 2.0),
                                   [WN_ROLE_ITINERANT] = s2,
                                   [WN_ROLE_REPRESENTATIVE] = (N - ni) * (ni - 1.0),
                                   [WN_ROLE_GATEKEEPER] = (N - ni) * (ni - 1.0),
                                   [WN_ROLE_LIAISON] = (N - ni) * (N - ni) - sq,
                                   [WN_ROLE_TOTAL] = (N - 1.0) * (N - 2.0)};
    double across = (ni - 1.0) * choose2(N - ni) + (N - ni) * choose2(ni - 1.0);
    double shared[WN_ROLE_COUNT] = {[WN_ROLE_COORDINATOR] =
                                        2.0 * (ni - 1.0) * (ni - 2.0) * (ni - 3.0),
                                    [WN_ROLE_ITINERANT] = 2.0 * s3,
                                    [WN_ROLE_REPRESENTATIVE] = 2.0 * across,
                                    [WN_ROLE_GATEKEEPER] = 2.0 * across,
                                    [WN_ROLE_LIAISON] = 4.0 * liaison,
                                    [WN_ROLE_TOTAL] = 2.0 * (N - 1.0) * (N - 2.0) * (N - 3.0)};
    Moments m;
    for (int r = 0; r < WN_ROLE_COUNT; r++) {
        m.mean[r] = p * pairs[r];
        m.var[r] = m.mean[r] * (1.0 - p) + shared[r] * q;
    }
    return m;
}

/* Moments per group; groups of equal size share them, so each size is done once. */
static Moments *
all_moments(const gsize *sizes, gsize k, double N, double d)
{
    Moments *m = g_new0(Moments, k + 1);
    g_autoptr(GHashTable) done = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (gsize i = 0; i < k; i++) {
        gpointer first = NULL;
        if (g_hash_table_lookup_extended(done, GSIZE_TO_POINTER(sizes[i]), NULL, &first)) {
            m[i] = m[GPOINTER_TO_SIZE(first)];
            continue;
        }
        m[i] = group_moments(sizes, k, i, N, d);
        g_hash_table_insert(done, GSIZE_TO_POINTER(sizes[i]), GSIZE_TO_POINTER(i));
    }
    return m;
}

static void
compute_z(WnBrokerage *br, const WnGrouping *g, gsize arcs)
{
    gsize n = g->n, k = g->names->len;
    g_autofree gsize *sizes = g_new0(gsize, k + 1);
    for (gsize v = 0; v < n; v++) {
        sizes[g->of[v]]++;
    }
    double N = (double) n;
    double d = n > 1 ? (double) arcs / (N * (N - 1.0)) : 0.0;
    g_autofree Moments *m = all_moments(sizes, k, N, d);
    for (gsize v = 0; v < n; v++) {
        const Moments *mv = &m[g->of[v]];
        for (int r = 0; r < WN_ROLE_COUNT; r++) {
            double z = (g_array_index(br->counts[r], double, v) - mv->mean[r]) / sqrt(mv->var[r]);
            g_array_index(br->z[r], double, v) = isfinite(z) ? z : NAN;
        }
    }
}

/**
 * wn_brokerage_new:
 * Gould-Fernandez brokerage roles of every node, exactly as R sna::brokerage 2.7-1
 * (`raw.nli` and `z.nli`). Node v brokers the ordered pair (a, b) when a -> v -> b,
 * a != b and there is no arc a -> b; the groups of a, v and b give the role
 * (WnRole). An undirected dataset is read as the symmetric adjacency of all ties, so
 * every open 2-path a - v - b counts twice, as (a, b) and (b, a), and representative
 * equals gatekeeper; a directed dataset ("directed": true) uses its arcs. Conflict
 * ties never count. The z-score compares each count with its expectation when the
 * classes are assigned at random, given the class sizes and the density
 * arcs/(n(n-1)) (Gould & Fernandez 1989, as sna); it is NaN where the role cannot
 * occur (expectation and variance 0: the liaison role with fewer than three groups,
 * anything in a network of fewer than two nodes or without any open 2-path).
 * Isolated nodes count 0 in every role.
 * Returns: (transfer full): the roles; read them with wn_brokerage_counts and
 * wn_brokerage_z.
 * Cost: O(Σ_v in(v)·out(v)·log d_max) for the counts, over one thread per processor,
 * O(n + k·s) for the z-scores with k groups of s distinct sizes.
 */
WnBrokerage *
wn_brokerage_new(const WnNetwork *net, const WnGrouping *grouping)
{
    g_return_val_if_fail(grouping->n == net->n, NULL);
    WnBrokerage *br = g_new0(WnBrokerage, 1);
    for (int r = 0; r < WN_ROLE_COUNT; r++) {
        br->counts[r] = wn_scores__new(net->n);
        br->z[r] = wn_scores__new(net->n);
    }
    if (!net->directed) {
        /* the symmetric adjacency: both ways of every tie, the rows of the snapshot */
        const WnCsr *csr = wn_csr__shared(net);
        Csr both = {csr->start, csr->adj};
        count_roles(br, &both, &both, net->n, grouping);
        compute_z(br, grouping, csr->start[net->n]);
        return br;
    }
    g_auto(Csr) out = {NULL, NULL};
    g_auto(Csr) in = {NULL, NULL};
    csr_build(&out, net->n, net->arcs, FALSE);
    csr_build(&in, net->n, net->arcs, TRUE);
    count_roles(br, &out, &in, net->n, grouping);
    compute_z(br, grouping, net->arcs->len / 2);
    return br;
}

/**
 * wn_brokerage_free:
 * Frees the roles. Accepts NULL.
 */
void
wn_brokerage_free(WnBrokerage *brokerage)
{
    if (brokerage == NULL) {
        return;
    }
    for (int r = 0; r < WN_ROLE_COUNT; r++) {
        g_array_unref(brokerage->counts[r]);
        g_array_unref(brokerage->z[r]);
    }
    g_free(brokerage);
}

/* Returns: (element-type double): how many pairs each node brokers in @role, node order. */
const GArray *
wn_brokerage_counts(const WnBrokerage *brokerage, WnRole role)
{
    g_return_val_if_fail(role < WN_ROLE_COUNT, NULL);
    return brokerage->counts[role];
}

/* Returns: (element-type double): the z-score of each node's count in @role; NaN where
 * the role cannot occur. */
const GArray *
wn_brokerage_z(const WnBrokerage *brokerage, WnRole role)
{
    g_return_val_if_fail(role < WN_ROLE_COUNT, NULL);
    return brokerage->z[role];
}

static gboolean
is_at_risk(guint8 status)
{
    return status == WN_STATUS_ISOLATED || status == WN_STATUS_FORMAL_ONLY ||
           status == WN_STATUS_FRAGILE;
}

/* Returns: 1 when @u is an at-risk resident not met from @v before; marks it met. */
static int
meet(guint32 *seen, guint32 v, guint32 u, const guint8 *status)
{
    if (seen[u] == v + 1) {
        return 0;
    }
    seen[u] = v + 1;
    return is_at_risk(status[u]);
}

#define REACH_NODES_PER_TASK 4096

/* The two-step counts over threads: each node is counted by one thread. */
typedef struct {
    const WnCsr *csr;
    const guint8 *status;
    double *reach;
    guint32 **seen; /* per worker: seen[u] = v + 1 once u is met from v */
} ReachJob;

static double
reach_of(const WnCsr *csr, const guint8 *status, guint32 *seen, guint32 v)
{
    seen[v] = v + 1;
    double count = 0.0;
    for (gsize i = csr->start[v]; i < csr->start[v + 1]; i++) {
        guint32 u = csr->adj[i];
        count += meet(seen, v, u, status);
        for (gsize j = csr->start[u]; j < csr->start[u + 1]; j++) {
            count += meet(seen, v, csr->adj[j], status);
        }
    }
    return count;
}

static void
run_reach_task(gsize task, guint worker, gpointer data)
{
    const ReachJob *job = data;
    if (job->seen[worker] == NULL) {
        job->seen[worker] = g_new0(guint32, job->csr->n + 1);
    }
    gsize last = MIN(job->csr->n, (task + 1) * REACH_NODES_PER_TASK);
    for (gsize v = task * REACH_NODES_PER_TASK; v < last; v++) {
        job->reach[v] = reach_of(job->csr, job->status, job->seen[worker], (guint32) v);
    }
}

static GArray *
compute_at_risk_reach(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts;
    g_autoptr(GArray) status = wn_isolation_status(net, error);
    if (status == NULL) {
        return NULL;
    }
    guint workers = wn_kernel__threads(0);
    g_autofree guint32 **seen = g_new0(guint32 *, workers);
    GArray *reach = wn_scores__new(net->n);
    ReachJob job = {wn_csr__shared(net), (const guint8 *) status->data,
                    (double *) (void *) reach->data, seen};
    wn_kernel__parallel((net->n + REACH_NODES_PER_TASK - 1) / REACH_NODES_PER_TASK, 0,
                        run_reach_task, &job);
    for (guint i = 0; i < workers; i++) {
        g_free(seen[i]);
    }
    return reach;
}

/**
 * wn_measure_at_risk_reach:
 * Who hears first when someone slips away: the number of at-risk residents (status
 * isolated, formal_only or fragile, wn_isolation_status) within two steps of a node
 * over the whole network (all ties, formal ones included, conflicts excluded; a
 * directed dataset is read undirected). The node itself never counts; an isolated
 * node scores 0. Unweighted; @opts is not used. Counted over one thread per processor
 * on the shared CSR snapshot, once per network (the counts are kept in its cache, for
 * wn_brokers_table).
 * Returns: one count per node, in node order; NULL on error.
 * Cost: O(Σ_v Σ_{u ~ v} d_u) plus wn_isolation_status the first time, O(n) after; 8·n
 * bytes kept, and 4·n bytes per thread while counting.
 */
GArray *
wn_measure_at_risk_reach(const WnNetwork *net, const WnMeasureOptions *opts, GError **error)
{
    (void) opts;
    WnMeasureOptions none = WN_MEASURE_OPTIONS_INIT;
    const GArray *reach =
        wn_cache__scores(net, "at_risk_reach", &none, compute_at_risk_reach, error);
    return reach != NULL ? wn_scores__dup(reach) : NULL;
}

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

static WnTable *
report_table(const Facts *f, const GArray *rows)
{
    WnTable *t = wn_table__new(rows->len);
    add_identity_columns(t, f, rows);
    add_scores_column(t, "t", wn_brokerage_counts(f->roles, WN_ROLE_TOTAL), rows, TRUE);
    for (int r = 0; r < WN_ROLE_TOTAL; r++) {
        add_scores_column(t, wn_role_name((WnRole) r), wn_brokerage_counts(f->roles, (WnRole) r),
                          rows, TRUE);
    }
    add_count_column(t, "neighbour_groups", f->neighbour_groups, rows);
    add_count_column(t, "between_group_pairs", f->between_pairs, rows);
    g_autoptr(GArray) ei = ei_scores(f);
    add_scores_column(t, "ei", ei, rows, FALSE);
    add_scores_column(t, "betweenness", f->betweenness, rows, FALSE);
    add_scores_column(t, "at_risk_reach", f->reach, rows, TRUE);
    g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < rows->len; i++) {
        g_ptr_array_add(reasons, reason_for(f, g_array_index(rows, gsize, i)));
    }
    g_ptr_array_add(reasons, NULL);
    wn_table__add_strings(t, "reason", (const char *const *) reasons->pdata);
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
 * whose betweenness column this shares when both run on one network), `at_risk_reach`
 * and `reason`, a plain-words summary ("brokers 14 pairs of contacts who are not tied
 * (6 across areas); has contacts in 3 areas; reaches 2 at-risk residents within two
 * steps"). Ids only, never labels. In a directed dataset every direction of a pair
 * counts on its own.
 * A network where nobody brokers gives an empty table.
 * Returns: (transfer full): the table; NULL on error (an unknown grouping column is
 * WN_ERROR_INVALID).
 * Cost: that of wn_brokerage_new, betweenness (at most 256 sources above 20,000 nodes)
 * and wn_measure_at_risk_reach; the last two only O(n) when the network has them cached.
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
