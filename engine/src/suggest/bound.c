/* bound.c: upper bounds on scores, which let a ranking skip candidates that cannot get in */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

#include <math.h>

/* wn_suggest__anchor_term:
 * The policy's term: how well connected @c is (a group counts as fully connected). */
double
wn_suggest__anchor_term(const WnSuggestModel *model, gsize c, const WnSuggestOptions *opts)
{
    if (opts->policy == WN_POLICY_BUDDY) {
        return 0.0;
    }
    if (wn_network_node_kind(wn_suggest__model_network(model), c) == WN_NODE_GROUP) {
        return opts->weight_anchor;
    }
    double degree = (double) wn_suggest__informal_degree(model, c);
    return opts->weight_anchor * MIN(degree, opts->anchor_cap) / opts->anchor_cap;
}

/*
 * An upper bound on the score of @c, a candidate from @t's area with no contact in common
 * with @t and @chord2 from it (wn_suggest__chord2): each term as score_pair computes it, but
 * the distance at its lower bound (wn_suggest__metres_at_least) and every interest or language of
 * the one with fewer shared; summed in the same order. Rounding preserves order (a ≤ a' gives a + b
 * ≤ a' + b and a / b ≥ a / b' for b ≤ b'), so the computed bound is never below the computed score.
 */
double
wn_suggest__area_bound(const WnSuggestModel *model, gsize t, gsize c, const WnSuggestOptions *opts,
                       double chord2)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize nt = 0, nc = 0;
    double parts[WN_FEATURE_COUNT] = {opts->weight_common * 0.0, opts->weight_group * 0};
    gboolean placed =
        !isnan(net->lat[t]) && !isnan(net->lon[t]) && !isnan(net->lat[c]) && !isnan(net->lon[c]);
    wn_suggest__tokens(model, t, &nt);
    wn_suggest__tokens(model, c, &nc);
    parts[WN_FEATURE_AREA] = wn_suggest__same_area(model, t, c) ? opts->weight_area : 0.0;
    parts[WN_FEATURE_NEAR] = placed ? opts->weight_near * opts->near_metres /
                                          (opts->near_metres + wn_suggest__metres_at_least(chord2))
                                    : 0.0;
    parts[WN_FEATURE_SHARED] = opts->weight_shared * (double) MIN(nt, nc);
    parts[WN_FEATURE_AGE] = opts->weight_age * wn_suggest__age_closeness(model, t, c);
    parts[WN_FEATURE_POLICY] = wn_suggest__anchor_term(model, c, opts);
    double bound = 0.0;
    for (int f = 0; f < WN_FEATURE_COUNT; f++) {
        bound += parts[f];
    }
    return bound;
}

/* The largest the policy's term can be (anchor_term is monotone in the degree). */
static double
anchor_ceiling(const WnSuggestOptions *opts)
{
    if (opts->policy == WN_POLICY_BUDDY) {
        return 0.0;
    }
    return MAX(opts->weight_anchor, opts->weight_anchor * opts->anchor_cap / opts->anchor_cap);
}

/*
 * How far (wn_suggest__metres) a candidate from @t's area with no contact in common can be
 * and still reach @entry: past it, even with every other term at its largest (the area, all
 * of @t's interests and languages shared, the same age band, the policy's top), the sum in
 * score_pair's order stays below @entry. G_MAXDOUBLE when no distance is far enough.
 */
static double
area_reach(const WnSuggestModel *model, gsize t, const WnSuggestOptions *opts, double entry)
{
    gsize nt = 0;
    wn_suggest__tokens(model, t, &nt);
    double parts[WN_FEATURE_COUNT] = {opts->weight_common * 0.0,
                                      opts->weight_group * 0,
                                      wn_suggest__same_area(model, t, t) ? opts->weight_area : 0.0,
                                      0.0,
                                      opts->weight_shared * (double) nt,
                                      opts->weight_age * 1.0,
                                      anchor_ceiling(opts)};
    double need = entry - (parts[2] + parts[4] + parts[5] + parts[6]); /* a first guess */
    double reach = need > 0.0
                       ? MAX(0.0, opts->weight_near * opts->near_metres / need - opts->near_metres)
                       : 0.0;
    for (int i = 0; i < 64 && entry > -G_MAXDOUBLE; i++, reach = 2.0 * reach + 1.0) {
        double ceiling = 0.0;
        parts[WN_FEATURE_NEAR] =
            opts->weight_near * opts->near_metres / (opts->near_metres + reach);
        for (int f = 0; f < WN_FEATURE_COUNT; f++) {
            ceiling += parts[f];
        }
        if (ceiling < entry) {
            return reach;
        }
    }
    return G_MAXDOUBLE;
}

/* Raises @bar to the entry score @entry when that has changed; never past @bar->limit2
 * (a squared chord: wn_suggest__chord2_beyond of the farthest a sweep may look). */
void
wn_suggest__raise_bar(const WnSuggestModel *model, gsize t, const WnSuggestOptions *opts,
                      double entry, WnBar *bar)
{
    if (entry != bar->entry) {
        bar->entry = entry;
        bar->reach = area_reach(model, t, opts, entry);
        bar->chord2 = MIN(wn_suggest__chord2_beyond(bar->reach), bar->limit2);
        bar->degrees = wn_suggest__degrees_beyond(bar->reach);
    }
}
