/* local-bridges.c: ties whose ends share no contact, and the span once the tie is gone */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"

#include <string.h>

static gboolean
is_bridge(const GArray *bridges, guint32 u, guint32 v)
{
    guint64 key = (guint64) MIN(u, v) << 32 | MAX(u, v);
    gsize lo = 0, hi = bridges->len;
    while (lo < hi) {
        gsize mid = (lo + hi) / 2;
        guint64 at = g_array_index(bridges, guint64, mid);
        if (at == key) {
            return TRUE;
        }
        at < key ? (lo = mid + 1) : (hi = mid);
    }
    return FALSE;
}

/* What a tie is to wn_cuts_local_bridges, kept at its arc u → v with u < v. */
typedef enum {
    TIE_CLOSED,  /* its ends share a contact (or the arc is v → u): no local bridge */
    TIE_BRIDGE,  /* a local bridge that is also a bridge: no span */
    TIE_SPANNED, /* a local bridge with a span to search */
} TieRole;

#define NODES_PER_TASK 1024
/* Spans per task: a span's search costs from a few ties to the whole graph, so tasks stay
 * small for the threads to share the work evenly. */
#define TIES_PER_TASK 16

typedef struct {
    const WnCsr *csr;
    const GArray *bridges;
    guint8 *role;       /* TieRole per arc of the snapshot */
    guint64 **contacts; /* per worker, a bit per node: the contacts of the node at hand */
} RoleJob;

/* Does a contact of @v have its bit in @contacts? */
static gboolean
knows_one_of(const WnCsr *csr, const guint64 *contacts, guint32 v)
{
    guint64 met = 0;
    for (gsize k = csr->start[v]; k < csr->start[v + 1]; k++) {
        met |= contacts[csr->adj[k] >> 6] & (G_GUINT64_CONSTANT(1) << (csr->adj[k] & 63));
    }
    return met != 0;
}

/* The roles of the arcs of @u: with u's contacts marked, each v > u is looked up once. */
static void
classify_row(const RoleJob *job, guint64 *contacts, guint32 u)
{
    const WnCsr *csr = job->csr;
    for (gsize k = csr->start[u]; k < csr->start[u + 1]; k++) {
        contacts[csr->adj[k] >> 6] |= G_GUINT64_CONSTANT(1) << (csr->adj[k] & 63);
    }
    for (gsize k = csr->start[u]; k < csr->start[u + 1]; k++) {
        guint32 v = csr->adj[k];
        job->role[k] = v < u || knows_one_of(csr, contacts, v) ? TIE_CLOSED
                       : is_bridge(job->bridges, u, v)         ? TIE_BRIDGE
                                                               : TIE_SPANNED;
    }
    for (gsize k = csr->start[u]; k < csr->start[u + 1]; k++) {
        contacts[csr->adj[k] >> 6] = 0;
    }
}

static void
role_range(gsize first, gsize last, guint worker, gpointer data)
{
    const RoleJob *job = data;
    if (job->contacts[worker] == NULL) {
        job->contacts[worker] = g_new0(guint64, job->csr->n / 64 + 1);
    }
    for (gsize u = first; u < last; u++) {
        classify_row(job, job->contacts[worker], (guint32) u);
    }
}

/* The TieRole of every arc of the snapshot, over one thread per processor.
 * Cost: O(Σ_{u–v, u < v} (deg u + deg v) + l·log b) for l local bridges and b bridges. */
static guint8 *
arc_roles(const WnCsr *csr, const GArray *bridges)
{
    guint workers = wn_parallel__threads(0);
    g_autofree guint64 **contacts = g_new0(guint64 *, workers);
    guint8 *role = g_new(guint8, 2 * csr->m + 1);
    RoleJob job = {csr, bridges, role, contacts};
    wn_parallel__run_ranges(0, csr->n, NODES_PER_TASK, 0, role_range, &job);
    for (guint w = 0; w < workers; w++) {
        g_free(contacts[w]);
    }
    return role;
}

/* One side of a bidirectional search: a bit per node reached, and the nodes reached in
 * order, the current level (@depth steps from the side's end) being queue[level … tail − 1]. */
typedef struct {
    guint64 *seen;
    guint32 *queue;
    gsize level, tail, depth;
} Side;

/* The local bridges' spans, searched over threads; each worker has its own scratch. */
typedef struct {
    const WnCsr *csr;
    const guint32 *ends; /* u, v of each local bridge that is not a bridge */
    gint64 *span;
    Side *sides; /* two per worker, no bit set between two searches */
} SpanJob;

static inline gboolean
has_seen(const guint64 *seen, guint32 v)
{
    return (seen[v >> 6] >> (v & 63)) & 1;
}

static void
side_start(Side *side, guint32 end)
{
    side->queue[0] = end;
    side->seen[end >> 6] |= G_GUINT64_CONSTANT(1) << (end & 63);
    side->level = side->depth = 0;
    side->tail = 1;
}

/* Expands the first level of @me, its end alone, without the tie to @other's end; returns
 * 1 + @other's depth when another arc reaches @other's side, else −1. */
static gint64
expand_end(const WnCsr *csr, Side *me, const Side *other)
{
    guint32 x = me->queue[0], skip = other->queue[0];
    for (gsize k = csr->start[x]; k < csr->start[x + 1]; k++) {
        guint32 y = csr->adj[k];
        if (y == skip) {
            continue;
        }
        if (has_seen(other->seen, y)) {
            return (gint64) other->depth + 1;
        }
        if (!has_seen(me->seen, y)) {
            me->seen[y >> 6] |= G_GUINT64_CONSTANT(1) << (y & 63);
            me->queue[me->tail++] = y;
        }
    }
    me->level = 1;
    me->depth = 1;
    return -1;
}

/* Asks for the row starts of queue[from … to − 1], and with @rows for their rows (whose
 * starts must have been asked for first): a level's rows lie all over memory, and waiting
 * for each in turn would take most of the search. Always inlined: GCC drops the prefetches
 * of a helper it finds pure. */
G_ALWAYS_INLINE static inline void
prefetch(const WnCsr *csr, const guint32 *queue, gsize from, gsize to, gboolean rows)
{
    for (gsize i = from; i < to; i++) {
        __builtin_prefetch(rows ? (const void *) &csr->adj[csr->start[queue[i]]]
                                : (const void *) &csr->start[queue[i]]);
    }
}

/* Expands a later level of @me (no end in it, so every arc counts); returns the length of
 * the path through an arc from that level to a node @other has reached, or −1 when there is
 * none. Rows are fetched 8 nodes ahead, their starts 16 ahead. Inside a row nothing
 * branches: every neighbour is written to the queue and kept only when new, and meeting
 * the other side is looked at once the row is done. */
static gint64
expand(const WnCsr *csr, Side *me, const Side *other)
{
    const gsize *start = csr->start;
    const guint32 *adj = csr->adj;
    const guint64 *theirs = other->seen;
    guint64 *seen = me->seen;
    guint32 *queue = me->queue;
    gsize end = me->tail, tail = me->tail;
    prefetch(csr, queue, me->level, MIN(end, me->level + 16), FALSE);
    prefetch(csr, queue, me->level, MIN(end, me->level + 8), TRUE);
    for (gsize i = me->level; i < end; i++) {
        prefetch(csr, queue, i + 16, MIN(end, i + 17), FALSE);
        prefetch(csr, queue, i + 8, MIN(end, i + 9), TRUE);
        guint64 met = 0;
        for (gsize k = start[queue[i]], stop = start[queue[i] + 1]; k < stop; k++) {
            guint32 y = adj[k];
            guint64 bit = G_GUINT64_CONSTANT(1) << (y & 63), word = seen[y >> 6];
            met |= theirs[y >> 6] & bit;
            queue[tail] = y;
            tail += (word & bit) == 0;
            seen[y >> 6] = word | bit;
        }
        if (met != 0) {
            me->tail = tail;
            return (gint64) (me->depth + 1 + other->depth);
        }
    }
    me->tail = tail;
    me->level = end;
    me->depth++;
    return -1;
}

static void
side_reset(Side *side)
{
    for (gsize i = 0; i < side->tail; i++) {
        side->seen[side->queue[i] >> 6] = 0; /* every bit set is a queued node's */
    }
}

/* The fewest steps from @u to @v without the tie u–v: breadth-first from both ends, a
 * level at a time on the side whose level is smaller, until they meet (Pohl 1971); −1 when
 * they do not. Only the two current levels can be joined by an arc not yet looked at: every
 * arc from an earlier level of a side was followed when that level was expanded, and would
 * have met the other side or brought its far end into this side. So with u searched to
 * depth a and v to depth b, no path is as short as a + b, and the first arc found from u's
 * level a to v's side closes a shortest path of length a + 1 + b: distances need not be
 * kept, a bit per node reached is enough. Reached nodes are reset.
 * Cost: O(Σ deg) over the levels expanded, at worst O(n + m). */
static gint64
span_without_tie(const WnCsr *csr, guint32 u, guint32 v, Side *side)
{
    Side *a = &side[0], *b = &side[1];
    side_start(a, u);
    side_start(b, v);
    gint64 found = -1;
    while (found < 0 && a->level < a->tail && b->level < b->tail) {
        Side *me = a->tail - a->level <= b->tail - b->level ? a : b, *other = me == a ? b : a;
        found = me->level == 0 ? expand_end(csr, me, other) : expand(csr, me, other);
    }
    side_reset(a);
    side_reset(b);
    return found;
}

/* The spans of ties @first … @last − 1, in one worker's scratch. */
static void
span_task(gsize first, gsize last, guint worker, gpointer data)
{
    const SpanJob *job = data;
    gsize n = job->csr->n;
    Side *side = &job->sides[2 * worker];
    for (gsize j = 0; j < 2 && side[j].seen == NULL; j++) {
        side[j].seen = g_new0(guint64, n / 64 + 1);
        side[j].queue = g_new(guint32, n + 1);
    }
    for (gsize i = first; i < last; i++) {
        job->span[i] = span_without_tie(job->csr, job->ends[2 * i], job->ends[2 * i + 1], side);
    }
}

/* Spans of the @count ties in @ends (none a bridge), over one thread per processor, and
 * among MPI ranks by ranges of ties (wn_ranks__run_nodes): each span is its tie's alone.
 * Cost: per tie, span_without_tie; 2 bits and 8 bytes per node per thread of scratch. */
static gint64 *
spans_of(const WnCsr *csr, const guint32 *ends, gsize count)
{
    guint workers = wn_parallel__threads(0);
    g_autofree Side *sides = g_new0(Side, 2 * workers);
    gint64 *span = g_new(gint64, count + 1);
    SpanJob job = {csr, ends, span, sides};
    const WnNodeArray arrays[] = {{span, sizeof(gint64)}, {NULL, 0}};
    wn_ranks__run_nodes("local_bridges", "ties", count, TIES_PER_TASK, 0, span_task, &job, arrays);
    for (guint i = 0; i < 2 * workers; i++) {
        g_free(sides[i].seen);
        g_free(sides[i].queue);
    }
    return span;
}

/* Merges the sorted runs from[lo … mid − 1] and from[mid … hi − 1] into to[lo … hi − 1]. */
static void
merge_runs(const WnNetwork *net, const guint32 *from, guint32 *to, gsize lo, gsize mid, gsize hi)
{
    gsize i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        to[k++] = strcmp(net->ids[from[j]], net->ids[from[i]]) < 0 ? from[j++] : from[i++];
    }
    memcpy(to + k, from + i, (mid - i) * sizeof *to);
    memcpy(to + k + (mid - i), from + j, (hi - j) * sizeof *to);
}

/* The nodes in string order of their ids, by merging the ascending runs of node order
 * pairwise (nodes.csv tends to list ids in a few sorted blocks, so few passes are needed).
 * Cost: O(n log r) comparisons for r runs. */
static guint32 *
nodes_by_id(const WnNetwork *net)
{
    g_autofree guint32 *spare = g_new(guint32, net->n + 1);
    guint32 *order = g_new(guint32, net->n + 1), *from = order, *to = spare;
    g_autoptr(GArray) runs = g_array_new(FALSE, FALSE, sizeof(gsize)); /* run starts, then n */
    for (gsize v = 0; v < net->n; v++) {
        order[v] = (guint32) v;
        if (v == 0 || strcmp(net->ids[v - 1], net->ids[v]) > 0) {
            g_array_append_val(runs, v);
        }
    }
    g_array_append_val(runs, net->n);
    while (runs->len > 2) {
        guint kept = 0;
        for (guint r = 0; r + 1 < runs->len; r += 2) {
            gsize lo = g_array_index(runs, gsize, r), mid = g_array_index(runs, gsize, r + 1);
            gsize hi = r + 2 < runs->len ? g_array_index(runs, gsize, r + 2) : mid;
            merge_runs(net, from, to, lo, mid, hi);
            g_array_index(runs, gsize, kept++) = lo;
        }
        g_array_index(runs, gsize, kept++) = net->n;
        g_array_set_size(runs, kept);
        guint32 *swap = from;
        from = to;
        to = swap;
    }
    if (from != order) {
        memcpy(order, from, net->n * sizeof *order);
    }
    return order;
}

/* A row of local_bridges.csv: key = rank(source)·n + rank(target), ranks in string order. */
typedef struct {
    guint64 key;
    gint64 span; /* −1: missing */
} Row;

/* Sorts @rows by key, 16 bits a pass from the lowest (LSD radix sort, stable).
 * Cost: O(@count) per pass, one pass per 16 bits of @max_key. */
static void
sort_rows(Row *rows, gsize count, guint64 max_key)
{
    g_autofree Row *spare = g_new(Row, count + 1);
    g_autofree gsize *at = g_new(gsize, 65536 + 1);
    Row *from = rows, *to = spare;
    for (guint shift = 0; shift < 64 && (max_key >> shift) != 0; shift += 16) {
        memset(at, 0, (65536 + 1) * sizeof *at);
        for (gsize i = 0; i < count; i++) {
            at[((from[i].key >> shift) & 0xffff) + 1]++;
        }
        for (gsize d = 0; d < 65536; d++) {
            at[d + 1] += at[d];
        }
        for (gsize i = 0; i < count; i++) {
            to[at[(from[i].key >> shift) & 0xffff]++] = from[i];
        }
        Row *swap = from;
        from = to;
        to = swap;
    }
    if (from != rows) {
        memcpy(rows, from, count * sizeof *rows);
    }
}

/* The rows of local_bridges.csv (keys by @rank) from @roles, each arc TIE_SPANNED taking the
 * next span, sorted. */
static Row *
local_bridge_rows(const WnNetwork *net, const WnCsr *csr, const guint8 *roles, const gint64 *spans,
                  const guint32 *rank, gsize rows)
{
    Row *row = g_new(Row, rows + 1);
    for (gsize u = 0, i = 0, next = 0; u < net->n; u++) {
        for (gsize k = csr->start[u]; k < csr->start[u + 1]; k++) {
            if (roles[k] != TIE_CLOSED) {
                guint64 a = rank[u], b = rank[csr->adj[k]];
                row[i++] = (Row){MIN(a, b) * net->n + MAX(a, b),
                                 roles[k] == TIE_SPANNED ? spans[next++] : -1};
            }
        }
    }
    sort_rows(row, rows, (guint64) net->n * net->n);
    return row;
}

/* The table of the local bridges in @roles, each arc TIE_SPANNED taking the next span. */
static WnTable *
local_bridges_table(const WnNetwork *net, const WnCsr *csr, const guint8 *roles,
                    const gint64 *spans, gsize rows)
{
    g_autofree guint32 *order = nodes_by_id(net);
    g_autofree guint32 *rank = g_new(guint32, net->n + 1);
    for (gsize r = 0; r < net->n; r++) {
        rank[order[r]] = (guint32) r;
    }
    g_autofree Row *row = local_bridge_rows(net, csr, roles, spans, rank, rows);
    g_autofree const char **sources = g_new0(const char *, rows + 1);
    g_autofree const char **targets = g_new0(const char *, rows + 1);
    g_autofree gint64 *span = g_new0(gint64, rows + 1);
    g_autofree gboolean *missing = g_new0(gboolean, rows + 1);
    for (gsize i = 0; i < rows; i++) {
        sources[i] = net->ids[order[row[i].key / net->n]];
        targets[i] = net->ids[order[row[i].key % net->n]];
        span[i] = row[i].span;
        missing[i] = row[i].span < 0;
    }
    WnTable *table = wn_table__new(rows);
    wn_table__add_strings(table, "source", sources);
    wn_table__add_strings(table, "target", targets);
    wn_table__add_ints(table, "span", span, missing);
    return table;
}

/**
 * wn_cuts_local_bridges:
 * The local bridges (Granovetter 1973; Easley & Kleinberg 2010, ch. 3): ties whose two
 * ends have no contact in common, as NetworkX's local_bridges(G, with_span=True), over
 * all ties of the undirected network, unweighted. The span is the number of steps
 * between the ends once the tie is gone (at least 3); it is missing when no other path
 * joins them, that is when the tie is also a bridge (found by wn_cuts__search, without
 * a search). The spans are searched from both ends at once, over one thread per
 * processor on a CSR snapshot.
 * Returns: (transfer full): a table with `source`, `target` (ids, source < target in
 * string order) and `span`, rows sorted by source then target; NULL on error.
 * Cost: O(n + m) for the snapshot and the bridges, O(Σ_ties (degree(u) + degree(v)))
 * for the test, O(n log r) to order the r sorted runs of ids and O(l) to sort the l
 * rows, plus per local bridge that is no bridge a bidirectional search of the balls
 * around its ends up to where they meet (O(n + m) at worst).
 */
WnTable *
wn_cuts_local_bridges(const WnNetwork *net, GError **error)
{
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    const WnCsr *csr = wn_csr__shared(net);
    g_autofree guint8 *articulation = g_new0(guint8, net->n + 1);
    g_autoptr(GArray) bridges = g_array_new(FALSE, FALSE, sizeof(guint64));
    wn_cuts__search(csr, articulation, bridges);
    g_autofree guint8 *roles = arc_roles(csr, bridges);
    g_autoptr(GArray) searched = g_array_new(FALSE, FALSE, sizeof(guint32));
    gsize rows = 0;
    for (guint32 u = 0; u < net->n; u++) {
        for (gsize k = csr->start[u]; k < csr->start[u + 1]; k++) {
            guint32 ends[2] = {u, csr->adj[k]};
            rows += roles[k] != TIE_CLOSED;
            if (roles[k] == TIE_SPANNED) {
                g_array_append_vals(searched, ends, 2);
            }
        }
    }
    g_autofree gint64 *spans = spans_of(csr, (const guint32 *) searched->data, searched->len / 2);
    return local_bridges_table(net, csr, roles, spans, rows);
}
