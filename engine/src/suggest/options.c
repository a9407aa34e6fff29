/* options.c: the suggestion settings by name: the command line and the [suggest] key file */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"
#include "isolation/isolation.h"

#include <math.h>
#include <string.h>

typedef enum { SETTING_POLICY, SETTING_COUNT, SETTING_NUMBER } SettingType;

/* The settings as the [suggest] group of a key file and the command line name them. */
static const struct {
    const char *name;
    gsize offset;
    SettingType type;
} settings[] = {
    {"policy", G_STRUCT_OFFSET(WnSuggestOptions, policy), SETTING_POLICY},
    {"per", G_STRUCT_OFFSET(WnSuggestOptions, per), SETTING_COUNT},
    {"capacity", G_STRUCT_OFFSET(WnSuggestOptions, capacity), SETTING_COUNT},
    {"weight-common", G_STRUCT_OFFSET(WnSuggestOptions, weight_common), SETTING_NUMBER},
    {"weight-group", G_STRUCT_OFFSET(WnSuggestOptions, weight_group), SETTING_NUMBER},
    {"weight-area", G_STRUCT_OFFSET(WnSuggestOptions, weight_area), SETTING_NUMBER},
    {"weight-near", G_STRUCT_OFFSET(WnSuggestOptions, weight_near), SETTING_NUMBER},
    {"near-metres", G_STRUCT_OFFSET(WnSuggestOptions, near_metres), SETTING_NUMBER},
    {"weight-shared", G_STRUCT_OFFSET(WnSuggestOptions, weight_shared), SETTING_NUMBER},
    {"weight-age", G_STRUCT_OFFSET(WnSuggestOptions, weight_age), SETTING_NUMBER},
    {"weight-anchor", G_STRUCT_OFFSET(WnSuggestOptions, weight_anchor), SETTING_NUMBER},
    {"anchor-cap", G_STRUCT_OFFSET(WnSuggestOptions, anchor_cap), SETTING_NUMBER},
    {"beyond-degree", G_STRUCT_OFFSET(WnSuggestOptions, beyond_degree), SETTING_COUNT},
    {"beyond-metres", G_STRUCT_OFFSET(WnSuggestOptions, beyond_metres), SETTING_NUMBER},
    {"adult-age", G_STRUCT_OFFSET(WnSuggestOptions, adult_age), SETTING_COUNT},
};

/* The names of settings[], in its order, for wn_suggest_settings. */
static const char *const setting_names[] = {
    "policy",        "per",           "capacity",      "weight-common",
    "weight-group",  "weight-area",   "weight-near",   "near-metres",
    "weight-shared", "weight-age",    "weight-anchor", "anchor-cap",
    "beyond-degree", "beyond-metres", "adult-age",     NULL};
G_STATIC_ASSERT(G_N_ELEMENTS(setting_names) == G_N_ELEMENTS(settings) + 1);

/**
 * wn_suggest_settings:
 * Returns: the names of the suggestion settings, as wn_suggest_options_set() and the
 * `[suggest]` group take them, NULL-terminated.
 */
const char *const *
wn_suggest_settings(void)
{
    return setting_names;
}

/* Reads @text as a finite number into @out. */
static gboolean
parse_number(const char *text, double *out)
{
    char *end = NULL;
    *out = g_ascii_strtod(text, &end);
    return end != text && *end == '\0' && isfinite(*out);
}

/* Sets the setting @i of @opts from @text, or says why not. */
static gboolean
set_setting(WnSuggestOptions *opts, gsize i, const char *text, GError **error)
{
    char *at = (char *) opts + settings[i].offset;
    double value = 0.0;
    if (settings[i].type == SETTING_POLICY) {
        if (!wn_suggest_policy_lookup(text, (WnPolicy *) (void *) at)) {
            g_set_error(error, WN_ERROR, WN_ERROR_OPTION,
                        "policy: must be anchor, buddy or mixed, not \"%s\"", text);
            return FALSE;
        }
        return TRUE;
    }
    if (!parse_number(text, &value)) {
        g_set_error(error, WN_ERROR, WN_ERROR_OPTION, "%s: expected a finite number, got \"%s\"",
                    settings[i].name, text);
        return FALSE;
    }
    if (settings[i].type == SETTING_NUMBER) {
        *(double *) (void *) at = value;
        return TRUE;
    }
    if (!(value >= 0 && value <= G_MAXUINT && value == (double) (guint) value)) {
        g_set_error(error, WN_ERROR, WN_ERROR_OPTION, "%s: must be a whole number ≥ 0, got %s",
                    settings[i].name, text);
        return FALSE;
    }
    *(guint *) (void *) at = (guint) value;
    return TRUE;
}

/**
 * wn_suggest_options_set:
 * Sets the setting @name of @opts (a name of wn_suggest_settings(): "policy", "per",
 * "capacity", "weight-common", …, "adult-age") from its text @value: a policy name, a
 * whole number ≥ 0 for per, capacity, beyond-degree and adult-age, else a finite number.
 * Whether the settings fit together is wn_suggest_options_check()'s to say.
 * Returns: FALSE with WN_ERROR_OPTION for an unknown name or a value that is not of its
 * kind, the message naming the setting; @opts is then unchanged.
 */
gboolean
wn_suggest_options_set(WnSuggestOptions *opts, const char *name, const char *value, GError **error)
{
    g_return_val_if_fail(opts != NULL && name != NULL && value != NULL, FALSE);
    for (gsize i = 0; i < G_N_ELEMENTS(settings); i++) {
        if (strcmp(settings[i].name, name) == 0) {
            g_autofree char *text = g_strstrip(g_strdup(value));
            return set_setting(opts, i, text, error);
        }
    }
    g_set_error(error, WN_ERROR, WN_ERROR_OPTION, "%s is not a suggestion setting", name);
    return FALSE;
}

/* The line (from 1) of the last `@key =` in the group [@group] of the key-file text @text,
 * where GLib takes its value from; 0 when it is not there. */
static gsize
line_of_key(const char *text, const char *group, const char *key)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    gboolean inside = FALSE;
    gsize found = 0;
    for (gsize i = 0; lines[i] != NULL; i++) {
        char *line = g_strstrip(lines[i]);
        if (line[0] == '[') {
            g_autofree char *header = g_strdup_printf("[%s]", group);
            inside = strcmp(line, header) == 0;
            continue;
        }
        char *eq = strchr(line, '=');
        if (inside && line[0] != '#' && eq != NULL) {
            *eq = '\0';
            found = strcmp(g_strstrip(line), key) == 0 ? i + 1 : found;
        }
    }
    return found;
}

/* Prefixes @error with "@path:LINE: [suggest] ", the line where @key is set. */
static void
locate_error(GError **error, const char *path, const char *text, const char *key)
{
    gsize line = line_of_key(text, "suggest", key);
    g_prefix_error(error, "%s:%" G_GSIZE_FORMAT ": [suggest] ", path, line);
}

/* Sets @opts from the keys of [suggest] in @file, read from @path whose text is @text. */
static gboolean
apply_group(GKeyFile *file, const char *path, const char *text, WnSuggestOptions *opts,
            GError **error)
{
    g_auto(GStrv) keys = g_key_file_get_keys(file, "suggest", NULL, NULL);
    for (gsize i = 0; keys != NULL && keys[i] != NULL; i++) {
        g_autofree char *value = g_key_file_get_value(file, "suggest", keys[i], NULL);
        g_autoptr(GError) local = NULL;
        if (!wn_suggest_options_set(opts, keys[i], value, &local)) {
            g_set_error(error, WN_ERROR, WN_ERROR_PARSE, "%s", local->message);
            locate_error(error, path, text, keys[i]);
            return FALSE;
        }
    }
    return TRUE;
}

/**
 * wn_suggest_options_load:
 * Reads the `[suggest]` group of the key file @path (the `--config` file that also holds
 * `[isolation]`; GLib's key-file syntax) into @opts: each key a setting of
 * wn_suggest_options_set(), the policy by name, the rest as numbers. Settings not given
 * keep their value in @opts; other groups are ignored. Whether the settings fit together is
 * wn_suggest_options_check()'s to say, after any other overrides.
 * Returns: FALSE on error: a G_FILE_ERROR when @path cannot be read, WN_ERROR_PARSE when it
 * is no key file, or a key of [suggest] is unknown or its value is not of its kind; the
 * message then starts "@path:LINE: [suggest] KEY".
 */
gboolean
wn_suggest_options_load(const char *path, WnSuggestOptions *opts, GError **error)
{
    g_return_val_if_fail(path != NULL && opts != NULL, FALSE);
    g_autoptr(GKeyFile) file = g_key_file_new();
    g_autofree char *text = NULL;
    if (!wn_isolation__open_key_file(file, path, error)) {
        return FALSE;
    }
    if (!g_file_get_contents(path, &text, NULL, error)) {
        g_prefix_error(error, "%s: ", path);
        return FALSE;
    }
    WnSuggestOptions copy = *opts;
    if (!apply_group(file, path, text, &copy, error)) {
        return FALSE;
    }
    *opts = copy;
    return TRUE;
}
