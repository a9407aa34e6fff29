/* generate.c: `wijknet generate`, a synthetic town in the fieldwork format (issue 5) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "generate.h"

#define MAX_ISOLATED_SHARE 0.15 /* isolated residents are singles, about 17% of residents */
#define MAX_VULNERABLE_SHARE 0.5

/**
 * wn_generate_options_check:
 * Checks @opts: residents between WN_GENERATE_MIN_RESIDENTS and
 * WN_GENERATE_MAX_RESIDENTS, isolated_share in [0, 0.15], vulnerable_share in [0, 0.5].
 * Returns: FALSE with WN_ERROR_INVALID naming the first bad option.
 */
gboolean
wn_generate_options_check(const WnGenerateOptions *opts, GError **error)
{
    g_return_val_if_fail(opts != NULL, FALSE);
    if (opts->residents < WN_GENERATE_MIN_RESIDENTS ||
        opts->residents > WN_GENERATE_MAX_RESIDENTS) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "expected between %d and %d residents, got %" G_GSIZE_FORMAT,
                    WN_GENERATE_MIN_RESIDENTS, WN_GENERATE_MAX_RESIDENTS, opts->residents);
        return FALSE;
    }
    if (!(opts->isolated_share >= 0 && opts->isolated_share <= MAX_ISOLATED_SHARE)) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "expected an isolated share between 0 and %g, got %g", MAX_ISOLATED_SHARE,
                    opts->isolated_share);
        return FALSE;
    }
    if (!(opts->vulnerable_share >= 0 && opts->vulnerable_share <= MAX_VULNERABLE_SHARE)) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "expected a vulnerable share between 0 and %g, got %g", MAX_VULNERABLE_SHARE,
                    opts->vulnerable_share);
        return FALSE;
    }
    return TRUE;
}

static gboolean
check_folder_is_empty(const char *dir, GError **error)
{
    g_autoptr(GError) local = NULL;
    g_autoptr(GDir) listing = g_dir_open(dir, 0, &local);
    if (listing == NULL) {
        g_set_error_literal(error, WN_OUTPUT_ERROR, local->code, local->message);
        return FALSE;
    }
    if (g_dir_read_name(listing) != NULL) {
        g_set_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST,
                    "%s: the folder is not empty; refusing to write into it", dir);
        return FALSE;
    }
    return TRUE;
}

/**
 * wn_generate__prepare_folder:
 * Creates @dir, or accepts it when it is an empty folder (any folder with @force).
 * Returns: FALSE with a WN_OUTPUT_ERROR naming the path.
 */
gboolean
wn_generate__prepare_folder(const char *dir, gboolean force, GError **error)
{
    if (g_file_test(dir, G_FILE_TEST_EXISTS) && !g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_NOTDIR, "%s: exists and is not a folder",
                    dir);
        return FALSE;
    }
    if (g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        return force || check_folder_is_empty(dir, error);
    }
    return wn_file__make_folder(dir, 0777, "the folder", error);
}

/**
 * wn_generate_town:
 * Writes a synthetic town of opts->residents residents into the folder @dir (created
 * when missing; refused when not empty, unless opts->force) in the fieldwork format:
 * nodes.csv, ties.csv, areas.geojson and dataset.json. The model (README, "Synthetic
 * towns"): areas of 1,500–3,000 residents with rectangular boundaries; households of
 * 1–5; household, family, neighbour and friend ties with homophily on age band and
 * language; informal groups (1 per 150 residents) with members; professionals (1 per
 * 700) supporting the vulnerable residents; organisations with their professionals and
 * referrals; isolated residents without any informal tie; 0.6% of informal ties reported
 * twice. The same options give the same files, byte for byte (own xoshiro256** RNG).
 * No file is replaced until all four are written.
 * Returns: FALSE with WN_ERROR_INVALID for bad options, or a WN_OUTPUT_ERROR (the
 * folder is not empty: G_FILE_ERROR_EXIST) naming the path.
 * Cost: O(n log n) time and O(n) memory for n residents (about 150 MB per million).
 */
gboolean
wn_generate_town(const WnGenerateOptions *opts, const char *dir, GError **error)
{
    g_return_val_if_fail(opts != NULL && dir != NULL, FALSE);
    if (!wn_generate_options_check(opts, error) ||
        !wn_generate__prepare_folder(dir, opts->force, error)) {
        return FALSE;
    }
    g_autoptr(WnTown) town = wn_town__new(opts);
    wn_town__plan_areas(town);
    wn_town__make_households(town);
    wn_town__choose_isolated(town);
    wn_town__add_informal_ties(town);
    wn_town__add_groups(town);
    wn_town__befriend_tieless(town);
    wn_town__add_formal_ties(town);
    wn_town__add_duplicates(town);
    return wn_town__write(town, dir, error);
}
