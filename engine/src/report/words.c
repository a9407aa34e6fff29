/* words.c: the report's words for one row of a table, for other readers (wijknet serve) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "report.h"

/* A report that holds only its language and areas table: enough for the words of one row. */
static WnReport
words_only(WnLanguage language, const WnTable *areas)
{
    WnReport r = {0};
    r.lang = language;
    r.areas = (WnTable *) areas;
    return r;
}

/**
 * wn_report_risk_words:
 * Why the resident in @row of @ranking (wn_isolation_ranking or wn_isolation_table) is
 * at risk, in the words of the report's lists ("geen enkel contact; bekend als kwetsbaar").
 * Returns: a new string.
 */
char *
wn_report_risk_words(const WnTable *ranking, gsize row, WnLanguage language)
{
    g_return_val_if_fail(ranking != NULL && row < wn_table_row_count(ranking), NULL);
    WnReport r = words_only(language, NULL);
    return wn_report__risk_words(&r, ranking, row);
}

/**
 * wn_report_key_words:
 * What the key figure (@kind WN_KEY_PERSONS) or meeting place in @row of @keys
 * (wn_key_figures_table) connects, in the words of the report's lists. The buurten it
 * spans are named as in @areas (wn_areas_table): by name, and an area that shows no
 * figures as "(kleine buurt)".
 * Returns: a new string.
 */
char *
wn_report_key_words(const WnTable *keys, gsize row, WnKeyKind kind, const WnTable *areas,
                    WnLanguage language)
{
    g_return_val_if_fail(keys != NULL && row < wn_table_row_count(keys) && areas != NULL, NULL);
    WnReport r = words_only(language, areas);
    return wn_report__key_words(&r, keys, row, kind == WN_KEY_PERSONS);
}

/**
 * wn_report_suggestion_words:
 * A reason of wn_suggest_table in the report's words and numbers.
 * Returns: a new string.
 */
char *
wn_report_suggestion_words(const char *reason, WnLanguage language)
{
    WnReport r = words_only(language, NULL);
    return wn_report__suggestion_words(&r, reason);
}

/**
 * wn_report_kind_name:
 * A node kind ("resident" …) as the report names it in @language ("bewoner").
 * Returns: a static string; @kind itself when unknown.
 */
const char *
wn_report_kind_name(const char *kind, WnLanguage language)
{
    return wn_report__kind_name(language, kind);
}
