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

void
wn_table__add_ints(WnTable *table, const char *name, const gint64 *values,
                   const gboolean *missing)
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
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_ascii_formatd(buf, sizeof buf, "%.15g", c->doubles[row]);
        return g_strdup(strcmp(buf, "-0") == 0 ? "0" : buf);
    }
    }
    return g_strdup("");
}

/*
 * "%.15g" without printf, for the CSV of large tables. printf rounds the exact binary
 * value of a double to 15 significant digits, ties to even; round_to_15_digits does the
 * same in integer arithmetic, exactly, for 1e-13 ≤ x < 1e15 (the values tables hold).
 * Other values, and compilers without 128-bit integers, take g_ascii_formatd.
 */
#define G15_DIGITS 15
#define G15_LOW G_GUINT64_CONSTANT(100000000000000) /* 10^14: 15 digits */
#define G15_HIGH (10 * G15_LOW)

/* Writes @value in decimal into @buf (at least 21 bytes). Returns: the length. */
static gsize
format_int(char *buf, gint64 value)
{
    char digits[24];
    gsize n = 0, len = 0;
    guint64 v = value < 0 ? -(guint64) value : (guint64) value;
    do {
        digits[n++] = (char) ('0' + v % 10);
        v /= 10;
    } while (v > 0);
    if (value < 0) {
        buf[len++] = '-';
    }
    while (n > 0) {
        buf[len++] = digits[--n];
    }
    return len;
}

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 Wide;

/* 5^k for k = 0 … 27, the powers that fit in 64 bits */
static const guint64 pow5[] = {1,
                               5,
                               25,
                               125,
                               625,
                               3125,
                               15625,
                               78125,
                               390625,
                               1953125,
                               9765625,
                               48828125,
                               244140625,
                               1220703125,
                               6103515625,
                               30517578125,
                               152587890625,
                               762939453125,
                               3814697265625,
                               19073486328125,
                               95367431640625,
                               476837158203125,
                               2384185791015625,
                               11920928955078125,
                               59604644775390625,
                               298023223876953125,
                               1490116119384765625,
                               7450580596923828125};

/* For s > k: the integer part of m·2^−s·10^k, and in *rest_out whether the fraction is
 * below, at or above one half (−1, 0, 1). Exact: m < 2^53 and 5^k < 2^63, so m·5^k < 2^116. */
static guint64
scale(guint64 m, gint s, gint k, gint *rest_out)
{
    Wide n = (Wide) m * pow5[k]; /* the value is n·2^(k − s), and s > k */
    gint shift = s - k;
    Wide rest = n & (((Wide) 1 << shift) - 1), half = (Wide) 1 << (shift - 1);
    *rest_out = rest < half ? -1 : rest > half;
    return (guint64) (n >> shift);
}

/* For 0 < x: the 15 significant digits printf prints, as an integer in [10^14, 10^15),
 * and the decimal exponent of the first. Returns: FALSE when x is out of range. */
static gboolean
round_to_15_digits(double x, guint64 *digits_out, gint *exp_out)
{
    guint64 bits = 0;
    memcpy(&bits, &x, sizeof bits);
    gint biased = (gint) (bits >> 52); /* x > 0: no sign bit */
    if (biased == 0) {
        return FALSE; /* subnormal */
    }
    /* x = m·2^−s = f·2^exp2 with 0.5 ≤ f < 1 */
    guint64 m = (bits & ((G_GUINT64_CONSTANT(1) << 52) - 1)) | (G_GUINT64_CONSTANT(1) << 52);
    gint exp2 = biased - 1022, s = 53 - exp2;
    /* log10(2^(exp2 − 1)) rounded down: the exponent, or one below it */
    gint e = (gint) floor((exp2 - 1) * 0.30102999566398120);
    for (;;) {
        gint k = G15_DIGITS - 1 - e, rest = 0;
        if (k < 0 || k >= (gint) G_N_ELEMENTS(pow5) || s <= k) {
            return FALSE;
        }
        guint64 q = scale(m, s, k, &rest);
        if (q < G15_LOW || q >= G15_HIGH) {
            e += q < G15_LOW ? -1 : 1;
            continue;
        }
        q += rest > 0 || (rest == 0 && q % 2 == 1);
        *digits_out = q == G15_HIGH ? G15_LOW : q;
        *exp_out = q == G15_HIGH ? e + 1 : e;
        return TRUE;
    }
}
#else
static gboolean
round_to_15_digits(double x, guint64 *digits_out, gint *exp_out)
{
    (void) x, (void) digits_out, (void) exp_out;
    return FALSE;
}
#endif

/* Lays out 15 digits with decimal exponent @e as %g does: trailing zeros of the
 * fraction dropped, exponent form below 1e-4 and from 1e15. Returns: the length. */
static gsize
place_digits(char *buf, guint64 digits, gint e)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    char d[G15_DIGITS];
    for (gint i = G15_DIGITS - 1; i > 0; i -= 2, digits /= 100) { /* two digits at a time */
        memcpy(d + i - 1, pairs + 2 * (digits % 100), 2);
    }
    d[0] = (char) ('0' + digits);
    gint n = G15_DIGITS;
    while (n > 1 && d[n - 1] == '0') {
        n--;
    }
    gboolean exponent_form = e < -4 || e >= G15_DIGITS;
    gint whole = exponent_form ? 1 : MAX(e + 1, 0); /* digits before the point */
    gsize len = 0;
    if (whole == 0) {
        buf[len++] = '0';
        buf[len++] = '.';
        for (gint i = 0; i < -e - 1; i++) {
            buf[len++] = '0';
        }
    }
    for (gint i = 0; i < n || i < whole; i++) {
        if (i == whole && whole > 0) {
            buf[len++] = '.';
        }
        buf[len++] = d[i];
    }
    if (exponent_form) { /* |e| ≤ 15 here: two digits, as printf writes at least two */
        buf[len++] = 'e';
        buf[len++] = e < 0 ? '-' : '+';
        buf[len++] = (char) ('0' + ABS(e) / 10);
        buf[len++] = (char) ('0' + ABS(e) % 10);
    }
    return len;
}

/* Writes a finite @x into @buf (G_ASCII_DTOSTR_BUF_SIZE bytes) as wn_table_cell_to_string
 * does: "%.15g", with "0" for −0. Returns: the length. */
static gsize
format_g15(char *buf, double x)
{
    if (x == floor(x) && fabs(x) < (double) G15_HIGH) {
        return format_int(buf, (gint64) x);
    }
    guint64 digits = 0;
    gint e = 0;
    if (!round_to_15_digits(fabs(x), &digits, &e)) {
        g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", x);
        return strlen(buf);
    }
    gsize sign = x < 0 ? 1 : 0;
    buf[0] = '-';
    return sign + place_digits(buf + sign, digits, e);
}

/* Appends one cell as wn_table_cell_to_string writes it, quoted as RFC 4180 requires. */
static void
append_csv_cell(GString *out, const TableColumn *c, gsize row)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    switch (c->kind) {
    case WN_COLUMN_STRING:
        wn_table_append_csv_cell(out, c->strings[row]); /* NULL: empty */
        return;
    case WN_COLUMN_INT:
        if (c->missing == NULL || !c->missing[row]) {
            g_string_append_len(out, buf, (gssize) format_int(buf, c->ints[row]));
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
 * missing cells are empty, other cells as wn_table_cell_to_string writes them. Blocks
 * of rows are formatted on one thread per processor and joined in row order, so the
 * text does not depend on the number of processors.
 * Returns: a new string.
 * Cost: O(rows · columns), over the threads; the text is held twice while joined.
 */
char *
wn_table_to_csv(const WnTable *table)
{
    GString *text = wn_kernel__format_rows(table->rows + 1, 0, append_csv_line, table);
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
 * wn_table_append_csv_cell:
 * Appends @text as one CSV cell as wn_table_to_csv writes it, and Python's csv module
 * (QUOTE_MINIMAL, RFC 4180): in double quotes, inner quotes doubled, when it holds a
 * comma, a quote or a line break; as it is otherwise. NULL (missing) is an empty cell.
 */
void
wn_table_append_csv_cell(GString *out, const char *text)
{
    if (text == NULL) {
        return;
    }
    if (strpbrk(text, ",\"\r\n") == NULL) {
        g_string_append(out, text);
        return;
    }
    g_string_append_c(out, '"');
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '"') {
            g_string_append_c(out, '"');
        }
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}
