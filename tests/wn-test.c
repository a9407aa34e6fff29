/* wn-test.c: helpers shared by the GTest programs */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

WnNetwork *
wn_test_load(const char *subdir, const char *name)
{
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, subdir, name, NULL);
    g_autoptr(GError) error = NULL;
    WnNetwork *net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_assert_nonnull(net);
    return net;
}

static gssize
find_column(char **header, const char *column)
{
    for (gssize j = 0; header[j] != NULL; j++) {
        if (strcmp(g_strstrip(header[j]), column) == 0) {
            return j;
        }
    }
    return -1;
}

GArray *
wn_test_read_column(const char *path, const char *column)
{
    g_autofree char *full = g_test_build_filename(G_TEST_DIST, path, NULL);
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;
    g_file_get_contents(full, &text, NULL, &error);
    g_assert_no_error(error);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    g_auto(GStrv) header = g_strsplit(lines[0], ",", -1);
    gssize j = find_column(header, column);
    g_assert_cmpint(j, >=, 0);
    GArray *values = g_array_new(FALSE, FALSE, sizeof(double));
    for (gsize i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++) {
        g_auto(GStrv) cells = g_strsplit(lines[i], ",", -1);
        g_assert_cmpuint(g_strv_length(cells), >, (guint) j);
        const char *cell = cells[j];
        double v = (*cell == '\0' || strcmp(cell, "NaN") == 0) ? NAN : g_ascii_strtod(cell, NULL);
        g_array_append_val(values, v);
    }
    return values;
}

void
wn_test_assert_scores(const char *what, const GArray *got, const GArray *want)
{
    g_assert_cmpuint(got->len, ==, want->len);
    for (guint i = 0; i < got->len; i++) {
        double a = g_array_index(got, double, i), b = g_array_index(want, double, i);
        if (isnan(a) && isnan(b)) {
            continue;
        }
        if (!(fabs(a - b) <= fmax(1e-9 * fabs(b), 1e-12))) {
            g_test_fail_printf("%s: row %u: got %.15g, want %.15g", what, i, a, b);
            return;
        }
    }
}

char *
wn_test_make_temp_dir(void)
{
    g_autoptr(GError) error = NULL;
    char *dir = g_dir_make_tmp("wijknet-test-XXXXXX", &error);
    g_assert_no_error(error);
    return dir;
}

void
wn_test_remove_tree(const char *path)
{
    if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
        g_unlink(path);
        return;
    }
    g_autoptr(GDir) d = g_dir_open(path, 0, NULL);
    for (const char *name; d != NULL && (name = g_dir_read_name(d)) != NULL;) {
        g_autofree char *child = g_build_filename(path, name, NULL);
        wn_test_remove_tree(child);
    }
    g_rmdir(path);
}

WnNetwork *
wn_test_load_text(const char *nodes, const char *ties)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *nodes_path = g_build_filename(dir, "nodes.csv", NULL);
    g_autofree char *ties_path = g_build_filename(dir, "ties.csv", NULL);
    g_assert_true(g_file_set_contents(nodes_path, nodes, -1, NULL));
    g_assert_true(g_file_set_contents(ties_path, ties, -1, NULL));
    g_autoptr(GError) error = NULL;
    WnNetwork *net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    wn_test_remove_tree(dir);
    return net;
}

/* Computes @measure through the registry, asserting that it succeeds. */
GArray *
wn_test_compute(const char *measure, const WnNetwork *net, const WnMeasureOptions *opts)
{
    const WnMeasureInfo *info = wn_measure_lookup(measure);
    g_assert_nonnull(info);
    g_autoptr(GError) error = NULL;
    GArray *scores = info->compute(net, opts, &error);
    g_assert_no_error(error);
    g_assert_nonnull(scores);
    return scores;
}

/* Reads @column of tests/oracle/@dataset/expected/centrality.csv. */
GArray *
wn_test_read_oracle(const char *dataset, const char *column)
{
    g_autofree char *path = g_build_filename("oracle", dataset, "expected", "centrality.csv", NULL);
    return wn_test_read_column(path, column);
}

/* Returns: the index of the column @name of @t, asserting that it exists. */
gsize
wn_test_column(const WnTable *t, const char *name)
{
    gsize j = 0;
    g_assert_true(wn_table_column_lookup(t, name, &j));
    return j;
}

/* Returns: the integer in @row of the column @name, or -1 where the cell is missing. */
gint64
wn_test_int_cell(const WnTable *t, gsize row, const char *name)
{
    gsize j = wn_test_column(t, name);
    return wn_table_cell_is_missing(t, row, j) ? -1 : wn_table_cell_int(t, row, j);
}

/* Returns: the double in @row of the column @name. */
double
wn_test_double_cell(const WnTable *t, gsize row, const char *name)
{
    return wn_table_cell_double(t, row, wn_test_column(t, name));
}

/* Writes @text to a new temporary file whose name ends in @suffix. Returns: its path. */
char *
wn_test_write_temp(const char *text, const char *suffix)
{
    g_autoptr(GError) error = NULL;
    char *path = NULL;
    g_autofree char *name = g_strconcat("wijknet-import-XXXXXX", suffix, NULL);
    int fd = g_file_open_tmp(name, &path, &error);
    g_assert_no_error(error);
    g_close(fd, NULL);
    g_file_set_contents(path, text, -1, &error);
    g_assert_no_error(error);
    return path;
}

/* Reads @dir/@name whole, asserting that it can be read. Returns: its text. */
char *
wn_test_read_file(const char *dir, const char *name)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_autoptr(GError) error = NULL;
    char *text = NULL;
    g_file_get_contents(path, &text, NULL, &error);
    g_assert_no_error(error);
    return text;
}

/* Generates a town of @residents residents from @seed into a fresh temporary folder.
 * Returns: the folder. */
char *
wn_test_generate(gsize residents, guint64 seed)
{
    WnGenerateOptions opts = WN_GENERATE_OPTIONS_INIT;
    opts.residents = residents;
    opts.seed = seed;
    char *dir = wn_test_make_temp_dir();
    g_autoptr(GError) error = NULL;
    gboolean ok = wn_generate_town(&opts, dir, &error);
    g_assert_no_error(error);
    g_assert_true(ok);
    return dir;
}

/* Returns: the index of the node with @id, asserting that it exists. */
gsize
wn_test_node(const WnNetwork *net, const char *id)
{
    gsize found = G_MAXSIZE;
    g_assert_true(wn_network_node_lookup(net, id, &found));
    return found;
}

/* Returns: the tie between the nodes @a and @b (either order), asserting that it exists. */
gsize
wn_test_tie(const WnNetwork *net, const char *a, const char *b)
{
    gsize u = wn_test_node(net, a), v = wn_test_node(net, b);
    for (gsize t = 0; t < wn_network_tie_count(net); t++) {
        gsize s = 0, e = 0;
        wn_network_tie_ends(net, t, &s, &e);
        if ((s == u && e == v) || (s == v && e == u)) {
            return t;
        }
    }
    g_test_fail_printf("no tie between %s and %s", a, b);
    return G_MAXSIZE;
}
