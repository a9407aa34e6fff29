/* network-canvas-read.c: one interview exported by Network Canvas as CSV files */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"
#include "load/load.h"

#include <string.h>

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(WnCsv, wn_csv__clear)

/* A whole CSV file: its header and rows (GStrv each), with the line each row starts on. */
typedef struct {
    char *path;
    GStrv header;
    GPtrArray *rows; /* GStrv */
    GArray *lines;   /* gsize */
} Table;

static void
table_free(Table *t)
{
    g_free(t->path);
    g_strfreev(t->header);
    g_clear_pointer(&t->rows, g_ptr_array_unref);
    g_clear_pointer(&t->lines, g_array_unref);
    g_free(t);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Table, table_free)

/* The files of one interview: `<prefix>_ego.csv`, `_attributeList_<type>.csv` and
 * `_edgeList_<type>.csv` (the type follows the marker, up to `.csv`). */
typedef struct {
    char *prefix;
    gboolean chosen; /* a file was given: other interviews in its folder are skipped */
    char *ego;
    GPtrArray *nodes, *edges;           /* paths */
    GPtrArray *node_types, *edge_types; /* the type of each */
} Interview;

static void
interview_clear(Interview *iv)
{
    g_free(iv->prefix);
    g_free(iv->ego);
    g_clear_pointer(&iv->nodes, g_ptr_array_unref);
    g_clear_pointer(&iv->edges, g_ptr_array_unref);
    g_clear_pointer(&iv->node_types, g_ptr_array_unref);
    g_clear_pointer(&iv->edge_types, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Interview, interview_clear)

static GStrv
record_strv(const WnCsv *csv)
{
    gsize n = wn_csv__field_count(csv);
    GStrv cells = g_new0(char *, n + 1);
    for (gsize i = 0; i < n; i++) {
        cells[i] = g_strstrip(g_strdup(wn_csv__field(csv, i)));
    }
    return cells;
}

/* Reads a CSV file whole (the files of one interview are small). */
static Table *
read_table(const char *path, GError **error)
{
    g_auto(WnCsv) csv = {0};
    g_autoptr(Table) t = g_new0(Table, 1);
    t->path = g_strdup(path);
    t->rows = g_ptr_array_new_with_free_func((GDestroyNotify) g_strfreev);
    t->lines = g_array_new(FALSE, FALSE, sizeof(gsize));
    gboolean done = FALSE;
    if (!wn_csv__open(&csv, path, error)) {
        return NULL;
    }
    for (;;) {
        if (!wn_csv__next(&csv, &done, error) || (!done && !wn_csv__check_utf8(&csv, error))) {
            return NULL;
        }
        if (done) {
            break;
        }
        if (t->header == NULL) {
            t->header = record_strv(&csv);
            continue;
        }
        if (wn_csv__field_count(&csv) > g_strv_length(t->header)) {
            wn_csv__set_error(&csv, error, WN_ERROR_PARSE, csv.record_line,
                              g_strv_length(t->header) + 1,
                              "expected %u fields as in the header, got %" G_GSIZE_FORMAT,
                              g_strv_length(t->header), wn_csv__field_count(&csv));
            return NULL;
        }
        g_ptr_array_add(t->rows, record_strv(&csv));
        g_array_append_val(t->lines, csv.record_line);
    }
    if (t->header == NULL) {
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE, "%s:1:1: expected a header line, got none",
                    path);
        return NULL;
    }
    return g_steal_pointer(&t);
}

/* The column named @name (case-insensitively), or -1. */
static gssize
column_of(const Table *t, const char *name)
{
    for (gsize j = 0; t->header[j] != NULL; j++) {
        if (g_ascii_strcasecmp(t->header[j], name) == 0) {
            return (gssize) j;
        }
    }
    return -1;
}

static gboolean
require_columns(const Table *t, const char *const *names, gsize n, GError **error)
{
    for (gsize i = 0; i < n; i++) {
        if (column_of(t, names[i]) < 0) {
            g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                        "%s:1:1: expected a column named %s in the header, got none", t->path,
                        names[i]);
            return FALSE;
        }
    }
    return TRUE;
}

static const char *
cell(const Table *t, gsize row, gsize column)
{
    GStrv cells = g_ptr_array_index(t->rows, row);
    return column < g_strv_length(cells) ? cells[column] : "";
}

static char *
where(const Table *t, gsize row, gsize column)
{
    return wn_import__where(t->path, g_array_index(t->lines, gsize, row), column + 1);
}

/* Returns: TRUE when @name is one of the NULL-ended @names, case-insensitively. */
gboolean
wn_nc__is_one_of(const char *name, const char *const *names)
{
    for (gsize i = 0; names[i] != NULL; i++) {
        if (g_ascii_strcasecmp(name, names[i]) == 0) {
            return TRUE;
        }
    }
    return FALSE;
}

/* Every row must belong to the interview's ego. */
static gboolean
check_ego(const Table *t, gsize row, const char *ego_uuid, GError **error)
{
    gsize column = (gsize) column_of(t, "networkCanvasEgoUUID");
    const char *got = cell(t, row, column);
    if (strcmp(got, ego_uuid) == 0) {
        return TRUE;
    }
    g_autofree char *at = where(t, row, column);
    g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                "%s: expected the ego's networkCanvasEgoUUID \"%s\", got \"%s\"", at, ego_uuid,
                got);
    return FALSE;
}

/* The interviewee: the resident "ego", first of the nodes (nc_type "ego"). */
gboolean
wn_nc__add_ego_node(WnDraft *draft, const char *where, gsize *ego_out, GError **error)
{
    if (!wn_draft__add_node(draft, "ego", where, ego_out, error)) {
        return FALSE;
    }
    wn_draft__set_node_kind(draft, *ego_out, "resident", where);
    return wn_draft__node_value(draft, *ego_out, "nc_type", "ego", where, error);
}

/* The ego row: the node "ego"; session columns become metadata, the rest ego values. */
static gboolean
read_ego(WnDraft *draft, const char *path, char **uuid_out, GError **error)
{
    static const char *const session[] = {"networkCanvasCaseID",
                                          "networkCanvasSessionID",
                                          "networkCanvasProtocolName",
                                          "sessionStart",
                                          "sessionFinish",
                                          "sessionExported",
                                          "APP_VERSION",
                                          "COMMIT_HASH",
                                          NULL};
    static const char *const required[] = {"networkCanvasEgoUUID"};
    g_autoptr(Table) t = read_table(path, error);
    if (t == NULL || !require_columns(t, required, 1, error)) {
        return FALSE;
    }
    if (t->rows->len != 1) {
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                    "%s:2:1: expected one row (the ego) after the header, got %u", path,
                    t->rows->len);
        return FALSE;
    }
    gsize ego = 0;
    g_autofree char *at = where(t, 0, 0);
    if (!wn_nc__add_ego_node(draft, at, &ego, error)) {
        return FALSE;
    }
    for (gsize j = 0; t->header[j] != NULL; j++) {
        g_autofree char *here = where(t, 0, j);
        const char *value = cell(t, 0, j);
        if (g_ascii_strcasecmp(t->header[j], "networkCanvasEgoUUID") == 0) {
            *uuid_out = g_strdup(value);
            if (!wn_draft__node_value(draft, ego, "networkCanvasUUID", value, here, error)) {
                return FALSE;
            }
        } else if (wn_nc__is_one_of(t->header[j], session)) {
            wn_draft__set_metadata(draft, t->header[j], value);
        } else if (!wn_draft__node_value(draft, ego, t->header[j], value, here, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/* What both Network Canvas imports start with: Network Canvas's own node type for people
 * is a resident unless --types says otherwise (README, "Working with other tools"), and
 * the tie column nc_edge_type comes first, whatever order a GraphML edge gives its values
 * in, so the CSV and the GraphML export give the same ties.csv. */
void
wn_nc__start(WnDraft *draft)
{
    wn_draft__default_type(draft, "Person", "resident");
    wn_draft__column_named(draft->tie_columns, "nc_edge_type");
}

/**
 * wn_nc__set_node_type:
 * Gives @node of @draft the Network Canvas node @type: its kind (wn_draft__node_type: a
 * mapping, or the kind the type names; none refuses the import) and @type itself as
 * "nc_type".
 */
gboolean
wn_nc__set_node_type(WnDraft *draft, gsize node, const char *type, const char *where,
                     GError **error)
{
    wn_draft__node_type(draft, node, type, where);
    return wn_draft__node_value(draft, node, "nc_type", type, where, error);
}

static gboolean
add_alter_value(WnDraft *draft, const Table *t, gsize row, gsize node, gsize column,
                const char *ego_uuid, GError **error)
{
    static const char *const skipped[] = {"nodeID", NULL};
    const char *name = t->header[column];
    g_autofree char *at = where(t, row, column);
    if (g_ascii_strcasecmp(name, "networkCanvasEgoUUID") == 0) {
        return check_ego(t, row, ego_uuid, error);
    }
    if (wn_nc__is_one_of(name, skipped)) {
        return TRUE;
    }
    /* Network Canvas names a node by its variable "name": the label (personal data) */
    const char *as = g_ascii_strcasecmp(name, "name") == 0 ? "label" : name;
    return wn_draft__node_value(draft, node, as, cell(t, row, column), at, error);
}

static gboolean
read_alters(WnDraft *draft, const char *path, const char *type, const char *ego_uuid,
            GError **error)
{
    static const char *const required[] = {"nodeID", "networkCanvasEgoUUID", "networkCanvasUUID"};
    g_autoptr(Table) t = read_table(path, error);
    if (t == NULL || !require_columns(t, required, G_N_ELEMENTS(required), error)) {
        return FALSE;
    }
    gsize id_column = (gsize) column_of(t, "nodeID");
    for (gsize r = 0; r < t->rows->len; r++) {
        gsize node = 0;
        g_autofree char *at = where(t, r, id_column);
        if (!wn_draft__add_node(draft, cell(t, r, id_column), at, &node, error) ||
            !wn_nc__set_node_type(draft, node, type, at, error)) {
            return FALSE;
        }
        for (gsize j = 0; t->header[j] != NULL; j++) {
            if (!add_alter_value(draft, t, r, node, j, ego_uuid, error)) {
                return FALSE;
            }
        }
    }
    return TRUE;
}

/* An edge's end: the nodeID of a node of an attribute list. */
static gboolean
edge_end(WnDraft *draft, const Table *t, gsize row, const char *name, gsize *out, GError **error)
{
    gsize column = (gsize) column_of(t, name);
    if (wn_draft__find_node(draft, cell(t, row, column), out) &&
        g_strcmp0(cell(t, row, column), "ego") != 0) {
        return TRUE;
    }
    g_autofree char *at = where(t, row, column);
    g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                "%s: expected the nodeID of a node in an attribute list, got \"%s\"", at,
                cell(t, row, column));
    return FALSE;
}

/**
 * wn_nc__set_tie_type:
 * Gives @tie of @draft the Network Canvas edge @type: its tie type
 * (wn_draft__edge_type: a mapping or the tie type it names; acquaintance when it has none,
 * unless that would merge it with another relation of its pair, which
 * wn_draft__check_types refuses) and @type itself as "nc_edge_type".
 */
gboolean
wn_nc__set_tie_type(WnDraft *draft, gsize tie, const char *type, const char *where, GError **error)
{
    const char *kind = wn_draft__edge_type(draft, tie, type, where);
    wn_draft__set_tie_kind(draft, tie, kind != NULL ? kind : "acquaintance", where);
    return wn_draft__tie_value(draft, tie, "nc_edge_type", type, where, error);
}

/* Warns that the @count ties of @type (no tie kind) are imported as acquaintance. */
void
wn_nc__warn_edge_type(WnDraft *draft, const char *where, const char *type, guint count)
{
    wn_draft__add_warning(draft,
                          "%s: edge type \"%s\" is no wijknet tie kind: its %u %s imported "
                          "as acquaintance (nc_edge_type keeps the type)",
                          where, type, count, count == 1 ? "tie is" : "ties are");
}

static gboolean
add_edge_values(WnDraft *draft, const Table *t, gsize row, gsize tie, const char *ego_uuid,
                GError **error)
{
    static const char *const skipped[] = {
        "edgeID", "from", "to", "networkCanvasSourceUUID", "networkCanvasTargetUUID", NULL};
    for (gsize j = 0; t->header[j] != NULL; j++) {
        g_autofree char *at = where(t, row, j);
        if (g_ascii_strcasecmp(t->header[j], "networkCanvasEgoUUID") == 0) {
            if (!check_ego(t, row, ego_uuid, error)) {
                return FALSE;
            }
        } else if (!wn_nc__is_one_of(t->header[j], skipped) &&
                   !wn_draft__tie_value(draft, tie, t->header[j], cell(t, row, j), at, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
read_edges(WnDraft *draft, const char *path, const char *type, const char *ego_uuid, GError **error)
{
    static const char *const required[] = {"from", "to", "networkCanvasEgoUUID"};
    g_autoptr(Table) t = read_table(path, error);
    if (t == NULL || !require_columns(t, required, G_N_ELEMENTS(required), error)) {
        return FALSE;
    }
    if (wn_draft__edge_kind(draft, type) == NULL && t->rows->len > 0) {
        wn_nc__warn_edge_type(draft, path, type, t->rows->len);
    }
    for (gsize r = 0; r < t->rows->len; r++) {
        gsize from = 0, to = 0;
        if (!edge_end(draft, t, r, "from", &from, error) ||
            !edge_end(draft, t, r, "to", &to, error)) {
            return FALSE;
        }
        g_autofree char *at = where(t, r, 0);
        gsize tie = wn_draft__add_tie(draft, from, to, at);
        if (!wn_nc__set_tie_type(draft, tie, type, at, error) ||
            !add_edge_values(draft, t, r, tie, ego_uuid, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/* Ego named every alter: an ego network implies a tie from ego to each of them. @dir
 * (the folder, or the GraphML file) starts the warning. */
gboolean
wn_nc__add_ego_ties(WnDraft *draft, const char *dir, GError **error)
{
    gsize ego = 0, n = wn_draft__node_count(draft);
    g_assert_true(wn_draft__find_node(draft, "ego", &ego));
    for (gsize v = 0; v < n; v++) {
        gsize tie = v == ego ? WN_DRAFT_SKIPPED : wn_draft__add_tie(draft, ego, v, dir);
        wn_draft__set_tie_kind(draft, tie, "acquaintance", dir);
        if (!wn_draft__tie_value(draft, tie, "nc_edge_type", "ego", dir, error)) {
            return FALSE;
        }
    }
    if (n > 1) {
        wn_draft__add_warning(draft,
                              "%s: %" G_GSIZE_FORMAT " ties from ego to each alter added as "
                              "acquaintance (implied: ego named them; nc_edge_type \"ego\")",
                              dir, n - 1);
    }
    return TRUE;
}

/* Splits a file name into its interview prefix, its role and its type. */
static gboolean
split_name(const char *name, char **prefix_out, char *role_out, char **type_out)
{
    static const struct {
        const char *marker;
        char role;
    } markers[] = {{"_attributeList_", 'n'}, {"_edgeList_", 'e'}};
    if (!g_str_has_suffix(name, ".csv")) {
        return FALSE;
    }
    if (g_str_has_suffix(name, "_ego.csv") && strlen(name) > strlen("_ego.csv")) {
        *prefix_out = g_strndup(name, strlen(name) - strlen("_ego.csv"));
        *role_out = 'g';
        *type_out = NULL;
        return TRUE;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(markers); i++) {
        const char *at = strstr(name, markers[i].marker);
        const char *type = at != NULL ? at + strlen(markers[i].marker) : NULL;
        if (at != NULL && at > name && strlen(type) > strlen(".csv")) {
            *prefix_out = g_strndup(name, (gsize) (at - name));
            *role_out = markers[i].role;
            *type_out = g_strndup(type, strlen(type) - strlen(".csv"));
            return TRUE;
        }
    }
    return FALSE;
}

static gboolean
add_file(Interview *iv, const char *dir, const char *name, GError **error)
{
    g_autofree char *prefix = NULL, *type = NULL;
    char role = 0;
    if (!split_name(name, &prefix, &role, &type)) {
        return TRUE;
    }
    if (iv->chosen && strcmp(prefix, iv->prefix) != 0) {
        return TRUE;
    }
    if (iv->prefix != NULL && strcmp(prefix, iv->prefix) != 0) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "%s: expected the CSV files of one interview, got two: \"%s\" and \"%s\" "
                    "(give one file of the interview to read)",
                    dir, iv->prefix, prefix);
        return FALSE;
    }
    iv->prefix = iv->prefix != NULL ? iv->prefix : g_strdup(prefix);
    g_autofree char *path = g_build_filename(dir, name, NULL);
    if (role == 'g') {
        iv->ego = g_steal_pointer(&path);
    } else {
        g_ptr_array_add(role == 'n' ? iv->nodes : iv->edges, g_steal_pointer(&path));
        g_ptr_array_add(role == 'n' ? iv->node_types : iv->edge_types, g_steal_pointer(&type));
    }
    return TRUE;
}

static gint
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* The interview's files in @dir, in name order; with @prefix only those of that interview. */
static gboolean
find_files(Interview *iv, const char *dir, GError **error)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, error);
    if (d == NULL) {
        return FALSE;
    }
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    for (const char *name = NULL; (name = g_dir_read_name(d)) != NULL;) {
        g_ptr_array_add(names, g_strdup(name));
    }
    g_ptr_array_sort(names, compare_names);
    for (guint i = 0; i < names->len; i++) {
        if (!add_file(iv, dir, g_ptr_array_index(names, i), error)) {
            return FALSE;
        }
    }
    if (iv->ego == NULL) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "%s: expected a Network Canvas ego file (<prefix>_ego.csv), got none", dir);
        return FALSE;
    }
    return TRUE;
}

/* @path is the interview's folder, or one of its files: then its folder, that interview. */
static gboolean
open_interview(Interview *iv, const char *path, char **dir_out, GError **error)
{
    iv->nodes = g_ptr_array_new_with_free_func(g_free);
    iv->edges = g_ptr_array_new_with_free_func(g_free);
    iv->node_types = g_ptr_array_new_with_free_func(g_free);
    iv->edge_types = g_ptr_array_new_with_free_func(g_free);
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        *dir_out = g_strdup(path);
        return find_files(iv, *dir_out, error);
    }
    g_autofree char *name = g_path_get_basename(path);
    g_autofree char *type = NULL;
    char role = 0;
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                    "%s: no such Network Canvas folder or file", path);
        return FALSE;
    }
    if (!split_name(name, &iv->prefix, &role, &type)) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "%s: expected a Network Canvas CSV file (<prefix>_ego.csv, "
                    "<prefix>_attributeList_<type>.csv or <prefix>_edgeList_<type>.csv) or its "
                    "folder, got another name",
                    path);
        return FALSE;
    }
    iv->chosen = TRUE;
    *dir_out = g_path_get_dirname(path);
    return find_files(iv, *dir_out, error);
}

/*
 * Network Canvas CSV export of one interview (README, "Working with other tools"):
 * @path is the folder or any one of the interview's files. The ego becomes the resident
 * "ego" (its networkCanvasEgoUUID as networkCanvasUUID; the session columns become
 * metadata); each attribute list's nodes are named by nodeID, of the kind the node type
 * names or --types maps it to (Person: resident; none: refused), with nc_type, their
 * networkCanvasUUID and every variable as given (categorical variables stay one column
 * per option, layout stays Cords_x/Cords_y, never lat/lon; the variable "name" is the
 * label). Each edge list's ties have the tie type the edge type names or is mapped to,
 * else acquaintance, with nc_edge_type. Ego is tied to every alter (acquaintance, nc_edge_type
 * "ego"): an ego network names only alters, so the export leaves these ties implicit.
 */
gboolean
wn_import__network_canvas(WnDraft *draft, const char *path, GError **error)
{
    g_auto(Interview) iv = {0};
    g_autofree char *dir = NULL;
    g_autofree char *ego_uuid = NULL;
    wn_nc__start(draft);
    if (!open_interview(&iv, path, &dir, error) || !read_ego(draft, iv.ego, &ego_uuid, error)) {
        return FALSE;
    }
    for (guint i = 0; i < iv.nodes->len; i++) {
        if (!read_alters(draft, g_ptr_array_index(iv.nodes, i), g_ptr_array_index(iv.node_types, i),
                         ego_uuid, error)) {
            return FALSE;
        }
    }
    for (guint i = 0; i < iv.edges->len; i++) {
        if (!read_edges(draft, g_ptr_array_index(iv.edges, i), g_ptr_array_index(iv.edge_types, i),
                        ego_uuid, error)) {
            return FALSE;
        }
    }
    return wn_nc__add_ego_ties(draft, dir, error);
}
