/* bench-dependants.c: how long `dependants` of every node takes, against the brute force it
 * replaces (remove each node, recompute the statuses), estimated from a sample of nodes.
 * A benchmark, not a test: bench-dependants DATASET [SAMPLE] */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wijknet.h"

#include <stdio.h>
#include <stdlib.h>

/* Seconds to remove node @x (wn_whatif_without) and recompute the statuses. */
static double
remove_and_recompute(const WnNetwork *net, gsize x)
{
    g_autoptr(GError) error = NULL;
    gint64 start = g_get_monotonic_time();
    g_autoptr(WnNetwork) after = wn_whatif_without(net, x, &error);
    g_autoptr(GArray) status = after != NULL ? wn_isolation_status(after, &error) : NULL;
    if (status == NULL) {
        fprintf(stderr, "bench-dependants: %s\n", error->message);
        exit(1);
    }
    return (double) (g_get_monotonic_time() - start) / 1e6;
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench-dependants DATASET [SAMPLE]\n");
        return 64;
    }
    gsize sample = argc > 2 ? (gsize) g_ascii_strtoull(argv[2], NULL, 10) : 3;
    g_autoptr(GError) error = NULL;
    gint64 t0 = g_get_monotonic_time();
    g_autoptr(WnNetwork) net = wn_network_load(argv[1], WN_LOAD_DEFAULT, &error);
    if (net == NULL) {
        fprintf(stderr, "bench-dependants: %s\n", error->message);
        return 1;
    }
    gint64 t1 = g_get_monotonic_time();
    g_autoptr(GArray) counts = wn_dependants_count(net);
    gint64 t2 = g_get_monotonic_time();
    gsize n = wn_network_node_count(net), total = 0, most = 0;
    for (gsize v = 0; v < n; v++) {
        total += g_array_index(counts, gsize, v);
        most = MAX(most, g_array_index(counts, gsize, v));
    }
    g_autoptr(GArray) first = wn_isolation_status(net, &error); /* builds the CSR snapshot */
    gint64 t3 = g_get_monotonic_time();
    g_autoptr(GArray) status = wn_isolation_status(net, &error);
    double one_status = (double) (g_get_monotonic_time() - t3) / 1e6;
    double per_node = 0;
    for (gsize i = 0; i < sample; i++) {
        per_node += remove_and_recompute(net, (i * 7919) % n) / (double) sample;
    }
    printf("nodes %" G_GSIZE_FORMAT ", ties %" G_GSIZE_FORMAT "\n", n, wn_network_tie_count(net));
    printf("load %.2f s\n", (double) (t1 - t0) / 1e6);
    printf("dependants of every node %.3f s (%" G_GSIZE_FORMAT " residents depend on one node; "
           "at most %" G_GSIZE_FORMAT " on one)\n",
           (double) (t2 - t1) / 1e6, total, most);
    printf("one recomputation of the statuses %.3f s: at least %.0f s (%.1f days) for all "
           "nodes even without rebuilding the network\n",
           one_status, one_status * (double) n, one_status * (double) n / 86400);
    printf("brute force: %.3f s per node (mean of %" G_GSIZE_FORMAT "), so about %.0f s "
           "(%.1f days) for all\n",
           per_node, sample, per_node * (double) n, per_node * (double) n / 86400);
    return 0;
}
