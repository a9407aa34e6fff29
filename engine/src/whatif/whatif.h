/* whatif/whatif.h: scenarios (a person leaves, a place closes, ties form) and fieldwork waves */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_WHATIF_WHATIF_H
#define WN_WHATIF_WHATIF_H

#include "core/core.h"
#include "io/io.h"
#include "load/load.h"

/* rebuild.c: a copy of a network with nodes and ties left out, as a draft to add to */
#define WN_REBUILD_ATTRIBUTES 1u /* copy labels, node and tie attributes and metadata too */
WnDraft *wn_whatif__draft(const WnNetwork *net, const guint8 *node_gone, const guint8 *tie_gone,
                          guint flags, GError **error);
gboolean wn_whatif__draft_tie(WnDraft *draft, gsize a, gsize b, WnTieKind kind, double weight,
                              gsize *tie_out, GError **error);

/* add-ties.c: a CSV file read by its header (load/csv.c), and new ties from a file in the
 * ties.csv format, or from the suggestions */
void wn_whatif__csv_clear(WnCsv *csv);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(WnCsv, wn_whatif__csv_clear)
gboolean wn_whatif__csv_header(WnCsv *csv, const char *path, const char *const *names, gsize n,
                               gsize n_required, gssize *fields, const char *what, GError **error);
/* add-ties.c: new ties from a file in the ties.csv format, or from the suggestions */
gboolean wn_whatif__read_ties(WnDraft *draft, const char *path, GError **error);
gboolean wn_whatif__add_suggestions(WnDraft *draft, const WnNetwork *net, GError **error);

/* changes.c: what a scenario changes for each resident present before and after */
typedef struct {
    GArray *status;   /* guint8 per node (wn_isolation_status) */
    guint8 *main;     /* 1 per node in the informal part with the most residents */
    gsize main_size;  /* residents in it */
    gsize *part_size; /* per node: residents in its informal part */
} WnWhatifState;
gboolean wn_whatif__state_init(WnWhatifState *s, const WnNetwork *net, GError **error);
void wn_whatif__state_clear(WnWhatifState *s);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(WnWhatifState, wn_whatif__state_clear)
WnTable *wn_whatif__counts_table(const WnNetwork *before, const WnWhatifState *sb,
                                 const WnNetwork *after, const WnWhatifState *sa, guint min_cell);
WnTable *wn_whatif__changes_table(const WnNetwork *before, const WnWhatifState *sb,
                                  const WnNetwork *after, const WnWhatifState *sa);
char *wn_whatif__contacts_reason(const WnNetwork *before, gsize u, const WnNetwork *after, gsize v);

/* figures.c: the cut points and key figures before and after */
WnTable *wn_whatif__cut_points_table(const WnNetwork *before, const WnNetwork *after,
                                     GError **error);
WnTable *wn_whatif__key_figures_table(const WnNetwork *before, const WnNetwork *after, guint top,
                                      GError **error);

/* compare.c, compare-moves.c: two waves, matched by id */
typedef struct {
    gsize u, v; /* a resident's node in wave 1 and wave 2; G_MAXSIZE where it is absent */
} WnMatch;
GArray *wn_compare__match(const WnNetwork *w1, const WnNetwork *w2);
WnTable *wn_compare__residents_table(const WnNetwork *w1, const GArray *st1, const WnNetwork *w2,
                                     const GArray *st2, const GArray *matches);
WnTable *wn_compare__moves_table(const WnNetwork *w1, const GArray *st1, const WnNetwork *w2,
                                 const GArray *st2, const GArray *matches, guint min_cell);
WnTable *wn_compare__suggestions_table(const WnNetwork *w1, const WnNetwork *w2, const char *path,
                                       GError **error);

#endif /* WN_WHATIF_WHATIF_H */
