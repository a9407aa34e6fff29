/* maps/maps.h: shared by the area and map files (areas, GeoJSON, SVG) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WN_MAPS_MAPS_H
#define WN_MAPS_MAPS_H

#include "core/core.h"

/* A position in WGS84 degrees. */
typedef struct {
    double lon, lat;
} WnLonLat;

/* One feature of an areas.geojson: every ring of every polygon, outer rings and holes
 * alike (drawn with the even-odd rule), and the geometry as read, for writing back. */
typedef struct {
    char *code;
    char *name;       /* NULL when properties.name is absent */
    GPtrArray *rings; /* of GArray of WnLonLat, each closed (first == last) */
    cJSON *geometry;
} WnAreaShape;

struct _WnAreaShapes {
    GPtrArray *features; /* of WnAreaShape, in file order */
    GHashTable *by_code; /* code -> WnAreaShape (borrowed) */
};

/* geojson.c */
const WnAreaShape *wn_area_shapes__lookup(const WnAreaShapes *shapes, const char *code);
gboolean wn_areas__check_table(const WnTable *areas, GError **error);
const char *wn_areas__string(const WnTable *areas, gsize row, const char *column);
double wn_areas__double(const WnTable *areas, gsize row, const char *column);

/* svg-map.c */
void wn_svg__append_number(GString *svg, double x);

#endif /* WN_MAPS_MAPS_H */
