/* cmd-suggest.c: `wijknet suggest`, new contacts for residents at risk, and their quality */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

#include <math.h>

/* The suggestion settings, named as in the [suggest] group (wn_suggest_options_set), with
 * the short letters they had before the group existed. */
static const struct {
    const char *name;
    char short_name;
    const char *help;
    const char *arg;
} settings[] = {
    {"policy", 'p',
     "anchor (well-connected residents and groups), buddy (others at risk) or mixed (default)",
     "POLICY"},
    {"per", 'n', "Suggestions per resident (default 3)", "N"},
    {"capacity", 'c', "Suggest no one to more than C residents (default 3; 0 = no limit)", "C"},
    {"weight-common", 0, "Weight per unit of Adamic-Adar over common contacts (default 1)", "W"},
    {"weight-group", 0, "Weight per shared group (default 0.5)", "W"},
    {"weight-area", 0, "Weight of the same area (default 0.5)", "W"},
    {"weight-near", 0, "Weight of nearness, times M/(M + metres) (default 8)", "W"},
    {"near-metres", 0, "M: the distance at which nearness halves (default 30)", "M"},
    {"weight-shared", 0, "Weight per shared interest or language (default 0.25)", "W"},
    {"weight-age", 0, "Weight of the same age band, half for the next (default 0.25)", "W"},
    {"weight-anchor", 0, "Weight of being well connected, mixed and anchor (default 0.5)", "W"},
    {"anchor-cap", 0, "Informal ties counted as well connected (default 10)", "N"},
    {"beyond-degree", 0,
     "Look beyond the area for residents with at most this many informal ties (default 1)", "N"},
    {"beyond-metres", 0, "How far beyond the area, when positions are known (default 1500)", "M"},
    {"adult-age", 0,
     "Age bands ending below this age are minors: suggested only to each other, and a group "
     "of mostly minors only to them (default 18; 0 = no such guard)",
     "AGE"},
};

typedef struct {
    char *config;
    char *for_ids;
    char *values[G_N_ELEMENTS(settings)]; /* as given, NULL when not */
    gboolean explain;
    gboolean evaluate;
    double hide;       /* NaN when not given */
    double cold_start; /* NaN when not given */
    gint64 seed;
    WnSuggestOptions opts;  /* the defaults, then --config, then the values above */
    WnEvaluateOptions eval; /* with --evaluate */
    char **ids;             /* of --for; NULL: every resident at risk */
    const char *dataset;    /* its areas.geojson, when it has one, gives the touching areas */
    CliOutput out;
} Options;

/* Defaults, then the config file, then the settings on the command line. */
static int
resolve_settings(const Options *o, WnSuggestOptions *opts)
{
    g_autoptr(GError) error = NULL;
    if (o->config != NULL && !wn_suggest_options_load(o->config, opts, &error)) {
        return cli_fail(error);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(settings); i++) {
        if (o->values[i] != NULL &&
            !wn_suggest_options_set(opts, settings[i].name, o->values[i], &error)) {
            return cli_usage_error("suggest", "--%s", error->message);
        }
    }
    if (opts->per < 1) {
        return cli_usage_error("suggest", "per (--per or [suggest] per) must be at least 1");
    }
    if (!wn_suggest_options_check(opts, &error)) {
        return cli_usage_error("suggest", "%s", error->message);
    }
    return CLI_EXIT_OK;
}

/* Checks the evaluation options; fills @eval. */
static int
check_evaluation(const Options *o, WnEvaluateOptions *eval)
{
    if (o->seed < 0) {
        return cli_usage_error("suggest", "--seed must not be negative");
    }
    if (!isnan(o->hide) && !(o->hide > 0.0 && o->hide < 1.0)) {
        return cli_usage_error("suggest", "--hide must lie between 0 and 1, not %g", o->hide);
    }
    if (!isnan(o->cold_start) && !(o->cold_start > 0.0 && o->cold_start <= 1.0)) {
        return cli_usage_error("suggest", "--cold-start must lie in (0, 1], not %g", o->cold_start);
    }
    if (!isnan(o->hide) && !isnan(o->cold_start)) {
        return cli_usage_error("suggest", "--hide and --cold-start exclude each other");
    }
    if (!o->evaluate && (!isnan(o->hide) || !isnan(o->cold_start))) {
        return cli_usage_error("suggest", "--hide and --cold-start need --evaluate");
    }
    if (o->evaluate && o->for_ids != NULL) {
        return cli_usage_error("suggest", "--evaluate chooses its own targets; leave out --for");
    }
    eval->hide = isnan(o->hide) ? 0.1 : o->hide;
    eval->cold_start = isnan(o->cold_start) ? 0.0 : o->cold_start;
    eval->seed = (guint64) o->seed;
    return CLI_EXIT_OK;
}

/* Checks what can be checked before loading; fills @opts and @eval. */
static int
check_usage(const Options *o, WnSuggestOptions *opts, WnEvaluateOptions *eval)
{
    int status = check_evaluation(o, eval);
    if (status != CLI_EXIT_OK) {
        return status;
    }
    status = resolve_settings(o, opts);
    opts->explain = o->explain;
    return status;
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
        eval->cold_start > 0.0
            ? g_strdup_printf("Cold start: hid all %" G_GSIZE_FORMAT
                              " informal ties of %" G_GSIZE_FORMAT " of the %" G_GSIZE_FORMAT
                              " residents with at least two (share %g, seed %" G_GUINT64_FORMAT
                              ").\n",
                              s->hidden, s->targets, s->eligible, eval->cold_start, eval->seed)
            : g_strdup_printf("Hid %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT
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
    WnSuggestOptions opts = o->opts;
    g_autoptr(WnAreaShapes) shapes = wn_area_shapes_load_dataset(o->dataset, error);
    if (shapes == NULL && error != NULL && *error != NULL) {
        return NULL;
    }
    g_autoptr(WnAreaTouching) touching = shapes != NULL ? wn_area_touching_new(shapes) : NULL;
    opts.touching = touching;
    g_autoptr(WnTable) table =
        wn_suggest_table(net, (const char *const *) o->ids, &opts, &s, error);
    return table != NULL ? render_suggestions(table, &s, format) : NULL;
}

/* One entry per suggestion setting, each a text that wn_suggest_options_set reads. */
static void
add_setting_entries(CliParser *parser, Options *o)
{
    GOptionEntry entries[G_N_ELEMENTS(settings) + 1] = {{NULL}};
    for (gsize i = 0; i < G_N_ELEMENTS(settings); i++) {
        entries[i] = (GOptionEntry){settings[i].name,    settings[i].short_name, 0,
                                    G_OPTION_ARG_STRING, &o->values[i],          settings[i].help,
                                    settings[i].arg};
    }
    cli_parser_add(parser, entries);
}

static void
add_entries(CliParser *parser, Options *o)
{
    GOptionEntry entries[] = {
        {"for", 0, 0, G_OPTION_ARG_STRING, &o->for_ids,
         "Suggest for these residents (default: every resident at risk)", "ID[,ID…]"},
        {"config", 0, 0, G_OPTION_ARG_FILENAME, &o->config,
         "Read the settings below from the [suggest] group of this key file (the options "
         "given here win)",
         "FILE"},
        {"explain", 'x', 0, G_OPTION_ARG_NONE, &o->explain,
         "Add each term's contribution to the score", NULL},
        {"evaluate", 0, 0, G_OPTION_ARG_NONE, &o->evaluate,
         "Hide known ties and report precision@k and recall@k against baselines", NULL},
        {"hide", 0, 0, G_OPTION_ARG_DOUBLE, &o->hide,
         "With --evaluate: the share of ties to hide (default 0.1)", "F"},
        {"cold-start", 0, 0, G_OPTION_ARG_DOUBLE, &o->cold_start,
         "With --evaluate: hide every informal tie of this share of the residents with two or "
         "more, as if they had no one",
         "F"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &o->seed,
         "With --evaluate: what is hidden, and the random baselines (default 1)", "S"},
        {NULL}};
    cli_parser_add(parser, entries);
    add_setting_entries(parser, o);
    cli_output_add_entries(parser, &o->out, NULL);
}

int
cmd_suggest(int argc, char **argv)
{
    Options o = {.hide = NAN,
                 .cold_start = NAN,
                 .seed = 1,
                 .opts = WN_SUGGEST_OPTIONS_INIT,
                 .eval = WN_EVALUATE_OPTIONS_INIT};
    g_auto(CliParser) parser = cli_parser_new(
        "suggest", "DATASET",
        "New contacts for residents at risk (isolated, formal_only or fragile), ranked\n"
        "and explained, no one suggested to more than C residents. Ids only, never labels.");
    add_entries(&parser, &o);
    static const CliNetworkRun suggest = {check, compute};
    int status = CLI_EXIT_OK;
    if (!cli_parser_parse(&parser, &argc, &argv, TRUE, &status)) {
        return status;
    }
    o.dataset = argv[1];
    status = cli_run_network(&suggest, "suggest", &o.out, &o, argv[1]);
    g_strfreev(o.ids);
    return status;
}
