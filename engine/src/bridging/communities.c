/* communities.c: community detection (Leiden, Louvain), modularity, participation */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"

#include <math.h>

/*
 * A partition of the nodes. Communities are numbered 0..count-1 in the order of their
 * first node (the one with the smallest index), so the numbering never depends on the
 * algorithm's internal labels.
 */
struct _WnCommunities {
    gsize n;
    gsize count;
    gsize *membership; /* community of each node */
    char *partition;   /* the node column partitioned by, or NULL when detected */
    char **values;     /* partition: the column's value per community, NULL = no value */
    WnCommunityOptions opts;
    double modularity;
    double scale; /* wn_communities__weight_scale */
};

static const char *const method_names[] = {"leiden", "louvain"};

/* Returns: "leiden" or "louvain". */
const char *
wn_communities_method_name(WnCommunityMethod method)
{
    g_return_val_if_fail((gsize) method < G_N_ELEMENTS(method_names), NULL);
    return method_names[method];
}

/* Returns: TRUE and the method called @name ("leiden" or "louvain") in @out. */
gboolean
wn_communities_method_lookup(const char *name, WnCommunityMethod *out)
{
    gsize i;
    if (!wn_names__lookup(method_names, G_N_ELEMENTS(method_names), name, &i)) {
        return FALSE;
    }
    *out = (WnCommunityMethod) i;
    return TRUE;
}

/* 1, or the power of two that brings twice the total weight of @net below 1. */
static double
weight_scale(const WnNetwork *net)
{
    double total = 0, largest = 0;
    for (gsize t = 0; t < net->m; t++) {
        total += net->tie_weight[t];
        largest = MAX(largest, net->tie_weight[t]);
    }
    if (isfinite(2 * total)) {
        return 1.0; /* the weights as they are: results stay bit for bit the same */
    }
    int e_largest = 0, e_count = 0;
    frexp(largest, &e_largest);
    frexp((double) net->m, &e_count);
    return ldexp(1.0, -(e_largest + e_count + 1));
}

/* An empty partition of @net's nodes, with the scale of its weights (weight_scale) when
 * opts->weighted.
 * Returns: (transfer full): the partition. */
static WnCommunities *
communities_new(const WnNetwork *net, const WnCommunityOptions *opts)
{
    gsize n = wn_network_node_count(net);
    WnCommunities *comms = g_new0(WnCommunities, 1);
    comms->n = n;
    comms->membership = g_new0(gsize, n + 1);
    comms->opts = *opts;
    comms->modularity = NAN;
    comms->scale = opts->weighted ? weight_scale(net) : 1.0;
    return comms;
}

/**
 * wn_communities_free:
 * Frees a partition. Accepts NULL.
 */
void
wn_communities_free(WnCommunities *comms)
{
    if (comms == NULL) {
        return;
    }
    if (comms->values != NULL) {
        for (gsize c = 0; c < comms->count; c++) {
            g_free(comms->values[c]);
        }
        g_free(comms->values);
    }
    g_free(comms->membership);
    g_free(comms->partition);
    g_free(comms);
}

/* Renumbers the algorithm's labels (each in 0 … n − 1) in the order of each community's
 * first node. */
static void
take_membership(WnCommunities *comms, const guint32 *raw)
{
    g_autofree gsize *renumber = g_new0(gsize, comms->n + 1); /* new number + 1; 0: none yet */
    for (gsize v = 0; v < comms->n; v++) {
        gsize label = raw[v];
        g_assert(label < comms->n);
        if (renumber[label] == 0) {
            renumber[label] = ++comms->count;
        }
        comms->membership[v] = renumber[label] - 1;
    }
}

static gboolean
check_options(const WnCommunityOptions *opts, GError **error)
{
    if (!(isfinite(opts->resolution) && opts->resolution > 0)) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "the resolution must be a positive number, got %g", opts->resolution);
        return FALSE;
    }
    return TRUE;
}

/* Modularity of the partition in @comms (Newman 2006, with the resolution of
 * Reichardt & Bornholdt 2006); NaN when the network has no ties. Summed over the ties in
 * their order as igraph_modularity sums over its edges (an edge's first end the higher
 * node), so the value is igraph's to the last bit, without igraph's graph. */
static void
compute_modularity(const WnNetwork *net, WnCommunities *comms)
{
    if (wn_network_tie_count(net) == 0) {
        comms->modularity = NAN;
        return;
    }
    gsize count = comms->count;
    g_autofree double *inside = g_new0(double, count + 1);
    g_autofree double *k_from = g_new0(double, count + 1);
    g_autofree double *k_to = g_new0(double, count + 1);
    double m = 0.0;
    for (gsize t = 0; t < net->m; t++) {
        guint32 a = net->tie_from[t], b = net->tie_to[t];
        gsize c1 = comms->membership[MAX(a, b)], c2 = comms->membership[MIN(a, b)];
        double w = comms->opts.weighted ? net->tie_weight[t] * comms->scale : 1.0;
        if (c1 == c2) {
            inside[c1] += 2 * w;
        }
        k_from[c1] += w;
        k_to[c2] += w;
        m += w;
    }
    double by = 1.0 / (2 * m), q = 0.0;
    for (gsize c = 0; c < count; c++) {
        double k = (k_from[c] + k_to[c]) * by;
        q += inside[c] * by;
        q -= comms->opts.resolution * k * k;
    }
    comms->modularity = q;
}

/* Leiden stops after this many iterations even when the partition still changes (on
 * karate at resolution 30 it never settles); in practice it settles within a few. */
#define LEIDEN_MAX_ITERATIONS 50

/* Leiden with the modularity objective (wn_leiden__run: igraph's algorithm and draws on
 * the CSR), iterated until an iteration leaves the partition as it was. Its generator is
 * its own, of igraph's default type and seeded as igraph's default would be: the same
 * draws, and no igraph state shared with another thread (analyse runs it beside the
 * other outputs). */
static gboolean
run_leiden(const WnNetwork *net, const WnCommunities *comms, const gint *stop, guint32 *out,
           GError **error)
{
    igraph_rng_t rng;
    if (igraph_rng_init(&rng, igraph_rng_default()->type) != IGRAPH_SUCCESS) {
        g_error("out of memory");
    }
    igraph_rng_seed(&rng, (igraph_uint_t) comms->opts.seed);
    gboolean done = wn_leiden__run(wn_csr__shared(net), comms->opts.weighted, comms->scale,
                                   comms->opts.resolution, LEIDEN_MAX_ITERATIONS, &rng, stop, out);
    igraph_rng_destroy(&rng);
    if (!done) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "stopped before the communities were found");
    }
    return done;
}

/* Louvain: igraph's, on igraph's graph, with igraph's default generator. */
static gboolean
run_louvain(const WnNetwork *net, const WnCommunities *comms, guint32 *out, GError **error)
{
    g_auto(igraph_vector_int_t) raw = IGRAPH_VECTOR_NULL;
    g_auto(igraph_vector_t) scaled = IGRAPH_VECTOR_NULL;
    const igraph_vector_t *weights = comms->opts.weighted ? wn_network__weights(net) : NULL;
    if (!wn_igraph__ok(igraph_vector_int_init(&raw, 0), error) ||
        !wn_igraph__ok(igraph_rng_seed(igraph_rng_default(), (igraph_uint_t) comms->opts.seed),
                       error)) {
        return FALSE;
    }
    if (weights != NULL && comms->scale != 1.0) {
        if (!wn_igraph__ok(igraph_vector_init_copy(&scaled, weights), error)) {
            return FALSE;
        }
        igraph_vector_scale(&scaled, comms->scale);
        weights = &scaled;
    }
    if (!wn_igraph__ok(igraph_community_multilevel(wn_network__graph(net), weights,
                                                   comms->opts.resolution, &raw, NULL, NULL),
                       error)) {
        return FALSE;
    }
    for (gsize v = 0; v < comms->n; v++) {
        out[v] = (guint32) VECTOR(raw)[v];
    }
    return TRUE;
}

static gboolean
run_method(const WnNetwork *net, const WnCommunities *comms, const gint *stop, guint32 *out,
           GError **error)
{
    if (wn_network_tie_count(net) == 0) {
        /* nothing to optimise (and 2m = 0): every node is a community of its own */
        for (gsize v = 0; v < comms->n; v++) {
            out[v] = (guint32) v;
        }
        return TRUE;
    }
    if (comms->opts.method == WN_COMMUNITY_LOUVAIN) {
        return run_louvain(net, comms, out, error);
    }
    return run_leiden(net, comms, stop, out, error);
}

/**
 * wn_communities_detect:
 * Finds communities that maximise modularity, with Leiden (Traag, Waltman & van Eck
 * 2019; randomness 0.01, iterated until an iteration leaves the partition as it was, and
 * at most LEIDEN_MAX_ITERATIONS = 50 times) or Louvain (Blondel et al. 2008, the last
 * level), on the undirected network of all ties (conflicts excluded); with
 * opts->weighted a tie counts with its weight (all weights times a power of two when
 * their total would not be a finite double, which changes no partition). Both
 * algorithms are randomised: the same
 * opts->seed gives the same partition. An isolated node is a community of its own; a
 * network without ties is all singletons with modularity NaN. Communities are numbered
 * in the order of their first node.
 * Returns: (transfer full): the partition and its modularity (at opts->resolution, summed
 * as igraph_modularity sums it); NULL on error (a resolution that is not positive is
 * WN_ERROR_INVALID).
 * Cost: about O(m) per iteration, at most 50 iterations.
 */
WnCommunities *
wn_communities_detect(const WnNetwork *net, const WnCommunityOptions *opts, GError **error)
{
    return wn_communities__detect(net, opts, NULL, error);
}

/*
 * wn_communities__detect:
 * wn_communities_detect, but Leiden stops (an error) when *@stop (may be NULL) turns
 * non-zero: checked at every level of every iteration.
 */
WnCommunities *
wn_communities__detect(const WnNetwork *net, const WnCommunityOptions *opts, const gint *stop,
                       GError **error)
{
    g_return_val_if_fail(net != NULL && opts != NULL, NULL);
    if (!check_options(opts, error)) {
        return NULL;
    }
    gsize n = wn_network_node_count(net);
    g_autoptr(WnCommunities) comms = communities_new(net, opts);
    g_autofree guint32 *raw = g_new(guint32, n + 1);
    if (!run_method(net, comms, stop, raw, error)) {
        return NULL;
    }
    take_membership(comms, raw);
    compute_modularity(net, comms);
    return g_steal_pointer(&comms);
}

/* The value of node column @column for @node ("type", "area" or an extra column). */
static const char *
column_value(const WnNetwork *net, const WnColumn *extra, const char *column, gsize node)
{
    if (g_ascii_strcasecmp(column, "type") == 0) {
        return wn_node_kind_name(wn_network_node_kind(net, node));
    }
    if (g_ascii_strcasecmp(column, "area") == 0) {
        return wn_network_node_area(net, node);
    }
    return extra->values[node];
}

static gboolean
find_column(const WnNetwork *net, const char *column, const WnColumn **out, GError **error)
{
    *out = wn_network__column(net->node_attributes, column);
    if (*out == NULL && g_ascii_strcasecmp(column, "type") != 0 &&
        g_ascii_strcasecmp(column, "area") != 0) {
        g_set_error(error, WN_ERROR, WN_ERROR_OPTION,
                    "no node column \"%s\" to partition by (use type, area or a column of "
                    "nodes.csv)",
                    column);
        return FALSE;
    }
    if (*out != NULL && wn_network_node_attribute_is_personal(net, column)) {
        g_set_error(error, WN_ERROR, WN_ERROR_OPTION,
                    "cannot partition by \"%s\": it is a personal column (docs/FORMAT.md)", column);
        return FALSE;
    }
    return TRUE;
}

/* Groups the nodes by value, in order of first appearance; nodes without a value
 * share one group. */
static void
group_by_value(WnCommunities *comms, const WnNetwork *net, const WnColumn *extra)
{
    g_autoptr(GHashTable) groups = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GPtrArray) values = g_ptr_array_new();
    gsize missing = 0; /* the group of nodes without a value, plus 1; 0 = none yet */
    for (gsize v = 0; v < comms->n; v++) {
        const char *value = column_value(net, extra, comms->partition, v);
        gpointer found =
            value != NULL ? g_hash_table_lookup(groups, value) : GSIZE_TO_POINTER(missing);
        if (found == NULL) {
            g_ptr_array_add(values, g_strdup(value));
            found = GSIZE_TO_POINTER((gsize) values->len);
            if (value != NULL) {
                g_hash_table_insert(groups, (gpointer) value, found);
            } else {
                missing = values->len;
            }
        }
        comms->membership[v] = GPOINTER_TO_SIZE(found) - 1;
    }
    comms->count = values->len;
    g_ptr_array_add(values, NULL);
    comms->values = (char **) g_ptr_array_free(g_steal_pointer(&values), FALSE);
}

/**
 * wn_communities_from_column:
 * The partition of the nodes by the value of a node column: `type`, `area` or any extra
 * column of nodes.csv (names compare case-insensitively). A cell with several values
 * (`a|b`) is one value as written; nodes without a value form one community together.
 * Communities are numbered in the order of their first node. The modularity is
 * computed as in wn_communities_detect (opts->method and opts->seed are not used).
 * Returns: (transfer full): the partition, or NULL on error (an unknown column, a
 * personal one (wn_network_node_attribute_is_personal) or a resolution that is not
 * positive is WN_ERROR_INVALID).
 * Cost: O(n + m).
 */
WnCommunities *
wn_communities_from_column(const WnNetwork *net, const char *column, const WnCommunityOptions *opts,
                           GError **error)
{
    g_return_val_if_fail(net != NULL && column != NULL && opts != NULL, NULL);
    const WnColumn *extra = NULL;
    if (!check_options(opts, error) || !find_column(net, column, &extra, error)) {
        return NULL;
    }
    g_autoptr(WnCommunities) comms = communities_new(net, opts);
    comms->partition = g_strdup(column);
    group_by_value(comms, net, extra);
    compute_modularity(net, comms);
    return g_steal_pointer(&comms);
}

/* Returns: the number of communities (0 only for a network without nodes). */
gsize
wn_communities_count(const WnCommunities *comms)
{
    return comms->count;
}

/* Returns: the community of @node, in 0..count-1. */
gsize
wn_communities_membership(const WnCommunities *comms, gsize node)
{
    g_return_val_if_fail(node < comms->n, 0);
    return comms->membership[node];
}

/* Returns: the modularity of the partition; NaN for a network without ties. */
double
wn_communities_modularity(const WnCommunities *comms)
{
    return comms->modularity;
}

/* Returns: the number of nodes the partition covers. */
gsize
wn_communities__node_count(const WnCommunities *comms)
{
    return comms->n;
}

/* Returns: the power of two the partition's tie weights are multiplied by (bridging.h). */
double
wn_communities__weight_scale(const WnCommunities *comms)
{
    return comms->scale;
}

/* Returns: the options the partition was made with. */
const WnCommunityOptions *
wn_communities_options(const WnCommunities *comms)
{
    return &comms->opts;
}

/* Returns: the node column of a partition by column, or NULL for detected communities. */
const char *
wn_communities_column(const WnCommunities *comms)
{
    return comms->partition;
}

/* Returns: the column value a community stands for, or NULL (detected communities, or
 * the community of nodes without a value). */
const char *
wn_communities_value(const WnCommunities *comms, gsize community)
{
    g_return_val_if_fail(community < comms->count, NULL);
    return comms->values != NULL ? comms->values[community] : NULL;
}

/**
 * wn_communities_table:
 * One row per node, in node order: `id`, the partition column's value (partitions by a
 * column only, named after it), `community` and `participation`. Labels never appear.
 * Returns: (transfer full): the table.
 */
WnTable *
wn_communities_table(const WnNetwork *net, const WnCommunities *comms)
{
    g_return_val_if_fail(wn_network_node_count(net) == comms->n, NULL);
    g_autoptr(WnTable) table = wn_table__new(comms->n);
    g_autofree gint64 *community = g_new0(gint64, comms->n + 1);
    g_autofree const char **values = g_new0(const char *, comms->n + 1);
    for (gsize v = 0; v < comms->n; v++) {
        community[v] = (gint64) comms->membership[v];
        values[v] = wn_communities_value(comms, comms->membership[v]);
    }
    g_autoptr(GArray) participation = wn_communities_participation(net, comms);
    wn_table__add_strings(table, "id", net->ids);
    if (comms->partition != NULL) {
        wn_table__add_strings(table, comms->partition, values);
    }
    wn_table__add_ints(table, "community", community, NULL);
    wn_table__add_doubles(table, "participation", (const double *) (void *) participation->data);
    return g_steal_pointer(&table);
}

static cJSON *
cell_to_json(const WnTable *table, gsize row, gsize column)
{
    if (wn_table_cell_is_missing(table, row, column)) {
        return cJSON_CreateNull();
    }
    switch (wn_table_column_kind(table, column)) {
    case WN_COLUMN_STRING:
        return cJSON_CreateString(wn_table_cell_string(table, row, column));
    case WN_COLUMN_INT:
        return cJSON_CreateNumber((double) wn_table_cell_int(table, row, column));
    case WN_COLUMN_DOUBLE:
        return cJSON_CreateNumber(wn_table_cell_double(table, row, column));
    }
    return cJSON_CreateNull();
}

static cJSON *
table_to_json(const WnTable *table)
{
    cJSON *rows = cJSON_CreateArray();
    for (gsize i = 0; i < wn_table_row_count(table); i++) {
        cJSON *row = cJSON_CreateObject();
        for (gsize j = 0; j < wn_table_column_count(table); j++) {
            cJSON_AddItemToObject(row, wn_table_column_name(table, j), cell_to_json(table, i, j));
        }
        cJSON_AddItemToArray(rows, row);
    }
    return rows;
}

static cJSON *
number_or_null(double x)
{
    return isfinite(x) ? cJSON_CreateNumber(x) : cJSON_CreateNull();
}

/**
 * wn_communities_to_json:
 * The partition as one JSON object: `method` ("leiden", "louvain" or "partition"),
 * `partition` (the column, or null), `seed` (null for a partition by column),
 * `weighted`, `resolution`, `modularity` (null without ties), `communities` (their
 * number) and `nodes`, the rows of wn_communities_table.
 * Returns: (transfer full): the text, ending in a newline.
 */
char *
wn_communities_to_json(const WnNetwork *net, const WnCommunities *comms)
{
    gboolean detected = comms->partition == NULL;
    g_autoptr(cJSON) root = cJSON_CreateObject();
    cJSON_AddStringToObject(
        root, "method", detected ? wn_communities_method_name(comms->opts.method) : "partition");
    cJSON_AddItemToObject(root, "partition",
                          detected ? cJSON_CreateNull() : cJSON_CreateString(comms->partition));
    cJSON_AddItemToObject(root, "seed",
                          detected ? cJSON_CreateNumber((double) comms->opts.seed)
                                   : cJSON_CreateNull());
    cJSON_AddBoolToObject(root, "weighted", comms->opts.weighted);
    cJSON_AddNumberToObject(root, "resolution", comms->opts.resolution);
    cJSON_AddItemToObject(root, "modularity", number_or_null(comms->modularity));
    cJSON_AddNumberToObject(root, "communities", (double) comms->count);
    g_autoptr(WnTable) table = wn_communities_table(net, comms);
    cJSON_AddItemToObject(root, "nodes", table_to_json(table));
    char *text = cJSON_Print(root);
    g_autofree char *out = g_strconcat(text, "\n", NULL);
    cJSON_free(text);
    return g_steal_pointer(&out);
}
