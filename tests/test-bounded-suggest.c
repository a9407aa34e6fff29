/* test-bounded-suggest.c: suggestions take memory and time bounded by the candidates
 * that exist, whatever is asked for */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

static WnTable *
suggest(const WnNetwork *net, guint per, guint capacity)
{
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    opts.per = per;
    opts.capacity = capacity;
    g_autoptr(GError) error = NULL;
    WnTable *t = wn_suggest_table(net, NULL, &opts, NULL, &error);
    g_assert_no_error(error);
    return t;
}

static void
assert_same_rows(const WnTable *a, const WnTable *b)
{
    g_autofree char *x = wn_table_to_csv(a);
    g_autofree char *y = wn_table_to_csv(b);
    g_assert_cmpstr(x, ==, y);
}

/* Asking for 2³²−1 suggestions per target (it asked for 512 GiB and aborted) gives
 * every candidate, exactly as asking for as many as there are nodes. */
static void
test_huge_per_gives_every_candidate(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("../datasets", "karate");
    gsize n = wn_network_node_count(net);
    g_autoptr(WnTable) huge = suggest(net, G_MAXUINT, 0);
    g_autoptr(WnTable) all = suggest(net, (guint) n, 0);
    g_assert_cmpuint(wn_table_row_count(all), >, 100);
    assert_same_rows(huge, all);
    g_autoptr(WnTable) huge_capped = suggest(net, G_MAXUINT, 3);
    g_autoptr(WnTable) all_capped = suggest(net, (guint) n, 3);
    assert_same_rows(huge_capped, all_capped);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    wn_init();
    g_test_add_func("/bounded/suggest/per-of-2^32-1-gives-every-candidate",
                    test_huge_per_gives_every_candidate);
    return g_test_run();
}
