/* geojson.c: reading a dataset's areas.geojson, and writing the area figures as GeoJSON */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "maps.h"

#include <math.h>

static void
shape_free(gpointer data)
{
    WnAreaShape *s = data;
    g_free(s->code);
    g_free(s->name);
    g_ptr_array_unref(s->rings);
    cJSON_Delete(s->geometry);
    g_free(s);
}

/**
 * wn_area_shapes_free:
 * Frees the boundaries read by wn_area_shapes_load. Accepts NULL.
 */
void
wn_area_shapes_free(WnAreaShapes *shapes)
{
    if (shapes == NULL) {
        return;
    }
    g_hash_table_unref(shapes->by_code);
    g_ptr_array_unref(shapes->features);
    g_free(shapes);
}

/* Where a feature is being read: the file's base name and the feature's number (from 1). */
typedef struct {
    const char *file;
    gsize feature;
} Where;

static gboolean
fail(const Where *at, GError **error, const char *what)
{
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE, "%s: feature %" G_GSIZE_FORMAT ": %s", at->file,
                at->feature, what);
    return FALSE;
}

/* A position [lon, lat, …]: two finite numbers within WGS84's range. */
static gboolean
read_position(const cJSON *item, const Where *at, WnLonLat *out, GError **error)
{
    const cJSON *lon = cJSON_GetArrayItem(item, 0), *lat = cJSON_GetArrayItem(item, 1);
    if (!cJSON_IsArray(item) || !cJSON_IsNumber(lon) || !cJSON_IsNumber(lat) ||
        !isfinite(lon->valuedouble) || !isfinite(lat->valuedouble)) {
        return fail(at, error, "expected a position [longitude, latitude] of two numbers");
    }
    if (fabs(lon->valuedouble) > 180.0 || fabs(lat->valuedouble) > 90.0) {
        g_autofree char *what = g_strdup_printf(
            "position [%g, %g] out of range: expected longitude in [-180, 180] and latitude in "
            "[-90, 90] (WGS84 degrees)",
            lon->valuedouble, lat->valuedouble);
        return fail(at, error, what);
    }
    *out = (WnLonLat){lon->valuedouble, lat->valuedouble};
    return TRUE;
}

static gboolean
is_closed_ring(const GArray *ring)
{
    if (ring->len < 4) {
        return FALSE;
    }
    const WnLonLat *first = &g_array_index(ring, WnLonLat, 0);
    const WnLonLat *last = &g_array_index(ring, WnLonLat, ring->len - 1);
    return first->lon == last->lon && first->lat == last->lat;
}

/* A linear ring: at least four positions, the last equal to the first (RFC 7946 3.1.6). */
static GArray *
read_ring(const cJSON *item, const Where *at, GError **error)
{
    int n = cJSON_IsArray(item) ? cJSON_GetArraySize(item) : 0;
    g_autoptr(GArray) ring = g_array_sized_new(FALSE, FALSE, sizeof(WnLonLat), (guint) n);
    const cJSON *position = NULL;
    const cJSON *positions = n > 0 ? item : NULL;
    cJSON_ArrayForEach(position, positions) /* in order: linear, where indexing each is not */
    {
        WnLonLat p;
        if (!read_position(position, at, &p, error)) {
            return NULL;
        }
        g_array_append_val(ring, p);
    }
    if (!is_closed_ring(ring)) {
        fail(at, error, "expected a closed ring of at least 4 positions");
        return NULL;
    }
    return g_steal_pointer(&ring);
}

/* A Polygon's coordinates: one or more rings, added to @rings. */
static gboolean
read_polygon(const cJSON *item, const Where *at, GPtrArray *rings, GError **error)
{
    if (!cJSON_IsArray(item) || cJSON_GetArraySize(item) < 1) {
        return fail(at, error, "expected a polygon: an array of one or more rings");
    }
    const cJSON *r = NULL;
    cJSON_ArrayForEach(r, item)
    {
        GArray *ring = read_ring(r, at, error);
        if (ring == NULL) {
            return FALSE;
        }
        g_ptr_array_add(rings, ring);
    }
    return TRUE;
}

static gboolean
read_geometry(const cJSON *geometry, const Where *at, GPtrArray *rings, GError **error)
{
    const char *type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(geometry, "type"));
    const cJSON *coords = cJSON_GetObjectItemCaseSensitive(geometry, "coordinates");
    if (g_strcmp0(type, "Polygon") == 0) {
        return read_polygon(coords, at, rings, error);
    }
    if (g_strcmp0(type, "MultiPolygon") != 0) {
        return fail(at, error, "expected a Polygon or MultiPolygon geometry");
    }
    if (!cJSON_IsArray(coords) || cJSON_GetArraySize(coords) < 1) {
        return fail(at, error, "expected a MultiPolygon: an array of one or more polygons");
    }
    const cJSON *polygon = NULL;
    cJSON_ArrayForEach(polygon, coords)
    {
        if (!read_polygon(polygon, at, rings, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/* properties.code (a non-empty string) and properties.name (a string, optional). */
static gboolean
read_properties(const cJSON *feature, const Where *at, WnAreaShape *shape, GError **error)
{
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(feature, "properties");
    const char *code = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(props, "code"));
    if (!cJSON_IsObject(props) || code == NULL || *code == '\0') {
        return fail(at, error, "expected properties.code, the area code, as a non-empty string");
    }
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(props, "name");
    if (name != NULL && !cJSON_IsNull(name) && !cJSON_IsString(name)) {
        return fail(at, error, "expected properties.name to be a string");
    }
    shape->code = g_strdup(code);
    shape->name = g_strdup(cJSON_GetStringValue(name));
    return TRUE;
}

static WnAreaShape *
read_feature(const cJSON *feature, const Where *at, GError **error)
{
    const char *type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(feature, "type"));
    if (!cJSON_IsObject(feature) || g_strcmp0(type, "Feature") != 0) {
        fail(at, error, "expected an object with \"type\": \"Feature\"");
        return NULL;
    }
    WnAreaShape *shape = g_new0(WnAreaShape, 1);
    shape->rings = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    const cJSON *geometry = cJSON_GetObjectItemCaseSensitive(feature, "geometry");
    if (!read_properties(feature, at, shape, error) ||
        !read_geometry(geometry, at, shape->rings, error)) {
        shape_free(shape);
        return NULL;
    }
    shape->geometry = cJSON_Duplicate(geometry, TRUE);
    return shape;
}

static gboolean
add_feature(WnAreaShapes *shapes, const cJSON *item, const Where *at, GError **error)
{
    WnAreaShape *shape = read_feature(item, at, error);
    if (shape == NULL) {
        return FALSE;
    }
    g_ptr_array_add(shapes->features, shape);
    if (g_hash_table_contains(shapes->by_code, shape->code)) {
        g_autofree char *what =
            g_strdup_printf("area code \"%s\" appears in an earlier feature too", shape->code);
        return fail(at, error, what);
    }
    g_hash_table_insert(shapes->by_code, shape->code, shape);
    return TRUE;
}

/* Sets a parse error at the line and column (from 1) where cJSON stopped. */
static void
fail_json(const char *file, const char *text, const char *stop, GError **error)
{
    gsize line = 1, column = 1;
    for (const char *p = text; stop != NULL && p < stop && *p != '\0'; p++) {
        line += *p == '\n';
        column = *p == '\n' ? 1 : column + 1;
    }
    g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                "%s:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ": expected valid JSON (RFC 8259)", file,
                line, column);
}

static WnAreaShapes *
read_collection(const cJSON *root, const char *file, GError **error)
{
    const char *type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(root, "type"));
    const cJSON *features = cJSON_GetObjectItemCaseSensitive(root, "features");
    if (g_strcmp0(type, "FeatureCollection") != 0 || !cJSON_IsArray(features)) {
        g_set_error(error, WN_ERROR, WN_ERROR_PARSE,
                    "%s: expected a GeoJSON FeatureCollection with a \"features\" array", file);
        return NULL;
    }
    g_autoptr(WnAreaShapes) shapes = g_new0(WnAreaShapes, 1);
    shapes->features = g_ptr_array_new_with_free_func(shape_free);
    shapes->by_code = g_hash_table_new(g_str_hash, g_str_equal);
    Where at = {file, 0};
    const cJSON *item = NULL;
    cJSON_ArrayForEach(item, features)
    {
        at.feature++;
        if (!add_feature(shapes, item, &at, error)) {
            return NULL;
        }
    }
    return g_steal_pointer(&shapes);
}

/**
 * wn_area_shapes_load:
 * Reads the boundaries of a dataset's areas (docs/FORMAT.md `areas.geojson`): a GeoJSON
 * FeatureCollection (RFC 7946) whose features each carry a Polygon or MultiPolygon
 * geometry and the area code in `properties.code` (a non-empty string, unique), with an
 * optional display name in `properties.name`. Every ring must be closed and hold at
 * least four positions; positions are [longitude, latitude] in WGS84 degrees, within
 * [-180, 180] and [-90, 90] (extra values such as altitude are ignored). Other
 * properties and members are ignored. An empty collection is allowed.
 * Errors (WN_ERROR_PARSE) name the file and, for a bad feature, its number counted from
 * 1: `areas.geojson: feature 3: expected a closed ring of at least 4 positions`;
 * malformed JSON gives the line and column; a missing or unreadable file, a FIFO or a
 * device, or a file over WN_INPUT_GEOJSON_MAX bytes gives a G_FILE_ERROR (util/input.c).
 * Returns: (transfer full): the boundaries, or NULL on error.
 * Cost: O(size of the file).
 */
WnAreaShapes *
wn_area_shapes_load(const char *path, GError **error)
{
    g_autofree char *text = NULL;
    gsize length = 0;
    if (!wn_input__read(path, WN_INPUT_GEOJSON_MAX, &text, &length, error)) {
        return NULL;
    }
    g_autofree char *file = g_path_get_basename(path);
    g_autoptr(cJSON) root = cJSON_ParseWithLength(text, length);
    if (root == NULL) {
        fail_json(file, text, cJSON_GetErrorPtr(), error);
        return NULL;
    }
    return read_collection(root, file, error);
}

/* Returns: the number of features (areas with a boundary). */
gsize
wn_area_shapes_count(const WnAreaShapes *shapes)
{
    return shapes->features->len;
}

/* Returns: the area code of @feature, in file order. */
const char *
wn_area_shapes_code(const WnAreaShapes *shapes, gsize feature)
{
    g_return_val_if_fail(feature < shapes->features->len, NULL);
    return ((const WnAreaShape *) g_ptr_array_index(shapes->features, feature))->code;
}

/* Returns: the name of @feature (properties.name), or NULL when it has none. */
const char *
wn_area_shapes_name(const WnAreaShapes *shapes, gsize feature)
{
    g_return_val_if_fail(feature < shapes->features->len, NULL);
    return ((const WnAreaShape *) g_ptr_array_index(shapes->features, feature))->name;
}

const WnAreaShape *
wn_area_shapes__lookup(const WnAreaShapes *shapes, const char *code)
{
    return shapes != NULL && code != NULL ? g_hash_table_lookup(shapes->by_code, code) : NULL;
}

/* The columns every writer of an areas table relies on (wn_areas_table). */
gboolean
wn_areas__check_table(const WnTable *areas, GError **error)
{
    static const char *const needed[] = {"area",           "name", "suppressed",
                                         "isolated_share", "lon",  "lat"};
    for (gsize i = 0; i < G_N_ELEMENTS(needed); i++) {
        gsize column = 0;
        if (!wn_table_column_lookup(areas, needed[i], &column)) {
            g_set_error(error, WN_ERROR, WN_ERROR_INVALID,
                        "not a table of areas: no column \"%s\" (use wn_areas_table)", needed[i]);
            return FALSE;
        }
    }
    return TRUE;
}

/* A string cell of an areas table by column name; NULL when missing. */
const char *
wn_areas__string(const WnTable *areas, gsize row, const char *column)
{
    gsize j = 0;
    if (!wn_table_column_lookup(areas, column, &j) || wn_table_cell_is_missing(areas, row, j)) {
        return NULL;
    }
    return wn_table_cell_string(areas, row, j);
}

/* A double cell of an areas table by column name; NaN when missing. */
double
wn_areas__double(const WnTable *areas, gsize row, const char *column)
{
    gsize j = 0;
    if (!wn_table_column_lookup(areas, column, &j) || wn_table_cell_is_missing(areas, row, j)) {
        return NAN;
    }
    return wn_table_cell_double(areas, row, j);
}

/* A cell as a GeoJSON property: a count that is shown is a number, a hidden one the
 * string that marks it ("<10", "x"), a missing cell null. */
static cJSON *
property_of(const WnTable *areas, gsize row, gsize column)
{
    if (wn_table_cell_is_missing(areas, row, column)) {
        return cJSON_CreateNull();
    }
    switch (wn_table_column_kind(areas, column)) {
    case WN_COLUMN_INT:
        return cJSON_CreateNumber((double) wn_table_cell_int(areas, row, column));
    case WN_COLUMN_DOUBLE:
        return cJSON_CreateNumber(wn_table_cell_double(areas, row, column));
    case WN_COLUMN_STRING:
        break;
    }
    const char *text = wn_table_cell_string(areas, row, column);
    char *end = NULL;
    gint64 count = g_ascii_strtoll(text, &end, 10);
    gboolean is_count = *text != '\0' && g_ascii_isdigit(*text) && *end == '\0';
    return is_count ? cJSON_CreateNumber((double) count) : cJSON_CreateString(text);
}

/* The geometry of a row: its boundary, else a Point at its centroid, else NULL. */
static cJSON *
geometry_of(const WnTable *areas, gsize row, const WnAreaShapes *shapes)
{
    const WnAreaShape *shape = wn_area_shapes__lookup(shapes, wn_areas__string(areas, row, "area"));
    if (shape != NULL) {
        return cJSON_Duplicate(shape->geometry, TRUE);
    }
    double lon = wn_areas__double(areas, row, "lon"), lat = wn_areas__double(areas, row, "lat");
    if (isnan(lon) || isnan(lat)) {
        return NULL;
    }
    cJSON *point = cJSON_CreateObject();
    cJSON_AddStringToObject(point, "type", "Point");
    const double position[] = {lon, lat};
    cJSON_AddItemToObject(point, "coordinates", cJSON_CreateDoubleArray(position, 2));
    return point;
}

static cJSON *
feature_of(const WnTable *areas, gsize row, cJSON *geometry)
{
    cJSON *feature = cJSON_CreateObject();
    cJSON_AddStringToObject(feature, "type", "Feature");
    cJSON *props = cJSON_AddObjectToObject(feature, "properties");
    cJSON_AddStringToObject(props, "code", wn_areas__string(areas, row, "area"));
    for (gsize j = 0; j < wn_table_column_count(areas); j++) {
        cJSON_AddItemToObject(props, wn_table_column_name(areas, j), property_of(areas, row, j));
    }
    cJSON_AddItemToObject(feature, "geometry", geometry);
    return feature;
}

static void
warn_left_out(GPtrArray *warnings, const char *code)
{
    if (warnings == NULL) {
        return;
    }
    g_ptr_array_add(warnings,
                    code == NULL
                        ? g_strdup("nodes without an area are left out of areas.geojson")
                        : g_strdup_printf("area \"%s\" has no boundary in areas.geojson and no "
                                          "centroid: left out of areas.geojson",
                                          code));
}

/**
 * wn_areas_to_geojson:
 * The table of areas (wn_areas_table) as a GeoJSON FeatureCollection (RFC 7946): one
 * Feature per row whose properties are `code` (the area code, as in the dataset's
 * areas.geojson, so the output reads back with wn_area_shapes_load) and then the row's
 * cells under the column names. A count
 * that is shown is a number, a hidden one the string that marks it ("<10" or "x"), a
 * missing cell null. The geometry is the area's boundary from @shapes (joined on
 * properties.code), or else a Point at the centroid of its residents (the `lon` and `lat`
 * columns, which the table fills only for areas with at least min_cell residents with a
 * position). Rows with neither, and the row of nodes without an area, are left out, with
 * one message each added to @warnings (of char *, may be NULL).
 * Returns: (transfer full): the GeoJSON text, ending in a newline; NULL with
 * WN_ERROR_INVALID when @areas is not a table of areas.
 * Cost: O(rows × columns + size of the boundaries).
 */
char *
wn_areas_to_geojson(const WnTable *areas, const WnAreaShapes *shapes, GPtrArray *warnings,
                    GError **error)
{
    if (!wn_areas__check_table(areas, error)) {
        return NULL;
    }
    g_autoptr(cJSON) root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "type", "FeatureCollection");
    cJSON *features = cJSON_AddArrayToObject(root, "features");
    for (gsize i = 0; i < wn_table_row_count(areas); i++) {
        const char *code = wn_areas__string(areas, i, "area");
        cJSON *geometry = code != NULL ? geometry_of(areas, i, shapes) : NULL;
        if (geometry == NULL) {
            warn_left_out(warnings, code);
            continue;
        }
        cJSON_AddItemToArray(features, feature_of(areas, i, geometry));
    }
    char *text = cJSON_Print(root);
    g_autofree char *out = g_strconcat(text, "\n", NULL);
    cJSON_free(text);
    return g_steal_pointer(&out);
}
