/* profile.c: what a group is like, from its members, so it can be suggested as an activity */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

/* The residents tied to group @g (any tie), counted. */
static gsize
member_count(const WnSuggestModel *model, gsize g)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize n = 0, members = 0;
    const guint32 *xs = wn_suggest__neighbours(model, g, &n);
    for (gsize i = 0; i < n; i++) {
        members += net->kinds[xs[i]] == WN_NODE_RESIDENT;
    }
    return members;
}

/* How many members must hold a value for the group to hold it. */
static gsize
needed(gsize members)
{
    return MAX(2, (members * WN_SUGGEST_GROUP_PERCENT + 99) / 100);
}

/* Appends to @out the values that needed() of @g's members hold, ascending; @count (one
 * slot per interned value) is zero on entry and on return. */
static void
member_tokens(const WnSuggestModel *model, gsize g, guint32 *count, GArray *out)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize n = 0, need = needed(member_count(model, g));
    const guint32 *xs = wn_suggest__neighbours(model, g, &n);
    guint start = out->len;
    for (int pass = 0; pass < 2; pass++) {
        for (gsize i = 0; i < n; i++) {
            gsize nt = 0;
            const guint32 *ts = wn_suggest__tokens(model, xs[i], &nt);
            for (gsize j = 0; j < nt && net->kinds[xs[i]] == WN_NODE_RESIDENT; j++) {
                if (pass == 1) {
                    count[ts[j]] = 0; /* the second pass clears what the first counted */
                } else if (++count[ts[j]] == need) {
                    g_array_append_val(out, ts[j]);
                }
            }
        }
    }
    if (out->len > start) { /* an empty GArray has no data: qsort must not see NULL */
        qsort(&g_array_index(out, guint32, start), out->len - start, sizeof(guint32),
              wn_number__compare_u32);
    }
}

/**
 * wn_suggest__profile_tokens:
 * The interests and languages of every node (wn_suggest__tokens), where a group without any
 * of its own takes those held by at least WN_SUGGEST_GROUP_PERCENT % (and at least two) of
 * its members, the residents tied to it.
 * Returns: the new lists in @offsets_out and @items_out (transfer full), in the layout of
 * wn_suggest__tokens.
 * Cost: O(n + Σ tokens of the members of each group).
 */
void
wn_suggest__profile_tokens(const WnSuggestModel *model, gsize n_tokens, guint32 **offsets_out,
                           guint32 **items_out)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    g_autofree guint32 *count = g_new0(guint32, n_tokens + 1);
    g_autoptr(GArray) items = g_array_new(FALSE, FALSE, sizeof(guint32));
    guint32 *offsets = g_new0(guint32, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        gsize nt = 0;
        const guint32 *ts = wn_suggest__tokens(model, v, &nt);
        if (net->kinds[v] == WN_NODE_GROUP && nt == 0) {
            member_tokens(model, v, count, items);
        } else {
            g_array_append_vals(items, ts, (guint) nt);
        }
        offsets[v + 1] = items->len;
    }
    *offsets_out = offsets;
    *items_out = (guint32 *) (void *) g_array_free(g_steal_pointer(&items), FALSE);
}

/**
 * wn_suggest__profile_band:
 * The age band of group @g's members: the band (the age_band cell as written) that most of
 * its resident members have, at least two and WN_SUGGEST_GROUP_PERCENT % of them; of equal
 * counts, the one of the member first in node order.
 * Returns: a borrowed cell of a member, or NULL when no band is that common.
 */
const char *
wn_suggest__profile_band(const WnSuggestModel *model, gsize g)
{
    const WnNetwork *net = wn_suggest__model_network(model);
    gsize n = 0, need = needed(member_count(model, g)), best_count = 0;
    const guint32 *xs = wn_suggest__neighbours(model, g, &n);
    const char *best = NULL;
    g_autoptr(GHashTable) counts = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize i = 0; i < n; i++) {
        const char *band = wn_suggest__age_band(model, xs[i]);
        if (net->kinds[xs[i]] != WN_NODE_RESIDENT || band == NULL) {
            continue;
        }
        gsize c = GPOINTER_TO_SIZE(g_hash_table_lookup(counts, band)) + 1;
        g_hash_table_insert(counts, (gpointer) band, GSIZE_TO_POINTER(c));
        if (c > best_count) {
            best = band;
            best_count = c;
        }
    }
    return best_count >= need ? best : NULL;
}
