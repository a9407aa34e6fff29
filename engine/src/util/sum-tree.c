/* sum-tree.c: arrays of doubles, one per block, added up in a fixed binary tree over the
 * blocks, whichever threads and ranks made them: the same bits for any number of either */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

/*
 * The tree: node (l, i) covers blocks i·2^l … min((i + 1)·2^l, blocks) − 1; a node is
 * its left child plus its right child, or its left child alone when the right one covers
 * no block. The root, node (levels, 0), is the sum. Floating-point addition is not
 * associative, so the order is what fixes the bits: it is this tree's, whatever order
 * the blocks finish in and however they are shared among ranks.
 */

static gsize
level_nodes(gsize blocks, gsize level)
{
    return ((blocks - 1) >> level) + 1;
}

/* Whether node (@level, @i) can be made here: all of it within this process's blocks, or
 * anywhere once rank 0 gathers the other ranks' parts. */
static gboolean
within(const WnSumTree *t, gsize level, gsize i)
{
    gsize lo = i << level, hi = MIN((i + 1) << level, t->blocks);
    return t->gather || (lo >= t->first && hi <= t->last);
}

static double **
slot(WnSumTree *t, gsize level, gsize i)
{
    return &t->node[t->offset[level] + i];
}

/* Puts @sum (transfer full), node (@level, @i), into the tree: added to its sibling when
 * that one waits, and so on up while the parent can be made here. Lock held. */
static void
insert(WnSumTree *t, gsize level, gsize i, double *sum)
{
    for (; level < t->levels && within(t, level + 1, i >> 1); level++, i >>= 1) {
        gsize sibling = i ^ 1;
        if ((sibling << level) >= t->blocks) {
            continue; /* no right child: the parent is this node */
        }
        double **other = slot(t, level, sibling);
        if (*other == NULL) {
            *slot(t, level, i) = sum;
            return;
        }
        double *left = i < sibling ? sum : *other, *right = i < sibling ? *other : sum;
        *other = NULL;
        for (gsize j = 0; j < t->len; j++) {
            left[j] += right[j];
        }
        g_free(right);
        sum = left;
    }
    *slot(t, level, i) = sum; /* the root, or a part this rank hands to rank 0 */
}

/* The largest node that starts at block @lo and ends by block @last; returns its level
 * (so the nodes a rank hands on are found from its blocks alone). */
static gsize
top_level(const WnSumTree *t, gsize lo, gsize last)
{
    gsize level = 0;
    while (level < t->levels && (lo & (((gsize) 2 << level) - 1)) == 0 &&
           MIN(lo + ((gsize) 2 << level), t->blocks) <= last) {
        level++;
    }
    return level;
}

/**
 * wn_sum_tree__init:
 * Starts a sum of @blocks arrays of @len doubles; among MPI ranks (wn_ranks__get), this
 * process makes blocks first … last − 1 of wn_ranks__share() (@what names the work for
 * WIJKNET_DEBUG_RANKS).
 */
void
wn_sum_tree__init(WnSumTree *t, const char *what, gsize len, gsize blocks)
{
    *t = (WnSumTree){.len = len, .blocks = blocks};
    g_mutex_init(&t->lock);
    wn_ranks__share(blocks, &t->first, &t->last);
    wn_ranks__report(what, "blocks", t->first, t->last, blocks);
    while (((gsize) 1 << t->levels) < blocks) {
        t->levels++;
    }
    t->offset = g_new0(gsize, t->levels + 2);
    for (gsize l = 0; blocks > 0 && l <= t->levels; l++) {
        t->offset[l + 1] = t->offset[l] + level_nodes(blocks, l);
    }
    t->node = g_new0(double *, t->offset[t->levels + 1] + 1);
}

/**
 * wn_sum_tree__add:
 * Hands in block @block's array of len doubles (transfer full; g_malloc'd), from any
 * thread, and adds it to every finished part it completes.
 */
void
wn_sum_tree__add(WnSumTree *t, gsize block, double *sum)
{
    g_assert_true(block >= t->first && block < t->last);
    g_mutex_lock(&t->lock);
    insert(t, 0, block, sum);
    g_mutex_unlock(&t->lock);
}

/* Among ranks: each rank after the first sends rank 0 its parts in block order; rank 0
 * takes them in rank order into its tree; rank 0 then broadcasts the root. */
static void
share_among_ranks(WnSumTree *t, const WnRanks *ranks)
{
    if (ranks->rank > 0) {
        for (gsize lo = t->first; lo < t->last;) {
            gsize level = top_level(t, lo, t->last);
            double **part = slot(t, level, lo >> level);
            g_assert_nonnull(*part);
            ranks->send(*part, t->len, 0);
            g_clear_pointer(part, g_free);
            lo = MIN(lo + ((gsize) 1 << level), t->blocks);
        }
        *slot(t, t->levels, 0) = g_new(double, t->len + 1);
    } else {
        t->gather = TRUE;
        for (guint r = 1; r < ranks->size; r++) {
            gsize first = 0, last = 0;
            wn_ranks__slice(t->blocks, r, ranks->size, &first, &last);
            for (gsize lo = first; lo < last;) {
                gsize level = top_level(t, lo, last);
                double *part = g_new(double, t->len + 1);
                ranks->receive(part, t->len, r);
                insert(t, level, lo >> level, part);
                lo = MIN(lo + ((gsize) 1 << level), t->blocks);
            }
        }
    }
    ranks->broadcast(*slot(t, t->levels, 0), t->len * sizeof(double), 0);
}

/**
 * wn_sum_tree__finish:
 * Once every block of this process has been added: among ranks, the parts go to rank 0
 * and the sum comes back to every rank.
 * Returns: (transfer full): the sum of every block (len doubles and one spare; zeros for
 * no block), the same bits for any number of threads and ranks.
 */
double *
wn_sum_tree__finish(WnSumTree *t)
{
    const WnRanks *ranks = wn_ranks__get();
    if (t->blocks == 0) {
        *t->node = g_new0(double, t->len + 1);
    } else if (ranks != NULL) {
        share_among_ranks(t, ranks);
    }
    double *sum = g_steal_pointer(slot(t, t->levels, 0));
    g_assert_nonnull(sum);
    for (gsize i = 0; i < t->offset[t->levels + 1]; i++) {
        g_assert_null(t->node[i]);
    }
    g_mutex_clear(&t->lock);
    g_free(t->node);
    g_free(t->offset);
    return sum;
}
