/* input.c: input files opened without blocking, refused unless regular, within a size limit */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#define _DEFAULT_SOURCE /* O_CLOEXEC, O_NOCTTY */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a file that is not a regular one is, in words. */
static const char *
kind_of(mode_t mode)
{
    if (S_ISFIFO(mode)) {
        return "a named pipe (FIFO)";
    }
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        return "a device";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    return S_ISDIR(mode) ? "a folder" : "something other than a file";
}

static WnInputOpenFunc opener;

/**
 * wn_input__open:
 * Opens @path for reading. A FIFO or a device is opened without blocking and then
 * refused at once, so that reading can never wait for a writer or read forever: only a
 * regular file is an input. A file larger than @max_bytes (0: no limit) is refused
 * before a byte is read. Errors are G_FILE_ERROR: the system's code for a file that
 * cannot be opened (NOENT, ACCES …), ISDIR for a folder, INVAL for a FIFO, a device or a
 * socket, NOMEM for a file over the limit; each message begins with @path.
 * Returns: the open file descriptor (blocking), its size in @size_out; −1 on error.
 * With an opener installed (wn_input__set_opener) the file is opened by it instead.
 */
int
wn_input__open(const char *path, gsize max_bytes, gsize *size_out, GError **error)
{
    return opener != NULL ? opener(path, max_bytes, size_out, error)
                          : wn_input__open_here(path, max_bytes, size_out, error);
}

/**
 * wn_input__set_opener:
 * Makes wn_input__open (and so wn_input__read and wn_input__map) open every input by
 * @open, for instance the bytes rank 0 read and broadcast; NULL: open the files here.
 */
void
wn_input__set_opener(WnInputOpenFunc open)
{
    opener = open;
}

/**
 * wn_input__open_here:
 * wn_input__open on this machine's file @path, whatever opener is installed.
 * Returns: the open file descriptor, its size in @size_out; −1 on error.
 */
int
wn_input__open_here(const char *path, gsize max_bytes, gsize *size_out, GError **error)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int errsv = errno;
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errsv), "%s: %s", path,
                    g_strerror(errsv));
        if (fd >= 0) {
            close(fd);
        }
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        g_set_error(error, G_FILE_ERROR,
                    S_ISDIR(st.st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
                    "%s: expected a file, got %s", path, kind_of(st.st_mode));
        close(fd);
        return -1;
    }
    if (max_bytes > 0 && (guint64) st.st_size > max_bytes) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOMEM,
                    "%s: larger than the limit of %" G_GSIZE_FORMAT " bytes for such a file", path,
                    max_bytes);
        close(fd);
        return -1;
    }
    (void) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    *size_out = (gsize) st.st_size;
    return fd;
}

/**
 * wn_input__read:
 * Reads the regular file @path whole (wn_input__open: a FIFO, a device or a file over
 * @max_bytes is refused), NUL-terminated. A file that grows while it is read is cut at
 * the size it had when opened.
 * Returns: FALSE with a G_FILE_ERROR naming @path.
 */
gboolean
wn_input__read(const char *path, gsize max_bytes, char **text_out, gsize *len_out, GError **error)
{
    gsize size = 0, done = 0;
    int fd = wn_input__open(path, max_bytes, &size, error);
    if (fd < 0) {
        return FALSE;
    }
    char *text = g_malloc(size + 1);
    while (done < size) {
        gssize got = read(fd, text + done, size - done);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            int errsv = got < 0 ? errno : 0;
            g_set_error(error, G_FILE_ERROR,
                        got < 0 ? g_file_error_from_errno(errsv) : G_FILE_ERROR_IO, "%s: %s", path,
                        got < 0 ? g_strerror(errsv) : "the file shrank while read");
            g_free(text);
            close(fd);
            return FALSE;
        }
        done += (gsize) got;
    }
    close(fd);
    text[size] = '\0';
    *text_out = text;
    if (len_out != NULL) {
        *len_out = size;
    }
    return TRUE;
}

/**
 * wn_input__map:
 * Maps the regular file @path read-only (wn_input__open, no size limit).
 * Returns: (transfer full): the mapping, or NULL with a G_FILE_ERROR naming @path.
 */
GMappedFile *
wn_input__map(const char *path, GError **error)
{
    gsize size = 0;
    int fd = wn_input__open(path, 0, &size, error);
    if (fd < 0) {
        return NULL;
    }
    g_autoptr(GError) map_error = NULL;
    GMappedFile *file = g_mapped_file_new_from_fd(fd, FALSE, &map_error);
    close(fd);
    if (file == NULL) {
        g_set_error(error, G_FILE_ERROR, map_error->code, "%s: %s", path, map_error->message);
    }
    return file;
}
