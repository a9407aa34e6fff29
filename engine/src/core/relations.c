/* relations.c: sets of relation types: read from a list (--relations), named in words */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core.h"

#include <string.h>

/* What a relation is called where an output names it in words (docs/FORMAT.md). */
static const char *const relation_words[][WN_TIE_KIND_COUNT] = {
    {"familie", "huisgenoten", "buren", "vrienden", "kennissen", "lidmaatschap", "ondersteuning",
     "samenwerking", "verwijzing", "conflict"},
    {"family", "household", "neighbours", "friends", "acquaintances", "membership", "support",
     "collaboration", "referral", "conflict"},
};

/* The names a list may use for a set: each kind's own name (wn_tie_kind_name), its Dutch
 * word, and these groups. */
typedef struct {
    const char *name;
    WnRelations relations;
} RelationGroup;

static const RelationGroup groups[] = {
    {"all", WN_RELATIONS_ALL},           {"alle", WN_RELATIONS_ALL},
    {"informal", WN_RELATIONS_INFORMAL}, {"informeel", WN_RELATIONS_INFORMAL},
    {"formal", WN_RELATIONS_FORMAL},     {"formeel", WN_RELATIONS_FORMAL},
};

static gboolean
lookup_name(const char *name, WnRelations *out)
{
    for (gsize g = 0; g < G_N_ELEMENTS(groups); g++) {
        if (g_ascii_strcasecmp(name, groups[g].name) == 0) {
            *out = groups[g].relations;
            return TRUE;
        }
    }
    for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
        if (g_ascii_strcasecmp(name, wn_tie_kind_name((WnTieKind) k)) == 0 ||
            g_ascii_strcasecmp(name, relation_words[0][k]) == 0 ||
            g_ascii_strcasecmp(name, relation_words[1][k]) == 0) {
            *out = WN_RELATION(k);
            return TRUE;
        }
    }
    return FALSE;
}

/**
 * wn_relations_parse:
 * Reads a list of relation types separated by commas, as `--relations` takes it: each
 * a type of docs/FORMAT.md (`friend`), its word in an output (`vrienden`, `friends`), or a
 * group: `informal` (family, household, neighbour, friend, acquaintance, member), `formal`
 * (support, collaboration, referral) or `all`; in any case, spaces around a name ignored.
 * `conflict` is refused: a conflict is no relation for any measure.
 * Returns: FALSE with a WN_ERROR_PARSE error naming the bad entry.
 */
gboolean
wn_relations_parse(const char *list, WnRelations *out, GError **error)
{
    g_return_val_if_fail(list != NULL && out != NULL, FALSE);
    g_auto(GStrv) parts = g_strsplit(list, ",", -1);
    WnRelations relations = 0;
    for (gsize i = 0; parts[i] != NULL; i++) {
        char *name = g_strstrip(parts[i]);
        WnRelations found = 0;
        if (g_ascii_strcasecmp(name, "conflict") == 0) {
            g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                        "conflict is kept apart and is no relation to analyse; choose among "
                        "family, household, neighbour, friend, acquaintance, member, support, "
                        "collaboration, referral, informal, formal or all");
            return FALSE;
        }
        if (!lookup_name(name, &found)) {
            g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                        "unknown relation \"%s\"; expected family, household, neighbour, friend, "
                        "acquaintance, member, support, collaboration, referral, informal, "
                        "formal or all, separated by commas",
                        name);
            return FALSE;
        }
        relations |= found;
    }
    if (relations == 0) {
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                    "expected at least one relation, e.g. friend,family or informal");
        return FALSE;
    }
    *out = relations;
    return TRUE;
}

/**
 * wn_relations_to_list:
 * Returns: (transfer full): the set as wn_relations_parse reads it back, the kinds' own
 * names in the order of WnTieKind separated by commas ("family,friend").
 */
char *
wn_relations_to_list(WnRelations relations)
{
    GString *out = g_string_new(NULL);
    for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
        if (relations & WN_RELATION(k)) {
            g_string_append_printf(out, "%s%s", out->len > 0 ? "," : "",
                                   wn_tie_kind_name((WnTieKind) k));
        }
    }
    return g_string_free(out, FALSE);
}

/**
 * wn_relation_name:
 * Returns: the word for one relation in @language ("nl": "buren", "en": "neighbours");
 * any language but "nl" is English.
 */
const char *
wn_relation_name(WnTieKind kind, const char *language)
{
    g_return_val_if_fail(kind < WN_TIE_KIND_COUNT, NULL);
    gboolean dutch = language != NULL && strcmp(language, "nl") == 0;
    return relation_words[dutch ? 0 : 1][kind];
}

/**
 * wn_relations_describe:
 * Names a set of relations in words, in the order of WnTieKind: "familie en buren",
 * "familie, buren en vrienden" (nl); "family, neighbours and friends" (en).
 * Returns: (transfer full): the words; "" for an empty set.
 */
char *
wn_relations_describe(WnRelations relations, const char *language)
{
    gboolean dutch = language != NULL && strcmp(language, "nl") == 0;
    guint total = (guint) __builtin_popcount(relations & ((1u << WN_TIE_KIND_COUNT) - 1u));
    GString *out = g_string_new(NULL);
    guint seen = 0;
    for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
        if ((relations & WN_RELATION(k)) == 0) {
            continue;
        }
        if (seen > 0) {
            g_string_append(out, seen + 1 < total ? ", " : (dutch ? " en " : " and "));
        }
        g_string_append(out, wn_relation_name((WnTieKind) k, language));
        seen++;
    }
    return g_string_free(out, FALSE);
}
