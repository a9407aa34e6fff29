/* introduce.c: who can introduce a resident to a suggested resident or group */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

/* Can @z introduce people: a resident or a professional (not a group or organisation)? */
static gboolean
is_person(const WnNetwork *net, guint32 z)
{
    return net->kinds[z] == WN_NODE_RESIDENT || net->kinds[z] == WN_NODE_PROFESSIONAL;
}

/* Is @z a better introducer than @best (G_MAXSIZE for none): a professional first, then the
 * fewest ties (the closest tie to both), then the lower index. */
static gboolean
is_better_introducer(const WnSuggestModel *model, guint32 z, gsize best)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    if (best == G_MAXSIZE) {
        return TRUE;
    }
    gboolean pz = net->kinds[z] == WN_NODE_PROFESSIONAL,
             pb = net->kinds[best] == WN_NODE_PROFESSIONAL;
    if (pz != pb) {
        return pz;
    }
    gsize dz = 0, db = 0;
    wn_suggest__neighbours(model, z, &dz);
    wn_suggest__neighbours(model, best, &db);
    return dz < db || (dz == db && z < best);
}

/* The best person tied to both @t and @c, or G_MAXSIZE. */
static gsize
tied_to_both(const WnSuggestModel *model, gsize t, gsize c)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize nt = 0, nc = 0, best = G_MAXSIZE;
    const guint32 *xt = wn_suggest__neighbours(model, t, &nt);
    const guint32 *xc = wn_suggest__neighbours(model, c, &nc);
    g_autoptr(GArray) common = g_array_new(FALSE, FALSE, sizeof(guint32));
    wn_sorted__intersect(xt, nt, xc, nc, common);
    for (guint i = 0; i < common->len; i++) {
        guint32 z = g_array_index(common, guint32, i);
        if (is_person(net, z) && !wn_suggest__in_conflict(model, z, t) &&
            is_better_introducer(model, z, best)) {
            best = z;
        }
    }
    return best;
}

/* The professional tied to @t (who supports the resident) with the fewest ties, or
 * G_MAXSIZE. */
static gsize
supporter(const WnSuggestModel *model, gsize t)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize nt = 0, best = G_MAXSIZE;
    const guint32 *xt = wn_suggest__neighbours(model, t, &nt);
    for (gsize i = 0; i < nt; i++) {
        if (net->kinds[xt[i]] == WN_NODE_PROFESSIONAL && is_better_introducer(model, xt[i], best)) {
            best = xt[i];
        }
    }
    return best;
}

/**
 * wn_suggest__introducer:
 * Who can introduce @t to @c: first a person (resident or professional, not in conflict
 * with @t) tied to both, a professional before a resident, then the fewest ties, then the
 * lower index (for a group @c, a resident so tied is a member @t knows); else the professional tied
 * to @t with the fewest ties, who supports @t and can take them along; else no one. Returns: the
 * introducer's node index, or G_MAXSIZE for no one; its role in @role_out.
 */
gsize
wn_suggest__introducer(const WnSuggestModel *model, gsize t, gsize c, WnIntroducerRole *role_out)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize z = tied_to_both(model, t, c);
    if (z != G_MAXSIZE) {
        *role_out = net->kinds[c] == WN_NODE_GROUP && net->kinds[z] == WN_NODE_RESIDENT
                        ? WN_INTRODUCER_MEMBER
                        : WN_INTRODUCER_BOTH;
        return z;
    }
    z = supporter(model, t);
    *role_out = z != G_MAXSIZE ? WN_INTRODUCER_SUPPORTER : WN_INTRODUCER_NONE;
    return z;
}

/**
 * wn_suggest__introducer_text:
 * Returns: (transfer full): the reason's last words on @z in @role: "R5 can introduce
 * them (knows both)", "… (a member they know)", "P3 can introduce them (supports them)",
 * or "no one known can introduce them".
 */
char *
wn_suggest__introducer_text(const WnSuggestModel *model, gsize z, WnIntroducerRole role)
{
    static const char *const why[] = {NULL, "knows both", "a member they know", "supports them"};
    const WnNetwork *net = wn_suggest__model_network(model);
    if (role == WN_INTRODUCER_NONE) {
        return g_strdup("no one known can introduce them");
    }
    return g_strdup_printf("%s (%s) can introduce them (%s)", net->ids[z],
                           wn_node_kind_name(net->kinds[z]), why[role]);
}
