/* serve.h: `wijknet serve`, a local explorer of one network over HTTP (libsoup 3) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_SERVE_H
#define WN_SERVE_H

#include "wijknet.h"

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
    const char *listen;   /* the address to bind; NULL: 127.0.0.1 (loopback only) */
    guint port;           /* 0: any free port */
    gboolean show_labels; /* labels are personal data: shown and searched only when asked */
    guint min_cell;       /* small-cell suppression, as WnAreaOptions */
} WnServeOptions;
#define WN_SERVE_OPTIONS_INIT                                                                      \
    {                                                                                              \
        .listen = NULL, .port = 8642, .show_labels = FALSE, .min_cell = 10                         \
    }

typedef struct _WnExplorer WnExplorer;
WnExplorer *wn_explorer_new(WnNetwork *net, WnAreaShapes *shapes, const WnServeOptions *opts,
                            GError **error);
gboolean wn_explorer_listen(WnExplorer *ex, GError **error);
char *wn_explorer_url(const WnExplorer *ex);
void wn_explorer_free(WnExplorer *ex);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WnExplorer, wn_explorer_free)

G_END_DECLS

#endif /* WN_SERVE_H */
