/* main.c: `wijknet-bench DATASET -o DIR`, the profile workload of the benchmark */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bench.h"

#include <stdio.h>

/* Exit codes as the wijknet command's (sysexits). */
enum { EXIT_USAGE = 64, EXIT_DATAERR = 65, EXIT_NOINPUT = 66, EXIT_CANTCREAT = 73 };

/* Prints "step NAME SECONDS" as the workload's peers do (tests/bench/README.md). */
static void
print_step(const char *step, double seconds, gpointer user_data)
{
    (void) user_data;
    printf("step %s %.3f\n", step, seconds);
    fflush(stdout);
}

static int
usage_error(const char *what)
{
    fprintf(stderr, "wijknet-bench: %s\nTry 'wijknet-bench --help'.\n", what);
    return EXIT_USAGE;
}

/* Prints "wijknet-bench: MESSAGE"; bad data 65, a missing input 66, an output 73. */
static int
fail(const GError *error)
{
    fprintf(stderr, "wijknet-bench: %s\n", error->message);
    if (error->domain == WN_ERROR &&
        (error->code == WN_ERROR_PARSE || error->code == WN_ERROR_INVALID)) {
        return EXIT_DATAERR;
    }
    if (error->domain == WN_OUTPUT_ERROR) {
        return EXIT_CANTCREAT;
    }
    return error->domain == G_FILE_ERROR ? EXIT_NOINPUT : 1;
}

int
main(int argc, char **argv)
{
    wn_init();
    g_autofree char *output = NULL;
    gboolean timings = FALSE;
    gint threads = 0;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
         "Write the workload's files into folder DIR (required)", "DIR"},
        {"threads", 0, 0, G_OPTION_ARG_INT, &threads,
         "Worker threads (default: one per processor); the results are the same for any", "N"},
        {"timings", 0, 0, G_OPTION_ARG_NONE, &timings,
         "Print \"step NAME SECONDS\" after each step, and the parts of the load", NULL},
        {NULL}};
    g_autoptr(GOptionContext) context = g_option_context_new("DATASET -o DIR");
    g_option_context_set_summary(
        context, "The profile workload of the benchmark (tests/bench/README.md): its eight\n"
                 "steps with their own definitions, writing the files the peers write.");
    g_option_context_add_main_entries(context, entries, NULL);
    g_autoptr(GError) error = NULL;
    if (!g_option_context_parse(context, &argc, &argv, &error)) {
        return usage_error(error->message);
    }
    if (argc != 2 || output == NULL) {
        return usage_error("expected one DATASET folder and -o DIR");
    }
    if (threads < 0) {
        return usage_error("--threads must not be negative");
    }
    WnWorkloadOptions opts = {(guint) threads};
    if (!wn_workload_profile(argv[1], output, &opts, timings ? print_step : NULL, NULL, &error)) {
        return fail(error);
    }
    return 0;
}
