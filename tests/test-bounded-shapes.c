/* test-bounded-shapes.c: the measures that walk two steps give the same numbers when a
 * hub's ties are counted instead of walked, and a star of 100,000 ties takes seconds */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>

#define N 600

/* A network with hubs: residents 30 and 31 tied to 400 and 300 others (overlapping),
 * professional 0 to 200, plus 900 random ties; nodes 0–9 are professionals, 10–29
 * groups, the rest residents; the column club has three values. */
static WnNetwork *
hub_network(guint32 seed, guint8 *adj)
{
    GRand *rand = g_rand_new_with_seed(seed);
    g_autoptr(GString) nodes = g_string_new("id,type,club\n");
    g_autoptr(GString) ties = g_string_new("source,target,type\n");
    for (int v = 0; v < N; v++) {
        const char *type = v < 10 ? "professional" : v < 30 ? "group" : "resident";
        g_string_append_printf(nodes, "n%d,%s,c%d\n", v, type, g_rand_int_range(rand, 0, 3));
    }
    const int hubs[][2] = {{30, 400}, {31, 300}, {0, 200}};
    for (gsize h = 0; h < G_N_ELEMENTS(hubs); h++) {
        for (int i = 0; i < hubs[h][1]; i++) {
            int u = g_rand_int_range(rand, 0, N);
            if (u != hubs[h][0] && !adj[hubs[h][0] * N + u]) {
                adj[hubs[h][0] * N + u] = adj[u * N + hubs[h][0]] = 1;
                g_string_append_printf(ties, "n%d,n%d,friend\n", hubs[h][0], u);
            }
        }
    }
    for (int i = 0; i < 900; i++) {
        int a = g_rand_int_range(rand, 0, N), b = g_rand_int_range(rand, 0, N);
        if (a != b && !adj[a * N + b]) {
            adj[a * N + b] = adj[b * N + a] = 1;
            g_string_append_printf(ties, "n%d,n%d,friend\n", a, b);
        }
    }
    g_rand_free(rand);
    return wn_test_load_text(nodes->str, ties->str);
}

static gboolean
is_at_risk(guint8 status)
{
    return status == WN_STATUS_ISOLATED || status == WN_STATUS_FORMAL_ONLY ||
           status == WN_STATUS_FRAGILE;
}

/* The nodes with @counted within two steps of @v over @member nodes, @v excluded. */
static gint64
brute_two_step(const guint8 *adj, const gboolean *member, const gboolean *counted, int v)
{
    gint64 count = 0;
    for (int x = 0; x < N; x++) {
        gboolean near = FALSE;
        for (int u = 0; u < N && !near && x != v && member[x]; u++) {
            near = member[u] && adj[v * N + u] && (u == x || adj[u * N + x]);
        }
        count += near && counted[x];
    }
    return count;
}

static void
check_reach(const WnNetwork *net, const guint8 *adj)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) status = wn_isolation_status(net, &error);
    WnMeasureOptions mopts = WN_MEASURE_OPTIONS_INIT;
    g_autoptr(GArray) reach = wn_measure_at_risk_reach(net, &mopts, &error);
    WnIsolationOptions iopts = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(WnTable) table = wn_isolation_table(net, &iopts, &error);
    g_assert_no_error(error);
    gboolean all[N], at_risk[N], informal[N], resident[N];
    for (int v = 0; v < N; v++) {
        WnNodeKind kind = wn_network_node_kind(net, v);
        all[v] = TRUE;
        at_risk[v] = is_at_risk(g_array_index(status, guint8, v));
        informal[v] = kind != WN_NODE_PROFESSIONAL && kind != WN_NODE_ORGANISATION;
        resident[v] = kind == WN_NODE_RESIDENT;
    }
    for (int v = 0, row = 0; v < N; v++) { /* the table has a row per resident */
        g_assert_cmpfloat(g_array_index(reach, double, v), ==,
                          (double) brute_two_step(adj, all, at_risk, v));
        if (resident[v]) {
            g_assert_cmpint(wn_test_int_cell(table, row++, "reach2"), ==,
                            brute_two_step(adj, informal, resident, v));
        }
    }
}

/* Effective size d − 2t/d and unweighted constraint Σ_j (1/d + Σ_q 1/d·1/d_q)². */
static void
check_burt(const WnNetwork *net, const guint8 *adj)
{
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    g_autoptr(GArray) size = wn_test_compute("effective_size", net, &opts);
    g_autoptr(GArray) constraint = wn_test_compute("constraint", net, &opts);
    int degree[N] = {0};
    for (int i = 0; i < N * N; i++) {
        degree[i / N] += adj[i];
    }
    for (int i = 0; i < N; i++) {
        double ties = 0, c = 0;
        for (int j = 0; j < N; j++) {
            if (!adj[i * N + j]) {
                continue;
            }
            double p = 1.0 / degree[i];
            for (int q = 0; q < N; q++) {
                ties += adj[j * N + q] && adj[i * N + q];
                p += adj[i * N + q] && adj[q * N + j] ? 1.0 / degree[i] / degree[q] : 0.0;
            }
            c += p * p;
        }
        double want = degree[i] > 0 ? degree[i] - ties / degree[i] : 0.0;
        g_assert_cmpfloat_with_epsilon(g_array_index(size, double, i), want, 1e-9);
        if (degree[i] > 0) {
            g_assert_cmpfloat_with_epsilon(g_array_index(constraint, double, i), c, 1e-12);
        }
    }
}

/* Brokered pairs a − v − b (ordered, a ≠ b, no tie a − b) of every node by role. */
static void
check_brokerage(const WnNetwork *net, const guint8 *adj)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WnGrouping) g = wn_grouping_new(net, "club", &error);
    g_assert_no_error(error);
    g_autoptr(WnBrokerage) br = wn_brokerage_new(net, g);
    for (int v = 0; v < N; v++) {
        double want[WN_ROLE_COUNT] = {0};
        gsize gv = wn_grouping_of(g, v);
        for (int a = 0; a < N; a++) {
            for (int b = 0; b < N && adj[a * N + v]; b++) {
                if (a == b || !adj[v * N + b] || adj[a * N + b]) {
                    continue;
                }
                gsize ga = wn_grouping_of(g, a), gb = wn_grouping_of(g, b);
                WnRole r = gv == ga   ? (gv == gb ? WN_ROLE_COORDINATOR : WN_ROLE_REPRESENTATIVE)
                           : gv == gb ? WN_ROLE_GATEKEEPER
                           : ga == gb ? WN_ROLE_ITINERANT
                                      : WN_ROLE_LIAISON;
                want[r]++;
                want[WN_ROLE_TOTAL]++;
            }
        }
        for (int r = 0; r < WN_ROLE_COUNT; r++) {
            g_assert_cmpfloat(g_array_index(wn_brokerage_counts(br, r), double, v), ==, want[r]);
        }
    }
}

/* On networks with hubs, at_risk_reach, reach2, effective size, constraint and the
 * brokerage roles equal their definitions counted pair by pair. */
static void
test_hubs_give_the_defined_numbers(void)
{
    for (guint32 seed = 1; seed <= 3; seed++) {
        g_autofree guint8 *adj = g_new0(guint8, N * N);
        g_autoptr(WnNetwork) net = hub_network(seed, adj);
        check_reach(net, adj);
        check_burt(net, adj);
        check_brokerage(net, adj);
    }
}

/* A resident tied to 100,000 others: every pair of them is open, yet each measure walks
 * the hub's ties about once (before: 10^10 steps each, minutes to hours). */
static void
test_star_of_100000_ties(void)
{
    const int leaves = 100000;
    g_autoptr(GString) nodes = g_string_new("id,type,club\nhub,resident,a\n");
    g_autoptr(GString) ties = g_string_new("source,target,type\n");
    for (int i = 0; i < leaves; i++) {
        g_string_append_printf(nodes, "r%d,resident,%c\n", i, i % 2 ? 'a' : 'b');
        g_string_append_printf(ties, "hub,r%d,friend\n", i);
    }
    g_autoptr(WnNetwork) net = wn_test_load_text(nodes->str, ties->str);
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) reach = wn_measure_at_risk_reach(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpfloat(g_array_index(reach, double, 0), ==, leaves);
    g_assert_cmpfloat(g_array_index(reach, double, 1), ==, leaves); /* the hub and the others */
    WnIsolationOptions iopts = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(WnTable) table = wn_isolation_table(net, &iopts, &error);
    g_assert_no_error(error);
    g_assert_cmpint(wn_test_int_cell(table, 1, "reach2"), ==, leaves);
    g_autoptr(GArray) size = wn_test_compute("effective_size", net, &opts);
    g_assert_cmpfloat(g_array_index(size, double, 0), ==, leaves);
    g_assert_cmpfloat(g_array_index(size, double, 1), ==, 1.0);
    g_autoptr(WnGrouping) g = wn_grouping_new(net, "club", &error);
    g_autoptr(WnBrokerage) br = wn_brokerage_new(net, g);
    double pairs = (double) leaves * (leaves - 1);
    g_assert_cmpfloat(g_array_index(wn_brokerage_counts(br, WN_ROLE_TOTAL), double, 0), ==, pairs);
    g_assert_cmpfloat(g_array_index(wn_brokerage_counts(br, WN_ROLE_TOTAL), double, 1), ==, 0);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    wn_init();
    g_test_add_func("/bounded/shapes/hubs-give-the-defined-numbers",
                    test_hubs_give_the_defined_numbers);
    g_test_add_func("/bounded/shapes/star-of-100000-ties", test_star_of_100000_ties);
    return g_test_run();
}
