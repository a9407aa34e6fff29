/* svg-wijk.c: the whole wijk at a glance, buurten (or communities) as blobs, as SVG */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "maps.h"

#include <math.h>

enum { WIDTH = 900, HEIGHT = 640, LEGEND_HEIGHT = 110, MARGIN = 30, MAX_BLOBS = 12 };

/* Counts a drawing shows of each blob. */
enum { SHOW_RESIDENTS, SHOW_ISOLATED, SHOW_FORMAL_ONLY, SHOWN };

/* One buurt (or community), or the residents outside every blob of its own. */
typedef struct {
    char *name;
    gint64 residents;  /* the true count: the size of the blob (K when it is hidden) */
    char *text[SHOWN]; /* as shown: a number, "<K", "x" or NULL (the area is too small) */
    gint64 raw[SHOWN]; /* the true counts, for the suppression of communities */
    double lon, lat;   /* NaN when unknown */
    double x, y, r;    /* on the canvas */
} Blob;

typedef struct {
    const WnNetwork *net;
    const WnWijkSvgOptions *opts;
    GArray *blobs;   /* of Blob */
    gssize *blob_of; /* per node: its blob, or -1 */
    gint64 *between; /* blobs × blobs: informal ties between two blobs */
    gboolean by_area;
    GString *svg;
} Wijk;

static void
blob_clear(gpointer data)
{
    Blob *b = data;
    g_free(b->name);
    for (int i = 0; i < SHOWN; i++) {
        g_free(b->text[i]);
    }
}

static gboolean
is_resident(const WnNetwork *net, gsize v)
{
    return wn_network_node_kind(net, v) == WN_NODE_RESIDENT;
}

/* A count as map.svg and areas.csv show it: "<K" below min_cell (min_cell ≥ 2). */
static char *
count_text(const Wijk *w, gint64 n)
{
    WnLanguage lang = w->opts->language;
    if (w->opts->min_cell >= 2 && n < (gint64) w->opts->min_cell) {
        return g_strdup_printf("<%u", w->opts->min_cell);
    }
    return wn_words__int(lang == WN_LANGUAGE_NL, n);
}

/* A cell of the areas table as the drawing writes it: a number grouped as the language
 * writes it ("1.959"), "<K" and "x" as they are; NULL stays NULL. */
static char *
shown_text(const Wijk *w, const char *cell)
{
    gint64 n = 0;
    if (cell == NULL || !g_ascii_string_to_signed(cell, 10, 0, G_MAXINT64, &n, NULL)) {
        return g_strdup(cell);
    }
    return wn_words__int(w->opts->language == WN_LANGUAGE_NL, n);
}

/* Blobs from the areas table: its texts, so that the drawing hides what map.svg hides. */
static gboolean
blobs_from_areas(Wijk *w, GError **error)
{
    WnAreaOptions area_opts = WN_AREA_OPTIONS_INIT;
    area_opts.min_cell = w->opts->min_cell;
    area_opts.shapes = w->opts->shapes;
    g_autoptr(WnTable) areas = wn_areas_table(w->net, &area_opts, error);
    if (areas == NULL) {
        return FALSE;
    }
    static const char *const columns[SHOWN] = {"residents", "isolated", "formal_only"};
    g_autoptr(GHashTable) row_of = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize r = 0; r < wn_table_row_count(areas); r++) {
        const char *code = wn_areas__string(areas, r, "area");
        const char *name = wn_areas__string(areas, r, "name");
        Blob b = {.lon = wn_areas__double(areas, r, "lon"),
                  .lat = wn_areas__double(areas, r, "lat")};
        b.name = g_strdup(code == NULL   ? wn_svg__word(w->opts->language, WN_SVG_NO_AREA)
                          : name != NULL ? name
                                         : code);
        for (int i = 0; i < SHOWN; i++) {
            b.text[i] = shown_text(w, wn_areas__string(areas, r, columns[i]));
        }
        g_hash_table_insert(row_of, (gpointer) (code != NULL ? code : ""), GSIZE_TO_POINTER(r));
        g_array_append_val(w->blobs, b);
    }
    for (gsize v = 0; v < w->net->n; v++) {
        const char *area = wn_network_node_area(w->net, v);
        gpointer row = NULL;
        if (g_hash_table_lookup_extended(row_of, area != NULL ? area : "", NULL, &row)) {
            w->blob_of[v] = (gssize) GPOINTER_TO_SIZE(row);
            g_array_index(w->blobs, Blob, GPOINTER_TO_SIZE(row)).residents +=
                is_resident(w->net, v);
        }
    }
    return TRUE;
}

static gint
by_size(gconstpointer a, gconstpointer b, gpointer data)
{
    const gsize *size = data;
    gsize x = *(const guint *) a, y = *(const guint *) b;
    return size[x] != size[y] ? (size[x] > size[y] ? -1 : 1) : (x < y ? -1 : x > y);
}

/* Without areas: the largest communities (Leiden, seed 1) of at least two residents, then
 * one blob for everyone else, so that nobody is left out. */
static gboolean
blobs_from_communities(Wijk *w, GError **error)
{
    WnCommunityOptions copts = WN_COMMUNITY_OPTIONS_INIT;
    copts.seed = 1;
    g_autoptr(WnCommunities) comms = wn_communities_detect(w->net, &copts, error);
    if (comms == NULL) {
        return FALSE;
    }
    gsize k = wn_communities_count(comms);
    g_autofree gsize *size = g_new0(gsize, k + 1);
    g_autofree guint *order = g_new0(guint, k + 1);
    g_autofree gssize *blob_of_comm = g_new0(gssize, k + 1);
    for (gsize v = 0; v < w->net->n; v++) {
        size[wn_communities_membership(comms, v)] += is_resident(w->net, v);
    }
    for (guint c = 0; c < k; c++) {
        order[c] = c;
    }
    g_qsort_with_data(order, (gint) k, sizeof(guint), by_size, size);
    WnLanguage lang = w->opts->language;
    gsize kept = 0;
    for (gsize i = 0; i < k; i++) {
        gboolean own = size[order[i]] >= 2 && kept < MAX_BLOBS - 1;
        blob_of_comm[order[i]] = own ? (gssize) kept : -1;
        kept += own;
    }
    for (gsize i = 0; i <= kept; i++) {
        Blob b = {.lon = NAN, .lat = NAN};
        b.name = i < kept ? g_strdup_printf("%s %" G_GSIZE_FORMAT,
                                            wn_svg__word(lang, WN_SVG_COMMUNITY), i + 1)
                          : g_strdup(wn_svg__word(lang, WN_SVG_OTHERS));
        g_array_append_val(w->blobs, b);
    }
    for (gsize v = 0; v < w->net->n; v++) {
        gssize b = blob_of_comm[wn_communities_membership(comms, v)];
        w->blob_of[v] = b >= 0 ? b : (gssize) kept;
    }
    return TRUE;
}

/* Counts per blob from the statuses; for communities also their texts, with the
 * small cells hidden as map.svg hides them ("<K", and a column's only hidden cell
 * joined by its smallest shown one, "x", since the town totals are printed). */
static gboolean
count_statuses(Wijk *w, GError **error)
{
    g_autoptr(GArray) status = wn_isolation_status(w->net, error);
    if (status == NULL) {
        return FALSE;
    }
    for (gsize v = 0; v < w->net->n; v++) {
        if (w->blob_of[v] < 0 || !is_resident(w->net, v)) {
            continue;
        }
        Blob *b = &g_array_index(w->blobs, Blob, w->blob_of[v]);
        guint8 s = g_array_index(status, guint8, v);
        b->raw[SHOW_RESIDENTS]++;
        b->raw[SHOW_ISOLATED] += s == WN_STATUS_ISOLATED;
        b->raw[SHOW_FORMAL_ONLY] += s == WN_STATUS_FORMAL_ONLY;
    }
    if (w->by_area) {
        return TRUE;
    }
    for (guint i = 0; i < w->blobs->len; i++) {
        Blob *b = &g_array_index(w->blobs, Blob, i);
        b->residents = b->raw[SHOW_RESIDENTS];
        for (int c = 0; c < SHOWN; c++) {
            b->text[c] = count_text(w, b->raw[c]);
        }
    }
    for (int c = 0; c < SHOWN && w->opts->min_cell >= 2; c++) {
        gsize hidden = 0, pick = G_MAXSIZE;
        for (guint i = 0; i < w->blobs->len; i++) {
            const Blob *b = &g_array_index(w->blobs, Blob, i);
            if (b->text[c][0] == '<') {
                hidden++;
            } else if (pick == G_MAXSIZE ||
                       b->raw[c] < g_array_index(w->blobs, Blob, pick).raw[c]) {
                pick = i;
            }
        }
        if (hidden == 1 && pick != G_MAXSIZE) {
            Blob *b = &g_array_index(w->blobs, Blob, pick);
            g_free(b->text[c]);
            b->text[c] = g_strdup("x");
        }
    }
    return TRUE;
}

/* Informal ties between nodes of two blobs. */
static void
count_between(Wijk *w)
{
    gsize k = w->blobs->len;
    w->between = g_new0(gint64, k * k + 1);
    for (gsize t = 0; t < w->net->m; t++) {
        gssize a = w->blob_of[w->net->tie_from[t]], b = w->blob_of[w->net->tie_to[t]];
        if (a >= 0 && b >= 0 && a != b && !wn_network__tie_is_formal(w->net, t)) {
            w->between[MIN(a, b) * (gssize) k + MAX(a, b)]++;
        }
    }
}

/* Drops the blobs without residents and without ties (an area of only professionals
 * keeps its blob when it has ties). */
static gboolean
blob_drawn(const Wijk *w, gsize i)
{
    gsize k = w->blobs->len;
    if (g_array_index(w->blobs, Blob, i).raw[SHOW_RESIDENTS] > 0) {
        return TRUE;
    }
    for (gsize j = 0; j < k; j++) {
        if (w->between[MIN(i, j) * k + MAX(i, j)] > 0) {
            return TRUE;
        }
    }
    return FALSE;
}

/* Blob radii by residents (area ∝ count); centres by geography when every drawn blob has
 * a position, else on a circle; then pushed apart until none overlap. */
static void
lay_out(Wijk *w, const gboolean *drawn)
{
    gsize k = w->blobs->len, shown = 0;
    gint64 most = 1;
    gboolean located = TRUE;
    double min_lon = INFINITY, max_lon = -INFINITY, min_lat = INFINITY, max_lat = -INFINITY;
    for (gsize i = 0; i < k; i++) {
        Blob *b = &g_array_index(w->blobs, Blob, i);
        if (!drawn[i]) {
            continue;
        }
        shown++;
        most = MAX(most, b->residents);
        located = located && !isnan(b->lon) && !isnan(b->lat);
        if (located) {
            min_lon = MIN(min_lon, b->lon), max_lon = MAX(max_lon, b->lon);
            min_lat = MIN(min_lat, b->lat), max_lat = MAX(max_lat, b->lat);
        }
    }
    double biggest = MIN(170, (HEIGHT - 2 * MARGIN) / (1.6 * sqrt((double) MAX(shown, 1))));
    double kx = cos((min_lat + max_lat) / 2 * G_PI / 180);
    double span = MAX(MAX((max_lon - min_lon) * kx, max_lat - min_lat), 1e-9);
    gsize at = 0;
    for (gsize i = 0; i < k; i++) {
        Blob *b = &g_array_index(w->blobs, Blob, i);
        if (!drawn[i]) {
            continue;
        }
        b->r = MAX(biggest * sqrt((double) b->residents / (double) most), 70);
        double angle = 2 * G_PI * (double) at++ / (double) shown - G_PI / 2;
        b->x = located ? ((b->lon - min_lon) * kx / span - 0.5) * 400 : 260 * cos(angle);
        b->y = located ? (0.5 - (b->lat - min_lat) / span) * 400 : 220 * sin(angle);
        b->x += WIDTH / 2.0, b->y += HEIGHT / 2.0;
    }
    for (int round = 0; round < 200; round++) {
        for (gsize i = 0; i < k; i++) {
            for (gsize j = i + 1; j < k; j++) {
                Blob *a = &g_array_index(w->blobs, Blob, i), *b = &g_array_index(w->blobs, Blob, j);
                double dx = b->x - a->x, dy = b->y - a->y, d = hypot(dx, dy);
                double need = a->r + b->r + 110 - d;
                if (!drawn[i] || !drawn[j] || need <= 0) {
                    continue;
                }
                dx = d > 0 ? dx / d : 1, dy = d > 0 ? dy / d : 0;
                a->x -= dx * need / 2, a->y -= dy * need / 2;
                b->x += dx * need / 2, b->y += dy * need / 2;
            }
        }
    }
}

/* Scales the drawing (centres and radii) into the canvas, never enlarging it. */
static void
fit(Wijk *w, const gboolean *drawn)
{
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (guint i = 0; i < w->blobs->len; i++) {
        const Blob *b = &g_array_index(w->blobs, Blob, i);
        if (drawn[i]) {
            x0 = MIN(x0, b->x - b->r), x1 = MAX(x1, b->x + b->r);
            y0 = MIN(y0, b->y - b->r), y1 = MAX(y1, b->y + b->r);
        }
    }
    double s = MIN((WIDTH - 2.0 * MARGIN) / MAX(x1 - x0, 1e-9),
                   (HEIGHT - 2.0 * MARGIN - 40) / MAX(y1 - y0, 1e-9));
    s = MIN(s, 1);
    for (guint i = 0; i < w->blobs->len; i++) {
        Blob *b = &g_array_index(w->blobs, Blob, i);
        b->x = WIDTH / 2.0 + (b->x - (x0 + x1) / 2) * s;
        b->y = 20 + HEIGHT / 2.0 + (b->y - (y0 + y1) / 2) * s;
        b->r *= s;
    }
}

/* Ties between blobs: width by count, the count on the middle. */
static void
draw_between(Wijk *w, const gboolean *drawn)
{
    gsize k = w->blobs->len;
    gint64 most = 1;
    for (gsize i = 0; i < k * k; i++) {
        most = MAX(most, w->between[i]);
    }
    WnLanguage lang = w->opts->language;
    for (gsize i = 0; i < k; i++) {
        for (gsize j = i + 1; j < k; j++) {
            gint64 n = w->between[i * k + j];
            if (n == 0 || !drawn[i] || !drawn[j]) {
                continue;
            }
            const Blob *a = &g_array_index(w->blobs, Blob, i),
                       *b = &g_array_index(w->blobs, Blob, j);
            gboolean hidden = a->text[SHOW_RESIDENTS] == NULL || b->text[SHOW_RESIDENTS] == NULL;
            g_autofree char *shown = hidden ? g_strdup("x") : count_text(w, n);
            g_autofree char *count = g_markup_escape_text(shown, -1);
            double dx = b->x - a->x, dy = b->y - a->y, d = MAX(hypot(dx, dy), 1e-9);
            double gap = MAX(d - a->r - b->r, 0), mid = a->r + gap / 2;
            g_string_append(w->svg, "<g class=\"between\"><line stroke=\"#6b6b6b\"");
            wn_svg__append_attr(w->svg, "x1", a->x + dx / d * a->r),
                wn_svg__append_attr(w->svg, "y1", a->y + dy / d * a->r);
            wn_svg__append_attr(w->svg, "x2", b->x - dx / d * b->r),
                wn_svg__append_attr(w->svg, "y2", b->y - dy / d * b->r);
            wn_svg__append_attr(w->svg, "stroke-width",
                                1.5 + 16 * sqrt((double) n / (double) most));
            g_string_append(w->svg, "/><text font-size=\"13\" text-anchor=\"middle\" "
                                    "stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\"");
            wn_svg__append_attr(w->svg, "x", a->x + dx / d * mid);
            wn_svg__append_attr(w->svg, "y", a->y + dy / d * mid + 4);
            g_string_append_printf(w->svg, ">%s %s</text></g>\n", count,
                                   wn_svg__word(lang, n == 1 ? WN_SVG_CONTACT : WN_SVG_CONTACTS));
        }
    }
}

static void
blob_line(Wijk *w, const Blob *b, double dy, const char *class, const char *attrs, const char *text)
{
    g_autofree char *escaped = g_markup_escape_text(text, -1);
    g_string_append_printf(w->svg, "<text class=\"%s\" %s", class, attrs);
    wn_svg__append_attr(w->svg, "x", b->x);
    wn_svg__append_attr(w->svg, "y", b->y + dy);
    g_string_append_printf(w->svg, ">%s</text>\n", escaped);
}

/* "132 zonder enig contact": the shown count, then its words. */
static char *
count_line(const Wijk *w, const char *shown, WnSvgWord words)
{
    return g_strdup_printf("%s %s", shown, wn_svg__word(w->opts->language, words));
}

static void
draw_blob(Wijk *w, const Blob *b)
{
    WnLanguage lang = w->opts->language;
    g_string_append(w->svg, "<g class=\"blob\" text-anchor=\"middle\" stroke=\"#ffffff\" "
                            "stroke-width=\"4\" paint-order=\"stroke\">\n<circle fill=\"#0072b2\" "
                            "fill-opacity=\"0.18\" stroke=\"#0072b2\" stroke-width=\"2\"");
    wn_svg__append_attr(w->svg, "cx", b->x), wn_svg__append_attr(w->svg, "cy", b->y),
        wn_svg__append_attr(w->svg, "r", b->r);
    g_string_append(w->svg, "/>\n");
    blob_line(w, b, -30, "name", "font-size=\"16\" font-weight=\"bold\"", b->name);
    if (b->text[SHOW_RESIDENTS] == NULL) {
        blob_line(w, b, -8, "hidden", "font-size=\"13\"", wn_svg__word(lang, WN_SVG_TOO_FEW));
        g_string_append(w->svg, "</g>\n");
        return;
    }
    g_autofree char *residents =
        count_line(w, b->text[SHOW_RESIDENTS],
                   b->raw[SHOW_RESIDENTS] == 1 ? WN_SVG_RESIDENT : WN_SVG_RESIDENTS);
    g_autofree char *isolated = count_line(w, b->text[SHOW_ISOLATED], WN_SVG_NO_CONTACT_AT_ALL);
    g_autofree char *formal = count_line(w, b->text[SHOW_FORMAL_ONLY], WN_SVG_ONLY_FORMAL);
    blob_line(w, b, -10, "residents", "font-size=\"13\"", residents);
    blob_line(w, b, 10, "isolated", "font-size=\"13\" fill=\"#a85a00\" font-weight=\"bold\"",
              isolated);
    blob_line(w, b, 28, "formal-only", "font-size=\"13\" fill=\"#a2488a\" font-weight=\"bold\"",
              formal);
    g_string_append(w->svg, "</g>\n");
}

static void
draw(Wijk *w, const gboolean *drawn)
{
    WnLanguage lang = w->opts->language;
    const char *title = wn_svg__word(lang, w->by_area ? WN_SVG_WIJK_TITLE : WN_SVG_WIJK_TITLE_COMM);
    g_string_append_printf(w->svg,
                           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                           "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" class=\"wijk\">\n"
                           "<title>%s</title>\n<rect width=\"100%%\" height=\"100%%\" "
                           "fill=\"#ffffff\"/>\n<text x=\"20\" y=\"30\" font-size=\"18\" "
                           "font-weight=\"bold\">%s</text>\n",
                           WIDTH, HEIGHT + LEGEND_HEIGHT, WIDTH, HEIGHT + LEGEND_HEIGHT, title,
                           title);
    draw_between(w, drawn);
    for (guint i = 0; i < w->blobs->len; i++) {
        if (drawn[i]) {
            draw_blob(w, &g_array_index(w->blobs, Blob, i));
        }
    }
    g_autofree char *k = g_strdup_printf("%u", w->opts->min_cell);
    static const WnSvgWord legend[] = {WN_SVG_WIJK_SIZE, WN_SVG_WIJK_LINES, WN_SVG_WIJK_HIDDEN};
    for (guint i = 0; i < G_N_ELEMENTS(legend); i++) {
        if (legend[i] == WN_SVG_WIJK_HIDDEN && w->opts->min_cell < 2) {
            break;
        }
        g_autofree char *text = wn_svg__fill(lang, legend[i], k);
        g_autofree char *escaped = g_markup_escape_text(text, -1);
        g_string_append_printf(w->svg, "<text x=\"20\" y=\"%d\" font-size=\"13\">%s</text>\n",
                               HEIGHT + 20 + 22 * (int) i, escaped);
    }
    g_string_append(w->svg, "</svg>\n");
}

static void
wijk_clear(Wijk *w)
{
    g_clear_pointer(&w->blobs, g_array_unref);
    g_clear_pointer(&w->blob_of, g_free);
    g_clear_pointer(&w->between, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Wijk, wijk_clear)

/**
 * wn_wijk_svg:
 * The whole wijk as one standalone SVG 1.1 document that reads at any size: one blob per
 * buurt (each area code of nodes.csv, named from @opts->shapes; the residents without an
 * area as a blob of their own), its area growing with its residents, and between two blobs
 * a line whose width grows with the informal ties between their nodes, the count written
 * on it. In each blob: its residents, those without any contact (isolated) and those in
 * contact with professionals only (formal only), as the areas table shows them
 * (wn_areas_table at @opts->min_cell: "<K" below K, "x" where a hidden cell could be
 * worked back, no figures for an area of fewer than K residents), so that nobody is left
 * out without saying so. A dataset without areas is drawn by community instead (Leiden,
 * seed 1; the 11 largest of two or more residents, the rest in one blob), with counts below
 * K read "<K", and in a count whose only hidden cell the town total would give away, the
 * smallest other cell "x". Blobs sit where their residents live when each has a mean position
 * (the areas table's lon and lat), else on a circle, pushed apart until none overlap.
 * Every text in @opts->language.
 * Returns: (transfer full): the SVG text; NULL on error (as wn_areas_table or
 * wn_communities_detect).
 * Cost: O(n + m) plus that of wn_areas_table or wn_communities_detect.
 */
char *
wn_wijk_svg(const WnNetwork *net, const WnWijkSvgOptions *opts, GError **error)
{
    g_return_val_if_fail(net != NULL && opts != NULL, NULL);
    g_auto(Wijk) w = {.net = net, .opts = opts};
    w.blobs = g_array_new(FALSE, TRUE, sizeof(Blob));
    g_array_set_clear_func(w.blobs, blob_clear);
    w.blob_of = g_new0(gssize, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        w.blob_of[v] = -1;
        w.by_area = w.by_area || wn_network_node_area(net, v) != NULL;
    }
    if (!(w.by_area ? blobs_from_areas(&w, error) : blobs_from_communities(&w, error)) ||
        !count_statuses(&w, error)) {
        return NULL;
    }
    count_between(&w);
    g_autofree gboolean *drawn = g_new0(gboolean, w.blobs->len + 1);
    for (guint i = 0; i < w.blobs->len; i++) {
        Blob *b = &g_array_index(w.blobs, Blob, i);
        drawn[i] = blob_drawn(&w, i);
        if (b->text[SHOW_RESIDENTS] == NULL) {
            b->residents = MAX(opts->min_cell, 1); /* a hidden area: no size that tells */
        }
    }
    lay_out(&w, drawn);
    fit(&w, drawn);
    w.svg = g_string_new(NULL);
    draw(&w, drawn);
    return g_string_free(g_steal_pointer(&w.svg), FALSE);
}
