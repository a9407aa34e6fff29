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

/* Returns: the tie type a --types target names: a tie type, or the word for one relation
 * in an output, English or Dutch (`vrienden`, `buren`); NULL when none. */
static const char *
target_tie_kind(const char *text)
{
    WnRelations one = 0;
    if (tie_kind_of(text) != NULL) {
        return tie_kind_of(text);
    }
    if (!wn_relations_parse(text, &one, NULL) || one == 0 || (one & (one - 1)) != 0) {
        return NULL;
    }
    return wn_tie_kind_name((WnTieKind) __builtin_ctz(one));
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
    kind = kind != NULL ? kind : target_tie_kind(target);
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
 * type (compared case-insensitively) to a node kind or a tie type (English or Dutch names:
 * `groep`, `vrienden`, `buren`).
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

/* Adds @type to @found (a NULL-ended list of names, in order of first use) when new, with
 * @where beside it in @wheres. */
static void
record_type(WnDraft *d, GPtrArray *found, GPtrArray *wheres, const char *type, const char *where)
{
    for (guint i = 0; i < found->len; i++) {
        if (strcmp(g_ptr_array_index(found, i), type) == 0) {
            return;
        }
    }
    g_ptr_array_add(found, g_strdup(type));
    g_ptr_array_add(wheres, g_string_chunk_insert_const(d->places, where));
}

/**
 * wn_draft__edge_type:
 * Records that @tie is of the source tool's edge @type, for wn_draft__check_types().
 * Returns: its tie type (wn_draft__edge_kind), NULL when it has none (the caller makes
 * the tie an acquaintance).
 */
const char *
wn_draft__edge_type(WnDraft *d, gsize tie, const char *type, const char *where)
{
    record_type(d, d->edge_types, d->edge_type_wheres, type, where);
    if (tie == WN_DRAFT_SKIPPED) {
        return wn_draft__edge_kind(d, type);
    }
    if (d->tie_edge_types->len <= tie) {
        g_ptr_array_set_size(d->tie_edge_types, (guint) tie + 1);
    }
    g_ptr_array_index(d->tie_edge_types, tie) = g_string_chunk_insert_const(d->places, type);
    return wn_draft__edge_kind(d, type);
}
/* Sets the tie type (a tie kind's name) of @tie, given @where; nothing for a skipped tie. */
void
wn_draft__set_tie_kind(WnDraft *d, gsize tie, const char *kind, const char *where)
{
    if (tie != WN_DRAFT_SKIPPED) {
        wn_draft__set_cell(d, g_ptr_array_index(d->tie_columns, WN_DRAFT_TIE_TYPE), tie, kind,
                           where);
    }
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
    record_type(d, d->node_types, d->node_type_wheres, type, where);
    const char *kind = node_kind_of(d, type);
    if (kind != NULL) {
        wn_draft__set_node_kind(d, node, kind, where);
    }
    return kind != NULL;
}

/* The --types option that maps every type of @found ("Person=resident,Venue=KIND"): its
 * kind (@kind_of) where it has one, else @placeholder. */
static char *
suggested_types(const WnDraft *d, const GPtrArray *found,
                const char *(*kind_of)(const WnDraft *, const char *), const char *placeholder)
{
    g_autoptr(GString) out = g_string_new(NULL);
    for (guint i = 0; i < found->len; i++) {
        const char *type = g_ptr_array_index(found, i);
        const char *kind = kind_of(d, type);
        g_string_append_printf(out, "%s%s=%s", out->len > 0 ? "," : "", type,
                               kind != NULL ? kind : placeholder);
    }
    return g_string_free(g_steal_pointer(&out), FALSE);
}

static gboolean
check_node_types(const WnDraft *d, GError **error)
{
    for (guint i = 0; i < d->node_types->len; i++) {
        const char *type = g_ptr_array_index(d->node_types, i);
        if (node_kind_of(d, type) != NULL) {
            continue;
        }
        g_autofree char *found = g_strjoinv(", ", (GStrv) d->node_types->pdata);
        g_autofree char *suggested = suggested_types(d, d->node_types, node_kind_of, "KIND");
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "%s: node type \"%s\" has no kind; the file has the node types %s; map them "
                    "with --types %s (KIND: resident, professional, group or organisation)",
                    (const char *) g_ptr_array_index(d->node_type_wheres, i), type, found,
                    suggested);
        return FALSE;
    }
    return TRUE;
}

/* The source edge type of draft tie @t, NULL when none was given. */
static const char *
source_type(const WnDraft *d, gsize t)
{
    return t < d->tie_edge_types->len ? g_ptr_array_index(d->tie_edge_types, t) : NULL;
}

/* Whether two rows of one pair and tie type would merge an edge type that has no tie
 * type of its own into a relation of another edge type (or of untyped rows). */
static gboolean
would_merge(const WnDraft *d, const char *a, const char *b)
{
    if (g_strcmp0(a, b) == 0) {
        return FALSE; /* a repeated edge: its weights add up, as in ties.csv */
    }
    return (a != NULL && wn_draft__edge_kind(d, a) == NULL) ||
           (b != NULL && wn_draft__edge_kind(d, b) == NULL);
}

static gboolean
merge_error(const WnDraft *d, gsize t, gsize u, const char *kind, GError **error)
{
    const char *a = source_type(d, u), *b = source_type(d, t);
    guint32 x = g_array_index(d->ends, guint32, 2 * t),
            y = g_array_index(d->ends, guint32, 2 * t + 1);
    g_autofree char *found = g_strjoinv(", ", (GStrv) d->edge_types->pdata);
    g_autofree char *suggested = suggested_types(d, d->edge_types, wn_draft__edge_kind, "TYPE");
    g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                "%s: the edge types \"%s\" and \"%s\" of the pair %s, %s would both be the tie "
                "type %s, one relation; the file has the edge types %s; map them with --types %s "
                "(TYPE: family, household, neighbour, friend, acquaintance, member, support, "
                "collaboration or referral)",
                (const char *) g_ptr_array_index(d->tie_wheres, t), a != NULL ? a : "",
                b != NULL ? b : "", (const char *) g_ptr_array_index(d->ids, x),
                (const char *) g_ptr_array_index(d->ids, y), kind, found, suggested);
    return FALSE;
}

/* Edges of one pair with different edge types are different relations: refuses a draft
 * where an edge type without a tie type would become the same relation as another. A
 * pair is unordered even in a directed dataset: its arcs are one tie. */
static gboolean
check_edge_types(const WnDraft *d, GError **error)
{
    g_autoptr(GHashTable) first = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    const WnDraftColumn *types = g_ptr_array_index(d->tie_columns, WN_DRAFT_TIE_TYPE);
    for (gsize t = 0; t < d->ends->len / 2 && d->edge_types->len > 0; t++) {
        guint32 a = g_array_index(d->ends, guint32, 2 * t),
                b = g_array_index(d->ends, guint32, 2 * t + 1);
        const char *cell = wn_draft__cell(types, t);
        g_autofree char *kind = g_utf8_casefold(cell != NULL ? cell : "acquaintance", -1);
        char *key = g_strdup_printf("%u %u %s", MIN(a, b), MAX(a, b), tie_kind_of(kind));
        gpointer seen = g_hash_table_lookup(first, key);
        if (seen == NULL) {
            g_hash_table_insert(first, key, GSIZE_TO_POINTER(t + 1));
            continue;
        }
        g_free(key);
        gsize u = GPOINTER_TO_SIZE(seen) - 1;
        if (would_merge(d, source_type(d, u), source_type(d, t))) {
            return merge_error(d, t, u, tie_kind_of(kind), error);
        }
    }
    return TRUE;
}

/**
 * wn_draft__check_types:
 * Refuses a draft with a node type that has no kind (a place or an organisation must not
 * be guessed to be a resident), or with two edges of one pair whose edge types would
 * become one relation because one of them has no tie type (their relations would merge).
 * Returns: FALSE with WN_ERROR_INVALID "WHERE: node type "Venue" has no kind; the file has
 * the node types Person, Venue; map them with --types Person=resident,Venue=KIND …", or
 * "WHERE: the edge types "Close" and "DrugTie" of the pair 1, 2 would both be …".
 */
gboolean
wn_draft__check_types(const WnDraft *d, GError **error)
{
    return check_node_types(d, error) && check_edge_types(d, error);
}
