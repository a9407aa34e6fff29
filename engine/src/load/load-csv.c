/* load-csv.c: the tie rows (ties.csv or an import): ends, kinds, weights, merging repeated ties */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

#include <math.h>
#include <string.h>

typedef struct {
    GArray *from, *to; /* guint32 */
    GArray *kind;      /* guint8: the first row's */
    GArray *weight;    /* double: the sum over the tie's rows */
    GArray *relations; /* guint16: WnRelations of each tie */
    GArray *arc_relations;
    WnPairMap ties, arcs, conflicts;
    WnPairMap relation_at; /* (tie + 1, kind) -> index in net->relation_weights, plus one */
} TieRows;

static gboolean
check_support_kind(const WnLoader *l, GError **error)
{
    const char *bad = NULL;
    gsize len = 0;
    if (wn_load__support_kind(wn_load__cell(l, WN_TIE_COLUMN_SUPPORT_KIND), &bad, &len)) {
        return TRUE;
    }
    g_autofree char *part = g_strndup(bad, len);
    wn_load__cell_error_got(
        l, error, WN_ERROR_PARSE, WN_TIE_COLUMN_SUPPORT_KIND,
        "practical, emotional, companionship or advice (several separated by |)", part);
    return FALSE;
}

static gboolean
lookup_end(const WnLoader *l, WnTieColumn column, guint32 *out, GError **error)
{
    const char *id = wn_load__cell(l, column);
    gsize node = 0;
    if (*id == '\0') {
        wn_load__cell_error_got(l, error, WN_ERROR_PARSE, column, "a node id", id);
        return FALSE;
    }
    if (!wn_id_index__lookup(&l->net->index, id, wn_id__hash(id), &node)) {
        wn_load__cell_error_got(l, error, WN_ERROR_INVALID, column, "a node id from nodes.csv", id);
        return FALSE;
    }
    *out = (guint32) node;
    return TRUE;
}

static gboolean
parse_weight(const WnLoader *l, double *out, GError **error)
{
    const char *text = wn_load__cell(l, WN_TIE_COLUMN_WEIGHT);
    if (!wn_load__weight(text, l->csv.delimiter, out)) {
        wn_load__cell_error_got(l, error, WN_ERROR_PARSE, WN_TIE_COLUMN_WEIGHT,
                                l->csv.delimiter == ';'
                                    ? "a positive weight (decimal point or comma)"
                                    : "a positive weight",
                                text);
        return FALSE;
    }
    return TRUE;
}

/* Adds @weight to the relation @kind of @tie, which holds @relations. A tie of one
 * relation keeps its weight in the tie's; its second relation moves both into
 * net->relation_weights (docs/FORMAT.md "Several relations per pair").
 * Returns: TRUE when the tie held @kind already (the row is a merged row). */
static gboolean
add_relation(WnNetwork *net, TieRows *rows, guint32 tie, guint8 kind, double weight)
{
    guint16 *relations = &g_array_index(rows->relations, guint16, tie);
    double before = g_array_index(rows->weight, double, tie);
    gboolean held = (*relations & WN_RELATION(kind)) != 0;
    if (held && *relations == WN_RELATION(kind)) {
        return TRUE; /* the tie's weight is the relation's */
    }
    if (!held && __builtin_popcount(*relations) == 1) {
        WnRelationWeight first = {tie, (guint32) __builtin_ctz(*relations), before};
        guint32 at = net->relation_weights->len + 1;
        wn_pair_map__find_or_add(&rows->relation_at, wn_pair_map__key(tie + 1, first.kind, TRUE),
                                 at);
        g_array_append_val(net->relation_weights, first);
    }
    guint32 next = net->relation_weights->len + 1;
    guint32 at =
        wn_pair_map__find_or_add(&rows->relation_at, wn_pair_map__key(tie + 1, kind, TRUE), next);
    if (at == next) {
        WnRelationWeight added = {tie, kind, 0.0};
        g_array_append_val(net->relation_weights, added);
    }
    g_array_index(net->relation_weights, WnRelationWeight, at - 1).weight += weight;
    *relations |= (guint16) WN_RELATION(kind);
    net->relation_rows += !held;
    return held;
}

/* Keeps a directed row's arc (rows of one arc and kind merge: docs/FORMAT.md).
 * Returns: TRUE when the arc held @kind already. */
static gboolean
add_arc(WnNetwork *net, TieRows *rows, guint32 a, guint32 b, guint8 kind)
{
    guint32 next = rows->arc_relations->len;
    guint32 arc = wn_pair_map__find_or_add(&rows->arcs, wn_pair_map__key(a, b, TRUE), next);
    if (arc == next) {
        guint16 none = 0;
        g_array_append_val(net->arcs, a);
        g_array_append_val(net->arcs, b);
        g_array_append_val(rows->arc_relations, none);
    }
    guint16 *relations = &g_array_index(rows->arc_relations, guint16, arc);
    gboolean held = (*relations & WN_RELATION(kind)) != 0;
    *relations |= (guint16) WN_RELATION(kind);
    return held;
}

/* Adds a row to its tie, or starts a new tie: a row of a type the tie holds adds its
 * weight to that relation (a merged row, counted), a row of another type adds a relation
 * (docs/FORMAT.md). The tie's weight is the sum of all its rows in file order.
 * Refuses a row whose weight would make its pair's sum overflow to infinity. */
static gboolean
merge_tie(WnLoader *l, TieRows *rows, guint32 a, guint32 b, guint8 kind, double weight,
          GError **error)
{
    WnNetwork *net = l->net;
    guint32 next = rows->from->len;
    guint32 tie = wn_pair_map__find_or_add(&rows->ties, wn_pair_map__key(a, b, FALSE), next);
    gboolean merged = FALSE;
    if (tie == next) {
        guint16 relations = (guint16) WN_RELATION(kind);
        g_array_append_val(rows->from, a);
        g_array_append_val(rows->to, b);
        g_array_append_val(rows->kind, kind);
        g_array_append_val(rows->weight, weight);
        g_array_append_val(rows->relations, relations);
        wn_load__keep_extra_cells(l);
    } else if (!isfinite(g_array_index(rows->weight, double, tie) + weight)) {
        wn_load__cell_error(
            l, error, WN_ERROR_INVALID, WN_TIE_COLUMN_WEIGHT,
            "expected the weights of a repeated pair to add up to at most %g, got more",
            G_MAXDOUBLE);
        return FALSE;
    } else {
        merged = add_relation(net, rows, tie, kind, weight);
        g_array_index(rows->weight, double, tie) += weight;
    }
    if (net->directed) {
        merged = add_arc(net, rows, a, b, kind);
    }
    net->merged_rows += merged;
    return TRUE;
}

/**
 * wn_load__keep_conflict:
 * Keeps a conflict row aside: the first row of a pair adds the pair to the conflicts,
 * a later one is a merged row (docs/FORMAT.md). @conflicts starts zeroed.
 * Cost: O(1) expected, amortised.
 */
void
wn_load__keep_conflict(WnNetwork *net, WnPairMap *conflicts, guint32 a, guint32 b)
{
    guint32 next = net->conflicts->len / 2;
    if (wn_pair_map__find_or_add(conflicts, wn_pair_map__key(a, b, FALSE), next) == next) {
        g_array_append_val(net->conflicts, a);
        g_array_append_val(net->conflicts, b);
    } else {
        net->merged_rows++;
    }
}

static gboolean
parse_tie_row(WnLoader *l, gpointer data, GError **error)
{
    TieRows *rows = data;
    guint32 a = 0, b = 0;
    guint8 kind = 0;
    double weight = 1;
    if (!wn_load__check_field_count(l, error) || !lookup_end(l, WN_TIE_COLUMN_SOURCE, &a, error) ||
        !lookup_end(l, WN_TIE_COLUMN_TARGET, &b, error)) {
        return FALSE;
    }
    if (a == b) {
        g_autofree char *got = wn_load__describe_cell(wn_load__cell(l, WN_TIE_COLUMN_SOURCE));
        wn_load__cell_error(l, error, WN_ERROR_INVALID, WN_TIE_COLUMN_TARGET,
                            "expected a target other than the source, got a tie from %s to itself",
                            got);
        return FALSE;
    }
    if (!wn_load__tie_kind(wn_load__cell(l, WN_TIE_COLUMN_TYPE), &kind)) {
        wn_load__cell_error_got(
            l, error, WN_ERROR_PARSE, WN_TIE_COLUMN_TYPE,
            "family, household, neighbour, friend, acquaintance, member, support, "
            "collaboration, referral or conflict (or an empty cell)",
            wn_load__cell(l, WN_TIE_COLUMN_TYPE));
        return FALSE;
    }
    if (!parse_weight(l, &weight, error) || !check_support_kind(l, error)) {
        return FALSE;
    }
    if (kind == WN_TIE_CONFLICT) {
        wn_load__keep_conflict(l->net, &rows->conflicts, a, b);
    } else if ((l->net->relations & WN_RELATION(kind)) == 0) {
        l->net->left_out_rows++;
    } else if (!merge_tie(l, rows, a, b, kind, weight, error)) {
        return FALSE;
    }
    l->net->tie_rows++;
    return TRUE;
}

static void
tie_rows_init(TieRows *rows)
{
    rows->from = g_array_new(FALSE, FALSE, sizeof(guint32));
    rows->to = g_array_new(FALSE, FALSE, sizeof(guint32));
    rows->kind = g_array_new(FALSE, FALSE, sizeof(guint8));
    rows->weight = g_array_new(FALSE, FALSE, sizeof(double));
    rows->relations = g_array_new(FALSE, FALSE, sizeof(guint16));
    rows->arc_relations = g_array_new(FALSE, FALSE, sizeof(guint16));
}

/* Sizes the tie columns and maps for about @expected rows, so that they rarely grow. */
static void
tie_rows_reserve(TieRows *rows, gboolean directed, gsize expected)
{
    GArray *columns[] = {rows->from, rows->to, rows->kind, rows->weight, rows->relations};
    for (gsize i = 0; i < G_N_ELEMENTS(columns); i++) {
        g_array_set_size(g_array_set_size(columns[i], (guint) expected), 0);
    }
    wn_pair_map__clear(&rows->ties);
    wn_pair_map__init(&rows->ties, expected);
    if (directed) {
        wn_pair_map__clear(&rows->arcs);
        wn_pair_map__init(&rows->arcs, expected);
    }
}

static void
tie_rows_finish(TieRows *rows, WnNetwork *net)
{
    if (net != NULL) {
        net->m = rows->from->len;
        net->tie_from = (guint32 *) (void *) g_array_free(g_steal_pointer(&rows->from), FALSE);
        net->tie_to = (guint32 *) (void *) g_array_free(g_steal_pointer(&rows->to), FALSE);
        net->tie_kind = (guint8 *) g_array_free(g_steal_pointer(&rows->kind), FALSE);
        net->tie_weight = (double *) (void *) g_array_free(g_steal_pointer(&rows->weight), FALSE);
        net->tie_relations =
            (guint16 *) (void *) g_array_free(g_steal_pointer(&rows->relations), FALSE);
        wn_network__sort_relation_weights(net);
    }
    GArray *left[] = {rows->from,   rows->to,        rows->kind,
                      rows->weight, rows->relations, rows->arc_relations};
    for (gsize i = 0; i < G_N_ELEMENTS(left); i++) {
        if (left[i] != NULL) {
            g_array_unref(left[i]);
        }
    }
    wn_pair_map__clear(&rows->ties);
    wn_pair_map__clear(&rows->arcs);
    wn_pair_map__clear(&rows->conflicts);
    wn_pair_map__clear(&rows->relation_at);
}

/* The tie columns and maps, sized for the rows expected (a file's estimate). */
static gpointer
tie_rows_new(WnLoader *l)
{
    TieRows *rows = g_new0(TieRows, 1);
    tie_rows_init(rows);
    gsize expected = l->source != NULL ? l->source->n : wn_csv__estimate_records(&l->csv);
    tie_rows_reserve(rows, l->net->directed, expected);
    return rows;
}

static void
tie_rows_free(gpointer rows, WnNetwork *net)
{
    tie_rows_finish(rows, net);
    g_free(rows);
}

static const char *const tie_columns[WN_TIE_COLUMNS] = {"source", "target", "type", "weight",
                                                        "support_kind"};

/* ties.csv: source and target required, support_kind also kept as an attribute. */
const WnLoadTable wn_load__tie_table = {.names = tie_columns,
                                        .n_names = WN_TIE_COLUMNS,
                                        .n_required = 2,
                                        .kept_known = WN_TIE_COLUMN_SUPPORT_KIND,
                                        .fast = wn_load__ties_fast,
                                        .rows_new = tie_rows_new,
                                        .parse_row = parse_tie_row,
                                        .rows_finish = tie_rows_free,
                                        .ties = TRUE};
