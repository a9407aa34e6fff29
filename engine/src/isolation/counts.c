/* counts.c: how many residents have each isolation status, overall and per area */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "isolation.h"

#include <math.h>
#include <string.h>

enum { C_RESIDENTS, C_ISOLATED, C_FORMAL_ONLY, C_FRAGILE, C_CONNECTED, C_VULNERABLE, C_WEAK, C_N };
static const char *const count_names[C_N] = {"residents", "isolated",   "formal_only", "fragile",
                                             "connected", "vulnerable", "weak_network"};

static gint
compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* The rows of the counts table: NULL (everyone), the areas in byte order, then NULL again
 * when some resident has no area. */
static GPtrArray *
count_scopes(const WnNetwork *net)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GPtrArray) areas = g_ptr_array_new();
    gboolean without_area = FALSE;
    for (gsize v = 0; v < net->n; v++) {
        if (net->kinds[v] != WN_NODE_RESIDENT) {
            continue;
        }
        without_area |= net->areas[v] == NULL;
        if (net->areas[v] != NULL && g_hash_table_add(seen, (gpointer) net->areas[v])) {
            g_ptr_array_add(areas, (gpointer) net->areas[v]);
        }
    }
    g_ptr_array_sort(areas, compare_strings);
    g_ptr_array_insert(areas, 0, NULL);
    if (without_area) {
        g_ptr_array_add(areas, NULL);
    }
    return g_steal_pointer(&areas);
}

/* Row of @v's area in @scopes (the last row holds the residents without an area). */
static gsize
scope_row(const WnNetwork *net, const GPtrArray *scopes, gsize v)
{
    if (net->areas[v] == NULL) {
        return scopes->len - 1;
    }
    guint lo = 1, hi = scopes->len - (g_ptr_array_index(scopes, scopes->len - 1) == NULL);
    while (lo + 1 < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (strcmp(g_ptr_array_index(scopes, mid), net->areas[v]) <= 0) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static void
count_resident(gint64 *row, const WnNetwork *net, const WnIsolationParts *p, gsize v,
               const WnIsolationOptions *opts)
{
    static const int by_status[] = {C_CONNECTED, C_FRAGILE, C_FORMAL_ONLY, C_ISOLATED};
    row[C_RESIDENTS]++;
    row[by_status[p->status[v]]]++;
    row[C_VULNERABLE] += net->vulnerable[v] != 0;
    row[C_WEAK] += p->weak_share[v] >= opts->fragile_weak;
}

static void
add_count_columns(WnTable *t, const GPtrArray *scopes, const gint64 *counts,
                  const double *index_sum)
{
    g_autofree const char **scope = g_new0(const char *, scopes->len + 1);
    g_autofree gint64 *column = g_new0(gint64, scopes->len + 1);
    g_autofree double *mean = g_new0(double, scopes->len + 1);
    for (guint r = 0; r < scopes->len; r++) {
        scope[r] = r == 0 ? "all" : "area";
        mean[r] = counts[r * C_N + C_RESIDENTS] > 0
                      ? index_sum[r] / (double) counts[r * C_N + C_RESIDENTS]
                      : NAN;
    }
    wn_table__add_strings(t, "scope", scope);
    wn_table__add_strings(t, "area", (const char *const *) scopes->pdata);
    for (int c = 0; c < C_N; c++) {
        for (guint r = 0; r < scopes->len; r++) {
            column[r] = counts[r * C_N + c];
        }
        wn_table__add_ints(t, count_names[c], column, NULL);
    }
    wn_table__add_doubles(t, "mean_index", mean);
}

/**
 * wn_isolation_counts:
 * How many residents have each status, in the whole network and per area. The first row
 * (scope `all`, no area) counts every resident; then one row per area (scope `area`) in
 * byte order of the area, and a last row with scope `area` and a missing area for the
 * residents without one, when there are any. Columns: scope, area, residents, isolated,
 * formal_only, fragile, connected, vulnerable, weak_network, mean_index (the mean
 * isolation_index; missing when there are no residents). No cells are suppressed here:
 * small-cell suppression belongs to maps and reports.
 * Returns: (transfer full): the table, or NULL on error.
 * Cost: that of wn_isolation_table, plus O(a log a) for a areas.
 */
WnTable *
wn_isolation_counts(const WnNetwork *net, const WnIsolationOptions *opts, GError **error)
{
    g_autoptr(WnIsolationParts) p = wn_isolation__parts(net, opts, TRUE, error);
    if (p == NULL) {
        return NULL;
    }
    g_autoptr(GPtrArray) scopes = count_scopes(net);
    g_autofree gint64 *counts = g_new0(gint64, scopes->len * C_N + 1);
    g_autofree double *index_sum = g_new0(double, scopes->len + 1);
    for (gsize v = 0; v < net->n; v++) {
        if (net->kinds[v] != WN_NODE_RESIDENT) {
            continue;
        }
        gsize r = scope_row(net, scopes, v);
        count_resident(counts, net, p, v, opts);
        count_resident(counts + r * C_N, net, p, v, opts);
        index_sum[0] += p->index[v];
        index_sum[r] += p->index[v];
    }
    WnTable *t = wn_table__new(scopes->len);
    add_count_columns(t, scopes, counts, index_sum);
    return t;
}
