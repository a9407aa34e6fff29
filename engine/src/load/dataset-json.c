/* dataset-json.c: dataset.json (docs/FORMAT.md): the metadata, `directed` and `personal` */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

#include <string.h>

/**
 * wn_load__locate:
 * Finds the line and column (in characters, from 1) of @at within @text, for a message
 * about a file read whole (JSON, or any imported text).
 */
void
wn_load__locate(const char *text, const char *at, gsize *line_out, gsize *column_out)
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

/* Sets "PATH:LINE:COLUMN: WHAT" for the position @at in @text. */
static void set_error_at(GError **error, const char *path, const char *text, const char *at,
                         const char *format, ...) G_GNUC_PRINTF(5, 6);

static void
set_error_at(GError **error, const char *path, const char *text, const char *at, const char *format,
             ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *what = g_strdup_vprintf(format, args);
    va_end(args);
    gsize line = 1, column = 1;
    wn_load__locate(text, at, &line, &column);
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE, "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ": %s",
                path, line, column, what);
}

/* Names the character at @at for a message: "x", the end of the line or of the file. */
static char *
describe_char(const char *at)
{
    if (*at == '\0') {
        return g_strdup("the end of the file");
    }
    if (*at == '\n' || *at == '\r') {
        return g_strdup("the end of the line");
    }
    if ((guchar) *at < 0x20) {
        return g_strdup_printf("byte 0x%02X", (guchar) *at);
    }
    return g_strdup_printf("\"%.*s\"", (int) (g_utf8_next_char(at) - at), at);
}

/* Skips a JSON string from its opening quote; returns the character after it. */
static const char *
skip_string(const char *p)
{
    for (p++; *p != '\0' && *p != '"'; p++) {
        if (*p == '\\' && p[1] != '\0') {
            p++;
        }
    }
    return *p == '"' ? p + 1 : p;
}

/* The innermost container open just before @at: '{', '[' or 0 at the top level. */
static char
innermost_container(const char *text, const char *at)
{
    g_autoptr(GString) open = g_string_new(NULL);
    for (const char *p = text; p < at && *p != '\0';) {
        if (*p == '"') {
            p = skip_string(p);
            continue;
        }
        if (*p == '{' || *p == '[') {
            g_string_append_c(open, *p);
        } else if ((*p == '}' || *p == ']') && open->len > 0) {
            g_string_truncate(open, open->len - 1);
        }
        p++;
    }
    return open->len > 0 ? open->str[open->len - 1] : '\0';
}

/*
 * Where cJSON failed. It reports a member name that is not a string (`{"a": 1,}`) one
 * character late, after the culprit; such a culprit follows a `{` or a `,` inside an
 * object (and a `}` right after a `{` closes an empty object, so it is no culprit).
 */
static const char *
error_position(const char *text, const char *at)
{
    if (at == NULL) {
        return text;
    }
    if (at == text || at[-1] == '"' || g_ascii_isspace(at[-1])) {
        return at;
    }
    const char *before = at - 1;
    while (before > text && g_ascii_isspace(before[-1])) {
        before--;
    }
    gboolean empty_object = before > text && before[-1] == '{' && at[-1] == '}';
    if (before > text && (before[-1] == '{' || before[-1] == ',') && !empty_object &&
        innermost_container(text, at - 1) == '{') {
        return at - 1;
    }
    return at;
}

static gboolean
parse_json_text(const char *path, const char *text, gsize length, cJSON **out, GError **error)
{
    const char *bad = NULL;
    if (!g_utf8_validate(text, (gssize) length, &bad)) {
        set_error_at(error, path, text, bad, "expected UTF-8 JSON text, got byte 0x%02X",
                     (guchar) *bad);
        return FALSE;
    }
    const char *end = NULL;
    *out = cJSON_ParseWithOpts(text, &end, TRUE);
    if (*out == NULL) {
        const char *at = error_position(text, end != NULL ? end : cJSON_GetErrorPtr());
        g_autofree char *got = describe_char(at);
        set_error_at(error, path, text, at, "expected valid JSON, got %s", got);
        return FALSE;
    }
    return TRUE;
}

/*
 * Finds the value of the top-level member @key in valid JSON @text, so that a message
 * about it can name its line and column (cJSON keeps no positions).
 * Returns: the value's first character, or @text when not found.
 */
static const char *
find_member_value(const char *text, const char *key)
{
    gsize depth = 0, key_len = strlen(key);
    for (const char *p = text; *p != '\0';) {
        if (*p == '"') {
            const char *after = skip_string(p);
            const char *q = after;
            while (g_ascii_isspace(*q)) {
                q++;
            }
            if (depth == 1 && *q == ':' && (gsize) (after - p) == key_len + 2 &&
                strncmp(p + 1, key, key_len) == 0) {
                q++;
                while (g_ascii_isspace(*q)) {
                    q++;
                }
                return q;
            }
            p = after;
            continue;
        }
        depth += *p == '{' || *p == '[';
        depth -= (*p == '}' || *p == ']') && depth > 0;
        p++;
    }
    return text;
}

static gboolean
read_directed(WnNetwork *net, const char *path, const char *text, const cJSON *root, GError **error)
{
    const cJSON *directed = cJSON_GetObjectItemCaseSensitive(root, "directed");
    if (directed == NULL || cJSON_IsNull(directed)) {
        return TRUE;
    }
    if (!cJSON_IsBool(directed)) {
        char *got = cJSON_PrintUnformatted(directed);
        set_error_at(error, path, text, find_member_value(text, "directed"),
                     "expected \"directed\" to be true or false, got %s", got);
        cJSON_free(got);
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

/* Names the kind of a JSON value for a message. */
static const char *
json_kind(const cJSON *item)
{
    if (cJSON_IsArray(item)) {
        return "an array";
    }
    if (cJSON_IsString(item)) {
        return "a string";
    }
    if (cJSON_IsNumber(item)) {
        return "a number";
    }
    if (cJSON_IsObject(item)) {
        return "an object";
    }
    return cJSON_IsBool(item) ? "true or false" : "null";
}

/* Skips the JSON value (valid JSON) that starts at @p; returns the character after it. */
static const char *
skip_value(const char *p)
{
    gsize depth = 0;
    do {
        if (*p == '"') {
            p = skip_string(p);
            continue;
        }
        depth += *p == '{' || *p == '[';
        depth -= *p == '}' || *p == ']';
        p++;
    } while (*p != '\0' && (depth > 0 || strchr(",]} \t\r\n", *p) == NULL));
    return p;
}

/* The first character of element @index of the JSON array (valid JSON) that starts at @p. */
static const char *
element_at(const char *p, gsize index)
{
    for (p++; g_ascii_isspace(*p); p++) {
    }
    for (gsize i = 0; i < index && *p != '\0'; i++) {
        for (p = skip_value(p); g_ascii_isspace(*p) || *p == ','; p++) {
        }
    }
    return p;
}

/* The docs/FORMAT.md columns that have their own meaning, so cannot be personal; `label`
 * is personal already (privacy/columns.c decides what is personal). */
static const char *const format_columns[] = {"id",     "type",         "area",   "lat",
                                             "lon",    "vulnerable",   "source", "target",
                                             "weight", "support_kind", NULL};

/* Checks the "personal" member: absent, null, or an array of column names; each name
 * other than a docs/FORMAT.md column (label excepted). */
static gboolean
check_personal(const char *path, const char *text, const cJSON *root, GError **error)
{
    const cJSON *personal = cJSON_GetObjectItemCaseSensitive(root, "personal");
    if (personal == NULL || cJSON_IsNull(personal)) {
        return TRUE;
    }
    const char *at = find_member_value(text, "personal");
    if (!cJSON_IsArray(personal)) {
        set_error_at(error, path, text, at,
                     "expected \"personal\" to be an array of column names ([\"naam\", …]), "
                     "got %s",
                     json_kind(personal));
        return FALSE;
    }
    gsize i = 0;
    for (const cJSON *item = personal->child; item != NULL; item = item->next, i++) {
        g_autofree char *name =
            cJSON_IsString(item) ? g_strstrip(g_strdup(item->valuestring)) : NULL;
        if (name == NULL || *name == '\0') {
            set_error_at(error, path, text, element_at(at, i),
                         "expected a column name in \"personal\", got %s",
                         name != NULL ? "an empty string" : json_kind(item));
            return FALSE;
        }
        for (gsize k = 0; format_columns[k] != NULL; k++) {
            if (g_ascii_strcasecmp(name, format_columns[k]) == 0) {
                set_error_at(error, path, text, element_at(at, i),
                             "\"%s\" cannot be personal: it is a column of docs/FORMAT.md with "
                             "its own meaning (list attribute columns, or label)",
                             name);
                return FALSE;
            }
        }
    }
    return TRUE;
}

/**
 * wn_load__dataset_json_text:
 * Reads the text of a dataset.json (@length bytes, a byte-order mark allowed): a JSON
 * object whose top-level members become the metadata (wn_network_metadata) and whose
 * "directed" member, true or false (null or absent: false), makes the dataset directed.
 * A "personal" member must be null or an array of column names (strings, none of them
 * a docs/FORMAT.md column but label): privacy/columns.c reads it from the metadata.
 * Errors start "@path:LINE:COLUMN: " (in characters).
 * Returns: FALSE on error.
 */
gboolean
wn_load__dataset_json_text(WnNetwork *net, const char *path, const char *text, gsize length,
                           GError **error)
{
    g_autoptr(cJSON) root = NULL;
    const char *json = text;
    if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* a byte-order mark */
        json += 3;
        length -= 3;
    }
    if (!parse_json_text(path, json, length, &root, error)) {
        return FALSE;
    }
    if (!cJSON_IsObject(root)) {
        const char *at = json;
        while (g_ascii_isspace(*at)) {
            at++;
        }
        set_error_at(error, path, json, at,
                     "expected a JSON object ({ \"title\": … }) at the top level, got %s",
                     json_kind(root));
        return FALSE;
    }
    keep_metadata(net, root);
    return read_directed(net, path, json, root, error) && check_personal(path, json, root, error);
}

/**
 * wn_load__dataset_json:
 * Reads the file dataset.json at @path (wn_load__dataset_json_text).
 * Returns: FALSE on error.
 */
gboolean
wn_load__dataset_json(WnNetwork *net, const char *path, GError **error)
{
    g_autofree char *text = NULL;
    gsize length = 0;
    return wn_input__read(path, WN_INPUT_JSON_MAX, &text, &length, error) &&
           wn_load__dataset_json_text(net, path, text, length, error);
}
