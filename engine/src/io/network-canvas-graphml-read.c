/* network-canvas-graphml-read.c: one interview exported by Network Canvas as GraphML */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <string.h>

/* GraphML export: the edge types no wijknet tie type names, in order of first use, and how often.
 */
typedef struct {
    GPtrArray *names; /* char * */
    GArray *counts;   /* guint */
} TypeTally;

static void
tally_init(TypeTally *t)
{
    t->names = g_ptr_array_new_with_free_func(g_free);
    t->counts = g_array_new(FALSE, FALSE, sizeof(guint));
}

static void
tally_clear(TypeTally *t)
{
    g_clear_pointer(&t->names, g_ptr_array_unref);
    g_clear_pointer(&t->counts, g_array_unref);
}

static void
tally_add(TypeTally *t, const char *name)
{
    guint i = 0;
    while (i < t->names->len && strcmp(g_ptr_array_index(t->names, i), name) != 0) {
        i++;
    }
    if (i == t->names->len) {
        guint zero = 0;
        g_ptr_array_add(t->names, g_strdup(name));
        g_array_append_val(t->counts, zero);
    }
    g_array_index(t->counts, guint, i)++;
}

typedef struct {
    WnDraft *draft;
    char *prefix; /* "nc:", the prefix <graphml> binds to WN_NC_NAMESPACE; NULL when none */
    gsize ego;
    TypeTally edge_types;
} NcGraphml;

static void
nc_graphml_clear(NcGraphml *nc)
{
    g_free(nc->prefix);
    tally_clear(&nc->edge_types);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(NcGraphml, nc_graphml_clear)

static void
nc_root(gpointer data, const char **names, const char **values)
{
    NcGraphml *nc = data;
    for (gsize i = 0; names[i] != NULL; i++) {
        if (g_str_has_prefix(names[i], "xmlns:") && strcmp(values[i], WN_NC_NAMESPACE) == 0) {
            g_free(nc->prefix);
            nc->prefix = g_strdup_printf("%s:", names[i] + strlen("xmlns:"));
        }
    }
}

/* The metadata key of a session attribute: the ego file's column where it has one. */
static char *
session_key(const char *name)
{
    static const char *const columns[][2] = {{"caseId", "networkCanvasCaseID"},
                                             {"sessionUUID", "networkCanvasSessionID"},
                                             {"protocolName", "networkCanvasProtocolName"},
                                             {"sessionStartTime", "sessionStart"},
                                             {"sessionFinishTime", "sessionFinish"},
                                             {"sessionExportTime", "sessionExported"}};
    for (gsize i = 0; i < G_N_ELEMENTS(columns); i++) {
        if (strcmp(name, columns[i][0]) == 0) {
            return g_strdup(columns[i][1]);
        }
    }
    return g_strdup_printf("networkCanvas%c%s", g_ascii_toupper(name[0]), name + 1);
}

/* <graph nc:caseId=… …>: the session is metadata; the ego is the first node. */
static gboolean
nc_graph(gpointer data, const char **names, const char **values, const char *where, GError **error)
{
    NcGraphml *nc = data;
    if (nc->prefix == NULL) {
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                    "%s: expected a Network Canvas export (xmlns:nc=\"%s\" on <graphml>), got "
                    "GraphML without it (import it as graphml)",
                    where, WN_NC_NAMESPACE);
        return FALSE;
    }
    for (gsize i = 0; names[i] != NULL; i++) {
        if (g_str_has_prefix(names[i], nc->prefix) && names[i][strlen(nc->prefix)] != '\0') {
            g_autofree char *key = session_key(names[i] + strlen(nc->prefix));
            wn_draft__set_metadata(nc->draft, key, values[i]);
        }
    }
    return wn_nc__add_ego_node(nc->draft, where, &nc->ego, error);
}

/* Ego variables (for="graph") and the ego's networkCanvasUUID are the ego's values. */
static gboolean
nc_graph_value(gpointer data, const char *name, const char *value, const char *where,
               GError **error)
{
    NcGraphml *nc = data;
    return wn_draft__node_value(nc->draft, nc->ego, name, value, where, error);
}

/* networkCanvasType is the node type (wn_nc__set_node_type); the variable "name" is the label,
 * as in the CSV export, so the label key only fills a label that is still missing. */
static gboolean
nc_node_value(gpointer data, gsize node, const char *name, const char *value, const char *where,
              GError **error)
{
    NcGraphml *nc = data;
    if (g_ascii_strcasecmp(name, "networkCanvasType") == 0) {
        return wn_nc__set_node_type(nc->draft, node, value, where, error);
    }
    if (g_ascii_strcasecmp(name, "label") == 0 &&
        wn_draft__node_has_value(nc->draft, node, "label")) {
        return TRUE;
    }
    const char *as = g_ascii_strcasecmp(name, "name") == 0 ? "label" : name;
    return wn_draft__node_value(nc->draft, node, as, value, where, error);
}

/* networkCanvasType is the edge type (wn_nc__set_tie_type); the UUIDs of the ends are
 * left out, as in the CSV import. */
static gboolean
nc_tie_value(gpointer data, gsize tie, const char *name, const char *value, const char *where,
             GError **error)
{
    static const char *const skipped[] = {"networkCanvasSourceUUID", "networkCanvasTargetUUID",
                                          NULL};
    NcGraphml *nc = data;
    if (g_ascii_strcasecmp(name, "networkCanvasType") == 0) {
        if (wn_draft__edge_kind(nc->draft, value) == NULL) {
            tally_add(&nc->edge_types, value);
        }
        return wn_nc__set_tie_type(nc->draft, tie, value, where, error);
    }
    if (wn_nc__is_one_of(name, skipped)) {
        return TRUE;
    }
    return wn_draft__tie_value(nc->draft, tie, name, value, where, error);
}

/*
 * Network Canvas GraphML export of one interview (README, "Working with other tools"),
 * read as the CSV export is: the <graph>'s nc:* session attributes become metadata under
 * the ego file's column names (nc:caseId is networkCanvasCaseID, nc:protocolName
 * networkCanvasProtocolName, nc:sessionExportTime sessionExported; any other nc:NAME is
 * networkCanvasNAME); the ego variables (for="graph") and its networkCanvasUUID belong to
 * the resident "ego", the first node. Nodes keep the file's ids (the export's nodeIDs) and
 * values by their keys' attr.name, never the key ids (variable UUIDs); networkCanvasType
 * gives kind and nc_type, edge types give the tie kind and nc_edge_type, as in the CSV
 * import; layout variables stay NAME_X/NAME_Y attributes, never lat/lon. Ego is tied to
 * every alter. edgedefault="directed" makes a directed dataset.
 * Refused: GraphML without the Network Canvas namespace, a node with the id "ego", an edge
 * naming "ego".
 */
gboolean
wn_import__network_canvas_graphml(WnDraft *draft, const char *path, const char *text, gsize length,
                                  GError **error)
{
    g_auto(NcGraphml) nc = {.draft = draft};
    tally_init(&nc.edge_types);
    wn_nc__start(draft);
    const WnGraphmlDialect dialect = {nc_root,       nc_graph,     nc_graph_value,
                                      nc_node_value, nc_tie_value, &nc};
    if (!wn_import__graphml_dialect(draft, path, text, length, &dialect, error)) {
        return FALSE;
    }
    /* the same warnings as the CSV import's, once per type rather than per file */
    for (guint i = 0; i < nc.edge_types.names->len; i++) {
        wn_nc__warn_edge_type(draft, path, g_ptr_array_index(nc.edge_types.names, i),
                              g_array_index(nc.edge_types.counts, guint, i));
    }
    return wn_nc__add_ego_ties(draft, path, error);
}

/* A file named .graphml, or any file but a .csv naming the Network Canvas namespace. */
gboolean
wn_import__is_network_canvas_graphml(const char *path)
{
    g_autofree char *lower = g_ascii_strdown(path, -1);
    if (g_str_has_suffix(lower, ".graphml")) {
        return TRUE;
    }
    if (g_str_has_suffix(lower, ".csv") || !g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        return FALSE;
    }
    g_autofree char *text = NULL;
    return wn_input__read(path, 0, &text, NULL, NULL) && strstr(text, WN_NC_NAMESPACE) != NULL;
}
