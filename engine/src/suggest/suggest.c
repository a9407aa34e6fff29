/* suggest.c: ranked, explained connection suggestions for residents at risk (docs/DESIGN.md) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

#include <math.h>

static const char *const policy_names[] = {"mixed", "anchor", "buddy"};
static const char *const feature_columns[WN_FEATURE_COUNT] = {
    "common", "group", "area", "distance", "interests", "age", "policy"};

/**
 * wn_suggest_policy_name:
 * Returns: the name of a suggestion policy ("mixed", "anchor", "buddy").
 */
const char *
wn_suggest_policy_name(WnPolicy policy)
{
    g_return_val_if_fail(policy <= WN_POLICY_BUDDY, NULL);
    return policy_names[policy];
}

/**
 * wn_suggest_policy_lookup:
 * Returns: TRUE and the policy in @out when @name is one of the names of wn_suggest_policy_name.
 */
gboolean
wn_suggest_policy_lookup(const char *name, WnPolicy *out)
{
    gsize i;
    if (!wn_names__lookup(policy_names, G_N_ELEMENTS(policy_names), name, &i)) {
        return FALSE;
    }
    *out = (WnPolicy) i;
    return TRUE;
}

static gboolean
is_weight(double w)
{
    return w >= 0.0 && isfinite(w); /* false for NaN */
}

/**
 * wn_suggest_options_check:
 * Checks suggestion options: a known policy, per ≥ 1, every weight finite and ≥ 0,
 * near_metres and anchor_cap finite and > 0, beyond_metres finite and ≥ 0.
 * Returns: FALSE with WN_ERROR_INVALID naming the first value at fault.
 */
gboolean
wn_suggest_options_check(const WnSuggestOptions *opts, GError **error)
{
    const double weights[] = {opts->weight_common, opts->weight_group,  opts->weight_area,
                              opts->weight_near,   opts->weight_shared, opts->weight_age,
                              opts->weight_anchor};
    static const char *const names[] = {"weight-common", "weight-group",  "weight-area",
                                        "weight-near",   "weight-shared", "weight-age",
                                        "weight-anchor"};
    if (opts->policy > WN_POLICY_BUDDY || opts->per < 1) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "suggestions need a known policy and at least one per target");
        return FALSE;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(weights); i++) {
        if (!is_weight(weights[i])) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                        "suggestion weights must be finite and not negative, got %s %g", names[i],
                        weights[i]);
            return FALSE;
        }
    }
    if (!(is_weight(opts->near_metres) && opts->near_metres > 0.0) ||
        !(is_weight(opts->anchor_cap) && opts->anchor_cap > 0.0) ||
        !is_weight(opts->beyond_metres)) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "near-metres and anchor-cap must be positive and beyond-metres not "
                    "negative, got %g, %g and %g",
                    opts->near_metres, opts->anchor_cap, opts->beyond_metres);
        return FALSE;
    }
    return TRUE;
}

static GArray *
at_risk_residents(const WnSuggestModel *model, gsize n)
{
    GArray *targets = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize v = 0; v < n; v++) {
        if (wn_suggest__is_at_risk(model, v)) {
            g_array_append_val(targets, v);
        }
    }
    return targets;
}

static gint
compare_nodes(gconstpointer a, gconstpointer b)
{
    gsize x = *(const gsize *) a, y = *(const gsize *) b;
    return x < y ? -1 : (x > y);
}

/* The residents named in @ids, in node order, each once. */
static GArray *
named_residents(const WnNetwork *net, const char *const *ids, GError **error)
{
    g_autoptr(GArray) targets = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize i = 0; ids[i] != NULL; i++) {
        gsize v = 0;
        if (!wn_network_node_lookup(net, ids[i], &v)) {
            g_set_error(error, WN_ERROR, WN_ERROR_OPTION, "unknown node id \"%s\"", ids[i]);
            return NULL;
        }
        if (net->kinds[v] != WN_NODE_RESIDENT) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "\"%s\" is a%s %s, not a resident",
                        ids[i], net->kinds[v] == WN_NODE_ORGANISATION ? "n" : "",
                        wn_node_kind_name(net->kinds[v]));
            return NULL;
        }
        g_array_append_val(targets, v);
    }
    g_array_sort(targets, compare_nodes);
    guint kept = 0;
    for (guint i = 0; i < targets->len; i++) {
        if (kept == 0 ||
            g_array_index(targets, gsize, i) != g_array_index(targets, gsize, kept - 1)) {
            g_array_index(targets, gsize, kept++) = g_array_index(targets, gsize, i);
        }
    }
    g_array_set_size(targets, kept);
    return g_steal_pointer(&targets);
}

/* The reasons of the chosen pairs, made over threads (wn_table__make_strings). */
typedef struct {
    const WnSuggestModel *model;
    const GArray *chosen;
    const WnSuggestOptions *opts;
} ReasonJob;

static char *
row_reason(gsize row, gconstpointer data)
{
    const ReasonJob *job = data;
    return wn_suggest__reason(job->model, &g_array_index(job->chosen, WnSuggestPair, row),
                              job->opts);
}

/* Fills @texts, four columns of chosen->len + 1 borrowed strings one after the other:
 * the target's id, the candidate's id, the candidate's kind and the introducer's id ("" for
 * none). */
static void
fill_row_texts(const char **texts, const WnSuggestModel *model, const GArray *chosen)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize column = chosen->len + 1;
    for (guint i = 0; i < chosen->len; i++) {
        const WnSuggestPair *p = &g_array_index(chosen, WnSuggestPair, i);
        texts[i] = net->ids[p->target];
        texts[column + i] = net->ids[p->candidate];
        texts[2 * column + i] = wn_node_kind_name(net->kinds[p->candidate]);
        WnIntroducerRole role = WN_INTRODUCER_NONE;
        gsize z = wn_suggest__introducer(model, p->target, p->candidate, &role);
        texts[3 * column + i] = z != G_MAXSIZE ? net->ids[z] : "";
    }
}

/* The rows of wn_suggest_table, in the order of its doc comment. */
static WnTable *
build_table(const WnSuggestModel *model, const GArray *chosen, const WnSuggestOptions *opts)
{
    gsize rows = chosen->len;
    g_autofree gint64 *rank = g_new0(gint64, rows + 1);
    g_autofree double *values = g_new0(double, (WN_FEATURE_COUNT + 1) * (rows + 1));
    for (gsize i = 0; i < rows; i++) {
        const WnSuggestPair *p = &g_array_index(chosen, WnSuggestPair, i);
        gboolean same = i > 0 && g_array_index(chosen, WnSuggestPair, i - 1).target == p->target;
        rank[i] = same ? rank[i - 1] + 1 : 1;
        values[i] = p->score;
        for (int f = 0; f < WN_FEATURE_COUNT; f++) {
            values[(f + 1) * (rows + 1) + i] = p->parts[f];
        }
    }
    g_autofree const char **texts = g_new0(const char *, 4 * (rows + 1));
    fill_row_texts(texts, model, chosen);
    WnTable *t = wn_table__new(rows);
    wn_table__add_strings(t, "target", texts);
    wn_table__add_ints(t, "rank", rank, NULL);
    wn_table__add_strings(t, "candidate", texts + (rows + 1));
    wn_table__add_strings(t, "type", texts + 2 * (rows + 1));
    wn_table__add_doubles(t, "score", values);
    ReasonJob reasons = {model, chosen, opts};
    wn_table__make_strings(t, "reason", row_reason, &reasons);
    wn_table__add_strings(t, "introducer", texts + 3 * (rows + 1));
    for (int f = 0; opts->explain && f < WN_FEATURE_COUNT; f++) {
        wn_table__add_doubles(t, feature_columns[f], values + (f + 1) * (rows + 1));
    }
    return t;
}

static void
summarise(const GArray *chosen, gsize targets, WnSuggestSummary *out)
{
    out->targets = targets;
    out->suggestions = chosen->len;
    out->served = 0;
    for (guint i = 0; i < chosen->len; i++) {
        out->served += i == 0 || g_array_index(chosen, WnSuggestPair, i - 1).target !=
                                     g_array_index(chosen, WnSuggestPair, i).target;
    }
}

/* K = max(4·per, 20), but never more than the @n nodes a target could be offered: a
 * huge per ranks every candidate without reserving room for candidates that do not exist. */
static gsize
ranking_length(guint per, gsize n)
{
    return MIN(MAX(4 * (gsize) per, 20), MAX(n, 1));
}

/**
 * wn_suggest_table:
 * Ranked, explained suggestions of new contacts (docs/DESIGN.md "Suggestions").
 *
 * Targets: the residents named in @for_ids, or with @for_ids NULL every resident whose
 * status (wn_isolation_status) is isolated, formal_only or fragile; in node order.
 *
 * Candidates of a target t: the residents and groups two steps from t over all ties, and
 * those of t's area (with no area: all residents and groups without one). Never t itself,
 * a node tied to t (any tie), a node in conflict with t, a professional or an
 * organisation. The policy narrows them: `mixed` keeps all; `anchor` keeps groups and
 * residents whose status is connected; `buddy` keeps residents at risk (isolated,
 * formal_only or fragile) and no groups.
 *
 * Score: a weighted sum, each term a reason (weights in @opts; defaults in
 * WN_SUGGEST_OPTIONS_INIT):
 * - common: weight_common · Σ_z 1/ln deg(z) over the common neighbours z of t and c in
 *   the whole graph (Adamic–Adar; a shared group counts here too); the reason names the
 *   contact with the fewest ties who is not a group: "both know P3 (professional), who
 *   could introduce them";
 * - group: weight_group per group both belong to ("both in group G1");
 * - area: weight_area when both have the same area ("same area BU01");
 * - distance: weight_near · near_metres/(near_metres + d) when both have lat and lon,
 *   d the haversine distance ("400 m apart", rounded to 10 m);
 * - interests: weight_shared per value shared among the `language` and `interests`
 *   attributes (`|`-separated; "both: koken, nl");
 * - age: weight_age for the same `age_band`, half for adjacent bands ("30-44" and "45-64");
 * - policy: under mixed and anchor, weight_anchor · min(informal degree, anchor_cap) /
 *   anchor_cap for a resident and weight_anchor for a group ("well connected (7 informal
 *   ties)"); 0 under buddy, whose reasons end with the candidate's status.
 * Defaults: common 1, group 0.5, area 0.5, near 8 with near_metres 30, interests 0.25,
 * age 0.25, anchor 0.5 with anchor_cap 10; per 3, capacity 3. They were tuned with
 * wn_suggest_evaluate (hide 0.1, seed 1) on the town of `gen_wijk.py --residents 10000
 * --seed 7`, where the distance term carries most of the signal (households and
 * neighbours live close by).
 * A candidate needs at least one reason besides the policy's term. Each target's best
 * K = max(4·per, 20) candidates (at most n; higher score first, then node order) go into the
 * assignment (wn_suggest__assign): at most @opts->per per target and @opts->capacity
 * targets per candidate (0: no limit), with the largest total score.
 *
 * Introducer: who can introduce the target to the candidate (wn_suggest__introducer): a
 * person tied to both (a member of a suggested group the target knows), else a professional
 * who supports the target; the reason ends by naming them, or saying no one known can.
 *
 * Columns: target, rank (1 = best), candidate, type (of the candidate), score, reason,
 * introducer (an id, empty for no one); with @opts->explain also each term: common, group, area,
 * distance, interests, age, policy. Rows by target in node order, then rank. A target without
 * candidates has no rows. Labels never appear. Returns: (transfer full): the table, and the counts
 * in @summary_out (may be NULL); NULL on error: bad options, or an id of @for_ids unknown or not a
 * resident (WN_ERROR_INVALID). Cost: O(n + m log m) for the model, plus per target O(Σ deg z + a·(t
 * + log a)) over its contacts z and its pool of a nodes, plus the assignment (wn_suggest__assign).
 */
WnTable *
wn_suggest_table(const WnNetwork *net, const char *const *for_ids, const WnSuggestOptions *opts,
                 WnSuggestSummary *summary_out, GError **error)
{
    if (!wn_suggest_options_check(opts, error)) {
        return NULL;
    }
    g_autoptr(GArray) targets = for_ids != NULL ? named_residents(net, for_ids, error) : NULL;
    if (for_ids != NULL && targets == NULL) {
        return NULL;
    }
    g_autoptr(WnSuggestModel) model = wn_suggest__model_new(net, opts->adult_age, error);
    if (model == NULL) {
        return NULL;
    }
    if (targets == NULL) {
        targets = at_risk_residents(model, net->n);
    }
    gsize k = ranking_length(opts->per, net->n);
    g_autoptr(GPtrArray) ranked = wn_suggest__rank_all(model, targets, opts, WN_RANK_DEFAULT, k);
    g_autoptr(GArray) chosen = wn_suggest__assign(ranked, net->n, opts->per, opts->capacity);
    if (summary_out != NULL) {
        summarise(chosen, targets->len, summary_out);
    }
    return build_table(model, chosen, opts);
}
