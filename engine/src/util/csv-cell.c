/* csv-cell.c: one CSV cell, quoted when it must be, with optional guards */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

#include <math.h>
#include <string.h>

/* The first characters a spreadsheet may read as the start of a formula (OWASP's "CSV
 * injection"): '=', '+', '-', '@', tab and carriage return. */
#define FORMULA_STARTS "=+-@\t\r"

/* Skips the digits at @p. Returns: how many there were. */
static gsize
skip_digits(char **p)
{
    gsize n = 0;
    for (; g_ascii_isdigit(**p); (*p)++) {
        n++;
    }
    return n;
}

/*
 * TRUE when the @len bytes at @text are a finite decimal number as docs/FORMAT.md reads
 * one and wijknet writes one: an optional minus sign, digits with an optional decimal point
 * (at least one digit), an optional exponent (`e` or `E`, a sign, digits); with `;` as
 * @delimiter the decimal point may be a comma. Nothing else: no leading `+` (wijknet writes
 * no number so, and a spreadsheet would turn `+31…` into another number or a formula), no
 * spaces, no `inf`, no hexadecimal. Cost: O(@len).
 */
static gboolean
is_number(const char *text, gsize len, char delimiter)
{
    g_autofree char *copy = g_strndup(text, len);
    char *p = copy + (*copy == '-');
    gsize digits = skip_digits(&p);
    if (*p == '.' || (*p == ',' && delimiter == ';')) {
        *p = '.';
        p++;
        digits += skip_digits(&p);
    }
    if (digits == 0) {
        return FALSE;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        p += *p == '+' || *p == '-';
        if (skip_digits(&p) == 0) {
            return FALSE;
        }
    }
    return *p == '\0' && isfinite(g_ascii_strtod(copy, NULL));
}

/* Where the guard looks: the first character, or with WN_CSV_CELL_AS_READ the first
 * after leading spaces and tabs (which a reader trims). */
static const char *
guarded_start(const char *text, WnCsvCellGuards guards)
{
    if ((guards & WN_CSV_CELL_AS_READ) != 0) {
        text += strspn(text, " \t");
    }
    return text;
}

/* TRUE when @start (in a cell that may end in spaces and tabs with WN_CSV_CELL_AS_READ)
 * is text a spreadsheet would run as a formula: it begins with one of FORMULA_STARTS
 * and is not a number. */
static gboolean
is_formula(const char *start, char delimiter, WnCsvCellGuards guards)
{
    if (start[0] == '\0' || strchr(FORMULA_STARTS, start[0]) == NULL) {
        return FALSE;
    }
    gsize len = strlen(start);
    while ((guards & WN_CSV_CELL_AS_READ) != 0 && len > 0 &&
           (start[len - 1] == ' ' || start[len - 1] == '\t')) {
        len--;
    }
    return !is_number(start, len, delimiter);
}

/* TRUE when the cell gets a leading ': it would run as a formula, or (unless it is
 * WN_CSV_CELL_AS_READ, already escaped) it begins with a ' that a reader would take
 * for an escape: ' followed by ' or one of FORMULA_STARTS. */
static gboolean
needs_escape(const char *text, char delimiter, WnCsvCellGuards guards)
{
    if ((guards & WN_CSV_CELL_GUARD_FORMULA) == 0) {
        return FALSE;
    }
    const char *start = guarded_start(text, guards);
    if (is_formula(start, delimiter, guards)) {
        return TRUE;
    }
    return (guards & WN_CSV_CELL_AS_READ) == 0 && start[0] == '\'' && start[1] != '\0' &&
           strchr("'" FORMULA_STARTS, start[1]) != NULL;
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
           ((guards & WN_CSV_CELL_GUARD_COMMENT) && text[0] == '#');
}

/**
 * wn_csv_cell__append:
 * Appends @text as one CSV cell with @delimiter between cells, as RFC 4180 and Python's
 * csv module (QUOTE_MINIMAL) write it: in double quotes, inner quotes doubled, when it
 * holds the delimiter, a quote or a line break; as it is otherwise. @guards add reasons
 * to quote: WN_CSV_CELL_ANY_DELIMITER (',' and ';' both, for a reader that detects the
 * delimiter) and WN_CSV_CELL_GUARD_COMMENT (a leading '#', which a reader may skip as a
 * comment). WN_CSV_CELL_GUARD_FORMULA escapes (docs/FORMAT.md, "CSV rules"): text that
 * begins with '=', '+', '-', '@', a tab or a carriage return and is not a number (is_number)
 * gets a leading ', so that a spreadsheet shows it as text and runs nothing; so does text
 * that begins with ' followed by ' or one of those, so that a reader that drops such a '
 * gets the text back. With WN_CSV_CELL_AS_READ @text is a cell
 * as a file held it, escaped already: only a formula is escaped, looking past (and
 * keeping) leading spaces and tabs. The ' goes inside the quotes when the cell has them.
 * NULL (a missing value) is an empty cell. The delimiter itself is not appended.
 * Cost: O(length of @text).
 */
void
wn_csv_cell__append(GString *out, const char *text, char delimiter, WnCsvCellGuards guards)
{
    if (text == NULL) {
        return;
    }
    gboolean escape = needs_escape(text, delimiter, guards);
    gboolean quote = needs_quotes(text, delimiter, guards);
    const char *start = escape ? guarded_start(text, guards) : text;
    if (quote) {
        g_string_append_c(out, '"');
    }
    g_string_append_len(out, text, start - text);
    if (escape) {
        g_string_append_c(out, '\'');
    }
    if (!quote) {
        g_string_append(out, start);
        return;
    }
    for (const char *p = start; *p != '\0'; p++) {
        if (*p == '"') {
            g_string_append_c(out, '"');
        }
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}
