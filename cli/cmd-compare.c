/* cmd-compare.c: `wijknet compare WAVE1 WAVE2`, what changed between two fieldwork waves */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

typedef struct {
    char *suggestions;
    gint min_cell;
    char *part;
    CliOutput out;
} Options;

static const char *const parts[] = {"residents", "moves", "suggestions", NULL};
static const char *const titles[] = {
    "Residents of either wave: status in each, ties gained and lost by type",
    "Residents per status: moved in and out, left and joined (small cells hidden per area)",
    "Suggested contacts of wave 1 that exist in wave 2"};

static int
check_options(const Options *o, int argc, CliFormat *format)
{
    int status = CLI_EXIT_OK;
    if (argc != 3) {
        return cli_usage_error("compare", "expected two datasets, WAVE1 and WAVE2");
    }
    if (!cli_output_check(&o->out, "compare", format, &status)) {
        return status;
    }
    if (o->min_cell < 0) {
        return cli_usage_error("compare", "--min-cell must not be negative");
    }
    if (o->part != NULL && (!g_strv_contains(parts, o->part) ||
                            (o->suggestions == NULL && g_strcmp0(o->part, "suggestions") == 0))) {
        return cli_usage_error("compare",
                               "--part must be residents, moves or (with --suggestions) "
                               "suggestions, not \"%s\"",
                               o->part);
    }
    return CLI_EXIT_OK;
}

static int
run(const Options *o, const char *wave1, const char *wave2, CliFormat format)
{
    int status = CLI_EXIT_OK;
    g_autoptr(WnNetwork) w1 = cli_load(wave1, &o->out.load, &status);
    g_autoptr(WnNetwork) w2 = w1 != NULL ? cli_load(wave2, &o->out.load, &status) : NULL;
    if (w2 == NULL) {
        return status;
    }
    WnCompareOptions opts = WN_COMPARE_OPTIONS_INIT;
    opts.suggestions = o->suggestions;
    opts.min_cell = (guint) o->min_cell;
    g_autoptr(GError) error = NULL;
    g_autoptr(WnCompare) c = wn_compare_waves(w1, w2, &opts, &error);
    if (c == NULL) {
        return cli_output_text(&o->out, NULL, error);
    }
    const WnTable *tables[] = {wn_compare_residents(c), wn_compare_moves(c),
                               wn_compare_suggestions(c)};
    gsize n = tables[2] != NULL ? 3 : 2;
    g_autofree char *text =
        cli_render_sections((const char *const *) parts, titles, tables, n, o->part, format);
    return cli_output_text(&o->out, text, NULL);
}

int
cmd_compare(int argc, char **argv)
{
    Options o = {.min_cell = 10};
    g_auto(CliParser) parser = cli_parser_new(
        "compare", "WAVE1 WAVE2",
        "What changed between two datasets of the same wijk at two moments, residents\n"
        "matched by id (pseudonymise both waves with the same key): per resident the status\n"
        "in each wave and the ties gained and lost by relation type; per status how many\n"
        "moved in and out, left and joined, overall and per area. Residents in one wave\n"
        "only are counted apart, never matched by guess. As CSV the residents (or --part);\n"
        "as JSON every part in one object.");
    GOptionEntry entries[] = {
        {"suggestions", 0, 0, G_OPTION_ARG_FILENAME, &o.suggestions,
         "A `wijknet suggest` output (CSV) of wave 1: how many suggested contacts exist in "
         "wave 2",
         "FILE"},
        {"min-cell", 0, 0, G_OPTION_ARG_INT, &o.min_cell,
         "Per-area counts from 1 to K-1 are hidden (default 10)", "K"},
        {"part", 0, 0, G_OPTION_ARG_STRING, &o.part,
         "Only one part: residents, moves or suggestions", "PART"},
        {NULL}};
    cli_parser_add(&parser, entries);
    cli_output_add_entries(&parser, &o.out, NULL);
    int status = CLI_EXIT_OK;
    CliFormat format = CLI_FORMAT_TABLE;
    if (!cli_parser_parse(&parser, &argc, &argv, FALSE, &status)) {
        return status;
    }
    status = check_options(&o, argc, &format);
    return status != CLI_EXIT_OK ? status : run(&o, argv[1], argv[2], format);
}
