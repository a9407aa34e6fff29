/* main.c: the `wijknet` command: subcommand table and dispatch, nothing else */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const CliCommand commands[] = {
    {"check", "read a dataset and report what it holds", "DATASET", NULL, cmd_check},
    {"measures", "centrality of every node (table, CSV or JSON)", "DATASET", NULL, cmd_measures},
    /* isolation */
    /* brokers */
    /* communities */
    /* cuts */
};

static void
print_usage(FILE *to)
{
    fprintf(to, "Usage: wijknet COMMAND [OPTION…] DATASET\n\n"
                "Social network analysis for neighbourhoods: who is isolated, who bridges,\n"
                "who is central. DATASET is a folder in the fieldwork format (nodes.csv,\n"
                "ties.csv, optional dataset.json).\n\nCommands:\n");
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++) {
        fprintf(to, "  %-10s %s\n", commands[i].name, commands[i].summary);
    }
    fprintf(to, "\n'wijknet help COMMAND' shows a command's options; 'wijknet --version' the "
                "version.\nExit codes: 0 ok, 1 failure, 64 usage, 65 bad data, 66 missing "
                "input,\n73 cannot create output, 74 I/O error.\n");
}

static const CliCommand *
find_command(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++) {
        if (strcmp(commands[i].name, name) == 0) {
            return &commands[i];
        }
    }
    return NULL;
}

static int
unknown_command(const char *name)
{
    fprintf(stderr, "wijknet: unknown command \"%s\"\nTry 'wijknet --help'.\n", name);
    return CLI_EXIT_USAGE;
}

static int
help(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stdout);
        return CLI_EXIT_OK;
    }
    const CliCommand *cmd = find_command(argv[1]);
    if (cmd == NULL) {
        return unknown_command(argv[1]);
    }
    char *help_argv[] = {argv[1], (char *) "--help", NULL};
    return cmd->run(2, help_argv);
}

int
main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    wn_init();
    g_set_prgname("wijknet");
    if (argc < 2) {
        print_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        print_usage(stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("wijknet %s\n", wn_version());
        return CLI_EXIT_OK;
    }
    if (strcmp(name, "help") == 0) {
        return help(argc - 1, argv + 1);
    }
    const CliCommand *cmd = find_command(name);
    return cmd != NULL ? cmd->run(argc - 1, argv + 1) : unknown_command(name);
}
