/* people.c: a synthetic town's areas, households and residents (who lives where) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "generate.h"

#include <math.h>
#include <stdlib.h>

#define MIN_AREA 1500
#define MAX_AREA 3000
#define MEAN_AREA 2200

/* Shares of the non-Dutch languages within an area's non-Dutch share (nl first, 0). */
static const double other_language_w[WN_GEN_LANGUAGES] = {0.0,  0.25, 0.18, 0.10, 0.12,
                                                          0.08, 0.08, 0.05, 0.05, 0.09};
/* Interests by age band: weight of each of interest_names (1 = no preference). */
static const double interest_w[WN_GEN_AGE_BANDS][WN_GEN_INTERESTS] = {
    {1, 1, 5, 1, 1, 2, 0.2, 1, 0.5, 0.2, 5, 3, 1, 3, 0.2, 1, 0.1, 1, 1, 1},
    {1, 1, 3, 1, 1, 2, 0.3, 1, 1, 1, 3, 2, 1, 1, 0.3, 1, 1, 1, 1, 1},
    {2, 1, 1.5, 1, 1, 1, 1, 2, 1, 1, 1.5, 1, 1, 1, 1, 1, 1, 1, 1, 1},
    {1.5, 2, 1, 2, 1, 1, 1, 1, 1, 1.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
    {1, 2.5, 0.5, 2.5, 1, 1, 2, 1, 2, 1, 0.2, 0.5, 1, 1, 2.5, 1, 2, 1, 1, 1},
    {1, 1, 0.2, 1, 2, 1, 2, 0.5, 2.5, 1, 0.1, 0.3, 1, 0.5, 3, 1, 3, 1, 1, 1},
};
static const double interest_count_w[] = {0.10, 0.35, 0.35, 0.20}; /* 0..3 interests */
static const double household_size_w[] = {0.38, 0.31, 0.13, 0.13, 0.05};
static const double single_age_w[WN_GEN_AGE_BANDS] = {0, 0.22, 0.18, 0.27, 0.20, 0.13};
static const double couple_age_w[WN_GEN_AGE_BANDS] = {0, 0.12, 0.18, 0.30, 0.28, 0.12};
static const double parent_age_w[WN_GEN_AGE_BANDS] = {0, 0.10, 0.55, 0.35, 0, 0};
/* How much likelier a single of each age band is to live without informal ties. */
static const double isolation_age_w[WN_GEN_AGE_BANDS] = {0.5, 0.8, 0.8, 1.2, 2.0, 3.0};

/**
 * wn_town__new:
 * An empty town for @opts: the per-resident arrays, zeroed, and the RNG seeded.
 * Returns: (transfer full): the town, freed with wn_town__free().
 */
WnTown *
wn_town__new(const WnGenerateOptions *opts)
{
    WnTown *t = g_new0(WnTown, 1);
    t->opts = *opts;
    t->n = opts->residents;
    wn_random__seed(&t->rng, opts->seed);
    t->r_hh = g_new0(guint32, t->n);
    t->r_area = g_new0(guint32, t->n);
    t->r_interests = g_new0(guint32, t->n);
    t->inf_deg = g_new0(guint32, t->n);
    t->stamp = g_new0(guint32, t->n);
    t->r_age = g_new0(guint8, t->n);
    t->r_lang = g_new0(guint8, t->n);
    t->iso = g_new0(guint8, t->n);
    t->vul = g_new0(guint8, t->n);
    t->hh_start = g_new0(guint32, t->n);
    t->hh_area = g_new0(guint32, t->n);
    t->hh_size = g_new0(guint8, t->n);
    t->hh_lat = g_new0(gint32, t->n);
    t->hh_lon = g_new0(gint32, t->n);
    t->ties = g_array_sized_new(FALSE, FALSE, sizeof(WnGenTie), 5 * t->n);
    wn_pair_map__init(&t->seen, 4 * t->n);
    return t;
}

void
wn_town__free(WnTown *t)
{
    if (t == NULL) {
        return;
    }
    gpointer arrays[] = {t->area_size, t->area_hh_first, t->area_street_len, t->area_org,
                         t->area_adj,  t->area_adj_n,    t->area_lang_w,     t->area_iso_factor,
                         t->hh_start,  t->hh_area,       t->hh_size,         t->hh_lat,
                         t->hh_lon,    t->r_hh,          t->r_area,          t->r_interests,
                         t->inf_deg,   t->stamp,         t->r_age,           t->r_lang,
                         t->iso,       t->vul,           t->pool_res,        t->pool_res_first,
                         t->pool_hh,   t->pool_hh_first, t->lang_hh,         t->lang_hh_first,
                         t->g_area,    t->g_kind,        t->g_lat,           t->g_lon,
                         t->p_org,     t->p_area,        t->org_prof_first,  t->org_area_first,
                         t->p_role};
    for (gsize i = 0; i < G_N_ELEMENTS(arrays); i++) {
        g_free(arrays[i]);
    }
    g_array_unref(t->ties);
    wn_pair_map__clear(&t->seen);
    g_free(t);
}

/* Appends a row to the ties (the caller counts informal degrees). */
void
wn_town__add_tie(WnTown *t, guint32 a, guint32 b, WnTieKind kind, guint weight)
{
    WnGenTie tie = {a, b, (guint8) kind, (guint8) weight, 0};
    g_array_append_val(t->ties, tie);
}

/* The number of areas: about one per MEAN_AREA residents, each within MIN..MAX_AREA
 * (a town below MIN_AREA residents is one small area). */
static gsize
area_count(gsize n)
{
    gsize lo = MAX(1, (n + MAX_AREA - 1) / MAX_AREA), hi = MAX(1, n / MIN_AREA);
    gsize want = (n + MEAN_AREA / 2) / MEAN_AREA;
    return CLAMP(want, lo, hi);
}

/* Area sizes: MIN_AREA plus a random share of the rest, capped at MAX_AREA, summing to n. */
static void
size_areas(WnTown *t)
{
    gsize a = t->n_areas, rest = t->n >= MIN_AREA * a ? t->n - MIN_AREA * a : 0;
    gsize base = t->n >= MIN_AREA * a ? MIN_AREA : t->n, cap = MAX_AREA - MIN_AREA;
    g_autofree double *u = g_new(double, a);
    double total = 0;
    for (gsize i = 0; i < a; i++) {
        u[i] = 0.05 + wn_random__uniform(&t->rng);
        total += u[i];
    }
    gsize given = 0;
    for (gsize i = 0; i < a; i++) {
        gsize extra = MIN(cap, (gsize) (u[i] / total * (double) rest));
        t->area_size[i] = (guint32) (base + extra);
        given += extra;
    }
    for (gsize i = 0; given < rest; i = (i + 1) % a) {
        if (t->area_size[i] < base + cap) {
            t->area_size[i]++;
            given++;
        }
    }
}

/* Areas that touch area @i in the grid (8-neighbourhood); itself when it has none. */
static void
find_adjacent_areas(WnTown *t, gsize i)
{
    gssize row = (gssize) (i / t->cols), col = (gssize) (i % t->cols);
    guint8 k = 0;
    for (gssize r = row - 1; r <= row + 1; r++) {
        for (gssize c = col - 1; c <= col + 1; c++) {
            gsize j = (gsize) (r * (gssize) t->cols + c);
            if (r >= 0 && c >= 0 && c < (gssize) t->cols && j < t->n_areas && j != i) {
                t->area_adj[8 * i + k++] = (guint32) j;
            }
        }
    }
    if (k == 0) {
        t->area_adj[8 * i + k++] = (guint32) i;
    }
    t->area_adj_n[i] = k;
}

/**
 * wn_town__plan_areas:
 * Lays out the areas (buurten) in a square-ish grid, sizes them, and gives each its mix
 * of languages (5–65% non-Dutch) and how prone its singles are to isolation.
 */
void
wn_town__plan_areas(WnTown *t)
{
    gsize a = t->n_areas = area_count(t->n);
    for (t->cols = 1; t->cols * t->cols < a; t->cols++) {
    }
    t->area_size = g_new0(guint32, a);
    t->area_hh_first = g_new0(guint32, a + 1);
    t->area_street_len = g_new0(guint32, a);
    t->area_adj = g_new0(guint32, 8 * a);
    t->area_adj_n = g_new0(guint8, a);
    t->area_lang_w = g_new0(double, a *WN_GEN_LANGUAGES);
    t->area_iso_factor = g_new0(double, a);
    size_areas(t);
    for (gsize i = 0; i < a; i++) {
        find_adjacent_areas(t, i);
        double d = 0.05 + 0.6 * pow(wn_random__uniform(&t->rng), 1.5);
        for (gsize k = 0; k < WN_GEN_LANGUAGES; k++) {
            t->area_lang_w[i * WN_GEN_LANGUAGES + k] = k == 0 ? 1 - d : d * other_language_w[k];
        }
        t->area_iso_factor[i] = 0.5 + 1.5 * wn_random__uniform(&t->rng);
    }
}

/* Age bands of a household of @size: a single, a couple, or parents with children. */
static void
draw_ages(WnTown *t, gsize size, guint8 *ages)
{
    WnRandom *rng = &t->rng;
    if (size == 1) {
        ages[0] = (guint8) wn_random__weighted(rng, single_age_w, WN_GEN_AGE_BANDS);
        return;
    }
    if (size == 2 && wn_random__uniform(rng) < 0.8) {
        gsize b = wn_random__weighted(rng, couple_age_w, WN_GEN_AGE_BANDS), b2 = b;
        if (wn_random__uniform(rng) >= 0.85) {
            b2 = wn_random__uniform(rng) < 0.5 ? MIN(5, b + 1) : MAX(1, b - 1);
        }
        ages[0] = (guint8) b, ages[1] = (guint8) b2;
        return;
    }
    guint8 b = (guint8) wn_random__weighted(rng, parent_age_w, WN_GEN_AGE_BANDS);
    gsize adults = (size == 2 || wn_random__uniform(rng) < 0.2) ? 1 : 2;
    for (gsize i = 0; i < size; i++) {
        gboolean teenager = i >= adults && b == 3 && wn_random__uniform(rng) < 0.35;
        ages[i] = i < adults ? b : (teenager ? 1 : 0);
    }
}

/* Up to three interests, drawn by the preferences of the age band (a bit set). */
static guint32
draw_interests(WnTown *t, guint8 age)
{
    gsize k = wn_random__weighted(&t->rng, interest_count_w, G_N_ELEMENTS(interest_count_w));
    guint32 set = 0;
    for (gsize i = 0; i < k; i++) {
        set |= 1u << wn_random__weighted(&t->rng, interest_w[age], WN_GEN_INTERESTS);
    }
    return set;
}

static void
add_household(WnTown *t, gsize area, gsize size, gsize *resident)
{
    guint8 ages[5];
    guint8 lang = (guint8) wn_random__weighted(&t->rng, &t->area_lang_w[area * WN_GEN_LANGUAGES],
                                               WN_GEN_LANGUAGES);
    draw_ages(t, size, ages);
    gsize h = t->n_households++;
    t->hh_start[h] = (guint32) *resident;
    t->hh_size[h] = (guint8) size;
    t->hh_area[h] = (guint32) area;
    for (gsize i = 0; i < size; i++, (*resident)++) {
        gsize r = *resident;
        t->r_area[r] = (guint32) area;
        t->r_hh[r] = (guint32) h;
        t->r_age[r] = ages[i];
        t->r_lang[r] = lang;
        t->r_interests[r] = draw_interests(t, ages[i]);
    }
}

/* Households on serpentine streets across the area's cell; members share the point. */
static void
place_households(WnTown *t, gsize area)
{
    gsize h0 = t->area_hh_first[area], nh = t->area_hh_first[area + 1] - h0;
    gsize streets = MAX(1, (gsize) lround(sqrt((double) nh / 4)));
    gsize len = (nh + streets - 1) / streets;
    double row = (double) (area / t->cols), col = (double) (area % t->cols);
    t->area_street_len[area] = (guint32) len;
    for (gsize p = 0; p < nh; p++) {
        gsize st = p / len, i = p % len, c = st % 2 == 0 ? i : len - 1 - i;
        double y = row + ((double) st + 0.5 + 0.3 * (wn_random__uniform(&t->rng) - 0.5)) / streets;
        double x = col + ((double) c + 0.5 + 0.3 * (wn_random__uniform(&t->rng) - 0.5)) / len;
        t->hh_lat[h0 + p] = WN_GEN_LAT0 + (gint32) lround(y * WN_GEN_DLAT);
        t->hh_lon[h0 + p] = WN_GEN_LON0 + (gint32) lround(x * WN_GEN_DLON);
    }
}

/**
 * wn_town__make_households:
 * Fills each area with households of 1–5 (38% single), their residents' age bands,
 * home language (one per household) and interests, and places them on streets.
 */
void
wn_town__make_households(WnTown *t)
{
    gsize resident = 0;
    for (gsize area = 0; area < t->n_areas; area++) {
        t->area_hh_first[area] = (guint32) t->n_households;
        gsize end = resident + t->area_size[area];
        while (resident < end) {
            gsize want = 1 + wn_random__weighted(&t->rng, household_size_w, 5);
            add_household(t, area, MIN(want, end - resident), &resident);
        }
    }
    t->area_hh_first[t->n_areas] = (guint32) t->n_households;
    for (gsize area = 0; area < t->n_areas; area++) {
        place_households(t, area);
    }
}

/* For qsort: largest key first; equal keys in resident order, so the order is fixed. */
int
wn_keyed__compare(const void *pa, const void *pb)
{
    const WnKeyed *a = pa, *b = pb;
    if (a->key != b->key) {
        return a->key > b->key ? -1 : 1;
    }
    return a->resident < b->resident ? -1 : a->resident > b->resident;
}

/**
 * wn_town__choose_isolated:
 * Picks round(isolated_share · n) single-person households to live without informal
 * ties: a weighted sample without replacement (Efraimidis–Spirakis keys u^(1/w)),
 * weighted to the old and to areas prone to isolation. Fewer when there are fewer
 * singles. Cost: O(s log s) for s singles.
 */
void
wn_town__choose_isolated(WnTown *t)
{
    g_autofree WnKeyed *singles = g_new(WnKeyed, t->n_households);
    gsize s = 0;
    for (gsize h = 0; h < t->n_households; h++) {
        if (t->hh_size[h] == 1) {
            guint32 r = t->hh_start[h];
            double w = isolation_age_w[t->r_age[r]] * t->area_iso_factor[t->r_area[r]];
            singles[s++] = (WnKeyed){log(1.0 - wn_random__uniform(&t->rng)) / w, r};
        }
    }
    qsort(singles, s, sizeof(WnKeyed), wn_keyed__compare);
    gsize want = (gsize) llround(t->opts.isolated_share * (double) t->n);
    t->n_singles = s;
    t->n_isolated = MIN(s, want);
    for (gsize i = 0; i < t->n_isolated; i++) {
        t->iso[singles[i].resident] = 1;
    }
}
