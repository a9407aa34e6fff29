/* parts.c: the isolation parts, status and index of every resident (docs/DESIGN.md) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "isolation.h"
#include "measures/measures.h"

#include <math.h>

static const char *const status_names[] = {"connected", "fragile", "formal_only", "isolated",
                                           "not_resident"};

/* Frees @p and its columns; accepts NULL. */
void
wn_isolation__parts_free(WnIsolationParts *p)
{
    if (p == NULL) {
        return;
    }
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

static WnIsolationParts *
parts_new(gsize n)
{
    WnIsolationParts *p = g_new0(WnIsolationParts, 1);
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
 * wn_isolation_status_name:
 * Returns: the name of an isolation status as tables show it ("isolated", "formal_only",
 * "fragile", "connected", "not_resident").
 */
const char *
wn_isolation_status_name(WnStatus status)
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
count_tie_end(const WnNetwork *net, WnIsolationParts *p, gsize self, gsize other, gsize tie)
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
count_ties(const WnNetwork *net, WnIsolationParts *p)
{
    for (gsize t = 0; t < net->m; t++) {
        count_tie_end(net, p, net->tie_from[t], net->tie_to[t], t);
        count_tie_end(net, p, net->tie_to[t], net->tie_from[t], t);
    }
}

/* Is the arc from @v to @u of the snapshot in the informal layer (docs/FORMAT.md: neither end
 * a professional or an organisation)? */
static gboolean
is_informal_arc(const WnNetwork *net, guint32 v, guint32 u)
{
    return !is_formal_kind(net->kinds[v]) && !is_formal_kind(net->kinds[u]);
}

/* The informal reach of the residents, over threads; one two-step counter per worker. */
typedef struct {
    const WnNetwork *net;
    const WnCsr *csr; /* every tie; informal arcs are told by is_informal_arc */
    WnIsolationParts *p;
    const WnIsolationOptions *opts;
    gboolean reach2;        /* FALSE: weak_share only (what the status needs) */
    const guint8 *informal; /* 1 per node that is neither professional nor organisation */
    const guint8 *resident; /* 1 per resident */
    WnTwoStep **counter;    /* per worker, made on first use */
} ReachJob;

#define RESIDENTS_PER_TASK 2048

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
reach_task(gsize first, gsize last, guint worker, gpointer data)
{
    const ReachJob *job = data;
    if (job->reach2 && job->counter[worker] == NULL) {
        job->counter[worker] = wn_two_step__new(job->csr, job->informal, job->resident);
    }
    for (gsize v = first; v < last; v++) {
        if (job->net->kinds[v] == WN_NODE_RESIDENT) {
            /* reach2: residents at informal distance 1 or 2 (through a contact of any kind) */
            job->p->reach2[v] =
                job->reach2 ? (gint64) wn_two_step__count(job->counter[worker], (guint32) v) : 0;
            job->p->weak_share[v] = weak_share_of(job, v);
        }
    }
}

/* weak_share, and with @reach2 reach2, of every resident, over one thread per processor
 * and the ranks (each resident is one thread's, so the result does not depend on the
 * number of threads or ranks). */
static void
compute_informal_reach(const WnNetwork *net, const WnCsr *csr, WnIsolationParts *p,
                       const WnIsolationOptions *opts, gboolean reach2)
{
    g_autofree guint8 *informal = g_new0(guint8, net->n + 1);
    g_autofree guint8 *resident = g_new0(guint8, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        informal[v] = !is_formal_kind(net->kinds[v]);
        resident[v] = net->kinds[v] == WN_NODE_RESIDENT;
    }
    guint workers = wn_parallel__threads(0);
    g_autofree WnTwoStep **counter = g_new0(WnTwoStep *, workers);
    ReachJob job = {net, csr, p, opts, reach2, informal, resident, counter};
    WnNodeArray out[] = {{p->reach2, sizeof(gint64)}, {p->weak_share, sizeof(double)}, {NULL, 0}};
    wn_ranks__run_nodes(reach2 ? "reach2" : "weak_share", "nodes", net->n, RESIDENTS_PER_TASK, 0,
                        reach_task, &job, out);
    for (guint w = 0; w < workers; w++) {
        wn_two_step__free(counter[w]);
    }
}

/* team_distance: one breadth-first search over all ties from every professional at once. */
static void
compute_team_distance(const WnNetwork *net, const WnCsr *csr, WnIsolationParts *p)
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
status_of(const WnNetwork *net, const WnIsolationParts *p, gsize v, const WnIsolationOptions *opts)
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
index_of(const WnIsolationParts *p, gsize v, const WnIsolationOptions *opts)
{
    double weak = isnan(p->weak_share[v]) ? 1.0 : p->weak_share[v];
    return opts->weight_strength * shortfall(p->informal_strength[v], opts->cap_strength) +
           opts->weight_reach * shortfall((double) p->reach2[v], opts->cap_reach) +
           opts->weight_weak * weak;
}

/*
 * wn_isolation__parts:
 * The parts of every node after checking @opts; with @all FALSE only what the status
 * needs (degrees and weak_share), leaving reach2, team_distance and so the index unset.
 * Returns: (transfer full): the parts, or NULL with WN_ERROR_INVALID for bad options.
 * Cost: O(n + m), plus for reach2 wn_two_step__count of every resident over the informal
 * layer (a hub's ties are not walked once per neighbour of the hub).
 */
WnIsolationParts *
wn_isolation__parts(const WnNetwork *net, const WnIsolationOptions *opts, gboolean all,
                    GError **error)
{
    if (!wn_isolation_options_check(opts, error)) {
        return NULL;
    }
    g_autoptr(WnIsolationParts) p = parts_new(net->n);
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
