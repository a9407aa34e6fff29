/* header.c: the header line of a CSV file: known columns, extra ones kept as attributes */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

#include <string.h>

/* Frees what the loader holds (not the network). */
void
wn_loader__clear(WnLoader *l)
{
    wn_csv__clear(&l->csv);
    g_clear_pointer(&l->header.extra_fields, g_array_unref);
    g_clear_pointer(&l->header.extra_values, g_ptr_array_unref);
    g_clear_pointer(&l->header.extra_names, g_ptr_array_unref);
}

/* Trims surrounding spaces and tabs in place (cells live in the reader's buffer), then
 * undoes a spreadsheet escape (wn_load__unescape). The same cell gives the same text however
 * often it is trimmed. */
char *
wn_load__trim(const char *cell)
{
    char *s = (char *) cell;
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    char *end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t')) {
        *--end = '\0';
    }
    return (char *) wn_load__unescape(s);
}

/* Refuses a column name given twice (names compare case-insensitively, trimmed). */
static gboolean
check_unique_column(const WnCsv *csv, gsize field, const char *name, GError **error)
{
    for (gsize f = 0; f < field; f++) {
        if (strcmp(wn_load__trim(wn_csv__field(csv, f)), name) == 0) {
            wn_csv__set_error(csv, error, WN_ERROR_PARSE, csv->record_line, field + 1,
                              "expected each column name once, got \"%s\" again (also column "
                              "%" G_GSIZE_FORMAT ")",
                              name, f + 1);
            return FALSE;
        }
    }
    return TRUE;
}

static void
free_values(gpointer values)
{
    if (values != NULL) {
        g_array_unref(values);
    }
}

static void
init_header(WnLoader *l, gsize n_known)
{
    WnLoadHeader *h = &l->header;
    l->n_known = n_known;
    h->extra_fields = g_array_new(FALSE, FALSE, sizeof(gsize));
    h->extra_values = g_ptr_array_new_with_free_func(free_values);
    h->extra_names = g_ptr_array_new_with_free_func(g_free);
    for (gsize k = 0; k < G_N_ELEMENTS(h->known); k++) {
        h->known[k] = -1;
    }
}

/* Tells the empty file from one with only comments and empty lines. */
static void
set_no_header_error(const WnLoader *l, const char *const *names, GError **error)
{
    gboolean empty = l->csv.len == 0 || (l->csv.len == 3 && (guchar) l->csv.data[0] == 0xEF);
    wn_csv__set_error(&l->csv, error, WN_ERROR_PARSE, 1, 1,
                      "expected a header line naming the columns (%s, %s, …), got %s", names[0],
                      names[1], empty ? "an empty file" : "only comments and empty lines");
}

/* Reads the header record and checks it is UTF-8; TRUE with the fields in l->csv. */
static gboolean
read_header_record(WnLoader *l, const char *const *names, GError **error)
{
    gboolean done = FALSE;
    if (!wn_csv__next(&l->csv, &done, error)) {
        return FALSE;
    }
    if (done) {
        set_no_header_error(l, names, error);
        return FALSE;
    }
    return wn_csv__check_utf8(&l->csv, error);
}

/* Adds @name as an extra column whose cells are kept as attributes (docs/FORMAT.md). */
static void
add_extra_column(WnLoadHeader *h, gsize field, const char *name)
{
    g_array_append_val(h->extra_fields, field);
    g_ptr_array_add(h->extra_names, g_strdup(name));
    g_ptr_array_add(h->extra_values, g_array_new(FALSE, FALSE, sizeof(const char *)));
}

/* Files one header field: a known column, an extra one, or both (@kept_known: a known
 * column whose cells are also kept as an attribute, such as support_kind). */
static gboolean
add_header_column(WnLoader *l, gsize field, const char *const *names, gsize n_names,
                  gssize kept_known, GError **error)
{
    char *name = wn_load__trim(wn_csv__field(&l->csv, field));
    for (char *p = name; *p != '\0'; p++) {
        *p = g_ascii_tolower(*p);
    }
    if (*name == '\0') {
        wn_csv__set_error(&l->csv, error, WN_ERROR_PARSE, l->csv.record_line, field + 1,
                          "expected a column name, got an empty cell");
        return FALSE;
    }
    if (!check_unique_column(&l->csv, field, name, error)) {
        return FALSE;
    }
    gsize k = 0;
    while (k < n_names && strcmp(names[k], name) != 0) {
        k++;
    }
    if (k < n_names) {
        l->header.known[k] = (gssize) field;
    }
    if (k == n_names || (gssize) k == kept_known) {
        add_extra_column(&l->header, field, name);
    }
    return TRUE;
}

/* Names the columns the header has, for the message about a missing one. */
static char *
join_header(const WnLoader *l)
{
    g_autoptr(GString) joined = g_string_new(NULL);
    for (gsize f = 0; f < l->header.fields; f++) {
        g_string_append_printf(joined, "%s%s", f > 0 ? ", " : "",
                               wn_load__trim(wn_csv__field(&l->csv, f)));
    }
    return g_string_free(g_steal_pointer(&joined), FALSE);
}

static gboolean
check_required_columns(const WnLoader *l, const char *const *names, gsize n_required,
                       GError **error)
{
    for (gsize k = 0; k < n_required; k++) {
        if (l->header.known[k] < 0) {
            g_autofree char *found = join_header(l);
            wn_csv__set_error(&l->csv, error, WN_ERROR_PARSE, l->csv.record_line, 1,
                              "expected a column named \"%s\" in the header, got %s", names[k],
                              found);
            return FALSE;
        }
    }
    return TRUE;
}

/*
 * Reads the header: column names are trimmed and compared case-insensitively; the
 * first @n_required of @names must be present; unknown columns become attributes.
 */
gboolean
wn_load__read_header(WnLoader *l, const char *const *names, gsize n_names, gsize n_required,
                     gssize kept_known, GError **error)
{
    if (!read_header_record(l, names, error)) {
        return FALSE;
    }
    WnLoadHeader *h = &l->header;
    init_header(l, n_names);
    h->fields = wn_csv__field_count(&l->csv);
    for (gsize f = 0; f < h->fields; f++) {
        if (!add_header_column(l, f, names, n_names, kept_known, error)) {
            return FALSE;
        }
    }
    return check_required_columns(l, names, n_required, error);
}

/* Hands the extra columns over to @columns as attributes, in file order. */
void
wn_load__move_extra_columns(WnLoader *l, GPtrArray *columns)
{
    for (guint j = 0; j < l->header.extra_fields->len; j++) {
        WnColumn *c = g_new0(WnColumn, 1);
        c->name = g_strdup(g_ptr_array_index(l->header.extra_names, j));
        GArray *values = g_ptr_array_index(l->header.extra_values, j);
        g_ptr_array_index(l->header.extra_values, j) = NULL;
        c->values = (const char **) (void *) g_array_free(values, FALSE);
        g_ptr_array_add(columns, c);
    }
}

/**
 * wn_load__import_header:
 * Sets @l up for an import's rows (wn_load__import_rows): @n_known known columns, and
 * @extra_names (each once, none a known column's) kept as attributes, in lower case as a
 * file's header would give them.
 */
void
wn_load__import_header(WnLoader *l, gsize n_known, const char *const *extra_names, gsize n_extra)
{
    init_header(l, n_known);
    for (gsize j = 0; j < n_extra; j++) {
        g_autofree char *name = g_ascii_strdown(extra_names[j], -1);
        add_extra_column(&l->header, j, name);
    }
}
