/* node-link-read.c: node-link JSON, as networkx.node_link_data writes it and D3 reads it */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"
#include "load/load.h"

#include <math.h>
#include <string.h>

static cJSON *
parse(const char *path, const char *text, gsize length, GError **error)
{
    const char *end = NULL;
    cJSON *root = strlen(text) == length ? cJSON_ParseWithOpts(text, &end, TRUE) : NULL;
    if (root == NULL) {
        const char *at = end != NULL ? end : (strlen(text) != length ? text + strlen(text) : text);
        gsize line = 1, column = 1;
        wn_load__locate(text, at, &line, &column);
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                    "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ": expected valid JSON here", path,
                    line, column);
    }
    return root;
}

/* The text of every number of @text, in order: a number is the run of characters a JSON
 * number may hold, found outside strings. */
static GPtrArray *
number_texts(const char *text)
{
    GPtrArray *numbers = g_ptr_array_new_with_free_func(g_free);
    for (const char *p = text; *p != '\0';) {
        if (*p == '"') {
            for (p++; *p != '\0' && *p != '"'; p++) {
                p += *p == '\\' && p[1] != '\0';
            }
            p += *p == '"';
        } else if (*p == '-' || g_ascii_isdigit(*p)) {
            gsize len = strspn(p, "+-.0123456789eE");
            g_ptr_array_add(numbers, g_strndup(p, len));
            p += len;
        } else {
            p++;
        }
    }
    return numbers;
}

/* Gives each number of @item, in document order, its text from @texts (from @next on). */
static void
map_numbers(GHashTable *map, const cJSON *item, const GPtrArray *texts, guint *next)
{
    if (cJSON_IsNumber(item) && *next < texts->len) {
        g_hash_table_insert(map, (gpointer) item, g_ptr_array_index(texts, (*next)++));
    }
    for (const cJSON *child = item->child; child != NULL; child = child->next) {
        map_numbers(map, child, texts, next);
    }
}

/* JSON numbers as written: cJSON keeps only a double, which would turn the id 007 into 7
 * and 12345678901234567890 into 1.2345678901234567e+19. Maps each number item of @root
 * to its text, kept in @texts. */
static GHashTable *
numbers_as_written(const char *text, const cJSON *root, GPtrArray **texts_out)
{
    GHashTable *map = g_hash_table_new(g_direct_hash, g_direct_equal);
    guint next = 0;
    *texts_out = number_texts(text);
    map_numbers(map, root, *texts_out, &next);
    return map;
}

/* What the readers of a node-link file share. */
typedef struct {
    WnDraft *draft;
    const char *path;
    GHashTable *numbers; /* numbers_as_written */
} Reader;

static const char *
kind_of(const cJSON *item)
{
    if (item == NULL) {
        return "nothing";
    }
    if (cJSON_IsObject(item)) {
        return "an object";
    }
    if (cJSON_IsArray(item)) {
        return "an array";
    }
    if (cJSON_IsString(item)) {
        return "a string";
    }
    if (cJSON_IsNumber(item)) {
        return "a number";
    }
    return cJSON_IsBool(item) ? "a boolean" : "null";
}

static gboolean
fail(GError **error, const char *where, const char *expected, const cJSON *got)
{
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE, "%s: expected %s, got %s", where, expected,
                kind_of(got));
    return FALSE;
}

static char *value_text(const cJSON *item, GHashTable *numbers);

/* An array of strings, numbers and booleans joined with `|`; NULL when it holds more. */
static char *
join_scalars(const cJSON *array, GHashTable *numbers)
{
    g_autoptr(GString) joined = g_string_new(NULL);
    for (const cJSON *e = array->child; e != NULL; e = e->next) {
        g_autofree char *text =
            cJSON_IsArray(e) || cJSON_IsObject(e) ? NULL : value_text(e, numbers);
        if (text == NULL) {
            return NULL;
        }
        g_string_append_printf(joined, "%s%s", joined->len > 0 ? "|" : "", text);
    }
    return g_string_free(g_steal_pointer(&joined), FALSE);
}

/* A value as text: strings as they are, numbers as written (numbers_as_written), booleans
 * as true/false, an array of scalars joined with `|` (docs/FORMAT.md), anything else as
 * JSON. */
static char *
value_text(const cJSON *item, GHashTable *numbers)
{
    if (cJSON_IsString(item)) {
        return g_strdup(item->valuestring);
    }
    const char *written = cJSON_IsNumber(item) ? g_hash_table_lookup(numbers, item) : NULL;
    if (written != NULL) {
        return g_strdup(written);
    }
    if (cJSON_IsNumber(item)) {
        char buf[WN_NUMBER_TEXT_SIZE];
        return g_strdup(wn_number__round_trip(buf, item->valuedouble));
    }
    if (cJSON_IsBool(item)) {
        return g_strdup(cJSON_IsTrue(item) ? "true" : "false");
    }
    if (cJSON_IsNull(item)) {
        return NULL;
    }
    char *joined = cJSON_IsArray(item) ? join_scalars(item, numbers) : NULL;
    if (joined != NULL) {
        return joined;
    }
    char *printed = cJSON_PrintUnformatted(item);
    char *text = g_strdup(printed);
    cJSON_free(printed);
    return text;
}

/* An id: a string, or a number as written (NetworkX's integer nodes). */
static char *
id_text(const cJSON *item, GHashTable *numbers)
{
    if (cJSON_IsString(item)) {
        return g_strdup(item->valuestring);
    }
    if (cJSON_IsNumber(item) && isfinite(item->valuedouble)) {
        return value_text(item, numbers);
    }
    return NULL;
}

static gboolean
read_node(const Reader *r, const cJSON *node, gsize i, GError **error)
{
    g_autofree char *at = g_strdup_printf("%s: nodes[%" G_GSIZE_FORMAT "]", r->path, i);
    if (!cJSON_IsObject(node)) {
        return fail(error, at, "a node object ({\"id\": …})", node);
    }
    g_autofree char *id = id_text(cJSON_GetObjectItemCaseSensitive(node, "id"), r->numbers);
    if (id == NULL) {
        return fail(error, at, "\"id\" to be a string or a number",
                    cJSON_GetObjectItemCaseSensitive(node, "id"));
    }
    gsize v = 0;
    if (!wn_draft__add_node(r->draft, id, at, &v, error)) {
        return FALSE;
    }
    for (const cJSON *value = node->child; value != NULL; value = value->next) {
        g_autofree char *text = value_text(value, r->numbers);
        g_autofree char *value_at = g_strdup_printf("%s.%s", at, value->string);
        if (strcmp(value->string, "id") != 0 && text != NULL &&
            !wn_draft__node_value(r->draft, v, value->string, text, value_at, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
link_end(const Reader *r, const cJSON *link, const char *at, const char *key, gsize *out,
         GError **error)
{
    const cJSON *end = cJSON_GetObjectItemCaseSensitive(link, key);
    g_autofree char *id = id_text(end, r->numbers);
    g_autofree char *end_at = g_strdup_printf("%s.%s", at, key);
    if (id == NULL) {
        return fail(error, end_at, "a node id (a string or a number)", end);
    }
    if (!wn_draft__find_node(r->draft, id, out)) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "%s: expected the id of a node, got \"%s\"",
                    end_at, id);
        return FALSE;
    }
    return TRUE;
}

static gboolean
read_link(const Reader *r, const char *array, const cJSON *link, gsize i, GError **error)
{
    g_autofree char *at = g_strdup_printf("%s: %s[%" G_GSIZE_FORMAT "]", r->path, array, i);
    gsize a = 0, b = 0;
    if (!cJSON_IsObject(link)) {
        return fail(error, at, "a link object ({\"source\": …, \"target\": …})", link);
    }
    if (!link_end(r, link, at, "source", &a, error) ||
        !link_end(r, link, at, "target", &b, error)) {
        return FALSE;
    }
    gsize tie = wn_draft__add_tie(r->draft, a, b, at);
    for (const cJSON *value = link->child; value != NULL; value = value->next) {
        g_autofree char *text = value_text(value, r->numbers);
        g_autofree char *value_at = g_strdup_printf("%s.%s", at, value->string);
        gboolean end = strcmp(value->string, "source") == 0 || strcmp(value->string, "target") == 0;
        if (!end && text != NULL &&
            !wn_draft__tie_value(r->draft, tie, value->string, text, value_at, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

static void
read_graph(const Reader *r, const cJSON *root)
{
    const cJSON *graph = cJSON_GetObjectItemCaseSensitive(root, "graph");
    for (const cJSON *item = cJSON_IsObject(graph) ? graph->child : NULL; item != NULL;
         item = item->next) {
        g_autofree char *text = value_text(item, r->numbers);
        if (text != NULL && strcmp(item->string, "directed") != 0) {
            wn_draft__set_metadata(r->draft, item->string, text);
        }
    }
    wn_draft__set_directed(r->draft,
                           cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(root, "directed")));
}

static gboolean
read_all(const Reader *r, const cJSON *root, GError **error)
{
    g_autofree char *top = g_strdup_printf("%s: the top level", r->path);
    const cJSON *nodes = cJSON_GetObjectItemCaseSensitive(root, "nodes");
    const char *name = cJSON_HasObjectItem(root, "links") ? "links" : "edges";
    const cJSON *links = cJSON_GetObjectItemCaseSensitive(root, name);
    g_autofree char *nodes_at = g_strdup_printf("%s: nodes", r->path);
    g_autofree char *links_at = g_strdup_printf("%s: links", r->path);
    if (!cJSON_IsObject(root)) {
        return fail(error, top, "an object with \"nodes\" and \"links\"", root);
    }
    if (!cJSON_IsArray(nodes)) {
        return fail(error, nodes_at, "an array of nodes", nodes);
    }
    if (links != NULL && !cJSON_IsArray(links)) {
        return fail(error, links_at, "an array of links", links);
    }
    read_graph(r, root);
    gsize i = 0;
    for (const cJSON *node = nodes->child; node != NULL; node = node->next, i++) {
        if (!read_node(r, node, i, error)) {
            return FALSE;
        }
    }
    i = 0;
    for (const cJSON *link = links != NULL ? links->child : NULL; link != NULL;
         link = link->next, i++) {
        if (!read_link(r, name, link, i, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/*
 * Node-link JSON: {"directed", "graph": {metadata}, "nodes": [{"id", values…}],
 * "links" (or "edges", NetworkX 3.4) : [{"source", "target", values…}]}; in a multigraph
 * the links of one pair are one tie, each link's type a relation of it. Ids are strings
 * or numbers, and numbers are kept as written (`007` stays `007`); values are mapped by name
 * (wn_draft__node_value, wn_draft__tie_value); an array of strings becomes a `|`-separated
 * attribute. Errors name the element, "FILE: nodes[3].lat: …", or the line and column of a JSON
 * syntax error.
 */
gboolean
wn_import__node_link(WnDraft *draft, const char *path, const char *text, gsize length,
                     GError **error)
{
    g_autoptr(cJSON) root = parse(path, text, length, error);
    if (root == NULL) {
        return FALSE;
    }
    g_autoptr(GPtrArray) texts = NULL;
    g_autoptr(GHashTable) numbers = numbers_as_written(text, root, &texts);
    const Reader r = {draft, path, numbers};
    return read_all(&r, root, error);
}
