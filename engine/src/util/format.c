/* format.c: CSV text for the workload's outputs, formatted over threads */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define ROWS_PER_TASK 8192

/* Appends a whole number below 1e10 in magnitude without printf (the common case). */
static void
append_integer(GString *out, double x)
{
    char digits[24];
    gsize len = 0;
    guint64 v = (guint64) fabs(x);
    do {
        digits[len++] = (char) ('0' + v % 10);
        v /= 10;
    } while (v > 0);
    if (x < 0) {
        g_string_append_c(out, '-');
    }
    while (len > 0) {
        g_string_append_c(out, digits[--len]);
    }
}

/**
 * wn_kernel__append_g10:
 * Appends @x as C's "%.10g" prints it (pandas' float_format="%.10g"), and nothing for
 * NaN (pandas writes NaN as an empty cell). Whole numbers below 1e10 in magnitude,
 * which %.10g prints as plain integers, take a path without printf.
 */
void
wn_kernel__append_g10(GString *out, double x)
{
    if (isnan(x)) {
        return;
    }
    if (x == floor(x) && fabs(x) < 1e10 && !(x == 0 && signbit(x))) {
        append_integer(out, x);
        return;
    }
    char text[32];
    snprintf(text, sizeof text, "%.10g", x);
    g_string_append(out, text);
}

typedef struct {
    gsize rows;
    WnRowFunc row;
    gconstpointer data;
    GString **parts;
} Job;

static void
format_task(gsize task, guint worker, gpointer data)
{
    (void) worker;
    const Job *job = data;
    gsize last = MIN(job->rows, (task + 1) * ROWS_PER_TASK);
    GString *part = g_string_sized_new(64 * ROWS_PER_TASK);
    for (gsize r = task * ROWS_PER_TASK; r < last; r++) {
        job->row(part, r, job->data);
    }
    job->parts[task] = part;
}

/**
 * wn_kernel__format_rows:
 * Formats rows 0 … @rows − 1 with @row (which appends one line, newline included) in
 * blocks over threads, then joins the blocks in row order.
 * Returns: (transfer full): the text.
 * Cost: O(rows); the text is held twice while the blocks are joined.
 */
GString *
wn_kernel__format_rows(gsize rows, guint threads, WnRowFunc row, gconstpointer data)
{
    gsize tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    g_autofree GString **parts = g_new0(GString *, tasks + 1);
    Job job = {rows, row, data, parts};
    wn_kernel__parallel(tasks, threads, format_task, &job);
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
