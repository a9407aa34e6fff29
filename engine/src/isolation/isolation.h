/* isolation/isolation.h: shared by the isolation files (parts, options, counts, areas …) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_ISOLATION_ISOLATION_H
#define WN_ISOLATION_ISOLATION_H

#include "core/core.h"

/* The isolation parts of every node, in node order (non-residents are computed but unused). */
typedef struct {
    gsize n;
    gint64 *informal_degree;
    double *informal_strength;
    gint64 *formal_degree;
    gint64 *groups;
    gint64 *reach2;
    double *weak_share;    /* NaN: no informal resident neighbour */
    gint64 *team_distance; /* -1: no path to a professional */
    guint8 *status;        /* WnStatus */
    double *index;
} WnIsolationParts;

void wn_isolation__parts_free(WnIsolationParts *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnIsolationParts, wn_isolation__parts_free)
WnIsolationParts *wn_isolation__parts(const WnNetwork *net, const WnIsolationOptions *opts,
                                      gboolean all, GError **error);

/* options.c: the --config key file, shared with [suggest] */
gboolean wn_isolation__open_key_file(GKeyFile *file, const char *path, GError **error);

#endif /* WN_ISOLATION_ISOLATION_H */
