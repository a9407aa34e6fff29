/* wijknet.h: the public API of libwijknet, social network analysis for neighbourhoods */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIJKNET_H
#define WIJKNET_H

#include <glib.h>

G_BEGIN_DECLS

#if defined(WN_BUILDING_LIBRARY)
#define WN_API __attribute__((visibility("default")))
#else
#define WN_API
#endif

/* Library */
WN_API void wn_init(void);
WN_API const char *wn_version(void);

/* Errors */
#define WN_ERROR (wn_error_quark())
typedef enum {
    WN_ERROR_FAILED,  /* anything not listed below */
    WN_ERROR_PARSE,   /* malformed input; message starts "FILE:LINE:COLUMN: " */
    WN_ERROR_INVALID, /* well-formed but not allowed: self-tie, unknown node id */
    WN_ERROR_IGRAPH,  /* igraph refused the computation */
} WnError;
WN_API GQuark wn_error_quark(void);

/* Node and tie kinds (FORMAT.md) */
typedef enum {
    WN_NODE_RESIDENT,
    WN_NODE_PROFESSIONAL,
    WN_NODE_GROUP,
    WN_NODE_ORGANISATION,
    WN_NODE_KIND_COUNT
} WnNodeKind;
typedef enum {
    WN_TIE_FAMILY,
    WN_TIE_HOUSEHOLD,
    WN_TIE_NEIGHBOUR,
    WN_TIE_FRIEND,
    WN_TIE_ACQUAINTANCE,
    WN_TIE_MEMBER,
    WN_TIE_SUPPORT,
    WN_TIE_COLLABORATION,
    WN_TIE_REFERRAL,
    WN_TIE_CONFLICT,
    WN_TIE_KIND_COUNT
} WnTieKind;
WN_API const char *wn_node_kind_name(WnNodeKind kind);
WN_API const char *wn_tie_kind_name(WnTieKind kind);

/* Networks: loaded once, never changed */
typedef enum {
    WN_LOAD_DEFAULT = 0,
    WN_LOAD_SKIP_BAD_ROWS = 1 << 0, /* load the rest and list every skipped row */
} WnLoadFlags;
typedef struct _WnNetwork WnNetwork;
WN_API WnNetwork *wn_network_load(const char *dir, WnLoadFlags flags, GError **error);
WN_API void wn_network_free(WnNetwork *net);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnNetwork, wn_network_free)
WN_API gboolean wn_network_is_directed(const WnNetwork *net);
WN_API const char *wn_network_metadata(const WnNetwork *net, const char *key);
WN_API const GPtrArray *wn_network_warnings(const WnNetwork *net);
WN_API const GPtrArray *wn_network_skipped_rows(const WnNetwork *net);

/* Nodes, numbered 0..n-1 in nodes.csv order */
WN_API gsize wn_network_node_count(const WnNetwork *net);
WN_API gboolean wn_network_node_lookup(const WnNetwork *net, const char *id, gsize *index_out);
WN_API const char *wn_network_node_id(const WnNetwork *net, gsize node);
WN_API const char *wn_network_node_label(const WnNetwork *net, gsize node);
WN_API WnNodeKind wn_network_node_kind(const WnNetwork *net, gsize node);
WN_API const char *wn_network_node_area(const WnNetwork *net, gsize node);
WN_API gboolean wn_network_node_position(const WnNetwork *net, gsize node, double *lat_out,
                                         double *lon_out);
WN_API gboolean wn_network_node_vulnerable(const WnNetwork *net, gsize node);
WN_API const GPtrArray *wn_network_node_attribute_names(const WnNetwork *net);
WN_API const char *wn_network_node_attribute(const WnNetwork *net, gsize node, const char *name);

/* Ties: merged, conflicts excluded, numbered 0..m-1 in order of first appearance */
WN_API gsize wn_network_tie_count(const WnNetwork *net);
WN_API void wn_network_tie_ends(const WnNetwork *net, gsize tie, gsize *source_out,
                                gsize *target_out);
WN_API WnTieKind wn_network_tie_kind(const WnNetwork *net, gsize tie);
WN_API double wn_network_tie_weight(const WnNetwork *net, gsize tie);
WN_API gboolean wn_network_tie_is_formal(const WnNetwork *net, gsize tie);
WN_API const GPtrArray *wn_network_tie_attribute_names(const WnNetwork *net);
WN_API const char *wn_network_tie_attribute(const WnNetwork *net, gsize tie, const char *name);
WN_API gsize wn_network_conflict_count(const WnNetwork *net);
WN_API void wn_network_conflict_ends(const WnNetwork *net, gsize conflict, gsize *source_out,
                                     gsize *target_out);

/* Summary of a loaded network, as `wijknet check` shows it */
typedef struct {
    gsize nodes;
    gsize nodes_by_kind[WN_NODE_KIND_COUNT];
    gsize tie_rows;     /* rows read from ties.csv, conflicts included */
    gsize merged_rows;  /* rows merged into an earlier row of the same pair */
    gsize ties;         /* distinct ties, conflicts excluded */
    gsize ties_by_kind[WN_TIE_KIND_COUNT]; /* conflicts: distinct conflict pairs */
    gsize formal_ties;
    gsize informal_ties;
    gsize components;   /* connected components of the whole network */
    gsize largest_component;
    gsize isolated_nodes;                  /* nodes without any tie */
    gsize residents_without_informal_tie;
    gsize vulnerable_residents;
} WnSummary;
WN_API gboolean wn_network_summarise(const WnNetwork *net, WnSummary *out, GError **error);

/* Tables: every result a command prints, column by column */
typedef enum { WN_COLUMN_STRING, WN_COLUMN_INT, WN_COLUMN_DOUBLE } WnColumnKind;
typedef struct _WnTable WnTable;
WN_API void wn_table_free(WnTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnTable, wn_table_free)
WN_API gsize wn_table_row_count(const WnTable *table);
WN_API gsize wn_table_column_count(const WnTable *table);
WN_API const char *wn_table_column_name(const WnTable *table, gsize column);
WN_API WnColumnKind wn_table_column_kind(const WnTable *table, gsize column);
WN_API gboolean wn_table_column_lookup(const WnTable *table, const char *name, gsize *column_out);
WN_API gboolean wn_table_cell_is_missing(const WnTable *table, gsize row, gsize column);
WN_API const char *wn_table_cell_string(const WnTable *table, gsize row, gsize column);
WN_API gint64 wn_table_cell_int(const WnTable *table, gsize row, gsize column);
WN_API double wn_table_cell_double(const WnTable *table, gsize row, gsize column);
WN_API char *wn_table_cell_to_string(const WnTable *table, gsize row, gsize column);
WN_API char *wn_table_to_csv(const WnTable *table);
WN_API char *wn_table_to_json(const WnTable *table);

/* Measures: one score per node, in node order; NaN where a score is undefined */
typedef struct {
    gboolean weighted; /* weight is strength, 1/weight is path length */
    guint samples;     /* betweenness from this many random sources; 0 = exact */
    guint64 seed;      /* for sampled or randomised measures */
} WnMeasureOptions;
#define WN_MEASURE_OPTIONS_INIT {FALSE, 0, 0}
typedef GArray *(*WnMeasureFunc)(const WnNetwork *net, const WnMeasureOptions *opts,
                                 GError **error);
typedef struct {
    const char *name;
    const char *summary;
    WnMeasureFunc compute;
    WnColumnKind kind; /* WN_COLUMN_INT for counts, WN_COLUMN_DOUBLE otherwise */
} WnMeasureInfo;
WN_API const WnMeasureInfo *wn_measure_list(gsize *n_out);
WN_API const WnMeasureInfo *wn_measure_lookup(const char *name);
WN_API const char *const *wn_measure_default_names(void);
WN_API WnTable *wn_measures_table(const WnNetwork *net, const char *const *names,
                                  const WnMeasureOptions *opts, GError **error);
WN_API GArray *wn_measure_betweenness(const WnNetwork *net, const WnMeasureOptions *opts,
                                      GError **error);
WN_API GArray *wn_measure_betweenness_norm(const WnNetwork *net, const WnMeasureOptions *opts,
                                           GError **error);
WN_API GArray *wn_measure_closeness(const WnNetwork *net, const WnMeasureOptions *opts,
                                    GError **error);
WN_API GArray *wn_measure_clustering(const WnNetwork *net, const WnMeasureOptions *opts,
                                     GError **error);
WN_API GArray *wn_measure_coreness(const WnNetwork *net, const WnMeasureOptions *opts,
                                   GError **error);
WN_API GArray *wn_measure_degree(const WnNetwork *net, const WnMeasureOptions *opts,
                                 GError **error);
WN_API GArray *wn_measure_eigenvector(const WnNetwork *net, const WnMeasureOptions *opts,
                                      GError **error);
WN_API GArray *wn_measure_harmonic(const WnNetwork *net, const WnMeasureOptions *opts,
                                   GError **error);
WN_API GArray *wn_measure_pagerank(const WnNetwork *net, const WnMeasureOptions *opts,
                                   GError **error);
WN_API GArray *wn_measure_strength(const WnNetwork *net, const WnMeasureOptions *opts,
                                   GError **error);

/* Structural holes and cut points (issue 3) */

/* Brokerage roles and the E-I index (issue 3) */

/* Isolation, ego composition and the two-mode projection (issue 3) */
typedef enum {
    WN_STATUS_CONNECTED,
    WN_STATUS_FRAGILE,
    WN_STATUS_FORMAL_ONLY,
    WN_STATUS_ISOLATED,
    WN_STATUS_NOT_RESIDENT, /* professionals, groups, organisations */
} WnStatus;

/* Communities (issue 3) */

G_END_DECLS

#endif /* WIJKNET_H */
