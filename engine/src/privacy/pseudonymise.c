/* pseudonymise.c: a dataset written again with keyed pseudonyms (docs/DESIGN.md, Privacy) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "privacy.h"
#include "load/load.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

/*
 * wn_privacy__errno_error:
 * Sets @error in @domain (G_FILE_ERROR for a file read, WN_OUTPUT_ERROR for one
 * written) with the GFileError code of @saved_errno, as "PATH: reason".
 * Returns: FALSE, for `return wn_privacy__errno_error(…);`.
 */
gboolean
wn_privacy__errno_error(GError **error, GQuark domain, int saved_errno, const char *path)
{
    g_set_error(error, domain, g_file_error_from_errno(saved_errno), "%s: %s", path,
                g_strerror(saved_errno));
    return FALSE;
}

/* ---- streaming one CSV file through ---- */

typedef struct {
    const WnNetwork *net;
    const GPtrArray *pseudonyms; /* one per node */
    const WnPseudonymiseOptions *opts;
    const char *file; /* "nodes.csv" or "ties.csv", for notes */
    WnCsv csv;
    GArray *actions; /* WnCellAction, one per header field */
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

/* One cell (wn_csv_cell__append); quoted when it holds the delimiter, a quote or a line
 * end, or starts with `#` (which would make the line a comment, docs/FORMAT.md); a formula
 * is escaped, a cell the file had escaped stays as it was (docs/FORMAT.md, "CSV rules"). */
static void
append_cell(Stream *s, const char *text, gboolean first)
{
    if (!first) {
        g_string_append_c(s->out, s->csv.delimiter);
    }
    /* the header is where the reader detects the delimiter: either one there needs quotes */
    WnCsvCellGuards guards =
        WN_CSV_CELL_GUARD_COMMENT | WN_CSV_CELL_GUARD_FORMULA | WN_CSV_CELL_AS_READ;
    if (s->in_header) {
        guards |= WN_CSV_CELL_ANY_DELIMITER;
    }
    wn_csv_cell__append(s->out, text, s->csv.delimiter, guards);
}

static gboolean
plan_header(Stream *s, gboolean nodes, GError **error)
{
    gboolean done = FALSE;
    if (!wn_csv__next(&s->csv, &done, error)) {
        return FALSE;
    }
    s->actions = g_array_new(FALSE, FALSE, sizeof(WnCellAction));
    s->in_header = TRUE;
    gboolean first = TRUE;
    for (gsize f = 0; !done && f < wn_csv__field_count(&s->csv); f++) {
        g_autofree char *trimmed = dup_trimmed(wn_csv__field(&s->csv, f));
        g_autofree char *name = g_ascii_strdown(trimmed, -1);
        WnCellAction a = nodes ? wn_privacy__node_column(s->net, name, s->opts)
                               : wn_privacy__tie_column(name, s->opts);
        g_array_append_val(s->actions, a);
        s->id_field = nodes && strcmp(name, "id") == 0 ? f : s->id_field;
        if (a == WN_CELL_DROP) {
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
    if (!wn_network_node_lookup(s->net, wn_load__unescape(id), &node)) {
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
    double value = g_ascii_strtod(wn_load__unescape(text), NULL);
    char format[16], buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_snprintf(format, sizeof format, "%%.%uf", s->opts->decimals);
    g_ascii_formatd(buf, sizeof buf, format, value);
    if (buf[0] == '-' && g_ascii_strtod(buf, NULL) == 0) {
        return g_strdup(buf + 1);
    }
    return g_strdup(buf);
}

static gboolean
write_cell(Stream *s, gsize f, WnCellAction a, gboolean first, GError **error)
{
    const char *cell = wn_csv__field(&s->csv, f);
    if (a == WN_CELL_KEEP) {
        append_cell(s, cell, first);
        return TRUE;
    }
    if (a == WN_CELL_ROUND) {
        g_autofree char *rounded = round_coordinate(s, cell);
        append_cell(s, rounded, first);
        return TRUE;
    }
    /* WN_CELL_LABEL: a label becomes the pseudonym of its node, so nothing shows a name */
    const char *pseudonym = pseudonym_at(s, a == WN_CELL_LABEL ? s->id_field : f, error);
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
        WnCellAction a = g_array_index(s->actions, WnCellAction, f);
        if (a == WN_CELL_DROP) {
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
    return wn_file__write(out_path, s->out->str, (gssize) s->out->len, 0600, error);
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
        g_set_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST,
                    "%s: is the dataset folder itself; refusing to write over the original",
                    out_dir);
        return FALSE;
    }
    if (g_file_test(out_dir, G_FILE_TEST_EXISTS) && !g_file_test(out_dir, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST,
                    "%s: expected a folder for the pseudonymised dataset, got a file", out_dir);
        return FALSE;
    }
    if (g_file_test(out_dir, G_FILE_TEST_IS_DIR)) {
        g_autoptr(GDir) d = g_dir_open(out_dir, 0, NULL);
        if (d == NULL) {
            return wn_privacy__errno_error(error, WN_OUTPUT_ERROR, errno, out_dir);
        }
        if (g_dir_read_name(d) != NULL) {
            g_set_error(error, WN_OUTPUT_ERROR, G_FILE_ERROR_EXIST,
                        "%s: the folder is not empty; refusing to write into it", out_dir);
            return FALSE;
        }
        return TRUE;
    }
    return wn_file__make_folder(out_dir, 0700, "the folder", error);
}

static const char *
coordinates_note(const WnPseudonymiseOptions *opts, char *buf, gsize size)
{
    if (opts->coordinates == WN_COORDINATES_KEEP) {
        return "kept as they were";
    }
    if (opts->coordinates == WN_COORDINATES_DROP || wn_privacy__has_name(opts->drop, "lat") ||
        wn_privacy__has_name(opts->drop, "lon")) {
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
    cJSON_AddStringToObject(
        note, "labels",
        wn_privacy__has_name(opts->drop, "label") ? "dropped" : "replaced by the pseudonym");
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
        if (!wn_input__read(path, WN_INPUT_JSON_MAX, &text, NULL, error)) {
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
    return wn_file__write(out_path, json, -1, 0600, error);
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
    return wn_input__read(path, WN_INPUT_GEOJSON_MAX, &text, &len, error) &&
           wn_file__write(out_path, text, (gssize) len, 0600, error);
}

/* Names what the output leaves out: dropped columns and files that are not copied. */
static void
add_notes(const char *dir, const GPtrArray *dropped, GPtrArray *notes)
{
    static const char *const copied[] = {"nodes.csv", "ties.csv", "dataset.json", "areas.geojson",
                                         NULL};
    for (guint i = 0; i < dropped->len; i++) {
        g_ptr_array_add(notes, g_strdup_printf("dropped column %s",
                                               (const char *) g_ptr_array_index(dropped, i)));
    }
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    for (const char *name = d != NULL ? g_dir_read_name(d) : NULL; name != NULL;
         name = g_dir_read_name(d)) {
        if (!wn_privacy__has_name(copied, name)) {
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
 * Returns: FALSE on error; the files already written are removed again. An output that
 * cannot be made (the folder is not empty: G_FILE_ERROR_EXIST, a full disk …) fails
 * with WN_OUTPUT_ERROR and the GFileError code; an input that cannot be read with
 * G_FILE_ERROR; an id not loaded from nodes.csv with WN_ERROR_INVALID.
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
