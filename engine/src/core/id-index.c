/* id-index.c: the index of node ids, open addressing with a cheap hash (core.h) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core.h"

#include <string.h>

/**
 * wn_id__hash:
 * Returns: the hash of @id that the id index uses (FNV-1a, folded to 32 bits).
 * Cost: O(length of @id).
 */
guint32
wn_id__hash(const char *id)
{
    guint64 h = 0xcbf29ce484222325u;
    for (const guchar *p = (const guchar *) id; *p != '\0'; p++) {
        h = (h ^ *p) * 0x100000001b3u;
    }
    return (guint32) (h ^ (h >> 29));
}

static void
id_index_put(WnIdIndex *index, const WnIdSlot *filled)
{
    gsize mask = index->capacity - 1;
    gsize slot = filled->hash & mask;
    while (index->slots[slot].id != NULL) {
        slot = (slot + 1) & mask;
    }
    index->slots[slot] = *filled;
}

/**
 * wn_id_index__reserve:
 * Makes room for @ids ids in all, so that adding them never rehashes.
 * Cost: O(capacity) when it grows, else O(1).
 */
void
wn_id_index__reserve(WnIdIndex *index, gsize ids)
{
    gsize capacity = MAX(index->capacity, 1024);
    while (capacity < 2 * ids) {
        capacity *= 2;
    }
    if (capacity == index->capacity) {
        return;
    }
    WnIdIndex old = *index;
    index->capacity = capacity;
    index->slots = wn_network__alloc_large(capacity * sizeof(WnIdSlot), TRUE);
    for (gsize i = 0; i < old.capacity; i++) {
        if (old.slots[i].id != NULL) {
            id_index_put(index, &old.slots[i]);
        }
    }
    g_free(old.slots);
}

/* TRUE when the slot @s holds @id, of @len bytes: a short id and its NUL are all in the
 * slot's head, a long one goes on past it. */
static gboolean
id_slot_holds(const WnIdSlot *s, const char *id, gsize len, guint32 hash)
{
    if (s->hash != hash) {
        return FALSE;
    }
    if (len < WN_ID_HEAD) {
        return memcmp(s->head, id, len + 1) == 0;
    }
    return memcmp(s->head, id, WN_ID_HEAD) == 0 && strcmp(s->id + WN_ID_HEAD, id + WN_ID_HEAD) == 0;
}

/* The slot holding @id, or the empty slot where it would go (the index has room). */
static WnIdSlot *
id_index_find(const WnIdIndex *index, const char *id, guint32 hash)
{
    gsize len = strlen(id), mask = index->capacity - 1, slot = hash & mask;
    while (index->slots[slot].id != NULL && !id_slot_holds(&index->slots[slot], id, len, hash)) {
        slot = (slot + 1) & mask;
    }
    return &index->slots[slot];
}

/**
 * wn_id_index__add:
 * Adds @id (a string that outlives the index) as @node, unless it is there already;
 * @hash is wn_id__hash(@id).
 * Returns: FALSE, adding nothing, when @id is in the index already.
 * Cost: O(1) expected, amortised.
 */
gboolean
wn_id_index__add(WnIdIndex *index, const char *id, guint32 hash, guint32 node)
{
    if (2 * (index->used + 1) > index->capacity) {
        wn_id_index__reserve(index, index->used + 1);
    }
    WnIdSlot *s = id_index_find(index, id, hash);
    if (s->id != NULL) {
        return FALSE;
    }
    *s = (WnIdSlot){id, hash, node, {0}}; /* a short id's head is NUL-padded */
    memcpy(s->head, id, MIN(strlen(id), (gsize) WN_ID_HEAD));
    index->used++;
    return TRUE;
}

/**
 * wn_id_index__lookup:
 * Finds @id, compared exactly; @hash is wn_id__hash(@id). Reads only, so any number
 * of threads may look up at once.
 * Returns: TRUE and the node in @node_out when @id is in the index.
 * Cost: O(1) expected.
 */
gboolean
wn_id_index__lookup(const WnIdIndex *index, const char *id, guint32 hash, gsize *node_out)
{
    if (index->used == 0) {
        return FALSE;
    }
    const WnIdSlot *s = id_index_find(index, id, hash);
    if (s->id == NULL) {
        return FALSE;
    }
    *node_out = s->node;
    return TRUE;
}

void
wn_id_index__clear(WnIdIndex *index)
{
    g_free(index->slots);
    memset(index, 0, sizeof *index);
}
