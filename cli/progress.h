/* progress.h: a progress bar on stderr, shown only on a terminal (or when forced) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_CLI_PROGRESS_H
#define WN_CLI_PROGRESS_H

#include <glib.h>

typedef struct _CliProgress CliProgress;
CliProgress *cli_progress_new(gboolean force);
void cli_progress_update(CliProgress *progress, double fraction, const char *label);
void cli_progress_clear(CliProgress *progress);
void cli_progress_free(CliProgress *progress);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CliProgress, cli_progress_free)

#endif /* WN_CLI_PROGRESS_H */
