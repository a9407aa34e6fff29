/* draft.c: what an import parser found: its nodes, ties and value columns */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"
#include "load/load.h"

static void
column_free(gpointer data)
{
    WnDraftColumn *c = data;
    g_free(c->name);
    g_ptr_array_unref(c->values);
    g_ptr_array_unref(c->wheres);
    g_free(c);
}

static void
add_column(GPtrArray *columns, const char *name)
{
    WnDraftColumn *c = g_new0(WnDraftColumn, 1);
    c->name = g_strdup(name);
    c->values = g_ptr_array_new_with_free_func(g_free);
    c->wheres = g_ptr_array_new();
    g_ptr_array_add(columns, c);
}

static GPtrArray *
new_columns(const char *const *names, gsize n)
{
    GPtrArray *columns = g_ptr_array_new_with_free_func(column_free);
    for (gsize i = 0; i < n; i++) {
        add_column(columns, names[i]);
    }
    return columns;
}

WnDraft *
wn_draft__new(const char *path)
{
    static const char *const node_fixed[WN_DRAFT_NODE_FIXED] = {"type", "label", "area",
                                                                "lat",  "lon",   "vulnerable"};
    static const char *const tie_fixed[WN_DRAFT_TIE_FIXED] = {"type", "weight"};
    WnDraft *d = g_new0(WnDraft, 1);
    d->path = g_strdup(path);
    d->ids = g_ptr_array_new_with_free_func(g_free);
    d->index = g_hash_table_new(g_str_hash, g_str_equal);
    d->node_columns = new_columns(node_fixed, WN_DRAFT_NODE_FIXED);
    d->node_wheres = g_ptr_array_new();
    d->ends = g_array_new(FALSE, FALSE, sizeof(guint32));
    d->tie_columns = new_columns(tie_fixed, WN_DRAFT_TIE_FIXED);
    d->tie_wheres = g_ptr_array_new();
    d->places = g_string_chunk_new(4096);
    d->metadata = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    d->warnings = g_ptr_array_new_with_free_func(g_free);
    d->renamed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    d->type_map = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    d->node_types = g_ptr_array_new_null_terminated(0, g_free, TRUE);
    d->node_type_wheres = g_ptr_array_new();
    d->edge_types = g_ptr_array_new_null_terminated(0, g_free, TRUE);
    d->edge_type_wheres = g_ptr_array_new();
    d->tie_edge_types = g_ptr_array_new();
    return d;
}

void
wn_draft__free(WnDraft *d)
{
    if (d == NULL) {
        return;
    }
    g_free(d->path);
    g_hash_table_unref(d->index);
    g_ptr_array_unref(d->ids);
    g_ptr_array_unref(d->node_columns);
    g_ptr_array_unref(d->node_wheres);
    g_array_unref(d->ends);
    g_ptr_array_unref(d->tie_columns);
    g_ptr_array_unref(d->tie_wheres);
    g_string_chunk_free(d->places);
    g_hash_table_unref(d->metadata);
    g_ptr_array_unref(d->warnings);
    g_hash_table_unref(d->renamed);
    g_hash_table_unref(d->type_map);
    g_ptr_array_unref(d->node_types);
    g_ptr_array_unref(d->node_type_wheres);
    g_ptr_array_unref(d->edge_types);
    g_ptr_array_unref(d->edge_type_wheres);
    g_ptr_array_unref(d->tie_edge_types);
    g_free(d);
}

void
wn_draft__add_warning(WnDraft *d, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_ptr_array_add(d->warnings, g_strdup_vprintf(format, args));
    va_end(args);
}

void
wn_draft__set_directed(WnDraft *d, gboolean directed)
{
    d->directed = directed;
}

void
wn_draft__set_metadata(WnDraft *d, const char *key, const char *value)
{
    g_hash_table_replace(d->metadata, g_strdup(key), g_strdup(value));
}

/* Returns: (transfer full): "PATH:LINE:COLUMN", where a value is in the user's file. */
char *
wn_import__where(const char *path, gsize line, gsize column)
{
    return g_strdup_printf("%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT, path, line, column);
}

/* Quotes a value for a message, cut as the loader cuts a cell. */
static char *
describe(const char *text)
{
    return *text == '\0' ? g_strdup("an empty value") : wn_load__describe_cell(text);
}

/* Sets "WHERE: expected EXPECTED, got "VALUE"" as a WN_ERROR_PARSE; returns FALSE. */
gboolean
wn_draft__value_error(GError **error, const char *where, const char *expected, const char *value)
{
    g_autofree char *got = describe(value);
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE, "%s: expected %s, got %s", where, expected, got);
    return FALSE;
}

/**
 * wn_draft__add_node:
 * Adds a node; its id is trimmed of surrounding spaces (docs/FORMAT.md).
 * Returns: FALSE with WN_ERROR_PARSE for an empty id, WN_ERROR_INVALID for an id
 * given twice.
 */
gboolean
wn_draft__add_node(WnDraft *d, const char *id, const char *where, gsize *node_out, GError **error)
{
    g_autofree char *trimmed = g_strstrip(g_strdup(id));
    if (*trimmed == '\0') {
        return wn_draft__value_error(error, where, "a node id", trimmed);
    }
    if (g_hash_table_contains(d->index, trimmed)) {
        g_autofree char *got = describe(trimmed);
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "%s: expected a new node id, got %s again",
                    where, got);
        return FALSE;
    }
    *node_out = d->ids->len;
    g_ptr_array_add(d->node_wheres, g_string_chunk_insert_const(d->places, where));
    g_hash_table_insert(d->index, trimmed, GSIZE_TO_POINTER(d->ids->len + 1));
    g_ptr_array_add(d->ids, g_steal_pointer(&trimmed));
    return TRUE;
}

gboolean
wn_draft__find_node(const WnDraft *d, const char *id, gsize *node_out)
{
    g_autofree char *trimmed = g_strstrip(g_strdup(id));
    gpointer found = g_hash_table_lookup(d->index, trimmed);
    if (found == NULL) {
        return FALSE;
    }
    *node_out = GPOINTER_TO_SIZE(found) - 1;
    return TRUE;
}

gsize
wn_draft__node_count(const WnDraft *d)
{
    return d->ids->len;
}

/* Adds a tie given @where ("FILE:LINE:COLUMN" …), for messages about it.
 * Returns: the tie's index, or WN_DRAFT_SKIPPED for a self-tie (left out, counted). */
gsize
wn_draft__add_tie(WnDraft *d, gsize source, gsize target, const char *where)
{
    if (source == target) {
        d->self_ties++;
        return WN_DRAFT_SKIPPED;
    }
    guint32 ends[2] = {(guint32) source, (guint32) target};
    g_array_append_vals(d->ends, ends, 2);
    g_ptr_array_add(d->tie_wheres, g_string_chunk_insert_const(d->places, where));
    return d->ends->len / 2 - 1;
}

/* The column named @name (case-insensitively), added when new. */
WnDraftColumn *
wn_draft__column_named(GPtrArray *columns, const char *name)
{
    for (guint j = 0; j < columns->len; j++) {
        WnDraftColumn *c = g_ptr_array_index(columns, j);
        if (g_ascii_strcasecmp(c->name, name) == 0) {
            return c;
        }
    }
    add_column(columns, name);
    return g_ptr_array_index(columns, columns->len - 1);
}

/* Sets the value of @row in @c, given @where in the user's file. */
void
wn_draft__set_cell(WnDraft *d, WnDraftColumn *c, gsize row, const char *value, const char *where)
{
    if (c->values->len <= row) {
        g_ptr_array_set_size(c->values, (guint) row + 1);
        g_ptr_array_set_size(c->wheres, (guint) row + 1);
    }
    g_free(g_ptr_array_index(c->values, row));
    g_ptr_array_index(c->values, row) = g_strdup(value);
    g_ptr_array_index(c->wheres, row) =
        where != NULL ? (gpointer) g_string_chunk_insert_const(d->places, where) : NULL;
}

/* Returns: the value of @row in @c, NULL when missing. */
const char *
wn_draft__cell(const WnDraftColumn *c, gsize row)
{
    return row < c->values->len ? g_ptr_array_index(c->values, row) : NULL;
}

/* Returns: where the value of @row in @c was given, NULL when missing. */
const char *
wn_draft__cell_where(const WnDraftColumn *c, gsize row)
{
    return row < c->wheres->len ? g_ptr_array_index(c->wheres, row) : NULL;
}
