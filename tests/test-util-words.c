/* test-util-words.c: numbers as a reader writes them (util/words.c) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util/util.h"

#include <math.h>

static void
check(char *got, const char *want)
{
    g_assert_cmpstr(got, ==, want);
    g_free(got);
}

static void
test_int_groups_thousands(void)
{
    check(wn_words__int(TRUE, 5500), "5.500");
    check(wn_words__int(FALSE, 5500), "5,500");
    check(wn_words__int(TRUE, 999), "999");
    check(wn_words__int(TRUE, -1234567), "-1.234.567");
    check(wn_words__int(FALSE, G_MININT64), "-9,223,372,036,854,775,808");
}

static void
test_decimal_uses_the_language_s_comma(void)
{
    check(wn_words__decimal(TRUE, 0.35, 2), "0,35");
    check(wn_words__decimal(FALSE, 0.35, 2), "0.35");
    check(wn_words__decimal(TRUE, 1234.5, 1), "1.234,5");
    check(wn_words__decimal(FALSE, 1234.5, 1), "1,234.5");
    check(wn_words__decimal(TRUE, -0.001, 2), "0,00");
    check(wn_words__decimal(TRUE, -2.5, 1), "-2,5");
    check(wn_words__decimal(TRUE, 2.5, 0), "2");
    check(wn_words__decimal(TRUE, 12345.0, 0), "12.345");
    check(wn_words__decimal(TRUE, NAN, 2), "–");
}

static void
test_percent_and_counted(void)
{
    check(wn_words__percent(12, 100), "12%");
    check(wn_words__percent(1, 1000), "<1%");
    check(wn_words__percent(0, 0), "0%");
    check(wn_words__counted(TRUE, 1, "bewoner", "bewoners"), "1 bewoner");
    check(wn_words__counted(TRUE, 5500, "bewoner", "bewoners"), "5.500 bewoners");
    check(wn_words__counted(FALSE, 0, "resident", "residents"), "0 residents");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/words/int-groups-thousands", test_int_groups_thousands);
    g_test_add_func("/util/words/decimal-uses-the-language-s-comma",
                    test_decimal_uses_the_language_s_comma);
    g_test_add_func("/util/words/percent-and-counted", test_percent_and_counted);
    return g_test_run();
}
