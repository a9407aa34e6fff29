/* http.c: the server: token, read-only, the pages from the resources, the API to the worker */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "explorer.h"

#include <stdio.h>
#include <string.h>

/* Nothing is fetched from elsewhere, nothing inline runs, nothing may frame the pages. */
#define PAGE_CSP                                                                                   \
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "                    \
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

/* The static files: the request path, the resource, its type. Every page is one HTML
 * file; the script draws what the path asks for. */
static const struct {
    const char *path;
    const char *resource;
    const char *type;
} pages[] = {
    {"/", "/nl/wijknet/serve/page.html", "text/html; charset=utf-8"},
    {"/buurt", "/nl/wijknet/serve/page.html", "text/html; charset=utf-8"},
    {"/lists", "/nl/wijknet/serve/page.html", "text/html; charset=utf-8"},
    {"/node", "/nl/wijknet/serve/page.html", "text/html; charset=utf-8"},
    {"/search", "/nl/wijknet/serve/page.html", "text/html; charset=utf-8"},
    {"/static/app.js", "/nl/wijknet/serve/app.js", "text/javascript; charset=utf-8"},
    {"/static/style.css", "/nl/wijknet/serve/style.css", "text/css; charset=utf-8"},
    {"/static/icon.svg", "/nl/wijknet/serve/icon.svg", "image/svg+xml"},
};

/* Compares in time independent of where two strings differ. */
static gboolean
same_secret(const char *a, const char *b)
{
    if (a == NULL || b == NULL || strlen(a) != strlen(b)) {
        return FALSE;
    }
    guint8 diff = 0;
    for (gsize i = 0; a[i] != '\0'; i++) {
        diff |= (guint8) (a[i] ^ b[i]);
    }
    return diff == 0;
}

/* Whether @msg carries the token, in the query or in the cookie set when it did. */
static gboolean
has_token(const WnExplorer *ex, SoupServerMessage *msg, GHashTable *query, gboolean *in_query)
{
    *in_query = query != NULL && same_secret(g_hash_table_lookup(query, "token"), ex->token);
    if (*in_query) {
        return TRUE;
    }
    SoupMessageHeaders *h = soup_server_message_get_request_headers(msg);
    const char *header = soup_message_headers_get_list(h, "Cookie");
    g_autoptr(GHashTable) cookies =
        header != NULL ? soup_header_parse_semi_param_list(header) : NULL;
    return cookies != NULL && same_secret(g_hash_table_lookup(cookies, ex->cookie_name), ex->token);
}

static void
refuse(SoupServerMessage *msg, guint status, const char *why)
{
    /* the path only: a query may hold a token, an id or a label */
    fprintf(stderr, "wijknet serve: %u %s %s: %s\n", status, soup_server_message_get_method(msg),
            g_uri_get_path(soup_server_message_get_uri(msg)), why);
    Answer a = {status, "text/plain; charset=utf-8", g_bytes_new_static(why, strlen(why))};
    answer_send(msg, &a);
    answer_clear(&a);
}

static void
send_page(SoupServerMessage *msg, const char *resource, const char *type)
{
    g_autoptr(GBytes) body = g_resources_lookup_data(resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    g_assert_nonnull(body);
    Answer a = {SOUP_STATUS_OK, type, body};
    answer_send(msg, &a);
    SoupMessageHeaders *h = soup_server_message_get_response_headers(msg);
    soup_message_headers_replace(h, "Content-Security-Policy", PAGE_CSP);
}

static void
add_security_headers(const WnExplorer *ex, SoupServerMessage *msg, gboolean set_cookie)
{
    SoupMessageHeaders *h = soup_server_message_get_response_headers(msg);
    soup_message_headers_replace(h, "X-Content-Type-Options", "nosniff");
    soup_message_headers_replace(h, "Referrer-Policy", "no-referrer");
    soup_message_headers_replace(h, "X-Frame-Options", "DENY");
    if (set_cookie) {
        g_autofree char *cookie =
            g_strdup_printf("%s=%s; Path=/; HttpOnly; SameSite=Strict", ex->cookie_name, ex->token);
        soup_message_headers_replace(h, "Set-Cookie", cookie);
    }
}

static void
on_request(SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
           gpointer data)
{
    (void) server;
    WnExplorer *ex = data;
    const char *method = soup_server_message_get_method(msg);
    if (method != SOUP_METHOD_GET && method != SOUP_METHOD_HEAD) {
        refuse(msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "read-only: GET and HEAD only");
        return;
    }
    gboolean in_query = FALSE;
    if (!has_token(ex, msg, query, &in_query)) {
        refuse(msg, SOUP_STATUS_FORBIDDEN, "no valid token");
        return;
    }
    add_security_headers(ex, msg, in_query);
    if (g_str_has_prefix(path, "/api/")) {
        worker_answer(ex, msg, path, query);
        return;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(pages); i++) {
        if (strcmp(path, pages[i].path) == 0) {
            send_page(msg, pages[i].resource, pages[i].type);
            return;
        }
    }
    refuse(msg, SOUP_STATUS_NOT_FOUND, "not found");
}

/* A request with a body is refused before the body is read: the explorer is read-only. */
static void
on_got_headers(SoupServerMessage *msg, gpointer data)
{
    (void) data;
    SoupMessageHeaders *h = soup_server_message_get_request_headers(msg);
    goffset length = soup_message_headers_get_content_length(h);
    if (length > 0 || soup_message_headers_get_encoding(h) == SOUP_ENCODING_CHUNKED) {
        soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Connection",
                                     "close");
        refuse(msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "read-only: no request body");
    }
}

static void
on_request_started(SoupServer *server, SoupServerMessage *msg, gpointer data)
{
    (void) server;
    g_signal_connect(msg, "got-headers", G_CALLBACK(on_got_headers), data);
}

/* A socket listening on @listen (an IP address) and @port. Its queue of connections not
 * yet accepted holds 128, not GLib's 10, so that a meeting's browsers opening many
 * connections at once are not made to wait a second for a retry. */
static GSocket *
listening_socket(const char *listen, guint port, GError **error)
{
    g_autoptr(GInetAddress) address = g_inet_address_new_from_string(listen);
    if (address == NULL) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "not an IP address");
        return NULL;
    }
    g_autoptr(GSocket) socket = g_socket_new(g_inet_address_get_family(address),
                                             G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
    if (socket == NULL) {
        return NULL;
    }
    g_autoptr(GSocketAddress) where = g_inet_socket_address_new(address, (guint16) port);
    g_socket_set_listen_backlog(socket, 128);
    if (!g_socket_bind(socket, where, TRUE, error) || !g_socket_listen(socket, error)) {
        return NULL;
    }
    return g_steal_pointer(&socket);
}

/**
 * http_start:
 * Makes the server and binds it to the explorer's address and port.
 * Returns: FALSE with @error set when the address cannot be taken.
 */
gboolean
http_start(WnExplorer *ex, GError **error)
{
    g_assert_nonnull(serve_get_resource()); /* links the pages into the program */
    ex->server = soup_server_new("server-header", "wijknet", NULL);
    soup_server_add_handler(ex->server, NULL, on_request, ex, NULL);
    g_signal_connect(ex->server, "request-started", G_CALLBACK(on_request_started), ex);
    g_autoptr(GSocket) socket = listening_socket(ex->listen, ex->opts.port, error);
    if (socket == NULL || !soup_server_listen_socket(ex->server, socket, 0, error)) {
        g_prefix_error(error, "%s port %u: ", ex->listen, ex->opts.port);
        return FALSE;
    }
    /* the port bound: with --port 0, the one the system chose */
    g_autoptr(GSocketAddress) bound = g_socket_get_local_address(socket, NULL);
    ex->port = bound != NULL ? g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(bound))
                             : ex->opts.port;
    ex->cookie_name = g_strdup_printf("wijknet-%u", ex->port);
    return TRUE;
}
