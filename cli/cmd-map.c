/* cmd-map.c: `wijknet map`, the figures per area as CSV, GeoJSON and SVG maps, with run.json */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <errno.h>
#include <stdio.h>

typedef struct {
    char *output;
    gint min_cell;
    gint max_nodes;
    gint64 seed;
    gboolean show_labels;
    gboolean skip_bad_rows;
} Options;

/* What one run makes, file by file. */
typedef struct {
    WnTable *areas;
    WnAreaShapes *shapes; /* NULL without the dataset's areas.geojson */
    const WnNetwork *net;
    const Options *options;
} Run;

static WnAreaShapes *
load_shapes(const char *dataset, int *status_out)
{
    g_autofree char *path = g_build_filename(dataset, "areas.geojson", NULL);
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        return NULL;
    }
    g_autoptr(GError) error = NULL;
    WnAreaShapes *shapes = wn_area_shapes_load(path, &error);
    if (shapes == NULL) {
        *status_out = cli_fail(error);
    }
    return shapes;
}

static int
write_file(const char *dir, const char *name, const char *text)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    return cli_write(path, text);
}

static int
write_geojson(const Run *run)
{
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = wn_areas_to_geojson(run->areas, run->shapes, warnings, &error);
    if (text == NULL) {
        return cli_fail(error);
    }
    for (guint i = 0; i < warnings->len; i++) {
        fprintf(stderr, "wijknet: warning: %s\n", (const char *) g_ptr_array_index(warnings, i));
    }
    return write_file(run->options->output, "areas.geojson", text);
}

static int
write_svgs(const Run *run)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *map = wn_areas_to_svg(run->areas, run->shapes, &error);
    if (map == NULL) {
        return cli_fail(error);
    }
    int status = write_file(run->options->output, "map.svg", map);
    if (status != CLI_EXIT_OK) {
        return status;
    }
    WnDrawOptions draw = WN_DRAW_OPTIONS_INIT;
    draw.show_labels = run->options->show_labels;
    draw.max_nodes = (guint) run->options->max_nodes;
    draw.seed = (guint64) run->options->seed;
    g_autofree char *network = wn_network_to_svg(run->net, &draw, &error);
    if (network == NULL) {
        return cli_fail(error);
    }
    return write_file(run->options->output, "network.svg", network);
}

static int
write_manifest(const Run *run, const char *dataset, char **argv)
{
    g_autoptr(WnRunManifest) m = wn_run_manifest_new("map", (const char *const *) argv);
    g_autofree char *min_cell = g_strdup_printf("%d", run->options->min_cell);
    g_autofree char *max_nodes = g_strdup_printf("%d", run->options->max_nodes);
    wn_run_manifest_add_option(m, "dataset", dataset);
    wn_run_manifest_add_option(m, "min_cell", min_cell);
    wn_run_manifest_add_option(m, "max_nodes", max_nodes);
    wn_run_manifest_add_option(m, "show_labels", run->options->show_labels ? "true" : "false");
    wn_run_manifest_set_seed(m, (guint64) run->options->seed);
    static const char *const outputs[] = {"areas.csv", "areas.geojson", "map.svg", "network.svg"};
    for (gsize i = 0; i < G_N_ELEMENTS(outputs); i++) {
        wn_run_manifest_add_output(m, outputs[i]);
    }
    g_autoptr(GError) error = NULL;
    if (!wn_run_manifest_add_dataset(m, dataset, &error)) {
        return cli_fail(error);
    }
    g_autofree char *text = wn_run_manifest_to_json(m);
    return write_file(run->options->output, "run.json", text);
}

static int
write_outputs(const Run *run, const char *dataset, char **argv)
{
    if (g_mkdir_with_parents(run->options->output, 0755) != 0) {
        fprintf(stderr, "wijknet: cannot create %s: %s\n", run->options->output, g_strerror(errno));
        return CLI_EXIT_CANTCREAT;
    }
    g_autofree char *csv = wn_table_to_csv(run->areas);
    int status = write_file(run->options->output, "areas.csv", csv);
    status = status == CLI_EXIT_OK ? write_geojson(run) : status;
    status = status == CLI_EXIT_OK ? write_svgs(run) : status;
    status = status == CLI_EXIT_OK ? write_manifest(run, dataset, argv) : status;
    if (status == CLI_EXIT_OK) {
        printf("wrote areas.csv, areas.geojson, map.svg, network.svg and run.json to %s\n",
               run->options->output);
    }
    return status;
}

static int
run_map(const Options *o, const char *dataset, char **argv)
{
    int status = CLI_EXIT_OK;
    g_autoptr(WnNetwork) net = cli_load(dataset, o->skip_bad_rows, &status);
    g_autoptr(WnAreaShapes) shapes = net != NULL ? load_shapes(dataset, &status) : NULL;
    if (status != CLI_EXIT_OK) {
        return status;
    }
    WnAreaOptions opts = WN_AREA_OPTIONS_INIT;
    opts.min_cell = (guint) o->min_cell;
    opts.shapes = shapes;
    g_autoptr(GError) error = NULL;
    g_autoptr(WnTable) areas = wn_areas_table(net, &opts, &error);
    if (areas == NULL) {
        return cli_fail(error);
    }
    if (o->min_cell < 10) {
        fprintf(stderr,
                "wijknet: warning: --min-cell %d is below 10, the threshold of CBS "
                "exports: check the figures before you share them\n",
                o->min_cell);
    }
    Run run = {areas, shapes, net, o};
    return write_outputs(&run, dataset, argv);
}

static int
check_and_run(const Options *o, const char *dataset, char **all_argv)
{
    if (o->output == NULL) {
        return cli_usage_error("map", "-o DIR is required: the folder to write the maps to");
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
         "Write the files to DIR (created when missing)", "DIR"},
        {"min-cell", 0, 0, G_OPTION_ARG_INT, &o.min_cell,
         "Hide counts below K, and every figure of an area with fewer than K residents "
         "(default 10; 0 hides nothing)",
         "K"},
        {"show-labels", 0, 0, G_OPTION_ARG_NONE, &o.show_labels,
         "Write the labels (names) of nodes into network.svg (personal data)", NULL},
        {"max-nodes", 0, 0, G_OPTION_ARG_INT, &o.max_nodes,
         "Draw at most N nodes, those of highest betweenness (default 5000; 0 = all)", "N"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &o.seed, "Seed of the network layout (default 1)",
         "SEED"},
        {"skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &o.skip_bad_rows,
         "Load the rest of a dataset with bad rows, and list every skipped row", NULL},
        {NULL}};
    g_autoptr(GOptionContext) context = g_option_context_new("DATASET -o DIR");
    g_option_context_set_summary(
        context, "Writes the figures of each area of DATASET, with small cells suppressed, to\n"
                 "DIR: areas.csv, areas.geojson (joined to DATASET/areas.geojson when present),\n"
                 "map.svg (the share of isolated residents per area), network.svg (the network\n"
                 "coloured by isolation status) and run.json (how they were made). No label\n"
                 "of a person appears unless --show-labels.");
    g_option_context_add_main_entries(context, entries, NULL);
    g_auto(GStrv) all_argv = command_line(argc, argv);
    int status = CLI_EXIT_OK;
    if (cli_parse(context, "map", &argc, &argv, &status) &&
        cli_expect_one_dataset("map", argc, &status)) {
        status = check_and_run(&o, argv[1], all_argv);
    }
    g_free(o.output);
    return status;
}
