/* cmd-map.c: `wijknet map`, the figures per area as CSV, GeoJSON and SVG maps, with run.json */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <stdio.h>

typedef struct {
    char *output;
    gint min_cell;
    gint max_nodes;
    gint64 seed;
    gboolean show_labels;
    char *lang;
    char **ego; /* each a comma-separated list of ids */
    CliLoad load;
    gboolean force;
} Options;

/* run.json's start: the command line, the dataset and its files (wn_map_write adds the rest). */
static WnRunManifest *
start_manifest(const char *dataset, char **argv, GError **error)
{
    g_autoptr(WnRunManifest) m = wn_run_manifest_new("map", (const char *const *) argv);
    wn_run_manifest_add_option(m, "dataset", dataset);
    return wn_run_manifest_add_dataset(m, dataset, error) ? g_steal_pointer(&m) : NULL;
}

static void
print_warnings(const GPtrArray *warnings)
{
    for (guint i = 0; i < warnings->len; i++) {
        fprintf(stderr, "wijknet: warning: %s\n", (const char *) g_ptr_array_index(warnings, i));
    }
}

/* The ids of every --ego, split at commas, in order. */
static GStrv
ego_ids(char **lists)
{
    g_autoptr(GStrvBuilder) ids = g_strv_builder_new();
    for (gsize i = 0; lists != NULL && lists[i] != NULL; i++) {
        g_auto(GStrv) parts = g_strsplit(lists[i], ",", -1);
        for (gsize j = 0; parts[j] != NULL; j++) {
            if (*parts[j] != '\0') {
                g_strv_builder_add(ids, parts[j]);
            }
        }
    }
    return g_strv_builder_end(ids);
}

static int
run_map(const Options *o, const char *dataset, char **argv)
{
    g_auto(CliFolder) folder = {0};
    int status = CLI_EXIT_OK;
    if (!cli_folder_claim(&folder, o->output, o->force, NULL, &status)) {
        return status;
    }
    g_autoptr(WnAreaShapes) shapes = NULL;
    g_autoptr(WnNetwork) net = cli_load_with_shapes(dataset, &o->load, &shapes, &status);
    if (net == NULL) {
        return status;
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WnRunManifest) manifest = start_manifest(dataset, argv, &error);
    if (manifest == NULL) {
        return cli_fail(error);
    }
    g_auto(GStrv) ego = ego_ids(o->ego);
    WnMapOptions opts = WN_MAP_OPTIONS_INIT;
    opts.ego = (const char *const *) ego;
    wn_report_language_lookup(o->lang != NULL ? o->lang : "nl", &opts.draw.language);
    opts.min_cell = (guint) o->min_cell;
    opts.draw.show_labels = o->show_labels;
    opts.draw.max_nodes = (guint) o->max_nodes;
    opts.draw.seed = (guint64) o->seed;
    opts.shapes = shapes;
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = wn_map_write(net, o->output, &opts, manifest, warnings, &error);
    print_warnings(warnings);
    if (!ok) {
        return cli_fail(error);
    }
    cli_folder_report_kept(&folder);
    printf("wrote areas.csv, areas.geojson, map.svg, network.svg, wijk.svg%s and run.json to %s\n",
           ego[0] != NULL ? ", the ego drawings (ego-ID.svg)" : "", o->output);
    return CLI_EXIT_OK;
}

static int
check_and_run(const Options *o, const char *dataset, char **all_argv)
{
    if (o->output == NULL) {
        return cli_usage_error("map", "-o DIR is required: the folder to write the maps to");
    }
    WnLanguage language;
    if (o->lang != NULL && !wn_report_language_lookup(o->lang, &language)) {
        return cli_usage_error("map", "--lang must be nl (Dutch) or en (English)");
    }
    if (o->min_cell < 0 || o->max_nodes < 0 || o->seed < 0) {
        return cli_usage_error("map", "--min-cell, --max-nodes and --seed must not be negative");
    }
    return run_map(o, dataset, all_argv);
}

/* The command line as typed, for run.json: "wijknet", then the arguments. */
static GStrv
command_line(int argc, char **argv)
{
    GStrv line = g_new0(char *, (gsize) argc + 2);
    line[0] = g_strdup("wijknet");
    for (int i = 0; i < argc; i++) {
        line[i + 1] = g_strdup(argv[i]);
    }
    return line;
}

int
cmd_map(int argc, char **argv)
{
    Options o = {.min_cell = 10, .max_nodes = 5000, .seed = 1};
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Write the files to DIR (created when missing; new or empty unless --force)", "DIR"},
        cli_force_entry(&o.force),
        {"min-cell", 0, 0, G_OPTION_ARG_INT, &o.min_cell,
         "Hide counts below K, and every figure of an area with fewer than K residents "
         "(default 10; 0 hides nothing)",
         "K"},
        {"show-labels", 0, 0, G_OPTION_ARG_NONE, &o.show_labels,
         "Write the labels (names) of nodes into network.svg and the ego drawings (personal "
         "data)",
         NULL},
        {"max-nodes", 0, 0, G_OPTION_ARG_INT, &o.max_nodes,
         "Draw at most N nodes besides the isolated and formal-only residents (always "
         "drawn), those of highest betweenness (default 5000; 0 = all)",
         "N"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang,
         "Language of the legends and drawings: nl (default) or en", "LANG"},
        {"ego", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.ego,
         "Also draw the contacts of each node ID as DIR/ego-ID.svg (an eco-map); a list "
         "with commas, or the option repeated",
         "ID[,ID…]"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &o.seed, "Seed of the network layout (default 1)",
         "SEED"},
        cli_skip_bad_rows_entry(&o.load.skip_bad_rows),
        cli_relations_entry(&o.load.relations),
        {NULL}};
    g_autoptr(GOptionContext) context = g_option_context_new("DATASET -o DIR");
    g_option_context_set_summary(
        context, "Writes the figures of each area of DATASET, with small cells suppressed, to\n"
                 "DIR: areas.csv, areas.geojson (joined to DATASET/areas.geojson when present),\n"
                 "map.svg (the share of isolated residents per area), network.svg (the network\n"
                 "coloured by isolation status; every isolated and formal-only resident is\n"
                 "kept whatever --max-nodes says), wijk.svg (buurten as blobs sized by\n"
                 "residents, with the isolated counted in each, and the contacts between\n"
                 "them), with --ego an eco-map of each person named, and run.json (how they\n"
                 "were made). No label of a person appears unless --show-labels.");
    g_option_context_add_main_entries(context, entries, NULL);
    g_auto(GStrv) all_argv = command_line(argc, argv);
    int status = CLI_EXIT_OK;
    if (cli_parse(context, "map", &argc, &argv, &status) &&
        cli_expect_one_dataset("map", argc, &status)) {
        status = check_and_run(&o, argv[1], all_argv);
    }
    g_free(o.output);
    g_free(o.lang);
    g_strfreev(o.ego);
    return status;
}
