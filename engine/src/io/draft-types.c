/* draft-types.c: a source tool's node and edge types, mapped to kinds and tie types */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"
#include "load/load.h"

#include <string.h>

/* Returns: the tie type @text names as the loader reads it, NULL when none. */
static const char *
tie_kind_of(const char *text)
{
    guint8 kind = 0;
    return *text != '\0' && wn_load__tie_kind(text, &kind) ? wn_tie_kind_name((WnTieKind) kind)
                                                           : NULL;
}

static gboolean
types_error(GError **error, const char *types, const char *what)
{
    g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                "types \"%s\": %s (expected TYPE=KIND,… where KIND is a node kind: resident, "
                "professional, group or organisation, or a tie type such as friend or family)",
                types, what);
    return FALSE;
}

/* One TYPE=KIND pair of @types into @map (casefolded type -> kind or tie type name). */
static gboolean
add_pair(GHashTable *map, const char *types, const char *pair, GError **error)
{
    const char *eq = strchr(pair, '=');
    g_autofree char *source = g_strstrip(g_strndup(pair, eq != NULL ? (gsize) (eq - pair) : 0));
    g_autofree char *target = g_strstrip(g_strdup(eq != NULL ? eq + 1 : ""));
    if (eq == NULL || *source == '\0') {
        g_autofree char *what = g_strdup_printf("\"%s\" is no TYPE=KIND pair", pair);
        return types_error(error, types, what);
    }
    const char *kind = wn_draft__node_kind(target);
    kind = kind != NULL ? kind : tie_kind_of(target);
    g_autofree char *key = g_utf8_casefold(source, -1);
    const char *before = g_hash_table_lookup(map, key);
    if (kind == NULL || (before != NULL && strcmp(before, kind) != 0)) {
        g_autofree char *what =
            kind == NULL ? g_strdup_printf("\"%s\" is no node kind and no tie type", target)
                         : g_strdup_printf("\"%s\" is given two kinds", source);
        return types_error(error, types, what);
    }
    g_hash_table_replace(map, g_steal_pointer(&key), (gpointer) kind);
    return TRUE;
}

/**
 * wn_draft__set_types:
 * Reads @types ("Person=resident,Venue=group,Close=friend", or NULL for none): each source
 * type (compared case-insensitively) to a node kind or a tie type (English or Dutch names).
 * Returns: FALSE with WN_ERROR_INVALID for a pair without `=`, an unknown kind, or a type
 * given two kinds.
 */
gboolean
wn_draft__set_types(WnDraft *d, const char *types, GError **error)
{
    if (types == NULL) {
        return TRUE;
    }
    g_auto(GStrv) pairs = g_strsplit(types, ",", -1);
    for (gsize i = 0; pairs[i] != NULL; i++) {
        if (!add_pair(d->type_map, types, pairs[i], error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/* A mapping the importer of a format gives unless --types names @type itself (Network
 * Canvas: Person is a resident). */
void
wn_draft__default_type(WnDraft *d, const char *type, const char *kind)
{
    g_autofree char *key = g_utf8_casefold(type, -1);
    if (!g_hash_table_contains(d->type_map, key)) {
        g_hash_table_insert(d->type_map, g_steal_pointer(&key), (gpointer) kind);
    }
}

static const char *
mapped(const WnDraft *d, const char *type)
{
    g_autofree char *key = g_utf8_casefold(type, -1);
    return g_hash_table_lookup(d->type_map, key);
}

/* Returns: the node kind of @type: its mapping when that is a node kind, else the kind
 * @type names itself; NULL when none. */
static const char *
node_kind_of(const WnDraft *d, const char *type)
{
    const char *kind = mapped(d, type);
    if (kind != NULL && wn_draft__node_kind(kind) != NULL) {
        return kind;
    }
    return wn_draft__node_kind(type);
}

/* Returns: the tie type of the edge type @type: its mapping when that is a tie type,
 * else the tie type @type names itself; NULL when none. */
const char *
wn_draft__edge_kind(const WnDraft *d, const char *type)
{
    const char *kind = mapped(d, type);
    if (kind != NULL && tie_kind_of(kind) != NULL) {
        return kind;
    }
    return tie_kind_of(type);
}

/* Sets the kind (a node kind's name) of @node, given @where. */
void
wn_draft__set_node_kind(WnDraft *d, gsize node, const char *kind, const char *where)
{
    wn_draft__set_cell(d, g_ptr_array_index(d->node_columns, WN_DRAFT_TYPE), node, kind, where);
}

/**
 * wn_draft__node_type:
 * Gives @node the kind of the source tool's node @type (a mapping, or the kind @type
 * names), and records @type among the file's node types. A type without a kind leaves
 * the node without one, and wn_draft__check_types() refuses the draft.
 * Returns: TRUE when @type has a kind.
 */
gboolean
wn_draft__node_type(WnDraft *d, gsize node, const char *type, const char *where)
{
    guint i = 0;
    while (i < d->node_types->len && strcmp(g_ptr_array_index(d->node_types, i), type) != 0) {
        i++;
    }
    if (i == d->node_types->len) {
        g_ptr_array_add(d->node_types, g_strdup(type));
        g_ptr_array_add(d->node_type_wheres, g_string_chunk_insert_const(d->places, where));
    }
    const char *kind = node_kind_of(d, type);
    if (kind != NULL) {
        wn_draft__set_node_kind(d, node, kind, where);
    }
    return kind != NULL;
}

/* "Person=resident,Venue=KIND": the --types option that maps every node type found. */
static char *
suggested_types(const WnDraft *d)
{
    g_autoptr(GString) out = g_string_new(NULL);
    for (guint i = 0; i < d->node_types->len; i++) {
        const char *type = g_ptr_array_index(d->node_types, i);
        const char *kind = node_kind_of(d, type);
        g_string_append_printf(out, "%s%s=%s", out->len > 0 ? "," : "", type,
                               kind != NULL ? kind : "KIND");
    }
    return g_string_free(g_steal_pointer(&out), FALSE);
}

/**
 * wn_draft__check_types:
 * Refuses a draft with a node type that has no kind: a place or an organisation must not
 * be guessed to be a resident.
 * Returns: FALSE with WN_ERROR_INVALID "WHERE: node type "Venue" has no kind; the file has
 * the node types Person, Venue; map them with --types Person=resident,Venue=KIND …".
 */
gboolean
wn_draft__check_types(const WnDraft *d, GError **error)
{
    for (guint i = 0; i < d->node_types->len; i++) {
        const char *type = g_ptr_array_index(d->node_types, i);
        if (node_kind_of(d, type) != NULL) {
            continue;
        }
        g_autofree char *found = g_strjoinv(", ", (GStrv) d->node_types->pdata);
        g_autofree char *suggested = suggested_types(d);
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "%s: node type \"%s\" has no kind; the file has the node types %s; map them "
                    "with --types %s (KIND: resident, professional, group or organisation)",
                    (const char *) g_ptr_array_index(d->node_type_wheres, i), type, found,
                    suggested);
        return FALSE;
    }
    return TRUE;
}
