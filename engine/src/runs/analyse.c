/* analyse.c: `wijknet analyse`, every product measure of a network in one run */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "runs.h"

/* Computes one output (outputs.c) and writes its file into @out_dir. */
static gboolean
write_one(const WnOutput *output, const WnOutputUnit *unit, const char *out_dir, GError **error)
{
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
    return wn_output__make(output, unit, files, error) &&
           (out_dir == NULL || wn_runs__write_files(out_dir, files, error));
}

/*
 * Leiden runs on one thread, while the other outputs keep every processor busy; so
 * analyse finds the communities on a thread of their own, started before the first
 * output, and takes the partition when communities.csv comes (the same bytes: the
 * partition depends on the seed alone). Leiden calls igraph only for random draws on a
 * generator of its own (wn_leiden__run), so igraph is never entered from two threads at
 * once, and the shared CSR is built before the thread starts. With one thread allowed,
 * no such thread is started.
 */
typedef struct {
    const WnNetwork *net;
    guint64 seed;
    GThread *thread;
    gint stop; /* 1: an output failed, the communities are not wanted */
    WnCommunities *comms;
    GError *error;
} Beside;

static gpointer
detect_beside(gpointer data)
{
    Beside *b = data;
    b->comms = wn_output__detect_communities(b->net, b->seed, &b->stop, &b->error);
    return NULL;
}

/* Starts the search, unless the run may use one processor only (WIJKNET_THREADS=1, as
 * one rank per processor under MPI asks): then communities.csv finds them in its turn. */
static void
beside_start(Beside *b, const WnNetwork *net, guint64 seed)
{
    *b = (Beside){net, seed, NULL, 0, NULL, NULL};
    if (wn_parallel__threads(0) > 1) {
        (void) wn_csr__shared(net);
        b->thread = g_thread_new("wn-communities", detect_beside, b);
    }
}

/* Waits for the communities. Returns: (transfer none): them, or NULL with @error set. */
static const WnCommunities *
beside_finish(Beside *b, GError **error)
{
    if (b->thread != NULL) {
        g_thread_join(b->thread);
        b->thread = NULL;
    }
    if (b->comms == NULL && b->error != NULL) {
        g_propagate_error(error, g_steal_pointer(&b->error));
    }
    return b->comms;
}

/* Stops the search when it still runs (an output failed before communities.csv), waits
 * for it, and frees the partition. */
static void
beside_clear(Beside *b)
{
    g_atomic_int_set(&b->stop, 1);
    beside_finish(b, NULL);
    g_clear_error(&b->error);
    wn_communities_free(b->comms);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Beside, beside_clear)

/**
 * wn_analyse_run:
 * Everything wijknet measures, in one run over a loaded network, each output as the
 * one table of outputs defines it (the same bytes a batch job writes for it, with
 * opts->seed): measures.csv (every registry measure; above 20,000 nodes betweenness,
 * betweenness_norm, closeness and harmonic are estimates from the same 256 sources
 * drawn with opts->seed, recorded in @manifest as the option "estimated_from_sources";
 * exact below, where it is "0"), isolation.csv (every resident ranked, with a rank
 * column), brokers.csv (every broker, ranked by the betweenness of measures.csv),
 * communities.csv (Leiden, opts->seed), articulation_points.csv, bridges.csv,
 * local_bridges.csv, components.csv and suggestions.csv (default options), each
 * written into @out_dir (created when missing) through a temporary file and a rename;
 * for @out_dir NULL every output is computed and nothing is written (the ranks after
 * the first of a distributed run, which share the kernels' work with the first).
 * Each file name is added to @manifest (may be NULL) once it is written, and last the
 * manifest is written as run.json (wn_run_manifest_to_json). @progress (may be NULL) is
 * called with 0 … total outputs done before the first and after each.
 * Returns: FALSE on the first error (a measure igraph refuses, or a file not written:
 * WN_OUTPUT_ERROR).
 * Cost: up to 20,000 nodes dominated by exact closeness, harmonic and betweenness,
 * O(n·m); above, by the 256 breadth-first searches of each estimate, over the threads.
 */
gboolean
wn_analyse_run(const WnNetwork *net, const char *out_dir, const WnAnalyseOptions *opts,
               WnRunManifest *manifest, WnProgressFunc progress, gpointer user_data, GError **error)
{
    g_return_val_if_fail(net != NULL && opts != NULL, FALSE);
    if (out_dir != NULL && !wn_file__make_folder(out_dir, 0755, NULL, error)) {
        return FALSE;
    }
    WnOutputSettings settings = {WN_LANGUAGE_NL, 0,          0,
                                 FALSE,          opts->seed, wn_network_relations_loaded(net)};
    WnOutputUnit unit = {net, &settings, NULL, NULL, NULL, NULL};
    const char *const *names = wn_output__analyse_names;
    gsize total = g_strv_length((char **) names);
    if (manifest != NULL) {
        wn_output__record_sampling(manifest, wn_output__samples(net), opts->seed);
    }
    g_auto(Beside) beside;
    beside_start(&beside, net, opts->seed);
    for (gsize i = 0; i < total; i++) {
        const WnOutput *output = wn_output__lookup(names[i]);
        if (progress != NULL) {
            progress(i, total, output->files, user_data);
        }
        if (g_strcmp0(output->name, "communities") == 0 && beside.thread != NULL &&
            (unit.communities = beside_finish(&beside, error)) == NULL) {
            return FALSE;
        }
        if (!write_one(output, &unit, out_dir, error)) {
            return FALSE;
        }
        if (manifest != NULL) {
            wn_run_manifest_add_output(manifest, output->files);
        }
    }
    if (progress != NULL) {
        progress(total, total, "done", user_data);
    }
    g_autofree char *json = manifest != NULL ? wn_run_manifest_to_json(manifest) : NULL;
    return json == NULL || out_dir == NULL || wn_runs__write_file(out_dir, "run.json", json, error);
}
