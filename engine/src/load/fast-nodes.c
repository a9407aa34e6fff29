/* fast-nodes.c: nodes.csv read over threads, giving what the sequential reader gives */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

#include <math.h>
#include <string.h>

/* The checked rows of nodes.csv, in row slots (WnChunks): chunk c fills its own slots. */
typedef struct {
    const WnChunks *chunks;
    const WnLoadHeader *header;
    const char **ids, **labels, **areas;
    guint8 *kinds, *vulnerable;
    guint8 *half_position; /* lat or lon but not both: a warning */
    double *lat, *lon;
    guint32 *hash;        /* wn_id__hash of the id */
    guint32 *folded_hash; /* wn_confusable__hash of the id */
    gsize *lines;         /* where each row is */
    char *arena;          /* the cells the chunks kept (wn_chunks__new_arena) */
    gsize *rows;          /* per chunk: rows read */
    gint odd;             /* a chunk met a bad or unusual row: read sequentially */
} Nodes;

/* Checks a record as parse_node_cells does (nodes.c) but for repeated ids, which
 * need every row (index_ids), and stores it in @slot. */
static gboolean
check_row(Nodes *job, const WnChunkReader *r, gsize slot, GString *scratch)
{
    const gssize *known = job->header->known;
    char delimiter = job->chunks->delimiter;
    const char *id = wn_chunk_reader__cell(r, known[WN_NODE_COLUMN_ID]);
    guint8 kind = 0, vulnerable = 0;
    double lat = NAN, lon = NAN;
    if (*id == '\0' ||
        !wn_load__node_kind(wn_chunk_reader__cell(r, known[WN_NODE_COLUMN_TYPE]), &kind) ||
        !wn_load__flag(wn_chunk_reader__cell(r, known[WN_NODE_COLUMN_VULNERABLE]), &vulnerable) ||
        !wn_load__coordinate(wn_chunk_reader__cell(r, known[WN_NODE_COLUMN_LAT]), delimiter, 90,
                             &lat) ||
        !wn_load__coordinate(wn_chunk_reader__cell(r, known[WN_NODE_COLUMN_LON]), delimiter, 180,
                             &lon)) {
        return FALSE;
    }
    job->kinds[slot] = kind;
    job->vulnerable[slot] = vulnerable;
    job->lat[slot] = lat;
    job->lon[slot] = lon;
    job->half_position[slot] = !isnan(lat) != !isnan(lon);
    job->hash[slot] = wn_id__hash(id);
    job->folded_hash[slot] = wn_confusable__hash(id, scratch);
    job->lines[slot] = r->record_line;
    return TRUE;
}

/* Copies the kept cells of the record into @arena, as add_node and keep_extra_cells do;
 * returns the arena's new end. */
static char *
keep_cells(Nodes *job, const WnChunkReader *r, gsize slot, char *arena)
{
    const WnLoadHeader *h = job->header;
    const gssize *known = h->known;
    job->ids[slot] = wn_chunks__keep(&arena, wn_chunk_reader__cell(r, known[WN_NODE_COLUMN_ID]));
    job->labels[slot] =
        wn_chunks__keep(&arena, wn_chunk_reader__cell(r, known[WN_NODE_COLUMN_LABEL]));
    job->areas[slot] =
        wn_chunks__keep(&arena, wn_chunk_reader__cell(r, known[WN_NODE_COLUMN_AREA]));
    return wn_chunk_reader__keep_extra_cells(r, h, slot, arena);
}

/* Task: reads chunk @c into its row slots; stops at the first odd row of any chunk. */
static void
read_chunk(gsize c, guint worker, gpointer data)
{
    (void) worker;
    Nodes *job = data;
    const WnChunks *chunks = job->chunks;
    char *arena = wn_chunks__arena_of(chunks, job->arena, c);
    WnChunkReader r;
    wn_chunk_reader__init(&r, chunks, c);
    g_autoptr(GString) scratch = g_string_new(NULL);
    gsize slot = chunks->first_row[c];
    while (!g_atomic_int_get(&job->odd)) {
        WnChunkStep step = wn_chunk_reader__next(&r);
        if (step == WN_CHUNK_END) {
            break;
        }
        if (step == WN_CHUNK_ODD ||
            (step == WN_CHUNK_RECORD && !check_row(job, &r, slot, scratch))) {
            g_atomic_int_set(&job->odd, 1);
        } else if (step == WN_CHUNK_RECORD) {
            arena = keep_cells(job, &r, slot++, arena);
        }
    }
    job->rows[c] = slot - chunks->first_row[c];
    wn_chunk_reader__clear(&r);
}

static void
nodes_clear(Nodes *job)
{
    g_clear_pointer(&job->arena, g_free);
    g_clear_pointer(&job->rows, g_free);
    void **columns[] = {
        (void **) &job->ids,         (void **) &job->labels,     (void **) &job->areas,
        (void **) &job->kinds,       (void **) &job->vulnerable, (void **) &job->half_position,
        (void **) &job->lat,         (void **) &job->lon,        (void **) &job->hash,
        (void **) &job->folded_hash, (void **) &job->lines};
    for (gsize i = 0; i < G_N_ELEMENTS(columns); i++) {
        g_clear_pointer(columns[i], g_free);
    }
}

/* Closes the gaps that comments and empty lines left between the chunks' rows.
 * Returns: the number of rows. */
static gsize
close_gaps(Nodes *job)
{
    const WnChunks *chunks = job->chunks;
    const gsize *rows = job->rows;
    wn_chunks__close_gaps(chunks, rows, job->ids, sizeof *job->ids);
    wn_chunks__close_gaps(chunks, rows, job->labels, sizeof *job->labels);
    wn_chunks__close_gaps(chunks, rows, job->areas, sizeof *job->areas);
    wn_chunks__close_gaps(chunks, rows, job->kinds, sizeof *job->kinds);
    wn_chunks__close_gaps(chunks, rows, job->vulnerable, sizeof *job->vulnerable);
    wn_chunks__close_gaps(chunks, rows, job->half_position, sizeof *job->half_position);
    wn_chunks__close_gaps(chunks, rows, job->lat, sizeof *job->lat);
    wn_chunks__close_gaps(chunks, rows, job->lon, sizeof *job->lon);
    wn_chunks__close_gaps(chunks, rows, job->hash, sizeof *job->hash);
    wn_chunks__close_gaps(chunks, rows, job->folded_hash, sizeof *job->folded_hash);
    wn_chunks__close_extra_gaps(chunks, rows, job->header);
    return wn_chunks__close_gaps(chunks, rows, job->lines, sizeof *job->lines);
}

/* Reads every chunk over threads. Returns: FALSE when some row needs the sequential reader. */
static gboolean
read_rows(Nodes *job, gsize *rows_out)
{
    const WnChunks *chunks = job->chunks;
    gsize slots = chunks->first_row[chunks->n] + 1;
    job->ids = wn_network__alloc_large(slots * sizeof(const char *), FALSE);
    job->labels = wn_network__alloc_large(slots * sizeof(const char *), FALSE);
    job->areas = wn_network__alloc_large(slots * sizeof(const char *), FALSE);
    job->kinds = wn_network__alloc_large(slots * sizeof(guint8), FALSE);
    job->vulnerable = wn_network__alloc_large(slots * sizeof(guint8), FALSE);
    job->half_position = wn_network__alloc_large(slots * sizeof(guint8), FALSE);
    job->lat = wn_network__alloc_large(slots * sizeof(double), FALSE);
    job->lon = wn_network__alloc_large(slots * sizeof(double), FALSE);
    job->hash = wn_network__alloc_large(slots * sizeof(guint32), FALSE);
    job->folded_hash = wn_network__alloc_large(slots * sizeof(guint32), FALSE);
    job->lines = wn_network__alloc_large(slots * sizeof(gsize), FALSE);
    job->rows = g_new0(gsize, chunks->n);
    job->arena = wn_chunks__new_arena(chunks);
    wn_chunks__size_extra_columns(job->header, slots);
    wn_parallel__run(chunks->n, 0, read_chunk, job);
    if (job->odd) {
        return FALSE;
    }
    *rows_out = close_gaps(job);
    return TRUE;
}

/* Files every id in the network's index, in file order. Returns: FALSE, with the index
 * emptied again, when an id repeats (the sequential reader says where). */
static gboolean
index_ids(const Nodes *job, gsize rows, WnIdIndex *index)
{
    wn_id_index__reserve(index, rows);
    for (gsize r = 0; r < rows; r++) {
        if (!wn_id_index__add(index, job->ids[r], job->hash[r], (guint32) r)) {
            wn_id_index__clear(index);
            return FALSE;
        }
    }
    return TRUE;
}

/* The warnings of the sequential reader, in its order: per row, a half position, then
 * an id confusable with an earlier one. */
static void
add_warnings(const Nodes *job, gsize rows, WnNetwork *net, const char *path)
{
    WnConfusable folded;
    wn_confusable__init(&folded, rows);
    for (gsize r = 0; r < rows; r++) {
        if (job->half_position[r]) {
            wn_load__warn_half_position(net, path, job->lines[r], job->ids[r]);
        }
        const char *earlier = wn_confusable__check(&folded, job->ids, r, job->folded_hash[r]);
        if (earlier != NULL) {
            wn_load__warn_confusable(net, path, job->lines[r], job->ids[r], earlier);
        }
    }
    wn_confusable__clear(&folded);
}

/* Hands the node columns, their extra cells and the arenas holding the cells to @net. */
static void
hand_over(Nodes *job, gsize rows, WnNetwork *net)
{
    net->n = rows;
    net->ids = g_renew(const char *, g_steal_pointer(&job->ids), rows + 1);
    net->labels = g_renew(const char *, g_steal_pointer(&job->labels), rows + 1);
    net->areas = g_renew(const char *, g_steal_pointer(&job->areas), rows + 1);
    net->kinds = g_renew(guint8, g_steal_pointer(&job->kinds), rows + 1);
    net->vulnerable = g_renew(guint8, g_steal_pointer(&job->vulnerable), rows + 1);
    net->lat = g_renew(double, g_steal_pointer(&job->lat), rows + 1);
    net->lon = g_renew(double, g_steal_pointer(&job->lon), rows + 1);
    const WnLoadHeader *h = job->header;
    for (guint j = 0; j < h->extra_fields->len; j++) {
        g_array_set_size(g_ptr_array_index(h->extra_values, j), (guint) rows);
    }
    g_ptr_array_add(net->blocks, g_steal_pointer(&job->arena));
}

/**
 * wn_load__nodes_fast:
 * Reads the rows of nodes.csv after its header over threads, in chunks of about
 * @chunk_bytes, when the file allows (no quote, no NUL, no lone CR: wn_chunks__cut) and
 * bad rows are not to be skipped. The rows are checked by the sequential reader's
 * functions; the ids are then indexed and the warnings given in file order, so the
 * network is the same whatever the number of threads.
 * Returns: FALSE, with nothing changed, when the file or any row needs the sequential
 * reader (which then finds the same rows bad, and says why).
 * Cost: O(file length + rows), over threads but for indexing the ids.
 */
gboolean
wn_load__nodes_fast(WnLoader *l, gsize chunk_bytes)
{
    WnNetwork *net = l->net;
    WnChunks chunks;
    if ((l->flags & WN_LOAD_SKIP_BAD_ROWS) != 0 ||
        !wn_chunks__cut(&chunks, &l->csv, l->header.fields, chunk_bytes)) {
        return FALSE;
    }
    Nodes job = {.chunks = &chunks, .header = &l->header};
    gsize rows = 0;
    gboolean ok = chunks.first_row[chunks.n] <= WN_MAX_NODES && read_rows(&job, &rows) &&
                  index_ids(&job, rows, &net->index);
    if (ok) {
        add_warnings(&job, rows, net, l->csv.path);
        hand_over(&job, rows, net);
    }
    for (guint j = 0; !ok && j < l->header.extra_fields->len; j++) {
        g_array_set_size(g_ptr_array_index(l->header.extra_values, j), 0);
    }
    nodes_clear(&job);
    wn_chunks__clear(&chunks);
    return ok;
}
