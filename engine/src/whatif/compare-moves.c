/* compare-moves.c: how many residents moved into and out of each status between two waves,
 * overall and per area; how many suggested contacts formed */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "whatif.h"

static const WnStatus statuses[] = {WN_STATUS_ISOLATED, WN_STATUS_FORMAL_ONLY, WN_STATUS_FRAGILE,
                                    WN_STATUS_CONNECTED};
enum { N_STATUS = G_N_ELEMENTS(statuses), N_MEASURES = 6 };
static const char *const measures[N_MEASURES] = {"wave1",     "wave2", "moved_in",
                                                 "moved_out", "left",  "joined"};

/* Adds one resident to @counts (N_STATUS × N_MEASURES). */
static void
count_match(gint64 *counts, const WnMatch *m, const GArray *st1, const GArray *st2)
{
    for (gsize k = 0; k < N_STATUS; k++) {
        gboolean was = m->u != G_MAXSIZE && g_array_index(st1, guint8, m->u) == statuses[k];
        gboolean is = m->v != G_MAXSIZE && g_array_index(st2, guint8, m->v) == statuses[k];
        gboolean both = m->u != G_MAXSIZE && m->v != G_MAXSIZE;
        gint64 *c = &counts[k * N_MEASURES];
        c[0] += was;
        c[1] += is;
        c[2] += both && is && !was;
        c[3] += both && was && !is;
        c[4] += was && m->v == G_MAXSIZE;
        c[5] += is && m->u == G_MAXSIZE;
    }
}

typedef struct {
    GPtrArray *scope, *area, *status;
    GArray *values[N_MEASURES], *hidden[N_MEASURES];
} MoveRows;

static void
add_rows(MoveRows *r, const char *area, const gint64 *counts, guint min_cell)
{
    for (gsize k = 0; k < N_STATUS; k++) {
        g_ptr_array_add(r->scope, (gpointer) (area != NULL ? "area" : "all"));
        g_ptr_array_add(r->area, (gpointer) (area != NULL ? area : ""));
        g_ptr_array_add(r->status, (gpointer) wn_isolation_status_name(statuses[k]));
        for (gsize j = 0; j < N_MEASURES; j++) {
            gint64 x = counts[k * N_MEASURES + j];
            gboolean hide = area != NULL && x > 0 && x < (gint64) min_cell;
            g_array_append_val(r->values[j], x);
            g_array_append_val(r->hidden[j], hide);
        }
    }
}

static const char *
area_of(const WnNetwork *w1, const WnNetwork *w2, const WnMatch *m)
{
    const char *a = m->v != G_MAXSIZE ? w2->areas[m->v] : w1->areas[m->u];
    return a != NULL ? a : "";
}

static gint
by_text(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(const char *const *) a, *(const char *const *) b);
}

/* The areas of every match in byte order, and their counts in @by_area. */
static GPtrArray *
count_areas(GHashTable *by_area, const WnNetwork *w1, const WnNetwork *w2, const GArray *matches,
            const GArray *st1, const GArray *st2)
{
    GPtrArray *areas = g_ptr_array_new();
    for (guint i = 0; i < matches->len; i++) {
        const WnMatch *m = &g_array_index(matches, WnMatch, i);
        const char *area = area_of(w1, w2, m);
        gint64 *counts = g_hash_table_lookup(by_area, area);
        if (counts == NULL) {
            counts = g_new0(gint64, N_STATUS * N_MEASURES);
            g_hash_table_insert(by_area, (gpointer) area, counts);
            g_ptr_array_add(areas, (gpointer) area);
        }
        count_match(counts, m, st1, st2);
    }
    g_ptr_array_sort(areas, by_text);
    return areas;
}

/**
 * wn_compare__moves_table:
 * Per status (isolated, formal_only, fragile, connected): residents in it in wave 1 and in
 * wave 2; of the residents in both waves, those who moved into it and out of it; of those
 * in one wave only, the ones who left from it and joined in it, so that wave2 = wave1 +
 * moved_in − moved_out − left + joined. First the whole wijk (`scope` "all"), then each
 * area in byte order, a resident counted in its wave-2 area (wave 1's if it left); in an
 * area a count from 1 to @min_cell − 1 is missing.
 * Returns: (transfer full): the table.
 */
WnTable *
wn_compare__moves_table(const WnNetwork *w1, const GArray *st1, const WnNetwork *w2,
                        const GArray *st2, const GArray *matches, guint min_cell)
{
    g_autoptr(GHashTable) by_area = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    g_autoptr(GPtrArray) areas = count_areas(by_area, w1, w2, matches, st1, st2);
    gint64 total[N_STATUS * N_MEASURES] = {0};
    for (guint i = 0; i < matches->len; i++) {
        count_match(total, &g_array_index(matches, WnMatch, i), st1, st2);
    }
    MoveRows r = {g_ptr_array_new(), g_ptr_array_new(), g_ptr_array_new(), {NULL}, {NULL}};
    for (gsize j = 0; j < N_MEASURES; j++) {
        r.values[j] = g_array_new(FALSE, FALSE, sizeof(gint64));
        r.hidden[j] = g_array_new(FALSE, FALSE, sizeof(gboolean));
    }
    add_rows(&r, NULL, total, min_cell);
    for (guint i = 0; i < areas->len; i++) {
        const char *area = g_ptr_array_index(areas, i);
        add_rows(&r, area, g_hash_table_lookup(by_area, area), min_cell);
    }
    WnTable *t = wn_table__new(r.scope->len);
    wn_table__add_strings(t, "scope", (const char *const *) r.scope->pdata);
    wn_table__add_strings(t, "area", (const char *const *) r.area->pdata);
    wn_table__add_strings(t, "status", (const char *const *) r.status->pdata);
    for (gsize j = 0; j < N_MEASURES; j++) {
        wn_table__add_ints(t, measures[j], (gint64 *) r.values[j]->data,
                           (gboolean *) r.hidden[j]->data);
        g_array_unref(r.values[j]), g_array_unref(r.hidden[j]);
    }
    g_ptr_array_unref(r.scope), g_ptr_array_unref(r.area), g_ptr_array_unref(r.status);
    return t;
}
