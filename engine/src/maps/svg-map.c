/* svg-map.c: the choropleth of the isolated share per area, as a standalone SVG */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "maps.h"

#include <math.h>

enum { MAP_SIZE = 640, MARGIN = 20, LEGEND_X = MAP_SIZE + 2 * MARGIN, WIDTH = LEGEND_X + 300 };

/* Classes of the isolated share: below 4 %, 4–8 %, 8–12 %, 12–16 %, 16 % and more
 * (fixed, so maps of different runs compare; ColorBrewer YlOrRd). */
static const double class_breaks[] = {0.04, 0.08, 0.12, 0.16};
static const char *const class_colours[] = {"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"};
static const char *const class_names[][2] = {{"minder dan 4%", "below 4%"},
                                             {"4 tot 8%", "4 to 8%"},
                                             {"8 tot 12%", "8 to 12%"},
                                             {"12 tot 16%", "12 to 16%"},
                                             {"16% of meer", "16% or more"}};
/* The other texts of the map, Dutch then English. */
enum { T_TITLE, T_SUBTITLE, T_HIDDEN, T_TOO_FEW, T_NO_DATA, T_COUNT };
static const char *const texts[T_COUNT][2] = {
    [T_TITLE] = {"Bewoners zonder enig contact", "Isolated residents"},
    [T_SUBTITLE] = {"aandeel van de bewoners, per buurt",
                    "share of residents without any tie, per area"},
    [T_HIDDEN] = {"cijfer verborgen (een kleine telling)", "figure hidden (a small count)"},
    [T_TOO_FEW] = {"te weinig bewoners", "too few residents"},
    [T_NO_DATA] = {"geen bewoners in de gegevens", "no residents in the data"},
};
#define TEXT(language, t) (texts[t][(language) == WN_LANGUAGE_NL ? 0 : 1])
#define FILL_TOO_FEW "url(#too-few)"
#define FILL_HIDDEN "url(#hidden)"
#define FILL_NO_DATA "#eeeeee"

/* Equirectangular: x ∝ longitude × cos(mid latitude), y ∝ −latitude, fitted to the box. */
typedef struct {
    double min_lon, max_lon, min_lat, max_lat;
    double kx, scale, height;
} Projection;

static void
extend(Projection *p, WnLonLat at)
{
    p->min_lon = MIN(p->min_lon, at.lon);
    p->max_lon = MAX(p->max_lon, at.lon);
    p->min_lat = MIN(p->min_lat, at.lat);
    p->max_lat = MAX(p->max_lat, at.lat);
}

static void
extend_by_shape(Projection *p, const WnAreaShape *shape)
{
    for (guint i = 0; i < shape->rings->len; i++) {
        const GArray *ring = g_ptr_array_index(shape->rings, i);
        for (guint j = 0; j < ring->len; j++) {
            extend(p, g_array_index(ring, WnLonLat, j));
        }
    }
}

static gboolean
row_position(const WnTable *areas, gsize row, WnLonLat *out)
{
    out->lon = wn_areas__double(areas, row, "lon");
    out->lat = wn_areas__double(areas, row, "lat");
    return !isnan(out->lon) && !isnan(out->lat);
}

/* Fits the boundaries and the centroids of areas without one; NULL shapes allowed. */
static Projection
fit(const WnTable *areas, const WnAreaShapes *shapes)
{
    Projection p = {INFINITY, -INFINITY, INFINITY, -INFINITY, 1, 1, MAP_SIZE};
    for (guint i = 0; shapes != NULL && i < shapes->features->len; i++) {
        extend_by_shape(&p, g_ptr_array_index(shapes->features, i));
    }
    for (gsize r = 0; r < wn_table_row_count(areas); r++) {
        WnLonLat at;
        if (row_position(areas, r, &at)) {
            extend(&p, at);
        }
    }
    if (!isfinite(p.min_lon)) {
        return (Projection){0, 1, 0, 1, 1, MAP_SIZE, MAP_SIZE};
    }
    double pad = 0.002; /* degrees: a single point still gets a frame */
    p.min_lon -= pad, p.max_lon += pad, p.min_lat -= pad, p.max_lat += pad;
    p.kx = cos((p.min_lat + p.max_lat) / 2 * G_PI / 180);
    double w = (p.max_lon - p.min_lon) * p.kx, h = p.max_lat - p.min_lat;
    p.scale = MIN(MAP_SIZE / w, MAP_SIZE / h);
    p.height = h * p.scale;
    return p;
}

/**
 * wn_svg__append_number:
 * Appends @x with one decimal and a point whatever the locale: an SVG coordinate or
 * length (a tenth of a pixel is finer than any screen shows).
 */
void
wn_svg__append_number(GString *svg, double x)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(svg, g_ascii_formatd(buf, sizeof buf, "%.1f", x));
}

/**
 * wn_svg__append_attr:
 * Appends ` NAME="x"`, @x as wn_svg__append_number writes it.
 */
void
wn_svg__append_attr(GString *svg, const char *name, double x)
{
    g_string_append_printf(svg, " %s=\"", name);
    wn_svg__append_number(svg, x);
    g_string_append_c(svg, '"');
}

/* Appends ` X="x" Y="y"` for the projection of @at. */
static void
append_at(GString *svg, const Projection *p, WnLonLat at, const char *x, const char *y)
{
    g_string_append_printf(svg, " %s=\"", x);
    wn_svg__append_number(svg, MARGIN + (at.lon - p->min_lon) * p->kx * p->scale);
    g_string_append_printf(svg, "\" %s=\"", y);
    wn_svg__append_number(svg, MARGIN + (p->max_lat - at.lat) * p->scale);
    g_string_append(svg, "\"");
}

static void
append_xy(GString *svg, const Projection *p, WnLonLat at)
{
    wn_svg__append_number(svg, MARGIN + (at.lon - p->min_lon) * p->kx * p->scale);
    g_string_append_c(svg, ',');
    wn_svg__append_number(svg, MARGIN + (p->max_lat - at.lat) * p->scale);
}

/* Signed area and centroid of a ring in projected-free degrees (shoelace). */
static double
ring_centroid(const GArray *ring, WnLonLat *out)
{
    double a = 0, cx = 0, cy = 0;
    for (guint i = 0; i + 1 < ring->len; i++) {
        WnLonLat p = g_array_index(ring, WnLonLat, i), q = g_array_index(ring, WnLonLat, i + 1);
        double cross = p.lon * q.lat - q.lon * p.lat;
        a += cross;
        cx += (p.lon + q.lon) * cross;
        cy += (p.lat + q.lat) * cross;
    }
    WnLonLat first = g_array_index(ring, WnLonLat, 0);
    *out = fabs(a) > 0 ? (WnLonLat){cx / (3 * a), cy / (3 * a)} : first;
    return fabs(a) / 2;
}

/* Where an area's name goes: the centroid of its largest ring. */
static WnLonLat
label_point(const WnAreaShape *shape)
{
    WnLonLat best = {0, 0};
    double largest = -1;
    for (guint i = 0; i < shape->rings->len; i++) {
        WnLonLat c;
        double area = ring_centroid(g_ptr_array_index(shape->rings, i), &c);
        if (area > largest) {
            largest = area, best = c;
        }
    }
    return best;
}

static const char *
fill_of(const WnTable *areas, gsize row)
{
    if (row == G_MAXSIZE) {
        return FILL_NO_DATA;
    }
    gsize suppressed = 0;
    wn_table_column_lookup(areas, "suppressed", &suppressed);
    if (wn_table_cell_int(areas, row, suppressed) != 0) {
        return FILL_TOO_FEW;
    }
    double share = wn_areas__double(areas, row, "isolated_share");
    if (isnan(share)) {
        return FILL_HIDDEN;
    }
    gsize c = 0;
    while (c < G_N_ELEMENTS(class_breaks) && share >= class_breaks[c]) {
        c++;
    }
    return class_colours[c];
}

static void
draw_shape(GString *svg, const Projection *p, const WnAreaShape *shape, const char *fill)
{
    g_string_append_printf(svg,
                           "<path fill=\"%s\" fill-rule=\"evenodd\" stroke=\"#555555\" "
                           "stroke-width=\"0.8\" d=\"",
                           fill);
    for (guint i = 0; i < shape->rings->len; i++) {
        const GArray *ring = g_ptr_array_index(shape->rings, i);
        for (guint j = 0; j < ring->len; j++) {
            g_string_append(svg, j == 0 ? "M" : " L");
            append_xy(svg, p, g_array_index(ring, WnLonLat, j));
        }
        g_string_append(svg, "Z");
    }
    g_string_append(svg, "\"/>\n");
}

static void
draw_label(GString *svg, const Projection *p, WnLonLat at, const char *text)
{
    g_autofree char *escaped = g_markup_escape_text(text, -1);
    g_string_append(svg, "<text");
    append_at(svg, p, at, "x", "y");
    g_string_append_printf(svg,
                           " font-size=\"11\" text-anchor=\"middle\" stroke=\"#ffffff\" "
                           "stroke-width=\"3\" paint-order=\"stroke\">%s</text>\n",
                           escaped);
}

static const char *
row_title(const WnTable *areas, gsize row)
{
    const char *name = wn_areas__string(areas, row, "name");
    return name != NULL ? name : wn_areas__string(areas, row, "area");
}

/* Boundaries first (filled by their row), then the centroids of rows without one. */
static void
draw_areas(GString *svg, const Projection *p, const WnTable *areas, const WnAreaShapes *shapes)
{
    g_autoptr(GHashTable) row_of = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize r = 0; r < wn_table_row_count(areas); r++) {
        const char *code = wn_areas__string(areas, r, "area");
        if (code != NULL) {
            g_hash_table_insert(row_of, (gpointer) code, GSIZE_TO_POINTER(r + 1));
        }
    }
    for (guint i = 0; shapes != NULL && i < shapes->features->len; i++) {
        const WnAreaShape *shape = g_ptr_array_index(shapes->features, i);
        gsize row = GPOINTER_TO_SIZE(g_hash_table_lookup(row_of, shape->code)) - 1;
        draw_shape(svg, p, shape, fill_of(areas, row));
    }
    for (gsize r = 0; r < wn_table_row_count(areas); r++) {
        WnLonLat at;
        const char *code = wn_areas__string(areas, r, "area");
        if (wn_area_shapes__lookup(shapes, code) == NULL && row_position(areas, r, &at)) {
            g_string_append_printf(svg, "<circle r=\"12\" stroke=\"#555555\" fill=\"%s\"",
                                   fill_of(areas, r));
            append_at(svg, p, at, "cx", "cy");
            g_string_append(svg, "/>\n");
        }
    }
}

/* Names on top of every fill: boundaries at their largest ring, centroids just below. */
static void
draw_labels(GString *svg, const Projection *p, const WnTable *areas, const WnAreaShapes *shapes)
{
    for (guint i = 0; shapes != NULL && i < shapes->features->len; i++) {
        const WnAreaShape *shape = g_ptr_array_index(shapes->features, i);
        draw_label(svg, p, label_point(shape), shape->name != NULL ? shape->name : shape->code);
    }
    for (gsize r = 0; r < wn_table_row_count(areas); r++) {
        WnLonLat at;
        const char *code = wn_areas__string(areas, r, "area");
        if (wn_area_shapes__lookup(shapes, code) == NULL && row_position(areas, r, &at)) {
            at.lat -= 24 / p->scale; /* 24 px below the circle's centre */
            draw_label(svg, p, at, row_title(areas, r));
        }
    }
}

static void
legend_row(GString *svg, int y, const char *fill, const char *text)
{
    g_string_append_printf(svg,
                           "<rect x=\"%d\" y=\"%d\" width=\"24\" height=\"16\" fill=\"%s\" "
                           "stroke=\"#555555\"/>\n<text x=\"%d\" y=\"%d\" font-size=\"12\">%s"
                           "</text>\n",
                           LEGEND_X, y, fill, LEGEND_X + 32, y + 12, text);
}

static void
draw_legend(GString *svg, WnLanguage language)
{
    g_string_append_printf(svg,
                           "<text x=\"%d\" y=\"%d\" font-size=\"15\" font-weight=\"bold\">"
                           "%s</text>\n<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>\n",
                           LEGEND_X, MARGIN + 12, TEXT(language, T_TITLE), LEGEND_X, MARGIN + 30,
                           TEXT(language, T_SUBTITLE));
    int y = MARGIN + 48;
    for (gsize c = 0; c < G_N_ELEMENTS(class_colours); c++, y += 24) {
        legend_row(svg, y, class_colours[c], class_names[c][language == WN_LANGUAGE_NL ? 0 : 1]);
    }
    legend_row(svg, y, FILL_HIDDEN, TEXT(language, T_HIDDEN));
    legend_row(svg, y + 24, FILL_TOO_FEW, TEXT(language, T_TOO_FEW));
    legend_row(svg, y + 48, FILL_NO_DATA, TEXT(language, T_NO_DATA));
}

static void
append_header(GString *svg, const Projection *p, WnLanguage language)
{
    int height = (int) ceil(MAX(p->height + 2 * MARGIN, 320));
    g_string_append_printf(
        svg,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n"
        "<title>%s</title>\n<defs>\n"
        "<pattern id=\"too-few\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#cccccc\"/>"
        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#888888\" "
        "stroke-width=\"3\"/></pattern>\n"
        "<pattern id=\"hidden\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(-45)\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>"
        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#bbbbbb\" "
        "stroke-width=\"2\"/></pattern>\n"
        "</defs>\n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
        WIDTH, height, WIDTH, height, TEXT(language, T_TITLE));
}

/**
 * wn_areas_to_svg:
 * A choropleth map of the table of areas (wn_areas_table) as a standalone SVG 1.1
 * document: each boundary in @shapes (NULL allowed) filled by the `isolated_share` of
 * its area in five fixed classes (below 4%, 4–8%, 8–12%, 12–16%, 16% or more), an
 * area with too few residents grey and hatched, an area whose isolated count is hidden
 * white and hatched, a boundary without residents light grey. Areas without a boundary
 * but with a centroid (`lon`, `lat`) are drawn as circles there; other areas are left
 * out. Every area is named (properties.name, else its code); no person is. The
 * projection is equirectangular (x ∝ longitude × cos of the middle latitude), fitted to
 * the bounding box in a 640-pixel square, with the legend on the right, in English
 * (wn_areas_to_svg_in for Dutch). Without any boundary or centroid the map holds only
 * the legend.
 * Returns: (transfer full): the SVG text; NULL with WN_ERROR_INVALID when @areas is not a
 * table of areas.
 * Cost: O(rows + positions in @shapes).
 */
char *
wn_areas_to_svg(const WnTable *areas, const WnAreaShapes *shapes, GError **error)
{
    return wn_areas_to_svg_in(areas, shapes, WN_LANGUAGE_EN, error);
}

/**
 * wn_areas_to_svg_in:
 * wn_areas_to_svg with the title and the legend in @language (Dutch or English).
 * Returns: (transfer full): the SVG text; NULL as wn_areas_to_svg.
 */
char *
wn_areas_to_svg_in(const WnTable *areas, const WnAreaShapes *shapes, WnLanguage language,
                   GError **error)
{
    if (!wn_areas__check_table(areas, error)) {
        return NULL;
    }
    Projection p = fit(areas, shapes);
    GString *svg = g_string_new(NULL);
    append_header(svg, &p, language);
    draw_areas(svg, &p, areas, shapes);
    draw_labels(svg, &p, areas, shapes);
    draw_legend(svg, language);
    g_string_append(svg, "</svg>\n");
    return g_string_free(svg, FALSE);
}
