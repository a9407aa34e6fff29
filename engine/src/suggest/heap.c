/* heap.c: a binary heap kept in a GArray, for elements of any type */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

/* Swaps elements @i and @j (of @size bytes) of @data, byte by byte: any size will do. */
static void
swap(guint8 *data, gsize size, gsize i, gsize j)
{
    guint8 *a = data + i * size, *b = data + j * size;
    for (gsize k = 0; k < size; k++) {
        guint8 tmp = a[k];
        a[k] = b[k];
        b[k] = tmp;
    }
}

/**
 * wn_heap__push:
 * Appends *@item to @heap and moves it up while it belongs above its parent (@above(a, b):
 * TRUE when a belongs nearer the top than b).
 */
void
wn_heap__push(GArray *heap, gconstpointer item, WnHeapAbove above)
{
    gsize size = g_array_get_element_size(heap);
    g_array_append_vals(heap, item, 1);
    guint8 *h = (guint8 *) heap->data;
    for (gsize i = heap->len - 1; i > 0 && above(h + i * size, h + (i - 1) / 2 * size);
         i = (i - 1) / 2) {
        swap(h, size, i, (i - 1) / 2);
    }
}

/**
 * wn_heap__sift_down:
 * Restores the heap order of @heap below index @i, after the element there changed
 * (@above as for wn_heap__push).
 */
void
wn_heap__sift_down(GArray *heap, gsize i, WnHeapAbove above)
{
    gsize size = g_array_get_element_size(heap), len = heap->len;
    guint8 *h = (guint8 *) heap->data;
    for (;;) {
        gsize l = 2 * i + 1, r = l + 1, m = i;
        m = l < len && above(h + l * size, h + m * size) ? l : m;
        m = r < len && above(h + r * size, h + m * size) ? r : m;
        if (m == i) {
            return;
        }
        swap(h, size, i, m);
        i = m;
    }
}
