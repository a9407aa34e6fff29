/* lists.c: the residents at risk, the key figures and the suggestions, by id */
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
append_area_cell(WnReport *r, const char *area)
{
    g_string_append(r->out, "<td>");
    wn_report__append_escaped(
        r->out, wn_report__area_is_small(r, area) ? wn_report__t(r, WN_T_SMALL_AREA) : area);
    g_string_append(r->out, "</td>");
}

static void
append_text_cell(WnReport *r, const char *text)
{
    g_string_append(r->out, "<td>");
    wn_report__append_escaped(r->out, text);
    g_string_append(r->out, "</td>");
}

/* The header row: rank, id, [name], then @rest. */
static void
open_list(WnReport *r, const WnText *rest, gsize n_rest)
{
    g_string_append(r->out, "<table>\n<thead><tr>");
    WnText first[] = {WN_T_COL_RANK, WN_T_COL_ID, WN_T_COL_NAME};
    for (gsize i = 0; i < G_N_ELEMENTS(first) + n_rest; i++) {
        WnText text = i < G_N_ELEMENTS(first) ? first[i] : rest[i - G_N_ELEMENTS(first)];
        if (text == WN_T_COL_NAME && !r->opts->show_labels) {
            continue;
        }
        g_string_append(r->out, "<th>");
        wn_report__append_escaped(r->out, wn_report__t(r, text));
        g_string_append(r->out, "</th>");
    }
    g_string_append(r->out, "</tr></thead>\n<tbody>\n");
}

static gsize
rows_shown(const WnReport *r, const WnTable *t)
{
    gsize n = wn_table_row_count(t);
    return r->opts->top > 0 ? MIN(n, r->opts->top) : n;
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

/* The reason a resident is at risk, in words, from the status and the parts. */
static char *
risk_reason(const WnReport *r, const WnTable *t, gsize row)
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

void
wn_report__section_risk(WnReport *r)
{
    const WnTable *t = r->ranking;
    gsize n = rows_shown(r, t);
    wn_report__open_section(r, "at-risk", WN_T_SEC_RISK);
    if (n == 0) {
        wn_report__paragraph(r, wn_report__t(r, WN_T_RISK_NONE));
        g_string_append(r->out, "</section>\n");
        return;
    }
    g_autofree char *shown = wn_report__count(r->lang, (gint64) n);
    g_autofree char *all = wn_report__count(r->lang, (gint64) wn_table_row_count(t));
    g_autofree char *intro = wn_report__fill(wn_report__t(r, WN_T_RISK_INTRO), shown, all, NULL);
    wn_report__paragraph(r, intro);
    const WnText rest[] = {WN_T_COL_AREA, WN_T_COL_REASON};
    open_list(r, rest, G_N_ELEMENTS(rest));
    for (gsize row = 0; row < n; row++) {
        g_autofree char *reason = risk_reason(r, t, row);
        g_string_append_printf(r->out, "<tr><td class=\"n\">%" G_GSIZE_FORMAT "</td>", row + 1);
        append_node_cells(r, string_cell(t, row, "id"));
        append_area_cell(r, string_cell(t, row, "area"));
        append_text_cell(r, reason);
        g_string_append(r->out, "</tr>\n");
    }
    g_string_append(r->out, "</tbody>\n</table>\n</section>\n");
}

void
wn_report__section_brokers(WnReport *r)
{
    const WnTable *t = r->brokers;
    gsize n = rows_shown(r, t);
    wn_report__open_section(r, "key-figures", WN_T_SEC_BROKERS);
    wn_report__paragraph(r, wn_report__t(r, n > 0 ? WN_T_BROKERS_INTRO : WN_T_BROKERS_NONE));
    if (n == 0) {
        g_string_append(r->out, "</section>\n");
        return;
    }
    const WnText rest[] = {WN_T_COL_KIND, WN_T_COL_AREA, WN_T_COL_CONNECTS};
    open_list(r, rest, G_N_ELEMENTS(rest));
    for (gsize row = 0; row < n; row++) {
        g_autofree char *reason =
            wn_report__translate(r->lang, WN_REASON_BROKER, string_cell(t, row, "reason"));
        g_string_append_printf(r->out, "<tr><td class=\"n\">%" G_GSIZE_FORMAT "</td>", row + 1);
        append_node_cells(r, string_cell(t, row, "id"));
        append_text_cell(r, wn_report__kind_name(r->lang, string_cell(t, row, "type")));
        append_area_cell(r, string_cell(t, row, "group"));
        append_text_cell(r, reason);
        g_string_append(r->out, "</tr>\n");
    }
    g_string_append(r->out, "</tbody>\n</table>\n</section>\n");
}

/* The suggestions for the residents the report lists (wn_suggest_table, defaults). */
gboolean
wn_report__gather_suggestions(WnReport *r, GError **error)
{
    gsize n = rows_shown(r, r->ranking);
    if (n == 0) {
        return TRUE;
    }
    g_autoptr(GPtrArray) ids = g_ptr_array_new();
    for (gsize row = 0; row < n; row++) {
        g_ptr_array_add(ids, (gpointer) string_cell(r->ranking, row, "id"));
    }
    g_ptr_array_add(ids, NULL);
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    r->suggestions = wn_suggest_table(r->net, (const char *const *) ids->pdata, &opts, NULL, error);
    return r->suggestions != NULL;
}

/* A reason naming a small area names no area ("same area" and nothing more). */
static char *
suggestion_reason(const WnReport *r, const WnTable *t, gsize row)
{
    g_autofree char *reason =
        wn_report__translate(r->lang, WN_REASON_SUGGESTION, string_cell(t, row, "reason"));
    gsize v = 0;
    const char *area = wn_network_node_lookup(r->net, string_cell(t, row, "target"), &v)
                           ? wn_network_node_area(r->net, v)
                           : NULL;
    if (area == NULL || *area == '\0' || !wn_report__area_is_small(r, area)) {
        return g_steal_pointer(&reason);
    }
    g_auto(GStrv) pieces = g_strsplit(reason, area, -1);
    return g_strjoinv(wn_report__t(r, WN_T_SMALL_AREA), pieces);
}

void
wn_report__section_suggestions(WnReport *r)
{
    const WnTable *t = r->suggestions;
    if (t == NULL) {
        return;
    }
    wn_report__open_section(r, "suggestions", WN_T_SEC_SUGGEST);
    gsize n = wn_table_row_count(t);
    wn_report__paragraph(r, wn_report__t(r, n > 0 ? WN_T_SUGGEST_INTRO : WN_T_SUGGEST_NONE));
    if (n > 0) {
        const WnText rest[] = {WN_T_COL_SUGGESTION, WN_T_COL_KIND, WN_T_COL_REASON};
        open_list(r, rest, G_N_ELEMENTS(rest));
        for (gsize row = 0; row < n; row++) {
            g_autofree char *reason = suggestion_reason(r, t, row);
            g_string_append_printf(r->out, "<tr><td class=\"n\">%" G_GINT64_FORMAT "</td>",
                                   int_cell(t, row, "rank"));
            append_node_cells(r, string_cell(t, row, "target"));
            append_text_cell(r, string_cell(t, row, "candidate"));
            append_text_cell(r, wn_report__kind_name(r->lang, string_cell(t, row, "type")));
            append_text_cell(r, reason);
            g_string_append(r->out, "</tr>\n");
        }
        g_string_append(r->out, "</tbody>\n</table>\n");
    }
    g_string_append(r->out, "</section>\n");
}
