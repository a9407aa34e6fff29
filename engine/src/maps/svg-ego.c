/* svg-ego.c: one person's contacts as an eco-map, the drawing social workers know, as SVG */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "maps.h"

#include <math.h>
#include <stdlib.h>

enum {
    WIDTH = 900,
    CX = 450,
    CY = 410,
    RING = 210,
    NAMES = RING + 78,
    LEGEND_TOP = 740,
    HEIGHT = 870
};
/* Above this many contacts the marks carry no text (point at one for its id). */
enum { MAX_NAMED = 90 };

/* The sectors, clockwise from the top. */
typedef enum {
    SECTOR_FAMILY,
    SECTOR_FRIENDS,
    SECTOR_GROUPS,
    SECTOR_PROFESSIONALS,
    SECTOR_CONFLICT,
    SECTORS
} Sector;

static const char *const sector_ids[SECTORS] = {"family", "friends", "groups", "professionals",
                                                "conflict"};
/* Okabe-Ito hues without red, darkened to a contrast of at least 4.5:1 on white. */
static const char *const sector_colours[SECTORS] = {"#0072b2", "#00785a", "#a2488a", "#a85a00",
                                                    "#333333"};

/* One contact of the person in the centre. */
typedef struct {
    gsize node;
    Sector sector;
    double weight;         /* of the tie; 0 for a conflict only */
    WnRelations relations; /* of the tie; 0 for a conflict only */
    gboolean conflict;
    double angle, radius; /* where its mark goes */
} Contact;

typedef struct {
    const WnNetwork *net;
    const WnEgoSvgOptions *opts;
    gsize centre;
    GArray *contacts; /* of Contact */
    gsize count[SECTORS];
    double scale; /* of marks and lines: below 1 when many contacts crowd the ring */
    double start[SECTORS], span[SECTORS]; /* degrees, clockwise from the x axis */
    GString *svg;
} Ego;

static Contact *
contact_of(GArray *contacts, GHashTable *index, gsize node)
{
    gpointer at = g_hash_table_lookup(index, GSIZE_TO_POINTER(node + 1));
    if (at == NULL) {
        Contact c = {.node = node};
        g_array_append_val(contacts, c);
        at = GSIZE_TO_POINTER((gsize) contacts->len);
        g_hash_table_insert(index, GSIZE_TO_POINTER(node + 1), at);
    }
    return &g_array_index(contacts, Contact, GPOINTER_TO_SIZE(at) - 1);
}

/* The sector of a contact: conflict apart, then by the other's kind, then by relation. */
static Sector
sector_of(const WnNetwork *net, const Contact *c)
{
    WnNodeKind kind = wn_network_node_kind(net, c->node);
    if (c->conflict) {
        return SECTOR_CONFLICT;
    }
    if (kind == WN_NODE_PROFESSIONAL || kind == WN_NODE_ORGANISATION) {
        return SECTOR_PROFESSIONALS;
    }
    if (kind == WN_NODE_GROUP || c->relations == WN_RELATION(WN_TIE_MEMBER)) {
        return SECTOR_GROUPS;
    }
    if (c->relations & (WN_RELATION(WN_TIE_FAMILY) | WN_RELATION(WN_TIE_HOUSEHOLD))) {
        return SECTOR_FAMILY;
    }
    return SECTOR_FRIENDS;
}

static gint
by_sector_weight(gconstpointer a, gconstpointer b)
{
    const Contact *x = a, *y = b;
    if (x->sector != y->sector) {
        return x->sector < y->sector ? -1 : 1;
    }
    if (x->weight != y->weight) {
        return x->weight > y->weight ? -1 : 1;
    }
    return x->node < y->node ? -1 : x->node > y->node;
}

/* Every tie and conflict of the centre, one contact per other node. */
static void
gather(Ego *e)
{
    const WnNetwork *net = e->net;
    g_autoptr(GHashTable) index = g_hash_table_new(NULL, NULL);
    for (gsize t = 0; t < net->m; t++) {
        gsize a = net->tie_from[t], b = net->tie_to[t];
        if ((a == e->centre) != (b == e->centre)) {
            Contact *c = contact_of(e->contacts, index, a == e->centre ? b : a);
            c->weight += wn_network_tie_weight(net, t);
            c->relations |= wn_network_tie_relations(net, t);
        }
    }
    for (guint i = 0; i + 1 < net->conflicts->len; i += 2) {
        gsize a = g_array_index(net->conflicts, guint32, i);
        gsize b = g_array_index(net->conflicts, guint32, i + 1);
        if ((a == e->centre) != (b == e->centre)) {
            contact_of(e->contacts, index, a == e->centre ? b : a)->conflict = TRUE;
        }
    }
    for (guint i = 0; i < e->contacts->len; i++) {
        Contact *c = &g_array_index(e->contacts, Contact, i);
        c->sector = sector_of(net, c);
        e->count[c->sector]++;
    }
    g_array_sort(e->contacts, by_sector_weight);
}

/* Sector widths: an empty sector 24°, a filled one at least 36°, the rest by contacts. */
static void
divide_circle(Ego *e)
{
    double fixed = 0, total = (double) e->contacts->len;
    for (int s = 0; s < SECTORS; s++) {
        fixed += e->count[s] > 0 ? 36 : 24;
    }
    double at = 0;
    for (int s = 0; s < SECTORS; s++) {
        e->span[s] = e->count[s] > 0 ? 36 + (360 - fixed) * (double) e->count[s] / total : 24;
        if (total == 0) {
            e->span[s] = 360.0 / SECTORS;
        }
        e->start[s] = at;
        at += e->span[s];
    }
    /* room for 60 % of the ring at 16 pixels a contact, else smaller marks */
    e->scale = total > 0 ? CLAMP(2 * G_PI * RING * 0.6 / total / 16, 0.25, 1) : 1;
    double shift = -90 - e->span[0] / 2; /* the family sector centred at the top */
    for (int s = 0; s < SECTORS; s++) {
        e->start[s] += shift;
    }
}

/* A stronger tie sits closer to the centre: weight 10 or more at 60 %, weight 1 on the ring. */
static double
radius_of(double weight)
{
    double w = CLAMP(weight, 1, 10);
    return RING * (1 - 0.4 * (w - 1) / 9);
}

static double
width_of(double weight)
{
    return 1 + 0.5 * CLAMP(weight, 1, 10);
}

static void
place_contacts(Ego *e)
{
    gsize seen[SECTORS] = {0};
    for (guint i = 0; i < e->contacts->len; i++) {
        Contact *c = &g_array_index(e->contacts, Contact, i);
        double step = e->span[c->sector] / (double) e->count[c->sector];
        c->angle = e->start[c->sector] + step * ((double) seen[c->sector]++ + 0.5);
        c->radius = c->conflict && c->weight == 0 ? RING : radius_of(c->weight);
    }
}

static double
x_at(double angle, double radius)
{
    return CX + radius * cos(angle * G_PI / 180);
}

static double
y_at(double angle, double radius)
{
    return CY + radius * sin(angle * G_PI / 180);
}

static void
append_xy(GString *svg, const char *x, const char *y, double angle, double radius)
{
    g_string_append_printf(svg, " %s=\"", x);
    wn_svg__append_number(svg, x_at(angle, radius));
    g_string_append_printf(svg, "\" %s=\"", y);
    wn_svg__append_number(svg, y_at(angle, radius));
    g_string_append_c(svg, '"');
}

/* Light wedges behind everything, each named on its middle. */
static void
draw_sectors(Ego *e)
{
    for (int s = 0; s < SECTORS; s++) {
        double a = e->start[s], b = e->start[s] + e->span[s], r = RING + 40;
        g_string_append_printf(e->svg,
                               "<path fill=\"%s\" fill-opacity=\"0.07\" "
                               "stroke=\"#cccccc\" d=\"M%d %d L",
                               sector_colours[s], CX, CY);
        wn_svg__append_number(e->svg, x_at(a, r));
        g_string_append_c(e->svg, ' ');
        wn_svg__append_number(e->svg, y_at(a, r));
        g_string_append_printf(e->svg, " A%d %d 0 %d 1 ", (int) r, (int) r, b - a > 180);
        wn_svg__append_number(e->svg, x_at(b, r));
        g_string_append_c(e->svg, ' ');
        wn_svg__append_number(e->svg, y_at(b, r));
        g_string_append(e->svg, " Z\"/>\n");
    }
    g_string_append_printf(e->svg,
                           "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"none\" stroke=\"#dddddd\" "
                           "stroke-dasharray=\"2 4\"/>\n",
                           CX, CY, RING);
}

/* Where a sector's name goes: beyond the ring on the sector's middle, running away from
 * the centre, moved in where a long name would leave the canvas (9.8 px a letter). */
static double
name_x(double mid, const char *name, const char **anchor, double *y)
{
    double across = cos(mid * G_PI / 180), x = x_at(mid, NAMES);
    double width = 9.8 * (double) g_utf8_strlen(name, -1);
    *anchor = across > 0.3 ? "start" : across < -0.3 ? "end" : "middle";
    double left = across > 0.3 ? 0 : across < -0.3 ? width : width / 2;
    double inside = CLAMP(x, 10 + left, WIDTH - 10 - (width - left));
    *y = y_at(mid, NAMES) - (inside != x ? 44 : 0); /* moved in: above the marks' text */
    return inside;
}

static void
draw_sector_names(Ego *e)
{
    WnLanguage lang = e->opts->language;
    WnNodeKind centre = wn_network_node_kind(e->net, e->centre);
    gboolean formal = centre == WN_NODE_PROFESSIONAL || centre == WN_NODE_ORGANISATION;
    for (int s = 0; s < SECTORS; s++) {
        double mid = e->start[s] + e->span[s] / 2;
        g_autofree char *count = e->count[s] > 0 ? wn_svg__count(lang, (gint64) e->count[s],
                                                                 WN_SVG_CONTACT, WN_SVG_CONTACTS)
                                                 : g_strdup(wn_svg__word(lang, WN_SVG_NONE));
        /* around a group its residents are members; around a professional, clients */
        WnSvgWord word = s == SECTOR_GROUPS && centre == WN_NODE_GROUP ? WN_SVG_SECTOR_MEMBERS
                         : s == SECTOR_FRIENDS && formal               ? WN_SVG_SECTOR_RESIDENTS
                                                                       : WN_SVG_SECTOR_FAMILY + s;
        const char *name = wn_svg__word(lang, word);
        const char *anchor = NULL;
        double y = 0, x = name_x(mid, name, &anchor, &y);
        g_string_append_printf(e->svg,
                               "<g class=\"sector sector-%s\" text-anchor=\"%s\" "
                               "fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"4\" "
                               "paint-order=\"stroke\">\n<text font-size=\"16\" "
                               "font-weight=\"bold\"",
                               sector_ids[s], anchor, sector_colours[s]);
        wn_svg__append_attr(e->svg, "x", x);
        wn_svg__append_attr(e->svg, "y", y);
        g_string_append_printf(e->svg, ">%s</text>\n<text font-size=\"13\"", name);
        wn_svg__append_attr(e->svg, "x", x);
        wn_svg__append_attr(e->svg, "y", y + 16);
        g_string_append_printf(e->svg, ">%s</text>\n</g>\n", count);
    }
}

/* What the mark says: the id, or with show_labels the label (the id when it has none). */
static char *
name_of(const Ego *e, gsize node)
{
    const char *label = wn_network_node_label(e->net, node);
    const char *text = e->opts->show_labels && label != NULL && *label != '\0'
                           ? label
                           : wn_network_node_id(e->net, node);
    return g_markup_escape_text(text, -1);
}

/* The tooltip: name, relations in words, weight. */
static char *
tooltip_of(const Ego *e, const Contact *c)
{
    WnLanguage lang = e->opts->language;
    const char *code = lang == WN_LANGUAGE_NL ? "nl" : "en";
    g_autofree char *name = name_of(e, c->node);
    g_autofree char *relations = wn_relations_describe(c->relations, code);
    g_autoptr(GString) text = g_string_new(name);
    g_string_append_printf(text, ": %s", relations);
    if (c->conflict) {
        g_string_append_printf(text, "%sconflict", *relations != '\0' ? ", " : "");
    }
    if (c->weight > 0) {
        g_autofree char *w = wn_words__decimal(lang == WN_LANGUAGE_NL, c->weight,
                                               c->weight == floor(c->weight) ? 0 : 1);
        g_string_append_printf(text, " (%s %s)", wn_svg__word(lang, WN_SVG_WEIGHT), w);
    }
    return g_markup_escape_text(text->str, -1);
}

/* Whether a tie holds more than one relation. */
static gboolean
several(const Contact *c)
{
    return (c->relations & (c->relations - 1)) != 0;
}

/* The line from the centre: width by weight, a white core for several relations,
 * dashed for a conflict. */
static void
draw_line(Ego *e, const Contact *c)
{
    gboolean cored = several(c) && !c->conflict;
    double width = (c->weight > 0 ? width_of(c->weight) : 2.5) * e->scale;
    for (int core = 0; core <= cored; core++) {
        g_string_append_printf(e->svg, "<line x1=\"%d\" y1=\"%d\"", CX, CY);
        append_xy(e->svg, "x2", "y2", c->angle, c->radius);
        g_string_append_printf(e->svg, " stroke=\"%s\" stroke-width=\"",
                               core ? "#ffffff" : sector_colours[c->sector]);
        wn_svg__append_number(e->svg, core ? 1.5 * e->scale
                                           : MAX(cored ? MAX(width, 4.5 * e->scale) : width, 0.6));
        g_string_append_printf(e->svg, "\"%s/>\n", c->conflict ? " stroke-dasharray=\"8 5\"" : "");
    }
}

/* Appends a path through @n corners (x, y pairs), closed. */
static void
append_polygon(GString *svg, const double *xy, int n)
{
    g_string_append(svg, "<path d=\"");
    for (int i = 0; i < n; i++) {
        g_string_append_c(svg, i == 0 ? 'M' : 'L');
        wn_svg__append_number(svg, xy[2 * i]);
        g_string_append_c(svg, ' ');
        wn_svg__append_number(svg, xy[2 * i + 1]);
    }
    g_string_append(svg, "Z\"");
}

static void
draw_shape(Ego *e, const Contact *c)
{
    WnNodeKind kind = wn_network_node_kind(e->net, c->node);
    double x = x_at(c->angle, c->radius), y = y_at(c->angle, c->radius);
    double r = 7 * e->scale, d = 9 * e->scale;
    if (kind == WN_NODE_RESIDENT) {
        g_string_append(e->svg, "<circle");
        wn_svg__append_attr(e->svg, "r", r);
        append_xy(e->svg, "cx", "cy", c->angle, c->radius);
    } else if (kind == WN_NODE_GROUP) {
        double diamond[] = {x, y - d, x + d, y, x, y + d, x - d, y};
        append_polygon(e->svg, diamond, 4);
    } else {
        g_string_append(e->svg, "<rect");
        wn_svg__append_attr(e->svg, "width", 2 * r);
        wn_svg__append_attr(e->svg, "height", 2 * r);
        wn_svg__append_attr(e->svg, "x", x - r);
        wn_svg__append_attr(e->svg, "y", y - r);
        g_string_append(e->svg, kind == WN_NODE_ORGANISATION ? " rx=\"4\"" : "");
    }
    g_string_append_printf(e->svg, " fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n",
                           c->conflict ? "#ffffff" : sector_colours[c->sector]);
    if (c->conflict) { /* an open mark: a conflict is no support */
        g_string_append_printf(e->svg,
                               "<circle r=\"5\" fill=\"none\" stroke=\"%s\" "
                               "stroke-width=\"2.5\"",
                               sector_colours[SECTOR_CONFLICT]);
        append_xy(e->svg, "cx", "cy", c->angle, c->radius);
        g_string_append(e->svg, "/>\n");
    }
}

/* The mark's text runs outward along its ray, so that neighbours never overlap. */
static void
draw_name(Ego *e, const Contact *c)
{
    g_autofree char *name = name_of(e, c->node);
    gboolean left = cos(c->angle * G_PI / 180) < 0;
    double rotate = left ? c->angle + 180 : c->angle;
    g_string_append(e->svg, "<text font-size=\"12\" dominant-baseline=\"central\"");
    append_xy(e->svg, "x", "y", c->angle, c->radius + 12);
    g_string_append_printf(e->svg, " text-anchor=\"%s\" transform=\"rotate(",
                           left ? "end" : "start");
    wn_svg__append_number(e->svg, rotate);
    g_string_append_c(e->svg, ' ');
    wn_svg__append_number(e->svg, x_at(c->angle, c->radius + 12));
    g_string_append_c(e->svg, ' ');
    wn_svg__append_number(e->svg, y_at(c->angle, c->radius + 12));
    g_string_append_printf(e->svg, ")\">%s</text>\n", name);
}

static void
draw_contacts(Ego *e)
{
    gboolean named = e->contacts->len <= MAX_NAMED;
    for (guint i = 0; i < e->contacts->len; i++) {
        const Contact *c = &g_array_index(e->contacts, Contact, i);
        g_autofree char *id = g_markup_escape_text(wn_network_node_id(e->net, c->node), -1);
        g_autofree char *tip = tooltip_of(e, c);
        g_string_append_printf(e->svg,
                               "<g class=\"contact sector-%s%s%s\" data-id=\"%s\">\n"
                               "<title>%s</title>\n",
                               sector_ids[c->sector], c->conflict ? " conflict" : "",
                               several(c) ? " several" : "", id, tip);
        draw_line(e, c);
        draw_shape(e, c);
        if (named) {
            draw_name(e, c);
        }
        g_string_append(e->svg, "</g>\n");
    }
}

static const char *
status_words(const Ego *e, WnStatus status)
{
    WnLanguage lang = e->opts->language;
    switch (wn_network_node_kind(e->net, e->centre)) {
    case WN_NODE_PROFESSIONAL:
        return wn_svg__word(lang, WN_SVG_KIND_PROFESSIONAL);
    case WN_NODE_GROUP:
        return wn_svg__word(lang, WN_SVG_KIND_GROUP);
    case WN_NODE_ORGANISATION:
        return wn_svg__word(lang, WN_SVG_KIND_ORGANISATION);
    default:
        return wn_svg__word(lang, WN_SVG_STATUS_CONNECTED + (int) status);
    }
}

/* The person: a dark disc, the name and what kind of person below it on a white card. */
static void
draw_centre(Ego *e, WnStatus status)
{
    g_autofree char *name = name_of(e, e->centre);
    const char *words = status_words(e, status);
    int half = (int) MAX(g_utf8_strlen(name, -1) * 5.8, g_utf8_strlen(words, -1) * 3.8) + 10;
    g_string_append_printf(e->svg,
                           "<g class=\"centre\" text-anchor=\"middle\">\n"
                           "<circle cx=\"%d\" cy=\"%d\" r=\"22\" fill=\"#222222\" "
                           "stroke=\"#ffffff\" stroke-width=\"3\"/>\n"
                           "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"46\" rx=\"6\" "
                           "fill=\"#ffffff\" stroke=\"#222222\"/>\n"
                           "<text x=\"%d\" y=\"%d\" font-size=\"17\" font-weight=\"bold\">%s"
                           "</text>\n<text x=\"%d\" y=\"%d\" font-size=\"13\">%s</text>\n</g>\n",
                           CX, CY, CX - half, CY + 26, 2 * half, CX, CY + 46, name, CX, CY + 64,
                           words);
}

static void
legend_line(Ego *e, int y, const char *attrs, const char *text)
{
    g_string_append_printf(e->svg,
                           "<line x1=\"30\" y1=\"%d\" x2=\"80\" y2=\"%d\" stroke=\"#333333\" %s/>"
                           "<text x=\"92\" y=\"%d\" font-size=\"14\">%s</text>\n",
                           y, y, attrs, y + 4, text);
}

static void
draw_legend(Ego *e)
{
    WnLanguage lang = e->opts->language;
    int y = LEGEND_TOP;
    g_string_append_printf(e->svg, "<g class=\"legend\">\n");
    legend_line(e, y, "stroke-width=\"1.5\"", "");
    legend_line(e, y, "stroke-width=\"6\" transform=\"translate(0 14)\"", "");
    g_string_append_printf(e->svg, "<text x=\"92\" y=\"%d\" font-size=\"14\">%s</text>\n", y + 11,
                           wn_svg__word(lang, WN_SVG_LEGEND_WIDTH));
    legend_line(e, y + 38, "stroke-width=\"2.5\" stroke-dasharray=\"8 5\"",
                wn_svg__word(lang, WN_SVG_LEGEND_DASHED));
    legend_line(e, y + 62, "stroke-width=\"6\"", wn_svg__word(lang, WN_SVG_LEGEND_DOUBLE));
    g_string_append_printf(e->svg,
                           "<line x1=\"30\" y1=\"%d\" x2=\"80\" y2=\"%d\" stroke=\"#ffffff\" "
                           "stroke-width=\"2\"/>\n<text x=\"30\" y=\"%d\" font-size=\"14\">%s"
                           "</text>\n",
                           y + 62, y + 62, y + 90, wn_svg__word(lang, WN_SVG_LEGEND_SHAPES));
    if (e->contacts->len > MAX_NAMED) {
        g_string_append_printf(e->svg, "<text x=\"30\" y=\"%d\" font-size=\"14\">%s</text>\n",
                               y + 112, wn_svg__word(lang, WN_SVG_TOO_MANY));
    }
    g_string_append(e->svg, "</g>\n");
}

static void
draw_header(Ego *e)
{
    WnLanguage lang = e->opts->language;
    g_autofree char *name = name_of(e, e->centre);
    g_autofree char *title = wn_svg__fill(lang, WN_SVG_EGO_TITLE, name);
    g_autofree char *count =
        wn_svg__count(lang, (gint64) e->contacts->len, WN_SVG_CONTACT, WN_SVG_CONTACTS);
    g_string_append_printf(e->svg,
                           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                           "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" class=\"ego\">\n"
                           "<title>%s</title>\n"
                           "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n"
                           "<text x=\"20\" y=\"30\" font-size=\"20\" font-weight=\"bold\">%s"
                           "</text>\n<text x=\"20\" y=\"52\" font-size=\"15\">%s</text>\n",
                           WIDTH, HEIGHT, WIDTH, HEIGHT, title, title,
                           e->contacts->len > 0 ? count : wn_svg__word(lang, WN_SVG_NO_CONTACT));
}

/**
 * wn_ego_svg:
 * One node's contacts drawn as an eco-map, a standalone SVG 1.1 document: the node in the
 * centre, and around it five sectors, clockwise from the top: household and family,
 * friends and neighbours (every other tie between residents), groups (group nodes, and
 * ties of membership only), professionals and organisations, and conflict. A contact
 * with a conflict sits in the conflict sector, its line dashed and its mark open; every
 * other contact by the kind of the other node, then by its relations. One mark per
 * contact (circle: resident, square: professional, diamond: group, rounded square:
 * organisation), a line from the centre whose width grows with the tie's weight, the
 * stronger ties closer to the centre, a white core in the line of a tie of several
 * relations, and a tooltip naming its relations in words (wn_relations_describe, "familie
 * en buren"). Marks carry the id, or with @opts->show_labels the label; above 110
 * contacts they carry no text (the tooltip does). Every text in @opts->language; colours
 * from the Okabe-Ito palette without red, each at least 4.5:1 on white. Each mark is an
 * element `<g class="contact sector-S">` (S: family, friends, groups, professionals,
 * conflict), the centre `<g class="centre">`.
 * Returns: (transfer full): the SVG text; NULL with WN_ERROR_INVALID when @node is not a node.
 * Cost: O(m + conflicts + d log d) for a node of d contacts.
 */
char *
wn_ego_svg(const WnNetwork *net, gsize node, const WnEgoSvgOptions *opts, GError **error)
{
    g_return_val_if_fail(net != NULL && opts != NULL, NULL);
    if (node >= net->n) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "no node %" G_GSIZE_FORMAT " to draw", node);
        return NULL;
    }
    g_autoptr(GArray) status = wn_isolation_status(net, error);
    if (status == NULL) {
        return NULL;
    }
    g_autoptr(GArray) contacts = g_array_new(FALSE, TRUE, sizeof(Contact));
    Ego e = {.net = net, .opts = opts, .centre = node, .contacts = contacts};
    gather(&e);
    divide_circle(&e);
    place_contacts(&e);
    e.svg = g_string_new(NULL);
    draw_header(&e);
    draw_sectors(&e);
    draw_contacts(&e);
    draw_sector_names(&e);
    draw_centre(&e, (WnStatus) g_array_index(status, guint8, node));
    draw_legend(&e);
    g_string_append(e.svg, "</svg>\n");
    return g_string_free(e.svg, FALSE);
}
