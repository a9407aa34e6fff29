/* fuzz-geojson.c: libFuzzer harness for a dataset's areas.geojson (wn_area_shapes_load) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The input is the areas.geojson file. Boundaries that load are drawn: the area
 * figures of a fixed three-node network (areas "A" and "B") are written as GeoJSON and
 * as an SVG map over them, so odd rings and coordinates reach the projection too.
 */
#include "fuzz-common.h"

#include <string.h>

static const char nodes_csv[] = "id,type,area\na,resident,A\nb,resident,B\nc,resident,A\n";
static const char ties_csv[] = "source,target\na,b\n";

static WnNetwork *
fixed_network(void)
{
    static WnNetwork *net;
    if (net == NULL) {
        g_autofree char *dir = g_build_filename(fuzz_dir(), "town", NULL);
        g_mkdir_with_parents(dir, 0700);
        g_free(fuzz_write("town/nodes.csv", (const uint8_t *) nodes_csv, strlen(nodes_csv)));
        g_free(fuzz_write("town/ties.csv", (const uint8_t *) ties_csv, strlen(ties_csv)));
        net = wn_network_load(dir, WN_LOAD_DEFAULT, NULL);
        g_assert_nonnull(net);
    }
    return net;
}

static void
draw(const WnAreaShapes *shapes)
{
    for (gsize f = 0; f < wn_area_shapes_count(shapes); f++) {
        if (wn_area_shapes_code(shapes, f) == NULL) {
            g_error("feature %" G_GSIZE_FORMAT " has no code", f);
        }
        (void) wn_area_shapes_name(shapes, f);
    }
    WnAreaOptions opts = WN_AREA_OPTIONS_INIT;
    opts.min_cell = 0;
    opts.shapes = shapes;
    g_autoptr(WnTable) areas = wn_areas_table(fixed_network(), &opts, NULL);
    if (areas == NULL) {
        return;
    }
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *geojson = wn_areas_to_geojson(areas, shapes, warnings, NULL);
    g_autofree char *svg = wn_areas_to_svg(areas, shapes, NULL);
    (void) geojson, (void) svg; /* either may refuse with a message: no finding */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *path = fuzz_write("areas.geojson", data, size);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnAreaShapes) shapes = wn_area_shapes_load(path, &error);
    if ((shapes == NULL) == (error == NULL)) {
        g_error("wn_area_shapes_load returned %p with error %p", (void *) shapes, (void *) error);
    }
    if (shapes != NULL) {
        draw(shapes);
    }
    return 0;
}
