/* batch-run.h: shared by batch-run.c and batch-outputs.c, never installed */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_BATCH_RUN_H
#define WN_BATCH_RUN_H

#include "batch.h"

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

#endif /* WN_BATCH_RUN_H */
