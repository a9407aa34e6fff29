/* load/load.h: the fieldwork reader: the CSV rules, and the parts the strict and fast paths share */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_LOAD_LOAD_H
#define WN_LOAD_LOAD_H

#include "core/core.h"

/* Limits, so that a damaged file ends in a clear message rather than out of memory. */
#define WN_CSV_MAX_RECORD_BYTES (1u << 20) /* 1 MiB */
#define WN_CSV_MAX_FIELDS 1024

/*
 * The cells of the current record are stored one after another in `cells`, each
 * ended by a NUL; `starts` holds their offsets and `lines` the line each begins on.
 * Nothing is allocated per cell: the buffers are reused from record to record.
 */
typedef struct {
    const char *path; /* as shown in messages */
    GMappedFile *file;
    const char *data;
    gsize len, pos;
    gsize line; /* line number at pos, from 1 */
    char delimiter;
    GString *cells;
    GArray *starts; /* guint32 */
    GArray *lines;  /* gsize */
    gsize record_line;
    gboolean can_skip; /* the last error spoiled its line only: wn_csv__skip_line resumes */
} WnCsv;

gboolean wn_csv__open(WnCsv *csv, const char *path, GError **error);
void wn_csv__clear(WnCsv *csv);
gboolean wn_csv__next(WnCsv *csv, gboolean *done_out, GError **error);
void wn_csv__skip_line(WnCsv *csv);
gboolean wn_csv__check_utf8(const WnCsv *csv, GError **error);
gsize wn_csv__estimate_records(const WnCsv *csv);
gsize wn_csv__field_count(const WnCsv *csv);
const char *wn_csv__field(const WnCsv *csv, gsize field);
gsize wn_csv__field_line(const WnCsv *csv, gsize field);
void wn_csv__set_error(const WnCsv *csv, GError **error, gint code, gsize line, gsize column,
                       const char *format, ...) G_GNUC_PRINTF(6, 7);

#define WN_MAX_NODES ((gsize) G_MAXINT32)

/* Where each known column is (-1 when absent), and the extra columns kept as attributes. */
typedef struct {
    gssize known[8];         /* NODE_COLUMNS or TIE_COLUMNS entries */
    GArray *extra_fields;    /* gsize: field index of each extra column */
    GPtrArray *extra_names;  /* lower-case */
    GPtrArray *extra_values; /* of GArray (const char *), one per extra column */
    gsize fields;
} WnLoadHeader;

typedef struct {
    WnNetwork *net;
    WnLoadFlags flags;
    WnCsv csv;
    WnLoadHeader header;
} WnLoader;

typedef enum {
    WN_NODE_COLUMN_ID,
    WN_NODE_COLUMN_TYPE,
    WN_NODE_COLUMN_LABEL,
    WN_NODE_COLUMN_AREA,
    WN_NODE_COLUMN_LAT,
    WN_NODE_COLUMN_LON,
    WN_NODE_COLUMN_VULNERABLE,
    WN_NODE_COLUMNS
} WnNodeColumn;

typedef enum {
    WN_TIE_COLUMN_SOURCE,
    WN_TIE_COLUMN_TARGET,
    WN_TIE_COLUMN_TYPE,
    WN_TIE_COLUMN_WEIGHT,
    WN_TIE_COLUMN_SUPPORT_KIND,
    WN_TIE_COLUMNS
} WnTieColumn;

/* load-csv.c: the checks of one cell, shared by the sequential and the parallel reader */
gboolean wn_load__number(const char *text, char delimiter, double *out);
gboolean wn_load__node_kind(const char *text, guint8 *out);
gboolean wn_load__flag(const char *text, guint8 *out);
gboolean wn_load__coordinate(const char *text, char delimiter, double limit, double *out);
gboolean wn_load__tie_kind(const char *text, guint8 *out);
gboolean wn_load__weight(const char *text, char delimiter, double *out);
gboolean wn_load__support_kind(const char *text, const char **bad_out, gsize *bad_len_out);

/* load-csv.c: the ids seen so far under their folded keys, for the confusable-id warning */
typedef struct {
    guint32 hash;
    guint32 first; /* the first node filed under the key, plus one; 0: an empty slot */
} WnFoldSlot;

typedef struct {
    GString *scratch, *other;
    WnFoldSlot *slots;
    gsize capacity, used;
} WnConfusable;

void wn_confusable__init(WnConfusable *c, gsize ids);
void wn_confusable__clear(WnConfusable *c);
guint32 wn_confusable__hash(const char *id, GString *scratch);
const char *wn_confusable__check(WnConfusable *c, const char *const *ids, gsize node, guint32 hash);
void wn_load__warn_confusable(WnNetwork *net, const char *path, gsize line, const char *id,
                              const char *earlier);
void wn_load__warn_half_position(WnNetwork *net, const char *path, gsize line, const char *id);

/* load-csv.c: merging ties by node pair, in a WnPairMap (util/util.h) */
void wn_load__keep_conflict(WnNetwork *net, WnPairMap *conflicts, guint32 a, guint32 b);

/* load-chunks.c: a quote-free CSV file cut into chunks at line starts, for the threads */
typedef struct {
    const char *data;
    gsize n;           /* chunks */
    gsize *begin;      /* n + 1 byte offsets: chunk c is begin[c] … begin[c + 1] − 1 */
    gsize *first_line; /* the line number of each chunk's first line */
    gsize *first_row;  /* n + 1: a chunk has room for first_row[c + 1] − first_row[c] rows */
    char delimiter;
    gsize fields; /* the header's */
} WnChunks;

/* Reads one chunk; the cells of the current record are trimmed and ended by NULs in buf. */
typedef struct {
    const WnChunks *chunks;
    gsize pos, end;    /* in the file */
    gsize line;        /* the line number at pos */
    gsize record_line; /* where the current record is */
    char *buf;
    const char **cells; /* the header's field count of them */
    gsize fields;       /* in the current record */
} WnChunkReader;

typedef enum {
    WN_CHUNK_RECORD, /* a record, in the WnChunkReader */
    WN_CHUNK_SKIP,   /* a comment, an empty line or a blank record */
    WN_CHUNK_END,    /* the end of the chunk */
    WN_CHUNK_ODD     /* something the fast path leaves to the sequential reader */
} WnChunkStep;

gboolean wn_chunks__cut(WnChunks *chunks, const WnCsv *csv, gsize fields, gsize chunk_bytes);
void wn_chunks__clear(WnChunks *chunks);
gsize wn_chunks__default_bytes(gsize len);
gsize wn_chunks__close_gaps(const WnChunks *chunks, const gsize *rows, void *column, gsize size);
void wn_chunks__close_extra_gaps(const WnChunks *chunks, const gsize *rows,
                                 const WnLoadHeader *header);
char *wn_chunks__new_arena(const WnChunks *chunks);
char *wn_chunks__arena_of(const WnChunks *chunks, char *arena, gsize c);
void wn_chunks__size_extra_columns(const WnLoadHeader *header, gsize slots);
const char *wn_chunks__keep(char **arena, const char *text);
char *wn_chunk_reader__keep_extra_cells(const WnChunkReader *r, const WnLoadHeader *header,
                                        gsize slot, char *arena);
void wn_chunk_reader__init(WnChunkReader *r, const WnChunks *chunks, gsize c);
void wn_chunk_reader__clear(WnChunkReader *r);
WnChunkStep wn_chunk_reader__next(WnChunkReader *r);
const char *wn_chunk_reader__cell(const WnChunkReader *r, gssize field);

/* load-fast-nodes.c, load-fast-ties.c: the parallel fast paths, for a file without
 * quotes; FALSE: nothing was changed, read the file sequentially instead */
gboolean wn_load__nodes_fast(WnLoader *l, gsize chunk_bytes);
gboolean wn_load__ties_fast(WnLoader *l, gsize chunk_bytes);

#endif /* WN_LOAD_LOAD_H */
