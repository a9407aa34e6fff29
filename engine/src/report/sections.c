/* sections.c: the summary, the map, the figures per area and the method */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* One count of the summary: its value when shown, and how it reads. */
typedef struct {
    gboolean shown;
    gint64 value;
    char *text;
} Figure;

static void
figure_clear(Figure *f)
{
    g_clear_pointer(&f->text, g_free);
}

/* "1 bewoner", "5.500 bewoners", or "minder dan 10 bewoners" for a hidden count. */
static char *
figure_text(const WnReport *r, gboolean shown, gint64 value)
{
    if (shown) {
        return wn_report__counted(r->lang, value, "resident", "residents");
    }
    g_autofree char *k =
        wn_report__counted(r->lang, (gint64) r->opts->min_cell, "resident", "residents");
    return wn_report__fill(wn_report__t(r, WN_T_FEWER_THAN), k, NULL);
}

/* A count as the areas table shows it: a number, or a suppressed cell ("<10", "x"). */
static void
figure_from_cell(const WnReport *r, const WnTable *table, gsize row, const char *column,
                 Figure *out)
{
    gsize c = 0;
    g_autofree char *cell = wn_table_column_lookup(table, column, &c)
                                ? wn_table_cell_to_string(table, row, c)
                                : g_strdup("");
    char *end = NULL;
    gint64 value = g_ascii_strtoll(cell, &end, 10);
    out->shown = *cell != '\0' && end != NULL && *end == '\0';
    out->value = out->shown ? value : 0;
    out->text = g_strcmp0(cell, "x") == 0 ? g_strdup(wn_report__t(r, WN_T_HIDDEN))
                                          : figure_text(r, out->shown, value);
}

/* A town total (wn_isolation_counts, row "all"), below the threshold shown as such. */
static void
figure_from_total(const WnReport *r, gsize row, const char *column, Figure *out)
{
    gsize c = 0;
    gboolean has = wn_table_column_lookup(r->counts, column, &c);
    gint64 value = has ? wn_table_cell_int(r->counts, row, c) : 0;
    out->shown = has && (value >= (gint64) r->opts->min_cell || value == 0);
    out->value = out->shown ? value : 0;
    out->text = figure_text(r, out->shown, value);
}

static char *
share_text(const Figure *part, const Figure *whole)
{
    if (!part->shown || !whole->shown) {
        return g_strdup(""); /* no share of a hidden count */
    }
    g_autofree char *share = wn_report__percent(part->value, whole->value);
    return g_strdup_printf(" (%s)", share);
}

/* Where the summary's counts come from: the one area, or the town's "all" row. */
static gboolean
summary_figures(const WnReport *r, Figure f[4])
{
    static const char *const columns[4] = {"residents", "isolated", "formal_only", "fragile"};
    gsize scope = 0, row = 0;
    if (r->opts->area != NULL) {
        for (int i = 0; i < 4 && wn_table_row_count(r->areas) > 0; i++) {
            figure_from_cell(r, r->areas, 0, columns[i], &f[i]);
        }
        return wn_table_row_count(r->areas) > 0;
    }
    g_assert_true(wn_table_column_lookup(r->counts, "scope", &scope));
    while (row < wn_table_row_count(r->counts) &&
           g_strcmp0(wn_table_cell_string(r->counts, row, scope), "all") != 0) {
        row++;
    }
    for (int i = 0; i < 4 && row < wn_table_row_count(r->counts); i++) {
        figure_from_total(r, row, columns[i], &f[i]);
    }
    return row < wn_table_row_count(r->counts);
}

/* "No informal network" = isolated + formal only; hidden when either part is. */
static void
write_summary_counts(WnReport *r, const Figure f[4], WnText text)
{
    Figure none = {f[1].shown && f[2].shown, f[1].value + f[2].value, NULL};
    if (none.shown && none.value > 0 && none.value < (gint64) r->opts->min_cell) {
        none.shown = FALSE;
    }
    if (!none.shown && f[1].shown && f[1].value >= (gint64) r->opts->min_cell) {
        g_autofree char *known = figure_text(r, TRUE, f[1].value);
        none.text = wn_report__fill(wn_report__t(r, WN_T_AT_LEAST), known, NULL);
    } else {
        none.text = figure_text(r, none.shown, none.value);
    }
    g_autofree char *none_share = share_text(&none, &f[0]);
    g_autofree char *fragile_share = share_text(&f[3], &f[0]);
    const char *verb = wn_report__plural(r->lang, f[0].shown ? f[0].value : 2, "lives", "live");
    g_autofree char *counts = wn_report__fill(wn_report__t(r, text), verb, f[0].text, none.text,
                                              none_share, f[1].text, f[2].text, NULL);
    g_autofree char *fragile =
        wn_report__fill(wn_report__t(r, WN_T_SUMMARY_FRAGILE), f[3].text, fragile_share, NULL);
    g_string_append(r->out, "<p class=\"summary\">");
    wn_report__append_escaped(r->out, counts);
    g_string_append(r->out, " ");
    wn_report__append_escaped(r->out, fragile);
    g_string_append(r->out, "</p>\n");
    figure_clear(&none);
}

void
wn_report__section_summary(WnReport *r)
{
    Figure f[4] = {{0}};
    gboolean found = summary_figures(r, f);
    wn_report__open_section(r, "summary", WN_T_SEC_SUMMARY);
    if (!found || (f[0].shown && f[0].value == 0)) {
        wn_report__paragraph(r, wn_report__t(r, WN_T_SUMMARY_NONE));
    } else if (!f[0].shown) {
        g_autofree char *text = wn_report__fill(wn_report__t(r, WN_T_SUMMARY_HIDDEN), r->k, NULL);
        wn_report__paragraph(r, text);
    } else {
        write_summary_counts(r, f, r->opts->area != NULL ? WN_T_SUMMARY_AREA : WN_T_SUMMARY);
    }
    g_string_append(r->out, "</section>\n");
    for (int i = 0; i < 4; i++) {
        figure_clear(&f[i]);
    }
}

/**
 * wn_report__area_figures:
 * The summary sentences of one area, row @row of the areas table (its suppressed
 * cells stay hidden); an area with fewer residents than the threshold says so.
 */
void
wn_report__area_figures(WnReport *r, gsize row)
{
    static const char *const columns[4] = {"residents", "isolated", "formal_only", "fragile"};
    Figure f[4] = {{0}};
    for (int i = 0; i < 4; i++) {
        figure_from_cell(r, r->areas, row, columns[i], &f[i]);
    }
    if (!f[0].shown) {
        g_autofree char *text = wn_report__fill(wn_report__t(r, WN_T_SUMMARY_HIDDEN), r->k, NULL);
        wn_report__paragraph(r, text);
    } else {
        write_summary_counts(r, f, WN_T_SUMMARY_AREA);
    }
    for (int i = 0; i < 4; i++) {
        figure_clear(&f[i]);
    }
}

void
wn_report__section_map(WnReport *r)
{
    wn_report__open_section(r, "map", WN_T_SEC_MAP);
    if (r->map_svg == NULL) {
        wn_report__paragraph(r, wn_report__t(r, WN_T_MAP_NONE));
    } else {
        g_string_append(r->out, "<figure>\n");
        g_string_append(r->out, r->map_svg);
        g_string_append(r->out, "\n<figcaption>");
        wn_report__append_escaped(r->out, wn_report__t(r, WN_T_MAP_CAPTION));
        g_string_append(r->out, "</figcaption>\n</figure>\n");
    }
    g_string_append(r->out, "</section>\n");
}

/* A cell of the areas table: numbers right-aligned, doubles with two decimals. */
static void
append_area_cell(WnReport *r, const WnTable *t, gsize row, gsize column)
{
    WnColumnKind kind = wn_table_column_kind(t, column);
    g_autofree char *text = NULL;
    double x = kind == WN_COLUMN_DOUBLE ? wn_table_cell_double(t, row, column) : 0;
    if (kind == WN_COLUMN_DOUBLE && g_str_has_suffix(wn_table_column_name(t, column), "_share") &&
        !wn_table_cell_is_missing(t, row, column)) {
        text = wn_report__percent((gint64) (x * 1000 + 0.5), 1000);
    } else if (kind == WN_COLUMN_DOUBLE && !wn_table_cell_is_missing(t, row, column)) {
        text = wn_words__decimal(r->lang == WN_LANGUAGE_NL, x, 2);
    } else {
        text = wn_table_cell_to_string(t, row, column);
    }
    if (*text == '\0' && wn_table_cell_is_missing(t, row, column)) {
        g_free(text);
        text = g_strdup("–"); /* a share or mean of a hidden count */
    }
    if (kind == WN_COLUMN_INT && !wn_table_cell_is_missing(t, row, column)) {
        g_free(text);
        text = wn_report__count(r->lang, wn_table_cell_int(t, row, column));
    } else if (kind == WN_COLUMN_STRING && g_ascii_isdigit(*text)) {
        char *end = NULL;
        gint64 value = g_ascii_strtoll(text, &end, 10);
        if (*end == '\0') {
            g_free(text);
            text = wn_report__count(r->lang, value);
        }
    }
    if (g_strcmp0(text, "(no area)") == 0) { /* the areas table's row of nodes without one */
        g_free(text);
        text = g_strdup(wn_report__t(r, WN_T_NO_AREA));
    }
    gboolean numeric = kind != WN_COLUMN_STRING || (*text != '\0' && strchr("0123456789<x", *text));
    g_string_append(r->out, numeric ? "<td class=\"n\">" : "<td>");
    wn_report__append_escaped(r->out, text);
    g_string_append(r->out, "</td>");
}

/* The columns of the first (counts) and the second (shares and services) areas table:
 * each fits A4 portrait. */
static const char *const first_columns[] = {"residents", "isolated",  "formal_only",
                                            "fragile",   "connected", NULL};
static const char *const second_columns[] = {
    "isolated_share", "formal_only_share",    "fragile_share", "connected_share", "vulnerable",
    "mean_index",     "mean_isolation_index", "professionals", "groups",          NULL};

static void
append_heading(WnReport *r, const char *text)
{
    g_string_append(r->out, "<th scope=\"col\">");
    wn_report__append_escaped(r->out, text);
    g_string_append(r->out, "</th>");
}

/* The area's name (or code) as a row heading. */
static void
append_area_heading(WnReport *r, const WnTable *t, gsize row)
{
    gsize code = 0;
    g_assert_true(wn_table_column_lookup(t, "area", &code));
    const char *area = wn_table_cell_string(t, row, code);
    g_string_append(r->out, "<th scope=\"row\">");
    wn_report__append_escaped(r->out, area == NULL || *area == '\0'
                                          ? wn_report__t(r, WN_T_NO_AREA)
                                          : wn_report__area_title(r, area));
    g_string_append(r->out, "</th>");
}

/* One table of the areas: the area, then the @columns the table has. */
static void
write_areas_table(WnReport *r, const char *const *columns, WnText caption)
{
    const WnTable *t = r->areas;
    g_string_append(r->out, "<table class=\"areas\">\n<caption>");
    wn_report__append_escaped(r->out, wn_report__t(r, caption));
    g_string_append(r->out, "</caption>\n<thead><tr>");
    append_heading(r, wn_report__column_title(r->lang, "area"));
    gsize c = 0;
    for (gsize i = 0; columns[i] != NULL; i++) {
        if (wn_table_column_lookup(t, columns[i], &c)) {
            append_heading(r, wn_report__column_title(r->lang, columns[i]));
        }
    }
    g_string_append(r->out, "</tr></thead>\n<tbody>\n");
    for (gsize row = 0; row < wn_table_row_count(t); row++) {
        g_string_append(r->out, "<tr>");
        append_area_heading(r, t, row);
        for (gsize i = 0; columns[i] != NULL; i++) {
            if (wn_table_column_lookup(t, columns[i], &c)) {
                append_area_cell(r, t, row, c);
            }
        }
        g_string_append(r->out, "</tr>\n");
    }
    g_string_append(r->out, "</tbody>\n</table>\n");
}

void
wn_report__section_areas(WnReport *r)
{
    wn_report__open_section(r, "areas", WN_T_SEC_AREAS);
    g_autofree char *intro = wn_report__fill(wn_report__t(r, WN_T_AREAS_INTRO), r->k, r->k, NULL);
    wn_report__paragraph(r, intro);
    write_areas_table(r, first_columns, WN_T_AREAS_CAPTION);
    write_areas_table(r, second_columns, WN_T_AREAS_CAPTION_MORE);
    g_string_append(r->out, "</section>\n");
}

/* A setting as short as it goes (0.35, 12), with a decimal comma in Dutch. */
static char *
number(const WnReport *r, double x)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    char *text = g_strdup(g_ascii_formatd(buf, sizeof buf, "%g", x));
    return r->lang == WN_LANGUAGE_NL ? g_strdelimit(text, ".", ',') : text;
}

static void
write_method_index(WnReport *r)
{
    const WnIsolationOptions *o = &r->opts->isolation;
    g_autofree char *ws = number(r, o->weight_strength), *cs = number(r, o->cap_strength);
    g_autofree char *wr = number(r, o->weight_reach), *cr = number(r, o->cap_reach);
    g_autofree char *ww = number(r, o->weight_weak);
    g_autofree char *weak = wn_report__percent((gint64) (o->fragile_weak * 1000 + 0.5), 1000);
    g_autofree char *degree = g_strdup_printf("%u", o->fragile_degree);
    g_autofree char *status =
        wn_report__fill(wn_report__t(r, WN_T_METHOD_STATUS), degree, weak, NULL);
    wn_report__paragraph(r, status);
    g_autofree char *index =
        wn_report__fill(wn_report__t(r, WN_T_METHOD_INDEX), ws, cs, wr, cr, ww, NULL);
    wn_report__paragraph(r, index);
}

void
wn_report__section_method(WnReport *r)
{
    wn_report__open_section(r, "method", WN_T_SEC_METHOD);
    wn_report__paragraph(r, wn_report__t(r, WN_T_METHOD_NETWORK));
    write_method_index(r);
    wn_report__paragraph(r, wn_report__t(r, WN_T_METHOD_BROKERS));
    wn_report__paragraph(r, wn_report__t(r, WN_T_METHOD_PLACES));
    wn_report__paragraph_dependants(r);
    if (r->suggestions != NULL) {
        wn_report__paragraph(r, wn_report__t(r, WN_T_METHOD_SUGGEST));
    }
    g_autofree char *privacy = wn_report__fill(wn_report__t(r, WN_T_METHOD_PRIVACY), r->k, NULL);
    wn_report__paragraph(r, privacy);
    g_string_append(r->out, "</section>\n");
}
