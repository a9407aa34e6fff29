/* cmd-whatif.c: `wijknet whatif`, a person leaves, a place closes, introductions are made */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

typedef struct {
    char **remove; /* each a comma-separated list; the option may repeat */
    char **close;
    char *add_ties;
    gboolean add_suggestions;
    gint min_cell;
    char *part;
    GStrv remove_ids, close_ids; /* the lists above, split */
    CliOutput out;
} Options;

static const char *const parts[] = {"changes", "counts", "cut-points", "key-figures", NULL};
static const char *const titles[] = {
    "Residents whose status changes or who are cut off from the main informal network",
    "Residents per status, before and after (small cells hidden per area)",
    "Cut points made, undone or changed", "Key figures after, with their rank before"};

/* Splits every comma-separated item of @lists into one list of ids. */
static GStrv
split_ids(char **lists)
{
    g_autoptr(GStrvBuilder) b = g_strv_builder_new();
    for (gsize i = 0; lists != NULL && lists[i] != NULL; i++) {
        g_auto(GStrv) items = g_strsplit(lists[i], ",", -1);
        for (gsize k = 0; items[k] != NULL; k++) {
            g_strstrip(items[k]);
            if (*items[k] != '\0') {
                g_strv_builder_add(b, items[k]);
            }
        }
    }
    return g_strv_builder_end(b);
}

static int
check(void *options, CliFormat format)
{
    (void) format;
    Options *o = options;
    o->remove_ids = split_ids(o->remove);
    o->close_ids = split_ids(o->close);
    if (o->remove_ids[0] == NULL && o->close_ids[0] == NULL && o->add_ties == NULL &&
        !o->add_suggestions) {
        return cli_usage_error("whatif", "name a change: --remove, --close, --add-ties or "
                                         "--add-suggestions");
    }
    if (o->min_cell < 0) {
        return cli_usage_error("whatif", "--min-cell must not be negative");
    }
    if (o->part != NULL && !g_strv_contains(parts, o->part)) {
        return cli_usage_error("whatif",
                               "--part must be changes, counts, cut-points or key-figures, not "
                               "\"%s\"",
                               o->part);
    }
    return CLI_EXIT_OK;
}

static char *
compute(const void *options, const WnNetwork *net, CliFormat format, GError **error)
{
    const Options *o = options;
    WnWhatifOptions opts = WN_WHATIF_OPTIONS_INIT;
    opts.remove = (const char *const *) o->remove_ids;
    opts.close = (const char *const *) o->close_ids;
    opts.add_ties = o->add_ties;
    opts.add_suggestions = o->add_suggestions;
    opts.min_cell = (guint) o->min_cell;
    g_autoptr(WnWhatif) w = wn_whatif_run(net, &opts, error);
    if (w == NULL) {
        return NULL;
    }
    const WnTable *tables[] = {wn_whatif_changes(w), wn_whatif_counts(w), wn_whatif_cut_points(w),
                               wn_whatif_key_figures(w)};
    return cli_render_sections((const char *const *) parts, titles, tables, G_N_ELEMENTS(tables),
                               o->part, format);
}

int
cmd_whatif(int argc, char **argv)
{
    Options o = {.min_cell = 10};
    g_auto(CliParser) parser = cli_parser_new(
        "whatif", "DATASET",
        "What if a person leaves, a group or organisation stops, or new ties form:\n"
        "recomputes the isolation statuses, cut points and key figures on a copy (the\n"
        "dataset is not changed) and reports the residents who change status or are cut\n"
        "off from the main informal network, and why; the residents per status before and\n"
        "after, overall and per area; the cut points made or undone; the key figures after.\n"
        "As CSV the changes (or --part); as JSON every part in one object.");
    GOptionEntry entries[] = {
        {"remove", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.remove,
         "Persons who leave (residents, professionals): ids, comma-separated", "ID,…"},
        {"close", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.close,
         "Groups or organisations that stop (their ties go): ids, comma-separated", "ID,…"},
        {"add-ties", 0, 0, G_OPTION_ARG_FILENAME, &o.add_ties,
         "Add the ties of FILE (ties.csv format: source,target[,type,weight])", "FILE"},
        {"add-suggestions", 0, 0, G_OPTION_ARG_NONE, &o.add_suggestions,
         "Add every contact `wijknet suggest` proposes (default options), as made", NULL},
        {"min-cell", 0, 0, G_OPTION_ARG_INT, &o.min_cell,
         "Per-area counts from 1 to K-1 are hidden (default 10)", "K"},
        {"part", 0, 0, G_OPTION_ARG_STRING, &o.part,
         "Only one part: changes, counts, cut-points or key-figures", "PART"},
        {NULL}};
    cli_parser_add(&parser, entries);
    cli_output_add_entries(&parser, &o.out, NULL);
    static const CliNetworkRun whatif = {check, compute};
    int status = cli_parser_run_network(&parser, argc, argv, &whatif, &o.out, &o);
    g_strfreev(o.remove_ids);
    g_strfreev(o.close_ids);
    return status;
}
