/* areas.c: the figures of each area, with small cells suppressed (docs/DESIGN.md "Maps and
 * reports") */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "isolation.h"
#include "maps/maps.h"

#include <math.h>
#include <string.h>

/* The counted columns, in table order within the count block. */
enum {
    COUNT_RESIDENTS,
    COUNT_ISOLATED,
    COUNT_FORMAL_ONLY,
    COUNT_FRAGILE,
    COUNT_CONNECTED,
    COUNT_BROKERS,
    COUNT_PROFESSIONALS,
    COUNT_GROUPS,
    N_COUNTS
};
static const char *const count_names[N_COUNTS] = {"residents",     "isolated",  "formal_only",
                                                  "fragile",       "connected", "brokers",
                                                  "professionals", "groups"};

/* How a count cell is shown. */
typedef enum {
    CELL_SHOWN,
    CELL_BELOW,       /* primary: below min_cell, shown as "<K" */
    CELL_SECONDARY,   /* hidden so that a primary cell cannot be worked back: "x" */
    CELL_AREA_HIDDEN, /* the area has fewer than min_cell residents: no figures */
} CellState;

/* The sums of one area, for its means and its centre. */
typedef struct {
    double index_sum;
    double lon_sum, lat_sum;
    gsize located; /* residents with a position */
} AreaSums;

/* The figures of every area; row r, count c is cell r * N_COUNTS + c. */
typedef struct {
    gsize rows;
    const char **codes; /* NULL for the last row when some nodes have no area */
    gint64 *counts;
    guint8 *state;  /* CellState */
    AreaSums *sums; /* per row */
} Areas;

static void
areas_free(Areas *a)
{
    g_free(a->codes);
    g_free(a->counts);
    g_free(a->state);
    g_free(a->sums);
    g_free(a);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Areas, areas_free)

static const char *
area_of(const WnNetwork *net, gsize v)
{
    const char *code = wn_network_node_area(net, v);
    return code != NULL && *code != '\0' ? code : NULL;
}

static gint
compare_codes(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* One row per distinct area code in byte order, then one for the nodes without an area. */
static Areas *
areas_new(const WnNetwork *net, GHashTable *row_of)
{
    g_autoptr(GPtrArray) codes = g_ptr_array_new();
    gboolean some_without = FALSE;
    for (gsize v = 0; v < net->n; v++) {
        const char *code = area_of(net, v);
        some_without |= code == NULL;
        if (code != NULL && !g_hash_table_contains(row_of, code)) {
            g_hash_table_add(row_of, (gpointer) code);
            g_ptr_array_add(codes, (gpointer) code);
        }
    }
    g_ptr_array_sort(codes, compare_codes);
    Areas *a = g_new0(Areas, 1);
    a->rows = codes->len + (some_without ? 1 : 0);
    a->codes = g_new0(const char *, a->rows + 1);
    for (guint i = 0; i < codes->len; i++) {
        a->codes[i] = g_ptr_array_index(codes, i);
        g_hash_table_insert(row_of, (gpointer) a->codes[i], GSIZE_TO_POINTER(i + 1));
    }
    a->counts = g_new0(gint64, a->rows * N_COUNTS + 1);
    a->state = g_new0(guint8, a->rows * N_COUNTS + 1);
    a->sums = g_new0(AreaSums, a->rows + 1);
    return a;
}

static gsize
row_of_node(const WnNetwork *net, const Areas *a, GHashTable *row_of, gsize v)
{
    const char *code = area_of(net, v);
    return code != NULL ? GPOINTER_TO_SIZE(g_hash_table_lookup(row_of, code)) - 1 : a->rows - 1;
}

static gint64 *
cell(const Areas *a, gsize row, int count)
{
    return &a->counts[row * N_COUNTS + count];
}

static int
count_of_status(const char *status)
{
    static const char *const names[] = {"isolated", "formal_only", "fragile", "connected"};
    for (int i = 0; i < (int) G_N_ELEMENTS(names); i++) {
        if (g_strcmp0(status, names[i]) == 0) {
            return COUNT_ISOLATED + i;
        }
    }
    g_return_val_if_reached(COUNT_CONNECTED);
}

/* Residents: their number, status, index and position (the isolation table has one row
 * per resident, in node order). */
static void
count_residents(const WnNetwork *net, Areas *a, GHashTable *row_of, const WnTable *isolation)
{
    gsize status = 0, index = 0, i = 0;
    gboolean found = wn_table_column_lookup(isolation, "status", &status) &&
                     wn_table_column_lookup(isolation, "isolation_index", &index);
    g_return_if_fail(found);
    for (gsize v = 0; v < net->n; v++) {
        if (net->kinds[v] != WN_NODE_RESIDENT) {
            continue;
        }
        gsize r = row_of_node(net, a, row_of, v);
        (*cell(a, r, COUNT_RESIDENTS))++;
        (*cell(a, r, count_of_status(wn_table_cell_string(isolation, i, status))))++;
        a->sums[r].index_sum += wn_table_cell_double(isolation, i, index);
        if (isfinite(net->lat[v]) && isfinite(net->lon[v])) {
            a->sums[r].lat_sum += net->lat[v];
            a->sums[r].lon_sum += net->lon[v];
            a->sums[r].located++;
        }
        i++;
    }
}

/* A broker of an area: a node of that area that brokers at least one pair between
 * areas (Gould-Fernandez by area: any role but coordinator). */
static gboolean
count_others(const WnNetwork *net, Areas *a, GHashTable *row_of, GError **error)
{
    g_autoptr(WnGrouping) grouping = wn_grouping_new(net, "area", error);
    if (grouping == NULL) {
        return FALSE;
    }
    g_autoptr(WnBrokerage) roles = wn_brokerage_new(net, grouping);
    const GArray *total = wn_brokerage_counts(roles, WN_ROLE_TOTAL);
    const GArray *within = wn_brokerage_counts(roles, WN_ROLE_COORDINATOR);
    for (gsize v = 0; v < net->n; v++) {
        gsize r = row_of_node(net, a, row_of, v);
        double between = g_array_index(total, double, v) - g_array_index(within, double, v);
        *cell(a, r, COUNT_BROKERS) += between > 0;
        *cell(a, r, COUNT_PROFESSIONALS) += net->kinds[v] == WN_NODE_PROFESSIONAL;
        *cell(a, r, COUNT_GROUPS) += net->kinds[v] == WN_NODE_GROUP;
    }
    return TRUE;
}

/* Primary suppression: an area with fewer than @k residents shows nothing; elsewhere a
 * count below @k is hidden. */
static void
suppress_small_cells(Areas *a, guint k)
{
    for (gsize r = 0; r < a->rows; r++) {
        gboolean small_area = *cell(a, r, COUNT_RESIDENTS) < (gint64) k;
        for (int c = 0; c < N_COUNTS; c++) {
            gboolean below = *cell(a, r, c) < (gint64) k;
            a->state[r * N_COUNTS + c] = small_area ? CELL_AREA_HIDDEN
                                         : below    ? CELL_BELOW
                                                    : CELL_SHOWN;
        }
    }
}

/* One relation among cells whose sum is known (a row adds up to its residents; a column
 * to a town total that other commands print). When exactly one of them is hidden, the
 * sum gives it away: hide the smallest shown cell too, the first on a tie. */
static gboolean
protect_relation(Areas *a, const gsize *cells, gsize n)
{
    gsize hidden = 0, pick = G_MAXSIZE;
    for (gsize i = 0; i < n; i++) {
        gsize c = cells[i];
        if (a->state[c] != CELL_SHOWN) {
            hidden++;
        } else if (pick == G_MAXSIZE || a->counts[c] < a->counts[pick]) {
            pick = c;
        }
    }
    if (hidden != 1 || pick == G_MAXSIZE) {
        return FALSE;
    }
    a->state[pick] = CELL_SECONDARY;
    return TRUE;
}

static gboolean
protect_rows(Areas *a)
{
    gboolean changed = FALSE;
    for (gsize r = 0; r < a->rows; r++) {
        /* the parts first, so that a tie hides a part rather than the total */
        const gsize base = r * N_COUNTS;
        const gsize cells[] = {base + COUNT_ISOLATED, base + COUNT_FORMAL_ONLY,
                               base + COUNT_FRAGILE, base + COUNT_CONNECTED,
                               base + COUNT_RESIDENTS};
        changed |= protect_relation(a, cells, G_N_ELEMENTS(cells));
    }
    return changed;
}

static gboolean
protect_columns(Areas *a)
{
    gboolean changed = FALSE;
    g_autofree gsize *cells = g_new0(gsize, a->rows + 1);
    for (int c = 0; c < N_COUNTS; c++) {
        for (gsize r = 0; r < a->rows; r++) {
            cells[r] = r * N_COUNTS + c;
        }
        changed |= protect_relation(a, cells, a->rows);
    }
    return changed;
}

/* Secondary suppression until no relation has exactly one hidden cell. It only ever
 * hides more cells, so it ends (after at most rows × N_COUNTS rounds). */
static void
suppress_derivable_cells(Areas *a)
{
    gboolean changed = TRUE;
    while (changed) {
        changed = protect_rows(a);
        changed = protect_columns(a) || changed;
    }
}

/* The text of a count cell: the number, "<K", "x", or NULL (missing). */
static char *
count_text(const Areas *a, gsize row, int count, guint k)
{
    switch ((CellState) a->state[row * N_COUNTS + count]) {
    case CELL_SHOWN:
        return g_strdup_printf("%" G_GINT64_FORMAT, *cell(a, row, count));
    case CELL_BELOW:
        return g_strdup_printf("<%u", k);
    case CELL_SECONDARY:
        return g_strdup("x");
    case CELL_AREA_HIDDEN:
        break;
    }
    return NULL;
}

static gboolean
is_shown(const Areas *a, gsize row, int count)
{
    return a->state[row * N_COUNTS + count] == CELL_SHOWN;
}

static void
add_count_column(WnTable *t, const Areas *a, int count, guint k)
{
    g_autoptr(GPtrArray) texts = g_ptr_array_new_full((guint) a->rows + 1, g_free);
    for (gsize r = 0; r < a->rows; r++) {
        g_ptr_array_add(texts, count_text(a, r, count, k));
    }
    g_ptr_array_add(texts, NULL);
    wn_table__add_strings(t, count_names[count], (const char *const *) texts->pdata);
}

/* A share is shown only with its count and the residents it divides by: from a shown
 * share and a shown count the hidden total would follow. */
static void
add_share_column(WnTable *t, const Areas *a, int count)
{
    g_autofree double *share = g_new0(double, a->rows + 1);
    for (gsize r = 0; r < a->rows; r++) {
        gboolean shown = is_shown(a, r, count) && is_shown(a, r, COUNT_RESIDENTS);
        share[r] =
            shown ? (double) *cell(a, r, count) / (double) *cell(a, r, COUNT_RESIDENTS) : NAN;
    }
    g_autofree char *name = g_strconcat(count_names[count], "_share", NULL);
    wn_table__add_doubles(t, name, share);
}

/* The mean index, and the centroid when at least max(K, 1) residents have a position
 * (the centroid of a few residents would point at their homes). */
static void
add_mean_columns(WnTable *t, const Areas *a, guint k)
{
    g_autofree double *mean = g_new0(double, a->rows + 1);
    g_autofree double *lon = g_new0(double, a->rows + 1);
    g_autofree double *lat = g_new0(double, a->rows + 1);
    for (gsize r = 0; r < a->rows; r++) {
        gboolean hidden = a->state[r * N_COUNTS] == CELL_AREA_HIDDEN;
        gint64 residents = *cell(a, r, COUNT_RESIDENTS);
        gboolean located = a->sums[r].located >= MAX(k, 1) && a->codes[r] != NULL;
        mean[r] = hidden || residents == 0 ? NAN : a->sums[r].index_sum / (double) residents;
        lon[r] = hidden || !located ? NAN : a->sums[r].lon_sum / (double) a->sums[r].located;
        lat[r] = hidden || !located ? NAN : a->sums[r].lat_sum / (double) a->sums[r].located;
    }
    wn_table__add_doubles(t, "mean_isolation_index", mean);
    wn_table__add_doubles(t, "lon", lon);
    wn_table__add_doubles(t, "lat", lat);
}

static void
add_name_columns(WnTable *t, const Areas *a, const WnAreaShapes *shapes)
{
    g_autofree const char **names = g_new0(const char *, a->rows + 1);
    g_autofree gint64 *suppressed = g_new0(gint64, a->rows + 1);
    for (gsize r = 0; r < a->rows; r++) {
        const WnAreaShape *shape = wn_area_shapes__lookup(shapes, a->codes[r]);
        names[r] = a->codes[r] == NULL ? "(no area)" : shape != NULL ? shape->name : NULL;
        suppressed[r] = a->state[r * N_COUNTS] == CELL_AREA_HIDDEN;
    }
    wn_table__add_strings(t, "area", a->codes);
    wn_table__add_strings(t, "name", names);
    wn_table__add_ints(t, "suppressed", suppressed, NULL);
}

static WnTable *
build_table(const Areas *a, const WnAreaOptions *opts)
{
    WnTable *t = wn_table__new(a->rows);
    add_name_columns(t, a, opts->shapes);
    add_count_column(t, a, COUNT_RESIDENTS, opts->min_cell);
    for (int c = COUNT_ISOLATED; c <= COUNT_CONNECTED; c++) {
        add_count_column(t, a, c, opts->min_cell);
        add_share_column(t, a, c);
    }
    for (int c = COUNT_BROKERS; c < N_COUNTS; c++) {
        add_count_column(t, a, c, opts->min_cell);
    }
    add_mean_columns(t, a, opts->min_cell);
    return t;
}

/**
 * wn_areas_table:
 * The figures of each area (docs/DESIGN.md "Maps and reports"), one row per area code found
 * in nodes.csv in byte order, then one row for the nodes without an area (area missing,
 * name "(no area)") when there are any. Columns:
 * - `area`, the code; `name`, properties.name of its feature in @opts->shapes (missing
 *   without one); `suppressed`, 1 when the area has fewer than K = @opts->min_cell residents;
 * - `residents`; `isolated`, `formal_only`, `fragile`, `connected`, each followed by its
 *   `_share` of the residents (status as wn_isolation_table with @opts->isolation);
 * - `brokers`: nodes of any kind in the area that broker at least one pair of contacts
 *   from different areas (Gould-Fernandez by area, wn_brokerage_new: total minus
 *   coordinator > 0); `professionals` and `groups`: those nodes in the area;
 * - `mean_isolation_index` over the area's residents;
 * - `lon`, `lat`: the mean position of its residents with a position, given only when at
 *   least K of them have one (missing otherwise, and for the no-area row).
 * Counts are text, so that a hidden one can say so. Small-cell suppression, with K ≥ 2
 * (K = 0 or 1 hides nothing):
 * 1. an area with fewer than K residents shows no figures: every count, share, mean and
 *    position is missing, and `suppressed` is 1;
 * 2. elsewhere a count below K (0 included) reads "<K" (primary suppression);
 * 3. secondary suppression, repeated until nothing changes: in each relation whose sum
 *    is known — a row's isolated + formal_only + fragile + connected = residents, and
 *    each count column over all rows, whose town total other commands print — where
 *    exactly one cell is hidden, the smallest shown cell of that relation is hidden too
 *    and reads "x" (on a tie the first in the order isolated, formal_only, fragile,
 *    connected, residents, or in row order);
 * 4. a share is shown only when both its count and `residents` are shown; the mean index
 *    is shown for every area with at least K residents.
 * Returns: (transfer full): the table; NULL on error (bad isolation options:
 * WN_ERROR_INVALID).
 * Cost: O(n + m + Σ_v d_v²) for the statuses and brokerage, plus O(rounds × areas × 8)
 * for the suppression.
 */
WnTable *
wn_areas_table(const WnNetwork *net, const WnAreaOptions *opts, GError **error)
{
    g_return_val_if_fail(net != NULL && opts != NULL, NULL);
    g_autoptr(WnTable) isolation = wn_isolation_table(net, &opts->isolation, error);
    if (isolation == NULL) {
        return NULL;
    }
    g_autoptr(GHashTable) row_of = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(Areas) a = areas_new(net, row_of);
    count_residents(net, a, row_of, isolation);
    if (!count_others(net, a, row_of, error)) {
        return NULL;
    }
    if (opts->min_cell >= 2) {
        suppress_small_cells(a, opts->min_cell);
        suppress_derivable_cells(a);
    }
    return build_table(a, opts);
}
