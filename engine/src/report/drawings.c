/* drawings.c: the drawings of the report, the whole wijk and one person's contacts */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "report.h"

#include <string.h>

/* The texts of this file, Dutch then English. */
enum { D_SECTION, D_WIJK_CAPTION, D_AT_RISK, D_KEY_FIGURES, D_EGO_INTRO, D_EGO_CAPTION, D_COUNT };
static const char *const texts[D_COUNT][2] = {
    [D_SECTION] = {"Tekeningen", "Drawings"},
    [D_WIJK_CAPTION] = {"De wijk in één beeld: elke buurt een bol naar het aantal bewoners, "
                        "met het aantal bewoners zonder enig contact en met alleen contact met "
                        "professionals erin; de lijnen tellen de contacten tussen de buurten.",
                        "The wijk at a glance: each buurt a blob sized by its residents, with "
                        "the residents without any contact and those in contact with "
                        "professionals only counted in it; the lines count the contacts between "
                        "the buurten."},
    [D_AT_RISK] = {"Bewoners die risico lopen: wie staat er om hen heen",
                   "Residents at risk: who is around them"},
    [D_KEY_FIGURES] = {"Sleutelfiguren: wie bereiken zij", "Key figures: whom they reach"},
    [D_EGO_INTRO] = {"Elke tekening zet één persoon in het midden. Om hen heen: huishouden en "
                     "familie, vrienden en buren, groepen, professionals en organisaties, en "
                     "conflicten apart met een streepjeslijn. Hoe dikker en korter de lijn, hoe "
                     "sterker de band.",
                     "Each drawing puts one person in the centre. Around them: household and "
                     "family, friends and neighbours, groups, professionals and organisations, "
                     "and conflicts apart with a dashed line. The thicker and shorter the line, "
                     "the stronger the tie."},
    [D_EGO_CAPTION] = {"Het netwerk van %s.", "The network of %s."},
};
#define D(r, t) (texts[t][(r)->lang == WN_LANGUAGE_NL ? 0 : 1])

/* Appends @svg (a whole document) as a figure with @caption, at most 16 cm wide, or
 * @style; nothing when @svg is NULL. */
static void
append_figure(WnReport *r, const char *svg, const char *caption, const char *class,
              const char *style)
{
    g_autofree char *body = svg != NULL ? wn_report__svg_body(svg) : NULL;
    if (body == NULL) {
        return;
    }
    g_string_append_printf(r->out, "<figure class=\"%s\" style=\"%s\">\n%s\n<figcaption>", class,
                           style != NULL ? style : "max-width:16cm", body);
    wn_report__append_escaped(r->out, caption);
    g_string_append(r->out, "</figcaption>\n</figure>\n");
}

/**
 * wn_report__wijk_drawing:
 * Appends the drawing of the whole wijk (wn_wijk_svg at the report's min_cell and
 * language, buurt names from its shapes) as a figure with a caption; nothing when the
 * drawing cannot be made.
 */
void
wn_report__wijk_drawing(WnReport *r)
{
    WnWijkSvgOptions opts = {r->lang, r->opts->min_cell, r->opts->shapes};
    g_autofree char *svg = wn_wijk_svg(r->net, &opts, NULL);
    append_figure(r, svg, D(r, D_WIJK_CAPTION), "wijk-drawing", NULL);
}

/**
 * wn_report__ego_drawing:
 * Appends the ego drawing of @node (wn_ego_svg in the report's language; labels only
 * with show_labels) as a figure whose caption names the node by id, at most 16 cm wide,
 * or 7.5 cm (two side by side) for a node without any contact; nothing for a node that
 * is not in the network.
 */
void
wn_report__ego_drawing(WnReport *r, gsize node)
{
    WnEgoSvgOptions opts = {r->lang, r->opts->show_labels};
    g_autofree char *svg = wn_ego_svg(r->net, node, &opts, NULL);
    if (svg == NULL) {
        return;
    }
    g_auto(GStrv) parts = g_strsplit(D(r, D_EGO_CAPTION), "%s", -1);
    g_autofree char *caption = g_strjoinv(wn_network_node_id(r->net, node), parts);
    /* a drawing without any contact says it at half the size, two side by side */
    gboolean empty = strstr(svg, "class=\"contact ") == NULL;
    append_figure(r, svg, caption, "ego-drawing",
                  empty ? "display:inline-block;width:7.5cm;margin:0 .5cm 0 0;"
                          "vertical-align:top"
                        : NULL);
}

/* The ego drawings of every row of @table (a buurt's list, as its section shows it) not
 * in @drawn yet; adds them to it. */
static void
ego_drawings_of(WnReport *r, const WnTable *table, GHashTable *drawn)
{
    gsize id = 0;
    if (table == NULL || !wn_table_column_lookup(table, "id", &id)) {
        return;
    }
    for (gsize row = 0; row < wn_table_row_count(table); row++) {
        gsize node = 0;
        if (wn_network_node_lookup(r->net, wn_table_cell_string(table, row, id), &node) &&
            g_hash_table_add(drawn, GSIZE_TO_POINTER(node + 1))) {
            wn_report__ego_drawing(r, node);
        }
    }
}

/* One buurt's drawings under its title: its listed residents at risk, then its key
 * figures, each person once in the report (@drawn); nothing for a buurt that lists
 * neither. */
static void
buurt_drawings(WnReport *r, const WnBuurt *b, GHashTable *drawn)
{
    const WnTable *lists[] = {b->risk, b->persons};
    const int titles[] = {D_AT_RISK, D_KEY_FIGURES};
    gboolean titled = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(lists); i++) {
        if (lists[i] == NULL || wn_table_row_count(lists[i]) == 0) {
            continue;
        }
        if (!titled && b->title != NULL) {
            g_string_append(r->out, "<h3>");
            wn_report__append_escaped(r->out, b->title);
            g_string_append(r->out, "</h3>\n");
            titled = TRUE;
        }
        g_string_append(r->out, "<h4>");
        wn_report__append_escaped(r->out, D(r, titles[i]));
        g_string_append(r->out, "</h4>\n");
        ego_drawings_of(r, lists[i], drawn);
    }
}

/**
 * wn_report__section_drawings:
 * Appends the section of drawings: the whole wijk (wn_report__wijk_drawing), then per
 * buurt (as the buurt sections go) an ego drawing of each resident at risk and each key
 * figure its section lists, in their order, each person once.
 */
void
wn_report__section_drawings(WnReport *r)
{
    g_string_append(r->out, "<section id=\"drawings\">\n<h2>");
    wn_report__append_escaped(r->out, D(r, D_SECTION));
    g_string_append(r->out, "</h2>\n");
    wn_report__wijk_drawing(r);
    wn_report__paragraph(r, D(r, D_EGO_INTRO));
    g_autoptr(GHashTable) drawn = g_hash_table_new(NULL, NULL);
    for (guint i = 0; r->buurten != NULL && i < r->buurten->len; i++) {
        buurt_drawings(r, g_ptr_array_index(r->buurten, i), drawn);
    }
    g_string_append(r->out, "</section>\n");
}
