/* load-json.c: dataset.json (FORMAT.md), the dataset's metadata and `directed` flag */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "private.h"

#include <string.h>

/* Line and column (in characters, from 1) of @at within @text. */
static void
locate(const char *text, const char *at, gsize *line_out, gsize *column_out)
{
    gsize line = 1;
    const char *line_start = text;
    for (const char *p = text; p < at && *p != '\0'; p++) {
        if (*p == '\n') {
            line++;
            line_start = p + 1;
        }
    }
    *line_out = line;
    *column_out = (gsize) g_utf8_strlen(line_start, at - line_start) + 1;
}

static gboolean
parse_json_text(const char *path, const char *text, gsize length, cJSON **out, GError **error)
{
    if (!g_utf8_validate(text, (gssize) length, NULL) || strlen(text) != length) {
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE, "%s:1:1: expected UTF-8 JSON text", path);
        return FALSE;
    }
    const char *end = NULL;
    *out = cJSON_ParseWithOpts(text, &end, TRUE);
    if (*out == NULL) {
        const char *at = end != NULL ? end : cJSON_GetErrorPtr();
        gsize line = 1, column = 1;
        locate(text, at != NULL ? at : text, &line, &column);
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                    "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ": expected valid JSON here", path,
                    line, column);
        return FALSE;
    }
    return TRUE;
}

static gboolean
read_directed(WnNetwork *net, const char *path, const cJSON *root, GError **error)
{
    const cJSON *directed = cJSON_GetObjectItemCaseSensitive(root, "directed");
    if (directed == NULL || cJSON_IsNull(directed)) {
        return TRUE;
    }
    if (!cJSON_IsBool(directed)) {
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                    "%s:1:1: expected \"directed\" to be true or false", path);
        return FALSE;
    }
    net->directed = cJSON_IsTrue(directed);
    return TRUE;
}

/* Keeps every top-level member as text: strings as they are, the rest as compact JSON. */
static void
keep_metadata(WnNetwork *net, const cJSON *root)
{
    for (const cJSON *item = root->child; item != NULL; item = item->next) {
        if (item->string == NULL) {
            continue;
        }
        if (cJSON_IsString(item)) {
            g_hash_table_replace(net->metadata, g_strdup(item->string),
                                 g_strdup(item->valuestring));
            continue;
        }
        char *text = cJSON_PrintUnformatted(item);
        g_hash_table_replace(net->metadata, g_strdup(item->string), g_strdup(text));
        cJSON_free(text);
    }
}

gboolean
wn_load__dataset_json(WnNetwork *net, const char *path, GError **error)
{
    g_autofree char *text = NULL;
    gsize length = 0;
    g_autoptr(cJSON) root = NULL;
    if (!g_file_get_contents(path, &text, &length, error) ||
        !parse_json_text(path, text, length, &root, error)) {
        return FALSE;
    }
    if (!cJSON_IsObject(root)) {
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                    "%s:1:1: expected a JSON object ({ \"title\": … }) at the top level", path);
        return FALSE;
    }
    keep_metadata(net, root);
    return read_directed(net, path, root, error);
}
