/* csv.c: the CSV rules of docs/FORMAT.md: BOM, `,` or `;`, RFC 4180 quotes, comments, empty lines
 */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

#include <string.h>

void
wn_csv__set_error(const WnCsv *csv, GError **error, gint code, gsize line, gsize column,
                  const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *what = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error(error, WN_ERROR, code, "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ": %s", csv->path,
                line, column, what);
}

/* Refuses what is certainly not UTF-8 text before any record is read. */
static gboolean
check_encoding(WnCsv *csv, GError **error)
{
    const guchar *d = (const guchar *) csv->data;
    if (csv->len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF))) {
        wn_csv__set_error(csv, error, WN_ERROR_PARSE, 1, 1,
                          "expected UTF-8 text, got UTF-16 (save the file as UTF-8 CSV)");
        return FALSE;
    }
    if (csv->len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF) {
        csv->pos = 3;
    }
    return TRUE;
}

/* `;` when the header line holds more of them than commas (outside quotes), else `,`. */
static char
detect_delimiter(const WnCsv *csv)
{
    gsize commas = 0, semicolons = 0;
    gboolean quoted = FALSE, at_line_start = TRUE;
    for (gsize i = csv->pos; i < csv->len; i++) {
        char c = csv->data[i];
        if (at_line_start && (c == '#' || c == '\n' || c == '\r')) {
            while (i < csv->len && csv->data[i] != '\n') { /* a comment or an empty line */
                i++;
            }
            continue;
        }
        at_line_start = FALSE;
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            break;
        } else if (!quoted) {
            commas += c == ',';
            semicolons += c == ';';
        }
    }
    return semicolons > commas ? ';' : ',';
}

/* Maps @path; GLib's message is replaced by one in the house style where we know better. */
static gboolean
map_file(WnCsv *csv, const char *path, GError **error)
{
    g_autoptr(GError) map_error = NULL;
    csv->file = wn_input__map(path, &map_error);
    if (csv->file != NULL) {
        return TRUE;
    }
    if (g_error_matches(map_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                    "%s: no such file (a dataset folder holds nodes.csv and ties.csv)", path);
    } else if (g_error_matches(map_error, G_FILE_ERROR, G_FILE_ERROR_ACCES)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_ACCES, "%s: permission denied", path);
    } else {
        g_propagate_error(error, g_steal_pointer(&map_error));
    }
    return FALSE;
}

/**
 * wn_csv__open:
 * Maps @path and prepares to read it. A missing or unreadable file is a GFileError
 * (G_FILE_ERROR_NOENT …) whose message names the path; a folder where the file should
 * be is G_FILE_ERROR_ISDIR.
 */
gboolean
wn_csv__open(WnCsv *csv, const char *path, GError **error)
{
    memset(csv, 0, sizeof *csv);
    csv->path = path;
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "%s: expected a file, got a folder",
                    path);
        return FALSE;
    }
    if (!map_file(csv, path, error)) {
        return FALSE;
    }
    csv->data = g_mapped_file_get_contents(csv->file);
    csv->len = g_mapped_file_get_length(csv->file);
    csv->line = 1;
    csv->cells = g_string_sized_new(256);
    /* room for one field past the limit, which check_record_size then refuses */
    csv->starts = g_array_sized_new(FALSE, FALSE, sizeof(guint32), WN_CSV_MAX_FIELDS + 1);
    csv->lines = g_array_sized_new(FALSE, FALSE, sizeof(gsize), WN_CSV_MAX_FIELDS + 1);
    if (!check_encoding(csv, error)) {
        return FALSE;
    }
    csv->delimiter = detect_delimiter(csv);
    return TRUE;
}

void
wn_csv__clear(WnCsv *csv)
{
    g_clear_pointer(&csv->file, g_mapped_file_unref);
    if (csv->cells != NULL) {
        g_string_free(csv->cells, TRUE);
    }
    g_clear_pointer(&csv->starts, g_array_unref);
    g_clear_pointer(&csv->lines, g_array_unref);
    csv->cells = NULL;
}

static gboolean
at_line_end(const WnCsv *csv)
{
    return csv->pos >= csv->len || csv->data[csv->pos] == '\n' || csv->data[csv->pos] == '\r';
}

/* Moves past one line end (LF, CRLF or a lone CR). */
static void
skip_line_end(WnCsv *csv)
{
    if (csv->pos < csv->len && csv->data[csv->pos] == '\r') {
        csv->pos++;
    }
    if (csv->pos < csv->len && csv->data[csv->pos] == '\n') {
        csv->pos++;
    }
    csv->line++;
}

/* Skips empty lines and comments; TRUE while a record follows. */
static gboolean
skip_to_record(WnCsv *csv)
{
    while (csv->pos < csv->len) {
        char c = csv->data[csv->pos];
        if (c == '#') {
            while (!at_line_end(csv)) {
                csv->pos++;
            }
            skip_line_end(csv);
        } else if (c == '\n' || c == '\r') {
            skip_line_end(csv);
        } else {
            return TRUE;
        }
    }
    return FALSE;
}

static gboolean
check_record_size(const WnCsv *csv, GError **error)
{
    if (csv->cells->len > WN_CSV_MAX_RECORD_BYTES) {
        wn_csv__set_error(csv, error, WN_ERROR_PARSE, csv->record_line, csv->starts->len,
                          "expected a record of at most %u bytes, got a longer one",
                          WN_CSV_MAX_RECORD_BYTES);
        return FALSE;
    }
    if (csv->starts->len > WN_CSV_MAX_FIELDS) {
        wn_csv__set_error(csv, error, WN_ERROR_PARSE, csv->record_line, csv->starts->len,
                          "expected at most %u fields in a record, got more", WN_CSV_MAX_FIELDS);
        return FALSE;
    }
    return TRUE;
}

static gboolean
check_byte(const WnCsv *csv, char c, GError **error)
{
    if (c == '\0') {
        wn_csv__set_error(csv, error, WN_ERROR_PARSE, csv->line, csv->starts->len,
                          "expected UTF-8 text, got a NUL byte (is the file UTF-16 or binary?)");
        return FALSE;
    }
    return TRUE;
}

/* Names the character at the reading position for a message: "x", or a byte that is no text. */
static void
describe_char(const WnCsv *csv, char *buf, gsize size)
{
    const char *at = csv->data + csv->pos;
    gunichar c = g_utf8_get_char_validated(at, (gssize) (csv->len - csv->pos));
    if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0 || !g_unichar_isprint(c)) {
        g_snprintf(buf, size, "byte 0x%02X", (guchar) *at);
        return;
    }
    char utf8[8] = {0};
    g_unichar_to_utf8(c, utf8);
    g_snprintf(buf, size, "\"%s\"", utf8);
}

/* Reads a quoted field from its opening quote up to the character after its closing one. */
static gboolean
read_quoted(WnCsv *csv, GError **error)
{
    gsize open_line = csv->line;
    csv->pos++;
    for (;;) {
        if (csv->pos >= csv->len) {
            wn_csv__set_error(csv, error, WN_ERROR_PARSE, open_line, csv->starts->len,
                              "expected a closing quote for the field opened here, got the end "
                              "of the file");
            return FALSE;
        }
        char c = csv->data[csv->pos++];
        if (c == '"' && csv->pos < csv->len && csv->data[csv->pos] == '"') {
            csv->pos++;
        } else if (c == '"') {
            break;
        } else if (c == '\n' ||
                   (c == '\r' && (csv->pos >= csv->len || csv->data[csv->pos] != '\n'))) {
            csv->line++;
        } else if (!check_byte(csv, c, error)) {
            return FALSE;
        }
        g_string_append_c(csv->cells, c);
        if (csv->cells->len > WN_CSV_MAX_RECORD_BYTES) {
            return check_record_size(csv, error);
        }
    }
    if (!at_line_end(csv) && csv->data[csv->pos] != csv->delimiter) {
        char got[16];
        describe_char(csv, got, sizeof got);
        wn_csv__set_error(csv, error, WN_ERROR_PARSE, csv->line, csv->starts->len,
                          "expected '%c' or the end of the line after a closing quote, got %s "
                          "(double a quote inside a quoted field)",
                          csv->delimiter, got);
        csv->can_skip = TRUE;
        return FALSE;
    }
    return TRUE;
}

/* TRUE for the bytes that end a plain run: line ends, quotes and NUL (the delimiter aside). */
static gboolean
ends_plain_run(char c)
{
    return c == '\n' || c == '\r' || c == '"' || c == '\0';
}

static gboolean
read_plain(WnCsv *csv, GError **error)
{
    const char *d = csv->data;
    gsize end = csv->pos;
    while (end < csv->len && d[end] != csv->delimiter && !ends_plain_run(d[end])) {
        end++;
    }
    g_string_append_len(csv->cells, d + csv->pos, (gssize) (end - csv->pos));
    csv->pos = end;
    if (end < csv->len && d[end] == '"') {
        csv->pos++;
        wn_csv__set_error(csv, error, WN_ERROR_PARSE, csv->line, csv->starts->len,
                          "expected a quote only at the start of a field, got one inside an "
                          "unquoted field (enclose the field in quotes and double the quote)");
        csv->can_skip = TRUE;
        return FALSE;
    }
    if (end < csv->len && d[end] == '\0') {
        csv->pos++;
        return check_byte(csv, '\0', error);
    }
    return csv->cells->len <= WN_CSV_MAX_RECORD_BYTES || check_record_size(csv, error);
}

/* TRUE when no cell of the record has a byte above 0x7F: then all is UTF-8, without BOM. */
static gboolean
record_is_ascii(const WnCsv *csv)
{
    guchar any = 0;
    for (gsize i = 0; i < csv->cells->len; i++) {
        any |= (guchar) csv->cells->str[i];
    }
    return any < 0x80;
}

/**
 * wn_csv__check_utf8:
 * Refuses a record with a cell that is not UTF-8, naming the first bad byte, or that
 * holds a byte-order mark (U+FEFF): docs/FORMAT.md allows one only at the start of the file,
 * and one further on means two files were joined. A row error, so it can be skipped.
 */
gboolean
wn_csv__check_utf8(const WnCsv *csv, GError **error)
{
    if (record_is_ascii(csv)) {
        return TRUE;
    }
    for (guint f = 0; f < csv->starts->len; f++) {
        const char *cell = wn_csv__field(csv, f);
        const char *bad = NULL;
        if (!g_utf8_validate(cell, -1, &bad)) {
            wn_csv__set_error(csv, error, WN_ERROR_PARSE, wn_csv__field_line(csv, f), f + 1,
                              "expected UTF-8 text, got byte 0x%02X (save the file as UTF-8 CSV, "
                              "not ANSI or Windows-1252)",
                              (guchar) *bad);
            return FALSE;
        }
        if (strstr(cell, "\xEF\xBB\xBF") != NULL) {
            wn_csv__set_error(csv, error, WN_ERROR_PARSE, wn_csv__field_line(csv, f), f + 1,
                              "expected a byte-order mark (U+FEFF) only at the start of the "
                              "file, got one inside a cell (were two files joined?)");
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
read_field(WnCsv *csv, GError **error)
{
    /* stored in place: wn_csv__open reserved room for every field check_record_size allows */
    g_assert(csv->starts->len <= WN_CSV_MAX_FIELDS);
    g_array_index(csv->starts, guint32, csv->starts->len++) = (guint32) csv->cells->len;
    g_array_index(csv->lines, gsize, csv->lines->len++) = csv->line;
    if (!check_record_size(csv, error)) {
        return FALSE;
    }
    gboolean ok = csv->pos < csv->len && csv->data[csv->pos] == '"' ? read_quoted(csv, error)
                                                                    : read_plain(csv, error);
    g_string_append_c(csv->cells, '\0');
    return ok;
}

static gboolean
record_is_blank(const WnCsv *csv)
{
    for (gsize i = 0; i < csv->cells->len; i++) {
        char c = csv->cells->str[i];
        if (c != '\0' && c != ' ' && c != '\t') {
            return FALSE;
        }
    }
    return TRUE;
}

/**
 * wn_csv__next:
 * Reads the next record, skipping empty lines, comments and records whose cells are
 * all blank (the `;;;` rows spreadsheets leave at the end).
 * Returns: FALSE on a parse error (csv->can_skip tells whether wn_csv__skip_line can
 * resume after it); TRUE with *done_out set at the end of the file.
 */
gboolean
wn_csv__next(WnCsv *csv, gboolean *done_out, GError **error)
{
    csv->can_skip = FALSE;
    for (;;) {
        g_string_truncate(csv->cells, 0);
        csv->starts->len = 0;
        csv->lines->len = 0;
        if (!skip_to_record(csv)) {
            *done_out = TRUE;
            return TRUE;
        }
        csv->record_line = csv->line;
        for (;;) {
            if (!read_field(csv, error)) {
                return FALSE;
            }
            if (at_line_end(csv)) {
                break;
            }
            csv->pos++; /* the delimiter */
        }
        skip_line_end(csv);
        if (!record_is_blank(csv)) {
            *done_out = FALSE;
            return TRUE;
        }
    }
}

/**
 * wn_csv__skip_line:
 * After an error that spoiled one line only (csv->can_skip), moves to the next line,
 * so that skip-bad-rows mode can go on reading.
 */
void
wn_csv__skip_line(WnCsv *csv)
{
    while (!at_line_end(csv)) {
        csv->pos++;
    }
    skip_line_end(csv);
}

/**
 * wn_csv__estimate_records:
 * Guesses how many records are left from the length of the next line, for sizing
 * containers; at most one per 16 bytes, so a short first line cannot ask for much.
 */
gsize
wn_csv__estimate_records(const WnCsv *csv)
{
    gsize left = csv->len - csv->pos;
    const char *eol = memchr(csv->data + csv->pos, '\n', left);
    gsize line = eol != NULL ? (gsize) (eol - (csv->data + csv->pos)) + 1 : left;
    return MIN(left / MAX(line, 16), (gsize) G_MAXUINT32);
}

gsize
wn_csv__field_count(const WnCsv *csv)
{
    return csv->starts->len;
}

/* Returns: the field's text, or "" past the end of the record. */
const char *
wn_csv__field(const WnCsv *csv, gsize field)
{
    if (field >= csv->starts->len) {
        return "";
    }
    return csv->cells->str + g_array_index(csv->starts, guint32, field);
}

gsize
wn_csv__field_line(const WnCsv *csv, gsize field)
{
    if (field >= csv->lines->len) {
        return csv->record_line;
    }
    return g_array_index(csv->lines, gsize, field);
}
