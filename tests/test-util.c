/* test-util.c: the util layer on its own: CSV cells, numbers, the pair map and random
 * numbers, each against exact values (files: test-util-file.c) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"
#include "load/load.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *text;
    char delimiter;
    WnCsvCellGuards guards;
    const char *want;
} CellCase;

static const CellCase cell_cases[] = {
    {"plain", ',', WN_CSV_CELL_PLAIN, "plain"},
    {"", ',', WN_CSV_CELL_PLAIN, ""},
    {NULL, ',', WN_CSV_CELL_PLAIN, ""},
    {"a,b", ',', WN_CSV_CELL_PLAIN, "\"a,b\""},
    {"say \"hi\"", ',', WN_CSV_CELL_PLAIN, "\"say \"\"hi\"\"\""},
    {"two\nlines", ',', WN_CSV_CELL_PLAIN, "\"two\nlines\""},
    {"cr\r", ',', WN_CSV_CELL_PLAIN, "\"cr\r\""},
    {"a;b", ',', WN_CSV_CELL_PLAIN, "a;b"},
    {"a;b", ';', WN_CSV_CELL_PLAIN, "\"a;b\""},
    {"a,b", ';', WN_CSV_CELL_PLAIN, "a,b"},
    {"a,b", ';', WN_CSV_CELL_ANY_DELIMITER, "\"a,b\""},
    {"a;b", ',', WN_CSV_CELL_ANY_DELIMITER, "\"a;b\""},
    {"#1", ',', WN_CSV_CELL_PLAIN, "#1"},
    {"#1", ',', WN_CSV_CELL_GUARD_COMMENT, "\"#1\""},
    {"a#1", ',', WN_CSV_CELL_GUARD_COMMENT, "a#1"},
    {"=1+1", ',', WN_CSV_CELL_PLAIN, "=1+1"},
};

#define F WN_CSV_CELL_GUARD_FORMULA
#define R (WN_CSV_CELL_GUARD_FORMULA | WN_CSV_CELL_AS_READ)

/* The formula guard: a leading ' before text a spreadsheet would run, numbers left alone,
 * quotes only where RFC 4180 needs them (then the ' is inside). */
static const CellCase formula_cases[] = {
    {"=1+1", ',', F, "'=1+1"},
    {"=HYPERLINK(\"http://x\")", ',', F, "\"'=HYPERLINK(\"\"http://x\"\")\""},
    {"+1", ',', F, "'+1"},
    {"+31 6", ',', F, "'+31 6"},
    {"-x", ',', F, "'-x"},
    {"-", ',', F, "'-"},
    {"@SUM(A1)", ',', F, "'@SUM(A1)"},
    {"\tx", ',', F, "'\tx"},
    {"\rx", ',', F, "\"'\rx\""},
    {"=\"x\",y", ',', F, "\"'=\"\"x\"\",y\""},
    {"a=b", ',', F, "a=b"},
    {"-5", ',', F, "-5"},
    {"-2.5", ',', F, "-2.5"},
    {"+3", ',', F, "'+3"},
    {"+31612345678", ',', F, "'+31612345678"},
    {"-1e5", ',', F, "-1e5"},
    {"-1E-5", ',', F, "-1E-5"},
    {"-.5", ',', F, "-.5"},
    {"-5.", ',', F, "-5."},
    {"-1e999", ',', F, "'-1e999"},
    {"-1e", ',', F, "'-1e"},
    {"-.", ',', F, "'-."},
    {"-inf", ',', F, "'-inf"},
    {"-0x10", ',', F, "'-0x10"},
    {"-1 ", ',', F, "'-1 "},
    {"-2,5", ',', F, "\"'-2,5\""},
    {"-2,5", ';', F, "-2,5"},
    {"'=x", ',', F, "''=x"},
    {"''", ',', F, "'''"},
    {"'-2.5", ',', F, "''-2.5"},
    {"'s-Hertogenbosch", ',', F, "'s-Hertogenbosch"},
    {"'t Hoen", ',', F, "'t Hoen"},
    {"'", ',', F, "'"},
    {"=x", ',', R, "'=x"},
    {"'=x", ',', R, "'=x"},
    {" =x ", ',', R, " '=x "},
    {" -2.5 ", ',', R, " -2.5 "},
    {"\t@x", ',', R, "\t'@x"},
};

#undef F
#undef R

/* Each case of @cases, written after a "<" (so that an empty cell shows). */
static void
assert_cells(const CellCase *cases, gsize n)
{
    for (gsize i = 0; i < n; i++) {
        const CellCase *c = &cases[i];
        g_autoptr(GString) out = g_string_new("<");
        wn_csv_cell__append(out, c->text, c->delimiter, c->guards);
        g_autofree char *want = g_strconcat("<", c->want, NULL);
        g_assert_cmpstr(out->str, ==, want);
    }
}

/* A cell is quoted for its delimiter, a quote or a line break, and for what the guards
 * ask; quotes inside are doubled; a missing cell is empty. */
static void
test_csv_cell_quotes_delimiter_and_quote(void)
{
    assert_cells(cell_cases, G_N_ELEMENTS(cell_cases));
}

static void
test_csv_cell_escapes_formulas_not_numbers(void)
{
    assert_cells(formula_cases, G_N_ELEMENTS(formula_cases));
}

/* What the guard writes, the loader's unescape reads back as it was, for every text that
 * needs no quotes; a file's own cell written as read loads as the file's did. */
static void
test_csv_cell_escape_is_undone_by_the_loader(void)
{
    static const char *const texts[] = {"=x",   "+1", "-x",       "@x",    "\tx",  "'=x",
                                        "''=x", "'",  "''",       "'x",    "-2.5", "'-2.5",
                                        "+",    "'@", "'s-Bosch", "plain", ""};
    for (gsize i = 0; i < G_N_ELEMENTS(texts); i++) {
        g_autoptr(GString) out = g_string_new(NULL);
        wn_csv_cell__append(out, texts[i], ',', WN_CSV_CELL_GUARD_FORMULA);
        g_assert_cmpstr(wn_load__unescape(out->str), ==, texts[i]);
        g_autoptr(GString) again = g_string_new(NULL);
        wn_csv_cell__append(again, out->str, ',', WN_CSV_CELL_GUARD_FORMULA | WN_CSV_CELL_AS_READ);
        g_assert_cmpstr(again->str, ==, out->str);
    }
}

/* The public table cell writer is the comma writer with the formula guard. */
static void
test_csv_cell_table_writer_guards_formulas(void)
{
    static const char *const texts[] = {"plain", "a,b", "q\"q", "=1+1", "#x", "a;b", "-2.5", NULL};
    for (gsize i = 0; i < G_N_ELEMENTS(texts); i++) {
        g_autoptr(GString) table = g_string_new(NULL);
        g_autoptr(GString) util = g_string_new(NULL);
        wn_table_append_csv_cell(table, texts[i]);
        wn_csv_cell__append(util, texts[i], ',', WN_CSV_CELL_GUARD_FORMULA);
        g_assert_cmpstr(table->str, ==, util->str);
    }
}

/* Asserts that @x formats as printf's "%.<precision>g" writes it. */
static void
assert_matches_printf(double x, int precision)
{
    char want[64], got[WN_NUMBER_TEXT_SIZE + 1];
    snprintf(want, sizeof want, "%.*g", precision, x);
    gsize len = precision == 15 ? wn_number__format_g15(got, x) : wn_number__format_g10(got, x);
    got[len] = '\0';
    if (strcmp(got, want) != 0) {
        g_error("%%.%dg of %a: got \"%s\", printf gives \"%s\"", precision, x, got, want);
    }
}

/* Doubles where rounding is hard: ties at the last digit, powers of ten and their
 * neighbours, the ends of the fast path, signed zeros, subnormals, infinities, NaN. */
static const double tricky[] = {0.0,
                                -0.0,
                                1.0,
                                0.1,
                                0.2,
                                0.3,
                                1.0 / 3.0,
                                2.0 / 3.0,
                                0.5,
                                2.5,
                                1e-4,
                                1e-5,
                                9.99999999999999e-5,
                                0.000123456789012345,
                                123456789012345.6,
                                999999999999999.0,
                                999999999999999.5,
                                1e15,
                                1e15 + 1,
                                1e16,
                                9999999999.5,
                                9999999999.0,
                                1e10,
                                12345678901234567890.0,
                                1e-13,
                                1e-14,
                                1e-18,
                                1e-19,
                                1e300,
                                1e-300,
                                4.9406564584124654e-324,
                                2.2250738585072014e-308,
                                1.7976931348623157e308,
                                0.30000000000000004,
                                0.1 + 0.7,
                                1.0000000000000002,
                                0.99999999999999989,
                                5e-5,
                                1.25,
                                0.125,
                                3.14159265358979,
                                2.718281828459045,
                                1.5e-9,
                                HUGE_VAL,
                                NAN};

/* The tricky doubles, random bit patterns over the whole range, and random values and
 * neighbours of powers of ten from 1e-20 to 1e19. */
static void
check_against_printf(int precision)
{
    for (gsize i = 0; i < G_N_ELEMENTS(tricky); i++) {
        assert_matches_printf(tricky[i], precision);
        assert_matches_printf(-tricky[i], precision);
    }
    guint64 state = 12345;
    for (gsize i = 0; i < 200000; i++) {
        guint64 bits = wn_random__splitmix64(&state);
        double x = 0, ten = pow(10.0, (double) (i % 40) - 20);
        memcpy(&x, &bits, sizeof x);
        assert_matches_printf(x, precision);
        assert_matches_printf((double) (bits >> 11) * 0x1.0p-53 * ten, precision);
        assert_matches_printf(nextafter(ten, 0), precision);
    }
}

static void
test_number_g15_matches_printf(void)
{
    check_against_printf(15);
}

static void
test_number_g10_matches_printf(void)
{
    check_against_printf(10);
}

/* Hand-checked texts: %g drops trailing zeros and switches to an exponent below 1e-4
 * and from 10^precision. */
static void
test_number_known_texts(void)
{
    static const struct {
        double x;
        const char *g15, *g10;
    } cases[] = {
        {0.1, "0.1", "0.1"},
        {1.0 / 3.0, "0.333333333333333", "0.3333333333"},
        {2.0 / 3.0, "0.666666666666667", "0.6666666667"},
        {-0.0, "-0", "-0"},
        {123456.0, "123456", "123456"},
        {1e15, "1e+15", "1e+15"},
        {12345678901.0, "12345678901", "1.23456789e+10"},
        {1e-5, "1e-05", "1e-05"},
        {0.0001, "0.0001", "0.0001"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char buf[WN_NUMBER_TEXT_SIZE];
        gsize len = wn_number__format_g15(buf, cases[i].x);
        g_assert_cmpmem(buf, len, cases[i].g15, strlen(cases[i].g15));
        len = wn_number__format_g10(buf, cases[i].x);
        g_assert_cmpmem(buf, len, cases[i].g10, strlen(cases[i].g10));
    }
}

/* The round-trip text: %.15g when it reads back, %.17g otherwise, "-0" as "0". */
static void
test_number_round_trip(void)
{
    static const struct {
        double x;
        const char *text;
    } cases[] = {
        {0.1, "0.1"},
        {2.5, "2.5"},
        {1.0 / 3.0, "0.33333333333333331"},
        {0.1 + 0.2, "0.30000000000000004"},
        {-0.0, "0"},
        {52.370216, "52.370216"},
        {1e300, "1e+300"},
        {0.7 * 3, "2.0999999999999996"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char buf[WN_NUMBER_TEXT_SIZE];
        g_assert_cmpstr(wn_number__round_trip(buf, cases[i].x), ==, cases[i].text);
    }
    for (guint i = 0; i < 20000; i++) { /* every text reads back exactly */
        double x = ldexp(g_test_rand_double_range(-1e6, 1e6), -(int) (i % 40));
        char buf[WN_NUMBER_TEXT_SIZE];
        g_assert_cmpfloat(g_ascii_strtod(wn_number__round_trip(buf, x), NULL), ==, x);
    }
}

static void
test_number_int_matches_printf(void)
{
    static const gint64 values[] = {0, 7, -7, 10, 1234567890123, G_MAXINT64, G_MININT64};
    for (gsize i = 0; i < G_N_ELEMENTS(values); i++) {
        char buf[WN_NUMBER_TEXT_SIZE];
        g_autofree char *want = g_strdup_printf("%" G_GINT64_FORMAT, values[i]);
        gsize len = wn_number__format_int(buf, values[i]);
        g_assert_cmpmem(buf, len, want, strlen(want));
    }
}

/* An unordered key is the same both ways round; an ordered one is not. */
static void
test_pair_map_unordered_key_ignores_order(void)
{
    g_assert_cmphex(wn_pair_map__key(3, 5, FALSE), ==, G_GUINT64_CONSTANT(0x300000005));
    g_assert_cmphex(wn_pair_map__key(5, 3, FALSE), ==, G_GUINT64_CONSTANT(0x300000005));
    g_assert_cmphex(wn_pair_map__key(5, 3, TRUE), ==, G_GUINT64_CONSTANT(0x500000003));
}

/* A zeroed map is empty; the first value stored for a key is the one kept. */
static void
test_pair_map_first_value_is_kept(void)
{
    WnPairMap map = {0};
    guint64 key = wn_pair_map__key(1, 2, FALSE);
    g_assert_cmpuint(wn_pair_map__find_or_add(&map, key, 7), ==, 7);
    g_assert_cmpuint(wn_pair_map__find_or_add(&map, key, 9), ==, 7);
    g_assert_cmpuint(wn_pair_map__find_or_add(&map, wn_pair_map__key(2, 1, FALSE), 9), ==, 7);
    g_assert_cmpuint(map.used, ==, 1);
    g_assert_cmpuint(map.capacity, ==, 1024);
    wn_pair_map__clear(&map);
    g_assert_null(map.slots);
}

/* Past its first capacity the map grows and keeps every key with its value; it stays
 * at most half full: 15150 pairs (a, b), b − a ≡ 1 mod 3, take 32768 slots. */
static void
test_pair_map_grows_and_keeps_values(void)
{
    WnPairMap map = {0};
    wn_pair_map__init(&map, 10);
    for (guint32 a = 0; a < 300; a++) {
        for (guint32 b = a + 1; b < 301; b += 3) {
            wn_pair_map__find_or_add(&map, wn_pair_map__key(a, b, TRUE), a * 1000 + b);
        }
    }
    gsize count = map.used;
    g_assert_cmpuint(count, ==, 15150);
    g_assert_cmpuint(map.capacity, ==, 32768);
    for (guint32 a = 0; a < 300; a++) {
        for (guint32 b = a + 1; b < 301; b += 3) {
            guint32 got = wn_pair_map__find_or_add(&map, wn_pair_map__key(a, b, TRUE), 0);
            g_assert_cmpuint(got, ==, a * 1000 + b);
        }
    }
    g_assert_cmpuint(map.used, ==, count);
    wn_pair_map__clear(&map);
}

/* add tells a new key from one seen before. */
static void
test_pair_map_add_tells_new_from_seen(void)
{
    WnPairMap map = {0};
    g_assert_true(wn_pair_map__add(&map, wn_pair_map__key(4, 2, FALSE)));
    g_assert_true(wn_pair_map__add(&map, wn_pair_map__key(0, 2, FALSE)));
    g_assert_false(wn_pair_map__add(&map, wn_pair_map__key(2, 4, FALSE)));
    g_assert_cmpuint(map.used, ==, 2);
    wn_pair_map__clear(&map);
}

/* The reference values of splitmix64 from seed 0 (Vigna's splitmix64.c) and 42. */
static void
test_random_splitmix64_known_values(void)
{
    static const guint64 from0[] = {0xe220a8397b1dcdafu, 0x6e789e6aa1b965f4u, 0x06c45d188009454fu,
                                    0xf88bb8a8724c81ecu};
    static const guint64 from42[] = {0xbdd732262feb6e95u, 0x28efe333b266f103u, 0x47526757130f9f52u};
    guint64 state = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(from0); i++) {
        g_assert_cmphex(wn_random__splitmix64(&state), ==, from0[i]);
    }
    state = 42;
    for (gsize i = 0; i < G_N_ELEMENTS(from42); i++) {
        g_assert_cmphex(wn_random__splitmix64(&state), ==, from42[i]);
    }
}

/* xoshiro256** seeded with 1 through splitmix64 (worked out with a separate
 * implementation of both). */
static void
test_random_xoshiro_known_values(void)
{
    static const guint64 want[] = {0xb3f2af6d0fc710c5u, 0x853b559647364ceau, 0x92f89756082a4514u,
                                   0x642e1c7bc266a3a7u};
    WnRandom rng;
    wn_random__seed(&rng, 1);
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++) {
        g_assert_cmphex(wn_random__next(&rng), ==, want[i]);
    }
}

/* uniform is the top 53 bits over 2^53; below is ⌊uniform · n⌋. */
static void
test_random_uniform_and_below(void)
{
    static const gsize below10[] = {0, 7, 0, 1, 7, 2, 3, 2};
    WnRandom rng;
    wn_random__seed(&rng, 2024);
    g_assert_cmpfloat(wn_random__uniform(&rng), ==, 0.055792889110163335);
    g_assert_cmpfloat(wn_random__uniform(&rng), ==, 0.782103772866755);
    wn_random__seed(&rng, 2024);
    for (gsize i = 0; i < G_N_ELEMENTS(below10); i++) {
        g_assert_cmpuint(wn_random__below(&rng, 10), ==, below10[i]);
    }
}

/* A weight of 0 is never drawn; the others about in proportion. */
static void
test_random_weighted_follows_weights(void)
{
    static const double weights[] = {0, 1, 0, 3, 0};
    gsize counts[G_N_ELEMENTS(weights)] = {0};
    WnRandom rng;
    wn_random__seed(&rng, 5);
    for (gsize i = 0; i < 40000; i++) {
        counts[wn_random__weighted(&rng, weights, G_N_ELEMENTS(weights))]++;
    }
    g_assert_cmpuint(counts[0] + counts[2] + counts[4], ==, 0);
    g_assert_cmpfloat_with_epsilon((double) counts[3] / 40000.0, 0.75, 0.01);
}

/* Box-Muller deviates have mean 0 and variance 1. */
static void
test_random_gauss_is_standard_normal(void)
{
    WnRandom rng;
    wn_random__seed(&rng, 9);
    double sum = 0, squares = 0;
    for (gsize i = 0; i < 100000; i++) {
        double z = wn_random__gauss(&rng);
        sum += z;
        squares += z * z;
    }
    g_assert_cmpfloat_with_epsilon(sum / 100000.0, 0.0, 0.01);
    g_assert_cmpfloat_with_epsilon(squares / 100000.0, 1.0, 0.02);
}

/* The sample is a permutation of 0 … n−1 whose first k places a Fisher–Yates shuffle
 * driven by splitmix64 chose: from seed 42, place 0 swaps with 0 + 0xbdd7…6e95 mod 10
 * = 3, and so on (the oracle tests' samples rest on this). k = 0 is the identity. */
static void
test_random_sample_is_a_permutation_prefix(void)
{
    static const guint32 want3[] = {3, 2, 4, 0, 1, 5, 6, 7, 8, 9};
    static const guint32 want10[] = {7, 0, 4, 6, 8, 5, 2, 1, 9, 3};
    g_autofree guint32 *three = wn_random__sample_sources(10, 3, 42);
    g_autofree guint32 *all = wn_random__sample_sources(10, 10, 7);
    g_autofree guint32 *none = wn_random__sample_sources(10, 0, 42);
    g_assert_cmpmem(three, 10 * sizeof(guint32), want3, sizeof want3);
    g_assert_cmpmem(all, 10 * sizeof(guint32), want10, sizeof want10);
    for (guint32 i = 0; i < 10; i++) {
        g_assert_cmpuint(none[i], ==, i);
    }
}

/* 0 threads means WIJKNET_THREADS when it is a number from 1 to 1024, else one per
 * processor; a number asked for wins over the environment. */
static void
test_parallel_threads_follow_the_environment(void)
{
    guint processors = MAX(1u, g_get_num_processors());
    g_setenv("WIJKNET_THREADS", "3", TRUE);
    g_assert_cmpuint(wn_parallel__threads(0), ==, 3);
    g_assert_cmpuint(wn_parallel__threads(5), ==, 5);
    g_setenv("WIJKNET_THREADS", "0", TRUE);
    g_assert_cmpuint(wn_parallel__threads(0), ==, processors);
    g_setenv("WIJKNET_THREADS", "two", TRUE);
    g_assert_cmpuint(wn_parallel__threads(0), ==, processors);
    g_unsetenv("WIJKNET_THREADS");
    g_assert_cmpuint(wn_parallel__threads(0), ==, processors);
}

/* The memory a process may use: at most the machine's (MemTotal of /proc/meminfo), at
 * most the control group's limit, and more than nothing. */
static void
test_parallel_memory_is_the_machines_at_most(void)
{
    g_autofree char *meminfo = NULL;
    g_assert_true(g_file_get_contents("/proc/meminfo", &meminfo, NULL, NULL));
    const char *total = strstr(meminfo, "MemTotal:");
    g_assert_nonnull(total);
    guint64 kb = g_ascii_strtoull(total + strlen("MemTotal:"), NULL, 10);
    guint64 memory = wn_parallel__memory();
    g_assert_cmpuint(memory, >, 0);
    g_assert_cmpuint(memory, <=, kb * 1024);
}

static void
add_number_tests(void)
{
    g_test_add_func("/util/number/g15-matches-printf", test_number_g15_matches_printf);
    g_test_add_func("/util/number/g10-matches-printf", test_number_g10_matches_printf);
    g_test_add_func("/util/number/known-texts", test_number_known_texts);
    g_test_add_func("/util/number/int-matches-printf", test_number_int_matches_printf);
    g_test_add_func("/util/number/round-trip", test_number_round_trip);
    g_test_add_func("/util/pair-map/unordered-key-ignores-order",
                    test_pair_map_unordered_key_ignores_order);
    g_test_add_func("/util/pair-map/first-value-is-kept", test_pair_map_first_value_is_kept);
    g_test_add_func("/util/pair-map/grows-and-keeps-values", test_pair_map_grows_and_keeps_values);
    g_test_add_func("/util/pair-map/add-tells-new-from-seen",
                    test_pair_map_add_tells_new_from_seen);
    g_test_add_func("/util/parallel/threads-follow-the-environment",
                    test_parallel_threads_follow_the_environment);
    g_test_add_func("/util/parallel/memory-is-the-machines-at-most",
                    test_parallel_memory_is_the_machines_at_most);
    g_test_add_func("/util/random/splitmix64-known-values", test_random_splitmix64_known_values);
    g_test_add_func("/util/random/xoshiro-known-values", test_random_xoshiro_known_values);
    g_test_add_func("/util/random/uniform-and-below", test_random_uniform_and_below);
    g_test_add_func("/util/random/weighted-follows-weights", test_random_weighted_follows_weights);
    g_test_add_func("/util/random/gauss-is-standard-normal", test_random_gauss_is_standard_normal);
    g_test_add_func("/util/random/sample-is-a-permutation-prefix",
                    test_random_sample_is_a_permutation_prefix);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    wn_init();
    g_test_add_func("/util/csv-cell/quotes-delimiter-and-quote",
                    test_csv_cell_quotes_delimiter_and_quote);
    g_test_add_func("/util/csv-cell/escapes-formulas-not-numbers",
                    test_csv_cell_escapes_formulas_not_numbers);
    g_test_add_func("/util/csv-cell/escape-is-undone-by-the-loader",
                    test_csv_cell_escape_is_undone_by_the_loader);
    g_test_add_func("/util/csv-cell/table-writer-guards-formulas",
                    test_csv_cell_table_writer_guards_formulas);
    add_number_tests();
    return g_test_run();
}
