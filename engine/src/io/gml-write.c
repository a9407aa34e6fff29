/* gml-write.c: the network as GML, as NetworkX's read_gml and igraph read it */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <string.h>

/* A GML string: `&` and `"` as entities, and every character outside printable ASCII
 * as &#N; (GML is ISO-8859-1; NetworkX unescapes entities when reading). */
static void
append_string(GString *out, const char *text)
{
    g_string_append_c(out, '"');
    for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == '&') {
            g_string_append(out, "&amp;");
        } else if (c == '"') {
            g_string_append(out, "&quot;");
        } else if (c < 0x20 || c > 0x7e) {
            g_string_append_printf(out, "&#%u;", (guint) c);
        } else {
            g_string_append_c(out, (char) c);
        }
    }
    g_string_append_c(out, '"');
}

/* A GML real needs a point ("1e-05" would read as the integer 1 and a stray "e-05"). */
static void
append_number(GString *out, const char *text)
{
    const char *e = strpbrk(text, "eE");
    if (e != NULL && memchr(text, '.', (gsize) (e - text)) == NULL) {
        g_string_append_printf(out, "%.*s.0%s", (int) (e - text), text, e);
        return;
    }
    g_string_append(out, text);
}

/* A GML key is a letter followed by letters, digits and `_`; others are mended. */
static char *
gml_key(const char *name, GPtrArray *warnings)
{
    GString *key = g_string_new(g_ascii_isalpha(name[0]) ? NULL : "x");
    for (const char *p = name; *p != '\0'; p++) {
        g_string_append_c(key, g_ascii_isalnum(*p) || *p == '_' ? *p : '_');
    }
    if (strcmp(key->str, name) != 0 && warnings != NULL) {
        g_ptr_array_add(warnings, g_strdup_printf("gml: the value \"%s\" is written as \"%s\" "
                                                  "(a GML key is a letter, then letters, "
                                                  "digits or _)",
                                                  name, key->str));
    }
    return g_string_free(key, FALSE);
}

static void
append_value(GString *out, const char *indent, const char *key, WnValueKind kind, const char *text)
{
    g_string_append_printf(out, "%s%s ", indent, key);
    if (kind == WN_VALUE_NUMBER) {
        append_number(out, text);
    } else if (kind == WN_VALUE_BOOLEAN) {
        g_string_append(out, strcmp(text, "true") == 0 ? "1" : "0");
    } else {
        append_string(out, text);
    }
    g_string_append_c(out, '\n');
}

/* The keys of @columns; the personal label goes under `name` (`label` is the node id). */
static GPtrArray *
column_keys(const GPtrArray *columns, GPtrArray *warnings)
{
    GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
    for (guint j = 0; j < columns->len; j++) {
        const WnExportColumn *c = g_ptr_array_index(columns, j);
        g_ptr_array_add(keys, strcmp(c->name, "label") == 0 ? g_strdup("name")
                                                            : gml_key(c->name, warnings));
    }
    return keys;
}

static void
append_values(GString *out, const GPtrArray *columns, const GPtrArray *keys, gsize row)
{
    for (guint j = 0; j < columns->len; j++) {
        const WnExportColumn *c = g_ptr_array_index(columns, j);
        if (c->cells[row] != NULL) {
            append_value(out, "    ", g_ptr_array_index(keys, j), c->kind, c->cells[row]);
        }
    }
}

static void
append_metadata(GString *out, const WnNetwork *net, GPtrArray *warnings)
{
    g_autoptr(GPtrArray) keys = wn_export__metadata_keys(net);
    for (guint j = 0; j < keys->len; j++) {
        const char *name = g_ptr_array_index(keys, j);
        g_autofree char *key = gml_key(name, warnings);
        append_value(out, "  ", key, WN_VALUE_STRING, g_hash_table_lookup(net->metadata, name));
    }
}

static void
append_nodes(GString *out, const WnNetwork *net, const GPtrArray *columns, GPtrArray *warnings)
{
    g_autoptr(GPtrArray) keys = column_keys(columns, warnings);
    for (gsize v = 0; v < net->n; v++) {
        g_string_append_printf(out, "  node [\n    id %" G_GSIZE_FORMAT "\n    label ", v);
        append_string(out, net->ids[v]);
        g_string_append_c(out, '\n');
        append_values(out, columns, keys, v);
        g_string_append(out, "  ]\n");
    }
}

static void
append_edges(GString *out, const GArray *rows, const GPtrArray *columns, GPtrArray *warnings)
{
    g_autoptr(GPtrArray) keys = column_keys(columns, warnings);
    for (guint i = 0; i < rows->len; i++) {
        const WnTieRow *row = &g_array_index(rows, WnTieRow, i);
        g_string_append_printf(out, "  edge [\n    source %u\n    target %u\n", row->source,
                               row->target);
        append_values(out, columns, keys, i);
        g_string_append(out, "  ]\n");
    }
}

/*
 * GML as NetworkX writes it: nodes numbered 0..n-1 in `id`, the dataset id in `label`
 * (NetworkX names nodes by label), the personal label (when shown) in `name`, booleans
 * as 1 and 0, the metadata as graph values; one edge per relation of a tie, with
 * `multigraph 1` when a pair has several (NetworkX refuses a repeated edge otherwise).
 */
char *
wn_export__gml(const WnNetwork *net, WnExportFlags flags, GPtrArray *warnings, GError **error)
{
    g_auto(WnExportValues) values = {0};
    if (!wn_export__values_init(&values, net, flags, warnings, error)) {
        return NULL;
    }
    GString *out = g_string_new("graph [\n");
    g_string_append_printf(out, "  directed %d\n", net->directed ? 1 : 0);
    if (wn_export__multiplex_ties(net) > 0) {
        g_string_append(out, "  multigraph 1\n");
    }
    append_metadata(out, net, warnings);
    append_nodes(out, net, values.nodes, warnings);
    append_edges(out, values.rows, values.ties, warnings);
    g_string_append(out, "]\n");
    return g_string_free(out, FALSE);
}
