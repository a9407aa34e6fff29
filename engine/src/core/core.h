/* core/core.h: the network, id index, CSR snapshot, measure cache, tables and the igraph bridge */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_CORE_CORE_H
#define WN_CORE_CORE_H

#include "wijknet.h"

#include <igraph.h>
#include <cJSON.h>

#include "util/util.h"

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(igraph_vector_t, igraph_vector_destroy)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(igraph_vector_int_t, igraph_vector_int_destroy)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(igraph_vector_bool_t, igraph_vector_bool_destroy)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(igraph_vector_int_list_t, igraph_vector_int_list_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(cJSON, cJSON_Delete)

/* igraph-bridge.c */
gboolean wn_igraph__ok(igraph_error_t rc, GError **error);

/* One column of per-row strings (an attribute), NULL where the cell is empty. */
typedef struct {
    char *name;
    const char **values;
} WnColumn;

/*
 * The index of node ids (id-index.c): open addressing with a cheap hash, since ties.csv
 * looks up two ids a row. Its strings are the network's; a slot with a NULL id is empty.
 * A slot holds the id's first bytes too, so that a short id is compared in the slot.
 */
#define WN_ID_HEAD 16
typedef struct {
    const char *id;
    guint32 hash;
    guint32 node;
    char head[WN_ID_HEAD]; /* the id's first bytes, NUL-padded when it is shorter */
} WnIdSlot;

typedef struct {
    WnIdSlot *slots;
    gsize capacity, used;
} WnIdIndex;

/*
 * The network. Nodes are numbered in nodes.csv order. `ties` are the merged,
 * non-conflict ties in order of first appearance; igraph edge i of `graph` is tie i.
 * `graph` is always undirected (the measures of docs/DESIGN.md); the directions of a
 * directed dataset are in `arcs`. `informal` has every node and only the informal ties;
 * informal edge e is tie `informal_tie[e]`. Both are built on first use.
 */
/* The parts of wn_network_load whose time is kept in load_seconds (--timings). */
typedef enum {
    WN_LOAD_PART_NODES,  /* reading nodes.csv */
    WN_LOAD_PART_TIES,   /* reading ties.csv: parse, check, resolve ids, merge */
    WN_LOAD_PART_GRAPHS, /* sealing the network (the graphs are built on first use) */
    WN_LOAD_PARTS
} WnLoadPart;

struct _WnNetwork {
    gboolean directed;
    GStringChunk *strings; /* every string below lives here or in blocks */
    GPtrArray *blocks;     /* of memory the parallel loader copied cells into */
    GHashTable *metadata;  /* dataset.json: key -> value as text */
    GPtrArray *warnings;
    GPtrArray *skipped;

    gsize n;
    const char **ids;
    const char **labels;
    const char **areas;
    guint8 *kinds;
    guint8 *vulnerable;
    double *lat, *lon;          /* NaN where unknown */
    WnIdIndex index;            /* id -> node, for wn_network_node_lookup and the loader */
    GPtrArray *node_attributes; /* of WnColumn, one per extra nodes.csv column */

    gsize m;
    guint32 *tie_from, *tie_to;
    guint8 *tie_kind;
    double *tie_weight;
    GPtrArray *tie_attributes; /* of WnColumn, one per extra ties.csv column */
    GArray *conflicts;         /* guint32 pairs */
    gsize tie_rows, merged_rows;
    guint16 *tie_relations;   /* per tie: its WnRelations */
    GArray *relation_weights; /* of WnRelationWeight: ties of several relations, by tie, kind */
    WnRelations relations;    /* the relations loaded (wn_network_load_relations) */
    gsize relation_rows;      /* rows that added another relation to a tie */
    gsize left_out_rows;      /* rows of relations not loaded */
    GArray *arcs;             /* directed datasets: guint32 pairs, merged by ordered pair */

    igraph_t graph;                   /* built on first use: wn_network__graph */
    igraph_t informal;                /* built on first use: wn_network__informal */
    igraph_vector_t weights, lengths; /* weights: a view of tie_weight; lengths: lazy */
    igraph_vector_int_t informal_tie;
    gsize has_graph;    /* g_once_init_enter: graph is built */
    gsize has_informal; /* g_once_init_enter: informal and informal_tie are built */
    gsize has_lengths;  /* g_once_init_enter: lengths is built */

    double load_seconds[WN_LOAD_PARTS]; /* wall seconds of each part of wn_network_load */
    GMutex cache_lock; /* guards cache: the network is shared read-only between threads */
    GHashTable *cache; /* results computed once per network (core/cache.c), or NULL */
};

/* The weight of one relation of a tie that holds several (a tie of one relation has its
 * weight in tie_weight). */
typedef struct {
    guint32 tie;
    guint32 kind;
    double weight;
} WnRelationWeight;

/* network.c */
WnNetwork *wn_network__new(void);
const WnColumn *wn_network__column(const GPtrArray *columns, const char *name);
void wn_network__sort_relation_weights(WnNetwork *net);
void wn_network__add_warning(WnNetwork *net, const char *format, ...) G_GNUC_PRINTF(2, 3);
void wn_network__advise_large(gpointer memory, gsize bytes);
gpointer wn_network__alloc_large(gsize bytes, gboolean zeroed);

/* TRUE when either end of @tie is a professional or an organisation (docs/FORMAT.md). */
static inline gboolean
wn_network__tie_is_formal(const WnNetwork *net, gsize tie)
{
    WnNodeKind a = (WnNodeKind) net->kinds[net->tie_from[tie]];
    WnNodeKind b = (WnNodeKind) net->kinds[net->tie_to[tie]];
    return a == WN_NODE_PROFESSIONAL || a == WN_NODE_ORGANISATION || b == WN_NODE_PROFESSIONAL ||
           b == WN_NODE_ORGANISATION;
}

/* graphs.c */
void wn_network__seal(WnNetwork *net);
const igraph_t *wn_network__graph(const WnNetwork *net);
const igraph_t *wn_network__informal(const WnNetwork *net);
const igraph_vector_t *wn_network__weights(const WnNetwork *net);
const igraph_vector_t *wn_network__lengths(const WnNetwork *net);

/* id-index.c */
guint32 wn_id__hash(const char *id);
void wn_id_index__reserve(WnIdIndex *index, gsize ids);
gboolean wn_id_index__add(WnIdIndex *index, const char *id, guint32 hash, guint32 node);
gboolean wn_id_index__lookup(const WnIdIndex *index, const char *id, guint32 hash, gsize *node_out);
void wn_id_index__clear(WnIdIndex *index);

/* load-csv.c */
gboolean wn_load__dataset_json(WnNetwork *net, const char *path, GError **error);

/* table.c: built column by column, then handed out */
gboolean wn_names__lookup(const char *const *names, gsize n, const char *name, gsize *index_out);
WnTable *wn_table__new(gsize rows);
void wn_table__add_strings(WnTable *table, const char *name, const char *const *values);
typedef char *(*WnStringFunc)(gsize row, gconstpointer data);
void wn_table__make_strings(WnTable *table, const char *name, WnStringFunc make,
                            gconstpointer data);
void wn_table__add_ints(WnTable *table, const char *name, const gint64 *values,
                        const gboolean *missing);
void wn_table__add_doubles(WnTable *table, const char *name, const double *values);

/* cache.c: scores as GArrays */
void wn_cache__free(GHashTable *cache);
GArray *wn_scores__new(gsize n);
GArray *wn_scores__from_igraph(const igraph_vector_t *v);
GArray *wn_scores__from_igraph_int(const igraph_vector_int_t *v);

/*
 * The undirected network as compressed sparse rows, built once: the neighbours of v
 * are adj[start[v]] … adj[start[v + 1] − 1] in increasing node order, and weight[k] is
 * the merged weight of the tie behind adj[k]. Read-only once built, so any number of
 * threads may share it (igraph may not be shared: docs/DESIGN.md).
 */
typedef struct {
    gsize n, m; /* nodes, ties */
    gsize *start;
    guint32 *adj;
    double *weight;
    double *strength; /* sum of weights per node */
} WnCsr;

/* csr.c */
WnCsr *wn_csr__new(const WnNetwork *net);
const WnCsr *wn_csr__shared(const WnNetwork *net);
void wn_csr__free(WnCsr *csr);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnCsr, wn_csr__free)
GArray *wn_csr__components(const WnCsr *csr, guint32 *membership);

/* cache.c: each network's cache of results, computed once and then shared read-only
 * by every caller and thread for as long as the network lives (keys: wn_cache__key) */
typedef gpointer (*WnCacheFunc)(const WnNetwork *net, gconstpointer data, GError **error);
gconstpointer wn_cache__get(const WnNetwork *net, const char *key, WnCacheFunc compute,
                            gconstpointer data, GDestroyNotify free_func, GError **error);
gconstpointer wn_cache__put(const WnNetwork *net, const char *key, gpointer data,
                            GDestroyNotify free_func);
gconstpointer wn_cache__peek(const WnNetwork *net, const char *key);
char *wn_cache__key(const char *what, const WnMeasureOptions *opts);
const GArray *wn_cache__scores(const WnNetwork *net, const char *what, const WnMeasureOptions *opts,
                               WnMeasureFunc compute, GError **error);
GArray *wn_scores__dup(const GArray *scores);
GArray *wn_scores__from_doubles(const double *values, gsize n);

static inline gsize
wn_csr__degree(const WnCsr *csr, gsize v)
{
    return csr->start[v + 1] - csr->start[v];
}

#endif /* WN_CORE_CORE_H */
