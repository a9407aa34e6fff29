/* format.c: numbers in words' company, HTML escaping and inline SVG for the report */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "report.h"

#include <string.h>

/* Appends @text with & < > " ' escaped, so dataset text can never become markup. */
void
wn_report__append_escaped(GString *out, const char *text)
{
    g_autofree char *escaped = g_markup_escape_text(text != NULL ? text : "", -1);
    g_string_append(out, escaped);
}

/**
 * wn_report__svg_body:
 * An SVG document made fit to sit inside the HTML: the XML declaration, any
 * DOCTYPE and comments before the <svg> element are left out.
 * Returns: a new string; NULL when @svg holds no <svg element.
 */
char *
wn_report__svg_body(const char *svg)
{
    const char *start = svg != NULL ? strstr(svg, "<svg") : NULL;
    if (start == NULL) {
        return NULL;
    }
    return g_strdup(start);
}

/* Copies one column of @table over the rows in @rows into @to. */
static void
copy_column(WnTable *to, const WnTable *table, gsize column, const GArray *rows)
{
    const char *name = wn_table_column_name(table, column);
    g_autofree const char **strings = g_new0(const char *, rows->len + 1);
    g_autofree gint64 *ints = g_new0(gint64, rows->len + 1);
    g_autofree gboolean *missing = g_new0(gboolean, rows->len + 1);
    g_autofree double *doubles = g_new0(double, rows->len + 1);
    WnColumnKind kind = wn_table_column_kind(table, column);
    for (guint i = 0; i < rows->len; i++) {
        gsize row = g_array_index(rows, gsize, i);
        missing[i] = wn_table_cell_is_missing(table, row, column);
        if (kind == WN_COLUMN_STRING) {
            strings[i] = wn_table_cell_string(table, row, column);
        } else if (kind == WN_COLUMN_INT) {
            ints[i] = wn_table_cell_int(table, row, column);
        } else {
            doubles[i] = wn_table_cell_double(table, row, column);
        }
    }
    if (kind == WN_COLUMN_STRING) {
        wn_table__add_strings(to, name, strings);
    } else if (kind == WN_COLUMN_INT) {
        wn_table__add_ints(to, name, ints, missing);
    } else {
        wn_table__add_doubles(to, name, doubles);
    }
}

/**
 * wn_report__rows_ordered:
 * A copy of @table with the rows @rows (of gsize), in that order; every column, its
 * kind and its missing cells as they were.
 * Returns: (transfer full): the new table.
 */
WnTable *
wn_report__rows_ordered(const WnTable *table, const GArray *rows)
{
    WnTable *to = wn_table__new(rows->len);
    for (gsize column = 0; column < wn_table_column_count(table); column++) {
        copy_column(to, table, column, rows);
    }
    return to;
}

/**
 * wn_report__rows_kept:
 * A copy of @table with only the rows whose @keep is TRUE, in their order.
 * Returns: (transfer full): the new table.
 */
WnTable *
wn_report__rows_kept(const WnTable *table, const gboolean *keep)
{
    g_autoptr(GArray) rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize row = 0; row < wn_table_row_count(table); row++) {
        if (keep[row]) {
            g_array_append_val(rows, row);
        }
    }
    return wn_report__rows_ordered(table, rows);
}

/**
 * wn_report__rows_where:
 * A copy of @table with only the rows whose string @column equals @value. A table
 * without that column gives no rows.
 * Returns: (transfer full): the new table.
 */
WnTable *
wn_report__rows_where(const WnTable *table, const char *column, const char *value)
{
    gsize c = 0;
    gboolean has = wn_table_column_lookup(table, column, &c) &&
                   wn_table_column_kind(table, c) == WN_COLUMN_STRING;
    gsize n = wn_table_row_count(table);
    g_autofree gboolean *keep = g_new0(gboolean, n + 1);
    for (gsize row = 0; row < n; row++) {
        keep[row] = has && g_strcmp0(wn_table_cell_string(table, row, c), value) == 0;
    }
    return wn_report__rows_kept(table, keep);
}
