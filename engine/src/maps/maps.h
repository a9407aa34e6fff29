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
void wn_svg__append_attr(GString *svg, const char *name, double x);

/* svg-network.c */
char *wn_network__svg(const WnNetwork *net, const WnDrawOptions *opts, gsize *left_out,
                      GError **error);

/* svg-words.c: every text of the drawings, in Dutch and English */
typedef enum {
    WN_SVG_EGO_TITLE,
    WN_SVG_SECTOR_FAMILY,
    WN_SVG_SECTOR_FRIENDS,
    WN_SVG_SECTOR_GROUPS,
    WN_SVG_SECTOR_PROFESSIONALS,
    WN_SVG_SECTOR_CONFLICT,
    WN_SVG_SECTOR_MEMBERS,
    WN_SVG_SECTOR_RESIDENTS,
    WN_SVG_NONE,
    WN_SVG_CONTACT,
    WN_SVG_CONTACTS,
    WN_SVG_WEIGHT,
    WN_SVG_LEGEND_WIDTH,
    WN_SVG_LEGEND_DASHED,
    WN_SVG_LEGEND_DOUBLE,
    WN_SVG_LEGEND_SHAPES,
    WN_SVG_TOO_MANY,
    WN_SVG_STATUS_CONNECTED,
    WN_SVG_STATUS_FRAGILE,
    WN_SVG_STATUS_FORMAL_ONLY,
    WN_SVG_STATUS_ISOLATED,
    WN_SVG_KIND_PROFESSIONAL,
    WN_SVG_KIND_GROUP,
    WN_SVG_KIND_ORGANISATION,
    WN_SVG_NO_CONTACT,
    WN_SVG_NO_AREA,
    WN_SVG_COMMUNITY,
    WN_SVG_OTHERS,
    WN_SVG_TOO_FEW,
    WN_SVG_RESIDENT,
    WN_SVG_RESIDENTS,
    WN_SVG_NO_CONTACT_AT_ALL,
    WN_SVG_ONLY_FORMAL,
    WN_SVG_WIJK_TITLE,
    WN_SVG_WIJK_TITLE_COMM,
    WN_SVG_WIJK_SIZE,
    WN_SVG_WIJK_LINES,
    WN_SVG_WIJK_HIDDEN,
    WN_SVG_WORD_COUNT
} WnSvgWord;
const char *wn_svg__word(WnLanguage language, WnSvgWord word);
char *wn_svg__fill(WnLanguage language, WnSvgWord word, const char *value);
char *wn_svg__count(WnLanguage language, gint64 n, WnSvgWord one, WnSvgWord many);

#endif /* WN_MAPS_MAPS_H */
