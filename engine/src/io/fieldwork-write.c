/* fieldwork-write.c: writes a network as a fieldwork dataset that the loader reads back */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/*
 * Appends one RFC 4180 cell, quoted when it holds a delimiter, a quote or a line end,
 * or starts with `#` (which would make the line a comment, docs/FORMAT.md).
 */
void
wn_write__csv_cell(GString *out, const char *text, gboolean first)
{
    if (!first) {
        g_string_append_c(out, ',');
    }
    if (text == NULL) {
        return;
    }
    if (strpbrk(text, ",;\"\r\n") == NULL && text[0] != '#') {
        g_string_append(out, text);
        return;
    }
    g_string_append_c(out, '"');
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '"') {
            g_string_append_c(out, '"');
        }
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}

/* The shortest of %.15g and %.17g that reads back as @value; "-0" is written "0". */
const char *
wn_write__number(char buf[WN_NUMBER_BUF_SIZE], double value)
{
    g_ascii_formatd(buf, WN_NUMBER_BUF_SIZE, "%.15g", value);
    if (g_ascii_strtod(buf, NULL) != value) {
        g_ascii_formatd(buf, WN_NUMBER_BUF_SIZE, "%.17g", value);
    }
    if (strcmp(buf, "-0") == 0) {
        g_strlcpy(buf, "0", WN_NUMBER_BUF_SIZE);
    }
    return buf;
}

/* Writes @dir/@name through a temporary file and a rename (g_file_set_contents). */
gboolean
wn_write__file(const char *dir, const char *name, const GString *text, GError **error)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    return g_file_set_contents(path, text->str, (gssize) text->len, error);
}

/* A metadata value as it was read: JSON other than a string goes back as JSON. The whole
 * value must be JSON: cJSON_Parse alone reads "2025-03-04" as the number 2025. */
static cJSON *
metadata_item(const char *value)
{
    cJSON *parsed = cJSON_ParseWithOpts(value, NULL, TRUE);
    if (parsed != NULL && !cJSON_IsString(parsed)) {
        return parsed;
    }
    cJSON_Delete(parsed);
    return cJSON_CreateString(value);
}

static gint
compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* The text of dataset.json: every metadata key in name order, then the directed flag.
 * Returns: (transfer full): the text, ending in a line end. */
char *
wn_write__dataset_json_text(GHashTable *metadata, gboolean directed)
{
    g_autoptr(cJSON) root = cJSON_CreateObject();
    guint n_keys = 0;
    g_autofree gpointer *keys = g_hash_table_get_keys_as_array(metadata, &n_keys);
    qsort(keys, n_keys, sizeof(gpointer), compare_strings);
    for (guint i = 0; i < n_keys; i++) {
        const char *key = keys[i];
        if (strcmp(key, "directed") != 0) {
            cJSON_AddItemToObject(root, key, metadata_item(g_hash_table_lookup(metadata, key)));
        }
    }
    cJSON_AddBoolToObject(root, "directed", directed);
    char *printed = cJSON_Print(root);
    char *text = g_strconcat(printed, "\n", NULL);
    cJSON_free(printed);
    return text;
}

/* dataset.json in @dir (wn_write__dataset_json_text). */
gboolean
wn_write__dataset_json(const char *dir, GHashTable *metadata, gboolean directed, GError **error)
{
    g_autofree char *json = wn_write__dataset_json_text(metadata, directed);
    g_autoptr(GString) text = g_string_new(json);
    return wn_write__file(dir, "dataset.json", text, error);
}

static void
append_columns_header(GString *out, const GPtrArray *columns)
{
    for (guint j = 0; j < columns->len; j++) {
        wn_write__csv_cell(out, ((const WnColumn *) g_ptr_array_index(columns, j))->name, FALSE);
    }
    g_string_append_c(out, '\n');
}

static void
append_node_row(GString *out, const WnNetwork *net, gsize v)
{
    char lat[WN_NUMBER_BUF_SIZE], lon[WN_NUMBER_BUF_SIZE];
    gboolean placed = !isnan(net->lat[v]) && !isnan(net->lon[v]);
    wn_write__csv_cell(out, net->ids[v], TRUE);
    wn_write__csv_cell(out, wn_node_kind_name((WnNodeKind) net->kinds[v]), FALSE);
    wn_write__csv_cell(out, net->labels[v], FALSE);
    wn_write__csv_cell(out, net->areas[v], FALSE);
    wn_write__csv_cell(out, placed ? wn_write__number(lat, net->lat[v]) : NULL, FALSE);
    wn_write__csv_cell(out, placed ? wn_write__number(lon, net->lon[v]) : NULL, FALSE);
    wn_write__csv_cell(out, net->vulnerable[v] ? "1" : "0", FALSE);
    for (guint j = 0; j < net->node_attributes->len; j++) {
        const WnColumn *c = g_ptr_array_index(net->node_attributes, j);
        wn_write__csv_cell(out, c->values[v], FALSE);
    }
    g_string_append_c(out, '\n');
}

static gboolean
save_nodes(const WnNetwork *net, const char *dir, GError **error)
{
    g_autoptr(GString) out = g_string_new("id,type,label,area,lat,lon,vulnerable");
    append_columns_header(out, net->node_attributes);
    for (gsize v = 0; v < net->n; v++) {
        append_node_row(out, net, v);
    }
    return wn_write__file(dir, "nodes.csv", out, error);
}

/* The ordered pairs of a directed dataset's arcs, as keys of a set. */
static GHashTable *
arc_set(const WnNetwork *net)
{
    GHashTable *set = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    for (guint i = 0; i + 1 < net->arcs->len; i += 2) {
        gint64 *key = g_new(gint64, 1);
        *key = ((gint64) g_array_index(net->arcs, guint32, i) << 32) |
               g_array_index(net->arcs, guint32, i + 1);
        g_hash_table_add(set, key);
    }
    return set;
}

/**
 * wn_write__tie_rows:
 * One row per tie, from its first row's source to its target. In a directed dataset
 * a pair tied both ways gives two rows, each with half the pair's weight, so that
 * loading them again gives the same ties, weights and arcs.
 * Returns: (transfer full): a GArray of WnTieRow. Cost: O(m).
 */
GArray *
wn_write__tie_rows(const WnNetwork *net)
{
    GArray *rows = g_array_sized_new(FALSE, FALSE, sizeof(WnTieRow), (guint) net->m);
    g_autoptr(GHashTable) arcs = net->directed ? arc_set(net) : NULL;
    for (gsize t = 0; t < net->m; t++) {
        WnTieRow row = {(guint32) t, net->tie_from[t], net->tie_to[t], net->tie_weight[t]};
        gint64 back = ((gint64) row.target << 32) | row.source;
        gboolean both = arcs != NULL && g_hash_table_contains(arcs, &back);
        row.weight = both ? row.weight / 2 : row.weight;
        g_array_append_val(rows, row);
        if (both) {
            WnTieRow reverse = {row.tie, row.target, row.source, row.weight};
            g_array_append_val(rows, reverse);
        }
    }
    return rows;
}

static void
append_tie_row(GString *out, const WnNetwork *net, const WnTieRow *row)
{
    char weight[WN_NUMBER_BUF_SIZE];
    wn_write__csv_cell(out, net->ids[row->source], TRUE);
    wn_write__csv_cell(out, net->ids[row->target], FALSE);
    wn_write__csv_cell(out, wn_tie_kind_name((WnTieKind) net->tie_kind[row->tie]), FALSE);
    wn_write__csv_cell(out, wn_write__number(weight, row->weight), FALSE);
    for (guint j = 0; j < net->tie_attributes->len; j++) {
        const WnColumn *c = g_ptr_array_index(net->tie_attributes, j);
        wn_write__csv_cell(out, c->values[row->tie], FALSE);
    }
    g_string_append_c(out, '\n');
}

static void
append_conflict_row(GString *out, const WnNetwork *net, gsize conflict)
{
    gsize a = 0, b = 0;
    wn_network_conflict_ends(net, conflict, &a, &b);
    wn_write__csv_cell(out, net->ids[a], TRUE);
    wn_write__csv_cell(out, net->ids[b], FALSE);
    wn_write__csv_cell(out, "conflict", FALSE);
    for (guint j = 0; j <= net->tie_attributes->len; j++) {
        wn_write__csv_cell(out, NULL, FALSE);
    }
    g_string_append_c(out, '\n');
}

static gboolean
save_ties(const WnNetwork *net, const char *dir, GError **error)
{
    g_autoptr(GString) out = g_string_new("source,target,type,weight");
    append_columns_header(out, net->tie_attributes);
    g_autoptr(GArray) rows = wn_write__tie_rows(net);
    for (guint i = 0; i < rows->len; i++) {
        append_tie_row(out, net, &g_array_index(rows, WnTieRow, i));
    }
    for (gsize c = 0; c < wn_network_conflict_count(net); c++) {
        append_conflict_row(out, net, c);
    }
    return wn_write__file(dir, "ties.csv", out, error);
}

/**
 * wn_network_save:
 * Writes @net as a fieldwork dataset (docs/FORMAT.md) in the folder @dir, made when missing:
 * nodes.csv (id, type, label, area, lat, lon, vulnerable, then every attribute column),
 * ties.csv (source, target, type, weight, then every tie attribute; conflicts last, as
 * type conflict) and dataset.json (the metadata and the directed flag). Each file is
 * written to a temporary file and renamed, so an interrupted save leaves no half-written
 * file. Loading the folder gives the same network: the same nodes and values in the same
 * order, the same ties, weights, kinds, attributes and conflicts. Merged rows stay
 * merged; in a directed dataset a pair tied both ways is written as two arcs, each with
 * half the pair's weight. Labels are written: the dataset is the user's own data.
 * Returns: FALSE with a G_FILE_ERROR when a folder or file cannot be written.
 * Cost: O(n + m) time; the text of the largest file in memory.
 */
gboolean
wn_network_save(const WnNetwork *net, const char *dir, GError **error)
{
    g_return_val_if_fail(net != NULL && dir != NULL, FALSE);
    if (g_mkdir_with_parents(dir, 0755) != 0) {
        int saved = errno;
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(saved),
                    "%s: cannot create the dataset folder: %s", dir, g_strerror(saved));
        return FALSE;
    }
    return save_nodes(net, dir, error) && save_ties(net, dir, error) &&
           wn_write__dataset_json(dir, net->metadata, net->directed, error);
}
