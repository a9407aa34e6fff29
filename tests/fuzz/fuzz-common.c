/* fuzz-common.c: the scratch folder the harnesses write their inputs into */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "fuzz-common.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

static char *scratch;

static void
remove_scratch(void)
{
    if (scratch == NULL) {
        return;
    }
    fuzz_remove_tree(".");
    g_clear_pointer(&scratch, g_free);
}

/*
 * igraph's warnings arrive as g_message: quiet them, a fuzzer prints enough. A critical
 * (a g_return_if_fail that failed) or an error (a harness's g_error) is a finding: print
 * it and abort, so that libFuzzer saves the input (it does not catch g_error's SIGTRAP).
 */
static void
drop_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer user_data)
{
    (void) user_data;
    if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL)) != 0) {
        fprintf(stderr, "%s: %s\n", domain != NULL ? domain : "wijknet", message);
        abort();
    }
}

const char *
fuzz_dir(void)
{
    if (scratch != NULL) {
        return scratch;
    }
    wn_init();
    g_log_set_default_handler(drop_log, NULL);
    const char *base = g_file_test("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir();
    scratch = g_build_filename(base, "wn-fuzz-XXXXXX", NULL);
    if (g_mkdtemp(scratch) == NULL) {
        g_error("cannot create a scratch folder in %s", base);
    }
    atexit(remove_scratch);
    return scratch;
}

char *
fuzz_write(const char *name, const uint8_t *data, size_t len)
{
    char *path = g_build_filename(fuzz_dir(), name, NULL);
    g_autoptr(GError) error = NULL;
    if (!g_file_set_contents(path, (const char *) data, (gssize) len, &error)) {
        g_error("%s", error->message);
    }
    return path;
}

void
fuzz_remove(const char *name)
{
    g_autofree char *path = g_build_filename(fuzz_dir(), name, NULL);
    g_remove(path);
}

void
fuzz_remove_tree(const char *sub)
{
    g_autofree char *dir =
        g_strcmp0(sub, ".") == 0 ? g_strdup(fuzz_dir()) : g_build_filename(fuzz_dir(), sub, NULL);
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    if (d == NULL) {
        return;
    }
    const char *name = NULL;
    while ((name = g_dir_read_name(d)) != NULL) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
            g_autofree char *inner = g_build_filename(sub, name, NULL);
            fuzz_remove_tree(inner);
        } else {
            g_remove(path);
        }
    }
    g_rmdir(dir);
}
