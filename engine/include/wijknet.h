/* wijknet.h: the public API of libwijknet, social network analysis for neighbourhoods */
/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Ownership: what a function whose name says _new, _load, _import, _detect, _dup, _to_<form>
 * or _table returns, and every measure's GArray, belongs to the caller (free it with its
 * _free or g_autoptr); everything else is borrowed from its parent and lives as long as it.
 * A function that can fail returns NULL or FALSE and sets its last argument, GError **error.
 * Options structs start from their WN_<THING>_OPTIONS_INIT (designated initialisers), so a
 * caller sets only the fields it means: `WnMeasureOptions o = WN_MEASURE_OPTIONS_INIT;`.
 *
 * Threads: call the library from one thread at a time. igraph, which the engine calls
 * inside, is not thread-safe in Debian's build; the engine's own parallel kernels run on
 * worker threads that never call igraph, and give the same results, bit for bit, whatever
 * the number of threads. A loaded WnNetwork never changes. wn_init() installs igraph's
 * error handlers; the library runs it when it is loaded, so calling it is optional.
 */
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
    WN_ERROR_OPTION,  /* an option names what the dataset does not have (--by, --for …) */
} WnError;
WN_API GQuark wn_error_quark(void);
/* A file the engine writes (an output) fails in this domain, with the GFileError code the
 * system gave (G_FILE_ERROR_EXIST, _NOSPC …); a file it reads fails in G_FILE_ERROR. So a
 * caller tells "the input is missing" from "the output cannot be made" by the domain. */
#define WN_OUTPUT_ERROR (wn_output_error_quark())
WN_API GQuark wn_output_error_quark(void);

/* Files: an output replaced whole or not at all (temporary file, fsync, rename); a
 * folder made with its parents */
WN_API gboolean wn_file_write(const char *path, const char *text, gssize len, GError **error);
WN_API gboolean wn_file_make_folder(const char *path, GError **error);

/* Node and tie kinds (docs/FORMAT.md) */
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

/* Relations: a tie (one per pair of nodes) holds a set of relation types, each with its
 * own weight (docs/FORMAT.md "Several relations per pair"). A set is one bit per kind. */
typedef guint WnRelations;
#define WN_RELATION(kind) (1u << (kind))
#define WN_RELATIONS_ALL (((1u << WN_TIE_KIND_COUNT) - 1u) & ~WN_RELATION(WN_TIE_CONFLICT))
#define WN_RELATIONS_INFORMAL                                                                      \
    (WN_RELATION(WN_TIE_FAMILY) | WN_RELATION(WN_TIE_HOUSEHOLD) | WN_RELATION(WN_TIE_NEIGHBOUR) |  \
     WN_RELATION(WN_TIE_FRIEND) | WN_RELATION(WN_TIE_ACQUAINTANCE) | WN_RELATION(WN_TIE_MEMBER))
#define WN_RELATIONS_FORMAL                                                                        \
    (WN_RELATION(WN_TIE_SUPPORT) | WN_RELATION(WN_TIE_COLLABORATION) | WN_RELATION(WN_TIE_REFERRAL))
WN_API gboolean wn_relations_parse(const char *list, WnRelations *out, GError **error);
WN_API char *wn_relations_to_list(WnRelations relations);
WN_API const char *wn_relation_name(WnTieKind kind, const char *language);
WN_API char *wn_relations_describe(WnRelations relations, const char *language);

/* Networks: loaded once, never changed */
typedef enum {
    WN_LOAD_DEFAULT = 0,
    WN_LOAD_SKIP_BAD_ROWS = 1 << 0, /* load the rest and list every skipped row */
} WnLoadFlags;
typedef struct _WnNetwork WnNetwork;
WN_API WnNetwork *wn_network_load(const char *dir, WnLoadFlags flags, GError **error);
WN_API WnNetwork *wn_network_load_relations(const char *dir, WnLoadFlags flags,
                                            WnRelations relations, GError **error);
WN_API WnRelations wn_network_relations_loaded(const WnNetwork *net);
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
WN_API gboolean wn_network_node_attribute_is_personal(const WnNetwork *net, const char *name);
WN_API char **wn_network_personal_attributes_dup(const WnNetwork *net);

/* Ties: merged, conflicts excluded, numbered 0..m-1 in order of first appearance */
WN_API gsize wn_network_tie_count(const WnNetwork *net);
WN_API void wn_network_tie_ends(const WnNetwork *net, gsize tie, gsize *source_out,
                                gsize *target_out);
WN_API WnTieKind wn_network_tie_kind(const WnNetwork *net, gsize tie);
WN_API double wn_network_tie_weight(const WnNetwork *net, gsize tie);
WN_API WnRelations wn_network_tie_relations(const WnNetwork *net, gsize tie);
WN_API double wn_network_tie_relation_weight(const WnNetwork *net, gsize tie, WnTieKind kind);
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
    gsize tie_rows;                        /* rows read from ties.csv, conflicts included */
    gsize merged_rows;                     /* rows merged into an earlier row of the same pair */
    gsize ties;                            /* distinct ties, conflicts excluded */
    gsize ties_by_kind[WN_TIE_KIND_COUNT]; /* ties holding each relation; conflict: pairs */
    gsize multiplex_ties;                  /* ties holding more than one relation */
    gsize relation_rows;                   /* rows adding another relation to a tie */
    gsize left_out_rows;                   /* rows of relations not loaded (--relations) */
    gsize formal_ties;
    gsize informal_ties;
    gsize components; /* connected components of the whole network */
    gsize largest_component;
    gsize isolated_nodes; /* nodes without any tie */
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
WN_API void wn_table_append_csv_cell(GString *out, const char *text);
WN_API char *wn_table_to_json(const WnTable *table);

/* Measures: one score per node, in node order; NaN where a score is undefined */
typedef struct {
    gboolean weighted; /* weight is strength, 1/weight is path length */
    guint samples;     /* betweenness from this many random sources; 0 = exact */
    guint64 seed;      /* for sampled or randomised measures */
} WnMeasureOptions;
#define WN_MEASURE_OPTIONS_INIT                                                                    \
    {                                                                                              \
        .weighted = FALSE, .samples = 0, .seed = 0                                                 \
    }
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
WN_API WnTable *wn_measure_table(const WnNetwork *net, const char *const *names,
                                 const WnMeasureOptions *opts, GError **error);
WN_API GArray *wn_measure_betweenness(const WnNetwork *net, const WnMeasureOptions *opts,
                                      GError **error);
WN_API GArray *wn_measure_betweenness_norm(const WnNetwork *net, const WnMeasureOptions *opts,
                                           GError **error);
WN_API GArray *wn_measure_closeness(const WnNetwork *net, const WnMeasureOptions *opts,
                                    GError **error);
WN_API GArray *wn_measure_clustering(const WnNetwork *net, const WnMeasureOptions *opts,
                                     GError **error);
WN_API GArray *wn_measure_constraint(const WnNetwork *net, const WnMeasureOptions *opts,
                                     GError **error);
WN_API GArray *wn_measure_coreness(const WnNetwork *net, const WnMeasureOptions *opts,
                                   GError **error);
WN_API GArray *wn_measure_degree(const WnNetwork *net, const WnMeasureOptions *opts,
                                 GError **error);
WN_API GArray *wn_measure_effective_size(const WnNetwork *net, const WnMeasureOptions *opts,
                                         GError **error);
WN_API GArray *wn_measure_efficiency(const WnNetwork *net, const WnMeasureOptions *opts,
                                     GError **error);
WN_API GArray *wn_measure_eigenvector(const WnNetwork *net, const WnMeasureOptions *opts,
                                      GError **error);
WN_API GArray *wn_measure_harmonic(const WnNetwork *net, const WnMeasureOptions *opts,
                                   GError **error);
WN_API GArray *wn_measure_hierarchy(const WnNetwork *net, const WnMeasureOptions *opts,
                                    GError **error);
WN_API GArray *wn_measure_pagerank(const WnNetwork *net, const WnMeasureOptions *opts,
                                   GError **error);
WN_API GArray *wn_measure_strength(const WnNetwork *net, const WnMeasureOptions *opts,
                                   GError **error);

/* Structural holes and cut points */
WN_API WnTable *wn_cuts_articulation_points(const WnNetwork *net, GError **error);
WN_API WnTable *wn_cuts_bridges(const WnNetwork *net, GError **error);
WN_API WnTable *wn_cuts_local_bridges(const WnNetwork *net, GError **error);
WN_API WnTable *wn_cuts_components(const WnNetwork *net, GError **error);

/* Brokerage roles and the E-I index */
typedef struct _WnGrouping WnGrouping;
WN_API WnGrouping *wn_grouping_new(const WnNetwork *net, const char *by, GError **error);
WN_API void wn_grouping_free(WnGrouping *grouping);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnGrouping, wn_grouping_free)
WN_API gsize wn_grouping_count(const WnGrouping *grouping);
WN_API const char *wn_grouping_name(const WnGrouping *grouping, gsize group);
WN_API gsize wn_grouping_of(const WnGrouping *grouping, gsize node);
typedef enum {
    WN_ROLE_COORDINATOR,    /* w_I: a, broker and b in one group */
    WN_ROLE_ITINERANT,      /* w_O: a and b in one group, the broker in another */
    WN_ROLE_REPRESENTATIVE, /* b_IO: the broker in a's group, b in another */
    WN_ROLE_GATEKEEPER,     /* b_OI: the broker in b's group, a in another */
    WN_ROLE_LIAISON,        /* b_O: three different groups */
    WN_ROLE_TOTAL,          /* t: every brokered pair */
    WN_ROLE_COUNT
} WnRole;
WN_API const char *wn_brokerage_role_name(WnRole role);
typedef struct _WnBrokerage WnBrokerage;
WN_API WnBrokerage *wn_brokerage_new(const WnNetwork *net, const WnGrouping *grouping);
WN_API void wn_brokerage_free(WnBrokerage *brokerage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnBrokerage, wn_brokerage_free)
WN_API const GArray *wn_brokerage_counts(const WnBrokerage *brokerage, WnRole role);
WN_API const GArray *wn_brokerage_z(const WnBrokerage *brokerage, WnRole role);
typedef struct {
    gsize internal_ties; /* IL: ties within a group */
    gsize external_ties; /* EL: ties between groups */
    double ei;           /* (EL − IL)/(EL + IL); NaN without ties */
} WnEiSummary;
WN_API WnTable *wn_ei_table(const WnNetwork *net, const WnGrouping *grouping);
WN_API void wn_ei_summarise(const WnNetwork *net, const WnGrouping *grouping, WnEiSummary *out);
WN_API GArray *wn_measure_at_risk_reach(const WnNetwork *net, const WnMeasureOptions *opts,
                                        GError **error);
typedef struct {
    const char *by; /* NULL or "area", "type", "formality", or a column of nodes.csv */
    guint top;      /* at most this many rows; 0 = every node that brokers a pair */
    guint64 seed;   /* betweenness sources above 20,000 nodes, as wijknet analyse's */
} WnBrokersOptions;
#define WN_BROKERS_OPTIONS_INIT                                                                    \
    {                                                                                              \
        .by = NULL, .top = 10, .seed = 12345                                                       \
    }
WN_API WnTable *wn_brokers_table(const WnNetwork *net, const WnBrokersOptions *opts,
                                 GError **error);
/* Key figures (residents, professionals) and meeting places (groups, organisations) */
typedef enum { WN_KEY_PERSONS, WN_KEY_PLACES } WnKeyKind;
WN_API WnTable *wn_key_figures_table(const WnNetwork *net, WnKeyKind kind, guint top,
                                     GError **error);

/* Isolation, ego composition and the two-mode projection */
typedef enum {
    WN_STATUS_CONNECTED,
    WN_STATUS_FRAGILE,
    WN_STATUS_FORMAL_ONLY,
    WN_STATUS_ISOLATED,
    WN_STATUS_NOT_RESIDENT, /* professionals, groups, organisations */
} WnStatus;
typedef struct {
    double weight_strength; /* index = w_s·(1 − min(strength, cap_s)/cap_s) */
    double weight_reach;    /*       + w_r·(1 − min(reach2, cap_r)/cap_r) */
    double weight_weak;     /*       + w_w·weak_share (1 when missing); w sum to 1 */
    double cap_strength;    /* informal strength counted as fully connected */
    double cap_reach;       /* reach2 counted as fully connected */
    guint fragile_degree;   /* informal degree at or below: fragile */
    double fragile_weak;    /* weak_share at or above: fragile, weak_network */
    guint at_risk_degree;   /* a neighbour with informal degree at or below is at risk */
} WnIsolationOptions;
#define WN_ISOLATION_OPTIONS_INIT                                                                  \
    {                                                                                              \
        .weight_strength = 0.4, .weight_reach = 0.4, .weight_weak = 0.2, .cap_strength = 5.0,      \
        .cap_reach = 10.0, .fragile_degree = 2, .fragile_weak = 0.5, .at_risk_degree = 1           \
    }
WN_API const char *wn_isolation_status_name(WnStatus status);
WN_API gboolean wn_isolation_options_check(const WnIsolationOptions *opts, GError **error);
WN_API gboolean wn_isolation_options_set(WnIsolationOptions *opts, const char *name, double value,
                                         GError **error);
WN_API gboolean wn_isolation_options_load(const char *path, WnIsolationOptions *opts,
                                          GError **error);
WN_API GArray *wn_isolation_status(const WnNetwork *net, GError **error);
WN_API WnTable *wn_isolation_table(const WnNetwork *net, const WnIsolationOptions *opts,
                                   GError **error);
WN_API WnTable *wn_isolation_ranking(const WnNetwork *net, const WnIsolationOptions *opts,
                                     gboolean include_connected, GError **error);
WN_API WnTable *wn_isolation_counts(const WnNetwork *net, const WnIsolationOptions *opts,
                                    GError **error);
WN_API WnTable *wn_ego_composition(const WnNetwork *net, GError **error);
WN_API WnTable *wn_projection_residents(const WnNetwork *net, guint min_shared, GError **error);

/* Communities */
typedef enum { WN_COMMUNITY_LEIDEN, WN_COMMUNITY_LOUVAIN } WnCommunityMethod;
typedef struct {
    WnCommunityMethod method;
    guint64 seed;      /* both methods are randomised */
    gboolean weighted; /* a tie counts with its weight */
    double resolution; /* 1 = classic modularity; larger gives smaller communities */
} WnCommunityOptions;
#define WN_COMMUNITY_OPTIONS_INIT                                                                  \
    {                                                                                              \
        .method = WN_COMMUNITY_LEIDEN, .seed = 0, .weighted = FALSE, .resolution = 1.0             \
    }
typedef struct _WnCommunities WnCommunities;
WN_API const char *wn_communities_method_name(WnCommunityMethod method);
WN_API gboolean wn_communities_method_lookup(const char *name, WnCommunityMethod *out);
WN_API WnCommunities *wn_communities_detect(const WnNetwork *net, const WnCommunityOptions *opts,
                                            GError **error);
WN_API WnCommunities *wn_communities_from_column(const WnNetwork *net, const char *column,
                                                 const WnCommunityOptions *opts, GError **error);
WN_API void wn_communities_free(WnCommunities *comms);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnCommunities, wn_communities_free)
WN_API gsize wn_communities_count(const WnCommunities *comms);
WN_API gsize wn_communities_membership(const WnCommunities *comms, gsize node);
WN_API double wn_communities_modularity(const WnCommunities *comms);
WN_API const WnCommunityOptions *wn_communities_options(const WnCommunities *comms);
WN_API const char *wn_communities_column(const WnCommunities *comms);
WN_API const char *wn_communities_value(const WnCommunities *comms, gsize community);
WN_API GArray *wn_communities_participation(const WnNetwork *net, const WnCommunities *comms);
WN_API WnTable *wn_communities_table(const WnNetwork *net, const WnCommunities *comms);
WN_API char *wn_communities_to_json(const WnNetwork *net, const WnCommunities *comms);

/* Suggestions */
typedef enum { WN_POLICY_MIXED, WN_POLICY_ANCHOR, WN_POLICY_BUDDY } WnPolicy;
typedef struct {
    WnPolicy policy;
    guint per;            /* suggestions per target (N) */
    guint capacity;       /* targets per candidate (C); 0 = no limit */
    gboolean explain;     /* add one column per feature's contribution */
    double weight_common; /* per unit of Adamic–Adar over the whole graph */
    double weight_group;  /* per shared group */
    double weight_area;   /* same area */
    double weight_near;   /* × near_metres / (near_metres + distance) */
    double near_metres;   /* the distance at which the distance term halves */
    double weight_shared; /* per shared interest or language */
    double weight_age;    /* same age band; half for an adjacent band */
    double weight_anchor; /* anchor and mixed: × min(informal degree, cap)/cap; groups 1 */
    double anchor_cap;    /* informal degree counted as fully connected */
    guint beyond_degree;  /* a target with at most this informal degree looks beyond its area */
    double beyond_metres; /* how far beyond its area, when both have a position */
    guint adult_age;      /* a resident whose age band ends below it is a minor: minors are
                             suggested only to each other, and a group of mostly minors only
                             to them; 0 = no such guard */
    const struct _WnAreaTouching *touching; /* NULL, or wn_area_touching_new: beyond the area,
                                               first the areas that touch it */
} WnSuggestOptions;
#define WN_SUGGEST_OPTIONS_INIT                                                                    \
    {                                                                                              \
        .policy = WN_POLICY_MIXED, .per = 3, .capacity = 3, .explain = FALSE,                      \
        .weight_common = 1.0, .weight_group = 0.5, .weight_area = 0.5, .weight_near = 8.0,         \
        .near_metres = 30.0, .weight_shared = 0.25, .weight_age = 0.25, .weight_anchor = 0.5,      \
        .anchor_cap = 10.0, .beyond_degree = 1, .beyond_metres = 1500.0, .adult_age = 18           \
    }
typedef struct {
    gsize targets;     /* residents suggestions were sought for */
    gsize served;      /* targets with at least one suggestion */
    gsize suggestions; /* rows */
} WnSuggestSummary;
typedef struct {
    double hide;       /* share of informal resident–resident ties hidden, in (0, 1) */
    guint64 seed;      /* which ties are hidden, and the random baseline */
    double cold_start; /* > 0: hide every informal tie of this share of residents instead */
} WnEvaluateOptions;
#define WN_EVALUATE_OPTIONS_INIT                                                                   \
    {                                                                                              \
        .hide = 0.1, .seed = 1, .cold_start = 0.0                                                  \
    }
typedef struct {
    gsize eligible; /* informal ties between two residents; cold start: residents with 2+ */
    gsize hidden;   /* of those, hidden */
    gsize targets;  /* residents who lost at least one tie */
} WnEvaluateSummary;
WN_API const char *wn_suggest_policy_name(WnPolicy policy);
WN_API gboolean wn_suggest_policy_lookup(const char *name, WnPolicy *out);
WN_API gboolean wn_suggest_options_check(const WnSuggestOptions *opts, GError **error);
WN_API const char *const *wn_suggest_settings(void);
WN_API gboolean wn_suggest_options_set(WnSuggestOptions *opts, const char *name, const char *value,
                                       GError **error);
WN_API gboolean wn_suggest_options_load(const char *path, WnSuggestOptions *opts, GError **error);
WN_API WnTable *wn_suggest_table(const WnNetwork *net, const char *const *for_ids,
                                 const WnSuggestOptions *opts, WnSuggestSummary *summary_out,
                                 GError **error);
WN_API WnTable *wn_suggest_evaluate(const WnNetwork *net, const WnSuggestOptions *opts,
                                    const WnEvaluateOptions *eval, WnEvaluateSummary *summary_out,
                                    GError **error);

/* Synthetic towns */
typedef struct {
    gsize residents;         /* WN_GENERATE_MIN_RESIDENTS..WN_GENERATE_MAX_RESIDENTS */
    guint64 seed;            /* the same seed gives the same files, byte for byte */
    double isolated_share;   /* residents without any informal tie, 0..0.15 */
    double vulnerable_share; /* residents flagged vulnerable, 0..0.5 */
    gboolean force;          /* write into a folder that is not empty */
} WnGenerateOptions;
#define WN_GENERATE_OPTIONS_INIT                                                                   \
    {                                                                                              \
        .residents = 0, .seed = 1, .isolated_share = 0.09, .vulnerable_share = 0.06,               \
        .force = FALSE                                                                             \
    }
#define WN_GENERATE_MIN_RESIDENTS 1
#define WN_GENERATE_MAX_RESIDENTS 10000000
WN_API gboolean wn_generate_options_check(const WnGenerateOptions *opts, GError **error);
WN_API gboolean wn_generate_town(const WnGenerateOptions *opts, const char *dir, GError **error);

/* Import and export */
typedef enum {
    WN_FORMAT_GRAPHML,
    WN_FORMAT_GML,
    WN_FORMAT_PAJEK,
    WN_FORMAT_EDGELIST,
    WN_FORMAT_NODE_LINK,
    WN_FORMAT_UCINET,         /* UCINET DL */
    WN_FORMAT_NETWORK_CANVAS, /* import only: one interview's CSV export or its GraphML */
    WN_FORMAT_COUNT
} WnFormat;
typedef enum {
    WN_EXPORT_DEFAULT = 0,
    WN_EXPORT_SHOW_LABELS = 1 << 0,   /* labels are personal data: left out unless asked */
    WN_EXPORT_WITH_MEASURES = 1 << 1, /* the default centrality measures as node values */
} WnExportFlags;
WN_API const char *wn_format_name(WnFormat format);
WN_API gboolean wn_format_lookup(const char *name, WnFormat *out);
WN_API gboolean wn_network_save(const WnNetwork *net, const char *dir, GError **error);
WN_API char *wn_network_to_format(const WnNetwork *net, WnFormat format, WnExportFlags flags,
                                  GPtrArray *warnings, GError **error);
WN_API WnNetwork *wn_network_import(const char *path, WnFormat format, GError **error);
typedef struct {
    const char *types; /* "Person=resident,Venue=group,Close=friend": source type to kind */
} WnImportOptions;
#define WN_IMPORT_OPTIONS_INIT                                                                     \
    {                                                                                              \
        .types = NULL                                                                              \
    }
WN_API gboolean wn_import_options_check(const WnImportOptions *opts, GError **error);
WN_API WnNetwork *wn_network_import_full(const char *path, WnFormat format,
                                         const WnImportOptions *opts, GError **error);

/* Run manifests: run.json */
typedef struct _WnRunManifest WnRunManifest;
WN_API WnRunManifest *wn_run_manifest_new(const char *command, const char *const *argv);
WN_API void wn_run_manifest_free(WnRunManifest *manifest);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnRunManifest, wn_run_manifest_free)
WN_API void wn_run_manifest_add_option(WnRunManifest *manifest, const char *key, const char *value);
WN_API void wn_run_manifest_set_seed(WnRunManifest *manifest, guint64 seed);
WN_API gboolean wn_run_manifest_add_input(WnRunManifest *manifest, const char *path,
                                          GError **error);
WN_API gboolean wn_run_manifest_add_dataset(WnRunManifest *manifest, const char *dir,
                                            GError **error);
WN_API void wn_run_manifest_add_output(WnRunManifest *manifest, const char *name);
WN_API char *wn_run_manifest_to_json(const WnRunManifest *manifest);

/* Areas and maps */
typedef enum { WN_LANGUAGE_NL, WN_LANGUAGE_EN } WnLanguage;
typedef struct _WnAreaShapes WnAreaShapes;
WN_API WnAreaShapes *wn_area_shapes_load(const char *path, GError **error);
WN_API WnAreaShapes *wn_area_shapes_load_dataset(const char *dataset_dir, GError **error);
WN_API void wn_area_shapes_free(WnAreaShapes *shapes);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnAreaShapes, wn_area_shapes_free)
WN_API gsize wn_area_shapes_count(const WnAreaShapes *shapes);
WN_API const char *wn_area_shapes_code(const WnAreaShapes *shapes, gsize feature);
WN_API const char *wn_area_shapes_name(const WnAreaShapes *shapes, gsize feature);
typedef struct {
    guint min_cell;               /* counts below this show as "<K"; 0 or 1: nothing hidden */
    WnIsolationOptions isolation; /* status and index of each resident */
    const WnAreaShapes *shapes;   /* NULL, or the dataset's areas.geojson: area names */
} WnAreaOptions;
#define WN_AREA_OPTIONS_INIT                                                                       \
    {                                                                                              \
        .min_cell = 10, .isolation = WN_ISOLATION_OPTIONS_INIT, .shapes = NULL                     \
    }
WN_API WnTable *wn_areas_table(const WnNetwork *net, const WnAreaOptions *opts, GError **error);
WN_API char *wn_areas_to_geojson(const WnTable *areas, const WnAreaShapes *shapes,
                                 GPtrArray *warnings, GError **error);
WN_API char *wn_areas_to_svg(const WnTable *areas, const WnAreaShapes *shapes, GError **error);
WN_API char *wn_areas_to_svg_in(const WnTable *areas, const WnAreaShapes *shapes,
                                WnLanguage language, GError **error);
typedef struct {
    gboolean show_labels; /* labels are personal data: drawn only when asked */
    guint max_nodes;      /* draw at most this many (the most between); 0 = all */
    guint64 seed;         /* the layout's random start */
    WnLanguage language;  /* of the legend */
} WnDrawOptions;
#define WN_DRAW_OPTIONS_INIT                                                                       \
    {                                                                                              \
        .show_labels = FALSE, .max_nodes = 5000, .seed = 1, .language = WN_LANGUAGE_NL             \
    }
WN_API char *wn_network_to_svg(const WnNetwork *net, const WnDrawOptions *opts, GError **error);
typedef struct {
    guint min_cell;             /* as WnAreaOptions; below 10 a warning */
    WnDrawOptions draw;         /* network.svg */
    const WnAreaShapes *shapes; /* NULL, or the dataset's areas.geojson */
    const char *const *ego;     /* NULL, or NULL-terminated ids: an ego drawing of each */
} WnMapOptions;
#define WN_MAP_OPTIONS_INIT                                                                        \
    {                                                                                              \
        .min_cell = 10, .draw = WN_DRAW_OPTIONS_INIT, .shapes = NULL, .ego = NULL                  \
    }
typedef struct {
    WnLanguage language;  /* of every text in the drawing */
    gboolean show_labels; /* labels are personal data: ids only unless asked */
} WnEgoSvgOptions;
#define WN_EGO_SVG_OPTIONS_INIT                                                                    \
    {                                                                                              \
        .language = WN_LANGUAGE_NL, .show_labels = FALSE                                           \
    }
WN_API char *wn_ego_svg(const WnNetwork *net, gsize node, const WnEgoSvgOptions *opts,
                        GError **error);
typedef struct {
    WnLanguage language;        /* of every text in the drawing */
    guint min_cell;             /* as WnAreaOptions: counts below it read "<K" */
    const WnAreaShapes *shapes; /* NULL, or the dataset's areas.geojson: buurt names */
} WnWijkSvgOptions;
#define WN_WIJK_SVG_OPTIONS_INIT                                                                   \
    {                                                                                              \
        .language = WN_LANGUAGE_NL, .min_cell = 10, .shapes = NULL                                 \
    }
WN_API char *wn_wijk_svg(const WnNetwork *net, const WnWijkSvgOptions *opts, GError **error);
WN_API gboolean wn_map_write(const WnNetwork *net, const char *out_dir, const WnMapOptions *opts,
                             WnRunManifest *manifest, GPtrArray *warnings_out, GError **error);

/* Reports and batch jobs */
WN_API gboolean wn_report_language_lookup(const char *name, WnLanguage *out);
typedef struct {
    WnLanguage language;          /* Dutch by default; every text has an English version */
    guint min_cell;               /* as WnAreaOptions: counts below it are suppressed */
    gboolean show_labels;         /* labels are personal data: shown only when asked */
    guint top;                    /* rows in the lists of residents and key figures */
    WnIsolationOptions isolation; /* status and index of each resident */
    const WnAreaShapes *shapes;   /* NULL, or the dataset's areas.geojson */
    const char *area;             /* NULL, or describe this area only (a split batch unit) */
    const WnNetwork *compare;     /* NULL, or an earlier wave: a comparison section */
} WnReportOptions;
#define WN_REPORT_OPTIONS_INIT                                                                     \
    {                                                                                              \
        .language = WN_LANGUAGE_NL, .min_cell = 10, .show_labels = FALSE, .top = 25,               \
        .isolation = WN_ISOLATION_OPTIONS_INIT, .shapes = NULL, .area = NULL, .compare = NULL      \
    }
WN_API char *wn_report_to_html(const WnNetwork *net, const WnReportOptions *opts, GError **error);
typedef struct _WnBatchJob WnBatchJob;
typedef enum { WN_BATCH_DONE, WN_BATCH_SKIPPED, WN_BATCH_FAILED } WnBatchOutcome;
typedef struct {
    gsize dataset;      /* its index in the job */
    const char *unit;   /* the dataset's name, or "NAME/AREA" when split by area */
    const char *output; /* "report" …; NULL when the dataset itself could not be used */
    WnBatchOutcome outcome;
    const GError *error; /* WN_BATCH_FAILED: why */
    gsize done, total;   /* outputs of this dataset finished so far, and in all */
    gsize area;          /* split by area: the area's place in byte order; else 0 */
} WnBatchEvent;
typedef void (*WnBatchFunc)(const WnBatchEvent *event, gpointer user_data);
typedef struct {
    gboolean resume;         /* skip outputs whose completion marker still matches */
    const char *const *argv; /* the command line recorded in run.json; NULL = none */
    WnBatchFunc func;        /* NULL, or called as each output finishes */
    gpointer user_data;
    guint rank, ranks; /* ranks > 1: write only the areas of a split dataset dealt to rank */
} WnBatchRunOptions;
#define WN_BATCH_RUN_OPTIONS_INIT                                                                  \
    {                                                                                              \
        .resume = FALSE, .argv = NULL, .func = NULL, .user_data = NULL, .rank = 0, .ranks = 1      \
    }
WN_API WnBatchJob *wn_batch_job_load(const char *path, GError **error);
WN_API void wn_batch_job_free(WnBatchJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnBatchJob, wn_batch_job_free)
WN_API gsize wn_batch_job_dataset_count(const WnBatchJob *job);
WN_API const char *wn_batch_job_dataset_name(const WnBatchJob *job, gsize dataset);
WN_API const char *wn_batch_job_dataset_output(const WnBatchJob *job, gsize dataset);
WN_API const char *const *wn_batch_output_names(void);
WN_API gboolean wn_batch_run_dataset(const WnBatchJob *job, gsize dataset,
                                     const WnBatchRunOptions *opts, GError **error);

/* Analyse */
typedef struct {
    guint64 seed; /* communities, and betweenness sources above 20,000 nodes */
} WnAnalyseOptions;
#define WN_ANALYSE_OPTIONS_INIT                                                                    \
    {                                                                                              \
        .seed = 12345                                                                              \
    }
WN_API guint wn_analyse_estimate_samples(const WnNetwork *net);
typedef void (*WnProgressFunc)(gsize done, gsize total, const char *what, gpointer user_data);
WN_API gboolean wn_analyse_run(const WnNetwork *net, const char *out_dir,
                               const WnAnalyseOptions *opts, WnRunManifest *manifest,
                               WnProgressFunc progress, gpointer user_data, GError **error);

/* Pseudonymisation */
#define WN_PSEUDONYM_KEY_MIN_BYTES 32
typedef enum { WN_COORDINATES_ROUND, WN_COORDINATES_KEEP, WN_COORDINATES_DROP } WnCoordinates;
typedef struct {
    const char *const *keep; /* NULL-terminated: other columns to keep (default: dropped) */
    const char *const *drop; /* NULL-terminated: columns to drop (label, area, vulnerable …) */
    WnCoordinates coordinates;
    guint decimals; /* WN_COORDINATES_ROUND: decimals kept, 0..8 (3: about 100 m) */
} WnPseudonymiseOptions;
#define WN_PSEUDONYMISE_OPTIONS_INIT                                                               \
    {                                                                                              \
        .keep = NULL, .drop = NULL, .coordinates = WN_COORDINATES_ROUND, .decimals = 3             \
    }
WN_API gboolean wn_pseudonym_key_create(const char *path, GError **error);
WN_API GBytes *wn_pseudonym_key_load(const char *path, GError **error);
WN_API char *wn_pseudonym_key_fingerprint(GBytes *key);
WN_API gboolean wn_pseudonym_key_check_placement(const char *key_path, const char *dataset,
                                                 const char *out_dir, GPtrArray *warnings_out,
                                                 GError **error);
WN_API char *wn_pseudonym_new(GBytes *key, WnNodeKind kind, const char *id);
WN_API gboolean wn_pseudonymise_options_check(const WnNetwork *net,
                                              const WnPseudonymiseOptions *opts, GError **error);
WN_API gboolean wn_pseudonymise_dataset(const WnNetwork *net, const char *dir, const char *out_dir,
                                        GBytes *key, const WnPseudonymiseOptions *opts,
                                        GPtrArray *notes_out, GError **error);

/* Explorer (wijknet serve): the report's words for one row of an engine table */
WN_API char *wn_report_risk_words(const WnTable *ranking, gsize row, WnLanguage language);
WN_API char *wn_report_key_words(const WnTable *keys, gsize row, WnKeyKind kind,
                                 const WnTable *areas, WnLanguage language);
WN_API char *wn_report_suggestion_words(const char *reason, WnLanguage language);
WN_API const char *wn_report_kind_name(const char *kind, WnLanguage language);

/* What if, and what changed: dependants, scenarios and fieldwork waves */
WN_API GArray *wn_dependants_holders(const WnNetwork *net);
WN_API GArray *wn_dependants_count(const WnNetwork *net);
typedef struct {
    const char *const *remove; /* NULL-terminated ids of persons who leave, or NULL */
    const char *const *close;  /* NULL-terminated ids of groups or organisations that stop */
    const char *add_ties;      /* a file in the ties.csv format, or NULL */
    gboolean add_suggestions;  /* the suggest output (default options) taken as made */
    guint min_cell;            /* per-area counts below this are hidden */
} WnWhatifOptions;
#define WN_WHATIF_OPTIONS_INIT                                                                     \
    {                                                                                              \
        .remove = NULL, .close = NULL, .add_ties = NULL, .add_suggestions = FALSE, .min_cell = 10  \
    }
WN_API WnNetwork *wn_whatif_apply(const WnNetwork *net, const WnWhatifOptions *opts,
                                  GError **error);
WN_API WnNetwork *wn_whatif_without(const WnNetwork *net, gsize node, GError **error);
typedef struct _WnWhatif WnWhatif;
WN_API WnWhatif *wn_whatif_run(const WnNetwork *net, const WnWhatifOptions *opts, GError **error);
WN_API void wn_whatif_free(WnWhatif *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnWhatif, wn_whatif_free)
WN_API const WnNetwork *wn_whatif_network(const WnWhatif *w);
WN_API const WnTable *wn_whatif_changes(const WnWhatif *w);
WN_API const WnTable *wn_whatif_counts(const WnWhatif *w);
WN_API const WnTable *wn_whatif_cut_points(const WnWhatif *w);
WN_API const WnTable *wn_whatif_key_figures(const WnWhatif *w);
typedef struct {
    const char *suggestions; /* a `suggest` output of wave 1, or NULL */
    guint min_cell;          /* per-area counts below this are hidden */
} WnCompareOptions;
#define WN_COMPARE_OPTIONS_INIT                                                                    \
    {                                                                                              \
        .suggestions = NULL, .min_cell = 10                                                        \
    }
typedef struct _WnCompare WnCompare;
typedef struct {
    guint64 seed;   /* the same wave 1 and seed give the same files */
    gboolean force; /* write into a folder that is not empty */
} WnEvolveOptions;
#define WN_EVOLVE_OPTIONS_INIT                                                                     \
    {                                                                                              \
        .seed = 1, .force = FALSE                                                                  \
    }
WN_API gboolean wn_generate_evolve(const char *wave1, const WnEvolveOptions *opts, const char *dir,
                                   GError **error);
WN_API WnCompare *wn_compare_waves(const WnNetwork *wave1, const WnNetwork *wave2,
                                   const WnCompareOptions *opts, GError **error);
WN_API void wn_compare_free(WnCompare *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnCompare, wn_compare_free)
WN_API const WnTable *wn_compare_residents(const WnCompare *c);
WN_API const WnTable *wn_compare_moves(const WnCompare *c);
WN_API const WnTable *wn_compare_suggestions(const WnCompare *c);

/* Areas that touch (areas.geojson), for the suggestions beyond an area */
typedef struct _WnAreaTouching WnAreaTouching;
WN_API WnAreaTouching *wn_area_touching_new(const WnAreaShapes *shapes);
WN_API void wn_area_touching_free(WnAreaTouching *touching);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnAreaTouching, wn_area_touching_free)
WN_API const char *const *wn_area_touching_of(const WnAreaTouching *touching, const char *code,
                                              gsize *n_out);
WN_API gboolean wn_area_touching_pair(const WnAreaTouching *touching, const char *a, const char *b);

/* Distributed runs: Open MPI ranks, only in a build with -DWIJKNET_MPI=ON */
#ifdef WIJKNET_MPI
WN_API void wn_mpi_start(int *argc, char ***argv, gboolean share_kernels);
WN_API guint wn_mpi_rank(void);
WN_API guint wn_mpi_size(void);
WN_API int wn_mpi_finish(int status);
WN_API guint *wn_mpi_batch_owner(const WnBatchJob *job);
WN_API GPtrArray *wn_mpi_gather_text(const char *text);
WN_API int wn_mpi_agree(int status);
WN_API gboolean wn_mpi_share_inputs(gboolean on);
#endif

G_END_DECLS

#endif /* WIJKNET_H */
