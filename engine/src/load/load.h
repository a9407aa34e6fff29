/* load/load.h: the fieldwork reader: the CSV rules, the parts the strict and fast paths share */
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

#define WN_LOAD_MAX_KNOWN 8 /* known columns of a file: WN_NODE_COLUMNS, WN_TIE_COLUMNS */

/* Where each known column is (-1 when absent), and the extra columns kept as attributes. */
typedef struct {
    gssize known[WN_LOAD_MAX_KNOWN]; /* NODE_COLUMNS or TIE_COLUMNS entries */
    GArray *extra_fields;            /* gsize: field index of each extra column */
    GPtrArray *extra_names;          /* lower-case */
    GPtrArray *extra_values;         /* of GArray (const char *), one per extra column */
    gsize fields;
} WnLoadHeader;

/*
 * A row an import made (io/import.c), checked by the same rules as a row of a file: its
 * known cells, its extra cells, and where each came from in the user's file, so that a
 * message names that place ("net.graphml:12:5: expected …") rather than a CSV's.
 */
typedef struct {
    const char *cells[WN_LOAD_MAX_KNOWN]; /* the known columns (WnNodeColumn or WnTieColumn) */
    const char *where[WN_LOAD_MAX_KNOWN]; /* where each came from; NULL: where the row is */
    const char *row_where;                /* "FILE:LINE:COLUMN", "FILE:LINE" or "FILE: nodes[3]" */
    const char *const *extra;             /* one per extra column (NULL: no value) */
} WnLoadRow;

/* Fills @row_out with the row @row of @data. */
typedef void (*WnLoadRowFunc)(gpointer data, gsize row, WnLoadRow *row_out);

typedef struct {
    WnNetwork *net;
    WnLoadFlags flags;
    WnCsv csv;
    WnLoadHeader header;
    gsize n_known;                        /* NODE_COLUMNS or TIE_COLUMNS */
    const char *cells[WN_LOAD_MAX_KNOWN]; /* the current row's known cells, trimmed ("": none) */
    const WnLoadRow *import; /* the current row when it is an import's; NULL for a CSV row */
    const struct _WnLoadSource *source; /* an import's rows, read instead of a file's */
} WnLoader;

typedef gboolean (*WnParseRowFunc)(WnLoader *l, gpointer rows, GError **error);

/* An import's rows: @n of them, each filled by @fill, and the names of the extra columns;
 * they obey the CSV rules a saved copy must (docs/FORMAT.md: no byte-order mark inside a cell,
 * the record limits), so that the dataset the import becomes loads again. */
typedef struct _WnLoadSource {
    const char *path; /* the user's file, for a message about the columns */
    gsize n;
    WnLoadRowFunc fill;
    gpointer data;
    const char *const *extra_names;
    gsize n_extra;
} WnLoadSource;

/* nodes.csv or ties.csv: the known columns (the first @n_required required; @kept_known
 * also kept as an attribute, or -1), the fast path, and how rows are checked and kept:
 * rows_new makes the columns, parse_row checks and adds a row, rows_finish moves them
 * into the network (NULL: frees them) and frees what is left. */
typedef struct {
    const char *const *names;
    gsize n_names, n_required;
    gssize kept_known;
    gboolean (*fast)(WnLoader *l, gsize chunk_bytes);
    gpointer (*rows_new)(WnLoader *l);
    WnParseRowFunc parse_row;
    void (*rows_finish)(gpointer rows, WnNetwork *net);
    gboolean ties; /* the extra columns are tie attributes, else node attributes */
} WnLoadTable;

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

/* header.c: the header line; the extra columns, kept as attributes */
char *wn_load__trim(const char *cell);
void wn_loader__clear(WnLoader *l);
gboolean wn_load__read_header(WnLoader *l, const char *const *names, gsize n_names,
                              gsize n_required, gssize kept_known, GError **error);
void wn_load__import_header(WnLoader *l, gsize n_known, const char *const *extra_names,
                            gsize n_extra);
void wn_load__move_extra_columns(WnLoader *l, GPtrArray *columns);

/* rows.c: the rows of a file or of an import, and messages naming a cell's place */
static inline const char *
wn_load__cell(const WnLoader *l, gsize column)
{
    return l->cells[column];
}
void wn_load__cell_error(const WnLoader *l, GError **error, gint code, gsize column,
                         const char *format, ...) G_GNUC_PRINTF(5, 6);
void wn_load__cell_error_got(const WnLoader *l, GError **error, gint code, gsize column,
                             const char *expected, const char *text);
char *wn_load__describe_cell(const char *text);
void wn_load__row_place(const WnLoader *l, const char **path_out, gsize *line_out);
gboolean wn_load__check_field_count(const WnLoader *l, GError **error);
void wn_load__keep_extra_cells(WnLoader *l);
gboolean wn_load__table(WnNetwork *net, const WnLoadTable *table, const char *path,
                        WnLoadFlags flags, const WnLoadSource *source, GError **error);

/* nodes.c, load-csv.c: the node rows and the tie rows (wn_load__table) */
extern const WnLoadTable wn_load__node_table;
extern const WnLoadTable wn_load__tie_table;

/* dataset-json.c: dataset.json as text in memory (wn_load__dataset_json reads the file) */
void wn_load__locate(const char *text, const char *at, gsize *line_out, gsize *column_out);
gboolean wn_load__dataset_json_text(WnNetwork *net, const char *path, const char *text,
                                    gsize length, GError **error);

/* cells.c: the checks of one cell, shared by the sequential and the parallel reader */
const char *wn_load__unescape(const char *cell);
gboolean wn_load__number(const char *text, char delimiter, double *out);
gboolean wn_load__node_kind(const char *text, guint8 *out);
gboolean wn_load__flag(const char *text, guint8 *out);
gboolean wn_load__coordinate(const char *text, char delimiter, double limit, double *out);
gboolean wn_load__tie_kind(const char *text, guint8 *out);
gboolean wn_load__weight(const char *text, char delimiter, double *out);
gboolean wn_load__support_kind(const char *text, const char **bad_out, gsize *bad_len_out);

/* confusable.c: the ids seen so far under their folded keys, for the confusable-id warning */
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

/* chunks.c: a quote-free CSV file cut into chunks at line starts, for the threads */
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

/* fast-nodes.c, fast-ties.c: the parallel fast paths, for a file without
 * quotes; FALSE: nothing was changed, read the file sequentially instead */
gboolean wn_load__nodes_fast(WnLoader *l, gsize chunk_bytes);
gboolean wn_load__ties_fast(WnLoader *l, gsize chunk_bytes);

#endif /* WN_LOAD_LOAD_H */
