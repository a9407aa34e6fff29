/* api-lists.c: lists to filter and sort (at risk, key figures, meeting places), and search */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "explorer.h"

#include <stdlib.h>
#include <string.h>

#define LIST_LIMIT_DEFAULT 50
#define LIST_LIMIT_MAX 500
#define SEARCH_MAX 20

/* A list: its table, the columns each row shows, and how a row is put in words. */
typedef struct {
    const char *name;
    const char *const columns[7]; /* NULL-terminated; each may be sorted on */
} ListKind;

static const ListKind kinds[] = {
    {"risk",
     {"rank", "isolation_index", "informal_degree", "formal_degree", "groups", "vulnerable", NULL}},
    {"persons", {"rank", "at_risk_reach", "only_link", "areas", "groups", NULL}},
    {"places", {"rank", "members", "at_risk_members", "only_link", "areas", NULL}},
};

static const WnTable *
list_table(const WnExplorer *ex, gsize kind)
{
    const WnTable *tables[] = {ex->data.ranking, ex->data.persons, ex->data.places};
    return tables[kind];
}

static char *
row_words(const WnExplorer *ex, gsize kind, gsize row, WnLanguage lang)
{
    const WnTable *t = list_table(ex, kind);
    char *words = kind == 0
                      ? wn_report_risk_words(t, row, lang)
                      : wn_report_key_words(t, row, kind == 1 ? WN_KEY_PERSONS : WN_KEY_PLACES,
                                            ex->data.areas, lang);
    return json_words_safe(ex, words, lang);
}

/* Sorting: the column, its direction (1 or -1), and the table. */
typedef struct {
    const WnTable *t;
    gsize column;
    int direction;
} SortBy;

/* A cell as a number for sorting; a missing cell sorts below every number. */
static double
sort_value(const SortBy *s, gsize row)
{
    if (wn_table_cell_is_missing(s->t, row, s->column)) {
        return -G_MAXDOUBLE;
    }
    return wn_table_column_kind(s->t, s->column) == WN_COLUMN_INT
               ? (double) wn_table_cell_int(s->t, row, s->column)
               : wn_table_cell_double(s->t, row, s->column);
}

static int
compare_rows(gconstpointer a, gconstpointer b, gpointer data)
{
    const SortBy *s = data;
    gsize ra = *(const gsize *) a, rb = *(const gsize *) b;
    double x = sort_value(s, ra), y = sort_value(s, rb);
    int order = (x > y) - (x < y);
    return order != 0 ? s->direction * order : (ra > rb) - (ra < rb);
}

/* Whether @row's cell in @column (G_MAXSIZE: none) is @want (NULL or "": any). */
static gboolean
cell_is(const WnTable *t, gsize row, gsize column, const char *want)
{
    if (want == NULL || *want == '\0') {
        return TRUE;
    }
    const char *cell = column != G_MAXSIZE && !wn_table_cell_is_missing(t, row, column)
                           ? wn_table_cell_string(t, row, column)
                           : NULL;
    return g_strcmp0(cell, want) == 0;
}

/* The rows of list @kind in @area (NULL: all) with @status (NULL: any), sorted. */
static GArray *
select_rows(const WnExplorer *ex, gsize kind, const Request *req)
{
    const WnTable *t = list_table(ex, kind);
    const char *area = request_param(req, "area");
    const char *status = request_param(req, "status");
    gsize area_column = G_MAXSIZE, status_column = G_MAXSIZE;
    json_table_column(t, "area", &area_column);
    json_table_column(t, "status", &status_column);
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize row = 0; row < wn_table_row_count(t); row++) {
        if (cell_is(t, row, area_column, area) && cell_is(t, row, status_column, status)) {
            g_array_append_val(rows, row);
        }
    }
    const char *sort = request_param(req, "sort");
    SortBy by = {t, 0, 1};
    for (gsize c = 0; sort != NULL && kinds[kind].columns[c] != NULL; c++) {
        if (strcmp(sort, kinds[kind].columns[c]) == 0 && json_table_column(t, sort, &by.column)) {
            by.direction = strcmp(sort, "rank") == 0 ? 1 : -1;
            by.direction *= g_strcmp0(request_param(req, "order"), "reverse") == 0 ? -1 : 1;
            g_array_sort_with_data(rows, compare_rows, &by);
        }
    }
    return rows;
}

/* A number parameter within 0..max, or @fallback. */
static gsize
number_param(const Request *req, const char *name, gsize fallback, gsize max)
{
    const char *text = request_param(req, name);
    guint64 value = 0;
    if (text == NULL || !g_ascii_string_to_unsigned(text, 10, 0, max, &value, NULL)) {
        return fallback;
    }
    return (gsize) value;
}

static cJSON *
list_row(const WnExplorer *ex, gsize kind, gsize row, WnLanguage lang)
{
    const WnTable *t = list_table(ex, kind);
    gsize v = 0;
    g_assert_true(wn_network_node_lookup(ex->net, json_string(t, row, "id"), &v));
    cJSON *o = json_node(ex, v, lang);
    for (gsize c = 0; kinds[kind].columns[c] != NULL; c++) {
        gsize column = 0;
        if (json_table_column(t, kinds[kind].columns[c], &column)) {
            cJSON_AddItemToObject(o, kinds[kind].columns[c], json_cell(t, row, column));
        }
    }
    g_autofree char *words = row_words(ex, kind, row, lang);
    cJSON_AddStringToObject(o, "words", words);
    return o;
}

/**
 * api_lists:
 * GET /api/lists?kind=risk|persons|places[&area=CODE][&status=S][&sort=COLUMN]
 * [&order=reverse][&offset=N][&limit=N]: rows of the list in the report's order (or
 * sorted on a column, largest first), each with the reason in words. A small area's
 * list is never given (it would count what its figures hide).
 */
void
api_lists(WnExplorer *ex, const Request *req, Answer *out)
{
    const char *name = request_param(req, "kind");
    gsize kind = G_N_ELEMENTS(kinds);
    for (gsize k = 0; name != NULL && k < G_N_ELEMENTS(kinds); k++) {
        kind = strcmp(name, kinds[k].name) == 0 ? k : kind;
    }
    if (kind == G_N_ELEMENTS(kinds)) {
        answer_error(out, SOUP_STATUS_BAD_REQUEST, "kind must be risk, persons or places");
        return;
    }
    const char *area = request_param(req, "area");
    if (area != NULL && g_hash_table_contains(ex->data.small, area)) {
        answer_error(out, SOUP_STATUS_NOT_FOUND, "no such area");
        return;
    }
    g_autoptr(GArray) rows = select_rows(ex, kind, req);
    gsize offset = number_param(req, "offset", 0, G_MAXUINT32);
    gsize limit = number_param(req, "limit", LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "kind", kinds[kind].name);
    cJSON_AddNumberToObject(o, "offset", (double) offset);
    cJSON_AddBoolToObject(o, "more", offset + limit < rows->len);
    cJSON *list = cJSON_AddArrayToObject(o, "rows");
    for (gsize i = offset; i < rows->len && i < offset + limit; i++) {
        cJSON_AddItemToArray(list, list_row(ex, kind, g_array_index(rows, gsize, i), req->lang));
    }
    answer_json(out, SOUP_STATUS_OK, o);
}

/* How well @node matches @q: 3 the id, 2 an id that starts with it, 1 one that holds it
 * (or a label that holds it, with --show-labels); 0 no match. Case does not count. */
static int
match_rank(const WnExplorer *ex, gsize node, const char *q)
{
    g_autofree char *id = g_utf8_casefold(wn_network_node_id(ex->net, node), -1);
    if (strcmp(id, q) == 0) {
        return 3;
    }
    if (g_str_has_prefix(id, q)) {
        return 2;
    }
    if (strstr(id, q) != NULL) {
        return 1;
    }
    const char *label = ex->opts.show_labels ? wn_network_node_label(ex->net, node) : NULL;
    g_autofree char *folded = label != NULL ? g_utf8_casefold(label, -1) : NULL;
    return folded != NULL && strstr(folded, q) != NULL ? 1 : 0;
}

/**
 * api_search:
 * GET /api/search?q=TEXT: at most 20 nodes whose id is, starts with or holds TEXT (by
 * label too, only with --show-labels), best matches first, then in node order.
 */
void
api_search(WnExplorer *ex, const Request *req, Answer *out)
{
    const char *text = request_param(req, "q");
    g_autofree char *trimmed = g_strstrip(g_strdup(text != NULL ? text : ""));
    g_autofree char *q = g_utf8_casefold(trimmed, -1);
    g_autoptr(GPtrArray) by_rank = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    for (int r = 0; r < 4; r++) {
        g_ptr_array_add(by_rank, g_array_new(FALSE, FALSE, sizeof(gsize)));
    }
    GArray **best = (GArray **) by_rank->pdata;
    for (gsize v = 0; *q != '\0' && v < wn_network_node_count(ex->net); v++) {
        int r = match_rank(ex, v, q);
        if (r > 0 && best[r]->len < SEARCH_MAX) {
            g_array_append_val(best[r], v);
        }
    }
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "q", text != NULL ? text : "");
    cJSON *results = cJSON_AddArrayToObject(o, "results");
    for (int r = 3; r > 0; r--) {
        for (guint i = 0; i < best[r]->len && cJSON_GetArraySize(results) < SEARCH_MAX; i++) {
            cJSON_AddItemToArray(results,
                                 json_node(ex, g_array_index(best[r], gsize, i), req->lang));
        }
    }
    answer_json(out, SOUP_STATUS_OK, o);
}
