/* order.c: the residents at risk in the order a community worker acts on them */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "report.h"

#include <string.h>

/* The columns of wn_isolation_ranking the order reads. */
typedef struct {
    const WnTable *t;
    gsize status, vulnerable, informal, formal, id;
} Columns;

/* No contact at all first, then formal only, then a fragile network, then the rest. */
static int
status_rank(const char *status)
{
    static const char *const order[] = {"isolated", "formal_only", "fragile"};
    for (int i = 0; i < (int) G_N_ELEMENTS(order); i++) {
        if (g_strcmp0(status, order[i]) == 0) {
            return i;
        }
    }
    return (int) G_N_ELEMENTS(order);
}

static gint64
contacts(const Columns *c, gsize row)
{
    return wn_table_cell_int(c->t, row, c->informal) + wn_table_cell_int(c->t, row, c->formal);
}

static gint
compare_rows(gconstpointer a, gconstpointer b, gpointer data)
{
    const Columns *c = data;
    gsize u = *(const gsize *) a, v = *(const gsize *) b;
    int su = status_rank(wn_table_cell_string(c->t, u, c->status));
    int sv = status_rank(wn_table_cell_string(c->t, v, c->status));
    if (su != sv) {
        return su - sv;
    }
    gint64 vu = wn_table_cell_int(c->t, u, c->vulnerable);
    gint64 vv = wn_table_cell_int(c->t, v, c->vulnerable);
    if (vu != vv) {
        return vu > vv ? -1 : 1;
    }
    gint64 cu = contacts(c, u), cv = contacts(c, v);
    if (cu != cv) {
        return cu < cv ? -1 : 1;
    }
    return strcmp(wn_table_cell_string(c->t, u, c->id), wn_table_cell_string(c->t, v, c->id));
}

/**
 * wn_report__risk_order:
 * The rows of @ranking (wn_isolation_ranking's columns) in the order a community
 * worker acts on them: no contact at all (status isolated) before formal only before
 * fragile; within a status the residents known to be vulnerable first; then the
 * fewest contacts (informal_degree + formal_degree); then by id (byte order). The
 * isolation index itself does not order: it ties for most of the isolated.
 * Returns: (transfer full): the row numbers (gsize) in that order.
 * Cost: O(r log r) for r rows.
 */
GArray *
wn_report__risk_order(const WnTable *ranking)
{
    Columns c = {ranking, 0, 0, 0, 0, 0};
    g_assert_true(wn_table_column_lookup(ranking, "status", &c.status) &&
                  wn_table_column_lookup(ranking, "vulnerable", &c.vulnerable) &&
                  wn_table_column_lookup(ranking, "informal_degree", &c.informal) &&
                  wn_table_column_lookup(ranking, "formal_degree", &c.formal) &&
                  wn_table_column_lookup(ranking, "id", &c.id));
    GArray *rows = g_array_sized_new(FALSE, FALSE, sizeof(gsize), 0);
    for (gsize row = 0; row < wn_table_row_count(ranking); row++) {
        g_array_append_val(rows, row);
    }
    g_array_sort_with_data(rows, compare_rows, &c);
    return rows;
}
