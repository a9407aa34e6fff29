/* json.c: pieces shared by the answers: cells, a node, an area's name, safe words */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "explorer.h"

#include <stdlib.h>
#include <string.h>

/**
 * json_table_column:
 * Whether @t has a column @name (wn_table_column_lookup).
 */
gboolean
json_table_column(const WnTable *t, const char *name, gsize *column_out)
{
    return t != NULL && wn_table_column_lookup(t, name, column_out);
}

/**
 * json_string:
 * The text of column @name in @row of @t; "" when the column or the cell is missing.
 */
const char *
json_string(const WnTable *t, gsize row, const char *name)
{
    gsize c = 0;
    if (!json_table_column(t, name, &c) || wn_table_cell_is_missing(t, row, c)) {
        return "";
    }
    const char *s = wn_table_cell_string(t, row, c);
    return s != NULL ? s : "";
}

/**
 * json_cell:
 * A cell as JSON: null when missing, a number when it is one, text otherwise ("<10", "x").
 */
cJSON *
json_cell(const WnTable *t, gsize row, gsize column)
{
    if (wn_table_cell_is_missing(t, row, column)) {
        return cJSON_CreateNull();
    }
    switch (wn_table_column_kind(t, column)) {
    case WN_COLUMN_INT:
        return cJSON_CreateNumber((double) wn_table_cell_int(t, row, column));
    case WN_COLUMN_DOUBLE:
        return cJSON_CreateNumber(wn_table_cell_double(t, row, column));
    default:
        break;
    }
    const char *text = wn_table_cell_string(t, row, column);
    char *end = NULL;
    double value = text != NULL && *text != '\0' ? g_ascii_strtod(text, &end) : 0;
    if (end != NULL && *end == '\0' && g_ascii_isdigit(text[0])) {
        return cJSON_CreateNumber(value);
    }
    return cJSON_CreateString(text != NULL ? text : "");
}

/**
 * json_area_name:
 * How an area is shown: its name from areas.geojson or its code, and for an area that
 * shows no figures (fewer residents than --min-cell) "(kleine buurt)", never its code.
 * Returns: borrowed text; NULL for no area.
 */
const char *
json_area_name(const WnExplorer *ex, const char *code, WnLanguage lang)
{
    if (code == NULL || *code == '\0') {
        return NULL;
    }
    if (g_hash_table_contains(ex->data.small, code)) {
        return lang == WN_LANGUAGE_EN ? "(small area)" : "(kleine buurt)";
    }
    for (gsize f = 0; ex->shapes != NULL && f < wn_area_shapes_count(ex->shapes); f++) {
        const char *name = wn_area_shapes_name(ex->shapes, f);
        if (g_strcmp0(wn_area_shapes_code(ex->shapes, f), code) == 0 && name != NULL &&
            *name != '\0') {
            return name;
        }
    }
    return code;
}

/* @text with each whole-word @code (not inside a longer word or code) as @with. */
static char *
replace_whole(const char *text, const char *code, const char *with)
{
    GString *out = g_string_new(NULL);
    gsize n = strlen(code);
    const char *at = text;
    for (const char *hit = strstr(at, code); hit != NULL; hit = strstr(hit + 1, code)) {
        gboolean alone = (hit == text || !g_ascii_isalnum(hit[-1])) && !g_ascii_isalnum(hit[n]);
        if (alone && hit >= at) {
            g_string_append_len(out, at, hit - at);
            g_string_append(out, with);
            at = hit + n;
        }
    }
    g_string_append(out, at);
    return g_string_free(out, FALSE);
}

/**
 * json_words_safe:
 * @words (taken) with every area code the areas table holds, standing as a word of its
 * own, replaced by how the area is shown (json_area_name): its name, or "(kleine buurt)"
 * for a small area.
 * Returns: a new string.
 */
char *
json_words_safe(const WnExplorer *ex, char *words, WnLanguage lang)
{
    g_autofree char *text = words;
    for (gsize row = 0; row < wn_table_row_count(ex->data.areas); row++) {
        const char *code = json_string(ex->data.areas, row, "area");
        if (*code != '\0' && strstr(text, code) != NULL) {
            char *next = replace_whole(text, code, json_area_name(ex, code, lang));
            g_free(text);
            text = next;
        }
    }
    return g_steal_pointer(&text);
}

/**
 * json_node:
 * A node as every answer shows it: id, label (only with --show-labels), kind in words,
 * area code (null for a small area) and area name, status.
 */
cJSON *
json_node(const WnExplorer *ex, gsize node, WnLanguage lang)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", wn_network_node_id(ex->net, node));
    if (ex->opts.show_labels) {
        const char *label = wn_network_node_label(ex->net, node);
        cJSON_AddStringToObject(o, "label", label != NULL ? label : "");
    }
    const char *kind = wn_node_kind_name(wn_network_node_kind(ex->net, node));
    cJSON_AddStringToObject(o, "type", kind);
    cJSON_AddStringToObject(o, "type_name", wn_report_kind_name(kind, lang));
    const char *area = wn_network_node_area(ex->net, node);
    gboolean small = area != NULL && g_hash_table_contains(ex->data.small, area);
    const char *shown = small || area == NULL || *area == '\0' ? NULL : area;
    cJSON_AddItemToObject(o, "area",
                          shown != NULL ? cJSON_CreateString(shown) : cJSON_CreateNull());
    const char *name = json_area_name(ex, area, lang);
    cJSON_AddItemToObject(o, "area_name",
                          name != NULL ? cJSON_CreateString(name) : cJSON_CreateNull());
    gsize row = g_array_index(ex->data.isolation_row, gsize, node);
    const char *status =
        row != G_MAXSIZE ? json_string(ex->data.isolation, row, "status") : "not_resident";
    cJSON_AddStringToObject(o, "status", status);
    return o;
}
