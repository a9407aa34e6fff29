/* chunks.c: a CSV file without quotes, cut at line starts so that threads read it */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

#include <string.h>

#define WN_CHUNK_MIN_BYTES (64u << 10)
#define WN_CHUNK_COUNT 64               /* for a large file: 32 per thread on 2 cores */
#define WN_CHUNK_LINE_BYTES (64u << 10) /* a longer line is left to the sequential reader */

/**
 * wn_chunks__default_bytes:
 * Returns: the chunk size for a file of @len bytes: WN_CHUNK_COUNT chunks, none smaller
 * than 64 KiB, so that small files are one chunk.
 */
gsize
wn_chunks__default_bytes(gsize len)
{
    return MAX(WN_CHUNK_MIN_BYTES, len / WN_CHUNK_COUNT + 1);
}

/* TRUE when the file from @pos on can be read without the RFC 4180 machinery: no quote
 * (so no field spans lines), no NUL byte, and every CR part of a CRLF. */
static gboolean
is_plain(const char *data, gsize pos, gsize len)
{
    if (memchr(data + pos, '"', len - pos) != NULL || memchr(data + pos, '\0', len - pos) != NULL) {
        return FALSE;
    }
    for (const char *cr = memchr(data + pos, '\r', len - pos); cr != NULL;
         cr = memchr(cr + 1, '\r', (gsize) (data + len - cr - 1))) {
        if (cr + 1 == data + len || cr[1] != '\n') {
            return FALSE;
        }
    }
    return TRUE;
}

/* The first line start at or after @at (the end of the file when there is none). */
static gsize
line_start_from(const char *data, gsize at, gsize len)
{
    if (at >= len || data[at - 1] == '\n') {
        return MIN(at, len);
    }
    const char *eol = memchr(data + at, '\n', len - at);
    return eol != NULL ? (gsize) (eol - data) + 1 : len;
}

typedef struct {
    const WnChunks *chunks;
    gsize *rows; /* room for rows: lines, counting a last one without a line end */
} Count;

static void
count_task(gsize c, guint worker, gpointer data)
{
    (void) worker;
    Count *job = data;
    const char *d = job->chunks->data;
    gsize pos = job->chunks->begin[c], end = job->chunks->begin[c + 1], lines = 0;
    for (const char *eol = memchr(d + pos, '\n', end - pos); eol != NULL;
         eol = memchr(eol + 1, '\n', (gsize) (d + end - eol - 1))) {
        lines++;
    }
    job->rows[c] = lines + (end > pos && d[end - 1] != '\n');
}

/* Numbers each chunk's first line and first row slot from the counts of lines. */
static void
number_chunks(WnChunks *chunks, gsize first_line)
{
    Count job = {chunks, g_new0(gsize, chunks->n)};
    wn_parallel__run(chunks->n, 0, count_task, &job);
    chunks->first_line = g_new(gsize, chunks->n);
    chunks->first_row = g_new(gsize, chunks->n + 1);
    chunks->first_row[0] = 0;
    for (gsize c = 0; c < chunks->n; c++) {
        chunks->first_line[c] = first_line;
        first_line += job.rows[c]; /* a last line without a line end ends the file */
        chunks->first_row[c + 1] = chunks->first_row[c] + job.rows[c];
    }
    g_free(job.rows);
}

/**
 * wn_chunks__cut:
 * Cuts the rest of @csv (after its header) into chunks of about @chunk_bytes, each
 * starting at a line start, and counts their lines, when the rest has no quote, no NUL
 * byte and no CR other than in CRLF: then each line is one record, and threads may read
 * the chunks with wn_chunk_reader__next. @fields is the header's field count.
 * Returns: FALSE (and nothing to clear) when the file needs the sequential reader.
 * Cost: O(length of the file), the counting over threads.
 */
gboolean
wn_chunks__cut(WnChunks *chunks, const WnCsv *csv, gsize fields, gsize chunk_bytes)
{
    memset(chunks, 0, sizeof *chunks);
    if (!is_plain(csv->data, csv->pos, csv->len)) {
        return FALSE;
    }
    chunks->data = csv->data;
    chunks->delimiter = csv->delimiter;
    chunks->fields = fields;
    chunks->n = MAX(1, (csv->len - csv->pos + chunk_bytes - 1) / chunk_bytes);
    chunks->begin = g_new(gsize, chunks->n + 1);
    chunks->begin[0] = csv->pos;
    for (gsize c = 1; c < chunks->n; c++) {
        gsize at = line_start_from(csv->data, csv->pos + c * chunk_bytes, csv->len);
        chunks->begin[c] = MAX(at, chunks->begin[c - 1]);
    }
    chunks->begin[chunks->n] = csv->len;
    number_chunks(chunks, csv->line);
    return TRUE;
}

void
wn_chunks__clear(WnChunks *chunks)
{
    g_clear_pointer(&chunks->begin, g_free);
    g_clear_pointer(&chunks->first_line, g_free);
    g_clear_pointer(&chunks->first_row, g_free);
}

/**
 * wn_chunks__close_gaps:
 * Chunk c filled @rows[c] of its row slots in @column (an array of @size-byte
 * elements); comments and empty lines left the others empty. Moves the rows down, in
 * order, so that they follow one another.
 * Returns: the number of rows.
 * Cost: O(rows) when there are gaps, O(chunks) when there are none.
 */
gsize
wn_chunks__close_gaps(const WnChunks *chunks, const gsize *rows, void *column, gsize size)
{
    char *bytes = column;
    gsize done = 0;
    for (gsize c = 0; c < chunks->n; c++) {
        if (chunks->first_row[c] != done) {
            memmove(bytes + done * size, bytes + chunks->first_row[c] * size, rows[c] * size);
        }
        done += rows[c];
    }
    return done;
}

/* Room for the cells the chunks keep: chunk c keeps at most the bytes of its lines and
 * one NUL more, from wn_chunks__arena_of(c) on. One block, so that it gets huge pages. */
char *
wn_chunks__new_arena(const WnChunks *chunks)
{
    return wn_network__alloc_large(chunks->begin[chunks->n] - chunks->begin[0] + chunks->n, FALSE);
}

char *
wn_chunks__arena_of(const WnChunks *chunks, char *arena, gsize c)
{
    return arena + (chunks->begin[c] - chunks->begin[0]) + c;
}

/* Copies @text into the arena at *@arena, moving it on; NULL for an empty cell. */
const char *
wn_chunks__keep(char **arena, const char *text)
{
    gsize len = strlen(text);
    if (len == 0) {
        return NULL;
    }
    char *kept = memcpy(*arena, text, len + 1);
    *arena += len + 1;
    return kept;
}

/* Keeps the record's cells of the extra columns in their @slot, as
 * wn_load__keep_extra_cells does (rows.c), copying them into @arena.
 * Returns: the arena's new end. */
char *
wn_chunk_reader__keep_extra_cells(const WnChunkReader *r, const WnLoadHeader *header, gsize slot,
                                  char *arena)
{
    for (guint j = 0; j < header->extra_fields->len; j++) {
        gsize field = g_array_index(header->extra_fields, gsize, j);
        GArray *values = g_ptr_array_index(header->extra_values, j);
        g_array_index(values, const char *, slot) =
            wn_chunks__keep(&arena, wn_chunk_reader__cell(r, (gssize) field));
    }
    return arena;
}

/* Sizes each extra column for @slots row slots, its cells yet unwritten. */
void
wn_chunks__size_extra_columns(const WnLoadHeader *header, gsize slots)
{
    for (guint j = 0; j < header->extra_fields->len; j++) {
        GArray *values = g_ptr_array_index(header->extra_values, j);
        g_array_set_size(values, (guint) slots);
        wn_network__advise_large(values->data, slots * sizeof(const char *));
    }
}

/* wn_chunks__close_gaps for each extra column's cells. */
void
wn_chunks__close_extra_gaps(const WnChunks *chunks, const gsize *rows, const WnLoadHeader *header)
{
    for (guint j = 0; j < header->extra_fields->len; j++) {
        GArray *values = g_ptr_array_index(header->extra_values, j);
        wn_chunks__close_gaps(chunks, rows, values->data, sizeof(const char *));
    }
}

/* Places @r at the start of chunk @c, with a line buffer and room for the header's cells. */
void
wn_chunk_reader__init(WnChunkReader *r, const WnChunks *chunks, gsize c)
{
    memset(r, 0, sizeof *r);
    r->chunks = chunks;
    r->pos = chunks->begin[c];
    r->end = chunks->begin[c + 1];
    r->line = chunks->first_line[c];
    r->buf = g_new(char, WN_CHUNK_LINE_BYTES + 1);
    r->cells = g_new(const char *, chunks->fields + 1);
}

void
wn_chunk_reader__clear(WnChunkReader *r)
{
    g_clear_pointer(&r->buf, g_free);
    g_clear_pointer(&r->cells, g_free);
}

/* Trims spaces and tabs around the cell @s … @e − 1 in place, ends it with a NUL and
 * undoes a spreadsheet escape, as wn_load__trim does. */
static const char *
trim_cell(char *s, char *e)
{
    while (s < e && (*s == ' ' || *s == '\t')) {
        s++;
    }
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) {
        e--;
    }
    *e = '\0';
    return wn_load__unescape(s);
}

/* TRUE when the line's bytes are UTF-8 without a byte-order mark (wn_csv__check_utf8):
 * no cell ends inside a character, since the delimiter is ASCII. */
static gboolean
line_is_utf8(const char *text, gsize len)
{
    return g_utf8_validate(text, (gssize) len, NULL) &&
           g_strstr_len(text, (gssize) len, "\xEF\xBB\xBF") == NULL;
}

/* Ends the cell @s … @e − 1 of the current record: trimmed, and kept when the header has
 * room for it. Returns: TRUE when it is blank. */
static gboolean
end_cell(WnChunkReader *r, char *s, char *e)
{
    const char *trimmed = trim_cell(s, e);
    if (r->fields < r->chunks->fields) {
        r->cells[r->fields] = trimmed;
    }
    r->fields++;
    return *trimmed == '\0';
}

/* Reads the line at @text (up to a line end or @limit) into cells, copying and splitting
 * it in one pass, as wn_csv__next reads a line without quotes. */
static WnChunkStep
read_record(WnChunkReader *r, const char *text, const char *limit)
{
    char delimiter = r->chunks->delimiter, *buf = r->buf;
    const char *p = text;
    gsize len = 0, cell = 0;
    guchar any = 0;
    gboolean blank = TRUE;
    r->fields = 0;
    for (; p < limit && *p != '\n'; p++, len++) {
        if (len == WN_CHUNK_LINE_BYTES) {
            return WN_CHUNK_ODD;
        }
        any |= (guchar) *p;
        buf[len] = *p;
        if (*p == delimiter) {
            blank = end_cell(r, buf + cell, buf + len) && blank;
            cell = len + 1;
        }
    }
    r->pos = (gsize) (p - r->chunks->data) + (p < limit);
    len -= len > cell && buf[len - 1] == '\r'; /* CRLF: is_plain refused any other CR */
    blank = end_cell(r, buf + cell, buf + len) && blank;
    if (any >= 0x80 && !line_is_utf8(text, len)) {
        return WN_CHUNK_ODD;
    }
    if (blank) {
        return WN_CHUNK_SKIP; /* before the field count, as in csv.c */
    }
    return r->fields <= r->chunks->fields ? WN_CHUNK_RECORD : WN_CHUNK_ODD;
}

/**
 * wn_chunk_reader__next:
 * Reads the next line of the chunk: a comment, an empty line or a record whose cells
 * are all blank is WN_CHUNK_SKIP (csv.c skips them too); a record has its cells in @r,
 * trimmed, and r->record_line. A line the fast path does not read (too long, not
 * UTF-8, more fields than the header) is WN_CHUNK_ODD.
 * Cost: O(length of the line).
 */
WnChunkStep
wn_chunk_reader__next(WnChunkReader *r)
{
    if (r->pos >= r->end) {
        return WN_CHUNK_END;
    }
    const char *d = r->chunks->data, *text = d + r->pos;
    r->record_line = r->line++;
    if (*text == '#') {
        const char *eol = memchr(text, '\n', r->end - r->pos);
        r->pos = eol != NULL ? (gsize) (eol - d) + 1 : r->end;
        return WN_CHUNK_SKIP;
    }
    return read_record(r, text, d + r->end);
}

/* Returns: the trimmed cell of @field (a header index, −1 for an absent column), or "". */
const char *
wn_chunk_reader__cell(const WnChunkReader *r, gssize field)
{
    return field >= 0 && (gsize) field < r->fields ? r->cells[field] : "";
}
