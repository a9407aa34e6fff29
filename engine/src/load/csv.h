/* csv.h: a streaming RFC 4180 reader over a mapped file, one record at a time */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_CSV_H
#define WN_CSV_H

#include "private.h"

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

#endif /* WN_CSV_H */
