/* bridging/bridging.h: shared by the bridging files (groupings, roles, brokers, cuts) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_BRIDGING_BRIDGING_H
#define WN_BRIDGING_BRIDGING_H

#include "core/core.h"

/* A partition of the nodes into named groups (groupings.c) */
struct _WnGrouping {
    GPtrArray *names; /* of char *, in order of first appearance in node order */
    guint32 *of;      /* the group of each node */
    gsize n;
};

/* cuts-dfs.c: articulation points (1/0 per node) and bridges (guint64: lower index
 * << 32 | higher index, sorted) by one iterative depth-first search */
void wn_cuts__search(const WnCsr *csr, guint8 *articulation_out, GArray *bridges_out);

/* communities.c: the number of nodes of a partition, and the power of two its tie
 * weights are multiplied by: 1, unless twice the total weight would not be a finite
 * double (weights near the largest double); then small enough that it is. */
gsize wn_communities__node_count(const WnCommunities *comms);
double wn_communities__weight_scale(const WnCommunities *comms);

/* leiden-igraph.c: igraph 0.10's routines as Leiden uses them */
void wn_leiden__shuffle(igraph_rng_t *rng, guint32 *v, gsize n);
gsize wn_leiden__reindex(guint32 *membership, gsize n, guint32 *label);
gsize wn_leiden__binsearch(const double *v, double what, gsize n);

/* leiden.c: Leiden on the CSR, the partition igraph 0.10's igraph_community_leiden gives */
gboolean wn_leiden__run(const WnCsr *csr, gboolean weighted, double scale, double resolution,
                        guint max_iterations, igraph_rng_t *rng, const gint *stop, guint32 *out);

/* communities.c: wn_communities_detect, stopped early (an error) when *@stop turns 1 */
WnCommunities *wn_communities__detect(const WnNetwork *net, const WnCommunityOptions *opts,
                                      const gint *stop, GError **error);

#endif /* WN_BRIDGING_BRIDGING_H */
