/* draft.c: what an import parser found, mapped to the fieldwork format and loaded */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* One column of values by row; rows past the end of `values` are missing. */
typedef struct {
    char *name;
    GPtrArray *values; /* char *, NULL where missing */
} DraftColumn;

/* The fixed columns come first, in the order nodes.csv and ties.csv write them. */
enum { NODE_TYPE, NODE_LABEL, NODE_AREA, NODE_LAT, NODE_LON, NODE_VULNERABLE, NODE_FIXED };
enum { TIE_TYPE, TIE_WEIGHT, TIE_FIXED };
static const char *const node_fixed[NODE_FIXED] = {"type", "label", "area",
                                                   "lat",  "lon",   "vulnerable"};
static const char *const tie_fixed[TIE_FIXED] = {"type", "weight"};

struct _WnDraft {
    char *path;
    GPtrArray *ids;    /* char * */
    GHashTable *index; /* id -> GSIZE_TO_POINTER(node + 1) */
    GPtrArray *node_columns;
    GArray *ends; /* guint32 pairs */
    GPtrArray *tie_columns;
    GHashTable *metadata;
    gboolean directed;
    GPtrArray *warnings;
    GHashTable *renamed; /* names already warned about */
    gsize self_ties;
};

static void
column_free(gpointer data)
{
    DraftColumn *c = data;
    g_free(c->name);
    g_ptr_array_unref(c->values);
    g_free(c);
}

static void
add_column(GPtrArray *columns, const char *name)
{
    DraftColumn *c = g_new0(DraftColumn, 1);
    c->name = g_strdup(name);
    c->values = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(columns, c);
}

static GPtrArray *
new_columns(const char *const *names, gsize n)
{
    GPtrArray *columns = g_ptr_array_new_with_free_func(column_free);
    for (gsize i = 0; i < n; i++) {
        add_column(columns, names[i]);
    }
    return columns;
}

WnDraft *
wn_draft__new(const char *path)
{
    WnDraft *d = g_new0(WnDraft, 1);
    d->path = g_strdup(path);
    d->ids = g_ptr_array_new_with_free_func(g_free);
    d->index = g_hash_table_new(g_str_hash, g_str_equal);
    d->node_columns = new_columns(node_fixed, NODE_FIXED);
    d->ends = g_array_new(FALSE, FALSE, sizeof(guint32));
    d->tie_columns = new_columns(tie_fixed, TIE_FIXED);
    d->metadata = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    d->warnings = g_ptr_array_new_with_free_func(g_free);
    d->renamed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return d;
}

void
wn_draft__free(WnDraft *d)
{
    if (d == NULL) {
        return;
    }
    g_free(d->path);
    g_hash_table_unref(d->index);
    g_ptr_array_unref(d->ids);
    g_ptr_array_unref(d->node_columns);
    g_array_unref(d->ends);
    g_ptr_array_unref(d->tie_columns);
    g_hash_table_unref(d->metadata);
    g_ptr_array_unref(d->warnings);
    g_hash_table_unref(d->renamed);
    g_free(d);
}

void
wn_draft__add_warning(WnDraft *d, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_ptr_array_add(d->warnings, g_strdup_vprintf(format, args));
    va_end(args);
}

void
wn_draft__set_directed(WnDraft *d, gboolean directed)
{
    d->directed = directed;
}

void
wn_draft__set_metadata(WnDraft *d, const char *key, const char *value)
{
    g_hash_table_replace(d->metadata, g_strdup(key), g_strdup(value));
}

/* Quotes a value for a message, cut after 40 characters as the loader does. */
static char *
describe(const char *text)
{
    if (*text == '\0') {
        return g_strdup("an empty value");
    }
    const char *cut = text;
    for (gsize i = 0; i < 40 && *cut != '\0'; i++) {
        cut = g_utf8_next_char(cut);
    }
    return g_strdup_printf("\"%.*s%s\"", (int) (cut - text), text, *cut != '\0' ? "…" : "");
}

/* Sets "WHERE: expected EXPECTED, got "VALUE"" as a WN_ERROR_PARSE. */
static gboolean
value_error(GError **error, const char *where, const char *expected, const char *value)
{
    g_autofree char *got = describe(value);
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE, "%s: expected %s, got %s", where, expected, got);
    return FALSE;
}

/**
 * wn_draft__add_node:
 * Adds a node; its id is trimmed of surrounding spaces (FORMAT.md).
 * Returns: FALSE with WN_ERROR_PARSE for an empty id, WN_ERROR_INVALID for an id
 * given twice.
 */
gboolean
wn_draft__add_node(WnDraft *d, const char *id, const char *where, gsize *node_out, GError **error)
{
    g_autofree char *trimmed = g_strstrip(g_strdup(id));
    if (*trimmed == '\0') {
        return value_error(error, where, "a node id", trimmed);
    }
    if (g_hash_table_contains(d->index, trimmed)) {
        g_autofree char *got = describe(trimmed);
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "%s: expected a new node id, got %s again",
                    where, got);
        return FALSE;
    }
    *node_out = d->ids->len;
    g_hash_table_insert(d->index, trimmed, GSIZE_TO_POINTER(d->ids->len + 1));
    g_ptr_array_add(d->ids, g_steal_pointer(&trimmed));
    return TRUE;
}

gboolean
wn_draft__find_node(const WnDraft *d, const char *id, gsize *node_out)
{
    g_autofree char *trimmed = g_strstrip(g_strdup(id));
    gpointer found = g_hash_table_lookup(d->index, trimmed);
    if (found == NULL) {
        return FALSE;
    }
    *node_out = GPOINTER_TO_SIZE(found) - 1;
    return TRUE;
}

gsize
wn_draft__node_count(const WnDraft *d)
{
    return d->ids->len;
}

/* Returns: the tie's index, or WN_DRAFT_SKIPPED for a self-tie (left out, counted). */
gsize
wn_draft__add_tie(WnDraft *d, gsize source, gsize target)
{
    if (source == target) {
        d->self_ties++;
        return WN_DRAFT_SKIPPED;
    }
    guint32 ends[2] = {(guint32) source, (guint32) target};
    g_array_append_vals(d->ends, ends, 2);
    return d->ends->len / 2 - 1;
}

/* The column named @name (case-insensitively), added when new. */
static DraftColumn *
column_named(GPtrArray *columns, const char *name)
{
    for (guint j = 0; j < columns->len; j++) {
        DraftColumn *c = g_ptr_array_index(columns, j);
        if (g_ascii_strcasecmp(c->name, name) == 0) {
            return c;
        }
    }
    add_column(columns, name);
    return g_ptr_array_index(columns, columns->len - 1);
}

static void
set_cell(DraftColumn *c, gsize row, const char *value)
{
    if (c->values->len <= row) {
        g_ptr_array_set_size(c->values, (guint) row + 1);
    }
    g_free(g_ptr_array_index(c->values, row));
    g_ptr_array_index(c->values, row) = g_strdup(value);
}

static const char *
get_cell(const DraftColumn *c, gsize row)
{
    return row < c->values->len ? g_ptr_array_index(c->values, row) : NULL;
}

/* A value the fieldwork format cannot hold under its own name is kept as
 * "original_NAME" (a kind it does not know, a column name it uses itself). */
static void
keep_renamed(WnDraft *d, GPtrArray *columns, gsize row, const char *name, const char *value,
             const char *why)
{
    g_autofree char *renamed = g_strdup_printf("original_%s", name);
    if (!g_hash_table_contains(d->renamed, renamed)) {
        wn_draft__add_warning(d, "%s: values named \"%s\" are kept as \"%s\" (%s)", d->path, name,
                              renamed, why);
        g_hash_table_add(d->renamed, g_strdup(renamed));
    }
    set_cell(column_named(columns, renamed), row, value);
}

static gboolean
parse_node_kind(const char *text, const char **out)
{
    static const char *const aliases[][2] = {{"resident", "resident"},
                                             {"bewoner", "resident"},
                                             {"professional", "professional"},
                                             {"group", "group"},
                                             {"groep", "group"},
                                             {"organisation", "organisation"},
                                             {"organisatie", "organisation"},
                                             {"organization", "organisation"}};
    for (gsize i = 0; i < G_N_ELEMENTS(aliases); i++) {
        if (g_ascii_strcasecmp(text, aliases[i][0]) == 0) {
            *out = aliases[i][1];
            return TRUE;
        }
    }
    return FALSE;
}

static gboolean
parse_number(const char *text, double *out)
{
    char *end = NULL;
    *out = g_ascii_strtod(text, &end);
    return end != text && *end == '\0' && isfinite(*out);
}

static gboolean
parse_flag(const char *text, const char **out)
{
    static const char *const yes[] = {"1", "true", "yes", "ja"};
    static const char *const no[] = {"0", "false", "no", "nee"};
    for (gsize i = 0; i < G_N_ELEMENTS(yes); i++) {
        if (g_ascii_strcasecmp(text, yes[i]) == 0 || g_ascii_strcasecmp(text, no[i]) == 0) {
            *out = g_ascii_strcasecmp(text, yes[i]) == 0 ? "1" : "0";
            return TRUE;
        }
    }
    return FALSE;
}

/* lat and lon: WGS84 degrees within ±@limit. */
static gboolean
set_coordinate(WnDraft *d, gsize node, gsize column, const char *value, const char *where,
               GError **error)
{
    double degrees = 0;
    double limit = column == NODE_LAT ? 90 : 180;
    if (!parse_number(value, &degrees) || fabs(degrees) > limit) {
        g_autofree char *expected =
            g_strdup_printf("%s in WGS84 degrees between -%g and %g",
                            column == NODE_LAT ? "a latitude" : "a longitude", limit, limit);
        return value_error(error, where, expected, value);
    }
    set_cell(g_ptr_array_index(d->node_columns, column), node, value);
    return TRUE;
}

/* Which fixed node column a name maps to; NODE_FIXED when none. */
static gsize
node_column_for(const char *name)
{
    static const struct {
        const char *name;
        gsize column;
    } names[] = {{"type", NODE_TYPE},     {"kind", NODE_TYPE},
                 {"label", NODE_LABEL},   {"area", NODE_AREA},
                 {"lat", NODE_LAT},       {"latitude", NODE_LAT},
                 {"lon", NODE_LON},       {"lng", NODE_LON},
                 {"longitude", NODE_LON}, {"vulnerable", NODE_VULNERABLE}};
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        if (g_ascii_strcasecmp(name, names[i].name) == 0) {
            return names[i].column;
        }
    }
    return NODE_FIXED;
}

static gboolean
set_fixed_node_value(WnDraft *d, gsize node, gsize column, const char *name, const char *value,
                     const char *where, GError **error)
{
    const char *mapped = NULL;
    if (column == NODE_TYPE && !parse_node_kind(value, &mapped)) {
        keep_renamed(d, d->node_columns, node, name, value, "not a node kind");
        return TRUE;
    }
    if (column == NODE_VULNERABLE && !parse_flag(value, &mapped)) {
        return value_error(error, where, "true/false, 1/0, yes/no or ja/nee for vulnerable", value);
    }
    if (column == NODE_LAT || column == NODE_LON) {
        return set_coordinate(d, node, column, value, where, error);
    }
    set_cell(g_ptr_array_index(d->node_columns, column), node, mapped != NULL ? mapped : value);
    return TRUE;
}

/**
 * wn_draft__node_value:
 * Hands over a node value by name: kind or type (a node kind, Dutch aliases included;
 * any other value is kept as "original_NAME"), label, area, lat or latitude, lon, lng
 * or longitude, vulnerable; any other name becomes an attribute ("id" is kept as
 * "original_id"). An empty value is no value.
 * Returns: FALSE with WN_ERROR_PARSE for a bad lat, lon or vulnerable value.
 */
gboolean
wn_draft__node_value(WnDraft *d, gsize node, const char *name, const char *value, const char *where,
                     GError **error)
{
    g_autofree char *key = g_strstrip(g_strdup(name));
    g_autofree char *text = g_strstrip(g_strdup(value));
    if (*key == '\0' || *text == '\0') {
        return TRUE;
    }
    gsize column = node_column_for(key);
    if (column < NODE_FIXED) {
        return set_fixed_node_value(d, node, column, key, text, where, error);
    }
    if (g_ascii_strcasecmp(key, "id") == 0) {
        keep_renamed(d, d->node_columns, node, key, text, "the dataset id is the node's own");
        return TRUE;
    }
    set_cell(column_named(d->node_columns, key), node, text);
    return TRUE;
}

/* Returns: TRUE when the node has a value under the column @name maps to. */
gboolean
wn_draft__node_has_value(const WnDraft *d, gsize node, const char *name)
{
    gsize column = node_column_for(name);
    for (guint j = 0; j < d->node_columns->len; j++) {
        const DraftColumn *c = g_ptr_array_index(d->node_columns, j);
        gboolean same = column < NODE_FIXED ? j == column : g_ascii_strcasecmp(c->name, name) == 0;
        if (same) {
            return get_cell(c, node) != NULL;
        }
    }
    return FALSE;
}

static gboolean
parse_tie_kind(const char *text)
{
    for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
        if (g_ascii_strcasecmp(text, wn_tie_kind_name((WnTieKind) k)) == 0) {
            return TRUE;
        }
    }
    return FALSE;
}

static gboolean
is_support_kind(const char *text)
{
    static const char *const kinds[] = {"practical", "emotional", "companionship", "advice"};
    g_auto(GStrv) parts = g_strsplit(text, "|", -1);
    for (gsize i = 0; parts[i] != NULL; i++) {
        g_strstrip(parts[i]);
        gboolean known = parts[i][0] == '\0';
        for (gsize k = 0; k < G_N_ELEMENTS(kinds) && !known; k++) {
            known = g_ascii_strcasecmp(parts[i], kinds[k]) == 0;
        }
        if (!known) {
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
set_tie_weight(WnDraft *d, gsize tie, const char *value, const char *where, GError **error)
{
    double weight = 0;
    if (!parse_number(value, &weight) || weight <= 0) {
        return value_error(error, where, "a positive weight", value);
    }
    set_cell(g_ptr_array_index(d->tie_columns, TIE_WEIGHT), tie, value);
    return TRUE;
}

/**
 * wn_draft__tie_value:
 * Hands over a tie value by name: kind or type (a tie kind; any other value is kept as
 * "original_NAME"), weight (a positive number), support_kind (kept as
 * "original_support_kind" unless practical, emotional, companionship or advice);
 * formal is left out (it follows from the node kinds); any other name becomes an
 * attribute. Values of a skipped tie (WN_DRAFT_SKIPPED) are ignored.
 * Returns: FALSE with WN_ERROR_PARSE for a weight that is not a positive number.
 */
gboolean
wn_draft__tie_value(WnDraft *d, gsize tie, const char *name, const char *value, const char *where,
                    GError **error)
{
    g_autofree char *key = g_strstrip(g_strdup(name));
    g_autofree char *text = g_strstrip(g_strdup(value));
    if (tie == WN_DRAFT_SKIPPED || *key == '\0' || *text == '\0' ||
        g_ascii_strcasecmp(key, "formal") == 0) {
        return TRUE;
    }
    if (g_ascii_strcasecmp(key, "weight") == 0) {
        return set_tie_weight(d, tie, text, where, error);
    }
    gboolean is_kind = g_ascii_strcasecmp(key, "type") == 0 || g_ascii_strcasecmp(key, "kind") == 0;
    if (is_kind && parse_tie_kind(text)) {
        set_cell(g_ptr_array_index(d->tie_columns, TIE_TYPE), tie, text);
    } else if (is_kind) {
        keep_renamed(d, d->tie_columns, tie, key, text, "not a tie kind");
    } else if (g_ascii_strcasecmp(key, "support_kind") == 0 && !is_support_kind(text)) {
        keep_renamed(d, d->tie_columns, tie, key, text, "not a support kind");
    } else if (g_ascii_strcasecmp(key, "source") == 0 || g_ascii_strcasecmp(key, "target") == 0 ||
               g_ascii_strcasecmp(key, "id") == 0) {
        keep_renamed(d, d->tie_columns, tie, key, text, "the tie's ends are its own");
    } else {
        set_cell(column_named(d->tie_columns, key), tie, text);
    }
    return TRUE;
}

static void
append_header(GString *out, const char *first, const GPtrArray *columns)
{
    g_string_append(out, first);
    for (guint j = 0; j < columns->len; j++) {
        wn_write__csv_cell(out, ((const DraftColumn *) g_ptr_array_index(columns, j))->name, FALSE);
    }
    g_string_append_c(out, '\n');
}

/* nodes.csv; a node without a kind is written as a resident, and counted. */
static GString *
nodes_csv(const WnDraft *d, gsize *untyped_out)
{
    GString *out = g_string_new(NULL);
    append_header(out, "id", d->node_columns);
    for (guint v = 0; v < d->ids->len; v++) {
        wn_write__csv_cell(out, g_ptr_array_index(d->ids, v), TRUE);
        for (guint j = 0; j < d->node_columns->len; j++) {
            const char *text = get_cell(g_ptr_array_index(d->node_columns, j), v);
            if (j == NODE_TYPE && text == NULL) {
                text = "resident";
                (*untyped_out)++;
            }
            wn_write__csv_cell(out, text, FALSE);
        }
        g_string_append_c(out, '\n');
    }
    return out;
}

static GString *
ties_csv(const WnDraft *d)
{
    GString *out = g_string_new(NULL);
    append_header(out, "source,target", d->tie_columns);
    for (guint t = 0; t < d->ends->len / 2; t++) {
        wn_write__csv_cell(out, g_ptr_array_index(d->ids, g_array_index(d->ends, guint32, 2 * t)),
                           TRUE);
        wn_write__csv_cell(
            out, g_ptr_array_index(d->ids, g_array_index(d->ends, guint32, 2 * t + 1)), FALSE);
        for (guint j = 0; j < d->tie_columns->len; j++) {
            wn_write__csv_cell(out, get_cell(g_ptr_array_index(d->tie_columns, j), t), FALSE);
        }
        g_string_append_c(out, '\n');
    }
    return out;
}

static gboolean
write_dataset(const WnDraft *d, const char *dir, gsize *untyped_out, GError **error)
{
    g_autoptr(GString) nodes = nodes_csv(d, untyped_out);
    g_autoptr(GString) ties = ties_csv(d);
    return wn_write__file(dir, "nodes.csv", nodes, error) &&
           wn_write__file(dir, "ties.csv", ties, error) &&
           wn_write__dataset_json(dir, d->metadata, d->directed, error);
}

static void
remove_dataset(const char *dir)
{
    static const char *const files[] = {"nodes.csv", "ties.csv", "dataset.json"};
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = g_build_filename(dir, files[i], NULL);
        g_remove(path);
    }
    g_rmdir(dir);
}

/* The import's own warnings replace the loader's, which name the temporary folder. */
static void
add_warnings(const WnDraft *d, WnNetwork *net, gsize untyped)
{
    g_ptr_array_set_size(net->warnings, 0);
    for (guint i = 0; i < d->warnings->len; i++) {
        wn_network__add_warning(net, "%s", (const char *) g_ptr_array_index(d->warnings, i));
    }
    if (untyped > 0) {
        wn_network__add_warning(net,
                                "%s: %" G_GSIZE_FORMAT " node%s without a kind (type) "
                                "imported as resident%s",
                                d->path, untyped, untyped == 1 ? "" : "s", untyped == 1 ? "" : "s");
    }
    if (d->self_ties > 0) {
        wn_network__add_warning(net, "%s: %" G_GSIZE_FORMAT " self-tie%s left out", d->path,
                                d->self_ties, d->self_ties == 1 ? "" : "s");
    }
    if (net->merged_rows > 0) {
        wn_network__add_warning(net,
                                "%s: %" G_GSIZE_FORMAT " repeated ties merged into earlier "
                                "ties of the same pair (weights added)",
                                d->path, net->merged_rows);
    }
}

/**
 * wn_draft__finish:
 * Writes the draft as a fieldwork dataset in a temporary folder, loads it with the
 * fieldwork loader (so an import obeys every rule of FORMAT.md), and removes the folder.
 * Returns: (transfer full): the network, its warnings those of the import; NULL on error.
 */
WnNetwork *
wn_draft__finish(WnDraft *d, GError **error)
{
    g_autofree char *dir = g_dir_make_tmp("wijknet-import-XXXXXX", error);
    if (dir == NULL) {
        return NULL;
    }
    gsize untyped = 0;
    g_autoptr(GError) load_error = NULL;
    g_autoptr(WnNetwork) net = NULL;
    if (write_dataset(d, dir, &untyped, error)) {
        net = wn_network_load(dir, WN_LOAD_DEFAULT, &load_error);
    }
    remove_dataset(dir);
    if (load_error != NULL) {
        g_set_error(error, load_error->domain, load_error->code,
                    "%s: the imported network "
                    "breaks a rule of the fieldwork format: %s",
                    d->path, load_error->message);
    }
    if (net != NULL) {
        add_warnings(d, net, untyped);
    }
    return g_steal_pointer(&net);
}

/* Refuses text that is not UTF-8, naming where the first bad byte is. */
static gboolean
check_utf8(const char *path, const char *text, gsize length, GError **error)
{
    const char *end = NULL;
    if (g_utf8_validate(text, (gssize) length, &end)) {
        return TRUE;
    }
    gsize line = 1;
    const char *line_start = text;
    for (const char *p = text; p < end; p++) {
        if (*p == '\n') {
            line++;
            line_start = p + 1;
        }
    }
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                "%s:%" G_GSIZE_FORMAT ":%ld: expected UTF-8 text, got a byte that is not "
                "(save the file as UTF-8)",
                path, line, g_utf8_strlen(line_start, end - line_start) + 1);
    return FALSE;
}

typedef gboolean (*ImportFunc)(WnDraft *draft, const char *path, const char *text, gsize length,
                               GError **error);

/**
 * wn_network_import:
 * Reads a network written by another tool: GraphML, GML, Pajek (.net), a weighted edge
 * list or node-link JSON (as NetworkX writes them), UCINET DL, or one interview of a
 * Network Canvas export: CSV (@path: its folder or one of its files) or GraphML (@path: a
 * .graphml file, or a file naming the Network Canvas namespace). Values the fieldwork format
 * knows are mapped back (kind or type, area, label, lat, lon, vulnerable; tie kind or type and
 * weight); every other value is kept as an attribute. A node without a kind becomes a
 * resident, self-ties are left out and repeated ties merged; each is reported by
 * wn_network_warnings(). The network then obeys FORMAT.md like any loaded dataset, and
 * wn_network_save() writes it as one.
 * Returns: (transfer full): the network, or NULL: a G_FILE_ERROR when @path cannot be
 * read, WN_ERROR_PARSE or WN_ERROR_INVALID with "FILE:LINE:COLUMN: " (or the element of
 * a JSON file) and what was expected.
 * Cost: O(size of the file) time and memory.
 */
WnNetwork *
wn_network_import(const char *path, WnFormat format, GError **error)
{
    static const ImportFunc imports[WN_FORMAT_COUNT] = {wn_import__graphml,
                                                        wn_import__gml,
                                                        wn_import__pajek,
                                                        wn_import__edgelist,
                                                        wn_import__node_link,
                                                        wn_import__ucinet,
                                                        wn_import__network_canvas_graphml};
    g_return_val_if_fail(path != NULL && format < WN_FORMAT_COUNT, NULL);
    if (format == WN_FORMAT_NETWORK_CANVAS && !wn_import__is_network_canvas_graphml(path)) {
        g_autoptr(WnDraft) draft = wn_draft__new(path);
        return wn_import__network_canvas(draft, path, error) ? wn_draft__finish(draft, error)
                                                             : NULL;
    }
    g_autofree char *text = NULL;
    gsize length = 0;
    if (!g_file_get_contents(path, &text, &length, error) ||
        !check_utf8(path, text, length, error)) {
        return NULL;
    }
    g_autoptr(WnDraft) draft = wn_draft__new(path);
    if (!imports[format](draft, path, text, length, error)) {
        return NULL;
    }
    return wn_draft__finish(draft, error);
}
