/* reasons.c: what a key figure, a meeting place or a suggestion offers, in plain words */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "report.h"

#include <string.h>

static gint64
int_of(const WnTable *t, gsize row, const char *name)
{
    gsize c = 0;
    return wn_table_column_lookup(t, name, &c) ? wn_table_cell_int(t, row, c) : 0;
}

static const char *
string_of(const WnTable *t, gsize row, const char *name)
{
    gsize c = 0;
    return wn_table_column_lookup(t, name, &c) ? wn_table_cell_string(t, row, c) : "";
}

/* "a, b en c": @items joined the way the language lists them. */
static char *
join_words(const WnReport *r, char **items)
{
    guint n = g_strv_length(items);
    if (n < 2) {
        return g_strdup(n == 1 ? items[0] : "");
    }
    g_autofree char *last = items[n - 1];
    items[n - 1] = NULL;
    g_autofree char *head = g_strjoinv(", ", items);
    items[n - 1] = last;
    last = NULL;
    return g_strdup_printf("%s %s %s", head, wn_report__t(r, WN_T_AND), items[n - 1]);
}

/* The ids of a "|"-list, areas by their names, and "en nog 3" when @count is more. */
static char *
list_words(const WnReport *r, const char *list, gint64 count, gboolean areas)
{
    g_auto(GStrv) items = g_strsplit(list, "|", -1);
    guint n = g_strv_length(items);
    if (areas) {
        for (guint i = 0; i < n; i++) {
            char *title = g_strdup(wn_report__area_is_small(r, items[i])
                                       ? wn_report__t(r, WN_T_SMALL_AREA)
                                       : wn_report__area_title(r, items[i]));
            g_free(items[i]);
            items[i] = title;
        }
    }
    if (count > (gint64) n) {
        g_autofree char *more_n = wn_report__count(r->lang, count - (gint64) n);
        char *more = wn_report__fill(wn_report__t(r, WN_T_AND_MORE), more_n, NULL);
        g_autofree char *head = g_strjoinv(", ", items);
        g_autofree char *tail = more;
        return g_strdup_printf("%s %s", head, tail);
    }
    return join_words(r, items);
}

/* Adds "@text" with the counted noun and, when @list is given, its items. */
static void
add_part(GPtrArray *parts, const WnReport *r, WnText text, gint64 n, const char *one,
         const char *many, const char *list, gboolean areas)
{
    g_autofree char *counted = wn_report__counted(r->lang, n, one, many);
    g_autofree char *items = list != NULL ? list_words(r, list, n, areas) : NULL;
    g_ptr_array_add(parts, wn_report__fill(wn_report__t(r, text), counted, items, NULL));
}

/**
 * wn_report__key_words:
 * What key figure (@person) or meeting place row @row of @t (wn_key_figures_table)
 * offers a worker, in the report's language: whom at risk it reaches, to whom it is the
 * only link, which buurten and groups it spans.
 * Returns: a new string.
 */
char *
wn_report__key_words(const WnReport *r, const WnTable *t, gsize row, gboolean person)
{
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);
    gint64 only = int_of(t, row, "only_link"), areas = int_of(t, row, "areas");
    if (person) {
        add_part(parts, r, WN_T_K_REACH, int_of(t, row, "at_risk_reach"), "resident", "residents",
                 NULL, FALSE);
    } else {
        g_autofree char *members =
            wn_report__counted(r->lang, int_of(t, row, "members"), "member", "members");
        gint64 at_risk = int_of(t, row, "at_risk_members");
        g_autofree char *risk = wn_report__count(r->lang, at_risk);
        g_ptr_array_add(parts, at_risk > 0 ? wn_report__fill(wn_report__t(r, WN_T_K_MEMBERS),
                                                             members, risk, NULL)
                                           : g_strdup(members));
    }
    if (only > 0) {
        add_part(parts, r, WN_T_K_ONLY, only, "resident", "residents",
                 string_of(t, row, "only_link_ids"), FALSE);
    }
    if (areas > 1) {
        add_part(parts, r, person ? WN_T_K_AREAS : WN_T_K_MEMBER_AREAS, areas, "area", "areas",
                 string_of(t, row, "area_list"), TRUE);
    }
    if (person && int_of(t, row, "groups") > 0) {
        add_part(parts, r, WN_T_K_GROUPS, int_of(t, row, "groups"), "group", "groups",
                 string_of(t, row, "group_ids"), FALSE);
    }
    g_ptr_array_add(parts, NULL);
    return g_strjoinv("; ", (char **) parts->pdata);
}

/* Languages by their code (ISO 639), as the report names them. */
static const char *const languages[][3] = {
    {"nl", "Nederlands", "Dutch"},
    {"en", "Engels", "English"},
    {"ar", "Arabisch", "Arabic"},
    {"tr", "Turks", "Turkish"},
    {"pl", "Pools", "Polish"},
    {"uk", "Oekraïens", "Ukrainian"},
    {"ber", "Berbers", "Berber"},
    {"pap", "Papiaments", "Papiamento"},
    {"so", "Somalisch", "Somali"},
    {"ti", "Tigrinya", "Tigrinya"},
    {"de", "Duits", "German"},
    {"fr", "Frans", "French"},
    {"es", "Spaans", "Spanish"},
    {"fa", "Perzisch", "Persian"},
    {"ru", "Russisch", "Russian"},
    {"bg", "Bulgaars", "Bulgarian"},
    {"ro", "Roemeens", "Romanian"},
    {"pt", "Portugees", "Portuguese"},
    {"it", "Italiaans", "Italian"},
    {"zh", "Chinees", "Chinese"},
    {"ku", "Koerdisch", "Kurdish"},
    {"prs", "Dari", "Dari"},
    {"srn", "Sranantongo", "Sranan Tongo"},
};

static const char *
language_name(const WnReport *r, const char *code)
{
    for (gsize i = 0; i < G_N_ELEMENTS(languages); i++) {
        if (g_ascii_strcasecmp(languages[i][0], code) == 0) {
            return languages[i][1 + r->lang];
        }
    }
    return NULL;
}

/* "both: nl, wandelen" as "spreken allebei Nederlands; delen interesse in wandelen". */
static char *
shared_words(const WnReport *r, const char *list)
{
    g_auto(GStrv) items = g_strsplit(list, ", ", -1);
    g_autoptr(GPtrArray) spoken = g_ptr_array_new();
    g_autoptr(GPtrArray) liked = g_ptr_array_new();
    for (guint i = 0; items[i] != NULL; i++) {
        const char *name = language_name(r, items[i]);
        g_ptr_array_add(name != NULL ? spoken : liked, name != NULL ? (char *) name : items[i]);
    }
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);
    WnText texts[2] = {WN_T_S_LANGUAGE, WN_T_S_INTERESTS};
    GPtrArray *lists[2] = {spoken, liked};
    for (int k = 0; k < 2; k++) {
        if (lists[k]->len == 0) {
            continue;
        }
        g_ptr_array_add(lists[k], NULL);
        g_autofree char *joined = join_words(r, (char **) lists[k]->pdata);
        g_ptr_array_add(parts, wn_report__fill(wn_report__t(r, texts[k]), joined, NULL));
    }
    g_ptr_array_add(parts, NULL);
    return g_strjoinv("; ", (char **) parts->pdata);
}

/* Every number of four digits or more in @text written as the language does (1.200). */
static char *
group_numbers(const WnReport *r, const char *text)
{
    g_autoptr(GRegex) re = g_regex_new("\\b\\d{4,}\\b", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    GString *out = g_string_new(NULL);
    gint last = 0;
    for (g_regex_match(re, text, 0, &match); g_match_info_matches(match);
         g_match_info_next(match, NULL)) {
        gint start = 0, end = 0;
        g_match_info_fetch_pos(match, 0, &start, &end);
        g_autofree char *digits = g_match_info_fetch(match, 0);
        g_autofree char *number = wn_report__count(r->lang, g_ascii_strtoll(digits, NULL, 10));
        g_string_append_len(out, text + last, start - last);
        g_string_append(out, number);
        last = end;
    }
    g_string_append(out, text + last);
    return g_string_free(out, FALSE);
}

/**
 * wn_report__suggestion_words:
 * A reason of wn_suggest_table in the report's language: its phrases translated
 * (wn_report__translate) and the list of shared languages and interests ("both: nl,
 * wandelen") in words ("spreken allebei Nederlands; delen interesse in wandelen"), and
 * its numbers as the language writes them ("1.200 m van elkaar").
 * Returns: a new string.
 */
char *
wn_report__suggestion_words(const WnReport *r, const char *reason)
{
    g_auto(GStrv) parts = g_strsplit(reason != NULL ? reason : "", "; ", -1);
    for (guint i = 0; parts[i] != NULL; i++) {
        g_autofree char *words = g_str_has_prefix(parts[i], "both: ")
                                     ? shared_words(r, parts[i] + strlen("both: "))
                                     : wn_report__translate(r->lang, parts[i]);
        char *next = group_numbers(r, words);
        g_free(parts[i]);
        parts[i] = next;
    }
    return g_strjoinv("; ", parts);
}
