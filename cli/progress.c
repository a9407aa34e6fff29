/* progress.c: a progress bar on stderr: on a terminal, or with --progress; silent in a pipe */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#define _POSIX_C_SOURCE 200809L /* isatty */
#include "progress.h"

#include <stdio.h>
#include <unistd.h>

#define BAR_WIDTH 30

struct _CliProgress {
    gboolean shown; /* stderr is a terminal, or --progress */
    gboolean drawn; /* a bar is on the line now */
};

/* @force draws the bar even when stderr is not a terminal (--progress). */
CliProgress *
cli_progress_new(gboolean force)
{
    CliProgress *p = g_new0(CliProgress, 1);
    p->shown = force || isatty(STDERR_FILENO);
    return p;
}

/* Redraws the bar at @fraction (0..1) with @label after it, on one line. */
void
cli_progress_update(CliProgress *p, double fraction, const char *label)
{
    if (!p->shown) {
        return;
    }
    int filled = (int) (CLAMP(fraction, 0.0, 1.0) * BAR_WIDTH + 0.5);
    char bar[BAR_WIDTH + 1];
    for (int i = 0; i < BAR_WIDTH; i++) {
        bar[i] = i < filled ? '#' : '.';
    }
    bar[BAR_WIDTH] = '\0';
    fprintf(stderr, "\r\033[K[%s] %3d%% %.40s", bar, (int) (fraction * 100 + 0.5),
            label != NULL ? label : "");
    fflush(stderr);
    p->drawn = TRUE;
}

/* Takes the bar off its line, so that a message can be printed there. */
void
cli_progress_clear(CliProgress *p)
{
    if (p->drawn) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        p->drawn = FALSE;
    }
}

void
cli_progress_free(CliProgress *p)
{
    if (p != NULL) {
        cli_progress_clear(p);
        g_free(p);
    }
}
