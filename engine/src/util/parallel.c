/* parallel.c: a parallel loop over tasks for the kernels, on GLib threads */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

typedef struct {
    gsize n_tasks;
    gint workers; /* worker numbers handed out so far */
    gsize next;   /* the next task to hand out; taken atomically */
    WnTaskFunc task;
    gpointer data;
} Loop;

static gpointer
worker(gpointer data)
{
    Loop *loop = data;
    guint me = (guint) g_atomic_int_add(&loop->workers, 1);
    for (;;) {
        gsize t = (gsize) g_atomic_pointer_add(&loop->next, 1);
        if (t >= loop->n_tasks) {
            return NULL;
        }
        loop->task(t, me, loop->data);
    }
}

/**
 * wn_parallel__threads:
 * Returns: @threads; for 0 the environment's WIJKNET_THREADS (1 … 1024) when it is set,
 * else the number of processors GLib sees (at least 1).
 */
guint
wn_parallel__threads(guint threads)
{
    guint64 set = 0;
    const char *env = threads > 0 ? NULL : g_getenv("WIJKNET_THREADS");
    if (env != NULL && g_ascii_string_to_unsigned(env, 10, 1, 1024, &set, NULL)) {
        return (guint) set;
    }
    return threads > 0 ? threads : MAX(1u, g_get_num_processors());
}

/**
 * wn_parallel__run:
 * Runs @task for every task number 0 … @n_tasks − 1, on min(@threads, @n_tasks)
 * threads (0 threads: one per processor); the calling thread is one of them. Each
 * call of @task also gets its thread's worker number, below wn_parallel__threads(@threads),
 * for scratch space that the thread reuses from task to task. Returns
 * when every task is done. Tasks must not call igraph (docs/DESIGN.md) and must write only
 * their own slots: then the result does not depend on the number of threads.
 * Cost: one thread start per extra thread, one atomic add per task.
 */
void
wn_parallel__run(gsize n_tasks, guint threads, WnTaskFunc task, gpointer data)
{
    Loop loop = {n_tasks, 0, 0, task, data};
    gsize count = MIN((gsize) wn_parallel__threads(threads), n_tasks);
    if (count <= 1) {
        worker(&loop);
        return;
    }
    g_autofree GThread **started = g_new0(GThread *, count);
    for (gsize i = 1; i < count; i++) {
        started[i] = g_thread_new("wn-kernel", worker, &loop);
    }
    worker(&loop);
    for (gsize i = 1; i < count; i++) {
        g_thread_join(started[i]);
    }
}

static const WnRanks *installed_ranks;

/**
 * wn_ranks__set:
 * Makes the kernels share their blocks among @ranks (borrowed; it must outlive every
 * kernel call), or run them all in this process for NULL.
 */
void
wn_ranks__set(const WnRanks *ranks)
{
    installed_ranks = ranks;
}

/**
 * wn_ranks__get:
 * Returns: the ranks wn_ranks__set() installed, or NULL for one process.
 */
const WnRanks *
wn_ranks__get(void)
{
    return installed_ranks;
}

/**
 * wn_ranks__share:
 * The blocks this process runs of @blocks: first … last − 1, all of them for one process;
 * of K ranks, rank r runs ⌊r·blocks/K⌋ … ⌊(r + 1)·blocks/K⌋ − 1 (possibly none).
 */
void
wn_ranks__share(gsize blocks, gsize *first_out, gsize *last_out)
{
    const WnRanks *ranks = installed_ranks;
    *first_out = ranks != NULL ? blocks * ranks->rank / ranks->size : 0;
    *last_out = ranks != NULL ? blocks * (ranks->rank + 1) / ranks->size : blocks;
}
