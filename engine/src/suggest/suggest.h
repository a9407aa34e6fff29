/* suggest/suggest.h: the suggestion files' shared model */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_SUGGEST_SUGGEST_H
#define WN_SUGGEST_SUGGEST_H

#include "core/core.h"

/* The terms of a suggestion's score, in the order the reasons and --explain show them. */
typedef enum {
    WN_FEATURE_COMMON, /* Adamic–Adar over common contacts */
    WN_FEATURE_GROUP,  /* shared groups */
    WN_FEATURE_AREA,   /* same area */
    WN_FEATURE_NEAR,   /* distance */
    WN_FEATURE_SHARED, /* shared interests or language */
    WN_FEATURE_AGE,    /* same or adjacent age band */
    WN_FEATURE_POLICY, /* the policy's term (anchor strength) */
    WN_FEATURE_COUNT
} WnFeature;

/* One scored pair: @target would be introduced to @candidate. */
typedef struct {
    guint32 target, candidate;
    double score; /* the sum of parts */
    double parts[WN_FEATURE_COUNT];
} WnSuggestPair;

/* The mean Earth radius, of wn_suggest__metres and its bounds (distance.c) */
#define WN_SUGGEST_EARTH_METRES 6371008.8

/* A contact with more ties than this is a hub: the candidates two steps away through it
 * are offered by class (rank.c) instead of one by one. */
#define WN_SUGGEST_HUB_DEGREE 128

/* Which candidates a ranking may hold, beyond the policy's rule. */
typedef enum {
    WN_RANK_DEFAULT = 0,
    WN_RANK_RESIDENTS_ONLY = 1 << 0, /* no groups (evaluation: hidden ties join residents) */
} WnRankFlags;

/* model.c: what the features need of every node, built once per network */
typedef struct _WnSuggestModel WnSuggestModel;
WnSuggestModel *wn_suggest__model_new(const WnNetwork *net, guint adult_age, GError **error);
void wn_suggest__model_free(WnSuggestModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnSuggestModel, wn_suggest__model_free)
const WnNetwork *wn_suggest__model_network(const WnSuggestModel *model);
gboolean wn_suggest__is_at_risk(const WnSuggestModel *model, gsize node);
WnStatus wn_suggest__status(const WnSuggestModel *model, gsize node);
gsize wn_suggest__informal_degree(const WnSuggestModel *model, gsize node);
gboolean wn_suggest__blocked(const WnSuggestModel *model, gsize a, gsize b);
gboolean wn_suggest__tied(const WnSuggestModel *model, gsize a, gsize b);
gboolean wn_suggest__in_conflict(const WnSuggestModel *model, gsize a, gsize b);
gboolean wn_suggest__same_area(const WnSuggestModel *model, gsize a, gsize b);
const guint32 *wn_suggest__neighbours(const WnSuggestModel *model, gsize node, gsize *n_out);
const guint32 *wn_suggest__area_nodes(const WnSuggestModel *model, gsize node, gsize *n_out);
const guint32 *wn_suggest__area_by_latitude(const WnSuggestModel *model, gsize node, gsize *n_out,
                                            gsize *placed_out);
gsize wn_suggest__buckets(const WnSuggestModel *model, gsize node, gsize *bucket_out);
const guint32 *wn_suggest__bucket_by_latitude(const WnSuggestModel *model, gsize bucket,
                                              gsize *n_out, gsize *placed_out);
const guint32 *wn_suggest__tokens(const WnSuggestModel *model, gsize node, gsize *n_out);
const char *wn_suggest__token_name(const WnSuggestModel *model, guint32 token);
const char *wn_suggest__age_band(const WnSuggestModel *model, gsize node);
double wn_suggest__age_closeness(const WnSuggestModel *model, gsize a, gsize b);
gboolean wn_suggest__ages_fit(const WnSuggestModel *model, gsize t, gsize c);
gboolean wn_suggest__metres(const WnSuggestModel *model, gsize a, gsize b, double *out);
double wn_suggest__chord2(const WnSuggestModel *model, gsize a, gsize b);
const double *wn_suggest__units(const WnSuggestModel *model);
double wn_suggest__metres_at_least(double chord2);
double wn_suggest__chord2_beyond(double metres);
double wn_suggest__degrees_beyond(double metres);
gboolean wn_suggest__is_placed(const WnNetwork *net, gsize v);
gint wn_suggest__by_latitude(gconstpointer a, gconstpointer b, gpointer data);

/* A group holds a member's value (interest, language, age band) that at least this share
 * (in %) of its members, and at least two, hold (profile.c). */
#define WN_SUGGEST_GROUP_PERCENT 25

/* profile.c: what a group without attributes of its own is like, from its members */
void wn_suggest__profile_tokens(const WnSuggestModel *model, gsize n_tokens, guint32 **offsets_out,
                                guint32 **items_out);
const char *wn_suggest__profile_band(const WnSuggestModel *model, gsize g);

/* heap.c: a binary heap in a GArray; @above(a, b) is TRUE when a belongs nearer the top */
typedef gboolean (*WnHeapAbove)(gconstpointer a, gconstpointer b);
void wn_heap__push(GArray *heap, gconstpointer item, WnHeapAbove above);
void wn_heap__sift_down(GArray *heap, gsize i, WnHeapAbove above);

/* bands.c: positions in bands of latitude, each by longitude (the search beyond the area) */
typedef struct {
    guint32 *items; /* band b: items[first[b]] … items[first[b + 1] − 1], by longitude */
    guint32 *first;
    gsize count;
    double south, height; /* the southern edge of band 0; the height of a band, in degrees */
} WnBands;
WnBands *wn_suggest__bands_new(const WnNetwork *net, const guint32 *placed, gsize n);
void wn_suggest__bands_free(WnBands *bands);
void wn_suggest__bands_window(const WnBands *bands, double lat, double lon, double metres,
                              gsize *first_out, gsize *last_out, double *west_out,
                              double *east_out);
gsize wn_suggest__band_start(const WnBands *bands, const WnNetwork *net, gsize band, double west);

/* classes.c: candidates grouped by everything their score takes from them alone (kind,
 * status at risk or not, age band, number of interests and languages, the policy's term):
 * each class in node order, so that the first of a class that cannot get into a ranking
 * ends the class (rank.c) */
typedef struct {
    guint32 *items; /* class c: items[first[c]] … items[first[c + 1] − 1], ascending */
    guint32 *first;
    gsize count;
} WnClasses;
WnClasses *wn_suggest__classes_new(const WnSuggestModel *model, const WnSuggestOptions *opts,
                                   const guint32 *nodes, gsize n);
void wn_suggest__classes_free(WnClasses *classes);
typedef struct _WnRankClasses WnRankClasses;
WnRankClasses *wn_suggest__rank_classes_new(const WnSuggestModel *model,
                                            const WnSuggestOptions *opts);
void wn_suggest__rank_classes_free(WnRankClasses *rc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnRankClasses, wn_suggest__rank_classes_free)
const WnClasses *wn_suggest__rank_classes_hub(const WnRankClasses *rc, guint32 hub);
const WnClasses *wn_suggest__rank_classes_area(const WnRankClasses *rc, const WnSuggestModel *model,
                                               gsize t, gboolean everyone);
const guint32 *wn_suggest__rank_classes_touching(const WnRankClasses *rc,
                                                 const WnSuggestModel *model, gsize t,
                                                 gsize *n_out);
const WnClasses *wn_suggest__rank_classes_bucket(const WnRankClasses *rc, gsize bucket,
                                                 gboolean everyone);
const WnClasses *wn_suggest__rank_classes_all(const WnRankClasses *rc, gboolean everyone,
                                              const WnBands **bands_out);

/* bound.c: bounds on scores for the sweeps of rank.c */
/* The bar of a sweep (rank.c): candidates more than @reach metres from the target (by
 * wn_suggest__metres), as those whose wn_suggest__chord2 from it exceeds @chord2 or whose
 * latitude differs by more than @degrees, score below @entry, the entry score when it was
 * set; @limit2 and @limit_degrees: the farthest the sweep may look at all. */
typedef struct {
    double entry, reach, chord2, degrees, limit2, limit_degrees;
} WnBar;
double wn_suggest__anchor_term(const WnSuggestModel *model, gsize c, const WnSuggestOptions *opts);
double wn_suggest__area_bound(const WnSuggestModel *model, gsize t, gsize c,
                              const WnSuggestOptions *opts, double chord2);
void wn_suggest__raise_bar(const WnSuggestModel *model, gsize t, const WnSuggestOptions *opts,
                           double entry, WnBar *bar);

/* rank.c: the best candidates of one target */
typedef struct _WnRankScratch WnRankScratch;
WnRankScratch *wn_suggest__scratch_new(gsize n, const WnRankClasses *classes);
void wn_suggest__scratch_free(WnRankScratch *scratch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnRankScratch, wn_suggest__scratch_free)
GArray *wn_suggest__rank(const WnSuggestModel *model, WnRankScratch *scratch, gsize target,
                         const WnSuggestOptions *opts, WnRankFlags flags, gsize k);
GPtrArray *wn_suggest__rank_all(const WnSuggestModel *model, const GArray *targets,
                                const WnSuggestOptions *opts, WnRankFlags flags, gsize k);

/* reason.c: a pair's reasons in words, ids only */
char *wn_suggest__reason(const WnSuggestModel *model, const WnSuggestPair *pair,
                         const WnSuggestOptions *opts);

/* introduce.c: who can introduce a target to a candidate */
typedef enum {
    WN_INTRODUCER_NONE,
    WN_INTRODUCER_BOTH,      /* a person tied to both */
    WN_INTRODUCER_MEMBER,    /* a member of the suggested group the target knows */
    WN_INTRODUCER_SUPPORTER, /* a professional tied to the target */
} WnIntroducerRole;
gsize wn_suggest__introducer(const WnSuggestModel *model, gsize t, gsize c,
                             WnIntroducerRole *role_out);
char *wn_suggest__introducer_text(const WnSuggestModel *model, gsize z, WnIntroducerRole role);

/* baseline.c: the rankings of the evaluation's baselines, WN_SUGGEST_LONGEST nodes each */
#define WN_SUGGEST_LONGEST 10
typedef gboolean (*WnBaselineKeep)(const WnSuggestModel *model, gsize t, gsize c);
GRand *wn_suggest__seeded_rand(guint64 seed, guint32 stream);
gboolean wn_suggest__keep_resident(const WnSuggestModel *model, gsize t, gsize c);
gboolean wn_suggest__keep_resident_or_group(const WnSuggestModel *model, gsize t, gsize c);
gboolean wn_suggest__keep_same_age(const WnSuggestModel *model, gsize t, gsize c);
GPtrArray *wn_suggest__rank_common_neighbours(const WnSuggestModel *model, const GArray *targets);
GPtrArray *wn_suggest__rank_random(const WnSuggestModel *model, const GArray *targets, guint64 seed,
                                   guint32 stream, WnBaselineKeep keep);
GPtrArray *wn_suggest__rank_nearest(const WnSuggestModel *model, const GArray *targets);

/* evaluate.c: one more method for the benchmark (tests/bench); @flags: residents only in
 * the warm evaluation */
typedef struct {
    const char *name;
    GPtrArray *(*rank)(const WnSuggestModel *model, const GArray *targets, WnRankFlags flags,
                       gpointer data);
    gpointer data;
} WnEvaluateExtra;
WnTable *wn_suggest__evaluate_with(const WnNetwork *net, const WnSuggestOptions *opts,
                                   const WnEvaluateOptions *eval, const WnEvaluateExtra *extra,
                                   WnEvaluateSummary *summary_out, GError **error);

/* assign.c: the capacity-limited assignment (maximum-weight b-matching) */
GArray *wn_suggest__assign(const GPtrArray *ranked, gsize n, guint per, guint capacity);

#endif /* WN_SUGGEST_SUGGEST_H */
