/* svg-network.c: a drawing of the whole network, coloured by isolation status, as SVG */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "maps.h"

#include <math.h>
#include <stdlib.h>

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(igraph_matrix_t, igraph_matrix_destroy)

enum { SIZE = 1000, MARGIN = 30, LEGEND_HEIGHT = 120, SAMPLED_ABOVE = 20000, SAMPLES = 1000 };

/* In WnStatus order: connected, fragile, formal_only, isolated, not_resident; Okabe-Ito
 * hues without red, the isolated and formal-only as in the wijk and ego drawings. */
static const char *const status_colours[] = {"#009e73", "#56b4e9", "#a2488a", "#a85a00", "#7a7a7a"};

/* The drawn part: nodes (old ids, ascending) and their positions in pixels. */
typedef struct {
    gsize n;       /* nodes drawn */
    gsize *node;   /* drawn node i is network node node[i] */
    gssize *drawn; /* network node v is drawn node drawn[v], or -1 */
    double *x, *y;
} Drawing;

static void
drawing_free(Drawing *d)
{
    g_free(d->node);
    g_free(d->drawn);
    g_free(d->x);
    g_free(d->y);
    g_free(d);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Drawing, drawing_free)

/* A graph made here: destroyed only once it was made (igraph_destroy of a graph that
 * was never initialised crashes, docs/STYLE.md). */
typedef struct {
    igraph_t graph;
    gboolean ready;
} LocalGraph;

static void
local_graph_clear(LocalGraph *g)
{
    if (g->ready) {
        igraph_destroy(&g->graph);
    }
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(LocalGraph, local_graph_clear)

static gint
by_betweenness(gconstpointer a, gconstpointer b, gpointer data)
{
    const double *score = data;
    gsize u = *(const gsize *) a, v = *(const gsize *) b;
    if (score[u] != score[v]) {
        return score[u] > score[v] ? -1 : 1;
    }
    return u < v ? -1 : u > v;
}

static gint
by_node(gconstpointer a, gconstpointer b)
{
    gsize u = *(const gsize *) a, v = *(const gsize *) b;
    return u < v ? -1 : u > v;
}

/* Whether a node is drawn whatever max_nodes says: a resident without any contact or
 * with professionals only. */
static gboolean
always_drawn(const GArray *status, gsize v)
{
    guint8 s = g_array_index(status, guint8, v);
    return s == WN_STATUS_ISOLATED || s == WN_STATUS_FORMAL_ONLY;
}

/* Every isolated and formal-only resident, and the @max other nodes of highest
 * betweenness (ties: node order), or all; in node order. */
static Drawing *
choose_nodes(gsize n, const GArray *betweenness, const GArray *status, guint max)
{
    Drawing *d = g_new0(Drawing, 1);
    g_autofree gsize *order = g_new0(gsize, n + 1);
    for (gsize v = 0; v < n; v++) {
        order[v] = v;
    }
    g_qsort_with_data(order, (gint) n, sizeof(gsize), by_betweenness, (gpointer) betweenness->data);
    d->node = g_new0(gsize, n + 1);
    gsize others = 0;
    for (gsize i = 0; i < n; i++) {
        gboolean always = always_drawn(status, order[i]);
        if (always || max == 0 || others < max) {
            d->node[d->n++] = order[i];
            others += !always;
        }
    }
    qsort(d->node, d->n, sizeof(gsize), by_node);
    d->drawn = g_new0(gssize, n + 1);
    for (gsize v = 0; v < n; v++) {
        d->drawn[v] = -1;
    }
    for (gsize i = 0; i < d->n; i++) {
        d->drawn[d->node[i]] = (gssize) i;
    }
    d->x = g_new0(double, d->n + 1);
    d->y = g_new0(double, d->n + 1);
    return d;
}

/* Which drawn nodes have a tie to another drawn node. */
static gboolean *
tied_nodes(const WnNetwork *net, const Drawing *d)
{
    gboolean *tied = g_new0(gboolean, d->n + 1);
    for (gsize t = 0; t < net->m; t++) {
        gssize a = d->drawn[net->tie_from[t]], b = d->drawn[net->tie_to[t]];
        if (a >= 0 && b >= 0) {
            tied[a] = tied[b] = TRUE;
        }
    }
    return tied;
}

/* Nodes without a tie go on a shelf of rows at the bottom, at most a quarter of the
 * canvas high; otherwise the layout spreads them around and the network shrinks to a
 * dot. Returns: the shelf's top edge. */
static double
shelve_untied(Drawing *d, const gboolean *tied)
{
    gsize untied = 0;
    for (gsize i = 0; i < d->n; i++) {
        untied += !tied[i];
    }
    if (untied == 0) {
        return SIZE - MARGIN;
    }
    double width = SIZE - 2 * MARGIN, step = 8;
    step = MIN(step, sqrt(width * (SIZE / 4.0) / (double) untied));
    gsize per_row = MAX((gsize) (width / step), 1), k = 0;
    double top = SIZE - MARGIN - ceil((double) untied / (double) per_row) * step;
    for (gsize i = 0; i < d->n; i++) {
        if (!tied[i]) {
            d->x[i] = MARGIN + step / 2 + (double) (k % per_row) * step;
            d->y[i] = top + step / 2 + (double) (k / per_row) * step;
            k++;
        }
    }
    return top - 20;
}

/* Scales the layout of the tied nodes into [MARGIN, SIZE − MARGIN] × [MARGIN, bottom],
 * keeping its shape. */
static void
fit_layout(Drawing *d, const igraph_matrix_t *xy, const gboolean *tied, double bottom)
{
    double min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;
    for (gsize i = 0; i < d->n; i++) {
        if (tied[i]) {
            min_x = MIN(min_x, MATRIX(*xy, i, 0)), max_x = MAX(max_x, MATRIX(*xy, i, 0));
            min_y = MIN(min_y, MATRIX(*xy, i, 1)), max_y = MAX(max_y, MATRIX(*xy, i, 1));
        }
    }
    double scale = MIN((SIZE - 2 * MARGIN) / MAX(max_x - min_x, 1e-9),
                       (bottom - MARGIN) / MAX(max_y - min_y, 1e-9));
    for (gsize i = 0; i < d->n; i++) {
        if (tied[i]) {
            d->x[i] = MARGIN + (MATRIX(*xy, i, 0) - min_x) * scale;
            d->y[i] = MARGIN + (MATRIX(*xy, i, 1) - min_y) * scale;
        }
    }
}

/* Fruchterman-Reingold from a seeded random start, over the drawn nodes only. */
static gboolean
lay_out(const WnNetwork *net, Drawing *d, guint64 seed, GError **error)
{
    g_auto(igraph_vector_int_t) keep = IGRAPH_VECTOR_NULL;
    g_auto(LocalGraph) sub = {0};
    g_auto(igraph_matrix_t) xy = {0};
    if (!wn_igraph__ok(igraph_vector_int_init(&keep, (igraph_integer_t) d->n), error) ||
        !wn_igraph__ok(igraph_matrix_init(&xy, 0, 0), error)) {
        return FALSE;
    }
    for (gsize i = 0; i < d->n; i++) {
        VECTOR(keep)[i] = (igraph_integer_t) d->node[i];
    }
    /* vertex ids keep their order under CREATE_FROM_SCRATCH: sub vertex i is node[i] */
    if (!wn_igraph__ok(igraph_induced_subgraph(wn_network__graph(net), &sub.graph,
                                               igraph_vss_vector(&keep),
                                               IGRAPH_SUBGRAPH_CREATE_FROM_SCRATCH),
                       error)) {
        return FALSE;
    }
    sub.ready = TRUE;
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t) seed);
    igraph_integer_t iterations = d->n > 2000 ? 200 : 500;
    if (!wn_igraph__ok(igraph_layout_fruchterman_reingold(
                           &sub.graph, &xy, FALSE, iterations, sqrt((double) d->n),
                           IGRAPH_LAYOUT_AUTOGRID, NULL, NULL, NULL, NULL, NULL),
                       error)) {
        return FALSE;
    }
    g_autofree gboolean *tied = tied_nodes(net, d);
    fit_layout(d, &xy, tied, shelve_untied(d, tied));
    return TRUE;
}

static void
append_point(GString *svg, const Drawing *d, gsize i)
{
    wn_svg__append_number(svg, d->x[i]);
    g_string_append_c(svg, ' ');
    wn_svg__append_number(svg, d->y[i]);
}

/* Ties between drawn nodes, as two paths: informal solid, formal dashed. */
static void
draw_ties(GString *svg, const WnNetwork *net, const Drawing *d)
{
    for (int formal = 0; formal <= 1; formal++) {
        g_string_append_printf(svg,
                               "<path fill=\"none\" stroke=\"%s\" stroke-width=\"0.4\" "
                               "stroke-opacity=\"0.6\"%s d=\"",
                               formal ? "#2b83ba" : "#888888",
                               formal ? " stroke-dasharray=\"3 2\"" : "");
        for (gsize t = 0; t < net->m; t++) {
            gssize a = d->drawn[net->tie_from[t]], b = d->drawn[net->tie_to[t]];
            if (a < 0 || b < 0 || wn_network_tie_is_formal(net, t) != (formal == 1)) {
                continue;
            }
            g_string_append_c(svg, 'M');
            append_point(svg, d, (gsize) a);
            g_string_append_c(svg, 'L');
            append_point(svg, d, (gsize) b);
        }
        g_string_append(svg, "\"/>\n");
    }
}

/* One group per status; the radius grows with the square root of betweenness. */
static void
draw_nodes(GString *svg, const Drawing *d, const GArray *status, const double *betweenness)
{
    double top = 0;
    for (gsize i = 0; i < d->n; i++) {
        top = MAX(top, betweenness[d->node[i]]);
    }
    for (guint s = 0; s < G_N_ELEMENTS(status_colours); s++) {
        g_string_append_printf(svg, "<g fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.3\">\n",
                               status_colours[s]);
        for (gsize i = 0; i < d->n; i++) {
            gsize v = d->node[i];
            if (g_array_index(status, guint8, v) != s) {
                continue;
            }
            double r = 2.5 + (top > 0 ? 9.0 * sqrt(betweenness[v] / top) : 0);
            g_string_append(svg, "<circle cx=\"");
            wn_svg__append_number(svg, d->x[i]);
            g_string_append(svg, "\" cy=\"");
            wn_svg__append_number(svg, d->y[i]);
            g_string_append(svg, "\" r=\"");
            wn_svg__append_number(svg, r);
            g_string_append(svg, "\"/>\n");
        }
        g_string_append(svg, "</g>\n");
    }
}

/* Labels (personal data): only when asked; a node without a label shows its id. */
static void
draw_labels(GString *svg, const WnNetwork *net, const Drawing *d)
{
    g_string_append(svg, "<g font-size=\"8\" fill=\"#222222\">\n");
    for (gsize i = 0; i < d->n; i++) {
        const char *label = wn_network_node_label(net, d->node[i]);
        g_autofree char *text = g_markup_escape_text(
            label != NULL && *label != '\0' ? label : wn_network_node_id(net, d->node[i]), -1);
        g_string_append(svg, "<text x=\"");
        wn_svg__append_number(svg, d->x[i] + 4);
        g_string_append(svg, "\" y=\"");
        wn_svg__append_number(svg, d->y[i] - 4);
        g_string_append_printf(svg, "\">%s</text>\n", text);
    }
    g_string_append(svg, "</g>\n");
}

/* The legend's last lines (one per \n): what node size, dashes and the bottom rows mean,
 * who is always drawn, and what is left out. */
static char *
legend_note(const WnNetwork *net, const Drawing *d, const GArray *status, WnLanguage lang)
{
    gboolean nl = lang == WN_LANGUAGE_NL;
    gsize always[2] = {0, 0};
    for (gsize v = 0; v < net->n; v++) {
        always[0] += g_array_index(status, guint8, v) == WN_STATUS_ISOLATED;
        always[1] += g_array_index(status, guint8, v) == WN_STATUS_FORMAL_ONLY;
    }
    g_autofree char *isolated = wn_words__int(nl, (gint64) always[0]);
    g_autofree char *formal = wn_words__int(nl, (gint64) always[1]);
    g_autoptr(GString) note = g_string_new(NULL);
    g_string_append_printf(note,
                           nl ? "Alle %s bewoners zonder enig contact en alle %s met "
                                "alleen professionals zijn getekend."
                              : "All %s residents without any contact and all %s with "
                                "professionals only are drawn.",
                           isolated, formal);
    if (d->n < net->n) {
        g_autofree char *left = wn_words__int(nl, (gint64) (net->n - d->n));
        g_autofree char *all = wn_words__int(nl, (gint64) net->n);
        g_string_append_printf(note,
                               nl ? "\nNiet getekend: %s van de %s knopen, die met de "
                                    "laagste betweenness."
                                  : "\nNot drawn: %s of the %s nodes, those of lowest "
                                    "betweenness.",
                               left, all);
    }
    return g_markup_escape_text(note->str, -1);
}

static void
draw_legend(GString *svg, const WnNetwork *net, const Drawing *d, const GArray *status,
            WnLanguage lang)
{
    static const char *const words[][2] = {{"met een eigen netwerk", "connected"},
                                           {"weinig contacten", "few contacts"},
                                           {"alleen met professionals", "professionals only"},
                                           {"zonder enig contact", "no contact at all"},
                                           {"geen bewoner", "not a resident"}};
    gboolean nl = lang == WN_LANGUAGE_NL;
    int y = SIZE + 10;
    for (guint s = 0; s < G_N_ELEMENTS(status_colours); s++) {
        int x = MARGIN + (int) s * 190;
        g_string_append_printf(svg,
                               "<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"%s\"/><text x=\"%d\" "
                               "y=\"%d\" font-size=\"13\">%s</text>\n",
                               x + 6, y + 6, status_colours[s], x + 16, y + 11, words[s][!nl]);
    }
    g_autofree char *sampled =
        g_strdup_printf(nl ? " (geschat uit %d bronnen)" : " (estimated from %d sources)", SAMPLES);
    g_string_append_printf(svg, "<text x=\"%d\" y=\"%d\" font-size=\"13\">%s%s. %s</text>\n",
                           MARGIN, y + 40,
                           nl ? "Grootte: betweenness, hoe vaak iemand op de kortste weg tussen "
                                "anderen ligt"
                              : "Size: betweenness, how often a node lies on the shortest path "
                                "between others",
                           net->n > SAMPLED_ABOVE ? sampled : "",
                           nl ? "Streepjes: formele banden. Onderste rijen: zonder band."
                              : "Dashed: formal ties. Bottom rows: nodes without a tie.");
    g_autofree char *note = legend_note(net, d, status, lang);
    g_auto(GStrv) lines = g_strsplit(note, "\n", -1);
    for (int i = 0; lines[i] != NULL; i++) {
        g_string_append_printf(svg,
                               "<text class=\"left-out\" x=\"%d\" y=\"%d\" "
                               "font-size=\"13\">%s</text>\n",
                               MARGIN, y + 62 + 20 * i, lines[i]);
    }
}

static GArray *
betweenness_of(const WnNetwork *net, guint64 seed, GError **error)
{
    WnMeasureOptions mo = WN_MEASURE_OPTIONS_INIT;
    mo.samples = net->n > SAMPLED_ABOVE ? SAMPLES : 0;
    mo.seed = seed;
    return wn_measure_betweenness(net, &mo, error);
}

/**
 * wn_network__svg:
 * wn_network_to_svg, and in @left_out (may be NULL) how many nodes it left out.
 * Returns: (transfer full): the SVG text; NULL when igraph fails.
 */
char *
wn_network__svg(const WnNetwork *net, const WnDrawOptions *opts, gsize *left_out, GError **error)
{
    g_autoptr(GArray) betweenness = betweenness_of(net, opts->seed, error);
    g_autoptr(GArray) status = betweenness != NULL ? wn_isolation_status(net, error) : NULL;
    if (status == NULL) {
        return NULL;
    }
    g_autoptr(Drawing) d = choose_nodes(net->n, betweenness, status, opts->max_nodes);
    if (d->n > 0 && !lay_out(net, d, opts->seed, error)) {
        return NULL;
    }
    gboolean nl = opts->language == WN_LANGUAGE_NL;
    GString *svg = g_string_new(NULL);
    g_string_append_printf(svg,
                           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                           "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n"
                           "<title>%s</title>\n"
                           "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
                           SIZE, SIZE + LEGEND_HEIGHT, SIZE, SIZE + LEGEND_HEIGHT,
                           nl ? "Het netwerk, gekleurd naar isolatie"
                              : "The network, coloured by isolation status");
    draw_ties(svg, net, d);
    draw_nodes(svg, d, status, (const double *) betweenness->data);
    if (opts->show_labels) {
        draw_labels(svg, net, d);
    }
    draw_legend(svg, net, d, status, opts->language);
    g_string_append(svg, "</svg>\n");
    if (left_out != NULL) {
        *left_out = net->n - d->n;
    }
    return g_string_free(svg, FALSE);
}

/**
 * wn_network_to_svg:
 * A drawing of the whole network as a standalone SVG 1.1 document, 1000 pixels square
 * plus a legend in @opts->language: a Fruchterman-Reingold layout (igraph, seeded with
 * @opts->seed, so the same seed gives the same drawing; it reseeds igraph's default
 * generator) of the undirected network, nodes coloured by isolation status
 * (wn_isolation_status; every non-resident one colour; Okabe-Ito hues without red) and
 * sized by betweenness (exact; estimated from 1000 sampled sources above 20,000 nodes),
 * informal ties solid and formal ties dashed. Every isolated and formal-only resident is
 * drawn whatever @opts->max_nodes says; of the other nodes, with more than
 * @opts->max_nodes of them only the @opts->max_nodes of highest betweenness (ties: node
 * order), and the ties among the drawn nodes. The legend says who is always drawn and
 * how many nodes were left out. Nodes without a tie among the drawn ones sit in rows
 * along the bottom, so the network keeps its size. No label or id appears unless
 * @opts->show_labels (then the label, or the id of a node without one). A network
 * without nodes gives an empty frame with the legend.
 * Returns: (transfer full): the SVG text; NULL when igraph fails.
 * Cost: O(n·m) for betweenness (O(K·m) sampled), plus the layout's O(iterations ·
 * (n + m)) with its grid for the drawn nodes.
 */
char *
wn_network_to_svg(const WnNetwork *net, const WnDrawOptions *opts, GError **error)
{
    return wn_network__svg(net, opts, NULL, error);
}
