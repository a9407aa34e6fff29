/* wn-test.h: helpers shared by the GTest programs */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_TEST_H
#define WN_TEST_H

#include "wijknet.h"

/* Loads tests/<subdir>/<name> (e.g. "data", "path-4") and asserts that it loads. */
WnNetwork *wn_test_load(const char *subdir, const char *name);

/* Writes @nodes and @ties as nodes.csv and ties.csv into a fresh folder, loads it and
 * asserts that it loads; the folder is removed again. */
WnNetwork *wn_test_load_text(const char *nodes, const char *ties);

/* Reads a column of a CSV file under tests/ (e.g. an oracle file) by header name:
 * one double per data row; NaN for "NaN" or an empty cell. */
GArray *wn_test_read_column(const char *path, const char *column);

/* Asserts that @got and @want agree within a relative tolerance of 1e-9 (absolute
 * 1e-12 near zero), naming the measure and row on failure. */
void wn_test_assert_scores(const char *what, const GArray *got, const GArray *want);

/* A fresh empty folder under the temporary directory, named wijknet-test-XXXXXX. */
char *wn_test_make_temp_dir(void);

/* Removes @path: a file, or a folder with everything in it (tests' own folders only). */
void wn_test_remove_tree(const char *path);

/* Computes @measure through the registry (wn_measure_lookup), asserting that it succeeds. */
GArray *wn_test_compute(const char *measure, const WnNetwork *net, const WnMeasureOptions *opts);

/* Reads @column of tests/oracle/@dataset/expected/centrality.csv (wn_test_read_column). */
GArray *wn_test_read_oracle(const char *dataset, const char *column);

/* Cells of a result table by column name, asserting that the column exists;
 * wn_test_int_cell gives -1 for a missing cell. */
gsize wn_test_column(const WnTable *t, const char *name);
gint64 wn_test_int_cell(const WnTable *t, gsize row, const char *name);
double wn_test_double_cell(const WnTable *t, gsize row, const char *name);

/* Writes @text to a new temporary file whose name ends in @suffix ("" for none).
 * Returns: its path. */
char *wn_test_write_temp(const char *text, const char *suffix);

/* Reads @dir/@name whole, asserting that it can be read. */
char *wn_test_read_file(const char *dir, const char *name);

/* A town of @residents residents generated from @seed in a fresh temporary folder. */
char *wn_test_generate(gsize residents, guint64 seed);

/* The node with @id, and the tie between @a and @b (either order), asserting they exist. */
gsize wn_test_node(const WnNetwork *net, const char *id);
gsize wn_test_tie(const WnNetwork *net, const char *a, const char *b);

#endif /* WN_TEST_H */
