/* cmd-batch.c: `wijknet batch`, many datasets and outputs from one job file, resumable */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"
#include "progress.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    CliProgress *progress;
    gsize dataset, datasets;
    gsize written, skipped, failed;
    int status;         /* the exit code so far */
    GPtrArray *summary; /* one line per failure */
    GArray *failed_at;  /* per line: its dataset and area (Place) */
} Tally;

/* Where a failure happened: one process meets them in this order. */
typedef struct {
    gsize dataset, area;
} Place;

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
        Place at = {event->dataset, event->area};
        g_array_append_val(t->failed_at, at);
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

/* Under mpirun or srun (a build with WIJKNET_MPI): this rank's number and how many run. */
static guint
my_rank(void)
{
#ifdef WIJKNET_MPI
    return wn_mpi_rank();
#else
    return 0;
#endif
}

static guint
ranks(void)
{
#ifdef WIJKNET_MPI
    return wn_mpi_size();
#else
    return 1;
#endif
}

/* Which rank runs each dataset (all rank 0 in one process; G_MAXUINT: every rank, each
 * its areas of a dataset split by area). */
static guint *
deal(const WnBatchJob *job)
{
#ifdef WIJKNET_MPI
    if (wn_mpi_size() > 1) {
        return wn_mpi_batch_owner(job);
    }
#endif
    return g_new0(guint, wn_batch_job_dataset_count(job) + 1);
}

#ifdef WIJKNET_MPI
/* A rank's tally as text: the counts, then "DATASET AREA\tLINE" per failure. */
static char *
tally_text(const Tally *t)
{
    GString *text = g_string_new(NULL);
    g_string_append_printf(text, "%d %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT "\n",
                           t->status, t->written, t->skipped, t->failed);
    for (guint i = 0; i < t->summary->len; i++) {
        const Place *at = &g_array_index(t->failed_at, Place, i);
        g_string_append_printf(text, "%" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT "\t%s\n", at->dataset,
                               at->area, (const char *) g_ptr_array_index(t->summary, i));
    }
    return g_string_free(text, FALSE);
}

/* Adds a rank's tally (tally_text) to @t; its failures go into @lines. */
static void
add_tally(Tally *t, const char *text, GPtrArray *lines)
{
    g_auto(GStrv) rows = g_strsplit(text, "\n", -1);
    int status = 0;
    gsize written = 0, skipped = 0, failed = 0;
    if (sscanf(rows[0], "%d %zu %zu %zu", &status, &written, &skipped, &failed) != 4) {
        return;
    }
    t->status = rank(status) > rank(t->status) ? status : t->status;
    t->written += written;
    t->skipped += skipped;
    t->failed += failed;
    for (gsize i = 1; rows[i] != NULL && rows[i][0] != '\0'; i++) {
        g_ptr_array_add(lines, g_strdup(rows[i]));
    }
}

/* The place "DATASET AREA" that begins a line of tally_text. */
static Place
place_of(const char *line)
{
    char *end = NULL;
    Place at = {g_ascii_strtoull(line, &end, 10), 0};
    at.area = g_ascii_strtoull(end, NULL, 10);
    return at;
}

/* Orders the lines of tally_text by dataset and area, the lines of one area (all from
 * one rank) as they came: the order of one process. */
static gint
by_place(gconstpointer a, gconstpointer b)
{
    Place x = place_of(*(const char *const *) a), y = place_of(*(const char *const *) b);
    if (x.dataset != y.dataset) {
        return x.dataset < y.dataset ? -1 : 1;
    }
    return x.area < y.area ? -1 : x.area > y.area;
}

#endif

/* On rank 0, every rank's tally added into @t (ranks' failures in the order of one
 * process). Returns: the datasets with a failure, on all ranks (@failed: on this one). */
static gsize
combine_tallies(Tally *t, gsize failed)
{
#ifdef WIJKNET_MPI
    g_autofree char *mine = tally_text(t);
    g_autoptr(GPtrArray) texts = wn_mpi_gather_text(mine);
    if (texts == NULL || texts->len <= 1) {
        return failed;
    }
    *t = (Tally){t->progress, t->dataset,  t->datasets, 0,           0,
                 0,           CLI_EXIT_OK, t->summary,  t->failed_at};
    g_ptr_array_set_size(t->summary, 0);
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);
    for (guint r = 0; r < texts->len; r++) {
        add_tally(t, g_ptr_array_index(texts, r), lines);
    }
    g_ptr_array_sort(lines, by_place);
    failed = 0; /* a dataset with a failure: a failure line; several ranks' once */
    for (guint i = 0; i < lines->len; i++) {
        const char *line = g_ptr_array_index(lines, i);
        failed +=
            i == 0 || place_of(line).dataset != place_of(g_ptr_array_index(lines, i - 1)).dataset;
        g_ptr_array_add(t->summary, g_strdup(strchr(line, '\t') + 1));
    }
#else
    (void) t;
#endif
    return failed;
}

/* Every rank's go-ahead: the first failure by rank, on all ranks (0 in one process). */
static int
agree(int status)
{
#ifdef WIJKNET_MPI
    return wn_mpi_agree(status);
#else
    return status;
#endif
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
    guint me = my_rank();
    g_autoptr(GArray) folders = claim_folders(job, resume || me != 0, force, &status);
    status = agree(folders == NULL ? status : CLI_EXIT_OK);
    if (status != CLI_EXIT_OK) {
        return me == 0 ? status : CLI_EXIT_OK;
    }
    /* --resume and --progress change nothing in the outputs, so run.json leaves them out */
    const char *const argv[] = {"wijknet", "batch", path, NULL};
    g_autoptr(CliProgress) bar = cli_progress_new(progress && me == 0);
    g_autoptr(GPtrArray) summary = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GArray) failed_at = g_array_new(FALSE, FALSE, sizeof(Place));
    Tally t = {bar, 0, wn_batch_job_dataset_count(job), 0, 0, 0, CLI_EXIT_OK, summary, failed_at};
    WnBatchRunOptions opts = {resume, argv, on_event, &t, me, ranks()};
    g_autofree guint *owner = deal(job);
    gsize failed = 0;
    for (t.dataset = 0; t.dataset < t.datasets; t.dataset++) {
        if (owner[t.dataset] != me && owner[t.dataset] != G_MAXUINT) {
            continue;
        }
        g_autoptr(GError) ignored = NULL; /* every failure was reported as it happened */
        failed += !wn_batch_run_dataset(job, t.dataset, &opts, &ignored);
        cli_folder_report_kept(&g_array_index(folders, CliFolder, t.dataset));
    }
    failed = combine_tallies(&t, failed);
    if (me != 0) {
        return CLI_EXIT_OK;
    }
    print_summary(&t, failed);
    return t.status;
}

static int
batch(int argc, char **argv)
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

/* Under mpirun or srun (a build with WIJKNET_MPI) the datasets are dealt to the ranks,
 * largest first; each rank writes its own, rank 0 prints the summary and gives the exit
 * code, and a rank that fails midway ends the whole run with its exit code. */
int
cmd_batch(int argc, char **argv)
{
#ifdef WIJKNET_MPI
    wn_mpi_start(&argc, &argv, FALSE);
    return wn_mpi_finish(batch(argc, argv));
#else
    return batch(argc, argv);
#endif
}
