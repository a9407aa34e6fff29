/* test-bounded-communities.c: community detection ends, whatever the resolution and
 * however large the weights */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <math.h>

static WnCommunities *
detect(const WnNetwork *net, WnCommunityMethod method, double resolution, gboolean weighted)
{
    WnCommunityOptions opts = WN_COMMUNITY_OPTIONS_INIT;
    opts.method = method;
    opts.seed = 12345;
    opts.resolution = resolution;
    opts.weighted = weighted;
    g_autoptr(GError) error = NULL;
    WnCommunities *comms = wn_communities_detect(net, &opts, &error);
    g_assert_no_error(error);
    return comms;
}

static void
assert_same_partition(const WnCommunities *a, const WnCommunities *b, gsize n)
{
    g_assert_cmpuint(wn_communities_count(a), ==, wn_communities_count(b));
    for (gsize v = 0; v < n; v++) {
        g_assert_cmpuint(wn_communities_membership(a, v), ==, wn_communities_membership(b, v));
    }
}

/* At resolution 30 Leiden never settled on karate and ran forever; now it stops after at
 * most 50 iterations, with the same partition for the same seed. Large resolutions give
 * small communities: more than at resolution 1, fewer than the 34 nodes. */
static void
test_leiden_at_resolution_30_ends(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("../datasets", "karate");
    g_autoptr(WnCommunities) first = detect(net, WN_COMMUNITY_LEIDEN, 30, FALSE);
    g_autoptr(WnCommunities) again = detect(net, WN_COMMUNITY_LEIDEN, 30, FALSE);
    g_autoptr(WnCommunities) usual = detect(net, WN_COMMUNITY_LEIDEN, 1, FALSE);
    assert_same_partition(first, again, wn_network_node_count(net));
    g_assert_cmpuint(wn_communities_count(first), >, wn_communities_count(usual));
    g_assert_cmpuint(wn_communities_count(first), <=, 34);
    g_assert_true(isfinite(wn_communities_modularity(first)));
}

/* Every tie of karate weighs 1.7e308, so the total weight is not a finite double: the
 * weights are scaled by a power of two, and the partition and its modularity are those
 * of karate with every tie 1 (before, the total was infinite: 34 singletons, modularity
 * NaN). Participation is finite too. */
static void
test_weights_near_the_largest_double(void)
{
    g_autoptr(WnNetwork) huge = wn_test_load("data", "bounded-huge-weights");
    g_autoptr(WnNetwork) karate = wn_test_load("../datasets", "karate");
    gsize n = wn_network_node_count(huge);
    for (int m = WN_COMMUNITY_LEIDEN; m <= WN_COMMUNITY_LOUVAIN; m++) {
        g_autoptr(WnCommunities) got = detect(huge, (WnCommunityMethod) m, 1, TRUE);
        g_autoptr(WnCommunities) want = detect(karate, (WnCommunityMethod) m, 1, FALSE);
        assert_same_partition(got, want, n);
        g_assert_cmpfloat_with_epsilon(wn_communities_modularity(got),
                                       wn_communities_modularity(want), 1e-12);
        g_autoptr(GArray) p = wn_communities_participation(huge, got);
        g_autoptr(GArray) q = wn_communities_participation(karate, want);
        for (gsize v = 0; v < n; v++) {
            g_assert_cmpfloat_with_epsilon(g_array_index(p, double, v), g_array_index(q, double, v),
                                           1e-12);
        }
    }
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    wn_init();
    g_test_add_func("/bounded/communities/leiden-at-resolution-30-ends-with-one-partition",
                    test_leiden_at_resolution_30_ends);
    g_test_add_func("/bounded/communities/weights-near-the-largest-double-are-scaled",
                    test_weights_near_the_largest_double);
    return g_test_run();
}
