/* io/io.h: the formats: what the readers and writers of each format share */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_IO_IO_H
#define WN_IO_IO_H

#include "core/core.h"

/* fieldwork-write.c: dataset.json, written the way the loader reads it */
char *wn_write__dataset_json_text(GHashTable *metadata, gboolean directed);
gboolean wn_write__dataset_json(const char *dir, GHashTable *metadata, gboolean directed,
                                GError **error);

/*
 * The rows a tie is written as: one per relation of the tie (or one per tie, with its
 * first type and whole weight), and in a directed dataset one per arc of the tie's pair,
 * the weight shared equally between the arcs (the network keeps the weight of the pair,
 * not of each arc).
 */
typedef struct {
    guint32 tie, source, target;
    guint32 kind; /* the row's relation, a WnTieKind */
    double weight;
} WnTieRow;
GArray *wn_write__tie_rows(const WnNetwork *net, gboolean per_relation);

/* formats.c: the values every export shows, one column per node or tie value */
typedef enum { WN_VALUE_STRING, WN_VALUE_NUMBER, WN_VALUE_BOOLEAN } WnValueKind;
typedef struct {
    char *name;
    WnValueKind kind;
    char **cells; /* one per node or tie row; NULL where missing */
    gsize rows;
} WnExportColumn;
GPtrArray *wn_export__node_columns(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings,
                                   GError **error);
GPtrArray *wn_export__tie_columns(const WnNetwork *net, const GArray *rows);
GPtrArray *wn_export__metadata_keys(const WnNetwork *net);
void wn_export__warn_left_out(const char *format, const GPtrArray *nodes, const GPtrArray *ties,
                              gboolean relations, GPtrArray *warnings);
gsize wn_export__multiplex_ties(const WnNetwork *net);
void wn_export__warn_conflicts(const WnNetwork *net, const char *format, GPtrArray *warnings);
typedef struct {
    GPtrArray *nodes; /* WnExportColumn */
    GArray *rows;     /* WnTieRow */
    GPtrArray *ties;  /* WnExportColumn, one cell per row */
} WnExportValues;
gboolean wn_export__values_init(WnExportValues *v, const WnNetwork *net, WnExportFlags flags,
                                GPtrArray *warnings, GError **error);
void wn_export__values_clear(WnExportValues *v);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(WnExportValues, wn_export__values_clear)
gboolean wn_export__check_ids(const WnNetwork *net, const char *format, const char *refused,
                              const char *refused_words, const char *carrier, GError **error);
gboolean wn_export__ids_only_init(WnExportValues *v, const WnNetwork *net, WnExportFlags flags,
                                  const char *format, gboolean relations, GPtrArray *warnings,
                                  GError **error);

/* *-write.c: one writer per format */
char *wn_export__graphml(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings,
                         GError **error);
char *wn_export__gml(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings,
                     GError **error);
char *wn_export__pajek(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings,
                       GError **error);
char *wn_export__edgelist(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings,
                          GError **error);
char *wn_export__node_link(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings,
                           GError **error);
char *wn_export__ucinet(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings,
                        GError **error);

/*
 * draft.c, draft-values.c, import.c: what a parser found, before it becomes a network.
 * Parsers add nodes and ties and hand every value over by name; the draft maps the names
 * the fieldwork format knows (kind or type, area, label, lat, lon, vulnerable, weight)
 * and keeps the rest as attributes. @where ("FILE:LINE:COLUMN" or "FILE: nodes[3]")
 * starts every message about a value, also those of the fieldwork rules (import.c).
 */
typedef struct _WnDraft WnDraft;

/* draft.c, draft-values.c, import.c: the draft's insides. One column of values by row
 * (rows past the end of `values` are missing), each with where it was given. */
typedef struct {
    char *name;
    GPtrArray *values; /* char *, NULL where missing */
    GPtrArray *wheres; /* const char * in the draft's places; NULL where missing */
} WnDraftColumn;

/* The fixed columns come first, in the order of WnNodeColumn and WnTieColumn after the
 * id and the ends. */
enum {
    WN_DRAFT_TYPE,
    WN_DRAFT_LABEL,
    WN_DRAFT_AREA,
    WN_DRAFT_LAT,
    WN_DRAFT_LON,
    WN_DRAFT_VULNERABLE,
    WN_DRAFT_NODE_FIXED
};
enum { WN_DRAFT_TIE_TYPE, WN_DRAFT_WEIGHT, WN_DRAFT_TIE_FIXED };

struct _WnDraft {
    char *path;
    GPtrArray *ids;    /* char * */
    GHashTable *index; /* id -> GSIZE_TO_POINTER(node + 1) */
    GPtrArray *node_columns;
    GPtrArray *node_wheres; /* const char *: where each node was given */
    GArray *ends;           /* guint32 pairs */
    GPtrArray *tie_columns;
    GPtrArray *tie_wheres; /* const char *: where each tie was given */
    GStringChunk *places;  /* the text of every where */
    GHashTable *metadata;
    gboolean directed;
    GPtrArray *warnings;
    GHashTable *renamed; /* names already warned about */
    gsize self_ties;
    GHashTable *type_map;        /* casefolded source type -> kind or tie type name */
    GPtrArray *node_types;       /* char *, the source node types found, NULL-ended */
    GPtrArray *node_type_wheres; /* const char *: where each was first given */
    GPtrArray *edge_types;       /* char *, the source edge types found, NULL-ended */
    GPtrArray *edge_type_wheres; /* const char *: where each was first given */
    GPtrArray *tie_edge_types;   /* const char *: each tie's source edge type, or NULL */
};

void wn_draft__set_cell(WnDraft *draft, WnDraftColumn *column, gsize row, const char *value,
                        const char *where);
const char *wn_draft__cell(const WnDraftColumn *column, gsize row);
const char *wn_draft__cell_where(const WnDraftColumn *column, gsize row);
WnDraftColumn *wn_draft__column_named(GPtrArray *columns, const char *name);
const char *wn_draft__node_kind(const char *text);
gboolean wn_draft__value_error(GError **error, const char *where, const char *expected,
                               const char *value);

/* draft-types.c: node types (and edge types) of a source tool, mapped by --types */
gboolean wn_draft__set_types(WnDraft *draft, const char *types, GError **error);
void wn_draft__default_type(WnDraft *draft, const char *type, const char *kind);
const char *wn_draft__edge_kind(const WnDraft *draft, const char *type);
const char *wn_draft__edge_type(WnDraft *draft, gsize tie, const char *type, const char *where);
void wn_draft__set_node_kind(WnDraft *draft, gsize node, const char *kind, const char *where);
void wn_draft__set_tie_kind(WnDraft *draft, gsize tie, const char *kind, const char *where);
gboolean wn_draft__node_type(WnDraft *draft, gsize node, const char *type, const char *where);
gboolean wn_draft__check_types(const WnDraft *draft, GError **error);

WnDraft *wn_draft__new(const char *path);
void wn_draft__free(WnDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnDraft, wn_draft__free)
gboolean wn_draft__add_node(WnDraft *draft, const char *id, const char *where, gsize *node_out,
                            GError **error);
gboolean wn_draft__find_node(const WnDraft *draft, const char *id, gsize *node_out);
gsize wn_draft__node_count(const WnDraft *draft);
gboolean wn_draft__node_value(WnDraft *draft, gsize node, const char *name, const char *value,
                              const char *where, GError **error);
gboolean wn_draft__node_has_value(const WnDraft *draft, gsize node, const char *name);
gsize wn_draft__add_tie(WnDraft *draft, gsize source, gsize target, const char *where);
gboolean wn_draft__tie_value(WnDraft *draft, gsize tie, const char *name, const char *value,
                             const char *where, GError **error);
void wn_draft__set_directed(WnDraft *draft, gboolean directed);
void wn_draft__set_metadata(WnDraft *draft, const char *key, const char *value);
void wn_draft__add_warning(WnDraft *draft, const char *format, ...) G_GNUC_PRINTF(2, 3);
WnNetwork *wn_draft__finish(WnDraft *draft, GError **error);
#define WN_DRAFT_SKIPPED G_MAXSIZE /* the tie id of a self-tie, left out with a warning */

/* *-read.c: one parser per format, each filling a draft from the text of @path */
char *wn_import__where(const char *path, gsize line, gsize column);
gboolean wn_import__graphml(WnDraft *draft, const char *path, const char *text, gsize length,
                            GError **error);
gboolean wn_import__gml(WnDraft *draft, const char *path, const char *text, gsize length,
                        GError **error);
gboolean wn_import__pajek(WnDraft *draft, const char *path, const char *text, gsize length,
                          GError **error);
gboolean wn_import__edgelist(WnDraft *draft, const char *path, const char *text, gsize length,
                             GError **error);
gboolean wn_import__node_link(WnDraft *draft, const char *path, const char *text, gsize length,
                              GError **error);
gboolean wn_import__ucinet(WnDraft *draft, const char *path, const char *text, gsize length,
                           GError **error);

/*
 * graphml-read.c, a dialect of GraphML (Network Canvas's): hooks that take over where
 * values go. @root sees the attributes of <graphml> (its namespaces); @graph those of
 * <graph>, and may add nodes before the file's own (which no <edge> may then name); the
 * others receive every <data> value of the graph, a node or an edge, by its key's
 * attr.name. A NULL hook keeps plain GraphML.
 */
/* A value of node or tie @element (its index in the draft) for the dialect to place. */
typedef gboolean (*WnGraphmlValueFunc)(gpointer data, gsize element, const char *name,
                                       const char *value, const char *where, GError **error);
typedef struct {
    void (*root)(gpointer data, const char **names, const char **values);
    gboolean (*graph)(gpointer data, const char **names, const char **values, const char *where,
                      GError **error);
    gboolean (*graph_value)(gpointer data, const char *name, const char *value, const char *where,
                            GError **error);
    WnGraphmlValueFunc node_value;
    WnGraphmlValueFunc tie_value;
    gpointer data;
} WnGraphmlDialect;
gboolean wn_import__graphml_dialect(WnDraft *draft, const char *path, const char *text,
                                    gsize length, const WnGraphmlDialect *dialect, GError **error);
#define WN_NC_NAMESPACE "http://schema.networkcanvas.com/xmlns" /* xmlns:nc of its GraphML */

/* network-canvas-read.c: @path is a folder (or one of its files), read by the first;
 * network-canvas-graphml-read.c: a GraphML file (.graphml, or with the nc namespace) */
gboolean wn_import__network_canvas(WnDraft *draft, const char *path, GError **error);
gboolean wn_import__network_canvas_graphml(WnDraft *draft, const char *path, const char *text,
                                           gsize length, GError **error);
gboolean wn_import__is_network_canvas_graphml(const char *path);

/* network-canvas-read.c: what the CSV and the GraphML import of Network Canvas share */
gboolean wn_nc__is_one_of(const char *name, const char *const *names);
void wn_nc__start(WnDraft *draft);
gboolean wn_nc__set_node_type(WnDraft *draft, gsize node, const char *type, const char *where,
                              GError **error);
gboolean wn_nc__set_tie_type(WnDraft *draft, gsize tie, const char *type, const char *where,
                             GError **error);
void wn_nc__warn_edge_type(WnDraft *draft, const char *where, const char *type, guint count);
gboolean wn_nc__add_ego_node(WnDraft *draft, const char *where, gsize *ego_out, GError **error);
gboolean wn_nc__add_ego_ties(WnDraft *draft, const char *dir, GError **error);

/* ucinet-read.c, ucinet-data-read.c: a UCINET DL file being read */
typedef struct {
    char *text;
    gsize line, column; /* column in characters, from 1 */
    gboolean quoted;
} WnDlToken;

typedef enum { WN_DL_FULLMATRIX, WN_DL_EDGELIST1, WN_DL_NODELIST1 } WnDlFormat;

/* One nonzero cell of matrix @relation: the tie row -> col. */
typedef struct {
    guint32 relation, row, col;
    double value;
} WnDlCell;

typedef struct {
    WnDraft *draft;
    const char *path;
    GArray *tokens; /* WnDlToken */
    gsize pos;      /* the next token */
    gsize n, nm;
    WnDlFormat format;
    gboolean embedded;
    GPtrArray *labels, *column_labels, *matrix_labels; /* char *, borrowed from tokens */
    GArray *cells;                                     /* WnDlCell */
    gsize data;                                        /* the index of the data: token */
} WnDl;
gboolean wn_dl__fail(const WnDl *d, gsize i, GError **error, const char *expected);
gboolean wn_dl__fail_short(const WnDl *d, GError **error, const char *expected, gsize count);
const WnDlToken *wn_dl__peek(const WnDl *d);
gboolean wn_dl__parse_count(const char *text, gsize max, gsize *out);
gboolean wn_dl__read_data(WnDl *d, GError **error);
gboolean wn_dl__add_ties(WnDl *d, GError **error);

#endif /* WN_IO_IO_H */
