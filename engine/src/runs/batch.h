/* batch.h: shared by the files of batch jobs (batch*.c), never installed */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_BATCH_H
#define WN_BATCH_H

#include "report.h"

/* One dataset of a job file, its paths resolved against the job file's folder. */
typedef struct {
    char *name;
    char *path;
    char *output;
    gboolean split;   /* "split": "area" */
    GStrv outputs;    /* in the job's order, no repeats */
    WnLanguage language;
    guint min_cell;
    guint top;
    gboolean show_labels;
    char *fingerprint; /* the settings that shape the outputs, as canonical JSON */
} WnBatchDataset;

struct _WnBatchJob {
    char *path;
    GPtrArray *datasets; /* of WnBatchDataset */
};

/* batch-outputs.c */
gboolean wn_batch__is_output(const char *name);

#endif /* WN_BATCH_H */
