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

/**
 * cli_render_sections:
 * @n tables under their @names: as a table each under its title, as JSON one object with
 * a key per name, as CSV only the first; with @part (a name) that one alone.
 * Returns: (transfer full): the text, or NULL when @part names no section.
 */
char *
cli_render_sections(const char *const *names, const char *const *section_titles,
                    const WnTable *const *tables, gsize n, const char *part, CliFormat format)
{
    g_autoptr(GString) out = g_string_new(format == CLI_FORMAT_JSON && part == NULL ? "{\n" : "");
    gboolean found = part == NULL;
    for (gsize i = 0; i < n; i++) {
        if ((part != NULL && g_strcmp0(part, names[i]) != 0) ||
            (part == NULL && format == CLI_FORMAT_CSV && i > 0)) {
            continue;
        }
        found = TRUE;
        g_autofree char *body = cli_table_render(tables[i], format);
        if (part != NULL || format == CLI_FORMAT_CSV) {
            g_string_append(out, body);
        } else if (format == CLI_FORMAT_JSON) {
            g_strchomp(body);
            g_autofree char *key = g_strdelimit(g_strdup(names[i]), "-", '_');
            g_string_append_printf(out, "\"%s\": %s%s\n", key, body, i + 1 < n ? "," : "");
        } else {
            g_string_append_printf(out, "%s%s\n%s", i > 0 ? "\n" : "", section_titles[i], body);
        }
    }
    if (format == CLI_FORMAT_JSON && part == NULL) {
        g_string_append(out, "}\n");
    }
    return found ? g_string_free(g_steal_pointer(&out), FALSE) : NULL;
}
