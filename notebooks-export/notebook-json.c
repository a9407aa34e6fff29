/* notebook-json.c: JSON, CSV and Markdown text, and the nbformat 4 serialisation of cells */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "notebook-private.h"

#include <string.h>

/* The characters a JSON string literal writes as a short escape */
static const char *const json_escapes[] = {
    ['"'] = "\\\"", ['\\'] = "\\\\", ['\n'] = "\\n", ['\r'] = "\\r",
    ['\t'] = "\\t", ['\b'] = "\\b",  ['\f'] = "\\f",
};

/**
 * wn_notebook_append_json_string:
 * Appends @text to @out as a JSON string literal (RFC 8259), quotes included: `"` and
 * `\` are escaped, control characters below U+0020 become \n, \r, \t, \b, \f or \u00XX,
 * and every other character, non-ASCII included, is kept as UTF-8. Invalid UTF-8 is
 * replaced by U+FFFD, so the result is always valid JSON. NULL is written as "".
 * The literal is also a valid Python string literal.
 */
void
wn_notebook_append_json_string(GString *out, const char *text)
{
    g_autofree char *valid = g_utf8_make_valid(text != NULL ? text : "", -1);
    g_string_append_c(out, '"');
    for (const char *p = valid; *p != '\0'; p++) {
        unsigned char c = (unsigned char) *p;
        if (c < G_N_ELEMENTS(json_escapes) && json_escapes[c] != NULL) {
            g_string_append(out, json_escapes[c]);
        } else if (c < 0x20) {
            g_string_append_printf(out, "\\u%04x", c);
        } else {
            g_string_append_c(out, (char) c);
        }
    }
    g_string_append_c(out, '"');
}

/*
 * Appends dataset text (a title, a source) to Markdown as plain text on one line:
 * line breaks become spaces and the characters Markdown would read as markup are
 * escaped with a backslash, so "karate_club_graph" does not turn italic.
 */
void
nb_append_markdown_inline(GString *out, const char *text)
{
    for (const char *p = text; p != NULL && *p != '\0'; p++) {
        if (*p == '\n' || *p == '\r') {
            g_string_append_c(out, ' ');
            continue;
        }
        if (strchr("\\`*_[]<>|#$", *p) != NULL) {
            g_string_append_c(out, '\\');
        }
        g_string_append_c(out, *p);
    }
}

static void
cell_free(gpointer data)
{
    NbCell *cell = data;
    g_free(cell->id);
    g_string_free(cell->source, TRUE);
    g_free(cell);
}

/* Returns: an empty list of cells that frees its cells. */
GPtrArray *
nb_cells_new(void)
{
    return g_ptr_array_new_with_free_func(cell_free);
}

/*
 * Adds a cell with the id @id (nbformat 4.5: 1 to 64 of [A-Za-z0-9_-], unique).
 * Returns: (transfer none): the cell's source, to append to.
 */
GString *
nb_cells_add(GPtrArray *cells, gboolean code, const char *id)
{
    NbCell *cell = g_new0(NbCell, 1);
    cell->code = code;
    cell->id = g_strdup(id);
    cell->source = g_string_new(NULL);
    g_ptr_array_add(cells, cell);
    return cell->source;
}

/* The source as Jupyter stores it: a list of lines, each but the last ending in "\n". */
static void
append_source(GString *out, const GString *source)
{
    g_autofree char *text = g_strndup(source->str, source->len);
    g_strchomp(text); /* no trailing blank line at the end of a cell */
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    g_string_append(out, "   \"source\": [");
    for (gsize i = 0; lines[i] != NULL; i++) {
        g_autofree char *line =
            lines[i + 1] != NULL ? g_strconcat(lines[i], "\n", NULL) : g_strdup(lines[i]);
        g_string_append(out, i > 0 ? ",\n    " : "\n    ");
        wn_notebook_append_json_string(out, line);
    }
    g_string_append(out, lines[0] != NULL ? "\n   ]\n" : "]\n");
}

static void
append_cell(GString *out, const NbCell *cell)
{
    g_string_append_printf(out, "  {\n   \"cell_type\": \"%s\",\n",
                           cell->code ? "code" : "markdown");
    if (cell->code) {
        g_string_append(out, "   \"execution_count\": null,\n");
    }
    g_string_append(out, "   \"id\": ");
    wn_notebook_append_json_string(out, cell->id);
    g_string_append(out, ",\n   \"metadata\": {},\n");
    if (cell->code) {
        g_string_append(out, "   \"outputs\": [],\n");
    }
    append_source(out, cell->source);
    g_string_append(out, "  }");
}

/*
 * The notebook as nbformat 4.5 JSON, laid out as Jupyter saves it (one-space indents,
 * keys sorted), for a Python 3 kernel; cells unexecuted, without outputs.
 * Returns: a new string, ending in a newline.
 */
char *
nb_cells_to_ipynb(const GPtrArray *cells)
{
    GString *out = g_string_new("{\n \"cells\": [\n");
    for (guint i = 0; i < cells->len; i++) {
        append_cell(out, g_ptr_array_index(cells, i));
        g_string_append(out, i + 1 < cells->len ? ",\n" : "\n");
    }
    g_string_append(out, " ],\n \"metadata\": {\n"
                         "  \"kernelspec\": {\n"
                         "   \"display_name\": \"Python 3\",\n"
                         "   \"language\": \"python\",\n"
                         "   \"name\": \"python3\"\n"
                         "  },\n"
                         "  \"language_info\": {\n"
                         "   \"name\": \"python\"\n"
                         "  }\n"
                         " },\n"
                         " \"nbformat\": 4,\n"
                         " \"nbformat_minor\": 5\n"
                         "}\n");
    return g_string_free(out, FALSE);
}
