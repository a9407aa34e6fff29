/* ucinet-data-read.c: the data of a UCINET DL file: full matrices, edge and node lists */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static char *
where(const WnDl *d, gsize token)
{
    const WnDlToken *t = &g_array_index(d->tokens, WnDlToken, MIN(token, d->tokens->len - 1));
    return wn_import__where(d->path, t->line, t->column);
}

/* The nodes, when the header knows them: labels, else the numbers 1..n. */
static gboolean
add_listed_nodes(WnDl *d, GError **error)
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
parse_value(const WnDl *d, gsize token, double *out, GError **error)
{
    const WnDlToken *t = &g_array_index(d->tokens, WnDlToken, token);
    char *end = NULL;
    *out = g_ascii_strtod(t->text, &end);
    if (t->quoted || end == t->text || *end != '\0' || !isfinite(*out) || *out < 0) {
        return wn_dl__fail(d, token, error, "a tie value (a number, 0 or more)");
    }
    return TRUE;
}

static gboolean
add_cell(WnDl *d, gsize relation, gsize row, gsize col, gsize token, GError **error)
{
    double value = 0;
    if (!parse_value(d, token, &value, error)) {
        return FALSE;
    }
    if (value > 0) {
        WnDlCell c = {(guint32) relation, (guint32) row, (guint32) col, value};
        g_array_append_val(d->cells, c);
    }
    return TRUE;
}

/* nm full matrices of n rows of n values, in free format (rows may wrap). */
static gboolean
read_full_matrices(WnDl *d, GError **error)
{
    for (gsize r = 0; r < d->nm; r++) {
        for (gsize i = 0; i < d->n; i++) {
            for (gsize j = 0; j < d->n; j++, d->pos++) {
                if (d->pos >= d->tokens->len) {
                    g_autofree char *expected =
                        g_strdup_printf("%" G_GSIZE_FORMAT " values (%" G_GSIZE_FORMAT
                                        " by %" G_GSIZE_FORMAT " per matrix) after data:",
                                        d->nm * d->n * d->n, d->n, d->n);
                    return wn_dl__fail_short(d, error, expected, (r * d->n + i) * d->n + j);
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
read_embedded_matrix(WnDl *d, GError **error)
{
    d->column_labels = g_ptr_array_new();
    for (gsize j = 0; j < d->n; j++, d->pos++) {
        if (d->pos >= d->tokens->len) {
            return wn_dl__fail(d, d->pos, error, "a column label for each node after data:");
        }
        g_ptr_array_add(d->column_labels, g_array_index(d->tokens, WnDlToken, d->pos).text);
    }
    if (!add_listed_nodes(d, error)) {
        return FALSE;
    }
    for (gsize i = 0; i < d->n; i++, d->pos++) {
        const WnDlToken *t = wn_dl__peek(d);
        const char *want = g_ptr_array_index(d->column_labels, i);
        if (t == NULL || strcmp(t->text, want) != 0) {
            g_autofree char *expected =
                g_strdup_printf("the row label \"%s\" (rows in the order of the columns)", want);
            return wn_dl__fail(d, d->pos, error, expected);
        }
        for (gsize j = 0; j < d->n; j++) {
            d->pos++;
            if (d->pos >= d->tokens->len || !add_cell(d, 0, i, j, d->pos, error)) {
                return d->pos < d->tokens->len ? FALSE
                                               : wn_dl__fail(d, d->pos, error, "a tie value");
            }
        }
    }
    return TRUE;
}

/* A node of an edge or node list: a number 1..n, or with labels embedded a label (a new
 * label adds a node, up to n of them). */
static gboolean
list_node(WnDl *d, gsize token, gsize *out, GError **error)
{
    const WnDlToken *t = &g_array_index(d->tokens, WnDlToken, token);
    if (!d->embedded) {
        gsize v = 0;
        if (t->quoted || !wn_dl__parse_count(t->text, d->n, &v)) {
            g_autofree char *expected = g_strdup_printf(
                "a node number from 1 to %" G_GSIZE_FORMAT " (or labels embedded)", d->n);
            return wn_dl__fail(d, token, error, expected);
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
        return wn_dl__fail(d, token, error, expected);
    }
    g_autofree char *at = where(d, token);
    return wn_draft__add_node(d->draft, t->text, at, out, error);
}

/* The tokens from @start on the same line: [start, *end_out). */
static gsize
line_end(const WnDl *d, gsize start)
{
    gsize end = start;
    gsize line = g_array_index(d->tokens, WnDlToken, start).line;
    while (end < d->tokens->len && g_array_index(d->tokens, WnDlToken, end).line == line) {
        end++;
    }
    return end;
}

/* edgelist1: `FROM TO [VALUE]` per line; nodelist1: `FROM TO TO …` per line. */
static gboolean
read_list_line(WnDl *d, gsize start, gsize end, GError **error)
{
    gsize from = 0, to = 0;
    gsize count = end - start;
    if (d->format == WN_DL_EDGELIST1 && (count < 2 || count > 3)) {
        return wn_dl__fail(d, count < 2 ? end : start + 3, error,
                           "two nodes and an optional tie value on this line");
    }
    if (!list_node(d, start, &from, error)) {
        return FALSE;
    }
    gsize last = d->format == WN_DL_EDGELIST1 ? start + 2 : end;
    for (gsize i = start + 1; i < last; i++) {
        if (!list_node(d, i, &to, error)) {
            return FALSE;
        }
        WnDlCell c = {0, (guint32) from, (guint32) to, 1};
        if (d->format == WN_DL_EDGELIST1 && count == 3 &&
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
read_lists(WnDl *d, GError **error)
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
    const WnDlCell *x = a, *y = b;
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
        WnDlCell *c = &g_array_index(cells, WnDlCell, i);
        if (kept > 0 && compare_cells(&g_array_index(cells, WnDlCell, kept - 1), c) == 0) {
            g_array_index(cells, WnDlCell, kept - 1).value += c->value;
        } else {
            g_array_index(cells, WnDlCell, kept++) = *c;
        }
    }
    g_array_set_size(cells, kept);
}

/* Whether every matrix equals its transpose. */
static gboolean
is_symmetric(const GArray *cells)
{
    for (guint i = 0; i < cells->len; i++) {
        const WnDlCell *c = &g_array_index(cells, WnDlCell, i);
        WnDlCell mirror = {c->relation, c->col, c->row, 0};
        const WnDlCell *m =
            bsearch(&mirror, cells->data, cells->len, sizeof(WnDlCell), compare_cells);
        if (m == NULL || m->value != c->value) {
            return FALSE;
        }
    }
    return TRUE;
}

/* The name of matrix @r, as the tie's kind (kept as original_type when it is none). */
static char *
relation_name(const WnDl *d, gsize r)
{
    if (d->matrix_labels != NULL) {
        return g_strdup(g_ptr_array_index(d->matrix_labels, r));
    }
    return d->nm > 1 ? g_strdup_printf("%" G_GSIZE_FORMAT, r + 1) : NULL;
}

/* Symmetric matrices are an undirected network (one tie per pair), else directed. */
gboolean
wn_dl__add_ties(WnDl *d, GError **error)
{
    merge_cells(d->cells);
    gboolean directed = !is_symmetric(d->cells);
    wn_draft__set_directed(d->draft, directed);
    g_autofree char *at = where(d, d->data);
    for (guint i = 0; i < d->cells->len; i++) {
        const WnDlCell *c = &g_array_index(d->cells, WnDlCell, i);
        if (!directed && c->row > c->col) {
            continue;
        }
        char buf[WN_NUMBER_TEXT_SIZE];
        gsize tie = wn_draft__add_tie(d->draft, c->row, c->col, at);
        g_autofree char *relation = relation_name(d, c->relation);
        if (!wn_draft__tie_value(d->draft, tie, "weight", wn_number__round_trip(buf, c->value), at,
                                 error) ||
            (relation != NULL &&
             !wn_draft__tie_value(d->draft, tie, "type", relation, at, error))) {
            return FALSE;
        }
    }
    return TRUE;
}

/* Reads what follows `data:`: the matrices, or the edge or node list, into d->cells. */
gboolean
wn_dl__read_data(WnDl *d, GError **error)
{
    if (d->format != WN_DL_FULLMATRIX) {
        return read_lists(d, error);
    }
    if (d->embedded) {
        return read_embedded_matrix(d, error);
    }
    return add_listed_nodes(d, error) && read_full_matrices(d, error);
}
