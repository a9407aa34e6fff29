/* file.c: outputs written whole or not at all (temporary file, fsync, rename) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#define _DEFAULT_SOURCE /* fsync, O_CLOEXEC */
#include "util.h"
#include "wijknet.h" /* WN_OUTPUT_ERROR, wn_file_write */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define WRITER_BUFFER (1u << 16)

struct _WnFileWriter {
    char *path;         /* the output */
    char *tmp;          /* the temporary file beside it; NULL once renamed or removed */
    int fd;             /* the temporary file's, −1 once closed */
    int errsv;          /* errno of the first failure, 0 while all is well */
    const char *failed; /* what failed then: "create the file", "write" … */
    char *buf;          /* small writes gather here */
    gsize len;
    gboolean exclusive; /* commit fails when @path exists (wn_file__create) */
};

/**
 * wn_output_error_quark:
 * The domain of a failed output (WN_OUTPUT_ERROR); codes are GFileError's.
 */
GQuark
wn_output_error_quark(void)
{
    return g_quark_from_static_string("wn-output-error-quark");
}

static gboolean
set_errno_error(GError **error, const char *path, const char *what, int errsv)
{
    g_set_error(error, WN_OUTPUT_ERROR, g_file_error_from_errno(errsv), "%s: cannot %s: %s", path,
                what, g_strerror(errsv));
    return FALSE;
}

/* Keeps the first failure; later ones follow from it. */
static gboolean
fail(WnFileWriter *w, const char *what, int errsv, GError **error)
{
    if (w->errsv == 0) {
        w->errsv = errsv != 0 ? errsv : EIO;
        w->failed = what;
    }
    return set_errno_error(error, w->path, w->failed, w->errsv);
}

/**
 * wn_file__write_fd:
 * Writes all @len bytes of @data to @fd, resuming after short writes and interruptions.
 * Returns: 0, or the errno of the failure (EIO for a write that wrote nothing).
 */
int
wn_file__write_fd(int fd, const char *data, gsize len)
{
    while (len > 0) {
        gssize done = write(fd, data, len);
        if (done < 0 && errno == EINTR) {
            continue;
        }
        if (done <= 0) {
            return done < 0 ? errno : EIO;
        }
        data += done;
        len -= (gsize) done;
    }
    return 0;
}

static gboolean
write_all(WnFileWriter *w, const char *data, gsize len, GError **error)
{
    int errsv = wn_file__write_fd(w->fd, data, len);
    return errsv == 0 || fail(w, "write", errsv, error);
}

static gboolean
flush(WnFileWriter *w, GError **error)
{
    gsize len = w->len;
    w->len = 0;
    return write_all(w, w->buf, len, error);
}

/**
 * wn_file_writer__open:
 * Starts writing @path: the bytes go to a new temporary file in the same folder (named
 * @path.XXXXXX, created with @mode less the umask), which wn_file_writer__commit renames
 * over @path. Freeing the writer without a commit removes the temporary file, so
 * @path is never half written.
 * Only a regular file or a new name is replaced: a folder, a symbolic link, a FIFO or a
 * device at @path is refused before anything is written (G_FILE_ERROR_INVAL), so that an
 * output can never replace /dev/null or follow a planted link.
 * Returns: (transfer full): the writer, or NULL with WN_OUTPUT_ERROR when @path is no
 * file or the temporary file cannot be created ("PATH: cannot create the file: REASON").
 */
WnFileWriter *
wn_file_writer__open(const char *path, int mode, GError **error)
{
    GStatBuf st;
    if (g_lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        g_set_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_INVAL,
                    "%s: cannot write over %s: only a file or a new name is replaced", path,
                    S_ISDIR(st.st_mode)    ? "a folder"
                    : S_ISLNK(st.st_mode)  ? "a symbolic link"
                    : S_ISFIFO(st.st_mode) ? "a named pipe (FIFO)"
                                           : "a device or a socket");
        return NULL;
    }
    g_autofree char *tmp = g_strconcat(path, ".XXXXXX", NULL);
    int fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, mode);
    if (fd < 0) {
        set_errno_error(error, path, "create the file", errno);
        return NULL;
    }
    WnFileWriter *w = g_new0(WnFileWriter, 1);
    w->path = g_strdup(path);
    w->tmp = g_steal_pointer(&tmp);
    w->fd = fd;
    w->buf = g_malloc(WRITER_BUFFER);
    return w;
}

/**
 * wn_file_writer__write:
 * Appends @len bytes of @data; small writes are gathered into larger ones.
 * Returns: FALSE with WN_OUTPUT_ERROR ("PATH: cannot write: REASON") when this or an
 * earlier write failed; then nothing more is written and the commit fails too, so a
 * caller may pass NULL here and look at the commit's error only.
 */
gboolean
wn_file_writer__write(WnFileWriter *w, const char *data, gsize len, GError **error)
{
    if (w->errsv != 0 || w->fd < 0) {
        return fail(w, "write", EBADF, error);
    }
    if (w->len + len > WRITER_BUFFER && !flush(w, error)) {
        return FALSE;
    }
    if (len >= WRITER_BUFFER) {
        return write_all(w, data, len, error);
    }
    memcpy(w->buf + w->len, data, len);
    w->len += len;
    return TRUE;
}

/**
 * wn_file_writer__sync:
 * Writes out what is gathered, syncs the temporary file to the disk and closes it, so
 * that only the rename is left; for outputs renamed together once all are complete.
 * Returns: FALSE with WN_OUTPUT_ERROR when a write, the sync or the close failed.
 */
gboolean
wn_file_writer__sync(WnFileWriter *w, GError **error)
{
    if (w->fd < 0 || w->errsv != 0) {
        return w->errsv == 0 || fail(w, w->failed, w->errsv, error);
    }
    gboolean ok = flush(w, error);
    if (ok && fsync(w->fd) != 0) {
        ok = fail(w, "write", errno, error);
    }
    int fd = w->fd;
    w->fd = -1;
    if (close(fd) != 0 && ok) {
        ok = fail(w, "write", errno, error);
    }
    return ok;
}

/**
 * wn_file_writer__commit:
 * Syncs the temporary file (wn_file_writer__sync) and renames it over the output, which
 * then holds everything written, or, on any failure, removes it.
 * Returns: FALSE with WN_OUTPUT_ERROR ("PATH: cannot write: …", "PATH: cannot replace
 * the file: …") on failure. Free the writer afterwards either way.
 */
gboolean
wn_file_writer__commit(WnFileWriter *w, GError **error)
{
    g_return_val_if_fail(w->tmp != NULL, FALSE); /* committed once only */
    gboolean ok = wn_file_writer__sync(w, error);
    if (ok && w->exclusive && link(w->tmp, w->path) != 0) {
        ok = fail(w, "create the file", errno, error);
    } else if (ok && !w->exclusive && g_rename(w->tmp, w->path) != 0) {
        ok = fail(w, "replace the file", errno, error);
    }
    if (ok && w->exclusive) {
        g_remove(w->tmp); /* the file lives on under @path */
    }
    if (!ok && w->tmp != NULL) {
        g_remove(w->tmp);
    }
    g_clear_pointer(&w->tmp, g_free);
    return ok;
}

/**
 * wn_file_writer__free:
 * Frees @w; when it was not committed, its temporary file is removed. Accepts NULL.
 */
void
wn_file_writer__free(WnFileWriter *w)
{
    if (w == NULL) {
        return;
    }
    if (w->fd >= 0) {
        close(w->fd);
    }
    if (w->tmp != NULL) {
        g_remove(w->tmp);
    }
    g_free(w->tmp);
    g_free(w->path);
    g_free(w->buf);
    g_free(w);
}

/**
 * wn_file__write:
 * Replaces @path by @len bytes of @text (@len < 0: up to its NUL) atomically: through
 * a temporary file in the same folder, synced and renamed (wn_file_writer__open). A
 * reader sees the old file or the new one, never a part.
 * Returns: FALSE with WN_OUTPUT_ERROR naming @path on failure; nothing is left behind.
 */
gboolean
wn_file__write(const char *path, const char *text, gssize len, int mode, GError **error)
{
    g_autoptr(WnFileWriter) w = wn_file_writer__open(path, mode, error);
    gsize n = len < 0 ? strlen(text) : (gsize) len;
    return w != NULL && wn_file_writer__write(w, text, n, error) &&
           wn_file_writer__commit(w, error);
}

/**
 * wn_file__create:
 * Writes @path as wn_file__write does, but only when no file of that name exists: the
 * synced temporary file is linked (not renamed) to @path, which fails when @path exists.
 * A reader sees no file or the whole file; an existing file is never replaced. Meant
 * for secrets such as keys: the writer's copy of @text is zeroed before it is freed.
 * Returns: FALSE with WN_OUTPUT_ERROR naming @path on failure, G_FILE_ERROR_EXIST
 * ("PATH: cannot create the file: File exists") when it exists.
 */
gboolean
wn_file__create(const char *path, const char *text, gssize len, int mode, GError **error)
{
    g_autoptr(WnFileWriter) w = wn_file_writer__open(path, mode, error);
    if (w == NULL) {
        return FALSE;
    }
    w->exclusive = TRUE;
    gsize n = len < 0 ? strlen(text) : (gsize) len;
    gboolean ok = wn_file_writer__write(w, text, n, error) && wn_file_writer__commit(w, error);
    memset(w->buf, 0, WRITER_BUFFER); /* a key leaves no copy in freed memory */
    return ok;
}

/**
 * wn_file__make_folder:
 * Creates the folder @path and any missing parents, with @mode less the umask; an
 * existing folder is fine.
 * Returns: FALSE with WN_OUTPUT_ERROR, "PATH: cannot create WHAT: REASON" (@what is
 * e.g. "the output folder"; NULL gives "cannot create PATH: REASON"), when it cannot
 * be made.
 */
gboolean
wn_file__make_folder(const char *path, int mode, const char *what, GError **error)
{
    if (g_mkdir_with_parents(path, mode) == 0) {
        return TRUE;
    }
    int errsv = errno;
    if (what == NULL) {
        g_set_error(error, WN_OUTPUT_ERROR, g_file_error_from_errno(errsv), "cannot create %s: %s",
                    path, g_strerror(errsv));
        return FALSE;
    }
    g_autofree char *action = g_strconcat("create ", what, NULL);
    return set_errno_error(error, path, action, errsv);
}

/**
 * wn_file_write:
 * Replaces the file @path by @len bytes of @text (@len < 0: up to its NUL), atomically:
 * a temporary file beside it is written, synced and renamed, so a reader never sees
 * half a file and a failure leaves nothing behind. Created with mode 0666 less the umask.
 * Returns: FALSE with WN_OUTPUT_ERROR (a GFileError code) naming @path on failure.
 */
gboolean
wn_file_write(const char *path, const char *text, gssize len, GError **error)
{
    g_return_val_if_fail(path != NULL && text != NULL, FALSE);
    return wn_file__write(path, text, len, 0666, error);
}

/**
 * wn_file_make_folder:
 * Creates the folder @path and any missing parents (mode 0755 less the umask); an
 * existing folder is fine.
 * Returns: FALSE with WN_OUTPUT_ERROR, "PATH: cannot create the folder: REASON".
 */
gboolean
wn_file_make_folder(const char *path, GError **error)
{
    g_return_val_if_fail(path != NULL, FALSE);
    return wn_file__make_folder(path, 0755, "the folder", error);
}
