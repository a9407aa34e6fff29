/* test-init.c: a program that never calls wn_init() gets igraph's errors returned, not aborted */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <wijknet.h>

#include <igraph.h>

/*
 * This program links libwijknet and calls igraph, as a library user's program may, but
 * never calls wn_init(). igraph's default error handler would abort the process on the
 * refused call below; the library installs its own handlers when it is loaded, so the
 * call returns IGRAPH_EINVAL instead.
 */
static void
test_init_happens_when_the_library_loads(void)
{
    g_assert_nonnull(wn_version()); /* the program uses the library */
    igraph_t graph;
    igraph_error_t rc = igraph_empty(&graph, -1, IGRAPH_UNDIRECTED);
    g_assert_cmpint(rc, ==, IGRAPH_EINVAL);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/init/without-wn-init/igraph-error-is-returned-not-aborted",
                    test_init_happens_when_the_library_loads);
    return g_test_run();
}
