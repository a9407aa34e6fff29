/* columns.c: which columns of a dataset survive pseudonymisation, and how */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "privacy.h"

#include <string.h>

#define MAX_DECIMALS 8

static const char *const node_known[] = {"id",  "type", "label",      "area",
                                         "lat", "lon",  "vulnerable", NULL};
static const char *const tie_known[] = {"source", "target", "type", "weight", "support_kind", NULL};
static const char *const required[] = {"id", "type", "source", "target", NULL};

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

/*
 * wn_privacy__node_column:
 * What becomes of the nodes.csv column @name (lower case) under @opts: the docs/FORMAT.md
 * columns first, then --drop, then --keep; any other column is dropped.
 */
WnCellAction
wn_privacy__node_column(const char *name, const WnPseudonymiseOptions *opts)
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
 * target cannot be dropped, and decimals is at most 8.
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
