/* text.c: every text of the HTML report, in Dutch and in English */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "report.h"

#include <string.h>

/* A %s in a text is filled in by wn_report__fill, in the order of the comment above it. */
static const char *const texts[WN_T_COUNT][2] = {
    [WN_T_TITLE] = {"Netwerkrapport", "Network report"},
    /* the dataset's title */
    [WN_T_TITLE_OF] = {"Netwerkrapport: %s", "Network report: %s"},
    [WN_T_INTRO] = {"Wie staat er alleen, wie verbindt, en wie kunnen we met elkaar in contact "
                    "brengen? Dit rapport beschrijft het netwerk van bewoners, groepen en "
                    "professionals in deze wijk, buurt voor buurt.",
                    "Who is isolated, who bridges, and whom could we connect? This report "
                    "describes the network of residents, groups and professionals in this "
                    "neighbourhood, area by area."},
    [WN_T_CONTENTS] = {"Inhoud", "Contents"},
    [WN_T_SEC_SUMMARY] = {"Samenvatting", "Summary"},
    /* residents, without informal network, its share, isolated, formal only */
    /* the verb (woont/wonen), residents, without informal network, its share, isolated,
     * formal only */
    [WN_T_SUMMARY] = {"In deze wijk %s %s. Zonder informeel netwerk: %s%s, van wie %s zonder "
                      "enig contact en %s met alleen contact met een professional.",
                      "In this neighbourhood %s %s. Without an informal network: %s%s, of "
                      "whom %s without any contact and %s in touch only with a professional."},
    /* as WN_T_SUMMARY, for one area of a split batch job */
    /* as WN_T_SUMMARY, for one area */
    [WN_T_SUMMARY_AREA] = {"In deze buurt %s %s. Zonder informeel netwerk: %s%s, van wie %s "
                           "zonder enig contact en %s met alleen contact met een professional.",
                           "In this area %s %s. Without an informal network: %s%s, of whom "
                           "%s without any contact and %s in touch only with a professional."},
    /* fragile, its share */
    /* fragile residents, its share */
    [WN_T_SUMMARY_FRAGILE] = {"Met een kwetsbaar netwerk (weinig contacten, of contacten die "
                              "zelf risico lopen): nog %s%s.",
                              "With a fragile network (few contacts, or contacts who are at risk "
                              "themselves): another %s%s."},
    /* the threshold */
    [WN_T_SUMMARY_HIDDEN] = {"Hier wonen minder dan %s bewoners. Om hen te beschermen toont "
                             "dit rapport voor dit gebied geen aantallen.",
                             "Fewer than %s residents live here. To protect them, this report "
                             "shows no counts for this area."},
    [WN_T_SUMMARY_NONE] = {"Er staan geen bewoners in deze gegevens.",
                           "The data hold no residents."},
    [WN_T_SEC_MAP] = {"Kaart", "Map"},
    [WN_T_MAP_CAPTION] = {"Aandeel bewoners zonder enig contact per buurt. Buurten met te weinig "
                          "bewoners zijn niet ingekleurd.",
                          "Share of residents without any contact per area. Areas with too few "
                          "residents are not coloured."},
    [WN_T_MAP_NONE] = {"Er is geen kaart: de gegevens hebben geen buurtgrenzen en geen "
                       "coördinaten.",
                       "There is no map: the data hold no area boundaries and no coordinates."},
    [WN_T_SEC_AREAS] = {"Cijfers per buurt", "Figures per area"},
    /* the threshold, the threshold */
    /* the threshold, the threshold */
    [WN_T_AREAS_INTRO] = {"Aantallen onder de %s staan er als ‘<%s’; een ‘x’ is verborgen "
                          "zodat zo’n klein aantal niet terug te rekenen is; een buurt met minder "
                          "bewoners toont geen cijfers. Elke buurt heeft verderop een eigen "
                          "hoofdstuk.",
                          "Counts below %s show as ‘<%s’; an ‘x’ is hidden so that such a small "
                          "count cannot be worked back; an area with fewer residents shows no "
                          "figures. Each area has its own chapter further on."},
    [WN_T_SEC_RISK] = {"Bewoners met een risico op isolement", "Residents at risk of isolation"},
    /* rows shown, residents at risk */
    /* residents shown ("25 bewoners"), residents at risk */
    [WN_T_RISK_INTRO] = {"%s van de %s met een risico, in de volgorde waarin u ze zou bezoeken: "
                         "eerst wie geen enkel contact heeft, dan wie alleen een professional "
                         "kent; binnen elke groep eerst wie bekend is als kwetsbaar, dan wie de "
                         "minste contacten heeft.",
                         "%s of the %s at risk, in the order you would visit them: first those "
                         "without any contact, then those who know only a professional; within "
                         "each, those known to be vulnerable first, then those with the fewest "
                         "contacts."},
    [WN_T_RISK_NONE] = {"Geen enkele bewoner hier loopt volgens deze gegevens risico.",
                        "According to these data no resident here is at risk."},
    [WN_T_SEC_BROKERS] = {"Sleutelfiguren", "Key figures"},
    [WN_T_BROKERS_INTRO] = {"Bewoners en professionals via wie u bewoners met een risico bereikt: "
                            "wie hen kent, of iemand kent die hen kent.",
                            "Residents and professionals through whom you reach residents at "
                            "risk: who knows them, or knows someone who does."},
    [WN_T_BROKERS_NONE] = {"Hier kent niemand een bewoner met een risico.",
                           "Nobody here knows a resident at risk."},
    [WN_T_SEC_SUGGEST] = {"Wie kunnen we met elkaar in contact brengen?", "Whom could we connect?"},
    [WN_T_SUGGEST_INTRO] = {"Voor de bewoners hierboven: de meest kansrijke nieuwe contacten, met "
                            "de reden.",
                            "For the residents above: the most promising new connections, with "
                            "the reason."},
    [WN_T_SUGGEST_NONE] = {"Er zijn geen voorstellen.", "There are no suggestions."},
    [WN_T_SEC_METHOD] = {"Hoe deze cijfers berekend zijn", "How these figures are computed"},
    [WN_T_METHOD_NETWORK] = {"Een band is formeel als een professional of organisatie er bij "
                             "betrokken is, anders informeel. Het informele netwerk van een "
                             "bewoner zijn de informele banden en de groepen waar hij of zij "
                             "lid van is. Conflicten tellen nergens mee.",
                             "A tie is formal when a professional or organisation is one of its "
                             "ends, informal otherwise. A resident's informal network is their "
                             "informal ties and the groups they belong to. Conflicts count "
                             "nowhere."},
    /* fragile degree, fragile weak share */
    [WN_T_METHOD_STATUS] = {"Geen enkel contact: geen informele band, geen groep en geen "
                            "professional. Alleen formeel: geen informeel netwerk, wel een "
                            "professional. Kwetsbaar: hoogstens %s informele contacten, of "
                            "minstens %s van de informele contacten loopt zelf risico.",
                            "No contact at all: no informal tie, no group and no professional. "
                            "Formal only: no informal network, but a professional. Fragile: at "
                            "most %s informal contacts, or at least %s of the informal contacts "
                            "are at risk themselves."},
    /* w_s, cap_s, w_r, cap_r, w_w */
    [WN_T_METHOD_INDEX] = {"De isolatie-index (0 tot 1) telt op: %s × het tekort aan informele "
                           "sterkte (vol bij %s), %s × het tekort aan bereik in twee stappen "
                           "(vol bij %s bewoners) en %s × het aandeel contacten dat zelf risico "
                           "loopt. De lijsten per buurt volgen niet de index maar de volgorde "
                           "van een bezoek: eerst wie geen enkel contact heeft, dan wie alleen "
                           "een professional kent, dan de rest; bekend kwetsbaren eerst, dan wie "
                           "de minste contacten heeft, dan het id.",
                           "The isolation index (0 to 1) adds up: %s × the shortfall of "
                           "informal strength (full at %s), %s × the shortfall of reach in two "
                           "steps (full at %s residents) and %s × the share of contacts at risk "
                           "themselves. The lists per area follow not the index but the order of a "
                           "visit: first those without any contact, then those who know only a "
                           "professional, then the rest; those known to be vulnerable first, "
                           "then the fewest contacts, then the id."},
    [WN_T_METHOD_BROKERS] = {"Sleutelfiguren zijn bewoners en professionals. Ze staan gerangschikt "
                             "naar het aantal bewoners met een risico dat ze kennen of via een "
                             "andere bewoner kennen (wie iemand voorstelt is een persoon, geen "
                             "groep); dan naar het aantal bewoners voor wie zij de enige schakel "
                             "zijn (hun enige informele contact, of hun enige contact); dan naar "
                             "het aantal buurten waar hun contacten wonen.",
                             "Key figures are residents and professionals. They are ranked by "
                             "the residents at risk they know or know through another resident "
                             "(who introduces someone is a person, not a group); then by the "
                             "residents for whom they are the only link (their one informal "
                             "contact, or their one contact); then by the areas their contacts "
                             "live in."},
    [WN_T_METHOD_SUGGEST] = {"Voorstellen wegen gemeenschappelijke contacten, gedeelde groepen, "
                             "dezelfde buurt, afstand, gedeelde interesses en leeftijd; "
                             "conflicten worden nooit voorgesteld.",
                             "Suggestions weigh common contacts, shared groups, the same area, "
                             "distance, shared interests and age; conflicts are never "
                             "suggested."},
    /* the threshold */
    [WN_T_METHOD_PRIVACY] = {"Privacy: aantallen onder de %s worden niet getoond, en namen "
                             "alleen als daar uitdrukkelijk om gevraagd is. Dit bestand haalt "
                             "niets van internet.",
                             "Privacy: counts below %s are not shown, and names only when "
                             "explicitly asked for. This file fetches nothing from the "
                             "internet."},
    /* the version */
    [WN_T_FOOTER] = {"Gemaakt met wijknet %s.", "Made with wijknet %s."},
    [WN_T_COL_RANK] = {"Nr.", "No."},
    [WN_T_COL_ID] = {"Pseudoniem", "Pseudonym"},
    [WN_T_COL_NAME] = {"Naam", "Name"},
    [WN_T_COL_AREA] = {"Buurt", "Area"},
    [WN_T_COL_KIND] = {"Soort", "Kind"},
    [WN_T_COL_REASON] = {"Waarom", "Why"},
    [WN_T_COL_CONNECTS] = {"Wat ze verbinden", "What they connect"},
    [WN_T_COL_SUGGESTION] = {"Kan kennismaken met", "Could meet"},
    [WN_T_SMALL_AREA] = {"(kleine buurt)", "(small area)"},
    [WN_T_FEWER_THAN] = {"minder dan %s", "fewer than %s"},
    /* a count hidden so that a small one cannot be worked back */
    [WN_T_HIDDEN] = {"een verborgen aantal bewoners", "a hidden number of residents"},
    /* "132 bewoners" */
    [WN_T_AT_LEAST] = {"minstens %s", "at least %s"},
    [WN_T_R_ISOLATED] = {"geen enkel contact: geen informele band, geen groep, geen professional",
                         "no contact at all: no informal tie, no group, no professional"},
    /* formal degree, "professional(s)" */
    [WN_T_R_FORMAL_ONLY] = {"alleen contact met %s %s", "in touch only with %s %s"},
    /* informal degree, "contact(s)" */
    [WN_T_R_INFORMAL] = {"%s informele %s", "%s informal %s"},
    [WN_T_R_INFORMAL_ONE] = {"%s informeel %s", "%s informal %s"},
    [WN_T_NO_AREA] = {"(geen buurt)", "(no area)"},
    /* groups, "group(s)" */
    [WN_T_R_GROUPS] = {"lid van %s %s", "member of %s %s"},
    [WN_T_R_WEAK] = {"de helft of meer van de contacten loopt zelf risico",
                     "half or more of the contacts are at risk themselves"},
    [WN_T_R_VULNERABLE] = {"bekend als kwetsbaar", "known to be vulnerable"},
    [WN_T_R_NO_TEAM] = {"geen pad naar het sociaal team", "no path to the social team"},
    [WN_T_COL_ID_PLAIN] = {"Id", "Id"},
    [WN_T_COL_WHY_RISK] = {"Waarom op deze lijst", "Why on this list"},
    [WN_T_COL_REACHES] = {"Wie ze bereiken", "Whom they reach"},
    [WN_T_COL_FOR] = {"Voor bewoner", "For resident"},
    [WN_T_COL_WHY_SUGGEST] = {"Waarom dit contact", "Why this contact"},
    [WN_T_INTRO_PSEUDONYMS] = {"Bewoners staan er onder een pseudoniem in.",
                               "Residents appear under a pseudonym."},
    [WN_T_RISK_KEYLIST] = {"Zoek de pseudoniemen op in uw eigen sleutellijst.",
                           "Look the pseudonyms up in your own key list."},
    /* the area's name */
    [WN_T_SEC_BUURT] = {"Buurt %s", "Area %s"},
    [WN_T_SEC_OTHER] = {"Kleine buurten en bewoners zonder buurt",
                        "Small areas and residents without an area"},
    [WN_T_SEC_WHOLE] = {"De hele wijk", "The whole neighbourhood"},
    /* the threshold */
    [WN_T_OTHER_INTRO] = {"Buurten met minder dan %s bewoners tonen geen cijfers en geen namen; "
                          "hun bewoners staan hier samen met de bewoners zonder buurt.",
                          "Areas with fewer than %s residents show no figures and no names; "
                          "their residents are listed here with the residents without an "
                          "area."},
    [WN_T_SEC_PLACES] = {"Ontmoetingsplekken", "Meeting places"},
    [WN_T_PLACES_INTRO] = {"Groepen en organisaties waar bewoners elkaar tegenkomen; eerst de "
                           "plekken die bewoners bereiken die verder niemand bereikt.",
                           "Groups and organisations where residents meet; first the places "
                           "that reach residents nobody else reaches."},
    [WN_T_PLACES_NONE] = {"Hier is geen groep of organisatie met leden.",
                          "There is no group or organisation with members here."},
    [WN_T_METHOD_PLACES] = {"Ontmoetingsplekken zijn groepen en organisaties, apart "
                            "gerangschikt: eerst naar het aantal bewoners voor wie de plek de "
                            "enige schakel is (die bereikt u nergens anders), dan naar het "
                            "aantal leden met een risico, dan naar het aantal leden.",
                            "Meeting places are groups and organisations, ranked apart: first "
                            "by the residents for whom the place is the only link (you reach "
                            "them nowhere else), then by the members at risk, then by the "
                            "members."},
    /* "12 bewoners" */
    [WN_T_K_REACH] = {"kent %s met een risico, zelf of via een andere bewoner",
                      "knows %s at risk, directly or through another resident"},
    /* "3 bewoners", the ids */
    [WN_T_K_ONLY] = {"enige schakel voor %s: %s", "the only link of %s: %s"},
    /* "2 buurten", the names */
    [WN_T_K_AREAS] = {"contacten in %s: %s", "contacts in %s: %s"},
    /* "2 groepen", the ids */
    [WN_T_K_GROUPS] = {"lid van %s: %s", "member of %s: %s"},
    /* "400 leden", "2 bewoners" */
    [WN_T_K_MEMBERS] = {"%s, van wie %s met een risico", "%s, %s of them at risk"},
    /* "3 buurten", the names */
    [WN_T_K_MEMBER_AREAS] = {"leden uit %s: %s", "members from %s: %s"},
    /* a count */
    [WN_T_AND_MORE] = {"en nog %s", "and %s more"},
    [WN_T_AND] = {"en", "and"},
    [WN_T_AREAS_CAPTION] = {"Bewoners per buurt, naar hun netwerk",
                            "Residents per area, by their network"},
    [WN_T_AREAS_CAPTION_MORE] = {"Aandelen, gemiddelde isolatie-index en voorzieningen per "
                                 "buurt",
                                 "Shares, mean isolation index and services per area"},
    /* what the table lists, where */
    [WN_T_CAPTION_OF] = {"%s – %s", "%s – %s"},
    /* the language */
    [WN_T_S_LANGUAGE] = {"spreken allebei %s", "both speak %s"},
    /* the interests */
    [WN_T_S_INTERESTS] = {"delen interesse in %s", "share an interest in %s"},
    [WN_T_BUURTEN_INTRO] = {"Per buurt: wie u het eerst bezoekt, wie u kan voorstellen, waar "
                            "bewoners elkaar ontmoeten en wie ze kunnen leren kennen.",
                            "Per area: whom to visit first, who can introduce you, where "
                            "residents meet and whom they could get to know."},
};

const char *
wn_report__text(WnLanguage language, WnText text)
{
    g_return_val_if_fail(text < WN_T_COUNT && language <= WN_LANGUAGE_EN, "");
    return texts[text][language];
}

/* The row of @table (@n rows, its first column the key) whose key is @key; NULL if none. */
static const char *const *
find_row(const char *const table[][3], gsize n, const char *key)
{
    for (gsize i = 0; i < n; i++) {
        if (g_strcmp0(table[i][0], key) == 0) {
            return table[i];
        }
    }
    return NULL;
}

/* Dutch forms of the English nouns the report counts. */
static const char *const nouns[][3] = {
    {"professional", "professional", "professionals"},
    {"professionals", "professional", "professionals"},
    {"contact", "contact", "contacten"},
    {"contacts", "contact", "contacten"},
    {"group", "groep", "groepen"},
    {"groups", "groep", "groepen"},
    {"resident", "bewoner", "bewoners"},
    {"residents", "bewoner", "bewoners"},
    {"member", "lid", "leden"},
    {"members", "lid", "leden"},
    {"area", "buurt", "buurten"},
    {"areas", "buurt", "buurten"},
    {"lives", "woont", "wonen"},
    {"live", "woont", "wonen"},
};

/**
 * wn_report__plural:
 * The noun for @n things in @language, given its English singular and plural.
 * Returns: a static string.
 */
const char *
wn_report__plural(WnLanguage language, gint64 n, const char *en_one, const char *en_many)
{
    const char *en = n == 1 ? en_one : en_many;
    if (language == WN_LANGUAGE_EN) {
        return en;
    }
    const char *const *row = find_row(nouns, G_N_ELEMENTS(nouns), en);
    return row != NULL ? row[n == 1 ? 1 : 2] : en;
}

/**
 * wn_report__counted:
 * @n and its noun in @language, given the English singular and plural: "1 bewoner",
 * "5.500 bewoners", "5,500 residents" (wn_words__counted).
 * Returns: a new string.
 */
char *
wn_report__counted(WnLanguage language, gint64 n, const char *en_one, const char *en_many)
{
    const char *one = wn_report__plural(language, 1, en_one, en_many);
    const char *many = wn_report__plural(language, 2, en_one, en_many);
    return wn_words__counted(language == WN_LANGUAGE_NL, n, one, many);
}

/* Titles of the areas table's columns; a column not listed shows its own name. */
static const char *const column_titles[][3] = {
    {"area", "Buurt", "Area"},
    {"code", "Code", "Code"},
    {"name", "Naam", "Name"},
    {"residents", "Bewoners", "Residents"},
    {"isolated", "Zonder enig contact", "Without any contact"},
    {"isolated_share", "% zonder contact", "% without contact"},
    {"formal_only", "Alleen een professional", "Only a professional"},
    {"formal_only_share", "% alleen professional", "% only professional"},
    {"fragile", "Kwetsbaar netwerk", "Fragile network"},
    {"fragile_share", "% kwetsbaar", "% fragile"},
    {"connected", "Verbonden", "Connected"},
    {"connected_share", "% verbonden", "% connected"},
    {"vulnerable", "Bekend als kwetsbaar", "Known vulnerable"},
    {"mean_index", "Gem. isolatie-index (0–1)", "Mean isolation index (0–1)"},
    {"mean_isolation_index", "Gem. isolatie-index (0–1)", "Mean isolation index (0–1)"},
    {"brokers", "Verbinders tussen buurten", "Bridges between areas"},
    {"professionals", "Professionals", "Professionals"},
    {"groups", "Groepen", "Groups"},
};

const char *
wn_report__column_title(WnLanguage language, const char *column)
{
    const char *const *row = find_row(column_titles, G_N_ELEMENTS(column_titles), column);
    return row != NULL ? row[1 + language] : column;
}

static const char *const kind_names[][3] = {
    {"resident", "bewoner", "resident"},
    {"professional", "professional", "professional"},
    {"group", "groep", "group"},
    {"organisation", "organisatie", "organisation"},
};

const char *
wn_report__kind_name(WnLanguage language, const char *kind)
{
    const char *const *row = find_row(kind_names, G_N_ELEMENTS(kind_names), kind);
    return row != NULL ? row[1 + language] : kind != NULL ? kind : "";
}

/* The phrases of wn_suggest_table's reason column, and their Dutch. */
static const char *const suggestion_phrases[][2] = {
    {"both know (\\S+) \\(professional\\)", "kennen allebei \\1 (professional)"},
    {"both know (\\S+) \\(resident\\)", "kennen allebei \\1 (bewoner)"},
    {"both know (\\S+) \\(organisation\\)", "kennen allebei \\1 (organisatie)"},
    {"both know (\\S+) \\(group\\)", "kennen allebei \\1 (groep)"},
    {" and 1 other, who could introduce them", " en 1 ander, die hen kunnen voorstellen"},
    {" and (\\d+) others, who could introduce them", " en \\1 anderen, die hen kunnen voorstellen"},
    {", who could introduce them", ", die hen aan elkaar kan voorstellen"},
    {"both in groups? ", "allebei in "},
    {" and (\\d+) more", " en nog \\1"},
    {"both: ", "allebei: "},
    {"same age band ", "zelfde leeftijdsgroep "},
    {"same age band", "zelfde leeftijdsgroep"},
    {"adjacent age bands", "aangrenzende leeftijdsgroepen"},
    {"1 interest or language in common", "1 interesse of taal gemeen"},
    {"(\\d+) interests or languages in common", "\\1 interesses of talen gemeen"},
    {"age bands (\\S+) and (\\S+)", "leeftijdsgroepen \\1 en \\2"},
    {"a group with 1 member", "een groep met 1 lid"},
    {"a group with (\\d+) members", "een groep met \\1 leden"},
    {"well connected \\(1 informal tie\\)", "goed verbonden (1 informele band)"},
    {"well connected \\((\\d+) informal ties\\)", "goed verbonden (\\1 informele banden)"},
    {"same area", "zelfde buurt"},
    {"(\\d+) m apart", "\\1 m van elkaar"},
    {"no one known can introduce them", "niemand bekend die hen kan voorstellen"},
    {" can introduce them \\(supports them\\)", " kan hen voorstellen (ondersteunt de bewoner al)"},
    {" can introduce them \\(knows both\\)", " kan hen voorstellen (kent beiden)"},
    {" can introduce them \\(a member they know\\)",
     " kan hen voorstellen (een lid dat de bewoner kent)"},
    {"\\(resident\\) kan hen", "(bewoner) kan hen"},
    {"members share: ", "leden delen: "},
    {"members mostly of a near age", "leden meest van ongeveer die leeftijd"},
    {"members mostly ", "leden meest "},
    {"in the neighbouring area (\\S+)", "in de buurt ernaast \\1"},
    {"in area (\\S+)", "in buurt \\1"},
    {"also at risk \\(isolated\\)", "loopt zelf ook risico (geen contact)"},
    {"also at risk \\(formal_only\\)", "loopt zelf ook risico (alleen formeel)"},
    {"also at risk \\(fragile\\)", "loopt zelf ook risico (kwetsbaar netwerk)"},
    {NULL, NULL},
};

/* Puts each phrase of @text into Dutch; a phrase not known stays English. */
static char *
translate(const char *const phrases[][2], const char *text)
{
    g_autofree char *out = g_strdup(text != NULL ? text : "");
    for (gsize i = 0; phrases[i][0] != NULL; i++) {
        g_autoptr(GRegex) re = g_regex_new(phrases[i][0], 0, 0, NULL);
        g_assert_nonnull(re);
        char *next = g_regex_replace(re, out, -1, 0, phrases[i][1], 0, NULL);
        g_free(out);
        out = next != NULL ? next : g_strdup("");
    }
    return g_steal_pointer(&out);
}

/**
 * wn_report__translate:
 * A reason of wn_suggest_table in @language: the English as it is, or its phrases put
 * into Dutch one by one. The figures in it are never recomputed.
 * Returns: a new string.
 */
char *
wn_report__translate(WnLanguage language, const char *reason)
{
    if (language == WN_LANGUAGE_EN) {
        return g_strdup(reason != NULL ? reason : "");
    }
    return translate(suggestion_phrases, reason);
}

/**
 * wn_report__fill:
 * @text with each "%s" replaced by the next string argument, the list ended by NULL;
 * once the arguments run out, the first "%s" left is dropped and the rest of @text kept
 * as it is. No printf: the texts are data, and a dataset's text is never read as a format.
 * Returns: a new string.
 */
char *
wn_report__fill(const char *text, ...)
{
    va_list args;
    va_start(args, text);
    GString *out = g_string_new(NULL);
    const char *at = text;
    for (const char *hole = strstr(at, "%s"); hole != NULL; hole = strstr(at, "%s")) {
        g_string_append_len(out, at, hole - at);
        const char *arg = va_arg(args, const char *);
        if (arg == NULL) {
            at = hole + 2;
            break;
        }
        g_string_append(out, arg);
        at = hole + 2;
    }
    va_end(args);
    g_string_append(out, at);
    return g_string_free(out, FALSE);
}
