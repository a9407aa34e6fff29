/* test-communities.c: community detection, modularity of a partition, participation */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>
#include <string.h>

/*
 * communities-two-triangles (weights 1 unless marked; g is a group without ties):
 *
 *   a           e
 *   | \       / |        g
 *   |  c -3- d  |
 *   | /       \ |
 *   b           f
 *
 *   area: a b c North, d e f South, g none.   club: a b g red, c d e f blue.
 *   Unweighted m = 7; weighted total W = 9 (strengths a b e f 2, c d 5, g 0).
 */

static WnCommunities *
detect(const WnNetwork *net, WnCommunityMethod method, guint64 seed, gboolean weighted)
{
    g_autoptr(GError) error = NULL;
    WnCommunityOptions opts = WN_COMMUNITY_OPTIONS_INIT;
    opts.method = method;
    opts.seed = seed;
    opts.weighted = weighted;
    WnCommunities *comms = wn_communities_detect(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_nonnull(comms);
    return comms;
}

static WnCommunities *
by_column(const WnNetwork *net, const char *column, gboolean weighted)
{
    g_autoptr(GError) error = NULL;
    WnCommunityOptions opts = WN_COMMUNITY_OPTIONS_INIT;
    opts.weighted = weighted;
    WnCommunities *comms = wn_communities_from_column(net, column, &opts, &error);
    g_assert_no_error(error);
    g_assert_nonnull(comms);
    return comms;
}

static void
assert_membership(const WnCommunities *comms, const gsize *want, gsize n)
{
    for (gsize v = 0; v < n; v++) {
        g_assert_cmpuint(wn_communities_membership(comms, v), ==, want[v]);
    }
}

static void
assert_participation(const WnNetwork *net, const WnCommunities *comms, const double *want)
{
    g_autoptr(GArray) got = wn_communities_participation(net, comms);
    g_autoptr(GArray) expected = g_array_new(FALSE, FALSE, sizeof(double));
    g_array_append_vals(expected, want, got->len);
    wn_test_assert_scores("participation", got, expected);
}

/*
 * Unweighted, the two triangles are the best split, and g is alone:
 * Q = Σ_c [l_c/m − (d_c/2m)²] = 2·(3/7 − (7/14)²) = 6/7 − 1/2 = 5/14.
 * Weighted, both methods are greedy and the heavy tie decides first: c gains
 * 3/9 − 5·5/(2·9²) by joining d but only 1/9 − 5·2/(2·9²) by joining a, and a, b, e, f
 * pair up likewise; merging {a,b} into {c,d} would then lose 2/9 − 4·10/(2·9²) < 0.
 * So they stop at {a,b} {c,d} {e,f} {g}: Q = 5/9 − (4² + 10² + 4²)/18² = 4/27, short
 * of the triangles' 2·(3/9 − (9/18)²) = 1/6 (a local optimum, reported as it is).
 */
static void
test_detect_splits_two_triangles(gconstpointer data)
{
    WnCommunityMethod method = (WnCommunityMethod) GPOINTER_TO_INT(data);
    g_autoptr(WnNetwork) net = wn_test_load("data", "communities-two-triangles");
    static const gsize want[] = {0, 0, 0, 1, 1, 1, 2};
    g_autoptr(WnCommunities) plain = detect(net, method, 1, FALSE);
    g_assert_cmpuint(wn_communities_count(plain), ==, 3);
    assert_membership(plain, want, G_N_ELEMENTS(want));
    g_assert_cmpfloat_with_epsilon(wn_communities_modularity(plain), 5.0 / 14.0, 1e-12);
    g_assert_null(wn_communities_column(plain));
    g_assert_null(wn_communities_value(plain, 0));

    g_autoptr(WnCommunities) weighted = detect(net, method, 1, TRUE);
    static const gsize want_weighted[] = {0, 0, 1, 1, 2, 2, 3};
    assert_membership(weighted, want_weighted, G_N_ELEMENTS(want_weighted));
    g_assert_cmpfloat_with_epsilon(wn_communities_modularity(weighted), 4.0 / 27.0, 1e-12);
}

/* Q_γ = Σ_c [w_c/W − γ·(s_c/2W)²]. At γ = 1/2, weighted, one community of a..f keeps all
 * 9 of the weight and pays 1/2·1² = 1/2: Q = 1/2, more than the triangles'
 * 2·(3/9 − 1/2·(9/18)²) = 5/12, so both methods merge everything (g stays alone). */
static void
test_low_resolution_merges_everything(gconstpointer data)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "communities-two-triangles");
    g_autoptr(GError) error = NULL;
    WnCommunityOptions opts = WN_COMMUNITY_OPTIONS_INIT;
    opts.method = (WnCommunityMethod) GPOINTER_TO_INT(data);
    opts.weighted = TRUE;
    opts.resolution = 0.5;
    g_autoptr(WnCommunities) comms = wn_communities_detect(net, &opts, &error);
    g_assert_no_error(error);
    static const gsize want[] = {0, 0, 0, 0, 0, 0, 1};
    assert_membership(comms, want, G_N_ELEMENTS(want));
    g_assert_cmpfloat_with_epsilon(wn_communities_modularity(comms), 0.5, 1e-12);
}

/* By area at γ = 2: 2·(3/7 − 2·(7/14)²) = 6/7 − 1 = −1/7. */
static void
test_partition_modularity_uses_resolution(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "communities-two-triangles");
    g_autoptr(GError) error = NULL;
    WnCommunityOptions opts = WN_COMMUNITY_OPTIONS_INIT;
    opts.resolution = 2;
    g_autoptr(WnCommunities) comms = wn_communities_from_column(net, "area", &opts, &error);
    g_assert_no_error(error);
    g_assert_cmpfloat_with_epsilon(wn_communities_modularity(comms), -1.0 / 7.0, 1e-12);
}

/* c has ties to a and b (its own triangle) and d: 1 − ((2/3)² + (1/3)²) = 4/9; weighted
 * 1 − ((2/5)² + (3/5)²) = 12/25. Nodes inside a triangle score 0, and so does isolated g. */
static void
test_participation_counts_ties_across_communities(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "communities-two-triangles");
    g_autoptr(WnCommunities) plain = by_column(net, "area", FALSE);
    assert_participation(net, plain, (const double[]){0, 0, 4.0 / 9, 4.0 / 9, 0, 0, 0});
    g_autoptr(WnCommunities) weighted = by_column(net, "area", TRUE);
    assert_participation(net, weighted, (const double[]){0, 0, 12.0 / 25, 12.0 / 25, 0, 0, 0});
}

/* By club, a has one red (b) and one blue (c) contact: 1 − (1/2)² − (1/2)² = 1/2. */
static void
test_participation_by_club(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "communities-two-triangles");
    g_autoptr(WnCommunities) comms = by_column(net, "club", FALSE);
    assert_participation(net, comms, (const double[]){0.5, 0.5, 4.0 / 9, 0, 0, 0, 0});
}

static void
test_participation_isolate_scores_zero(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "no-ties");
    g_autoptr(WnCommunities) comms = detect(net, WN_COMMUNITY_LEIDEN, 1, FALSE);
    assert_participation(net, comms, (const double[]){0, 0, 0});
}

/* area: North {a,b,c} = 0, South {d,e,f} = 1, and g, without an area, alone = 2:
 * the modularity of the two triangles, 5/14 (weighted 1/6), as detected above. */
static void
test_partition_by_area_groups_missing_values_together(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "communities-two-triangles");
    g_autoptr(WnCommunities) comms = by_column(net, "Area", FALSE);
    static const gsize want[] = {0, 0, 0, 1, 1, 1, 2};
    assert_membership(comms, want, G_N_ELEMENTS(want));
    g_assert_cmpuint(wn_communities_count(comms), ==, 3);
    g_assert_cmpstr(wn_communities_column(comms), ==, "Area");
    g_assert_cmpstr(wn_communities_value(comms, 0), ==, "North");
    g_assert_cmpstr(wn_communities_value(comms, 1), ==, "South");
    g_assert_null(wn_communities_value(comms, 2));
    g_assert_cmpfloat_with_epsilon(wn_communities_modularity(comms), 5.0 / 14.0, 1e-12);
    g_autoptr(WnCommunities) weighted = by_column(net, "area", TRUE);
    g_assert_cmpfloat_with_epsilon(wn_communities_modularity(weighted), 1.0 / 6.0, 1e-12);
}

/*
 * club: red {a,b,g} = 0, blue {c,d,e,f} = 1. Unweighted: red holds tie a-b and degrees
 * 2+2+0 = 4, blue holds 4 ties and degrees 3+3+2+2 = 10:
 * Q = (1/7 − (4/14)²) + (4/7 − (10/14)²) = 5/7 − 116/196 = 6/49.
 * Weighted: red 1 of 9 with strength 4, blue 6 of 9 with strength 14:
 * Q = 7/9 − (16 + 196)/324 = 10/81.
 */
static void
test_partition_by_extra_column(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "communities-two-triangles");
    g_autoptr(WnCommunities) comms = by_column(net, "club", FALSE);
    static const gsize want[] = {0, 0, 1, 1, 1, 1, 0};
    assert_membership(comms, want, G_N_ELEMENTS(want));
    g_assert_cmpstr(wn_communities_value(comms, 0), ==, "red");
    g_assert_cmpfloat_with_epsilon(wn_communities_modularity(comms), 6.0 / 49.0, 1e-12);
    g_autoptr(WnCommunities) weighted = by_column(net, "club", TRUE);
    g_assert_cmpfloat_with_epsilon(wn_communities_modularity(weighted), 10.0 / 81.0, 1e-12);
}

/* type: six residents hold all 7 ties and all degree, g (a group) none: 7/7 − 1² = 0. */
static void
test_partition_into_one_community_has_zero_modularity(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "communities-two-triangles");
    g_autoptr(WnCommunities) comms = by_column(net, "type", FALSE);
    g_assert_cmpuint(wn_communities_count(comms), ==, 2);
    g_assert_cmpstr(wn_communities_value(comms, 1), ==, "group");
    g_assert_cmpfloat_with_epsilon(wn_communities_modularity(comms), 0.0, 1e-12);
}

static void
test_partition_refuses_unknown_column(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "communities-two-triangles");
    g_autoptr(GError) error = NULL;
    WnCommunityOptions opts = WN_COMMUNITY_OPTIONS_INIT;
    g_autoptr(WnCommunities) comms = wn_communities_from_column(net, "colour", &opts, &error);
    g_assert_null(comms);
    g_assert_error(error, WN_ERROR, WN_ERROR_OPTION);
    g_assert_cmpstr(error->message, ==,
                    "no node column \"colour\" to partition by (use type, area or a column of "
                    "nodes.csv)");
}

static void
test_detect_refuses_non_positive_resolution(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "communities-two-triangles");
    g_autoptr(GError) error = NULL;
    WnCommunityOptions opts = WN_COMMUNITY_OPTIONS_INIT;
    opts.resolution = 0;
    g_autoptr(WnCommunities) comms = wn_communities_detect(net, &opts, &error);
    g_assert_null(comms);
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==, "the resolution must be a positive number, got 0");
}

/* Without ties there is nothing to optimise: every node alone, modularity undefined. */
static void
test_detect_without_ties_gives_singletons(gconstpointer data)
{
    WnCommunityMethod method = (WnCommunityMethod) GPOINTER_TO_INT(data);
    g_autoptr(WnNetwork) net = wn_test_load("data", "no-ties");
    g_autoptr(WnCommunities) comms = detect(net, method, 1, FALSE);
    static const gsize want[] = {0, 1, 2};
    assert_membership(comms, want, G_N_ELEMENTS(want));
    g_assert_cmpuint(wn_communities_count(comms), ==, 3);
    g_assert_true(isnan(wn_communities_modularity(comms)));
}

/* The known optimum for the karate club is Q ≈ 0.4198 (Brandes et al. 2008). */
static void
test_karate_modularity_is_near_optimal(gconstpointer data)
{
    WnCommunityMethod method = (WnCommunityMethod) GPOINTER_TO_INT(data);
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    g_autoptr(WnCommunities) comms = detect(net, method, 42, FALSE);
    g_assert_cmpfloat(wn_communities_modularity(comms), >=, 0.40);
    g_assert_cmpfloat(wn_communities_modularity(comms), <=, 0.4198 + 1e-4);
    g_assert_cmpuint(wn_communities_count(comms), >=, 3);
}

/* Communities are numbered by their first node: node 0 is in community 0, and each node
 * is in a community seen before or in the next new one. */
static void
test_karate_same_seed_same_partition(gconstpointer data)
{
    WnCommunityMethod method = (WnCommunityMethod) GPOINTER_TO_INT(data);
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    gsize n = wn_network_node_count(net);
    for (guint64 seed = 1; seed <= 5; seed++) {
        g_autoptr(WnCommunities) first = detect(net, method, seed, FALSE);
        g_autoptr(WnCommunities) again = detect(net, method, seed, FALSE);
        gsize next = 0;
        for (gsize v = 0; v < n; v++) {
            gsize c = wn_communities_membership(first, v);
            g_assert_cmpuint(c, ==, wn_communities_membership(again, v));
            g_assert_cmpuint(c, <=, next);
            next = MAX(next, c + 1);
        }
        g_assert_cmpuint(next, ==, wn_communities_count(first));
        g_assert_cmpfloat(wn_communities_modularity(first), ==, wn_communities_modularity(again));
    }
}

/* tests/oracle/karate/expected/modularity.csv: networkx modularity of the club split. */
static void
test_karate_club_modularity_matches_oracle(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("oracle", "karate");
    g_autoptr(GArray) want =
        wn_test_read_column("oracle/karate/expected/modularity.csv", "modularity");
    g_assert_cmpuint(want->len, ==, 2); /* rows: weighted false, true */
    for (guint row = 0; row < want->len; row++) {
        g_autoptr(WnCommunities) comms = by_column(net, "club", row == 1);
        g_autoptr(GArray) got = g_array_new(FALSE, FALSE, sizeof(double));
        double q = wn_communities_modularity(comms);
        g_array_append_val(got, q);
        g_autoptr(GArray) expected = g_array_new(FALSE, FALSE, sizeof(double));
        g_array_append_val(expected, g_array_index(want, double, row));
        wn_test_assert_scores("modularity by club", got, expected);
        g_assert_cmpuint(wn_communities_count(comms), ==, 2);
    }
}

/* The table has id, the partition column, community and participation, in node order. */
static void
test_table_columns_for_a_partition(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "communities-two-triangles");
    g_autoptr(WnCommunities) comms = by_column(net, "club", FALSE);
    g_autoptr(WnTable) table = wn_communities_table(net, comms);
    g_assert_cmpuint(wn_table_column_count(table), ==, 4);
    g_assert_cmpstr(wn_table_column_name(table, 1), ==, "club");
    g_autofree char *csv = wn_table_to_csv(table);
    g_assert_cmpstr(csv, ==,
                    "id,club,community,participation\n"
                    "a,red,0,0.5\n"
                    "b,red,0,0.5\n"
                    "c,blue,1,0.444444444444444\n"
                    "d,blue,1,0\n"
                    "e,blue,1,0\n"
                    "f,blue,1,0\n"
                    "g,red,0,0\n");
}

/* The object states how the partition was made; modularity 5/14; no seed for a
 * partition by column; g has no area (null). */
static void
test_json_states_method_and_modularity(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "communities-two-triangles");
    g_autoptr(WnCommunities) comms = by_column(net, "area", FALSE);
    g_autofree char *json = wn_communities_to_json(net, comms);
    g_assert_true(g_str_has_prefix(json, "{\n\t\"method\":\t\"partition\",\n"
                                         "\t\"partition\":\t\"area\",\n"
                                         "\t\"seed\":\tnull,\n"
                                         "\t\"weighted\":\tfalse,\n"
                                         "\t\"resolution\":\t1,\n"
                                         "\t\"modularity\":\t0.357142857142857"));
    const char *q = strstr(json, "\"modularity\":\t") + strlen("\"modularity\":\t");
    char *end = NULL;
    g_assert_cmpfloat_with_epsilon(g_ascii_strtod(q, &end), 5.0 / 14.0, 1e-12);
    g_assert_true(g_str_has_prefix(end, ",\n\t\"communities\":\t3,\n"
                                        "\t\"nodes\":\t[{\n"
                                        "\t\t\t\"id\":\t\"a\",\n"
                                        "\t\t\t\"area\":\t\"North\",\n"
                                        "\t\t\t\"community\":\t0,\n"));
    g_assert_true(g_str_has_suffix(json, "\t\t\t\"id\":\t\"g\",\n"
                                         "\t\t\t\"area\":\tnull,\n"
                                         "\t\t\t\"community\":\t2,\n"
                                         "\t\t\t\"participation\":\t0\n"
                                         "\t\t}]\n}\n"));
}

/* The CSV a table should have, built cell by cell from wn_table_cell_to_string. */
static char *
csv_from_cell_text(const WnTable *table)
{
    GString *csv = g_string_new(NULL);
    for (gsize i = 0; i <= wn_table_row_count(table); i++) {
        for (gsize j = 0; j < wn_table_column_count(table); j++) {
            g_autofree char *cell = i == 0 ? g_strdup(wn_table_column_name(table, j))
                                           : wn_table_cell_to_string(table, i - 1, j);
            g_string_append(csv, j > 0 ? "," : "");
            g_assert_null(strpbrk(cell, ",\"\r\n")); /* nothing to quote in a town */
            g_string_append(csv, cell);
        }
        g_string_append_c(csv, '\n');
    }
    return g_string_free(csv, FALSE);
}

/* A town of 9,000 residents has more rows than one block of the threaded CSV writer:
 * the blocks join in row order, and each number reads as wn_table_cell_to_string writes
 * it (%.15g, without printf). */
static void
test_town_table_csv_matches_cell_text(void)
{
    WnGenerateOptions opts = WN_GENERATE_OPTIONS_INIT;
    opts.residents = 9000;
    opts.seed = 3;
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_generate_town(&opts, dir, &error));
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autoptr(WnCommunities) comms = detect(net, WN_COMMUNITY_LEIDEN, 7, TRUE);
    g_autoptr(WnTable) table = wn_communities_table(net, comms);
    g_assert_cmpuint(wn_table_row_count(table), >, 8192);
    g_autofree char *csv = wn_table_to_csv(table);
    g_autofree char *want = csv_from_cell_text(table);
    g_assert_cmpstr(csv, ==, want);
    wn_test_remove_tree(dir);
}

static void
add_per_method(const char *path, GTestDataFunc test)
{
    g_autofree char *leiden = g_strdup_printf("/communities/leiden/%s", path);
    g_autofree char *louvain = g_strdup_printf("/communities/louvain/%s", path);
    g_test_add_data_func(leiden, GINT_TO_POINTER(WN_COMMUNITY_LEIDEN), test);
    g_test_add_data_func(louvain, GINT_TO_POINTER(WN_COMMUNITY_LOUVAIN), test);
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    add_per_method("splits-two-triangles-and-follows-heavy-tie", test_detect_splits_two_triangles);
    add_per_method("no-ties-gives-singletons", test_detect_without_ties_gives_singletons);
    add_per_method("karate-modularity-near-optimum", test_karate_modularity_is_near_optimal);
    add_per_method("same-seed-same-partition", test_karate_same_seed_same_partition);
    add_per_method("low-resolution-merges-everything", test_low_resolution_merges_everything);
    g_test_add_func("/communities/partition/modularity-uses-resolution",
                    test_partition_modularity_uses_resolution);
    g_test_add_func("/communities/detect/refuses-non-positive-resolution",
                    test_detect_refuses_non_positive_resolution);
    g_test_add_func("/communities/participation/counts-ties-across-communities",
                    test_participation_counts_ties_across_communities);
    g_test_add_func("/communities/participation/by-extra-column", test_participation_by_club);
    g_test_add_func("/communities/participation/isolate-scores-zero",
                    test_participation_isolate_scores_zero);
    g_test_add_func("/communities/partition/missing-values-form-one-community",
                    test_partition_by_area_groups_missing_values_together);
    g_test_add_func("/communities/partition/extra-column", test_partition_by_extra_column);
    g_test_add_func("/communities/partition/one-community-has-zero-modularity",
                    test_partition_into_one_community_has_zero_modularity);
    g_test_add_func("/communities/partition/refuses-unknown-column",
                    test_partition_refuses_unknown_column);
    g_test_add_func("/communities/partition/karate-club-matches-oracle",
                    test_karate_club_modularity_matches_oracle);
    g_test_add_func("/communities/table/partition-columns", test_table_columns_for_a_partition);
    g_test_add_func("/communities/table/town-csv-matches-cell-text",
                    test_town_table_csv_matches_cell_text);
    g_test_add_func("/communities/json/states-method-and-modularity",
                    test_json_states_method_and_modularity);
    return g_test_run();
}
