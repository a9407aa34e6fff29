/* igraph-bridge.c: wn_init(), the igraph error and warning handlers, wn_igraph__ok() */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core.h"
#include "config.h"

/* igraph calls the handler once per frame while an error unwinds; only the
 * innermost call has a reason, so keep the first. */
static char igraph_reason[256];

static void
on_igraph_error(const char *reason, const char *file, int line, igraph_error_t code)
{
    (void) file, (void) line, (void) code;
    if (igraph_reason[0] == '\0' && reason != NULL) {
        g_strlcpy(igraph_reason, reason, sizeof igraph_reason);
    }
    IGRAPH_FINALLY_FREE(); /* free igraph's temporaries, then return to the caller */
}

static void
on_igraph_warning(const char *reason, const char *file, int line)
{
    (void) file, (void) line;
    g_message("igraph: %s", reason);
}

/**
 * wn_init:
 * Installs igraph's error handler (igraph's default one aborts the process) and a
 * warning handler that forwards to g_message(). The library calls it when it is loaded
 * (init_on_load below), so a program that forgets it is not aborted by igraph; calling it
 * again at the start of main, as every wijknet program does, is harmless.
 */
void
wn_init(void)
{
    igraph_set_error_handler(on_igraph_error);
    igraph_set_warning_handler(on_igraph_warning);
}

/* Runs wn_init() when the library (or a program linking the engine's objects) is loaded. */
__attribute__((constructor)) static void
init_on_load(void)
{
    wn_init();
}

/**
 * wn_version:
 * Returns: the library's version, e.g. "0.1.0".
 */
const char *
wn_version(void)
{
    return WN_VERSION;
}

GQuark
wn_error_quark(void)
{
    return g_quark_from_static_string("wn-error-quark");
}

gboolean
wn_igraph__ok(igraph_error_t rc, GError **error)
{
    if (rc == IGRAPH_SUCCESS) {
        return TRUE;
    }
    g_set_error(error, WN_ERROR, WN_ERROR_IGRAPH, "%s (%s)",
                igraph_reason[0] != '\0' ? igraph_reason : "igraph failed", igraph_strerror(rc));
    igraph_reason[0] = '\0';
    return FALSE;
}
