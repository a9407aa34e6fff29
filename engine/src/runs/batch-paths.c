/* batch-paths.c: where a batch writes: one folder name per dataset and area, folders
 * compared as the system resolves them, wijknet's state folder never a link */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#define _DEFAULT_SOURCE /* realpath */
#include "runs.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/**
 * wn_batch__is_folder_name:
 * Returns: TRUE when @name can be one folder inside an output folder: not empty, not "."
 * or "..", and without '/', a backslash or a control character.
 */
gboolean
wn_batch__is_folder_name(const char *name)
{
    if (*name == '\0' || strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
        return FALSE;
    }
    for (const guchar *c = (const guchar *) name; *c != '\0'; c++) {
        if (*c == '/' || *c == '\\' || *c < 0x20 || *c == 0x7f) {
            return FALSE;
        }
    }
    return TRUE;
}

/**
 * wn_batch__folder_key:
 * The folder @path as the system will find it: made absolute, "." and ".." and repeated
 * or trailing slashes resolved, and the longest part that exists resolved through its
 * symbolic links (realpath). Two outputs with one key are one folder.
 * Returns: (transfer full): the key.
 */
char *
wn_batch__folder_key(const char *path)
{
    g_autofree char *plain = g_canonicalize_filename(path, NULL);
    g_autofree char *head = g_strdup(plain);
    GString *tail = g_string_new(NULL);
    char resolved[PATH_MAX];
    while (realpath(head, resolved) == NULL) {
        char *slash = strrchr(head, '/');
        if (slash == NULL || slash == head) {
            g_string_free(tail, TRUE);
            return g_steal_pointer(&plain);
        }
        g_string_prepend(tail, slash);
        *slash = '\0';
    }
    g_string_prepend(tail, strcmp(resolved, "/") == 0 ? "" : resolved);
    return g_string_free(tail, FALSE);
}

/**
 * wn_batch__area_folder:
 * The folder name of an area's outputs (`"split": "area"`), one-to-one: ASCII letters,
 * digits, '-', '_' and a '.' that does not begin the name are kept, every other byte is
 * written %XX (upper-case hex; '%' itself is %25), so "BU/01" is "BU%2F01", "BU_01" stays
 * "BU_01" and "../x" is "%2E.%2Fx". Documented in the README ("wijknet batch").
 * Returns: (transfer full): the name.
 */
char *
wn_batch__area_folder(const char *area)
{
    GString *name = g_string_new(NULL);
    for (const guchar *c = (const guchar *) area; *c != '\0'; c++) {
        if (g_ascii_isalnum(*c) || *c == '-' || *c == '_' || (*c == '.' && name->len > 0)) {
            g_string_append_c(name, (char) *c);
        } else {
            g_string_append_printf(name, "%%%02X", *c);
        }
    }
    return g_string_free(name, FALSE);
}

/**
 * wn_batch__make_state_folder:
 * Makes @dir/.wijknet, where the completion markers go, as a real folder: one that
 * exists as a symbolic link or a file is refused rather than followed, so a planted link
 * cannot send the markers elsewhere.
 * Returns: FALSE with WN_OUTPUT_ERROR naming the folder.
 */
gboolean
wn_batch__make_state_folder(const char *state, GError **error)
{
    GStatBuf st;
    if (g_mkdir(state, 0777) == 0) {
        return TRUE;
    }
    int errsv = errno;
    if (errsv == EEXIST && g_lstat(state, &st) == 0 && S_ISDIR(st.st_mode)) {
        return TRUE;
    }
    if (errsv == EEXIST) {
        g_set_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST,
                    "%s: expected wijknet's own folder of completion markers, got %s; remove it",
                    state,
                    g_lstat(state, &st) == 0 && S_ISLNK(st.st_mode) ? "a symbolic link" : "a file");
        return FALSE;
    }
    g_set_error(error, WN_OUTPUT_ERROR, g_file_error_from_errno(errsv), "%s: cannot create it: %s",
                state, g_strerror(errsv));
    return FALSE;
}
