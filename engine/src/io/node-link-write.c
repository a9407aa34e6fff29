/* node-link-write.c: node-link JSON, as networkx.node_link_data writes it and D3 reads it */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <string.h>

static cJSON *
value_item(WnValueKind kind, const char *text)
{
    if (kind == WN_VALUE_NUMBER) {
        return cJSON_CreateNumber(g_ascii_strtod(text, NULL));
    }
    if (kind == WN_VALUE_BOOLEAN) {
        return cJSON_CreateBool(strcmp(text, "true") == 0);
    }
    return cJSON_CreateString(text);
}

static void
add_values(cJSON *object, const GPtrArray *columns, gsize row)
{
    for (guint j = 0; j < columns->len; j++) {
        const WnExportColumn *c = g_ptr_array_index(columns, j);
        if (c->cells[row] != NULL) {
            cJSON_AddItemToObject(object, c->name, value_item(c->kind, c->cells[row]));
        }
    }
}

static cJSON *
graph_object(const WnNetwork *net)
{
    cJSON *graph = cJSON_CreateObject();
    g_autoptr(GPtrArray) keys = wn_export__metadata_keys(net);
    for (guint j = 0; j < keys->len; j++) {
        const char *key = g_ptr_array_index(keys, j);
        cJSON_AddStringToObject(graph, key, g_hash_table_lookup(net->metadata, key));
    }
    return graph;
}

static cJSON *
nodes_array(const WnNetwork *net, const GPtrArray *columns)
{
    cJSON *nodes = cJSON_CreateArray();
    for (gsize v = 0; v < net->n; v++) {
        cJSON *node = cJSON_CreateObject();
        cJSON_AddStringToObject(node, "id", net->ids[v]);
        add_values(node, columns, v);
        cJSON_AddItemToArray(nodes, node);
    }
    return nodes;
}

static cJSON *
links_array(const WnNetwork *net, const GArray *rows, const GPtrArray *columns)
{
    cJSON *links = cJSON_CreateArray();
    for (guint i = 0; i < rows->len; i++) {
        const WnTieRow *row = &g_array_index(rows, WnTieRow, i);
        cJSON *link = cJSON_CreateObject();
        cJSON_AddStringToObject(link, "source", net->ids[row->source]);
        cJSON_AddStringToObject(link, "target", net->ids[row->target]);
        add_values(link, columns, i);
        cJSON_AddItemToArray(links, link);
    }
    return links;
}

/*
 * {"directed", "multigraph", "graph": the metadata, "nodes": [{"id", values…}],
 * "links": [{"source", "target", values…}]}: ids are strings, numbers and booleans are
 * JSON numbers and booleans, a missing value is left out. One link per relation of a
 * tie; "multigraph" is true when a pair has several.
 */
char *
wn_export__node_link(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings, GError **error)
{
    g_auto(WnExportValues) values = {0};
    if (!wn_export__values_init(&values, net, flags, warnings, error)) {
        return NULL;
    }
    g_autoptr(cJSON) root = cJSON_CreateObject();
    cJSON_AddBoolToObject(root, "directed", net->directed);
    cJSON_AddBoolToObject(root, "multigraph", wn_export__multiplex_ties(net) > 0);
    cJSON_AddItemToObject(root, "graph", graph_object(net));
    cJSON_AddItemToObject(root, "nodes", nodes_array(net, values.nodes));
    cJSON_AddItemToObject(root, "links", links_array(net, values.rows, values.ties));
    char *printed = cJSON_Print(root);
    char *text = g_strconcat(printed, "\n", NULL);
    cJSON_free(printed);
    return text;
}
