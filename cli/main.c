/* main.c: the `wijknet` command: subcommand table and dispatch, nothing else */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const CliCommand commands[] = {
    {"check", "read a dataset and report what it holds", cmd_check},
    {"measures", "centrality of every node (table, CSV or JSON)", cmd_measures},
    {"isolation", "residents at risk of isolation, ego composition, the group projection",
     cmd_isolation},
    {"brokers", "key figures who bridge areas or formal and informal worlds, with reasons",
     cmd_brokers},
    {"communities", "communities, modularity and participation", cmd_communities},
    {"cuts", "articulation points, bridges and local bridges: where the network can be cut",
     cmd_cuts},
    {"suggest", "new contacts for residents at risk, ranked and explained", cmd_suggest},
    {"generate", "write a synthetic town (fictional residents in buurten) as a dataset",
     cmd_generate},
    {"import", "read GraphML, GML, Pajek, UCINET, edge lists, node-link JSON, Network Canvas",
     cmd_import},
    {"export", "write GraphML, GML, Pajek, UCINET, edge lists, node-link JSON or a notebook",
     cmd_export},
    {"map", "figures per area with small cells hidden, GeoJSON and SVG maps, run.json", cmd_map},
    {"report", "one HTML page for a community worker: summary, map, at-risk residents, brokers",
     cmd_report},
    {"batch", "run a job file: many datasets and outputs, resumable, with a progress bar",
     cmd_batch},
    {"analyse", "every measure at once into a folder (the benchmark is wijknet-bench)",
     cmd_analyse},
    {"pseudonymise", "write a dataset with keyed pseudonyms for ids, labels dropped or replaced",
     cmd_pseudonymise},
    {"serve", "explore a wijk in the browser: a local server, read-only, with a token", cmd_serve},
    {"whatif", "what if a person leaves, a place closes or ties form: who loses their only link",
     cmd_whatif},
    {"compare", "two fieldwork waves of one wijk: who moved into or out of each status",
     cmd_compare},
};

static void
print_usage(FILE *to)
{
    fprintf(to, "Usage: wijknet COMMAND [OPTION…] DATASET\n\n"
                "Social network analysis for neighbourhoods: who is isolated, who bridges,\n"
                "who is central. DATASET is a folder in the fieldwork format (nodes.csv,\n"
                "ties.csv, optional dataset.json).\n\nCommands:\n");
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++) {
        fprintf(to, "  %-13s %s\n", commands[i].name, commands[i].summary);
    }
    fprintf(to, "\n'wijknet help COMMAND' shows a command's options; 'wijknet --version' the "
                "version.\nExit codes: 0 ok, 1 failure, 64 usage, 65 bad data, 66 missing "
                "input,\n73 cannot create output, 74 I/O error, 75 port in use (serve).\n");
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
    setlocale(LC_CTYPE, ""); /* numbers stay in the C locale: 0.5, never 0,5 */
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
