/* load-csv.c: the fieldwork loader (FORMAT.md): nodes.csv, ties.csv and dataset.json */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "csv.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WN_MAX_NODES ((gsize) G_MAXINT32)
#define WN_MESSAGE_CELL_CHARS 40 /* a cell quoted in a message is cut after this many */

typedef enum {
    NODE_ID,
    NODE_TYPE,
    NODE_LABEL,
    NODE_AREA,
    NODE_LAT,
    NODE_LON,
    NODE_VULNERABLE,
    NODE_COLUMNS
} NodeColumn;
static const char *const node_columns[NODE_COLUMNS] = {"id",  "type", "label",     "area",
                                                       "lat", "lon",  "vulnerable"};
typedef enum {
    TIE_SOURCE,
    TIE_TARGET,
    TIE_TYPE,
    TIE_WEIGHT,
    TIE_SUPPORT_KIND,
    TIE_COLUMNS
} TieColumn;
static const char *const tie_columns[TIE_COLUMNS] = {"source", "target", "type", "weight",
                                                     "support_kind"};

/* Where each known column is (-1 when absent), and the extra columns kept as attributes. */
typedef struct {
    gssize known[8];         /* NODE_COLUMNS or TIE_COLUMNS entries */
    GArray *extra_fields;    /* gsize: field index of each extra column */
    GPtrArray *extra_names;  /* lower-case */
    GPtrArray *extra_values; /* of GArray (const char *), one per extra column */
    gsize fields;
} Header;

/*
 * The loader's own index of node ids, open addressing with a cheap hash: ties.csv looks
 * up two ids a row, and GHashTable's g_str_hash and indirections dominated the load.
 * net->index is still filled for wn_network_node_lookup; this one gives the same answers.
 */
typedef struct {
    const char *id; /* NULL = empty; the string lives in net->strings */
    guint32 hash;
    guint32 node;
} IdSlot;

typedef struct {
    IdSlot *slots;
    gsize capacity, used;
} IdMap;

static guint64
hash_id(const char *id)
{
    guint64 h = 0xcbf29ce484222325u; /* FNV-1a */
    for (const guchar *p = (const guchar *) id; *p != '\0'; p++) {
        h = (h ^ *p) * 0x100000001b3u;
    }
    return h ^ (h >> 29);
}

static void
id_map_put(IdMap *map, const char *id, guint32 hash, guint32 node)
{
    gsize slot = hash & (map->capacity - 1);
    while (map->slots[slot].id != NULL) {
        slot = (slot + 1) & (map->capacity - 1);
    }
    map->slots[slot] = (IdSlot){id, hash, node};
}

static void
id_map_grow(IdMap *map)
{
    IdMap old = *map;
    map->capacity = old.capacity == 0 ? 1024 : 2 * old.capacity;
    map->slots = g_new0(IdSlot, map->capacity);
    for (gsize i = 0; i < old.capacity; i++) {
        if (old.slots[i].id != NULL) {
            id_map_put(map, old.slots[i].id, old.slots[i].hash, old.slots[i].node);
        }
    }
    g_free(old.slots);
}

/* Adds @id (a string that outlives the map, not yet in it) as @node. */
static void
id_map_add(IdMap *map, const char *id, guint32 node)
{
    if (2 * (map->used + 1) > map->capacity) {
        id_map_grow(map);
    }
    id_map_put(map, id, (guint32) hash_id(id), node);
    map->used++;
}

static gboolean
id_map_lookup(const IdMap *map, const char *id, gsize *node_out)
{
    if (map->used == 0) {
        return FALSE;
    }
    guint32 hash = (guint32) hash_id(id);
    for (gsize slot = hash & (map->capacity - 1); map->slots[slot].id != NULL;
         slot = (slot + 1) & (map->capacity - 1)) {
        if (map->slots[slot].hash == hash && strcmp(map->slots[slot].id, id) == 0) {
            *node_out = map->slots[slot].node;
            return TRUE;
        }
    }
    return FALSE;
}

typedef struct {
    WnNetwork *net;
    WnLoadFlags flags;
    WnCsv csv;
    Header header;
    IdMap *ids;
} Loader;

static void
loader_clear(Loader *l)
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
set_no_header_error(const Loader *l, const char *const *names, GError **error)
{
    gboolean empty = l->csv.len == 0 || (l->csv.len == 3 && (guchar) l->csv.data[0] == 0xEF);
    wn_csv__set_error(&l->csv, error, WN_ERROR_PARSE, 1, 1,
                      "expected a header line naming the columns (%s, %s, …), got %s", names[0],
                      names[1], empty ? "an empty file" : "only comments and empty lines");
}

/* Reads the header record and checks it is UTF-8; TRUE with the fields in l->csv. */
static gboolean
read_header_record(Loader *l, const char *const *names, GError **error)
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
add_extra_column(Header *h, gsize field, const char *name)
{
    g_array_append_val(h->extra_fields, field);
    g_ptr_array_add(h->extra_names, g_strdup(name));
    g_ptr_array_add(h->extra_values, g_array_new(FALSE, FALSE, sizeof(const char *)));
}

/* Files one header field: a known column, an extra one, or both (@kept_known: a known
 * column whose cells are also kept as an attribute, such as support_kind). */
static gboolean
add_header_column(Loader *l, gsize field, const char *const *names, gsize n_names,
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
join_header(const Loader *l)
{
    g_autoptr(GString) joined = g_string_new(NULL);
    for (gsize f = 0; f < l->header.fields; f++) {
        g_string_append_printf(joined, "%s%s", f > 0 ? ", " : "", trim(wn_csv__field(&l->csv, f)));
    }
    return g_string_free(g_steal_pointer(&joined), FALSE);
}

static gboolean
check_required_columns(const Loader *l, const char *const *names, gsize n_required, GError **error)
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
read_header(Loader *l, const char *const *names, gsize n_names, gsize n_required, gssize kept_known,
            GError **error)
{
    if (!read_header_record(l, names, error)) {
        return FALSE;
    }
    Header *h = &l->header;
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
row_failed(Loader *l, GError *row_error, GError **error)
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
cell(const Loader *l, gsize column)
{
    gssize f = l->header.known[column];
    return f < 0 ? "" : trim(wn_csv__field(&l->csv, (gsize) f));
}

static gsize
field_of(const Loader *l, gsize column)
{
    return (gsize) l->header.known[column] + 1;
}

static void cell_error(const Loader *l, GError **error, gint code, gsize column, const char *format,
                       ...) G_GNUC_PRINTF(5, 6);

static void
cell_error(const Loader *l, GError **error, gint code, gsize column, const char *format, ...)
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
cell_error_got(const Loader *l, GError **error, gint code, gsize column, const char *expected,
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
    static const double powers[] = {1e0, 1e1, 1e2, 1e3, 1e4,  1e5,  1e6,  1e7,
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

/* A decimal number: digits, sign, point (or comma when `;` delimits), exponent. */
static gboolean
parse_number(const Loader *l, const char *text, double *out)
{
    char buf[64];
    gsize len = strlen(text);
    if (len == 0 || len >= sizeof buf) {
        return FALSE;
    }
    for (gsize i = 0; i <= len; i++) {
        char c = text[i];
        buf[i] = c == ',' && l->csv.delimiter == ';' ? '.' : c;
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
check_field_count(const Loader *l, GError **error)
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
keep_extra_cells(Loader *l)
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
move_extra_columns(Loader *l, GPtrArray *columns)
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
    GHashTable *folded;           /* case- and normalisation-folded id -> first id */
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

static gboolean
parse_node_kind(const char *text, guint8 *out)
{
    for (gsize i = 0; i < G_N_ELEMENTS(node_kind_aliases); i++) {
        if (g_ascii_strcasecmp(text, node_kind_aliases[i].name) == 0) {
            *out = (guint8) node_kind_aliases[i].kind;
            return TRUE;
        }
    }
    return FALSE;
}

static gboolean
parse_flag(const char *text, guint8 *out)
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

/* Reads lat or lon: empty is unknown (NaN); otherwise a number within ±limit. */
static gboolean
parse_coordinate(const Loader *l, NodeColumn column, double limit, double *out, GError **error)
{
    const char *text = cell(l, column);
    *out = NAN;
    if (*text == '\0') {
        return TRUE;
    }
    if (!parse_number(l, text, out) || fabs(*out) > limit) {
        g_autofree char *expected =
            g_strdup_printf("%s in WGS84 degrees between -%g and %g",
                            column == NODE_LAT ? "a latitude" : "a longitude", limit, limit);
        cell_error_got(l, error, WN_ERROR_PARSE, column, expected, text);
        return FALSE;
    }
    return TRUE;
}

/* The key under which ids that differ only in case or normalisation meet; ASCII ids
 * (the common case) need neither normalising nor Unicode case folding. */
static char *
fold_id(const char *id)
{
    const char *p = id;
    while (*p != '\0' && (guchar) *p < 0x80) {
        p++;
    }
    if (*p == '\0') {
        return g_ascii_strdown(id, -1);
    }
    g_autofree char *normal = g_utf8_normalize(id, -1, G_NORMALIZE_ALL_COMPOSE);
    return g_utf8_casefold(normal, -1);
}

/* ids that differ only in case or Unicode normalisation draw a warning (FORMAT.md). */
static void
warn_if_confusable(Loader *l, NodeRows *rows, const char *id)
{
    g_autofree char *folded = fold_id(id);
    const char *earlier = g_hash_table_lookup(rows->folded, folded);
    if (earlier != NULL) {
        wn_network__add_warning(l->net,
                                "%s:%" G_GSIZE_FORMAT
                                ": node id \"%s\" differs from \"%s\" only in "
                                "case or Unicode normalisation; they are different nodes",
                                l->csv.path, l->csv.record_line, id, earlier);
        return;
    }
    g_hash_table_insert(rows->folded, g_steal_pointer(&folded), (gpointer) id);
}

static gboolean
check_node_id(Loader *l, NodeRows *rows, const char *id, GError **error)
{
    if (*id == '\0') {
        cell_error_got(l, error, WN_ERROR_PARSE, NODE_ID, "a node id", id);
        return FALSE;
    }
    gsize earlier = 0;
    if (id_map_lookup(l->ids, id, &earlier)) {
        g_autofree char *got = describe_cell(id);
        cell_error(l, error, WN_ERROR_INVALID, NODE_ID,
                   "expected a new node id, got %s again (first on line %" G_GSIZE_FORMAT ")", got,
                   g_array_index(rows->lines, gsize, earlier));
        return FALSE;
    }
    if (rows->ids->len >= WN_MAX_NODES) {
        cell_error(l, error, WN_ERROR_INVALID, NODE_ID,
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
parse_node_cells(Loader *l, NodeRows *rows, NodeCells *out, GError **error)
{
    const char *id = cell(l, NODE_ID);
    if (!check_field_count(l, error) || !check_node_id(l, rows, id, error)) {
        return FALSE;
    }
    if (!parse_node_kind(cell(l, NODE_TYPE), &out->kind)) {
        cell_error_got(l, error, WN_ERROR_PARSE, NODE_TYPE,
                       "resident, professional, group or organisation (or bewoner, groep, "
                       "organisatie)",
                       cell(l, NODE_TYPE));
        return FALSE;
    }
    if (!parse_flag(cell(l, NODE_VULNERABLE), &out->vulnerable)) {
        cell_error_got(l, error, WN_ERROR_PARSE, NODE_VULNERABLE,
                       "1/0, true/false, yes/no or ja/nee (or an empty cell)",
                       cell(l, NODE_VULNERABLE));
        return FALSE;
    }
    if (!parse_coordinate(l, NODE_LAT, 90, &out->lat, error) ||
        !parse_coordinate(l, NODE_LON, 180, &out->lon, error)) {
        return FALSE;
    }
    if (!isnan(out->lat) != !isnan(out->lon)) {
        wn_network__add_warning(l->net,
                                "%s:%" G_GSIZE_FORMAT ": node \"%s\" has only one of lat and "
                                "lon; its position is unknown",
                                l->csv.path, l->csv.record_line, id);
    }
    return TRUE;
}

/* Adds a checked row: its strings move into the network's string chunk. */
static void
add_node(Loader *l, NodeRows *rows, const NodeCells *c)
{
    WnNetwork *net = l->net;
    const char *id = g_string_chunk_insert(net->strings, cell(l, NODE_ID));
    const char *label = cell(l, NODE_LABEL), *area = cell(l, NODE_AREA);
    const char *kept_label = *label != '\0' ? g_string_chunk_insert(net->strings, label) : NULL;
    const char *kept_area = *area != '\0' ? g_string_chunk_insert_const(net->strings, area) : NULL;
    g_hash_table_insert(net->index, (gpointer) id, GSIZE_TO_POINTER(rows->ids->len + 1));
    id_map_add(l->ids, id, rows->ids->len);
    warn_if_confusable(l, rows, id);
    g_array_append_val(rows->ids, id);
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
parse_node_row(Loader *l, NodeRows *rows, GError **error)
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
    rows->folded = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
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
    g_hash_table_unref(rows->folded);
}

/*
 * Reads the data rows. A row error ends the load, or with WN_LOAD_SKIP_BAD_ROWS is
 * listed and the row passed over; a quoting error that spoiled one line only is such a
 * row error too (the reader resumes on the next line), any other CSV error is fatal.
 */
static gboolean
read_rows(Loader *l, gboolean (*parse_row)(Loader *, gpointer, GError **), gpointer rows,
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
parse_node_row_cb(Loader *l, gpointer rows, GError **error)
{
    return parse_node_row(l, rows, error);
}

static gboolean
load_nodes(WnNetwork *net, IdMap *ids, const char *path, WnLoadFlags flags, GError **error)
{
    Loader l = {.net = net, .flags = flags, .ids = ids};
    NodeRows rows = {0};
    node_rows_init(&rows);
    gboolean ok = wn_csv__open(&l.csv, path, error) &&
                  read_header(&l, node_columns, NODE_COLUMNS, 2, -1, error) &&
                  read_rows(&l, parse_node_row_cb, &rows, error);
    node_rows_finish(&rows, ok ? net : NULL);
    if (ok) {
        move_extra_columns(&l, net->node_attributes);
    }
    loader_clear(&l);
    return ok;
}

/* An open-addressing map from a node pair to a tie, so merging costs no allocation.
 * Key 0 marks an empty slot: it is the pair (0, 0), a self-tie, which is never stored.
 * A key and its value share a slot (one cache line), and zeroed memory is an empty map. */
typedef struct {
    guint64 key;
    guint32 value;
} PairSlot;

typedef struct {
    PairSlot *slots;
    gsize capacity, used;
} PairMap;

static void
pair_map_init(PairMap *map, gsize expected)
{
    gsize capacity = 1024;
    while (capacity < 2 * expected) {
        capacity *= 2;
    }
    map->capacity = capacity;
    map->used = 0;
    map->slots = g_new0(PairSlot, capacity);
}

/* Mixes both ends into the low bits (the product's low bits alone depend on the target only). */
static gsize
pair_slot(guint64 key, gsize capacity)
{
    guint64 h = key * 0x9E3779B97F4A7C15u;
    return (gsize) (h ^ (h >> 32)) & (capacity - 1);
}

static void
pair_map_grow(PairMap *map)
{
    PairMap old = *map;
    pair_map_init(map, old.capacity);
    for (gsize i = 0; i < old.capacity; i++) {
        if (old.slots[i].key != 0) {
            gsize slot = pair_slot(old.slots[i].key, map->capacity);
            while (map->slots[slot].key != 0) {
                slot = (slot + 1) & (map->capacity - 1);
            }
            map->slots[slot] = old.slots[i];
        }
    }
    map->used = old.used;
    g_free(old.slots);
}

/* Returns: the value stored for @key (not 0), or stores @value and returns it when new. */
static guint32
pair_map_find_or_add(PairMap *map, guint64 key, guint32 value)
{
    if (2 * (map->used + 1) > map->capacity) {
        pair_map_grow(map);
    }
    gsize slot = pair_slot(key, map->capacity);
    while (map->slots[slot].key != 0) {
        if (map->slots[slot].key == key) {
            return map->slots[slot].value;
        }
        slot = (slot + 1) & (map->capacity - 1);
    }
    map->slots[slot] = (PairSlot){key, value};
    map->used++;
    return value;
}

static void
pair_map_clear(PairMap *map)
{
    g_free(map->slots);
}

static guint64
pair_key(guint32 a, guint32 b, gboolean ordered)
{
    if (!ordered && a > b) {
        return ((guint64) b << 32) | a;
    }
    return ((guint64) a << 32) | b;
}

typedef struct {
    GArray *from, *to; /* guint32 */
    GArray *kind;      /* guint8 */
    GArray *weight;    /* double */
    GArray *arc_weight;
    PairMap ties, arcs, conflicts;
} TieRows;

static const char *const support_kinds[] = {"practical", "emotional", "companionship", "advice"};

static gboolean
parse_tie_kind(const char *text, guint8 *out)
{
    if (*text == '\0') {
        *out = WN_TIE_ACQUAINTANCE;
        return TRUE;
    }
    for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
        if (g_ascii_strcasecmp(text, wn_tie_kind_name((WnTieKind) k)) == 0) {
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

/* Checks each `|`-separated part in place: the streaming reader allocates nothing per cell. */
static gboolean
check_support_kind(const Loader *l, GError **error)
{
    const char *part = cell(l, TIE_SUPPORT_KIND);
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
            g_autofree char *bad = g_strndup(s, (gsize) (e - s));
            cell_error_got(l, error, WN_ERROR_PARSE, TIE_SUPPORT_KIND,
                           "practical, emotional, companionship or advice (several separated by |)",
                           bad);
            return FALSE;
        }
        if (*end == '\0') {
            return TRUE;
        }
        part = end + 1;
    }
}

static gboolean
lookup_end(const Loader *l, TieColumn column, guint32 *out, GError **error)
{
    const char *id = cell(l, column);
    gsize node = 0;
    if (*id == '\0') {
        cell_error_got(l, error, WN_ERROR_PARSE, column, "a node id", id);
        return FALSE;
    }
    if (!id_map_lookup(l->ids, id, &node)) {
        cell_error_got(l, error, WN_ERROR_INVALID, column, "a node id from nodes.csv", id);
        return FALSE;
    }
    *out = (guint32) node;
    return TRUE;
}

static gboolean
parse_weight(const Loader *l, double *out, GError **error)
{
    const char *text = cell(l, TIE_WEIGHT);
    *out = 1.0;
    if (*text == '\0') {
        return TRUE;
    }
    if (!parse_number(l, text, out) || *out <= 0) {
        cell_error_got(l, error, WN_ERROR_PARSE, TIE_WEIGHT,
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
merge_tie(Loader *l, TieRows *rows, guint32 a, guint32 b, guint8 kind, double weight,
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
        cell_error(l, error, WN_ERROR_INVALID, TIE_WEIGHT,
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

static void
keep_conflict(Loader *l, TieRows *rows, guint32 a, guint32 b)
{
    guint32 next = l->net->conflicts->len / 2;
    if (pair_map_find_or_add(&rows->conflicts, pair_key(a, b, FALSE), next) == next) {
        g_array_append_val(l->net->conflicts, a);
        g_array_append_val(l->net->conflicts, b);
    } else {
        l->net->merged_rows++;
    }
}

static gboolean
parse_tie_row(Loader *l, gpointer data, GError **error)
{
    TieRows *rows = data;
    guint32 a = 0, b = 0;
    guint8 kind = 0;
    double weight = 1;
    if (!check_field_count(l, error) || !lookup_end(l, TIE_SOURCE, &a, error) ||
        !lookup_end(l, TIE_TARGET, &b, error)) {
        return FALSE;
    }
    if (a == b) {
        g_autofree char *got = describe_cell(cell(l, TIE_SOURCE));
        cell_error(l, error, WN_ERROR_INVALID, TIE_TARGET,
                   "expected a target other than the source, got a tie from %s to itself", got);
        return FALSE;
    }
    if (!parse_tie_kind(cell(l, TIE_TYPE), &kind)) {
        cell_error_got(l, error, WN_ERROR_PARSE, TIE_TYPE,
                       "family, household, neighbour, friend, acquaintance, member, support, "
                       "collaboration, referral or conflict (or an empty cell)",
                       cell(l, TIE_TYPE));
        return FALSE;
    }
    if (!parse_weight(l, &weight, error) || !check_support_kind(l, error)) {
        return FALSE;
    }
    if (kind == WN_TIE_CONFLICT) {
        keep_conflict(l, rows, a, b);
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
    pair_map_clear(&rows->ties);
    pair_map_init(&rows->ties, expected);
    if (directed) {
        pair_map_clear(&rows->arcs);
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
    pair_map_clear(&rows->ties);
    pair_map_clear(&rows->arcs);
    pair_map_clear(&rows->conflicts);
}

static gboolean
load_ties(WnNetwork *net, IdMap *ids, const char *path, WnLoadFlags flags, GError **error)
{
    Loader l = {.net = net, .flags = flags, .ids = ids};
    TieRows rows;
    tie_rows_init(&rows);
    gboolean ok = wn_csv__open(&l.csv, path, error) &&
                  read_header(&l, tie_columns, TIE_COLUMNS, 2, TIE_SUPPORT_KIND, error);
    if (ok) {
        tie_rows_reserve(&rows, net->directed, wn_csv__estimate_records(&l.csv));
    }
    ok = ok && read_rows(&l, parse_tie_row, &rows, error);
    tie_rows_finish(&rows, ok ? net : NULL);
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
    IdMap ids = {0};
    gboolean ok = load_nodes(net, &ids, nodes, flags, error) &&
                  load_ties(net, &ids, ties, flags, error);
    g_free(ids.slots);
    if (!ok || !wn_network__build_graphs(net, error)) {
        return NULL;
    }
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
