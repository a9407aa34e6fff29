/* test-suggest.c: suggestions: candidates, scores, reasons, policies, capacity, evaluation */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>
#include <string.h>

/* One expected row of a suggestion table. */
typedef struct {
    const char *target;
    gint64 rank;
    const char *candidate;
    const char *type;
    double score;
    const char *reason;
} Row;

static void
assert_rows(const WnTable *t, const Row *want, gsize n)
{
    g_assert_cmpuint(wn_table_row_count(t), ==, n);
    for (gsize i = 0; i < n; i++) {
        g_assert_cmpstr(wn_table_cell_string(t, i, wn_test_column(t, "target")), ==,
                        want[i].target);
        g_assert_cmpint(wn_table_cell_int(t, i, wn_test_column(t, "rank")), ==, want[i].rank);
        g_assert_cmpstr(wn_table_cell_string(t, i, wn_test_column(t, "candidate")), ==,
                        want[i].candidate);
        g_assert_cmpstr(wn_table_cell_string(t, i, wn_test_column(t, "type")), ==, want[i].type);
        g_assert_cmpfloat_with_epsilon(wn_table_cell_double(t, i, wn_test_column(t, "score")),
                                       want[i].score, 1e-9);
        g_assert_cmpstr(wn_table_cell_string(t, i, wn_test_column(t, "reason")), ==,
                        want[i].reason);
    }
}

static WnTable *
suggest(const WnNetwork *net, const char *const *ids, const WnSuggestOptions *opts,
        WnSuggestSummary *summary)
{
    g_autoptr(GError) error = NULL;
    WnTable *t = wn_suggest_table(net, ids, opts, summary, &error);
    g_assert_no_error(error);
    g_assert_nonnull(t);
    return t;
}

/*
 * suggest-rules (areas in brackets; P professional, O organisation, G and H groups):
 *
 *        P[A]          O[A]
 *        |support
 *   t[A]-y[A]
 *     \  |             a[A] - H[A]
 *      \ |
 *        G[B] -- m[B]
 *        |
 *        x[B]  (x and t: conflict)
 *
 * Member ties t-G, y-G, m-G, x-G and a-H; t-y friend. Every resident has at most two
 * informal ties, so all are fragile. G has 4 ties, so a contact through G weighs
 * 1/ln 4 = 0.72135. For t the pool is m and x (through G), P (through y), and a and H
 * (area A); y is tied, x in conflict, P a professional: left are m, H and a.
 * Defaults (common 1, group 0.5, area 0.5, anchor 0.5 with cap 10), mixed:
 *   m: 1/ln 4 + 0.5 (G) + 0.5·1/10 (one informal tie) = 1.27135
 *   H: 0.5 (area A) + 0.5 (a group counts as fully connected) = 1
 *   a: 0.5 (area A) + 0.05 = 0.55
 * The shared group puts m above a, who only shares the area.
 */
static void
test_shared_group_beats_same_area(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-rules");
    const char *const ids[] = {"t", NULL};
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    WnSuggestSummary summary = {0};
    g_autoptr(WnTable) t = suggest(net, ids, &opts, &summary);
    const Row want[] = {
        {"t", 1, "m", "resident", 1.0 / log(4.0) + 0.55,
         "both in group G; no one known can introduce them"},
        {"t", 2, "H", "group", 1.0,
         "same area A; a group with 1 member; no one known can introduce them"},
        {"t", 3, "a", "resident", 0.55, "same area A; no one known can introduce them"},
    };
    assert_rows(t, want, G_N_ELEMENTS(want));
    g_assert_cmpuint(summary.targets, ==, 1);
    g_assert_cmpuint(summary.served, ==, 1);
    g_assert_cmpuint(summary.suggestions, ==, 3);
}

/* Asserts that no row of @t pairs @a with @b, in either direction. */
static void
assert_never_paired(const WnTable *t, const char *a, const char *b)
{
    for (gsize i = 0; i < wn_table_row_count(t); i++) {
        const char *target = wn_table_cell_string(t, i, wn_test_column(t, "target"));
        const char *candidate = wn_table_cell_string(t, i, wn_test_column(t, "candidate"));
        g_assert_false(g_strcmp0(target, a) == 0 && g_strcmp0(candidate, b) == 0);
        g_assert_false(g_strcmp0(target, b) == 0 && g_strcmp0(candidate, a) == 0);
    }
}

/* Every at-risk resident of suggest-rules is a target (t, y, m, x, a). Without limits no
 * row pairs t with y (tied) or x (conflict), nor anyone with P or O (formal), nor a
 * member with G (tied). */
static void
test_conflict_tie_and_formal_are_never_suggested(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-rules");
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    opts.capacity = 0;
    opts.per = 10;
    WnSuggestSummary summary = {0};
    g_autoptr(WnTable) t = suggest(net, NULL, &opts, &summary);
    g_assert_cmpuint(summary.targets, ==, 5);
    g_assert_cmpuint(summary.served, ==, 5);
    static const char *const residents[] = {"t", "y", "m", "x", "a"};
    assert_never_paired(t, "t", "y");
    assert_never_paired(t, "t", "x");
    for (gsize i = 0; i < G_N_ELEMENTS(residents); i++) {
        assert_never_paired(t, residents[i], "P");
        assert_never_paired(t, residents[i], "O");
        assert_never_paired(t, residents[i], residents[i]);
        assert_never_paired(t, residents[i], i < 4 ? "G" : "H");
    }
}

/*
 * The policies differ on suggest-rules for t: anchor keeps groups and connected residents
 * (here only H, score 0.5 + 0.5 = 1); buddy keeps residents at risk and no group, with no
 * anchor term: m = 1/ln 4 + 0.5, a = 0.5, each reason closed by the candidate's status.
 */
static void
test_buddy_and_anchor_differ(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-rules");
    const char *const ids[] = {"t", NULL};
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    opts.policy = WN_POLICY_ANCHOR;
    g_autoptr(WnTable) anchor = suggest(net, ids, &opts, NULL);
    const Row want_anchor[] = {
        {"t", 1, "H", "group", 1.0,
         "same area A; a group with 1 member; no one known can introduce them"},
    };
    assert_rows(anchor, want_anchor, G_N_ELEMENTS(want_anchor));
    opts.policy = WN_POLICY_BUDDY;
    g_autoptr(WnTable) buddy = suggest(net, ids, &opts, NULL);
    const Row want_buddy[] = {
        {"t", 1, "m", "resident", 1.0 / log(4.0) + 0.5,
         "both in group G; also at risk (fragile); no one known can introduce them"},
        {"t", 2, "a", "resident", 0.5,
         "same area A; also at risk (fragile); no one known can introduce them"},
    };
    assert_rows(buddy, want_buddy, G_N_ELEMENTS(want_buddy));
}

/*
 * suggest-capacity (areas in brackets; G1, G2 groups without area):
 *
 *   t1[X] - G1 - a[Y] - G2 - t2[Y]        b[X]
 *
 * a has 2 informal ties (anchor term 0.5·2/10 = 0.1), b none; each group 2 ties, so the
 * common contact weighs 1/ln 2.
 *   s(t1, a) = 1/ln 2 + 0.5 + 0.1          = 2.04270
 *   s(t1, b) = 0.5 (area X)                = 0.5
 *   s(t2, a) = 1/ln 2 + 0.5 + 0.5 + 0.1    = 2.54270 (also area Y); b is no candidate of t2.
 * With per 1 and capacity 1, greedy in node order gives t1 a and leaves t2 without anyone:
 * total 2.04270, one resident served. The optimum gives t1 b and t2 a: 3.04270, both served.
 */
static void
test_assignment_is_optimal_where_greedy_is_not(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-capacity");
    const char *const ids[] = {"t2", "t1", NULL}; /* listed in any order: node order rules */
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    opts.per = 1;
    opts.capacity = 1;
    WnSuggestSummary summary = {0};
    g_autoptr(WnTable) t = suggest(net, ids, &opts, &summary);
    const double s_t2_a = 1.0 / log(2.0) + 1.1;
    const Row want[] = {
        {"t1", 1, "b", "resident", 0.5, "same area X; no one known can introduce them"},
        {"t2", 1, "a", "resident", s_t2_a,
         "both in group G2; same area Y; no one known can introduce them"},
    };
    assert_rows(t, want, G_N_ELEMENTS(want));
    g_assert_cmpuint(summary.targets, ==, 2);
    g_assert_cmpuint(summary.served, ==, 2);
}

/*
 * suggest-capacity again. Without a capacity both get a, their best:
 *   t1: a, 1/ln 2 + 0.5 + 0.1 (the common contact is the group G1 itself, so only the group
 *       is named; a is at risk, so its anchor term has no words);
 *   t2: a, 1/ln 2 + 0.5 + 0.5 + 0.1 (group and area tie at 0.5: group first).
 * With capacity 1 and per 2, a goes to t2 (2.54 > 2.04) and t1 keeps b.
 */
static void
test_capacity_is_respected(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-capacity");
    const char *const ids[] = {"t1", "t2", NULL};
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    opts.per = 1;
    opts.capacity = 0;
    g_autoptr(WnTable) unlimited = suggest(net, ids, &opts, NULL);
    const Row want_unlimited[] = {
        {"t1", 1, "a", "resident", 1.0 / log(2.0) + 0.6,
         "both in group G1; no one known can introduce them"},
        {"t2", 1, "a", "resident", 1.0 / log(2.0) + 1.1,
         "both in group G2; same area Y; no one known can introduce them"},
    };
    assert_rows(unlimited, want_unlimited, G_N_ELEMENTS(want_unlimited));
    opts.per = 2;
    opts.capacity = 1;
    g_autoptr(WnTable) limited = suggest(net, ids, &opts, NULL);
    const Row want_limited[] = {
        {"t1", 1, "b", "resident", 0.5, "same area X; no one known can introduce them"},
        {"t2", 1, "a", "resident", 1.0 / log(2.0) + 1.1,
         "both in group G2; same area Y; no one known can introduce them"},
    };
    assert_rows(limited, want_limited, G_N_ELEMENTS(want_limited));
}

/*
 * suggest-features: no ties; all in area A but c3 (area B). t has no informal tie, so it
 * also looks beyond its area (within 1500 m): c3 is a candidate too.
 *   t  (52.0000, 5.0) 30-44 nl koken|wandelen      c2 (52.0, 5.0) 30-44 tr
 *   c1 (52.0036, 5.0) 45-64 nl wandelen|koken|lezen
 * On one meridian the haversine distance is R·Δφ: d1 = 6371008.8 · 0.0036 · π/180 ≈ 400.3 m.
 *   c2: area 0.5 + distance 8·30/(30 + 0) + age 0.25 (same band)           = 8.75
 *   c3: distance 8·30/(30 + 0) + 2 shared (koken, nl) · 0.25, no area    = 8.5
 *   c1: area 0.5 + distance 8·30/(30 + d1) + 3 shared · 0.25 + age 0.125 ≈ 1.93271
 * Labels (Tineke, Cor …) never appear.
 */
static void
test_distance_interests_and_age_are_explained(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-features");
    const char *const ids[] = {"t", NULL};
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    opts.explain = TRUE;
    g_autoptr(WnTable) t = suggest(net, ids, &opts, NULL);
    double d1 = 6371008.8 * 0.0036 * G_PI / 180.0;
    double near1 = 8.0 * 30.0 / (30.0 + d1);
    const Row want[] = {
        {"t", 1, "c2", "resident", 8.75,
         "0 m apart; same area A; same age band 30-44; no one known can introduce them"},
        {"t", 2, "c3", "resident", 8.5,
         "in area B, 0 m apart; both: koken, nl; no one known can introduce them"},
        {"t", 3, "c1", "resident", 0.5 + near1 + 0.75 + 0.125,
         "both: koken, nl, wandelen; 400 m apart; same area A; age bands 30-44 and 45-64; no one "
         "known can introduce them"},
    };
    assert_rows(t, want, G_N_ELEMENTS(want));
    static const char *const terms[] = {"common",    "group", "area",  "distance",
                                        "interests", "age",   "policy"};
    const double c1_terms[] = {0.0, 0.0, 0.5, near1, 0.75, 0.125, 0.0};
    for (gsize f = 0; f < G_N_ELEMENTS(terms); f++) {
        g_assert_cmpfloat_with_epsilon(wn_table_cell_double(t, 2, wn_test_column(t, terms[f])),
                                       c1_terms[f], 1e-9);
    }
    g_autofree char *csv = wn_table_to_csv(t);
    g_assert_null(strstr(csv, "Tineke"));
    g_assert_null(strstr(csv, "Cor,"));
}

static void
assert_refused(const WnNetwork *net, const char *const *ids, const WnSuggestOptions *opts,
               const char *message)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_suggest_table(net, ids, opts, NULL, &error);
    g_assert_null(t);
    /* an id the dataset lacks is a bad option (exit 64); the rest bad requests */
    gint code = g_str_has_prefix(message, "unknown node id") ? WN_ERROR_OPTION : WN_ERROR_INVALID;
    g_assert_error(error, WN_ERROR, code);
    g_assert_cmpstr(error->message, ==, message);
}

static void
test_unknown_or_formal_target_is_refused(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-rules");
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    const char *const unknown[] = {"t", "nosuch", NULL};
    const char *const group[] = {"G", NULL};
    const char *const organisation[] = {"O", NULL};
    assert_refused(net, unknown, &opts, "unknown node id \"nosuch\"");
    assert_refused(net, group, &opts, "\"G\" is a group, not a resident");
    assert_refused(net, organisation, &opts, "\"O\" is an organisation, not a resident");
    const char *const ids[] = {"t", NULL};
    opts.weight_near = -1.0;
    assert_refused(net, ids, &opts,
                   "suggestion weights must be finite and not negative, got weight-near -1");
    opts.weight_near = 8.0;
    opts.per = 0;
    assert_refused(net, ids, &opts, "suggestions need a known policy and at least one per target");
}

/*
 * suggest-evaluate: two copies of one shape, no areas, no positions:
 *   r1 - r2   r3 - r4     (friends; each pair also shares a group: K1, K2)
 *    \  /      \  /
 *     K1        K2
 * E = 2 resident–resident ties; hide 0.5 hides one (either: the copies are alike). Its two
 * ends are the targets. For r1 (say), the suggester and common neighbours both rank r2
 * first (one common contact, K1); r3 and r4 have no reason, so the suggester's list is
 * [r2]: hits 1 at every k, precision 1, 1/5, 1/10 and recall 1. The random baseline
 * draws from r2, r3, r4 (everyone without an area), so it holds r2 within 5 and 10.
 */
static void
test_evaluation_finds_hidden_tie(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-evaluate");
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    WnEvaluateOptions eval = {0.5, 7, 0.0};
    WnEvaluateSummary summary = {0};
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_suggest_evaluate(net, &opts, &eval, &summary, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(summary.eligible, ==, 2);
    g_assert_cmpuint(summary.hidden, ==, 1);
    g_assert_cmpuint(summary.targets, ==, 2);
    static const char *const methods[] = {"mixed", "common-neighbours", "random-area"};
    static const double precision[] = {1.0, 0.2, 0.1};
    g_assert_cmpuint(wn_table_row_count(t), ==, 9);
    for (gsize row = 0; row < 9; row++) {
        double p = wn_table_cell_double(t, row, wn_test_column(t, "precision"));
        double r = wn_table_cell_double(t, row, wn_test_column(t, "recall"));
        g_assert_cmpstr(wn_table_cell_string(t, row, wn_test_column(t, "method")), ==,
                        methods[row / 3]);
        g_assert_cmpint(wn_table_cell_int(t, row, wn_test_column(t, "k")), ==,
                        row % 3 == 0   ? 1
                        : row % 3 == 1 ? 5
                                       : 10);
        if (row == 6) {
            g_assert_true(p == r && (p == 0.0 || p == 0.5 || p == 1.0)); /* a draw of 3 */
            continue;
        }
        g_assert_cmpfloat_with_epsilon(p, precision[row % 3], 1e-12);
        g_assert_cmpfloat_with_epsilon(r, 1.0, 1e-12);
    }
}

static void
test_evaluation_refuses_bad_share(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "suggest-evaluate");
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    WnEvaluateOptions eval = {1.0, 1, 0.0};
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_suggest_evaluate(net, &opts, &eval, NULL, &error);
    g_assert_null(t);
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==,
                    "the share of ties to hide must lie between 0 and 1, got 1");
}

/* Asserts the candidates of @t's rows, best first. */
static void
assert_candidates(const WnTable *t, const char *const *want, gsize n)
{
    g_assert_cmpuint(wn_table_row_count(t), ==, n);
    for (gsize i = 0; i < n; i++) {
        g_assert_cmpstr(wn_table_cell_string(t, i, wn_test_column(t, "candidate")), ==, want[i]);
    }
}

/*
 * More candidates than a ranking keeps (K = max(4·per, 20) = 20 with per 4), all in area A,
 * no ties to t (30-44, interests koken|wandelen|schaken|muziek) at 52.0 N 5.0 E:
 *   n01 … n24 due north, i · 0.0002° (22.24 m) apart, 80+, nothing shared:
 *             0.5 + 8·30/(30 + 22.24·i): n01 5.09, n02 3.72, n03 2.98, n04 2.52, … n20 1.00;
 *   f         0.0054° north (600.5 m), 30-44, the same four interests, ten informal ties:
 *             0.5 + 240/630.5 + 4·0.25 + 0.25 + 0.5 = 2.63, between n03 and n04;
 *   w1 … w10  f's contacts, 11 km south, 80+: 0.5 + 0.02 + 0.05 = 0.57.
 * Swept outwards by latitude, f comes after every n; by then the 20 best so far end at
 * n20 (1.00), and the distance alone (0.5 + 0.38) would rule f out: the bound must count
 * f's interests, age and standing to keep it.
 */
static void
test_far_candidate_with_more_in_common_survives_the_bound(void)
{
    g_autoptr(GString) nodes = g_string_new("id,type,area,lat,lon,age_band,interests\n"
                                            "t,resident,A,52.0,5.0,30-44,koken|wandelen|"
                                            "schaken|muziek\n"
                                            "f,resident,A,52.0054,5.0,30-44,muziek|schaken|"
                                            "wandelen|koken\n");
    g_autoptr(GString) ties = g_string_new("source,target,type\n");
    for (int i = 1; i <= 24; i++) {
        g_string_append_printf(nodes, "n%02d,resident,A,%.4f,5.0,80+,\n", i, 52.0 + 0.0002 * i);
    }
    for (int i = 1; i <= 10; i++) {
        g_string_append_printf(nodes, "w%d,resident,A,51.9,5.0,80+,\n", i);
        g_string_append_printf(ties, "f,w%d,friend\n", i);
    }
    g_autoptr(WnNetwork) net = wn_test_load_text(nodes->str, ties->str);
    const char *const ids[] = {"t", NULL};
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    opts.per = 4;
    opts.capacity = 0;
    g_autoptr(WnTable) t = suggest(net, ids, &opts, NULL);
    const char *const want[] = {"n01", "n02", "n03", "f"};
    assert_candidates(t, want, G_N_ELEMENTS(want));
}

/*
 * Area B without positions but for b1 (all residents, no ties): s 30-44 (no position),
 * b1 30-44, b2 45-64 and b3 (no age band) without positions. No distance term applies:
 * for s, b1 0.5 + 0.25 = 0.75, b2 0.5 + 0.125 = 0.625, b3 0.5; for b1 (placed), s 0.75,
 * b2 0.625, b3 0.5. Nodes without a position are candidates like any other.
 */
static void
test_candidates_without_a_position_are_ranked(void)
{
    g_autoptr(WnNetwork) net =
        wn_test_load_text("id,type,area,lat,lon,age_band\ns,resident,B,,,30-44\n"
                          "b1,resident,B,52.0,5.0,30-44\nb2,resident,B,,,45-64\nb3,resident,B,,,\n",
                          "source,target,type\n");
    const char *const ids[] = {"s", "b1", NULL};
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    opts.capacity = 0;
    g_autoptr(WnTable) t = suggest(net, ids, &opts, NULL);
    const char *const want[] = {"b1", "b2", "b3", "s", "b2", "b3"};
    assert_candidates(t, want, G_N_ELEMENTS(want));
    g_assert_cmpstr(wn_table_cell_string(t, 0, wn_test_column(t, "target")), ==, "s");
    g_assert_cmpfloat_with_epsilon(wn_table_cell_double(t, 0, wn_test_column(t, "score")), 0.75,
                                   1e-9);
    g_assert_cmpfloat_with_epsilon(wn_table_cell_double(t, 4, wn_test_column(t, "score")), 0.625,
                                   1e-9);
}

static void
test_policy_names_round_trip(void)
{
    static const WnPolicy all[] = {WN_POLICY_MIXED, WN_POLICY_ANCHOR, WN_POLICY_BUDDY};
    for (gsize i = 0; i < G_N_ELEMENTS(all); i++) {
        WnPolicy back = WN_POLICY_MIXED;
        g_assert_true(wn_suggest_policy_lookup(wn_suggest_policy_name(all[i]), &back));
        g_assert_cmpint(back, ==, all[i]);
    }
    WnPolicy unused = WN_POLICY_MIXED;
    g_assert_false(wn_suggest_policy_lookup("greedy", &unused));
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/suggest/shared-group-beats-same-area", test_shared_group_beats_same_area);
    g_test_add_func("/suggest/conflict-tie-and-formal-are-never-suggested",
                    test_conflict_tie_and_formal_are_never_suggested);
    g_test_add_func("/suggest/buddy-and-anchor-differ", test_buddy_and_anchor_differ);
    g_test_add_func("/suggest/assignment-is-optimal-where-greedy-is-not",
                    test_assignment_is_optimal_where_greedy_is_not);
    g_test_add_func("/suggest/capacity-is-respected", test_capacity_is_respected);
    g_test_add_func("/suggest/distance-interests-and-age-are-explained",
                    test_distance_interests_and_age_are_explained);
    g_test_add_func("/suggest/unknown-or-formal-target-is-refused",
                    test_unknown_or_formal_target_is_refused);
    g_test_add_func("/suggest/evaluation-finds-hidden-tie", test_evaluation_finds_hidden_tie);
    g_test_add_func("/suggest/evaluation-refuses-bad-share", test_evaluation_refuses_bad_share);
    g_test_add_func("/suggest/policy-names-round-trip", test_policy_names_round_trip);
    g_test_add_func("/suggest/bound/far-candidate-with-more-in-common-survives",
                    test_far_candidate_with_more_in_common_survives_the_bound);
    g_test_add_func("/suggest/bound/candidates-without-a-position-are-ranked",
                    test_candidates_without_a_position_are_ranked);
    return g_test_run();
}
