/* cmd-serve.c: `wijknet serve`, the local explorer: print one URL, serve until interrupted */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"
#include "serve.h"

#include <glib-unix.h>
#include <stdio.h>

typedef struct {
    gint port;
    char *listen;
    gint min_cell;
    gboolean show_labels;
    CliLoad load;
} Options;

static int
check_usage(const Options *o, WnServeOptions *opts)
{
    if (o->port < 0 || o->port > 65535) {
        return cli_usage_error("serve", "--port must be 0 to 65535, not %d", o->port);
    }
    if (o->min_cell < 0) {
        return cli_usage_error("serve", "--min-cell must not be negative");
    }
    if (o->listen != NULL && !g_hostname_is_ip_address(o->listen)) {
        return cli_usage_error("serve", "--listen must be an IP address, not \"%s\"", o->listen);
    }
    opts->port = (guint) o->port;
    opts->listen = o->listen;
    opts->min_cell = (guint) o->min_cell;
    opts->show_labels = o->show_labels;
    return CLI_EXIT_OK;
}

static gboolean
on_signal(gpointer loop)
{
    g_main_loop_quit(loop);
    return G_SOURCE_REMOVE;
}

/* Binding fails when the port is taken (exit 75, try again elsewhere) or not allowed. */
static int
listen_failed(const GError *error)
{
    fprintf(stderr, "wijknet: cannot listen on %s\n", error->message);
    if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE)) {
        fprintf(stderr, "wijknet: the port is in use; choose another with --port P "
                        "(--port 0 takes any free port)\n");
        return CLI_EXIT_TEMPFAIL;
    }
    return CLI_EXIT_FAILURE;
}

static int
run(const Options *o, const char *dataset, const WnServeOptions *opts)
{
    int status = CLI_EXIT_OK;
    WnAreaShapes *shapes = NULL;
    WnNetwork *net = cli_load_with_shapes(dataset, &o->load, &shapes, &status);
    if (net == NULL) {
        return status;
    }
    if (o->listen != NULL && g_strcmp0(o->listen, "127.0.0.1") != 0 &&
        g_strcmp0(o->listen, "::1") != 0) {
        fprintf(stderr,
                "wijknet: warning: listening on %s: anyone who reaches this address and "
                "has the token sees personal data, which then leaves this machine\n",
                o->listen);
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WnExplorer) ex = wn_explorer_new(net, shapes, opts, &error);
    if (ex == NULL) {
        return cli_fail(error);
    }
    if (!wn_explorer_listen(ex, &error)) {
        return listen_failed(error);
    }
    g_autoptr(GMainLoop) loop = g_main_loop_new(NULL, FALSE);
    g_unix_signal_add(SIGINT, on_signal, loop);
    g_unix_signal_add(SIGTERM, on_signal, loop);
    g_autofree char *url = wn_explorer_url(ex);
    printf("%s\n", url);
    fflush(stdout);
    fprintf(stderr, "wijknet: serving %s read-only; press Ctrl+C to stop\n", dataset);
    g_main_loop_run(loop);
    return CLI_EXIT_OK;
}

static void
add_entries(CliParser *parser, Options *o)
{
    GOptionEntry entries[] = {
        {"port", 'p', 0, G_OPTION_ARG_INT, &o->port,
         "Listen on port P (default 8642; 0 = any free port)", "P"},
        {"listen", 0, 0, G_OPTION_ARG_STRING, &o->listen,
         "Listen on ADDR instead of 127.0.0.1: personal data then leave this machine", "ADDR"},
        {"min-cell", 0, 0, G_OPTION_ARG_INT, &o->min_cell,
         "Hide counts below K, and every figure of an area with fewer residents (default 10)", "K"},
        {"show-labels", 0, 0, G_OPTION_ARG_NONE, &o->show_labels,
         "Show and search names (labels): personal data, off by default", NULL},
        cli_skip_bad_rows_entry(&o->load.skip_bad_rows),
        cli_relations_entry(&o->load.relations),
        {NULL}};
    cli_parser_add(parser, entries);
}

int
cmd_serve(int argc, char **argv)
{
    WnServeOptions defaults = WN_SERVE_OPTIONS_INIT;
    Options o = {.port = (gint) defaults.port, .min_cell = (gint) defaults.min_cell};
    g_auto(CliParser) parser = cli_parser_new(
        "serve", "DATASET",
        "Explore a wijk in the browser: loads DATASET once, prints one URL with a random\n"
        "token and serves until interrupted (Ctrl+C). Pages: the wijk with its buurten,\n"
        "lists of residents at risk, key figures and meeting places, a page per node with\n"
        "its contacts, eco-map and suggestions, and search; the same data as JSON under\n"
        "/api/. Read-only, on 127.0.0.1 only unless --listen; a request without the token\n"
        "is refused (403). Small counts are hidden as in `wijknet map`; names only with\n"
        "--show-labels. Dutch by default, English with ?lang=en.\n"
        "Exit codes: 75 when the port is in use, 64 for bad options, 65/66 for the dataset.");
    add_entries(&parser, &o);
    int status = CLI_EXIT_OK;
    if (!cli_parser_parse(&parser, &argc, &argv, TRUE, &status)) {
        return status;
    }
    WnServeOptions opts = defaults;
    status = check_usage(&o, &opts);
    return status != CLI_EXIT_OK ? status : run(&o, argv[1], &opts);
}
