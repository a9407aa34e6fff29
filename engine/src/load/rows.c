/* rows.c: the rows of a CSV file or of an import, with the place of each cell for messages */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

#include <string.h>

#define WN_MESSAGE_CELL_CHARS 40 /* a cell quoted in a message is cut after this many */

/* Reports a bad row: fatal, or listed and passed over with WN_LOAD_SKIP_BAD_ROWS. */
static gboolean
row_failed(WnLoader *l, GError *row_error, GError **error)
{
    if ((l->flags & WN_LOAD_SKIP_BAD_ROWS) != 0) {
        g_ptr_array_add(l->net->skipped, g_strdup(row_error->message));
        g_error_free(row_error);
        return TRUE;
    }
    g_propagate_error(error, row_error);
    return FALSE;
}

/* Trims the known cells of the current CSV record (in place) into l->cells. */
static void
take_csv_cells(WnLoader *l)
{
    l->import = NULL;
    for (gsize k = 0; k < l->n_known; k++) {
        gssize f = l->header.known[k];
        l->cells[k] = f < 0 ? "" : wn_load__trim(wn_csv__field(&l->csv, (gsize) f));
    }
}

static void
take_import_cells(WnLoader *l, const WnLoadRow *row)
{
    l->import = row;
    for (gsize k = 0; k < l->n_known; k++) {
        l->cells[k] = row->cells[k] != NULL ? row->cells[k] : "";
    }
}

/**
 * wn_load__cell_error:
 * Sets an error about the cell of @column in the current row: "PATH:LINE:COLUMN: WHAT"
 * for a file's row (the line the cell starts on, the 1-based field), "WHERE: WHAT" for an
 * import's, WHERE being where the cell (or else the row) is in the user's file.
 */
void
wn_load__cell_error(const WnLoader *l, GError **error, gint code, gsize column, const char *format,
                    ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *what = g_strdup_vprintf(format, args);
    va_end(args);
    if (l->import != NULL) {
        const char *where = l->import->where[column];
        g_set_error(error, WN_ERROR, code, "%s: %s", where != NULL ? where : l->import->row_where,
                    what);
        return;
    }
    gsize field = (gsize) l->header.known[column] + 1;
    wn_csv__set_error(&l->csv, error, code, wn_csv__field_line(&l->csv, field - 1), field, "%s",
                      what);
}

/* Where the current row is, for a warning: a file's path and line, or an import's place
 * with line 0 (the place says it all). */
void
wn_load__row_place(const WnLoader *l, const char **path_out, gsize *line_out)
{
    *path_out = l->import != NULL ? l->import->row_where : l->csv.path;
    *line_out = l->import != NULL ? 0 : l->csv.record_line;
}

/* Quotes a cell for a message, cut after WN_MESSAGE_CELL_CHARS characters. */
char *
wn_load__describe_cell(const char *text)
{
    if (*text == '\0') {
        return g_strdup("an empty cell");
    }
    const char *cut = text;
    for (gsize i = 0; i < WN_MESSAGE_CELL_CHARS && *cut != '\0'; i++) {
        cut = g_utf8_next_char(cut);
    }
    return g_strdup_printf("\"%.*s%s\"", (int) (cut - text), text, *cut != '\0' ? "…" : "");
}

/* Sets "PLACE: expected @expected, got "CELL"" for the cell @text of @column. */
void
wn_load__cell_error_got(const WnLoader *l, GError **error, gint code, gsize column,
                        const char *expected, const char *text)
{
    g_autofree char *got = wn_load__describe_cell(text);
    wn_load__cell_error(l, error, code, column, "expected %s, got %s", expected, got);
}

/* Refuses a file's row with more fields than the header (an import's rows have none). */
gboolean
wn_load__check_field_count(const WnLoader *l, GError **error)
{
    if (l->import != NULL) {
        return TRUE;
    }
    gsize found = wn_csv__field_count(&l->csv);
    if (found > l->header.fields) {
        wn_csv__set_error(&l->csv, error, WN_ERROR_PARSE, l->csv.record_line, l->header.fields + 1,
                          "expected %" G_GSIZE_FORMAT
                          " fields as in the header, got %" G_GSIZE_FORMAT
                          " (is a decimal comma or a delimiter unquoted?)",
                          l->header.fields, found);
        return FALSE;
    }
    return TRUE;
}

/* Keeps the current row's extra cells as attribute values (NULL when empty). */
void
wn_load__keep_extra_cells(WnLoader *l)
{
    for (guint j = 0; j < l->header.extra_fields->len; j++) {
        gsize f = g_array_index(l->header.extra_fields, gsize, j);
        const char *text =
            l->import != NULL ? l->import->extra[j] : wn_load__trim(wn_csv__field(&l->csv, f));
        text = text != NULL ? text : "";
        const char *kept =
            *text == '\0' ? NULL : g_string_chunk_insert_const(l->net->strings, text);
        g_array_append_val(g_ptr_array_index(l->header.extra_values, j), kept);
    }
}

#define WN_BOM "\xEF\xBB\xBF"

static void
set_bom_error(GError **error, const char *where)
{
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                "%s: expected a byte-order mark (U+FEFF) only at the start of the file, got one "
                "inside a cell (were two files joined?)",
                where);
}

/* The CSV rules of a record, for an import's row: no byte-order mark in a cell, at most
 * WN_CSV_MAX_RECORD_BYTES of cells (each counted with its end, as the CSV reader keeps them). */
static gboolean
check_import_row(const WnLoader *l, const WnLoadRow *row, GError **error)
{
    gsize bytes = 0;
    for (gsize k = 0; k < l->n_known; k++) {
        bytes += strlen(l->cells[k]) + 1;
        if (strstr(l->cells[k], WN_BOM) != NULL) {
            set_bom_error(error, row->where[k] != NULL ? row->where[k] : row->row_where);
            return FALSE;
        }
    }
    for (guint j = 0; j < l->header.extra_names->len; j++) {
        const char *text = row->extra[j] != NULL ? row->extra[j] : "";
        bytes += strlen(text) + 1;
        if (strstr(text, WN_BOM) != NULL) {
            set_bom_error(error, row->row_where);
            return FALSE;
        }
    }
    if (bytes > WN_CSV_MAX_RECORD_BYTES) {
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                    "%s: expected a record of at most %u bytes, got a longer one", row->row_where,
                    WN_CSV_MAX_RECORD_BYTES);
        return FALSE;
    }
    return TRUE;
}

/* The CSV rules of a header, for an import's columns: at most WN_CSV_MAX_FIELDS, and
 * no byte-order mark in a name. */
static gboolean
check_import_header(const WnLoader *l, const WnLoadTable *table, GError **error)
{
    gsize fields = table->n_names - (table->kept_known >= 0) + l->header.extra_names->len;
    if (fields > WN_CSV_MAX_FIELDS) {
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                    "%s: expected at most %u fields in a record, got more", l->source->path,
                    WN_CSV_MAX_FIELDS);
        return FALSE;
    }
    for (guint j = 0; j < l->header.extra_names->len; j++) {
        if (strstr(g_ptr_array_index(l->header.extra_names, j), WN_BOM) != NULL) {
            set_bom_error(error, l->source->path);
            return FALSE;
        }
    }
    return TRUE;
}

/* Checks an import's rows with @parse_row; the first error ends the import. */
static gboolean
import_rows(WnLoader *l, WnParseRowFunc parse_row, gpointer rows, GError **error)
{
    for (gsize i = 0; i < l->source->n; i++) {
        WnLoadRow row = {0};
        l->source->fill(l->source->data, i, &row);
        take_import_cells(l, &row);
        gboolean ok = check_import_row(l, &row, error) && parse_row(l, rows, error);
        l->import = NULL;
        if (!ok) {
            return FALSE;
        }
    }
    return TRUE;
}

/*
 * Reads the data rows (an import's, when l->source is set). A row error ends the load, or with
 * WN_LOAD_SKIP_BAD_ROWS is listed and the row passed over; a quoting error that spoiled one line
 * only is such a row error too (the reader resumes on the next line), any other CSV error is fatal.
 */
static gboolean
read_rows(WnLoader *l, WnParseRowFunc parse_row, gpointer rows, GError **error)
{
    if (l->source != NULL) {
        return import_rows(l, parse_row, rows, error);
    }
    for (;;) {
        gboolean done = FALSE;
        GError *row_error = NULL;
        gboolean ok = wn_csv__next(&l->csv, &done, &row_error);
        if (ok && done) {
            return TRUE;
        }
        if (!ok && !l->csv.can_skip) {
            g_propagate_error(error, row_error);
            return FALSE;
        }
        if (!ok) {
            wn_csv__skip_line(&l->csv);
        }
        ok = ok && wn_csv__check_utf8(&l->csv, &row_error);
        if (ok) {
            take_csv_cells(l);
            ok = parse_row(l, rows, &row_error);
        }
        if (!ok && !row_failed(l, row_error, error)) {
            return FALSE;
        }
    }
}

/* Reads the rows of @table after the header (or an import's rows) into l->net. */
static gboolean
read_table_rows(WnLoader *l, const WnLoadTable *table, GError **error)
{
    gpointer rows = table->rows_new(l);
    gboolean ok = read_rows(l, table->parse_row, rows, error);
    table->rows_finish(rows, ok ? l->net : NULL);
    return ok;
}

/**
 * wn_load__table:
 * Reads nodes.csv or ties.csv (@table) at @path into @net: its header, then its rows by
 * the fast path or one by one; or, with @source, an import's rows, checked by the same
 * rules, every error naming the user's file. The extra columns become attributes.
 * Returns: FALSE on error.
 */
gboolean
wn_load__table(WnNetwork *net, const WnLoadTable *table, const char *path, WnLoadFlags flags,
               const WnLoadSource *source, GError **error)
{
    WnLoader l = {.net = net, .flags = flags, .source = source};
    gboolean ok = FALSE;
    if (source != NULL) {
        wn_load__import_header(&l, table->n_names, source->extra_names, source->n_extra);
        ok = check_import_header(&l, table, error) && read_table_rows(&l, table, error);
    } else {
        ok = wn_csv__open(&l.csv, path, error) &&
             wn_load__read_header(&l, table->names, table->n_names, table->n_required,
                                  table->kept_known, error) &&
             (table->fast(&l, wn_chunks__default_bytes(l.csv.len)) ||
              read_table_rows(&l, table, error));
    }
    if (ok) {
        wn_load__move_extra_columns(&l, table->ties ? net->tie_attributes : net->node_attributes);
    }
    wn_loader__clear(&l);
    return ok;
}
