/* changes.c: what differs for the residents between two networks of the same wijk: status,
 * the informal part they are in, their contacts, and the counts per status and area */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "whatif.h"

#include <string.h>

static gsize
find_root(gsize *parent, gsize v)
{
    while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

/* The informal parts (components of the informal layer) and their residents. */
static void
find_parts(WnWhatifState *s, const WnNetwork *net)
{
    g_autofree gsize *parent = g_new(gsize, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        parent[v] = v;
    }
    for (gsize t = 0; t < net->m; t++) {
        if (!wn_network__tie_is_formal(net, t)) {
            parent[find_root(parent, net->tie_from[t])] = find_root(parent, net->tie_to[t]);
        }
    }
    g_autofree gsize *residents = g_new0(gsize, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        residents[find_root(parent, v)] += net->kinds[v] == WN_NODE_RESIDENT;
    }
    gsize main_root = G_MAXSIZE;
    for (gsize v = 0; v < net->n; v++) {
        if (main_root == G_MAXSIZE || residents[v] > residents[main_root]) {
            main_root = v;
        }
    }
    s->main = g_new0(guint8, net->n + 1);
    s->part_size = g_new0(gsize, net->n + 1);
    s->main_size = main_root != G_MAXSIZE ? residents[main_root] : 0;
    for (gsize v = 0; v < net->n; v++) {
        gsize root = find_root(parent, v);
        s->main[v] = root == main_root && s->main_size > 1;
        s->part_size[v] = residents[root];
    }
}

/**
 * wn_whatif__state_init:
 * The status of every node (wn_isolation_status) and the informal parts: the components
 * of the informal layer, the main part being the one with the most residents (the first
 * in node order on a tie; none when every part has one resident or fewer).
 * Returns: FALSE on error (as wn_isolation_status).
 */
gboolean
wn_whatif__state_init(WnWhatifState *s, const WnNetwork *net, GError **error)
{
    memset(s, 0, sizeof *s);
    s->status = wn_isolation_status(net, error);
    if (s->status == NULL) {
        return FALSE;
    }
    find_parts(s, net);
    return TRUE;
}

void
wn_whatif__state_clear(WnWhatifState *s)
{
    g_clear_pointer(&s->status, g_array_unref);
    g_clear_pointer(&s->main, g_free);
    g_clear_pointer(&s->part_size, g_free);
}

/* The ids of @net's neighbours of @u that @other's @w lacks (all of them when @w is
 * G_MAXSIZE), those of one formality, joined by ", "; the count in @n_out. */
static char *
missing_contacts(const WnNetwork *net, gsize u, const WnNetwork *other, gsize w, gboolean formal,
                 gsize *n_out)
{
    const WnCsr *c = wn_csr__shared(net);
    const WnCsr *oc = wn_csr__shared(other);
    g_autoptr(GString) out = g_string_new(NULL);
    *n_out = 0;
    for (gsize k = c->start[u]; k < c->start[u + 1]; k++) {
        const char *id = net->ids[c->adj[k]];
        WnNodeKind kind = net->kinds[c->adj[k]];
        if ((kind == WN_NODE_PROFESSIONAL || kind == WN_NODE_ORGANISATION) != formal) {
            continue;
        }
        gsize x = 0;
        gboolean kept = FALSE;
        if (w != G_MAXSIZE && wn_network_node_lookup(other, id, &x)) {
            for (gsize j = oc->start[w]; j < oc->start[w + 1] && !kept; j++) {
                kept = oc->adj[j] == x;
            }
        }
        if (!kept) {
            g_string_append_printf(out, "%s%s", out->len > 0 ? ", " : "", id);
            (*n_out)++;
        }
    }
    return g_string_free(g_steal_pointer(&out), FALSE);
}

/* "informal contacts 2 → 0 (lost R3, G1)" for one formality. */
static void
append_contacts(GString *out, const WnNetwork *before, gsize u, const WnNetwork *after, gsize v,
                gboolean formal)
{
    gsize lost = 0, gained = 0;
    g_autofree char *lost_ids = missing_contacts(before, u, after, v, formal, &lost);
    g_autofree char *gained_ids = missing_contacts(after, v, before, u, formal, &gained);
    gsize had = 0, has = 0;
    g_free(missing_contacts(before, u, after, G_MAXSIZE, formal, &had));
    g_free(missing_contacts(after, v, before, G_MAXSIZE, formal, &has));
    g_string_append_printf(out, "%s%s contacts %" G_GSIZE_FORMAT " → %" G_GSIZE_FORMAT,
                           out->len > 0 ? "; " : "", formal ? "formal" : "informal", had, has);
    if (lost + gained > 0) {
        g_string_append(out, " (");
        g_string_append_printf(out, "%s%s", lost > 0 ? "lost " : "", lost_ids);
        g_string_append_printf(out, "%s%s%s)", lost > 0 && gained > 0 ? ", " : "",
                               gained > 0 ? "gained " : "", gained_ids);
    }
}

/**
 * wn_whatif__contacts_reason:
 * In words, how resident @u of @before and @v of @after differ in contacts: "informal
 * contacts 2 → 0 (lost R3, G1); formal contacts 1 → 1", contacts matched by id.
 * Returns: (transfer full): the text.
 */
char *
wn_whatif__contacts_reason(const WnNetwork *before, gsize u, const WnNetwork *after, gsize v)
{
    g_autoptr(GString) out = g_string_new(NULL);
    append_contacts(out, before, u, after, v, FALSE);
    append_contacts(out, before, u, after, v, TRUE);
    return g_string_free(g_steal_pointer(&out), FALSE);
}
