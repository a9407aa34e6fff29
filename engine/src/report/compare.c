/* compare.c: the report's optional section comparing this wave with an earlier one
 * (`wijknet report --compare WAVE1`) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "report.h"

/* The section's own texts (Dutch, English), kept here so that the shared texts of the
 * report stay as they are. */
static const char *const texts[][2] = {
    {"Vergeleken met de vorige meting", "Compared with the previous wave"},
    {"Bewoners zijn op id gekoppeld aan de vorige meting. Wie in beide metingen voorkomt, "
     "kan naar een andere situatie zijn gegaan; wie alleen in de vorige meting voorkomt, is "
     "vertrokken of niet meer bevraagd, en wie alleen nu voorkomt is nieuw. Aantallen onder "
     "%s staan er niet.",
     "Residents are matched to the previous wave by id. Residents in both waves may have "
     "moved to another situation; those in the previous wave only left or were not asked "
     "again, and those in this wave only are new. Counts below %s are not shown."},
    {"Situatie", "Situation"},
    {"Vorige meting", "Previous wave"},
    {"Nu", "Now"},
    {"Erbij gekomen", "Moved in"},
    {"Eruit gegaan", "Moved out"},
    {"Vertrokken", "Left"},
    {"Nieuw", "New"},
    {"Enige schakel (in de tabellen van wijknet: dependants): de bewoners die geen enkel "
     "contact of alleen nog een professional overhouden als deze persoon vertrekt of deze "
     "plek sluit. Met wijknet whatif rekent u zo'n vertrek of sluiting door.",
     "Only link (in wijknet's tables: dependants): the residents who are left without any "
     "contact, or with only a professional, if this person leaves or this place closes. "
     "wijknet whatif works out such a departure or closure."},
};
enum { T_TITLE, T_INTRO, T_STATUS, T_WAVE1, T_WAVE2, T_IN, T_OUT, T_LEFT, T_JOINED, T_DEPENDANTS };

static const char *const columns[] = {"wave1", "wave2", "moved_in", "moved_out", "left", "joined"};

static const char *
text(const WnReport *r, int t)
{
    return texts[t][r->lang == WN_LANGUAGE_NL ? 0 : 1];
}

/* A count, or "<k" when it is from 1 to k − 1 (a small cell could point at a person). */
static void
append_count(WnReport *r, gint64 value)
{
    if (value > 0 && value < (gint64) r->opts->min_cell) {
        g_string_append_printf(r->out, "<td class=\"n\">&lt;%s</td>", r->k);
        return;
    }
    g_autofree char *n = wn_words__int(r->lang == WN_LANGUAGE_NL, value);
    g_string_append_printf(r->out, "<td class=\"n\">%s</td>", n);
}

static void
append_head(WnReport *r)
{
    g_string_append(r->out, "<table>\n<tr>");
    for (int t = T_STATUS; t <= T_JOINED; t++) {
        g_string_append(r->out, "<th>");
        wn_report__append_escaped(r->out, text(r, t));
        g_string_append(r->out, "</th>");
    }
    g_string_append(r->out, "</tr>\n");
}

/* The rows of the whole wijk (scope "all") of wn_compare_moves. */
static void
append_rows(WnReport *r, const WnTable *moves)
{
    gsize scope = 0, status = 0;
    wn_table_column_lookup(moves, "scope", &scope);
    wn_table_column_lookup(moves, "status", &status);
    for (gsize row = 0; row < wn_table_row_count(moves); row++) {
        if (g_strcmp0(wn_table_cell_string(moves, row, scope), "all") != 0) {
            continue;
        }
        g_string_append(r->out, "<tr><td>");
        wn_report__append_escaped(
            r->out, wn_report__column_title(r->lang, wn_table_cell_string(moves, row, status)));
        g_string_append(r->out, "</td>");
        for (gsize j = 0; j < G_N_ELEMENTS(columns); j++) {
            gsize c = 0;
            wn_table_column_lookup(moves, columns[j], &c);
            append_count(r, wn_table_cell_int(moves, row, c));
        }
        g_string_append(r->out, "</tr>\n");
    }
    g_string_append(r->out, "</table>\n");
}

/**
 * wn_report__paragraph_dependants:
 * A paragraph of the method: the "only link" of the key figures and meeting places is
 * wijknet's `dependants` (wn_dependants_count), and what it means.
 */
void
wn_report__paragraph_dependants(WnReport *r)
{
    wn_report__paragraph(r, text(r, T_DEPENDANTS));
}

/**
 * wn_report__section_compare:
 * With opts->compare (an earlier wave of the same wijk), a section with the residents per
 * status in either wave and how many moved in and out, left and joined (wn_compare_waves,
 * the whole wijk; counts from 1 to min_cell − 1 shown as "<k"). Nothing without it.
 * Returns: FALSE on error (as wn_compare_waves).
 */
gboolean
wn_report__section_compare(WnReport *r, GError **error)
{
    if (r->opts->compare == NULL) {
        return TRUE;
    }
    WnCompareOptions opts = WN_COMPARE_OPTIONS_INIT;
    opts.min_cell = r->opts->min_cell;
    g_autoptr(WnCompare) c = wn_compare_waves(r->opts->compare, r->net, &opts, error);
    if (c == NULL) {
        return FALSE;
    }
    g_string_append(r->out, "<section id=\"compare\">\n<h2>");
    wn_report__append_escaped(r->out, text(r, T_TITLE));
    g_string_append(r->out, "</h2>\n");
    g_autofree char *intro = wn_report__fill(text(r, T_INTRO), r->k, NULL);
    wn_report__paragraph(r, intro);
    append_head(r);
    append_rows(r, wn_compare_moves(c));
    g_string_append(r->out, "</section>\n");
    return TRUE;
}
