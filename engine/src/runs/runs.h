/* runs/runs.h: analyse, batch and map folders: the one outputs registry, job files, markers */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_RUNS_RUNS_H
#define WN_RUNS_RUNS_H

#include "report/report.h"

/* The settings that shape an output's bytes: a batch job's options, or analyse's and
 * map's own. */
typedef struct {
    WnLanguage language;
    guint min_cell;
    guint top; /* brokers.csv and the report's lists; 0 = all */
    gboolean show_labels;
    guint64 seed;          /* communities, and betweenness sources above WN_ESTIMATE_MIN_NODES */
    WnRelations relations; /* batch: the relations each network is loaded with (0: all) */
} WnOutputSettings;

/* What one output folder describes: a whole dataset, or one area of it. */
typedef struct {
    const WnNetwork *net;
    const WnOutputSettings *settings;
    const char *area; /* NULL: the whole dataset */
    const WnAreaShapes *shapes;
    GPtrArray *warnings; /* NULL, or where an output's warnings (strings) go */
    /* analyse: the communities found beside the other outputs (settings->seed), or
     * NULL: communities.csv finds them itself */
    const WnCommunities *communities;
} WnOutputUnit;

/* Makes an output's files: (name, text) pairs appended to a GPtrArray of strings. */
typedef gboolean (*WnOutputMake)(const WnOutputUnit *unit, GPtrArray *files, GError **error);

/* One output: defined once, written by analyse, batch and map alike (outputs.c). */
typedef struct {
    const char *name;  /* as a job file names it: "measures" */
    const char *files; /* the file it writes (map: the first of three) */
    WnOutputMake make; /* NULL: the CSV of network_table, as the file */
    WnTable *(*network_table)(const WnNetwork *net, GError **error);
} WnOutput;

/* outputs.c */
const WnOutput *wn_output__lookup(const char *name);
gboolean wn_output__make(const WnOutput *output, const WnOutputUnit *unit, GPtrArray *files,
                         GError **error);
guint wn_output__samples(const WnNetwork *net);
WnCommunities *wn_output__detect_communities(const WnNetwork *net, guint64 seed, const gint *stop,
                                             GError **error);
void wn_output__record_sampling(WnRunManifest *manifest, guint samples, guint64 seed);
extern const char *const wn_output__analyse_names[];

/* map.c */
gboolean wn_runs__write_file(const char *dir, const char *name, const char *text, GError **error);
gboolean wn_runs__write_files(const char *dir, const GPtrArray *files, GError **error);

/* One dataset of a job file, its paths resolved against the job file's folder. */
typedef struct {
    char *name;
    char *path;
    char *output;
    char *folder_key; /* output as the system resolves it (wn_batch__folder_key) */
    gboolean split;   /* "split": "area" */
    GStrv outputs;    /* in the job's order, no repeats */
    WnOutputSettings settings;
    char *fingerprint; /* the settings that shape the outputs, as canonical JSON */
} WnBatchDataset;

struct _WnBatchJob {
    char *path;
    GPtrArray *datasets; /* of WnBatchDataset */
};

/* outputs.c */
gboolean wn_batch__is_output(const char *name);

/* batch-paths.c: folder names, folders as the system resolves them, the state folder */
gboolean wn_batch__is_folder_name(const char *name);
char *wn_batch__folder_key(const char *path);
char *wn_batch__area_folder(const char *area);
gboolean wn_batch__make_state_folder(const char *state, GError **error);

#endif /* WN_RUNS_RUNS_H */
