/* import.c: an imported file's draft, checked by the fieldwork rules in memory, as a network */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"
#include "load/load.h"

#include <string.h>

/* The columns past the fixed ones: the names of a draft's extra columns, and their
 * cells of the row being filled. */
typedef struct {
    const WnDraft *draft;
    GPtrArray *columns; /* WnDraftColumn, the fixed ones first */
    gsize fixed;
    GPtrArray *names;    /* const char * */
    GPtrArray *cells;    /* const char *, refilled for each row */
    gssize support_kind; /* the extra column named support_kind, or -1 */
} DraftRows;

static void
draft_rows_init(DraftRows *r, const WnDraft *d, GPtrArray *columns, gsize fixed)
{
    r->draft = d;
    r->columns = columns;
    r->fixed = fixed;
    r->names = g_ptr_array_new();
    r->cells = g_ptr_array_new();
    r->support_kind = -1;
    for (guint j = (guint) fixed; j < columns->len; j++) {
        const WnDraftColumn *c = g_ptr_array_index(columns, j);
        if (g_ascii_strcasecmp(c->name, "support_kind") == 0) {
            r->support_kind = (gssize) r->names->len;
        }
        g_ptr_array_add(r->names, c->name);
    }
    g_ptr_array_set_size(r->cells, r->names->len);
}

static void
draft_rows_clear(DraftRows *r)
{
    g_ptr_array_unref(r->names);
    g_ptr_array_unref(r->cells);
}

/* Sets the known cell @k of @row_out, and where it was given, from the column @j. */
static void
take_cell(const DraftRows *r, gsize row, gsize j, gsize k, WnLoadRow *row_out)
{
    const WnDraftColumn *c = g_ptr_array_index(r->columns, j);
    row_out->cells[k] = wn_draft__cell(c, row);
    row_out->where[k] = wn_draft__cell_where(c, row);
}

/* Points @row_out at the row's cells of the extra columns. */
static void
take_extra_cells(const DraftRows *r, gsize row, WnLoadRow *row_out)
{
    for (guint j = 0; j < r->cells->len; j++) {
        const WnDraftColumn *c = g_ptr_array_index(r->columns, r->fixed + j);
        g_ptr_array_index(r->cells, j) = (gpointer) wn_draft__cell(c, row);
    }
    row_out->extra = (const char *const *) r->cells->pdata;
}

/* The draft's fixed node columns are WnNodeColumn's after the id, in the same order. */
G_STATIC_ASSERT(WN_NODE_COLUMN_TYPE + WN_DRAFT_VULNERABLE == WN_NODE_COLUMN_VULNERABLE);
G_STATIC_ASSERT(WN_NODE_COLUMN_TYPE + WN_DRAFT_LAT == WN_NODE_COLUMN_LAT);

/* A node row: id, then the fixed columns in WnNodeColumn order; no kind is a resident. */
static void
fill_node_row(gpointer data, gsize v, WnLoadRow *row_out)
{
    const DraftRows *r = data;
    row_out->cells[WN_NODE_COLUMN_ID] = g_ptr_array_index(r->draft->ids, v);
    row_out->row_where = g_ptr_array_index(r->draft->node_wheres, v);
    for (gsize j = 0; j < WN_DRAFT_NODE_FIXED; j++) {
        take_cell(r, v, j, WN_NODE_COLUMN_TYPE + j, row_out);
    }
    if (row_out->cells[WN_NODE_COLUMN_TYPE] == NULL) {
        row_out->cells[WN_NODE_COLUMN_TYPE] = "resident";
    }
    take_extra_cells(r, v, row_out);
}

/* A tie row: its ends' ids, type, weight, and support_kind (also kept as an attribute). */
static void
fill_tie_row(gpointer data, gsize t, WnLoadRow *row_out)
{
    const DraftRows *r = data;
    const WnDraft *d = r->draft;
    row_out->cells[WN_TIE_COLUMN_SOURCE] =
        g_ptr_array_index(d->ids, g_array_index(d->ends, guint32, 2 * t));
    row_out->cells[WN_TIE_COLUMN_TARGET] =
        g_ptr_array_index(d->ids, g_array_index(d->ends, guint32, 2 * t + 1));
    row_out->row_where = g_ptr_array_index(d->tie_wheres, t);
    take_cell(r, t, WN_DRAFT_TIE_TYPE, WN_TIE_COLUMN_TYPE, row_out);
    take_cell(r, t, WN_DRAFT_WEIGHT, WN_TIE_COLUMN_WEIGHT, row_out);
    take_extra_cells(r, t, row_out);
    if (r->support_kind >= 0) {
        take_cell(r, t, r->fixed + (gsize) r->support_kind, WN_TIE_COLUMN_SUPPORT_KIND, row_out);
    }
}

static gsize
count_untyped(const WnDraft *d)
{
    gsize untyped = 0;
    for (guint v = 0; v < d->ids->len; v++) {
        untyped += wn_draft__cell(g_ptr_array_index(d->node_columns, WN_DRAFT_TYPE), v) == NULL;
    }
    return untyped;
}

/* The import's own warnings come first, then those of the rules (which name the
 * user's file too), then the merged ties. */
static void
add_warnings(const WnDraft *d, WnNetwork *net)
{
    g_autoptr(GPtrArray) rules = g_steal_pointer(&net->warnings);
    net->warnings = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < d->warnings->len; i++) {
        wn_network__add_warning(net, "%s", (const char *) g_ptr_array_index(d->warnings, i));
    }
    gsize untyped = count_untyped(d);
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
    for (guint i = 0; i < rules->len; i++) {
        wn_network__add_warning(net, "%s", (const char *) g_ptr_array_index(rules, i));
    }
    if (net->merged_rows > 0) {
        gboolean one = net->merged_rows == 1;
        wn_network__add_warning(net,
                                "%s: %" G_GSIZE_FORMAT " repeated %s merged into %s of the same "
                                "pair and type (weights added)",
                                d->path, net->merged_rows, one ? "tie" : "ties",
                                one ? "an earlier tie" : "earlier ties");
    }
}

/* The node rows (@ties FALSE) or the tie rows of the draft, checked into @net. */
static gboolean
import_rows(const WnDraft *d, WnNetwork *net, gboolean ties, GError **error)
{
    DraftRows r;
    if (ties) {
        draft_rows_init(&r, d, d->tie_columns, WN_DRAFT_TIE_FIXED);
    } else {
        draft_rows_init(&r, d, d->node_columns, WN_DRAFT_NODE_FIXED);
    }
    WnLoadSource source = {
        d->path, ties ? d->ends->len / 2 : d->ids->len, ties ? fill_tie_row : fill_node_row,
        &r,      (const char *const *) r.names->pdata,  r.names->len};
    const WnLoadTable *table = ties ? &wn_load__tie_table : &wn_load__node_table;
    gboolean ok = wn_load__table(net, table, d->path, WN_LOAD_DEFAULT, &source, error);
    draft_rows_clear(&r);
    return ok;
}

/**
 * wn_draft__finish:
 * Checks the draft by the rules of the fieldwork format (docs/FORMAT.md) in memory, the same
 * checks the loader makes of nodes.csv, ties.csv and dataset.json, and builds the network.
 * A value the rules refuse is reported where the user's file gave it.
 * Returns: (transfer full): the network, its warnings those of the import; NULL on error.
 */
WnNetwork *
wn_draft__finish(WnDraft *d, GError **error)
{
    g_autoptr(WnNetwork) net = wn_network__new();
    g_autofree char *meta = wn_write__dataset_json_text(d->metadata, d->directed);
    if (!wn_draft__check_types(d, error) ||
        !wn_load__dataset_json_text(net, d->path, meta, strlen(meta), error) ||
        !import_rows(d, net, FALSE, error) || !import_rows(d, net, TRUE, error)) {
        return NULL;
    }
    wn_network__seal(net);
    add_warnings(d, net);
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
    gsize line = 1, column = 1;
    wn_load__locate(text, end, &line, &column);
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ": expected UTF-8 text, got a byte "
                "that is not (save the file as UTF-8)",
                path, line, column);
    return FALSE;
}

/* Past a byte-order mark at the very start, as editors on Windows write one (a mark
 * elsewhere is still refused); @length shrinks with it. */
static const char *
skip_bom(const char *text, gsize *length)
{
    if (*length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        *length -= 3;
        return text + 3;
    }
    return text;
}

typedef gboolean (*ImportFunc)(WnDraft *draft, const char *path, const char *text, gsize length,
                               GError **error);

/**
 * wn_network_import:
 * wn_network_import_full() with the default options (WN_IMPORT_OPTIONS_INIT).
 */
WnNetwork *
wn_network_import(const char *path, WnFormat format, GError **error)
{
    const WnImportOptions opts = WN_IMPORT_OPTIONS_INIT;
    return wn_network_import_full(path, format, &opts, error);
}

/**
 * wn_import_options_check:
 * Checks @opts before an import: @opts->types must be TYPE=KIND pairs separated by commas,
 * each KIND a node kind or a tie type (English or Dutch), no TYPE given two kinds.
 * Returns: FALSE with WN_ERROR_INVALID "types "…": …" naming what is wrong.
 */
gboolean
wn_import_options_check(const WnImportOptions *opts, GError **error)
{
    g_return_val_if_fail(opts != NULL, FALSE);
    g_autoptr(WnDraft) draft = wn_draft__new("");
    return wn_draft__set_types(draft, opts->types, error);
}

/* The draft of @path, filled by the reader of @format. */
static gboolean
read_draft(WnDraft *draft, const char *path, WnFormat format, GError **error)
{
    static const ImportFunc imports[WN_FORMAT_COUNT] = {wn_import__graphml,
                                                        wn_import__gml,
                                                        wn_import__pajek,
                                                        wn_import__edgelist,
                                                        wn_import__node_link,
                                                        wn_import__ucinet,
                                                        wn_import__network_canvas_graphml};
    if (format == WN_FORMAT_NETWORK_CANVAS && !wn_import__is_network_canvas_graphml(path)) {
        return wn_import__network_canvas(draft, path, error);
    }
    g_autofree char *text = NULL;
    gsize length = 0;
    if (!wn_input__read(path, 0, &text, &length, error) || !check_utf8(path, text, length, error)) {
        return FALSE;
    }
    const char *start = skip_bom(text, &length);
    return imports[format](draft, path, start, length, error);
}

/**
 * wn_network_import_full:
 * Reads a network written by another tool: GraphML, GML, Pajek (.net), a weighted edge
 * list or node-link JSON (as NetworkX writes them), UCINET DL, or one interview of a
 * Network Canvas export: CSV (@path: its folder or one of its files) or GraphML (@path: a
 * .graphml file, or a file naming the Network Canvas namespace). Values the fieldwork format
 * knows are mapped back (kind or type, area, label, lat, lon, vulnerable; tie kind or type and
 * weight); every other value is kept as an attribute, as text: an id or a value is never
 * read as a number (`007` stays `007`). A node type (a kind or type value, or a Network
 * Canvas node type) is the kind it names, or the kind @opts->types maps it to (Network
 * Canvas's Person: resident unless mapped); a node type with neither refuses the import.
 * An edge type is the tie type it names or is mapped to, else an acquaintance (refused
 * when that would merge two edge types of one pair into one relation). Edges of one pair
 * with different types are the relations of one tie; edges of the same type merge
 * (weights added). A node without any kind becomes a resident and self-ties are left out;
 * each is reported by wn_network_warnings(). The network is checked in memory by the rules of
 * docs/FORMAT.md, the loader's own checks, so it obeys them like any loaded dataset, and
 * wn_network_save() writes it as one; a rule's error or warning names @path and where the value is
 * in it. Returns: (transfer full): the network, or NULL: a G_FILE_ERROR when @path cannot be read,
 * WN_ERROR_PARSE or WN_ERROR_INVALID with "FILE:LINE:COLUMN: " (or the element of a JSON file) and
 * what was expected; WN_ERROR_INVALID for bad @opts (wn_import_options_check), a node type without
 * a kind ("WHERE: node type "Venue" has no kind; the file has the node types …; map them with
 * --types …") or edge types that would merge (wn_draft__check_types). Cost: O(size of the file)
 * time and memory.
 */
WnNetwork *
wn_network_import_full(const char *path, WnFormat format, const WnImportOptions *opts,
                       GError **error)
{
    g_return_val_if_fail(path != NULL && format < WN_FORMAT_COUNT && opts != NULL, NULL);
    g_autoptr(WnDraft) draft = wn_draft__new(path);
    if (!wn_draft__set_types(draft, opts->types, error) ||
        !read_draft(draft, path, format, error)) {
        return NULL;
    }
    return wn_draft__finish(draft, error);
}
