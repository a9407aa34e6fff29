/* report.c: the HTML report a community worker reads (docs/DESIGN.md "Maps and reports") */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "report.h"

#include <string.h>

static void
report_free(WnReport *r)
{
    wn_table_free(r->areas);
    wn_table_free(r->counts);
    wn_table_free(r->ranking);
    wn_table_free(r->persons);
    wn_table_free(r->places);
    wn_table_free(r->suggestions);
    if (r->buurten != NULL) {
        g_ptr_array_unref(r->buurten);
    }
    g_free(r->map_svg);
    g_free(r->k);
    if (r->out != NULL) {
        g_string_free(r->out, TRUE);
    }
    g_free(r);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnReport, report_free)

/**
 * wn_report_language_lookup:
 * Finds a report language by its code: "nl" (Dutch) or "en" (English).
 * Returns: TRUE and the language in @out when the code is known.
 */
gboolean
wn_report_language_lookup(const char *name, WnLanguage *out)
{
    static const char *const codes[] = {[WN_LANGUAGE_NL] = "nl", [WN_LANGUAGE_EN] = "en"};
    gsize i;
    if (!wn_names__lookup(codes, G_N_ELEMENTS(codes), name, &i)) {
        return FALSE;
    }
    *out = (WnLanguage) i;
    return TRUE;
}

/* The map helper's choropleth; NULL (and no error) when it has nothing to draw. */
static char *
make_map(const WnReport *r)
{
    g_autoptr(GError) ignored = NULL;
    g_autofree char *svg = wn_areas_to_svg_in(r->areas, r->opts->shapes, r->lang, &ignored);
    return svg != NULL ? wn_report__svg_body(svg) : NULL;
}

/* The areas table, cut down to the report's area when it describes one area only. */
static WnTable *
make_areas(const WnNetwork *net, const WnReportOptions *opts, GError **error)
{
    WnAreaOptions area_opts = WN_AREA_OPTIONS_INIT;
    area_opts.min_cell = opts->min_cell;
    area_opts.isolation = opts->isolation;
    area_opts.shapes = opts->shapes;
    g_autoptr(WnTable) areas = wn_areas_table(net, &area_opts, error);
    if (areas == NULL || opts->area == NULL) {
        return g_steal_pointer(&areas);
    }
    return wn_report__rows_where(areas, "area", opts->area);
}

/* Everything but the map: the tables the sections are written from. */
static gboolean
gather_tables(WnReport *r, GError **error)
{
    const WnReportOptions *opts = r->opts;
    r->areas = make_areas(r->net, opts, error);
    r->counts = r->areas != NULL ? wn_isolation_counts(r->net, &opts->isolation, error) : NULL;
    g_autoptr(WnTable) ranking =
        r->counts != NULL ? wn_isolation_ranking(r->net, &opts->isolation, FALSE, error) : NULL;
    r->persons = ranking != NULL ? wn_key_figures_table(r->net, WN_KEY_PERSONS, 0, error) : NULL;
    r->places = r->persons != NULL ? wn_key_figures_table(r->net, WN_KEY_PLACES, 0, error) : NULL;
    if (r->places == NULL) {
        return FALSE;
    }
    r->ranking = opts->area != NULL ? wn_report__rows_where(ranking, "area", opts->area)
                                    : g_steal_pointer(&ranking);
    return wn_report__make_buurten(r, error) && wn_report__gather_suggestions(r, error);
}

static WnReport *
report_new(const WnNetwork *net, const WnReportOptions *opts, GError **error)
{
    g_autoptr(WnReport) r = g_new0(WnReport, 1);
    r->net = net;
    r->opts = opts;
    r->lang = opts->language;
    r->k = wn_report__count(r->lang, (gint64) opts->min_cell);
    r->pseudonymised = wn_network_metadata(net, "pseudonymised") != NULL;
    if (!gather_tables(r, error)) {
        return NULL;
    }
    r->map_svg = make_map(r);
    r->out = g_string_sized_new(1 << 16);
    return g_steal_pointer(&r);
}

/* The report's title: the dataset's title when it has one. */
static char *
title_of(const WnReport *r)
{
    const char *title = wn_network_metadata(r->net, "title");
    if (r->opts->area != NULL) {
        return wn_report__fill(wn_report__t(r, WN_T_TITLE_OF), r->opts->area, NULL);
    }
    return title != NULL && *title != '\0'
               ? wn_report__fill(wn_report__t(r, WN_T_TITLE_OF), title, NULL)
               : g_strdup(wn_report__t(r, WN_T_TITLE));
}

static gboolean
write_page(WnReport *r, GError **error)
{
    g_autofree char *title = title_of(r);
    wn_report__open_page(r, title);
    wn_report__section_summary(r);
    if (!wn_report__section_compare(r, error)) {
        return FALSE;
    }
    wn_report__section_map(r);
    wn_report__section_areas(r);
    wn_report__section_drawings(r);
    wn_report__section_buurten(r);
    wn_report__section_method(r);
    wn_report__close_page(r);
    return TRUE;
}

/**
 * wn_report_to_html:
 * One self-contained HTML page for a community worker, in Dutch or English
 * (@opts->language): a summary in plain words, the map (wn_areas_to_svg, inline), the
 * figures per area (wn_areas_table, small cells suppressed at @opts->min_cell) in two
 * tables narrow enough for A4 portrait, then a section per buurt (one for the small
 * areas and the residents without one together; one for the whole town without
 * areas): its figures, its residents at risk by id in visiting order
 * (in the ranking's visiting order, the first @opts->top) with the reason in words, its key
 * figures and meeting places with what they offer (wn_key_figures_table, at most 10
 * each), the suggestions for its listed residents (wn_suggest_table); and how the
 * figures are computed. Numbers are written as the language does (5.500; 0,35). Ids
 * are headed "Pseudoniem" only when dataset.json says the dataset was pseudonymised. It loads
 * nothing: inline CSS and SVG, no script, no link, no image, and a Content-Security-Policy that
 * forbids any fetch; it prints on A4. The markup is also well-formed XML (XHTML
 * syntax, only XML's five named entities), so an XML parser reads it. Dataset text is
 * escaped. Labels appear only with @opts->show_labels. A resident of an area with
 * fewer than @opts->min_cell residents is listed without the area. With @opts->area,
 * only that area's residents and figures are described (the other nodes give them
 * their context: a split batch unit). The whole town's totals come from
 * wn_isolation_counts; below @opts->min_cell residents the report shows no counts at
 * all. With @opts->compare (an earlier wave of the same wijk, residents matched by id), a
 * section after the summary compares the two (wn_compare_waves). The page holds no date
 * or time: the same input gives the same bytes.
 * Returns: (transfer full): the page; NULL on error (as the tables it is made from).
 * Cost: that of wn_areas_table, wn_key_figures_table and wn_suggest_table.
 */
char *
wn_report_to_html(const WnNetwork *net, const WnReportOptions *opts, GError **error)
{
    g_return_val_if_fail(net != NULL && opts != NULL, NULL);
    if (opts->language > WN_LANGUAGE_EN) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "unknown report language %d",
                    (int) opts->language);
        return NULL;
    }
    g_autoptr(WnReport) r = report_new(net, opts, error);
    if (r == NULL) {
        return NULL;
    }
    return write_page(r, error) ? g_strdup(r->out->str) : NULL;
}
