/* formal.c: a synthetic town's formal side: organisations, professionals, the
 * vulnerable residents they support, and ties reported twice */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "generate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Support each role mostly gives (bits: practical, emotional, companionship, advice) for
 * role_names: sociaal team, opbouwwerk, wijkverpleging, jongerenwerk, schuldhulp,
 * ouderenwerk. */
static const guint8 role_support[WN_GEN_ROLES] = {0x1, 0x4, 0x1, 0x8, 0x9, 0x6};
/* How much likelier a resident of each age band is to be known as vulnerable. */
static const double vulnerable_age_w[WN_GEN_AGE_BANDS] = {0.4, 0.6, 0.7, 1.0, 1.8, 3.5};

static guint32
professional_node(const WnTown *t, gsize p)
{
    return (guint32) (t->n + t->n_groups + p);
}

static guint32
organisation_node(const WnTown *t, gsize o)
{
    return (guint32) (t->n + t->n_groups + t->n_professionals + o);
}

/* One organisation per five areas (at least two when there are two areas: a welfare
 * organisation and a social team), each serving a run of neighbouring area numbers, with
 * professionals (one per 700 residents, at least one) in proportion to its residents. */
static void
plan_organisations(WnTown *t)
{
    gsize a = t->n_areas, o_count = t->n_organisations = MAX(MIN(a, 2), (a + 2) / 5);
    t->area_org = g_new0(guint32, a);
    t->org_area_first = g_new0(guint32, o_count + 1);
    t->org_prof_first = g_new0(guint32, o_count + 1);
    g_autofree gsize *residents = g_new0(gsize, o_count);
    for (gsize i = a; i-- > 0;) {
        gsize o = t->area_org[i] = (guint32) MIN(o_count - 1, i * o_count / a);
        t->org_area_first[o] = (guint32) i;
        residents[o] += t->area_size[i];
    }
    t->org_area_first[o_count] = (guint32) a;
    double wanted = (double) MAX(1, (t->n + 350) / 700);
    for (gsize o = 0; o < o_count; o++) {
        gsize k = MAX(1, (gsize) llround(wanted * (double) residents[o] / (double) t->n));
        t->org_prof_first[o + 1] = t->org_prof_first[o] + (guint32) k;
    }
    gsize p_count = t->n_professionals = t->org_prof_first[o_count];
    t->p_org = g_new0(guint32, p_count);
    t->p_area = g_new0(guint32, p_count);
    t->p_role = g_new0(guint8, p_count);
    for (gsize o = 0; o < o_count; o++) {
        gsize areas = t->org_area_first[o + 1] - t->org_area_first[o];
        for (gsize p = t->org_prof_first[o]; p < t->org_prof_first[o + 1]; p++) {
            t->p_org[p] = (guint32) o;
            t->p_role[p] = (guint8) wn_random__below(&t->rng, WN_GEN_ROLES);
            t->p_area[p] = t->org_area_first[o] + (guint32) wn_random__below(&t->rng, areas);
        }
    }
}

/* Marks about a third of the isolated (at most half of all the vulnerable) at random. */
static gsize
mark_isolated_vulnerable(WnTown *t, gsize wanted)
{
    g_autofree guint32 *isolated = g_new(guint32, MAX(1, t->n_isolated));
    gsize count = 0;
    for (guint32 r = 0; r < t->n; r++) {
        if (t->iso[r]) {
            isolated[count++] = r;
        }
    }
    gsize k = MIN(MIN(count, wanted / 2), (gsize) llround(0.35 * (double) count));
    for (gsize i = 0; i < k; i++) {
        gsize j = i + wn_random__below(&t->rng, count - i);
        guint32 r = isolated[j];
        isolated[j] = isolated[i];
        isolated[i] = r;
        t->vul[r] = 1;
    }
    return k;
}

/* Flags round(vulnerable_share · n) residents: some of the isolated, the rest a weighted
 * sample of the others, weighted to the old and to those with few informal ties. */
static void
choose_vulnerable(WnTown *t)
{
    gsize wanted = (gsize) llround(t->opts.vulnerable_share * (double) t->n);
    gsize marked = mark_isolated_vulnerable(t, wanted);
    g_autofree WnKeyed *keyed = g_new(WnKeyed, MAX(1, t->n));
    gsize count = 0;
    for (guint32 r = 0; r < t->n; r++) {
        if (!t->iso[r]) {
            double w = vulnerable_age_w[t->r_age[r]] * (t->inf_deg[r] <= 2 ? 2.0 : 1.0);
            keyed[count++] = (WnKeyed){log(1.0 - wn_random__uniform(&t->rng)) / w, r};
        }
    }
    qsort(keyed, count, sizeof(WnKeyed), wn_keyed__compare);
    for (gsize i = 0; i < MIN(count, wanted - MIN(wanted, marked)); i++) {
        t->vul[keyed[i].resident] = 1;
    }
}

static void
add_support_tie(WnTown *t, gsize p, guint32 r)
{
    guint8 kinds = role_support[t->p_role[p]];
    if (wn_random__uniform(&t->rng) < 0.4) {
        kinds |= (guint8) (1u << wn_random__below(&t->rng, 4));
    }
    wn_town__add_tie(t, professional_node(t, p), r, WN_TIE_SUPPORT,
                     1 + (guint) wn_random__below(&t->rng, 4));
    g_array_index(t->ties, WnGenTie, t->ties->len - 1).support = kinds;
}

/* Every vulnerable resident gets a professional of the area's organisation (20%: two). */
static void
add_support_ties(WnTown *t)
{
    for (guint32 r = 0; r < t->n; r++) {
        if (!t->vul[r]) {
            continue;
        }
        gsize o = t->area_org[t->r_area[r]], first = t->org_prof_first[o];
        gsize count = t->org_prof_first[o + 1] - first;
        gsize p = wn_random__below(&t->rng, count);
        add_support_tie(t, first + p, r);
        if (count > 1 && wn_random__uniform(&t->rng) < 0.2) {
            add_support_tie(t, first + (p + 1 + wn_random__below(&t->rng, count - 1)) % count, r);
        }
    }
}

/* How many of @m groups a professional works with: 2–6, at most @m. A second number is
 * drawn when the first fits, as earlier versions did, so that a seed's town stays the
 * same; the count is the smaller of @m and the last number drawn. */
static gsize
count_group_collaborations(WnTown *t, gsize m)
{
    gsize wanted = 2 + wn_random__below(&t->rng, 5);
    if (wanted <= m) {
        wanted = 2 + wn_random__below(&t->rng, 5);
    }
    return MIN(m, wanted);
}

/* Professional @p works with 2–6 of the groups in its organisation's areas. */
static void
add_group_collaborations(WnTown *t, gsize p, guint32 *groups, gsize m)
{
    gsize k = count_group_collaborations(t, m);
    for (gsize i = 0; i < k; i++) {
        gsize j = i + wn_random__below(&t->rng, m - i);
        guint32 g = groups[j];
        groups[j] = groups[i];
        groups[i] = g;
    }
    qsort(groups, k, sizeof(guint32), wn_number__compare_u32);
    for (gsize i = 0; i < k; i++) {
        wn_town__add_tie(t, professional_node(t, p), (guint32) (t->n + groups[i]),
                         WN_TIE_COLLABORATION, 1 + (guint) wn_random__below(&t->rng, 3));
    }
}

static void
collaborate(WnTown *t, gsize p, gsize q)
{
    guint32 a = professional_node(t, p), b = professional_node(t, q);
    if (p != q && wn_pair_map__add(&t->seen, wn_pair_map__key(a, b, FALSE))) {
        wn_town__add_tie(t, a, b, WN_TIE_COLLABORATION, 1 + (guint) wn_random__below(&t->rng, 6));
    }
}

/* Professional @p works with 2–3 colleagues, and 30% of them with one of a
 * neighbouring organisation. */
static void
add_colleague_collaborations(WnTown *t, gsize p)
{
    gsize o = t->p_org[p], first = t->org_prof_first[o];
    gsize count = t->org_prof_first[o + 1] - first;
    gsize k = count > 1 ? 2 + wn_random__below(&t->rng, 2) : 0;
    for (gsize i = 0; i < k; i++) {
        collaborate(t, p, first + wn_random__below(&t->rng, count));
    }
    if (t->n_organisations > 1 && wn_random__uniform(&t->rng) < 0.3) {
        gsize home = t->org_area_first[o];
        gsize near = wn_random__below(&t->rng, t->area_adj_n[home]);
        gsize o2 = t->area_org[t->area_adj[8 * home + near]];
        o2 = o2 == o ? (o + 1) % t->n_organisations : o2;
        gsize first2 = t->org_prof_first[o2];
        collaborate(t, p, first2 + wn_random__below(&t->rng, t->org_prof_first[o2 + 1] - first2));
    }
}

/* Groups by the organisation serving their area. */
static guint32 *
groups_by_organisation(const WnTown *t, guint32 **first_out)
{
    guint32 *first = g_new0(guint32, t->n_organisations + 1);
    for (gsize g = 0; g < t->n_groups; g++) {
        first[t->area_org[t->g_area[g]] + 1]++;
    }
    for (gsize o = 0; o < t->n_organisations; o++) {
        first[o + 1] += first[o];
    }
    g_autofree guint32 *next = g_memdup2(first, t->n_organisations * sizeof(guint32));
    guint32 *groups = g_new(guint32, MAX(1, t->n_groups));
    for (gsize g = 0; g < t->n_groups; g++) {
        groups[next[t->area_org[t->g_area[g]]]++] = (guint32) g;
    }
    *first_out = first;
    return groups;
}

static void
add_collaborations(WnTown *t)
{
    g_autofree guint32 *first = NULL;
    g_autofree guint32 *groups = groups_by_organisation(t, &first);
    g_autofree guint32 *scratch = g_new(guint32, MAX(1, t->n_groups));
    for (gsize p = 0; p < t->n_professionals; p++) {
        gsize o = t->p_org[p], m = first[o + 1] - first[o];
        memcpy(scratch, groups + first[o], m * sizeof(guint32));
        add_group_collaborations(t, p, scratch, m);
        add_colleague_collaborations(t, p);
    }
}

/* Professionals are members of their organisation; organisations refer to 1–2 others. */
static void
add_organisation_ties(WnTown *t)
{
    for (gsize p = 0; p < t->n_professionals; p++) {
        wn_town__add_tie(t, organisation_node(t, t->p_org[p]), professional_node(t, p),
                         WN_TIE_MEMBER, 8 + (guint) wn_random__below(&t->rng, 3));
    }
    for (gsize o = 0; o < t->n_organisations; o++) {
        gsize k = 1 + wn_random__below(&t->rng, 2);
        for (gsize i = 0; i < k; i++) {
            gsize o2 = wn_random__below(&t->rng, t->n_organisations);
            guint32 a = organisation_node(t, o), b = organisation_node(t, o2);
            if (o2 != o && wn_pair_map__add(&t->seen, wn_pair_map__key(a, b, FALSE))) {
                wn_town__add_tie(t, a, b, WN_TIE_REFERRAL,
                                 1 + (guint) wn_random__below(&t->rng, 3));
            }
        }
    }
}

/**
 * wn_town__add_formal_ties:
 * Organisations (one per five areas, at least two) and their professionals (one per 700 residents);
 * the vulnerable residents (vulnerable_share, about a third of the isolated among
 * them) each with a `support` tie (support_kind by the professional's role) from one
 * or two professionals; `collaboration` ties from professionals to groups and to each
 * other; `member` ties from organisations to their professionals and `referral` ties
 * between organisations. Cost: O(n log n) (the weighted sample is sorted).
 */
void
wn_town__add_formal_ties(WnTown *t)
{
    plan_organisations(t);
    choose_vulnerable(t);
    add_support_ties(t);
    add_collaborations(t);
    add_organisation_ties(t);
}

/**
 * wn_town__add_duplicates:
 * Reports 0.6% of the family, neighbour and friend ties a second time, reversed and
 * with a small weight, as two interviewees naming each other do; readers merge them
 * (docs/FORMAT.md). The count is kept for dataset.json.
 */
void
wn_town__add_duplicates(WnTown *t)
{
    gsize rows = t->ties->len;
    for (gsize i = 0; i < rows; i++) {
        WnGenTie tie = g_array_index(t->ties, WnGenTie, i);
        gboolean repeatable =
            tie.kind == WN_TIE_FAMILY || tie.kind == WN_TIE_NEIGHBOUR || tie.kind == WN_TIE_FRIEND;
        if (repeatable && wn_random__uniform(&t->rng) < 0.006) {
            wn_town__add_tie(t, tie.b, tie.a, tie.kind, 1 + (guint) wn_random__below(&t->rng, 2));
            t->n_duplicates++;
        }
    }
}
