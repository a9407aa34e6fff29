/* test-bounded-suggest.c: suggestions take memory and time bounded by the candidates
 * that exist, whatever is asked for */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

static WnTable *
suggest(const WnNetwork *net, guint per, guint capacity)
{
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    opts.per = per;
    opts.capacity = capacity;
    g_autoptr(GError) error = NULL;
    WnTable *t = wn_suggest_table(net, NULL, &opts, NULL, &error);
    g_assert_no_error(error);
    return t;
}

static void
assert_same_rows(const WnTable *a, const WnTable *b)
{
    g_autofree char *x = wn_table_to_csv(a);
    g_autofree char *y = wn_table_to_csv(b);
    g_assert_cmpstr(x, ==, y);
}

/* Asking for 2³²−1 suggestions per target (it asked for 512 GiB and aborted) gives
 * every candidate, exactly as asking for as many as there are nodes. */
static void
test_huge_per_gives_every_candidate(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("../datasets", "karate");
    gsize n = wn_network_node_count(net);
    g_autoptr(WnTable) huge = suggest(net, G_MAXUINT, 0);
    g_autoptr(WnTable) all = suggest(net, (guint) n, 0);
    g_assert_cmpuint(wn_table_row_count(all), >, 100);
    assert_same_rows(huge, all);
    g_autoptr(WnTable) huge_capped = suggest(net, G_MAXUINT, 3);
    g_autoptr(WnTable) all_capped = suggest(net, (guint) n, 3);
    assert_same_rows(huge_capped, all_capped);
}

/* Residents in two areas and none, about half without a position, with interests,
 * languages and age bands; 1,500 random ties, groups of ten, and with @hub a resident tied
 * to 400 others. */
static WnNetwork *
mixed_network(guint32 seed, gboolean hub)
{
    const int n = 1200;
    const char *bands[] = {"18-29", "30-44", "45-64", "65-79", ""};
    const char *interests[] = {"koken", "voetbal", "lezen", "koor", "tuin", "schaak"};
    GRand *rand = g_rand_new_with_seed(seed);
    g_autoptr(GString) nodes = g_string_new("id,type,area,lat,lon,age_band,interests,language\n");
    g_autoptr(GString) ties = g_string_new("source,target,type\n");
    for (int v = 0; v < n; v++) {
        int area = g_rand_int_range(rand, 0, 3);
        gboolean placed = g_rand_boolean(rand);
        g_string_append_printf(nodes, "n%d,%s,%s,", v, v % 100 == 0 ? "group" : "resident",
                               area == 2 ? ""
                               : area    ? "BU02"
                                         : "BU01");
        if (placed) {
            g_string_append_printf(nodes, "52.%04d,5.%04d,", g_rand_int_range(rand, 0, 100),
                                   g_rand_int_range(rand, 0, 100));
        } else {
            g_string_append(nodes, ",,");
        }
        g_string_append_printf(nodes, "%s,%s|%s,%s\n", bands[g_rand_int_range(rand, 0, 5)],
                               interests[g_rand_int_range(rand, 0, 6)],
                               interests[g_rand_int_range(rand, 0, 6)],
                               g_rand_boolean(rand) ? "nl" : "tr");
    }
    for (int i = 0; i < 1500; i++) {
        int a = g_rand_int_range(rand, 0, n), b = g_rand_int_range(rand, 0, n);
        if (a != b) {
            g_string_append_printf(ties, "n%d,n%d,%s\n", a, b,
                                   a % 100 == 0 || b % 100 == 0 ? "member" : "friend");
        }
    }
    for (int i = 1; hub && i <= 400; i++) {
        g_string_append_printf(ties, "n1,n%d,friend\n", (i * 7) % n == 1 ? 2 : (i * 7) % n);
    }
    g_rand_free(rand);
    return wn_test_load_text(nodes->str, ties->str);
}

/* The first @per rows of each target in @all. */
static char *
first_rows(const WnTable *all, guint per)
{
    g_autoptr(GString) out = g_string_new(NULL);
    for (gsize r = 0; r < wn_table_row_count(all); r++) {
        if (wn_test_int_cell(all, r, "rank") <= (gint64) per) {
            for (gsize c = 0; c < wn_table_column_count(all); c++) {
                g_autofree char *cell = wn_table_cell_to_string(all, r, c);
                g_string_append_printf(out, "%s,", cell);
            }
            g_string_append_c(out, '\n');
        }
    }
    return g_string_free(g_steal_pointer(&out), FALSE);
}

/* Candidates without a position, and those through a target's one hub, are offered by
 * class until a class cannot beat the k-th best: the best three of every target are those
 * of a ranking of every candidate (per = n, where nothing is left out), under each policy. */
static void
test_classes_keep_the_best(void)
{
    for (guint32 seed = 1; seed <= 4; seed++) {
        g_autoptr(WnNetwork) net = mixed_network(seed, seed % 2 == 0);
        for (int policy = WN_POLICY_MIXED; policy <= WN_POLICY_BUDDY; policy++) {
            WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
            opts.policy = (WnPolicy) policy;
            opts.capacity = 0;
            g_autoptr(GError) error = NULL;
            g_autoptr(WnTable) few = wn_suggest_table(net, NULL, &opts, NULL, &error);
            opts.per = (guint) wn_network_node_count(net);
            g_autoptr(WnTable) all = wn_suggest_table(net, NULL, &opts, NULL, &error);
            g_assert_no_error(error);
            g_assert_cmpuint(wn_table_row_count(few), >, 100);
            g_autofree char *want = first_rows(all, 3);
            g_autofree char *got = first_rows(few, 3);
            g_assert_cmpstr(got, ==, want);
        }
    }
}

/* BU01 and BU02 of mixed_network, side by side in an areas.geojson. */
static WnAreaTouching *
two_touching_areas(void)
{
    static const char text[] =
        "{\"type\": \"FeatureCollection\", \"features\": ["
        "{\"type\": \"Feature\", \"properties\": {\"code\": \"BU01\"}, \"geometry\": "
        "{\"type\": \"Polygon\", \"coordinates\": [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52]]]}}, "
        "{\"type\": \"Feature\", \"properties\": {\"code\": \"BU02\"}, \"geometry\": "
        "{\"type\": \"Polygon\", \"coordinates\": [[[5.1, 52], [5.2, 52], [5.1, 52.1], [5.1, "
        "52]]]}}]}";
    g_autofree char *path = wn_test_write_temp(text, ".geojson");
    g_autoptr(GError) error = NULL;
    g_autoptr(WnAreaShapes) shapes = wn_area_shapes_load(path, &error);
    g_assert_no_error(error);
    wn_test_remove_tree(path);
    return wn_area_touching_new(shapes);
}

/* With the touching areas (and no area term, so that they compete with the own area), the
 * candidates of the touching area are offered by class too: still the best three of every
 * candidate, and some of them come from the neighbouring area. */
static void
test_touching_areas_keep_the_best(void)
{
    g_autoptr(WnAreaTouching) touching = two_touching_areas();
    for (guint32 seed = 1; seed <= 2; seed++) {
        g_autoptr(WnNetwork) net = mixed_network(seed, FALSE);
        for (int policy = WN_POLICY_MIXED; policy <= WN_POLICY_BUDDY; policy++) {
            WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
            opts.policy = (WnPolicy) policy;
            opts.capacity = 0;
            opts.weight_area = 0.0;
            opts.touching = touching;
            g_autoptr(GError) error = NULL;
            g_autoptr(WnTable) few = wn_suggest_table(net, NULL, &opts, NULL, &error);
            opts.per = (guint) wn_network_node_count(net);
            g_autoptr(WnTable) all = wn_suggest_table(net, NULL, &opts, NULL, &error);
            g_assert_no_error(error);
            g_autofree char *want = first_rows(all, 3);
            g_autofree char *got = first_rows(few, 3);
            g_assert_nonnull(strstr(got, "in the neighbouring area BU0"));
            g_assert_cmpstr(got, ==, want);
        }
    }
}

/* 30,000 residents without ties, positions or areas: every one is isolated and a target,
 * and every other is a candidate of the same age band (before: 9·10^8 pairs scored).
 * Without a capacity each target's best are the first of its band; with the default
 * capacity of 3 all rank the same few, and the assignment still ends at once (its searches
 * walked every target's arc into a candidate ranked by all). */
static void
test_many_residents_without_ties_or_positions(void)
{
    const char *bands[] = {"18-29", "30-44", "45-64", "65-79"};
    g_autoptr(GString) nodes = g_string_new("id,type,age_band\n");
    for (int v = 0; v < 30000; v++) {
        g_string_append_printf(nodes, "r%d,resident,%s\n", v, bands[v % 4]);
    }
    g_autoptr(WnNetwork) net = wn_test_load_text(nodes->str, "source,target,type\n");
    WnSuggestSummary summary = {0};
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    opts.capacity = 0;
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) t = wn_suggest_table(net, NULL, &opts, &summary, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(wn_table_cell_string(t, 0, 2), ==, "r4"); /* r0's first: same band */
    g_assert_cmpuint(summary.targets, ==, 30000);
    g_assert_cmpuint(summary.served, ==, 30000);
    g_assert_cmpuint(wn_table_row_count(t), ==, 3 * 30000);
    opts.capacity = 3;
    g_autoptr(WnTable) capped = wn_suggest_table(net, NULL, &opts, &summary, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wn_table_row_count(capped), ==, summary.suggestions);
    g_assert_cmpuint(summary.suggestions, <=, 3 * 30000);
    g_assert_cmpuint(summary.suggestions, >, 0);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    wn_init();
    g_test_add_func("/bounded/suggest/per-of-2^32-1-gives-every-candidate",
                    test_huge_per_gives_every_candidate);
    g_test_add_func("/bounded/suggest/classes-keep-the-best-of-every-candidate",
                    test_classes_keep_the_best);
    g_test_add_func("/bounded/suggest/30000-residents-without-ties-or-positions",
                    test_many_residents_without_ties_or_positions);
    g_test_add_func("/bounded/suggest/touching-areas-keep-the-best",
                    test_touching_areas_keep_the_best);
    return g_test_run();
}
