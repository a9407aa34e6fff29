/* generate/generate.h: the town generator's shared parts */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_GENERATE_GENERATE_H
#define WN_GENERATE_GENERATE_H

#include "core/core.h"

#define WN_GENERATOR_VERSION "1"
#define WN_GEN_AGE_BANDS 6
#define WN_GEN_LANGUAGES 10
#define WN_GEN_INTERESTS 20
#define WN_GEN_ROLES 6
#define WN_GEN_GROUP_KINDS 11

/* The town sits in a grid of area cells from this south-west corner, in micro-degrees;
 * one cell is about 670 m by 650 m. */
#define WN_GEN_LAT0 52040000
#define WN_GEN_LON0 5020000
#define WN_GEN_DLAT 6000
#define WN_GEN_DLON 9500

/* The town's random numbers are WnRandom (util/random.c): the same seed gives the same
 * town on every platform with IEEE doubles. Its ties are kept unique with a WnPairMap of
 * the unordered node pairs seen (util/pair-map.c). */

/* One row of ties.csv; a and b are node indices in nodes.csv order. */
typedef struct {
    guint32 a, b;
    guint8 kind;    /* WnTieKind */
    guint8 weight;  /* 1..10, contacts per month */
    guint8 support; /* bit k: support kind k (practical, emotional, companionship, advice) */
} WnGenTie;

/*
 * The town under construction. Residents are nodes 0..n-1, then groups, professionals
 * and organisations. Households are numbered area by area, their members consecutive.
 * Positions are in micro-degrees. `pool_*` are the residents (households) who take part
 * in informal life, bucketed for homophilous picks (see generate-ties.c).
 */
typedef struct {
    WnGenerateOptions opts;
    gsize n;
    WnRandom rng;

    gsize n_areas, cols;
    guint32 *area_size, *area_hh_first, *area_street_len, *area_org;
    guint32 *area_adj; /* 8 per area */
    guint8 *area_adj_n;
    double *area_lang_w; /* WN_GEN_LANGUAGES per area */
    double *area_iso_factor;

    gsize n_households;
    guint32 *hh_start, *hh_area;
    guint8 *hh_size;
    gint32 *hh_lat, *hh_lon;

    guint32 *r_hh, *r_area, *r_interests, *inf_deg, *stamp;
    guint8 *r_age, *r_lang, *iso, *vul;

    guint32 *pool_res, *pool_res_first; /* by (area, age, language) */
    guint32 *pool_hh, *pool_hh_first;   /* by (area, language) */
    guint32 *lang_hh, *lang_hh_first;   /* by language */

    gsize n_groups;
    guint32 *g_area;
    guint8 *g_kind;
    gint32 *g_lat, *g_lon;

    gsize n_professionals, n_organisations;
    guint32 *p_org, *p_area, *org_prof_first, *org_area_first;
    guint8 *p_role;

    GArray *ties;   /* WnGenTie */
    WnPairMap seen; /* unordered node pairs that have a tie */
    gsize n_duplicates, n_singles, n_isolated;
} WnTown;

/* A resident with a random sort key, for weighted sampling without replacement. */
typedef struct {
    double key;
    guint32 resident;
} WnKeyed;

/* generate-people.c */
int wn_keyed__compare(const void *pa, const void *pb);
WnTown *wn_town__new(const WnGenerateOptions *opts);
void wn_town__free(WnTown *town);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnTown, wn_town__free)
void wn_town__add_tie(WnTown *t, guint32 a, guint32 b, WnTieKind kind, guint weight);
void wn_town__plan_areas(WnTown *t);
void wn_town__make_households(WnTown *t);
void wn_town__choose_isolated(WnTown *t);

/* generate-ties.c */
void wn_town__add_informal_ties(WnTown *t);
void wn_town__add_groups(WnTown *t);
void wn_town__befriend_tieless(WnTown *t);
extern const char *const wn_town__group_kinds[WN_GEN_GROUP_KINDS];
/* A kind of group: its share of the groups, and the age bands and languages it recruits
 * (bit sets, 0 = all; languages by index: nl tr ar ber pl en pap so ti uk). */
typedef struct {
    double share;
    guint8 ages;
    guint16 languages;
} WnGroupKindTraits;
extern const WnGroupKindTraits wn_town__group_traits[WN_GEN_GROUP_KINDS];
/* A group recruits in its own area with these odds, else in a touching one. */
#define WN_GEN_RECRUIT_IN_AREA 0.8
double wn_town__accept_odds(gsize kind, guint8 age, guint8 lang);

/* generate-formal.c */
void wn_town__add_formal_ties(WnTown *t);
void wn_town__add_duplicates(WnTown *t);

/* generate.c */
gboolean wn_generate__prepare_folder(const char *dir, gboolean force, GError **error);

/* generate-write.c */
gboolean wn_town__write(const WnTown *t, const char *dir, GError **error);

#endif /* WN_GENERATE_GENERATE_H */
