/* table.c: renders a WnTable for a terminal (aligned columns), or as CSV or JSON */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <string.h>

/* Numbers for a person: integers as they are, other numbers with 4 decimals; text with
 * its control characters made visible (cli_visible). */
static char *
cell_for_terminal(const WnTable *table, gsize row, gsize column)
{
    if (wn_table_column_kind(table, column) == WN_COLUMN_DOUBLE &&
        !wn_table_cell_is_missing(table, row, column)) {
        return g_strdup_printf("%.4f", wn_table_cell_double(table, row, column));
    }
    g_autofree char *text = wn_table_cell_to_string(table, row, column);
    return cli_visible(text);
}

static void
append_padded(GString *out, const char *text, gsize width, gboolean right)
{
    gsize len = (gsize) g_utf8_strlen(text, -1);
    if (right) {
        for (gsize i = len; i < width; i++) {
            g_string_append_c(out, ' ');
        }
    }
    g_string_append(out, text);
    if (!right) {
        for (gsize i = len; i < width; i++) {
            g_string_append_c(out, ' ');
        }
    }
}

static char *
render_aligned(const WnTable *table)
{
    gsize rows = wn_table_row_count(table), cols = wn_table_column_count(table);
    g_autofree char **cells = g_new0(char *, (rows + 1) * cols + 1);
    g_autofree gsize *width = g_new0(gsize, cols + 1);
    for (gsize j = 0; j < cols; j++) {
        cells[j] = g_strdup(wn_table_column_name(table, j));
        for (gsize i = 0; i < rows; i++) {
            cells[(i + 1) * cols + j] = cell_for_terminal(table, i, j);
        }
        for (gsize i = 0; i <= rows; i++) {
            width[j] = MAX(width[j], (gsize) g_utf8_strlen(cells[i * cols + j], -1));
        }
    }
    GString *out = g_string_new(NULL);
    for (gsize i = 0; i <= rows; i++) {
        for (gsize j = 0; j < cols; j++) {
            gboolean right = wn_table_column_kind(table, j) != WN_COLUMN_STRING;
            g_string_append(out, j > 0 ? "  " : "");
            append_padded(out, cells[i * cols + j], j + 1 < cols || right ? width[j] : 0, right);
            g_free(cells[i * cols + j]);
        }
        while (out->len > 0 && out->str[out->len - 1] == ' ') {
            g_string_truncate(out, out->len - 1); /* a missing last cell leaves no padding */
        }
        g_string_append_c(out, '\n');
    }
    return g_string_free(out, FALSE);
}

/* Returns: the table as text in @format; a new string. */
char *
cli_table_render(const WnTable *table, CliFormat format)
{
    switch (format) {
    case CLI_FORMAT_CSV:
        return wn_table_to_csv(table);
    case CLI_FORMAT_JSON:
        return wn_table_to_json(table);
    case CLI_FORMAT_TABLE:
        return render_aligned(table);
    }
    return g_strdup("");
}
