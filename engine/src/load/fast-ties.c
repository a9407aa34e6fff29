/* fast-ties.c: ties.csv read over threads, giving what the sequential reader gives */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

#include <math.h>
#include <string.h>

#define MERGED_ROW WN_TIE_KIND_COUNT /* the kind of a row merged into an earlier row */
#define MERGE_TASKS 64

/* The checked rows of ties.csv, in row slots (WnChunks): chunk c fills its own slots. */
typedef struct {
    const WnChunks *chunks;
    const WnLoadHeader *header;
    const WnIdIndex *index;
    guint32 *from, *to;
    guint8 *kind;
    double *weight;
    char *arena; /* the extra cells the chunks kept (wn_chunks__new_arena) */
    gsize *rows; /* per chunk: rows read */
    gint odd;    /* a chunk met a bad or unusual row: read sequentially */
} Rows;

static gboolean
lookup_end(const Rows *job, const char *id, guint32 *out)
{
    gsize node = 0;
    if (*id == '\0' || !wn_id_index__lookup(job->index, id, wn_id__hash(id), &node)) {
        return FALSE;
    }
    *out = (guint32) node;
    return TRUE;
}

/* Checks a record as parse_tie_row does (load-csv.c) and stores it in @slot. */
static gboolean
check_row(Rows *job, const WnChunkReader *r, gsize slot)
{
    const gssize *known = job->header->known;
    guint32 a = 0, b = 0;
    guint8 kind = 0;
    double weight = 1;
    const char *bad = NULL;
    gsize bad_len = 0;
    if (!lookup_end(job, wn_chunk_reader__cell(r, known[WN_TIE_COLUMN_SOURCE]), &a) ||
        !lookup_end(job, wn_chunk_reader__cell(r, known[WN_TIE_COLUMN_TARGET]), &b) || a == b ||
        !wn_load__tie_kind(wn_chunk_reader__cell(r, known[WN_TIE_COLUMN_TYPE]), &kind) ||
        !wn_load__weight(wn_chunk_reader__cell(r, known[WN_TIE_COLUMN_WEIGHT]),
                         job->chunks->delimiter, &weight) ||
        !wn_load__support_kind(wn_chunk_reader__cell(r, known[WN_TIE_COLUMN_SUPPORT_KIND]), &bad,
                               &bad_len)) {
        return FALSE;
    }
    job->from[slot] = a;
    job->to[slot] = b;
    job->kind[slot] = kind;
    job->weight[slot] = weight;
    return TRUE;
}

/* Task: reads chunk @c into its row slots; stops at the first odd row of any chunk. */
static void
read_chunk(gsize c, guint worker, gpointer data)
{
    (void) worker;
    Rows *job = data;
    const WnChunks *chunks = job->chunks;
    gboolean extra = job->header->extra_fields->len > 0;
    char *arena = extra ? wn_chunks__arena_of(chunks, job->arena, c) : NULL;
    WnChunkReader r;
    wn_chunk_reader__init(&r, chunks, c);
    gsize slot = chunks->first_row[c];
    while (!g_atomic_int_get(&job->odd)) {
        WnChunkStep step = wn_chunk_reader__next(&r);
        if (step == WN_CHUNK_END) {
            break;
        }
        if (step == WN_CHUNK_ODD || (step == WN_CHUNK_RECORD && !check_row(job, &r, slot))) {
            g_atomic_int_set(&job->odd, 1);
        } else if (step == WN_CHUNK_RECORD) {
            arena = extra ? wn_chunk_reader__keep_extra_cells(&r, job->header, slot, arena) : NULL;
            slot++;
        }
    }
    job->rows[c] = slot - chunks->first_row[c];
    wn_chunk_reader__clear(&r);
}

static void
rows_clear(Rows *job)
{
    g_clear_pointer(&job->arena, g_free);
    g_clear_pointer(&job->rows, g_free);
    g_clear_pointer(&job->from, g_free);
    g_clear_pointer(&job->to, g_free);
    g_clear_pointer(&job->kind, g_free);
    g_clear_pointer(&job->weight, g_free);
}

/* Closes the gaps that comments and empty lines left between the chunks' rows.
 * Returns: the number of rows. */
static gsize
close_gaps(Rows *job)
{
    const WnChunks *chunks = job->chunks;
    wn_chunks__close_gaps(chunks, job->rows, job->from, sizeof *job->from);
    wn_chunks__close_gaps(chunks, job->rows, job->to, sizeof *job->to);
    wn_chunks__close_gaps(chunks, job->rows, job->kind, sizeof *job->kind);
    wn_chunks__close_extra_gaps(chunks, job->rows, job->header);
    return wn_chunks__close_gaps(chunks, job->rows, job->weight, sizeof *job->weight);
}

/* Reads every chunk over threads. Returns: FALSE when some row needs the sequential reader. */
static gboolean
read_rows(Rows *job, gsize *rows_out)
{
    const WnChunks *chunks = job->chunks;
    gsize slots = chunks->first_row[chunks->n];
    job->from = wn_network__alloc_large((slots + 1) * sizeof(guint32), FALSE);
    job->to = wn_network__alloc_large((slots + 1) * sizeof(guint32), FALSE);
    job->kind = wn_network__alloc_large((slots + 1) * sizeof(guint8), FALSE);
    job->weight = wn_network__alloc_large((slots + 1) * sizeof(double), FALSE);
    job->rows = g_new0(gsize, chunks->n);
    job->arena = job->header->extra_fields->len > 0 ? wn_chunks__new_arena(chunks) : NULL;
    wn_chunks__size_extra_columns(job->header, slots);
    wn_parallel__run(chunks->n, 0, read_chunk, job);
    if (job->odd) {
        return FALSE;
    }
    *rows_out = close_gaps(job);
    return TRUE;
}

/* The rows of each pair's lower end together, in file order: a counting sort. Bucket v
 * is order[start[v]] … order[start[v + 1] − 1]; conflict rows are left out. */
typedef struct {
    guint32 *start; /* n + 2 */
    guint32 *order;
} Buckets;

static void
sort_by_lower_end(const Rows *job, gsize rows, gsize n, Buckets *out)
{
    guint32 *start = wn_network__alloc_large((n + 2) * sizeof(guint32), TRUE);
    for (gsize r = 0; r < rows; r++) {
        if (job->kind[r] != WN_TIE_CONFLICT) {
            start[MIN(job->from[r], job->to[r]) + 2]++;
        }
    }
    for (gsize v = 2; v < n + 2; v++) {
        start[v] += start[v - 1];
    }
    guint32 *order = wn_network__alloc_large((start[n + 1] + 1) * sizeof(guint32), FALSE);
    for (gsize r = 0; r < rows; r++) {
        if (job->kind[r] != WN_TIE_CONFLICT) {
            order[start[MIN(job->from[r], job->to[r]) + 1]++] = (guint32) r;
        }
    }
    out->start = start;
    out->order = order;
}

typedef struct {
    Rows *rows;
    Buckets buckets;
    gsize n;
    guint64 **seen; /* per worker, per node: (lower end + 1) << 32 | first row of the pair */
    gint overflow;
    gint several; /* a pair has rows of more than one type: read sequentially */
} Merge;

/* Task: merges the pairs whose lower end is in the task's range of nodes, one bucket
 * after the other (so a node's stamp in seen names the bucket it was seen in). A bucket
 * holds its rows in file order, so each pair's weights are added in file order, as
 * merge_tie adds them: the sums are the same doubles. Only the bucket's rows are written. */
static void
merge_task(gsize t, guint worker, gpointer data)
{
    Merge *job = data;
    Rows *rows = job->rows;
    guint64 *seen = job->seen[worker];
    const guint32 *start = job->buckets.start, *order = job->buckets.order;
    for (gsize lo = job->n * t / MERGE_TASKS; lo < job->n * (t + 1) / MERGE_TASKS; lo++) {
        for (guint32 k = start[lo]; k < start[lo + 1]; k++) {
            guint32 r = order[k], hi = MAX(rows->from[r], rows->to[r]);
            if (seen[hi] >> 32 != lo + 1) {
                seen[hi] = (guint64) (lo + 1) << 32 | r;
                continue;
            }
            guint32 first = (guint32) seen[hi];
            if (rows->kind[r] != rows->kind[first]) {
                g_atomic_int_set(&job->several, 1); /* several relations: merge_tie's work */
                return;
            }
            double sum = rows->weight[first] + rows->weight[r];
            if (!isfinite(sum)) {
                g_atomic_int_set(&job->overflow, 1); /* merge_tie's error: read sequentially */
                return;
            }
            rows->weight[first] = sum;
            rows->kind[r] = MERGED_ROW;
        }
    }
}

/* Adds each later row of a pair into its first row, over threads; marks the later rows.
 * Returns: FALSE when a pair's weights overflow (the sequential reader says where) or a
 * pair holds several relations (the sequential reader keeps each one's weight). */
static gboolean
merge_pairs(Rows *rows, gsize count, gsize n)
{
    Merge job = {.rows = rows, .n = n};
    sort_by_lower_end(rows, count, n, &job.buckets);
    guint workers = wn_parallel__threads(0);
    job.seen = g_new0(guint64 *, workers);
    for (guint w = 0; w < workers; w++) {
        job.seen[w] = wn_network__alloc_large((n + 1) * sizeof(guint64), TRUE);
    }
    wn_parallel__run(MERGE_TASKS, 0, merge_task, &job);
    for (guint w = 0; w < workers; w++) {
        g_free(job.seen[w]);
    }
    g_free(job.seen);
    g_free(job.buckets.start);
    g_free(job.buckets.order);
    return !job.overflow && !job.several;
}

static void
copy_slot(Rows *job, gsize dst, gsize src)
{
    job->from[dst] = job->from[src];
    job->to[dst] = job->to[src];
    job->kind[dst] = job->kind[src];
    job->weight[dst] = job->weight[src];
    const WnLoadHeader *h = job->header;
    for (guint j = 0; j < h->extra_fields->len; j++) {
        GArray *values = g_ptr_array_index(h->extra_values, j);
        g_array_index(values, const char *, dst) = g_array_index(values, const char *, src);
    }
}

/* Numbers the ties by their first rows in file order, moving each first row down to its
 * tie's slot; conflict rows go aside as in the sequential reader. Returns: the ties. */
static gsize
number_ties(Rows *job, gsize rows, WnNetwork *net)
{
    WnPairMap conflicts = {0};
    gsize m = 0;
    for (gsize r = 0; r < rows; r++) {
        if (job->kind[r] == WN_TIE_CONFLICT) {
            wn_load__keep_conflict(net, &conflicts, job->from[r], job->to[r]);
        } else if (job->kind[r] == MERGED_ROW) {
            net->merged_rows++;
        } else {
            copy_slot(job, m++, r);
        }
    }
    wn_pair_map__clear(&conflicts);
    return m;
}

/* Hands the ties, their extra cells and the arenas holding those cells to @net. */
static void
hand_over(Rows *job, gsize rows, WnNetwork *net)
{
    gsize m = number_ties(job, rows, net);
    net->tie_rows = rows;
    net->m = m;
    net->tie_from = g_renew(guint32, g_steal_pointer(&job->from), m + 1);
    net->tie_to = g_renew(guint32, g_steal_pointer(&job->to), m + 1);
    net->tie_kind = g_renew(guint8, g_steal_pointer(&job->kind), m + 1);
    net->tie_weight = g_renew(double, g_steal_pointer(&job->weight), m + 1);
    net->tie_relations = g_new(guint16, m + 1);
    for (gsize t = 0; t < m; t++) {
        net->tie_relations[t] = (guint16) WN_RELATION(net->tie_kind[t]);
    }
    const WnLoadHeader *h = job->header;
    for (guint j = 0; j < h->extra_fields->len; j++) {
        g_array_set_size(g_ptr_array_index(h->extra_values, j), (guint) m);
    }
    if (job->arena != NULL) {
        g_ptr_array_add(net->blocks, g_steal_pointer(&job->arena));
    }
}

/**
 * wn_load__ties_fast:
 * Reads the rows of ties.csv after its header over threads, in chunks of about
 * @chunk_bytes, when the file allows (no quote, no NUL, no lone CR: wn_chunks__cut),
 * the dataset is undirected, every relation is loaded and bad rows are not to be skipped. The rows
 * are checked by the sequential reader's functions and merged by the rules of docs/FORMAT.md in
 * file order, so the network is the same, bit for bit, whatever the number of threads. Returns:
 * FALSE, with nothing changed, when the file or any row needs the sequential reader (which then
 * finds the same rows bad, and says why). Cost: O(file length + rows + nodes), over threads but for
 * the numbering of the ties.
 */
gboolean
wn_load__ties_fast(WnLoader *l, gsize chunk_bytes)
{
    WnNetwork *net = l->net;
    WnChunks chunks;
    if ((l->flags & WN_LOAD_SKIP_BAD_ROWS) != 0 || net->directed ||
        net->relations != WN_RELATIONS_ALL ||
        !wn_chunks__cut(&chunks, &l->csv, l->header.fields, chunk_bytes)) {
        return FALSE;
    }
    Rows job = {.chunks = &chunks, .header = &l->header, .index = &net->index};
    gsize rows = 0;
    gboolean ok = chunks.first_row[chunks.n] < G_MAXUINT32 && read_rows(&job, &rows) &&
                  merge_pairs(&job, rows, net->n);
    if (ok) {
        hand_over(&job, rows, net);
    }
    for (guint j = 0; !ok && j < l->header.extra_fields->len; j++) {
        g_array_set_size(g_ptr_array_index(l->header.extra_values, j), 0);
    }
    rows_clear(&job);
    wn_chunks__clear(&chunks);
    return ok;
}
