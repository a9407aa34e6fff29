/* svg-words.c: the words of the drawings and the map legend, in Dutch and English */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "maps.h"

static const char *const words[WN_SVG_WORD_COUNT][2] = {
    [WN_SVG_EGO_TITLE] = {"Het netwerk van %s", "The network of %s"},
    [WN_SVG_SECTOR_FAMILY] = {"Huishouden en familie", "Household and family"},
    [WN_SVG_SECTOR_FRIENDS] = {"Vrienden en buren", "Friends and neighbours"},
    [WN_SVG_SECTOR_GROUPS] = {"Groepen", "Groups"},
    [WN_SVG_SECTOR_PROFESSIONALS] = {"Professionals en organisaties",
                                     "Professionals and organisations"},
    [WN_SVG_SECTOR_CONFLICT] = {"Conflict", "Conflict"},
    [WN_SVG_SECTOR_MEMBERS] = {"Leden", "Members"},
    [WN_SVG_SECTOR_RESIDENTS] = {"Bewoners", "Residents"},
    [WN_SVG_NONE] = {"geen", "none"},
    [WN_SVG_CONTACT] = {"contact", "contact"},
    [WN_SVG_CONTACTS] = {"contacten", "contacts"},
    [WN_SVG_WEIGHT] = {"gewicht", "weight"},
    [WN_SVG_LEGEND_WIDTH] = {"Lijndikte en afstand: hoe sterk de band is (gewicht 1 tot 10)",
                             "Line width and distance: how strong the tie is (weight 1 to 10)"},
    [WN_SVG_LEGEND_DASHED] = {"Streepjeslijn: conflict", "Dashed line: conflict"},
    [WN_SVG_LEGEND_DOUBLE] = {"Dubbele lijn: een band van meer dan één soort (bijv. familie en "
                              "buren)",
                              "Double line: a tie of more than one kind (e.g. family and "
                              "neighbours)"},
    [WN_SVG_LEGEND_SHAPES] = {"Rond: bewoner · vierkant: professional · ruit: groep · "
                              "afgerond vierkant: organisatie",
                              "Circle: resident · square: professional · diamond: group · "
                              "rounded square: organisation"},
    [WN_SVG_TOO_MANY] = {"Te veel contacten om bij naam te tonen: wijs een teken aan voor het id.",
                         "Too many contacts to name: point at a mark for its id."},
    [WN_SVG_STATUS_CONNECTED] = {"bewoner met een eigen netwerk", "resident with a network"},
    [WN_SVG_STATUS_FRAGILE] = {"bewoner met weinig contacten", "resident with few contacts"},
    [WN_SVG_STATUS_FORMAL_ONLY] = {"bewoner met alleen contact met professionals",
                                   "resident in contact with professionals only"},
    [WN_SVG_STATUS_ISOLATED] = {"bewoner zonder enig contact", "resident without any contact"},
    [WN_SVG_KIND_PROFESSIONAL] = {"professional", "professional"},
    [WN_SVG_KIND_GROUP] = {"groep", "group"},
    [WN_SVG_KIND_ORGANISATION] = {"organisatie", "organisation"},
    [WN_SVG_NO_CONTACT] = {"Geen enkel contact in de gegevens.", "No contact at all in the data."},
    [WN_SVG_NO_AREA] = {"Zonder buurt", "No buurt"},
    [WN_SVG_COMMUNITY] = {"Gemeenschap", "Community"},
    [WN_SVG_OTHERS] = {"Alle anderen", "Everyone else"},
    [WN_SVG_TOO_FEW] = {"te weinig bewoners voor cijfers", "too few residents for figures"},
    [WN_SVG_RESIDENT] = {"bewoner", "resident"},
    [WN_SVG_RESIDENTS] = {"bewoners", "residents"},
    [WN_SVG_NO_CONTACT_AT_ALL] = {"zonder enig contact", "without any contact"},
    [WN_SVG_ONLY_FORMAL] = {"alleen met professionals", "with professionals only"},
    [WN_SVG_WIJK_TITLE] = {"De wijk: buurten en de contacten ertussen",
                           "The wijk: its buurten and the contacts between them"},
    [WN_SVG_WIJK_TITLE_COMM] = {"De wijk: groepen bewoners met veel onderling contact",
                                "The wijk: groups of residents with many contacts among them"},
    [WN_SVG_WIJK_SIZE] = {"Grootte van een bol: aantal bewoners. Oranje: bewoners zonder enig "
                          "contact; paars: bewoners met alleen contact met professionals.",
                          "Size of a blob: residents. Orange: residents without any contact; "
                          "purple: residents in contact with professionals only."},
    [WN_SVG_WIJK_LINES] = {"Lijn: contacten tussen bewoners en groepen van twee bollen (dikker: "
                           "meer). Contacten met professionals tellen niet mee.",
                           "Line: contacts between residents and groups of two blobs (thicker: "
                           "more). Contacts with professionals are not counted."},
    [WN_SVG_WIJK_HIDDEN] = {"<%s: minder dan %s; x: verborgen, zodat een kleine telling niet "
                            "terug te rekenen is.",
                            "<%s: fewer than %s; x: hidden, so that a small count cannot be "
                            "worked back."},
};

/**
 * wn_svg__word:
 * One text of the drawings in @language (Dutch for WN_LANGUAGE_NL, English otherwise).
 * Returns: a static string.
 */
const char *
wn_svg__word(WnLanguage language, WnSvgWord word)
{
    g_return_val_if_fail(word < WN_SVG_WORD_COUNT, "");
    return words[word][language == WN_LANGUAGE_NL ? 0 : 1];
}

/**
 * wn_svg__count:
 * @n and its noun as the language writes them ("1 contact", "5.500 contacten"), markup-escaped.
 * Returns: a new string.
 */
char *
wn_svg__count(WnLanguage language, gint64 n, WnSvgWord one, WnSvgWord many)
{
    return wn_words__counted(language == WN_LANGUAGE_NL, n, wn_svg__word(language, one),
                             wn_svg__word(language, many));
}

/**
 * wn_svg__fill:
 * The text @word in @language with every "%s" in it replaced by @value.
 * Returns: a new string.
 */
char *
wn_svg__fill(WnLanguage language, WnSvgWord word, const char *value)
{
    g_auto(GStrv) parts = g_strsplit(wn_svg__word(language, word), "%s", -1);
    return g_strjoinv(value, parts);
}
