/* lists.c: a buurt's lists: residents at risk, key figures, meeting places, suggestions */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "report.h"

#include <string.h>

/* A column that the tables this file reads always have. */
static gsize
column(const WnTable *t, const char *name)
{
    gsize c = 0;
    g_assert_true(wn_table_column_lookup(t, name, &c));
    return c;
}

static gint64
int_cell(const WnTable *t, gsize row, const char *name)
{
    return wn_table_cell_int(t, row, column(t, name));
}

static const char *
string_cell(const WnTable *t, gsize row, const char *name)
{
    return wn_table_cell_string(t, row, column(t, name));
}

/**
 * wn_report__area_is_small:
 * Whether @area shows no figures in the areas table (fewer residents than the
 * threshold): its residents column holds no number. An area not in the table (a
 * node without an area) is not small.
 */
gboolean
wn_report__area_is_small(const WnReport *r, const char *area)
{
    gsize code = 0, residents = 0;
    if (area == NULL || !wn_table_column_lookup(r->areas, "area", &code) ||
        !wn_table_column_lookup(r->areas, "residents", &residents)) {
        return FALSE;
    }
    for (gsize row = 0; row < wn_table_row_count(r->areas); row++) {
        if (g_strcmp0(wn_table_cell_string(r->areas, row, code), area) == 0) {
            g_autofree char *text = wn_table_cell_to_string(r->areas, row, residents);
            return !g_ascii_isdigit(text[0]);
        }
    }
    return FALSE;
}

/* Cells for a node: its id and, only when asked for, its label. */
static void
append_node_cells(WnReport *r, const char *id)
{
    g_string_append(r->out, "<td>");
    wn_report__append_escaped(r->out, id);
    g_string_append(r->out, "</td>");
    if (r->opts->show_labels) {
        gsize v = 0;
        gboolean known = wn_network_node_lookup(r->net, id, &v);
        g_string_append(r->out, "<td>");
        wn_report__append_escaped(r->out, known ? wn_network_node_label(r->net, v) : NULL);
        g_string_append(r->out, "</td>");
    }
}

static void
append_text_cell(WnReport *r, const char *text)
{
    g_string_append(r->out, "<td>");
    wn_report__append_escaped(r->out, text);
    g_string_append(r->out, "</td>");
}

/* An <h3> for one list of a buurt's section. */
static void
open_part(WnReport *r, WnText title)
{
    g_string_append(r->out, "<h3>");
    wn_report__append_escaped(r->out, wn_report__t(r, title));
    g_string_append(r->out, "</h3>\n");
}

/* The caption, then the header row: rank, the id headed @id, [name], then @rest. */
static void
open_list_as(WnReport *r, const WnBuurt *b, WnText what, WnText id, const WnText *rest,
             gsize n_rest)
{
    g_autofree char *caption =
        wn_report__fill(wn_report__t(r, WN_T_CAPTION_OF), wn_report__t(r, what), b->title, NULL);
    g_string_append(r->out, "<table>\n<caption>");
    wn_report__append_escaped(r->out, caption);
    g_string_append(r->out, "</caption>\n<thead><tr>");
    WnText first[] = {WN_T_COL_RANK, id, WN_T_COL_NAME};
    for (gsize i = 0; i < G_N_ELEMENTS(first) + n_rest; i++) {
        WnText text = i < G_N_ELEMENTS(first) ? first[i] : rest[i - G_N_ELEMENTS(first)];
        if (text == WN_T_COL_NAME && !r->opts->show_labels) {
            continue;
        }
        g_string_append(r->out, "<th scope=\"col\">");
        wn_report__append_escaped(r->out, wn_report__t(r, text));
        g_string_append(r->out, "</th>");
    }
    g_string_append(r->out, "</tr></thead>\n<tbody>\n");
}

/* The caption and header row of a list of @b, its ids headed "Id" or "Pseudoniem". */
static void
open_list(WnReport *r, const WnBuurt *b, WnText what, const WnText *rest, gsize n_rest)
{
    open_list_as(r, b, what, r->pseudonymised ? WN_T_COL_ID : WN_T_COL_ID_PLAIN, rest, n_rest);
}

static void
close_list(WnReport *r)
{
    g_string_append(r->out, "</tbody>\n</table>\n");
}

/* Appends "<tr><td class=n>N</td>" and the node's cells. */
static void
open_row(WnReport *r, gint64 rank, const char *id)
{
    g_string_append_printf(r->out, "<tr><td class=\"n\">%" G_GINT64_FORMAT "</td>", rank);
    append_node_cells(r, id);
}

/* "3 informal contacts", with the noun in the report's language. */
static void
add_counted(GPtrArray *parts, const WnReport *r, WnText text, gint64 n, const char *one,
            const char *many)
{
    g_autofree char *count = wn_report__count(r->lang, n);
    g_ptr_array_add(parts, wn_report__fill(wn_report__t(r, text), count,
                                           wn_report__plural(r->lang, n, one, many), NULL));
}

/**
 * wn_report__risk_words:
 * The reason the resident in @row of an isolation table (wn_isolation_ranking) is at
 * risk, in the report's language, from the status and the parts.
 * Returns: a new string.
 */
char *
wn_report__risk_words(const WnReport *r, const WnTable *t, gsize row)
{
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);
    const char *status = string_cell(t, row, "status");
    if (strcmp(status, "isolated") == 0) {
        g_ptr_array_add(parts, g_strdup(wn_report__t(r, WN_T_R_ISOLATED)));
    } else if (strcmp(status, "formal_only") == 0) {
        add_counted(parts, r, WN_T_R_FORMAL_ONLY, int_cell(t, row, "formal_degree"), "professional",
                    "professionals");
    } else {
        gint64 degree = int_cell(t, row, "informal_degree");
        add_counted(parts, r, degree == 1 ? WN_T_R_INFORMAL_ONE : WN_T_R_INFORMAL, degree,
                    "contact", "contacts");
    }
    if (int_cell(t, row, "groups") > 0) {
        add_counted(parts, r, WN_T_R_GROUPS, int_cell(t, row, "groups"), "group", "groups");
    }
    if (int_cell(t, row, "weak_network") != 0) {
        g_ptr_array_add(parts, g_strdup(wn_report__t(r, WN_T_R_WEAK)));
    }
    if (int_cell(t, row, "vulnerable") != 0) {
        g_ptr_array_add(parts, g_strdup(wn_report__t(r, WN_T_R_VULNERABLE)));
    }
    if (strcmp(status, "isolated") != 0 &&
        wn_table_cell_is_missing(t, row, column(t, "team_distance"))) {
        g_ptr_array_add(parts, g_strdup(wn_report__t(r, WN_T_R_NO_TEAM)));
    }
    g_ptr_array_add(parts, NULL);
    return g_strjoinv("; ", (char **) parts->pdata);
}

/**
 * wn_report__list_risk:
 * The residents at risk of buurt @b, in visiting order, with the reason in words.
 */
void
wn_report__list_risk(WnReport *r, const WnBuurt *b)
{
    const WnTable *t = b->risk;
    gsize n = wn_table_row_count(t);
    open_part(r, WN_T_SEC_RISK);
    if (n == 0) {
        wn_report__paragraph(r, wn_report__t(r, WN_T_RISK_NONE));
        return;
    }
    g_autofree char *shown = wn_report__counted(r->lang, (gint64) n, "resident", "residents");
    g_autofree char *all = wn_report__count(r->lang, (gint64) b->risk_all);
    g_autofree char *intro = wn_report__fill(wn_report__t(r, WN_T_RISK_INTRO), shown, all, NULL);
    if (r->pseudonymised) {
        g_autofree char *more = g_strconcat(intro, " ", wn_report__t(r, WN_T_RISK_KEYLIST), NULL);
        wn_report__paragraph(r, more);
    } else {
        wn_report__paragraph(r, intro);
    }
    const WnText rest[] = {WN_T_COL_WHY_RISK};
    open_list(r, b, WN_T_SEC_RISK, rest, G_N_ELEMENTS(rest));
    for (gsize row = 0; row < n; row++) {
        g_autofree char *reason = wn_report__risk_words(r, t, row);
        open_row(r, (gint64) row + 1, string_cell(t, row, "id"));
        append_text_cell(r, reason);
        g_string_append(r->out, "</tr>\n");
    }
    close_list(r);
}

/* The key figures (@person) or meeting places of @b, with what they offer in words. */
static void
list_keys(WnReport *r, const WnBuurt *b, gboolean person)
{
    const WnTable *t = person ? b->persons : b->places;
    gsize n = wn_table_row_count(t);
    open_part(r, person ? WN_T_SEC_BROKERS : WN_T_SEC_PLACES);
    WnText intro = person ? (n > 0 ? WN_T_BROKERS_INTRO : WN_T_BROKERS_NONE)
                          : (n > 0 ? WN_T_PLACES_INTRO : WN_T_PLACES_NONE);
    wn_report__paragraph(r, wn_report__t(r, intro));
    if (n == 0) {
        return;
    }
    const WnText rest[] = {WN_T_COL_KIND, person ? WN_T_COL_CONNECTS : WN_T_COL_REACHES};
    open_list(r, b, person ? WN_T_SEC_BROKERS : WN_T_SEC_PLACES, rest, G_N_ELEMENTS(rest));
    for (gsize row = 0; row < n; row++) {
        g_autofree char *words = wn_report__key_words(r, t, row, person);
        open_row(r, (gint64) row + 1, string_cell(t, row, "id"));
        append_text_cell(r, wn_report__kind_name(r->lang, string_cell(t, row, "type")));
        append_text_cell(r, words);
        g_string_append(r->out, "</tr>\n");
    }
    close_list(r);
}

/**
 * wn_report__list_persons:
 * The key figures of buurt @b: residents and professionals (wn_key_figures_table).
 */
void
wn_report__list_persons(WnReport *r, const WnBuurt *b)
{
    list_keys(r, b, TRUE);
}

/**
 * wn_report__list_places:
 * The meeting places of buurt @b: groups and organisations.
 */
void
wn_report__list_places(WnReport *r, const WnBuurt *b)
{
    list_keys(r, b, FALSE);
}

/* The rows of @all whose target is listed in @b's residents at risk. */
static WnTable *
suggestions_of(const WnTable *all, const WnBuurt *b)
{
    g_autoptr(GHashTable) ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize row = 0; row < wn_table_row_count(b->risk); row++) {
        g_hash_table_add(ids, (gpointer) string_cell(b->risk, row, "id"));
    }
    gsize n = wn_table_row_count(all);
    g_autofree gboolean *keep = g_new0(gboolean, n + 1);
    for (gsize row = 0; row < n; row++) {
        keep[row] = g_hash_table_contains(ids, string_cell(all, row, "target"));
    }
    return wn_report__rows_kept(all, keep);
}

/**
 * wn_report__gather_suggestions:
 * The suggestions (wn_suggest_table, defaults) for every resident the report lists,
 * made once, then handed to each buurt.
 * Returns: FALSE on error.
 */
gboolean
wn_report__gather_suggestions(WnReport *r, GError **error)
{
    g_autoptr(GPtrArray) ids = g_ptr_array_new();
    for (guint i = 0; i < r->buurten->len; i++) {
        const WnBuurt *b = g_ptr_array_index(r->buurten, i);
        for (gsize row = 0; row < wn_table_row_count(b->risk); row++) {
            g_ptr_array_add(ids, (gpointer) string_cell(b->risk, row, "id"));
        }
    }
    if (ids->len == 0) {
        return TRUE;
    }
    g_ptr_array_add(ids, NULL);
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    r->suggestions = wn_suggest_table(r->net, (const char *const *) ids->pdata, &opts, NULL, error);
    if (r->suggestions == NULL) {
        return FALSE;
    }
    for (guint i = 0; i < r->buurten->len; i++) {
        WnBuurt *b = g_ptr_array_index(r->buurten, i);
        b->suggested = suggestions_of(r->suggestions, b);
    }
    return TRUE;
}

/* A reason naming a small area names no area ("same area" and nothing more). */
static char *
suggestion_reason(const WnReport *r, const WnTable *t, gsize row)
{
    g_autofree char *reason = wn_report__suggestion_words(r, string_cell(t, row, "reason"));
    gsize v = 0;
    const char *area = wn_network_node_lookup(r->net, string_cell(t, row, "target"), &v)
                           ? wn_network_node_area(r->net, v)
                           : NULL;
    if (area == NULL || *area == '\0') {
        return g_steal_pointer(&reason);
    }
    const char *instead =
        wn_report__area_is_small(r, area) ? wn_report__t(r, WN_T_SMALL_AREA) : NULL;
    g_auto(GStrv) pieces = g_strsplit(reason, area, -1);
    return g_strjoinv(instead != NULL ? instead : wn_report__area_title(r, area), pieces);
}

/**
 * wn_report__list_suggestions:
 * The suggestions for the residents listed in buurt @b.
 */
void
wn_report__list_suggestions(WnReport *r, const WnBuurt *b)
{
    const WnTable *t = b->suggested;
    if (t == NULL || wn_table_row_count(b->risk) == 0) {
        return;
    }
    open_part(r, WN_T_SEC_SUGGEST);
    gsize n = wn_table_row_count(t);
    wn_report__paragraph(r, wn_report__t(r, n > 0 ? WN_T_SUGGEST_INTRO : WN_T_SUGGEST_NONE));
    if (n == 0) {
        return;
    }
    const WnText rest[] = {WN_T_COL_SUGGESTION, WN_T_COL_KIND, WN_T_COL_WHY_SUGGEST};
    open_list_as(r, b, WN_T_SEC_SUGGEST, WN_T_COL_FOR, rest, G_N_ELEMENTS(rest));
    for (gsize row = 0; row < n; row++) {
        g_autofree char *reason = suggestion_reason(r, t, row);
        open_row(r, int_cell(t, row, "rank"), string_cell(t, row, "target"));
        append_text_cell(r, string_cell(t, row, "candidate"));
        append_text_cell(r, wn_report__kind_name(r->lang, string_cell(t, row, "type")));
        append_text_cell(r, reason);
        g_string_append(r->out, "</tr>\n");
    }
    close_list(r);
}
