/* mpi.c: analyse over Open MPI ranks (built with -DWIJKNET_MPI=ON): the kernels' blocks
 * shared among the ranks, their running sum passed on in block order */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "runs.h"

#include <mpi.h>

static WnRanks world;
static gboolean started;

/* Sums are sent as slices of at most 2^30 doubles: MPI counts are ints. */
#define SLICE ((gsize) 1 << 30)

static void
receive_sum(double *sum, gsize len)
{
    for (gsize at = 0; at < len; at += SLICE) {
        MPI_Recv(sum + at, (int) MIN(SLICE, len - at), MPI_DOUBLE, (int) world.rank - 1, 0,
                 MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
}

static void
pass_sum(double *sum, gsize len)
{
    for (gsize at = 0; at < len; at += SLICE) {
        int count = (int) MIN(SLICE, len - at);
        if (world.rank + 1 < world.size) {
            MPI_Send(sum + at, count, MPI_DOUBLE, (int) world.rank + 1, 0, MPI_COMM_WORLD);
        }
        MPI_Bcast(sum + at, count, MPI_DOUBLE, (int) world.size - 1, MPI_COMM_WORLD);
    }
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
 * its blocks of sources among the ranks (wn_ranks__share), the running sum passed from
 * rank to rank in block order and broadcast from the last: every rank gets the
 * one-process sums bit for bit, for any number of ranks. Otherwise does nothing: one
 * process, rank 0 of 1. Each rank must then make the same kernel calls in the same order.
 */
void
wn_mpi_start(int *argc, char ***argv)
{
    if (started || !launched_as_rank()) {
        return;
    }
    int rank = 0, size = 1;
    MPI_Init(argc, argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    world = (WnRanks){(guint) rank, (guint) size, receive_sum, pass_sum};
    started = TRUE;
    wn_ranks__set(size > 1 ? &world : NULL);
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
