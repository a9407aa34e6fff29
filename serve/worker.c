/* worker.c: the one thread that calls the engine, and the cache of its answers */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "explorer.h"

#include <string.h>

/* Answers kept at most; past it the cache starts again (a long session stays flat). */
#define CACHE_MAX_BYTES (256u << 20)

/* A request waiting for the worker: its message is paused meanwhile. */
typedef struct {
    WnExplorer *ex;
    SoupServerMessage *msg;
    char *key;
    char *path;
    GHashTable *query;
    Answer answer;
    gboolean gone; /* the client left before the answer came */
} Job;

/**
 * answer_clear:
 * Frees what @a holds.
 */
void
answer_clear(Answer *a)
{
    g_clear_pointer(&a->body, g_bytes_unref);
}

/**
 * answer_free:
 * Frees @a and what it holds.
 */
void
answer_free(Answer *a)
{
    answer_clear(a);
    g_free(a);
}

static void
job_free(Job *job)
{
    g_clear_object(&job->msg);
    g_free(job->key);
    g_free(job->path);
    g_clear_pointer(&job->query, g_hash_table_unref);
    answer_clear(&job->answer);
    g_free(job);
}

/* The parameters an answer depends on; any other (the token, a stray one) is left out of
 * the cache key, so that nobody fills the cache with copies of one answer. */
static const char *const known_params[] = {"area",   "id",    "kind", "lang", "limit",
                                           "offset", "order", "q",    "sort", "status"};

/* The cache key of a request: its path and its known parameters in a fixed order; the
 * language only when English (Dutch is the default). */
static char *
request_key(const char *path, GHashTable *query)
{
    GString *key = g_string_new(path);
    for (gsize i = 0; query != NULL && i < G_N_ELEMENTS(known_params); i++) {
        const char *value = g_hash_table_lookup(query, known_params[i]);
        gboolean dutch = strcmp(known_params[i], "lang") == 0 && g_strcmp0(value, "en") != 0;
        if (value != NULL && !dutch) {
            g_string_append_printf(key, "\n%s=%s", known_params[i], value);
        }
    }
    return g_string_free(key, FALSE);
}

/**
 * answer_send:
 * Puts @a on @msg: status, type, body, and headers that keep it out of any cache.
 */
void
answer_send(SoupServerMessage *msg, const Answer *a)
{
    soup_server_message_set_status(msg, a->status, NULL);
    SoupMessageHeaders *h = soup_server_message_get_response_headers(msg);
    soup_message_headers_replace(h, "Cache-Control", "no-store");
    /* libsoup 3.2 (Debian 12) leaks the socket, and its file descriptor, of a kept-alive
     * connection that the client closes (fixed in libsoup 3.3); the server closes each
     * connection itself instead */
    soup_message_headers_replace(h, "Connection", "close");
    if (g_str_has_prefix(a->content_type, "image/svg")) {
        soup_message_headers_replace(h, "Content-Security-Policy",
                                     "default-src 'none'; style-src 'unsafe-inline'");
    }
    gsize size = 0;
    const char *data = a->body != NULL ? g_bytes_get_data(a->body, &size) : "";
    soup_server_message_set_response(msg, a->content_type, SOUP_MEMORY_COPY, data, size);
}

/* Keeps a copy of an answer worth keeping; an error is made again if asked again. */
static void
cache_store(WnExplorer *ex, const char *key, const Answer *a)
{
    if (a->status != SOUP_STATUS_OK) {
        return;
    }
    Answer *copy = g_new0(Answer, 1);
    *copy = *a;
    copy->body = g_bytes_ref(a->body);
    g_mutex_lock(&ex->lock);
    if (ex->cache_bytes + g_bytes_get_size(a->body) > CACHE_MAX_BYTES) {
        g_hash_table_remove_all(ex->cache);
        ex->cache_bytes = 0;
    }
    ex->cache_bytes += g_bytes_get_size(a->body);
    g_hash_table_replace(ex->cache, g_strdup(key), copy);
    g_mutex_unlock(&ex->lock);
}

/* A copy of the cached answer to @key, if there is one. */
static gboolean
cache_lookup(WnExplorer *ex, const char *key, Answer *out)
{
    g_mutex_lock(&ex->lock);
    const Answer *a = g_hash_table_lookup(ex->cache, key);
    if (a != NULL) {
        *out = *a;
        out->body = g_bytes_ref(a->body);
    }
    g_mutex_unlock(&ex->lock);
    return a != NULL;
}

/* Back on the main loop: the answer goes out, unless its client has gone. */
static gboolean
deliver(gpointer data)
{
    Job *job = data;
    if (!job->gone) {
        g_signal_handlers_disconnect_by_data(job->msg, job);
        answer_send(job->msg, &job->answer);
        soup_server_message_unpause(job->msg);
    }
    job_free(job);
    return G_SOURCE_REMOVE;
}

/* Answers @path (in @lang: "en", or NULL for Dutch) and keeps the answer. */
static void
answer_and_keep(WnExplorer *ex, const char *path, const char *lang)
{
    g_autoptr(GHashTable) query = g_hash_table_new(g_str_hash, g_str_equal);
    if (lang != NULL) {
        g_hash_table_insert(query, "lang", (gpointer) lang);
    }
    Request req = {path, query, lang != NULL ? WN_LANGUAGE_EN : WN_LANGUAGE_NL};
    g_auto(Answer) answer = {0};
    api_answer(ex, &req, &answer);
    g_autofree char *key = request_key(path, query);
    cache_store(ex, key, &answer);
}

/**
 * worker_warm:
 * Makes the answers every visit starts with (the wijk, its map and drawing, in both
 * languages) before the server listens, so that no first visitor waits for them.
 */
void
worker_warm(WnExplorer *ex)
{
    const char *paths[] = {"/api/wijk", "/api/wijk.svg", "/api/map.svg"};
    for (gsize i = 0; i < G_N_ELEMENTS(paths); i++) {
        answer_and_keep(ex, paths[i], NULL);
        answer_and_keep(ex, paths[i], "en");
    }
}

/* On the worker thread: the only place the engine is called after start-up. */
static void
work(gpointer data, gpointer user_data)
{
    Job *job = data;
    WnExplorer *ex = user_data;
    if (!cache_lookup(ex, job->key, &job->answer)) {
        const char *lang = job->query != NULL ? g_hash_table_lookup(job->query, "lang") : NULL;
        Request req = {job->path, job->query,
                       g_strcmp0(lang, "en") == 0 ? WN_LANGUAGE_EN : WN_LANGUAGE_NL};
        api_answer(ex, &req, &job->answer);
        cache_store(ex, job->key, &job->answer);
    }
    g_main_context_invoke(ex->context, deliver, job);
}

static void
on_finished(SoupServerMessage *msg, gpointer data)
{
    Job *job = data;
    job->gone = TRUE;
    g_signal_handlers_disconnect_by_data(msg, job);
}

/**
 * worker_start:
 * Starts the one worker thread (igraph is not thread-safe: one thread calls the engine).
 */
void
worker_start(WnExplorer *ex)
{
    ex->worker = g_thread_pool_new(work, ex, 1, TRUE, NULL);
}

/**
 * worker_answer:
 * Answers @msg from the cache at once, or pauses it and hands it to the worker.
 */
void
worker_answer(WnExplorer *ex, SoupServerMessage *msg, const char *path, GHashTable *query)
{
    g_autofree char *key = request_key(path, query);
    g_auto(Answer) cached = {0};
    if (cache_lookup(ex, key, &cached)) {
        answer_send(msg, &cached);
        return;
    }
    Job *job = g_new0(Job, 1);
    job->ex = ex;
    job->msg = g_object_ref(msg);
    job->key = g_steal_pointer(&key);
    job->path = g_strdup(path);
    job->query = query != NULL ? g_hash_table_ref(query) : NULL;
    g_signal_connect(msg, "finished", G_CALLBACK(on_finished), job);
    soup_server_message_pause(msg);
    g_thread_pool_push(ex->worker, job, NULL);
}
