/* test-sum-tree.c: the fixed tree that adds up the blocks' arrays (util/sum-tree.c):
 * the bits of its definition whatever order the blocks finish in, over threads, and
 * among ranks (simulated in this process) for every number of ranks */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"
#include "util/util.h"

#include <math.h>
#include <string.h>

#define LEN 5

/* Values of very different sizes and both signs, so that another order of the same
 * additions gives other bits. */
static double **
make_blocks(gsize blocks, guint32 seed)
{
    GRand *rand = g_rand_new_with_seed(seed);
    double **leaf = g_new0(double *, blocks + 1);
    for (gsize b = 0; b < blocks; b++) {
        leaf[b] = g_new(double, LEN + 1);
        for (gsize j = 0; j < LEN; j++) {
            leaf[b][j] = (g_rand_boolean(rand) ? 1 : -1) * g_rand_double(rand) *
                         pow(10.0, g_rand_int_range(rand, -12, 13));
        }
    }
    g_rand_free(rand);
    return leaf;
}

static void
free_blocks(double **leaf, gsize blocks)
{
    for (gsize b = 0; b < blocks; b++) {
        g_free(leaf[b]);
    }
    g_free(leaf);
}

/* The definition: node (l, i) covers blocks i·2^l … min((i + 1)·2^l, blocks) − 1 and is
 * its left child plus its right child, or its left child when the right covers none. */
static double
node_value(double **leaf, gsize blocks, gsize level, gsize i, gsize j)
{
    if (level == 0) {
        return leaf[i][j];
    }
    double left = node_value(leaf, blocks, level - 1, 2 * i, j);
    if (((2 * i + 1) << (level - 1)) >= blocks) {
        return left;
    }
    return left + node_value(leaf, blocks, level - 1, 2 * i + 1, j);
}

static void
reference(double **leaf, gsize blocks, double *out)
{
    gsize levels = 0;
    while (((gsize) 1 << levels) < blocks) {
        levels++;
    }
    for (gsize j = 0; j < LEN; j++) {
        out[j] = blocks == 0 ? 0.0 : node_value(leaf, blocks, levels, 0, j);
    }
}

static double *
copy_block(double **leaf, gsize b)
{
    return g_memdup2(leaf[b], (LEN + 1) * sizeof(double));
}

/* One process, the blocks handed in in a shuffled order. */
static void
test_one_process_any_order(void)
{
    gboolean order_mattered = FALSE;
    for (gsize blocks = 0; blocks <= 70; blocks++) {
        double **leaf = make_blocks(blocks, (guint32) blocks + 1);
        g_autofree gsize *order = g_new(gsize, blocks + 1);
        for (gsize b = 0; b < blocks; b++) {
            order[b] = b;
        }
        GRand *rand = g_rand_new_with_seed(7 + (guint32) blocks);
        for (gsize b = blocks; b > 1; b--) {
            gsize other = (gsize) g_rand_int_range(rand, 0, (gint32) b);
            gsize keep = order[b - 1];
            order[b - 1] = order[other];
            order[other] = keep;
        }
        g_rand_free(rand);
        WnSumTree tree;
        wn_sum_tree__init(&tree, "test", LEN, blocks);
        for (gsize b = 0; b < blocks; b++) {
            wn_sum_tree__add(&tree, order[b], copy_block(leaf, order[b]));
        }
        g_autofree double *sum = wn_sum_tree__finish(&tree);
        double want[LEN];
        reference(leaf, blocks, want);
        g_assert_cmpmem(sum, LEN * sizeof(double), want, LEN * sizeof(double));
        for (gsize j = 0; j < LEN; j++) {
            double fold = 0.0;
            for (gsize b = 0; b < blocks; b++) {
                fold += leaf[b][j];
            }
            order_mattered = order_mattered || memcmp(&fold, &want[j], sizeof(double)) != 0;
        }
        free_blocks(leaf, blocks);
    }
    /* The data tells the tree's order from a plain left fold. */
    g_assert_true(order_mattered);
}

/* Simulated ranks: each rank's sends wait in its queue until rank 0 receives them. */
typedef struct {
    WnRanks ranks;
    GQueue *sent; /* one per rank */
} FakeWorld;

static FakeWorld world;

static void
fake_send(const double *sum, gsize len, guint to)
{
    g_assert_cmpuint(to, ==, 0);
    g_assert_cmpuint(world.ranks.rank, >, 0);
    g_queue_push_tail(&world.sent[world.ranks.rank], g_memdup2(sum, len * sizeof(double)));
}

static void
fake_receive(double *sum, gsize len, guint from)
{
    g_assert_cmpuint(world.ranks.rank, ==, 0);
    g_autofree double *part = g_queue_pop_head(&world.sent[from]);
    g_assert_nonnull(part);
    memcpy(sum, part, len * sizeof(double));
}

static void
fake_broadcast(void *bytes, gsize len, guint root)
{
    (void) bytes;
    (void) len;
    g_assert_cmpuint(root, ==, 0);
}

static void
test_ranks(void)
{
    world.ranks = (WnRanks){0, 1, fake_send, fake_receive, fake_broadcast};
    for (gsize blocks = 1; blocks <= 40; blocks++) {
        double **leaf = make_blocks(blocks, 100 + (guint32) blocks);
        double want[LEN];
        reference(leaf, blocks, want);
        for (guint size = 1; size <= blocks + 3; size++) {
            world.ranks.size = size;
            world.sent = g_new0(GQueue, size);
            wn_ranks__set(&world.ranks);
            /* The ranks after the first finish first, each adding its blocks last first. */
            for (guint r = size; r-- > 0;) {
                world.ranks.rank = r;
                WnSumTree tree;
                wn_sum_tree__init(&tree, "test", LEN, blocks);
                gsize first = 0, last = 0;
                wn_ranks__slice(blocks, r, size, &first, &last);
                g_assert_cmpuint(tree.first, ==, first);
                g_assert_cmpuint(tree.last, ==, last);
                for (gsize b = last; b-- > first;) {
                    wn_sum_tree__add(&tree, b, copy_block(leaf, b));
                }
                g_autofree double *sum = wn_sum_tree__finish(&tree);
                if (r == 0) {
                    g_assert_cmpmem(sum, LEN * sizeof(double), want, LEN * sizeof(double));
                }
            }
            for (guint r = 0; r < size; r++) {
                g_assert_true(g_queue_is_empty(&world.sent[r]));
            }
            wn_ranks__set(NULL);
            g_free(world.sent);
        }
        free_blocks(leaf, blocks);
    }
}

/* Threads hand in blocks in whatever order they finish. */
typedef struct {
    WnSumTree *tree;
    double **leaf;
} AddJob;

static void
add_block(gsize task, guint worker, gpointer data)
{
    (void) worker;
    const AddJob *job = data;
    wn_sum_tree__add(job->tree, task, copy_block(job->leaf, task));
}

static void
test_threads(void)
{
    for (gsize blocks = 1; blocks <= 300; blocks += 37) {
        double **leaf = make_blocks(blocks, 500 + (guint32) blocks);
        double want[LEN];
        reference(leaf, blocks, want);
        for (guint threads = 1; threads <= 4; threads++) {
            WnSumTree tree;
            wn_sum_tree__init(&tree, "test", LEN, blocks);
            AddJob job = {&tree, leaf};
            wn_parallel__run(blocks, threads, add_block, &job);
            g_autofree double *sum = wn_sum_tree__finish(&tree);
            g_assert_cmpmem(sum, LEN * sizeof(double), want, LEN * sizeof(double));
        }
        free_blocks(leaf, blocks);
    }
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    wn_init();
    g_test_add_func("/sum-tree/one-process-any-order", test_one_process_any_order);
    g_test_add_func("/sum-tree/ranks", test_ranks);
    g_test_add_func("/sum-tree/threads", test_threads);
    return g_test_run();
}
