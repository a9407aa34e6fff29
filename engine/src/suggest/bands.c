/* bands.c: positions in bands of latitude, each by longitude, for searches beyond the area */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

#include <math.h>

/* The height of a band: a search within r metres reads about 2r/250 + 1 bands. */
#define BAND_METRES 250.0

static gsize
band_of(const WnBands *b, double lat)
{
    double x = floor((lat - b->south) / b->height);
    if (!(x > 0.0)) {
        return 0;
    }
    return x < (double) b->count ? (gsize) x : b->count - 1;
}

typedef struct {
    const WnNetwork *net;
    const WnBands *bands;
} Order;

static gint
by_band_then_longitude(gconstpointer pa, gconstpointer pb, gpointer data)
{
    const Order *o = data;
    guint32 u = *(const guint32 *) pa, v = *(const guint32 *) pb;
    gsize bu = band_of(o->bands, o->net->lat[u]), bv = band_of(o->bands, o->net->lat[v]);
    if (bu != bv) {
        return bu < bv ? -1 : 1;
    }
    if (o->net->lon[u] != o->net->lon[v]) {
        return o->net->lon[u] < o->net->lon[v] ? -1 : 1;
    }
    return u < v ? -1 : (u > v);
}

/**
 * wn_suggest__bands_new:
 * The @n nodes @placed (each with a position) in bands of latitude BAND_METRES high from
 * the southernmost, each band by longitude, then node.
 * Returns: (transfer full): the bands.
 * Cost: O(n log n) plus the number of bands (at most 180° / 250 m, about 80,000).
 */
WnBands *
wn_suggest__bands_new(const WnNetwork *net, const guint32 *placed, gsize n)
{
    WnBands *b = g_new0(WnBands, 1);
    double south = 90.0, north = -90.0;
    for (gsize i = 0; i < n; i++) {
        south = MIN(south, net->lat[placed[i]]);
        north = MAX(north, net->lat[placed[i]]);
    }
    b->south = n > 0 ? south : 0.0;
    b->height = BAND_METRES / WN_SUGGEST_EARTH_METRES * 180.0 / G_PI;
    b->count = n > 0 ? (gsize) floor((north - south) / b->height) + 1 : 1;
    b->items = g_memdup2(placed, (n + 1) * sizeof(guint32));
    Order order = {net, b};
    g_qsort_with_data(b->items, (gint) n, sizeof(guint32), by_band_then_longitude, &order);
    b->first = g_new0(guint32, b->count + 1);
    for (gsize i = 0; i < n; i++) {
        b->first[band_of(b, net->lat[b->items[i]]) + 1]++;
    }
    for (gsize k = 0; k < b->count; k++) {
        b->first[k + 1] += b->first[k];
    }
    return b;
}

/* Frees bands of wn_suggest__bands_new. Accepts NULL. */
void
wn_suggest__bands_free(WnBands *bands)
{
    if (bands == NULL) {
        return;
    }
    g_free(bands->items);
    g_free(bands->first);
    g_free(bands);
}

/**
 * wn_suggest__bands_window:
 * Which part of @bands can hold a node at most @metres (by wn_suggest__metres, with the
 * margins of wn_suggest__metres_at_least) from the point @lat, @lon: bands @first_out to
 * @last_out, and in each the longitudes @west_out to @east_out. By the haversine formula,
 * sin²(d/2R) ≥ cos φ1 cos φ2 sin²(Δλ/2) ≥ cos² φmax sin²(Δλ/2) for the largest |latitude|
 * φmax in the window, so d ≤ D gives sin(Δλ/2) ≤ sin(D/2R)/cos φmax. Near a pole, or when
 * the window would cross ±180°, every longitude is kept.
 */
void
wn_suggest__bands_window(const WnBands *bands, double lat, double lon, double metres,
                         gsize *first_out, gsize *last_out, double *west_out, double *east_out)
{
    const double rad = G_PI / 180.0;
    double dlat = wn_suggest__degrees_beyond(metres);
    *first_out = band_of(bands, lat - dlat);
    *last_out = band_of(bands, lat + dlat);
    *west_out = -G_MAXDOUBLE;
    *east_out = G_MAXDOUBLE;
    double widest = MIN(90.0, MAX(fabs(lat - dlat), fabs(lat + dlat)));
    double reach = (metres * (1.0 + 1e-6) + 1e-3) / WN_SUGGEST_EARTH_METRES;
    double x = reach < G_PI ? sin(reach / 2.0) / cos(widest * rad) : G_MAXDOUBLE;
    if (!(x < 1.0) || !(widest < 89.0)) {
        return;
    }
    double dlon = 2.0 * asin(x) / rad * (1.0 + 1e-9);
    if (lon - dlon > -180.0 && lon + dlon < 180.0) {
        *west_out = lon - dlon;
        *east_out = lon + dlon;
    }
}

/* Returns: the index in bands->items of the first node of band @band not west of @west. */
gsize
wn_suggest__band_start(const WnBands *bands, const WnNetwork *net, gsize band, double west)
{
    gsize lo = bands->first[band], hi = bands->first[band + 1];
    while (lo < hi) {
        gsize mid = lo + (hi - lo) / 2;
        net->lon[bands->items[mid]] < west ? (lo = mid + 1) : (hi = mid);
    }
    return lo;
}
