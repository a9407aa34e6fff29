/* util/util.h: the util layer, no domain and nothing of networks: files, CSV cells,
 * numbers, a pair map, random numbers, threads */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_UTIL_UTIL_H
#define WN_UTIL_UTIL_H

#include <glib.h>

/* parallel.c: runs task(0 … n_tasks − 1, worker, data) over @threads threads (0:
 * one per processor); tasks are taken in order, each by one thread, so a task that
 * writes only its own slots gives the same result whatever the number of threads.
 * run_ranges: the same over consecutive ranges of items, run(from, to, worker, data). */
typedef void (*WnTaskFunc)(gsize task, guint worker, gpointer data);
typedef void (*WnRangeFunc)(gsize first, gsize last, guint worker, gpointer data);
guint wn_parallel__threads(guint threads);
void wn_parallel__run(gsize n_tasks, guint threads, WnTaskFunc task, gpointer data);
void wn_parallel__run_ranges(gsize first, gsize last, gsize per_task, guint threads,
                             WnRangeFunc run, gpointer data);
/* parallel.c: the bytes of memory this process may use (the machine's, or its control
 * group's limit when lower, shared among the processes on the machine); 0 when unknown */
guint64 wn_parallel__memory(void);
void wn_parallel__share_memory(guint processes);

/* parallel.c: the processes (MPI ranks) that share a kernel's blocks; NULL (the default)
 * for one process. Rank r of K runs blocks ⌊r·n/K⌋ … ⌊(r + 1)·n/K⌋ − 1 of n (slice). */
typedef struct {
    guint rank, size;
    void (*send)(const double *sum, gsize len, guint to);  /* @len doubles to rank @to */
    void (*receive)(double *sum, gsize len, guint from);   /* @len doubles from rank @from */
    void (*broadcast)(void *bytes, gsize len, guint root); /* @root's bytes to every rank */
} WnRanks;
void wn_ranks__set(const WnRanks *ranks);
const WnRanks *wn_ranks__get(void);
void wn_ranks__slice(gsize n, guint rank, guint size, gsize *first_out, gsize *last_out);
void wn_ranks__share(gsize blocks, gsize *first_out, gsize *last_out);
void wn_ranks__report(const char *what, const char *unit, gsize first, gsize last, gsize n);

/* parallel.c: per-node (or per-tie) work split among the ranks by ranges: this rank
 * computes its slice (wn_ranks__share of the n items) in ranges of @per_task over the
 * threads into the n-element @arrays (ended by one with data NULL), whose slices then go
 * to every rank. */
typedef struct {
    void *data; /* one element per node */
    gsize size; /* bytes per element */
} WnNodeArray;
void wn_ranks__run_nodes(const char *what, const char *unit, gsize n, gsize per_task, guint threads,
                         WnRangeFunc run, gpointer data, const WnNodeArray *arrays);

/* parallel.c: per-item work with results of varying length (GArrays of plain
 * elements), shared among the ranks by item ranges as wn_ranks__run_nodes */
typedef GArray *(*WnItemFunc)(gsize item, guint worker, gpointer data);
void wn_ranks__run_items(const char *what, gsize n, guint threads, WnItemFunc run, gpointer data,
                         gsize element_size, GPtrArray *out);

/* parallel.c: items dealt to ranks by size, largest first, the same deal on every rank */
guint *wn_ranks__deal(const guint64 *sizes, gsize n, guint ranks);

/* sorted.c: the values two ascending lists (without repeats) share */
gsize wn_sorted__intersect(const guint32 *a, gsize na, const guint32 *b, gsize nb,
                           GArray *common_out);

/* sum-tree.c: one array of doubles per block, added up in a fixed binary tree over the
 * blocks as they finish, from any thread; among ranks, the parts meet on rank 0 and the
 * sum goes to every rank: the same bits for any number of threads and ranks. */
typedef struct {
    GMutex lock;
    gsize len, blocks, levels;
    gsize first, last; /* the blocks this process makes */
    gboolean gather;   /* rank 0, taking in the other ranks' parts */
    gsize *offset;     /* node (l, i) is node[offset[l] + i] */
    double **node;     /* finished parts waiting for their sibling; at the end, the root */
} WnSumTree;
void wn_sum_tree__init(WnSumTree *t, const char *what, gsize len, gsize blocks);
void wn_sum_tree__add(WnSumTree *t, gsize block, double *sum);
double *wn_sum_tree__finish(WnSumTree *t);

/* column.c: the column of a place on a line, counted once per line by a tokenizer that
 * moves left to right (columns in messages count characters, from 1) */
typedef struct {
    const char *line, *at;
    gsize column; /* of at */
} WnColumnCounter;
void wn_column__start(WnColumnCounter *c, const char *line);
gsize wn_column__at(WnColumnCounter *c, const char *p);

/* words.c: numbers as a reader writes them: Dutch 5.500 and 0,35, English 5,500 and 0.35 */
char *wn_words__int(gboolean dutch, gint64 n);
char *wn_words__decimal(gboolean dutch, double x, int digits);
char *wn_words__percent(gint64 part, gint64 whole);
char *wn_words__counted(gboolean dutch, gint64 n, const char *one, const char *many);

/* format.c: CSV text for the outputs, formatted over threads */
void wn_format__append_g10(GString *out, double x);
typedef void (*WnRowFunc)(GString *out, gsize row, gconstpointer data);
GString *wn_format__rows(gsize rows, guint threads, WnRowFunc row, gconstpointer data);

/* input.c: input files: only a regular file is read (a FIFO or a device is refused at
 * once, never waited on), within a size limit; G_FILE_ERROR, the message naming the path */
#define WN_INPUT_JSON_MAX ((gsize) 64 << 20)   /* dataset.json, a batch job file: 64 MiB */
#define WN_INPUT_KEY_MAX ((gsize) 4096)        /* a pseudonymisation key file */
#define WN_INPUT_GEOJSON_MAX ((gsize) 1 << 30) /* areas.geojson: 1 GiB */
int wn_input__open(const char *path, gsize max_bytes, gsize *size_out, GError **error);
gboolean wn_input__read(const char *path, gsize max_bytes, char **text_out, gsize *len_out,
                        GError **error);
GMappedFile *wn_input__map(const char *path, GError **error);
typedef int (*WnInputOpenFunc)(const char *path, gsize max_bytes, gsize *size_out, GError **error);
void wn_input__set_opener(WnInputOpenFunc open);
int wn_input__open_here(const char *path, gsize max_bytes, gsize *size_out, GError **error);

/* file.c: outputs written whole or not at all: into a temporary file in the same folder,
 * synced, then renamed over @path. Failures are in WN_OUTPUT_ERROR (wijknet.h) with the
 * GFileError code of the system's error, the message naming the path. */
gboolean wn_file__write(const char *path, const char *text, gssize len, int mode, GError **error);
gboolean wn_file__create(const char *path, const char *text, gssize len, int mode, GError **error);
int wn_file__write_fd(int fd, const char *data, gsize len);
gboolean wn_file__make_folder(const char *path, int mode, const char *what, GError **error);
typedef struct _WnFileWriter WnFileWriter;
WnFileWriter *wn_file_writer__open(const char *path, int mode, GError **error);
gboolean wn_file_writer__write(WnFileWriter *w, const char *data, gsize len, GError **error);
gboolean wn_file_writer__sync(WnFileWriter *w, GError **error);
gboolean wn_file_writer__commit(WnFileWriter *w, GError **error);
void wn_file_writer__free(WnFileWriter *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnFileWriter, wn_file_writer__free)

/* format.c: the rows of wn_format__rows written to a file as they are made */
gboolean wn_format__write_rows(WnFileWriter *w, gsize rows, guint threads, WnRowFunc row,
                               gconstpointer data, GError **error);

/* csv-cell.c: one CSV cell, quoted as RFC 4180 and Python's QUOTE_MINIMAL do */
typedef enum {
    WN_CSV_CELL_PLAIN = 0,
    WN_CSV_CELL_ANY_DELIMITER = 1 << 0, /* quote a cell with ',' or ';', whatever the delimiter */
    WN_CSV_CELL_GUARD_COMMENT = 1 << 1, /* quote a cell that starts with '#' */
    WN_CSV_CELL_GUARD_FORMULA = 1 << 2, /* a cell a spreadsheet would run ("=…", "+…", "-…",
                                           "@…", tab, CR; not a number) gets a leading ', and
                                           so does one that starts with ' and one of those */
    WN_CSV_CELL_AS_READ = 1 << 3,       /* the text is a file's cell, escaped already: the
                                           formula guard looks past leading spaces and tabs */
} WnCsvCellGuards;
void wn_csv_cell__append(GString *out, const char *text, char delimiter, WnCsvCellGuards guards);

/* number.c: C's "%.15g" and "%.10g" byte for byte, without printf in the common cases */
#define WN_NUMBER_TEXT_SIZE G_ASCII_DTOSTR_BUF_SIZE
gsize wn_number__format_g15(char buf[WN_NUMBER_TEXT_SIZE], double x);
gsize wn_number__format_g10(char buf[WN_NUMBER_TEXT_SIZE], double x);
/* qsort, bsearch and g_array_sort order for guint32: ascending */
int wn_number__compare_u32(const void *a, const void *b);
gsize wn_number__format_int(char buf[WN_NUMBER_TEXT_SIZE], gint64 value);
const char *wn_number__round_trip(char buf[WN_NUMBER_TEXT_SIZE], double x);

/* pair-map.c: an open-addressing map from a pair of 32-bit numbers to a 32-bit value, so
 * a lookup costs no allocation. Key 0 marks an empty slot: it is the pair (0, 0), which
 * callers never store. A key and its value share a slot; zeroed memory is an empty map. */
typedef struct {
    guint64 key;
    guint32 value;
} WnPairSlot;

typedef struct {
    WnPairSlot *slots;
    gsize capacity, used;
} WnPairMap;

void wn_pair_map__init(WnPairMap *map, gsize expected);
void wn_pair_map__grow(WnPairMap *map);
void wn_pair_map__clear(WnPairMap *map);

/* The key of the pair (@a, @b); unless @ordered, (b, a) has the same key. */
static inline guint64
wn_pair_map__key(guint32 a, guint32 b, gboolean ordered)
{
    if (!ordered && a > b) {
        return ((guint64) b << 32) | a;
    }
    return ((guint64) a << 32) | b;
}

/* The slot of @key in a map of @capacity slots: mixes both ends into the low bits (the
 * product's low bits alone depend on the second end only). */
static inline gsize
wn_pair_map__slot(guint64 key, gsize capacity)
{
    guint64 h = key * 0x9E3779B97F4A7C15u;
    return (gsize) (h ^ (h >> 32)) & (capacity - 1);
}

/* The value stored for @key (not 0), or stores @value and returns it when @key is new.
 * Inline: the loader calls it for every row of ties.csv. Cost: O(1) expected, amortised. */
static inline guint32
wn_pair_map__find_or_add(WnPairMap *map, guint64 key, guint32 value)
{
    if (2 * (map->used + 1) > map->capacity) {
        wn_pair_map__grow(map);
    }
    gsize slot = wn_pair_map__slot(key, map->capacity);
    while (map->slots[slot].key != 0) {
        if (map->slots[slot].key == key) {
            return map->slots[slot].value;
        }
        slot = (slot + 1) & (map->capacity - 1);
    }
    map->slots[slot] = (WnPairSlot){key, value};
    map->used++;
    return value;
}

/* Adds @key (not 0) with the value "number of keys before it, plus one".
 * Returns: TRUE when @key was not in the map yet. */
static inline gboolean
wn_pair_map__add(WnPairMap *map, guint64 key)
{
    guint32 next = (guint32) map->used + 1;
    return wn_pair_map__find_or_add(map, key, next) == next;
}

/* random.c: seeded random numbers that are the same on every platform with IEEE doubles,
 * independent of GLib's or libc's generators. WnRandom is xoshiro256** (Blackman and
 * Vigna 2018), seeded through splitmix64 (Steele, Lea and Flood 2014). */
typedef struct {
    guint64 s[4];
} WnRandom;

guint64 wn_random__splitmix64(guint64 *state);
void wn_random__seed(WnRandom *rng, guint64 seed);
guint64 wn_random__next(WnRandom *rng);
double wn_random__uniform(WnRandom *rng);
gsize wn_random__below(WnRandom *rng, gsize n);
gsize wn_random__weighted(WnRandom *rng, const double *weights, gsize n);
double wn_random__gauss(WnRandom *rng);
guint32 *wn_random__sample_sources(gsize n, gsize k, guint64 seed);

#endif /* WN_UTIL_UTIL_H */
