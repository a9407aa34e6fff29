/* evaluate.c: how good the suggestions are: hide known ties, see which come back */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

#include <math.h>

/* The cut-offs k of precision@k and recall@k; the longest is how many each method ranks. */
static const gsize cutoffs[] = {1, 5, 10};
#define LONGEST 10

static gboolean
is_resident_pair(const WnNetwork *net, gsize tie)
{
    return net->kinds[net->tie_from[tie]] == WN_NODE_RESIDENT &&
           net->kinds[net->tie_to[tie]] == WN_NODE_RESIDENT;
}

static GRand *
seeded_rand(guint64 seed, guint32 stream)
{
    guint32 words[3] = {(guint32) seed, (guint32) (seed >> 32), stream};
    return g_rand_new_with_seed_array(words, G_N_ELEMENTS(words));
}

/* Marks round(hide · E) of the E informal resident–resident ties, drawn without
 * replacement (a partial Fisher–Yates shuffle seeded by eval->seed). */
static guint8 *
choose_hidden(const WnNetwork *net, const WnEvaluateOptions *eval, WnEvaluateSummary *out)
{
    g_autoptr(GArray) eligible = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize t = 0; t < net->m; t++) {
        if (is_resident_pair(net, t)) {
            g_array_append_val(eligible, t);
        }
    }
    g_autoptr(GRand) rand = seeded_rand(eval->seed, 0);
    gsize *ties = (gsize *) (void *) eligible->data;
    guint8 *hidden = g_new0(guint8, net->m + 1);
    out->eligible = eligible->len;
    out->hidden = (gsize) round(eval->hide * (double) eligible->len);
    for (gsize i = 0; i < out->hidden; i++) {
        gsize j = i + (gsize) g_rand_int_range(rand, 0, (gint32) (eligible->len - i));
        gsize tmp = ties[i];
        ties[i] = ties[j];
        ties[j] = tmp;
        hidden[ties[i]] = 1;
    }
    return hidden;
}

/* Copies the node columns of @net; the strings stay @net's. */
static void
copy_nodes(WnNetwork *copy, const WnNetwork *net)
{
    copy->n = net->n;
    copy->ids = g_memdup2(net->ids, net->n * sizeof *net->ids);
    copy->labels = g_memdup2(net->labels, net->n * sizeof *net->labels);
    copy->areas = g_memdup2(net->areas, net->n * sizeof *net->areas);
    copy->kinds = g_memdup2(net->kinds, net->n * sizeof *net->kinds);
    copy->vulnerable = g_memdup2(net->vulnerable, net->n * sizeof *net->vulnerable);
    copy->lat = g_memdup2(net->lat, net->n * sizeof *net->lat);
    copy->lon = g_memdup2(net->lon, net->n * sizeof *net->lon);
    for (guint j = 0; j < net->node_attributes->len; j++) {
        const WnColumn *c = g_ptr_array_index(net->node_attributes, j);
        WnColumn *d = g_new0(WnColumn, 1);
        d->name = g_strdup(c->name);
        d->values = g_memdup2(c->values, net->n * sizeof *c->values);
        g_ptr_array_add(copy->node_attributes, d);
    }
    g_array_append_vals(copy->conflicts, net->conflicts->data, net->conflicts->len);
}

/*
 * The network without the @hidden ties, undirected: the same nodes, attributes, conflicts
 * and relations of the ties kept. It borrows @net's strings, so it must not outlive @net.
 */
static WnNetwork *
network_without(const WnNetwork *net, const guint8 *hidden, GError **error)
{
    g_autoptr(WnNetwork) copy = wn_network__new();
    copy_nodes(copy, net);
    copy->tie_from = g_new0(guint32, net->m + 1);
    copy->tie_to = g_new0(guint32, net->m + 1);
    copy->tie_kind = g_new0(guint8, net->m + 1);
    copy->tie_weight = g_new0(double, net->m + 1);
    copy->tie_relations = g_new0(guint16, net->m + 1);
    g_autofree guint32 *renumbered = g_new0(guint32, net->m + 1);
    for (gsize t = 0; t < net->m; t++) {
        if (!hidden[t]) {
            renumbered[t] = (guint32) copy->m;
            copy->tie_from[copy->m] = net->tie_from[t];
            copy->tie_to[copy->m] = net->tie_to[t];
            copy->tie_kind[copy->m] = net->tie_kind[t];
            copy->tie_relations[copy->m] = net->tie_relations[t];
            copy->tie_weight[copy->m++] = net->tie_weight[t];
        }
    }
    for (guint i = 0; i < net->relation_weights->len; i++) {
        WnRelationWeight r = g_array_index(net->relation_weights, WnRelationWeight, i);
        if (!hidden[r.tie]) {
            r.tie = renumbered[r.tie];
            g_array_append_val(copy->relation_weights, r);
        }
    }
    copy->tie_rows = copy->m;
    if (!wn_network__build_graphs(copy, error)) {
        return NULL;
    }
    return g_steal_pointer(&copy);
}

/* The hidden partners of every node, each list ascending; targets: nodes with any. */
typedef struct {
    GPtrArray *partners; /* of GArray of guint32, one per node; NULL for none */
    GArray *targets;     /* of gsize, in node order */
} Truth;

static void
free_partners(gpointer list)
{
    if (list != NULL) {
        g_array_unref(list);
    }
}

static void
truth_clear(Truth *truth)
{
    g_ptr_array_unref(truth->partners);
    g_array_unref(truth->targets);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Truth, truth_clear)

static void
add_partner(Truth *truth, gsize v, guint32 partner)
{
    GArray *list = g_ptr_array_index(truth->partners, v);
    if (list == NULL) {
        list = g_array_new(FALSE, FALSE, sizeof(guint32));
        g_ptr_array_index(truth->partners, v) = list;
    }
    g_array_append_val(list, partner);
}

static void
find_truth(Truth *truth, const WnNetwork *net, const guint8 *hidden)
{
    truth->partners = g_ptr_array_new_full((guint) net->n, free_partners);
    g_ptr_array_set_size(truth->partners, (guint) net->n);
    truth->targets = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize t = 0; t < net->m; t++) {
        if (hidden[t]) {
            add_partner(truth, net->tie_from[t], net->tie_to[t]);
            add_partner(truth, net->tie_to[t], net->tie_from[t]);
        }
    }
    for (gsize v = 0; v < net->n; v++) {
        if (g_ptr_array_index(truth->partners, v) != NULL) {
            g_array_append_val(truth->targets, v);
        }
    }
}

static gboolean
is_partner(const Truth *truth, gsize v, guint32 c)
{
    const GArray *list = g_ptr_array_index(truth->partners, v);
    for (guint i = 0; i < list->len; i++) {
        if (g_array_index(list, guint32, i) == c) {
            return TRUE;
        }
    }
    return FALSE;
}

/* The suggester's candidates: residents only (the hidden ties join residents), no
 * capacity limit, since a limit would measure the assignment rather than the ranking. */
static GPtrArray *
rank_suggester(const WnSuggestModel *model, const GArray *targets, const WnSuggestOptions *opts)
{
    g_autoptr(GPtrArray) ranked =
        wn_suggest__rank_all(model, targets, opts, WN_RANK_RESIDENTS_ONLY, LONGEST);
    GPtrArray *lists = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    for (guint i = 0; i < ranked->len; i++) {
        const GArray *pairs = g_ptr_array_index(ranked, i);
        GArray *list = g_array_new(FALSE, FALSE, sizeof(guint32));
        for (guint j = 0; j < pairs->len; j++) {
            g_array_append_val(list, g_array_index(pairs, WnSuggestPair, j).candidate);
        }
        g_ptr_array_add(lists, list);
    }
    return lists;
}

/* Work space of the common-neighbours baseline; marks hold target + 1. */
typedef struct {
    guint32 *count, *mark;
    GArray *seen; /* of guint32 */
} Counts;

static gint
by_count_then_node(gconstpointer a, gconstpointer b, gpointer data)
{
    const guint32 *count = data;
    guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
    if (count[x] != count[y]) {
        return count[x] > count[y] ? -1 : 1;
    }
    return x < y ? -1 : (x > y);
}

/* Residents ranked by the number of common neighbours with @t, ties in node order. */
static GArray *
common_neighbours_of(const WnSuggestModel *model, Counts *w, gsize t)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize nz = 0, nc = 0;
    const guint32 *zs = wn_suggest__neighbours(model, t, &nz);
    g_array_set_size(w->seen, 0);
    for (gsize i = 0; i < nz; i++) {
        const guint32 *cs = wn_suggest__neighbours(model, zs[i], &nc);
        for (gsize j = 0; j < nc; j++) {
            guint32 c = cs[j];
            if (net->kinds[c] != WN_NODE_RESIDENT || wn_suggest__blocked(model, t, c)) {
                continue;
            }
            if (w->mark[c] != t + 1) {
                w->mark[c] = (guint32) t + 1;
                w->count[c] = 0;
                g_array_append_val(w->seen, c);
            }
            w->count[c]++;
        }
    }
    g_array_sort_with_data(w->seen, by_count_then_node, w->count);
    GArray *list = g_array_new(FALSE, FALSE, sizeof(guint32));
    g_array_append_vals(list, w->seen->data, MIN(w->seen->len, LONGEST));
    return list;
}

static GPtrArray *
rank_common_neighbours(const WnSuggestModel *model, const GArray *targets)
{
    gsize n = wn_network_node_count(wn_suggest__model_network(model));
    g_autofree guint32 *count = g_new0(guint32, n + 1);
    g_autofree guint32 *mark = g_new0(guint32, n + 1);
    g_autoptr(GArray) seen = g_array_new(FALSE, FALSE, sizeof(guint32));
    Counts w = {count, mark, seen};
    GPtrArray *lists = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    for (guint i = 0; i < targets->len; i++) {
        g_ptr_array_add(lists, common_neighbours_of(model, &w, g_array_index(targets, gsize, i)));
    }
    return lists;
}

/* LONGEST residents of @t's area (all without an area, if it has none) drawn at random. */
static GArray *
random_in_area(const WnSuggestModel *model, GRand *rand, gsize t)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize na = 0;
    const guint32 *area = wn_suggest__area_nodes(model, t, &na);
    GArray *pool = g_array_new(FALSE, FALSE, sizeof(guint32));
    for (gsize i = 0; i < na; i++) {
        if (net->kinds[area[i]] == WN_NODE_RESIDENT && !wn_suggest__blocked(model, t, area[i])) {
            g_array_append_val(pool, area[i]);
        }
    }
    guint32 *c = (guint32 *) (void *) pool->data;
    for (guint i = 0; i < MIN(pool->len, LONGEST); i++) {
        guint j = i + (guint) g_rand_int_range(rand, 0, (gint32) (pool->len - i));
        guint32 tmp = c[i];
        c[i] = c[j];
        c[j] = tmp;
    }
    g_array_set_size(pool, MIN(pool->len, LONGEST));
    return pool;
}

static GPtrArray *
rank_random(const WnSuggestModel *model, const GArray *targets, guint64 seed)
{
    g_autoptr(GRand) rand = seeded_rand(seed, 1);
    GPtrArray *lists = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    for (guint i = 0; i < targets->len; i++) {
        g_ptr_array_add(lists, random_in_area(model, rand, g_array_index(targets, gsize, i)));
    }
    return lists;
}

/* Macro-averaged precision@k (hits in the first k / k) and recall@k (hits / hidden). */
static void
measure(const Truth *truth, const GPtrArray *lists, double *precision, double *recall)
{
    for (gsize c = 0; c < G_N_ELEMENTS(cutoffs); c++) {
        precision[c] = recall[c] = 0.0;
    }
    for (guint i = 0; i < truth->targets->len; i++) {
        gsize v = g_array_index(truth->targets, gsize, i);
        const GArray *list = g_ptr_array_index(lists, i);
        guint hidden = ((const GArray *) g_ptr_array_index(truth->partners, v))->len;
        gsize hits = 0, c = 0;
        for (gsize r = 0; r < LONGEST; r++) {
            hits += r < list->len && is_partner(truth, v, g_array_index(list, guint32, r));
            if (r + 1 == cutoffs[c]) {
                precision[c] += (double) hits / (double) cutoffs[c];
                recall[c] += (double) hits / (double) hidden;
                c++;
            }
        }
    }
    for (gsize c = 0; c < G_N_ELEMENTS(cutoffs); c++) {
        precision[c] = truth->targets->len > 0 ? precision[c] / truth->targets->len : NAN;
        recall[c] = truth->targets->len > 0 ? recall[c] / truth->targets->len : NAN;
    }
}

#define METHODS 3
#define ROWS (METHODS * G_N_ELEMENTS(cutoffs))

static WnTable *
build_table(const char *const *names, const Truth *truth, GPtrArray *const *lists)
{
    const char *method[ROWS];
    gint64 k[ROWS];
    double precision[ROWS], recall[ROWS];
    for (gsize m = 0; m < METHODS; m++) {
        measure(truth, lists[m], precision + m * G_N_ELEMENTS(cutoffs),
                recall + m * G_N_ELEMENTS(cutoffs));
        for (gsize c = 0; c < G_N_ELEMENTS(cutoffs); c++) {
            method[m * G_N_ELEMENTS(cutoffs) + c] = names[m];
            k[m * G_N_ELEMENTS(cutoffs) + c] = (gint64) cutoffs[c];
        }
    }
    WnTable *t = wn_table__new(ROWS);
    wn_table__add_strings(t, "method", method);
    wn_table__add_ints(t, "k", k, NULL);
    wn_table__add_doubles(t, "precision", precision);
    wn_table__add_doubles(t, "recall", recall);
    return t;
}

/**
 * wn_suggest_evaluate:
 * Measures the suggestions by hiding known ties. Of the E informal ties between two
 * residents, round(@eval->hide · E) are hidden (drawn without replacement, seeded by
 * @eval->seed). On the network without them, every resident who lost a tie (the targets,
 * in node order, whatever their status) gets a ranking of 10 residents from three methods,
 * each excluding the target, its remaining contacts and conflicts:
 * - the suggester with @opts (its policy's name as method; resident candidates only,
 *   since the hidden ties join residents; no capacity limit, which would measure the
 *   assignment rather than the ranking);
 * - `common-neighbours`: residents by the number of common neighbours over all ties,
 *   equal counts in node order;
 * - `random-area`: residents of the target's area drawn at random (seeded; with no area,
 *   residents without one).
 * precision@k = mean over targets of (hidden partners among the first k) / k, and
 * recall@k = mean of (hidden partners among the first k) / (the target's hidden ties),
 * for k = 1, 5, 10; a ranking shorter than k counts its missing places as misses.
 * Columns: method, k, precision, recall (NaN when there are no targets); 9 rows.
 * Returns: (transfer full): the table and the counts in @summary_out (may be NULL); NULL on
 * error (bad options: WN_ERROR_INVALID).
 * Cost: that of wn_suggest_table for the targets, plus O(n + m) for the hidden network.
 */
WnTable *
wn_suggest_evaluate(const WnNetwork *net, const WnSuggestOptions *opts,
                    const WnEvaluateOptions *eval, WnEvaluateSummary *summary_out, GError **error)
{
    if (!wn_suggest_options_check(opts, error)) {
        return NULL;
    }
    if (!(eval->hide > 0.0 && eval->hide < 1.0)) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "the share of ties to hide must lie between 0 and 1, got %g", eval->hide);
        return NULL;
    }
    WnEvaluateSummary summary = {0};
    g_autofree guint8 *hidden = choose_hidden(net, eval, &summary);
    g_autoptr(WnNetwork) rest = network_without(net, hidden, error);
    g_autoptr(WnSuggestModel) model = rest != NULL ? wn_suggest__model_new(rest, error) : NULL;
    if (model == NULL) {
        return NULL;
    }
    g_auto(Truth) truth = {NULL};
    find_truth(&truth, net, hidden);
    summary.targets = truth.targets->len;
    const char *names[METHODS] = {wn_suggest_policy_name(opts->policy), "common-neighbours",
                                  "random-area"};
    g_autoptr(GPtrArray) ours = rank_suggester(model, truth.targets, opts);
    g_autoptr(GPtrArray) common = rank_common_neighbours(model, truth.targets);
    g_autoptr(GPtrArray) random = rank_random(model, truth.targets, eval->seed);
    GPtrArray *lists[METHODS] = {ours, common, random};
    if (summary_out != NULL) {
        *summary_out = summary;
    }
    return build_table(names, &truth, lists);
}
