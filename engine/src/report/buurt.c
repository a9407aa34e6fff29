/* buurt.c: one section per buurt: its figures, whom to visit, who introduces, where
 * people meet and whom they could get to know */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "report.h"

#include <string.h>

/* At most this many key figures and meeting places per buurt (fewer with --top). */
#define KEY_MAX 10

void
wn_report__buurt_free(WnBuurt *b)
{
    g_free(b->code);
    g_free(b->title);
    wn_table_free(b->risk);
    wn_table_free(b->persons);
    wn_table_free(b->places);
    wn_table_free(b->suggested);
    g_free(b);
}

/**
 * wn_report__area_title:
 * How the report names area @code: its name from areas.geojson when the areas table
 * has one, its code otherwise.
 * Returns: a string owned by the report's tables.
 */
const char *
wn_report__area_title(const WnReport *r, const char *code)
{
    gsize c_area = 0, c_name = 0;
    if (!wn_table_column_lookup(r->areas, "area", &c_area) ||
        !wn_table_column_lookup(r->areas, "name", &c_name)) {
        return code;
    }
    for (gsize row = 0; row < wn_table_row_count(r->areas); row++) {
        if (g_strcmp0(wn_table_cell_string(r->areas, row, c_area), code) == 0) {
            const char *name = wn_table_cell_string(r->areas, row, c_name);
            return name != NULL && *name != '\0' ? name : code;
        }
    }
    return code;
}

/* Whether a node of area @area belongs to @b: its own code, or, for the section of
 * small areas (code NULL), no area or a small one; the whole town takes everybody. */
static gboolean
belongs(const WnReport *r, const WnBuurt *b, const char *area, gboolean whole)
{
    if (whole) {
        return TRUE;
    }
    if (b->code != NULL) {
        return g_strcmp0(area, b->code) == 0;
    }
    return area == NULL || *area == '\0' || wn_report__area_is_small(r, area);
}

/* The rows of @t (its column @column the area) that belong to @b, at most @max (0 = all),
 * in the table's order. */
static WnTable *
rows_of(const WnReport *r, const WnBuurt *b, const WnTable *t, guint max, gboolean whole,
        gsize *all)
{
    gsize c = 0;
    g_assert_true(wn_table_column_lookup(t, "area", &c));
    g_autoptr(GArray) rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    gsize n = wn_table_row_count(t), found = 0;
    for (gsize row = 0; row < n; row++) {
        if (!belongs(r, b, wn_table_cell_string(t, row, c), whole)) {
            continue;
        }
        if (max == 0 || found < max) {
            g_array_append_val(rows, row);
        }
        found++;
    }
    if (all != NULL) {
        *all = found;
    }
    return wn_report__rows_ordered(t, rows);
}

static WnBuurt *
buurt_new(WnReport *r, const char *code, const char *title, gsize row, gboolean whole)
{
    WnBuurt *b = g_new0(WnBuurt, 1);
    guint top = r->opts->top;
    guint keys = top > 0 ? MIN(top, KEY_MAX) : KEY_MAX;
    b->code = g_strdup(code);
    b->title = g_strdup(title);
    b->area_row = row;
    b->risk = rows_of(r, b, r->ranking, top, whole, &b->risk_all);
    b->persons = rows_of(r, b, r->persons, keys, whole, NULL);
    b->places = rows_of(r, b, r->places, keys, whole, NULL);
    return b;
}

/* Any resident in a small area or in none: then the report needs the section of those. */
static gboolean
has_others(const WnReport *r)
{
    for (gsize v = 0; v < wn_network_node_count(r->net); v++) {
        const char *area = wn_network_node_area(r->net, v);
        if (wn_network_node_kind(r->net, v) == WN_NODE_RESIDENT &&
            (area == NULL || *area == '\0' || wn_report__area_is_small(r, area))) {
            return TRUE;
        }
    }
    return FALSE;
}

/* Whether any row of the areas table is an area (the last may be the one of no area). */
static gboolean
has_codes(const WnReport *r)
{
    gsize c = 0;
    g_assert_true(wn_table_column_lookup(r->areas, "area", &c));
    for (gsize row = 0; row < wn_table_row_count(r->areas); row++) {
        const char *code = wn_table_cell_string(r->areas, row, c);
        if (code != NULL && *code != '\0') {
            return TRUE;
        }
    }
    return FALSE;
}

/**
 * wn_report__make_buurten:
 * The report's sections, in the areas table's order: one per area shown with its
 * figures, then one for the residents of small areas and of none together (their area
 * is never named); a dataset without areas has one section for the whole town. The
 * residents at risk of each are in the ranking's order (wn_isolation_ranking: the order a
 * community worker visits in), at most opts->top.
 * Returns: FALSE on error (none so far: the tables are made already).
 */
gboolean
wn_report__make_buurten(WnReport *r, GError **error)
{
    (void) error;
    gsize c_area = 0;
    g_assert_true(wn_table_column_lookup(r->areas, "area", &c_area));
    r->buurten = g_ptr_array_new_with_free_func((GDestroyNotify) wn_report__buurt_free);
    for (gsize row = 0; row < wn_table_row_count(r->areas); row++) {
        const char *code = wn_table_cell_string(r->areas, row, c_area);
        if (code == NULL || *code == '\0' || wn_report__area_is_small(r, code)) {
            continue;
        }
        g_autofree char *title =
            wn_report__fill(wn_report__t(r, WN_T_SEC_BUURT), wn_report__area_title(r, code), NULL);
        g_ptr_array_add(r->buurten, buurt_new(r, code, title, row, FALSE));
    }
    gboolean whole = r->opts->area == NULL && !has_codes(r);
    if (whole || (r->opts->area == NULL && has_others(r))) {
        WnText title = whole ? WN_T_SEC_WHOLE : WN_T_SEC_OTHER;
        g_ptr_array_add(r->buurten, buurt_new(r, NULL, wn_report__t(r, title), G_MAXSIZE, whole));
    }
    return TRUE;
}

/* The section's anchor: "buurt-1", "buurt-2" … in order. */
static char *
anchor_of(gsize i)
{
    return g_strdup_printf("buurt-%" G_GSIZE_FORMAT, i + 1);
}

/* One buurt's section. The lists are written one per call, so that a drawing of the
 * residents or key figures listed (their ids: the `id` column of b->risk, b->persons)
 * goes right after its list. */
static void
write_buurt(WnReport *r, const WnBuurt *b, gsize i)
{
    g_autofree char *anchor = anchor_of(i);
    g_string_append_printf(r->out, "<section id=\"%s\" class=\"buurt\">\n<h2>", anchor);
    wn_report__append_escaped(r->out, b->title);
    g_string_append(r->out, "</h2>\n");
    if (b->area_row != G_MAXSIZE) {
        wn_report__area_figures(r, b->area_row);
    } else if (b->code == NULL && wn_table_row_count(r->areas) > 1) {
        g_autofree char *intro = wn_report__fill(wn_report__t(r, WN_T_OTHER_INTRO), r->k, NULL);
        wn_report__paragraph(r, intro);
    }
    wn_report__list_risk(r, b);
    wn_report__list_persons(r, b);
    wn_report__list_places(r, b);
    wn_report__list_suggestions(r, b);
    g_string_append(r->out, "</section>\n");
}

/**
 * wn_report__section_buurten:
 * Every buurt's section (wn_report__make_buurten), each with its own heading.
 */
void
wn_report__section_buurten(WnReport *r)
{
    for (guint i = 0; i < r->buurten->len; i++) {
        write_buurt(r, g_ptr_array_index(r->buurten, i), i);
    }
}
