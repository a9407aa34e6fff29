/* test-util-file.c: util's file writer and folders on their own: atomic replacement,
 * exclusive creation, modes, the WN_OUTPUT_ERROR messages, rows written as they are made */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"
#include "util/util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static gint
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, sorted and joined by spaces ("" for an empty folder). */
static char *
list_folder(const char *dir)
{
    g_autoptr(GDir) listing = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(listing);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    for (const char *name; (name = g_dir_read_name(listing)) != NULL;) {
        g_ptr_array_add(names, g_strdup(name));
    }
    g_ptr_array_sort(names, compare_names);
    g_ptr_array_add(names, NULL);
    return g_strjoinv(" ", (char **) names->pdata);
}

static char *
read_text(const char *path)
{
    char *text = NULL;
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, &error));
    g_assert_no_error(error);
    return text;
}

/* An existing file is replaced by the new text, and nothing else is left in the folder. */
static void
test_file_write_replaces_atomically(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(dir, "out.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_file__write(path, "old\n", -1, 0644, &error));
    g_assert_true(wn_file__write(path, "a,b\n1,2\n", -1, 0644, &error));
    g_assert_no_error(error);
    g_autofree char *text = read_text(path);
    g_autofree char *names = list_folder(dir);
    g_assert_cmpstr(text, ==, "a,b\n1,2\n");
    g_assert_cmpstr(names, ==, "out.csv");
    wn_test_remove_tree(dir);
}

/* A length writes that many bytes, NULs included; -1 writes up to the NUL. */
static void
test_file_write_takes_length(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(dir, "bytes", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_file__write(path, "ab\0cd", 5, 0644, &error));
    g_assert_no_error(error);
    g_autofree char *text = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &text, &len, NULL));
    g_assert_cmpmem(text, len, "ab\0cd", 5);
    wn_test_remove_tree(dir);
}

/* The file gets @mode (less the umask, which never takes the owner's bits). */
static void
test_file_write_applies_mode(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(dir, "key", NULL);
    g_assert_true(wn_file__write(path, "secret", -1, 0600, NULL));
    GStatBuf st;
    g_assert_cmpint(g_stat(path, &st), ==, 0);
    g_assert_cmpint(st.st_mode & 0777, ==, 0600);
    wn_test_remove_tree(dir);
}

/* A folder that is missing: WN_OUTPUT_ERROR with the system's code, naming the path. */
static void
test_file_write_into_missing_folder_is_output_error(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(dir, "missing", "out.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_false(wn_file__write(path, "x", -1, 0644, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_NOENT);
    g_autofree char *want =
        g_strdup_printf("%s: cannot create the file: No such file or directory", path);
    g_assert_cmpstr(error->message, ==, want);
    wn_test_remove_tree(dir);
}

/* A folder has the output's name: refused before a temporary file is made (only a file or
 * a new name is replaced), and nothing is left behind. */
static void
test_file_failed_write_leaves_no_temporary(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(dir, "taken", NULL);
    g_autofree char *inside = g_build_filename(path, "file", NULL);
    g_assert_cmpint(g_mkdir(path, 0755), ==, 0);
    g_assert_true(g_file_set_contents(inside, "x", -1, NULL));
    g_autoptr(GError) error = NULL;
    g_assert_false(wn_file__write(path, "text", -1, 0644, &error));
    g_assert_true(error != NULL && error->domain == WN_OUTPUT_ERROR);
    g_autofree char *prefix = g_strdup_printf("%s: cannot write over a folder: ", path);
    g_assert_true(g_str_has_prefix(error->message, prefix));
    g_autofree char *names = list_folder(dir);
    g_assert_cmpstr(names, ==, "taken");
    wn_test_remove_tree(dir);
}

/* Chunks larger and smaller than the writer's buffer arrive in order; the output
 * appears only at the commit. */
static void
test_file_writer_streams_then_commits(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(dir, "big.txt", NULL);
    g_autoptr(GString) want = g_string_new(NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnFileWriter) w = wn_file_writer__open(path, 0644, &error);
    g_assert_no_error(error);
    for (guint i = 0; i < 20000; i++) {
        g_autofree char *line = g_strdup_printf("%u,%u\n", i, i * i);
        g_string_append(want, line);
        g_assert_true(wn_file_writer__write(w, line, strlen(line), &error));
    }
    g_autofree char *block = g_strnfill(200000, 'x');
    g_string_append(want, block);
    g_assert_true(wn_file_writer__write(w, block, strlen(block), &error));
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    g_assert_true(wn_file_writer__commit(w, &error));
    g_assert_no_error(error);
    g_autofree char *text = read_text(path);
    g_assert_cmpstr(text, ==, want->str);
    g_autofree char *names = list_folder(dir);
    g_assert_cmpstr(names, ==, "big.txt");
    wn_test_remove_tree(dir);
}

/* A writer freed without a commit removes its temporary file; the old output stays. */
static void
test_file_writer_without_commit_leaves_old_file(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(dir, "out.csv", NULL);
    g_assert_true(wn_file__write(path, "old\n", -1, 0644, NULL));
    WnFileWriter *w = wn_file_writer__open(path, 0644, NULL);
    g_assert_nonnull(w);
    g_assert_true(wn_file_writer__write(w, "new\n", 4, NULL));
    g_assert_true(wn_file_writer__sync(w, NULL));
    wn_file_writer__free(w);
    g_autofree char *text = read_text(path);
    g_autofree char *names = list_folder(dir);
    g_assert_cmpstr(text, ==, "old\n");
    g_assert_cmpstr(names, ==, "out.csv");
    wn_test_remove_tree(dir);
}

/* Outputs synced first and renamed together: none appears before its commit. */
static void
test_file_writers_sync_then_commit_together(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *a = g_build_filename(dir, "a", NULL);
    g_autofree char *b = g_build_filename(dir, "b", NULL);
    g_autoptr(WnFileWriter) wa = wn_file_writer__open(a, 0644, NULL);
    g_autoptr(WnFileWriter) wb = wn_file_writer__open(b, 0644, NULL);
    g_assert_true(wn_file_writer__write(wa, "A", 1, NULL) && wn_file_writer__sync(wa, NULL));
    g_assert_true(wn_file_writer__write(wb, "B", 1, NULL) && wn_file_writer__sync(wb, NULL));
    g_assert_false(g_file_test(a, G_FILE_TEST_EXISTS) || g_file_test(b, G_FILE_TEST_EXISTS));
    g_assert_true(wn_file_writer__commit(wa, NULL) && wn_file_writer__commit(wb, NULL));
    g_autofree char *ta = read_text(a);
    g_autofree char *tb = read_text(b);
    g_assert_cmpstr(ta, ==, "A");
    g_assert_cmpstr(tb, ==, "B");
    wn_test_remove_tree(dir);
}

/* Folders are made with their parents; one under a file is WN_OUTPUT_ERROR naming it. */
static void
test_file_make_folder_names_what_failed(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *nested = g_build_filename(dir, "a", "b", NULL);
    g_autofree char *file = g_build_filename(dir, "plain", NULL);
    g_autofree char *below = g_build_filename(file, "out", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_file__make_folder(nested, 0755, "the output folder", &error));
    g_assert_true(wn_file__make_folder(nested, 0755, "the output folder", &error));
    g_assert_no_error(error);
    g_assert_true(g_file_test(nested, G_FILE_TEST_IS_DIR));
    g_assert_true(g_file_set_contents(file, "x", -1, NULL));
    g_assert_false(wn_file__make_folder(below, 0755, "the output folder", &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_NOTDIR);
    g_autofree char *want =
        g_strdup_printf("%s: cannot create the output folder: Not a directory", below);
    g_assert_cmpstr(error->message, ==, want);
    wn_test_remove_tree(dir);
}

/* With no @what the message is "cannot create PATH: REASON". */
static void
test_file_make_folder_without_what(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *file = g_build_filename(dir, "plain", NULL);
    g_autofree char *below = g_build_filename(file, "out", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_set_contents(file, "x", -1, NULL));
    g_assert_false(wn_file__make_folder(below, 0755, NULL, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_NOTDIR);
    g_autofree char *want = g_strdup_printf("cannot create %s: Not a directory", below);
    g_assert_cmpstr(error->message, ==, want);
    wn_test_remove_tree(dir);
}

/* wn_file__create writes a new file whole, with its mode, and never replaces one: the
 * existing file keeps its text and no temporary file is left. */
static void
test_file_create_never_replaces(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(dir, "test.key", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_file__create(path, "first\n", -1, 0600, &error));
    g_assert_no_error(error);
    GStatBuf st;
    g_assert_cmpint(g_stat(path, &st), ==, 0);
    g_assert_cmpint(st.st_mode & 0777, ==, 0600);
    g_assert_false(wn_file__create(path, "second\n", -1, 0600, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST);
    g_autofree char *want = g_strdup_printf("%s: cannot create the file: File exists", path);
    g_assert_cmpstr(error->message, ==, want);
    g_autofree char *text = read_text(path);
    g_assert_cmpstr(text, ==, "first\n");
    g_autofree char *names = list_folder(dir);
    g_assert_cmpstr(names, ==, "test.key");
    wn_test_remove_tree(dir);
}

/* The public wn_file_write is the same writer (mode 0666 less the umask). */
static void
test_file_public_write_is_atomic(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(dir, "run.json", NULL);
    g_autofree char *missing = g_build_filename(dir, "no", "run.json", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(wn_file_write(path, "{}\n", -1, &error));
    g_autofree char *text = read_text(path);
    g_assert_cmpstr(text, ==, "{}\n");
    g_assert_false(wn_file_write(missing, "{}\n", -1, &error));
    g_assert_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_NOENT);
    wn_test_remove_tree(dir);
}

/* wn_file__write_fd: every byte through a pipe (which takes at most 64 KiB a write, so
 * the writes are short), and the errno of a descriptor that cannot be written. */
static gpointer
drain(gpointer data)
{
    int fd = GPOINTER_TO_INT(data);
    GString *got = g_string_new(NULL);
    char buf[4096];
    for (gssize n; (n = read(fd, buf, sizeof buf)) > 0;) {
        g_string_append_len(got, buf, n);
    }
    close(fd);
    return got;
}

static void
test_file_write_fd_writes_everything(void)
{
    gsize len = (gsize) 1 << 20;
    g_autofree char *data = g_malloc(len);
    for (gsize i = 0; i < len; i++) {
        data[i] = (char) (i * 7 + i / 251);
    }
    int fds[2];
    g_assert_cmpint(pipe(fds), ==, 0);
    GThread *reader = g_thread_new("drain", drain, GINT_TO_POINTER(fds[0]));
    g_assert_cmpint(wn_file__write_fd(fds[1], data, len), ==, 0);
    close(fds[1]);
    GString *got = g_thread_join(reader);
    g_assert_cmpmem(got->str, got->len, data, len);
    g_string_free(got, TRUE);
    g_assert_cmpint(wn_file__write_fd(-1, data, 1), ==, EBADF);
    g_assert_cmpint(wn_file__write_fd(-1, data, 0), ==, 0);
}

/* One line per row, of a length that varies with the row. */
static void
numbered_row(GString *out, gsize row, gconstpointer data)
{
    (void) data;
    g_string_append_printf(out, "%" G_GSIZE_FORMAT ",%.*s\n", row, (int) (row % 7), "abcdefg");
}

/* wn_format__write_rows writes the text wn_format__rows makes, in row order, for no rows,
 * one, and more rows than one window of blocks holds (16 × 8,192), on 1 and 2 threads. */
static void
test_format_write_rows_streams_the_same_text(void)
{
    g_autofree char *dir = wn_test_make_temp_dir();
    g_autofree char *path = g_build_filename(dir, "rows.csv", NULL);
    static const gsize counts[] = {0, 1, 8192, 300001};
    for (gsize i = 0; i < G_N_ELEMENTS(counts); i++) {
        for (guint threads = 1; threads <= 2; threads++) {
            g_autoptr(GError) error = NULL;
            g_autoptr(GString) want = wn_format__rows(counts[i], threads, numbered_row, NULL);
            g_autoptr(WnFileWriter) w = wn_file_writer__open(path, 0644, &error);
            g_assert_no_error(error);
            g_assert_true(wn_format__write_rows(w, counts[i], threads, numbered_row, NULL, &error));
            g_assert_true(wn_file_writer__commit(w, &error));
            g_assert_no_error(error);
            g_autofree char *got = read_text(path);
            g_assert_cmpstr(got, ==, want->str);
        }
    }
    wn_test_remove_tree(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    wn_init();
    g_test_add_func("/util/file/write-replaces-atomically", test_file_write_replaces_atomically);
    g_test_add_func("/util/file/make-folder-without-what", test_file_make_folder_without_what);
    g_test_add_func("/util/file/create-never-replaces", test_file_create_never_replaces);
    g_test_add_func("/util/file/write-takes-length", test_file_write_takes_length);
    g_test_add_func("/util/file/write-applies-mode", test_file_write_applies_mode);
    g_test_add_func("/util/file/missing-folder-is-output-error",
                    test_file_write_into_missing_folder_is_output_error);
    g_test_add_func("/util/file/failed-write-leaves-no-temporary",
                    test_file_failed_write_leaves_no_temporary);
    g_test_add_func("/util/file/writer-streams-then-commits",
                    test_file_writer_streams_then_commits);
    g_test_add_func("/util/file/writer-without-commit-leaves-old-file",
                    test_file_writer_without_commit_leaves_old_file);
    g_test_add_func("/util/file/writers-sync-then-commit-together",
                    test_file_writers_sync_then_commit_together);
    g_test_add_func("/util/file/make-folder-names-what-failed",
                    test_file_make_folder_names_what_failed);
    g_test_add_func("/util/file/public-write-is-atomic", test_file_public_write_is_atomic);
    g_test_add_func("/util/file/write-fd-writes-everything", test_file_write_fd_writes_everything);
    g_test_add_func("/util/format/write-rows-streams-the-same-text",
                    test_format_write_rows_streams_the_same_text);
    return g_test_run();
}
