/* rank-all.c: the rankings of many targets over threads, and among MPI ranks */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

/* The rankings of wn_suggest__rank_all, target by target. */
typedef struct {
    const WnSuggestModel *model;
    const GArray *targets;
    const WnSuggestOptions *opts;
    WnRankFlags flags;
    gsize k;
    WnRankScratch **scratch; /* per worker, made on first use */
    const WnRankClasses *classes;
} RankJob;

static GArray *
rank_target(gsize i, guint worker, gpointer data)
{
    const RankJob *job = data;
    if (job->scratch[worker] == NULL) {
        job->scratch[worker] = wn_suggest__scratch_new(
            wn_network_node_count(wn_suggest__model_network(job->model)), job->classes);
    }
    return wn_suggest__rank(job->model, job->scratch[worker], g_array_index(job->targets, gsize, i),
                            job->opts, job->flags, job->k);
}

/**
 * wn_suggest__rank_all:
 * wn_suggest__rank for each of @targets (gsize node indices, each once), over one thread
 * per processor, and among MPI ranks by target ranges (wn_ranks__run_items); each
 * ranking is one thread's, so the result does not depend on the number of threads or
 * ranks.
 * Returns: (transfer full) (element-type GArray): one ranking per target, in order.
 */
GPtrArray *
wn_suggest__rank_all(const WnSuggestModel *model, const GArray *targets,
                     const WnSuggestOptions *opts, WnRankFlags flags, gsize k)
{
    guint workers = wn_parallel__threads(0);
    g_autofree WnRankScratch **scratch = g_new0(WnRankScratch *, workers);
    GPtrArray *ranked = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    g_ptr_array_set_size(ranked, targets->len);
    g_autoptr(WnRankClasses) classes = wn_suggest__rank_classes_new(model, opts);
    RankJob job = {model, targets, opts, flags, k, scratch, classes};
    wn_ranks__run_items("suggestions", targets->len, 0, rank_target, &job, sizeof(WnSuggestPair),
                        ranked);
    for (guint w = 0; w < workers; w++) {
        wn_suggest__scratch_free(scratch[w]);
    }
    return ranked;
}
