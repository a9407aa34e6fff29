/* privacy/privacy.h: shared by the privacy files (keys, columns, pseudonymise) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_PRIVACY_PRIVACY_H
#define WN_PRIVACY_PRIVACY_H

#include "core/core.h"

/* What becomes of the cells of one column */
typedef enum {
    WN_CELL_DROP,      /* left out, and listed as dropped */
    WN_CELL_KEEP,      /* copied as it is */
    WN_CELL_PSEUDONYM, /* an id: its node's pseudonym */
    WN_CELL_LABEL,     /* a label: its node's pseudonym, so nothing shows a name */
    WN_CELL_ROUND,     /* a coordinate rounded to opts->decimals */
} WnCellAction;

gboolean wn_privacy__has_name(const char *const *names, const char *name);
WnCellAction wn_privacy__node_column(const WnNetwork *net, const char *name,
                                     const WnPseudonymiseOptions *opts);
WnCellAction wn_privacy__tie_column(const char *name, const WnPseudonymiseOptions *opts);
GPtrArray *wn_privacy__shown_attributes(const WnNetwork *net, gboolean show_personal);
gboolean wn_privacy__errno_error(GError **error, GQuark domain, int saved_errno, const char *path);

#endif /* WN_PRIVACY_PRIVACY_H */
