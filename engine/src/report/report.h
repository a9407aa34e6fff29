/* report/report.h: the HTML report: texts, formatting and sections */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_REPORT_REPORT_H
#define WN_REPORT_REPORT_H

#include "core/core.h"

/* Every text of the report, each in Dutch and English (text.c). */
typedef enum {
    WN_T_TITLE,
    WN_T_TITLE_OF,
    WN_T_INTRO,
    WN_T_CONTENTS,
    WN_T_SEC_SUMMARY,
    WN_T_SUMMARY,
    WN_T_SUMMARY_FRAGILE,
    WN_T_SUMMARY_AREA,
    WN_T_SUMMARY_HIDDEN,
    WN_T_SUMMARY_NONE,
    WN_T_SEC_MAP,
    WN_T_MAP_CAPTION,
    WN_T_MAP_NONE,
    WN_T_SEC_AREAS,
    WN_T_AREAS_INTRO,
    WN_T_SEC_RISK,
    WN_T_RISK_INTRO,
    WN_T_RISK_NONE,
    WN_T_SEC_BROKERS,
    WN_T_BROKERS_INTRO,
    WN_T_BROKERS_NONE,
    WN_T_SEC_SUGGEST,
    WN_T_SUGGEST_INTRO,
    WN_T_SUGGEST_NONE,
    WN_T_SEC_METHOD,
    WN_T_METHOD_NETWORK,
    WN_T_METHOD_STATUS,
    WN_T_METHOD_INDEX,
    WN_T_METHOD_BROKERS,
    WN_T_METHOD_SUGGEST,
    WN_T_METHOD_PRIVACY,
    WN_T_FOOTER,
    WN_T_COL_RANK,
    WN_T_COL_ID,
    WN_T_COL_NAME,
    WN_T_COL_AREA,
    WN_T_COL_KIND,
    WN_T_COL_REASON,
    WN_T_COL_CONNECTS,
    WN_T_COL_SUGGESTION,
    WN_T_SMALL_AREA,
    WN_T_FEWER_THAN,
    WN_T_R_ISOLATED,
    WN_T_R_FORMAL_ONLY,
    WN_T_R_INFORMAL,
    WN_T_R_INFORMAL_ONE,
    WN_T_NO_AREA,
    WN_T_R_GROUPS,
    WN_T_R_WEAK,
    WN_T_R_VULNERABLE,
    WN_T_R_NO_TEAM,
    WN_T_COL_ID_PLAIN,
    WN_T_COL_WHY_RISK,
    WN_T_COL_REACHES,
    WN_T_COL_FOR,
    WN_T_COL_WHY_SUGGEST,
    WN_T_INTRO_PSEUDONYMS,
    WN_T_RISK_KEYLIST,
    WN_T_SEC_BUURT,
    WN_T_SEC_OTHER,
    WN_T_SEC_WHOLE,
    WN_T_OTHER_INTRO,
    WN_T_SEC_PLACES,
    WN_T_PLACES_INTRO,
    WN_T_PLACES_NONE,
    WN_T_METHOD_PLACES,
    WN_T_K_REACH,
    WN_T_K_ONLY,
    WN_T_K_AREAS,
    WN_T_K_GROUPS,
    WN_T_K_MEMBERS,
    WN_T_K_MEMBER_AREAS,
    WN_T_AND_MORE,
    WN_T_AND,
    WN_T_AREAS_CAPTION,
    WN_T_AREAS_CAPTION_MORE,
    WN_T_CAPTION_OF,
    WN_T_S_LANGUAGE,
    WN_T_S_INTERESTS,
    WN_T_BUURTEN_INTRO,
    WN_T_HIDDEN,
    WN_T_AT_LEAST,
    WN_T_COUNT
} WnText;

const char *wn_report__text(WnLanguage language, WnText text);
char *wn_report__fill(const char *text, ...) G_GNUC_NULL_TERMINATED;
const char *wn_report__plural(WnLanguage language, gint64 n, const char *en_one,
                              const char *en_many);
const char *wn_report__column_title(WnLanguage language, const char *column);
const char *wn_report__kind_name(WnLanguage language, const char *kind);
char *wn_report__translate(WnLanguage language, const char *reason);
/* The noun of @n things in @language: "1 bewoner", "5.500 bewoners" (util/words.c). */
char *wn_report__counted(WnLanguage language, gint64 n, const char *en_one, const char *en_many);

/* One section per buurt (buurt.c): the rows of the report's tables that belong to it. */
typedef struct {
    char *code;         /* the area code; NULL for the small areas' or the whole section */
    char *title;        /* as the reader sees it: the area's name, or its code */
    gsize area_row;     /* its row in the areas table; G_MAXSIZE when none */
    WnTable *risk;      /* its residents at risk in visiting order, at most top */
    gsize risk_all;     /* how many of its residents are at risk */
    WnTable *persons;   /* its key figures (wn_key_figures_table), at most KEY_MAX */
    WnTable *places;    /* its meeting places, at most KEY_MAX */
    WnTable *suggested; /* the suggestions for its listed residents, or NULL */
} WnBuurt;

/* What a report is made of; every figure comes from an engine table (report.c). */
typedef struct {
    const WnNetwork *net;
    const WnReportOptions *opts;
    WnLanguage lang;
    GString *out;
    WnTable *areas;         /* wn_areas_table: every area figure, suppressed */
    WnTable *counts;        /* wn_isolation_counts: the town's totals */
    WnTable *ranking;       /* wn_isolation_ranking: residents at risk */
    WnTable *persons;       /* wn_key_figures_table, WN_KEY_PERSONS */
    WnTable *places;        /* wn_key_figures_table, WN_KEY_PLACES */
    WnTable *suggestions;   /* wn_suggest_table, or NULL */
    GPtrArray *buurten;     /* of WnBuurt *, in the areas table's order */
    gboolean pseudonymised; /* dataset.json has a "pseudonymised" member */
    char *map_svg;          /* the choropleth without its XML declaration, or NULL */
    char *k;                /* opts->min_cell as text */
} WnReport;

#define wn_report__t(r, text) wn_report__text((r)->lang, (text))

/* compare.c: the optional comparison with an earlier wave */
gboolean wn_report__section_compare(WnReport *r, GError **error);
void wn_report__paragraph_dependants(WnReport *r);

/* page.c */
void wn_report__open_page(WnReport *r, const char *title);
void wn_report__close_page(WnReport *r);
void wn_report__open_section(WnReport *r, const char *id, WnText title);
void wn_report__paragraph(WnReport *r, const char *text);

/* sections.c */
void wn_report__section_summary(WnReport *r);
void wn_report__section_map(WnReport *r);
void wn_report__section_areas(WnReport *r);
void wn_report__section_method(WnReport *r);

void wn_report__area_figures(WnReport *r, gsize row);

/* lists.c: the lists of one buurt's section */
gboolean wn_report__gather_suggestions(WnReport *r, GError **error);
gboolean wn_report__area_is_small(const WnReport *r, const char *area);
void wn_report__list_risk(WnReport *r, const WnBuurt *b);
void wn_report__list_persons(WnReport *r, const WnBuurt *b);
void wn_report__list_places(WnReport *r, const WnBuurt *b);
void wn_report__list_suggestions(WnReport *r, const WnBuurt *b);

/* buurt.c */
gboolean wn_report__make_buurten(WnReport *r, GError **error);
void wn_report__buurt_free(WnBuurt *b);
void wn_report__section_buurten(WnReport *r);
const char *wn_report__area_title(const WnReport *r, const char *code);

/* reasons.c: what a key figure, place or suggestion offers, in the report's words */
char *wn_report__key_words(const WnReport *r, const WnTable *t, gsize row, gboolean person);
char *wn_report__suggestion_words(const WnReport *r, const char *reason);
char *wn_report__risk_words(const WnReport *r, const WnTable *t, gsize row);

/* drawings.c */
void wn_report__wijk_drawing(WnReport *r);
void wn_report__ego_drawing(WnReport *r, gsize node);
void wn_report__section_drawings(WnReport *r);

/* format.c */
WnTable *wn_report__rows_where(const WnTable *table, const char *column, const char *value);
WnTable *wn_report__rows_kept(const WnTable *table, const gboolean *keep);
WnTable *wn_report__rows_ordered(const WnTable *table, const GArray *rows);
/* Numbers as the report's language writes them (util/words.c) */
#define wn_report__count(language, n) wn_words__int((language) == WN_LANGUAGE_NL, (n))
#define wn_report__percent(part, whole) wn_words__percent((part), (whole))
void wn_report__append_escaped(GString *out, const char *text);
char *wn_report__svg_body(const char *svg);

#endif /* WN_REPORT_REPORT_H */
