/* mpi.c: analyse over Open MPI ranks (built with -DWIJKNET_MPI=ON): the kernels' blocks
 * shared among the ranks, their sums added up on rank 0 in a fixed tree */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#define _GNU_SOURCE /* memfd_create */
#include "runs.h"

#include <errno.h>
#include <mpi.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <glib/gstdio.h>

static WnRanks world;
static gboolean started;

/* Sums are sent as slices of at most 2^30 doubles (bytes: 2^30 bytes): MPI counts are ints. */
#define SLICE ((gsize) 1 << 30)

static void
send_sum(const double *sum, gsize len, guint to)
{
    for (gsize at = 0; at < len; at += SLICE) {
        MPI_Send(sum + at, (int) MIN(SLICE, len - at), MPI_DOUBLE, (int) to, 0, MPI_COMM_WORLD);
    }
}

static void
receive_sum(double *sum, gsize len, guint from)
{
    for (gsize at = 0; at < len; at += SLICE) {
        MPI_Recv(sum + at, (int) MIN(SLICE, len - at), MPI_DOUBLE, (int) from, 0, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
    }
}

/* @root's @len bytes to every rank, in parts of at most 2^30 bytes. */
static void
broadcast_bytes(void *bytes, gsize len, guint root)
{
    for (gsize at = 0; at < len; at += SLICE) {
        MPI_Bcast((char *) bytes + at, (int) MIN(SLICE, len - at), MPI_BYTE, (int) root,
                  MPI_COMM_WORLD);
    }
}

/* What rank 0 found of an input file: its size, or the code and message length of why
 * it could not be read. */
typedef struct {
    guint64 size, message_len;
    gint32 failed, code;
} Found;

/* Rank 0's error message about an input, on every rank. */
static char *
share_message(const Found *found, const GError *own)
{
    char *message = g_malloc0(found->message_len + 1);
    if (world.rank == 0) {
        memcpy(message, own->message, found->message_len);
    }
    broadcast_bytes(message, found->message_len, 0);
    return message;
}

#define PART ((gsize) 64 << 20) /* an input goes to the ranks in parts of 64 MiB */

/* The broadcast bytes of @path, @size of them, into a file in memory (memfd) on a rank
 * after the first; every part is received even when one cannot be kept. */
static int
receive_input(const char *path, gsize size, GError **error)
{
    int fd = memfd_create("wijknet-input", MFD_CLOEXEC), errsv = fd < 0 ? errno : 0;
    g_autofree char *part = g_malloc(MIN(size, PART) + 1);
    for (gsize at = 0; at < size; at += PART) {
        broadcast_bytes(part, MIN(PART, size - at), 0);
        if (errsv == 0) {
            errsv = wn_file__write_fd(fd, part, MIN(PART, size - at));
        }
    }
    if (errsv == 0 && lseek(fd, 0, SEEK_SET) == 0) {
        return fd;
    }
    errsv = errsv != 0 ? errsv : errno;
    g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errsv), "%s: %s (rank %u)", path,
                g_strerror(errsv), world.rank);
    if (fd >= 0) {
        close(fd);
    }
    return -1;
}

/* wn_input__open under the ranks (a WnInputOpenFunc): rank 0 opens @path and broadcasts
 * its bytes, or its error; every other rank opens a file in memory holding them. */
static int
open_from_first(const char *path, gsize max_bytes, gsize *size_out, GError **error)
{
    Found found = {0, 0, 0, 0};
    g_autoptr(GError) own = NULL;
    g_autoptr(GMappedFile) map = NULL;
    int fd = -1;
    if (world.rank == 0) {
        fd = wn_input__open_here(path, max_bytes, size_out, &own);
        map = fd >= 0 ? g_mapped_file_new_from_fd(fd, FALSE, &own) : NULL;
        found = map != NULL ? (Found){*size_out, 0, 0, 0}
                            : (Found){0, strlen(own->message), 1, own->code};
    }
    broadcast_bytes(&found, sizeof found, 0);
    if (found.failed) {
        g_autofree char *message = share_message(&found, own);
        g_set_error_literal(error, G_FILE_ERROR, found.code, message);
        if (fd >= 0) {
            close(fd);
        }
        return -1;
    }
    *size_out = (gsize) found.size;
    if (world.rank != 0) {
        return receive_input(path, (gsize) found.size, error);
    }
    const char *bytes = g_mapped_file_get_contents(map);
    for (gsize at = 0; at < found.size; at += PART) {
        broadcast_bytes((char *) bytes + at, MIN(PART, found.size - at), 0);
    }
    return fd;
}

/**
 * wn_mpi_share_inputs:
 * While @on, among several ranks, and when the environment's WIJKNET_MPI_LOAD is
 * "broadcast": rank 0 reads every input file and broadcasts its bytes, and the other
 * ranks parse them from memory through the same loader (wn_input__set_opener);
 * otherwise (the default, faster on one machine, where the files are in one page cache)
 * every rank reads the files itself. Every rank must open the same files in the same order
 * while it is on (loading a dataset does). With WIJKNET_DEBUG_RANKS set, each rank says
 * on standard error how long it was on (its load). Does nothing outside a launch.
 * Returns: whether the inputs are now broadcast.
 */
gboolean
wn_mpi_share_inputs(gboolean on)
{
    static gint64 since;
    gboolean share = on && started && world.size > 1 &&
                     g_strcmp0(g_getenv("WIJKNET_MPI_LOAD"), "broadcast") == 0;
    wn_input__set_opener(share ? open_from_first : NULL);
    if (!on && started && g_getenv("WIJKNET_DEBUG_RANKS") != NULL) {
        g_printerr("rank %u of %u: loaded in %.3f s\n", world.rank, world.size,
                   (double) (g_get_monotonic_time() - since) / G_USEC_PER_SEC);
    }
    since = g_get_monotonic_time();
    return share;
}

/* Whether a launcher (mpirun, or srun with PMI or PMIx) started this process. */
static gboolean
launched_as_rank(void)
{
    return g_getenv("OMPI_COMM_WORLD_SIZE") != NULL || g_getenv("PMIX_RANK") != NULL ||
           g_getenv("PMI_RANK") != NULL;
}

/**
 * wn_mpi_start:
 * When this process was started by mpirun or srun, joins the MPI world and makes every
 * Brandes kernel (betweenness, and closeness and harmonic from the same searches) share
 * its blocks of sources among the ranks (wn_ranks__share), their sums sent to rank 0,
 * added up there in the fixed tree of one process (util/sum-tree.c) and broadcast: every
 * rank gets the one-process sums bit for bit, for any number of ranks; each rank must
 * then make the same kernel calls in the same order. Without @share_kernels (batch:
 * each rank runs datasets of its own) the kernels stay within the rank. Not started by
 * a launcher, does nothing: one process, rank 0 of 1. The ranks on one machine share its
 * memory (wn_parallel__share_memory), for the kernels that choose by it.
 */
void
wn_mpi_start(int *argc, char ***argv, gboolean share_kernels)
{
    if (started || !launched_as_rank()) {
        return;
    }
    int rank = 0, size = 1;
    MPI_Init(argc, argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    world = (WnRanks){(guint) rank, (guint) size, send_sum, receive_sum, broadcast_bytes};
    started = TRUE;
    MPI_Comm machine;
    int here = 1;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank, MPI_INFO_NULL, &machine);
    MPI_Comm_size(machine, &here);
    MPI_Comm_free(&machine);
    wn_parallel__share_memory((guint) here);
    if (g_getenv("WIJKNET_DEBUG_RANKS") != NULL) {
        g_printerr("rank %d of %d: %d ranks on this machine, %" G_GUINT64_FORMAT
                   " bytes of memory each\n",
                   rank, size, here, wn_parallel__memory());
    }
    wn_ranks__set(size > 1 && share_kernels ? &world : NULL);
}

/**
 * wn_mpi_rank:
 * Returns: this process's rank, 0 when it is not one of several.
 */
guint
wn_mpi_rank(void)
{
    return started ? world.rank : 0;
}

/**
 * wn_mpi_size:
 * Returns: the number of ranks, 1 when this process is not one of several.
 */
guint
wn_mpi_size(void)
{
    return started ? world.size : 1;
}

/**
 * wn_mpi_finish:
 * Leaves the MPI world after every rank has come here (nothing outside one); @status,
 * this rank's exit code, ends every rank's run when it is not 0 (MPI_Abort: mpirun exits
 * with it). Returns: @status.
 */
int
wn_mpi_finish(int status)
{
    if (!started) {
        return status;
    }
    wn_ranks__set(NULL);
    if (status != 0) {
        MPI_Abort(MPI_COMM_WORLD, status);
    }
    MPI_Finalize();
    started = FALSE;
    return status;
}

/* Bytes of a dataset's ties.csv and nodes.csv: what its run takes grows with them. */
static guint64
dataset_bytes(const WnBatchDataset *d)
{
    guint64 bytes = 0;
    const char *files[] = {"ties.csv", "nodes.csv"};
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = g_build_filename(d->path, files[i], NULL);
        GStatBuf st;
        bytes += g_stat(path, &st) == 0 ? (guint64) st.st_size : 0;
    }
    return bytes;
}

/**
 * wn_mpi_batch_owner:
 * Which rank runs each dataset of @job: largest first (bytes of ties.csv and nodes.csv,
 * the job's order on a tie), each to the rank with the fewest bytes so far (the lowest
 * on a tie; wn_ranks__deal), so that every rank deals the same way. A dataset split by
 * area ("split": "area") is every rank's, G_MAXUINT: each rank writes the areas dealt to
 * it (WnBatchRunOptions.rank).
 * Returns: (transfer full): one rank per dataset, in the job's order.
 */
guint *
wn_mpi_batch_owner(const WnBatchJob *job)
{
    gsize n = job->datasets->len;
    g_autofree guint64 *bytes = g_new0(guint64, n + 1);
    for (gsize i = 0; i < n; i++) {
        const WnBatchDataset *d = g_ptr_array_index(job->datasets, i);
        bytes[i] = d->split ? 0 : dataset_bytes(d);
    }
    guint *owner = wn_ranks__deal(bytes, n, wn_mpi_size());
    for (gsize i = 0; i < n; i++) {
        const WnBatchDataset *d = g_ptr_array_index(job->datasets, i);
        owner[i] = d->split ? G_MAXUINT : owner[i];
    }
    return owner;
}

/**
 * wn_mpi_gather_text:
 * Collective: every rank hands in @text.
 * Returns: (transfer full): on rank 0, the texts of all ranks in rank order; NULL on the
 * others. Not started by a launcher: @text alone.
 */
GPtrArray *
wn_mpi_gather_text(const char *text)
{
    int len = (int) strlen(text) + 1;
    GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);
    if (!started) {
        g_ptr_array_add(texts, g_strdup(text));
        return texts;
    }
    g_autofree int *lens = g_new0(int, world.size);
    g_autofree int *at = g_new0(int, world.size);
    MPI_Gather(&len, 1, MPI_INT, lens, 1, MPI_INT, 0, MPI_COMM_WORLD);
    for (guint r = 1; r < world.size; r++) {
        at[r] = at[r - 1] + lens[r - 1];
    }
    g_autofree char *all =
        g_new0(char, world.rank == 0 ? at[world.size - 1] + lens[world.size - 1] : 1);
    MPI_Gatherv(text, len, MPI_CHAR, all, lens, at, MPI_CHAR, 0, MPI_COMM_WORLD);
    if (world.rank != 0) {
        g_ptr_array_unref(texts);
        return NULL;
    }
    for (guint r = 0; r < world.size; r++) {
        g_ptr_array_add(texts, g_strdup(all + at[r]));
    }
    return texts;
}

/**
 * wn_mpi_agree:
 * Collective: every rank hands in its @status.
 * Returns: the first non-zero status by rank order, 0 when all are 0; the same on every
 * rank (so that all stop together when one cannot go on).
 */
int
wn_mpi_agree(int status)
{
    if (!started) {
        return status;
    }
    g_autofree int *all = g_new0(int, world.size);
    MPI_Allgather(&status, 1, MPI_INT, all, 1, MPI_INT, MPI_COMM_WORLD);
    for (guint r = 0; r < world.size; r++) {
        if (all[r] != 0) {
            return all[r];
        }
    }
    return 0;
}
