/* touching.c: which areas of an areas.geojson touch, for the suggestions beyond an area */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "maps.h"

#include <math.h>

/* Two boundaries closer than this (degrees, about a metre) touch: the files round and
 * simplify their shared borders a little differently. */
#define TOUCH_DEGREES 1e-5

struct _WnAreaTouching {
    GHashTable *by_code; /* code -> GPtrArray of codes, sorted by strcmp (all owned) */
};

/* The bounding box of every ring of a shape, widened by TOUCH_DEGREES. */
typedef struct {
    double west, south, east, north;
} Box;

static Box
shape_box(const WnAreaShape *s)
{
    Box b = {G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE};
    for (guint r = 0; r < s->rings->len; r++) {
        const GArray *ring = g_ptr_array_index(s->rings, r);
        for (guint i = 0; i < ring->len; i++) {
            const WnLonLat *p = &g_array_index(ring, WnLonLat, i);
            b = (Box){MIN(b.west, p->lon), MIN(b.south, p->lat), MAX(b.east, p->lon),
                      MAX(b.north, p->lat)};
        }
    }
    return (Box){b.west - TOUCH_DEGREES, b.south - TOUCH_DEGREES, b.east + TOUCH_DEGREES,
                 b.north + TOUCH_DEGREES};
}

static gboolean
boxes_meet(const Box *a, const Box *b)
{
    return a->west <= b->east && b->west <= a->east && a->south <= b->north && b->south <= a->north;
}

static gboolean
in_box(const Box *b, const WnLonLat *p)
{
    return p->lon >= b->west && p->lon <= b->east && p->lat >= b->south && p->lat <= b->north;
}

/* Is @p within TOUCH_DEGREES of the segment @a–@b (planar, in degrees)? */
static gboolean
near_segment(const WnLonLat *p, const WnLonLat *a, const WnLonLat *b)
{
    double dx = b->lon - a->lon, dy = b->lat - a->lat;
    double length2 = dx * dx + dy * dy;
    double s = length2 > 0.0 ? ((p->lon - a->lon) * dx + (p->lat - a->lat) * dy) / length2 : 0.0;
    s = CLAMP(s, 0.0, 1.0);
    double ex = a->lon + s * dx - p->lon, ey = a->lat + s * dy - p->lat;
    return ex * ex + ey * ey <= TOUCH_DEGREES * TOUCH_DEGREES;
}

/* Is @p near a segment of @s that lies in @box (the other shape's box)? */
static gboolean
near_shape(const WnLonLat *p, const WnAreaShape *s, const Box *box)
{
    for (guint r = 0; r < s->rings->len; r++) {
        const GArray *ring = g_ptr_array_index(s->rings, r);
        for (guint i = 0; i + 1 < ring->len; i++) {
            const WnLonLat *a = &g_array_index(ring, WnLonLat, i);
            const WnLonLat *b = &g_array_index(ring, WnLonLat, i + 1);
            Box seg = {MIN(a->lon, b->lon), MIN(a->lat, b->lat), MAX(a->lon, b->lon),
                       MAX(a->lat, b->lat)};
            if (boxes_meet(&seg, box) && near_segment(p, a, b)) {
                return TRUE;
            }
        }
    }
    return FALSE;
}

/* Does a vertex of @a within @b's box lie on a boundary of @b? Only the segments of @b that
 * meet @a's box can be near it (the box is widened by the tolerance). */
static gboolean
vertex_touches(const WnAreaShape *a, const Box *box_a, const WnAreaShape *b, const Box *box_b)
{
    for (guint r = 0; r < a->rings->len; r++) {
        const GArray *ring = g_ptr_array_index(a->rings, r);
        for (guint i = 0; i < ring->len; i++) {
            const WnLonLat *p = &g_array_index(ring, WnLonLat, i);
            if (in_box(box_b, p) && near_shape(p, b, box_a)) {
                return TRUE;
            }
        }
    }
    return FALSE;
}

static void
add_pair(GHashTable *by_code, const char *a, const char *b)
{
    GPtrArray *list = g_hash_table_lookup(by_code, a);
    g_ptr_array_add(list, g_strdup(b));
}

static gint
compare_codes(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/**
 * wn_area_touching_new:
 * Which areas of @shapes touch: two areas touch when a vertex of one lies within about a
 * metre (1e-5 degrees) of the boundary of the other, so a shared corner or border counts.
 * An area never touches itself.
 * Returns: (transfer full): the pairs, for wn_area_touching_of.
 * Cost: O(a²) box tests for a areas, then per pair of meeting boxes O(v·w) for the v and w
 * vertices of each that lie in the other's box (few: the shared border).
 */
WnAreaTouching *
wn_area_touching_new(const WnAreaShapes *shapes)
{
    guint n = shapes->features->len;
    WnAreaTouching *t = g_new0(WnAreaTouching, 1);
    t->by_code =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
    g_autofree Box *boxes = g_new0(Box, n + 1);
    for (guint i = 0; i < n; i++) {
        const WnAreaShape *s = g_ptr_array_index(shapes->features, i);
        boxes[i] = shape_box(s);
        g_hash_table_insert(t->by_code, g_strdup(s->code), g_ptr_array_new_with_free_func(g_free));
    }
    for (guint i = 0; i < n; i++) {
        const WnAreaShape *a = g_ptr_array_index(shapes->features, i);
        for (guint j = i + 1; j < n; j++) {
            const WnAreaShape *b = g_ptr_array_index(shapes->features, j);
            if (strcmp(a->code, b->code) != 0 && boxes_meet(&boxes[i], &boxes[j]) &&
                (vertex_touches(a, &boxes[i], b, &boxes[j]) ||
                 vertex_touches(b, &boxes[j], a, &boxes[i]))) {
                add_pair(t->by_code, a->code, b->code);
                add_pair(t->by_code, b->code, a->code);
            }
        }
    }
    GHashTableIter iter;
    gpointer list = NULL;
    g_hash_table_iter_init(&iter, t->by_code);
    while (g_hash_table_iter_next(&iter, NULL, &list)) {
        g_ptr_array_sort(list, compare_codes);
    }
    return t;
}

/* Frees what wn_area_touching_new made. Accepts NULL. */
void
wn_area_touching_free(WnAreaTouching *touching)
{
    if (touching == NULL) {
        return;
    }
    g_hash_table_unref(touching->by_code);
    g_free(touching);
}

/**
 * wn_area_touching_of:
 * Returns: the codes of the areas touching the area @code, sorted by strcmp, with their
 * number in @n_out; NULL and 0 for an area that touches none or is not in the file.
 */
const char *const *
wn_area_touching_of(const WnAreaTouching *touching, const char *code, gsize *n_out)
{
    const GPtrArray *list = code != NULL ? g_hash_table_lookup(touching->by_code, code) : NULL;
    *n_out = list != NULL ? list->len : 0;
    return list != NULL && list->len > 0 ? (const char *const *) list->pdata : NULL;
}

/* Returns: TRUE when the areas @a and @b touch (wn_area_touching_new). */
gboolean
wn_area_touching_pair(const WnAreaTouching *touching, const char *a, const char *b)
{
    gsize n = 0;
    const char *const *codes = wn_area_touching_of(touching, a, &n);
    gsize lo = 0, hi = n;
    while (b != NULL && lo < hi) {
        gsize mid = lo + (hi - lo) / 2;
        int c = strcmp(codes[mid], b);
        if (c == 0) {
            return TRUE;
        }
        c < 0 ? (lo = mid + 1) : (hi = mid);
    }
    return FALSE;
}
