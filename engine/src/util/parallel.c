/* parallel.c: a parallel loop over tasks for the kernels, on GLib threads */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

#include <string.h>
#include <unistd.h>

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

/* The memory limit of this process's control group, from the file @name under
 * @root/PATH (PATH from /proc/self/cgroup); 0 when there is none ("max") or it cannot be
 * read. */
static guint64
cgroup_limit(const char *line, const char *root, const char *name)
{
    g_autofree char *path = g_build_filename(root, line, name, NULL), *text = NULL;
    guint64 limit = 0;
    if (g_file_get_contents(path, &text, NULL, NULL)) {
        g_ascii_string_to_unsigned(g_strstrip(text), 10, 1, G_MAXUINT64, &limit, NULL);
    }
    return limit;
}

/* The lower of the limits of this process's control groups (cgroup v2 memory.max, v1
 * memory.limit_in_bytes: Slurm and containers set one), or 0 when none is known. */
static guint64
cgroups_limit(void)
{
    g_autofree char *self = NULL;
    guint64 lowest = 0;
    if (!g_file_get_contents("/proc/self/cgroup", &self, NULL, NULL)) {
        return 0;
    }
    g_auto(GStrv) lines = g_strsplit(self, "\n", -1);
    for (char **line = lines; *line != NULL; line++) {
        g_auto(GStrv) field = g_strsplit(*line, ":", 3); /* id : controllers : path */
        if (g_strv_length(field) != 3) {
            continue;
        }
        g_auto(GStrv) controllers = g_strsplit(field[1], ",", -1);
        guint64 limit =
            field[1][0] == '\0' ? cgroup_limit(field[2], "/sys/fs/cgroup", "memory.max")
            : g_strv_contains((const char *const *) controllers, "memory")
                ? cgroup_limit(field[2], "/sys/fs/cgroup/memory", "memory.limit_in_bytes")
                : 0;
        lowest = limit != 0 && (lowest == 0 || limit < lowest) ? limit : lowest;
    }
    return lowest;
}

static guint memory_sharers = 1; /* the processes (MPI ranks) on this machine */

/**
 * wn_parallel__share_memory:
 * Says how many processes (MPI ranks, this one included) run on this machine, to share its
 * memory equally (wn_parallel__memory); 1 by default.
 */
void
wn_parallel__share_memory(guint processes)
{
    memory_sharers = MAX(1u, processes);
}

/**
 * wn_parallel__memory:
 * Returns: the bytes of memory this process may use: the machine's physical memory, or
 * the limit of its control group (cgroup v2 or v1) when that is lower, divided among the
 * processes on the machine (wn_parallel__share_memory); 0 when neither is known.
 */
guint64
wn_parallel__memory(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    guint64 machine = pages > 0 && size > 0 ? (guint64) pages * (guint64) size : 0;
    guint64 limit = cgroups_limit();
    return (machine == 0 || (limit != 0 && limit < machine) ? limit : machine) / memory_sharers;
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

/* A range of wn_parallel__run_ranges, cut into tasks. */
typedef struct {
    gsize first, last, per_task;
    WnRangeFunc run;
    gpointer data;
} RangeLoop;

static void
run_range_task(gsize task, guint worker, gpointer data)
{
    const RangeLoop *loop = data;
    gsize first = loop->first + task * loop->per_task;
    loop->run(first, MIN(loop->last, first + loop->per_task), worker, loop->data);
}

/**
 * wn_parallel__run_ranges:
 * Calls @run(from, to, worker, @data) on consecutive ranges of at most @per_task items
 * that cover @first … @last − 1, as tasks of wn_parallel__run over @threads threads.
 */
void
wn_parallel__run_ranges(gsize first, gsize last, gsize per_task, guint threads, WnRangeFunc run,
                        gpointer data)
{
    RangeLoop loop = {first, MAX(first, last), MAX(per_task, 1), run, data};
    gsize tasks = (loop.last - loop.first + loop.per_task - 1) / loop.per_task;
    wn_parallel__run(tasks, threads, run_range_task, &loop);
}

static const WnRanks *installed_ranks;

/**
 * wn_ranks__slice:
 * Rank @rank's share of @n blocks among @size ranks: ⌊rank·n/size⌋ … ⌊(rank + 1)·n/size⌋ − 1.
 */
void
wn_ranks__slice(gsize n, guint rank, guint size, gsize *first_out, gsize *last_out)
{
    *first_out = n * rank / size;
    *last_out = n * (rank + 1) / size;
}

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
    if (ranks == NULL) {
        *first_out = 0;
        *last_out = blocks;
        return;
    }
    wn_ranks__slice(blocks, ranks->rank, ranks->size, first_out, last_out);
}

/**
 * wn_ranks__report:
 * With WIJKNET_DEBUG_RANKS set, says on standard error which @unit ("nodes", "ties",
 * "items", "blocks") first … last − 1 of @n this rank computes of @what.
 */
void
wn_ranks__report(const char *what, const char *unit, gsize first, gsize last, gsize n)
{
    if (g_getenv("WIJKNET_DEBUG_RANKS") == NULL) {
        return;
    }
    const WnRanks *ranks = installed_ranks;
    g_printerr("rank %u of %u: %s %s %" G_GSIZE_FORMAT " to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT
               "\n",
               ranks != NULL ? ranks->rank : 0, ranks != NULL ? ranks->size : 1, what, unit, first,
               last, n);
}

/**
 * wn_ranks__run_nodes:
 * Per-node work shared among the ranks by node ranges: this process computes nodes
 * first … last − 1 of wn_ranks__share(@n) (every node for one process) by calling @run
 * on consecutive ranges of at most @per_task nodes over @threads threads (0: one per
 * processor; wn_parallel__run_ranges), then, among several ranks, each rank's slice of every
 * one of @arrays (n elements each, ended by an entry with data NULL) is broadcast from
 * it, so that every rank holds the whole arrays. @run must write only the elements of
 * the nodes it is given, each from the graph alone: then the arrays are the same bytes
 * for any number of ranks and threads. Every rank must make the same calls in the same
 * order. @what names the work and @unit its items ("nodes", or "ties" for per-tie work
 * run the same way) for WIJKNET_DEBUG_RANKS (wn_ranks__report).
 * Cost: the work of the slice's nodes; then every array's bytes sent once to each rank.
 */
void
wn_ranks__run_nodes(const char *what, const char *unit, gsize n, gsize per_task, guint threads,
                    WnRangeFunc run, gpointer data, const WnNodeArray *arrays)
{
    gsize mine = 0, end = 0;
    wn_ranks__share(n, &mine, &end);
    wn_ranks__report(what, unit, mine, end, n);
    wn_parallel__run_ranges(mine, end, per_task, threads, run, data);
    const WnRanks *ranks = installed_ranks;
    for (const WnNodeArray *a = arrays; ranks != NULL && a->data != NULL; a++) {
        for (guint r = 0; r < ranks->size; r++) {
            gsize first = 0, last = 0;
            wn_ranks__slice(n, r, ranks->size, &first, &last);
            ranks->broadcast((char *) a->data + first * a->size, (last - first) * a->size, r);
        }
    }
}

/* The items of wn_ranks__run_items this rank computes, one task each. */
typedef struct {
    gsize first;
    WnItemFunc run;
    gpointer data;
    GPtrArray *out;
} ItemsLoop;

static void
run_items_task(gsize task, guint worker, gpointer data)
{
    const ItemsLoop *loop = data;
    gsize item = loop->first + task;
    g_ptr_array_index(loop->out, item) = loop->run(item, worker, loop->data);
}

/* Rank @root's results of items first … last − 1 to every rank: their lengths, then
 * their elements one after another; the other ranks make the arrays from them. */
static void
broadcast_items(const WnRanks *ranks, guint root, gsize first, gsize last, gsize element_size,
                GPtrArray *out)
{
    gsize count = last - first, total = 0;
    gboolean mine = ranks->rank == root;
    g_autofree guint64 *lengths = g_new0(guint64, count + 1);
    for (gsize i = 0; mine && i < count; i++) {
        lengths[i] = ((GArray *) g_ptr_array_index(out, first + i))->len;
    }
    ranks->broadcast(lengths, count * sizeof(guint64), root);
    for (gsize i = 0; i < count; i++) {
        total += (gsize) lengths[i];
    }
    g_autofree char *bytes = g_malloc(total * element_size + 1);
    for (gsize i = 0, at = 0; mine && i < count; at += (gsize) lengths[i++] * element_size) {
        const GArray *a = g_ptr_array_index(out, first + i);
        memcpy(bytes + at, a->data, (gsize) lengths[i] * element_size);
    }
    ranks->broadcast(bytes, total * element_size, root);
    for (gsize i = 0, at = 0; !mine && i < count; at += (gsize) lengths[i++] * element_size) {
        GArray *a = g_array_sized_new(FALSE, FALSE, (guint) element_size, (guint) lengths[i]);
        g_array_append_vals(a, bytes + at, (guint) lengths[i]);
        g_ptr_array_index(out, first + i) = a;
    }
}

/**
 * wn_ranks__run_items:
 * Per-item work whose results differ in length, shared among the ranks by item ranges:
 * this process computes items first … last − 1 of wn_ranks__share(@n) (every item for
 * one process), each by one call @run(item, worker, @data) over @threads threads, which
 * returns a GArray of plain elements of @element_size bytes (no pointers) into slot
 * item of @out (n slots); then, among several ranks, each rank's results go to every
 * rank, so that every rank holds all of @out, the same bytes as one process. @run must
 * depend on the item alone. Every rank must make the same calls in the same order.
 * Cost: the work of the slice's items; then every result's bytes sent once to each rank.
 */
void
wn_ranks__run_items(const char *what, gsize n, guint threads, WnItemFunc run, gpointer data,
                    gsize element_size, GPtrArray *out)
{
    g_assert_cmpuint(out->len, ==, n);
    ItemsLoop loop = {0, run, data, out};
    gsize last = 0;
    wn_ranks__share(n, &loop.first, &last);
    wn_ranks__report(what, "items", loop.first, last, n);
    wn_parallel__run(last - loop.first, threads, run_items_task, &loop);
    const WnRanks *ranks = installed_ranks;
    for (guint r = 0; ranks != NULL && r < ranks->size; r++) {
        gsize first = 0, end = 0;
        wn_ranks__slice(n, r, ranks->size, &first, &end);
        broadcast_items(ranks, r, first, end, element_size, out);
    }
}

/* Orders items by size, largest first, then by their index (g_qsort_with_data). */
static gint
larger_first(gconstpointer a, gconstpointer b, gpointer data)
{
    const guint64 *sizes = data;
    gsize i = *(const gsize *) a, j = *(const gsize *) b;
    if (sizes[i] != sizes[j]) {
        return sizes[i] > sizes[j] ? -1 : 1;
    }
    return i < j ? -1 : i > j;
}

/**
 * wn_ranks__deal:
 * Deals @n items of @sizes to @ranks ranks, largest first (the lower index on a tie),
 * each to the rank with the least size so far (the lowest rank on a tie): the same deal
 * on every rank.
 * Returns: (transfer full): the rank of each item, in item order.
 * Cost: O(n log n + n·ranks).
 */
guint *
wn_ranks__deal(const guint64 *sizes, gsize n, guint ranks)
{
    g_autofree gsize *order = g_new(gsize, n + 1);
    for (gsize i = 0; i < n; i++) {
        order[i] = i;
    }
    g_qsort_with_data(order, (gint) n, sizeof(gsize), larger_first, (gpointer) sizes);
    g_autofree guint64 *load = g_new0(guint64, MAX(ranks, 1));
    guint *owner = g_new0(guint, n + 1);
    for (gsize i = 0; i < n; i++) {
        guint least = 0;
        for (guint r = 1; r < ranks; r++) {
            least = load[r] < load[least] ? r : least;
        }
        owner[order[i]] = least;
        load[least] += sizes[order[i]];
    }
    return owner;
}
