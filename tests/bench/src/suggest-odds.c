/* suggest-odds.c: `wijknet-suggest-odds`, the suggestions' evaluation of a generated town
 * with one more method: the town generator's own odds of every tie (tests/bench/README.md) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "generate/generate.h"
#include "suggest/suggest.h"

#include <math.h>
#include <stdio.h>

/*
 * How well can any method do? The evaluation hides informal ties (in the cold start
 * every one of its targets'); the generator drew those ties from the targets'
 * households, street, area, age band and language, with chance. This program ranks each
 * target's candidates by the odds that the generator ties them: for residents, how often
 * a tie is drawn when the town's people are kept (the same seed) and only its ties are
 * drawn again, @replicates times; for a group, the odds that its recruiting (ties.c,
 * recruit()) takes the target in, from the group's kind, area and size in the town. A
 * method that knew the generator could do no better than rank by these odds (the
 * knowledge of the rest of the network aside), so its precision is the ceiling of what
 * the suggestions can reach on such towns.
 */

typedef struct {
    WnGenerateOptions town;
    guint replicates;
    const WnTown *own; /* the town as `wijknet generate` draws it */
} Odds;

/* The town of @opts up to its informal ties, with the ties drawn from @ties_seed (0: the
 * town's own, as `wijknet generate` makes it). */
static WnTown *
draw_town(const WnGenerateOptions *opts, guint64 ties_seed)
{
    WnTown *t = wn_town__new(opts);
    wn_town__plan_areas(t);
    wn_town__make_households(t);
    wn_town__choose_isolated(t);
    if (ties_seed != 0) {
        wn_random__seed(&t->rng, ties_seed);
    }
    wn_town__add_informal_ties(t);
    wn_town__add_groups(t);
    wn_town__befriend_tieless(t);
    return t;
}

/* Residents' informal ties in @replicates draws: per target slot, the other end of every
 * tie drawn, then counted. */
static GArray **
draw_partners(const Odds *odds, const guint32 *slot, gsize targets)
{
    GArray **partners = g_new0(GArray *, targets);
    for (gsize i = 0; i < targets; i++) {
        partners[i] = g_array_new(FALSE, FALSE, sizeof(guint32));
    }
    for (guint rep = 1; rep <= odds->replicates; rep++) {
        g_autoptr(WnTown) t = draw_town(&odds->town, odds->town.seed * 1000003u + rep);
        for (guint i = 0; i < t->ties->len; i++) {
            const WnGenTie *tie = &g_array_index(t->ties, WnGenTie, i);
            if (tie->kind == WN_TIE_MEMBER || tie->a >= t->n || tie->b >= t->n) {
                continue;
            }
            if (slot[tie->a] != 0) {
                g_array_append_val(partners[slot[tie->a] - 1], tie->b);
            }
            if (slot[tie->b] != 0) {
                g_array_append_val(partners[slot[tie->b] - 1], tie->a);
            }
        }
    }
    return partners;
}

/* A candidate and the odds of its tie to the target. */
typedef struct {
    double odds;
    guint32 node;
} Candidate;

static gint
by_odds_then_node(gconstpointer a, gconstpointer b)
{
    const Candidate *x = a, *y = b;
    if (x->odds != y->odds) {
        return x->odds > y->odds ? -1 : 1;
    }
    return x->node < y->node ? -1 : (x->node > y->node);
}

/* The odds that the recruiting of each group of a town (ties.c, recruit()) takes in a
 * resident: each try picks a resident who takes part, in the group's area
 * (WN_GEN_RECRUIT_IN_AREA) or a touching one, who then joins with wn_town__accept_odds();
 * a group's members are its first `size` joiners, so r joins with 1 − (1 − q(r)/Q)^size,
 * q(r) the odds of one try taking r in and Q their sum over all residents. */
typedef struct {
    const WnTown *t;
    guint32 *size;     /* per group: its members in the town */
    guint32 *in_area;  /* per area: its residents who take part */
    double *area_odds; /* per group and area: the odds of a try in that area */
    double *all;       /* per group: Q */
} Recruiting;

static double
try_odds(const Recruiting *k, gsize g, gsize x)
{
    const WnTown *t = k->t;
    gsize area = t->r_area[x];
    if (t->iso[x] || k->area_odds[g * t->n_areas + area] == 0.0) {
        return 0.0;
    }
    return k->area_odds[g * t->n_areas + area] / k->in_area[area] *
           wn_town__accept_odds(t->g_kind[g], t->r_age[x], t->r_lang[x]);
}

static void
recruiting_init(Recruiting *k, const WnTown *t)
{
    k->t = t;
    k->size = g_new0(guint32, t->n_groups + 1);
    for (guint i = 0; i < t->ties->len; i++) {
        const WnGenTie *tie = &g_array_index(t->ties, WnGenTie, i);
        if (tie->kind == WN_TIE_MEMBER) {
            k->size[tie->b - t->n]++;
        }
    }
    k->in_area = g_new0(guint32, t->n_areas);
    for (gsize x = 0; x < t->n; x++) {
        k->in_area[t->r_area[x]] += !t->iso[x];
    }
    k->area_odds = g_new0(double, t->n_groups * t->n_areas + 1);
    k->all = g_new0(double, t->n_groups + 1);
    for (gsize g = 0; g < t->n_groups; g++) {
        double *odds = k->area_odds + g * t->n_areas;
        gsize home = t->g_area[g];
        odds[home] += WN_GEN_RECRUIT_IN_AREA;
        for (gsize i = 0; i < t->area_adj_n[home]; i++) {
            odds[t->area_adj[8 * home + i]] += (1.0 - WN_GEN_RECRUIT_IN_AREA) / t->area_adj_n[home];
        }
        for (gsize x = 0; x < t->n; x++) {
            k->all[g] += try_odds(k, g, x);
        }
    }
}

static void
recruiting_clear(Recruiting *k)
{
    g_free(k->size);
    g_free(k->in_area);
    g_free(k->area_odds);
    g_free(k->all);
}

static double
member_odds(const Recruiting *k, gsize g, gsize r)
{
    return k->all[g] > 0.0 ? 1.0 - pow(1.0 - try_odds(k, g, r) / k->all[g], k->size[g]) : 0.0;
}

/* The WN_SUGGEST_LONGEST candidates of @r by the odds in @cands, skipping those the
 * evaluation's rules keep from @r (wn_suggest__blocked). */
static GArray *
best_of(const WnSuggestModel *model, gsize r, GArray *cands)
{
    g_array_sort(cands, by_odds_then_node);
    GArray *list = g_array_new(FALSE, FALSE, sizeof(guint32));
    for (guint i = 0; i < cands->len && list->len < WN_SUGGEST_LONGEST; i++) {
        guint32 c = g_array_index(cands, Candidate, i).node;
        if (!wn_suggest__blocked(model, r, c)) {
            g_array_append_val(list, c);
        }
    }
    return list;
}

static GPtrArray *
rank_by_odds(const WnSuggestModel *model, const GArray *targets, WnRankFlags flags, gpointer data)
{
    const Odds *odds = data;
    const WnTown *town = odds->own;
    Recruiting recruiting;
    recruiting_init(&recruiting, town);
    g_autofree guint32 *slot = g_new0(guint32, town->n);
    for (guint i = 0; i < targets->len; i++) {
        slot[g_array_index(targets, gsize, i)] = i + 1;
    }
    GArray **partners = draw_partners(odds, slot, targets->len);
    GPtrArray *lists = g_ptr_array_new_with_free_func((GDestroyNotify) g_array_unref);
    for (guint i = 0; i < targets->len; i++) {
        guint32 r = (guint32) g_array_index(targets, gsize, i);
        g_autoptr(GArray) cands = g_array_new(FALSE, FALSE, sizeof(Candidate));
        GArray *drawn = partners[i];
        g_array_sort(drawn, wn_number__compare_u32);
        for (guint j = 0; j < drawn->len;) {
            guint k = j;
            while (k < drawn->len &&
                   g_array_index(drawn, guint32, k) == g_array_index(drawn, guint32, j)) {
                k++;
            }
            Candidate c = {(double) (k - j) / odds->replicates, g_array_index(drawn, guint32, j)};
            g_array_append_val(cands, c);
            j = k;
        }
        for (gsize g = 0; g < town->n_groups && (flags & WN_RANK_RESIDENTS_ONLY) == 0; g++) {
            Candidate c = {member_odds(&recruiting, g, r), (guint32) (town->n + g)};
            g_array_append_val(cands, c);
        }
        g_ptr_array_add(lists, best_of(model, r, cands));
        g_array_unref(drawn);
    }
    g_free(partners);
    recruiting_clear(&recruiting);
    return lists;
}

static gsize
residents_of(const WnNetwork *net)
{
    gsize residents = 0;
    for (gsize v = 0; v < wn_network_node_count(net); v++) {
        residents += wn_network_node_kind(net, v) == WN_NODE_RESIDENT;
    }
    return residents;
}

/* Is @net @town: the same residents and groups (ids as write.c's put_id), and as many
 * informal ties? */
static gboolean
is_the_town(const WnNetwork *net, const WnTown *town)
{
    if (wn_network_node_count(net) < town->n + town->n_groups) {
        return FALSE;
    }
    int width = MAX(7, (int) log10((double) town->n) + 1);
    for (gsize v = 0; v < town->n + town->n_groups; v++) {
        g_autofree char *id = v < town->n ? g_strdup_printf("R%0*" G_GSIZE_FORMAT, width, v + 1)
                                          : g_strdup_printf("G%05" G_GSIZE_FORMAT, v - town->n + 1);
        if (g_strcmp0(wn_network_node_id(net, v), id) != 0) {
            return FALSE;
        }
    }
    gsize informal = 0;
    for (gsize i = 0; i < wn_network_tie_count(net); i++) {
        informal += !wn_network_tie_is_formal(net, i);
    }
    return informal == town->ties->len;
}

/* The command line, with its defaults. */
typedef struct {
    gint64 residents, seed, evaluation_seed;
    gint replicates;
    double cold_start, hide;
} Args;

static int
usage_error(const char *what)
{
    fprintf(stderr, "wijknet-suggest-odds: %s\nTry 'wijknet-suggest-odds --help'.\n", what);
    return 64;
}

/* Returns: 0, or 64 (usage) after saying why. */
static int
parse(int *argc, char ***argv, Args *args)
{
    GOptionEntry entries[] = {
        {"residents", 'n', 0, G_OPTION_ARG_INT64, &args->residents,
         "The town's residents (default 10000), as given to wijknet generate", "N"},
        {"seed", 0, 0, G_OPTION_ARG_INT64, &args->seed, "The town's seed (default 1)", "S"},
        {"replicates", 0, 0, G_OPTION_ARG_INT, &args->replicates,
         "How many times the ties are drawn again for the odds (default 400)", "R"},
        {"cold-start", 0, 0, G_OPTION_ARG_DOUBLE, &args->cold_start,
         "The cold start: the share of residents with 2+ informal ties to evaluate (default "
         "0.1; 0: the warm evaluation)",
         "F"},
        {"hide", 0, 0, G_OPTION_ARG_DOUBLE, &args->hide,
         "The warm evaluation: the share of ties to hide (default 0.1)", "F"},
        {"evaluation-seed", 0, 0, G_OPTION_ARG_INT64, &args->evaluation_seed,
         "The evaluation's seed (default 1)", "E"},
        {NULL}};
    g_autoptr(GOptionContext) context = g_option_context_new("TOWN");
    g_option_context_set_summary(
        context,
        "The evaluation of `wijknet suggest TOWN --evaluate [--cold-start F]`, with one more\n"
        "method, generator-odds: candidates ranked by the odds that the town generator ties\n"
        "them to the target. TOWN is a folder written by `wijknet generate -n N --seed S`.");
    g_option_context_add_main_entries(context, entries, NULL);
    g_autoptr(GError) error = NULL;
    if (!g_option_context_parse(context, argc, argv, &error)) {
        return usage_error(error->message);
    }
    if (*argc != 2 || args->replicates < 1 || args->residents < 1 || args->seed < 0) {
        return usage_error("expected one TOWN, N ≥ 1, S ≥ 0 and R ≥ 1");
    }
    return 0;
}

/* Evaluates the town in @dir and prints the table. Returns: the exit status. */
static int
run(const char *dir, const Args *args)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WnNetwork) net = wn_network_load(dir, WN_LOAD_DEFAULT, &error);
    if (net == NULL) {
        fprintf(stderr, "wijknet-suggest-odds: %s\n", error->message);
        return 66;
    }
    Odds odds = {WN_GENERATE_OPTIONS_INIT, (guint) args->replicates, NULL};
    odds.town.residents = (gsize) args->residents;
    odds.town.seed = (guint64) args->seed;
    if (!wn_generate_options_check(&odds.town, &error)) {
        return usage_error(error->message);
    }
    /* the size first, so that a town of another size is never drawn */
    g_autoptr(WnTown) own =
        residents_of(net) == odds.town.residents ? draw_town(&odds.town, 0) : NULL;
    odds.own = own;
    if (own == NULL || !is_the_town(net, own)) {
        fprintf(stderr,
                "wijknet-suggest-odds: %s is not the town of -n %" G_GINT64_FORMAT
                " --seed %" G_GINT64_FORMAT " (wijknet generate)\n",
                dir, args->residents, args->seed);
        return 65;
    }
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    WnEvaluateOptions eval = {args->hide, (guint64) args->evaluation_seed, args->cold_start};
    WnEvaluateExtra extra = {"generator-odds", rank_by_odds, &odds};
    WnEvaluateSummary summary = {0};
    g_autoptr(WnTable) table =
        wn_suggest__evaluate_with(net, &opts, &eval, &extra, &summary, &error);
    if (table == NULL) { /* bad shares: a usage error, as `wijknet suggest` says it */
        fprintf(stderr, "wijknet-suggest-odds: %s\n", error->message);
        return g_error_matches(error, WN_ERROR, WN_ERROR_INVALID) ? 64 : 65;
    }
    g_autofree char *csv = wn_table_to_csv(table);
    printf("# %" G_GSIZE_FORMAT " targets, %" G_GSIZE_FORMAT " ties hidden, %d replicates\n%s",
           summary.targets, summary.hidden, args->replicates, csv);
    return 0;
}

int
main(int argc, char **argv)
{
    wn_init();
    Args args = {10000, 1, 1, 400, 0.1, 0.1};
    int status = parse(&argc, &argv, &args);
    return status != 0 ? status : run(argv[1], &args);
}
