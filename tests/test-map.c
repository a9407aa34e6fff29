/* test-map.c: figures per area, small-cell suppression, GeoJSON, SVG maps and run.json */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/*
 * map-wijk (12 nodes; labels are the marker strings MARKER-LABEL-<id>):
 *
 *   area BU01 "Oost"                                     BU02 "West & Noord"   no area
 *     a --- b      a, b, c, d: a clique (friends)          j (alone)             k
 *     | \ / |      e --- f    (neighbours)                                      |
 *     | / \ |      g          (no tie)                                  k --- a (neighbours)
 *     c --- d      h --- p --- i  (p a professional; support ties)
 *
 * Status (default isolation options): a, b, c, d connected (informal degree ≥ 3, a's
 * weak share 1/4: only k is at risk); e, f fragile (degree 1); g isolated; h, i
 * formal_only; j isolated; k fragile. BU01: 9 residents = 1 isolated + 2 formal_only +
 * 2 fragile + 4 connected. Brokers by area: a alone (it links k, of no area, to b, c,
 * d); p only links h and i, both of BU01 (coordinator, not a broker).
 * Isolation index (0.4·strength shortfall + 0.4·reach shortfall + 0.2·weak share):
 * a 0.4·0.2 + 0.4·0.6 + 0.2·0.25 = 0.37; b, c, d 0.4·0.4 + 0.4·0.6 = 0.40;
 * e, f 0.4·0.8 + 0.4·0.9 + 0.2·1 = 0.88; g, h, i 1. Mean over BU01: 6.33 / 9.
 * Positions: a (52.10, 5.10), b (52.12, 5.12): centroid (52.11, 5.11).
 *
 * map-ten (12 nodes): ten residents r1..r10 of BU10 at (52.001·i, 4.901·i)-ish
 * positions (52.0ii, 4.9ii), a professional p and a group g:
 *   r1, r2, r3, r4 --- g (members)   r5 --- r6   r7 --- p   r8, r9, r10 (no tie)
 * Status: r1..r6 fragile (6), r7 formal_only (1), r8..r10 isolated (3), none connected.
 * Index: r1..r4 0.4·0.8 + 0.4·0.7 + 0.2·1 = 0.8 (reach 3 through g, no resident
 * contact); r5, r6 0.88; r7..r10 1. Mean: (3.2 + 1.76 + 4) / 10 = 0.896.
 */

static WnTable *
areas_of(const char *dataset, guint min_cell)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", dataset);
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "data", dataset, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnAreaShapes) shapes = wn_area_shapes_load_dataset(dir, &error);
    g_assert_no_error(error);
    WnAreaOptions opts = WN_AREA_OPTIONS_INIT;
    opts.min_cell = min_cell;
    opts.shapes = shapes;
    WnTable *table = wn_areas_table(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_nonnull(table);
    return table;
}

/* The cell as text; "(missing)" for a missing cell, so that asserts read well. */
static char *
cell(const WnTable *t, gsize row, const char *name)
{
    gsize j = wn_test_column(t, name);
    return wn_table_cell_is_missing(t, row, j) ? g_strdup("(missing)")
                                               : wn_table_cell_to_string(t, row, j);
}

static void
assert_cell(const WnTable *t, gsize row, const char *name, const char *want)
{
    g_autofree char *got = cell(t, row, name);
    g_assert_cmpstr(got, ==, want);
}

static void
assert_double(const WnTable *t, gsize row, const char *name, double want)
{
    g_assert_cmpfloat_with_epsilon(wn_table_cell_double(t, row, wn_test_column(t, name)), want,
                                   1e-9);
}

static void
test_rows_are_area_codes_then_no_area(void)
{
    g_autoptr(WnTable) t = areas_of("map-wijk", 2);
    g_assert_cmpuint(wn_table_row_count(t), ==, 3);
    assert_cell(t, 0, "area", "BU01");
    assert_cell(t, 0, "name", "Oost");
    assert_cell(t, 1, "area", "BU02");
    assert_cell(t, 1, "name", "West & Noord");
    assert_cell(t, 2, "area", "(missing)");
    assert_cell(t, 2, "name", "(no area)");
}

/* K = 2: BU01's isolated count (1) is below K; the row adds up to residents, so one
 * more cell goes: the smallest of formal_only 2, fragile 2, connected 4, residents 9,
 * the first on the tie, formal_only. Brokers 1, professionals 1 and groups 0 are below K. */
static void
test_secondary_suppression_hides_smallest_other_status(void)
{
    g_autoptr(WnTable) t = areas_of("map-wijk", 2);
    assert_cell(t, 0, "suppressed", "0");
    assert_cell(t, 0, "residents", "9");
    assert_cell(t, 0, "isolated", "<2");
    assert_cell(t, 0, "isolated_share", "(missing)");
    assert_cell(t, 0, "formal_only", "x");
    assert_cell(t, 0, "formal_only_share", "(missing)");
    assert_cell(t, 0, "fragile", "2");
    assert_double(t, 0, "fragile_share", 2.0 / 9.0);
    assert_cell(t, 0, "connected", "4");
    assert_double(t, 0, "connected_share", 4.0 / 9.0);
    assert_cell(t, 0, "brokers", "<2");
    assert_cell(t, 0, "professionals", "<2");
    assert_cell(t, 0, "groups", "<2");
    assert_double(t, 0, "mean_isolation_index", 6.33 / 9.0);
    assert_double(t, 0, "lon", 5.11);
    assert_double(t, 0, "lat", 52.11);
}

static void
assert_no_figures(const WnTable *t, gsize row)
{
    static const char *const figures[] = {"residents",
                                          "isolated",
                                          "isolated_share",
                                          "formal_only",
                                          "formal_only_share",
                                          "fragile",
                                          "fragile_share",
                                          "connected",
                                          "connected_share",
                                          "brokers",
                                          "professionals",
                                          "groups",
                                          "mean_isolation_index",
                                          "lon",
                                          "lat"};
    assert_cell(t, row, "suppressed", "1");
    for (gsize i = 0; i < G_N_ELEMENTS(figures); i++) {
        assert_cell(t, row, figures[i], "(missing)");
    }
}

/* Default K = 10: BU01 has 9 residents, BU02 and the no-area row 1 each. */
static void
test_area_below_min_cell_shows_no_figures(void)
{
    g_autoptr(WnTable) t = areas_of("map-wijk", 10);
    for (gsize row = 0; row < 3; row++) {
        assert_no_figures(t, row);
    }
    assert_cell(t, 0, "area", "BU01");
    assert_cell(t, 0, "name", "Oost");
}

/* map-ten, default K = 10: 10 residents are shown; 3 isolated reads "<10". Every status
 * count is below 10, so the row needs no secondary cell. */
static void
test_count_below_min_cell_reads_less_than_k(void)
{
    g_autoptr(WnTable) t = areas_of("map-ten", 10);
    g_assert_cmpuint(wn_table_row_count(t), ==, 1);
    assert_cell(t, 0, "area", "BU10");
    assert_cell(t, 0, "name", "(missing)");
    assert_cell(t, 0, "suppressed", "0");
    assert_cell(t, 0, "residents", "10");
    assert_cell(t, 0, "isolated", "<10");
    assert_cell(t, 0, "isolated_share", "(missing)");
    assert_cell(t, 0, "formal_only", "<10");
    assert_cell(t, 0, "fragile", "<10");
    assert_cell(t, 0, "connected", "<10");
    assert_cell(t, 0, "brokers", "<10");
    assert_double(t, 0, "mean_isolation_index", 0.896);
    assert_double(t, 0, "lon", 4.9055);
    assert_double(t, 0, "lat", 52.0055);
}

static void
test_min_cell_zero_hides_nothing(void)
{
    g_autoptr(WnTable) t = areas_of("map-wijk", 0);
    assert_cell(t, 0, "isolated", "1");
    assert_double(t, 0, "isolated_share", 1.0 / 9.0);
    assert_cell(t, 0, "formal_only", "2");
    assert_cell(t, 0, "brokers", "1");
    assert_cell(t, 0, "professionals", "1");
    assert_cell(t, 0, "groups", "0");
    assert_cell(t, 1, "residents", "1");
    assert_cell(t, 1, "isolated", "1");
    assert_cell(t, 2, "residents", "1");
    assert_cell(t, 2, "fragile", "1");
    assert_double(t, 2, "mean_isolation_index", 0.56);
    assert_cell(t, 2, "lon", "(missing)");
}

typedef struct {
    const char *file;
    const char *message;
} BadCase;

static const BadCase bad_cases[] = {
    {"open-ring.geojson",
     "open-ring.geojson: feature 2: expected a closed ring of at least 4 positions"},
    {"bad-json.geojson", "bad-json.geojson:3:23: expected valid JSON (RFC 8259)"},
    {"not-collection.geojson",
     "not-collection.geojson: expected a GeoJSON FeatureCollection with a \"features\" array"},
    {"missing-code.geojson",
     "missing-code.geojson: feature 1: expected properties.code, the area code, as a non-empty "
     "string"},
    {"out-of-range.geojson",
     "out-of-range.geojson: feature 1: position [6, 95] out of range: expected longitude in "
     "[-180, 180] and latitude in [-90, 90] (WGS84 degrees)"},
    {"duplicate-code.geojson",
     "duplicate-code.geojson: feature 2: area code \"BU01\" appears in an earlier feature too"},
    {"point.geojson", "point.geojson: feature 1: expected a Polygon or MultiPolygon geometry"},
    {"text-position.geojson",
     "text-position.geojson: feature 1: expected a position [longitude, latitude] of two "
     "numbers"},
};

static void
test_bad_geojson_is_refused_with_feature_and_reason(gconstpointer data)
{
    const BadCase *c = data;
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "data", "map-bad-geojson", c->file, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnAreaShapes) shapes = wn_area_shapes_load(path, &error);
    g_assert_null(shapes);
    g_assert_error(error, WN_ERROR, WN_ERROR_PARSE);
    g_assert_cmpstr(error->message, ==, c->message);
}

static WnAreaShapes *
load_shapes(const char *path)
{
    g_autoptr(GError) error = NULL;
    WnAreaShapes *shapes = wn_area_shapes_load(path, &error);
    g_assert_no_error(error);
    return shapes;
}

static void
test_boundaries_give_codes_and_names(void)
{
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "data", "map-wijk", "areas.geojson", NULL);
    g_autoptr(WnAreaShapes) shapes = load_shapes(path);
    g_assert_cmpuint(wn_area_shapes_count(shapes), ==, 3);
    g_assert_cmpstr(wn_area_shapes_code(shapes, 1), ==, "BU02");
    g_assert_cmpstr(wn_area_shapes_name(shapes, 1), ==, "West & Noord");
    g_assert_cmpstr(wn_area_shapes_code(shapes, 2), ==, "BU03");
    g_assert_null(wn_area_shapes_name(shapes, 2));
}

/* Our areas.geojson reads back as boundaries: BU01 and BU02 joined to the dataset's
 * features (BU03 has no nodes, so no row); the no-area row is left out with a warning. */
static void
test_geojson_output_joins_boundaries_and_reads_back(void)
{
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "data", "map-wijk", "areas.geojson", NULL);
    g_autoptr(WnAreaShapes) shapes = load_shapes(path);
    g_autoptr(WnTable) t = areas_of("map-wijk", 2);
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = wn_areas_to_geojson(t, shapes, warnings, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(warnings->len, ==, 1);
    g_assert_cmpstr(g_ptr_array_index(warnings, 0), ==,
                    "nodes without an area are left out of areas.geojson");
    g_autofree char *dir = g_dir_make_tmp("test-map-XXXXXX", &error);
    g_autofree char *out = g_build_filename(dir, "areas.geojson", NULL);
    g_file_set_contents(out, text, -1, &error);
    g_assert_no_error(error);
    g_autoptr(WnAreaShapes) back = load_shapes(out);
    g_assert_cmpuint(wn_area_shapes_count(back), ==, 2);
    g_assert_cmpstr(wn_area_shapes_code(back, 0), ==, "BU01");
    g_assert_cmpstr(wn_area_shapes_name(back, 1), ==, "West & Noord");
    g_assert_nonnull(strstr(text, "\"isolated\":\t\"<2\""));
    g_assert_nonnull(strstr(text, "\"residents\":\t9,"));
    g_remove(out);
    g_rmdir(dir);
}

/* Without boundaries, an area is a Point at its residents' centroid. */
static void
test_geojson_without_boundaries_has_centroid_points(void)
{
    g_autoptr(WnTable) t = areas_of("map-ten", 10);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = wn_areas_to_geojson(t, NULL, NULL, &error);
    g_assert_no_error(error);
    g_assert_nonnull(strstr(text, "\"type\":\t\"Point\""));
    g_assert_nonnull(strstr(text, "\"coordinates\":\t[4.9055"));
}

/* Counts elements by name and checks the root is <svg xmlns="http://www.w3.org/2000/svg">. */
typedef struct {
    gsize elements;
    gsize circles;
    gsize paths;
    gboolean svg_root;
} XmlCounts;

static void
on_start(GMarkupParseContext *context, const char *name, const char **attr_names,
         const char **attr_values, gpointer data, GError **error)
{
    (void) context, (void) error;
    XmlCounts *c = data;
    if (c->elements++ == 0 && strcmp(name, "svg") == 0) {
        for (gsize i = 0; attr_names[i] != NULL; i++) {
            c->svg_root |= strcmp(attr_names[i], "xmlns") == 0 &&
                           strcmp(attr_values[i], "http://www.w3.org/2000/svg") == 0;
        }
    }
    c->circles += strcmp(name, "circle") == 0;
    c->paths += strcmp(name, "path") == 0;
}

static XmlCounts
parse_svg(const char *text)
{
    static const GMarkupParser parser = {on_start, NULL, NULL, NULL, NULL};
    XmlCounts counts = {0};
    g_autoptr(GError) error = NULL;
    GMarkupParseContext *context = g_markup_parse_context_new(&parser, 0, &counts, NULL);
    gboolean ok = g_markup_parse_context_parse(context, text, -1, &error) &&
                  g_markup_parse_context_end_parse(context, &error);
    g_markup_parse_context_free(context);
    g_assert_no_error(error);
    g_assert_true(ok);
    g_assert_true(counts.svg_root);
    return counts;
}

static char *
network_svg(const char *dataset, gboolean show_labels, guint max_nodes)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", dataset);
    WnDrawOptions opts = WN_DRAW_OPTIONS_INIT;
    opts.show_labels = show_labels;
    opts.max_nodes = max_nodes;
    g_autoptr(GError) error = NULL;
    char *svg = wn_network_to_svg(net, &opts, &error);
    g_assert_no_error(error);
    return svg;
}

/* map-wijk: one path per boundary (BU01, BU02 and BU03, which has no residents). */
static void
test_map_svg_is_well_formed_with_one_path_per_boundary(void)
{
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "data", "map-wijk", "areas.geojson", NULL);
    g_autoptr(WnAreaShapes) shapes = load_shapes(path);
    g_autoptr(WnTable) t = areas_of("map-wijk", 2);
    g_autoptr(GError) error = NULL;
    g_autofree char *svg = wn_areas_to_svg(t, shapes, &error);
    g_assert_no_error(error);
    XmlCounts counts = parse_svg(svg);
    g_assert_cmpuint(counts.paths, ==, 3);
    g_assert_nonnull(strstr(svg, ">West &amp; Noord</text>"));
    g_assert_nonnull(strstr(svg, "too few residents"));
    g_autofree char *dutch = wn_areas_to_svg_in(t, shapes, WN_LANGUAGE_NL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(parse_svg(dutch).paths, ==, 3);
    const char *const words[] = {"<title>Bewoners zonder enig contact</title>", ">minder dan 4%<",
                                 ">16% of meer<", ">te weinig bewoners<",
                                 ">geen bewoners in de gegevens<"};
    for (gsize i = 0; i < G_N_ELEMENTS(words); i++) {
        g_assert_nonnull(strstr(dutch, words[i]));
    }
    g_assert_null(strstr(dutch, "residents"));
}

/* map-ten has no boundaries: its one area is a circle at the centroid. */
static void
test_map_svg_without_boundaries_draws_centroids(void)
{
    g_autoptr(WnTable) t = areas_of("map-ten", 10);
    g_autoptr(GError) error = NULL;
    g_autofree char *svg = wn_areas_to_svg(t, NULL, &error);
    g_assert_no_error(error);
    XmlCounts counts = parse_svg(svg);
    g_assert_cmpuint(counts.circles, ==, 1);
    g_assert_nonnull(strstr(svg, ">BU10</text>"));
}

/* max_nodes 3 of 12: the two isolated (g, j) and two formal-only residents (h, i) always,
 * the three others of highest betweenness, plus the five legend circles; the ties make two
 * paths (informal, formal). The legend says what is left out, in Dutch by default. */
static void
test_network_svg_draws_at_most_max_nodes(void)
{
    g_autofree char *svg = network_svg("map-wijk", FALSE, 3);
    XmlCounts counts = parse_svg(svg);
    g_assert_cmpuint(counts.circles, ==, 4 + 3 + 5);
    g_assert_cmpuint(counts.paths, ==, 2);
    g_assert_nonnull(strstr(svg, "Alle 2 bewoners zonder enig contact en alle 2 met alleen "
                                 "professionals zijn getekend."));
    g_assert_nonnull(strstr(svg, "Niet getekend: 5 van de 12 knopen, die met de laagste "
                                 "betweenness."));
    g_autoptr(WnNetwork) net = wn_test_load("data", "map-wijk");
    WnDrawOptions opts = WN_DRAW_OPTIONS_INIT;
    opts.max_nodes = 3;
    opts.language = WN_LANGUAGE_EN;
    g_autofree char *english = wn_network_to_svg(net, &opts, NULL);
    g_assert_nonnull(strstr(english, "Not drawn: 5 of the 12 nodes, those of lowest betweenness."));
    g_assert_null(strstr(english, "bewoners"));
}

static void
test_network_svg_same_seed_same_drawing(void)
{
    g_autofree char *first = network_svg("map-wijk", FALSE, 0);
    g_autofree char *second = network_svg("map-wijk", FALSE, 0);
    g_assert_cmpstr(first, ==, second);
    XmlCounts counts = parse_svg(first);
    g_assert_cmpuint(counts.circles, ==, 12 + 5);
}

static void
assert_no_marker(const char *what, const char *text)
{
    if (strstr(text, "MARKER-LABEL") != NULL) {
        g_test_fail_printf("%s carries a label", what);
    }
}

static void
assert_outputs_carry_no_label(const char *dataset)
{
    g_autofree char *path =
        g_test_build_filename(G_TEST_DIST, "data", dataset, "areas.geojson", NULL);
    g_autoptr(WnAreaShapes) shapes =
        g_file_test(path, G_FILE_TEST_EXISTS) ? load_shapes(path) : NULL;
    g_autoptr(WnTable) t = areas_of(dataset, 0);
    g_autofree char *csv = wn_table_to_csv(t);
    g_autofree char *json = wn_table_to_json(t);
    g_autofree char *geojson = wn_areas_to_geojson(t, shapes, NULL, NULL);
    g_autofree char *map = wn_areas_to_svg(t, shapes, NULL);
    g_autofree char *network = network_svg(dataset, FALSE, 0);
    assert_no_marker("areas.csv", csv);
    assert_no_marker("areas as JSON", json);
    assert_no_marker("areas.geojson", geojson);
    assert_no_marker("map.svg", map);
    assert_no_marker("network.svg", network);
}

static void
test_no_label_in_any_output_unless_asked(void)
{
    assert_outputs_carry_no_label("map-wijk");
    assert_outputs_carry_no_label("map-ten");
    g_autofree char *labelled = network_svg("map-wijk", TRUE, 0);
    parse_svg(labelled);
    g_assert_nonnull(strstr(labelled, ">MARKER-LABEL-a</text>"));
}

int
main(int argc, char **argv)
{
    wn_init();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/map/areas/rows-are-area-codes-then-no-area",
                    test_rows_are_area_codes_then_no_area);
    g_test_add_func("/map/suppression/secondary-hides-smallest-other-status",
                    test_secondary_suppression_hides_smallest_other_status);
    g_test_add_func("/map/suppression/area-below-min-cell-shows-no-figures",
                    test_area_below_min_cell_shows_no_figures);
    g_test_add_func("/map/suppression/count-below-min-cell-reads-less-than-k",
                    test_count_below_min_cell_reads_less_than_k);
    g_test_add_func("/map/suppression/min-cell-zero-hides-nothing",
                    test_min_cell_zero_hides_nothing);
    for (gsize i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
        g_autofree char *name = g_strdup_printf("/map/geojson/bad/%s", bad_cases[i].file);
        g_test_add_data_func(name, &bad_cases[i],
                             test_bad_geojson_is_refused_with_feature_and_reason);
    }
    g_test_add_func("/map/geojson/boundaries-give-codes-and-names",
                    test_boundaries_give_codes_and_names);
    g_test_add_func("/map/geojson/output-joins-boundaries-and-reads-back",
                    test_geojson_output_joins_boundaries_and_reads_back);
    g_test_add_func("/map/geojson/without-boundaries-has-centroid-points",
                    test_geojson_without_boundaries_has_centroid_points);
    g_test_add_func("/map/svg/map-is-well-formed-with-one-path-per-boundary",
                    test_map_svg_is_well_formed_with_one_path_per_boundary);
    g_test_add_func("/map/svg/map-without-boundaries-draws-centroids",
                    test_map_svg_without_boundaries_draws_centroids);
    g_test_add_func("/map/svg/network-draws-at-most-max-nodes",
                    test_network_svg_draws_at_most_max_nodes);
    g_test_add_func("/map/svg/network-same-seed-same-drawing",
                    test_network_svg_same_seed_same_drawing);
    g_test_add_func("/map/privacy/no-label-in-any-output-unless-asked",
                    test_no_label_in_any_output_unless_asked);
    return g_test_run();
}
