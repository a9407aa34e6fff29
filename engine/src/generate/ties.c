/* ties.c: a synthetic town's informal ties: household, family, neighbour, friend
 * and group membership, with homophily on age band and language */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "generate.h"

#include <math.h>

#define AGE_LANG_BUCKETS (WN_GEN_AGE_BANDS * WN_GEN_LANGUAGES)

static const double family_count_w[] = {0.40, 0.35, 0.20, 0.05}; /* 0..3 per household */
static const double neighbour_p[] = {0.62, 0.34, 0.16};          /* 1, 2, 3 doors on */
static const double friend_count_w[] = {0.10, 0.18, 0.27, 0.24, 0.15, 0.06}; /* 0..5 */
static const guint8 friend_weights[] = {1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6, 8, 10};

/* The kinds of informal group (generate.h), in the order of their names below. */
const WnGroupKindTraits wn_town__group_traits[WN_GEN_GROUP_KINDS] = {
    {0.13, 0x38, 0}, {0.07, 0x1e, 0x08e}, {0.17, 0x07, 0}, {0.06, 0x38, 0},
    {0.14, 0x1c, 0}, {0.07, 0x38, 0},     {0.07, 0x1c, 0}, {0.07, 0, 0x3be},
    {0.08, 0x30, 0}, {0.06, 0x03, 0},     {0.08, 0, 0},
};
const char *const wn_town__group_kinds[WN_GEN_GROUP_KINDS] = {
    "kerk",     "moskee",   "sportclub",   "naaiclub",     "bewonersinitiatief", "koor",
    "moestuin", "taalcafe", "ouderensoos", "jongerenclub", "buurtkamer"};

static gboolean
household_takes_part(const WnTown *t, gsize h)
{
    return !(t->hh_size[h] == 1 && t->iso[t->hh_start[h]]);
}

/*
 * A stable counting sort of the @n_items @items by @keys (< @n_buckets).
 * Returns: (transfer full): the items in bucket order; *first_out[k]..[k+1] is bucket k.
 */
static guint32 *
bucket_items(const guint32 *items, const guint32 *keys, gsize n_items, gsize n_buckets,
             guint32 **first_out)
{
    guint32 *first = g_new0(guint32, n_buckets + 1);
    for (gsize i = 0; i < n_items; i++) {
        first[keys[i] + 1]++;
    }
    for (gsize k = 0; k < n_buckets; k++) {
        first[k + 1] += first[k];
    }
    g_autofree guint32 *next = g_memdup2(first, n_buckets * sizeof(guint32));
    guint32 *order = g_new(guint32, MAX(1, n_items));
    for (gsize i = 0; i < n_items; i++) {
        order[next[keys[i]]++] = items[i];
    }
    *first_out = first;
    return order;
}

/* Residents who take part, by (area, age band, language); households by (area,
 * language) and by language. */
static void
build_pools(WnTown *t)
{
    g_autofree guint32 *items = g_new(guint32, MAX(t->n, 1));
    g_autofree guint32 *keys = g_new(guint32, MAX(t->n, 1));
    gsize k = 0;
    for (gsize r = 0; r < t->n; r++) {
        if (!t->iso[r]) {
            items[k] = (guint32) r;
            keys[k++] =
                t->r_area[r] * AGE_LANG_BUCKETS + t->r_age[r] * WN_GEN_LANGUAGES + t->r_lang[r];
        }
    }
    t->pool_res = bucket_items(items, keys, k, t->n_areas * AGE_LANG_BUCKETS, &t->pool_res_first);
    k = 0;
    for (gsize h = 0; h < t->n_households; h++) {
        if (household_takes_part(t, h)) {
            items[k] = (guint32) h;
            keys[k++] = t->hh_area[h] * WN_GEN_LANGUAGES + t->r_lang[t->hh_start[h]];
        }
    }
    t->pool_hh = bucket_items(items, keys, k, t->n_areas * WN_GEN_LANGUAGES, &t->pool_hh_first);
    for (gsize i = 0; i < k; i++) {
        keys[i] = t->r_lang[t->hh_start[items[i]]];
    }
    t->lang_hh = bucket_items(items, keys, k, WN_GEN_LANGUAGES, &t->lang_hh_first);
}

/* A random item of @pool between @first[from] and @first[to]; FALSE when empty. */
static gboolean
pick_in(WnTown *t, const guint32 *pool, const guint32 *first, gsize from, gsize to, guint32 *out)
{
    gsize size = first[to] - first[from];
    if (size == 0) {
        return FALSE;
    }
    *out = pool[first[from] + wn_random__below(&t->rng, size)];
    return TRUE;
}

static gboolean
pick_in_area(WnTown *t, gsize area, guint32 *out)
{
    gsize b = area * AGE_LANG_BUCKETS;
    return pick_in(t, t->pool_res, t->pool_res_first, b, b + AGE_LANG_BUCKETS, out);
}

static guint32
pick_adjacent_area(WnTown *t, gsize area)
{
    return t->area_adj[8 * area + wn_random__below(&t->rng, t->area_adj_n[area])];
}

/* An informal tie between two residents, unless it is a self-tie or already there. */
static gboolean
add_resident_tie(WnTown *t, guint32 u, guint32 v, WnTieKind kind, guint weight)
{
    if (u == v || !wn_pair_map__add(&t->seen, wn_pair_map__key(u, v, FALSE))) {
        return FALSE;
    }
    wn_town__add_tie(t, u, v, kind, weight);
    t->inf_deg[u]++;
    t->inf_deg[v]++;
    return TRUE;
}

/* Every pair in a household: such pairs never meet any other tie, so they skip the set. */
static void
add_household_ties(WnTown *t)
{
    for (gsize h = 0; h < t->n_households; h++) {
        guint32 s0 = t->hh_start[h], end = s0 + t->hh_size[h];
        for (guint32 i = s0; i < end; i++) {
            for (guint32 j = i + 1; j < end; j++) {
                guint weight =
                    wn_random__uniform(&t->rng) < 0.7 ? 10 : 8 + wn_random__below(&t->rng, 2);
                wn_town__add_tie(t, i, j, WN_TIE_HOUSEHOLD, weight);
                t->inf_deg[i]++;
                t->inf_deg[j]++;
            }
        }
    }
}

/* A member of household @h, preferably an adult (the one who keeps up the contacts). */
static guint32
adult_of(WnTown *t, gsize h)
{
    guint32 s0 = t->hh_start[h];
    for (int attempt = 0; attempt < 3; attempt++) {
        guint32 r = s0 + (guint32) wn_random__below(&t->rng, t->hh_size[h]);
        if (t->r_age[r] > 0) {
            return r;
        }
    }
    return s0 + (guint32) wn_random__below(&t->rng, t->hh_size[h]);
}

/* 0–3 family ties per household to households of the same language, 60% in the area. */
static void
add_family_ties(WnTown *t)
{
    for (gsize h = 0; h < t->n_households; h++) {
        if (!household_takes_part(t, h)) {
            continue;
        }
        gsize lang = t->r_lang[t->hh_start[h]], key = t->hh_area[h] * WN_GEN_LANGUAGES + lang;
        gsize k = wn_random__weighted(&t->rng, family_count_w, G_N_ELEMENTS(family_count_w));
        for (gsize i = 0; i < k; i++) {
            guint32 h2 = 0;
            if (wn_random__uniform(&t->rng) < 0.6) {
                pick_in(t, t->pool_hh, t->pool_hh_first, key, key + 1, &h2);
            } else {
                pick_in(t, t->lang_hh, t->lang_hh_first, lang, lang + 1, &h2);
            }
            if (h2 != h) {
                add_resident_tie(t, adult_of(t, h), adult_of(t, h2), WN_TIE_FAMILY,
                                 2 + (guint) wn_random__below(&t->rng, 7));
            }
        }
    }
}

/* Street positions next to @p (1–3 doors on) and across the street, by chance. */
static gsize
neighbour_positions(WnTown *t, gsize area, gsize p, gsize nh, gsize *out)
{
    gsize k = 0, len = t->area_street_len[area];
    for (gsize off = 1; off <= 3; off++) {
        if (p + off < nh && wn_random__uniform(&t->rng) < neighbour_p[off - 1]) {
            out[k++] = p + off;
        }
    }
    if (wn_random__uniform(&t->rng) < 0.22) {
        gsize st = p / len, i = p % len, c = st % 2 == 0 ? i : len - 1 - i;
        gsize across = (st + 1) * len + ((st + 1) % 2 == 0 ? c : len - 1 - c);
        if (across < nh) {
            out[k++] = across;
        }
    }
    return k;
}

static void
add_neighbour_ties(WnTown *t)
{
    for (gsize area = 0; area < t->n_areas; area++) {
        gsize h0 = t->area_hh_first[area], nh = t->area_hh_first[area + 1] - h0;
        for (gsize p = 0; p < nh; p++) {
            gsize targets[4];
            if (!household_takes_part(t, h0 + p)) {
                continue;
            }
            gsize k = neighbour_positions(t, area, p, nh, targets);
            for (gsize i = 0; i < k; i++) {
                if (household_takes_part(t, h0 + targets[i])) {
                    add_resident_tie(t, adult_of(t, h0 + p), adult_of(t, h0 + targets[i]),
                                     WN_TIE_NEIGHBOUR, 1 + (guint) wn_random__below(&t->rng, 4));
                }
            }
        }
    }
}

/* A likely friend of @r: 80% in r's area (else a touching or any area); 75% of the same
 * age band and language, 15% of the same age band, 10% anyone. */
static guint32
friend_target(WnTown *t, guint32 r)
{
    gsize area = t->r_area[r];
    if (wn_random__uniform(&t->rng) >= 0.8) {
        area = wn_random__uniform(&t->rng) < 0.6 ? pick_adjacent_area(t, area)
                                                 : wn_random__below(&t->rng, t->n_areas);
    }
    double x = wn_random__uniform(&t->rng);
    gsize age = area * AGE_LANG_BUCKETS + t->r_age[r] * WN_GEN_LANGUAGES;
    gsize from = x < 0.90 ? age : area * AGE_LANG_BUCKETS;
    gsize to = x < 0.90 ? age + WN_GEN_LANGUAGES : from + AGE_LANG_BUCKETS;
    if (x < 0.75) {
        from = age + t->r_lang[r], to = from + 1;
    }
    guint32 c = r;
    if (!pick_in(t, t->pool_res, t->pool_res_first, from, to, &c) && !pick_in_area(t, area, &c)) {
        pick_in_area(t, t->r_area[r], &c);
    }
    return c;
}

/* Tries @attempts candidates for one new friend of @r. */
static void
befriend(WnTown *t, guint32 r, int attempts)
{
    for (int attempt = 0; attempt < attempts; attempt++) {
        guint32 c = friend_target(t, r);
        guint weight = friend_weights[wn_random__below(&t->rng, G_N_ELEMENTS(friend_weights))];
        if (t->r_hh[c] != t->r_hh[r] && add_resident_tie(t, r, c, WN_TIE_FRIEND, weight)) {
            return;
        }
    }
}

/**
 * wn_town__add_informal_ties:
 * Household cliques, family ties between households of one language, neighbour ties
 * along and across the street, and 0–5 friends per resident with homophily on age
 * band and language. Residents chosen to be isolated get none of them.
 * Cost: O(n) expected.
 */
void
wn_town__add_informal_ties(WnTown *t)
{
    build_pools(t);
    add_household_ties(t);
    add_family_ties(t);
    add_neighbour_ties(t);
    for (guint32 r = 0; r < t->n; r++) {
        if (t->iso[r]) {
            continue;
        }
        gsize k = wn_random__weighted(&t->rng, friend_count_w, G_N_ELEMENTS(friend_count_w));
        for (gsize i = 0; i < k; i++) {
            befriend(t, r, 3);
        }
    }
}

/* A recruit of another age band, or language, than a group's kind prefers is refused
 * with these odds. */
#define REFUSE_OTHER_AGE 0.9
#define REFUSE_OTHER_LANGUAGE 0.85

/* Would a resident of age band @age and language @lang join a group of kind @kind? */
static gboolean
accepts(WnTown *t, gsize kind, guint8 age, guint8 lang)
{
    guint ages = wn_town__group_traits[kind].ages, langs = wn_town__group_traits[kind].languages;
    if (ages != 0 && (ages & (1u << age)) == 0 && wn_random__uniform(&t->rng) < REFUSE_OTHER_AGE) {
        return FALSE;
    }
    return !(langs != 0 && (langs & (1u << lang)) == 0 &&
             wn_random__uniform(&t->rng) < REFUSE_OTHER_LANGUAGE);
}

/**
 * wn_town__accept_odds:
 * The odds that a resident of age band @age and language @lang, once asked, joins a group
 * of kind @kind (what accepts() draws).
 */
double
wn_town__accept_odds(gsize kind, guint8 age, guint8 lang)
{
    guint ages = wn_town__group_traits[kind].ages, langs = wn_town__group_traits[kind].languages;
    double odds = 1.0;
    if (ages != 0 && (ages & (1u << age)) == 0) {
        odds *= 1.0 - REFUSE_OTHER_AGE;
    }
    if (langs != 0 && (langs & (1u << lang)) == 0) {
        odds *= 1.0 - REFUSE_OTHER_LANGUAGE;
    }
    return odds;
}

/* Recruits up to @size members for group @g, 80% from its own area. */
static void
recruit(WnTown *t, gsize g, gsize size)
{
    gsize area = t->g_area[g], members = 0;
    guint32 node = (guint32) (t->n + g);
    for (gsize tries = 0; members < size && tries < size * 12; tries++) {
        gsize from = wn_random__uniform(&t->rng) < WN_GEN_RECRUIT_IN_AREA
                         ? area
                         : pick_adjacent_area(t, area);
        guint32 r = 0;
        if (!pick_in_area(t, from, &r) || t->stamp[r] == g + 1 ||
            !accepts(t, t->g_kind[g], t->r_age[r], t->r_lang[r])) {
            continue;
        }
        t->stamp[r] = (guint32) (g + 1);
        double u = wn_random__uniform(&t->rng) * wn_random__uniform(&t->rng);
        wn_town__add_tie(t, r, node, WN_TIE_MEMBER, 1 + (guint) (u * 8));
        t->inf_deg[r]++;
        members++;
    }
}

/**
 * wn_town__add_groups:
 * One informal group per 150 residents, of a kind (church, mosque, sports club, …) that
 * recruits by age band or language, in a random area; sizes are log-normal around 35
 * (5–400) and members join with a `member` tie.
 */
void
wn_town__add_groups(WnTown *t)
{
    double shares[WN_GEN_GROUP_KINDS];
    for (gsize k = 0; k < WN_GEN_GROUP_KINDS; k++) {
        shares[k] = wn_town__group_traits[k].share;
    }
    gsize n = t->n_groups = MAX(1, (t->n + 75) / 150);
    t->g_area = g_new0(guint32, n);
    t->g_kind = g_new0(guint8, n);
    t->g_lat = g_new0(gint32, n);
    t->g_lon = g_new0(gint32, n);
    for (gsize g = 0; g < n; g++) {
        gsize area = t->g_area[g] = (guint32) wn_random__below(&t->rng, t->n_areas);
        t->g_kind[g] = (guint8) wn_random__weighted(&t->rng, shares, WN_GEN_GROUP_KINDS);
        double size = round(35 * exp(0.8 * wn_random__gauss(&t->rng)));
        double y = (double) (area / t->cols) + 0.1 + 0.8 * wn_random__uniform(&t->rng);
        double x = (double) (area % t->cols) + 0.1 + 0.8 * wn_random__uniform(&t->rng);
        t->g_lat[g] = WN_GEN_LAT0 + (gint32) lround(y * WN_GEN_DLAT);
        t->g_lon[g] = WN_GEN_LON0 + (gint32) lround(x * WN_GEN_DLON);
        recruit(t, g, (gsize) CLAMP(size, 5, 400));
    }
}

/**
 * wn_town__befriend_tieless:
 * Gives a resident who was not chosen to be isolated, but ended up without any
 * informal tie, one friend (up to ten attempts), so isolation is as chosen.
 */
void
wn_town__befriend_tieless(WnTown *t)
{
    for (guint32 r = 0; r < t->n; r++) {
        if (!t->iso[r] && t->inf_deg[r] == 0) {
            befriend(t, r, 10);
        }
    }
}
