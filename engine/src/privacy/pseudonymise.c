/* pseudonymise.c: keyed HMAC-SHA256 pseudonyms for a dataset's ids (DESIGN.md, Privacy) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "privacy.h"
#include "load/load.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#define KEY_RANDOM_BYTES 32
#define PSEUDONYM_HEX_DIGITS 16
#define MAX_DECIMALS 8

/* ---- keys ---- */

static gboolean
set_errno_error(GError **error, int saved_errno, const char *path)
{
    g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(saved_errno), "%s: %s", path,
                g_strerror(saved_errno));
    return FALSE;
}

/* Fills @buf from /dev/urandom: GRand is no cryptographic generator. */
static gboolean
read_random(guint8 *buf, gsize n, GError **error)
{
    int fd = g_open("/dev/urandom", O_RDONLY, 0);
    if (fd < 0) {
        return set_errno_error(error, errno, "/dev/urandom");
    }
    gsize got = 0;
    while (got < n) {
        gssize r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            int saved = r < 0 ? errno : EIO;
            g_close(fd, NULL);
            return set_errno_error(error, saved, "/dev/urandom");
        }
        got += (gsize) r;
    }
    return g_close(fd, error);
}

static gboolean
write_all(int fd, const char *text, gsize len)
{
    gsize done = 0;
    while (done < len) {
        gssize w = write(fd, text + done, len - done);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return FALSE;
        }
        done += (gsize) w;
    }
    return TRUE;
}

/* Creates @path with mode 0600; an existing file is never replaced (O_EXCL). */
static gboolean
write_new_private_file(const char *path, const char *text, GError **error)
{
    int fd = g_open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0 && errno == EEXIST) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                    "%s: the file exists; refusing to overwrite a key (data pseudonymised with it "
                    "could no longer be linked)",
                    path);
        return FALSE;
    }
    if (fd < 0) {
        return set_errno_error(error, errno, path);
    }
    if (!write_all(fd, text, strlen(text)) || g_fsync(fd) != 0) {
        int saved = errno;
        g_close(fd, NULL);
        g_unlink(path);
        return set_errno_error(error, saved, path);
    }
    return g_close(fd, error);
}

/**
 * wn_pseudonym_key_create:
 * Writes a new key to @path: 32 bytes from /dev/urandom as 64 lower-case hex digits and
 * a line end, in a file created with mode 0600. An existing file at @path is never
 * overwritten (G_FILE_ERROR_EXIST): losing a key unlinks every dataset made with it.
 * Returns: FALSE on error (a GFileError naming the path).
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
 * that adds a newline changes nothing), are the HMAC key. A file from
 * wn_pseudonym_key_create holds 64 hex digits, used as they are. A missing file is
 * G_FILE_ERROR_NOENT; fewer than WN_PSEUDONYM_KEY_MIN_BYTES bytes is WN_ERROR_INVALID.
 * Returns: (transfer full): the key, or NULL on error.
 */
GBytes *
wn_pseudonym_key_load(const char *path, GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    g_autofree char *text = NULL;
    gsize len = 0;
    g_autoptr(GError) read_error = NULL;
    if (!g_file_get_contents(path, &text, &len, &read_error)) {
        if (g_error_matches(read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                        "%s: no such key file (wijknet pseudonymise --new-key FILE makes one)",
                        path);
            return NULL;
        }
        g_propagate_error(error, g_steal_pointer(&read_error));
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

/* ---- which columns survive ---- */

typedef enum { CELL_DROP, CELL_KEEP, CELL_PSEUDONYM, CELL_LABEL, CELL_ROUND } CellAction;

static const char *const node_known[] = {"id", "type", "label", "area", "lat", "lon", "vulnerable"};
static const char *const tie_known[] = {"source", "target", "type", "weight", "support_kind"};
static const char *const required[] = {"id", "type", "source", "target"};

static gboolean
in_list(const char *const *list, gsize n, const char *name)
{
    for (gsize i = 0; i < n; i++) {
        if (list[i] != NULL && g_ascii_strcasecmp(list[i], name) == 0) {
            return TRUE;
        }
    }
    return FALSE;
}

static gboolean
in_strv(const char *const *strv, const char *name)
{
    return strv != NULL && in_list(strv, g_strv_length((char **) strv), name);
}

/* What becomes of a nodes.csv column (@name lower case; FORMAT.md columns first). */
static CellAction
plan_node_column(const char *name, const WnPseudonymiseOptions *opts)
{
    if (strcmp(name, "id") == 0) {
        return CELL_PSEUDONYM;
    }
    if (strcmp(name, "type") == 0) {
        return CELL_KEEP;
    }
    if (in_strv(opts->drop, name)) {
        return CELL_DROP;
    }
    if (strcmp(name, "label") == 0) {
        return CELL_LABEL;
    }
    if (strcmp(name, "lat") == 0 || strcmp(name, "lon") == 0) {
        return opts->coordinates == WN_COORDINATES_DROP   ? CELL_DROP
               : opts->coordinates == WN_COORDINATES_KEEP ? CELL_KEEP
                                                          : CELL_ROUND;
    }
    if (in_list(node_known, G_N_ELEMENTS(node_known), name) || in_strv(opts->keep, name)) {
        return CELL_KEEP;
    }
    return CELL_DROP;
}

static CellAction
plan_tie_column(const char *name, const WnPseudonymiseOptions *opts)
{
    if (strcmp(name, "source") == 0 || strcmp(name, "target") == 0) {
        return CELL_PSEUDONYM;
    }
    if (strcmp(name, "type") == 0) {
        return CELL_KEEP;
    }
    if (in_strv(opts->drop, name)) {
        return CELL_DROP;
    }
    if (in_list(tie_known, G_N_ELEMENTS(tie_known), name) || in_strv(opts->keep, name)) {
        return CELL_KEEP;
    }
    return CELL_DROP;
}

static gboolean
names_column(const WnNetwork *net, const char *name)
{
    return in_list(node_known, G_N_ELEMENTS(node_known), name) ||
           in_list(tie_known, G_N_ELEMENTS(tie_known), name) ||
           wn_network__column(net->node_attributes, name) != NULL ||
           wn_network__column(net->tie_attributes, name) != NULL;
}

static gboolean
check_names(const WnNetwork *net, const char *const *names, const char *const *other,
            gboolean dropping, GError **error)
{
    for (gsize i = 0; names != NULL && names[i] != NULL; i++) {
        const char *name = names[i];
        if (dropping && in_list(required, G_N_ELEMENTS(required), name)) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                        "cannot drop \"%s\": a dataset needs it (its ids are pseudonymised)", name);
            return FALSE;
        }
        if (in_strv(other, name)) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID, "\"%s\" is both kept and dropped", name);
            return FALSE;
        }
        if (!names_column(net, name)) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                        "no column named \"%s\" in nodes.csv or ties.csv", name);
            return FALSE;
        }
    }
    return TRUE;
}

/**
 * wn_pseudonymise_options_check:
 * Checks @opts against the dataset @net was loaded from: every name in keep and drop
 * must be a column of nodes.csv or ties.csv (compared case-insensitively; the FORMAT.md
 * columns always count), no name may be both kept and dropped, id, type, source and
 * target cannot be dropped, and decimals is at most 8.
 * Returns: FALSE with WN_ERROR_INVALID naming the fault.
 */
gboolean
wn_pseudonymise_options_check(const WnNetwork *net, const WnPseudonymiseOptions *opts,
                              GError **error)
{
    g_return_val_if_fail(net != NULL && opts != NULL, FALSE);
    if (opts->coordinates == WN_COORDINATES_ROUND && opts->decimals > MAX_DECIMALS) {
        g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                    "expected at most %d decimals for rounded coordinates, got %u", MAX_DECIMALS,
                    opts->decimals);
        return FALSE;
    }
    return check_names(net, opts->keep, opts->drop, FALSE, error) &&
           check_names(net, opts->drop, opts->keep, TRUE, error);
}

/* ---- streaming one CSV file through ---- */

typedef struct {
    const WnNetwork *net;
    const GPtrArray *pseudonyms; /* one per node */
    const WnPseudonymiseOptions *opts;
    const char *file; /* "nodes.csv" or "ties.csv", for notes */
    WnCsv csv;
    GArray *actions; /* CellAction, one per header field */
    gsize id_field;  /* nodes.csv: the id column */
    gboolean in_header;
    GString *out;
    GPtrArray *dropped; /* "nodes.csv:phone" */
} Stream;

static void
stream_clear(Stream *s)
{
    wn_csv__clear(&s->csv);
    g_clear_pointer(&s->actions, g_array_unref);
    if (s->out != NULL) {
        g_string_free(s->out, TRUE);
        s->out = NULL;
    }
}

/* Trims spaces and tabs around a cell, as the loader does. */
static char *
dup_trimmed(const char *cell)
{
    while (*cell == ' ' || *cell == '\t') {
        cell++;
    }
    gsize len = strlen(cell);
    while (len > 0 && (cell[len - 1] == ' ' || cell[len - 1] == '\t')) {
        len--;
    }
    return g_strndup(cell, len);
}

/* One RFC 4180 cell; quoted when it holds the delimiter, a quote or a line end, or
 * starts with `#` (which would make the line a comment, FORMAT.md). */
static void
append_cell(Stream *s, const char *text, gboolean first)
{
    if (!first) {
        g_string_append_c(s->out, s->csv.delimiter);
    }
    /* the header is where the reader detects the delimiter: either one there needs quotes */
    const char *special = s->in_header              ? ",;\"\r\n"
                          : s->csv.delimiter == ';' ? ";\"\r\n"
                                                    : ",\"\r\n";
    if (strpbrk(text, special) == NULL && text[0] != '#') {
        g_string_append(s->out, text);
        return;
    }
    g_string_append_c(s->out, '"');
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '"') {
            g_string_append_c(s->out, '"');
        }
        g_string_append_c(s->out, *p);
    }
    g_string_append_c(s->out, '"');
}

static gboolean
plan_header(Stream *s, gboolean nodes, GError **error)
{
    gboolean done = FALSE;
    if (!wn_csv__next(&s->csv, &done, error)) {
        return FALSE;
    }
    s->actions = g_array_new(FALSE, FALSE, sizeof(CellAction));
    s->in_header = TRUE;
    gboolean first = TRUE;
    for (gsize f = 0; !done && f < wn_csv__field_count(&s->csv); f++) {
        g_autofree char *trimmed = dup_trimmed(wn_csv__field(&s->csv, f));
        g_autofree char *name = g_ascii_strdown(trimmed, -1);
        CellAction a = nodes ? plan_node_column(name, s->opts) : plan_tie_column(name, s->opts);
        g_array_append_val(s->actions, a);
        s->id_field = nodes && strcmp(name, "id") == 0 ? f : s->id_field;
        if (a == CELL_DROP) {
            g_ptr_array_add(s->dropped, g_strdup_printf("%s:%s", s->file, trimmed));
            continue;
        }
        append_cell(s, trimmed, first);
        first = FALSE;
    }
    g_string_append_c(s->out, '\n');
    s->in_header = FALSE;
    return TRUE;
}

/* The pseudonym of the node whose id is in @field of the current record. */
static const char *
pseudonym_at(Stream *s, gsize field, GError **error)
{
    g_autofree char *id = dup_trimmed(wn_csv__field(&s->csv, field));
    gsize node = 0;
    if (!wn_network_node_lookup(s->net, id, &node)) {
        wn_csv__set_error(&s->csv, error, WN_ERROR_INVALID, wn_csv__field_line(&s->csv, field),
                          field + 1,
                          "expected a node id loaded from nodes.csv (did the file change while "
                          "it was pseudonymised?)");
        return NULL;
    }
    return g_ptr_array_index(s->pseudonyms, node);
}

/* A coordinate rounded to opts->decimals; "-0.000" is written "0.000". */
static char *
round_coordinate(const Stream *s, const char *cell)
{
    g_autofree char *text = dup_trimmed(cell);
    if (*text == '\0') {
        return g_steal_pointer(&text);
    }
    if (s->csv.delimiter == ';') {
        g_strdelimit(text, ",", '.');
    }
    double value = g_ascii_strtod(text, NULL);
    char format[16], buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_snprintf(format, sizeof format, "%%.%uf", s->opts->decimals);
    g_ascii_formatd(buf, sizeof buf, format, value);
    if (buf[0] == '-' && g_ascii_strtod(buf, NULL) == 0) {
        return g_strdup(buf + 1);
    }
    return g_strdup(buf);
}

static gboolean
write_cell(Stream *s, gsize f, CellAction a, gboolean first, GError **error)
{
    const char *cell = wn_csv__field(&s->csv, f);
    if (a == CELL_KEEP) {
        append_cell(s, cell, first);
        return TRUE;
    }
    if (a == CELL_ROUND) {
        g_autofree char *rounded = round_coordinate(s, cell);
        append_cell(s, rounded, first);
        return TRUE;
    }
    /* CELL_LABEL: a label becomes the pseudonym of its node, so nothing shows a name */
    const char *pseudonym = pseudonym_at(s, a == CELL_LABEL ? s->id_field : f, error);
    if (pseudonym != NULL) {
        append_cell(s, pseudonym, first);
    }
    return pseudonym != NULL;
}

static gboolean
write_record(Stream *s, GError **error)
{
    gboolean first = TRUE;
    for (gsize f = 0; f < s->actions->len; f++) {
        CellAction a = g_array_index(s->actions, CellAction, f);
        if (a == CELL_DROP) {
            continue;
        }
        if (!write_cell(s, f, a, first, error)) {
            return FALSE;
        }
        first = FALSE;
    }
    g_string_append_c(s->out, '\n');
    return TRUE;
}

/* Reads @dir/@file record by record and writes it, pseudonymised, to @out_dir/@file. */
static gboolean
stream_file(Stream *s, const char *dir, const char *out_dir, GError **error)
{
    g_autofree char *path = g_build_filename(dir, s->file, NULL);
    g_autofree char *out_path = g_build_filename(out_dir, s->file, NULL);
    s->out = g_string_sized_new(1 << 16);
    if (!wn_csv__open(&s->csv, path, error) ||
        !plan_header(s, strcmp(s->file, "nodes.csv") == 0, error)) {
        return FALSE;
    }
    for (;;) {
        gboolean done = FALSE;
        if (!wn_csv__next(&s->csv, &done, error)) {
            return FALSE;
        }
        if (done) {
            break;
        }
        if (!write_record(s, error)) {
            return FALSE;
        }
    }
    return g_file_set_contents_full(out_path, s->out->str, (gssize) s->out->len,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* ---- the dataset as a whole ---- */

/* One pseudonym per node; refuses the astronomically unlikely case of two alike. */
static GPtrArray *
make_pseudonyms(const WnNetwork *net, GBytes *key, GError **error)
{
    gsize n = wn_network_node_count(net);
    g_autoptr(GPtrArray) pseudonyms = g_ptr_array_new_full((guint) n, g_free);
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize v = 0; v < n; v++) {
        char *p = wn_pseudonym_new(key, wn_network_node_kind(net, v), wn_network_node_id(net, v));
        g_ptr_array_add(pseudonyms, p);
        if (!g_hash_table_add(seen, p)) {
            g_set_error(error, WN_ERROR, WN_ERROR_FAILED,
                        "two node ids have the same pseudonym %s (a chance of about 1 in 10^19 "
                        "per pair); make a new key and pseudonymise again",
                        p);
            return NULL;
        }
    }
    return g_steal_pointer(&pseudonyms);
}

/* Refuses to write over the dataset itself, into a file, or into a folder with files. */
static gboolean
prepare_output(const char *dir, const char *out_dir, GError **error)
{
    g_autofree char *in = g_canonicalize_filename(dir, NULL);
    g_autofree char *out = g_canonicalize_filename(out_dir, NULL);
    if (strcmp(in, out) == 0) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                    "%s: is the dataset folder itself; refusing to write over the original",
                    out_dir);
        return FALSE;
    }
    if (g_file_test(out_dir, G_FILE_TEST_EXISTS) && !g_file_test(out_dir, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                    "%s: expected a folder for the pseudonymised dataset, got a file", out_dir);
        return FALSE;
    }
    if (g_file_test(out_dir, G_FILE_TEST_IS_DIR)) {
        g_autoptr(GDir) d = g_dir_open(out_dir, 0, error);
        if (d == NULL) {
            return FALSE;
        }
        if (g_dir_read_name(d) != NULL) {
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                        "%s: the folder is not empty; refusing to write into it", out_dir);
            return FALSE;
        }
        return TRUE;
    }
    return g_mkdir_with_parents(out_dir, 0700) == 0 || set_errno_error(error, errno, out_dir);
}

static const char *
coordinates_note(const WnPseudonymiseOptions *opts, char *buf, gsize size)
{
    if (opts->coordinates == WN_COORDINATES_KEEP) {
        return "kept as they were";
    }
    if (opts->coordinates == WN_COORDINATES_DROP || in_strv(opts->drop, "lat") ||
        in_strv(opts->drop, "lon")) {
        return "dropped";
    }
    g_snprintf(buf, size, "rounded to %u decimals", opts->decimals);
    return buf;
}

/* The "pseudonymised" member of dataset.json: how, with which key, and what was dropped. */
static cJSON *
make_note(GBytes *key, const WnPseudonymiseOptions *opts, const GPtrArray *dropped)
{
    cJSON *note = cJSON_CreateObject();
    g_autofree char *fingerprint = wn_pseudonym_key_fingerprint(key);
    char buf[64];
    cJSON_AddStringToObject(note, "method",
                            "ids are HMAC-SHA256 pseudonyms under a secret key: the node kind's "
                            "letter (R, P, G, O), a dash and the first 16 hex digits");
    cJSON_AddStringToObject(note, "key_fingerprint", fingerprint);
    cJSON_AddStringToObject(note, "labels",
                            in_strv(opts->drop, "label") ? "dropped" : "replaced by the pseudonym");
    cJSON_AddStringToObject(note, "coordinates", coordinates_note(opts, buf, sizeof buf));
    cJSON *columns = cJSON_AddArrayToObject(note, "dropped_columns");
    for (guint i = 0; i < dropped->len; i++) {
        cJSON_AddItemToArray(columns, cJSON_CreateString(g_ptr_array_index(dropped, i)));
    }
    return note;
}

/* dataset.json as it was (or a new one), with the note of make_note. */
static gboolean
write_dataset_json(const char *dir, const char *out_dir, cJSON *note, GError **error)
{
    g_autofree char *path = g_build_filename(dir, "dataset.json", NULL);
    g_autofree char *out_path = g_build_filename(out_dir, "dataset.json", NULL);
    g_autofree char *text = NULL;
    g_autoptr(cJSON) root = NULL;
    if (g_file_test(path, G_FILE_TEST_EXISTS)) {
        if (!g_file_get_contents(path, &text, NULL, error)) {
            return FALSE;
        }
        root = cJSON_Parse(g_str_has_prefix(text, "\xEF\xBB\xBF") ? text + 3 : text);
    }
    if (!cJSON_IsObject(root)) {
        g_clear_pointer(&root, cJSON_Delete);
        root = cJSON_CreateObject();
    }
    cJSON_DeleteItemFromObjectCaseSensitive(root, "pseudonymised");
    cJSON_AddItemToObject(root, "pseudonymised", note);
    char *printed = cJSON_Print(root);
    g_autofree char *json = g_strconcat(printed, "\n", NULL);
    cJSON_free(printed);
    return g_file_set_contents_full(out_path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                    error);
}

static gboolean
copy_areas(const char *dir, const char *out_dir, GError **error)
{
    g_autofree char *path = g_build_filename(dir, "areas.geojson", NULL);
    g_autofree char *out_path = g_build_filename(out_dir, "areas.geojson", NULL);
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        return TRUE;
    }
    return g_file_get_contents(path, &text, &len, error) &&
           g_file_set_contents_full(out_path, text, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT,
                                    0600, error);
}

/* Names what the output leaves out: dropped columns and files that are not copied. */
static void
add_notes(const char *dir, const GPtrArray *dropped, GPtrArray *notes)
{
    static const char *const copied[] = {"nodes.csv", "ties.csv", "dataset.json", "areas.geojson"};
    for (guint i = 0; i < dropped->len; i++) {
        g_ptr_array_add(notes, g_strdup_printf("dropped column %s",
                                               (const char *) g_ptr_array_index(dropped, i)));
    }
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    for (const char *name = d != NULL ? g_dir_read_name(d) : NULL; name != NULL;
         name = g_dir_read_name(d)) {
        if (!in_list(copied, G_N_ELEMENTS(copied), name)) {
            g_ptr_array_add(notes, g_strdup_printf("not copied: %s", name));
        }
    }
}

static gboolean
write_outputs(const WnNetwork *net, const char *dir, const char *out_dir, GBytes *key,
              const WnPseudonymiseOptions *opts, GPtrArray *dropped, GError **error)
{
    g_autoptr(GPtrArray) pseudonyms = make_pseudonyms(net, key, error);
    if (pseudonyms == NULL) {
        return FALSE;
    }
    const char *const files[] = {"nodes.csv", "ties.csv"};
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        Stream s = {net, pseudonyms, opts, files[i], {0}, NULL, 0, FALSE, NULL, dropped};
        gboolean ok = stream_file(&s, dir, out_dir, error);
        stream_clear(&s);
        if (!ok) {
            return FALSE;
        }
    }
    return write_dataset_json(dir, out_dir, make_note(key, opts, dropped), error) &&
           copy_areas(dir, out_dir, error);
}

/* After a failure, leaves the output folder as empty as it was found. */
static void
remove_outputs(const char *out_dir)
{
    static const char *const files[] = {"nodes.csv", "ties.csv", "dataset.json", "areas.geojson"};
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = g_build_filename(out_dir, files[i], NULL);
        g_unlink(path);
    }
}

/**
 * wn_pseudonymise_dataset:
 * Writes the dataset in @dir, which @net was loaded from (so it is known to be valid),
 * to the folder @out_dir (created with mode 0700 when missing; refused when it is @dir,
 * a file, or a folder that is not empty), streaming nodes.csv and ties.csv record by
 * record so row order and every kept cell survive:
 * - id, source and target become wn_pseudonym_new() pseudonyms under @key; a label
 *   becomes its node's pseudonym (or the column is dropped when opts->drop names it);
 * - type, area, vulnerable, weight and support_kind are kept unless opts->drop names
 *   them; lat and lon are rounded, kept or dropped as opts->coordinates says;
 * - every other column is dropped unless opts->keep names it.
 * Comments and empty lines are not copied; the delimiter is kept (so are decimal
 * commas). dataset.json gets a "pseudonymised" member (method, key fingerprint, what was
 * dropped) and is created when missing; areas.geojson is copied as it is; other files are
 * not copied. Every file is written through a temporary file and a rename, with mode 0600.
 * @notes_out, when not NULL, receives one line per dropped column and file left out.
 * Check @opts with wn_pseudonymise_options_check() first.
 * Returns: FALSE on error; the files already written are removed again.
 * Cost: one pass over each file; O(n) memory for the pseudonyms and the output.
 */
gboolean
wn_pseudonymise_dataset(const WnNetwork *net, const char *dir, const char *out_dir, GBytes *key,
                        const WnPseudonymiseOptions *opts, GPtrArray *notes_out, GError **error)
{
    g_return_val_if_fail(net != NULL && dir != NULL && out_dir != NULL, FALSE);
    g_return_val_if_fail(key != NULL && opts != NULL, FALSE);
    if (!prepare_output(dir, out_dir, error)) {
        return FALSE;
    }
    g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func(g_free);
    if (!write_outputs(net, dir, out_dir, key, opts, dropped, error)) {
        remove_outputs(out_dir);
        return FALSE;
    }
    if (notes_out != NULL) {
        add_notes(dir, dropped, notes_out);
    }
    return TRUE;
}
