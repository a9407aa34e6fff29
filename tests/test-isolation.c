/* test-isolation.c: isolation parts, status and index, and their options */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>

/*
 * tests/data/isolation-wijk (11 nodes; weights 1 unless marked; [v] = vulnerable;
 * p professional, o organisation, g group, the rest residents; areas: a, b, p in A;
 * c, d, e, g in B; h, k in C; f and o have none):
 *
 *   a                b ---- p
 *                           |
 *   c[v] ---- g ----------- d
 *    |                    / |2
 *    |                   f  |
 *    |                    \ |
 *    |                      e ---- o
 *    |                      |3
 *    +--------------------- h ---- k
 *
 * Ties: b-p support, c-g member, d-g member, d-e friend (2), d-f neighbour,
 * e-h family (3), e-f friend, h-k friend, h-c neighbour, p-d support, o-e referral.
 *
 * Informal degrees: c 2 (g, h), d 3 (g, e, f), e 3 (d, f, h), f 2, h 3 (e, k, c), k 1.
 * At risk (informal degree <= 1 or vulnerable): c (vulnerable) and k (degree 1).
 *   a: no tie at all                     -> isolated, index 0.4 + 0.4 + 0.2 = 1
 *   b: only p                            -> formal_only, index 1
 *   c: degree 2                          -> fragile; reach2 {h, d via g, e, k} = 4
 *   d: degree 3, weak_share 0/2          -> connected
 *   e: degree 3, weak_share 0/3          -> connected; reach2 {d, f, h, k, c} = 5
 *   f: degree 2                          -> fragile
 *   h: degree 3, weak_share 2/3 (k, c)   -> fragile through its weak network
 *   k: degree 1                          -> fragile
 */
typedef struct {
    const char *id;
    const char *status;
    gint64 informal_degree;
    double informal_strength;
    gint64 formal_degree;
    gint64 groups;
    gint64 reach2;
    double weak_share;    /* NaN: missing */
    gint64 team_distance; /* -1: missing */
    double index;
} Expected;

/* Index with the defaults (0.4, 0.4, 0.2; caps 5 and 10), e.g. for k:
 * 0.4·(1 − 1/5) + 0.4·(1 − 3/10) + 0.2·0 = 0.32 + 0.28 = 0.6 */
static const Expected wijk[] = {
    {"a", "isolated", 0, 0, 0, 0, 0, NAN, -1, 1.0},
    {"b", "formal_only", 0, 0, 1, 0, 0, NAN, 1, 1.0},
    {"c", "fragile", 2, 2, 0, 1, 4, 0.0, 3, 0.24 + 0.24},
    {"d", "connected", 3, 4, 1, 1, 4, 0.0, 1, 0.08 + 0.24},
    {"e", "connected", 3, 6, 1, 0, 5, 0.0, 2, 0.0 + 0.2},
    {"f", "fragile", 2, 2, 0, 0, 3, 0.0, 2, 0.24 + 0.28},
    {"h", "fragile", 3, 5, 0, 0, 5, 2.0 / 3.0, 3, 0.0 + 0.2 + 0.2 * 2.0 / 3.0},
    {"k", "fragile", 1, 1, 0, 0, 3, 0.0, 4, 0.32 + 0.28},
};

static void
assert_double(double got, double want)
{
    if (isnan(want)) {
        g_assert_true(isnan(got));
    } else {
        g_assert_cmpfloat_with_epsilon(got, want, 1e-12);
    }
}

static void
assert_resident_row(const WnTable *t, gsize row, const Expected *x)
{
    g_assert_cmpstr(wn_table_cell_string(t, row, wn_test_column(t, "id")), ==, x->id);
    g_assert_cmpstr(wn_table_cell_string(t, row, wn_test_column(t, "status")), ==, x->status);
    g_assert_cmpint(wn_test_int_cell(t, row, "informal_degree"), ==, x->informal_degree);
    assert_double(wn_test_double_cell(t, row, "informal_strength"), x->informal_strength);
    g_assert_cmpint(wn_test_int_cell(t, row, "formal_degree"), ==, x->formal_degree);
    g_assert_cmpint(wn_test_int_cell(t, row, "groups"), ==, x->groups);
    g_assert_cmpint(wn_test_int_cell(t, row, "reach2"), ==, x->reach2);
    assert_double(wn_test_double_cell(t, row, "weak_share"), x->weak_share);
    g_assert_cmpint(wn_test_int_cell(t, row, "team_distance"), ==, x->team_distance);
    assert_double(wn_test_double_cell(t, row, "isolation_index"), x->index);
}

static void
test_table_matches_hand_worked_wijk(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(WnTable) t = wn_isolation_table(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_table_row_count(t), ==, G_N_ELEMENTS(wijk));
    for (gsize i = 0; i < G_N_ELEMENTS(wijk); i++) {
        assert_resident_row(t, i, &wijk[i]);
    }
}

/* a has no tie at all: no informal tie, no group, no formal tie. */
static void
test_status_isolated_without_any_tie(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) status = wn_isolation_status(net, &error);
    g_assert_no_error(error);
    g_assert_cmpint(g_array_index(status, guint8, 0), ==, WN_STATUS_ISOLATED);
}

/* b's only tie is to the professional p. */
static void
test_status_formal_only_with_a_professional(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) status = wn_isolation_status(net, &error);
    g_assert_no_error(error);
    g_assert_cmpint(g_array_index(status, guint8, 1), ==, WN_STATUS_FORMAL_ONLY);
}

/* f has two informal contacts (fragile by degree); h has three, but two of them (k, c)
 * are at risk: weak_share 2/3 >= 0.5 makes h fragile too. d and e are connected. */
static void
test_status_fragile_by_degree_or_weak_network(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) status = wn_isolation_status(net, &error);
    g_assert_no_error(error);
    static const guint8 want[] = {
        WN_STATUS_ISOLATED,     WN_STATUS_FORMAL_ONLY,  WN_STATUS_NOT_RESIDENT,
        WN_STATUS_NOT_RESIDENT, WN_STATUS_NOT_RESIDENT, WN_STATUS_FRAGILE,
        WN_STATUS_CONNECTED,    WN_STATUS_CONNECTED,    WN_STATUS_FRAGILE,
        WN_STATUS_FRAGILE,      WN_STATUS_FRAGILE};
    g_assert_cmpuint(status->len, ==, G_N_ELEMENTS(want));
    for (guint i = 0; i < status->len; i++) {
        g_assert_cmpint(g_array_index(status, guint8, i), ==, want[i]);
    }
}

/* c reaches d only through the group g (c - g - d): a shared group is two steps. e does
 * not reach c: e - d - g - c is three steps. */
static void
test_reach2_passes_through_a_shared_group(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(WnTable) t = wn_isolation_table(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpint(wn_test_int_cell(t, 2, "reach2"), ==, 4); /* c: h, d, e, k */
    g_assert_cmpint(wn_test_int_cell(t, 4, "reach2"), ==, 5); /* e: d, f, h, k, c */
}

/* d reaches c (through g), e, f and h, not b: d–p and p–b are support ties, formal, so
 * the professional p is no informal step between them. */
static void
test_reach2_skips_formal_ties(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(WnTable) t = wn_isolation_table(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpint(wn_test_int_cell(t, 3, "reach2"), ==, 4); /* d: c, e, f, h */
    g_assert_cmpint(wn_test_int_cell(t, 1, "reach2"), ==, 0); /* b: only p */
}

/* h's resident contacts: e (degree 3), k (degree 1: at risk), c (vulnerable: at risk). */
static void
test_weak_share_counts_low_degree_and_vulnerable(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(WnTable) t = wn_isolation_table(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 6, "weak_share"), 2.0 / 3.0, 1e-12);
    g_assert_cmpint(wn_test_int_cell(t, 6, "weak_network"), ==, 1);
    g_assert_cmpint(wn_test_int_cell(t, 2, "vulnerable"), ==, 1);
    /* a and b have no informal resident contact: weak_share is missing, not 0 */
    g_assert_true(isnan(wn_test_double_cell(t, 0, "weak_share")));
    g_assert_cmpint(wn_test_int_cell(t, 0, "weak_network"), ==, 0);
}

/* a has no path to the professional p; k is four steps away (k-h-e-d-p). */
static void
test_team_distance_missing_without_path(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(WnTable) t = wn_isolation_table(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_true(wn_table_cell_is_missing(t, 0, wn_test_column(t, "team_distance")));
    g_assert_cmpint(wn_test_int_cell(t, 7, "team_distance"), ==, 4);
}

/*
 * Weights 0.5, 0.25, 0.25 and caps 2 and 4:
 *   c: 0.5·(1 − 2/2) + 0.25·(1 − 4/4) + 0.25·0   = 0
 *   f: 0.5·(1 − 2/2) + 0.25·(1 − 3/4) + 0.25·0   = 0.0625
 *   h: 0.5·0         + 0.25·0         + 0.25·2/3 = 1/6
 *   k: 0.5·(1 − 1/2) + 0.25·(1 − 3/4) + 0.25·0   = 0.3125
 */
static void
test_index_follows_custom_weights_and_caps(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    opts.weight_strength = 0.5;
    opts.weight_reach = 0.25;
    opts.weight_weak = 0.25;
    opts.cap_strength = 2;
    opts.cap_reach = 4;
    g_autoptr(WnTable) t = wn_isolation_table(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 0, "isolation_index"), 1.0, 1e-12);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 2, "isolation_index"), 0.0, 1e-12);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 5, "isolation_index"), 0.0625, 1e-12);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 6, "isolation_index"), 1.0 / 6.0, 1e-12);
    g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, 7, "isolation_index"), 0.3125, 1e-12);
}

/* With fragile_degree 1, f (degree 2, weak_share 0) is connected; k (degree 1) stays fragile. */
static void
test_fragile_degree_threshold_is_settable(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    opts.fragile_degree = 1;
    g_autoptr(WnTable) t = wn_isolation_table(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(wn_table_cell_string(t, 5, wn_test_column(t, "status")), ==, "connected");
    g_assert_cmpstr(wn_table_cell_string(t, 7, wn_test_column(t, "status")), ==, "fragile");
}

static void
test_weights_must_sum_to_one(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    opts.weight_weak = 0.3;
    g_autoptr(WnTable) t = wn_isolation_table(net, &opts, &error);
    g_assert_null(t);
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==,
                    "isolation weights must lie in [0, 1] and sum to 1, got 0.4 + 0.4 + 0.3");
}

static void
test_caps_must_be_positive(void)
{
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    opts.cap_reach = 0;
    g_assert_false(wn_isolation_options_check(&opts, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==,
                    "isolation caps must be positive, got strength 5 and reach 0");
}

/* tests/data/isolation-wijk/isolation.ini sets the weights and caps of
 * test_index_follows_custom_weights_and_caps; the thresholds keep their values. */
static void
test_settings_file_sets_what_it_names(void)
{
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "data", "isolation-wijk", "isolation.ini", NULL);
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    opts.fragile_degree = 7;
    g_assert_true(wn_isolation_options_load(path, &opts, &error));
    g_assert_no_error(error);
    g_assert_cmpfloat(opts.weight_strength, ==, 0.5);
    g_assert_cmpfloat(opts.weight_reach, ==, 0.25);
    g_assert_cmpfloat(opts.weight_weak, ==, 0.25);
    g_assert_cmpfloat(opts.cap_strength, ==, 2);
    g_assert_cmpfloat(opts.cap_reach, ==, 4);
    g_assert_cmpuint(opts.fragile_degree, ==, 7);
    g_assert_cmpfloat(opts.fragile_weak, ==, 0.5);
    g_assert_cmpuint(opts.at_risk_degree, ==, 1);
}

/* The README's example names every setting with its default, comments on their own lines. */
static void
test_settings_file_of_the_readme_loads(void)
{
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "data", "isolation-config", "readme-example.ini", NULL);
    g_autoptr(GError) error = NULL;
    WnIsolationOptions defaults = WN_ISOLATION_OPTIONS_INIT;
    WnIsolationOptions opts = {0};
    g_assert_true(wn_isolation_options_load(path, &opts, &error));
    g_assert_no_error(error);
    g_assert_cmpfloat(opts.weight_strength, ==, defaults.weight_strength);
    g_assert_cmpfloat(opts.weight_reach, ==, defaults.weight_reach);
    g_assert_cmpfloat(opts.weight_weak, ==, defaults.weight_weak);
    g_assert_cmpfloat(opts.cap_strength, ==, defaults.cap_strength);
    g_assert_cmpfloat(opts.cap_reach, ==, defaults.cap_reach);
    g_assert_cmpuint(opts.fragile_degree, ==, defaults.fragile_degree);
    g_assert_cmpfloat(opts.fragile_weak, ==, defaults.fragile_weak);
    g_assert_cmpuint(opts.at_risk_degree, ==, defaults.at_risk_degree);
}

typedef struct {
    const char *text;    /* the settings file */
    gint code;           /* WN_ERROR_PARSE or WN_ERROR_INVALID */
    const char *message; /* what follows "PATH: " (GLib's own words may follow it) */
} BadSettingsCase;

static const BadSettingsCase bad_settings[] = {
    /* GLib key files have no comment after a value: "0.4  # w_s" is no number */
    {"[isolation]\nweight-strength = 0.4  # w_s\n", WN_ERROR_PARSE,
     "[isolation] weight-strength: "},
    {"[isolation]\nfragile-degree = 1.5\n", WN_ERROR_INVALID,
     "fragile-degree must be a whole number ≥ 0, got 1.5"},
    {"weight-reach = 0.5\n", WN_ERROR_PARSE, ""}, /* a key before any group */
};

static void
test_bad_settings_file_is_refused(gconstpointer data)
{
    const BadSettingsCase *c = data;
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(dir, "isolation.ini", NULL);
    g_assert_true(g_file_set_contents(path, c->text, -1, NULL));
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_assert_false(wn_isolation_options_load(path, &opts, &error));
    g_assert_error(error, WN_ERROR, c->code);
    g_autofree char *want = g_strdup_printf("%s: %s", path, c->message);
    g_assert_true(g_str_has_prefix(error->message, want));
    wn_test_remove_tree(dir);
}

/* A settings file that cannot be read is an input error (G_FILE_ERROR), naming the path. */
static void
test_settings_file_missing_is_a_file_error(void)
{
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_assert_false(wn_isolation_options_load("no-such-settings.ini", &opts, &error));
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_true(g_str_has_prefix(error->message, "no-such-settings.ini: "));
}

static void
test_setting_by_name(void)
{
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_assert_true(wn_isolation_options_set(&opts, "at-risk-degree", 3, &error));
    g_assert_true(wn_isolation_options_set(&opts, "cap-reach", 12.5, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(opts.at_risk_degree, ==, 3);
    g_assert_cmpfloat(opts.cap_reach, ==, 12.5);
    g_assert_false(wn_isolation_options_set(&opts, "at-risk-degree", -1, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==, "at-risk-degree must be a whole number ≥ 0, got -1");
    g_clear_error(&error);
    g_assert_false(wn_isolation_options_set(&opts, "weight", 1, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==, "weight is not an isolation setting");
    g_assert_cmpuint(opts.at_risk_degree, ==, 3);
}

/* At risk, in visiting order: a (isolated), b (formal only), then the fragile: c first
 * (vulnerable), then k (1 contact), f and h (2 and 3 contacts); d and e are connected and
 * left out. */
static void
test_ranking_orders_residents_at_risk(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(WnTable) t = wn_isolation_ranking(net, &opts, FALSE, &error);
    g_assert_no_error(error);
    static const char *const order[] = {"a", "b", "c", "k", "f", "h"};
    g_assert_cmpuint(wn_table_row_count(t), ==, G_N_ELEMENTS(order));
    g_assert_cmpstr(wn_table_column_name(t, 0), ==, "rank");
    for (gsize i = 0; i < G_N_ELEMENTS(order); i++) {
        g_assert_cmpstr(wn_table_cell_string(t, i, wn_test_column(t, "id")), ==, order[i]);
        g_assert_cmpint(wn_test_int_cell(t, i, "rank"), ==, (gint64) i + 1);
    }
    g_autoptr(WnTable) all = wn_isolation_ranking(net, &opts, TRUE, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_table_row_count(all), ==, 8);
    g_assert_cmpstr(wn_table_cell_string(all, 7, wn_test_column(all, "id")), ==, "e"); /* 0.2 */
}

/*
 * Counts: all 8 residents (1 isolated, 1 formal_only, 4 fragile, 2 connected, 1
 * vulnerable, 1 weak network, mean index (1 + 1 + .48 + .32 + .2 + .52 + 1/3 + .6)/8);
 * area A: a, b; area B: c, d, e; area C: h, k; no area: f.
 */
static void
test_counts_per_status_and_area(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "isolation-wijk");
    g_autoptr(GError) error = NULL;
    WnIsolationOptions opts = WN_ISOLATION_OPTIONS_INIT;
    g_autoptr(WnTable) t = wn_isolation_counts(net, &opts, &error);
    g_assert_no_error(error);
    static const gint64 want[][7] = {{8, 1, 1, 4, 2, 1, 1},
                                     {2, 1, 1, 0, 0, 0, 0},
                                     {3, 0, 0, 1, 2, 1, 0},
                                     {2, 0, 0, 2, 0, 0, 1},
                                     {1, 0, 0, 1, 0, 0, 0}};
    static const char *const names[] = {"residents", "isolated",   "formal_only", "fragile",
                                        "connected", "vulnerable", "weak_network"};
    static const char *const areas[] = {NULL, "A", "B", "C", NULL};
    static const double mean[] = {(4.12 + 1.0 / 3.0) / 8, 1.0, 1.0 / 3.0, (1.0 / 3.0 + 0.6) / 2,
                                  0.52};
    g_assert_cmpuint(wn_table_row_count(t), ==, 5);
    for (gsize r = 0; r < 5; r++) {
        g_assert_cmpstr(wn_table_cell_string(t, r, wn_test_column(t, "scope")), ==,
                        r == 0 ? "all" : "area");
        g_assert_cmpstr(wn_table_cell_string(t, r, wn_test_column(t, "area")), ==, areas[r]);
        for (gsize c = 0; c < 7; c++) {
            g_assert_cmpint(wn_test_int_cell(t, r, names[c]), ==, want[r][c]);
        }
        g_assert_cmpfloat_with_epsilon(wn_test_double_cell(t, r, "mean_index"), mean[r], 1e-12);
    }
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/isolation/table/hand-worked-wijk", test_table_matches_hand_worked_wijk);
    g_test_add_func("/isolation/status/isolated", test_status_isolated_without_any_tie);
    g_test_add_func("/isolation/status/formal-only", test_status_formal_only_with_a_professional);
    g_test_add_func("/isolation/status/fragile-by-degree-or-weak-network",
                    test_status_fragile_by_degree_or_weak_network);
    g_test_add_func("/isolation/reach2/through-shared-group",
                    test_reach2_passes_through_a_shared_group);
    g_test_add_func("/isolation/reach2/skips-formal-ties", test_reach2_skips_formal_ties);
    g_test_add_func("/isolation/weak-share/low-degree-and-vulnerable",
                    test_weak_share_counts_low_degree_and_vulnerable);
    g_test_add_func("/isolation/team-distance/missing-without-path",
                    test_team_distance_missing_without_path);
    g_test_add_func("/isolation/index/custom-weights-and-caps",
                    test_index_follows_custom_weights_and_caps);
    g_test_add_func("/isolation/options/fragile-degree-settable",
                    test_fragile_degree_threshold_is_settable);
    g_test_add_func("/isolation/options/weights-must-sum-to-one", test_weights_must_sum_to_one);
    g_test_add_func("/isolation/options/caps-must-be-positive", test_caps_must_be_positive);
    g_test_add_func("/isolation/options/set-by-name", test_setting_by_name);
    g_test_add_func("/isolation/options/file-sets-what-it-names",
                    test_settings_file_sets_what_it_names);
    g_test_add_func("/isolation/options/file-of-the-readme-loads",
                    test_settings_file_of_the_readme_loads);
    for (gsize i = 0; i < G_N_ELEMENTS(bad_settings); i++) {
        g_autofree char *path =
            g_strdup_printf("/isolation/options/bad-file-is-refused/%" G_GSIZE_FORMAT, i);
        g_test_add_data_func(path, &bad_settings[i], test_bad_settings_file_is_refused);
    }
    g_test_add_func("/isolation/options/missing-file-is-a-file-error",
                    test_settings_file_missing_is_a_file_error);
    g_test_add_func("/isolation/ranking/at-risk-highest-first",
                    test_ranking_orders_residents_at_risk);
    g_test_add_func("/isolation/counts/per-status-and-area", test_counts_per_status_and_area);
    return g_test_run();
}
