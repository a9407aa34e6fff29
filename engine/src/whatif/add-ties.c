/* add-ties.c: the ties a scenario adds: a file in the ties.csv format, or the suggestions */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "whatif.h"
#include "load/load.h"

void
wn_whatif__csv_clear(WnCsv *csv)
{
    wn_csv__clear(csv);
}

/**
 * wn_whatif__csv_header:
 * Opens @path and reads its header: the field of each of the @n @names (-1 when absent;
 * names compare case-insensitively, spaces trimmed), the first @n_required required.
 * Returns: FALSE with the file's error, or WN_ERROR_PARSE naming @what the file should be.
 */
gboolean
wn_whatif__csv_header(WnCsv *csv, const char *path, const char *const *names, gsize n,
                      gsize n_required, gssize *fields, const char *what, GError **error)
{
    gboolean done = FALSE;
    if (!wn_csv__open(csv, path, error) || !wn_csv__check_utf8(csv, error) ||
        !wn_csv__next(csv, &done, error)) {
        return FALSE;
    }
    gboolean ok = !done;
    for (gsize k = 0; k < n; k++) {
        fields[k] = -1;
        for (gsize f = 0; !done && f < wn_csv__field_count(csv); f++) {
            const char *name = wn_load__trim(wn_csv__field(csv, f));
            if (g_ascii_strcasecmp(name, names[k]) == 0) {
                fields[k] = (gssize) f;
            }
        }
        ok = ok && (k >= n_required || fields[k] >= 0);
    }
    if (!ok) {
        wn_csv__set_error(csv, error, WN_ERROR_PARSE, done ? 1 : csv->record_line, 1,
                          "expected a header naming the columns of %s", what);
    }
    return ok;
}

static const char *
cell(const WnCsv *csv, gssize field)
{
    return field < 0 ? "" : wn_csv__field(csv, (gsize) field);
}

/* One row: both ends known, a tie kind (default acquaintance), a positive weight (default 1). */
static gboolean
add_row(WnDraft *d, const WnCsv *csv, const gssize *fields, GError **error)
{
    gsize ends[2];
    for (gsize k = 0; k < 2; k++) {
        const char *id = wn_load__trim(cell(csv, fields[k]));
        if (!wn_draft__find_node(d, id, &ends[k])) {
            wn_csv__set_error(csv, error, WN_ERROR_INVALID, csv->record_line, (gsize) fields[k] + 1,
                              "unknown node id \"%s\"", id);
            return FALSE;
        }
    }
    const char *type = wn_load__trim(cell(csv, fields[2]));
    const char *weight_text = wn_load__trim(cell(csv, fields[3]));
    guint8 kind = WN_TIE_ACQUAINTANCE;
    double weight = 1;
    if (*type != '\0' && !wn_load__tie_kind(type, &kind)) {
        wn_csv__set_error(csv, error, WN_ERROR_PARSE, csv->record_line, (gsize) fields[2] + 1,
                          "expected a tie type, got \"%s\"", type);
        return FALSE;
    }
    if (*weight_text != '\0' && !wn_load__weight(weight_text, csv->delimiter, &weight)) {
        wn_csv__set_error(csv, error, WN_ERROR_PARSE, csv->record_line, (gsize) fields[3] + 1,
                          "expected a positive weight, got \"%s\"", weight_text);
        return FALSE;
    }
    return wn_whatif__draft_tie(d, ends[0], ends[1], (WnTieKind) kind, weight, NULL, error);
}

/**
 * wn_whatif__read_ties:
 * Adds to @draft the ties of @path, a file in the ties.csv format (docs/FORMAT.md: source,
 * target, optional type and weight; other columns are ignored). Both ends must be nodes of
 * the draft; a self-tie is left out.
 * Returns: FALSE on error: the file's own error, or FILE:LINE:COLUMN and what was expected
 * (WN_ERROR_PARSE), or an unknown id (WN_ERROR_INVALID).
 */
gboolean
wn_whatif__read_ties(WnDraft *draft, const char *path, GError **error)
{
    static const char *const names[] = {"source", "target", "type", "weight", NULL};
    g_auto(WnCsv) csv = {0};
    gssize fields[4];
    if (!wn_whatif__csv_header(&csv, path, names, 4, 2, fields, "ties.csv (source, target)",
                               error)) {
        return FALSE;
    }
    for (;;) {
        gboolean done = FALSE;
        if (!wn_csv__next(&csv, &done, error)) {
            return FALSE;
        }
        if (done) {
            return TRUE;
        }
        if (!add_row(draft, &csv, fields, error)) {
            return FALSE;
        }
    }
}

/**
 * wn_whatif__add_suggestions:
 * Adds to @draft every contact `wijknet suggest` proposes on @net with its default options
 * (the `target` and `candidate` of each row), as made: an acquaintance of weight 1 with a
 * resident, a membership (member) of a group. Ends that left the draft are passed over.
 * Returns: FALSE on error (as wn_suggest_table).
 */
gboolean
wn_whatif__add_suggestions(WnDraft *draft, const WnNetwork *net, GError **error)
{
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    g_autoptr(WnTable) t = wn_suggest_table(net, NULL, &opts, NULL, error);
    gsize target = 0, candidate = 0;
    if (t == NULL) {
        return FALSE;
    }
    if (!wn_table_column_lookup(t, "target", &target) ||
        !wn_table_column_lookup(t, "candidate", &candidate)) {
        g_set_error(error, WN_ERROR, WN_ERROR_FAILED,
                    "the suggestions have no target or candidate");
        return FALSE;
    }
    for (gsize row = 0; row < wn_table_row_count(t); row++) {
        gsize a = 0, b = 0, v = 0;
        const char *cand = wn_table_cell_string(t, row, candidate);
        if (!wn_draft__find_node(draft, wn_table_cell_string(t, row, target), &a) ||
            !wn_draft__find_node(draft, cand, &b) || !wn_network_node_lookup(net, cand, &v)) {
            continue;
        }
        WnTieKind kind =
            wn_network_node_kind(net, v) == WN_NODE_GROUP ? WN_TIE_MEMBER : WN_TIE_ACQUAINTANCE;
        if (!wn_whatif__draft_tie(draft, a, b, kind, 1, NULL, error)) {
            return FALSE;
        }
    }
    return TRUE;
}
