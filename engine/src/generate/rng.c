/* rng.c: the generator's seeded random numbers and its set of node pairs */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "generate.h"

#include <math.h>
#include <string.h>

static guint64
splitmix64(guint64 *state)
{
    guint64 z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static guint64
rotl(guint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

/* Seeds @rng from @seed with splitmix64, as the xoshiro authors recommend. */
void
wn_rng__seed(WnRng *rng, guint64 seed)
{
    guint64 state = seed;
    for (gsize i = 0; i < G_N_ELEMENTS(rng->s); i++) {
        rng->s[i] = splitmix64(&state);
    }
}

/* Returns: the next 64 random bits (xoshiro256**). */
guint64
wn_rng__next(WnRng *rng)
{
    guint64 *s = rng->s;
    guint64 result = rotl(s[1] * 5, 7) * 9;
    guint64 t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Returns: a double in [0, 1) with 53 random bits. */
double
wn_rng__uniform(WnRng *rng)
{
    return (double) (wn_rng__next(rng) >> 11) * 0x1.0p-53;
}

/* Returns: an index in [0, @n); @n > 0. */
gsize
wn_rng__below(WnRng *rng, gsize n)
{
    gsize i = (gsize) (wn_rng__uniform(rng) * (double) n);
    return MIN(i, n - 1);
}

/* Returns: index i with probability weights[i] / sum(weights); weights are >= 0 and
 * at least one is positive. */
gsize
wn_rng__weighted(WnRng *rng, const double *weights, gsize n)
{
    double total = 0;
    gsize last = 0;
    for (gsize i = 0; i < n; i++) {
        total += weights[i];
        last = weights[i] > 0 ? i : last;
    }
    double x = wn_rng__uniform(rng) * total;
    for (gsize i = 0; i < n; i++) {
        x -= weights[i];
        if (x < 0) {
            return i;
        }
    }
    return last;
}

/* Returns: a standard normal deviate (Box-Muller, one of the pair). */
double
wn_rng__gauss(WnRng *rng)
{
    double u1 = 1.0 - wn_rng__uniform(rng); /* in (0, 1], so the log is finite */
    double u2 = wn_rng__uniform(rng);
    return sqrt(-2.0 * log(u1)) * cos(2.0 * G_PI * u2);
}

static gsize
pair_slot(const WnPairSet *set, guint64 key)
{
    return (gsize) ((key * 0x9E3779B97F4A7C15u) >> 17) & (set->capacity - 1);
}

static void
pair_set_alloc(WnPairSet *set, gsize capacity)
{
    set->capacity = capacity;
    set->used = 0;
    set->keys = g_new(guint64, capacity);
    memset(set->keys, 0xff, capacity * sizeof(guint64));
}

static void
pair_set_insert(WnPairSet *set, guint64 key)
{
    gsize slot = pair_slot(set, key);
    while (set->keys[slot] != G_MAXUINT64) {
        slot = (slot + 1) & (set->capacity - 1);
    }
    set->keys[slot] = key;
    set->used++;
}

static void
pair_set_grow(WnPairSet *set)
{
    WnPairSet bigger;
    pair_set_alloc(&bigger, 2 * set->capacity);
    for (gsize i = 0; i < set->capacity; i++) {
        if (set->keys[i] != G_MAXUINT64) {
            pair_set_insert(&bigger, set->keys[i]);
        }
    }
    g_free(set->keys);
    *set = bigger;
}

/* Sizes the set for about @expected pairs (it grows past that). */
void
wn_pair_set__init(WnPairSet *set, gsize expected)
{
    gsize capacity = 1024;
    while (capacity * 7 < expected * 10) {
        capacity *= 2;
    }
    pair_set_alloc(set, capacity);
}

/* Adds the unordered pair {@a, @b}. Returns: TRUE when it was not in the set yet. */
gboolean
wn_pair_set__add(WnPairSet *set, guint32 a, guint32 b)
{
    if ((set->used + 1) * 10 > set->capacity * 7) {
        pair_set_grow(set);
    }
    guint64 key = a < b ? ((guint64) a << 32) | b : ((guint64) b << 32) | a;
    gsize slot = pair_slot(set, key);
    while (set->keys[slot] != G_MAXUINT64) {
        if (set->keys[slot] == key) {
            return FALSE;
        }
        slot = (slot + 1) & (set->capacity - 1);
    }
    set->keys[slot] = key;
    set->used++;
    return TRUE;
}

void
wn_pair_set__clear(WnPairSet *set)
{
    g_clear_pointer(&set->keys, g_free);
    set->capacity = set->used = 0;
}
