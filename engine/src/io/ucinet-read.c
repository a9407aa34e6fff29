/* ucinet-read.c: a UCINET DL file: fullmatrix, edgelist1 or nodelist1, with labels */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WN_DL_MAX_NODES 10000000 /* a larger count is a damaged file, not a town */
#define WN_DL_MAX_MATRICES 1000

typedef struct {
    char *text;
    gsize line, column; /* column in characters, from 1 */
    gboolean quoted;
} Token;

typedef enum { DL_FULLMATRIX, DL_EDGELIST1, DL_NODELIST1 } DlFormat;

/* One nonzero cell of matrix @relation: the tie row -> col. */
typedef struct {
    guint32 relation, row, col;
    double value;
} Cell;

typedef struct {
    WnDraft *draft;
    const char *path;
    GArray *tokens; /* Token */
    gsize pos;      /* the next token */
    gsize n, nm;
    DlFormat format;
    gboolean embedded;
    GPtrArray *labels, *column_labels, *matrix_labels; /* char *, borrowed from tokens */
    GArray *cells;                                     /* Cell */
    gsize data;                                        /* the index of the data: token */
} Dl;

static void
token_clear(gpointer data)
{
    g_free(((Token *) data)->text);
}

static gboolean
fail_at(const Dl *d, gsize line, gsize column, GError **error, const char *expected,
        const char *got)
{
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ": expected %s, got %s", d->path, line,
                column, expected, got);
    return FALSE;
}

/* An error at token @i, or after the last token when @i is past the end. */
static gboolean
fail(const Dl *d, gsize i, GError **error, const char *expected)
{
    if (i >= d->tokens->len) {
        const Token *last =
            d->tokens->len > 0 ? &g_array_index(d->tokens, Token, d->tokens->len - 1) : NULL;
        return fail_at(d, last != NULL ? last->line : 1, last != NULL ? last->column : 1, error,
                       expected, "the end of the file");
    }
    const Token *t = &g_array_index(d->tokens, Token, i);
    g_autofree char *got = g_strdup_printf("\"%s\"", t->text);
    return fail_at(d, t->line, t->column, error, expected, got);
}

/* Too few items: "expected EXPECTED, got COUNT", where the next token (or the end) is. */
static gboolean
fail_short(const Dl *d, GError **error, const char *expected, gsize count)
{
    gsize i = MIN(d->pos, d->tokens->len - 1);
    const Token *t = &g_array_index(d->tokens, Token, i);
    g_autofree char *got = g_strdup_printf("%" G_GSIZE_FORMAT, count);
    return fail_at(d, t->line, t->column, error, expected, got);
}

static const Token *
peek(const Dl *d)
{
    return d->pos < d->tokens->len ? &g_array_index(d->tokens, Token, d->pos) : NULL;
}

/* Whether @t is the unquoted keyword @word, case-insensitively, with or without a colon. */
static gboolean
is_word(const Token *t, const char *word)
{
    if (t == NULL || t->quoted) {
        return FALSE;
    }
    gsize len = strlen(word);
    return g_ascii_strncasecmp(t->text, word, len) == 0 &&
           (t->text[len] == '\0' || (t->text[len] == ':' && t->text[len + 1] == '\0'));
}

static void
add_token(GArray *tokens, const char *text, gsize len, gsize line, gsize column, gboolean quoted)
{
    Token t = {g_strndup(text, len), line, column, quoted};
    g_array_append_val(tokens, t);
}

/* Splits one line into tokens: words end at spaces, tabs and commas; `=` and `:` standing
 * alone are tokens of their own; "a quoted label" is one token. */
static gboolean
tokenize_line(Dl *d, const char *line, gsize number, GError **error)
{
    const char *s = line;
    for (;;) {
        s += strspn(s, " \t\r,");
        if (*s == '\0') {
            return TRUE;
        }
        gsize column = (gsize) g_utf8_strlen(line, s - line) + 1;
        if (*s == '"') {
            const char *close = strchr(s + 1, '"');
            if (close == NULL) {
                return fail_at(d, number, column, error, "a closing \" for this label",
                               "the end of the line");
            }
            add_token(d->tokens, s + 1, (gsize) (close - s - 1), number, column, TRUE);
            s = close + 1;
            continue;
        }
        gsize len = *s == '=' ? 1 : strcspn(s, " \t\r,=\"");
        add_token(d->tokens, s, len, number, column, FALSE);
        s += len;
    }
}

static gboolean
tokenize(Dl *d, const char *text, GError **error)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (gsize i = 0; lines[i] != NULL; i++) {
        if (!tokenize_line(d, lines[i], i + 1, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/* A whole number in 1..@max. */
static gboolean
parse_count(const char *text, gsize max, gsize *out)
{
    char *end = NULL;
    if (!g_ascii_isdigit(text[0])) {
        return FALSE;
    }
    guint64 v = g_ascii_strtoull(text, &end, 10);
    *out = (gsize) v;
    return *end == '\0' && v >= 1 && v <= max;
}

/* `KEY = VALUE` (KEY already read): skips the `=` and returns VALUE's index. */
static gboolean
expect_value(Dl *d, const char *key, gsize *value_out, GError **error)
{
    const Token *eq = peek(d);
    if (eq == NULL || strcmp(eq->text, "=") != 0 || eq->quoted) {
        g_autofree char *expected = g_strdup_printf("= after %s", key);
        return fail(d, d->pos, error, expected);
    }
    d->pos += 2;
    if (d->pos - 1 >= d->tokens->len) {
        g_autofree char *expected = g_strdup_printf("a value after %s =", key);
        return fail(d, d->pos - 1, error, expected);
    }
    *value_out = d->pos - 1;
    return TRUE;
}

static gboolean
read_size(Dl *d, const char *key, gsize max, gsize *out, GError **error)
{
    gsize v = 0;
    if (!expect_value(d, key, &v, error)) {
        return FALSE;
    }
    if (!parse_count(g_array_index(d->tokens, Token, v).text, max, out)) {
        g_autofree char *expected =
            g_strdup_printf("a whole number from 1 to %" G_GSIZE_FORMAT " after %s =", max, key);
        return fail(d, v, error, expected);
    }
    return TRUE;
}

static gboolean
read_format(Dl *d, GError **error)
{
    static const struct {
        const char *name;
        DlFormat format;
    } names[] = {{"fullmatrix", DL_FULLMATRIX}, {"fm", DL_FULLMATRIX},
                 {"edgelist1", DL_EDGELIST1},   {"el1", DL_EDGELIST1},
                 {"nodelist1", DL_NODELIST1},   {"nl1", DL_NODELIST1}};
    gsize v = 0;
    if (!expect_value(d, "format", &v, error)) {
        return FALSE;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        if (is_word(&g_array_index(d->tokens, Token, v), names[i].name)) {
            d->format = names[i].format;
            return TRUE;
        }
    }
    return fail(d, v, error, "fullmatrix, edgelist1 or nodelist1 after format =");
}

/* @count labels after `labels:` (the colon may stand alone). */
static gboolean
read_labels(Dl *d, GPtrArray **out, gsize count, const char *what, GError **error)
{
    if (d->n == 0) {
        return fail(d, d->pos - 1, error, "n= before the labels");
    }
    if (peek(d) != NULL && !peek(d)->quoted && strcmp(peek(d)->text, ":") == 0) {
        d->pos++;
    }
    g_clear_pointer(out, g_ptr_array_unref);
    *out = g_ptr_array_new();
    for (gsize i = 0; i < count; i++, d->pos++) {
        const Token *t = peek(d);
        if (t == NULL || is_word(t, "data")) {
            g_autofree char *expected =
                g_strdup_printf("%" G_GSIZE_FORMAT " %s (one per %s) before data:", count, what,
                                strcmp(what, "matrix labels") == 0 ? "matrix" : "node");
            return fail_short(d, error, expected, i);
        }
        g_ptr_array_add(*out, t->text);
    }
    return TRUE;
}

/* `labels embedded`, `labels:` + list, `row labels:`, `column labels:`, `matrix labels:`. */
static gboolean
read_labels_keyword(Dl *d, const Token *key, GError **error)
{
    if (is_word(key, "labels") && is_word(peek(d), "embedded")) {
        d->pos++;
        d->embedded = TRUE;
        return TRUE;
    }
    if (is_word(key, "labels")) {
        return read_labels(d, &d->labels, d->n, "labels", error);
    }
    if (!is_word(peek(d), "labels")) {
        return fail(d, d->pos, error, "labels after row, column or matrix");
    }
    d->pos++;
    if (is_word(peek(d), "embedded")) {
        return fail(d, d->pos - 2, error,
                    "labels embedded (row or column labels alone embedded are not supported)");
    }
    if (is_word(key, "matrix")) {
        return read_labels(d, &d->matrix_labels, d->nm, "matrix labels", error);
    }
    return read_labels(d, is_word(key, "row") ? &d->labels : &d->column_labels, d->n, "labels",
                       error);
}

static gboolean
read_keyword(Dl *d, const Token *key, GError **error)
{
    if (is_word(key, "n")) {
        return read_size(d, "n", WN_DL_MAX_NODES, &d->n, error);
    }
    if (is_word(key, "nm")) {
        return read_size(d, "nm", WN_DL_MAX_MATRICES, &d->nm, error);
    }
    if (is_word(key, "nr") || is_word(key, "nc")) {
        return fail(d, d->pos - 1, error, "n= (two-mode files with nr= and nc= are not supported)");
    }
    if (is_word(key, "format")) {
        return read_format(d, error);
    }
    if (is_word(key, "diagonal")) {
        gsize v = 0;
        return expect_value(d, "diagonal", &v, error) &&
               (is_word(&g_array_index(d->tokens, Token, v), "present") ||
                fail(d, v, error, "present after diagonal = (absent is not supported)"));
    }
    if (is_word(key, "labels") || is_word(key, "row") || is_word(key, "column") ||
        is_word(key, "col") || is_word(key, "matrix")) {
        return read_labels_keyword(d, key, error);
    }
    return fail(d, d->pos - 1, error, "n=, nm=, format=, labels, labels embedded or data:");
}

/* The header: `DL`, then keywords in any order up to `data:`. */
static gboolean
read_header(Dl *d, GError **error)
{
    if (!is_word(peek(d), "dl")) {
        return fail(d, 0, error, "DL at the start of the file");
    }
    for (d->pos = 1;;) {
        const Token *key = peek(d);
        if (key == NULL) {
            return fail(d, d->pos, error, "data: before the end of the file");
        }
        d->pos++;
        if (is_word(key, "data")) {
            d->data = d->pos - 1;
            if (peek(d) != NULL && strcmp(peek(d)->text, ":") == 0 && !peek(d)->quoted) {
                d->pos++;
            }
            return TRUE;
        }
        if (!key->quoted && strcmp(key->text, ":") == 0) {
            continue;
        }
        if (!read_keyword(d, key, error)) {
            return FALSE;
        }
    }
}

/* What the header allows together: n= is needed, labels once, several matrices only as
 * plain full matrices. */
static gboolean
check_header(Dl *d, GError **error)
{
    if (d->n == 0) {
        return fail(d, 0, error, "n= in the header, before data:");
    }
    if (d->embedded && (d->labels != NULL || d->column_labels != NULL)) {
        return fail(d, d->data, error, "either a list of labels or labels embedded, not both,");
    }
    if (d->nm > 1 && (d->format != DL_FULLMATRIX || d->embedded)) {
        return fail(d, d->data, error,
                    "nm=1 (several matrices are supported in format = fullmatrix without "
                    "embedded labels only)");
    }
    for (gsize i = 0; d->labels != NULL && d->column_labels != NULL && i < d->n; i++) {
        if (strcmp(g_ptr_array_index(d->labels, i), g_ptr_array_index(d->column_labels, i)) != 0) {
            return fail(d, d->data, error,
                        "column labels equal to the row labels (a square matrix) before data:");
        }
    }
    return TRUE;
}

static char *
where(const Dl *d, gsize token)
{
    const Token *t = &g_array_index(d->tokens, Token, MIN(token, d->tokens->len - 1));
    return g_strdup_printf("%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT, d->path, t->line, t->column);
}

/* The nodes, when the header knows them: labels, else the numbers 1..n. */
static gboolean
add_listed_nodes(Dl *d, GError **error)
{
    const GPtrArray *labels = d->labels != NULL ? d->labels : d->column_labels;
    g_autofree char *at = where(d, 0);
    for (gsize v = 0; v < d->n; v++) {
        g_autofree char *number = g_strdup_printf("%" G_GSIZE_FORMAT, v + 1);
        gsize node = 0;
        const char *id = labels != NULL ? g_ptr_array_index(labels, v) : number;
        if (!wn_draft__add_node(d->draft, id, at, &node, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/* A tie value: a number of 0 or more (0 is no tie). */
static gboolean
parse_value(const Dl *d, gsize token, double *out, GError **error)
{
    const Token *t = &g_array_index(d->tokens, Token, token);
    char *end = NULL;
    *out = g_ascii_strtod(t->text, &end);
    if (t->quoted || end == t->text || *end != '\0' || !isfinite(*out) || *out < 0) {
        return fail(d, token, error, "a tie value (a number, 0 or more)");
    }
    return TRUE;
}

static gboolean
add_cell(Dl *d, gsize relation, gsize row, gsize col, gsize token, GError **error)
{
    double value = 0;
    if (!parse_value(d, token, &value, error)) {
        return FALSE;
    }
    if (value > 0) {
        Cell c = {(guint32) relation, (guint32) row, (guint32) col, value};
        g_array_append_val(d->cells, c);
    }
    return TRUE;
}

/* nm full matrices of n rows of n values, in free format (rows may wrap). */
static gboolean
read_full_matrices(Dl *d, GError **error)
{
    for (gsize r = 0; r < d->nm; r++) {
        for (gsize i = 0; i < d->n; i++) {
            for (gsize j = 0; j < d->n; j++, d->pos++) {
                if (d->pos >= d->tokens->len) {
                    g_autofree char *expected =
                        g_strdup_printf("%" G_GSIZE_FORMAT " values (%" G_GSIZE_FORMAT
                                        " by %" G_GSIZE_FORMAT " per matrix) after data:",
                                        d->nm * d->n * d->n, d->n, d->n);
                    return fail_short(d, error, expected, (r * d->n + i) * d->n + j);
                }
                if (!add_cell(d, r, i, j, d->pos, error)) {
                    return FALSE;
                }
            }
        }
    }
    return TRUE;
}

/* Labels embedded: a line of n column labels, then each row's label and its n values. */
static gboolean
read_embedded_matrix(Dl *d, GError **error)
{
    d->column_labels = g_ptr_array_new();
    for (gsize j = 0; j < d->n; j++, d->pos++) {
        if (d->pos >= d->tokens->len) {
            return fail(d, d->pos, error, "a column label for each node after data:");
        }
        g_ptr_array_add(d->column_labels, g_array_index(d->tokens, Token, d->pos).text);
    }
    if (!add_listed_nodes(d, error)) {
        return FALSE;
    }
    for (gsize i = 0; i < d->n; i++, d->pos++) {
        const Token *t = peek(d);
        const char *want = g_ptr_array_index(d->column_labels, i);
        if (t == NULL || strcmp(t->text, want) != 0) {
            g_autofree char *expected =
                g_strdup_printf("the row label \"%s\" (rows in the order of the columns)", want);
            return fail(d, d->pos, error, expected);
        }
        for (gsize j = 0; j < d->n; j++) {
            d->pos++;
            if (d->pos >= d->tokens->len || !add_cell(d, 0, i, j, d->pos, error)) {
                return d->pos < d->tokens->len ? FALSE : fail(d, d->pos, error, "a tie value");
            }
        }
    }
    return TRUE;
}

/* A node of an edge or node list: a number 1..n, or with labels embedded a label (a new
 * label adds a node, up to n of them). */
static gboolean
list_node(Dl *d, gsize token, gsize *out, GError **error)
{
    const Token *t = &g_array_index(d->tokens, Token, token);
    if (!d->embedded) {
        gsize v = 0;
        if (t->quoted || !parse_count(t->text, d->n, &v)) {
            g_autofree char *expected = g_strdup_printf(
                "a node number from 1 to %" G_GSIZE_FORMAT " (or labels embedded)", d->n);
            return fail(d, token, error, expected);
        }
        *out = v - 1;
        return TRUE;
    }
    if (wn_draft__find_node(d->draft, t->text, out)) {
        return TRUE;
    }
    if (wn_draft__node_count(d->draft) == d->n) {
        g_autofree char *expected = g_strdup_printf(
            "one of the n=%" G_GSIZE_FORMAT " labels already used, not a new one", d->n);
        return fail(d, token, error, expected);
    }
    g_autofree char *at = where(d, token);
    return wn_draft__add_node(d->draft, t->text, at, out, error);
}

/* The tokens from @start on the same line: [start, *end_out). */
static gsize
line_end(const Dl *d, gsize start)
{
    gsize end = start;
    gsize line = g_array_index(d->tokens, Token, start).line;
    while (end < d->tokens->len && g_array_index(d->tokens, Token, end).line == line) {
        end++;
    }
    return end;
}

/* edgelist1: `FROM TO [VALUE]` per line; nodelist1: `FROM TO TO …` per line. */
static gboolean
read_list_line(Dl *d, gsize start, gsize end, GError **error)
{
    gsize from = 0, to = 0;
    gsize count = end - start;
    if (d->format == DL_EDGELIST1 && (count < 2 || count > 3)) {
        return fail(d, count < 2 ? end : start + 3, error,
                    "two nodes and an optional tie value on this line");
    }
    if (!list_node(d, start, &from, error)) {
        return FALSE;
    }
    gsize last = d->format == DL_EDGELIST1 ? start + 2 : end;
    for (gsize i = start + 1; i < last; i++) {
        if (!list_node(d, i, &to, error)) {
            return FALSE;
        }
        Cell c = {0, (guint32) from, (guint32) to, 1};
        if (d->format == DL_EDGELIST1 && count == 3 &&
            !parse_value(d, start + 2, &c.value, error)) {
            return FALSE;
        }
        if (c.value > 0) {
            g_array_append_val(d->cells, c);
        }
    }
    return TRUE;
}

static gboolean
read_lists(Dl *d, GError **error)
{
    if (!d->embedded && !add_listed_nodes(d, error)) {
        return FALSE;
    }
    while (d->pos < d->tokens->len) {
        gsize end = line_end(d, d->pos);
        if (!read_list_line(d, d->pos, end, error)) {
            return FALSE;
        }
        d->pos = end;
    }
    gsize seen = wn_draft__node_count(d->draft);
    if (seen < d->n) {
        wn_draft__add_warning(d->draft,
                              "%s: n=%" G_GSIZE_FORMAT " but %" G_GSIZE_FORMAT " labels appear "
                              "in the data; %" G_GSIZE_FORMAT " node%s never named %s left out",
                              d->path, d->n, seen, d->n - seen, d->n - seen == 1 ? "" : "s",
                              d->n - seen == 1 ? "is" : "are");
    }
    return TRUE;
}

static gint
compare_cells(gconstpointer a, gconstpointer b)
{
    const Cell *x = a, *y = b;
    if (x->relation != y->relation) {
        return x->relation < y->relation ? -1 : 1;
    }
    if (x->row != y->row) {
        return x->row < y->row ? -1 : 1;
    }
    return x->col < y->col ? -1 : (x->col > y->col ? 1 : 0);
}

/* Sorts the cells and adds up cells given twice (a line repeated in an edge list). */
static void
merge_cells(GArray *cells)
{
    g_array_sort(cells, compare_cells);
    guint kept = 0;
    for (guint i = 0; i < cells->len; i++) {
        Cell *c = &g_array_index(cells, Cell, i);
        if (kept > 0 && compare_cells(&g_array_index(cells, Cell, kept - 1), c) == 0) {
            g_array_index(cells, Cell, kept - 1).value += c->value;
        } else {
            g_array_index(cells, Cell, kept++) = *c;
        }
    }
    g_array_set_size(cells, kept);
}

/* Whether every matrix equals its transpose. */
static gboolean
is_symmetric(const GArray *cells)
{
    for (guint i = 0; i < cells->len; i++) {
        const Cell *c = &g_array_index(cells, Cell, i);
        Cell mirror = {c->relation, c->col, c->row, 0};
        const Cell *m = bsearch(&mirror, cells->data, cells->len, sizeof(Cell), compare_cells);
        if (m == NULL || m->value != c->value) {
            return FALSE;
        }
    }
    return TRUE;
}

/* The name of matrix @r, as the tie's kind (kept as original_type when it is none). */
static char *
relation_name(const Dl *d, gsize r)
{
    if (d->matrix_labels != NULL) {
        return g_strdup(g_ptr_array_index(d->matrix_labels, r));
    }
    return d->nm > 1 ? g_strdup_printf("%" G_GSIZE_FORMAT, r + 1) : NULL;
}

/* Symmetric matrices are an undirected network (one tie per pair), else directed. */
static gboolean
add_ties(Dl *d, GError **error)
{
    merge_cells(d->cells);
    gboolean directed = !is_symmetric(d->cells);
    wn_draft__set_directed(d->draft, directed);
    g_autofree char *at = where(d, d->data);
    for (guint i = 0; i < d->cells->len; i++) {
        const Cell *c = &g_array_index(d->cells, Cell, i);
        if (!directed && c->row > c->col) {
            continue;
        }
        char buf[WN_NUMBER_BUF_SIZE];
        gsize tie = wn_draft__add_tie(d->draft, c->row, c->col, at);
        g_autofree char *relation = relation_name(d, c->relation);
        if (!wn_draft__tie_value(d->draft, tie, "weight", wn_write__number(buf, c->value), at,
                                 error) ||
            (relation != NULL &&
             !wn_draft__tie_value(d->draft, tie, "type", relation, at, error))) {
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
read_data(Dl *d, GError **error)
{
    if (d->format != DL_FULLMATRIX) {
        return read_lists(d, error);
    }
    if (d->embedded) {
        return read_embedded_matrix(d, error);
    }
    return add_listed_nodes(d, error) && read_full_matrices(d, error);
}

/*
 * UCINET DL (keywords case-insensitive, `n=5` or `n = 5`, commas or spaces between
 * values): `DL n=N [nm=M] [format = fullmatrix|edgelist1|nodelist1]`, optionally
 * `labels:` (or `row labels:` / `column labels:`, equal for a square matrix) with N
 * labels, `labels embedded`, `matrix labels:` with M names, then `data:`. A full matrix
 * holds N×N values per matrix (0: no tie; more: the weight); with labels embedded a line
 * of column labels comes first and each row starts with its label. edgelist1 lines are
 * `FROM TO [VALUE]`, nodelist1 lines `FROM TO TO …`, as node numbers or, with labels
 * embedded, labels. Nodes are named by their label, else by their number. When every
 * matrix is symmetric the network is undirected (one tie per pair), else directed.
 * Several matrices become tie kinds by their matrix label (kept as original_type when
 * it is not one). Not supported: two-mode nr=/nc=, diagonal = absent, lowerhalf,
 * upperhalf, edgelist2, nodelist2, negative values.
 */
gboolean
wn_import__ucinet(WnDraft *draft, const char *path, const char *text, gsize length, GError **error)
{
    Dl d = {.draft = draft, .path = path, .nm = 1, .format = DL_FULLMATRIX};
    g_autoptr(GArray) tokens = d.tokens = g_array_new(FALSE, FALSE, sizeof(Token));
    g_array_set_clear_func(tokens, token_clear);
    g_autoptr(GArray) cells = d.cells = g_array_new(FALSE, FALSE, sizeof(Cell));
    (void) length;
    gboolean ok = tokenize(&d, text, error) && read_header(&d, error) && check_header(&d, error) &&
                  read_data(&d, error);
    if (ok && d.format == DL_FULLMATRIX && d.pos < d.tokens->len) {
        ok = fail(&d, d.pos, error, "the end of the data after the last matrix");
    }
    ok = ok && add_ties(&d, error);
    g_clear_pointer(&d.labels, g_ptr_array_unref);
    g_clear_pointer(&d.column_labels, g_ptr_array_unref);
    g_clear_pointer(&d.matrix_labels, g_ptr_array_unref);
    return ok;
}
