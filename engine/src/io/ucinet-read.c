/* ucinet-read.c: a UCINET DL file: fullmatrix, edgelist1 or nodelist1, with labels */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WN_DL_MAX_NODES 10000000 /* a larger count is a damaged file, not a town */
#define WN_DL_MAX_MATRICES 1000

static void
token_clear(gpointer data)
{
    g_free(((WnDlToken *) data)->text);
}

static gboolean
fail_at(const WnDl *d, gsize line, gsize column, GError **error, const char *expected,
        const char *got)
{
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ": expected %s, got %s", d->path, line,
                column, expected, got);
    return FALSE;
}

/* An error at token @i, or after the last token when @i is past the end. */
gboolean
wn_dl__fail(const WnDl *d, gsize i, GError **error, const char *expected)
{
    if (i >= d->tokens->len) {
        const WnDlToken *last =
            d->tokens->len > 0 ? &g_array_index(d->tokens, WnDlToken, d->tokens->len - 1) : NULL;
        return fail_at(d, last != NULL ? last->line : 1, last != NULL ? last->column : 1, error,
                       expected, "the end of the file");
    }
    const WnDlToken *t = &g_array_index(d->tokens, WnDlToken, i);
    g_autofree char *got = g_strdup_printf("\"%s\"", t->text);
    return fail_at(d, t->line, t->column, error, expected, got);
}

/* Too few items: "expected EXPECTED, got COUNT", where the next token (or the end) is. */
gboolean
wn_dl__fail_short(const WnDl *d, GError **error, const char *expected, gsize count)
{
    gsize i = MIN(d->pos, d->tokens->len - 1);
    const WnDlToken *t = &g_array_index(d->tokens, WnDlToken, i);
    g_autofree char *got = g_strdup_printf("%" G_GSIZE_FORMAT, count);
    return fail_at(d, t->line, t->column, error, expected, got);
}

/* Returns: the next token, NULL at the end. */
const WnDlToken *
wn_dl__peek(const WnDl *d)
{
    return d->pos < d->tokens->len ? &g_array_index(d->tokens, WnDlToken, d->pos) : NULL;
}

/* Whether @t is the unquoted keyword @word, case-insensitively, with or without a colon. */
static gboolean
is_word(const WnDlToken *t, const char *word)
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
    WnDlToken t = {g_strndup(text, len), line, column, quoted};
    g_array_append_val(tokens, t);
}

/* Splits one line into tokens: words end at spaces, tabs and commas; `=` and `:` standing
 * alone are tokens of their own; "a quoted label" is one token. */
static gboolean
tokenize_line(WnDl *d, const char *line, gsize number, GError **error)
{
    const char *s = line;
    WnColumnCounter columns;
    wn_column__start(&columns, line);
    for (;;) {
        s += strspn(s, " \t\r,");
        if (*s == '\0') {
            return TRUE;
        }
        gsize column = wn_column__at(&columns, s);
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
tokenize(WnDl *d, const char *text, GError **error)
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
gboolean
wn_dl__parse_count(const char *text, gsize max, gsize *out)
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
expect_value(WnDl *d, const char *key, gsize *value_out, GError **error)
{
    const WnDlToken *eq = wn_dl__peek(d);
    if (eq == NULL || strcmp(eq->text, "=") != 0 || eq->quoted) {
        g_autofree char *expected = g_strdup_printf("= after %s", key);
        return wn_dl__fail(d, d->pos, error, expected);
    }
    d->pos += 2;
    if (d->pos - 1 >= d->tokens->len) {
        g_autofree char *expected = g_strdup_printf("a value after %s =", key);
        return wn_dl__fail(d, d->pos - 1, error, expected);
    }
    *value_out = d->pos - 1;
    return TRUE;
}

static gboolean
read_size(WnDl *d, const char *key, gsize max, gsize *out, GError **error)
{
    gsize v = 0;
    if (!expect_value(d, key, &v, error)) {
        return FALSE;
    }
    if (!wn_dl__parse_count(g_array_index(d->tokens, WnDlToken, v).text, max, out)) {
        g_autofree char *expected =
            g_strdup_printf("a whole number from 1 to %" G_GSIZE_FORMAT " after %s =", max, key);
        return wn_dl__fail(d, v, error, expected);
    }
    return TRUE;
}

static gboolean
read_format(WnDl *d, GError **error)
{
    static const struct {
        const char *name;
        WnDlFormat format;
    } names[] = {{"fullmatrix", WN_DL_FULLMATRIX}, {"fm", WN_DL_FULLMATRIX},
                 {"edgelist1", WN_DL_EDGELIST1},   {"el1", WN_DL_EDGELIST1},
                 {"nodelist1", WN_DL_NODELIST1},   {"nl1", WN_DL_NODELIST1}};
    gsize v = 0;
    if (!expect_value(d, "format", &v, error)) {
        return FALSE;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        if (is_word(&g_array_index(d->tokens, WnDlToken, v), names[i].name)) {
            d->format = names[i].format;
            return TRUE;
        }
    }
    return wn_dl__fail(d, v, error, "fullmatrix, edgelist1 or nodelist1 after format =");
}

/* @count labels after `labels:` (the colon may stand alone). */
static gboolean
read_labels(WnDl *d, GPtrArray **out, gsize count, const char *what, GError **error)
{
    if (d->n == 0) {
        return wn_dl__fail(d, d->pos - 1, error, "n= before the labels");
    }
    if (wn_dl__peek(d) != NULL && !wn_dl__peek(d)->quoted &&
        strcmp(wn_dl__peek(d)->text, ":") == 0) {
        d->pos++;
    }
    g_clear_pointer(out, g_ptr_array_unref);
    *out = g_ptr_array_new();
    for (gsize i = 0; i < count; i++, d->pos++) {
        const WnDlToken *t = wn_dl__peek(d);
        if (t == NULL || is_word(t, "data")) {
            g_autofree char *expected =
                g_strdup_printf("%" G_GSIZE_FORMAT " %s (one per %s) before data:", count, what,
                                strcmp(what, "matrix labels") == 0 ? "matrix" : "node");
            return wn_dl__fail_short(d, error, expected, i);
        }
        g_ptr_array_add(*out, t->text);
    }
    return TRUE;
}

/* `labels embedded`, `labels:` + list, `row labels:`, `column labels:`, `matrix labels:`. */
static gboolean
read_labels_keyword(WnDl *d, const WnDlToken *key, GError **error)
{
    if (is_word(key, "labels") && is_word(wn_dl__peek(d), "embedded")) {
        d->pos++;
        d->embedded = TRUE;
        return TRUE;
    }
    if (is_word(key, "labels")) {
        return read_labels(d, &d->labels, d->n, "labels", error);
    }
    if (!is_word(wn_dl__peek(d), "labels")) {
        return wn_dl__fail(d, d->pos, error, "labels after row, column or matrix");
    }
    d->pos++;
    if (is_word(wn_dl__peek(d), "embedded")) {
        return wn_dl__fail(
            d, d->pos - 2, error,
            "labels embedded (row or column labels alone embedded are not supported)");
    }
    if (is_word(key, "matrix")) {
        return read_labels(d, &d->matrix_labels, d->nm, "matrix labels", error);
    }
    return read_labels(d, is_word(key, "row") ? &d->labels : &d->column_labels, d->n, "labels",
                       error);
}

static gboolean
read_keyword(WnDl *d, const WnDlToken *key, GError **error)
{
    /* The label lists are read with the counts known then: a count may not change after. */
    if (is_word(key, "n")) {
        return (d->n == 0 || wn_dl__fail(d, d->pos - 1, error, "n= once in the header")) &&
               read_size(d, "n", WN_DL_MAX_NODES, &d->n, error);
    }
    if (is_word(key, "nm")) {
        return (d->matrix_labels == NULL ||
                wn_dl__fail(d, d->pos - 1, error, "nm= before the matrix labels")) &&
               read_size(d, "nm", WN_DL_MAX_MATRICES, &d->nm, error);
    }
    if (is_word(key, "nr") || is_word(key, "nc")) {
        return wn_dl__fail(d, d->pos - 1, error,
                           "n= (two-mode files with nr= and nc= are not supported)");
    }
    if (is_word(key, "format")) {
        return read_format(d, error);
    }
    if (is_word(key, "diagonal")) {
        gsize v = 0;
        return expect_value(d, "diagonal", &v, error) &&
               (is_word(&g_array_index(d->tokens, WnDlToken, v), "present") ||
                wn_dl__fail(d, v, error, "present after diagonal = (absent is not supported)"));
    }
    if (is_word(key, "labels") || is_word(key, "row") || is_word(key, "column") ||
        is_word(key, "col") || is_word(key, "matrix")) {
        return read_labels_keyword(d, key, error);
    }
    return wn_dl__fail(d, d->pos - 1, error, "n=, nm=, format=, labels, labels embedded or data:");
}

/* The header: `DL`, then keywords in any order up to `data:`. */
static gboolean
read_header(WnDl *d, GError **error)
{
    if (!is_word(wn_dl__peek(d), "dl")) {
        return wn_dl__fail(d, 0, error, "DL at the start of the file");
    }
    for (d->pos = 1;;) {
        const WnDlToken *key = wn_dl__peek(d);
        if (key == NULL) {
            return wn_dl__fail(d, d->pos, error, "data: before the end of the file");
        }
        d->pos++;
        if (is_word(key, "data")) {
            d->data = d->pos - 1;
            if (wn_dl__peek(d) != NULL && strcmp(wn_dl__peek(d)->text, ":") == 0 &&
                !wn_dl__peek(d)->quoted) {
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
check_header(WnDl *d, GError **error)
{
    if (d->n == 0) {
        return wn_dl__fail(d, 0, error, "n= in the header, before data:");
    }
    if (d->embedded && (d->labels != NULL || d->column_labels != NULL)) {
        return wn_dl__fail(d, d->data, error,
                           "either a list of labels or labels embedded, not both,");
    }
    if (d->nm > 1 && (d->format != WN_DL_FULLMATRIX || d->embedded)) {
        return wn_dl__fail(d, d->data, error,
                           "nm=1 (several matrices are supported in format = fullmatrix without "
                           "embedded labels only)");
    }
    for (gsize i = 0; d->labels != NULL && d->column_labels != NULL && i < d->n; i++) {
        if (strcmp(g_ptr_array_index(d->labels, i), g_ptr_array_index(d->column_labels, i)) != 0) {
            return wn_dl__fail(
                d, d->data, error,
                "column labels equal to the row labels (a square matrix) before data:");
        }
    }
    return TRUE;
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
    WnDl d = {.draft = draft, .path = path, .nm = 1, .format = WN_DL_FULLMATRIX};
    g_autoptr(GArray) tokens = d.tokens = g_array_new(FALSE, FALSE, sizeof(WnDlToken));
    g_array_set_clear_func(tokens, token_clear);
    g_autoptr(GArray) cells = d.cells = g_array_new(FALSE, FALSE, sizeof(WnDlCell));
    (void) length;
    gboolean ok = tokenize(&d, text, error) && read_header(&d, error) && check_header(&d, error) &&
                  wn_dl__read_data(&d, error);
    if (ok && d.format == WN_DL_FULLMATRIX && d.pos < d.tokens->len) {
        ok = wn_dl__fail(&d, d.pos, error, "the end of the data after the last matrix");
    }
    ok = ok && wn_dl__add_ties(&d, error);
    g_clear_pointer(&d.labels, g_ptr_array_unref);
    g_clear_pointer(&d.column_labels, g_ptr_array_unref);
    g_clear_pointer(&d.matrix_labels, g_ptr_array_unref);
    return ok;
}
