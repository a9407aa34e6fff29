/* cmd-suggest.c: `wijknet suggest`, new contacts for residents at risk, and their quality */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

typedef struct {
    char *for_ids;
    char *policy;
    gint per;
    gint capacity;
    gboolean explain;
    gboolean evaluate;
    double hide;
    gint64 seed;
    WnSuggestOptions opts;  /* from the options above */
    WnEvaluateOptions eval; /* with --evaluate */
    char **ids;             /* of --for; NULL: every resident at risk */
    CliOutput out;
} Options;

/* Checks what can be checked before loading; fills @opts and @eval. */
static int
check_usage(const Options *o, WnSuggestOptions *opts, WnEvaluateOptions *eval)
{
    if (!wn_suggest_policy_lookup(o->policy != NULL ? o->policy : "mixed", &opts->policy)) {
        return cli_usage_error("suggest", "--policy must be anchor, buddy or mixed, not \"%s\"",
                               o->policy);
    }
    if (o->per < 1 || o->capacity < 0 || o->seed < 0) {
        return cli_usage_error("suggest", "--per must be at least 1; --capacity and --seed must "
                                          "not be negative");
    }
    if (!(o->hide > 0.0 && o->hide < 1.0)) {
        return cli_usage_error("suggest", "--hide must lie between 0 and 1, not %g", o->hide);
    }
    if (o->evaluate && o->for_ids != NULL) {
        return cli_usage_error("suggest", "--evaluate chooses its own targets; leave out --for");
    }
    opts->per = (guint) o->per;
    opts->capacity = (guint) o->capacity;
    opts->explain = o->explain;
    eval->hide = o->hide;
    eval->seed = (guint64) o->seed;
    return CLI_EXIT_OK;
}

/* The ids of --for, split on commas; NULL without --for. */
static char **
split_ids(const char *text, int *status_out)
{
    if (text == NULL) {
        return NULL;
    }
    g_auto(GStrv) ids = g_strsplit(text, ",", -1);
    for (gsize i = 0; ids[i] != NULL; i++) {
        if (*g_strstrip(ids[i]) == '\0') {
            *status_out = cli_usage_error("suggest", "--for needs ids separated by commas");
            return NULL;
        }
    }
    if (ids[0] == NULL) {
        *status_out = cli_usage_error("suggest", "--for needs ids separated by commas");
        return NULL;
    }
    return g_steal_pointer(&ids);
}

/*
 * @table in @format with its summary: as a table, @before and @after the rows; as JSON, an
 * object of @fields (each followed by ", ") with the rows under @key; as CSV, the rows alone.
 */
static char *
with_summary(const WnTable *table, CliFormat format, const char *before, const char *after,
             const char *fields, const char *key)
{
    g_autofree char *body = cli_table_render(table, format);
    switch (format) {
    case CLI_FORMAT_TABLE:
        return g_strconcat(before, body, after, NULL);
    case CLI_FORMAT_JSON:
        return g_strdup_printf("{%s\"%s\": %s}\n", fields, key, g_strchomp(body));
    case CLI_FORMAT_CSV:
        break;
    }
    return g_steal_pointer(&body);
}

static char *
render_suggestions(const WnTable *table, const WnSuggestSummary *s, CliFormat format)
{
    g_autofree char *line = g_strdup_printf("%" G_GSIZE_FORMAT " target%s, %" G_GSIZE_FORMAT
                                            " with at least one suggestion, "
                                            "%" G_GSIZE_FORMAT " suggestion%s\n",
                                            s->targets, s->targets == 1 ? "" : "s", s->served,
                                            s->suggestions, s->suggestions == 1 ? "" : "s");
    g_autofree char *fields =
        g_strdup_printf("\"targets\": %" G_GSIZE_FORMAT ", \"served\": %" G_GSIZE_FORMAT
                        ", \"count\": %" G_GSIZE_FORMAT ", ",
                        s->targets, s->served, s->suggestions);
    return with_summary(table, format, "", line, fields, "suggestions");
}

static char *
render_evaluation(const WnTable *table, const WnEvaluateSummary *s, const WnEvaluateOptions *eval,
                  CliFormat format)
{
    g_autofree char *line =
        g_strdup_printf("Hid %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT
                        " informal ties between residents (share %g, seed %" G_GUINT64_FORMAT
                        "); %" G_GSIZE_FORMAT " residents lost a tie.\n",
                        s->hidden, s->eligible, eval->hide, eval->seed, s->targets);
    g_autofree char *fields =
        g_strdup_printf("\"eligible\": %" G_GSIZE_FORMAT ", \"hidden\": %" G_GSIZE_FORMAT
                        ", \"targets\": %" G_GSIZE_FORMAT ", ",
                        s->eligible, s->hidden, s->targets);
    return with_summary(table, format, line, "", fields, "results");
}

static int
check(void *options, CliFormat format)
{
    (void) format;
    Options *o = options;
    int status = check_usage(o, &o->opts, &o->eval);
    if (status == CLI_EXIT_OK) {
        o->ids = split_ids(o->for_ids, &status);
    }
    return status;
}

static char *
compute(const void *options, const WnNetwork *net, CliFormat format, GError **error)
{
    const Options *o = options;
    if (o->evaluate) {
        WnEvaluateSummary s = {0};
        g_autoptr(WnTable) table = wn_suggest_evaluate(net, &o->opts, &o->eval, &s, error);
        return table != NULL ? render_evaluation(table, &s, &o->eval, format) : NULL;
    }
    WnSuggestSummary s = {0};
    g_autoptr(WnTable) table =
        wn_suggest_table(net, (const char *const *) o->ids, &o->opts, &s, error);
    return table != NULL ? render_suggestions(table, &s, format) : NULL;
}

static void
add_entries(CliParser *parser, Options *o)
{
    GOptionEntry entries[] = {
        {"for", 0, 0, G_OPTION_ARG_STRING, &o->for_ids,
         "Suggest for these residents (default: every resident at risk)", "ID[,ID…]"},
        {"per", 'n', 0, G_OPTION_ARG_INT, &o->per, "Suggestions per resident (default 3)", "N"},
        {"policy", 'p', 0, G_OPTION_ARG_STRING, &o->policy,
         "anchor (well-connected residents and groups), buddy (others at risk) or mixed "
         "(default)",
         "POLICY"},
        {"capacity", 'c', 0, G_OPTION_ARG_INT, &o->capacity,
         "Suggest no one to more than C residents (default 3; 0 = no limit)", "C"},
        {"explain", 'x', 0, G_OPTION_ARG_NONE, &o->explain,
         "Add each feature's contribution to the score", NULL},
        {"evaluate", 0, 0, G_OPTION_ARG_NONE, &o->evaluate,
         "Hide known ties and report precision@k and recall@k against two baselines", NULL},
        {"hide", 0, 0, G_OPTION_ARG_DOUBLE, &o->hide,
         "With --evaluate: the share of ties to hide (default 0.1)", "F"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &o->seed,
         "With --evaluate: which ties are hidden, and the random baseline (default 1)", "S"},
        {NULL}};
    cli_parser_add(parser, entries);
    cli_output_add_entries(parser, &o->out, NULL);
}

int
cmd_suggest(int argc, char **argv)
{
    Options o = {.per = 3,
                 .capacity = 3,
                 .hide = 0.1,
                 .seed = 1,
                 .opts = WN_SUGGEST_OPTIONS_INIT,
                 .eval = WN_EVALUATE_OPTIONS_INIT};
    g_auto(CliParser) parser = cli_parser_new(
        "suggest", "DATASET",
        "New contacts for residents at risk (isolated, formal_only or fragile), ranked\n"
        "and explained, no one suggested to more than C residents. Ids only, never labels.");
    add_entries(&parser, &o);
    static const CliNetworkRun suggest = {check, compute};
    int status = cli_parser_run_network(&parser, argc, argv, &suggest, &o.out, &o);
    g_strfreev(o.ids);
    return status;
}
