/* isolation/isolation.h: shared by the isolation files (isolation, ego, projection, areas) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_ISOLATION_ISOLATION_H
#define WN_ISOLATION_ISOLATION_H

#include "core/core.h"



#endif /* WN_ISOLATION_ISOLATION_H */
