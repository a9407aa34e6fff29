/* sorted.c: what two ascending lists of numbers share */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

/*
 * wn_sorted__intersect:
 * The values two ascending lists @a and @b (without repeats) share, such as the common
 * neighbours or the shared interests of two nodes; appended to @common_out (of guint32,
 * ascending) when it is not NULL.
 * Returns: how many values they share.
 * Cost: O(@na + @nb).
 */
gsize
wn_sorted__intersect(const guint32 *a, gsize na, const guint32 *b, gsize nb, GArray *common_out)
{
    gsize i = 0, j = 0, shared = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            if (common_out != NULL) {
                g_array_append_val(common_out, a[i]);
            }
            shared++;
            i++;
            j++;
        } else if (a[i] < b[j]) {
            i++;
        } else {
            j++;
        }
    }
    return shared;
}
