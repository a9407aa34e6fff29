/* api-node.c: one node: status and reasons, contacts by kind, suggestions, what it connects */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "explorer.h"

#include <string.h>

/* Contacts shown per sector at most; the total is given beside them. */
#define CONTACTS_MAX 200

/* The eco-map's sectors (as the ego drawing: family, friends, groups, formal, conflict). */
static const char *const sectors[] = {"family", "informal", "groups", "formal", "conflict"};

static gsize
sector_of(const WnExplorer *ex, gsize contact, WnRelations relations)
{
    WnNodeKind kind = wn_network_node_kind(ex->net, contact);
    if (kind == WN_NODE_GROUP) {
        return 2;
    }
    if (kind == WN_NODE_PROFESSIONAL || kind == WN_NODE_ORGANISATION) {
        return 3;
    }
    WnRelations family = WN_RELATION(WN_TIE_FAMILY) | WN_RELATION(WN_TIE_HOUSEHOLD);
    return (relations & family) != 0 ? 0 : 1;
}

static void
add_contact(cJSON *sector, const WnExplorer *ex, gsize contact, WnRelations relations,
            double weight, WnLanguage lang)
{
    cJSON *total = cJSON_GetObjectItem(sector, "total");
    cJSON_SetNumberValue(total, total->valuedouble + 1);
    cJSON *list = cJSON_GetObjectItem(sector, "contacts");
    if (cJSON_GetArraySize(list) >= CONTACTS_MAX) {
        return;
    }
    cJSON *o = json_node(ex, contact, lang);
    const char *code = lang == WN_LANGUAGE_EN ? "en" : "nl";
    g_autofree char *words = relations != 0 ? wn_relations_describe(relations, code)
                                            : g_strdup(wn_relation_name(WN_TIE_CONFLICT, code));
    cJSON_AddStringToObject(o, "relations", words);
    cJSON_AddNumberToObject(o, "weight", weight);
    cJSON_AddItemToArray(list, o);
}

/* The node's contacts, by sector of the eco-map. */
static cJSON *
contacts(const WnExplorer *ex, gsize v, WnLanguage lang)
{
    cJSON *o = cJSON_CreateObject();
    for (gsize s = 0; s < G_N_ELEMENTS(sectors); s++) {
        cJSON *sector = cJSON_AddObjectToObject(o, sectors[s]);
        cJSON_AddNumberToObject(sector, "total", 0);
        cJSON_AddArrayToObject(sector, "contacts");
    }
    const GArray *ties = g_ptr_array_index(ex->data.ties, v);
    for (guint i = 0; i < ties->len; i++) {
        gsize t = g_array_index(ties, gsize, i), a = 0, b = 0;
        wn_network_tie_ends(ex->net, t, &a, &b);
        gsize other = a == v ? b : a;
        WnRelations relations = wn_network_tie_relations(ex->net, t);
        cJSON *sector = cJSON_GetObjectItem(o, sectors[sector_of(ex, other, relations)]);
        add_contact(sector, ex, other, relations, wn_network_tie_weight(ex->net, t), lang);
    }
    const GArray *conflicts = g_ptr_array_index(ex->data.conflicts, v);
    for (guint i = 0; i < conflicts->len; i++) {
        add_contact(cJSON_GetObjectItem(o, "conflict"), ex, g_array_index(conflicts, gsize, i), 0,
                    1, lang);
    }
    return o;
}

/* The resident's isolation figures and the reason in words; NULL for any other node. */
static cJSON *
isolation(const WnExplorer *ex, gsize v, WnLanguage lang)
{
    gsize row = g_array_index(ex->data.isolation_row, gsize, v);
    if (row == G_MAXSIZE) {
        return cJSON_CreateNull();
    }
    const WnTable *t = ex->data.isolation;
    cJSON *o = cJSON_CreateObject();
    for (gsize c = 0; c < wn_table_column_count(t); c++) {
        const char *name = wn_table_column_name(t, c);
        if (strcmp(name, "id") != 0 && strcmp(name, "type") != 0 && strcmp(name, "area") != 0) {
            cJSON_AddItemToObject(o, name, json_cell(t, row, c));
        }
    }
    g_autofree char *words = json_words_safe(ex, wn_report_risk_words(t, row, lang), lang);
    cJSON_AddStringToObject(o, "words", words);
    return o;
}

/* A list of ids ("a|b|c") as nodes; ids of small areas' codes are left out. */
static cJSON *
node_list(const WnExplorer *ex, const char *ids, WnLanguage lang)
{
    cJSON *list = cJSON_CreateArray();
    g_auto(GStrv) parts = g_strsplit(ids, "|", -1);
    for (gsize i = 0; parts[i] != NULL; i++) {
        gsize v = 0;
        if (*parts[i] != '\0' && wn_network_node_lookup(ex->net, parts[i], &v)) {
            cJSON_AddItemToArray(list, json_node(ex, v, lang));
        }
    }
    return list;
}

/* The key-figure or meeting-place row of the node: what it connects; NULL when none. */
static cJSON *
key_figure(const WnExplorer *ex, gsize v, WnLanguage lang)
{
    gboolean person = wn_network_node_kind(ex->net, v) <= WN_NODE_PROFESSIONAL;
    const WnTable *t = person ? ex->data.persons : ex->data.places;
    const char *id = wn_network_node_id(ex->net, v);
    for (gsize row = 0; row < wn_table_row_count(t); row++) {
        if (strcmp(json_string(t, row, "id"), id) != 0) {
            continue;
        }
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", person ? "persons" : "places");
        cJSON_AddNumberToObject(o, "rank", (double) row + 1);
        g_autofree char *words =
            json_words_safe(ex,
                            wn_report_key_words(t, row, person ? WN_KEY_PERSONS : WN_KEY_PLACES,
                                                ex->data.areas, lang),
                            lang);
        cJSON_AddStringToObject(o, "words", words);
        cJSON_AddItemToObject(o, "only_link",
                              node_list(ex, json_string(t, row, "only_link_ids"), lang));
        cJSON_AddItemToObject(o, "groups", node_list(ex, json_string(t, row, "group_ids"), lang));
        return o;
    }
    return cJSON_CreateNull();
}

/* One suggestion shown by its @other side ("candidate" or "target"): that node, the
 * score, the reason in words and the introducer. */
static cJSON *
suggestion(const WnExplorer *ex, const WnTable *t, gsize row, const char *other, WnLanguage lang)
{
    gsize c = 0;
    if (!wn_network_node_lookup(ex->net, json_string(t, row, other), &c)) {
        return NULL;
    }
    cJSON *o = json_node(ex, c, lang);
    gsize column = 0;
    if (json_table_column(t, "score", &column)) {
        cJSON_AddItemToObject(o, "score", json_cell(t, row, column));
    }
    g_autofree char *words =
        json_words_safe(ex, wn_report_suggestion_words(json_string(t, row, "reason"), lang), lang);
    cJSON_AddStringToObject(o, "reason", words);
    gsize introducer = 0;
    /* the table gains an `introducer` column (an id, or empty): show it when it is there */
    if (json_table_column(t, "introducer", &column) &&
        wn_network_node_lookup(ex->net, json_string(t, row, "introducer"), &introducer)) {
        cJSON_AddItemToObject(o, "introducer", json_node(ex, introducer, lang));
    }
    return o;
}

/* The suggestions whose @side ("target" or "candidate") is @v, each shown by its other
 * side. They are made as `wijknet suggest` makes them: for the residents at risk, all at
 * once, at start-up. */
static cJSON *
suggestions(const WnExplorer *ex, gsize v, const char *side, WnLanguage lang)
{
    cJSON *list = cJSON_CreateArray();
    const char *id = wn_network_node_id(ex->net, v);
    const WnTable *t = ex->data.suggestions;
    gsize column = 0;
    if (!json_table_column(t, side, &column)) {
        return list;
    }
    gboolean for_target = strcmp(side, "target") == 0;
    for (gsize row = 0; row < wn_table_row_count(t); row++) {
        cJSON *o = g_strcmp0(wn_table_cell_string(t, row, column), id) == 0
                       ? suggestion(ex, t, row, for_target ? "candidate" : "target", lang)
                       : NULL;
        if (o != NULL) {
            cJSON_AddItemToArray(list, o);
        }
    }
    return list;
}

/* The node the parameter id names; FALSE with a 404 answer when there is none. */
static gboolean
node_param(const WnExplorer *ex, const Request *req, gsize *node_out, Answer *out)
{
    const char *id = request_param(req, "id");
    if (id == NULL || !wn_network_node_lookup(ex->net, id, node_out)) {
        answer_error(out, SOUP_STATUS_NOT_FOUND, "no such node");
        return FALSE;
    }
    return TRUE;
}

/**
 * api_node:
 * GET /api/node?id=ID: the node, its isolation and the reason in words (residents), its
 * contacts by sector, the suggestions for it (a resident at risk) and those it is
 * suggested in (to a resident at risk), and what it connects as a key figure or meeting
 * place (null when it is none). 404 for an id the dataset lacks.
 */
void
api_node(WnExplorer *ex, const Request *req, Answer *out)
{
    gsize v = 0;
    if (!node_param(ex, req, &v, out)) {
        return;
    }
    cJSON *o = json_node(ex, v, req->lang);
    cJSON_AddItemToObject(o, "isolation", isolation(ex, v, req->lang));
    cJSON_AddItemToObject(o, "contacts", contacts(ex, v, req->lang));
    cJSON_AddItemToObject(o, "suggestions", suggestions(ex, v, "target", req->lang));
    cJSON_AddItemToObject(o, "suggested_to", suggestions(ex, v, "candidate", req->lang));
    cJSON_AddItemToObject(o, "key_figure", key_figure(ex, v, req->lang));
    answer_json(out, SOUP_STATUS_OK, o);
}

/**
 * api_node_svg:
 * GET /api/node.svg?id=ID: the node's eco-map (wn_ego_svg), labels only with --show-labels.
 */
void
api_node_svg(WnExplorer *ex, const Request *req, Answer *out)
{
    gsize v = 0;
    if (!node_param(ex, req, &v, out)) {
        return;
    }
    WnEgoSvgOptions opts = WN_EGO_SVG_OPTIONS_INIT;
    opts.language = req->lang;
    opts.show_labels = ex->opts.show_labels;
    g_autoptr(GError) error = NULL;
    answer_svg(out, wn_ego_svg(ex->net, v, &opts, &error), error);
}
