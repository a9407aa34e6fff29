/* fuzz-import.c: libFuzzer harness for wn_network_import (GraphML, GML, Pajek, edge lists …) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The first byte picks the format, modulo the number of formats wn_format_name knows
 * (so a format added at the end of WnFormat is fuzzed too, and the seeds, whose first
 * byte is the format's number, keep their meaning); the rest is the file. An imported
 * network is written out again in a format picked by the input's size, and saved as a
 * fieldwork dataset that must load again with the same counts.
 */
#include "fuzz-common.h"

#include <glib/gstdio.h>
#include <math.h>

#define FUZZ_MAX_DECLARED_NODES 10000

static void
exercise(const WnNetwork *net, WnFormat out_format)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *text =
        wn_network_to_format(net, out_format, WN_EXPORT_SHOW_LABELS, warnings, NULL);
    (void) text; /* an export may refuse the network (ids Pajek cannot hold): no finding */
    WnMeasureOptions opts = WN_MEASURE_OPTIONS_INIT;
    g_autoptr(GArray) degree = wn_measure_degree(net, &opts, NULL);
    if (degree == NULL || degree->len != wn_network_node_count(net)) {
        g_error("degree failed on an imported network");
    }
    g_autofree char *dir = g_build_filename(fuzz_dir(), "saved", NULL);
    fuzz_remove_tree("saved");
    if (!wn_network_save(net, dir, &error)) {
        return; /* an id the fieldwork format cannot hold is refused with a message */
    }
    g_autoptr(WnNetwork) again = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    if (again == NULL) {
        g_error("a saved import does not load again: %s", error->message);
    }
    if (wn_network_node_count(again) != wn_network_node_count(net) ||
        wn_network_tie_count(again) != wn_network_tie_count(net)) {
        g_error("a saved import loads with other counts");
    }
}

/*
 * Pajek's `*Vertices N` and UCINET's `n=N` declare nodes without listing them, so a
 * 30-byte file may ask for the importers' limit of 10,000,000 nodes: valid, but minutes
 * and gigabytes of work (README, "Privacy and safety"). Such inputs are passed over: the
 * fuzzer is after parser bugs, and would report every one as a timeout. Under the
 * sanitizers a declared node costs about 75 µs here (import, save, load again:
 * `*Vertices 47976` took 3.7 s, and over the 10 s limit on a busy machine), so more than
 * 10,000 are passed over.
 */
static gboolean
declares_many_nodes(WnFormat format, const uint8_t *data, size_t size)
{
    if (format != WN_FORMAT_PAJEK && g_strcmp0(wn_format_name(format), "ucinet") != 0) {
        return FALSE;
    }
    guint64 value = 0;
    for (size_t i = 0; i < size; i++) {
        value = g_ascii_isdigit(data[i]) ? MIN(value * 10 + (data[i] - '0'), G_MAXUINT32) : 0;
        if (value > FUZZ_MAX_DECLARED_NODES) {
            return TRUE;
        }
    }
    return FALSE;
}

/* A Network Canvas interview is a folder of CSV files: the rest of the input is split
 * into them at each line "~~~", and the ego file is imported. */
static char *
write_interview(const uint8_t *data, size_t size)
{
    static const char *const files[] = {"nc/i_ego.csv", "nc/i_attributeList_Person.csv",
                                        "nc/i_edgeList_friend.csv"};
    g_autofree char *dir = g_build_filename(fuzz_dir(), "nc", NULL);
    fuzz_remove_tree("nc");
    g_mkdir_with_parents(dir, 0700);
    const char *text = (const char *) data, *end = text + size;
    for (gsize f = 0; f < G_N_ELEMENTS(files) && text <= end; f++) {
        const char *cut = g_strstr_len(text, end - text, "\n~~~\n");
        const char *stop = cut != NULL ? cut : end;
        g_free(fuzz_write(files[f], (const uint8_t *) text, (size_t) (stop - text)));
        text = cut != NULL ? cut + 5 : end + 1;
    }
    return g_build_filename(dir, "i_ego.csv", NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    WnFormat format = (WnFormat) (data[0] % WN_FORMAT_COUNT);
    WnFormat out_format = (WnFormat) (size % WN_FORMAT_COUNT);
    if (declares_many_nodes(format, data + 1, size - 1)) {
        return 0;
    }
    g_autofree char *name = g_strdup_printf("input.%s", wn_format_name(format));
    g_autofree char *path = g_strcmp0(wn_format_name(format), "network-canvas") == 0
                                ? write_interview(data + 1, size - 1)
                                : fuzz_write(name, data + 1, size - 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_import(path, format, &error);
    if ((net == NULL) == (error == NULL)) {
        g_error("wn_network_import returned %p with error %p", (void *) net, (void *) error);
    }
    if (net != NULL) {
        exercise(net, out_format);
    }
    fuzz_remove(name);
    return 0;
}
