/* analyse.c: `wijknet analyse`, every product measure of a network in one run */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "runs.h"
#include "measures/measures.h"

#include <errno.h>

typedef WnTable *(*TableFunc)(const WnNetwork *net, const WnAnalyseOptions *opts, GError **error);

static WnTable *
measures_table(const WnNetwork *net, const WnAnalyseOptions *opts, GError **error)
{
    gsize n = 0;
    const WnMeasureInfo *all = wn_measure_list(&n);
    g_autofree const char **names = g_new0(const char *, n + 1);
    for (gsize i = 0; i < n; i++) {
        names[i] = all[i].name;
    }
    /* betweenness, closeness and harmonic are the measures that read the samples */
    gboolean sampled = wn_network_node_count(net) > WN_ESTIMATE_MIN_NODES;
    WnMeasureOptions m = {FALSE, sampled ? WN_ESTIMATE_SAMPLES : 0, opts->seed};
    return wn_measures_table(net, names, &m, error);
}

static WnTable *
isolation_table(const WnNetwork *net, const WnAnalyseOptions *opts, GError **error)
{
    (void) opts;
    WnIsolationOptions iso = WN_ISOLATION_OPTIONS_INIT;
    return wn_isolation_table(net, &iso, error);
}

static WnTable *
brokers_table(const WnNetwork *net, const WnAnalyseOptions *opts, GError **error)
{
    WnBrokersOptions brokers = WN_BROKERS_OPTIONS_INIT;
    brokers.top = 0;
    brokers.seed = opts->seed; /* the betweenness of measures.csv, computed once */
    return wn_brokers_table(net, &brokers, error);
}

static WnTable *
communities_table(const WnNetwork *net, const WnAnalyseOptions *opts, GError **error)
{
    WnCommunityOptions c = WN_COMMUNITY_OPTIONS_INIT;
    c.seed = opts->seed;
    g_autoptr(WnCommunities) comms = wn_communities_detect(net, &c, error);
    return comms != NULL ? wn_communities_table(net, comms) : NULL;
}

static WnTable *
articulation_table(const WnNetwork *net, const WnAnalyseOptions *opts, GError **error)
{
    (void) opts;
    return wn_cuts_articulation_points(net, error);
}

static WnTable *
bridges_table(const WnNetwork *net, const WnAnalyseOptions *opts, GError **error)
{
    (void) opts;
    return wn_cuts_bridges(net, error);
}

static WnTable *
local_bridges_table(const WnNetwork *net, const WnAnalyseOptions *opts, GError **error)
{
    (void) opts;
    return wn_cuts_local_bridges(net, error);
}

static WnTable *
components_table(const WnNetwork *net, const WnAnalyseOptions *opts, GError **error)
{
    (void) opts;
    return wn_cuts_components(net, error);
}

static WnTable *
suggestions_table(const WnNetwork *net, const WnAnalyseOptions *opts, GError **error)
{
    (void) opts;
    WnSuggestOptions s = WN_SUGGEST_OPTIONS_INIT;
    WnSuggestSummary summary;
    return wn_suggest_table(net, NULL, &s, &summary, error);
}

/* The outputs of an everyday run, in the order they are computed. */
static const struct {
    const char *file;
    TableFunc table;
} outputs[] = {
    {"measures.csv", measures_table},
    {"isolation.csv", isolation_table},
    {"brokers.csv", brokers_table},
    {"communities.csv", communities_table},
    {"articulation_points.csv", articulation_table},
    {"bridges.csv", bridges_table},
    {"local_bridges.csv", local_bridges_table},
    {"components.csv", components_table},
    {"suggestions.csv", suggestions_table},
};

/* Computes one output and writes it as CSV through a temporary file and a rename. */
static gboolean
write_one(const WnNetwork *net, const char *out_dir, gsize i, const WnAnalyseOptions *opts,
          GError **error)
{
    g_autoptr(WnTable) table = outputs[i].table(net, opts, error);
    if (table == NULL) {
        return FALSE;
    }
    g_autofree char *csv = wn_table_to_csv(table);
    g_autofree char *path = g_build_filename(out_dir, outputs[i].file, NULL);
    return g_file_set_contents_full(path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static gboolean
make_folder(const char *out_dir, GError **error)
{
    if (g_mkdir_with_parents(out_dir, 0755) == 0) {
        return TRUE;
    }
    int saved = errno;
    g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(saved),
                "%s: cannot create the output folder: %s", out_dir, g_strerror(saved));
    return FALSE;
}

/**
 * wn_analyse_run:
 * Everything wijknet measures, in one run over a loaded network: the table of every
 * registry measure (above 20,000 nodes betweenness, betweenness_norm, closeness and
 * harmonic are estimates from the same 256 sources drawn with opts->seed, recorded in
 * @manifest as the option "estimated_from_sources"; exact below, where it is "0"), the
 * isolation table, every broker (ranked by the betweenness of the measures table:
 * wn_brokers_table with opts->seed), the communities
 * (Leiden, opts->seed), articulation points, bridges, local bridges, components and
 * the suggestions (default options), each written as a CSV file into @out_dir (created
 * when missing) through a temporary file and a rename. Each file name is added to
 * @manifest (may be NULL) once it is written. @progress (may be NULL) is called with
 * 0 … total outputs done before the first and after each one.
 * Returns: FALSE on the first error (a measure igraph refuses, a file not written).
 * Cost: up to 20,000 nodes dominated by exact closeness, harmonic and betweenness,
 * O(n·m); above, by the 256 breadth-first searches of each estimate, over the threads.
 */
gboolean
wn_analyse_run(const WnNetwork *net, const char *out_dir, const WnAnalyseOptions *opts,
               WnRunManifest *manifest, WnProgressFunc progress, gpointer user_data, GError **error)
{
    g_return_val_if_fail(net != NULL && out_dir != NULL && opts != NULL, FALSE);
    if (!make_folder(out_dir, error)) {
        return FALSE;
    }
    gsize total = G_N_ELEMENTS(outputs);
    if (manifest != NULL) {
        gboolean sampled = wn_network_node_count(net) > WN_ESTIMATE_MIN_NODES;
        wn_run_manifest_add_option(manifest, "estimated_from_sources",
                                   sampled ? G_STRINGIFY(WN_ESTIMATE_SAMPLES) : "0");
    }
    for (gsize i = 0; i < total; i++) {
        if (progress != NULL) {
            progress(i, total, outputs[i].file, user_data);
        }
        if (!write_one(net, out_dir, i, opts, error)) {
            return FALSE;
        }
        if (manifest != NULL) {
            wn_run_manifest_add_output(manifest, outputs[i].file);
        }
    }
    if (progress != NULL) {
        progress(total, total, "done", user_data);
    }
    return TRUE;
}
