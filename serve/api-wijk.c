/* api-wijk.c: the wijk and a buurt: figures per area (suppressed), the map, the drawing */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "explorer.h"

#include <string.h>

/* Every column of one row of the areas table; a small area only its code's stand-in. */
static cJSON *
area_object(const WnExplorer *ex, gsize row, WnLanguage lang)
{
    const WnTable *t = ex->data.areas;
    const char *code = json_string(t, row, "area");
    cJSON *o = cJSON_CreateObject();
    gboolean small = g_hash_table_contains(ex->data.small, code);
    cJSON_AddItemToObject(o, "area", small ? cJSON_CreateNull() : cJSON_CreateString(code));
    const char *name = json_area_name(ex, code, lang);
    cJSON_AddStringToObject(o, "name", name != NULL ? name : code);
    cJSON_AddBoolToObject(o, "suppressed", small);
    if (small) {
        return o;
    }
    cJSON *figures = cJSON_AddObjectToObject(o, "figures");
    for (gsize c = 0; c < wn_table_column_count(t); c++) {
        const char *column = wn_table_column_name(t, c);
        if (strcmp(column, "area") != 0 && strcmp(column, "name") != 0 &&
            strcmp(column, "suppressed") != 0) {
            cJSON_AddItemToObject(figures, column, json_cell(t, row, c));
        }
    }
    return o;
}

static void
add_text_or_null(cJSON *o, const char *name, const char *text)
{
    cJSON_AddItemToObject(o, name, text != NULL ? cJSON_CreateString(text) : cJSON_CreateNull());
}

/**
 * api_wijk:
 * GET /api/wijk: the dataset's title, the settings that shape every answer, and each
 * area's figures as the areas table of `wijknet map` holds them (small cells "<K", "x").
 */
void
api_wijk(WnExplorer *ex, const Request *req, Answer *out)
{
    cJSON *o = cJSON_CreateObject();
    add_text_or_null(o, "title", wn_network_metadata(ex->net, "title"));
    cJSON_AddStringToObject(o, "language", req->lang == WN_LANGUAGE_EN ? "en" : "nl");
    cJSON_AddNumberToObject(o, "min_cell", ex->opts.min_cell);
    cJSON_AddBoolToObject(o, "show_labels", ex->opts.show_labels);
    cJSON_AddBoolToObject(o, "has_map", ex->shapes != NULL);
    cJSON *areas = cJSON_AddArrayToObject(o, "areas");
    for (gsize row = 0; row < wn_table_row_count(ex->data.areas); row++) {
        cJSON_AddItemToArray(areas, area_object(ex, row, req->lang));
    }
    answer_json(out, SOUP_STATUS_OK, o);
}

/**
 * api_buurt:
 * GET /api/buurt?area=CODE: one area's figures; 404 for an unknown or a small area
 * (one that shows no figures is never named).
 */
void
api_buurt(WnExplorer *ex, const Request *req, Answer *out)
{
    const char *code = request_param(req, "area");
    const WnTable *t = ex->data.areas;
    for (gsize row = 0; code != NULL && row < wn_table_row_count(t); row++) {
        if (strcmp(json_string(t, row, "area"), code) == 0 &&
            !g_hash_table_contains(ex->data.small, code)) {
            answer_json(out, SOUP_STATUS_OK, area_object(ex, row, req->lang));
            return;
        }
    }
    answer_error(out, SOUP_STATUS_NOT_FOUND, "no such area");
}

/**
 * api_wijk_svg:
 * GET /api/wijk.svg: the wijk drawing (wn_wijk_svg), suppressed as the figures.
 */
void
api_wijk_svg(WnExplorer *ex, const Request *req, Answer *out)
{
    WnWijkSvgOptions opts = WN_WIJK_SVG_OPTIONS_INIT;
    opts.language = req->lang;
    opts.min_cell = ex->opts.min_cell;
    opts.shapes = ex->shapes;
    g_autoptr(GError) error = NULL;
    answer_svg(out, wn_wijk_svg(ex->net, &opts, &error), error);
}

/**
 * api_map_svg:
 * GET /api/map.svg: the choropleth from areas.geojson; 404 when the dataset has none.
 */
void
api_map_svg(WnExplorer *ex, const Request *req, Answer *out)
{
    if (ex->shapes == NULL) {
        answer_error(out, SOUP_STATUS_NOT_FOUND, "the dataset has no areas.geojson");
        return;
    }
    g_autoptr(GError) error = NULL;
    answer_svg(out, wn_areas_to_svg_in(ex->data.areas, ex->shapes, req->lang, &error), error);
}
