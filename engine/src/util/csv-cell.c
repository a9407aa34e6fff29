/* csv-cell.c: one CSV cell, quoted when it must be, with optional guards */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

#include <string.h>

/* TRUE when a spreadsheet would run @text as a formula (OWASP's "CSV injection"). */
static gboolean
looks_like_formula(const char *text)
{
    return text[0] != '\0' && strchr("=+-@\t\r", text[0]) != NULL;
}

/* TRUE when @text cannot stand unquoted: it holds the delimiter (',' or ';' with
 * WN_CSV_CELL_ANY_DELIMITER), a quote or a line break, or a guard asks for quotes. */
static gboolean
needs_quotes(const char *text, char delimiter, WnCsvCellGuards guards)
{
    char special[] = {delimiter, '"', '\r', '\n', ',', ';', '\0'};
    if ((guards & WN_CSV_CELL_ANY_DELIMITER) == 0) {
        special[4] = '\0';
    }
    return strpbrk(text, special) != NULL ||
           ((guards & WN_CSV_CELL_GUARD_COMMENT) && text[0] == '#') ||
           ((guards & WN_CSV_CELL_GUARD_FORMULA) && looks_like_formula(text));
}

/**
 * wn_csv_cell__append:
 * Appends @text as one CSV cell with @delimiter between cells, as RFC 4180 and Python's
 * csv module (QUOTE_MINIMAL) write it: in double quotes, inner quotes doubled, when it
 * holds the delimiter, a quote or a line break; as it is otherwise. @guards add reasons
 * to quote: WN_CSV_CELL_ANY_DELIMITER (',' and ';' both, for a reader that detects the
 * delimiter), WN_CSV_CELL_GUARD_COMMENT (a leading '#', which a reader may skip as a
 * comment) and WN_CSV_CELL_GUARD_FORMULA (a leading '=', '+', '-', '@', tab or CR: the
 * cell becomes '… in quotes, so that a spreadsheet shows it as text and runs nothing).
 * NULL (a missing value) is an empty cell. The delimiter itself is not appended.
 * Cost: O(length of @text).
 */
void
wn_csv_cell__append(GString *out, const char *text, char delimiter, WnCsvCellGuards guards)
{
    if (text == NULL) {
        return;
    }
    if (!needs_quotes(text, delimiter, guards)) {
        g_string_append(out, text);
        return;
    }
    g_string_append_c(out, '"');
    if ((guards & WN_CSV_CELL_GUARD_FORMULA) && looks_like_formula(text)) {
        g_string_append_c(out, '\'');
    }
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '"') {
            g_string_append_c(out, '"');
        }
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}
