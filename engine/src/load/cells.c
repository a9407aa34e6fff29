/* cells.c: the checks of one cell (docs/FORMAT.md), shared by every reader of rows */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "load.h"

#include <math.h>
#include <string.h>

/**
 * wn_load__unescape:
 * Undoes the spreadsheet escape of a trimmed cell (docs/FORMAT.md, "CSV rules"): a cell
 * that begins with ' followed by ', '=', '+', '-', '@', a tab or a carriage return loses
 * that one leading ', as a spreadsheet shows it; any other cell (`'s-Hertogenbosch`, `'t
 * Hoen`) stays as it is. The sequential and the parallel reader both call it.
 * Returns: @cell, or @cell + 1.
 */
const char *
wn_load__unescape(const char *cell)
{
    return cell[0] == '\'' && cell[1] != '\0' && strchr("'=+-@\t\r", cell[1]) != NULL ? cell + 1
                                                                                      : cell;
}

/*
 * The common case of parse_number without strtod: [+-]digits[.digits] with at most 15
 * digits. The digits as an integer and the power of ten are exact doubles, so their
 * quotient is correctly rounded: the same double strtod gives.
 */
static gboolean
parse_short_decimal(const char *text, double *out)
{
    static const double powers[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const char *p = text + (*text == '-' || *text == '+');
    guint64 digits = 0;
    gsize n = 0, decimals = 0;
    gboolean point = FALSE;
    for (; *p != '\0'; p++) {
        if (*p == '.' && !point) {
            point = TRUE;
        } else if (g_ascii_isdigit(*p) && n < 15) {
            digits = 10 * digits + (guint64) (*p - '0');
            n++;
            decimals += point;
        } else {
            return FALSE;
        }
    }
    if (n == 0) {
        return FALSE;
    }
    double value = (double) digits / powers[decimals];
    *out = *text == '-' ? -value : value;
    return TRUE;
}

/**
 * wn_load__number:
 * Reads a decimal number: digits, sign, point (or comma when @delimiter is `;`), exponent.
 * Returns: FALSE when @text is not such a number or is not finite.
 * Cost: O(length of @text).
 */
gboolean
wn_load__number(const char *text, char delimiter, double *out)
{
    char buf[64];
    gsize len = strlen(text);
    if (len == 0 || len >= sizeof buf) {
        return FALSE;
    }
    for (gsize i = 0; i <= len; i++) {
        char c = text[i];
        buf[i] = c == ',' && delimiter == ';' ? '.' : c;
        if (c != '\0' && !g_ascii_isdigit(c) && strchr("+-.eE", buf[i]) == NULL) {
            return FALSE;
        }
    }
    if (parse_short_decimal(buf, out)) {
        return TRUE;
    }
    char *end = NULL;
    *out = g_ascii_strtod(buf, &end);
    return end != buf && *end == '\0' && isfinite(*out);
}

static const struct {
    const char *name;
    WnNodeKind kind;
} node_kind_aliases[] = {
    {"resident", WN_NODE_RESIDENT},
    {"bewoner", WN_NODE_RESIDENT},
    {"professional", WN_NODE_PROFESSIONAL},
    {"group", WN_NODE_GROUP},
    {"groep", WN_NODE_GROUP},
    {"organisation", WN_NODE_ORGANISATION},
    {"organisatie", WN_NODE_ORGANISATION},
};

/* Reads a node type: a docs/FORMAT.md name or a Dutch alias, in any case. */
gboolean
wn_load__node_kind(const char *text, guint8 *out)
{
    for (gsize i = 0; i < G_N_ELEMENTS(node_kind_aliases); i++) {
        if (g_ascii_strcasecmp(text, node_kind_aliases[i].name) == 0) {
            *out = (guint8) node_kind_aliases[i].kind;
            return TRUE;
        }
    }
    return FALSE;
}

/* Reads `vulnerable`: 1/0, true/false, yes/no, ja/nee in any case, or empty (no). */
gboolean
wn_load__flag(const char *text, guint8 *out)
{
    static const char *const yes[] = {"1", "true", "yes", "ja"};
    static const char *const no[] = {"", "0", "false", "no", "nee"};
    for (gsize i = 0; i < G_N_ELEMENTS(yes); i++) {
        if (g_ascii_strcasecmp(text, yes[i]) == 0) {
            *out = 1;
            return TRUE;
        }
    }
    for (gsize i = 0; i < G_N_ELEMENTS(no); i++) {
        if (g_ascii_strcasecmp(text, no[i]) == 0) {
            *out = 0;
            return TRUE;
        }
    }
    return FALSE;
}

/* Reads lat or lon: empty is unknown (NaN); otherwise a number within ±@limit. */
gboolean
wn_load__coordinate(const char *text, char delimiter, double limit, double *out)
{
    *out = NAN;
    return *text == '\0' || (wn_load__number(text, delimiter, out) && fabs(*out) <= limit);
}

static const char *const support_kinds[] = {"practical", "emotional", "companionship", "advice"};

/* Reads a tie type: a docs/FORMAT.md name in any case; empty is acquaintance. */
gboolean
wn_load__tie_kind(const char *text, guint8 *out)
{
    if (*text == '\0') {
        *out = WN_TIE_ACQUAINTANCE;
        return TRUE;
    }
    char first = g_ascii_tolower(*text);
    for (guint k = 0; k < WN_TIE_KIND_COUNT; k++) {
        const char *name = wn_tie_kind_name((WnTieKind) k);
        if (name[0] == first && g_ascii_strcasecmp(text, name) == 0) {
            *out = (guint8) k;
            return TRUE;
        }
    }
    return FALSE;
}

static gboolean
is_support_kind(const char *part, gsize len)
{
    for (gsize k = 0; k < G_N_ELEMENTS(support_kinds); k++) {
        if (strlen(support_kinds[k]) == len &&
            g_ascii_strncasecmp(part, support_kinds[k], len) == 0) {
            return TRUE;
        }
    }
    return FALSE;
}

/**
 * wn_load__support_kind:
 * Checks each `|`-separated part of a support_kind cell in place (nothing is allocated
 * per cell); an empty part is allowed.
 * Returns: FALSE with the first unknown part, trimmed, in @bad_out and @bad_len_out.
 * Cost: O(length of @text).
 */
gboolean
wn_load__support_kind(const char *text, const char **bad_out, gsize *bad_len_out)
{
    const char *part = text;
    for (;;) {
        const char *end = strchr(part, '|');
        end = end != NULL ? end : part + strlen(part);
        const char *s = part, *e = end;
        while (s < e && (*s == ' ' || *s == '\t')) {
            s++;
        }
        while (e > s && (e[-1] == ' ' || e[-1] == '\t')) {
            e--;
        }
        if (e > s && !is_support_kind(s, (gsize) (e - s))) {
            *bad_out = s;
            *bad_len_out = (gsize) (e - s);
            return FALSE;
        }
        if (*end == '\0') {
            return TRUE;
        }
        part = end + 1;
    }
}

/* Reads a weight: a positive number; empty is 1 (docs/FORMAT.md). */
gboolean
wn_load__weight(const char *text, char delimiter, double *out)
{
    *out = 1.0;
    return *text == '\0' || (wn_load__number(text, delimiter, out) && *out > 0);
}
