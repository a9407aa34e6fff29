/* confusable.c: ids that differ only in case or normalisation; the warnings of node rows */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

/* The key under which ids that differ only in case or normalisation meet, in @scratch;
 * ASCII ids (the common case) need neither normalising nor Unicode case folding. */
static void
fold_id(const char *id, GString *scratch)
{
    g_string_truncate(scratch, 0);
    const char *p = id;
    while (*p != '\0' && (guchar) *p < 0x80) {
        g_string_append_c(scratch, g_ascii_tolower(*p++));
    }
    if (*p == '\0') {
        return;
    }
    g_autofree char *normal = g_utf8_normalize(id, -1, G_NORMALIZE_ALL_COMPOSE);
    g_autofree char *folded = g_utf8_casefold(normal, -1);
    g_string_assign(scratch, folded);
}

/* Sizes @c for about @ids ids; it grows past that. */
void
wn_confusable__init(WnConfusable *c, gsize ids)
{
    c->scratch = g_string_new(NULL);
    c->other = g_string_new(NULL);
    c->capacity = 1024;
    while (c->capacity < 2 * ids) {
        c->capacity *= 2;
    }
    c->slots = wn_network__alloc_large(c->capacity * sizeof *c->slots, TRUE);
    c->used = 0;
}

void
wn_confusable__clear(WnConfusable *c)
{
    g_string_free(g_steal_pointer(&c->scratch), TRUE);
    g_string_free(g_steal_pointer(&c->other), TRUE);
    g_clear_pointer(&c->slots, g_free);
}

static void
confusable_grow(WnConfusable *c)
{
    WnConfusable old = *c;
    c->capacity *= 2;
    c->slots = wn_network__alloc_large(c->capacity * sizeof *c->slots, TRUE);
    for (gsize i = 0; i < old.capacity; i++) {
        if (old.slots[i].first != 0) {
            gsize slot = old.slots[i].hash & (c->capacity - 1);
            while (c->slots[slot].first != 0) {
                slot = (slot + 1) & (c->capacity - 1);
            }
            c->slots[slot] = old.slots[i];
        }
    }
    g_free(old.slots);
}

/**
 * wn_confusable__hash:
 * Returns: the hash of @id's folded key, using @scratch (docs/FORMAT.md: ids that differ only
 * in case or Unicode normalisation draw a warning). Any thread may hash.
 * Cost: O(length of @id).
 */
guint32
wn_confusable__hash(const char *id, GString *scratch)
{
    fold_id(id, scratch);
    return wn_id__hash(scratch->str);
}

/**
 * wn_confusable__check:
 * Files the id @ids[@node], whose key hashes to @hash (wn_confusable__hash), under its
 * key. @ids holds every id filed before, by node; a slot keeps only the key's hash and
 * its first node, so that a million ids cost 16 MiB, and a matching hash folds both ids
 * again to compare their keys.
 * Returns: the first id filed under the same key, or NULL when @ids[@node] is the first.
 * Cost: O(1) expected, plus the length of the ids when a hash matches.
 */
const char *
wn_confusable__check(WnConfusable *c, const char *const *ids, gsize node, guint32 hash)
{
    gsize slot = hash & (c->capacity - 1);
    for (; c->slots[slot].first != 0; slot = (slot + 1) & (c->capacity - 1)) {
        const char *earlier = ids[c->slots[slot].first - 1];
        if (c->slots[slot].hash == hash) {
            fold_id(ids[node], c->scratch);
            fold_id(earlier, c->other);
            if (g_string_equal(c->other, c->scratch)) {
                return earlier;
            }
        }
    }
    c->slots[slot] = (WnFoldSlot){hash, (guint32) node + 1};
    if (2 * ++c->used > c->capacity) {
        confusable_grow(c);
    }
    return NULL;
}

/* "PATH:LINE", or PATH alone when @line is 0 (an import's place, which names its line). */
static char *
place(const char *path, gsize line)
{
    return line > 0 ? g_strdup_printf("%s:%" G_GSIZE_FORMAT, path, line) : g_strdup(path);
}

/* Warns of a node @id (on @line of @path) filed under the same key as an earlier one. */
void
wn_load__warn_confusable(WnNetwork *net, const char *path, gsize line, const char *id,
                         const char *earlier)
{
    g_autofree char *at = place(path, line);
    wn_network__add_warning(net,
                            "%s: node id \"%s\" differs from \"%s\" only in case or Unicode "
                            "normalisation; they are different nodes",
                            at, id, earlier);
}

/* Warns of a node with lat or lon but not both. */
void
wn_load__warn_half_position(WnNetwork *net, const char *path, gsize line, const char *id)
{
    g_autofree char *at = place(path, line);
    wn_network__add_warning(net,
                            "%s: node \"%s\" has only one of lat and lon; its position is "
                            "unknown",
                            at, id);
}
