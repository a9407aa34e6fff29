/* leiden-igraph.c: igraph 0.10's small routines that Leiden's draws and labels depend on,
 * step for step, so that leiden.c gives igraph's partition */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"

#include <string.h>

/* igraph_vector_int_shuffle: the same draws, the same swaps. */
void
wn_leiden__shuffle(igraph_rng_t *rng, guint32 *v, gsize n)
{
    while (n > 1) {
        gsize k = (gsize) igraph_rng_get_integer(rng, 0, (igraph_integer_t) n - 1);
        n--;
        guint32 t = v[n];
        v[n] = v[k];
        v[k] = t;
    }
}

/* igraph_reindex_membership: clusters renumbered 0, 1, … in order of their first node.
 * Returns: the number of clusters. */
gsize
wn_leiden__reindex(guint32 *membership, gsize n, guint32 *label)
{
    memset(label, 0, n * sizeof *label);
    guint32 count = 0;
    for (gsize v = 0; v < n; v++) {
        if (label[membership[v]] == 0) {
            label[membership[v]] = ++count;
        }
    }
    for (gsize v = 0; v < n; v++) {
        membership[v] = label[membership[v]] - 1;
    }
    return count;
}

/* igraph_i_vector_binsearch_slice: the position of @what in the sorted @v[0 … n − 1],
 * or where it would go. */
gsize
wn_leiden__binsearch(const double *v, double what, gsize n)
{
    gssize left = 0, right = (gssize) n - 1;
    while (left <= right) {
        gssize middle = left + ((right - left) >> 1);
        if (v[middle] > what) {
            right = middle - 1;
        } else if (v[middle] < what) {
            left = middle + 1;
        } else {
            return (gsize) middle;
        }
    }
    return (gsize) left;
}
