/* pair-map.c: WnPairMap, an open-addressing map from a pair of numbers to a number */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

/**
 * wn_pair_map__init:
 * An empty map with room for @expected keys before it grows (capacity a power of two,
 * at least 1024, kept at most half full). Clear it with wn_pair_map__clear.
 */
void
wn_pair_map__init(WnPairMap *map, gsize expected)
{
    gsize capacity = 1024;
    while (capacity < 2 * expected) {
        capacity *= 2;
    }
    map->capacity = capacity;
    map->used = 0;
    map->slots = g_new0(WnPairSlot, capacity);
}

/**
 * wn_pair_map__grow:
 * Doubles the room of @map (a zeroed map gets its first 1024 slots), keeping its keys.
 * Cost: O(capacity).
 */
void
wn_pair_map__grow(WnPairMap *map)
{
    WnPairMap old = *map;
    wn_pair_map__init(map, old.capacity);
    for (gsize i = 0; i < old.capacity; i++) {
        if (old.slots[i].key != 0) {
            gsize slot = wn_pair_map__slot(old.slots[i].key, map->capacity);
            while (map->slots[slot].key != 0) {
                slot = (slot + 1) & (map->capacity - 1);
            }
            map->slots[slot] = old.slots[i];
        }
    }
    map->used = old.used;
    g_free(old.slots);
}

/**
 * wn_pair_map__clear:
 * Frees the slots of @map; it is then an empty map again (zeroed).
 */
void
wn_pair_map__clear(WnPairMap *map)
{
    g_free(map->slots);
    *map = (WnPairMap){NULL, 0, 0};
}
