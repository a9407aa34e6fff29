/* reason.c: why a pair is suggested, in words a person can read (ids only) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

#include <math.h>

/* How many groups a reason names before "and N more". */
#define NAMED_GROUPS 3

/* The common neighbours of @a and @b, ascending (both lists are sorted). */
static GArray *
common_neighbours(const WnSuggestModel *model, gsize a, gsize b)
{
    gsize na = 0, nb = 0;
    const guint32 *xa = wn_suggest__neighbours(model, a, &na);
    const guint32 *xb = wn_suggest__neighbours(model, b, &nb);
    GArray *common = g_array_new(FALSE, FALSE, sizeof(guint32));
    wn_sorted__intersect(xa, na, xb, nb, common);
    return common;
}

/* The introducer: the common contact (not a group) with the fewest ties, then lowest index. */
static char *
common_reason(const WnSuggestModel *model, const GArray *common)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize best = G_MAXSIZE, best_degree = G_MAXSIZE, others = 0, degree = 0;
    for (guint i = 0; i < common->len; i++) {
        guint32 z = g_array_index(common, guint32, i);
        if (net->kinds[z] == WN_NODE_GROUP) {
            continue;
        }
        others += best != G_MAXSIZE;
        wn_suggest__neighbours(model, z, &degree);
        if (degree < best_degree) {
            best = z;
            best_degree = degree;
        }
    }
    if (best == G_MAXSIZE) {
        return NULL; /* only shared groups: the group reason says it */
    }
    g_autofree char *more = others > 0 ? g_strdup_printf(" and %" G_GSIZE_FORMAT " other%s", others,
                                                         others == 1 ? "" : "s")
                                       : g_strdup("");
    return g_strdup_printf("both know %s (%s)%s", net->ids[best],
                           wn_node_kind_name(net->kinds[best]), more);
}

/* "both in group G1", "both in groups G1, G2, G3 and 2 more", in node order. */
static char *
group_reason(const WnSuggestModel *model, const GArray *common)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    g_autoptr(GString) text = g_string_new(NULL);
    gsize groups = 0;
    for (guint i = 0; i < common->len; i++) {
        guint32 z = g_array_index(common, guint32, i);
        if (net->kinds[z] == WN_NODE_GROUP && groups++ < NAMED_GROUPS) {
            g_string_append_printf(text, "%s%s", groups > 1 ? ", " : "", net->ids[z]);
        }
    }
    if (groups > NAMED_GROUPS) {
        g_string_append_printf(text, " and %" G_GSIZE_FORMAT " more", groups - NAMED_GROUPS);
    }
    return g_strdup_printf("both in group%s %s", groups > 1 ? "s" : "", text->str);
}

static gint
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* TRUE when a reason may quote the values of node column @name: it is not personal
 * (docs/FORMAT.md, Personal columns; suggest has no --show-labels). */
static gboolean
may_quote(const WnSuggestModel *model, const char *name)
{
    return !wn_network_node_attribute_is_personal(wn_suggest__model_network(model), name);
}

/* "both: koken, wandelen": shared interests and languages in byte order ("members share:
 * koffie" for a group, wn_suggest__profile_tokens); "2 interests or languages in common"
 * when either column is personal. */
static char *
shared_reason(const WnSuggestModel *model, gsize a, gsize b)
{
    gsize na = 0, nb = 0;
    const guint32 *ta = wn_suggest__tokens(model, a, &na);
    const guint32 *tb = wn_suggest__tokens(model, b, &nb);
    g_autoptr(GArray) common = g_array_new(FALSE, FALSE, sizeof(guint32));
    wn_sorted__intersect(ta, na, tb, nb, common);
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    for (guint i = 0; i < common->len; i++) {
        guint32 token = g_array_index(common, guint32, i);
        g_ptr_array_add(names, (gpointer) wn_suggest__token_name(model, token));
    }
    if (!may_quote(model, "interests") || !may_quote(model, "language")) {
        return g_strdup_printf("%u interest%s or language%s in common", names->len,
                               names->len == 1 ? "" : "s", names->len == 1 ? "" : "s");
    }
    g_ptr_array_sort(names, compare_names);
    g_ptr_array_add(names, NULL);
    g_autofree char *list = g_strjoinv(", ", (char **) names->pdata);
    if (wn_network_node_kind(wn_suggest__model_network(model), b) == WN_NODE_GROUP) {
        return g_strdup_printf("members share: %s", list);
    }
    return g_strdup_printf("both: %s", list);
}

static char *
age_reason(const WnSuggestModel *model, gsize a, gsize b)
{
    const char *band_a = wn_suggest__age_band(model, a), *band_b = wn_suggest__age_band(model, b);
    gboolean same = wn_suggest__age_closeness(model, a, b) == 1.0;
    if (wn_network_node_kind(wn_suggest__model_network(model), b) == WN_NODE_GROUP) {
        return may_quote(model, "age_band") ? g_strdup_printf("members mostly %s", band_b)
                                            : g_strdup("members mostly of a near age");
    }
    if (!may_quote(model, "age_band")) {
        return g_strdup(same ? "same age band" : "adjacent age bands");
    }
    if (same) {
        return g_strdup_printf("same age band %s", band_a);
    }
    return g_strdup_printf("age bands %s and %s", band_a, band_b);
}

/* Groups and connected residents: how many they know; at risk: nothing to boast of. */
static char *
policy_reason(const WnSuggestModel *model, gsize c)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize degree = wn_suggest__informal_degree(model, c);
    if (net->kinds[c] == WN_NODE_GROUP) {
        return g_strdup_printf("a group with %" G_GSIZE_FORMAT " member%s", degree,
                               degree == 1 ? "" : "s");
    }
    if (wn_suggest__is_at_risk(model, c)) {
        return NULL;
    }
    return g_strdup_printf("well connected (%" G_GSIZE_FORMAT " informal tie%s)", degree,
                           degree == 1 ? "" : "s");
}

/* Is the candidate of @p in an area other than its target's (found beyond the area)? */
static gboolean
elsewhere(const WnSuggestModel *model, const WnSuggestPair *p)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    return net->areas[p->candidate] != NULL &&
           g_strcmp0(net->areas[p->target], net->areas[p->candidate]) != 0;
}

/* "in area B" for a candidate of another area; "in the neighbouring area B" when B touches
 * the target's area (opts->touching). */
static char *
area_reason(const WnSuggestModel *model, const WnSuggestPair *p, const WnSuggestOptions *opts)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    const char *area = net->areas[p->candidate];
    if (opts->touching != NULL &&
        wn_area_touching_pair(opts->touching, net->areas[p->target], area)) {
        return g_strdup_printf("in the neighbouring area %s", area);
    }
    return g_strdup_printf("in area %s", area);
}

/* The words for feature @f of @p; NULL when it has none to say. */
static char *
feature_reason(const WnSuggestModel *model, const WnSuggestPair *p, const GArray *common,
               WnFeature f)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    double metres = 0.0;
    switch (f) {
    case WN_FEATURE_COMMON:
        return common_reason(model, common);
    case WN_FEATURE_GROUP:
        return group_reason(model, common);
    case WN_FEATURE_AREA:
        return g_strdup_printf("same area %s", net->areas[p->target]);
    case WN_FEATURE_NEAR:
        wn_suggest__metres(model, p->target, p->candidate, &metres);
        if (elsewhere(model, p)) {
            return g_strdup_printf("in area %s, %.0f m apart", net->areas[p->candidate],
                                   10.0 * round(metres / 10.0));
        }
        return g_strdup_printf("%.0f m apart", 10.0 * round(metres / 10.0));
    case WN_FEATURE_SHARED:
        return shared_reason(model, p->target, p->candidate);
    case WN_FEATURE_AGE:
        return age_reason(model, p->target, p->candidate);
    case WN_FEATURE_POLICY:
        return policy_reason(model, p->candidate);
    case WN_FEATURE_COUNT:
        break;
    }
    return NULL;
}

/**
 * wn_suggest__reason:
 * The reasons for @p, one per term that adds to its score, largest contribution first
 * (equal ones in the order of WnFeature), joined by "; "; a candidate from another area says
 * so ("in area B, 600 m apart", or "in area B" for one without a distance or common contact, "in
 * the neighbouring area B" when B touches the target's area by @opts->touching). Under the buddy
 * policy the candidate's own status follows ("also at risk (fragile)"). The introducer
 * (wn_suggest__introducer) closes the list: "P3 (professional) can introduce them (supports
 * them)", or "no one known can introduce them". Only ids appear, never labels.
 * Returns: (transfer full): the text.
 */
char *
wn_suggest__reason(const WnSuggestModel *model, const WnSuggestPair *p,
                   const WnSuggestOptions *opts)
{
    g_autoptr(GArray) common = common_neighbours(model, p->target, p->candidate);
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);
    gboolean used[WN_FEATURE_COUNT] = {FALSE};
    for (int round = 0; round < WN_FEATURE_COUNT; round++) {
        int best = -1;
        for (int f = 0; f < WN_FEATURE_COUNT; f++) {
            if (!used[f] && p->parts[f] > 0.0 && (best < 0 || p->parts[f] > p->parts[best])) {
                best = f;
            }
        }
        if (best < 0) {
            break;
        }
        used[best] = TRUE;
        char *text = feature_reason(model, p, common, (WnFeature) best);
        if (text != NULL) {
            g_ptr_array_add(parts, text);
        }
    }
    if (elsewhere(model, p) && p->parts[WN_FEATURE_NEAR] == 0.0 &&
        p->parts[WN_FEATURE_COMMON] == 0.0) {
        g_ptr_array_add(parts, area_reason(model, p, opts));
    }
    if (opts->policy == WN_POLICY_BUDDY) {
        g_ptr_array_add(parts, g_strdup_printf("also at risk (%s)",
                                               wn_isolation_status_name(
                                                   wn_suggest__status(model, p->candidate))));
    }
    WnIntroducerRole role = WN_INTRODUCER_NONE;
    gsize z = wn_suggest__introducer(model, p->target, p->candidate, &role);
    g_ptr_array_add(parts, wn_suggest__introducer_text(model, z, role));
    g_ptr_array_add(parts, NULL);
    return g_strjoinv("; ", (char **) parts->pdata);
}
