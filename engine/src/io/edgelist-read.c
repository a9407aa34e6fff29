/* edgelist-read.c: an edge list, as networkx.write_weighted_edgelist writes it */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"

#include <string.h>

/* One field of a line: where it starts (a column in characters, from 1) and its text. */
typedef struct {
    char *text;
    gsize column;
} Field;

static void
field_clear(gpointer data)
{
    g_free(((Field *) data)->text);
}

/* Splits @line at tabs when it holds one (networkx's delimiter="\t"), else at runs of
 * spaces (networkx's default); a `#` starts a comment, as networkx reads it. */
static GArray *
split_line(const char *line, gboolean tabs)
{
    GArray *fields = g_array_new(FALSE, FALSE, sizeof(Field));
    g_array_set_clear_func(fields, field_clear);
    const char *p = line;
    WnColumnCounter columns;
    wn_column__start(&columns, line);
    while (*p != '\0' && *p != '#') {
        while (!tabs && (*p == ' ' || *p == '\t' || *p == '\r')) {
            p++;
        }
        if (*p == '\0' || *p == '#') {
            break;
        }
        const char *end = p + strcspn(p, tabs ? "\t#" : " \t\r#");
        Field f = {g_strstrip(g_strndup(p, (gsize) (end - p))), wn_column__at(&columns, p)};
        g_array_append_val(fields, f);
        p = *end == '\t' ? end + 1 : end;
    }
    if (fields->len == 1 && g_array_index(fields, Field, 0).text[0] == '\0') {
        g_array_set_size(fields, 0);
    }
    return fields;
}

static gboolean
find_or_add(WnDraft *draft, const Field *f, const char *where, gsize *node_out, GError **error)
{
    return wn_draft__find_node(draft, f->text, node_out) ||
           wn_draft__add_node(draft, f->text, where, node_out, error);
}

static gboolean
parse_edge(WnDraft *draft, const char *path, gsize line, const GArray *fields, GError **error)
{
    const Field *f = (const Field *) (void *) fields->data;
    if (fields->len < 2 || fields->len > 3) {
        gsize column = fields->len < 2 ? f[0].column : f[3].column;
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                    "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ": expected a source, a target "
                    "and an optional weight, got %u field%s",
                    path, line, column, fields->len, fields->len == 1 ? "" : "s");
        return FALSE;
    }
    gsize a = 0, b = 0;
    g_autofree char *where_a = wn_import__where(path, line, f[0].column);
    g_autofree char *where_b = wn_import__where(path, line, f[1].column);
    if (!find_or_add(draft, &f[0], where_a, &a, error) ||
        !find_or_add(draft, &f[1], where_b, &b, error)) {
        return FALSE;
    }
    gsize tie = wn_draft__add_tie(draft, a, b, where_a);
    if (fields->len < 3) {
        return TRUE;
    }
    g_autofree char *where_w = wn_import__where(path, line, f[2].column);
    return wn_draft__tie_value(draft, tie, "weight", f[2].text, where_w, error);
}

/*
 * One tie per line: source, target and an optional weight (default 1), separated by
 * spaces, or by tabs when the first tie's line holds a tab (so ids may hold spaces).
 * Empty lines and `#` comments are skipped. Every node becomes a resident.
 */
gboolean
wn_import__edgelist(WnDraft *draft, const char *path, const char *text, gsize length,
                    GError **error)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    gssize tabs = -1;
    (void) length;
    for (gsize i = 0; lines[i] != NULL; i++) {
        if (tabs < 0 && strcspn(lines[i], "#") > strspn(lines[i], " \t\r")) {
            tabs = strchr(lines[i], '\t') != NULL &&
                   strchr(lines[i], '\t') < lines[i] + strcspn(lines[i], "#");
        }
        g_autoptr(GArray) fields = split_line(lines[i], tabs == 1);
        if (fields->len > 0 && !parse_edge(draft, path, i + 1, fields, error)) {
            return FALSE;
        }
    }
    return TRUE;
}
