/* pajek-read.c: a Pajek .net file: *Vertices, then *Edges, *Arcs or their list forms */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <stdlib.h>
#include <string.h>

#define WN_PAJEK_MAX_VERTICES 10000000 /* a larger count is a damaged file, not a town */

typedef struct {
    char *text;
    gsize column; /* in characters, from 1 */
} Token;

typedef enum { SECTION_NONE, SECTION_VERTICES, SECTION_PAIRS, SECTION_LISTS } Section;

typedef struct {
    WnDraft *draft;
    const char *path;
    gsize line;
    Section section;
    gboolean has_vertices, nodes_added, has_edges, has_arcs;
    gsize n, first_mode; /* vertices, and the first mode's count in a two-mode network */
    GPtrArray *labels;   /* char *, by vertex number - 1 */
    GArray *lines;       /* gsize: where each vertex was labelled (0: not listed) */
    gsize vertices_line;
    GPtrArray *relations; /* char *: the label of relation K at K - 1, NULL when unnamed */
    gsize relation;       /* the relation of the section's ties (`*Edges :K`), 0: none */
} Pajek;

static void
token_clear(gpointer data)
{
    g_free(((Token *) data)->text);
}

static gboolean
fail(const Pajek *p, gsize column, GError **error, const char *expected, const char *got)
{
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ": expected %s, got %s", p->path, p->line,
                column, expected, got);
    return FALSE;
}

static char *
where(const Pajek *p, gsize line, gsize column)
{
    return wn_import__where(p->path, line, column);
}

/* Splits a line at spaces and tabs; "a quoted label" is one token. */
static gboolean
tokenize(const Pajek *p, const char *line, GArray *tokens, GError **error)
{
    const char *s = line;
    for (;;) {
        s += strspn(s, " \t\r");
        if (*s == '\0') {
            return TRUE;
        }
        Token t = {NULL, (gsize) g_utf8_strlen(line, s - line) + 1};
        if (*s == '"') {
            const char *close = strchr(s + 1, '"');
            if (close == NULL) {
                return fail(p, t.column, error, "a closing \" for this label",
                            "the end of the line");
            }
            t.text = g_strndup(s + 1, (gsize) (close - s - 1));
            s = close + 1;
        } else {
            gsize len = strcspn(s, " \t\r");
            t.text = g_strndup(s, len);
            s += len;
        }
        g_array_append_val(tokens, t);
    }
}

/* A whole number in 1..@max (a vertex), or in 0..@max when @zero is allowed. */
static gboolean
parse_count(const char *text, gsize max, gboolean zero, gsize *out)
{
    char *end = NULL;
    if (!g_ascii_isdigit(text[0])) {
        return FALSE;
    }
    guint64 v = g_ascii_strtoull(text, &end, 10);
    *out = (gsize) v;
    return *end == '\0' && v <= max && (zero || v >= 1);
}

static gboolean
vertex(const Pajek *p, const Token *t, gsize *out, GError **error)
{
    if (parse_count(t->text, p->n, FALSE, out)) {
        return TRUE;
    }
    g_autofree char *expected = g_strdup_printf("a vertex number from 1 to %" G_GSIZE_FORMAT, p->n);
    g_autofree char *got = g_strdup_printf("\"%s\"", t->text);
    return fail(p, t->column, error, expected, got);
}

/* Adds the nodes once the vertices are known: the label as id, else the number. */
static gboolean
add_nodes(Pajek *p, GError **error)
{
    for (gsize v = 0; v < p->n; v++) {
        const char *label = g_ptr_array_index(p->labels, v);
        g_autofree char *number = g_strdup_printf("%" G_GSIZE_FORMAT, v + 1);
        gsize line = g_array_index(p->lines, gsize, v);
        g_autofree char *at = where(p, line > 0 ? line : p->vertices_line, 1);
        gsize node = 0;
        if (!wn_draft__add_node(p->draft, label != NULL ? label : number, at, &node, error)) {
            return FALSE;
        }
        if (p->first_mode > 0 && v >= p->first_mode &&
            !wn_draft__node_value(p->draft, node, "kind", "group", at, error)) {
            return FALSE;
        }
    }
    p->nodes_added = TRUE;
    return TRUE;
}

static gboolean
start_vertices(Pajek *p, const GArray *tokens, GError **error)
{
    const Token *t = (const Token *) (void *) tokens->data;
    if (p->has_vertices) {
        return fail(p, 1, error, "one *Vertices line", "a second one");
    }
    if (tokens->len < 2 || !parse_count(t[1].text, WN_PAJEK_MAX_VERTICES, TRUE, &p->n)) {
        g_autofree char *got =
            tokens->len < 2 ? g_strdup("nothing") : g_strdup_printf("\"%s\"", t[1].text);
        return fail(p, tokens->len < 2 ? 1 : t[1].column, error,
                    "the number of vertices (at most 10000000) after *Vertices", got);
    }
    if (tokens->len > 2 && !parse_count(t[2].text, p->n, TRUE, &p->first_mode)) {
        g_autofree char *got = g_strdup_printf("\"%s\"", t[2].text);
        return fail(p, t[2].column, error,
                    "the size of the first mode, at most the number of vertices", got);
    }
    p->has_vertices = TRUE;
    p->vertices_line = p->line;
    g_ptr_array_set_size(p->labels, (guint) p->n);
    g_array_set_size(p->lines, (guint) p->n);
    p->section = SECTION_VERTICES;
    return TRUE;
}

/* A relation number: `K:` before a tie (@colon at the end) or `:K` after *Edges. */
static gboolean
parse_relation(const char *text, gboolean colon_last, gsize *out)
{
    gsize len = strlen(text);
    if (len < 2 || (colon_last ? text[len - 1] != ':' : text[0] != ':')) {
        return FALSE;
    }
    g_autofree char *number = colon_last ? g_strndup(text, len - 1) : g_strdup(text + 1);
    return parse_count(number, G_MAXUINT16, FALSE, out);
}

/* `*Edges :K "LABEL"`: the section's ties are of relation K, named LABEL (a tie type). */
static gboolean
start_relation(Pajek *p, const GArray *tokens, GError **error)
{
    const Token *t = (const Token *) (void *) tokens->data;
    p->relation = 0;
    if (tokens->len < 2) {
        return TRUE;
    }
    if (!parse_relation(t[1].text, FALSE, &p->relation)) {
        g_autofree char *got = g_strdup_printf("\"%s\"", t[1].text);
        return fail(p, t[1].column, error, "a relation number (:1, :2 …) after the keyword", got);
    }
    if (p->relations->len < p->relation) {
        g_ptr_array_set_size(p->relations, (guint) p->relation);
    }
    if (tokens->len > 2) {
        g_free(g_ptr_array_index(p->relations, p->relation - 1));
        g_ptr_array_index(p->relations, p->relation - 1) = g_strdup(t[2].text);
    }
    return TRUE;
}

static gboolean
start_ties(Pajek *p, const char *keyword, const GArray *tokens, GError **error)
{
    gboolean arcs = g_str_has_prefix(keyword, "*arcs");
    const char *written = g_array_index(tokens, Token, 0).text;
    g_autofree char *got = g_strdup_printf("\"%s\"", written);
    if (!p->has_vertices) {
        return fail(p, 1, error, "*Vertices before the ties", got);
    }
    if ((arcs && p->has_edges) || (!arcs && p->has_arcs)) {
        return fail(p, 1, error, "either *Edges or *Arcs (mixed networks are not supported)", got);
    }
    p->has_arcs = p->has_arcs || arcs;
    p->has_edges = p->has_edges || !arcs;
    wn_draft__set_directed(p->draft, arcs);
    p->section = g_str_has_suffix(keyword, "list") ? SECTION_LISTS : SECTION_PAIRS;
    return start_relation(p, tokens, error) && (p->nodes_added || add_nodes(p, error));
}

static gboolean
parse_star_line(Pajek *p, const char *line, const GArray *tokens, GError **error)
{
    const Token *t = (const Token *) (void *) tokens->data;
    g_autofree char *keyword = g_ascii_strdown(t[0].text, -1);
    if (strcmp(keyword, "*network") == 0) {
        g_autofree char *title = g_strstrip(g_strdup(line + strlen("*network")));
        wn_draft__set_metadata(p->draft, "title", title);
        return TRUE;
    }
    if (strcmp(keyword, "*vertices") == 0) {
        return start_vertices(p, tokens, error);
    }
    static const char *const ties[] = {"*edges", "*arcs", "*edgeslist", "*arcslist"};
    for (gsize i = 0; i < G_N_ELEMENTS(ties); i++) {
        if (strcmp(keyword, ties[i]) == 0) {
            return start_ties(p, keyword, tokens, error);
        }
    }
    g_autofree char *got = g_strdup_printf("\"%s\"", t[0].text);
    return fail(p, 1, error, "*Vertices, *Edges, *Arcs, *Edgeslist or *Arcslist", got);
}

static gboolean
parse_vertex_line(Pajek *p, const GArray *tokens, GError **error)
{
    const Token *t = (const Token *) (void *) tokens->data;
    gsize v = 0;
    if (!vertex(p, &t[0], &v, error)) {
        return FALSE;
    }
    if (g_array_index(p->lines, gsize, v - 1) != 0) {
        g_autofree char *got = g_strdup_printf("vertex %" G_GSIZE_FORMAT " again", v);
        return fail(p, t[0].column, error, "each vertex once", got);
    }
    g_array_index(p->lines, gsize, v - 1) = p->line;
    if (tokens->len > 1) {
        g_ptr_array_index(p->labels, v - 1) = g_strdup(t[1].text);
    }
    return TRUE;
}

/* The tie type of relation @relation: its label, else its number; NULL for none. */
static char *
relation_type(const Pajek *p, gsize relation)
{
    if (relation == 0) {
        return NULL;
    }
    const char *label =
        relation <= p->relations->len ? g_ptr_array_index(p->relations, relation - 1) : NULL;
    return label != NULL ? g_strdup(label) : g_strdup_printf("%" G_GSIZE_FORMAT, relation);
}

static gboolean
add_tie(Pajek *p, gsize relation, const Token *from, const Token *to, const Token *weight,
        GError **error)
{
    gsize a = 0, b = 0;
    if (!vertex(p, from, &a, error) || !vertex(p, to, &b, error)) {
        return FALSE;
    }
    g_autofree char *tie_at = where(p, p->line, from->column);
    gsize tie = wn_draft__add_tie(p->draft, a - 1, b - 1, tie_at);
    g_autofree char *type = relation_type(p, relation);
    if (type != NULL && !wn_draft__tie_value(p->draft, tie, "type", type, tie_at, error)) {
        return FALSE;
    }
    if (weight == NULL) {
        return TRUE;
    }
    g_autofree char *at = where(p, p->line, weight->column);
    return wn_draft__tie_value(p->draft, tie, "weight", weight->text, at, error);
}

/* A tie line, `A B [WEIGHT]` or `A B C …`, of the section's relation or, after `K:`, of
 * relation K. */
static gboolean
parse_tie_line(Pajek *p, const GArray *tokens, GError **error)
{
    const Token *t = (const Token *) (void *) tokens->data;
    gsize relation = p->relation, n = tokens->len;
    if (parse_relation(t[0].text, TRUE, &relation)) {
        t++, n--;
    }
    if (n < 2) {
        return fail(p, n == 1 ? t[0].column : 1, error, "two vertex numbers",
                    n == 1 ? "one" : "none");
    }
    if (p->section == SECTION_PAIRS) {
        return add_tie(p, relation, &t[0], &t[1], n > 2 ? &t[2] : NULL, error);
    }
    for (guint i = 1; i < n; i++) {
        if (!add_tie(p, relation, &t[0], &t[i], NULL, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
parse_line(Pajek *p, const char *line, GError **error)
{
    g_autoptr(GArray) tokens = g_array_new(FALSE, FALSE, sizeof(Token));
    g_array_set_clear_func(tokens, token_clear);
    if (line[strspn(line, " \t\r")] == '%') {
        return TRUE;
    }
    if (!tokenize(p, line, tokens, error)) {
        return FALSE;
    }
    if (tokens->len == 0) {
        return TRUE;
    }
    if (g_array_index(tokens, Token, 0).text[0] == '*') {
        return parse_star_line(p, line + strspn(line, " \t"), tokens, error);
    }
    if (p->section == SECTION_NONE) {
        return fail(p, 1, error, "a *Vertices line", "a line before it");
    }
    return p->section == SECTION_VERTICES ? parse_vertex_line(p, tokens, error)
                                          : parse_tie_line(p, tokens, error);
}

/*
 * Pajek .net: `*Vertices N [N1]`, vertex lines `NUMBER ["LABEL"] [x y z …]` (the label
 * is the node's id; an unlisted vertex is named by its number; in a two-mode network the
 * vertices after the first N1 are groups), then `*Edges` or `*Arcs` (`A B [WEIGHT]`) or
 * `*Edgeslist`/`*Arcslist` (`A B C …`). Several relations: `*Edges :K "LABEL"` makes the
 * section's ties relation K, and a line may start with `K:`; a relation's label is its
 * ties' type (a tie type, else kept as original_type), an unnamed relation's type its
 * number. `%` starts a comment; `*Network NAME` is the title. Coordinates and colours
 * are not read.
 */
gboolean
wn_import__pajek(WnDraft *draft, const char *path, const char *text, gsize length, GError **error)
{
    Pajek p = {.draft = draft, .path = path};
    g_autoptr(GPtrArray) labels = p.labels = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GArray) lines = p.lines = g_array_new(FALSE, TRUE, sizeof(gsize));
    g_autoptr(GPtrArray) relations = p.relations = g_ptr_array_new_with_free_func(g_free);
    g_auto(GStrv) split = g_strsplit(text, "\n", -1);
    (void) length;
    for (gsize i = 0; split[i] != NULL; i++) {
        p.line = i + 1;
        if (!parse_line(&p, split[i], error)) {
            return FALSE;
        }
    }
    if (!p.has_vertices) {
        return fail(&p, 1, error, "a *Vertices line", "none");
    }
    return p.nodes_added || add_nodes(&p, error);
}
