/* compare.c: `wijknet compare`: two fieldwork waves of one wijk, matched by id, per resident */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "whatif.h"

#include <string.h>

/* The relations of @net as "idA\tidB\tkind" (ids in byte order), each once. */
static GHashTable *
relation_set(const WnNetwork *net)
{
    GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (gsize t = 0; t < net->m; t++) {
        const char *a = net->ids[net->tie_from[t]], *b = net->ids[net->tie_to[t]];
        if (strcmp(a, b) > 0) {
            const char *x = a;
            a = b, b = x;
        }
        WnRelations relations = net->tie_relations[t];
        for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
            if (relations & WN_RELATION(k)) {
                g_hash_table_add(set, g_strdup_printf("%s\t%s\t%u", a, b, k));
            }
        }
    }
    return set;
}

/* Per node of @net: how many of its relations @other lacks, by tie kind. */
static gint64 *
relations_missing(const WnNetwork *net, GHashTable *own, GHashTable *other)
{
    gint64 *missing = g_new0(gint64, (net->n + 1) * WN_TIE_KIND_COUNT);
    GHashTableIter iter;
    gpointer key = NULL;
    g_hash_table_iter_init(&iter, own);
    while (g_hash_table_iter_next(&iter, &key, NULL)) {
        if (g_hash_table_contains(other, key)) {
            continue;
        }
        g_auto(GStrv) parts = g_strsplit(key, "\t", 3);
        guint kind = (guint) g_ascii_strtoull(parts[2], NULL, 10);
        for (gsize e = 0; e < 2; e++) {
            gsize v = 0;
            if (wn_network_node_lookup(net, parts[e], &v)) {
                missing[v * WN_TIE_KIND_COUNT + kind]++;
            }
        }
    }
    return missing;
}

/* "friend:2|member:1" of the kinds counted in @by_kind; the total in @total_out. */
static char *
by_kind_text(const gint64 *by_kind, gint64 *total_out)
{
    g_autoptr(GString) out = g_string_new(NULL);
    *total_out = 0;
    for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
        if (by_kind[k] > 0) {
            g_string_append_printf(out, "%s%s:%" G_GINT64_FORMAT, out->len > 0 ? "|" : "",
                                   wn_tie_kind_name((WnTieKind) k), by_kind[k]);
            *total_out += by_kind[k];
        }
    }
    return g_string_free(g_steal_pointer(&out), FALSE);
}

/**
 * wn_compare__match:
 * The residents of @w1 (node order), then those of @w2 that @w1 lacks (node order), each
 * with its node in either wave, matched by id only; G_MAXSIZE where a wave lacks it.
 * Returns: (transfer full) (element-type gsize pairs): the matches.
 */
GArray *
wn_compare__match(const WnNetwork *w1, const WnNetwork *w2)
{
    GArray *matches = g_array_new(FALSE, FALSE, sizeof(WnMatch));
    for (gsize u = 0; u < w1->n; u++) {
        gsize v = 0;
        if (w1->kinds[u] != WN_NODE_RESIDENT) {
            continue;
        }
        gboolean both =
            wn_network_node_lookup(w2, w1->ids[u], &v) && w2->kinds[v] == WN_NODE_RESIDENT;
        WnMatch m = {u, both ? v : G_MAXSIZE};
        g_array_append_val(matches, m);
    }
    for (gsize v = 0; v < w2->n; v++) {
        gsize u = 0;
        if (w2->kinds[v] == WN_NODE_RESIDENT &&
            !(wn_network_node_lookup(w1, w2->ids[v], &u) && w1->kinds[u] == WN_NODE_RESIDENT)) {
            WnMatch m = {G_MAXSIZE, v};
            g_array_append_val(matches, m);
        }
    }
    return matches;
}

typedef struct {
    GPtrArray *ids, *areas, *waves, *s1, *s2, *gained_types, *lost_types;
    GArray *gained, *lost;
} ResidentRows;

static const char *
status_name(const GArray *status, gsize v)
{
    return v == G_MAXSIZE ? NULL : wn_isolation_status_name(g_array_index(status, guint8, v));
}

static void
add_resident(ResidentRows *r, const WnNetwork *w1, const WnNetwork *w2, const WnMatch *m,
             const GArray *st1, const GArray *st2, const gint64 *lost, const gint64 *gained)
{
    static const gint64 none[WN_TIE_KIND_COUNT] = {0};
    const WnNetwork *net = m->v != G_MAXSIZE ? w2 : w1;
    gsize x = m->v != G_MAXSIZE ? m->v : m->u;
    g_ptr_array_add(r->ids, (gpointer) net->ids[x]);
    g_ptr_array_add(r->areas, (gpointer) (net->areas[x] != NULL ? net->areas[x] : ""));
    g_ptr_array_add(r->waves, (gpointer) (m->u == G_MAXSIZE   ? "wave2"
                                          : m->v == G_MAXSIZE ? "wave1"
                                                              : "both"));
    g_ptr_array_add(r->s1, (gpointer) status_name(st1, m->u));
    g_ptr_array_add(r->s2, (gpointer) status_name(st2, m->v));
    gint64 g = 0, l = 0;
    g_ptr_array_add(r->gained_types,
                    by_kind_text(m->v != G_MAXSIZE ? &gained[m->v * WN_TIE_KIND_COUNT] : none, &g));
    g_ptr_array_add(r->lost_types,
                    by_kind_text(m->u != G_MAXSIZE ? &lost[m->u * WN_TIE_KIND_COUNT] : none, &l));
    g_array_append_val(r->gained, g);
    g_array_append_val(r->lost, l);
}

static WnTable *
residents_table(ResidentRows *r)
{
    WnTable *t = wn_table__new(r->gained->len);
    g_ptr_array_add(r->s1, NULL); /* so that an empty table has data */
    g_ptr_array_add(r->s2, NULL);
    wn_table__add_strings(t, "id", (const char *const *) r->ids->pdata);
    wn_table__add_strings(t, "area", (const char *const *) r->areas->pdata);
    wn_table__add_strings(t, "in_waves", (const char *const *) r->waves->pdata);
    wn_table__add_strings(t, "status_wave1", (const char *const *) r->s1->pdata);
    wn_table__add_strings(t, "status_wave2", (const char *const *) r->s2->pdata);
    wn_table__add_ints(t, "ties_gained", (gint64 *) r->gained->data, NULL);
    wn_table__add_ints(t, "ties_lost", (gint64 *) r->lost->data, NULL);
    wn_table__add_strings(t, "gained_by_type", (const char *const *) r->gained_types->pdata);
    wn_table__add_strings(t, "lost_by_type", (const char *const *) r->lost_types->pdata);
    return t;
}

/**
 * wn_compare__residents_table:
 * One row per resident of either wave (wn_compare__match order): id, area (wave 2's, or
 * wave 1's for a resident who left), in_waves ("both", "wave1", "wave2"), status_wave1 and
 * status_wave2 (missing in the wave that lacks the resident), ties_gained and ties_lost
 * (relations, a pair of ids and a tie type, in one wave only), gained_by_type and
 * lost_by_type ("friend:2|member:1").
 * Returns: (transfer full): the table.
 */
WnTable *
wn_compare__residents_table(const WnNetwork *w1, const GArray *st1, const WnNetwork *w2,
                            const GArray *st2, const GArray *matches)
{
    g_autoptr(GHashTable) r1 = relation_set(w1);
    g_autoptr(GHashTable) r2 = relation_set(w2);
    g_autofree gint64 *lost = relations_missing(w1, r1, r2);
    g_autofree gint64 *gained = relations_missing(w2, r2, r1);
    ResidentRows r = {g_ptr_array_new(),
                      g_ptr_array_new(),
                      g_ptr_array_new(),
                      g_ptr_array_new(),
                      g_ptr_array_new(),
                      g_ptr_array_new_with_free_func(g_free),
                      g_ptr_array_new_with_free_func(g_free),
                      g_array_new(FALSE, FALSE, sizeof(gint64)),
                      g_array_new(FALSE, FALSE, sizeof(gint64))};
    for (guint i = 0; i < matches->len; i++) {
        add_resident(&r, w1, w2, &g_array_index(matches, WnMatch, i), st1, st2, lost, gained);
    }
    for (gsize k = 0; k < 3; k++) { /* the other string arrays need data when empty too */
        g_ptr_array_add(k == 0 ? r.ids : k == 1 ? r.areas : r.waves, NULL);
    }
    g_ptr_array_add(r.gained_types, NULL);
    g_ptr_array_add(r.lost_types, NULL);
    WnTable *t = residents_table(&r);
    g_ptr_array_unref(r.ids), g_ptr_array_unref(r.areas), g_ptr_array_unref(r.waves);
    g_ptr_array_unref(r.s1), g_ptr_array_unref(r.s2);
    g_ptr_array_unref(r.gained_types), g_ptr_array_unref(r.lost_types);
    g_array_unref(r.gained), g_array_unref(r.lost);
    return t;
}
