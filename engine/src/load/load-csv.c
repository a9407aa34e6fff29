/* load-csv.c: the fieldwork loader (FORMAT.md): nodes.csv, ties.csv and dataset.json */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WN_MESSAGE_CELL_CHARS 40 /* a cell quoted in a message is cut after this many */

static const char *const node_columns[WN_NODE_COLUMNS] = {"id",  "type", "label",     "area",
                                                          "lat", "lon",  "vulnerable"};
static const char *const tie_columns[WN_TIE_COLUMNS] = {"source", "target", "type", "weight",
                                                        "support_kind"};

static void
loader_clear(WnLoader *l)
{
    wn_csv__clear(&l->csv);
    g_clear_pointer(&l->header.extra_fields, g_array_unref);
    g_clear_pointer(&l->header.extra_values, g_ptr_array_unref);
    g_clear_pointer(&l->header.extra_names, g_ptr_array_unref);
}

/* Trims surrounding spaces and tabs in place (cells live in the reader's buffer). */
static char *
trim(const char *cell)
{
    char *s = (char *) cell;
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    char *end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t')) {
        *--end = '\0';
    }
    return s;
}

/* Refuses a column name given twice (names compare case-insensitively, trimmed). */
static gboolean
check_unique_column(const WnCsv *csv, gsize field, const char *name, GError **error)
{
    for (gsize f = 0; f < field; f++) {
        if (strcmp(trim(wn_csv__field(csv, f)), name) == 0) {
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

/* Adds @name as an extra column whose cells are kept as attributes (FORMAT.md). */
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
    char *name = trim(wn_csv__field(&l->csv, field));
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
        g_string_append_printf(joined, "%s%s", f > 0 ? ", " : "", trim(wn_csv__field(&l->csv, f)));
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
static gboolean
read_header(WnLoader *l, const char *const *names, gsize n_names, gsize n_required,
            gssize kept_known, GError **error)
{
    if (!read_header_record(l, names, error)) {
        return FALSE;
    }
    WnLoadHeader *h = &l->header;
    h->fields = wn_csv__field_count(&l->csv);
    h->extra_fields = g_array_new(FALSE, FALSE, sizeof(gsize));
    h->extra_values = g_ptr_array_new_with_free_func(free_values);
    h->extra_names = g_ptr_array_new_with_free_func(g_free);
    for (gsize k = 0; k < n_names; k++) {
        h->known[k] = -1;
    }
    for (gsize f = 0; f < h->fields; f++) {
        if (!add_header_column(l, f, names, n_names, kept_known, error)) {
            return FALSE;
        }
    }
    return check_required_columns(l, names, n_required, error);
}

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

static const char *
cell(const WnLoader *l, gsize column)
{
    gssize f = l->header.known[column];
    return f < 0 ? "" : trim(wn_csv__field(&l->csv, (gsize) f));
}

static gsize
field_of(const WnLoader *l, gsize column)
{
    return (gsize) l->header.known[column] + 1;
}

static void cell_error(const WnLoader *l, GError **error, gint code, gsize column,
                       const char *format, ...) G_GNUC_PRINTF(5, 6);

static void
cell_error(const WnLoader *l, GError **error, gint code, gsize column, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *what = g_strdup_vprintf(format, args);
    va_end(args);
    gsize field = field_of(l, column);
    wn_csv__set_error(&l->csv, error, code, wn_csv__field_line(&l->csv, field - 1), field, "%s",
                      what);
}

/* Quotes a cell for a message, cut after WN_MESSAGE_CELL_CHARS characters. */
static char *
describe_cell(const char *text)
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

/* Sets "PATH:LINE:COLUMN: expected @expected, got "CELL"" for the cell @text of @column. */
static void
cell_error_got(const WnLoader *l, GError **error, gint code, gsize column, const char *expected,
               const char *text)
{
    g_autofree char *got = describe_cell(text);
    cell_error(l, error, code, column, "expected %s, got %s", expected, got);
}

/*
 * The common case of parse_number without strtod: [+-]digits[.digits] with at most 15
 * digits. The digits as an integer and the power of ten are exact doubles, so their
 * quotient is correctly rounded: the same double strtod gives.
 */
static gboolean
parse_short_decimal(const char *text, double *out)
{
    static const double powers[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const char *p = text + (*text == '-' || *text == '+');
    guint64 digits = 0;
    gsize n = 0, decimals = 0;
    gboolean point = FALSE;
    for (; *p != '\0'; p++) {
        if (*p == '.' && !point) {
            point = TRUE;
        } else if (g_ascii_isdigit(*p) && n < 15) {
            digits = 10 * digits + (guint64) (*p - '0');
            n++;
            decimals += point;
        } else {
            return FALSE;
        }
    }
    if (n == 0) {
        return FALSE;
    }
    double value = (double) digits / powers[decimals];
    *out = *text == '-' ? -value : value;
    return TRUE;
}

/**
 * wn_load__number:
 * Reads a decimal number: digits, sign, point (or comma when @delimiter is `;`), exponent.
 * Returns: FALSE when @text is not such a number or is not finite.
 * Cost: O(length of @text).
 */
gboolean
wn_load__number(const char *text, char delimiter, double *out)
{
    char buf[64];
    gsize len = strlen(text);
    if (len == 0 || len >= sizeof buf) {
        return FALSE;
    }
    for (gsize i = 0; i <= len; i++) {
        char c = text[i];
        buf[i] = c == ',' && delimiter == ';' ? '.' : c;
        if (c != '\0' && !g_ascii_isdigit(c) && strchr("+-.eE", buf[i]) == NULL) {
            return FALSE;
        }
    }
    if (parse_short_decimal(buf, out)) {
        return TRUE;
    }
    char *end = NULL;
    *out = g_ascii_strtod(buf, &end);
    return end != buf && *end == '\0' && isfinite(*out);
}

static gboolean
check_field_count(const WnLoader *l, GError **error)
{
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

static void
keep_extra_cells(WnLoader *l)
{
    for (guint j = 0; j < l->header.extra_fields->len; j++) {
        gsize f = g_array_index(l->header.extra_fields, gsize, j);
        const char *text = trim(wn_csv__field(&l->csv, f));
        const char *kept =
            *text == '\0' ? NULL : g_string_chunk_insert_const(l->net->strings, text);
        g_array_append_val(g_ptr_array_index(l->header.extra_values, j), kept);
    }
}

/* Hands the extra columns over to @columns as attributes, in file order. */
static void
move_extra_columns(WnLoader *l, GPtrArray *columns)
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

/* Node columns as they are read, handed to the network when the file is done. */
typedef struct {
    GArray *ids, *labels, *areas; /* const char * */
    GArray *kinds, *vulnerable;   /* guint8 */
    GArray *lat, *lon;            /* double */
    GArray *lines;                /* gsize: where each node was defined */
    WnConfusable folded;
} NodeRows;

static const struct {
    const char *name;
    WnNodeKind kind;
} node_kind_aliases[] = {
    {"resident", WN_NODE_RESIDENT},
    {"bewoner", WN_NODE_RESIDENT},
    {"professional", WN_NODE_PROFESSIONAL},
    {"group", WN_NODE_GROUP},
    {"groep", WN_NODE_GROUP},
    {"organisation", WN_NODE_ORGANISATION},
    {"organisatie", WN_NODE_ORGANISATION},
};

/* Reads a node type: a FORMAT.md name or a Dutch alias, in any case. */
gboolean
wn_load__node_kind(const char *text, guint8 *out)
{
    for (gsize i = 0; i < G_N_ELEMENTS(node_kind_aliases); i++) {
        if (g_ascii_strcasecmp(text, node_kind_aliases[i].name) == 0) {
            *out = (guint8) node_kind_aliases[i].kind;
            return TRUE;
        }
    }
    return FALSE;
}

/* Reads `vulnerable`: 1/0, true/false, yes/no, ja/nee in any case, or empty (no). */
gboolean
wn_load__flag(const char *text, guint8 *out)
{
    static const char *const yes[] = {"1", "true", "yes", "ja"};
    static const char *const no[] = {"", "0", "false", "no", "nee"};
    for (gsize i = 0; i < G_N_ELEMENTS(yes); i++) {
        if (g_ascii_strcasecmp(text, yes[i]) == 0) {
            *out = 1;
            return TRUE;
        }
    }
    for (gsize i = 0; i < G_N_ELEMENTS(no); i++) {
        if (g_ascii_strcasecmp(text, no[i]) == 0) {
            *out = 0;
            return TRUE;
        }
    }
    return FALSE;
}

/* Reads lat or lon: empty is unknown (NaN); otherwise a number within ±@limit. */
gboolean
wn_load__coordinate(const char *text, char delimiter, double limit, double *out)
{
    *out = NAN;
    return *text == '\0' || (wn_load__number(text, delimiter, out) && fabs(*out) <= limit);
}

static gboolean
parse_coordinate(const WnLoader *l, WnNodeColumn column, double limit, double *out, GError **error)
{
    const char *text = cell(l, column);
    if (!wn_load__coordinate(text, l->csv.delimiter, limit, out)) {
        g_autofree char *expected = g_strdup_printf(
            "%s in WGS84 degrees between -%g and %g",
            column == WN_NODE_COLUMN_LAT ? "a latitude" : "a longitude", limit, limit);
        cell_error_got(l, error, WN_ERROR_PARSE, column, expected, text);
        return FALSE;
    }
    return TRUE;
}

/* The key under which ids that differ only in case or normalisation meet, in @scratch;
 * ASCII ids (the common case) need neither normalising nor Unicode case folding. */
static void
fold_id(const char *id, GString *scratch)
{
    g_string_truncate(scratch, 0);
    const char *p = id;
    while (*p != '\0' && (guchar) *p < 0x80) {
        g_string_append_c(scratch, g_ascii_tolower(*p++));
    }
    if (*p == '\0') {
        return;
    }
    g_autofree char *normal = g_utf8_normalize(id, -1, G_NORMALIZE_ALL_COMPOSE);
    g_autofree char *folded = g_utf8_casefold(normal, -1);
    g_string_assign(scratch, folded);
}

/* Sizes @c for about @ids ids; it grows past that. */
void
wn_confusable__init(WnConfusable *c, gsize ids)
{
    c->scratch = g_string_new(NULL);
    c->other = g_string_new(NULL);
    c->capacity = 1024;
    while (c->capacity < 2 * ids) {
        c->capacity *= 2;
    }
    c->slots = wn_network__alloc_large(c->capacity * sizeof *c->slots, TRUE);
    c->used = 0;
}

void
wn_confusable__clear(WnConfusable *c)
{
    g_string_free(g_steal_pointer(&c->scratch), TRUE);
    g_string_free(g_steal_pointer(&c->other), TRUE);
    g_clear_pointer(&c->slots, g_free);
}

static void
confusable_grow(WnConfusable *c)
{
    WnConfusable old = *c;
    c->capacity *= 2;
    c->slots = wn_network__alloc_large(c->capacity * sizeof *c->slots, TRUE);
    for (gsize i = 0; i < old.capacity; i++) {
        if (old.slots[i].first != 0) {
            gsize slot = old.slots[i].hash & (c->capacity - 1);
            while (c->slots[slot].first != 0) {
                slot = (slot + 1) & (c->capacity - 1);
            }
            c->slots[slot] = old.slots[i];
        }
    }
    g_free(old.slots);
}

/**
 * wn_confusable__hash:
 * Returns: the hash of @id's folded key, using @scratch (FORMAT.md: ids that differ only
 * in case or Unicode normalisation draw a warning). Any thread may hash.
 * Cost: O(length of @id).
 */
guint32
wn_confusable__hash(const char *id, GString *scratch)
{
    fold_id(id, scratch);
    return wn_id__hash(scratch->str);
}

/**
 * wn_confusable__check:
 * Files the id @ids[@node], whose key hashes to @hash (wn_confusable__hash), under its
 * key. @ids holds every id filed before, by node; a slot keeps only the key's hash and
 * its first node, so that a million ids cost 16 MiB, and a matching hash folds both ids
 * again to compare their keys.
 * Returns: the first id filed under the same key, or NULL when @ids[@node] is the first.
 * Cost: O(1) expected, plus the length of the ids when a hash matches.
 */
const char *
wn_confusable__check(WnConfusable *c, const char *const *ids, gsize node, guint32 hash)
{
    gsize slot = hash & (c->capacity - 1);
    for (; c->slots[slot].first != 0; slot = (slot + 1) & (c->capacity - 1)) {
        const char *earlier = ids[c->slots[slot].first - 1];
        if (c->slots[slot].hash == hash) {
            fold_id(ids[node], c->scratch);
            fold_id(earlier, c->other);
            if (g_string_equal(c->other, c->scratch)) {
                return earlier;
            }
        }
    }
    c->slots[slot] = (WnFoldSlot){hash, (guint32) node + 1};
    if (2 * ++c->used > c->capacity) {
        confusable_grow(c);
    }
    return NULL;
}

/* Warns of a node @id (on @line of @path) filed under the same key as an earlier one. */
void
wn_load__warn_confusable(WnNetwork *net, const char *path, gsize line, const char *id,
                         const char *earlier)
{
    wn_network__add_warning(net,
                            "%s:%" G_GSIZE_FORMAT ": node id \"%s\" differs from \"%s\" only in "
                            "case or Unicode normalisation; they are different nodes",
                            path, line, id, earlier);
}

/* Warns of a node with lat or lon but not both. */
void
wn_load__warn_half_position(WnNetwork *net, const char *path, gsize line, const char *id)
{
    wn_network__add_warning(net,
                            "%s:%" G_GSIZE_FORMAT ": node \"%s\" has only one of lat and "
                            "lon; its position is unknown",
                            path, line, id);
}

/* ids that differ only in case or Unicode normalisation draw a warning (FORMAT.md);
 * @id is the last of rows->ids. */
static void
warn_if_confusable(WnLoader *l, NodeRows *rows, const char *id)
{
    const char *const *ids = (const char *const *) (void *) rows->ids->data;
    guint32 hash = wn_confusable__hash(id, rows->folded.scratch);
    const char *earlier = wn_confusable__check(&rows->folded, ids, rows->ids->len - 1, hash);
    if (earlier != NULL) {
        wn_load__warn_confusable(l->net, l->csv.path, l->csv.record_line, id, earlier);
    }
}

static gboolean
check_node_id(WnLoader *l, NodeRows *rows, const char *id, GError **error)
{
    if (*id == '\0') {
        cell_error_got(l, error, WN_ERROR_PARSE, WN_NODE_COLUMN_ID, "a node id", id);
        return FALSE;
    }
    gsize earlier = 0;
    if (wn_id_index__lookup(&l->net->index, id, wn_id__hash(id), &earlier)) {
        g_autofree char *got = describe_cell(id);
        cell_error(l, error, WN_ERROR_INVALID, WN_NODE_COLUMN_ID,
                   "expected a new node id, got %s again (first on line %" G_GSIZE_FORMAT ")", got,
                   g_array_index(rows->lines, gsize, earlier));
        return FALSE;
    }
    if (rows->ids->len >= WN_MAX_NODES) {
        cell_error(l, error, WN_ERROR_INVALID, WN_NODE_COLUMN_ID,
                   "expected at most %" G_GSIZE_FORMAT " nodes, got more", WN_MAX_NODES);
        return FALSE;
    }
    return TRUE;
}

/* The checked cells of a nodes.csv row. */
typedef struct {
    guint8 kind, vulnerable;
    double lat, lon; /* NaN when unknown */
} NodeCells;

static gboolean
parse_node_cells(WnLoader *l, NodeRows *rows, NodeCells *out, GError **error)
{
    const char *id = cell(l, WN_NODE_COLUMN_ID);
    if (!check_field_count(l, error) || !check_node_id(l, rows, id, error)) {
        return FALSE;
    }
    if (!wn_load__node_kind(cell(l, WN_NODE_COLUMN_TYPE), &out->kind)) {
        cell_error_got(l, error, WN_ERROR_PARSE, WN_NODE_COLUMN_TYPE,
                       "resident, professional, group or organisation (or bewoner, groep, "
                       "organisatie)",
                       cell(l, WN_NODE_COLUMN_TYPE));
        return FALSE;
    }
    if (!wn_load__flag(cell(l, WN_NODE_COLUMN_VULNERABLE), &out->vulnerable)) {
        cell_error_got(l, error, WN_ERROR_PARSE, WN_NODE_COLUMN_VULNERABLE,
                       "1/0, true/false, yes/no or ja/nee (or an empty cell)",
                       cell(l, WN_NODE_COLUMN_VULNERABLE));
        return FALSE;
    }
    if (!parse_coordinate(l, WN_NODE_COLUMN_LAT, 90, &out->lat, error) ||
        !parse_coordinate(l, WN_NODE_COLUMN_LON, 180, &out->lon, error)) {
        return FALSE;
    }
    if (!isnan(out->lat) != !isnan(out->lon)) {
        wn_load__warn_half_position(l->net, l->csv.path, l->csv.record_line, id);
    }
    return TRUE;
}

/* Adds a checked row: its strings move into the network's string chunk. */
static void
add_node(WnLoader *l, NodeRows *rows, const NodeCells *c)
{
    WnNetwork *net = l->net;
    const char *id = g_string_chunk_insert(net->strings, cell(l, WN_NODE_COLUMN_ID));
    const char *label = cell(l, WN_NODE_COLUMN_LABEL), *area = cell(l, WN_NODE_COLUMN_AREA);
    const char *kept_label = *label != '\0' ? g_string_chunk_insert(net->strings, label) : NULL;
    const char *kept_area = *area != '\0' ? g_string_chunk_insert_const(net->strings, area) : NULL;
    wn_id_index__add(&net->index, id, wn_id__hash(id), rows->ids->len); /* new: check_node_id */
    g_array_append_val(rows->ids, id);
    warn_if_confusable(l, rows, id);
    g_array_append_val(rows->labels, kept_label);
    g_array_append_val(rows->areas, kept_area);
    g_array_append_val(rows->kinds, c->kind);
    g_array_append_val(rows->vulnerable, c->vulnerable);
    g_array_append_val(rows->lat, c->lat);
    g_array_append_val(rows->lon, c->lon);
    g_array_append_val(rows->lines, l->csv.record_line);
    keep_extra_cells(l);
}

static gboolean
parse_node_row(WnLoader *l, NodeRows *rows, GError **error)
{
    NodeCells c = {0, 0, NAN, NAN};
    if (!parse_node_cells(l, rows, &c, error)) {
        return FALSE;
    }
    add_node(l, rows, &c);
    return TRUE;
}

static void
node_rows_init(NodeRows *rows)
{
    rows->ids = g_array_new(FALSE, FALSE, sizeof(const char *));
    rows->labels = g_array_new(FALSE, FALSE, sizeof(const char *));
    rows->areas = g_array_new(FALSE, FALSE, sizeof(const char *));
    rows->kinds = g_array_new(FALSE, FALSE, sizeof(guint8));
    rows->vulnerable = g_array_new(FALSE, FALSE, sizeof(guint8));
    rows->lat = g_array_new(FALSE, FALSE, sizeof(double));
    rows->lon = g_array_new(FALSE, FALSE, sizeof(double));
    rows->lines = g_array_new(FALSE, FALSE, sizeof(gsize));
    wn_confusable__init(&rows->folded, 0);
}

/* Moves the columns into the network; frees what is left. */
static void
node_rows_finish(NodeRows *rows, WnNetwork *net)
{
    if (net != NULL) {
        net->n = rows->ids->len;
        net->ids = (const char **) (void *) g_array_free(g_steal_pointer(&rows->ids), FALSE);
        net->labels = (const char **) (void *) g_array_free(g_steal_pointer(&rows->labels), FALSE);
        net->areas = (const char **) (void *) g_array_free(g_steal_pointer(&rows->areas), FALSE);
        net->kinds = (guint8 *) g_array_free(g_steal_pointer(&rows->kinds), FALSE);
        net->vulnerable = (guint8 *) g_array_free(g_steal_pointer(&rows->vulnerable), FALSE);
        net->lat = (double *) (void *) g_array_free(g_steal_pointer(&rows->lat), FALSE);
        net->lon = (double *) (void *) g_array_free(g_steal_pointer(&rows->lon), FALSE);
    }
    GArray *left[] = {rows->ids,        rows->labels, rows->areas, rows->kinds,
                      rows->vulnerable, rows->lat,    rows->lon,   rows->lines};
    for (gsize i = 0; i < G_N_ELEMENTS(left); i++) {
        if (left[i] != NULL) {
            g_array_unref(left[i]);
        }
    }
    wn_confusable__clear(&rows->folded);
}

/*
 * Reads the data rows. A row error ends the load, or with WN_LOAD_SKIP_BAD_ROWS is
 * listed and the row passed over; a quoting error that spoiled one line only is such a
 * row error too (the reader resumes on the next line), any other CSV error is fatal.
 */
static gboolean
read_rows(WnLoader *l, gboolean (*parse_row)(WnLoader *, gpointer, GError **), gpointer rows,
          GError **error)
{
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
        ok = ok && wn_csv__check_utf8(&l->csv, &row_error) && parse_row(l, rows, &row_error);
        if (!ok && !row_failed(l, row_error, error)) {
            return FALSE;
        }
    }
}

static gboolean
parse_node_row_cb(WnLoader *l, gpointer rows, GError **error)
{
    return parse_node_row(l, rows, error);
}

/* Reads the rows of nodes.csv one by one, after the header. */
static gboolean
read_node_rows(WnLoader *l, GError **error)
{
    NodeRows rows = {0};
    node_rows_init(&rows);
    gboolean ok = read_rows(l, parse_node_row_cb, &rows, error);
    node_rows_finish(&rows, ok ? l->net : NULL);
    return ok;
}

static gboolean
load_nodes(WnNetwork *net, const char *path, WnLoadFlags flags, GError **error)
{
    WnLoader l = {.net = net, .flags = flags};
    gboolean ok =
        wn_csv__open(&l.csv, path, error) &&
        read_header(&l, node_columns, WN_NODE_COLUMNS, 2, -1, error) &&
        (wn_load__nodes_fast(&l, wn_chunks__default_bytes(l.csv.len)) || read_node_rows(&l, error));
    if (ok) {
        move_extra_columns(&l, net->node_attributes);
    }
    loader_clear(&l);
    return ok;
}

/* WnPairMap (util/util.h): the reader's names for the map's calls */
static void
pair_map_init(WnPairMap *map, gsize expected)
{
    wn_pair_map__init(map, expected);
}

static guint32
pair_map_find_or_add(WnPairMap *map, guint64 key, guint32 value)
{
    return wn_pair_map__find_or_add(map, key, value);
}

static guint64
pair_key(guint32 a, guint32 b, gboolean ordered)
{
    return wn_pair_map__key(a, b, ordered);
}

typedef struct {
    GArray *from, *to; /* guint32 */
    GArray *kind;      /* guint8 */
    GArray *weight;    /* double */
    GArray *arc_weight;
    WnPairMap ties, arcs, conflicts;
} TieRows;

static const char *const support_kinds[] = {"practical", "emotional", "companionship", "advice"};

/* Reads a tie type: a FORMAT.md name in any case; empty is acquaintance. */
gboolean
wn_load__tie_kind(const char *text, guint8 *out)
{
    if (*text == '\0') {
        *out = WN_TIE_ACQUAINTANCE;
        return TRUE;
    }
    char first = g_ascii_tolower(*text);
    for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
        const char *name = wn_tie_kind_name((WnTieKind) k);
        if (name[0] == first && g_ascii_strcasecmp(text, name) == 0) {
            *out = (guint8) k;
            return TRUE;
        }
    }
    return FALSE;
}

static gboolean
is_support_kind(const char *part, gsize len)
{
    for (gsize k = 0; k < G_N_ELEMENTS(support_kinds); k++) {
        if (strlen(support_kinds[k]) == len &&
            g_ascii_strncasecmp(part, support_kinds[k], len) == 0) {
            return TRUE;
        }
    }
    return FALSE;
}

/**
 * wn_load__support_kind:
 * Checks each `|`-separated part of a support_kind cell in place (nothing is allocated
 * per cell); an empty part is allowed.
 * Returns: FALSE with the first unknown part, trimmed, in @bad_out and @bad_len_out.
 * Cost: O(length of @text).
 */
gboolean
wn_load__support_kind(const char *text, const char **bad_out, gsize *bad_len_out)
{
    const char *part = text;
    for (;;) {
        const char *end = strchr(part, '|');
        end = end != NULL ? end : part + strlen(part);
        const char *s = part, *e = end;
        while (s < e && (*s == ' ' || *s == '\t')) {
            s++;
        }
        while (e > s && (e[-1] == ' ' || e[-1] == '\t')) {
            e--;
        }
        if (e > s && !is_support_kind(s, (gsize) (e - s))) {
            *bad_out = s;
            *bad_len_out = (gsize) (e - s);
            return FALSE;
        }
        if (*end == '\0') {
            return TRUE;
        }
        part = end + 1;
    }
}

static gboolean
check_support_kind(const WnLoader *l, GError **error)
{
    const char *bad = NULL;
    gsize len = 0;
    if (wn_load__support_kind(cell(l, WN_TIE_COLUMN_SUPPORT_KIND), &bad, &len)) {
        return TRUE;
    }
    g_autofree char *part = g_strndup(bad, len);
    cell_error_got(l, error, WN_ERROR_PARSE, WN_TIE_COLUMN_SUPPORT_KIND,
                   "practical, emotional, companionship or advice (several separated by |)", part);
    return FALSE;
}

static gboolean
lookup_end(const WnLoader *l, WnTieColumn column, guint32 *out, GError **error)
{
    const char *id = cell(l, column);
    gsize node = 0;
    if (*id == '\0') {
        cell_error_got(l, error, WN_ERROR_PARSE, column, "a node id", id);
        return FALSE;
    }
    if (!wn_id_index__lookup(&l->net->index, id, wn_id__hash(id), &node)) {
        cell_error_got(l, error, WN_ERROR_INVALID, column, "a node id from nodes.csv", id);
        return FALSE;
    }
    *out = (guint32) node;
    return TRUE;
}

/* Reads a weight: a positive number; empty is 1 (FORMAT.md). */
gboolean
wn_load__weight(const char *text, char delimiter, double *out)
{
    *out = 1.0;
    return *text == '\0' || (wn_load__number(text, delimiter, out) && *out > 0);
}

static gboolean
parse_weight(const WnLoader *l, double *out, GError **error)
{
    const char *text = cell(l, WN_TIE_COLUMN_WEIGHT);
    if (!wn_load__weight(text, l->csv.delimiter, out)) {
        cell_error_got(l, error, WN_ERROR_PARSE, WN_TIE_COLUMN_WEIGHT,
                       l->csv.delimiter == ';' ? "a positive weight (decimal point or comma)"
                                               : "a positive weight",
                       text);
        return FALSE;
    }
    return TRUE;
}

/* Adds a row's weight to its tie, or starts a new tie; counts merged rows (FORMAT.md).
 * Refuses a row whose weight would make its pair's sum overflow to infinity. */
static gboolean
merge_tie(WnLoader *l, TieRows *rows, guint32 a, guint32 b, guint8 kind, double weight,
          GError **error)
{
    WnNetwork *net = l->net;
    guint32 next = rows->from->len;
    guint32 tie = pair_map_find_or_add(&rows->ties, pair_key(a, b, FALSE), next);
    if (tie == next) {
        g_array_append_val(rows->from, a);
        g_array_append_val(rows->to, b);
        g_array_append_val(rows->kind, kind);
        g_array_append_val(rows->weight, weight);
        keep_extra_cells(l);
    } else if (!isfinite(g_array_index(rows->weight, double, tie) + weight)) {
        cell_error(l, error, WN_ERROR_INVALID, WN_TIE_COLUMN_WEIGHT,
                   "expected the weights of a repeated pair to add up to at most %g, got more",
                   G_MAXDOUBLE);
        return FALSE;
    } else {
        g_array_index(rows->weight, double, tie) += weight;
    }
    if (!net->directed) {
        net->merged_rows += tie != next;
        return TRUE;
    }
    guint32 next_arc = rows->arc_weight->len;
    guint32 arc = pair_map_find_or_add(&rows->arcs, pair_key(a, b, TRUE), next_arc);
    if (arc == next_arc) {
        g_array_append_val(net->arcs, a);
        g_array_append_val(net->arcs, b);
        g_array_append_val(rows->arc_weight, weight);
    }
    net->merged_rows += arc != next_arc;
    return TRUE;
}

/**
 * wn_load__keep_conflict:
 * Keeps a conflict row aside: the first row of a pair adds the pair to the conflicts,
 * a later one is a merged row (FORMAT.md). @conflicts starts zeroed.
 * Cost: O(1) expected, amortised.
 */
void
wn_load__keep_conflict(WnNetwork *net, WnPairMap *conflicts, guint32 a, guint32 b)
{
    guint32 next = net->conflicts->len / 2;
    if (pair_map_find_or_add(conflicts, pair_key(a, b, FALSE), next) == next) {
        g_array_append_val(net->conflicts, a);
        g_array_append_val(net->conflicts, b);
    } else {
        net->merged_rows++;
    }
}

static gboolean
parse_tie_row(WnLoader *l, gpointer data, GError **error)
{
    TieRows *rows = data;
    guint32 a = 0, b = 0;
    guint8 kind = 0;
    double weight = 1;
    if (!check_field_count(l, error) || !lookup_end(l, WN_TIE_COLUMN_SOURCE, &a, error) ||
        !lookup_end(l, WN_TIE_COLUMN_TARGET, &b, error)) {
        return FALSE;
    }
    if (a == b) {
        g_autofree char *got = describe_cell(cell(l, WN_TIE_COLUMN_SOURCE));
        cell_error(l, error, WN_ERROR_INVALID, WN_TIE_COLUMN_TARGET,
                   "expected a target other than the source, got a tie from %s to itself", got);
        return FALSE;
    }
    if (!wn_load__tie_kind(cell(l, WN_TIE_COLUMN_TYPE), &kind)) {
        cell_error_got(l, error, WN_ERROR_PARSE, WN_TIE_COLUMN_TYPE,
                       "family, household, neighbour, friend, acquaintance, member, support, "
                       "collaboration, referral or conflict (or an empty cell)",
                       cell(l, WN_TIE_COLUMN_TYPE));
        return FALSE;
    }
    if (!parse_weight(l, &weight, error) || !check_support_kind(l, error)) {
        return FALSE;
    }
    if (kind == WN_TIE_CONFLICT) {
        wn_load__keep_conflict(l->net, &rows->conflicts, a, b);
    } else if (!merge_tie(l, rows, a, b, kind, weight, error)) {
        return FALSE;
    }
    l->net->tie_rows++;
    return TRUE;
}

static void
tie_rows_init(TieRows *rows)
{
    memset(rows, 0, sizeof *rows);
    rows->from = g_array_new(FALSE, FALSE, sizeof(guint32));
    rows->to = g_array_new(FALSE, FALSE, sizeof(guint32));
    rows->kind = g_array_new(FALSE, FALSE, sizeof(guint8));
    rows->weight = g_array_new(FALSE, FALSE, sizeof(double));
    rows->arc_weight = g_array_new(FALSE, FALSE, sizeof(double));
}

/* Sizes the tie columns and maps for about @expected rows, so that they rarely grow. */
static void
tie_rows_reserve(TieRows *rows, gboolean directed, gsize expected)
{
    g_array_set_size(g_array_set_size(rows->from, (guint) expected), 0);
    g_array_set_size(g_array_set_size(rows->to, (guint) expected), 0);
    g_array_set_size(g_array_set_size(rows->kind, (guint) expected), 0);
    g_array_set_size(g_array_set_size(rows->weight, (guint) expected), 0);
    wn_pair_map__clear(&rows->ties);
    pair_map_init(&rows->ties, expected);
    if (directed) {
        wn_pair_map__clear(&rows->arcs);
        pair_map_init(&rows->arcs, expected);
    }
}

static void
tie_rows_finish(TieRows *rows, WnNetwork *net)
{
    if (net != NULL) {
        net->m = rows->from->len;
        net->tie_from = (guint32 *) (void *) g_array_free(g_steal_pointer(&rows->from), FALSE);
        net->tie_to = (guint32 *) (void *) g_array_free(g_steal_pointer(&rows->to), FALSE);
        net->tie_kind = (guint8 *) g_array_free(g_steal_pointer(&rows->kind), FALSE);
        net->tie_weight = (double *) (void *) g_array_free(g_steal_pointer(&rows->weight), FALSE);
    }
    GArray *left[] = {rows->from, rows->to, rows->kind, rows->weight, rows->arc_weight};
    for (gsize i = 0; i < G_N_ELEMENTS(left); i++) {
        if (left[i] != NULL) {
            g_array_unref(left[i]);
        }
    }
    wn_pair_map__clear(&rows->ties);
    wn_pair_map__clear(&rows->arcs);
    wn_pair_map__clear(&rows->conflicts);
}

/* Reads the rows of ties.csv one by one, after the header. */
static gboolean
read_tie_rows(WnLoader *l, GError **error)
{
    TieRows rows;
    tie_rows_init(&rows);
    tie_rows_reserve(&rows, l->net->directed, wn_csv__estimate_records(&l->csv));
    gboolean ok = read_rows(l, parse_tie_row, &rows, error);
    tie_rows_finish(&rows, ok ? l->net : NULL);
    return ok;
}

static gboolean
load_ties(WnNetwork *net, const char *path, WnLoadFlags flags, GError **error)
{
    WnLoader l = {.net = net, .flags = flags};
    gboolean ok =
        wn_csv__open(&l.csv, path, error) &&
        read_header(&l, tie_columns, WN_TIE_COLUMNS, 2, WN_TIE_COLUMN_SUPPORT_KIND, error) &&
        (wn_load__ties_fast(&l, wn_chunks__default_bytes(l.csv.len)) || read_tie_rows(&l, error));
    if (ok) {
        move_extra_columns(&l, net->tie_attributes);
    }
    loader_clear(&l);
    return ok;
}

static gboolean
check_dataset_dir(const char *dir, GError **error)
{
    if (g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        return TRUE;
    }
    if (g_file_test(dir, G_FILE_TEST_EXISTS)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR,
                    "%s: expected a dataset folder with nodes.csv and ties.csv, got a file", dir);
        return FALSE;
    }
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                "%s: no such dataset folder (expected a folder with nodes.csv and ties.csv)", dir);
    return FALSE;
}

/**
 * wn_network_load:
 * Loads a dataset in the fieldwork format (FORMAT.md) from the folder @dir: nodes.csv,
 * ties.csv and, when present, dataset.json. Repeated ties are merged (weights added,
 * the first row's type kept); conflict ties are kept aside. Any error refuses the whole
 * dataset, unless @flags has WN_LOAD_SKIP_BAD_ROWS: then bad rows are left out and
 * listed by wn_network_skipped_rows() (a quoting error that spoils one line is such a
 * row; an unterminated quote, a NUL byte or a bad header still refuses the dataset).
 * Header-only files are a valid empty dataset. A missing file or folder is a
 * G_FILE_ERROR; bad content is WN_ERROR_PARSE or WN_ERROR_INVALID, "FILE:LINE:COLUMN: "
 * with FILE as @dir joined with the file name, LINE the physical line and COLUMN the
 * 1-based field.
 * Returns: (transfer full): the network, or NULL on error.
 * Files without quotes are read over threads (load-fast-nodes.c, load-fast-ties.c), to the
 * same network. The wall seconds of each part are kept for --timings (load_seconds).
 * Cost: one pass over each file; O(n + m) memory.
 */
WnNetwork *
wn_network_load(const char *dir, WnLoadFlags flags, GError **error)
{
    g_return_val_if_fail(dir != NULL, NULL);
    if (!check_dataset_dir(dir, error)) {
        return NULL;
    }
    g_autoptr(WnNetwork) net = wn_network__new();
    g_autofree char *meta = g_build_filename(dir, "dataset.json", NULL);
    g_autofree char *nodes = g_build_filename(dir, "nodes.csv", NULL);
    g_autofree char *ties = g_build_filename(dir, "ties.csv", NULL);
    if (g_file_test(meta, G_FILE_TEST_EXISTS) && !wn_load__dataset_json(net, meta, error)) {
        return NULL;
    }
    gint64 start = g_get_monotonic_time();
    gboolean ok = load_nodes(net, nodes, flags, error);
    gint64 nodes_done = g_get_monotonic_time();
    ok = ok && load_ties(net, ties, flags, error);
    gint64 ties_done = g_get_monotonic_time();
    if (!ok || !wn_network__build_graphs(net, error)) {
        return NULL;
    }
    gint64 now = g_get_monotonic_time();
    net->load_seconds[WN_LOAD_PART_NODES] = (double) (nodes_done - start) / G_USEC_PER_SEC;
    net->load_seconds[WN_LOAD_PART_TIES] = (double) (ties_done - nodes_done) / G_USEC_PER_SEC;
    net->load_seconds[WN_LOAD_PART_GRAPHS] = (double) (now - ties_done) / G_USEC_PER_SEC;
    if (net->merged_rows > 0) {
        gboolean one = net->merged_rows == 1;
        wn_network__add_warning(net,
                                "%s: %" G_GSIZE_FORMAT " repeated tie %s merged into %s of the "
                                "same pair (weights added)",
                                ties, net->merged_rows, one ? "row" : "rows",
                                one ? "an earlier row" : "earlier rows");
    }
    return g_steal_pointer(&net);
}
