/* fuzz-fieldwork.c: libFuzzer harness for the fieldwork loader (docs/FORMAT.md) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An input is nodes.csv, ties.csv and dataset.json joined by the line "~~~":
 *
 *     id,type\na,resident\n~~~\nsource,target\n~~~\n{"directed": true}
 *
 * A missing part is an absent file (ties.csv: an empty one, else every input would end
 * at "no such file"). Each dataset is loaded strictly and with WN_LOAD_SKIP_BAD_ROWS; a
 * loaded network must hold together: degree, betweenness and isolation status run on it,
 * and one that loads strictly loads the same, with no row skipped, in skip mode.
 */
#include "fuzz-common.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define SEPARATOR "\n~~~\n"

static const char *const parts[] = {"nodes.csv", "ties.csv", "dataset.json"};

/* Writes the parts of @data into the dataset folder; returns the folder. */
static char *
write_dataset(const uint8_t *data, size_t size)
{
    g_autofree char *dir = g_build_filename(fuzz_dir(), "dataset", NULL);
    g_mkdir_with_parents(dir, 0700);
    const size_t sep = strlen(SEPARATOR);
    size_t start = 0;
    gsize part = 0;
    for (; part < G_N_ELEMENTS(parts); part++) {
        size_t end = start;
        while (end + sep <= size && memcmp(data + end, SEPARATOR, sep) != 0) {
            end++;
        }
        if (end + sep > size) {
            end = size;
        }
        g_autofree char *name = g_build_filename("dataset", parts[part], NULL);
        g_free(fuzz_write(name, data + start, end - start));
        if (end == size) {
            part++;
            break;
        }
        start = end + sep;
    }
    for (; part < G_N_ELEMENTS(parts); part++) {
        g_autofree char *name = g_build_filename("dataset", parts[part], NULL);
        if (part == 1) {
            g_free(fuzz_write(name, (const uint8_t *) "", 0));
        } else {
            fuzz_remove(name);
        }
    }
    return g_steal_pointer(&dir);
}

/* A loaded network must answer every question without crashing. */
static void
exercise(const WnNetwork *net)
{
    gsize n = wn_network_node_count(net);
    g_autoptr(GError) error = NULL;
    WnSummary summary;
    if (!wn_network_summarise(net, &summary, &error) || summary.nodes != n) {
        g_error("summarise failed on a loaded network: %s", error ? error->message : "counts");
    }
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    g_autoptr(GArray) degree = wn_measure_degree(net, &opts, NULL);
    g_autoptr(GArray) between = wn_measure_betweenness(net, &opts, NULL);
    opts.weighted = TRUE;
    g_autoptr(GArray) weighted = wn_measure_betweenness(net, &opts, NULL);
    g_autoptr(GArray) status = wn_isolation_status(net, NULL);
    if (degree == NULL || degree->len != n || (between != NULL && between->len != n) ||
        (status != NULL && status->len != n)) {
        g_error("a measure gave the wrong number of scores");
    }
    for (gsize t = 0; t < wn_network_tie_count(net); t++) {
        double w = wn_network_tie_weight(net, t);
        if (!(w > 0) || !isfinite(w)) {
            g_error("tie %" G_GSIZE_FORMAT " has weight %g", t, w);
        }
    }
    (void) weighted;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *dir = write_dataset(data, size);
    g_autoptr(WnNetwork) strict = NULL;
    for (int pass = 0; pass < 2; pass++) {
        g_autoptr(GError) error = NULL;
        WnLoadFlags flags = pass == 0 ? WN_LOAD_DEFAULT : WN_LOAD_SKIP_BAD_ROWS;
        g_autoptr(WnNetwork) net = wn_network_load(dir, flags, &error);
        if ((net == NULL) == (error == NULL) || (error != NULL && *error->message == '\0')) {
            g_error("wn_network_load returned %p with error %p", (void *) net, (void *) error);
        }
        if (net != NULL) {
            exercise(net);
        }
        if (pass == 0) {
            strict = g_steal_pointer(&net);
        } else if (strict != NULL && (net == NULL || wn_network_skipped_rows(net)->len > 0 ||
                                      wn_network_node_count(net) != wn_network_node_count(strict) ||
                                      wn_network_tie_count(net) != wn_network_tie_count(strict))) {
            g_error("a dataset that loads strictly loads otherwise when skipping bad rows");
        }
    }
    return 0;
}
