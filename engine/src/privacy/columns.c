/* columns.c: which columns are personal, and which survive pseudonymisation, and how */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "privacy.h"

#include <string.h>

#define MAX_DECIMALS 8

static const char *const node_known[] = {"id",  "type", "label",      "area",
                                         "lat", "lon",  "vulnerable", NULL};
static const char *const tie_known[] = {"source", "target", "type", "weight", "support_kind", NULL};
static const char *const required[] = {"id", "type", "source", "target", NULL};

/*
 * The names of personal columns (docs/FORMAT.md, Personal columns), English and Dutch, as
 * normalised_name() leaves a name: lower case, without spaces, `_`, `-` and `.`. Only
 * whole names count: `area_name` or `household` is no personal column.
 */
static const char *const personal_names[] = {
    /* names */
    "name", "fullname", "firstname", "givenname", "lastname", "surname", "familyname", "middlename",
    "maidenname", "nickname", "naam", "volledigenaam", "voornaam", "voornamen", "achternaam",
    "familienaam", "geslachtsnaam", "meisjesnaam", "roepnaam", "tussenvoegsel", "initials",
    "voorletters",
    /* phone numbers and e-mail */
    "phone", "phonenumber", "telephone", "telephonenumber", "mobile", "mobilephone", "mobilenumber",
    "tel", "telnr", "telefoon", "telefoonnummer", "mobiel", "mobielnummer", "email", "emailaddress",
    "emailadres",
    /* addresses */
    "address", "streetaddress", "homeaddress", "adres", "woonadres", "street", "streetname",
    "straat", "straatnaam", "housenumber", "huisnummer", "postcode", "postalcode", "zip", "zipcode",
    "woonplaats",
    /* identifying numbers and dates of birth */
    "bsn", "citizenservicenumber", "burgerservicenummer", "ssn", "socialsecuritynumber",
    "passportnumber", "paspoortnummer", "iban", "rekeningnummer", "birthdate", "dateofbirth", "dob",
    "birthday", "geboortedatum", "geboortedag", NULL};

/*
 * wn_privacy__has_name:
 * Returns: TRUE when the NULL-terminated @names (NULL: none) holds @name, compared
 * case-insensitively as column names are.
 */
gboolean
wn_privacy__has_name(const char *const *names, const char *name)
{
    for (gsize i = 0; names != NULL && names[i] != NULL; i++) {
        if (g_ascii_strcasecmp(names[i], name) == 0) {
            return TRUE;
        }
    }
    return FALSE;
}

/* @name trimmed, in ASCII lower case, without spaces, `_`, `-` and `.`: `First name`,
 * `first_name` and `first-name` are all `firstname`. */
static char *
normalised_name(const char *name)
{
    g_autofree char *lower = g_ascii_strdown(name, -1);
    GString *out = g_string_sized_new(strlen(lower));
    for (const char *p = lower; *p != '\0'; p++) {
        if (strchr(" \t_-.", *p) == NULL) {
            g_string_append_c(out, *p);
        }
    }
    return g_string_free(out, FALSE);
}

/* TRUE when dataset.json's "personal" (checked by the loader: an array of strings) holds
 * a name that normalises to @key. */
static gboolean
listed_in_dataset_json(const WnNetwork *net, const char *key)
{
    const char *text = wn_network_metadata(net, "personal");
    g_autoptr(cJSON) listed = text != NULL ? cJSON_Parse(text) : NULL;
    for (const cJSON *item = cJSON_IsArray(listed) ? listed->child : NULL; item != NULL;
         item = item->next) {
        g_autofree char *name = cJSON_IsString(item) ? normalised_name(item->valuestring) : NULL;
        if (name != NULL && strcmp(name, key) == 0) {
            return TRUE;
        }
    }
    return FALSE;
}

/**
 * wn_network_node_attribute_is_personal:
 * Whether the nodes.csv column @name holds personal data, so that no output shows it
 * unless labels are shown (docs/FORMAT.md, Personal columns): `label`, a column that
 * dataset.json lists under "personal", or one whose name is on the built-in list (names,
 * phone numbers, e-mail, addresses, postcodes, BSN, dates of birth, English and Dutch).
 * Names compare case-insensitively after trimming, and spaces, `_`, `-` and `.` do not
 * count: `first_name`, `First name` and `firstname` are one name. The other columns of
 * docs/FORMAT.md (id, type, area, lat, lon, vulnerable) are never personal.
 * Returns: TRUE when the column is personal.
 */
gboolean
wn_network_node_attribute_is_personal(const WnNetwork *net, const char *name)
{
    g_return_val_if_fail(net != NULL && name != NULL, FALSE);
    g_autofree char *key = normalised_name(name);
    if (strcmp(key, "label") == 0) {
        return TRUE;
    }
    if (wn_privacy__has_name(node_known, key)) {
        return FALSE;
    }
    return wn_privacy__has_name(personal_names, key) || listed_in_dataset_json(net, key);
}

/**
 * wn_network_personal_attributes_dup:
 * The attribute columns of nodes.csv that wn_network_node_attribute_is_personal() calls
 * personal, in file order (`label` is not an attribute: it is not listed).
 * Returns: (transfer full): a NULL-terminated array of names, for g_strfreev().
 */
char **
wn_network_personal_attributes_dup(const WnNetwork *net)
{
    g_return_val_if_fail(net != NULL, NULL);
    GPtrArray *names = g_ptr_array_new();
    for (guint j = 0; j < net->node_attributes->len; j++) {
        const WnColumn *c = g_ptr_array_index(net->node_attributes, j);
        if (wn_network_node_attribute_is_personal(net, c->name)) {
            g_ptr_array_add(names, g_strdup(c->name));
        }
    }
    g_ptr_array_add(names, NULL);
    return (char **) g_ptr_array_free(names, FALSE);
}

/**
 * wn_privacy__shown_attributes:
 * The node attribute columns an output may show: all of @net's when @show_personal (the
 * user gave --show-labels), otherwise those that are not personal.
 * Returns: (transfer container) (element-type WnColumn): borrowed columns of @net.
 */
GPtrArray *
wn_privacy__shown_attributes(const WnNetwork *net, gboolean show_personal)
{
    GPtrArray *shown = g_ptr_array_new();
    for (guint j = 0; j < net->node_attributes->len; j++) {
        WnColumn *c = g_ptr_array_index(net->node_attributes, j);
        if (show_personal || !wn_network_node_attribute_is_personal(net, c->name)) {
            g_ptr_array_add(shown, c);
        }
    }
    return shown;
}

/*
 * wn_privacy__node_column:
 * What becomes of the nodes.csv column @name (lower case) of @net under @opts: the
 * docs/FORMAT.md columns first, then --drop, then --keep; a personal column
 * (wn_network_node_attribute_is_personal) and any other column are dropped.
 */
WnCellAction
wn_privacy__node_column(const WnNetwork *net, const char *name, const WnPseudonymiseOptions *opts)
{
    if (strcmp(name, "id") == 0) {
        return WN_CELL_PSEUDONYM;
    }
    if (strcmp(name, "type") == 0) {
        return WN_CELL_KEEP;
    }
    if (wn_privacy__has_name(opts->drop, name)) {
        return WN_CELL_DROP;
    }
    if (strcmp(name, "label") == 0) {
        return WN_CELL_LABEL;
    }
    if (wn_network_node_attribute_is_personal(net, name)) {
        return WN_CELL_DROP;
    }
    if (strcmp(name, "lat") == 0 || strcmp(name, "lon") == 0) {
        return opts->coordinates == WN_COORDINATES_DROP   ? WN_CELL_DROP
               : opts->coordinates == WN_COORDINATES_KEEP ? WN_CELL_KEEP
                                                          : WN_CELL_ROUND;
    }
    if (wn_privacy__has_name(node_known, name) || wn_privacy__has_name(opts->keep, name)) {
        return WN_CELL_KEEP;
    }
    return WN_CELL_DROP;
}

/*
 * wn_privacy__tie_column:
 * What becomes of the ties.csv column @name (lower case) under @opts, as
 * wn_privacy__node_column says for nodes.csv.
 */
WnCellAction
wn_privacy__tie_column(const char *name, const WnPseudonymiseOptions *opts)
{
    if (strcmp(name, "source") == 0 || strcmp(name, "target") == 0) {
        return WN_CELL_PSEUDONYM;
    }
    if (strcmp(name, "type") == 0) {
        return WN_CELL_KEEP;
    }
    if (wn_privacy__has_name(opts->drop, name)) {
        return WN_CELL_DROP;
    }
    if (wn_privacy__has_name(tie_known, name) || wn_privacy__has_name(opts->keep, name)) {
        return WN_CELL_KEEP;
    }
    return WN_CELL_DROP;
}

static gboolean
names_column(const WnNetwork *net, const char *name)
{
    return wn_privacy__has_name(node_known, name) || wn_privacy__has_name(tie_known, name) ||
           wn_network__column(net->node_attributes, name) != NULL ||
           wn_network__column(net->tie_attributes, name) != NULL;
}

static gboolean
check_names(const WnNetwork *net, const char *const *names, const char *const *other,
            gboolean dropping, GError **error)
{
    for (gsize i = 0; names != NULL && names[i] != NULL; i++) {
        const char *name = names[i];
        if (dropping && wn_privacy__has_name(required, name)) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                        "cannot drop \"%s\": a dataset needs it (its ids are pseudonymised)", name);
            return FALSE;
        }
        if (wn_privacy__has_name(other, name)) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "\"%s\" is both kept and dropped", name);
            return FALSE;
        }
        if (!dropping && wn_network_node_attribute_is_personal(net, name) &&
            g_ascii_strcasecmp(name, "label") != 0) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                        "cannot keep \"%s\": it is a personal column (docs/FORMAT.md, Personal "
                        "columns), and a pseudonymised dataset carries none",
                        name);
            return FALSE;
        }
        if (!names_column(net, name)) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                        "no column named \"%s\" in nodes.csv or ties.csv", name);
            return FALSE;
        }
    }
    return TRUE;
}

/**
 * wn_pseudonymise_options_check:
 * Checks @opts against the dataset @net was loaded from: every name in keep and drop
 * must be a column of nodes.csv or ties.csv (compared case-insensitively; the docs/FORMAT.md
 * columns always count), no name may be both kept and dropped, id, type, source and
 * target cannot be dropped, a personal column (wn_network_node_attribute_is_personal;
 * a label is pseudonymised instead) cannot be kept, and decimals is at most 8.
 * Returns: FALSE with WN_ERROR_INVALID naming the fault.
 */
gboolean
wn_pseudonymise_options_check(const WnNetwork *net, const WnPseudonymiseOptions *opts,
                              GError **error)
{
    g_return_val_if_fail(net != NULL && opts != NULL, FALSE);
    if (opts->coordinates == WN_COORDINATES_ROUND && opts->decimals > MAX_DECIMALS) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "expected at most %d decimals for rounded coordinates, got %u", MAX_DECIMALS,
                    opts->decimals);
        return FALSE;
    }
    return check_names(net, opts->keep, opts->drop, FALSE, error) &&
           check_names(net, opts->drop, opts->keep, TRUE, error);
}
