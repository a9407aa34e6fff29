/* gml-read.c: GML (graph [ node [ … ] edge [ … ] ]), as NetworkX, igraph and Gephi write it */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <string.h>

#define WN_GML_MAX_DEPTH 64

/* One `key value` pair; a list's value is NULL and its pairs are its children. */
typedef struct {
    char *key;
    char *value;
    GPtrArray *children;
    gsize line, column;
} Item;

typedef struct {
    const char *path;
    const char *text, *at;
    gsize line;
    const char *line_start;
} Lexer;

static void
item_free(gpointer data)
{
    Item *item = data;
    g_free(item->key);
    g_free(item->value);
    if (item->children != NULL) {
        g_ptr_array_unref(item->children);
    }
    g_free(item);
}

static gsize
column_of(const Lexer *lx, const char *at)
{
    return (gsize) g_utf8_strlen(lx->line_start, at - lx->line_start) + 1;
}

/* Skips spaces, line ends and `#` comments, counting lines. */
static void
skip_space(Lexer *lx)
{
    for (;;) {
        char c = *lx->at;
        if (c == '\n') {
            lx->line++;
            lx->line_start = ++lx->at;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            lx->at++;
        } else if (c == '#') {
            lx->at += strcspn(lx->at, "\n");
        } else {
            return;
        }
    }
}

static gboolean
fail(const Lexer *lx, const char *at, GError **error, const char *expected)
{
    g_autofree char *got = NULL;
    if (*at == '\0') {
        got = g_strdup("the end of the file");
    } else {
        gsize len = strcspn(at, " \t\r\n");
        got = g_strdup_printf("\"%.*s\"", (int) MIN(len, 40), at);
    }
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ": expected %s, got %s", lx->path,
                lx->line, column_of(lx, at), expected, got);
    return FALSE;
}

/* &amp; &quot; &lt; &gt; &apos; and &#N; &#xN; as NetworkX and Gephi escape them. */
static char *
unescape(const char *s, gsize len)
{
    static const char *const names[][2] = {
        {"&amp;", "&"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&apos;", "'"}};
    GString *out = g_string_sized_new(len);
    for (const char *p = s; p < s + len;) {
        gsize i = 0;
        while (i < G_N_ELEMENTS(names) && strncmp(p, names[i][0], strlen(names[i][0])) != 0) {
            i++;
        }
        char *end = NULL;
        gboolean hex = p[0] == '&' && p[1] == '#' && (p[2] == 'x' || p[2] == 'X');
        guint64 c = p[0] == '&' && p[1] == '#'
                        ? g_ascii_strtoull(p + (hex ? 3 : 2), &end, hex ? 16 : 10)
                        : 0;
        if (i < G_N_ELEMENTS(names)) {
            g_string_append(out, names[i][1]);
            p += strlen(names[i][0]);
        } else if (end != NULL && *end == ';' && c > 0 && c <= 0x10FFFF &&
                   g_unichar_validate((gunichar) c)) {
            g_string_append_unichar(out, (gunichar) c);
            p = end + 1;
        } else {
            g_string_append_c(out, *p++);
        }
    }
    return g_string_free(out, FALSE);
}

/* A scalar value: a "string" (unescaped) or a number, kept as its text. */
static gboolean
read_scalar(Lexer *lx, char **out, GError **error)
{
    const char *start = lx->at;
    if (*start == '"') {
        const char *close = strchr(start + 1, '"');
        if (close == NULL) {
            return fail(lx, start, error, "a closing \" for this string");
        }
        for (const char *p = start; p < close; p++) {
            if (*p == '\n') {
                lx->line++;
                lx->line_start = p + 1;
            }
        }
        *out = unescape(start + 1, (gsize) (close - start - 1));
        lx->at = close + 1;
        return TRUE;
    }
    gsize len = strspn(start, "+-.0123456789eEINFAinfa");
    char *end = NULL;
    g_autofree char *number = g_strndup(start, len);
    g_ascii_strtod(number, &end);
    if (len == 0 || *end != '\0') {
        return fail(lx, start, error, "a value (a number, a \"string\" or a [ list ])");
    }
    *out = g_steal_pointer(&number);
    lx->at += len;
    return TRUE;
}

static gboolean read_list(Lexer *lx, GPtrArray *items, guint depth, GError **error);

static gboolean
read_item(Lexer *lx, GPtrArray *items, guint depth, GError **error)
{
    const char *start = lx->at;
    gsize len = g_ascii_isalpha(*start) || *start == '_'
                    ? strspn(start, "abcdefghijklmnopqrstuvwxyz"
                                    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                    "0123456789_")
                    : 0;
    if (len == 0) {
        return fail(lx, start, error, depth == 0 ? "a key" : "a key or ]");
    }
    Item *item = g_new0(Item, 1);
    g_ptr_array_add(items, item);
    item->key = g_strndup(start, len);
    item->line = lx->line;
    item->column = column_of(lx, start);
    lx->at += len;
    skip_space(lx);
    if (*lx->at != '[') {
        return read_scalar(lx, &item->value, error);
    }
    if (depth + 1 >= WN_GML_MAX_DEPTH) {
        return fail(lx, lx->at, error, "lists nested at most 64 deep");
    }
    lx->at++;
    item->children = g_ptr_array_new_with_free_func(item_free);
    return read_list(lx, item->children, depth + 1, error);
}

/* Reads `key value` pairs up to the `]` closing a list, or the end of the file at the top. */
static gboolean
read_list(Lexer *lx, GPtrArray *items, guint depth, GError **error)
{
    for (;;) {
        skip_space(lx);
        if (*lx->at == ']' && depth > 0) {
            lx->at++;
            return TRUE;
        }
        if (*lx->at == '\0' && depth == 0) {
            return TRUE;
        }
        if (*lx->at == '\0') {
            return fail(lx, lx->at, error, "a key or ] closing the list");
        }
        if (!read_item(lx, items, depth, error)) {
            return FALSE;
        }
    }
}

static char *
where(const char *path, const Item *item)
{
    return wn_import__where(path, item->line, item->column);
}

static const Item *
find(const Item *list, const char *key)
{
    for (guint i = 0; i < list->children->len; i++) {
        const Item *item = g_ptr_array_index(list->children, i);
        if (item->value != NULL && strcmp(item->key, key) == 0) {
            return item;
        }
    }
    return NULL;
}

static gboolean
missing(const char *path, const Item *list, const char *what, GError **error)
{
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ": expected %s in this %s, got none",
                path, list->line, list->column, what, list->key);
    return FALSE;
}

/* A node: `id` numbers it for the edges; `label` is its dataset id (else the number);
 * `name` is its label; other values go to the draft by name. */
static gboolean
add_node(WnDraft *draft, const char *path, const Item *list, GHashTable *numbers, GError **error)
{
    const Item *id = find(list, "id"), *label = find(list, "label");
    if (id == NULL) {
        return missing(path, list, "an id", error);
    }
    g_autofree char *at = where(path, label != NULL ? label : id);
    gsize node = 0;
    if (g_hash_table_contains(numbers, id->value)) {
        g_autofree char *id_at = where(path, id);
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "%s: expected a new node id, got %s again",
                    id_at, id->value);
        return FALSE;
    }
    if (!wn_draft__add_node(draft, label != NULL ? label->value : id->value, at, &node, error)) {
        return FALSE;
    }
    g_hash_table_insert(numbers, id->value, GSIZE_TO_POINTER(node + 1));
    for (guint i = 0; i < list->children->len; i++) {
        const Item *item = g_ptr_array_index(list->children, i);
        g_autofree char *item_at = where(path, item);
        if (item->value == NULL || item == id || item == label) {
            continue;
        }
        const char *name = strcmp(item->key, "name") == 0 ? "label" : item->key;
        if (!wn_draft__node_value(draft, node, name, item->value, item_at, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
edge_end(const char *path, const Item *list, const char *key, GHashTable *numbers, gsize *out,
         GError **error)
{
    const Item *end = find(list, key);
    if (end == NULL) {
        return missing(path, list, key[0] == 's' ? "a source" : "a target", error);
    }
    gpointer found = g_hash_table_lookup(numbers, end->value);
    if (found == NULL) {
        g_autofree char *at = where(path, end);
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "%s: expected the id of a node, got %s", at,
                    end->value);
        return FALSE;
    }
    *out = GPOINTER_TO_SIZE(found) - 1;
    return TRUE;
}

static gboolean
add_edge(WnDraft *draft, const char *path, const Item *list, GHashTable *numbers, GError **error)
{
    gsize a = 0, b = 0;
    if (!edge_end(path, list, "source", numbers, &a, error) ||
        !edge_end(path, list, "target", numbers, &b, error)) {
        return FALSE;
    }
    g_autofree char *edge_at = where(path, list);
    gsize tie = wn_draft__add_tie(draft, a, b, edge_at);
    for (guint i = 0; i < list->children->len; i++) {
        const Item *item = g_ptr_array_index(list->children, i);
        g_autofree char *at = where(path, item);
        if (item->value == NULL || strcmp(item->key, "source") == 0 ||
            strcmp(item->key, "target") == 0) {
            continue;
        }
        if (!wn_draft__tie_value(draft, tie, item->key, item->value, at, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/* Nodes first, then edges (GML allows either order); scalars are metadata. */
static gboolean
read_graph(WnDraft *draft, const char *path, const Item *graph, GError **error)
{
    g_autoptr(GHashTable) numbers = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint pass = 0; pass < 2; pass++) {
        for (guint i = 0; i < graph->children->len; i++) {
            const Item *item = g_ptr_array_index(graph->children, i);
            gboolean list = item->value == NULL;
            gboolean ok = TRUE;
            if (pass == 0 && list && strcmp(item->key, "node") == 0) {
                ok = add_node(draft, path, item, numbers, error);
            } else if (pass == 1 && list && strcmp(item->key, "edge") == 0) {
                ok = add_edge(draft, path, item, numbers, error);
            } else if (pass == 0 && !list && strcmp(item->key, "directed") == 0) {
                wn_draft__set_directed(draft, strcmp(item->value, "0") != 0);
            } else if (pass == 0 && !list && strcmp(item->key, "multigraph") != 0) {
                wn_draft__set_metadata(draft, item->key, item->value);
            }
            if (!ok) {
                return FALSE;
            }
        }
    }
    return TRUE;
}

/*
 * GML: the first `graph [ … ]` list; `directed 1` makes it directed; in a `multigraph 1`
 * the edges of one pair are one tie, each edge's type a relation of it. A node's `id`
 * numbers it, its `label` is the dataset id (NetworkX names nodes by label), `name` its
 * label; an edge's `source` and `target` are node ids. Other values are mapped by name
 * (wn_draft__node_value); nested lists such as `graphics` are not read.
 */
gboolean
wn_import__gml(WnDraft *draft, const char *path, const char *text, gsize length, GError **error)
{
    Lexer lx = {path, text, text, 1, text};
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func(item_free);
    (void) length;
    if (!read_list(&lx, items, 0, error)) {
        return FALSE;
    }
    for (guint i = 0; i < items->len; i++) {
        const Item *item = g_ptr_array_index(items, i);
        if (item->value == NULL && strcmp(item->key, "graph") == 0) {
            return read_graph(draft, path, item, error);
        }
    }
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                "%s:%" G_GSIZE_FORMAT ":1: expected a graph [ … ] "
                "list, got none",
                path, lx.line);
    return FALSE;
}
