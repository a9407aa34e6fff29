/* number.c: C's "%.15g" and "%.10g" byte for byte, without printf in the common cases,
 * and the round-trip text of a value read again */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

#include <math.h>
#include <string.h>

/*
 * printf rounds the exact binary value of a double to P significant digits, ties to
 * even; round_to_digits does the same in integer arithmetic, exactly, whenever
 * 10^(P−1−e) fits the table of powers of 5 below (about 1e-13 ≤ x < 1e15 for P = 15,
 * 1e-18 ≤ x < 1e10 for P = 10). Other values, and compilers without 128-bit integers,
 * take g_ascii_formatd, which is printf in the C locale.
 */
#define MAX_DIGITS 17

/**
 * wn_number__format_int:
 * Writes @value in decimal into @buf, as "%" G_GINT64_FORMAT does.
 * Returns: the length (no NUL is written).
 */
gsize
wn_number__format_int(char buf[WN_NUMBER_TEXT_SIZE], gint64 value)
{
    char digits[24];
    gsize n = 0, len = 0;
    guint64 v = value < 0 ? -(guint64) value : (guint64) value;
    do {
        digits[n++] = (char) ('0' + v % 10);
        v /= 10;
    } while (v > 0);
    if (value < 0) {
        buf[len++] = '-';
    }
    while (n > 0) {
        buf[len++] = digits[--n];
    }
    return len;
}

static guint64
power_of_ten(gint p)
{
    guint64 v = 1;
    while (p-- > 0) {
        v *= 10;
    }
    return v;
}

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 Wide;

/* 5^k for k = 0 … 27, the powers that fit in 64 bits */
static const guint64 pow5[] = {1,
                               5,
                               25,
                               125,
                               625,
                               3125,
                               15625,
                               78125,
                               390625,
                               1953125,
                               9765625,
                               48828125,
                               244140625,
                               1220703125,
                               6103515625,
                               30517578125,
                               152587890625,
                               762939453125,
                               3814697265625,
                               19073486328125,
                               95367431640625,
                               476837158203125,
                               2384185791015625,
                               11920928955078125,
                               59604644775390625,
                               298023223876953125,
                               1490116119384765625,
                               7450580596923828125};

/* For s > k: the integer part of m·2^−s·10^k, and in *rest_out whether the fraction is
 * below, at or above one half (−1, 0, 1). Exact: m < 2^53 and 5^k < 2^63, so m·5^k < 2^116. */
static guint64
scale(guint64 m, gint s, gint k, gint *rest_out)
{
    Wide n = (Wide) m * pow5[k]; /* the value is n·2^(k − s), and s > k */
    gint shift = s - k;
    Wide rest = n & (((Wide) 1 << shift) - 1), half = (Wide) 1 << (shift - 1);
    *rest_out = rest < half ? -1 : rest > half;
    return (guint64) (n >> shift);
}

/* For 0 < x: the @p significant digits printf prints, as an integer in [10^(p−1), 10^p),
 * and the decimal exponent of the first. Returns: FALSE when x is out of range. */
static gboolean
round_to_digits(double x, gint p, guint64 *digits_out, gint *exp_out)
{
    guint64 bits = 0, low = power_of_ten(p - 1), high = 10 * low;
    memcpy(&bits, &x, sizeof bits);
    gint biased = (gint) (bits >> 52); /* x > 0: no sign bit */
    if (biased == 0 || biased == 0x7ff) {
        return FALSE; /* subnormal, infinite or NaN */
    }
    /* x = m·2^−s = f·2^exp2 with 0.5 ≤ f < 1 */
    guint64 m = (bits & ((G_GUINT64_CONSTANT(1) << 52) - 1)) | (G_GUINT64_CONSTANT(1) << 52);
    gint exp2 = biased - 1022, s = 53 - exp2;
    /* log10(2^(exp2 − 1)) rounded down: the exponent, or one below it */
    gint e = (gint) floor((exp2 - 1) * 0.30102999566398120);
    for (;;) {
        gint k = p - 1 - e, rest = 0;
        if (k < 0 || k >= (gint) G_N_ELEMENTS(pow5) || s <= k) {
            return FALSE;
        }
        guint64 q = scale(m, s, k, &rest);
        if (q < low || q >= high) {
            e += q < low ? -1 : 1;
            continue;
        }
        q += rest > 0 || (rest == 0 && q % 2 == 1);
        *digits_out = q == high ? low : q;
        *exp_out = q == high ? e + 1 : e;
        return TRUE;
    }
}
#else
static gboolean
round_to_digits(double x, gint p, guint64 *digits_out, gint *exp_out)
{
    (void) x, (void) p, (void) digits_out, (void) exp_out;
    return FALSE;
}
#endif

/* Lays out @p digits with decimal exponent @e as %g does: trailing zeros of the
 * fraction dropped, exponent form below 1e-4 and from 10^p. Returns: the length. */
static gsize
place_digits(char *buf, guint64 digits, gint e, gint p)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    char d[MAX_DIGITS];
    gint i = p - 1;
    for (; i > 0; i -= 2, digits /= 100) { /* two digits at a time */
        memcpy(d + i - 1, pairs + 2 * (digits % 100), 2);
    }
    if (i == 0) {
        d[0] = (char) ('0' + digits);
    }
    gint n = p;
    while (n > 1 && d[n - 1] == '0') {
        n--;
    }
    gboolean exponent_form = e < -4 || e >= p;
    gint whole = exponent_form ? 1 : MAX(e + 1, 0); /* digits before the point */
    gsize len = 0;
    if (whole == 0) {
        buf[len++] = '0';
        buf[len++] = '.';
        for (gint z = 0; z < -e - 1; z++) {
            buf[len++] = '0';
        }
    }
    for (i = 0; i < n || i < whole; i++) {
        if (i == whole && whole > 0) {
            buf[len++] = '.';
        }
        buf[len++] = d[i];
    }
    if (exponent_form) { /* |e| < 100 here: two digits, as printf writes at least two */
        buf[len++] = 'e';
        buf[len++] = e < 0 ? '-' : '+';
        buf[len++] = (char) ('0' + ABS(e) / 10);
        buf[len++] = (char) ('0' + ABS(e) % 10);
    }
    return len;
}

/* "%.<p>g" of @x into @buf; whole numbers below 10^p print as integers, the rest is
 * rounded in integers where it can be and by printf where not. */
static gsize
format_g(char *buf, double x, gint p, const char *format)
{
    if (x == floor(x) && fabs(x) < (double) power_of_ten(p) && !(x == 0 && signbit(x))) {
        return wn_number__format_int(buf, (gint64) x);
    }
    guint64 digits = 0;
    gint e = 0;
    if (x == 0 || !round_to_digits(fabs(x), p, &digits, &e)) {
        g_ascii_formatd(buf, WN_NUMBER_TEXT_SIZE, format, x);
        return strlen(buf);
    }
    gsize sign = x < 0 ? 1 : 0;
    buf[0] = '-';
    return sign + place_digits(buf + sign, digits, e, p);
}

/**
 * wn_number__format_g15:
 * Writes @x into @buf exactly as printf's "%.15g" in the C locale ("-0", "inf" and "nan"
 * included), without printf for values from about 1e-13 to 1e15.
 * Returns: the length (no NUL is written).
 * Cost: O(1); a few 128-bit multiplications.
 */
gsize
wn_number__format_g15(char buf[WN_NUMBER_TEXT_SIZE], double x)
{
    return format_g(buf, x, 15, "%.15g");
}

/**
 * wn_number__format_g10:
 * Writes @x into @buf exactly as printf's "%.10g" in the C locale (pandas'
 * float_format="%.10g"), without printf for values from about 1e-18 to 1e10.
 * Returns: the length (no NUL is written).
 */
gsize
wn_number__format_g10(char buf[WN_NUMBER_TEXT_SIZE], double x)
{
    return format_g(buf, x, 10, "%.10g");
}

/**
 * wn_number__round_trip:
 * Writes @x into @buf as the shorter of "%.15g" and "%.17g" that reads back as @x (the
 * first when it does), NUL-terminated; "-0" is written "0". For outputs that are read
 * again: a weight or coordinate keeps its exact value.
 * Returns: @buf.
 */
const char *
wn_number__round_trip(char buf[WN_NUMBER_TEXT_SIZE], double x)
{
    buf[wn_number__format_g15(buf, x)] = '\0';
    if (g_ascii_strtod(buf, NULL) != x) {
        g_ascii_formatd(buf, WN_NUMBER_TEXT_SIZE, "%.17g", x);
    }
    if (strcmp(buf, "-0") == 0) {
        g_strlcpy(buf, "0", WN_NUMBER_TEXT_SIZE);
    }
    return buf;
}

/**
 * wn_number__compare_u32:
 * The ascending order of two guint32 at @a and @b, for qsort, bsearch and g_array_sort.
 * Returns: -1, 0 or 1.
 */
int
wn_number__compare_u32(const void *a, const void *b)
{
    guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
    return (x > y) - (x < y);
}
