/* distance.c: bounds between distances and positions on the sphere, for the area sweep */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "suggest.h"

#include <math.h>

/**
 * wn_suggest__metres_at_least:
 * Returns: a lower bound on wn_suggest__metres between two nodes with a position whose
 * wn_suggest__chord2 is @chord2: the chord, less a millionth and a millimetre for rounding
 * (both formulas are exact to far less at any distance).
 */
double
wn_suggest__metres_at_least(double chord2)
{
    return MAX(0.0, WN_SUGGEST_EARTH_METRES * sqrt(chord2) * (1.0 - 1e-6) - 1e-3);
}

/**
 * wn_suggest__degrees_beyond:
 * Returns: a difference in latitude (degrees) such that two nodes with a position whose
 * latitudes differ by more are more than @metres apart by wn_suggest__metres: no path
 * between two parallels is shorter than the meridian arc between them (with the margins of
 * wn_suggest__metres_at_least).
 */
double
wn_suggest__degrees_beyond(double metres)
{
    const double rad = G_PI / 180.0;
    return (metres * (1.0 + 1e-6) + 1e-3) / WN_SUGGEST_EARTH_METRES / rad * (1.0 + 1e-9);
}

/**
 * wn_suggest__chord2_beyond:
 * Returns: a squared chord such that two nodes whose wn_suggest__chord2 exceeds it are
 * more than @metres apart by wn_suggest__metres (with the margins of
 * wn_suggest__metres_at_least).
 */
double
wn_suggest__chord2_beyond(double metres)
{
    double chord = (metres * (1.0 + 1e-6) + 1e-3) / WN_SUGGEST_EARTH_METRES;
    return chord * chord * (1.0 + 1e-9);
}

/* Returns: TRUE when node @v of @net has a latitude and a longitude. */
gboolean
wn_suggest__is_placed(const WnNetwork *net, gsize v)
{
    return !isnan(net->lat[v]) && !isnan(net->lon[v]);
}

/**
 * wn_suggest__by_latitude:
 * Orders node indices (guint32) of the network @data: those with a position first, by
 * latitude, then node order; those without one after them, in node order (the order of the
 * sweeps of rank.c).
 */
gint
wn_suggest__by_latitude(gconstpointer a, gconstpointer b, gpointer data)
{
    const WnNetwork *net = data;
    guint32 u = *(const guint32 *) a, v = *(const guint32 *) b;
    gboolean pu = wn_suggest__is_placed(net, u), pv = wn_suggest__is_placed(net, v);
    if (pu != pv) {
        return pu ? -1 : 1;
    }
    if (pu && net->lat[u] != net->lat[v]) {
        return net->lat[u] < net->lat[v] ? -1 : 1;
    }
    return u < v ? -1 : (u > v);
}
