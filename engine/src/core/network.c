/* network.c: WnNetwork, which owns the nodes, the merged ties and the igraph graphs */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#include "core.h"

#include <math.h>
#include <string.h>
#include <sys/mman.h>

static const char *const node_kind_names[WN_NODE_KIND_COUNT] = {
    "resident", "professional", "group", "organisation"};
static const char *const tie_kind_names[WN_TIE_KIND_COUNT] = {
    "family", "household", "neighbour", "friend",   "acquaintance",
    "member", "support",   "collaboration", "referral", "conflict"};

/**
 * wn_node_kind_name:
 * Returns: the FORMAT.md name of a node kind ("resident" …).
 */
const char *
wn_node_kind_name(WnNodeKind kind)
{
    g_return_val_if_fail(kind < WN_NODE_KIND_COUNT, NULL);
    return node_kind_names[kind];
}

/**
 * wn_tie_kind_name:
 * Returns: the FORMAT.md name of a tie kind ("family" …).
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
    if (net->has_graphs) {
        igraph_destroy(&net->graph);
        if (net->directed) {
            igraph_destroy(&net->digraph);
        }
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

/**
 * wn_id__hash:
 * Returns: the hash of @id that the id index uses (FNV-1a, folded to 32 bits).
 * Cost: O(length of @id).
 */
guint32
wn_id__hash(const char *id)
{
    guint64 h = 0xcbf29ce484222325u;
    for (const guchar *p = (const guchar *) id; *p != '\0'; p++) {
        h = (h ^ *p) * 0x100000001b3u;
    }
    return (guint32) (h ^ (h >> 29));
}

static void
id_index_put(WnIdIndex *index, const WnIdSlot *filled)
{
    gsize mask = index->capacity - 1;
    gsize slot = filled->hash & mask;
    while (index->slots[slot].id != NULL) {
        slot = (slot + 1) & mask;
    }
    index->slots[slot] = *filled;
}

/**
 * wn_id_index__reserve:
 * Makes room for @ids ids in all, so that adding them never rehashes.
 * Cost: O(capacity) when it grows, else O(1).
 */
void
wn_id_index__reserve(WnIdIndex *index, gsize ids)
{
    gsize capacity = MAX(index->capacity, 1024);
    while (capacity < 2 * ids) {
        capacity *= 2;
    }
    if (capacity == index->capacity) {
        return;
    }
    WnIdIndex old = *index;
    index->capacity = capacity;
    index->slots = wn_network__alloc_large(capacity * sizeof(WnIdSlot), TRUE);
    for (gsize i = 0; i < old.capacity; i++) {
        if (old.slots[i].id != NULL) {
            id_index_put(index, &old.slots[i]);
        }
    }
    g_free(old.slots);
}

/* TRUE when the slot @s holds @id, of @len bytes: a short id and its NUL are all in the
 * slot's head, a long one goes on past it. */
static gboolean
id_slot_holds(const WnIdSlot *s, const char *id, gsize len, guint32 hash)
{
    if (s->hash != hash) {
        return FALSE;
    }
    if (len < WN_ID_HEAD) {
        return memcmp(s->head, id, len + 1) == 0;
    }
    return memcmp(s->head, id, WN_ID_HEAD) == 0 && strcmp(s->id + WN_ID_HEAD, id + WN_ID_HEAD) == 0;
}

/* The slot holding @id, or the empty slot where it would go (the index has room). */
static WnIdSlot *
id_index_find(const WnIdIndex *index, const char *id, guint32 hash)
{
    gsize len = strlen(id), mask = index->capacity - 1, slot = hash & mask;
    while (index->slots[slot].id != NULL && !id_slot_holds(&index->slots[slot], id, len, hash)) {
        slot = (slot + 1) & mask;
    }
    return &index->slots[slot];
}

/**
 * wn_id_index__add:
 * Adds @id (a string that outlives the index) as @node, unless it is there already;
 * @hash is wn_id__hash(@id).
 * Returns: FALSE, adding nothing, when @id is in the index already.
 * Cost: O(1) expected, amortised.
 */
gboolean
wn_id_index__add(WnIdIndex *index, const char *id, guint32 hash, guint32 node)
{
    if (2 * (index->used + 1) > index->capacity) {
        wn_id_index__reserve(index, index->used + 1);
    }
    WnIdSlot *s = id_index_find(index, id, hash);
    if (s->id != NULL) {
        return FALSE;
    }
    *s = (WnIdSlot){id, hash, node, {0}}; /* a short id's head is NUL-padded */
    memcpy(s->head, id, MIN(strlen(id), (gsize) WN_ID_HEAD));
    index->used++;
    return TRUE;
}

/**
 * wn_id_index__lookup:
 * Finds @id, compared exactly; @hash is wn_id__hash(@id). Reads only, so any number
 * of threads may look up at once.
 * Returns: TRUE and the node in @node_out when @id is in the index.
 * Cost: O(1) expected.
 */
gboolean
wn_id_index__lookup(const WnIdIndex *index, const char *id, guint32 hash, gsize *node_out)
{
    if (index->used == 0) {
        return FALSE;
    }
    const WnIdSlot *s = id_index_find(index, id, hash);
    if (s->id == NULL) {
        return FALSE;
    }
    *node_out = s->node;
    return TRUE;
}

void
wn_id_index__clear(WnIdIndex *index)
{
    g_free(index->slots);
    memset(index, 0, sizeof *index);
}

static gboolean
tie_is_formal(const WnNetwork *net, gsize tie)
{
    WnNodeKind a = net->kinds[net->tie_from[tie]];
    WnNodeKind b = net->kinds[net->tie_to[tie]];
    return a == WN_NODE_PROFESSIONAL || a == WN_NODE_ORGANISATION || b == WN_NODE_PROFESSIONAL ||
           b == WN_NODE_ORGANISATION;
}

static gboolean
build_informal_layer(WnNetwork *net, GError **error)
{
    gsize informal = 0;
    for (gsize t = 0; t < net->m; t++) {
        informal += !tie_is_formal(net, t);
    }
    g_auto(igraph_vector_int_t) edges = IGRAPH_VECTOR_NULL;
    if (!wn_igraph__ok(igraph_vector_int_init(&edges, (igraph_integer_t) (2 * informal)), error) ||
        !wn_igraph__ok(igraph_vector_int_init(&net->informal_tie, (igraph_integer_t) informal),
                       error)) {
        return FALSE;
    }
    gsize e = 0;
    for (gsize t = 0; t < net->m; t++) {
        if (!tie_is_formal(net, t)) {
            VECTOR(edges)[2 * e] = net->tie_from[t];
            VECTOR(edges)[2 * e + 1] = net->tie_to[t];
            VECTOR(net->informal_tie)[e++] = (igraph_integer_t) t;
        }
    }
    return wn_igraph__ok(igraph_create(&net->informal, &edges, (igraph_integer_t) net->n,
                                       IGRAPH_UNDIRECTED),
                         error);
}

/* The edge list for igraph_create; the weights vector is a view of tie_weight, which
 * lives as long as the network and never changes. */
static gboolean
build_tie_vectors(WnNetwork *net, igraph_vector_int_t *edges, GError **error)
{
    static double no_weights[1]; /* igraph wants storage even for no ties */
    if (!wn_igraph__ok(igraph_vector_int_init(edges, (igraph_integer_t) (2 * net->m)), error)) {
        return FALSE;
    }
    igraph_vector_view(&net->weights, net->m > 0 ? net->tie_weight : no_weights,
                       (igraph_integer_t) net->m);
    wn_network__advise_large(VECTOR(*edges), 2 * net->m * sizeof(igraph_integer_t));
    for (gsize t = 0; t < net->m; t++) {
        VECTOR(*edges)[2 * t] = net->tie_from[t];
        VECTOR(*edges)[2 * t + 1] = net->tie_to[t];
    }
    return TRUE;
}

/*
 * Builds the igraph graphs once the ties are final (the informal layer waits for its
 * first use: wn_network__informal). The ties are always merged by
 * unordered pair (in a directed dataset a pair tied both ways is one tie of the
 * undirected graph, weights added: the oracle convention); the directed graph of a
 * directed dataset is built from the arcs, merged by ordered pair.
 */
gboolean
wn_network__build_graphs(WnNetwork *net, GError **error)
{
    g_auto(igraph_vector_int_t) edges = IGRAPH_VECTOR_NULL;
    if (!build_tie_vectors(net, &edges, error)) {
        return FALSE;
    }
    igraph_integer_t n = (igraph_integer_t) net->n;
    gboolean ok = wn_igraph__ok(igraph_create(&net->graph, &edges, n, IGRAPH_UNDIRECTED), error);
    if (ok && net->directed) {
        igraph_vector_int_t arcs;
        g_autofree igraph_integer_t *ends = g_new(igraph_integer_t, net->arcs->len + 1);
        for (guint i = 0; i < net->arcs->len; i++) {
            ends[i] = g_array_index(net->arcs, guint32, i);
        }
        igraph_vector_int_view(&arcs, ends, net->arcs->len);
        ok = wn_igraph__ok(igraph_create(&net->digraph, &arcs, n, IGRAPH_DIRECTED), error);
    }
    net->has_graphs = ok;
    g_assert_true(ok); /* only running out of memory fails here, and that aborts */
    return ok;
}

const igraph_t *
wn_network__graph(const WnNetwork *net)
{
    return &net->graph;
}

/*
 * wn_network__informal:
 * The informal layer: every node, and the ties with no professional or organisation at
 * either end. Built on the first call, which only the igraph thread makes (DESIGN.md):
 * most commands never use it, and it costs as much as the whole graph.
 * Cost: O(n + m) on the first call, O(1) after.
 */
const igraph_t *
wn_network__informal(const WnNetwork *net)
{
    WnNetwork *built = (WnNetwork *) net; /* a cache: the network does not change */
    if (g_once_init_enter(&built->has_informal)) {
        gboolean ok = build_informal_layer(built, NULL);
        g_assert_true(ok); /* only running out of memory fails here, and that aborts */
        g_once_init_leave(&built->has_informal, 1);
    }
    return &net->informal;
}

const igraph_vector_t *
wn_network__weights(const WnNetwork *net)
{
    return &net->weights;
}

/*
 * wn_network__lengths:
 * The length of each tie, 1/weight (FORMAT.md), built on the first call: only the
 * weighted path measures use it. Thread-safe.
 * Cost: O(m) on the first call, O(1) after.
 */
const igraph_vector_t *
wn_network__lengths(const WnNetwork *net)
{
    WnNetwork *built = (WnNetwork *) net; /* a cache: the network does not change */
    if (g_once_init_enter(&built->has_lengths)) {
        igraph_error_t rc = igraph_vector_init(&built->lengths, (igraph_integer_t) net->m);
        g_assert_true(rc == IGRAPH_SUCCESS); /* only running out of memory fails: it aborts */
        wn_network__advise_large(VECTOR(built->lengths), net->m * sizeof(igraph_real_t));
        for (gsize t = 0; t < net->m; t++) {
            VECTOR(built->lengths)[t] = 1.0 / net->tie_weight[t];
        }
        g_once_init_leave(&built->has_lengths, 1);
    }
    return &net->lengths;
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
 * Finds a node by its id, compared exactly (FORMAT.md).
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
    const WnColumn *c = wn_network__column(net->node_attributes, name);
    return c != NULL ? c->values[node] : NULL;
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

/* Returns: the tie's weight, summed over the rows merged into it. */
double
wn_network_tie_weight(const WnNetwork *net, gsize tie)
{
    g_return_val_if_fail(tie < net->m, 0.0);
    return net->tie_weight[tie];
}

/* Returns: TRUE when either end is a professional or an organisation (FORMAT.md). */
gboolean
wn_network_tie_is_formal(const WnNetwork *net, gsize tie)
{
    g_return_val_if_fail(tie < net->m, FALSE);
    return tie_is_formal(net, tie);
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
    const WnColumn *c = wn_network__column(net->tie_attributes, name);
    return c != NULL ? c->values[tie] : NULL;
}

/* Returns: the number of distinct pairs with a conflict tie (kept out of the graph). */
gsize
wn_network_conflict_count(const WnNetwork *net)
{
    return net->conflicts->len / 2;
}

void
wn_network_conflict_ends(const WnNetwork *net, gsize conflict, gsize *source_out,
                         gsize *target_out)
{
    g_return_if_fail(conflict < net->conflicts->len / 2);
    *source_out = g_array_index(net->conflicts, guint32, 2 * conflict);
    *target_out = g_array_index(net->conflicts, guint32, 2 * conflict + 1);
}

static gboolean
count_components(const WnNetwork *net, WnSummary *out, GError **error)
{
    g_auto(igraph_vector_int_t) sizes = IGRAPH_VECTOR_NULL;
    igraph_integer_t count = 0;
    if (!wn_igraph__ok(igraph_vector_int_init(&sizes, 0), error) ||
        !wn_igraph__ok(igraph_connected_components(&net->graph, NULL, &sizes, &count, IGRAPH_WEAK),
                       error)) {
        return FALSE;
    }
    out->components = (gsize) count;
    out->largest_component = count > 0 ? (gsize) igraph_vector_int_max(&sizes) : 0;
    return TRUE;
}

/**
 * wn_network_summarise:
 * Counts what `wijknet check` reports: nodes per kind, tie rows, merged rows, ties per
 * kind, formal and informal ties, connected components (of the undirected network of
 * all ties but conflicts), nodes without ties, and residents without an informal tie.
 * Returns: FALSE on error.
 */
gboolean
wn_network_summarise(const WnNetwork *net, WnSummary *out, GError **error)
{
    memset(out, 0, sizeof *out);
    out->nodes = net->n;
    out->tie_rows = net->tie_rows;
    out->merged_rows = net->merged_rows;
    out->ties = net->m;
    out->ties_by_kind[WN_TIE_CONFLICT] = wn_network_conflict_count(net);
    for (gsize t = 0; t < net->m; t++) {
        out->ties_by_kind[net->tie_kind[t]]++;
        out->formal_ties += tie_is_formal(net, t);
    }
    out->informal_ties = net->m - out->formal_ties;
    g_autofree guint8 *has_tie = g_new0(guint8, net->n);
    g_autofree guint8 *has_informal = g_new0(guint8, net->n);
    for (gsize t = 0; t < net->m; t++) {
        has_tie[net->tie_from[t]] = has_tie[net->tie_to[t]] = 1;
        if (!tie_is_formal(net, t)) {
            has_informal[net->tie_from[t]] = has_informal[net->tie_to[t]] = 1;
        }
    }
    for (gsize v = 0; v < net->n; v++) {
        out->nodes_by_kind[net->kinds[v]]++;
        out->isolated_nodes += !has_tie[v];
        if (net->kinds[v] == WN_NODE_RESIDENT) {
            out->vulnerable_residents += net->vulnerable[v] != 0;
            out->residents_without_informal_tie += !has_informal[v];
        }
    }
    return count_components(net, out, error);
}
