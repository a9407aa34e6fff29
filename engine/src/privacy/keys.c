/* keys.c: pseudonym keys (made, read, placed apart from the data) and keyed pseudonyms */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "privacy.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#define KEY_RANDOM_BYTES 32
#define PSEUDONYM_HEX_DIGITS 16

/* Reads all @n bytes of @buf from @fd, again after a signal.
 * Returns: FALSE with errno set; an end of file before @n bytes is EIO. */
static gboolean
read_all(int fd, guint8 *buf, gsize n)
{
    guint8 *at = buf;
    for (gsize done = 0; done < n;) {
        gssize r = read(fd, at + done, n - done);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            errno = r < 0 ? errno : EIO;
            return FALSE;
        }
        done += (gsize) r;
    }
    return TRUE;
}

/* Fills @buf from /dev/urandom: GRand is no cryptographic generator. */
static gboolean
read_random(guint8 *buf, gsize n, GError **error)
{
    int fd = g_open("/dev/urandom", O_RDONLY, 0);
    if (fd < 0 || !read_all(fd, buf, n)) {
        int saved = errno;
        if (fd >= 0) {
            g_close(fd, NULL);
        }
        return wn_privacy__errno_error(error, G_FILE_ERROR, saved, "/dev/urandom");
    }
    return g_close(fd, error);
}

/* Creates @path with mode 0600, whole or not at all; an existing file is never replaced
 * (wn_file__create). */
static gboolean
write_new_private_file(const char *path, const char *text, GError **error)
{
    g_autoptr(GError) local = NULL;
    if (wn_file__create(path, text, -1, 0600, &local)) {
        return TRUE;
    }
    if (g_error_matches(local, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST)) {
        g_set_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST,
                    "%s: the file exists; refusing to overwrite a key (data pseudonymised with it "
                    "could no longer be linked)",
                    path);
        return FALSE;
    }
    g_propagate_error(error, g_steal_pointer(&local));
    return FALSE;
}

/**
 * wn_pseudonym_key_create:
 * Writes a new key to @path: 32 bytes from /dev/urandom as 64 lower-case hex digits and
 * a line end, in a file created with mode 0600. An existing file at @path is never
 * overwritten (WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST): losing a key unlinks every dataset
 * made with it.
 * Returns: FALSE on error: WN_OUTPUT_ERROR with the GFileError code when the key file
 * cannot be written, G_FILE_ERROR when /dev/urandom cannot be read; the message names
 * the path.
 */
gboolean
wn_pseudonym_key_create(const char *path, GError **error)
{
    g_return_val_if_fail(path != NULL, FALSE);
    guint8 random[KEY_RANDOM_BYTES];
    if (!read_random(random, sizeof random, error)) {
        return FALSE;
    }
    char text[2 * KEY_RANDOM_BYTES + 2];
    for (gsize i = 0; i < sizeof random; i++) {
        g_snprintf(text + 2 * i, 3, "%02x", random[i]);
    }
    text[2 * KEY_RANDOM_BYTES] = '\n';
    text[2 * KEY_RANDOM_BYTES + 1] = '\0';
    gboolean ok = write_new_private_file(path, text, error);
    memset(random, 0, sizeof random);
    memset(text, 0, sizeof text);
    return ok;
}

/**
 * wn_pseudonym_key_load:
 * Reads a key file: its bytes, less any trailing spaces, tabs and line ends (so an editor
 * that adds a newline changes nothing), are the HMAC key (README "Privacy and safety",
 * with the Python recipe). A file from wn_pseudonym_key_create holds 64 hex digits, used
 * as they are. A missing file is G_FILE_ERROR_NOENT, a FIFO or a device or a file over
 * WN_INPUT_KEY_MAX bytes a G_FILE_ERROR too (util/input.c); fewer than
 * WN_PSEUDONYM_KEY_MIN_BYTES bytes or a NUL byte anywhere is WN_ERROR_INVALID.
 * Returns: (transfer full): the key, or NULL on error.
 */
GBytes *
wn_pseudonym_key_load(const char *path, GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    g_autofree char *text = NULL;
    gsize len = 0;
    g_autoptr(GError) read_error = NULL;
    if (!wn_input__read(path, WN_INPUT_KEY_MAX, &text, &len, &read_error)) {
        if (g_error_matches(read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                        "%s: no such key file (wijknet pseudonymise --new-key FILE makes one)",
                        path);
            return NULL;
        }
        g_propagate_error(error, g_steal_pointer(&read_error));
        return NULL;
    }
    if (memchr(text, '\0', len) != NULL) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "%s: expected a key file of text, got a NUL byte at byte %" G_GSIZE_FORMAT
                    " (wijknet pseudonymise --new-key FILE makes one)",
                    path, (gsize) ((const char *) memchr(text, '\0', len) - text) + 1);
        return NULL;
    }
    while (len > 0 && strchr(" \t\r\n", text[len - 1]) != NULL) {
        len--;
    }
    if (len < WN_PSEUDONYM_KEY_MIN_BYTES) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "%s: expected a key of at least %d bytes, got %" G_GSIZE_FORMAT
                    " (wijknet pseudonymise --new-key FILE makes one)",
                    path, WN_PSEUDONYM_KEY_MIN_BYTES, len);
        return NULL;
    }
    GBytes *key = g_bytes_new(text, len);
    memset(text, 0, len);
    return key;
}

static GHmac *
hmac_new(GBytes *key, const char *message)
{
    gsize key_len = 0;
    const guchar *key_data = g_bytes_get_data(key, &key_len);
    GHmac *hmac = g_hmac_new(G_CHECKSUM_SHA256, key_data, key_len);
    g_hmac_update(hmac, (const guchar *) message, -1);
    return hmac;
}

/**
 * wn_pseudonym_new:
 * The pseudonym of the node @id of kind @kind under @key: the kind's letter (R resident,
 * P professional, G group, O organisation), a dash, and the first 16 hex digits of
 * HMAC-SHA256(key, id) — in Python, hmac.new(key, id.encode(), "sha256").hexdigest()[:16].
 * The same key and id always give the same pseudonym; without the key it cannot be
 * reversed or recomputed, not even by trying every likely id.
 * Returns: (transfer full): the pseudonym, e.g. "R-3fa2c1d09e8b7a65".
 */
char *
wn_pseudonym_new(GBytes *key, WnNodeKind kind, const char *id)
{
    static const char letters[WN_NODE_KIND_COUNT] = {'R', 'P', 'G', 'O'};
    g_return_val_if_fail(key != NULL && id != NULL && kind < WN_NODE_KIND_COUNT, NULL);
    g_autoptr(GHmac) hmac = hmac_new(key, id);
    return g_strdup_printf("%c-%.*s", letters[kind], PSEUDONYM_HEX_DIGITS, g_hmac_get_string(hmac));
}

/**
 * wn_pseudonym_key_fingerprint:
 * Names a key without giving it away: the first 16 hex digits of
 * HMAC-SHA256(key, "wijknet key fingerprint"). It is written into the dataset.json of
 * a pseudonymised dataset, so the key that belongs to it can be found again.
 * Returns: (transfer full): the fingerprint.
 */
char *
wn_pseudonym_key_fingerprint(GBytes *key)
{
    g_return_val_if_fail(key != NULL, NULL);
    g_autoptr(GHmac) hmac = hmac_new(key, "wijknet key fingerprint");
    return g_strndup(g_hmac_get_string(hmac), PSEUDONYM_HEX_DIGITS);
}

static gboolean
path_is_inside(const char *path, const char *dir)
{
    g_autofree char *p = g_canonicalize_filename(path, NULL);
    g_autofree char *d = g_canonicalize_filename(dir, NULL);
    g_autofree char *prefix = g_str_has_suffix(d, "/") ? g_strdup(d) : g_strconcat(d, "/", NULL);
    return g_str_has_prefix(p, prefix);
}

/**
 * wn_pseudonym_key_check_placement:
 * The key must never travel with the data it protects (README, Privacy). A key file
 * @key_path inside the output folder @out_dir is refused; one inside the dataset folder
 * @dataset, or one that other users can read (any group or other permission bit), is
 * allowed with a warning added to @warnings_out (when not NULL), e.g. "the key file is
 * inside the dataset folder; keep the key apart from the data". Paths are compared
 * after g_canonicalize_filename(), so "a/../b" and "./b" count; links are not followed.
 * A missing key file gets no permission warning (wn_pseudonym_key_load says it is missing).
 * Returns: FALSE with WN_ERROR_INVALID when the key is inside @out_dir.
 */
gboolean
wn_pseudonym_key_check_placement(const char *key_path, const char *dataset, const char *out_dir,
                                 GPtrArray *warnings_out, GError **error)
{
    g_return_val_if_fail(key_path != NULL && dataset != NULL && out_dir != NULL, FALSE);
    if (path_is_inside(key_path, out_dir)) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "the key file is inside the output folder %s; keep the key apart from the data",
                    out_dir);
        return FALSE;
    }
    if (warnings_out == NULL) {
        return TRUE;
    }
    if (path_is_inside(key_path, dataset)) {
        g_ptr_array_add(warnings_out, g_strdup("the key file is inside the dataset folder; keep "
                                               "the key apart from the data"));
    }
    GStatBuf st;
    if (g_stat(key_path, &st) == 0 && (st.st_mode & 077) != 0) {
        g_ptr_array_add(
            warnings_out,
            g_strdup_printf("%s can be read by other users (chmod 600 %s)", key_path, key_path));
    }
    return TRUE;
}
