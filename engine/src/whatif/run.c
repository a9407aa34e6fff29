/* run.c: the tables of a scenario: who changes status or is cut off, the cut points and the
 * key figures before and after */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "whatif.h"

#include <string.h>

struct _WnWhatif {
    WnNetwork *after;
    WnTable *changes, *counts, *cut_points, *key_figures;
};

/**
 * wn_whatif_free:
 * Frees @w, its network and its tables; accepts NULL.
 */
void
wn_whatif_free(WnWhatif *w)
{
    if (w == NULL) {
        return;
    }
    wn_network_free(w->after);
    wn_table_free(w->changes);
    wn_table_free(w->counts);
    wn_table_free(w->cut_points);
    wn_table_free(w->key_figures);
    g_free(w);
}

/* A resident whose status changed, or who fell out of the main informal part. */
typedef struct {
    gsize u, v; /* before, after */
    guint8 before, after;
    gboolean cut_off;
} Change;

static gint
by_severity(gconstpointer a, gconstpointer b, gpointer data)
{
    const Change *x = a, *y = b;
    const WnNetwork *net = data;
    if (x->after != y->after) {
        return x->after > y->after ? -1 : 1; /* isolated first (WnStatus counts down) */
    }
    if (x->cut_off != y->cut_off) {
        return x->cut_off ? -1 : 1;
    }
    return strcmp(net->ids[x->u], net->ids[y->u]);
}

static GArray *
find_changes(const WnNetwork *before, const WnWhatifState *sb, const WnNetwork *after,
             const WnWhatifState *sa)
{
    GArray *changes = g_array_new(FALSE, FALSE, sizeof(Change));
    for (gsize u = 0; u < before->n; u++) {
        gsize v = 0;
        if (before->kinds[u] != WN_NODE_RESIDENT ||
            !wn_network_node_lookup(after, before->ids[u], &v)) {
            continue;
        }
        Change c = {u, v, g_array_index(sb->status, guint8, u),
                    g_array_index(sa->status, guint8, v), sb->main[u] && !sa->main[v]};
        if (c.before != c.after || c.cut_off) {
            g_array_append_val(changes, c);
        }
    }
    g_array_sort_with_data(changes, by_severity, (gpointer) before);
    return changes;
}

/* What the new status means, in words; "" when the status stays. */
static const char *
verdict(const Change *c)
{
    static const char *const words[] = {"now connected: ", "now a fragile network: ",
                                        "now only a professional: ", "now without any contact: "};
    return c->before != c->after && c->after < G_N_ELEMENTS(words) ? words[c->after] : "";
}

static char *
reason_of(const WnNetwork *before, const WnNetwork *after, const WnWhatifState *sa, const Change *c)
{
    g_autofree char *contacts = wn_whatif__contacts_reason(before, c->u, after, c->v);
    if (!c->cut_off) {
        return g_strconcat(verdict(c), contacts, NULL);
    }
    return g_strdup_printf("%s%s; cut off from the main informal network (now in a part of "
                           "%" G_GSIZE_FORMAT " resident%s)",
                           verdict(c), contacts, sa->part_size[c->v],
                           sa->part_size[c->v] == 1 ? "" : "s");
}

/**
 * wn_whatif__changes_table:
 * One row per resident of @before also in @after (matched by id) whose status differs,
 * or who was in the main informal part and is not in it any more (`cut_off` 1): id,
 * area, status_before, status_after, cut_off, reason (what the new status means, then the
 * contacts lost and gained, by id: "now without any contact: informal contacts 1 → 0
 * (lost r2); formal contacts 0 → 0"). The newly isolated first, then formal_only, fragile,
 * connected; within a status the cut off first, then by id. Returns: (transfer full): the table.
 */
WnTable *
wn_whatif__changes_table(const WnNetwork *before, const WnWhatifState *sb, const WnNetwork *after,
                         const WnWhatifState *sa)
{
    g_autoptr(GArray) changes = find_changes(before, sb, after, sa);
    gsize n = changes->len;
    g_autofree const char **ids = g_new0(const char *, n + 1);
    g_autofree const char **areas = g_new0(const char *, n + 1);
    g_autofree const char **was = g_new0(const char *, n + 1);
    g_autofree const char **is = g_new0(const char *, n + 1);
    g_autofree gint64 *cut = g_new0(gint64, n + 1);
    g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func(g_free);
    for (gsize i = 0; i < n; i++) {
        const Change *c = &g_array_index(changes, Change, i);
        ids[i] = before->ids[c->u];
        areas[i] = before->areas[c->u] != NULL ? before->areas[c->u] : "";
        was[i] = wn_isolation_status_name(c->before);
        is[i] = wn_isolation_status_name(c->after);
        cut[i] = c->cut_off;
        g_ptr_array_add(reasons, reason_of(before, after, sa, c));
    }
    g_ptr_array_add(reasons, NULL);
    WnTable *t = wn_table__new(n);
    wn_table__add_strings(t, "id", ids);
    wn_table__add_strings(t, "area", areas);
    wn_table__add_strings(t, "status_before", was);
    wn_table__add_strings(t, "status_after", is);
    wn_table__add_ints(t, "cut_off", cut, NULL);
    wn_table__add_strings(t, "reason", (const char *const *) reasons->pdata);
    return t;
}

/**
 * wn_whatif_run:
 * Applies the scenario @opts to a copy of @net (wn_whatif_apply) and compares: the
 * residents who change status or are cut off from the main informal part, with why
 * (wn_whatif_changes); residents per status before and after, overall and per area with
 * counts below opts->min_cell hidden (wn_whatif_counts); the cut points made, undone or
 * changed (wn_whatif_cut_points); the first ten key figures after, with their rank before
 * (wn_whatif_key_figures). @net and its dataset are not changed.
 * Returns: (transfer full): the result, or NULL on error (as wn_whatif_apply).
 */
WnWhatif *
wn_whatif_run(const WnNetwork *net, const WnWhatifOptions *opts, GError **error)
{
    g_autoptr(WnWhatif) w = g_new0(WnWhatif, 1);
    w->after = wn_whatif_apply(net, opts, error);
    g_auto(WnWhatifState) sb = {0};
    g_auto(WnWhatifState) sa = {0};
    if (w->after == NULL || !wn_whatif__state_init(&sb, net, error) ||
        !wn_whatif__state_init(&sa, w->after, error)) {
        return NULL;
    }
    w->changes = wn_whatif__changes_table(net, &sb, w->after, &sa);
    w->counts = wn_whatif__counts_table(net, &sb, w->after, &sa, opts->min_cell);
    w->cut_points = wn_whatif__cut_points_table(net, w->after, error);
    w->key_figures =
        w->cut_points != NULL ? wn_whatif__key_figures_table(net, w->after, 10, error) : NULL;
    return w->key_figures != NULL ? g_steal_pointer(&w) : NULL;
}

/* Returns: the network after the scenario, owned by @w. */
const WnNetwork *
wn_whatif_network(const WnWhatif *w)
{
    return w->after;
}

/* Returns: the residents who change status or are cut off (wn_whatif_run), owned by @w. */
const WnTable *
wn_whatif_changes(const WnWhatif *w)
{
    return w->changes;
}

/* Returns: residents per status before and after, overall and per area, owned by @w. */
const WnTable *
wn_whatif_counts(const WnWhatif *w)
{
    return w->counts;
}

/* Returns: the cut points made, undone or changed, owned by @w. */
const WnTable *
wn_whatif_cut_points(const WnWhatif *w)
{
    return w->cut_points;
}

/* Returns: the first ten key figures after, with their rank before, owned by @w. */
const WnTable *
wn_whatif_key_figures(const WnWhatif *w)
{
    return w->key_figures;
}
