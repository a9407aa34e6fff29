/* cmd-analyse.c: `wijknet analyse`, every measure at once (the benchmark is wijknet-bench) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <stdio.h>
#include <unistd.h>

typedef struct {
    char *output;
    gboolean timings;
    gboolean progress;
    CliLoad load;
    gboolean force;
    gint64 seed;
} Options;

static void
options_clear(Options *o)
{
    g_free(o->output);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Options, options_clear)

/* Prints "step NAME SECONDS", the benchmark's form (tests/bench/README.md). */
static void
print_step(const char *step, double seconds)
{
    printf("step %s %.3f\n", step, seconds);
    fflush(stdout);
}

/* Draws "analyse [=====     ] 5/10 what" over itself on stderr. */
static void
draw_progress(gsize done, gsize total, const char *what)
{
    const int width = 30;
    int filled = total > 0 ? (int) (width * done / total) : width;
    fprintf(stderr, "\ranalyse [%.*s%*s] %" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT " %-24s", filled,
            "==============================", width - filled, "", done, total, what);
    if (done == total) {
        fputc('\n', stderr);
    }
    fflush(stderr);
}

/* What an everyday run shows as it goes: the progress bar, the timings, or both. */
typedef struct {
    gboolean bar;     /* the bar on stderr */
    gboolean timings; /* "step FILE SECONDS" on stdout as each file is written */
    GTimer *timer;    /* since the current step started */
    char *step;       /* the file being computed; NULL before the first and after the last */
} Report;

static void
report_clear(Report *r)
{
    g_clear_pointer(&r->timer, g_timer_destroy);
    g_clear_pointer(&r->step, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Report, report_clear)

/* wn_analyse_run calls this before each output and once when all are done, so each
 * call after the first ends the step of the file named in the call before. */
static void
report_progress(gsize done, gsize total, const char *what, gpointer user_data)
{
    Report *r = user_data;
    if (r->timings && r->step != NULL) {
        if (r->bar) {
            fputs("\r\033[K", stderr); /* the step's line goes where the bar was */
        }
        print_step(r->step, g_timer_elapsed(r->timer, NULL));
    }
    g_free(r->step);
    r->step = done < total ? g_strdup(what) : NULL;
    g_timer_start(r->timer);
    if (r->bar) {
        draw_progress(done, total, what);
    }
}

/* run.json: the command line, the options, the seed, the dataset's files, the outputs. */
static WnRunManifest *
start_manifest(const Options *o, const char *dataset, char **argv, GError **error)
{
    g_autoptr(WnRunManifest) manifest = wn_run_manifest_new("analyse", (const char *const *) argv);
    g_autofree char *seed = g_strdup_printf("%" G_GINT64_FORMAT, o->seed);
    wn_run_manifest_add_option(manifest, "seed", seed);
    wn_run_manifest_add_option(manifest, "skip_bad_rows", o->load.skip_bad_rows ? "true" : "false");
    wn_run_manifest_add_option(manifest, "relations",
                               o->load.relations != NULL ? o->load.relations : "all");
    wn_run_manifest_set_seed(manifest, (guint64) o->seed);
    if (!wn_run_manifest_add_dataset(manifest, dataset, error)) {
        return NULL;
    }
    return g_steal_pointer(&manifest);
}

/* Under mpirun only rank 0 writes and reports; the other ranks compute alongside it. */
static gboolean
is_writer(void)
{
#ifdef WIJKNET_MPI
    return wn_mpi_rank() == 0;
#else
    return TRUE;
#endif
}

/* Loads the dataset (under mpirun with WIJKNET_MPI_LOAD=broadcast, its files read by
 * rank 0 and broadcast) and, on the rank that writes, checksums its files for run.json;
 * with --timings, prints "step load SECONDS" for both. */
static WnNetwork *
load_dataset(const Options *o, const char *dataset, char **argv, Report *r,
             WnRunManifest **manifest_out, int *status_out)
{
#ifdef WIJKNET_MPI
    wn_mpi_share_inputs(TRUE); /* WIJKNET_MPI_LOAD=broadcast: rank 0 reads, broadcasts */
#endif
    g_autoptr(WnNetwork) net = cli_load(dataset, &o->load, status_out);
#ifdef WIJKNET_MPI
    wn_mpi_share_inputs(FALSE);
#endif
    if (net == NULL) {
        return NULL;
    }
    g_autoptr(GError) error = NULL;
    *manifest_out = is_writer() ? start_manifest(o, dataset, argv, &error) : NULL;
    if (is_writer() && *manifest_out == NULL) {
        *status_out = cli_fail(error);
        return NULL;
    }
    if (r->timings) {
        print_step("load", g_timer_elapsed(r->timer, NULL));
    }
    return g_steal_pointer(&net);
}

static int
run_everything(const Options *o, const char *dataset, char **argv)
{
    g_auto(CliFolder) folder = {0};
    int status = CLI_EXIT_OK;
    gboolean writer = is_writer();
    if (writer && !cli_folder_claim(&folder, o->output, o->force, NULL, &status)) {
        return status;
    }
    g_auto(Report) r = {writer && (o->progress || isatty(STDERR_FILENO)), writer && o->timings,
                        g_timer_new(), NULL};
    g_autoptr(WnRunManifest) manifest = NULL;
    g_autoptr(WnNetwork) net = load_dataset(o, dataset, argv, &r, &manifest, &status);
    if (net == NULL) {
        return status;
    }
    g_autoptr(GError) error = NULL;
    WnAnalyseOptions opts = {(guint64) o->seed};
    gboolean report = r.bar || r.timings;
    if (!wn_analyse_run(net, writer ? o->output : NULL, &opts, writer ? manifest : NULL,
                        report ? report_progress : NULL, &r, &error)) {
        return cli_fail(error);
    }
    cli_folder_report_kept(&folder);
    return CLI_EXIT_OK;
}

static int
analyse(int argc, char **argv)
{
    g_auto(Options) o = {.seed = 12345};
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Write the results into folder DIR (required; new or empty unless --force)", "DIR"},
        cli_force_entry(&o.force),
        {"timings", 0, 0, G_OPTION_ARG_NONE, &o.timings,
         "Print \"step NAME SECONDS\" after each step: load, then each file", NULL},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &o.seed,
         "Seed for the randomised measures (default 12345)", "S"},
        {"progress", 0, 0, G_OPTION_ARG_NONE, &o.progress,
         "Show the progress bar even when standard error is not a terminal", NULL},
        cli_skip_bad_rows_entry(&o.load.skip_bad_rows),
        cli_relations_entry(&o.load.relations),
        {NULL}};
    g_autoptr(GOptionContext) context = g_option_context_new("DATASET -o DIR");
    g_option_context_set_summary(
        context, "Every measure of DATASET at once, as CSV files in DIR with a run.json.\n"
                 "The benchmark's profile workload is the program wijknet-bench\n"
                 "(tests/bench/README.md).");
    g_option_context_add_main_entries(context, entries, NULL);
    g_auto(GStrv) typed = g_strdupv(argv); /* parsing takes the options out of argv */
    int status = CLI_EXIT_OK;
    if (!cli_parse(context, "analyse", &argc, &argv, &status)) {
        return status;
    }
    if (argc != 2 || o.output == NULL) {
        return cli_usage_error("analyse", "expected one DATASET folder and -o DIR");
    }
    if (o.seed < 0) {
        return cli_usage_error("analyse", "--seed must not be negative");
    }
    return run_everything(&o, argv[1], typed);
}

/* Under mpirun or srun (a build with WIJKNET_MPI) the ranks share the Brandes searches
 * and rank 0 writes; a rank that fails ends the whole run with its exit code. */
int
cmd_analyse(int argc, char **argv)
{
#ifdef WIJKNET_MPI
    wn_mpi_start(&argc, &argv, TRUE);
    return wn_mpi_finish(analyse(argc, argv));
#else
    return analyse(argc, argv);
#endif
}
