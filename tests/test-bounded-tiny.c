/* test-bounded-tiny.c: every command's engine side on a dataset of one node, of one tie,
 * and of nodes only */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>

typedef struct {
    const char *name;
    const char *nodes, *ties;
    gsize n, m;
} Tiny;

static const Tiny tiny[] = {
    {"one-node", "id,type,area\na,resident,BU01\n", "source,target,type\n", 1, 0},
    {"one-tie", "id,type,area\na,resident,BU01\nb,resident,BU01\n",
     "source,target,type\na,b,friend\n", 2, 1},
    {"nodes-only",
     "id,type,area,lat,lon\na,resident,BU01,52.1,5.1\nb,resident,BU01,,\n"
     "c,resident,,52.2,5.2\ng,group,BU01,,\np,professional,BU01,,\n",
     "source,target,type\n", 5, 0},
};

/* Measures that are counts or sums: a number for every node, also without ties. */
static const char *const always_numbers[] = {"degree",           "strength", "betweenness",
                                             "betweenness_norm", "coreness", "effective_size",
                                             "at_risk_reach",    "pagerank"};

static void
check_measures(const WnNetwork *net, const Tiny *c)
{
    gsize count = 0;
    const WnMeasureInfo *all = wn_measure_list(&count);
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    for (gsize i = 0; i < count; i++) {
        g_autoptr(GArray) scores = wn_test_compute(all[i].name, net, &opts);
        g_assert_cmpuint(scores->len, ==, c->n);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(always_numbers); i++) {
        g_autoptr(GArray) scores = wn_test_compute(always_numbers[i], net, &opts);
        for (gsize v = 0; v < c->n; v++) {
            if (!isfinite(g_array_index(scores, double, v))) {
                g_error("%s: %s of node %" G_GSIZE_FORMAT " is %g", c->name, always_numbers[i], v,
                        g_array_index(scores, double, v));
            }
        }
    }
    g_autoptr(GArray) degree = wn_test_compute("degree", net, &opts);
    g_assert_cmpfloat(g_array_index(degree, double, 0), ==, (double) c->m);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) table = wn_measure_table(net, wn_measure_default_names(), &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_table_row_count(table), ==, c->n);
}

/* A resident without ties is isolated; the two of one tie are fragile. */
static void
check_isolation(const WnNetwork *net, const Tiny *c)
{
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) status = wn_isolation_status(net, &error);
    g_autoptr(WnTable) table = wn_isolation_table(net, &opts, &error);
    g_autoptr(WnTable) ranking = wn_isolation_ranking(net, &opts, TRUE, &error);
    g_autoptr(WnTable) counts = wn_isolation_counts(net, &opts, &error);
    g_autoptr(WnTable) ego = wn_ego_composition(net, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(g_array_index(status, guint8, 0), ==,
                     c->m == 0 ? WN_STATUS_ISOLATED : WN_STATUS_FRAGILE);
    g_assert_cmpuint(wn_table_row_count(table), ==, c->n == 5 ? 3 : c->n);
    g_assert_cmpuint(wn_table_row_count(ranking), ==, wn_table_row_count(table));
    g_assert_cmpuint(wn_table_row_count(ego), >, 0);
    g_assert_cmpuint(wn_table_row_count(counts), >, 0);
    for (gsize r = 0; r < wn_table_row_count(table); r++) {
        g_assert_true(isfinite(wn_test_double_cell(table, r, "isolation_index")));
        g_assert_cmpint(wn_test_int_cell(table, r, "reach2"), ==, c->m);
    }
}

/* One partition per node without ties (modularity NaN, as documented), one community for
 * the tie (modularity 0); participation is a number for everyone. */
static void
check_communities(const WnNetwork *net, const Tiny *c)
{
    for (int m = WN_COMMUNITY_LEIDEN; m <= WN_COMMUNITY_LOUVAIN; m++) {
        WnCommunityOptions opts = WN_COMMUNITY_OPTIONS_INIT;
        opts.method = (WnCommunityMethod) m;
        g_autoptr(GError) error = NULL;
        g_autoptr(WnCommunities) comms = wn_communities_detect(net, &opts, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(wn_communities_count(comms), ==, c->m == 0 ? c->n : 1);
        g_assert_true(c->m == 0 ? isnan(wn_communities_modularity(comms))
                                : wn_communities_modularity(comms) == 0.0);
        g_autoptr(GArray) p = wn_communities_participation(net, comms);
        for (gsize v = 0; v < c->n; v++) {
            g_assert_cmpfloat(g_array_index(p, double, v), ==, 0.0);
        }
        g_autoptr(WnTable) table = wn_communities_table(net, comms);
        g_assert_cmpuint(wn_table_row_count(table), ==, c->n);
    }
}

/* The tie is a bridge; nothing else cuts. */
static void
check_cuts(const WnNetwork *net, const Tiny *c)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) points = wn_cuts_articulation_points(net, &error);
    g_autoptr(WnTable) bridges = wn_cuts_bridges(net, &error);
    g_autoptr(WnTable) local = wn_cuts_local_bridges(net, &error);
    g_autoptr(WnTable) components = wn_cuts_components(net, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_table_row_count(points), ==, 0);
    g_assert_cmpuint(wn_table_row_count(bridges), ==, c->m);
    g_assert_cmpuint(wn_table_row_count(components), >, 0);
    (void) local;
}

/* Brokers, groupings, E-I: nobody brokers a pair. */
static void
check_brokers(const WnNetwork *net, const Tiny *c)
{
    g_autoptr(GError) error = NULL;
    WnBrokersOptions opts = WN_BROKERS_OPTIONS_INIT;
    g_autoptr(WnTable) brokers = wn_brokers_table(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_table_row_count(brokers), ==, 0);
    g_autoptr(WnGrouping) g = wn_grouping_new(net, "area", &error);
    g_assert_no_error(error);
    g_autoptr(WnBrokerage) br = wn_brokerage_new(net, g);
    g_autoptr(WnTable) ei = wn_ei_table(net, g);
    for (gsize v = 0; v < c->n; v++) {
        g_assert_cmpfloat(g_array_index(wn_brokerage_counts(br, WN_ROLE_TOTAL), double, v), ==,
                          0.0);
    }
    g_assert_nonnull(ei);
}

/* Suggestions: none for one node; for nodes only, the residents of BU01 are offered to
 * each other for the same area (the one without an area to nobody). */
static void
check_suggest(const WnNetwork *net, const Tiny *c)
{
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    WnSuggestSummary summary = {0};
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_suggest_table(net, NULL, &opts, &summary, &error);
    g_assert_no_error(error);
    gsize want = c->n == 1 ? 0 : c->n == 2 ? 0 : 4; /* a–b, b–a, a–g, b–g */
    g_assert_cmpuint(wn_table_row_count(t), ==, want);
    for (gsize r = 0; r < wn_table_row_count(t); r++) {
        g_assert_true(isfinite(wn_test_double_cell(t, r, "score")));
    }
    WnEvaluateOptions eval = WN_EVALUATE_OPTIONS_INIT;
    WnEvaluateSummary es = {0};
    g_autoptr(WnTable) e = wn_suggest_evaluate(net, &opts, &eval, &es, &error);
    g_assert_no_error(error);
    g_assert_nonnull(e);
}

static void
test_tiny(gconstpointer data)
{
    const Tiny *c = data;
    g_autoptr(WnNetwork) net = wn_test_load_text(c->nodes, c->ties);
    g_assert_cmpuint(wn_network_node_count(net), ==, c->n);
    g_assert_cmpuint(wn_network_tie_count(net), ==, c->m);
    check_measures(net, c);
    check_isolation(net, c);
    check_communities(net, c);
    check_cuts(net, c);
    check_brokers(net, c);
    check_suggest(net, c);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    wn_init();
    for (gsize i = 0; i < G_N_ELEMENTS(tiny); i++) {
        g_autofree char *path = g_strdup_printf("/bounded/tiny/%s", tiny[i].name);
        g_test_add_data_func(path, &tiny[i], test_tiny);
    }
    return g_test_run();
}
