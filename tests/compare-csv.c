/* compare-csv.c: compares numeric columns of two CSV files, rows matched by `id` */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <glib.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A CSV file read whole: the header's cells and, per id, that row's cells. */
typedef struct {
    GPtrArray *header; /* of char * */
    GHashTable *rows;  /* id -> GPtrArray of char * */
    GPtrArray *ids;    /* in file order, borrowed from rows */
} Csv;

static void
csv_clear(Csv *csv)
{
    g_clear_pointer(&csv->header, g_ptr_array_unref);
    g_clear_pointer(&csv->rows, g_hash_table_unref);
    g_clear_pointer(&csv->ids, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Csv, csv_clear)

/* Splits one RFC 4180 record starting at *@p (quotes doubled inside quoted cells);
 * leaves *@p after its line end. */
static GPtrArray *
split_record(const char **p)
{
    GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GString) cell = g_string_new(NULL);
    gboolean quoted = FALSE;
    for (; **p != '\0'; (*p)++) {
        char c = **p;
        if (quoted && c == '"' && (*p)[1] == '"') {
            g_string_append_c(cell, '"');
            (*p)++;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == ',' || c == '\n')) {
            g_ptr_array_add(cells, g_strdup(cell->str));
            g_string_truncate(cell, 0);
            if (c == '\n') {
                (*p)++;
                return cells;
            }
        } else if (quoted || c != '\r') {
            g_string_append_c(cell, c);
        }
    }
    g_ptr_array_add(cells, g_strdup(cell->str));
    return cells;
}

static gssize
column_index(const GPtrArray *header, const char *name)
{
    for (guint j = 0; j < header->len; j++) {
        if (strcmp(g_ptr_array_index(header, j), name) == 0) {
            return j;
        }
    }
    return -1;
}

static gboolean
csv_read(const char *path, Csv *csv)
{
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;
    if (!g_file_get_contents(path, &text, NULL, &error)) {
        fprintf(stderr, "compare-csv: %s\n", error->message);
        return FALSE;
    }
    const char *p = text;
    csv->header = split_record(&p);
    csv->rows =
        g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
    csv->ids = g_ptr_array_new();
    gssize id = column_index(csv->header, "id");
    if (id < 0) {
        fprintf(stderr, "compare-csv: %s: no column named \"id\"\n", path);
        return FALSE;
    }
    while (*p != '\0') {
        g_autoptr(GPtrArray) cells = split_record(&p);
        if (cells->len == 1 && *(const char *) g_ptr_array_index(cells, 0) == '\0') {
            continue; /* an empty line */
        }
        char *key = cells->len > (guint) id ? g_ptr_array_index(cells, id) : NULL;
        if (key == NULL || g_hash_table_contains(csv->rows, key)) {
            fprintf(stderr, "compare-csv: %s: a row without an id, or a repeated id\n", path);
            return FALSE;
        }
        g_ptr_array_add(csv->ids, key);
        g_hash_table_insert(csv->rows, key, g_steal_pointer(&cells));
    }
    return TRUE;
}

/* An empty cell or "NaN" is a missing value; two missing values agree. */
static gboolean
cells_agree(const char *got, const char *want)
{
    gboolean got_missing = *got == '\0' || g_ascii_strcasecmp(got, "nan") == 0;
    gboolean want_missing = *want == '\0' || g_ascii_strcasecmp(want, "nan") == 0;
    if (got_missing || want_missing) {
        return got_missing && want_missing;
    }
    char *end_got = NULL, *end_want = NULL;
    double a = g_ascii_strtod(got, &end_got), b = g_ascii_strtod(want, &end_want);
    if (*end_got != '\0' || *end_want != '\0') {
        return strcmp(got, want) == 0;
    }
    return fabs(a - b) <= fmax(1e-9 * fabs(b), 1e-12);
}

static const char *
cell(const GPtrArray *row, gssize column)
{
    return row != NULL && (guint) column < row->len ? g_ptr_array_index(row, column) : NULL;
}

/* Compares one mapping "got_col=want_col" over every id of @want; returns mismatches. */
static gsize
compare_column(const Csv *got, const Csv *want, const char *mapping)
{
    g_auto(GStrv) names = g_strsplit(mapping, "=", 2);
    const char *want_name = names[1] != NULL ? names[1] : names[0];
    gssize g = column_index(got->header, names[0]), w = column_index(want->header, want_name);
    if (g < 0 || w < 0) {
        fprintf(stderr, "compare-csv: no column \"%s\"\n", g < 0 ? names[0] : want_name);
        return 1;
    }
    gsize mismatches = 0;
    for (guint i = 0; i < want->ids->len; i++) {
        const char *id = g_ptr_array_index(want->ids, i);
        const char *a = cell(g_hash_table_lookup(got->rows, id), g);
        const char *b = cell(g_hash_table_lookup(want->rows, id), w);
        if (a == NULL || !cells_agree(a, b)) {
            fprintf(stderr, "%s: id %s: got %s, want %s\n", mapping, id, a != NULL ? a : "(no row)",
                    b);
            mismatches++;
        }
    }
    return mismatches;
}

/*
 * compare-csv GOT.csv WANT.csv got_col=want_col …: matches rows by `id`, compares each
 * mapped column with a relative tolerance of 1e-9 (absolute 1e-12 near zero), prints
 * every mismatch and exits 1 on any (2 on bad usage or unreadable files).
 */
int
main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: compare-csv GOT.csv WANT.csv GOT_COL=WANT_COL…\n");
        return 2;
    }
    g_auto(Csv) got = {0};
    g_auto(Csv) want = {0};
    if (!csv_read(argv[1], &got) || !csv_read(argv[2], &want)) {
        return 2;
    }
    gsize mismatches = 0;
    if (got.ids->len != want.ids->len) {
        fprintf(stderr, "%s has %u rows, %s has %u\n", argv[1], got.ids->len, argv[2],
                want.ids->len);
        mismatches++;
    }
    for (int k = 3; k < argc; k++) {
        mismatches += compare_column(&got, &want, argv[k]);
    }
    printf("compare-csv: %u columns, %u rows, %" G_GSIZE_FORMAT " mismatches\n", (guint) (argc - 3),
           want.ids->len, mismatches);
    return mismatches == 0 ? 0 : 1;
}
