/* fieldwork-write.c: writes a network as a fieldwork dataset that the loader reads back */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Appends one cell (after a comma unless @first), quoted when it holds a delimiter of
 * either kind, a quote or a line end, or starts with `#` (a comment line, docs/FORMAT.md);
 * escaped for spreadsheets as the loader undoes it (docs/FORMAT.md, "CSV rules"). */
static void
cell(GString *out, const char *text, gboolean first)
{
    if (!first) {
        g_string_append_c(out, ',');
    }
    wn_csv_cell__append(out, text, ',',
                        WN_CSV_CELL_ANY_DELIMITER | WN_CSV_CELL_GUARD_COMMENT |
                            WN_CSV_CELL_GUARD_FORMULA);
}

/* Writes @dir/@name whole or not at all (wn_file__write). */
static gboolean
write_file(const char *dir, const char *name, const GString *text, GError **error)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    return wn_file__write(path, text->str, (gssize) text->len, 0666, error);
}

/* A metadata value as it was read: JSON other than a string goes back as JSON, but only
 * when the loader will read back the same text (compact JSON, as it keeps such values).
 * The whole value must be JSON: cJSON_Parse alone reads "2025-03-04" as the number 2025;
 * and "007" or "12345678901234567890" are text, not the numbers 7 and 1.2345678901234567e+19. */
static cJSON *
metadata_item(const char *value)
{
    cJSON *parsed = cJSON_ParseWithOpts(value, NULL, TRUE);
    char *printed =
        parsed != NULL && !cJSON_IsString(parsed) ? cJSON_PrintUnformatted(parsed) : NULL;
    gboolean same = printed != NULL && strcmp(printed, value) == 0;
    cJSON_free(printed);
    if (same) {
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
    return write_file(dir, "dataset.json", text, error);
}

static void
append_columns_header(GString *out, const GPtrArray *columns)
{
    for (guint j = 0; j < columns->len; j++) {
        cell(out, ((const WnColumn *) g_ptr_array_index(columns, j))->name, FALSE);
    }
    g_string_append_c(out, '\n');
}

static void
append_node_row(GString *out, const WnNetwork *net, gsize v)
{
    char lat[WN_NUMBER_TEXT_SIZE], lon[WN_NUMBER_TEXT_SIZE];
    gboolean placed = !isnan(net->lat[v]) && !isnan(net->lon[v]);
    cell(out, net->ids[v], TRUE);
    cell(out, wn_node_kind_name((WnNodeKind) net->kinds[v]), FALSE);
    cell(out, net->labels[v], FALSE);
    cell(out, net->areas[v], FALSE);
    cell(out, placed ? wn_number__round_trip(lat, net->lat[v]) : NULL, FALSE);
    cell(out, placed ? wn_number__round_trip(lon, net->lon[v]) : NULL, FALSE);
    cell(out, net->vulnerable[v] ? "1" : "0", FALSE);
    for (guint j = 0; j < net->node_attributes->len; j++) {
        const WnColumn *c = g_ptr_array_index(net->node_attributes, j);
        cell(out, c->values[v], FALSE);
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
    return write_file(dir, "nodes.csv", out, error);
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

/* Appends the rows of one relation (@kind, @weight) of tie @t: one, or in a directed
 * dataset one per arc of its pair, the weight shared between the arcs. */
static void
append_relation_rows(GArray *rows, const WnNetwork *net, GHashTable *arcs, gsize t, guint kind,
                     double weight)
{
    WnTieRow row = {(guint32) t, net->tie_from[t], net->tie_to[t], kind, weight};
    gint64 back = ((gint64) row.target << 32) | row.source;
    gboolean both = arcs != NULL && g_hash_table_contains(arcs, &back);
    row.weight = both ? row.weight / 2 : row.weight;
    g_array_append_val(rows, row);
    if (both) {
        WnTieRow reverse = {row.tie, row.target, row.source, kind, row.weight};
        g_array_append_val(rows, reverse);
    }
}

/**
 * wn_write__tie_rows:
 * The rows the ties are written as, from each tie's first row's source to its target.
 * With @per_relation, one row per relation of a tie (docs/FORMAT.md "Several relations per
 * pair"): its first row's type first, then the others in the order of WnTieKind, each
 * with its own weight; without, one row per tie with its first type and its whole weight.
 * In a directed dataset a pair tied both ways gives two rows for each, each with half the
 * weight, so that loading them again gives the same ties, relations, weights and arcs.
 * Returns: (transfer full): a GArray of WnTieRow. Cost: O(m + relations).
 */
GArray *
wn_write__tie_rows(const WnNetwork *net, gboolean per_relation)
{
    GArray *rows = g_array_sized_new(FALSE, FALSE, sizeof(WnTieRow), (guint) net->m);
    g_autoptr(GHashTable) arcs = net->directed ? arc_set(net) : NULL;
    for (gsize t = 0; t < net->m; t++) {
        guint first = net->tie_kind[t];
        WnRelations relations = wn_network_tie_relations(net, t);
        if (!per_relation || relations == WN_RELATION(first)) {
            append_relation_rows(rows, net, arcs, t, first, net->tie_weight[t]);
            continue;
        }
        append_relation_rows(rows, net, arcs, t, first,
                             wn_network_tie_relation_weight(net, t, (WnTieKind) first));
        for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
            if (k != first && (relations & WN_RELATION(k)) != 0) {
                append_relation_rows(rows, net, arcs, t, k,
                                     wn_network_tie_relation_weight(net, t, (WnTieKind) k));
            }
        }
    }
    return rows;
}

static void
append_tie_row(GString *out, const WnNetwork *net, const WnTieRow *row)
{
    char weight[WN_NUMBER_TEXT_SIZE];
    cell(out, net->ids[row->source], TRUE);
    cell(out, net->ids[row->target], FALSE);
    cell(out, wn_tie_kind_name((WnTieKind) row->kind), FALSE);
    cell(out, wn_number__round_trip(weight, row->weight), FALSE);
    for (guint j = 0; j < net->tie_attributes->len; j++) {
        const WnColumn *c = g_ptr_array_index(net->tie_attributes, j);
        cell(out, c->values[row->tie], FALSE);
    }
    g_string_append_c(out, '\n');
}

static void
append_conflict_row(GString *out, const WnNetwork *net, gsize conflict)
{
    gsize a = 0, b = 0;
    wn_network_conflict_ends(net, conflict, &a, &b);
    cell(out, net->ids[a], TRUE);
    cell(out, net->ids[b], FALSE);
    cell(out, "conflict", FALSE);
    for (guint j = 0; j <= net->tie_attributes->len; j++) {
        cell(out, NULL, FALSE);
    }
    g_string_append_c(out, '\n');
}

static gboolean
save_ties(const WnNetwork *net, const char *dir, GError **error)
{
    g_autoptr(GString) out = g_string_new("source,target,type,weight");
    append_columns_header(out, net->tie_attributes);
    g_autoptr(GArray) rows = wn_write__tie_rows(net, TRUE);
    for (guint i = 0; i < rows->len; i++) {
        append_tie_row(out, net, &g_array_index(rows, WnTieRow, i));
    }
    for (gsize c = 0; c < wn_network_conflict_count(net); c++) {
        append_conflict_row(out, net, c);
    }
    return write_file(dir, "ties.csv", out, error);
}

/**
 * wn_network_save:
 * Writes @net as a fieldwork dataset (docs/FORMAT.md) in the folder @dir, made when missing:
 * nodes.csv (id, type, label, area, lat, lon, vulnerable, then every attribute column),
 * ties.csv (source, target, type, weight, then every tie attribute: one row per relation
 * of a tie, with that relation's weight and the tie's attributes; conflicts last, as type
 * conflict) and dataset.json (the metadata and the directed flag). Each file is
 * written to a temporary file and renamed, so an interrupted save leaves no half-written
 * file. Loading the folder gives the same network: the same nodes and values in the same
 * order, the same ties, relations, weights, kinds, attributes and conflicts. Merged rows stay
 * merged; in a directed dataset a pair tied both ways is written as two arcs, each with
 * half the pair's weight. Labels are written: the dataset is the user's own data.
 * Returns: FALSE with WN_OUTPUT_ERROR when a folder or file cannot be written.
 * Cost: O(n + m) time; the text of the largest file in memory.
 */
gboolean
wn_network_save(const WnNetwork *net, const char *dir, GError **error)
{
    g_return_val_if_fail(net != NULL && dir != NULL, FALSE);
    return wn_file__make_folder(dir, 0755, "the dataset folder", error) &&
           save_nodes(net, dir, error) && save_ties(net, dir, error) &&
           wn_write__dataset_json(dir, net->metadata, net->directed, error);
}
