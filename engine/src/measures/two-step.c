/* two-step.c: the nodes within two steps of each node, counted without walking a hub's
 * ties once per neighbour of the hub */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "measures.h"

#include <stdlib.h>

/* A neighbour with more ties than this is a hub: its ties are counted, not walked. */
#define HUB_DEGREE 128

/* One thread's marks and lists, reused node after node: seen[u] = v + 1 once u is met
 * from v, hub[u] = v + 1 when u is a hub next to v, in_union[u] likewise for the union of
 * the hubs' neighbours; union_count remembers that union's count for each set of hubs. */
struct _WnTwoStep {
    const WnCsr *csr;
    const guint8 *member, *counted;
    guint32 *seen, *hub, *in_union;
    GArray *met;  /* at-risk nodes met from v over v's ties and its non-hub neighbours */
    GArray *hubs; /* v's hub neighbours, in node order */
    GHashTable *union_count;
};

/**
 * wn_two_step__new:
 * A counter of the nodes within two steps of a node in the subgraph of @csr induced by
 * the nodes with @member set (NULL: every node) that have @counted set; one per thread.
 * @member and @counted (one byte per node) must outlive it.
 * Returns: (transfer full): the counter, 12·n bytes.
 */
WnTwoStep *
wn_two_step__new(const WnCsr *csr, const guint8 *member, const guint8 *counted)
{
    gsize n = csr->n;
    WnTwoStep *s = g_new0(WnTwoStep, 1);
    s->csr = csr;
    s->member = member;
    s->counted = counted;
    s->seen = g_new0(guint32, n + 1);
    s->hub = g_new0(guint32, n + 1);
    s->in_union = g_new0(guint32, n + 1);
    s->met = g_array_new(FALSE, FALSE, sizeof(guint32));
    s->hubs = g_array_new(FALSE, FALSE, sizeof(guint32));
    s->union_count =
        g_hash_table_new_full(g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
    return s;
}

/* Frees a counter of wn_two_step__new. Accepts NULL. */
void
wn_two_step__free(WnTwoStep *s)
{
    if (s == NULL) {
        return;
    }
    g_free(s->seen);
    g_free(s->hub);
    g_free(s->in_union);
    g_array_unref(s->met);
    g_array_unref(s->hubs);
    g_hash_table_unref(s->union_count);
    g_free(s);
}

static gboolean
is_member(const WnTwoStep *s, guint32 u)
{
    return s->member == NULL || s->member[u];
}

/* Lists @u in s->met once per @v when it is counted. */
static void
meet(WnTwoStep *s, guint32 v, guint32 u)
{
    if (s->seen[u] != v + 1) {
        s->seen[u] = v + 1;
        if (s->counted[u]) {
            g_array_append_val(s->met, u);
        }
    }
}

/* The counted members among the neighbours of any of s->hubs (v among them), remembered
 * by the set of hubs: nodes next to the same hubs share the walk. */
static gsize
count_hubs_union(WnTwoStep *s, guint32 v)
{
    const WnCsr *csr = s->csr;
    g_autoptr(GBytes) key = g_bytes_new(s->hubs->data, s->hubs->len * sizeof(guint32));
    gpointer found = NULL;
    if (g_hash_table_lookup_extended(s->union_count, key, NULL, &found)) {
        return GPOINTER_TO_SIZE(found);
    }
    gsize count = 0;
    for (guint i = 0; i < s->hubs->len; i++) {
        guint32 h = g_array_index(s->hubs, guint32, i);
        for (gsize j = csr->start[h]; j < csr->start[h + 1]; j++) {
            guint32 x = csr->adj[j];
            if (s->in_union[x] != v + 1 && is_member(s, x)) {
                s->in_union[x] = v + 1;
                count += s->counted[x];
            }
        }
    }
    g_hash_table_insert(s->union_count, g_steal_pointer(&key), GSIZE_TO_POINTER(count));
    return count;
}

/* Whether @x is tied to one of s->hubs: by walking x's ties or by looking each hub up
 * among them, whichever is shorter. */
static gboolean
next_to_a_hub(const WnTwoStep *s, guint32 v, guint32 x)
{
    const WnCsr *csr = s->csr;
    gsize degree = csr->start[x + 1] - csr->start[x];
    if (degree <= s->hubs->len) {
        for (gsize j = csr->start[x]; j < csr->start[x + 1]; j++) {
            if (s->hub[csr->adj[j]] == v + 1) {
                return TRUE;
            }
        }
        return FALSE;
    }
    for (guint i = 0; i < s->hubs->len; i++) {
        if (bsearch(&g_array_index(s->hubs, guint32, i), csr->adj + csr->start[x], degree,
                    sizeof(guint32), wn_number__compare_u32) != NULL) {
            return TRUE;
        }
    }
    return FALSE;
}

/**
 * wn_two_step__count:
 * The counted members at distance 1 or 2 of member @v (wn_two_step__new), @v itself
 * never: |M ∪ U| − [v counted], where M are those met over v's ties and over the ties
 * of its neighbours with at most 128 ties (v excluded), and U the counted neighbours of
 * its other neighbours, the hubs (v among them). A hub's ties are walked once per set of
 * hubs a node is next to, not once per neighbour of the hub; each node of M is checked
 * against the hubs instead.
 * Cost: O(Σ_{u ~ v, d_u ≤ 128} d_u), plus O(min(d_x, h·log d_x)) per x in M when v has h
 * hubs, plus their degrees the first time this counter meets that set of hubs.
 */
gsize
wn_two_step__count(WnTwoStep *s, guint32 v)
{
    const WnCsr *csr = s->csr;
    g_array_set_size(s->met, 0);
    g_array_set_size(s->hubs, 0);
    s->seen[v] = v + 1;
    for (gsize i = csr->start[v]; i < csr->start[v + 1]; i++) {
        guint32 u = csr->adj[i];
        if (!is_member(s, u)) {
            continue;
        }
        meet(s, v, u);
        if (csr->start[u + 1] - csr->start[u] > HUB_DEGREE) {
            s->hub[u] = v + 1;
            g_array_append_val(s->hubs, u);
            continue;
        }
        for (gsize j = csr->start[u]; j < csr->start[u + 1]; j++) {
            if (is_member(s, csr->adj[j])) {
                meet(s, v, csr->adj[j]);
            }
        }
    }
    if (s->hubs->len == 0) {
        return s->met->len;
    }
    gsize both = 0; /* in M and in U */
    for (guint i = 0; i < s->met->len; i++) {
        both += next_to_a_hub(s, v, g_array_index(s->met, guint32, i));
    }
    return s->met->len + count_hubs_union(s, v) - both - s->counted[v];
}
