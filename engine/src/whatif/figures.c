/* figures.c: the cut points and the key figures of a scenario, before beside after */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "whatif.h"

/* id → the int in @column of each row of @t, as GINT_TO_POINTER(value + 1). */
static GHashTable *
ints_by_id(const WnTable *t, const char *column)
{
    GHashTable *by_id = g_hash_table_new(g_str_hash, g_str_equal);
    gsize id = 0, col = 0;
    if (!wn_table_column_lookup(t, "id", &id) || !wn_table_column_lookup(t, column, &col)) {
        return by_id;
    }
    for (gsize row = 0; row < wn_table_row_count(t); row++) {
        g_hash_table_insert(by_id, (gpointer) wn_table_cell_string(t, row, id),
                            GSIZE_TO_POINTER((gsize) wn_table_cell_int(t, row, col) + 1));
    }
    return by_id;
}

/* Looks @id up in @by_id; FALSE when absent. */
static gboolean
lookup_int(GHashTable *by_id, const char *id, gint64 *out)
{
    gpointer p = g_hash_table_lookup(by_id, id);
    *out = p != NULL ? (gint64) GPOINTER_TO_SIZE(p) - 1 : 0;
    return p != NULL;
}

typedef struct {
    GPtrArray *ids, *changes;
    GArray *before, *after, *no_before, *no_after;
} CutRows;

static void
add_cut_row(CutRows *r, const char *id, GHashTable *before, GHashTable *after)
{
    gint64 b = 0, a = 0;
    gboolean has_b = lookup_int(before, id, &b), has_a = lookup_int(after, id, &a);
    const char *change = !has_b ? "new" : !has_a ? "gone" : a > b ? "more" : "fewer";
    if (has_b && has_a && a == b) {
        return;
    }
    gboolean no_b = !has_b, no_a = !has_a;
    g_ptr_array_add(r->ids, (gpointer) id);
    g_ptr_array_add(r->changes, (gpointer) change);
    g_array_append_val(r->before, b);
    g_array_append_val(r->after, a);
    g_array_append_val(r->no_before, no_b);
    g_array_append_val(r->no_after, no_a);
}

/**
 * wn_whatif__cut_points_table:
 * The articulation points (wn_cuts_articulation_points) that the change from @before to
 * @after makes, undoes or changes: id, cut_off_before and cut_off_after (the residents it
 * alone connects; missing when it is no cut point then), change ("new", "gone", "more",
 * "fewer"). Rows: those of @before by id, then the new ones by id.
 * Returns: (transfer full): the table; NULL on error.
 */
WnTable *
wn_whatif__cut_points_table(const WnNetwork *before, const WnNetwork *after, GError **error)
{
    g_autoptr(WnTable) tb = wn_cuts_articulation_points(before, error);
    g_autoptr(WnTable) ta = tb != NULL ? wn_cuts_articulation_points(after, error) : NULL;
    if (ta == NULL) {
        return NULL;
    }
    g_autoptr(GHashTable) b = ints_by_id(tb, "cut_off_residents");
    g_autoptr(GHashTable) a = ints_by_id(ta, "cut_off_residents");
    CutRows r = {g_ptr_array_new(),
                 g_ptr_array_new(),
                 g_array_new(FALSE, FALSE, sizeof(gint64)),
                 g_array_new(FALSE, FALSE, sizeof(gint64)),
                 g_array_new(FALSE, FALSE, sizeof(gboolean)),
                 g_array_new(FALSE, FALSE, sizeof(gboolean))};
    gsize id = 0;
    wn_table_column_lookup(tb, "id", &id);
    for (gsize row = 0; row < wn_table_row_count(tb); row++) {
        add_cut_row(&r, wn_table_cell_string(tb, row, id), b, a);
    }
    for (gsize row = 0; row < wn_table_row_count(ta); row++) {
        const char *x = wn_table_cell_string(ta, row, id);
        if (!g_hash_table_contains(b, x)) {
            add_cut_row(&r, x, b, a);
        }
    }
    g_ptr_array_add(r.ids, NULL);
    g_ptr_array_add(r.changes, NULL);
    WnTable *t = wn_table__new(r.before->len);
    wn_table__add_strings(t, "id", (const char *const *) r.ids->pdata);
    wn_table__add_ints(t, "cut_off_before", (gint64 *) r.before->data,
                       (gboolean *) r.no_before->data);
    wn_table__add_ints(t, "cut_off_after", (gint64 *) r.after->data, (gboolean *) r.no_after->data);
    wn_table__add_strings(t, "change", (const char *const *) r.changes->pdata);
    g_ptr_array_unref(r.ids), g_ptr_array_unref(r.changes);
    g_array_unref(r.before), g_array_unref(r.after);
    g_array_unref(r.no_before), g_array_unref(r.no_after);
    return t;
}

/* Copies string column @name of @from's rows into @to. */
static void
copy_strings(WnTable *to, const WnTable *from, const char *name)
{
    gsize col = 0, n = wn_table_row_count(from);
    g_autofree const char **values = g_new0(const char *, n + 1);
    if (wn_table_column_lookup(from, name, &col)) {
        for (gsize row = 0; row < n; row++) {
            values[row] = wn_table_cell_string(from, row, col);
        }
    }
    wn_table__add_strings(to, name, values);
}

/* Copies int column @name of @from's rows into @to. */
static void
copy_ints(WnTable *to, const WnTable *from, const char *name)
{
    gsize col = 0, n = wn_table_row_count(from);
    g_autofree gint64 *values = g_new0(gint64, n + 1);
    if (wn_table_column_lookup(from, name, &col)) {
        for (gsize row = 0; row < n; row++) {
            values[row] = wn_table_cell_int(from, row, col);
        }
    }
    wn_table__add_ints(to, name, values, NULL);
}

/**
 * wn_whatif__key_figures_table:
 * The first @top key figures (wn_key_figures_table, persons) of @after with their rank
 * before: rank, id, type, rank_before (missing when not listed before), at_risk_reach,
 * only_link and reason.
 * Returns: (transfer full): the table; NULL on error.
 */
WnTable *
wn_whatif__key_figures_table(const WnNetwork *before, const WnNetwork *after, guint top,
                             GError **error)
{
    g_autoptr(WnTable) kb = wn_key_figures_table(before, WN_KEY_PERSONS, 0, error);
    g_autoptr(WnTable) ka =
        kb != NULL ? wn_key_figures_table(after, WN_KEY_PERSONS, top, error) : NULL;
    if (ka == NULL) {
        return NULL;
    }
    g_autoptr(GHashTable) ranks = ints_by_id(kb, "rank");
    gsize n = wn_table_row_count(ka), id = 0;
    wn_table_column_lookup(ka, "id", &id);
    g_autofree gint64 *rank_before = g_new0(gint64, n + 1);
    g_autofree gboolean *missing = g_new0(gboolean, n + 1);
    for (gsize row = 0; row < n; row++) {
        missing[row] = !lookup_int(ranks, wn_table_cell_string(ka, row, id), &rank_before[row]);
    }
    WnTable *t = wn_table__new(n);
    copy_ints(t, ka, "rank");
    copy_strings(t, ka, "id");
    copy_strings(t, ka, "type");
    wn_table__add_ints(t, "rank_before", rank_before, missing);
    copy_ints(t, ka, "at_risk_reach");
    copy_ints(t, ka, "only_link");
    copy_strings(t, ka, "reason");
    return t;
}
