/* random.c: splitmix64, xoshiro256** and the source sample of the sampled measures */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

#include <math.h>

/**
 * wn_random__splitmix64:
 * One step of splitmix64 (Steele, Lea and Flood 2014): advances @state by the golden
 * gamma and returns the mixed result.
 * Returns: the next 64 random bits.
 */
guint64
wn_random__splitmix64(guint64 *state)
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

/**
 * wn_random__seed:
 * Seeds @rng from @seed with four splitmix64 steps, as the xoshiro authors recommend.
 */
void
wn_random__seed(WnRandom *rng, guint64 seed)
{
    guint64 state = seed;
    for (gsize i = 0; i < G_N_ELEMENTS(rng->s); i++) {
        rng->s[i] = wn_random__splitmix64(&state);
    }
}

/**
 * wn_random__next:
 * Returns: the next 64 random bits (xoshiro256**).
 */
guint64
wn_random__next(WnRandom *rng)
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

/**
 * wn_random__uniform:
 * Returns: a double in [0, 1) from the top 53 of the next 64 bits.
 */
double
wn_random__uniform(WnRandom *rng)
{
    return (double) (wn_random__next(rng) >> 11) * 0x1.0p-53;
}

/**
 * wn_random__below:
 * Returns: an index in [0, @n), as ⌊uniform · @n⌋; @n > 0.
 */
gsize
wn_random__below(WnRandom *rng, gsize n)
{
    gsize i = (gsize) (wn_random__uniform(rng) * (double) n);
    return MIN(i, n - 1);
}

/**
 * wn_random__weighted:
 * Draws one index: i with probability @weights[i] / Σ @weights. The weights are ≥ 0 and
 * at least one is positive; rounding never picks an index of weight 0.
 * Returns: the index. Cost: O(@n).
 */
gsize
wn_random__weighted(WnRandom *rng, const double *weights, gsize n)
{
    double total = 0;
    gsize last = 0;
    for (gsize i = 0; i < n; i++) {
        total += weights[i];
        last = weights[i] > 0 ? i : last;
    }
    double x = wn_random__uniform(rng) * total;
    for (gsize i = 0; i < n; i++) {
        x -= weights[i];
        if (x < 0) {
            return i;
        }
    }
    return last;
}

/**
 * wn_random__gauss:
 * Returns: a standard normal deviate (Box-Muller, one of the pair); two uniforms drawn.
 */
double
wn_random__gauss(WnRandom *rng)
{
    double u1 = 1.0 - wn_random__uniform(rng); /* in (0, 1], so the log is finite */
    double u2 = wn_random__uniform(rng);
    return sqrt(-2.0 * log(u1)) * cos(2.0 * G_PI * u2);
}

/**
 * wn_random__sample_sources:
 * The source sample of every sampled measure (docs/WORKLOAD.md): 0 … n−1 after a partial
 * Fisher–Yates shuffle of its first @k places, driven by splitmix64 from @seed (place i
 * swaps with i + next mod (n − i)). With @k = 0 the identity, so the first n entries
 * are every node once.
 * Returns: (transfer full): n entries (at least one), the first @k the sample.
 * Cost: O(n + k) time, 4·n bytes.
 */
guint32 *
wn_random__sample_sources(gsize n, gsize k, guint64 seed)
{
    guint32 *idx = g_new(guint32, n + 1);
    for (gsize i = 0; i < n; i++) {
        idx[i] = (guint32) i;
    }
    guint64 state = seed;
    for (gsize i = 0; i < k && i < n; i++) {
        gsize j = i + (gsize) (wn_random__splitmix64(&state) % (n - i));
        guint32 swap = idx[i];
        idx[i] = idx[j];
        idx[j] = swap;
    }
    return idx;
}
