/* report/report.h: the HTML report: texts, formatting and sections */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_REPORT_REPORT_H
#define WN_REPORT_REPORT_H

#include "core/core.h"

/* Every text of the report, each in Dutch and English (report-text.c). */
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
    WN_T_COUNT
} WnText;

const char *wn_report__text(WnLanguage language, WnText text);
char *wn_report__fill(const char *text, ...) G_GNUC_NULL_TERMINATED;
const char *wn_report__plural(WnLanguage language, gint64 n, const char *en_one,
                              const char *en_many);
const char *wn_report__column_title(WnLanguage language, const char *column);
const char *wn_report__kind_name(WnLanguage language, const char *kind);
typedef enum { WN_REASON_BROKER, WN_REASON_SUGGESTION } WnReasonKind;
char *wn_report__translate(WnLanguage language, WnReasonKind kind, const char *reason);

/* What a report is made of; every figure comes from an engine table (report.c). */
typedef struct {
    const WnNetwork *net;
    const WnReportOptions *opts;
    WnLanguage lang;
    GString *out;
    WnTable *areas;       /* wn_areas_table: every area figure, suppressed */
    WnTable *counts;      /* wn_isolation_counts: the town's totals */
    WnTable *ranking;     /* wn_isolation_ranking: residents at risk */
    WnTable *brokers;     /* wn_brokers_table */
    WnTable *suggestions; /* wn_suggest_table, or NULL */
    char *map_svg;        /* the choropleth without its XML declaration, or NULL */
    char *k;              /* opts->min_cell as text */
} WnReport;

#define wn_report__t(r, text) wn_report__text((r)->lang, (text))

/* report-page.c */
void wn_report__open_page(WnReport *r, const char *title);
void wn_report__close_page(WnReport *r);
void wn_report__open_section(WnReport *r, const char *id, WnText title);
void wn_report__paragraph(WnReport *r, const char *text);

/* report-sections.c */
void wn_report__section_summary(WnReport *r);
void wn_report__section_map(WnReport *r);
void wn_report__section_areas(WnReport *r);
void wn_report__section_method(WnReport *r);

/* report-lists.c */
gboolean wn_report__gather_suggestions(WnReport *r, GError **error);
gboolean wn_report__area_is_small(const WnReport *r, const char *area);
void wn_report__section_risk(WnReport *r);
void wn_report__section_brokers(WnReport *r);
void wn_report__section_suggestions(WnReport *r);

/* drawings.c */
void wn_report__wijk_drawing(WnReport *r);
void wn_report__ego_drawing(WnReport *r, gsize node);
void wn_report__section_drawings(WnReport *r);

/* report-format.c */
WnTable *wn_report__rows_where(const WnTable *table, const char *column, const char *value);
WnTable *wn_report__rows_kept(const WnTable *table, const gboolean *keep);
/* Numbers as the report's language writes them (util/words.c) */
#define wn_report__count(language, n) wn_words__int((language) == WN_LANGUAGE_NL, (n))
#define wn_report__percent(part, whole) wn_words__percent((part), (whole))
void wn_report__append_escaped(GString *out, const char *text);
char *wn_report__svg_body(const char *svg);

#endif /* WN_REPORT_REPORT_H */
