/* nodes.c: the node rows (nodes.csv or an import): ids, kinds, positions */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

#include <math.h>

/* Node columns as they are read, handed to the network when the file is done. */
typedef struct {
    GArray *ids, *labels, *areas; /* const char * */
    GArray *kinds, *vulnerable;   /* guint8 */
    GArray *lat, *lon;            /* double */
    GArray *lines;                /* gsize: where each node was defined */
    WnConfusable folded;
} NodeRows;

static gboolean
parse_coordinate(const WnLoader *l, WnNodeColumn column, double limit, double *out, GError **error)
{
    const char *text = wn_load__cell(l, column);
    if (!wn_load__coordinate(text, l->csv.delimiter, limit, out)) {
        g_autofree char *expected = g_strdup_printf(
            "%s in WGS84 degrees between -%g and %g",
            column == WN_NODE_COLUMN_LAT ? "a latitude" : "a longitude", limit, limit);
        wn_load__cell_error_got(l, error, WN_ERROR_PARSE, column, expected, text);
        return FALSE;
    }
    return TRUE;
}

/* ids that differ only in case or Unicode normalisation draw a warning (docs/FORMAT.md);
 * @id is the last of rows->ids. */
static void
warn_if_confusable(WnLoader *l, NodeRows *rows, const char *id)
{
    const char *const *ids = (const char *const *) (void *) rows->ids->data;
    guint32 hash = wn_confusable__hash(id, rows->folded.scratch);
    const char *earlier = wn_confusable__check(&rows->folded, ids, rows->ids->len - 1, hash);
    if (earlier != NULL) {
        const char *path = NULL;
        gsize line = 0;
        wn_load__row_place(l, &path, &line);
        wn_load__warn_confusable(l->net, path, line, id, earlier);
    }
}

static gboolean
check_node_id(WnLoader *l, NodeRows *rows, const char *id, GError **error)
{
    if (*id == '\0') {
        wn_load__cell_error_got(l, error, WN_ERROR_PARSE, WN_NODE_COLUMN_ID, "a node id", id);
        return FALSE;
    }
    gsize earlier = 0;
    if (wn_id_index__lookup(&l->net->index, id, wn_id__hash(id), &earlier)) {
        g_autofree char *got = wn_load__describe_cell(id);
        wn_load__cell_error(l, error, WN_ERROR_INVALID, WN_NODE_COLUMN_ID,
                            "expected a new node id, got %s again (first on line %" G_GSIZE_FORMAT
                            ")",
                            got, g_array_index(rows->lines, gsize, earlier));
        return FALSE;
    }
    if (rows->ids->len >= WN_MAX_NODES) {
        wn_load__cell_error(l, error, WN_ERROR_INVALID, WN_NODE_COLUMN_ID,
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
    const char *id = wn_load__cell(l, WN_NODE_COLUMN_ID);
    if (!wn_load__check_field_count(l, error) || !check_node_id(l, rows, id, error)) {
        return FALSE;
    }
    if (!wn_load__node_kind(wn_load__cell(l, WN_NODE_COLUMN_TYPE), &out->kind)) {
        wn_load__cell_error_got(l, error, WN_ERROR_PARSE, WN_NODE_COLUMN_TYPE,
                                "resident, professional, group or organisation (or bewoner, groep, "
                                "organisatie)",
                                wn_load__cell(l, WN_NODE_COLUMN_TYPE));
        return FALSE;
    }
    if (!wn_load__flag(wn_load__cell(l, WN_NODE_COLUMN_VULNERABLE), &out->vulnerable)) {
        wn_load__cell_error_got(l, error, WN_ERROR_PARSE, WN_NODE_COLUMN_VULNERABLE,
                                "1/0, true/false, yes/no or ja/nee (or an empty cell)",
                                wn_load__cell(l, WN_NODE_COLUMN_VULNERABLE));
        return FALSE;
    }
    if (!parse_coordinate(l, WN_NODE_COLUMN_LAT, 90, &out->lat, error) ||
        !parse_coordinate(l, WN_NODE_COLUMN_LON, 180, &out->lon, error)) {
        return FALSE;
    }
    if (!isnan(out->lat) != !isnan(out->lon)) {
        const char *path = NULL;
        gsize line = 0;
        wn_load__row_place(l, &path, &line);
        wn_load__warn_half_position(l->net, path, line, id);
    }
    return TRUE;
}

/* Adds a checked row: its strings move into the network's string chunk. */
static void
add_node(WnLoader *l, NodeRows *rows, const NodeCells *c)
{
    WnNetwork *net = l->net;
    const char *id = g_string_chunk_insert(net->strings, wn_load__cell(l, WN_NODE_COLUMN_ID));
    const char *label = wn_load__cell(l, WN_NODE_COLUMN_LABEL);
    const char *area = wn_load__cell(l, WN_NODE_COLUMN_AREA);
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
    wn_load__keep_extra_cells(l);
}

static gboolean
parse_node_row(WnLoader *l, gpointer data, GError **error)
{
    NodeRows *rows = data;
    NodeCells c = {0, 0, NAN, NAN};
    if (!parse_node_cells(l, rows, &c, error)) {
        return FALSE;
    }
    add_node(l, rows, &c);
    return TRUE;
}

static gpointer
node_rows_new(WnLoader *l)
{
    (void) l;
    NodeRows *rows = g_new0(NodeRows, 1);
    rows->ids = g_array_new(FALSE, FALSE, sizeof(const char *));
    rows->labels = g_array_new(FALSE, FALSE, sizeof(const char *));
    rows->areas = g_array_new(FALSE, FALSE, sizeof(const char *));
    rows->kinds = g_array_new(FALSE, FALSE, sizeof(guint8));
    rows->vulnerable = g_array_new(FALSE, FALSE, sizeof(guint8));
    rows->lat = g_array_new(FALSE, FALSE, sizeof(double));
    rows->lon = g_array_new(FALSE, FALSE, sizeof(double));
    rows->lines = g_array_new(FALSE, FALSE, sizeof(gsize));
    wn_confusable__init(&rows->folded, 0);
    return rows;
}

/* Moves the columns into the network (unless @net is NULL); frees what is left. */
static void
node_rows_finish(gpointer data, WnNetwork *net)
{
    NodeRows *rows = data;
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
    g_free(rows);
}

static const char *const node_columns[WN_NODE_COLUMNS] = {"id",  "type", "label",     "area",
                                                          "lat", "lon",  "vulnerable"};

/* nodes.csv: id and type required, the fast path, and the checks of a row above. */
const WnLoadTable wn_load__node_table = {.names = node_columns,
                                         .n_names = WN_NODE_COLUMNS,
                                         .n_required = 2,
                                         .kept_known = -1,
                                         .fast = wn_load__nodes_fast,
                                         .rows_new = node_rows_new,
                                         .parse_row = parse_node_row,
                                         .rows_finish = node_rows_finish,
                                         .ties = FALSE};
