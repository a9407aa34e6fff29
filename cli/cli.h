/* cli.h: helpers shared by the subcommands (errors, exit codes, output) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_CLI_H
#define WN_CLI_H

#include "wijknet.h"

/* Exit codes (sysexits) */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_FAILURE = 1,
    CLI_EXIT_USAGE = 64,
    CLI_EXIT_DATAERR = 65,
    CLI_EXIT_NOINPUT = 66,
    CLI_EXIT_CANTCREAT = 73,
    CLI_EXIT_IOERR = 74,
    CLI_EXIT_TEMPFAIL = 75, /* wijknet serve: the port is in use, try another */
};

typedef enum { CLI_FORMAT_TABLE, CLI_FORMAT_CSV, CLI_FORMAT_JSON } CliFormat;

typedef struct {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} CliCommand;

int cli_exit_code(const GError *error);
char *cli_visible(const char *text);
int cli_fail(const GError *error);
int cli_usage_error(const char *command, const char *format, ...) G_GNUC_PRINTF(2, 3);
gboolean cli_parse(GOptionContext *context, const char *command, int *argc, char ***argv,
                   int *status_out);
gboolean cli_parse_format(const char *text, CliFormat *out);
gboolean cli_expect_one_dataset(const char *command, int argc, int *status_out);
/* How a command loads its dataset: --skip-bad-rows and --relations, in every command
 * that reads one (cli_load_add_entries) */
typedef struct {
    gboolean skip_bad_rows;
    char *relations; /* NULL: all */
} CliLoad;
WnNetwork *cli_load(const char *dir, const CliLoad *load, int *status_out);
WnNetwork *cli_load_with_shapes(const char *dir, const CliLoad *load, WnAreaShapes **shapes_out,
                                int *status_out);
gboolean cli_load_check(const CliLoad *load, const char *command, int *status_out);
int cli_write(const char *path, const char *text);
char *cli_table_render(const WnTable *table, CliFormat format);
GOptionEntry cli_skip_bad_rows_entry(gboolean *flag);
GOptionEntry cli_relations_entry(char **list);
void cli_print_warnings(const WnNetwork *net);
void cli_print_lines(const char *prefix, const GPtrArray *lines);

/* A subcommand's options: its GOptionContext and every entry added, so that the strings
 * and lists that parsing stores through the entries are freed with it */
typedef struct {
    const char *command;
    GOptionContext *context;
    GArray *entries; /* of GOptionEntry */
} CliParser;
CliParser cli_parser_new(const char *command, const char *parameters, const char *summary);
void cli_parser_add(CliParser *p, const GOptionEntry *entries);
gboolean cli_parser_parse(CliParser *p, int *argc, char ***argv, gboolean one_dataset,
                          int *status_out);
typedef int (*CliRunFunc)(const void *options, const char *dataset);
int cli_parser_run(CliParser *p, int argc, char **argv, CliRunFunc run, const void *options);
void cli_parser_clear(CliParser *p);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(CliParser, cli_parser_clear)

/* The options every table-printing command shares */
typedef struct {
    char *format; /* table (default), csv or json */
    char *output; /* NULL or "-": standard output */
    CliLoad load;
} CliOutput;
void cli_output_add_entries(CliParser *p, CliOutput *out, const char *format_help);
gboolean cli_output_check(const CliOutput *out, const char *command, CliFormat *format_out,
                          int *status_out);
int cli_output_table(const CliOutput *out, CliFormat format, const WnTable *table,
                     const GError *error);
int cli_output_text(const CliOutput *out, const char *text, const GError *error);

/* A command that reads one DATASET into a network and writes one text to --output */
typedef struct {
    /* Checks the options after --format and fills in what @compute needs, before the
     * dataset is loaded; NULL: nothing to check. Returns: the exit code, CLI_EXIT_OK to go on. */
    int (*check)(void *options, CliFormat format);
    /* Returns: the text to write, or NULL with @error set. */
    char *(*compute)(const void *options, const WnNetwork *net, CliFormat format, GError **error);
} CliNetworkRun;
int cli_run_network(const CliNetworkRun *r, const char *command, const CliOutput *out,
                    void *options, const char *dataset);
int cli_parser_run_network(CliParser *p, int argc, char **argv, const CliNetworkRun *r,
                           const CliOutput *out, void *options);

/* A folder a command writes into: refused when it holds anything, unless --force; with
 * --force, what the command left as it was is named after the run */
typedef struct {
    char *path;         /* NULL: nothing was there to report */
    GHashTable *before; /* name → GStatBuf of each entry the folder held */
} CliFolder;
GOptionEntry cli_force_entry(gboolean *flag);
gboolean cli_folder_claim(CliFolder *f, const char *path, gboolean force, const char *refusal,
                          int *status_out);
void cli_folder_report_kept(const CliFolder *f);
void cli_folder_clear(CliFolder *f);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(CliFolder, cli_folder_clear)

/* The subcommands, one file each */
int cmd_check(int argc, char **argv);
int cmd_measures(int argc, char **argv);
int cmd_isolation(int argc, char **argv);
int cmd_brokers(int argc, char **argv);
int cmd_communities(int argc, char **argv);
int cmd_cuts(int argc, char **argv);
int cmd_suggest(int argc, char **argv);
int cmd_generate(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_analyse(int argc, char **argv);
int cmd_pseudonymise(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_whatif(int argc, char **argv);
int cmd_compare(int argc, char **argv);

/* table.c: several tables as one output (whatif, compare) */
char *cli_render_sections(const char *const *names, const char *const *section_titles,
                          const WnTable *const *tables, gsize n, const char *part,
                          CliFormat format);

#endif /* WN_CLI_H */
