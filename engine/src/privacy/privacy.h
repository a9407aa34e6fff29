/* privacy/privacy.h: shared by the privacy files (keys and pseudonyms) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_PRIVACY_PRIVACY_H
#define WN_PRIVACY_PRIVACY_H

#include "core/core.h"



#endif /* WN_PRIVACY_PRIVACY_H */
