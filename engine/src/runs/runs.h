/* runs/runs.h: analyse and batch: job files, outputs and their completion markers */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_RUNS_RUNS_H
#define WN_RUNS_RUNS_H

#include "report/report.h"

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

/* What one output folder describes: a whole dataset, or one area of it. */
typedef struct {
    const WnNetwork *net;
    const WnBatchDataset *d;
    const char *area; /* NULL: the whole dataset */
    const WnAreaShapes *shapes;
} WnBatchUnit;

/* Makes an output's files: (name, text) pairs appended to a GPtrArray of strings. */
typedef gboolean (*WnBatchMake)(const WnBatchUnit *unit, GPtrArray *files, GError **error);
typedef struct {
    const char *name;
    WnBatchMake make;
} WnBatchOutput;

/* batch-outputs.c */
const WnBatchOutput *wn_batch__output(const char *name);

#endif /* WN_RUNS_RUNS_H */
