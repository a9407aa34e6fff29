/* evaluate.c: how good the suggestions are: hide known ties, see which come back */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

#include <math.h>

/* The cut-offs k of precision@k and recall@k; the longest is how many each method ranks. */
static const gsize cutoffs[] = {1, 5, 10};

static gboolean
is_resident_pair(const WnNetwork *net, gsize tie)
{
    return net->kinds[net->tie_from[tie]] == WN_NODE_RESIDENT &&
           net->kinds[net->tie_to[tie]] == WN_NODE_RESIDENT;
}

/* Sets @marks[x] for @count of the indices x in @items (of gsize), drawn without
 * replacement by a partial Fisher–Yates shuffle from the stream @stream of @seed. */
static void
mark_drawn(GArray *items, gsize count, guint64 seed, guint32 stream, guint8 *marks)
{
    g_autoptr(GRand) rand = wn_suggest__seeded_rand(seed, stream);
    gsize *v = (gsize *) (void *) items->data;
    for (gsize i = 0; i < count; i++) {
        gsize j = i + (gsize) g_rand_int_range(rand, 0, (gint32) (items->len - i));
        gsize tmp = v[i];
        v[i] = v[j];
        v[j] = tmp;
        marks[v[i]] = 1;
    }
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
    guint8 *hidden = g_new0(guint8, net->m + 1);
    out->eligible = eligible->len;
    out->hidden = (gsize) round(eval->hide * (double) eligible->len);
    mark_drawn(eligible, out->hidden, eval->seed, 0, hidden);
    return hidden;
}

/* The residents with at least two informal ties (the cold start's eligible), in node order. */
static GArray *
well_tied_residents(const WnNetwork *net)
{
    g_autofree guint32 *degree = g_new0(guint32, net->n + 1);
    for (gsize t = 0; t < net->m; t++) {
        if (!wn_network_tie_is_formal(net, t)) {
            degree[net->tie_from[t]]++;
            degree[net->tie_to[t]]++;
        }
    }
    GArray *eligible = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize v = 0; v < net->n; v++) {
        if (net->kinds[v] == WN_NODE_RESIDENT && degree[v] >= 2) {
            g_array_append_val(eligible, v);
        }
    }
    return eligible;
}

/* The cold start: marks in @chosen_out round(cold_start · E) of the E residents with at
 * least two informal ties (a partial Fisher–Yates shuffle seeded by eval->seed), and hides
 * every informal tie of theirs. */
static guint8 *
choose_cold(const WnNetwork *net, const WnEvaluateOptions *eval, WnEvaluateSummary *out,
            guint8 **chosen_out)
{
    g_autoptr(GArray) eligible = well_tied_residents(net);
    guint8 *chosen = g_new0(guint8, net->n + 1), *hidden = g_new0(guint8, net->m + 1);
    out->eligible = eligible->len;
    out->targets = (gsize) round(eval->cold_start * (double) eligible->len);
    mark_drawn(eligible, out->targets, eval->seed, 2, chosen);
    for (gsize t = 0; t < net->m; t++) {
        hidden[t] = !wn_network_tie_is_formal(net, t) &&
                    (chosen[net->tie_from[t]] || chosen[net->tie_to[t]]);
        out->hidden += hidden[t];
    }
    *chosen_out = chosen;
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
network_without(const WnNetwork *net, const guint8 *hidden)
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
    wn_network__seal(copy);
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

/* The hidden partners of every node that lost a hidden tie, or only of those in @chosen
 * (not NULL). */
static void
find_truth(Truth *truth, const WnNetwork *net, const guint8 *hidden, const guint8 *chosen)
{
    truth->partners = g_ptr_array_new_full((guint) net->n, free_partners);
    g_ptr_array_set_size(truth->partners, (guint) net->n);
    truth->targets = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize t = 0; t < net->m; t++) {
        guint32 a = net->tie_from[t], b = net->tie_to[t];
        if (hidden[t] && (chosen == NULL || chosen[a])) {
            add_partner(truth, a, b);
        }
        if (hidden[t] && (chosen == NULL || chosen[b])) {
            add_partner(truth, b, a);
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

/* The suggester's candidates (with @flags), with no capacity limit, since a limit would
 * measure the assignment rather than the ranking. */
static GPtrArray *
rank_suggester(const WnSuggestModel *model, const GArray *targets, const WnSuggestOptions *opts,
               WnRankFlags flags)
{
    g_autoptr(GPtrArray) ranked =
        wn_suggest__rank_all(model, targets, opts, flags, WN_SUGGEST_LONGEST);
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
        for (gsize r = 0; r < WN_SUGGEST_LONGEST; r++) {
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

#define METHODS 5
#define ROWS (METHODS * G_N_ELEMENTS(cutoffs))

/* The table of the first @count methods, named @names, ranked as @lists. */
static WnTable *
build_table(const char *const *names, const Truth *truth, GPtrArray *const *lists, gsize count)
{
    const char *method[ROWS];
    gint64 k[ROWS];
    double precision[ROWS], recall[ROWS];
    for (gsize m = 0; m < count; m++) {
        measure(truth, lists[m], precision + m * G_N_ELEMENTS(cutoffs),
                recall + m * G_N_ELEMENTS(cutoffs));
        for (gsize c = 0; c < G_N_ELEMENTS(cutoffs); c++) {
            method[m * G_N_ELEMENTS(cutoffs) + c] = names[m];
            k[m * G_N_ELEMENTS(cutoffs) + c] = (gint64) cutoffs[c];
        }
    }
    WnTable *t = wn_table__new(count * G_N_ELEMENTS(cutoffs));
    wn_table__add_strings(t, "method", method);
    wn_table__add_ints(t, "k", k, NULL);
    wn_table__add_doubles(t, "precision", precision);
    wn_table__add_doubles(t, "recall", recall);
    return t;
}

/* The warm evaluation's methods: the suggester on residents, common neighbours, random,
 * and @extra on residents when not NULL. */
static WnTable *
rank_warm(const WnSuggestModel *model, const Truth *truth, const WnSuggestOptions *opts,
          const WnEvaluateOptions *eval, const WnEvaluateExtra *extra)
{
    const char *names[] = {wn_suggest_policy_name(opts->policy), "common-neighbours", "random-area",
                           extra != NULL ? extra->name : NULL};
    g_autoptr(GPtrArray) ours = rank_suggester(model, truth->targets, opts, WN_RANK_RESIDENTS_ONLY);
    g_autoptr(GPtrArray) common = wn_suggest__rank_common_neighbours(model, truth->targets);
    g_autoptr(GPtrArray) random =
        wn_suggest__rank_random(model, truth->targets, eval->seed, 1, wn_suggest__keep_resident);
    g_autoptr(GPtrArray) more =
        extra != NULL ? extra->rank(model, truth->targets, WN_RANK_RESIDENTS_ONLY, extra->data)
                      : NULL;
    GPtrArray *lists[] = {ours, common, random, more};
    return build_table(names, truth, lists, G_N_ELEMENTS(lists) - (extra == NULL));
}

/* The cold start's methods: the suggester on residents and groups, random residents and
 * groups of the area, the nearest, random residents of the same age band and area, and
 * @extra when not NULL. */
static WnTable *
rank_cold(const WnSuggestModel *model, const Truth *truth, const WnSuggestOptions *opts,
          const WnEvaluateOptions *eval, const WnEvaluateExtra *extra)
{
    const char *names[] = {wn_suggest_policy_name(opts->policy), "random-area", "nearest",
                           "same-age-area", extra != NULL ? extra->name : NULL};
    g_autoptr(GPtrArray) ours = rank_suggester(model, truth->targets, opts, WN_RANK_DEFAULT);
    g_autoptr(GPtrArray) random = wn_suggest__rank_random(model, truth->targets, eval->seed, 1,
                                                          wn_suggest__keep_resident_or_group);
    g_autoptr(GPtrArray) near = wn_suggest__rank_nearest(model, truth->targets);
    g_autoptr(GPtrArray) age =
        wn_suggest__rank_random(model, truth->targets, eval->seed, 3, wn_suggest__keep_same_age);
    g_autoptr(GPtrArray) more =
        extra != NULL ? extra->rank(model, truth->targets, WN_RANK_DEFAULT, extra->data) : NULL;
    GPtrArray *lists[] = {ours, random, near, age, more};
    return build_table(names, truth, lists, G_N_ELEMENTS(lists) - (extra == NULL));
}

/* Checks @eval: a share to hide in (0, 1), a cold-start share 0 (none) or in (0, 1]. */
static gboolean
check_evaluation(const WnEvaluateOptions *eval, GError **error)
{
    if (!(eval->hide > 0.0 && eval->hide < 1.0)) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "the share of ties to hide must lie between 0 and 1, got %g", eval->hide);
        return FALSE;
    }
    if (!(eval->cold_start >= 0.0 && eval->cold_start <= 1.0)) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "the cold-start share must lie in [0, 1], got %g", eval->cold_start);
        return FALSE;
    }
    return TRUE;
}

/**
 * wn_suggest_evaluate:
 * Measures the suggestions by hiding known ties, each method ranking 10 nodes per target,
 * each excluding the target, its remaining contacts and conflicts.
 *
 * Warm (@eval->cold_start 0): of the E informal ties between two residents, round(@eval->hide
 * · E) are hidden (drawn without replacement, seeded by @eval->seed). On the network without
 * them, every resident who lost a tie (the targets, in node order, whatever their status)
 * gets a ranking from three methods:
 * - the suggester with @opts (its policy's name as method; resident candidates only,
 *   since the hidden ties join residents; no capacity limit, which would measure the
 *   assignment rather than the ranking);
 * - `common-neighbours`: residents by the number of common neighbours over all ties,
 *   equal counts in node order;
 * - `random-area`: residents of the target's area drawn at random (seeded; with no area,
 *   residents without one).
 *
 * Cold start (@eval->cold_start F > 0): of the E residents with at least two informal ties,
 * round(F · E) are drawn (seeded) and every informal tie of theirs is hidden, to residents
 * and groups alike; they are the targets, as if they had no one. A hit is any hidden
 * contact, resident or group. Four methods: the suggester (residents and groups, no
 * capacity limit); `random-area`: residents and groups of the target's area at random;
 * `nearest`: the residents and groups nearest by distance in any area (none for a target
 * without a position); `same-age-area`: residents of the target's area and age band at random.
 *
 * precision@k = mean over targets of (hidden partners among the first k) / k, and
 * recall@k = mean of (hidden partners among the first k) / (the target's hidden ties),
 * for k = 1, 5, 10; a ranking shorter than k counts its missing places as misses.
 * Columns: method, k, precision, recall (NaN when there are no targets); 3 rows per method.
 * Returns: (transfer full): the table and the counts in @summary_out (may be NULL: eligible
 * ties or residents, hidden ties, targets); NULL on error (bad options: WN_ERROR_INVALID).
 * Cost: that of wn_suggest_table for the targets, plus O(n + m) for the hidden network, plus
 * O(n) per target for `nearest`.
 */
WnTable *
wn_suggest_evaluate(const WnNetwork *net, const WnSuggestOptions *opts,
                    const WnEvaluateOptions *eval, WnEvaluateSummary *summary_out, GError **error)
{
    return wn_suggest__evaluate_with(net, opts, eval, NULL, summary_out, error);
}

/**
 * wn_suggest__evaluate_with:
 * wn_suggest_evaluate() with one more method beside the others: @extra (may be NULL),
 * ranking the same targets on the same network without the hidden ties, residents only
 * in the warm evaluation (the benchmark's ranking by the town generator's own odds,
 * tests/bench).
 * Returns: (transfer full): as wn_suggest_evaluate(), @extra's rows last.
 */
WnTable *
wn_suggest__evaluate_with(const WnNetwork *net, const WnSuggestOptions *opts,
                          const WnEvaluateOptions *eval, const WnEvaluateExtra *extra,
                          WnEvaluateSummary *summary_out, GError **error)
{
    if (!wn_suggest_options_check(opts, error) || !check_evaluation(eval, error)) {
        return NULL;
    }
    WnEvaluateSummary summary = {0};
    g_autofree guint8 *chosen = NULL;
    g_autofree guint8 *hidden = eval->cold_start > 0.0 ? choose_cold(net, eval, &summary, &chosen)
                                                       : choose_hidden(net, eval, &summary);
    g_autoptr(WnNetwork) rest = network_without(net, hidden);
    g_autoptr(WnSuggestModel) model = wn_suggest__model_new(rest, opts->adult_age, error);
    if (model == NULL) {
        return NULL;
    }
    g_auto(Truth) truth = {NULL};
    find_truth(&truth, net, hidden, chosen);
    summary.targets = truth.targets->len;
    if (summary_out != NULL) {
        *summary_out = summary;
    }
    return chosen != NULL ? rank_cold(model, &truth, opts, eval, extra)
                          : rank_warm(model, &truth, opts, eval, extra);
}
