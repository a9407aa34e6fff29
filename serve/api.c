/* api.c: the JSON API under /api/: one function per path, run on the worker thread */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "explorer.h"

#include <string.h>

static const struct {
    const char *path;
    void (*answer)(WnExplorer *ex, const Request *req, Answer *out);
} routes[] = {
    {"/api/wijk", api_wijk},   {"/api/wijk.svg", api_wijk_svg}, {"/api/map.svg", api_map_svg},
    {"/api/buurt", api_buurt}, {"/api/lists", api_lists},       {"/api/search", api_search},
    {"/api/node", api_node},   {"/api/node.svg", api_node_svg},
};

/**
 * request_param:
 * The value of parameter @name of @req, or NULL.
 */
const char *
request_param(const Request *req, const char *name)
{
    return req->query != NULL ? g_hash_table_lookup(req->query, name) : NULL;
}

/**
 * answer_json:
 * @json (taken) printed as the body of an answer with @status.
 */
void
answer_json(Answer *out, guint status, cJSON *json)
{
    g_autoptr(cJSON) owned = json;
    char *text = cJSON_PrintUnformatted(owned);
    out->status = status;
    out->content_type = "application/json; charset=utf-8";
    out->body = g_bytes_new(text, strlen(text));
    cJSON_free(text);
}

/**
 * answer_error:
 * An answer {"error": MESSAGE} with @status.
 */
void
answer_error(Answer *out, guint status, const char *message)
{
    cJSON *json = cJSON_CreateObject();
    cJSON_AddStringToObject(json, "error", message);
    answer_json(out, status, json);
}

/**
 * answer_svg:
 * @svg (taken) as an image/svg+xml answer; a 500 with @error's message when NULL.
 */
void
answer_svg(Answer *out, char *svg, GError *error)
{
    if (svg == NULL) {
        answer_error(out, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message);
        return;
    }
    out->status = SOUP_STATUS_OK;
    out->content_type = "image/svg+xml";
    out->body = g_bytes_new_take(svg, strlen(svg));
}

/**
 * api_answer:
 * The answer to @req: 404 for a path the API does not have.
 * Returns: TRUE when the path is known.
 */
gboolean
api_answer(WnExplorer *ex, const Request *req, Answer *out)
{
    for (gsize i = 0; i < G_N_ELEMENTS(routes); i++) {
        if (strcmp(req->path, routes[i].path) == 0) {
            routes[i].answer(ex, req, out);
            return TRUE;
        }
    }
    answer_error(out, SOUP_STATUS_NOT_FOUND, "not found");
    return FALSE;
}
