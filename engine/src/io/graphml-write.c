/* graphml-write.c: the network as GraphML, as NetworkX, igraph, Gephi and yEd read it */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <string.h>

static const char *const graphml_types[] = {"string", "double", "boolean"};

static void
append_escaped(GString *out, const char *text)
{
    g_autofree char *escaped = g_markup_escape_text(text, -1);
    g_string_append(out, escaped);
}

/* <key> lines for @columns, with ids PREFIX0, PREFIX1 … */
static void
append_keys(GString *out, const GPtrArray *columns, const char *domain, char prefix)
{
    for (guint j = 0; j < columns->len; j++) {
        const WnExportColumn *c = g_ptr_array_index(columns, j);
        g_string_append_printf(out, "  <key id=\"%c%u\" for=\"%s\" attr.name=\"", prefix, j,
                               domain);
        append_escaped(out, c->name);
        g_string_append_printf(out, "\" attr.type=\"%s\"/>\n", graphml_types[c->kind]);
    }
}

static void
append_data(GString *out, const GPtrArray *columns, char prefix, gsize row)
{
    for (guint j = 0; j < columns->len; j++) {
        const WnExportColumn *c = g_ptr_array_index(columns, j);
        if (c->cells[row] == NULL) {
            continue;
        }
        g_string_append_printf(out, "      <data key=\"%c%u\">", prefix, j);
        append_escaped(out, c->cells[row]);
        g_string_append(out, "</data>\n");
    }
}

static void
append_graph_keys(GString *out, const WnNetwork *net, const GPtrArray *keys)
{
    for (guint j = 0; j < keys->len; j++) {
        g_string_append_printf(out, "  <key id=\"g%u\" for=\"graph\" attr.name=\"", j);
        append_escaped(out, g_ptr_array_index(keys, j));
        g_string_append(out, "\" attr.type=\"string\"/>\n");
    }
    g_string_append_printf(out, "  <graph id=\"G\" edgedefault=\"%s\">\n",
                           net->directed ? "directed" : "undirected");
    for (guint j = 0; j < keys->len; j++) {
        g_string_append_printf(out, "    <data key=\"g%u\">", j);
        append_escaped(out, g_hash_table_lookup(net->metadata, g_ptr_array_index(keys, j)));
        g_string_append(out, "</data>\n");
    }
}

static void
append_nodes(GString *out, const WnNetwork *net, const GPtrArray *columns)
{
    for (gsize v = 0; v < net->n; v++) {
        g_string_append(out, "    <node id=\"");
        append_escaped(out, net->ids[v]);
        g_string_append(out, "\">\n");
        append_data(out, columns, 'n', v);
        g_string_append(out, "    </node>\n");
    }
}

static void
append_edges(GString *out, const WnNetwork *net, const GArray *rows, const GPtrArray *columns)
{
    for (guint i = 0; i < rows->len; i++) {
        const WnTieRow *row = &g_array_index(rows, WnTieRow, i);
        g_string_append(out, "    <edge source=\"");
        append_escaped(out, net->ids[row->source]);
        g_string_append(out, "\" target=\"");
        append_escaped(out, net->ids[row->target]);
        g_string_append(out, "\">\n");
        append_data(out, columns, 'e', i);
        g_string_append(out, "    </edge>\n");
    }
}

/*
 * GraphML 1.0: one <key> per value (node keys n0 …, edge keys e0 …, graph keys g0 …
 * for the metadata), typed string, double or boolean; a node's id is its dataset id.
 * One <edge> per relation of a tie, with its kind and weight (parallel edges, which
 * NetworkX reads as a multigraph).
 */
char *
wn_export__graphml(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings, GError **error)
{
    g_auto(WnExportValues) values = {0};
    if (!wn_export__values_init(&values, net, flags, warnings, error)) {
        return NULL;
    }
    g_autoptr(GPtrArray) keys = wn_export__metadata_keys(net);
    GString *out = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                                "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                                "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    append_keys(out, values.nodes, "node", 'n');
    append_keys(out, values.ties, "edge", 'e');
    append_graph_keys(out, net, keys);
    append_nodes(out, net, values.nodes);
    append_edges(out, net, values.rows, values.ties);
    g_string_append(out, "  </graph>\n</graphml>\n");
    return g_string_free(out, FALSE);
}
