/* formats.c: the formats by name, and the node and tie values every export shows */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"
#include "privacy/privacy.h"

#include <math.h>
#include <string.h>

static const char *const format_names[WN_FORMAT_COUNT] = {
    "graphml", "gml", "pajek", "edgelist", "node-link", "ucinet", "network-canvas"};

/* Returns: the name of @format as the CLI takes it ("graphml" …). */
const char *
wn_format_name(WnFormat format)
{
    g_return_val_if_fail(format < WN_FORMAT_COUNT, NULL);
    return format_names[format];
}

/**
 * wn_format_lookup:
 * Finds a format by name, case-insensitively; "json" is node-link, "net" pajek and "dl"
 * ucinet.
 * Returns: TRUE and the format in @out when @name names one.
 */
gboolean
wn_format_lookup(const char *name, WnFormat *out)
{
    for (guint f = 0; f < WN_FORMAT_COUNT; f++) {
        if (g_ascii_strcasecmp(name, format_names[f]) == 0) {
            *out = (WnFormat) f;
            return TRUE;
        }
    }
    static const struct {
        const char *alias;
        WnFormat format;
    } aliases[] = {
        {"json", WN_FORMAT_NODE_LINK}, {"net", WN_FORMAT_PAJEK}, {"dl", WN_FORMAT_UCINET}};
    for (gsize i = 0; i < G_N_ELEMENTS(aliases); i++) {
        if (g_ascii_strcasecmp(name, aliases[i].alias) == 0) {
            *out = aliases[i].format;
            return TRUE;
        }
    }
    return FALSE;
}

static void
column_free(gpointer data)
{
    WnExportColumn *c = data;
    g_free(c->name);
    for (gsize i = 0; i < c->rows; i++) {
        g_free(c->cells[i]); /* not g_strfreev: a missing cell is NULL */
    }
    g_free(c->cells);
    g_free(c);
}

/* Adds a column of @rows cells, all missing; the caller fills them in. */
static WnExportColumn *
add_column(GPtrArray *columns, const char *name, WnValueKind kind, gsize rows)
{
    WnExportColumn *c = g_new0(WnExportColumn, 1);
    c->name = g_strdup(name);
    c->kind = kind;
    c->cells = g_new0(char *, rows + 1);
    c->rows = rows;
    g_ptr_array_add(columns, c);
    return c;
}

static gboolean
column_is_empty(const WnExportColumn *c, gsize rows)
{
    for (gsize i = 0; i < rows; i++) {
        if (c->cells[i] != NULL) {
            return FALSE;
        }
    }
    return TRUE;
}

/* Leaves out a column no node (or tie) has a value in. */
static void
drop_empty_columns(GPtrArray *columns, gsize rows)
{
    for (guint j = columns->len; j > 0; j--) {
        if (column_is_empty(g_ptr_array_index(columns, j - 1), rows)) {
            g_ptr_array_remove_index(columns, j - 1);
        }
    }
}

static gboolean
name_taken(const GPtrArray *columns, const char *name)
{
    static const char *const reserved[] = {"id", "name", "source", "target", "key"};
    for (gsize i = 0; i < G_N_ELEMENTS(reserved); i++) {
        if (g_ascii_strcasecmp(name, reserved[i]) == 0) {
            return TRUE;
        }
    }
    for (guint j = 0; j < columns->len; j++) {
        if (g_ascii_strcasecmp(((WnExportColumn *) g_ptr_array_index(columns, j))->name, name) ==
            0) {
            return TRUE;
        }
    }
    return FALSE;
}

/* Adds the dataset's own attribute columns, leaving out (with a warning) any whose name
 * a value of the export already uses. */
static void
add_attribute_columns(GPtrArray *columns, const GPtrArray *attributes, const char *what,
                      const guint32 *rows, gsize n_rows, GPtrArray *warnings)
{
    for (guint j = 0; j < attributes->len; j++) {
        const WnColumn *a = g_ptr_array_index(attributes, j);
        if (name_taken(columns, a->name)) {
            if (warnings != NULL) {
                g_ptr_array_add(warnings, g_strdup_printf("the %s attribute \"%s\" is left out: "
                                                          "the export uses that name itself",
                                                          what, a->name));
            }
            continue;
        }
        WnExportColumn *c = add_column(columns, a->name, WN_VALUE_STRING, n_rows);
        for (gsize i = 0; i < n_rows; i++) {
            c->cells[i] = g_strdup(a->values[rows != NULL ? rows[i] : i]);
        }
    }
}

static void
add_position_columns(GPtrArray *columns, const WnNetwork *net)
{
    WnExportColumn *lat = add_column(columns, "lat", WN_VALUE_NUMBER, net->n);
    WnExportColumn *lon = add_column(columns, "lon", WN_VALUE_NUMBER, net->n);
    for (gsize v = 0; v < net->n; v++) {
        char buf[WN_NUMBER_TEXT_SIZE];
        if (!isnan(net->lat[v]) && !isnan(net->lon[v])) {
            lat->cells[v] = g_strdup(wn_number__round_trip(buf, net->lat[v]));
            lon->cells[v] = g_strdup(wn_number__round_trip(buf, net->lon[v]));
        }
    }
}

/* The default centrality measures (wn_measure_table), after its id, type and area. */
static gboolean
add_measure_columns(GPtrArray *columns, const WnNetwork *net, GPtrArray *warnings, GError **error)
{
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    g_autoptr(WnTable) table = wn_measure_table(net, NULL, &opts, error);
    if (table == NULL) {
        return FALSE;
    }
    for (gsize j = 3; j < wn_table_column_count(table); j++) {
        const char *name = wn_table_column_name(table, j);
        if (name_taken(columns, name)) {
            g_ptr_array_add(warnings, g_strdup_printf("the measure \"%s\" is left out: a node "
                                                      "attribute has that name",
                                                      name));
            continue;
        }
        WnExportColumn *c = add_column(columns, name, WN_VALUE_NUMBER, net->n);
        for (gsize v = 0; v < net->n; v++) {
            if (!wn_table_cell_is_missing(table, v, j)) {
                c->cells[v] = wn_table_cell_to_string(table, v, j);
            }
        }
    }
    return TRUE;
}

/**
 * wn_export__node_columns:
 * The node values of an export, in this order: kind, area, label (only with
 * WN_EXPORT_SHOW_LABELS: labels are personal data), vulnerable, lat and lon (where both
 * are known), every attribute, and with WN_EXPORT_WITH_MEASURES the default centrality
 * measures. A column no node has a value in is left out; so is an attribute whose name
 * the export uses itself (id, name, kind …), with a warning; a personal attribute
 * (wn_network_node_attribute_is_personal) is left out without WN_EXPORT_SHOW_LABELS.
 * Returns: (transfer full): a GPtrArray of WnExportColumn, or NULL when a measure fails.
 */
GPtrArray *
wn_export__node_columns(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings,
                        GError **error)
{
    g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func(column_free);
    WnExportColumn *kind = add_column(columns, "kind", WN_VALUE_STRING, net->n);
    WnExportColumn *area = add_column(columns, "area", WN_VALUE_STRING, net->n);
    WnExportColumn *label = add_column(columns, "label", WN_VALUE_STRING, net->n);
    WnExportColumn *vulnerable = add_column(columns, "vulnerable", WN_VALUE_BOOLEAN, net->n);
    for (gsize v = 0; v < net->n; v++) {
        kind->cells[v] = g_strdup(wn_node_kind_name((WnNodeKind) net->kinds[v]));
        area->cells[v] = g_strdup(net->areas[v]);
        label->cells[v] = (flags & WN_EXPORT_SHOW_LABELS) != 0 ? g_strdup(net->labels[v]) : NULL;
        vulnerable->cells[v] = g_strdup(net->vulnerable[v] ? "true" : "false");
    }
    add_position_columns(columns, net);
    g_autoptr(GPtrArray) shown = wn_privacy__shown_attributes(net, flags & WN_EXPORT_SHOW_LABELS);
    add_attribute_columns(columns, shown, "node", NULL, net->n, warnings);
    if ((flags & WN_EXPORT_WITH_MEASURES) != 0 &&
        !add_measure_columns(columns, net, warnings, error)) {
        return NULL;
    }
    drop_empty_columns(columns, net->n);
    return g_steal_pointer(&columns);
}

/**
 * wn_export__tie_columns:
 * The tie values of an export, one cell per row of @rows (wn_write__tie_rows): kind (the
 * row's relation), weight (the row's), formal (the tie's), then every tie attribute (the
 * tie's, on each of its rows). As for nodes, an empty column is left out.
 * Returns: (transfer full): a GPtrArray of WnExportColumn.
 */
GPtrArray *
wn_export__tie_columns(const WnNetwork *net, const GArray *rows)
{
    g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func(column_free);
    WnExportColumn *kind = add_column(columns, "kind", WN_VALUE_STRING, rows->len);
    WnExportColumn *weight = add_column(columns, "weight", WN_VALUE_NUMBER, rows->len);
    WnExportColumn *formal = add_column(columns, "formal", WN_VALUE_BOOLEAN, rows->len);
    g_autofree guint32 *ties = g_new(guint32, rows->len + 1);
    for (guint i = 0; i < rows->len; i++) {
        const WnTieRow *row = &g_array_index(rows, WnTieRow, i);
        char buf[WN_NUMBER_TEXT_SIZE];
        ties[i] = row->tie;
        kind->cells[i] = g_strdup(wn_tie_kind_name((WnTieKind) row->kind));
        weight->cells[i] = g_strdup(wn_number__round_trip(buf, row->weight));
        formal->cells[i] = g_strdup(wn_network_tie_is_formal(net, row->tie) ? "true" : "false");
    }
    add_attribute_columns(columns, net->tie_attributes, "tie", ties, rows->len, NULL);
    drop_empty_columns(columns, rows->len);
    return g_steal_pointer(&columns);
}

static gboolean
values_init(WnExportValues *v, const WnNetwork *net, WnExportFlags flags, gboolean per_relation,
            GPtrArray *warnings, GError **error)
{
    v->nodes = wn_export__node_columns(net, flags, warnings, error);
    if (v->nodes == NULL) {
        return FALSE;
    }
    v->rows = wn_write__tie_rows(net, per_relation);
    v->ties = wn_export__tie_columns(net, v->rows);
    return TRUE;
}

/**
 * wn_export__values_init:
 * Fills @v with what every export starts from: the node columns
 * (wn_export__node_columns), the tie rows (wn_write__tie_rows, one per relation of a
 * tie) and the tie columns.
 * Returns: FALSE when a measure fails; @v is then empty.
 */
gboolean
wn_export__values_init(WnExportValues *v, const WnNetwork *net, WnExportFlags flags,
                       GPtrArray *warnings, GError **error)
{
    return values_init(v, net, flags, TRUE, warnings, error);
}

/* Returns: the number of ties holding more than one relation. */
gsize
wn_export__multiplex_ties(const WnNetwork *net)
{
    gsize n = 0;
    for (gsize t = 0; t < net->m; t++) {
        WnRelations r = wn_network_tie_relations(net, t);
        n += (r & (r - 1)) != 0;
    }
    return n;
}

void
wn_export__values_clear(WnExportValues *v)
{
    g_clear_pointer(&v->nodes, g_ptr_array_unref);
    g_clear_pointer(&v->rows, g_array_unref);
    g_clear_pointer(&v->ties, g_ptr_array_unref);
}

/**
 * wn_export__check_ids:
 * Refuses a network with a node id holding any of @refused (named in words by
 * @refused_words), which @carrier of @format cannot carry.
 * Returns: FALSE with WN_ERROR_INVALID "FORMAT: node id "ID" holds …, which … cannot carry".
 */
gboolean
wn_export__check_ids(const WnNetwork *net, const char *format, const char *refused,
                     const char *refused_words, const char *carrier, GError **error)
{
    for (gsize v = 0; v < net->n; v++) {
        if (strpbrk(net->ids[v], refused) != NULL) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                        "%s: node id \"%s\" holds %s, which %s cannot carry", format, net->ids[v],
                        refused_words, carrier);
            return FALSE;
        }
    }
    return TRUE;
}

/* What each format that carries ids, ties and weights only cannot hold in an id. */
static const struct {
    const char *format, *refused, *refused_words, *carrier;
} id_rules[] = {
    /* NetworkX would split or cut an id at a tab or a line end, or at a `#` (a comment) */
    {"edgelist", "\t\r\n#", "a tab, a line end or a #", "an edge list"},
    {"pajek", "\"\r\n", "a double quote or a line end", "a Pajek vertex label"},
    {"ucinet", "\"\r\n", "a double quote or a line end", "a UCINET label"},
};

/**
 * wn_export__ids_only_init:
 * Starts an export to @format ("edgelist", "pajek" or "ucinet"), which carries ids, ties
 * and weights only, and with @relations the tie types too: fills @v (wn_export__values_init:
 * with @relations one row per relation of a tie, else one per tie with its relations'
 * weights added, with a warning when a tie has several), refuses ids the format cannot
 * hold (wn_export__check_ids) and warns of the values left out (wn_export__warn_left_out).
 * Returns: FALSE when a measure fails or an id is refused.
 */
gboolean
wn_export__ids_only_init(WnExportValues *v, const WnNetwork *net, WnExportFlags flags,
                         const char *format, gboolean relations, GPtrArray *warnings,
                         GError **error)
{
    gsize r = 0;
    while (strcmp(id_rules[r].format, format) != 0) {
        r++;
        g_return_val_if_fail(r < G_N_ELEMENTS(id_rules), FALSE);
    }
    if (!values_init(v, net, flags, relations, warnings, error) ||
        !wn_export__check_ids(net, format, id_rules[r].refused, id_rules[r].refused_words,
                              id_rules[r].carrier, error)) {
        return FALSE;
    }
    wn_export__warn_left_out(format, v->nodes, v->ties, relations, warnings);
    gsize multiplex = relations ? 0 : wn_export__multiplex_ties(net);
    if (multiplex > 0) {
        g_ptr_array_add(warnings, g_strdup_printf("%s: %" G_GSIZE_FORMAT " tie%s of several "
                                                  "relations %s written as one row each, with "
                                                  "the relations' weights added",
                                                  format, multiplex, multiplex == 1 ? "" : "s",
                                                  multiplex == 1 ? "is" : "are"));
    }
    return TRUE;
}

/* Conflicts are no relation (docs/FORMAT.md): exports leave them out, and say so. */
void
wn_export__warn_conflicts(const WnNetwork *net, const char *format, GPtrArray *warnings)
{
    gsize n = wn_network_conflict_count(net);
    if (n > 0) {
        g_ptr_array_add(warnings, g_strdup_printf("%s: %" G_GSIZE_FORMAT " conflict tie%s left "
                                                  "out (a conflict is no relation)",
                                                  format, n, n == 1 ? " is" : "s are"));
    }
}

static gint
compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* The dataset.json metadata keys in name order, without "directed" (the export's own flag). */
GPtrArray *
wn_export__metadata_keys(const WnNetwork *net)
{
    GPtrArray *keys = g_ptr_array_new();
    GHashTableIter iter;
    gpointer key = NULL;
    g_hash_table_iter_init(&iter, net->metadata);
    while (g_hash_table_iter_next(&iter, &key, NULL)) {
        if (strcmp(key, "directed") != 0) {
            g_ptr_array_add(keys, key);
        }
    }
    g_ptr_array_sort(keys, compare_strings);
    return keys;
}

/* Names the node and tie values a format leaves out, in one warning; the weight, and
 * with @relations the kind, are carried. */
void
wn_export__warn_left_out(const char *format, const GPtrArray *nodes, const GPtrArray *ties,
                         gboolean relations, GPtrArray *warnings)
{
    g_autoptr(GString) names = g_string_new(NULL);
    for (guint j = 0; j < nodes->len; j++) {
        g_string_append_printf(names, "%snode %s", names->len > 0 ? ", " : "",
                               ((const WnExportColumn *) g_ptr_array_index(nodes, j))->name);
    }
    for (guint j = 0; j < ties->len; j++) {
        const char *name = ((const WnExportColumn *) g_ptr_array_index(ties, j))->name;
        if (strcmp(name, "weight") != 0 && (!relations || strcmp(name, "kind") != 0)) {
            g_string_append_printf(names, "%stie %s", names->len > 0 ? ", " : "", name);
        }
    }
    if (names->len > 0) {
        g_ptr_array_add(warnings,
                        g_strdup_printf("%s carries ids, ties%s and weights only; "
                                        "left out: %s",
                                        format, relations ? ", tie types" : "", names->str));
    }
}

typedef char *(*ExportFunc)(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings,
                            GError **error);

/**
 * wn_network_to_format:
 * The network as a file of another tool (graphml, gml, pajek, edgelist or node-link
 * JSON as NetworkX reads them, or UCINET DL). Node values: kind, area, vulnerable, lat, lon and
 * every attribute; labels only with WN_EXPORT_SHOW_LABELS; the default centrality measures with
 * WN_EXPORT_WITH_MEASURES. Tie values: kind, weight and formal. Every relation of a tie is
 * carried with its own weight: GraphML, GML and node-link JSON as one edge per relation (a
 * multigraph when a pair has several); when a tie has several relations, Pajek as one
 * relation (`*Edges :K "friend"`) per tie type and UCINET as one matrix per tie type (up to
 * 100,000,000 values); otherwise these and an edge list, which have no type column, as one
 * row per tie (with the relations' weights added, and a warning). Conflicts are left
 * out. A directed dataset is written with its arcs, a pair tied both ways as two arcs
 * sharing the pair's weight. What a format cannot carry is named in a message added to
 * @warnings (when not NULL).
 * Returns: (transfer full): the file's text, or NULL with WN_ERROR_INVALID when the
 * format cannot hold an id (a Pajek id with a double quote, an edge list id with a tab),
 * or for WN_FORMAT_NETWORK_CANVAS, which is read only.
 * Cost: O(n + m) time and memory, plus the measures when asked for.
 */
char *
wn_network_to_format(const WnNetwork *net, WnFormat format, WnExportFlags flags,
                     GPtrArray *warnings, GError **error)
{
    static const ExportFunc exports[WN_FORMAT_COUNT] = {wn_export__graphml,
                                                        wn_export__gml,
                                                        wn_export__pajek,
                                                        wn_export__edgelist,
                                                        wn_export__node_link,
                                                        wn_export__ucinet,
                                                        NULL};
    g_return_val_if_fail(net != NULL && format < WN_FORMAT_COUNT, NULL);
    if (exports[format] == NULL) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "%s: wijknet reads this format, but "
                    "cannot write it",
                    format_names[format]);
        return NULL;
    }
    g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *to = warnings != NULL ? warnings : ignored;
    wn_export__warn_conflicts(net, format_names[format], to);
    return exports[format](net, flags, to, error);
}
