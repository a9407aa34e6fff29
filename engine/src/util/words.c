/* words.c: numbers as a reader writes them, in Dutch or English */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util.h"

#include <math.h>
#include <string.h>

/* Appends @digits with a separator every three digits from the right. */
static void
append_grouped(GString *out, const char *digits, char separator)
{
    gsize len = strlen(digits);
    for (gsize i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0) {
            g_string_append_c(out, separator);
        }
        g_string_append_c(out, digits[i]);
    }
}

/**
 * wn_words__int:
 * @n with thousands grouped as the language writes them: 4.812 in Dutch, 4,812 in
 * English. Negative numbers keep their sign.
 * Returns: a new string.
 */
char *
wn_words__int(gboolean dutch, gint64 n)
{
    g_autofree char *digits =
        g_strdup_printf("%" G_GUINT64_FORMAT, n < 0 ? -(guint64) n : (guint64) n);
    GString *out = g_string_new(n < 0 ? "-" : "");
    append_grouped(out, digits, dutch ? '.' : ',');
    return g_string_free(out, FALSE);
}

/**
 * wn_words__decimal:
 * @x rounded to @digits decimals (0 to 9), with a decimal comma and thousands points in
 * Dutch (1.234,56; 0,35) and a decimal point and thousands commas in English; "–" for
 * NaN or an infinity.
 * Returns: a new string.
 */
char *
wn_words__decimal(gboolean dutch, double x, int digits)
{
    if (!isfinite(x)) {
        return g_strdup("–");
    }
    char format[8], text[G_ASCII_DTOSTR_BUF_SIZE + 320];
    g_snprintf(format, sizeof format, "%%.%df", CLAMP(digits, 0, 9));
    g_ascii_formatd(text, sizeof text, format, fabs(x));
    gboolean zero = strspn(text, "0.") == strlen(text); /* -0,00 is written 0,00 */
    char *point = strchr(text, '.');
    if (point != NULL) {
        *point++ = '\0';
    }
    GString *out = g_string_new(x < 0 && !zero ? "-" : "");
    append_grouped(out, text, dutch ? '.' : ',');
    if (point != NULL) {
        g_string_append_c(out, dutch ? ',' : '.');
        g_string_append(out, point);
    }
    return g_string_free(out, FALSE);
}

/**
 * wn_words__percent:
 * @part of @whole as a whole percentage, rounded half up ("9%"); "<1%" for a part above
 * 0 that rounds to 0; "0%" when @whole is 0. Dutch and English write it alike.
 * Returns: a new string.
 */
char *
wn_words__percent(gint64 part, gint64 whole)
{
    gint64 pct = whole > 0 ? (200 * part + whole) / (2 * whole) : 0;
    return part > 0 && pct == 0 ? g_strdup("<1%") : g_strdup_printf("%" G_GINT64_FORMAT "%%", pct);
}

/**
 * wn_words__counted:
 * @n and the noun that goes with it: "1 bewoner", "5.500 bewoners", "0 bewoners";
 * @one for exactly 1, @many otherwise, the number as wn_words__int writes it.
 * Returns: a new string.
 */
char *
wn_words__counted(gboolean dutch, gint64 n, const char *one, const char *many)
{
    g_autofree char *number = wn_words__int(dutch, n);
    return g_strdup_printf("%s %s", number, n == 1 ? one : many);
}
