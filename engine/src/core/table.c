/* table.c: WnTable, the typed columns every command prints, and its CSV and JSON forms */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core.h"

#include <math.h>

typedef struct {
    char *name;
    WnColumnKind kind;
    char **strings;    /* WN_COLUMN_STRING; NULL = missing */
    gint64 *ints;      /* WN_COLUMN_INT */
    gboolean *missing; /* WN_COLUMN_INT; NULL = none missing */
    double *doubles;   /* WN_COLUMN_DOUBLE; NaN = missing */
} TableColumn;

struct _WnTable {
    gsize rows;
    GPtrArray *columns; /* of TableColumn */
};

static void
column_free(gpointer data)
{
    TableColumn *c = data; /* its strings are freed by wn_table_free, which knows the rows */
    g_free(c->name);
    g_free(c->ints);
    g_free(c->missing);
    g_free(c->doubles);
    g_free(c);
}

WnTable *
wn_table__new(gsize rows)
{
    WnTable *t = g_new0(WnTable, 1);
    t->rows = rows;
    t->columns = g_ptr_array_new_with_free_func(column_free);
    return t;
}

/**
 * wn_table_free:
 * Frees a table and every cell in it. Accepts NULL.
 */
void
wn_table_free(WnTable *table)
{
    if (table == NULL) {
        return;
    }
    for (guint j = 0; j < table->columns->len; j++) {
        TableColumn *c = g_ptr_array_index(table->columns, j);
        if (c->strings != NULL) {
            for (gsize i = 0; i < table->rows; i++) {
                g_free(c->strings[i]);
            }
            g_free(c->strings);
        }
    }
    g_ptr_array_unref(table->columns);
    g_free(table);
}

static TableColumn *
add_column(WnTable *table, const char *name, WnColumnKind kind)
{
    TableColumn *c = g_new0(TableColumn, 1);
    c->name = g_strdup(name);
    c->kind = kind;
    g_ptr_array_add(table->columns, c);
    return c;
}

void
wn_table__add_strings(WnTable *table, const char *name, const char *const *values)
{
    TableColumn *c = add_column(table, name, WN_COLUMN_STRING);
    c->strings = g_new0(char *, table->rows + 1);
    for (gsize i = 0; i < table->rows; i++) {
        c->strings[i] = g_strdup(values[i]);
    }
}

#define STRINGS_PER_TASK 4096

typedef struct {
    WnStringFunc make;
    gconstpointer data;
    char **strings;
} MakeJob;

/* The cells of rows @first … @last − 1, each by @make into its own slot. */
static void
make_range(gsize first, gsize last, guint worker, gpointer data)
{
    (void) worker;
    const MakeJob *job = data;
    for (gsize r = first; r < last; r++) {
        job->strings[r] = job->make(r, job->data);
    }
}

/**
 * wn_table__make_strings:
 * Adds a string column whose cell in each row r is @make(r, @data) (transfer full; NULL =
 * missing), made over one thread per processor, each cell by one thread: @make must only
 * read what it shares, and the column does not depend on the number of threads.
 */
void
wn_table__make_strings(WnTable *table, const char *name, WnStringFunc make, gconstpointer data)
{
    MakeJob job = {make, data, g_new0(char *, table->rows + 1)};
    wn_parallel__run_ranges(0, table->rows, STRINGS_PER_TASK, 0, make_range, &job);
    add_column(table, name, WN_COLUMN_STRING)->strings = job.strings;
}

void
wn_table__add_ints(WnTable *table, const char *name, const gint64 *values, const gboolean *missing)
{
    TableColumn *c = add_column(table, name, WN_COLUMN_INT);
    c->ints = g_memdup2(values, table->rows * sizeof *values);
    if (missing != NULL) {
        c->missing = g_memdup2(missing, table->rows * sizeof *missing);
    }
}

void
wn_table__add_doubles(WnTable *table, const char *name, const double *values)
{
    TableColumn *c = add_column(table, name, WN_COLUMN_DOUBLE);
    c->doubles = g_memdup2(values, table->rows * sizeof *values);
}

static const TableColumn *
column_at(const WnTable *table, gsize column)
{
    g_return_val_if_fail(column < table->columns->len, NULL);
    return g_ptr_array_index(table->columns, column);
}

gsize
wn_table_row_count(const WnTable *table)
{
    return table->rows;
}

gsize
wn_table_column_count(const WnTable *table)
{
    return table->columns->len;
}

const char *
wn_table_column_name(const WnTable *table, gsize column)
{
    return column_at(table, column)->name;
}

WnColumnKind
wn_table_column_kind(const WnTable *table, gsize column)
{
    return column_at(table, column)->kind;
}

/**
 * wn_table_column_lookup:
 * Finds a column by its exact name.
 * Returns: TRUE and its index in @column_out when there is one.
 */
gboolean
wn_table_column_lookup(const WnTable *table, const char *name, gsize *column_out)
{
    for (guint j = 0; j < table->columns->len; j++) {
        if (g_strcmp0(column_at(table, j)->name, name) == 0) {
            *column_out = j;
            return TRUE;
        }
    }
    return FALSE;
}

/**
 * wn_table_cell_is_missing:
 * A missing cell has no value: an empty string cell, an int cell marked missing, or a
 * double cell that is NaN (a measure undefined for that node). Outputs show it as an
 * empty CSV cell, JSON null, or blank in a table; never as "NaN".
 */
gboolean
wn_table_cell_is_missing(const WnTable *table, gsize row, gsize column)
{
    const TableColumn *c = column_at(table, column);
    g_return_val_if_fail(row < table->rows, TRUE);
    switch (c->kind) {
    case WN_COLUMN_STRING:
        return c->strings[row] == NULL;
    case WN_COLUMN_INT:
        return c->missing != NULL && c->missing[row];
    case WN_COLUMN_DOUBLE:
        return !isfinite(c->doubles[row]);
    }
    return TRUE;
}

const char *
wn_table_cell_string(const WnTable *table, gsize row, gsize column)
{
    const TableColumn *c = column_at(table, column);
    g_return_val_if_fail(c->kind == WN_COLUMN_STRING && row < table->rows, NULL);
    return c->strings[row];
}

gint64
wn_table_cell_int(const WnTable *table, gsize row, gsize column)
{
    const TableColumn *c = column_at(table, column);
    g_return_val_if_fail(c->kind == WN_COLUMN_INT && row < table->rows, 0);
    return c->ints[row];
}

double
wn_table_cell_double(const WnTable *table, gsize row, gsize column)
{
    const TableColumn *c = column_at(table, column);
    g_return_val_if_fail(c->kind == WN_COLUMN_DOUBLE && row < table->rows, NAN);
    return c->doubles[row];
}

/* Writes a finite @x into @buf as a table shows it: "%.15g", with "0" for −0.
 * Returns: the length. */
static gsize
format_g15(char buf[WN_NUMBER_TEXT_SIZE], double x)
{
    return wn_number__format_g15(buf, x == 0 ? 0.0 : x);
}

/**
 * wn_table_cell_to_string:
 * The cell as text: strings as they are, integers in decimal, doubles with 15
 * significant digits (%.15g, enough to agree with any reference within 1e-12).
 * Returns: a new string, "" for a missing cell.
 */
char *
wn_table_cell_to_string(const WnTable *table, gsize row, gsize column)
{
    const TableColumn *c = column_at(table, column);
    if (wn_table_cell_is_missing(table, row, column)) {
        return g_strdup("");
    }
    switch (c->kind) {
    case WN_COLUMN_STRING:
        return g_strdup(c->strings[row]);
    case WN_COLUMN_INT:
        return g_strdup_printf("%" G_GINT64_FORMAT, c->ints[row]);
    case WN_COLUMN_DOUBLE: {
        char buf[WN_NUMBER_TEXT_SIZE];
        return g_strndup(buf, format_g15(buf, c->doubles[row]));
    }
    }
    return g_strdup("");
}

/* Appends one cell as wn_table_cell_to_string writes it, quoted as RFC 4180 requires. */
static void
append_csv_cell(GString *out, const TableColumn *c, gsize row)
{
    char buf[WN_NUMBER_TEXT_SIZE];
    switch (c->kind) {
    case WN_COLUMN_STRING:
        wn_table_append_csv_cell(out, c->strings[row]); /* NULL: empty */
        return;
    case WN_COLUMN_INT:
        if (c->missing == NULL || !c->missing[row]) {
            g_string_append_len(out, buf, (gssize) wn_number__format_int(buf, c->ints[row]));
        }
        return;
    case WN_COLUMN_DOUBLE:
        if (isfinite(c->doubles[row])) {
            g_string_append_len(out, buf, (gssize) format_g15(buf, c->doubles[row]));
        }
        return;
    }
}

/* Line @line of the CSV: the header for 0, then row @line − 1. */
static void
append_csv_line(GString *out, gsize line, gconstpointer data)
{
    const WnTable *table = data;
    for (guint j = 0; j < table->columns->len; j++) {
        const TableColumn *c = g_ptr_array_index(table->columns, j);
        if (j > 0) {
            g_string_append_c(out, ',');
        }
        if (line == 0) {
            wn_table_append_csv_cell(out, c->name);
        } else {
            append_csv_cell(out, c, line - 1);
        }
    }
    g_string_append_c(out, '\n');
}

/**
 * wn_table_to_csv:
 * The table as RFC 4180 CSV with a header line, `,` as delimiter, LF line ends;
 * missing cells are empty, other cells as wn_table_cell_to_string writes them, text
 * escaped for spreadsheets as wn_table_append_csv_cell does. Blocks
 * of rows are formatted on one thread per processor and joined in row order, so the
 * text does not depend on the number of processors.
 * Returns: a new string.
 * Cost: O(rows · columns), over the threads; the text is held twice while joined.
 */
char *
wn_table_to_csv(const WnTable *table)
{
    GString *text = wn_format__rows(table->rows + 1, 0, append_csv_line, table);
    return g_string_free(text, FALSE);
}

static cJSON *
cell_to_json(const WnTable *table, gsize row, gsize column)
{
    const TableColumn *c = column_at(table, column);
    if (wn_table_cell_is_missing(table, row, column)) {
        return cJSON_CreateNull();
    }
    switch (c->kind) {
    case WN_COLUMN_STRING:
        return cJSON_CreateString(c->strings[row]);
    case WN_COLUMN_INT:
        return cJSON_CreateNumber((double) c->ints[row]);
    case WN_COLUMN_DOUBLE:
        return cJSON_CreateNumber(c->doubles[row]);
    }
    return cJSON_CreateNull();
}

/**
 * wn_table_to_json:
 * The table as a JSON array with one object per row, keys in column order;
 * missing cells are null (never NaN, which JSON cannot carry).
 * Returns: a new string, ending in a newline.
 */
char *
wn_table_to_json(const WnTable *table)
{
    g_autoptr(cJSON) rows = cJSON_CreateArray();
    for (gsize i = 0; i < table->rows; i++) {
        cJSON *row = cJSON_CreateObject();
        for (guint j = 0; j < table->columns->len; j++) {
            cJSON_AddItemToObject(row, column_at(table, j)->name, cell_to_json(table, i, j));
        }
        cJSON_AddItemToArray(rows, row);
    }
    char *text = cJSON_Print(rows);
    g_autofree char *out = g_strconcat(text, "\n", NULL);
    cJSON_free(text);
    return g_steal_pointer(&out);
}

/**
 * wn_names__lookup:
 * Finds @name among the @n @names of a table of names (an enum's, in its order).
 * Returns: TRUE and its index in @index_out when it is there; FALSE (and @index_out
 * untouched) when it is not or @name is NULL.
 */
gboolean
wn_names__lookup(const char *const *names, gsize n, const char *name, gsize *index_out)
{
    for (gsize i = 0; i < n; i++) {
        if (g_strcmp0(name, names[i]) == 0) {
            *index_out = i;
            return TRUE;
        }
    }
    return FALSE;
}

/**
 * wn_table_append_csv_cell:
 * Appends @text as one CSV cell as wn_table_to_csv writes it, and Python's csv module
 * (QUOTE_MINIMAL, RFC 4180): in double quotes, inner quotes doubled, when it holds a
 * comma, a quote or a line break; as it is otherwise. Safe for spreadsheets
 * (docs/FORMAT.md, "CSV rules"): text that begins with '=', '+', '-', '@', a tab or a
 * carriage return and is not a number gets a leading ' (so does text that begins with '
 * and one of those, so that the escape can be undone). NULL (missing) is an empty cell.
 */
void
wn_table_append_csv_cell(GString *out, const char *text)
{
    wn_csv_cell__append(out, text, ',', WN_CSV_CELL_GUARD_FORMULA);
}
