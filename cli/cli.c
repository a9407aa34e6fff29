/* cli.c: error printing, exit codes, loading and writing shared by the subcommands */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#define _DEFAULT_SOURCE /* st_mtim and st_ctim of struct stat */
#include "cli.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* A file read: missing or unreadable is 66, a read that failed midway 74. */
static int
exit_code_for_input(gint code)
{
    switch (code) {
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_ISDIR:
    case G_FILE_ERROR_NOTDIR:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_INVAL: /* a FIFO, a device or a socket: no input (util/input.c) */
    case G_FILE_ERROR_NOMEM: /* over its size limit */
        return CLI_EXIT_NOINPUT;
    default:
        return CLI_EXIT_IOERR;
    }
}

/* A file written: a full disk or a write that failed midway is 74, anything else 73. */
static int
exit_code_for_output(gint code)
{
    return code == G_FILE_ERROR_NOSPC || code == G_FILE_ERROR_IO ? CLI_EXIT_IOERR
                                                                 : CLI_EXIT_CANTCREAT;
}

/*
 * The one place a GError becomes an exit code (docs/STYLE.md, README "Exit codes"): bad data
 * (WN_ERROR_PARSE, WN_ERROR_INVALID) 65, an option naming what the dataset lacks
 * (WN_ERROR_OPTION) 64; an output (WN_OUTPUT_ERROR) 74 when a write
 * failed midway, else 73; an input (G_FILE_ERROR) 66 when missing or unreadable, else
 * 74; a bad option (G_OPTION_ERROR) 64; anything else 1.
 */
int
cli_exit_code(const GError *error)
{
    if (error->domain == WN_ERROR &&
        (error->code == WN_ERROR_PARSE || error->code == WN_ERROR_INVALID)) {
        return CLI_EXIT_DATAERR;
    }
    if (error->domain == WN_OUTPUT_ERROR) {
        return exit_code_for_output(error->code);
    }
    if (error->domain == G_FILE_ERROR) {
        return exit_code_for_input(error->code);
    }
    if (error->domain == G_OPTION_ERROR ||
        (error->domain == WN_ERROR && error->code == WN_ERROR_OPTION)) {
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_FAILURE;
}

/**
 * cli_visible:
 * @text as it may be shown on a terminal: a control character (C0 but line feed and tab,
 * DEL, and the C1 range U+0080 … U+009F) is written as \\xHH or \\u00HH, and a
 * backslash before one stays readable, so that data (an id with an escape sequence)
 * can never clear the screen, move the cursor or retitle the terminal.
 * Returns: (transfer full): the text to print.
 */
char *
cli_visible(const char *text)
{
    GString *out = g_string_sized_new(strlen(text) + 1);
    for (const guchar *p = (const guchar *) text; *p != '\0'; p++) {
        if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f) {
            g_string_append_printf(out, "\\x%02x", *p);
        } else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            g_string_append_printf(out, "\\u%04x", p[1]);
            p++;
        } else {
            g_string_append_c(out, (char) *p);
        }
    }
    return g_string_free(out, FALSE);
}

/* Prints "wijknet: MESSAGE" on stderr, its control characters made visible.
 * Returns: the exit code for @error. */
int
cli_fail(const GError *error)
{
    g_autofree char *message = cli_visible(error->message);
    fprintf(stderr, "wijknet: %s\n", message);
    return cli_exit_code(error);
}

int
cli_usage_error(const char *command, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *raw = g_strdup_vprintf(format, args);
    va_end(args);
    g_autofree char *what = cli_visible(raw);
    fprintf(stderr, "wijknet %s: %s\nTry 'wijknet help %s'.\n", command, what, command);
    return CLI_EXIT_USAGE;
}

/* Parses options; on failure prints why and sets the exit status. */
gboolean
cli_parse(GOptionContext *context, const char *command, int *argc, char ***argv, int *status_out)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *prgname = g_strdup_printf("wijknet %s", command);
    g_set_prgname(prgname); /* so that --help shows "wijknet COMMAND [OPTION…]" */
    if (!g_option_context_parse(context, argc, argv, &error)) {
        *status_out = cli_usage_error(command, "%s", error->message);
        return FALSE;
    }
    return TRUE;
}

gboolean
cli_parse_format(const char *text, CliFormat *out)
{
    static const char *const names[] = {"table", "csv", "json"};
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        if (g_strcmp0(text, names[i]) == 0) {
            *out = (CliFormat) i;
            return TRUE;
        }
    }
    return FALSE;
}

/*
 * After the options, a command that reads one dataset takes exactly one argument.
 * Returns: TRUE when it does; otherwise prints the usage error and sets the exit status.
 */
gboolean
cli_expect_one_dataset(const char *command, int argc, int *status_out)
{
    if (argc != 2) {
        *status_out = cli_usage_error(command, "expected one DATASET folder");
        return FALSE;
    }
    return TRUE;
}

void
cli_print_warnings(const WnNetwork *net)
{
    const GPtrArray *skipped = wn_network_skipped_rows(net);
    for (guint i = 0; i < skipped->len; i++) {
        g_autofree char *row = cli_visible(g_ptr_array_index(skipped, i));
        fprintf(stderr, "wijknet: skipped %s\n", row);
    }
}

/* Prints each of @lines (strings) on stderr after @prefix: notes and warnings. */
void
cli_print_lines(const char *prefix, const GPtrArray *lines)
{
    for (guint i = 0; i < lines->len; i++) {
        g_autofree char *line = cli_visible(g_ptr_array_index(lines, i));
        fprintf(stderr, "%s%s\n", prefix, line);
    }
}

/* The --skip-bad-rows option of every command that loads a dataset, setting @flag. */
GOptionEntry
cli_skip_bad_rows_entry(gboolean *flag)
{
    return (GOptionEntry){"skip-bad-rows",
                          0,
                          0,
                          G_OPTION_ARG_NONE,
                          flag,
                          "Load the rest of a dataset with bad rows, and list every skipped row",
                          NULL};
}

/* The --relations option of every command that loads a dataset, setting @list. */
GOptionEntry
cli_relations_entry(char **list)
{
    return (GOptionEntry){"relations",
                          0,
                          0,
                          G_OPTION_ARG_STRING,
                          list,
                          "Analyse only these relation types, e.g. friend,family or informal "
                          "(default: all)",
                          "LIST"};
}

/* Checks --relations before anything is loaded. Returns: FALSE with a usage error (64). */
gboolean
cli_load_check(const CliLoad *load, const char *command, int *status_out)
{
    WnRelations relations = 0;
    g_autoptr(GError) error = NULL;
    if (load->relations != NULL && !wn_relations_parse(load->relations, &relations, &error)) {
        *status_out = cli_usage_error(command, "--relations: %s", error->message);
        return FALSE;
    }
    return TRUE;
}

/* Loads a dataset with --skip-bad-rows and --relations (checked by cli_load_check);
 * prints the error and sets the exit status on failure. */
WnNetwork *
cli_load(const char *dir, const CliLoad *load, int *status_out)
{
    g_autoptr(GError) error = NULL;
    WnRelations relations = WN_RELATIONS_ALL;
    if (load->relations != NULL && !wn_relations_parse(load->relations, &relations, &error)) {
        g_autofree char *message = cli_visible(error->message);
        fprintf(stderr, "wijknet: --relations: %s\n", message);
        *status_out = CLI_EXIT_USAGE;
        return NULL;
    }
    WnNetwork *net = wn_network_load_relations(
        dir, load->skip_bad_rows ? WN_LOAD_SKIP_BAD_ROWS : WN_LOAD_DEFAULT, relations, &error);
    if (net == NULL) {
        *status_out = cli_fail(error);
        return NULL;
    }
    cli_print_warnings(net);
    return net;
}

/*
 * Loads a dataset (cli_load) and its areas.geojson into @shapes_out (NULL when it has none).
 * Returns: the network; NULL when either failed, with the error printed and the status set.
 */
WnNetwork *
cli_load_with_shapes(const char *dir, const CliLoad *load, WnAreaShapes **shapes_out,
                     int *status_out)
{
    g_autoptr(WnNetwork) net = cli_load(dir, load, status_out);
    if (net == NULL) {
        return NULL;
    }
    g_autoptr(GError) error = NULL;
    *shapes_out = wn_area_shapes_load_dataset(dir, &error);
    if (error != NULL) {
        *status_out = cli_fail(error);
        return NULL;
    }
    return g_steal_pointer(&net);
}

/*
 * Writes @text to @path ("-" or NULL: standard output) through a temporary file and a
 * rename, so an interrupted run never leaves a half-written output.
 */
int
cli_write(const char *path, const char *text)
{
    if (path == NULL || strcmp(path, "-") == 0) {
        g_autofree char *visible = isatty(STDOUT_FILENO) ? cli_visible(text) : NULL;
        if (fputs(visible != NULL ? visible : text, stdout) == EOF || fflush(stdout) != 0) {
            fprintf(stderr, "wijknet: cannot write to standard output: %s\n", g_strerror(errno));
            return CLI_EXIT_IOERR;
        }
        return CLI_EXIT_OK;
    }
    g_autoptr(GError) error = NULL;
    if (!wn_file_write(path, text, -1, &error)) {
        return cli_fail(error);
    }
    return CLI_EXIT_OK;
}

/* A parser for `wijknet @command @parameters`, with @summary above the options in --help. */
CliParser
cli_parser_new(const char *command, const char *parameters, const char *summary)
{
    CliParser p = {command, g_option_context_new(parameters),
                   g_array_new(FALSE, FALSE, sizeof(GOptionEntry))};
    g_option_context_set_summary(p.context, summary);
    return p;
}

/* Adds @entries (ending in a NULL entry) to the main group, after those added before. */
void
cli_parser_add(CliParser *p, const GOptionEntry *entries)
{
    g_option_context_add_main_entries(p->context, entries, NULL);
    for (gsize i = 0; entries[i].long_name != NULL; i++) {
        g_array_append_val(p->entries, entries[i]);
    }
}

/*
 * Parses the options; with @one_dataset the command then takes exactly one DATASET.
 * Returns: TRUE when it may run; otherwise prints the usage error and sets the exit status.
 */
gboolean
cli_parser_parse(CliParser *p, int *argc, char ***argv, gboolean one_dataset, int *status_out)
{
    return cli_parse(p->context, p->command, argc, argv, status_out) &&
           (!one_dataset || cli_expect_one_dataset(p->command, *argc, status_out));
}

/*
 * Parses the options of a command that reads one DATASET, then runs it: @run gets
 * @options, which the entries filled in, and the dataset.
 * Returns: the exit code.
 */
int
cli_parser_run(CliParser *p, int argc, char **argv, CliRunFunc run, const void *options)
{
    int status = CLI_EXIT_OK;
    return cli_parser_parse(p, &argc, &argv, TRUE, &status) ? run(options, argv[1]) : status;
}

/* Frees the context and every string or list the parser stored through the entries. */
void
cli_parser_clear(CliParser *p)
{
    for (guint i = 0; p->entries != NULL && i < p->entries->len; i++) {
        const GOptionEntry *e = &g_array_index(p->entries, GOptionEntry, i);
        if (e->arg == G_OPTION_ARG_STRING || e->arg == G_OPTION_ARG_FILENAME) {
            g_clear_pointer((char **) e->arg_data, g_free);
        } else if (e->arg == G_OPTION_ARG_STRING_ARRAY || e->arg == G_OPTION_ARG_FILENAME_ARRAY) {
            g_clear_pointer((char ***) e->arg_data, g_strfreev);
        }
    }
    g_clear_pointer(&p->entries, g_array_unref);
    g_clear_pointer(&p->context, g_option_context_free);
}

/* Adds --format (@format_help, NULL: the usual text), --output, --skip-bad-rows and
 * --relations. */
void
cli_output_add_entries(CliParser *p, CliOutput *out, const char *format_help)
{
    GOptionEntry entries[] = {
        {"format", 'f', 0, G_OPTION_ARG_STRING, &out->format,
         format_help != NULL ? format_help : "table, csv or json (default table)", "FORMAT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out->output, "Write to FILE instead of stdout",
         "FILE"},
        cli_skip_bad_rows_entry(&out->load.skip_bad_rows),
        cli_relations_entry(&out->load.relations),
        {NULL}};
    cli_parser_add(p, entries);
}

/*
 * Parses --format (not given: table) into @format_out.
 * Returns: TRUE when it is known; otherwise prints the usage error and sets the exit status.
 */
gboolean
cli_output_check(const CliOutput *out, const char *command, CliFormat *format_out, int *status_out)
{
    if (!cli_load_check(&out->load, command, status_out)) {
        return FALSE;
    }
    if (out->format == NULL) {
        *format_out = CLI_FORMAT_TABLE;
        return TRUE;
    }
    if (!cli_parse_format(out->format, format_out)) {
        *status_out = cli_usage_error(command, "--format must be table, csv or json, not \"%s\"",
                                      out->format);
        return FALSE;
    }
    return TRUE;
}

/* Renders @table in @format and writes it to --output; a NULL @table failed with @error.
 * Returns: the exit code. */
int
cli_output_table(const CliOutput *out, CliFormat format, const WnTable *table, const GError *error)
{
    if (table == NULL) {
        return cli_fail(error);
    }
    g_autofree char *text = cli_table_render(table, format);
    return cli_write(out->output, text);
}

/* Writes @text to --output; a NULL @text failed with @error. Returns: the exit code. */
int
cli_output_text(const CliOutput *out, const char *text, const GError *error)
{
    return text != NULL ? cli_write(out->output, text) : cli_fail(error);
}

/*
 * Runs @r on @dataset: checks --format of @out and then @options (usage errors come before
 * the dataset is loaded), loads the dataset and writes what @r computes to --output.
 * Returns: the exit code.
 */
int
cli_run_network(const CliNetworkRun *r, const char *command, const CliOutput *out, void *options,
                const char *dataset)
{
    CliFormat format = CLI_FORMAT_TABLE;
    int status = CLI_EXIT_OK;
    if (!cli_output_check(out, command, &format, &status)) {
        return status;
    }
    status = r->check != NULL ? r->check(options, format) : CLI_EXIT_OK;
    if (status != CLI_EXIT_OK) {
        return status;
    }
    g_autoptr(WnNetwork) net = cli_load(dataset, &out->load, &status);
    if (net == NULL) {
        return status;
    }
    g_autoptr(GError) error = NULL;
    g_autofree char *text = r->compute(options, net, format, &error);
    return cli_output_text(out, text, error);
}

/*
 * Parses the options of a command that reads one DATASET, then runs @r on it
 * (cli_run_network) with @options, which the entries filled in.
 * Returns: the exit code.
 */
int
cli_parser_run_network(CliParser *p, int argc, char **argv, const CliNetworkRun *r,
                       const CliOutput *out, void *options)
{
    int status = CLI_EXIT_OK;
    if (!cli_parser_parse(p, &argc, &argv, TRUE, &status)) {
        return status;
    }
    return cli_run_network(r, p->command, out, options, argv[1]);
}

/* ---- output folders: a folder that is not empty only with --force ---- */

/* The --force option of every command that writes a folder, setting @flag. */
GOptionEntry
cli_force_entry(gboolean *flag)
{
    return (GOptionEntry){"force",
                          0,
                          0,
                          G_OPTION_ARG_NONE,
                          flag,
                          "Write into a folder that is not empty: files of the same name are "
                          "replaced, the others kept (and named)",
                          NULL};
}

/* The entries of the folder @path, each with its GStatBuf; NULL when it is no folder. */
static GHashTable *
list_folder(const char *path)
{
    g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
    if (dir == NULL) {
        return NULL;
    }
    GHashTable *entries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (const char *name = g_dir_read_name(dir); name != NULL; name = g_dir_read_name(dir)) {
        g_autofree char *full = g_build_filename(path, name, NULL);
        GStatBuf *st = g_new0(GStatBuf, 1);
        if (g_lstat(full, st) != 0) {
            memset(st, 0, sizeof *st);
        }
        g_hash_table_insert(entries, g_strdup(name), st);
    }
    return entries;
}

/* Dataset files first, in the order a dataset lists them, then the rest by name. */
static gint
compare_entry_names(gconstpointer a, gconstpointer b)
{
    static const char *const first[] = {"nodes.csv", "ties.csv", "dataset.json"};
    const char *x = *(const char *const *) a, *y = *(const char *const *) b;
    gsize rx = G_N_ELEMENTS(first), ry = G_N_ELEMENTS(first);
    for (gsize i = 0; i < G_N_ELEMENTS(first); i++) {
        rx = strcmp(x, first[i]) == 0 ? i : rx;
        ry = strcmp(y, first[i]) == 0 ? i : ry;
    }
    return rx != ry ? (rx < ry ? -1 : 1) : strcmp(x, y);
}

/* "a, b, c …": the sorted @names, at most @max of them, "…" when there are more. */
static char *
join_names(GPtrArray *names, guint max)
{
    g_ptr_array_sort(names, compare_entry_names);
    g_autoptr(GString) joined = g_string_new(NULL);
    for (guint i = 0; i < names->len && i < max; i++) {
        g_string_append_printf(joined, "%s%s", i > 0 ? ", " : "",
                               (const char *) g_ptr_array_index(names, i));
    }
    if (names->len > max) {
        g_string_append(joined, " …");
    }
    return g_string_free(g_steal_pointer(&joined), FALSE);
}

/* Sets the error for the folder @path that holds @entries and may not be written into. */
static void
set_folder_error(GError **error, const char *path, GHashTable *entries, const char *refusal)
{
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    GHashTableIter it;
    gpointer name = NULL;
    g_hash_table_iter_init(&it, entries);
    while (g_hash_table_iter_next(&it, &name, NULL)) {
        g_ptr_array_add(names, name);
    }
    g_autofree char *listed = join_names(names, 4);
    const char *what = g_hash_table_contains(entries, "run.json")    ? "an output"
                       : g_hash_table_contains(entries, "nodes.csv") ? "a dataset"
                                                                     : "files";
    g_set_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST,
                "%s: the folder already holds %s (%s); %s", path, what, listed,
                refusal != NULL ? refusal : "give --force to write into it");
}

/**
 * cli_folder_claim:
 * The one check of an output folder, made before anything is written: a folder that
 * holds anything (README "Output folders") is refused with exit 73, naming it and what it
 * holds, unless @force; then its entries are noted in @f for cli_folder_report_kept. A
 * path that is no folder yet is left to the command (which makes it or says why not).
 * @refusal: the end of the message (NULL: "give --force to write into it").
 * Returns: TRUE when the command may write; FALSE with the error printed and the status set.
 */
gboolean
cli_folder_claim(CliFolder *f, const char *path, gboolean force, const char *refusal,
                 int *status_out)
{
    g_autoptr(GHashTable) entries = list_folder(path);
    if (entries == NULL || g_hash_table_size(entries) == 0) {
        return TRUE;
    }
    if (!force) {
        g_autoptr(GError) error = NULL;
        set_folder_error(&error, path, entries, refusal);
        *status_out = cli_fail(error);
        return FALSE;
    }
    g_free(f->path);
    f->path = g_strdup(path);
    g_clear_pointer(&f->before, g_hash_table_unref);
    f->before = g_steal_pointer(&entries);
    return TRUE;
}

static gboolean
same_entry(const GStatBuf *a, const GStatBuf *b)
{
    return a->st_ino == b->st_ino && a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
           a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/**
 * cli_folder_report_kept:
 * After a command wrote into a folder it claimed with --force (cli_folder_claim), warns on
 * stderr about the entries it found there and left as they were, so that no old file
 * passes for a new one: "wijknet: warning: DIR: kept as they were: README.md, …".
 */
void
cli_folder_report_kept(const CliFolder *f)
{
    if (f->before == NULL) {
        return;
    }
    g_autoptr(GHashTable) after = list_folder(f->path);
    g_autoptr(GPtrArray) kept = g_ptr_array_new();
    GHashTableIter it;
    gpointer name = NULL, before = NULL;
    g_hash_table_iter_init(&it, f->before);
    while (g_hash_table_iter_next(&it, &name, &before)) {
        const GStatBuf *now = after != NULL ? g_hash_table_lookup(after, name) : NULL;
        if (now != NULL && same_entry(before, now)) {
            g_ptr_array_add(kept, name);
        }
    }
    if (kept->len > 0) {
        g_autofree char *listed = join_names(kept, 20);
        fprintf(stderr,
                "wijknet: warning: %s: kept as they were (this command does not write them): %s\n",
                f->path, listed);
    }
}

void
cli_folder_clear(CliFolder *f)
{
    g_clear_pointer(&f->path, g_free);
    g_clear_pointer(&f->before, g_hash_table_unref);
}
