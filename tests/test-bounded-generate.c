/* test-bounded-generate.c: `generate` works for every size from one resident up, and
 * refuses sizes above its documented maximum before allocating anything */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

static const guint64 seeds[] = {1, 8, 77};

/* The loaded town
 * holds exactly @residents of them and every tie joins two of its nodes. */
static void
assert_town_loads(gsize residents, guint64 seed)
{
    g_autofree char *dir = wn_test_generate(residents, seed);
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    if (net == NULL) {
        g_error("%" G_GSIZE_FORMAT " residents, seed %" G_GUINT64_FORMAT ": %s", residents, seed,
                error->message);
    }
    gsize n = wn_network_node_count(net), count = 0;
    for (gsize i = 0; i < n; i++) {
        count += wn_network_node_kind(net, i) == WN_NODE_RESIDENT;
    }
    g_assert_cmpuint(count, ==, residents);
    g_assert_cmpuint(n, >, residents); /* at least one professional and organisation */
    wn_test_remove_tree(dir);
}

/* The seeds 8 and 77 of 240 residents crashed: an organisation with fewer groups than
 * the professional's count of collaborations read past its groups. */
static void
test_240_residents_of_every_seed_load(void)
{
    for (guint64 seed = 1; seed <= 100; seed++) {
        assert_town_loads(240, seed);
    }
}

/* Every size of 1–300 residents, then every 37th up to 2,000, each over three seeds. */
static void
test_every_small_size_loads(void)
{
    for (gsize n = 1; n <= 300; n++) {
        for (gsize s = 0; s < G_N_ELEMENTS(seeds); s++) {
            assert_town_loads(n, seeds[s]);
        }
    }
    for (gsize n = 301; n <= 2000; n += 37) {
        for (gsize s = 0; s < G_N_ELEMENTS(seeds); s++) {
            assert_town_loads(n, seeds[s]);
        }
    }
}

/* Above WN_GENERATE_MAX_RESIDENTS (ten million) the town is refused with a clear error
 * before anything is allocated or written; zero residents are refused too. */
static void
test_too_many_residents_are_refused(void)
{
    const gsize sizes[] = {WN_GENERATE_MAX_RESIDENTS + 1, 100000000, G_MAXSIZE, 0};
    g_autofree char *dir = wn_test_make_temp_dir();
    for (gsize i = 0; i < G_N_ELEMENTS(sizes); i++) {
        WnGenerateOptions opts = WN_GENERATE_OPTIONS_INIT;
        opts.residents = sizes[i];
        g_autoptr(GError) error = NULL;
        g_assert_false(wn_generate_town(&opts, dir, &error));
        g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
        g_autofree char *want = g_strdup_printf(
            "expected between 1 and 10000000 residents, got %" G_GSIZE_FORMAT, sizes[i]);
        g_assert_cmpstr(error->message, ==, want);
    }
    g_autofree char *nodes = g_build_filename(dir, "nodes.csv", NULL);
    g_assert_false(g_file_test(nodes, G_FILE_TEST_EXISTS));
    wn_test_remove_tree(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    wn_init();
    g_test_add_func("/bounded/generate/240-residents-of-seeds-1-to-100-load",
                    test_240_residents_of_every_seed_load);
    g_test_add_func("/bounded/generate/every-size-1-to-300-then-sampled-to-2000-loads",
                    test_every_small_size_loads);
    g_test_add_func("/bounded/generate/more-than-ten-million-residents-are-refused",
                    test_too_many_residents_are_refused);
    return g_test_run();
}
