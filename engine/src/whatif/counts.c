/* counts.c: residents per status before and after, overall and per area, small cells hidden */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "whatif.h"

/* The statuses of residents, in the order a community worker reads them. */
static const WnStatus statuses[] = {WN_STATUS_ISOLATED, WN_STATUS_FORMAL_ONLY, WN_STATUS_FRAGILE,
                                    WN_STATUS_CONNECTED};
#define N_STATUS G_N_ELEMENTS(statuses)

static const char *
area_of(const WnNetwork *net, gsize v)
{
    return net->areas[v] != NULL ? net->areas[v] : "";
}

/* Per area: N_STATUS counts of @net's residents, added into @by_area (area → gint64[N]). */
static void
count_into(GHashTable *by_area, const WnNetwork *net, const WnWhatifState *s, gsize side)
{
    for (gsize v = 0; v < net->n; v++) {
        guint8 status = g_array_index(s->status, guint8, v);
        if (status == WN_STATUS_NOT_RESIDENT) {
            continue;
        }
        gint64 *counts = g_hash_table_lookup(by_area, area_of(net, v));
        if (counts == NULL) {
            counts = g_new0(gint64, 2 * N_STATUS);
            g_hash_table_insert(by_area, g_strdup(area_of(net, v)), counts);
        }
        for (gsize k = 0; k < N_STATUS; k++) {
            counts[side * N_STATUS + k] += statuses[k] == status;
        }
    }
}

typedef struct {
    GPtrArray *scope, *area, *status;
    GArray *before, *after, *change;                /* gint64 */
    GArray *hide_before, *hide_after, *hide_change; /* gboolean */
} Rows;

static void
add_row(Rows *r, const char *area, gsize k, const gint64 *counts, guint min_cell)
{
    gint64 b = counts[k], a = counts[N_STATUS + k];
    gboolean hb = area != NULL && b > 0 && b < (gint64) min_cell;
    gboolean ha = area != NULL && a > 0 && a < (gint64) min_cell;
    gboolean hc = hb || ha;
    gint64 c = a - b;
    g_ptr_array_add(r->scope, (gpointer) (area != NULL ? "area" : "all"));
    g_ptr_array_add(r->area, (gpointer) (area != NULL ? area : ""));
    g_ptr_array_add(r->status, (gpointer) wn_isolation_status_name(statuses[k]));
    g_array_append_val(r->before, b);
    g_array_append_val(r->after, a);
    g_array_append_val(r->change, c);
    g_array_append_val(r->hide_before, hb);
    g_array_append_val(r->hide_after, ha);
    g_array_append_val(r->hide_change, hc);
}

static WnTable *
rows_table(Rows *r)
{
    WnTable *t = wn_table__new(r->scope->len);
    wn_table__add_strings(t, "scope", (const char *const *) r->scope->pdata);
    wn_table__add_strings(t, "area", (const char *const *) r->area->pdata);
    wn_table__add_strings(t, "status", (const char *const *) r->status->pdata);
    wn_table__add_ints(t, "before", (gint64 *) r->before->data, (gboolean *) r->hide_before->data);
    wn_table__add_ints(t, "after", (gint64 *) r->after->data, (gboolean *) r->hide_after->data);
    wn_table__add_ints(t, "change", (gint64 *) r->change->data, (gboolean *) r->hide_change->data);
    return t;
}

static gint
by_text(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(const char *const *) a, *(const char *const *) b);
}

/**
 * wn_whatif__counts_table:
 * Residents per status (isolated, formal_only, fragile, connected) in @before and @after:
 * first the whole network (`scope` "all"), then each area in byte order (`scope` "area",
 * residents without an area under ""). Columns: scope, area, status, before, after,
 * change (after − before). In an area, a count from 1 to @min_cell − 1 is missing (a
 * small cell could point at a person), and so is the change beside it.
 * Returns: (transfer full): the table.
 */
WnTable *
wn_whatif__counts_table(const WnNetwork *before, const WnWhatifState *sb, const WnNetwork *after,
                        const WnWhatifState *sa, guint min_cell)
{
    g_autoptr(GHashTable) by_area = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    count_into(by_area, before, sb, 0);
    count_into(by_area, after, sa, 1);
    g_autofree gint64 *total = g_new0(gint64, 2 * N_STATUS);
    g_autoptr(GPtrArray) areas = g_ptr_array_new();
    GHashTableIter iter;
    gpointer key = NULL;
    g_hash_table_iter_init(&iter, by_area);
    while (g_hash_table_iter_next(&iter, &key, NULL)) {
        g_ptr_array_add(areas, key);
    }
    g_ptr_array_sort(areas, by_text);
    for (guint i = 0; i < areas->len; i++) {
        const gint64 *counts = g_hash_table_lookup(by_area, g_ptr_array_index(areas, i));
        for (gsize k = 0; k < 2 * N_STATUS; k++) {
            total[k] += counts[k];
        }
    }
    Rows r = {g_ptr_array_new(),
              g_ptr_array_new(),
              g_ptr_array_new(),
              g_array_new(FALSE, FALSE, sizeof(gint64)),
              g_array_new(FALSE, FALSE, sizeof(gint64)),
              g_array_new(FALSE, FALSE, sizeof(gint64)),
              g_array_new(FALSE, FALSE, sizeof(gboolean)),
              g_array_new(FALSE, FALSE, sizeof(gboolean)),
              g_array_new(FALSE, FALSE, sizeof(gboolean))};
    for (gsize k = 0; k < N_STATUS; k++) {
        add_row(&r, NULL, k, total, min_cell);
    }
    for (guint i = 0; i < areas->len; i++) {
        const char *area = g_ptr_array_index(areas, i);
        for (gsize k = 0; k < N_STATUS; k++) {
            add_row(&r, area, k, g_hash_table_lookup(by_area, area), min_cell);
        }
    }
    WnTable *t = rows_table(&r);
    g_ptr_array_unref(r.scope), g_ptr_array_unref(r.area), g_ptr_array_unref(r.status);
    g_array_unref(r.before), g_array_unref(r.after), g_array_unref(r.change);
    g_array_unref(r.hide_before), g_array_unref(r.hide_after), g_array_unref(r.hide_change);
    return t;
}
