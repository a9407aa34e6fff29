/* cmd-pseudonymise.c: `wijknet pseudonymise`, a dataset with keyed pseudonyms for its ids */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    char *key_file;
    char *new_key;
    char *output;
    char **keep;
    char **drop;
    char *coordinates;
    gint decimals;
} Options;

/* "a,b" given once or more becomes one NULL-terminated list of trimmed names. */
static char **
split_names(char **given)
{
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    for (gsize i = 0; given != NULL && given[i] != NULL; i++) {
        g_auto(GStrv) parts = g_strsplit(given[i], ",", -1);
        for (gsize j = 0; parts[j] != NULL; j++) {
            char *name = g_strstrip(parts[j]);
            if (*name != '\0') {
                g_ptr_array_add(names, g_strdup(name));
            }
        }
    }
    g_ptr_array_add(names, NULL);
    return (char **) g_ptr_array_free(g_steal_pointer(&names), FALSE);
}

static int
new_key(const char *path)
{
    g_autoptr(GError) error = NULL;
    if (!wn_pseudonym_key_create(path, &error)) {
        return cli_fail(error);
    }
    g_autoptr(GBytes) key = wn_pseudonym_key_load(path, &error);
    if (key == NULL) {
        return cli_fail(error);
    }
    g_autofree char *fingerprint = wn_pseudonym_key_fingerprint(key);
    printf("wrote a new key to %s (fingerprint %s, readable by you only)\n"
           "Keep it apart from the data: whoever holds the key and the pseudonymised data\n"
           "can link them back to the people in the original.\n",
           path, fingerprint);
    return CLI_EXIT_OK;
}

/* The key must never travel with the data it protects: refused inside the output folder,
 * warned about inside the dataset folder or when others can read it. */
static int
check_key_place(const Options *o, const char *dataset)
{
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) error = NULL;
    if (!wn_pseudonym_key_check_placement(o->key_file, dataset, o->output, warnings, &error)) {
        return cli_usage_error("pseudonymise", "%s", error->message);
    }
    cli_print_lines("wijknet pseudonymise: warning: ", warnings);
    return CLI_EXIT_OK;
}

static gboolean
lookup_coordinates(const char *text, WnCoordinates *out)
{
    static const char *const names[] = {"round", "keep", "drop"}; /* WnCoordinates order */
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        if (strcmp(text, names[i]) == 0) {
            *out = (WnCoordinates) i;
            return TRUE;
        }
    }
    return FALSE;
}

static int
parse_coordinates(const Options *o, WnPseudonymiseOptions *opts)
{
    if (o->coordinates != NULL && !lookup_coordinates(o->coordinates, &opts->coordinates)) {
        return cli_usage_error("pseudonymise",
                               "--coordinates must be round, keep or drop, not \"%s\"",
                               o->coordinates);
    }
    if (o->decimals < 0) {
        return cli_usage_error("pseudonymise", "--decimals must not be negative");
    }
    opts->decimals = (guint) o->decimals;
    return CLI_EXIT_OK;
}

static int
pseudonymise(const WnNetwork *net, const Options *o, const char *dataset, GBytes *key,
             const WnPseudonymiseOptions *opts)
{
    g_autoptr(GError) error = NULL;
    if (!wn_pseudonymise_options_check(net, opts, &error)) {
        return cli_usage_error("pseudonymise", "%s", error->message);
    }
    g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func(g_free);
    if (!wn_pseudonymise_dataset(net, dataset, o->output, key, opts, notes, &error)) {
        return cli_fail(error);
    }
    cli_print_lines("wijknet pseudonymise: ", notes);
    g_autofree char *fingerprint = wn_pseudonym_key_fingerprint(key);
    printf("wrote %s: %" G_GSIZE_FORMAT " nodes pseudonymised with the key of fingerprint %s\n",
           o->output, wn_network_node_count(net), fingerprint);
    return CLI_EXIT_OK;
}

static int
run(const Options *o, const char *dataset)
{
    WnPseudonymiseOptions opts = WN_PSEUDONYMISE_OPTIONS_INIT;
    int status = parse_coordinates(o, &opts);
    if (status != CLI_EXIT_OK || (status = check_key_place(o, dataset)) != CLI_EXIT_OK) {
        return status;
    }
    /* no --force: nothing but the pseudonymised files may be in the folder that is shared */
    g_auto(CliFolder) folder = {0};
    if (!cli_folder_claim(&folder, o->output, FALSE,
                          "pseudonymise writes only into a new or empty folder", &status)) {
        return status;
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) key = wn_pseudonym_key_load(o->key_file, &error);
    if (key == NULL) {
        return cli_fail(error);
    }
    g_autoptr(WnNetwork) net = cli_load(dataset, &(CliLoad){0}, &status);
    if (net == NULL) {
        return status;
    }
    g_auto(GStrv) keep = split_names(o->keep);
    g_auto(GStrv) drop = split_names(o->drop);
    opts.keep = (const char *const *) keep;
    opts.drop = (const char *const *) drop;
    return pseudonymise(net, o, dataset, key, &opts);
}

static int
dispatch(const Options *o, int argc, char **argv)
{
    if (o->new_key != NULL) {
        return argc == 1 ? new_key(o->new_key)
                         : cli_usage_error("pseudonymise", "--new-key FILE takes no DATASET");
    }
    int status = CLI_EXIT_OK;
    if (!cli_expect_one_dataset("pseudonymise", argc, &status)) {
        return status;
    }
    if (o->key_file == NULL) {
        return cli_usage_error("pseudonymise", "--key-file KEY is required (--new-key KEY "
                                               "makes one)");
    }
    if (o->output == NULL) {
        return cli_usage_error("pseudonymise", "-o DIR is required (the folder to write into)");
    }
    return run(o, argv[1]);
}

int
cmd_pseudonymise(int argc, char **argv)
{
    Options o = {.decimals = 3};
    g_auto(CliParser) parser = cli_parser_new(
        "pseudonymise", "DATASET --key-file KEY -o DIR",
        "Write DATASET with every id replaced by a keyed pseudonym (HMAC-SHA256: the node\n"
        "kind's letter and 16 hex digits, the same for the same key) and labels replaced by\n"
        "the pseudonym. type, area, vulnerable, weight and support_kind are kept, lat and lon\n"
        "rounded; every other column is dropped unless --keep names it. Files are written\n"
        "with mode 0600. 'wijknet pseudonymise --new-key KEY' makes a key: store it apart\n"
        "from the data (not in the dataset or output folder, not in the same share).");
    GOptionEntry entries[] = {
        {"key-file", 'k', 0, G_OPTION_ARG_FILENAME, &o.key_file,
         "The secret key (at least 32 bytes; keep it apart from the data)", "KEY"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Folder to write into: new or empty (required)", "DIR"},
        {"keep", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.keep,
         "Also keep these other columns (comma-separated; default: dropped)", "COLS"},
        {"drop", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.drop,
         "Drop these columns too (label, area, vulnerable, weight …)", "COLS"},
        {"coordinates", 0, 0, G_OPTION_ARG_STRING, &o.coordinates,
         "lat and lon: round (default), keep or drop", "HOW"},
        {"decimals", 0, 0, G_OPTION_ARG_INT, &o.decimals,
         "Decimals kept when rounding, 0-8 (default 3: about 100 m)", "N"},
        {"new-key", 0, 0, G_OPTION_ARG_FILENAME, &o.new_key,
         "Write a new random key to KEY (mode 0600; never overwrites)", "KEY"},
        {NULL}};
    cli_parser_add(&parser, entries);
    int status = CLI_EXIT_OK;
    if (!cli_parser_parse(&parser, &argc, &argv, FALSE, &status)) {
        return status;
    }
    return dispatch(&o, argc, argv);
}
