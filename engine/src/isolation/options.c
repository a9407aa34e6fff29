/* options.c: the isolation settings: their checks, names and the [isolation] key file */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "isolation.h"

#include <math.h>
#include <string.h>

static gboolean
is_share(double x)
{
    return x >= 0.0 && x <= 1.0; /* false for NaN */
}

/**
 * wn_isolation_options_check:
 * Checks isolation options: each weight in [0, 1] with the three summing to 1 (within
 * 1e-9), both caps positive and finite, fragile_weak in [0, 1].
 * Returns: FALSE with WN_ERROR_INVALID naming the first value at fault.
 */
gboolean
wn_isolation_options_check(const WnIsolationOptions *opts, GError **error)
{
    double sum = opts->weight_strength + opts->weight_reach + opts->weight_weak;
    if (!is_share(opts->weight_strength) || !is_share(opts->weight_reach) ||
        !is_share(opts->weight_weak) || fabs(sum - 1.0) > 1e-9) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "isolation weights must lie in [0, 1] and sum to 1, got %g + %g + %g",
                    opts->weight_strength, opts->weight_reach, opts->weight_weak);
        return FALSE;
    }
    if (!(opts->cap_strength > 0.0 && isfinite(opts->cap_strength)) ||
        !(opts->cap_reach > 0.0 && isfinite(opts->cap_reach))) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "isolation caps must be positive, got strength %g and reach %g",
                    opts->cap_strength, opts->cap_reach);
        return FALSE;
    }
    if (!is_share(opts->fragile_weak)) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "the fragile weak share must lie in [0, 1], got %g", opts->fragile_weak);
        return FALSE;
    }
    return TRUE;
}

/* The settings as the [isolation] group of a key file and the command line name them. */
static const struct {
    const char *name;
    gsize offset;
    gboolean is_count; /* a guint: whole and not negative */
} settings[] = {
    {"weight-strength", G_STRUCT_OFFSET(WnIsolationOptions, weight_strength), FALSE},
    {"weight-reach", G_STRUCT_OFFSET(WnIsolationOptions, weight_reach), FALSE},
    {"weight-weak", G_STRUCT_OFFSET(WnIsolationOptions, weight_weak), FALSE},
    {"cap-strength", G_STRUCT_OFFSET(WnIsolationOptions, cap_strength), FALSE},
    {"cap-reach", G_STRUCT_OFFSET(WnIsolationOptions, cap_reach), FALSE},
    {"fragile-degree", G_STRUCT_OFFSET(WnIsolationOptions, fragile_degree), TRUE},
    {"fragile-weak", G_STRUCT_OFFSET(WnIsolationOptions, fragile_weak), FALSE},
    {"at-risk-degree", G_STRUCT_OFFSET(WnIsolationOptions, at_risk_degree), TRUE},
};

/**
 * wn_isolation_options_set:
 * Sets the setting @name (as the `[isolation]` group names it: "weight-strength",
 * "weight-reach", "weight-weak", "cap-strength", "cap-reach", "fragile-degree",
 * "fragile-weak" or "at-risk-degree") of @opts to @value. The two degrees are counts:
 * @value must be a whole number ≥ 0. Whether the settings fit together is
 * wn_isolation_options_check()'s to say.
 * Returns: FALSE with WN_ERROR_INVALID for an unknown name or a count that is not whole,
 * the message starting with @name; @opts is then unchanged.
 */
gboolean
wn_isolation_options_set(WnIsolationOptions *opts, const char *name, double value, GError **error)
{
    g_return_val_if_fail(opts != NULL && name != NULL, FALSE);
    for (gsize i = 0; i < G_N_ELEMENTS(settings); i++) {
        if (strcmp(settings[i].name, name) != 0) {
            continue;
        }
        char *at = (char *) opts + settings[i].offset;
        if (!settings[i].is_count) {
            *(double *) (void *) at = value;
            return TRUE;
        }
        if (!(value >= 0 && value <= G_MAXUINT && value == (double) (guint) value)) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "%s must be a whole number ≥ 0, got %g",
                        name, value);
            return FALSE;
        }
        *(guint *) (void *) at = (guint) value;
        return TRUE;
    }
    g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "%s is not an isolation setting", name);
    return FALSE;
}

/**
 * wn_isolation__open_key_file:
 * Loads the key file @path into @file (the `--config` file of `[isolation]` and `[suggest]`).
 * Returns: FALSE with a G_FILE_ERROR, or WN_ERROR_PARSE when it is no key file; the message
 * starts with "@path: ".
 */
gboolean
wn_isolation__open_key_file(GKeyFile *file, const char *path, GError **error)
{
    g_autoptr(GError) local = NULL;
    if (g_key_file_load_from_file(file, path, G_KEY_FILE_NONE, &local)) {
        return TRUE;
    }
    if (local->domain == G_FILE_ERROR) {
        g_propagate_prefixed_error(error, g_steal_pointer(&local), "%s: ", path);
    } else {
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE, "%s: %s", path, local->message);
    }
    return FALSE;
}

/**
 * wn_isolation_options_load:
 * Reads the `[isolation]` group of the key file @path (GLib's key-file syntax: `name =
 * value` lines; a comment takes a line of its own, starting with `#`) into @opts. Each
 * key is a setting of wn_isolation_options_set(); settings not given keep their value in
 * @opts, and other keys and groups are ignored. Whether the settings fit together is
 * wn_isolation_options_check()'s to say, after any other overrides.
 * Returns: FALSE on error: a G_FILE_ERROR when @path cannot be read, WN_ERROR_PARSE when
 * it is no key file or a value is no number, WN_ERROR_INVALID for a count that is not
 * whole; every message starts with "@path: ".
 */
gboolean
wn_isolation_options_load(const char *path, WnIsolationOptions *opts, GError **error)
{
    g_return_val_if_fail(path != NULL && opts != NULL, FALSE);
    g_autoptr(GKeyFile) file = g_key_file_new();
    if (!wn_isolation__open_key_file(file, path, error)) {
        return FALSE;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(settings); i++) {
        const char *name = settings[i].name;
        if (!g_key_file_has_key(file, "isolation", name, NULL)) {
            continue;
        }
        g_autoptr(GError) local = NULL;
        double value = g_key_file_get_double(file, "isolation", name, &local);
        if (local != NULL) {
            g_set_error(error, WN_ERROR, WN_ERROR_PARSE, "%s: [isolation] %s: %s", path, name,
                        local->message);
            return FALSE;
        }
        if (!wn_isolation_options_set(opts, name, value, error)) {
            g_prefix_error(error, "%s: ", path);
            return FALSE;
        }
    }
    return TRUE;
}
