/* util/util.h: the util layer: no domain, nothing of networks (threads, number formatting) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_UTIL_UTIL_H
#define WN_UTIL_UTIL_H

#include <glib.h>

/* kernel-parallel.c: runs task(0 … n_tasks − 1, worker, data) over @threads threads (0:
 * one per processor); tasks are taken in order, each by one thread, so a task that
 * writes only its own slots gives the same result whatever the number of threads. */
typedef void (*WnTaskFunc)(gsize task, guint worker, gpointer data);
guint wn_kernel__threads(guint threads);
void wn_kernel__parallel(gsize n_tasks, guint threads, WnTaskFunc task, gpointer data);

/* kernel-format.c: CSV text for the outputs, formatted over threads */
void wn_kernel__append_g10(GString *out, double x);
typedef void (*WnRowFunc)(GString *out, gsize row, gconstpointer data);
GString *wn_kernel__format_rows(gsize rows, guint threads, WnRowFunc row, gconstpointer data);

#endif /* WN_UTIL_UTIL_H */
