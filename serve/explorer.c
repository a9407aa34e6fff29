/* explorer.c: the explorer's life: load once, listen, free */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "explorer.h"

/* 32 bytes from the system's random source as 64 hex digits. */
static char *
new_token(GError **error)
{
    g_autoptr(GFile) file = g_file_new_for_path("/dev/urandom");
    g_autoptr(GFileInputStream) in = g_file_read(file, NULL, error);
    guint8 bytes[32];
    gsize got = 0;
    if (in == NULL ||
        !g_input_stream_read_all(G_INPUT_STREAM(in), bytes, sizeof bytes, &got, NULL, error)) {
        return NULL;
    }
    GString *token = g_string_sized_new(2 * sizeof bytes);
    for (gsize i = 0; i < got; i++) {
        g_string_append_printf(token, "%02x", bytes[i]);
    }
    return g_string_free(token, FALSE);
}

/**
 * wn_explorer_new:
 * An explorer of @net (taken over, as @shapes, which may be NULL): every table it shows
 * computed now, a new random token, not yet listening.
 * Returns: the explorer, or NULL with @error set.
 */
WnExplorer *
wn_explorer_new(WnNetwork *net, WnAreaShapes *shapes, const WnServeOptions *opts, GError **error)
{
    g_autoptr(WnExplorer) ex = g_new0(WnExplorer, 1);
    ex->net = net;
    ex->shapes = shapes;
    ex->opts = *opts;
    ex->listen = g_strdup(opts->listen != NULL ? opts->listen : "127.0.0.1");
    ex->opts.listen = ex->listen;
    g_mutex_init(&ex->lock);
    ex->cache =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify) answer_free);
    if ((ex->token = new_token(error)) == NULL || !explorer_data_load(ex, error)) {
        return NULL;
    }
    worker_warm(ex); /* still the only thread: the worker starts with the server */
    return g_steal_pointer(&ex);
}

/**
 * wn_explorer_listen:
 * Starts the worker thread and binds the server to the address and port asked for, on
 * the thread-default main context. A port in use fails with G_IO_ERROR_ADDRESS_IN_USE.
 * Returns: FALSE on error.
 */
gboolean
wn_explorer_listen(WnExplorer *ex, GError **error)
{
    ex->context = g_main_context_ref_thread_default();
    if (!http_start(ex, error)) {
        return FALSE;
    }
    worker_start(ex);
    return TRUE;
}

/**
 * wn_explorer_url:
 * The address to open, with the token: http://127.0.0.1:PORT/?token=….
 * Returns: a new string.
 */
char *
wn_explorer_url(const WnExplorer *ex)
{
    gboolean v6 = g_strstr_len(ex->listen, -1, ":") != NULL;
    return g_strdup_printf("http://%s%s%s:%u/?token=%s", v6 ? "[" : "", ex->listen, v6 ? "]" : "",
                           ex->port, ex->token);
}

/**
 * wn_explorer_free:
 * Stops the server, waits for the worker's current answer, frees everything.
 */
void
wn_explorer_free(WnExplorer *ex)
{
    if (ex == NULL) {
        return;
    }
    if (ex->server != NULL) {
        soup_server_disconnect(ex->server);
        g_object_unref(ex->server);
        /* the connections still open close on the main context */
        while (g_main_context_iteration(ex->context, FALSE)) {
        }
    }
    if (ex->worker != NULL) {
        g_thread_pool_free(ex->worker, TRUE, TRUE);
    }
    g_clear_pointer(&ex->context, g_main_context_unref);
    explorer_data_clear(&ex->data);
    g_hash_table_unref(ex->cache);
    g_mutex_clear(&ex->lock);
    wn_network_free(ex->net);
    wn_area_shapes_free(ex->shapes);
    g_free(ex->listen);
    g_free(ex->token);
    g_free(ex->cookie_name);
    g_free(ex);
}
