/* format.c: CSV text for the outputs, formatted over threads */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

#include <math.h>

#define ROWS_PER_TASK 8192

/**
 * wn_format__append_g10:
 * Appends @x as C's "%.10g" prints it (pandas' float_format="%.10g", through
 * wn_number__format_g10), and nothing for NaN (pandas writes NaN as an empty cell).
 */
void
wn_format__append_g10(GString *out, double x)
{
    if (isnan(x)) {
        return;
    }
    char text[WN_NUMBER_TEXT_SIZE];
    g_string_append_len(out, text, (gssize) wn_number__format_g10(text, x));
}

/* Blocks formatted at a time by wn_format__write_rows: the text in flight stays near
 * WINDOW · ROWS_PER_TASK lines (a few MiB), whatever the rows. */
#define WINDOW 16

typedef struct {
    gsize rows;
    WnRowFunc row;
    gconstpointer data;
    GString **parts;
    gsize first; /* task 0 formats block @first */
} Job;

static void
format_task(gsize task, guint worker, gpointer data)
{
    (void) worker;
    const Job *job = data;
    gsize block = job->first + task;
    gsize last = MIN(job->rows, (block + 1) * ROWS_PER_TASK);
    GString *part = g_string_sized_new(64 * ROWS_PER_TASK);
    for (gsize r = block * ROWS_PER_TASK; r < last; r++) {
        job->row(part, r, job->data);
    }
    job->parts[task] = part;
}

/**
 * wn_format__rows:
 * Formats rows 0 … @rows − 1 with @row (which appends one line, newline included) in
 * blocks over threads, then joins the blocks in row order.
 * Returns: (transfer full): the text.
 * Cost: O(rows); the text is held twice while the blocks are joined.
 */
GString *
wn_format__rows(gsize rows, guint threads, WnRowFunc row, gconstpointer data)
{
    gsize tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    g_autofree GString **parts = g_new0(GString *, tasks + 1);
    Job job = {rows, row, data, parts, 0};
    wn_parallel__run(tasks, threads, format_task, &job);
    gsize total = 0;
    for (gsize t = 0; t < tasks; t++) {
        total += parts[t]->len;
    }
    GString *text = g_string_sized_new(total + 1);
    for (gsize t = 0; t < tasks; t++) {
        g_string_append_len(text, parts[t]->str, (gssize) parts[t]->len);
        g_string_free(parts[t], TRUE);
    }
    return text;
}

/**
 * wn_format__write_rows:
 * Formats rows 0 … @rows − 1 with @row as wn_format__rows() does (the same text) and
 * writes them to @w in row order, WINDOW blocks at a time, so that the text is never
 * held whole.
 * Returns: FALSE with WN_OUTPUT_ERROR when a write failed (wn_file_writer__write).
 * Cost: O(rows); WINDOW · ROWS_PER_TASK lines in memory.
 */
gboolean
wn_format__write_rows(WnFileWriter *w, gsize rows, guint threads, WnRowFunc row, gconstpointer data,
                      GError **error)
{
    gsize tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    GString *parts[WINDOW];
    gboolean ok = TRUE;
    for (gsize first = 0; first < tasks && ok; first += WINDOW) {
        gsize count = MIN((gsize) WINDOW, tasks - first);
        Job job = {rows, row, data, parts, first};
        wn_parallel__run(count, threads, format_task, &job);
        for (gsize t = 0; t < count; t++) {
            ok = ok && wn_file_writer__write(w, parts[t]->str, parts[t]->len, error);
            g_string_free(parts[t], TRUE);
        }
    }
    return ok;
}
