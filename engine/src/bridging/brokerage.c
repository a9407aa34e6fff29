/* brokerage.c: Gould-Fernandez brokerage roles of every node, with sna z-scores */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"

#include <math.h>

struct _WnBrokerage {
    GArray *counts[WN_ROLE_COUNT];
    GArray *z[WN_ROLE_COUNT];
};

static const char *const role_names[WN_ROLE_COUNT] = {"w_I", "w_O", "b_IO", "b_OI", "b_O", "t"};

/**
 * wn_brokerage_role_name:
 * Returns: the name R sna gives a brokerage role: "w_I" (coordinator), "w_O" (itinerant),
 * "b_IO" (representative), "b_OI" (gatekeeper), "b_O" (liaison) or "t" (total).
 */
const char *
wn_brokerage_role_name(WnRole role)
{
    g_return_val_if_fail(role < WN_ROLE_COUNT, NULL);
    return role_names[role];
}

/* The sorted lists of arcs of @pairs (guint32 from, to), from -> to, or to -> from when
 * @reverse: the arcs from v go to adj[start[v]] … adj[start[v + 1] − 1], in increasing
 * order; no weights.
 * Returns: (transfer full): the lists. */
static WnCsr *
csr_build(gsize n, const GArray *pairs, gboolean reverse)
{
    gsize arcs = pairs->len / 2;
    WnCsr *c = g_new0(WnCsr, 1);
    c->start = g_new0(gsize, n + 2);
    c->adj = g_new0(guint32, arcs + 1);
    const guint32 *p = (const guint32 *) (const void *) pairs->data;
    for (gsize i = 0; i < arcs; i++) {
        c->start[p[2 * i + reverse] + 2]++;
    }
    for (gsize v = 0; v < n; v++) {
        c->start[v + 2] += c->start[v + 1];
    }
    for (gsize i = 0; i < arcs; i++) {
        c->adj[c->start[p[2 * i + reverse] + 1]++] = p[2 * i + !reverse];
    }
    for (gsize v = 0; v < n; v++) {
        gsize len = c->start[v + 1] - c->start[v];
        qsort(c->adj + c->start[v], len, sizeof(guint32), wn_number__compare_u32);
    }
    return c;
}

static gboolean
csr_has(const WnCsr *c, guint32 from, guint32 to)
{
    gsize lo = c->start[from], hi = c->start[from + 1];
    while (lo < hi) {
        gsize mid = lo + (hi - lo) / 2;
        if (c->adj[mid] == to) {
            return TRUE;
        }
        if (c->adj[mid] < to) {
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

/* One worker's scratch: mark[u] = v + 1 for u in out(v); per group, the in- and
 * out-neighbours of v in it, and the groups touched (to clear them again). */
typedef struct {
    guint32 *mark;
    gsize *in_group, *out_group;
    GArray *touched;
} RolesScratch;

/* The role counts over threads: each node's counts are written by one thread only. */
typedef struct {
    WnBrokerage *br;
    const WnCsr *out, *in;
    gsize n;
    const WnGrouping *g;
    RolesScratch *scratch; /* per worker, made on first use */
} RolesJob;

static void
add_role(const RolesJob *job, guint32 v, WnRole role, double count)
{
    g_array_index(job->br->counts[role], double, v) += count;
}

/* Every pair a -> v -> b, a in in(v) and b in out(v), counted by role from the group
 * counts alone: never a pair at a time. */
static void
count_all_pairs(const RolesJob *job, RolesScratch *s, guint32 v)
{
    const WnCsr *out = job->out, *in = job->in;
    guint32 gv = job->g->of[v];
    for (gsize i = in->start[v]; i < in->start[v + 1]; i++) {
        guint32 g = job->g->of[in->adj[i]];
        if (s->in_group[g]++ == 0 && s->out_group[g] == 0) {
            g_array_append_val(s->touched, g);
        }
    }
    for (gsize j = out->start[v]; j < out->start[v + 1]; j++) {
        guint32 g = job->g->of[out->adj[j]];
        if (s->out_group[g]++ == 0 && s->in_group[g] == 0) {
            g_array_append_val(s->touched, g);
        }
    }
    double same = 0; /* pairs with a and b in one group */
    for (guint t = 0; t < s->touched->len; t++) {
        guint32 g = g_array_index(s->touched, guint32, t);
        same += (double) s->in_group[g] * (double) s->out_group[g];
        s->in_group[g] = s->out_group[g] = 0;
    }
    g_array_set_size(s->touched, 0);
    double i_all = (double) (in->start[v + 1] - in->start[v]);
    double o_all = (double) (out->start[v + 1] - out->start[v]);
    double i_v = 0, o_v = 0;
    for (gsize i = in->start[v]; i < in->start[v + 1]; i++) {
        i_v += job->g->of[in->adj[i]] == gv;
    }
    for (gsize j = out->start[v]; j < out->start[v + 1]; j++) {
        o_v += job->g->of[out->adj[j]] == gv;
    }
    add_role(job, v, WN_ROLE_COORDINATOR, i_v * o_v);
    add_role(job, v, WN_ROLE_REPRESENTATIVE, i_v * (o_all - o_v));
    add_role(job, v, WN_ROLE_GATEKEEPER, (i_all - i_v) * o_v);
    add_role(job, v, WN_ROLE_ITINERANT, same - i_v * o_v);
    add_role(job, v, WN_ROLE_LIAISON, (i_all - i_v) * (o_all - o_v) - (same - i_v * o_v));
    add_role(job, v, WN_ROLE_TOTAL, i_all * o_all);
}

/* Takes the pair a -> v -> b back out of the counts (a == b, or an arc a -> b). */
static void
drop_pair(const RolesJob *job, guint32 a, guint32 v, guint32 b)
{
    add_role(job, v, classify(job->g, a, v, b), -1.0);
    add_role(job, v, WN_ROLE_TOTAL, -1.0);
}

/* The closed pairs through @a: b in out(a) and in out(v), b != a; by walking out(a), or
 * by looking each of out(v) up in out(a) when a has many more arcs (a hub). */
static void
drop_closed_pairs(const RolesJob *job, const RolesScratch *s, guint32 a, guint32 v)
{
    const WnCsr *out = job->out;
    gsize d_a = out->start[a + 1] - out->start[a], d_v = out->start[v + 1] - out->start[v];
    if (d_a / 32 > d_v) {
        for (gsize j = out->start[v]; j < out->start[v + 1]; j++) {
            guint32 b = out->adj[j];
            if (b != a && csr_has(out, a, b)) {
                drop_pair(job, a, v, b);
            }
        }
        return;
    }
    for (gsize k = out->start[a]; k < out->start[a + 1]; k++) {
        guint32 b = out->adj[k];
        if (b != a && s->mark[b] == v + 1) {
            drop_pair(job, a, v, b);
        }
    }
}

/* Counts the roles of @v: pairs a -> v -> b with a != b and no arc a -> b, as all pairs
 * less those where a == b or a -> b. */
static void
count_roles_of(const RolesJob *job, RolesScratch *s, guint32 v)
{
    const WnCsr *out = job->out, *in = job->in;
    count_all_pairs(job, s, v);
    for (gsize j = out->start[v]; j < out->start[v + 1]; j++) {
        s->mark[out->adj[j]] = v + 1;
    }
    for (gsize i = in->start[v]; i < in->start[v + 1]; i++) {
        guint32 a = in->adj[i];
        if (s->mark[a] == v + 1) {
            drop_pair(job, a, v, a);
        }
        drop_closed_pairs(job, s, a, v);
    }
}

static void
run_roles_task(gsize first, gsize last, guint worker, gpointer data)
{
    const RolesJob *job = data;
    RolesScratch *s = &job->scratch[worker];
    if (s->mark == NULL) {
        s->mark = g_new0(guint32, job->n + 1);
        s->in_group = g_new0(gsize, job->g->names->len + 1);
        s->out_group = g_new0(gsize, job->g->names->len + 1);
        s->touched = g_array_new(FALSE, FALSE, sizeof(guint32));
    }
    for (gsize v = first; v < last; v++) {
        count_roles_of(job, s, (guint32) v);
    }
}

/* Counts the roles of every node over one thread per processor and the ranks (whole
 * counts: the same for any number of threads or ranks). */
static void
count_roles(WnBrokerage *br, const WnCsr *out, const WnCsr *in, gsize n, const WnGrouping *g)
{
    guint workers = wn_parallel__threads(0);
    g_autofree RolesScratch *scratch = g_new0(RolesScratch, workers);
    RolesJob job = {br, out, in, n, g, scratch};
    WnNodeArray counts[WN_ROLE_COUNT + 1] = {{NULL, 0}};
    for (int r = 0; r < WN_ROLE_COUNT; r++) {
        counts[r] = (WnNodeArray){br->counts[r]->data, sizeof(double)};
    }
    wn_ranks__run_nodes("brokerage", "nodes", n, ROLES_NODES_PER_TASK, 0, run_roles_task, &job,
                        counts);
    for (guint w = 0; w < workers; w++) {
        g_free(scratch[w].mark);
        g_free(scratch[w].in_group);
        g_free(scratch[w].out_group);
        if (scratch[w].touched != NULL) {
            g_array_unref(scratch[w].touched);
        }
    }
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
 * The counts are made from the groups of each node's in- and out-neighbours, less the
 * closed pairs, which are found without enumerating a hub's pairs.
 * Cost: O(Σ_v Σ_{a∈in(v)} min(out(a), 32·out(v)·log out(a))) for the counts (near-linear
 * on a star of any size), over one thread per processor,
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
        const WnCsr *both = wn_csr__shared(net);
        count_roles(br, both, both, net->n, grouping);
        compute_z(br, grouping, both->start[net->n]);
        return br;
    }
    g_autoptr(WnCsr) out = csr_build(net->n, net->arcs, FALSE);
    g_autoptr(WnCsr) in = csr_build(net->n, net->arcs, TRUE);
    count_roles(br, out, in, net->n, grouping);
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
