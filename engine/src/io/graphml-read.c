/* graphml-read.c: GraphML, as NetworkX, igraph, Gephi and yEd write it (read with GMarkup) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <stdio.h>
#include <string.h>

/* A <key>: the name its values go under, which elements it is for, its <default>. */
typedef struct {
    char *name;
    char *domain; /* node, edge, graph or all */
    char *fallback;
} Key;

/* An edge, kept until every node is declared (GraphML allows edges first). */
typedef struct {
    char *source, *target, *where;
    GPtrArray *keys, *values, *wheres; /* char *, one per <data> */
} Edge;

typedef struct {
    WnDraft *draft;
    const char *path;
    const WnGraphmlDialect *dialect; /* NULL: plain GraphML */
    gsize implied;                   /* nodes the dialect added, which no edge may name */
    GMarkupParseContext *context;
    GHashTable *keys; /* id -> Key */
    GHashTable *seen; /* casefolded names of the values of the current element */
    GPtrArray *edges; /* Edge */
    char *key_id;     /* the <key> being read */
    gssize node;      /* the <node> being read, or -1 */
    Edge *edge;       /* the <edge> being read */
    guint graphs;
    gboolean in_text, nested;
    char *data_key, *data_where;
    GString *text;
} Parser;

static void
key_free(gpointer data)
{
    Key *k = data;
    g_free(k->name);
    g_free(k->domain);
    g_free(k->fallback);
    g_free(k);
}

static void
edge_free(gpointer data)
{
    Edge *e = data;
    g_free(e->source);
    g_free(e->target);
    g_free(e->where);
    g_ptr_array_unref(e->keys);
    g_ptr_array_unref(e->values);
    g_ptr_array_unref(e->wheres);
    g_free(e);
}

/* "FILE:LINE:COLUMN" of where the parser is. */
static char *
here(const Parser *p)
{
    gint line = 0, column = 0;
    g_markup_parse_context_get_position(p->context, &line, &column);
    return wn_import__where(p->path, (gsize) line, (gsize) column);
}

static gboolean fail(const Parser *p, GError **error, const char *format, ...) G_GNUC_PRINTF(3, 4);

static gboolean
fail(const Parser *p, GError **error, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *what = g_strdup_vprintf(format, args);
    va_end(args);
    g_autofree char *at = here(p);
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE, "%s: %s", at, what);
    return FALSE;
}

static const char *
attribute(const char **names, const char **values, const char *name)
{
    for (gsize i = 0; names[i] != NULL; i++) {
        if (strcmp(names[i], name) == 0) {
            return values[i];
        }
    }
    return NULL;
}

static gboolean
required(const Parser *p, const char *element, const char **names, const char **values,
         const char *name, const char **out, GError **error)
{
    *out = attribute(names, values, name);
    if (*out == NULL) {
        return fail(p, error, "expected the attribute %s on <%s>, got none", name, element);
    }
    return TRUE;
}

static gboolean
start_key(Parser *p, const char **names, const char **values, GError **error)
{
    const char *id = NULL;
    if (!required(p, "key", names, values, "id", &id, error)) {
        return FALSE;
    }
    const char *name = attribute(names, values, "attr.name");
    const char *domain = attribute(names, values, "for");
    Key *k = g_new0(Key, 1);
    k->name = g_strdup(name != NULL ? name : id);
    k->domain = g_strdup(domain != NULL ? domain : "all");
    g_hash_table_replace(p->keys, g_strdup(id), k);
    g_free(p->key_id);
    p->key_id = g_strdup(id);
    return TRUE;
}

static gboolean
start_graph(Parser *p, const char **names, const char **values, GError **error)
{
    if (p->graphs > 0 || p->node >= 0) {
        return fail(p, error, "expected one graph, got a nested <graph> (not supported)");
    }
    p->graphs++;
    g_hash_table_remove_all(p->seen);
    wn_draft__set_directed(p->draft,
                           g_strcmp0(attribute(names, values, "edgedefault"), "directed") == 0);
    if (p->dialect != NULL && p->dialect->graph != NULL) {
        g_autofree char *at = here(p);
        if (!p->dialect->graph(p->dialect->data, names, values, at, error)) {
            return FALSE;
        }
    }
    p->implied = wn_draft__node_count(p->draft);
    return TRUE;
}

/* <graphml>: the dialect sees its namespaces. Plain GraphML of a Network Canvas export
 * reads as is, with a warning naming what the export's own import adds. */
static void
start_root(Parser *p, const char **names, const char **values)
{
    if (p->dialect != NULL && p->dialect->root != NULL) {
        p->dialect->root(p->dialect->data, names, values);
    }
    for (gsize i = 0; names[i] != NULL && p->dialect == NULL; i++) {
        if (g_str_has_prefix(names[i], "xmlns:") && strcmp(values[i], WN_NC_NAMESPACE) == 0) {
            wn_draft__add_warning(p->draft,
                                  "%s: a Network Canvas export, read as plain GraphML (import it "
                                  "as network-canvas to map its node types, edge types and ego)",
                                  p->path);
            return;
        }
    }
}

static gboolean
start_node(Parser *p, const char **names, const char **values, GError **error)
{
    const char *id = NULL;
    g_autofree char *at = here(p);
    gsize node = 0;
    if (p->graphs == 0) {
        return fail(p, error, "expected <node> inside <graph>, got one outside");
    }
    if (!required(p, "node", names, values, "id", &id, error)) {
        return FALSE;
    }
    if (wn_draft__find_node(p->draft, id, &node) && node < p->implied) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "%s: expected a new node id, got \"%s\", the id of a node the import adds", at,
                    id);
        return FALSE;
    }
    if (!wn_draft__add_node(p->draft, id, at, &node, error)) {
        return FALSE;
    }
    p->node = (gssize) node;
    g_hash_table_remove_all(p->seen);
    return TRUE;
}

static gboolean
start_edge(Parser *p, const char **names, const char **values, GError **error)
{
    const char *source = NULL, *target = NULL;
    if (p->graphs == 0) {
        return fail(p, error, "expected <edge> inside <graph>, got one outside");
    }
    if (!required(p, "edge", names, values, "source", &source, error) ||
        !required(p, "edge", names, values, "target", &target, error)) {
        return FALSE;
    }
    Edge *e = g_new0(Edge, 1);
    e->source = g_strdup(source);
    e->target = g_strdup(target);
    e->where = here(p);
    e->keys = g_ptr_array_new_with_free_func(g_free);
    e->values = g_ptr_array_new_with_free_func(g_free);
    e->wheres = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(p->edges, e);
    p->edge = e;
    g_hash_table_remove_all(p->seen);
    return TRUE;
}

static gboolean
start_data(Parser *p, const char **names, const char **values, GError **error)
{
    const char *key = NULL;
    if (!required(p, "data", names, values, "key", &key, error)) {
        return FALSE;
    }
    g_free(p->data_key);
    g_free(p->data_where);
    p->data_key = g_strdup(key);
    p->data_where = here(p);
    p->in_text = TRUE;
    p->nested = FALSE;
    g_string_truncate(p->text, 0);
    return TRUE;
}

static void
on_start(GMarkupParseContext *context, const char *element, const char **names, const char **values,
         gpointer data, GError **error)
{
    Parser *p = data;
    (void) context;
    if (p->in_text) {
        p->nested = TRUE; /* yEd writes markup inside <data>: not a value */
    } else if (strcmp(element, "graphml") == 0) {
        start_root(p, names, values);
    } else if (strcmp(element, "key") == 0) {
        start_key(p, names, values, error);
    } else if (strcmp(element, "default") == 0 && p->key_id != NULL) {
        p->in_text = TRUE;
        p->nested = FALSE;
        g_string_truncate(p->text, 0);
    } else if (strcmp(element, "graph") == 0) {
        start_graph(p, names, values, error);
    } else if (strcmp(element, "node") == 0) {
        start_node(p, names, values, error);
    } else if (strcmp(element, "edge") == 0) {
        start_edge(p, names, values, error);
    } else if (strcmp(element, "data") == 0) {
        start_data(p, names, values, error);
    } else if (strcmp(element, "hyperedge") == 0) {
        fail(p, error, "expected <node> and <edge>, got <hyperedge> (not supported)");
    }
}

/* A value of node or tie @element (@tie) goes to the dialect's hook, if it has one,
 * else to the draft. */
static gboolean
element_value(const Parser *p, gboolean tie, gsize element, const char *name, const char *value,
              const char *where, GError **error)
{
    WnGraphmlValueFunc hook = NULL;
    if (p->dialect != NULL) {
        hook = tie ? p->dialect->tie_value : p->dialect->node_value;
    }
    if (hook != NULL) {
        return hook(p->dialect->data, element, name, value, where, error);
    }
    return tie ? wn_draft__tie_value(p->draft, element, name, value, where, error)
               : wn_draft__node_value(p->draft, element, name, value, where, error);
}

/* The key of the <data> being read. A key used but not declared (Network Canvas's own
 * exports do this) is declared here, its id naming a text value, with a warning. */
static const Key *
data_key(Parser *p)
{
    const Key *k = g_hash_table_lookup(p->keys, p->data_key);
    if (k != NULL) {
        return k;
    }
    Key *made = g_new0(Key, 1);
    made->name = g_strdup(p->data_key);
    made->domain = g_strdup("all");
    g_hash_table_insert(p->keys, g_strdup(p->data_key), made);
    wn_draft__add_warning(p->draft,
                          "%s: the key \"%s\" is used but not declared by <key id=…>; its "
                          "values are kept as the text attribute \"%s\"",
                          p->data_where, p->data_key, p->data_key);
    return made;
}

/* A second value of the same name in one element would replace the first: refused. */
static gboolean
check_once(Parser *p, const Key *k, GError **error)
{
    g_autofree char *name = g_utf8_casefold(k->name, -1);
    if (g_hash_table_add(p->seen, g_steal_pointer(&name))) {
        return TRUE;
    }
    const char *element = p->edge != NULL ? "edge" : p->node >= 0 ? "node" : "graph";
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                "%s: expected one value named \"%s\" in this <%s>, got a second (key \"%s\"); "
                "one of them would be lost",
                p->data_where, k->name, element, p->data_key);
    return FALSE;
}

/* A <data> value goes to the edge, the node or the graph it is in. */
static gboolean
end_data(Parser *p, GError **error)
{
    const Key *k = data_key(p);
    if (p->nested) {
        return TRUE;
    }
    if (!check_once(p, k, error)) {
        return FALSE;
    }
    if (p->edge != NULL) {
        g_ptr_array_add(p->edge->keys, g_strdup(p->data_key));
        g_ptr_array_add(p->edge->values, g_strdup(p->text->str));
        g_ptr_array_add(p->edge->wheres, g_strdup(p->data_where));
        return TRUE;
    }
    if (p->node >= 0) {
        return element_value(p, FALSE, (gsize) p->node, k->name, p->text->str, p->data_where,
                             error);
    }
    if (p->graphs > 0 && p->dialect != NULL && p->dialect->graph_value != NULL) {
        return p->dialect->graph_value(p->dialect->data, k->name, p->text->str, p->data_where,
                                       error);
    }
    if (p->graphs > 0) {
        wn_draft__set_metadata(p->draft, k->name, p->text->str);
    }
    return TRUE;
}

static void
on_end(GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
    Parser *p = data;
    (void) context;
    if (strcmp(element, "data") == 0 && p->in_text && p->data_key != NULL) {
        p->in_text = FALSE;
        end_data(p, error);
    } else if (strcmp(element, "default") == 0 && p->in_text && p->key_id != NULL) {
        Key *k = g_hash_table_lookup(p->keys, p->key_id);
        p->in_text = FALSE;
        g_free(k->fallback);
        k->fallback = g_strdup(p->text->str);
    } else if (strcmp(element, "key") == 0) {
        g_clear_pointer(&p->key_id, g_free);
    } else if (strcmp(element, "node") == 0) {
        p->node = -1;
        g_hash_table_remove_all(p->seen);
    } else if (strcmp(element, "edge") == 0) {
        p->edge = NULL;
        g_hash_table_remove_all(p->seen);
    }
}

static void
on_text(GMarkupParseContext *context, const char *text, gsize length, gpointer data, GError **error)
{
    Parser *p = data;
    (void) context, (void) error;
    if (p->in_text && !p->nested) {
        g_string_append_len(p->text, text, (gssize) length);
    }
}

static gboolean
for_domain(const Key *k, const char *domain)
{
    return strcmp(k->domain, domain) == 0 || strcmp(k->domain, "all") == 0;
}

/* A node of the file without a value of a key with a <default> gets the default. */
static gboolean
apply_node_defaults(Parser *p, GError **error)
{
    GHashTableIter iter;
    gpointer id = NULL, value = NULL;
    g_hash_table_iter_init(&iter, p->keys);
    while (g_hash_table_iter_next(&iter, &id, &value)) {
        const Key *k = value;
        g_autofree char *at =
            g_strdup_printf("%s: the default of key \"%s\"", p->path, (const char *) id);
        for (gsize v = p->implied;
             k->fallback != NULL && for_domain(k, "node") && v < wn_draft__node_count(p->draft);
             v++) {
            if (!wn_draft__node_has_value(p->draft, v, k->name) &&
                !element_value(p, FALSE, v, k->name, k->fallback, at, error)) {
                return FALSE;
            }
        }
    }
    return TRUE;
}

static gboolean
edge_end(const Parser *p, const Edge *e, const char *id, const char *which, gsize *out,
         GError **error)
{
    if (wn_draft__find_node(p->draft, id, out) && *out >= p->implied) {
        return TRUE;
    }
    g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                "%s: expected the %s to be a node declared by <node id=…>, got \"%s\"", e->where,
                which, id);
    return FALSE;
}

static gboolean
add_edge_defaults(const Parser *p, const Edge *e, gsize tie, GError **error)
{
    GHashTableIter iter;
    gpointer id = NULL, value = NULL;
    g_hash_table_iter_init(&iter, p->keys);
    while (g_hash_table_iter_next(&iter, &id, &value)) {
        const Key *k = value;
        gboolean given = FALSE;
        for (guint i = 0; i < e->keys->len && !given; i++) {
            given = strcmp(g_ptr_array_index(e->keys, i), id) == 0;
        }
        if (!given && k->fallback != NULL && for_domain(k, "edge") &&
            !element_value(p, TRUE, tie, k->name, k->fallback, e->where, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
add_edge(const Parser *p, const Edge *e, GError **error)
{
    gsize a = 0, b = 0;
    if (!edge_end(p, e, e->source, "source", &a, error) ||
        !edge_end(p, e, e->target, "target", &b, error)) {
        return FALSE;
    }
    gsize tie = wn_draft__add_tie(p->draft, a, b, e->where);
    for (guint i = 0; i < e->keys->len; i++) {
        const Key *k = g_hash_table_lookup(p->keys, g_ptr_array_index(e->keys, i));
        if (!element_value(p, TRUE, tie, k->name, g_ptr_array_index(e->values, i),
                           g_ptr_array_index(e->wheres, i), error)) {
            return FALSE;
        }
    }
    return add_edge_defaults(p, e, tie, error);
}

/* GMarkup's own errors read "Error on line L char C: WHAT" or, for an entity or a
 * character reference, "Error on line L: WHAT"; ours read "FILE:L:C: WHAT" or "FILE:L: WHAT",
 * a parse error (exit 65) naming the file. */
static void
rewrite_markup_error(const char *path, GError **error)
{
    int line = 0, column = 0, consumed = 0;
    GError *e = *error;
    if (e->domain != G_MARKUP_ERROR) {
        return;
    }
    g_autofree char *place = NULL;
    if (sscanf(e->message, "Error on line %d char %d: %n", &line, &column, &consumed) >= 2 &&
        consumed > 0) {
        place = g_strdup_printf("%s:%d:%d", path, line, column);
    } else if (sscanf(e->message, "Error on line %d: %n", &line, &consumed) >= 1 && consumed > 0) {
        place = g_strdup_printf("%s:%d", path, line);
    } else {
        place = g_strdup(path);
    }
    g_autofree char *what = g_strdup(e->message + consumed);
    g_clear_error(error);
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE, "%s: expected well-formed XML: %s", place, what);
}

static gboolean
finish(Parser *p, GError **error)
{
    if (p->graphs == 0) {
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                    "%s: expected a <graph> element in the GraphML, got none", p->path);
        return FALSE;
    }
    for (guint i = 0; i < p->edges->len; i++) {
        if (!add_edge(p, g_ptr_array_index(p->edges, i), error)) {
            return FALSE;
        }
    }
    return apply_node_defaults(p, error);
}

/*
 * GraphML: <key> declarations (attr.name, for, <default>), one <graph> (edgedefault),
 * <node id>, <edge source target> and their <data key> values, mapped by the key's
 * attr.name (wn_draft__node_value); graph values are metadata. Markup inside <data>
 * (yEd's shapes) is not a value. A key used but not declared names a text value by its
 * id, with a warning; a name given two values in one element, nested graphs, hyperedges
 * and ports are refused.
 * A Network Canvas export (xmlns:nc) reads the same, with a warning naming its own import.
 */
gboolean
wn_import__graphml(WnDraft *draft, const char *path, const char *text, gsize length, GError **error)
{
    return wn_import__graphml_dialect(draft, path, text, length, NULL, error);
}

/*
 * GraphML as wn_import__graphml() reads it, with @dialect (or NULL) deciding where the
 * values of the graph, its nodes and its edges go (WnGraphmlDialect). Edges are added
 * after every node, so the dialect sees all node values before the first tie value.
 */
gboolean
wn_import__graphml_dialect(WnDraft *draft, const char *path, const char *text, gsize length,
                           const WnGraphmlDialect *dialect, GError **error)
{
    static const GMarkupParser callbacks = {on_start, on_end, on_text, NULL, NULL};
    g_autoptr(GHashTable) keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, key_free);
    g_autoptr(GPtrArray) edges = g_ptr_array_new_with_free_func(edge_free);
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GString) buffer = g_string_new(NULL);
    Parser p = {.draft = draft,
                .path = path,
                .dialect = dialect,
                .keys = keys,
                .seen = seen,
                .edges = edges,
                .node = -1,
                .text = buffer};
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new(&callbacks, 0, &p, NULL);
    p.context = context;
    gboolean ok = g_markup_parse_context_parse(context, text, (gssize) length, error) &&
                  g_markup_parse_context_end_parse(context, error);
    g_free(p.key_id);
    g_free(p.data_key);
    g_free(p.data_where);
    if (!ok) {
        rewrite_markup_error(path, error);
        return FALSE;
    }
    return finish(&p, error);
}
