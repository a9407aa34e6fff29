/* compare-run.c: two waves compared: residents, moves per status and area, suggestions formed */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "whatif.h"

#include <math.h>

struct _WnCompare {
    WnTable *residents, *moves, *suggestions;
};

/**
 * wn_compare_free:
 * Frees @c and its tables; accepts NULL.
 */
void
wn_compare_free(WnCompare *c)
{
    if (c == NULL) {
        return;
    }
    wn_table_free(c->residents);
    wn_table_free(c->moves);
    wn_table_free(c->suggestions);
    g_free(c);
}

/* Is there a tie (any relation, conflicts aside) between nodes @a and @b of @net? */
static gboolean
tied(const WnNetwork *net, gsize a, gsize b)
{
    const WnCsr *c = wn_csr__shared(net);
    if (wn_csr__degree(c, a) > wn_csr__degree(c, b)) {
        gsize x = a;
        a = b, b = x;
    }
    for (gsize k = c->start[a]; k < c->start[a + 1]; k++) {
        if (c->adj[k] == b) {
            return TRUE;
        }
    }
    return FALSE;
}

typedef struct {
    gint64 rows, formed, tied_before, gone;
} Formed;

static void
count_pair(Formed *f, const WnNetwork *w1, const WnNetwork *w2, const char *a, const char *b)
{
    gsize u1 = 0, v1 = 0, u2 = 0, v2 = 0;
    f->rows++;
    if (!wn_network_node_lookup(w2, a, &u2) || !wn_network_node_lookup(w2, b, &v2)) {
        f->gone++;
        return;
    }
    f->formed += tied(w2, u2, v2);
    f->tied_before += wn_network_node_lookup(w1, a, &u1) && wn_network_node_lookup(w1, b, &v1) &&
                      tied(w1, u1, v1);
}

static WnTable *
formed_table(const Formed *f)
{
    gint64 asked = f->rows - f->gone;
    double precision = asked > 0 ? (double) f->formed / (double) asked : NAN;
    WnTable *t = wn_table__new(1);
    wn_table__add_ints(t, "suggestions", &f->rows, NULL);
    wn_table__add_ints(t, "ends_gone", &f->gone, NULL);
    wn_table__add_ints(t, "formed", &f->formed, NULL);
    wn_table__add_ints(t, "tied_in_wave1", &f->tied_before, NULL);
    wn_table__add_doubles(t, "precision", &precision);
    return t;
}

/**
 * wn_compare__suggestions_table:
 * Of the suggestions in @path (a `wijknet suggest` output of wave 1: its target and
 * candidate columns), how many exist as a tie in @w2: one row with `suggestions` (rows
 * read), `ends_gone` (target or candidate not in wave 2), `formed` (tied in wave 2, any
 * relation), `tied_in_wave1` (of those, already tied in wave 1: not a suggestion's doing)
 * and `precision` = formed / (suggestions − ends_gone), missing when that is 0.
 * Returns: (transfer full): the table, or NULL with the file's error.
 */
WnTable *
wn_compare__suggestions_table(const WnNetwork *w1, const WnNetwork *w2, const char *path,
                              GError **error)
{
    static const char *const names[] = {"target", "candidate", NULL};
    g_auto(WnCsv) csv = {0};
    gssize fields[2];
    if (!wn_whatif__csv_header(&csv, path, names, 2, 2, fields,
                               "a suggest output (target, candidate)", error)) {
        return NULL;
    }
    Formed f = {0};
    for (;;) {
        gboolean done = FALSE;
        if (!wn_csv__next(&csv, &done, error)) {
            return NULL;
        }
        if (done) {
            return formed_table(&f);
        }
        const char *a = wn_load__trim(wn_csv__field(&csv, (gsize) fields[0]));
        const char *b = wn_load__trim(wn_csv__field(&csv, (gsize) fields[1]));
        count_pair(&f, w1, w2, a, b);
    }
}

/**
 * wn_compare_waves:
 * Two datasets of one wijk at two moments, residents matched by id alone (pseudonymised
 * with the same key; a resident in one wave only is counted apart, never matched by
 * guess): per resident its status in each wave and the ties gained and lost by relation
 * type (wn_compare_residents); per status how many moved in and out, left and joined,
 * overall and per area with counts below opts->min_cell hidden (wn_compare_moves); with
 * opts->suggestions (a `suggest` output of wave 1) how many suggested contacts exist in
 * wave 2 (wn_compare_suggestions).
 * Returns: (transfer full): the comparison, or NULL on error (the suggestions file).
 * Cost: O(n + m) for the waves, plus O(d) per suggestion.
 */
WnCompare *
wn_compare_waves(const WnNetwork *wave1, const WnNetwork *wave2, const WnCompareOptions *opts,
                 GError **error)
{
    g_return_val_if_fail(wave1 != NULL && wave2 != NULL && opts != NULL, NULL);
    g_autoptr(GArray) st1 = wn_isolation_status(wave1, error);
    g_autoptr(GArray) st2 = st1 != NULL ? wn_isolation_status(wave2, error) : NULL;
    if (st2 == NULL) {
        return NULL;
    }
    g_autoptr(WnCompare) c = g_new0(WnCompare, 1);
    if (opts->suggestions != NULL) {
        c->suggestions = wn_compare__suggestions_table(wave1, wave2, opts->suggestions, error);
        if (c->suggestions == NULL) {
            return NULL;
        }
    }
    g_autoptr(GArray) matches = wn_compare__match(wave1, wave2);
    c->residents = wn_compare__residents_table(wave1, st1, wave2, st2, matches);
    c->moves = wn_compare__moves_table(wave1, st1, wave2, st2, matches, opts->min_cell);
    return g_steal_pointer(&c);
}

/* Returns: one row per resident of either wave (wn_compare_waves), owned by @c. */
const WnTable *
wn_compare_residents(const WnCompare *c)
{
    return c->residents;
}

/* Returns: the moves into and out of each status, overall and per area, owned by @c. */
const WnTable *
wn_compare_moves(const WnCompare *c)
{
    return c->moves;
}

/* Returns: the suggestions formed, or NULL without opts->suggestions; owned by @c. */
const WnTable *
wn_compare_suggestions(const WnCompare *c)
{
    return c->suggestions;
}
