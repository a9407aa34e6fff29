/* network.c: WnNetwork, which owns the nodes, the merged ties and the igraph graphs:
 * its life, its memory and its getters (the id index: id-index.c; the graphs: graphs.c) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#include "core.h"

#include <math.h>
#include <sys/mman.h>

static const char *const node_kind_names[WN_NODE_KIND_COUNT] = {"resident", "professional", "group",
                                                                "organisation"};
static const char *const tie_kind_names[WN_TIE_KIND_COUNT] = {
    "family", "household", "neighbour",     "friend",   "acquaintance",
    "member", "support",   "collaboration", "referral", "conflict"};

/**
 * wn_node_kind_name:
 * Returns: the docs/FORMAT.md name of a node kind ("resident" …).
 */
const char *
wn_node_kind_name(WnNodeKind kind)
{
    g_return_val_if_fail(kind < WN_NODE_KIND_COUNT, NULL);
    return node_kind_names[kind];
}

/**
 * wn_tie_kind_name:
 * Returns: the docs/FORMAT.md name of a tie kind ("family" …).
 */
const char *
wn_tie_kind_name(WnTieKind kind)
{
    g_return_val_if_fail(kind < WN_TIE_KIND_COUNT, NULL);
    return tie_kind_names[kind];
}

static void
wn_column_free(gpointer data)
{
    WnColumn *c = data;
    g_free(c->name);
    g_free(c->values);
    g_free(c);
}

WnNetwork *
wn_network__new(void)
{
    WnNetwork *net = g_new0(WnNetwork, 1);
    net->strings = g_string_chunk_new(1 << 16);
    net->metadata = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    net->warnings = g_ptr_array_new_with_free_func(g_free);
    net->skipped = g_ptr_array_new_with_free_func(g_free);
    net->blocks = g_ptr_array_new_with_free_func(g_free);
    net->node_attributes = g_ptr_array_new_with_free_func(wn_column_free);
    net->tie_attributes = g_ptr_array_new_with_free_func(wn_column_free);
    net->conflicts = g_array_new(FALSE, FALSE, sizeof(guint32));
    net->arcs = g_array_new(FALSE, FALSE, sizeof(guint32));
    net->relation_weights = g_array_new(FALSE, FALSE, sizeof(WnRelationWeight));
    net->relations = WN_RELATIONS_ALL;
    g_mutex_init(&net->cache_lock);
    return net;
}

/**
 * wn_network_free:
 * Frees a network and everything it owns. Accepts NULL.
 */
void
wn_network_free(WnNetwork *net)
{
    if (net == NULL) {
        return;
    }
    if (net->has_graph) {
        igraph_destroy(&net->graph);
    }
    if (net->has_lengths) {
        igraph_vector_destroy(&net->lengths); /* weights is a view of tie_weight */
    }
    if (net->has_informal) {
        igraph_destroy(&net->informal);
        igraph_vector_int_destroy(&net->informal_tie);
    }
    g_string_chunk_free(net->strings);
    g_ptr_array_unref(net->blocks);
    g_hash_table_unref(net->metadata);
    g_ptr_array_unref(net->warnings);
    g_ptr_array_unref(net->skipped);
    wn_id_index__clear(&net->index);
    g_ptr_array_unref(net->node_attributes);
    g_ptr_array_unref(net->tie_attributes);
    g_array_unref(net->conflicts);
    g_array_unref(net->arcs);
    g_array_unref(net->relation_weights);
    g_free(net->ids);
    g_free(net->labels);
    g_free(net->areas);
    g_free(net->kinds);
    g_free(net->vulnerable);
    g_free(net->lat);
    g_free(net->lon);
    g_free(net->tie_from);
    g_free(net->tie_to);
    g_free(net->tie_kind);
    g_free(net->tie_weight);
    g_free(net->tie_relations);
    wn_cache__free(net->cache);
    g_mutex_clear(&net->cache_lock);
    g_free(net);
}

void
wn_network__add_warning(WnNetwork *net, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_ptr_array_add(net->warnings, g_strdup_vprintf(format, args));
    va_end(args);
}

#define HUGE_PAGE_BYTES ((gsize) 2 << 20)

/**
 * wn_network__advise_large:
 * Asks the system to back the large array @memory of @bytes, not yet touched, with huge
 * pages where it allows: a page fault costs as much as filling the page, and the
 * loader's arrays span hundreds of megabytes. Only advice: nothing changes otherwise.
 * Cost: O(1).
 */
void
wn_network__advise_large(gpointer memory, gsize bytes)
{
#ifdef MADV_HUGEPAGE
    guintptr begin = ((guintptr) memory + HUGE_PAGE_BYTES - 1) & ~(HUGE_PAGE_BYTES - 1);
    guintptr end = ((guintptr) memory + bytes) & ~(HUGE_PAGE_BYTES - 1);
    if (end > begin) {
        madvise((void *) begin, end - begin, MADV_HUGEPAGE); /* failing is harmless */
    }
#else
    (void) memory, (void) bytes;
#endif
}

/**
 * wn_network__alloc_large:
 * Memory for a large array, zeroed when @zeroed, freed with g_free like any other;
 * wn_network__advise_large.
 * Cost: O(1) here (calloc maps fresh pages); the pages are filled as first touched.
 */
gpointer
wn_network__alloc_large(gsize bytes, gboolean zeroed)
{
    gpointer memory = zeroed ? g_malloc0(bytes) : g_malloc(bytes);
    wn_network__advise_large(memory, bytes);
    return memory;
}

const WnColumn *
wn_network__column(const GPtrArray *columns, const char *name)
{
    for (guint j = 0; j < columns->len; j++) {
        const WnColumn *c = g_ptr_array_index(columns, j);
        if (g_ascii_strcasecmp(c->name, name) == 0) {
            return c;
        }
    }
    return NULL;
}

/* The cell in row @row of the column @name of @columns; NULL when there is no such column. */
static const char *
column_cell(const GPtrArray *columns, const char *name, gsize row)
{
    const WnColumn *c = wn_network__column(columns, name);
    return c != NULL ? c->values[row] : NULL;
}

gboolean
wn_network_is_directed(const WnNetwork *net)
{
    return net->directed;
}

/**
 * wn_network_metadata:
 * A top-level value of dataset.json ("title", "source", "licence" …) as text;
 * strings as they are, other values as compact JSON.
 * Returns: the value, or NULL when the dataset has none.
 */
const char *
wn_network_metadata(const WnNetwork *net, const char *key)
{
    return g_hash_table_lookup(net->metadata, key);
}

/**
 * wn_network_warnings:
 * What the loader noticed but accepted (ids that differ only in case, merged rows …).
 * Returns: (element-type utf8): borrowed messages, in the order found.
 */
const GPtrArray *
wn_network_warnings(const WnNetwork *net)
{
    return net->warnings;
}

/**
 * wn_network_skipped_rows:
 * With WN_LOAD_SKIP_BAD_ROWS, one message per row left out, "FILE:LINE:COLUMN: …".
 * Returns: (element-type utf8): borrowed messages, in file order.
 */
const GPtrArray *
wn_network_skipped_rows(const WnNetwork *net)
{
    return net->skipped;
}

gsize
wn_network_node_count(const WnNetwork *net)
{
    return net->n;
}

/**
 * wn_network_node_lookup:
 * Finds a node by its id, compared exactly (docs/FORMAT.md).
 * Returns: TRUE and the node's index in @index_out when it exists.
 */
gboolean
wn_network_node_lookup(const WnNetwork *net, const char *id, gsize *index_out)
{
    return wn_id_index__lookup(&net->index, id, wn_id__hash(id), index_out);
}

const char *
wn_network_node_id(const WnNetwork *net, gsize node)
{
    g_return_val_if_fail(node < net->n, NULL);
    return net->ids[node];
}

/* Returns: the label, or NULL when it has none. Labels are personal data. */
const char *
wn_network_node_label(const WnNetwork *net, gsize node)
{
    g_return_val_if_fail(node < net->n, NULL);
    return net->labels[node];
}

WnNodeKind
wn_network_node_kind(const WnNetwork *net, gsize node)
{
    g_return_val_if_fail(node < net->n, WN_NODE_RESIDENT);
    return (WnNodeKind) net->kinds[node];
}

/* Returns: the area code or name, or NULL when the node has none. */
const char *
wn_network_node_area(const WnNetwork *net, gsize node)
{
    g_return_val_if_fail(node < net->n, NULL);
    return net->areas[node];
}

/* Returns: TRUE and the WGS84 position when the node has both lat and lon. */
gboolean
wn_network_node_position(const WnNetwork *net, gsize node, double *lat_out, double *lon_out)
{
    g_return_val_if_fail(node < net->n, FALSE);
    if (isnan(net->lat[node]) || isnan(net->lon[node])) {
        return FALSE;
    }
    *lat_out = net->lat[node];
    *lon_out = net->lon[node];
    return TRUE;
}

gboolean
wn_network_node_vulnerable(const WnNetwork *net, gsize node)
{
    g_return_val_if_fail(node < net->n, FALSE);
    return net->vulnerable[node] != 0;
}

/**
 * wn_network_node_attribute_names:
 * Returns: (element-type WnColumn): the extra columns of nodes.csv, in file order;
 * each element starts with its name (a `char *`).
 */
const GPtrArray *
wn_network_node_attribute_names(const WnNetwork *net)
{
    return net->node_attributes;
}

/**
 * wn_network_node_attribute:
 * The raw cell of an extra nodes.csv column (column names compare case-insensitively);
 * several values are separated by `|`.
 * Returns: the cell, or NULL when it is empty or there is no such column.
 */
const char *
wn_network_node_attribute(const WnNetwork *net, gsize node, const char *name)
{
    g_return_val_if_fail(node < net->n, NULL);
    return column_cell(net->node_attributes, name, node);
}

gsize
wn_network_tie_count(const WnNetwork *net)
{
    return net->m;
}

void
wn_network_tie_ends(const WnNetwork *net, gsize tie, gsize *source_out, gsize *target_out)
{
    g_return_if_fail(tie < net->m);
    *source_out = net->tie_from[tie];
    *target_out = net->tie_to[tie];
}

/* Returns: the kind of the first row of the tie in file order. */
WnTieKind
wn_network_tie_kind(const WnNetwork *net, gsize tie)
{
    g_return_val_if_fail(tie < net->m, WN_TIE_ACQUAINTANCE);
    return (WnTieKind) net->tie_kind[tie];
}

/* Returns: the tie's weight, summed over its rows (all its relations) in file order. */
double
wn_network_tie_weight(const WnNetwork *net, gsize tie)
{
    g_return_val_if_fail(tie < net->m, 0.0);
    return net->tie_weight[tie];
}

/**
 * wn_network_tie_relations:
 * Returns: the relation types the tie holds (one bit per WnTieKind, WN_RELATION), never
 * empty and never holding conflict.
 */
WnRelations
wn_network_tie_relations(const WnNetwork *net, gsize tie)
{
    g_return_val_if_fail(tie < net->m, 0);
    return net->tie_relations[tie];
}

static int
compare_relation_weight(gconstpointer a, gconstpointer b)
{
    const WnRelationWeight *x = a, *y = b;
    if (x->tie != y->tie) {
        return x->tie < y->tie ? -1 : 1;
    }
    return x->kind < y->kind ? -1 : x->kind > y->kind;
}

/**
 * wn_network_tie_relation_weight:
 * Returns: the weight of one relation of a tie, the sum of its rows; 0 when the tie does
 * not hold @kind. The weights of a tie's relations add up to wn_network_tie_weight().
 * Cost: O(1) for a tie of one relation, O(log of the ties of several) otherwise.
 */
double
wn_network_tie_relation_weight(const WnNetwork *net, gsize tie, WnTieKind kind)
{
    g_return_val_if_fail(tie < net->m && kind < WN_TIE_KIND_COUNT, 0.0);
    WnRelations relations = net->tie_relations[tie];
    if ((relations & WN_RELATION(kind)) == 0) {
        return 0.0;
    }
    if (relations == WN_RELATION(kind)) {
        return net->tie_weight[tie];
    }
    WnRelationWeight key = {.tie = (guint32) tie, .kind = kind};
    guint at = 0;
    gboolean found =
        g_array_binary_search(net->relation_weights, &key, compare_relation_weight, &at);
    g_return_val_if_fail(found, 0.0);
    return g_array_index(net->relation_weights, WnRelationWeight, at).weight;
}

/**
 * wn_network__sort_relation_weights:
 * Puts the relation weights in the order wn_network_tie_relation_weight searches (by tie,
 * then kind); the loader calls it once the ties are read.
 */
void
wn_network__sort_relation_weights(WnNetwork *net)
{
    g_array_sort(net->relation_weights, compare_relation_weight);
}

/* Returns: the relations the network was loaded with (wn_network_load_relations). */
WnRelations
wn_network_relations_loaded(const WnNetwork *net)
{
    return net->relations;
}

/* Returns: TRUE when either end is a professional or an organisation (docs/FORMAT.md). */
gboolean
wn_network_tie_is_formal(const WnNetwork *net, gsize tie)
{
    g_return_val_if_fail(tie < net->m, FALSE);
    return wn_network__tie_is_formal(net, tie);
}

/* Returns: (element-type WnColumn): the extra ties.csv columns, support_kind among them. */
const GPtrArray *
wn_network_tie_attribute_names(const WnNetwork *net)
{
    return net->tie_attributes;
}

/* Returns: the tie's cell in an extra ties.csv column (its first row's), or NULL. */
const char *
wn_network_tie_attribute(const WnNetwork *net, gsize tie, const char *name)
{
    g_return_val_if_fail(tie < net->m, NULL);
    return column_cell(net->tie_attributes, name, tie);
}

/* Returns: the number of distinct pairs with a conflict tie (kept out of the graph). */
gsize
wn_network_conflict_count(const WnNetwork *net)
{
    return net->conflicts->len / 2;
}

void
wn_network_conflict_ends(const WnNetwork *net, gsize conflict, gsize *source_out, gsize *target_out)
{
    g_return_if_fail(conflict < net->conflicts->len / 2);
    *source_out = g_array_index(net->conflicts, guint32, 2 * conflict);
    *target_out = g_array_index(net->conflicts, guint32, 2 * conflict + 1);
}
