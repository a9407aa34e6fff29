/* cmd-batch.c: `wijknet batch`, many datasets and outputs from one job file, resumable */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"
#include "progress.h"

#include <stdio.h>

typedef struct {
    CliProgress *progress;
    gsize dataset, datasets;
    gsize written, skipped, failed;
    int status;         /* the exit code so far */
    GPtrArray *summary; /* one line per failure */
} Tally;

/* Bad data (65) or a missing dataset (66) outranks an output that failed (73, 74, 1). */
static int
rank(int status)
{
    return status == CLI_EXIT_DATAERR || status == CLI_EXIT_NOINPUT ? 3
           : status == CLI_EXIT_OK                                  ? 0
           : status == CLI_EXIT_FAILURE                             ? 1
                                                                    : 2;
}

static void
on_event(const WnBatchEvent *event, gpointer data)
{
    Tally *t = data;
    if (event->outcome == WN_BATCH_FAILED) {
        int status = cli_exit_code(event->error);
        t->status = rank(status) > rank(t->status) ? status : t->status;
        t->failed++;
        cli_progress_clear(t->progress);
        g_autofree char *unit = cli_visible(event->unit);
        g_autofree char *message = cli_visible(event->error->message);
        fprintf(stderr, "wijknet: %s%s%s: %s\n", unit, event->output != NULL ? ": " : "",
                event->output != NULL ? event->output : "", message);
        g_ptr_array_add(t->summary,
                        g_strdup_printf("%s%s%s%s", event->unit,
                                        event->output != NULL ? " (" : " (the dataset",
                                        event->output != NULL ? event->output : "", ")"));
    }
    t->written += event->outcome == WN_BATCH_DONE;
    t->skipped += event->outcome == WN_BATCH_SKIPPED;
    double within = event->total > 0 ? (double) event->done / (double) event->total : 1.0;
    g_autofree char *label =
        g_strdup_printf("%s %s", event->unit, event->output != NULL ? event->output : "");
    cli_progress_update(t->progress, ((double) t->dataset + within) / (double) t->datasets, label);
}

static void
print_summary(const Tally *t, gsize failed_datasets)
{
    cli_progress_clear(t->progress);
    printf("wijknet batch: %" G_GSIZE_FORMAT " datasets, %" G_GSIZE_FORMAT
           " complete, %" G_GSIZE_FORMAT " with failures; outputs: %" G_GSIZE_FORMAT
           " written, %" G_GSIZE_FORMAT " already complete, %" G_GSIZE_FORMAT " failed\n",
           t->datasets, t->datasets - failed_datasets, failed_datasets, t->written, t->skipped,
           t->failed);
    for (guint i = 0; i < t->summary->len; i++) {
        printf("failed: %s\n", (const char *) g_ptr_array_index(t->summary, i));
    }
    fflush(stdout);
}

static void
clear_folder(gpointer folder)
{
    cli_folder_clear(folder);
}

/* Claims the output folder of every dataset before any is written (cli_folder_claim):
 * --resume continues in them as they are. Returns: the folders, NULL when one is refused. */
static GArray *
claim_folders(const WnBatchJob *job, gboolean resume, gboolean force, int *status_out)
{
    g_autoptr(GArray) folders = g_array_new(FALSE, TRUE, sizeof(CliFolder));
    g_array_set_clear_func(folders, clear_folder);
    g_array_set_size(folders, (guint) wn_batch_job_dataset_count(job));
    for (gsize i = 0; !resume && i < folders->len; i++) {
        if (!cli_folder_claim(&g_array_index(folders, CliFolder, i),
                              wn_batch_job_dataset_output(job, i), force,
                              "give --resume to continue a run there, or --force to write into "
                              "it",
                              status_out)) {
            return NULL;
        }
    }
    return g_steal_pointer(&folders);
}

static int
run(const char *path, gboolean resume, gboolean force, gboolean progress)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WnBatchJob) job = wn_batch_job_load(path, &error);
    if (job == NULL) {
        return cli_fail(error);
    }
    int status = CLI_EXIT_OK;
    g_autoptr(GArray) folders = claim_folders(job, resume, force, &status);
    if (folders == NULL) {
        return status;
    }
    /* --resume and --progress change nothing in the outputs, so run.json leaves them out */
    const char *const argv[] = {"wijknet", "batch", path, NULL};
    g_autoptr(CliProgress) bar = cli_progress_new(progress);
    g_autoptr(GPtrArray) summary = g_ptr_array_new_with_free_func(g_free);
    Tally t = {bar, 0, wn_batch_job_dataset_count(job), 0, 0, 0, CLI_EXIT_OK, summary};
    WnBatchRunOptions opts = {resume, argv, on_event, &t};
    gsize failed = 0;
    for (t.dataset = 0; t.dataset < t.datasets; t.dataset++) {
        g_autoptr(GError) ignored = NULL; /* every failure was reported as it happened */
        failed += !wn_batch_run_dataset(job, t.dataset, &opts, &ignored);
        cli_folder_report_kept(&g_array_index(folders, CliFolder, t.dataset));
    }
    print_summary(&t, failed);
    return t.status;
}

int
cmd_batch(int argc, char **argv)
{
    gboolean resume = FALSE, force = FALSE, progress = FALSE;
    g_auto(CliParser) parser = cli_parser_new(
        "batch", "JOB.json",
        "Runs the outputs a job file asks for (check, measures, isolation, brokers,\n"
        "map, report, suggest) for every dataset in it, each into its own folder,\n"
        "atomically, with a completion marker per output. A bad dataset does not stop\n"
        "the others. An output folder that holds files is refused (exit 73) unless\n"
        "--resume or --force. Exit code: 65 a dataset was bad, 66 one was missing,\n"
        "73/74 an output could not be written, 0 when everything is complete.");
    GOptionEntry entries[] = {
        {"resume", 'r', 0, G_OPTION_ARG_NONE, &resume,
         "Continue a run in its output folders: skip outputs already complete (same inputs "
         "and settings, files untouched)",
         NULL},
        cli_force_entry(&force),
        {"progress", 'p', 0, G_OPTION_ARG_NONE, &progress,
         "Show the progress bar even when stderr is not a terminal", NULL},
        {NULL}};
    cli_parser_add(&parser, entries);
    int status = CLI_EXIT_OK;
    if (!cli_parser_parse(&parser, &argc, &argv, FALSE, &status)) {
        return status;
    }
    if (argc != 2) {
        return cli_usage_error("batch", "expected one JOB.json file");
    }
    return run(argv[1], resume, force, progress);
}
