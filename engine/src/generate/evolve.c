/* evolve.c: a town a year on: residents move out and in, ties dissolve and form, and a share
 * of the suggested contacts is made (`wijknet generate --evolve`) */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "generate.h"
#include "whatif/whatif.h"

/* The yearly rates (README "A second wave"). */
#define MOVE_OUT 0.08       /* households that move away */
#define MOVE_IN 0.95        /* of their homes, taken by a new household */
#define CLOSURE 0.08        /* residents who befriend a friend of a friend */
#define SUGGESTION_MADE 0.1 /* suggested contacts that form */
#define NEWCOMER_TIED 0.85  /* newcomers who get to know a neighbour */
#define NEWCOMER_GROUP 0.2  /* newcomers who join a group of their area */

/* The share of ties of each kind (its first relation) that dissolve in a year. */
static double
dissolve_rate(WnTieKind kind)
{
    switch (kind) {
    case WN_TIE_FAMILY:
    case WN_TIE_HOUSEHOLD:
        return 0.02;
    case WN_TIE_NEIGHBOUR:
        return 0.12;
    case WN_TIE_FRIEND:
        return 0.10;
    case WN_TIE_ACQUAINTANCE:
        return 0.20;
    case WN_TIE_MEMBER:
        return 0.15;
    case WN_TIE_SUPPORT:
        return 0.25;
    case WN_TIE_REFERRAL:
        return 0.30;
    default:
        return 0.10;
    }
}

typedef struct {
    const WnNetwork *net;
    WnRandom rng;
    guint8 *gone;          /* per node: moved out */
    guint8 *tie_gone;      /* per tie: dissolved */
    GArray *homes;         /* gsize: one resident of each household that moved out */
    GHashTable *household; /* household value → GArray of its residents */
    WnDraft *draft;
    gsize next_id;
} Evolve;

static void
evolve_clear(Evolve *e)
{
    g_free(e->gone);
    g_free(e->tie_gone);
    g_clear_pointer(&e->homes, g_array_unref);
    g_clear_pointer(&e->household, g_hash_table_unref);
    g_clear_pointer(&e->draft, wn_draft__free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Evolve, evolve_clear)

/* The residents of each household (the `household` column; alone without one). */
static void
group_households(Evolve *e)
{
    e->household =
        g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
    for (gsize v = 0; v < e->net->n; v++) {
        if (wn_network_node_kind(e->net, v) != WN_NODE_RESIDENT) {
            continue;
        }
        const char *h = wn_network_node_attribute(e->net, v, "household");
        const char *key = h != NULL ? h : wn_network_node_id(e->net, v);
        GArray *members = g_hash_table_lookup(e->household, key);
        if (members == NULL) {
            members = g_array_new(FALSE, FALSE, sizeof(gsize));
            g_hash_table_insert(e->household, (gpointer) key, members);
        }
        g_array_append_val(members, v);
    }
}

/* Whole households move out, in node order of their first member. */
static void
move_out(Evolve *e)
{
    for (gsize v = 0; v < e->net->n; v++) {
        if (wn_network_node_kind(e->net, v) != WN_NODE_RESIDENT) {
            continue;
        }
        const char *h = wn_network_node_attribute(e->net, v, "household");
        GArray *members = g_hash_table_lookup(e->household, h != NULL ? h : e->net->ids[v]);
        if (g_array_index(members, gsize, 0) != v || wn_random__uniform(&e->rng) >= MOVE_OUT) {
            continue;
        }
        for (guint i = 0; i < members->len; i++) {
            e->gone[g_array_index(members, gsize, i)] = 1;
        }
        g_array_append_val(e->homes, v);
    }
}

static void
dissolve_ties(Evolve *e)
{
    for (gsize t = 0; t < e->net->m; t++) {
        e->tie_gone[t] =
            wn_random__uniform(&e->rng) < dissolve_rate(wn_network_tie_kind(e->net, t));
    }
}

/* The draft node of @v of wave 1 (nodes keep their order in the draft). */
static gboolean
draft_node(const Evolve *e, gsize v, gsize *out)
{
    return !e->gone[v] && wn_draft__find_node(e->draft, e->net->ids[v], out);
}

static gboolean
add_tie(Evolve *e, gsize a, gsize b, WnTieKind kind, double weight, GError **error)
{
    gsize x = 0, y = 0;
    return !draft_node(e, a, &x) || !draft_node(e, b, &y) ||
           wn_whatif__draft_tie(e->draft, x, y, kind, weight, NULL, error);
}

/* A resident tied to @v in wave 1 (by a tie that lasts), picked at random; G_MAXSIZE if none. */
static gsize
random_contact(Evolve *e, const WnCsr *c, gsize v)
{
    gsize d = c->start[v + 1] - c->start[v];
    if (d == 0) {
        return G_MAXSIZE;
    }
    gsize w = c->adj[c->start[v] + wn_random__below(&e->rng, d)];
    return wn_network_node_kind(e->net, w) == WN_NODE_RESIDENT && !e->gone[w] ? w : G_MAXSIZE;
}

/* Triadic closure: some residents befriend a friend of a friend. */
static gboolean
close_triads(Evolve *e, GError **error)
{
    const WnCsr *c = wn_csr__shared(e->net);
    for (gsize v = 0; v < e->net->n; v++) {
        if (wn_network_node_kind(e->net, v) != WN_NODE_RESIDENT || e->gone[v] ||
            wn_random__uniform(&e->rng) >= CLOSURE) {
            continue;
        }
        gsize w = random_contact(e, c, v);
        gsize x = w != G_MAXSIZE ? random_contact(e, c, w) : G_MAXSIZE;
        if (x != G_MAXSIZE && x != v && !add_tie(e, v, x, WN_TIE_FRIEND, 2, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/* A share of the contacts `wijknet suggest` proposes in wave 1 is made. */
static gboolean
make_suggestions(Evolve *e, GError **error)
{
    WnSuggestOptions opts = WN_SUGGEST_OPTIONS_INIT;
    g_autoptr(WnTable) t = wn_suggest_table(e->net, NULL, &opts, NULL, error);
    gsize target = 0, candidate = 0;
    if (t == NULL) {
        return FALSE;
    }
    wn_table_column_lookup(t, "target", &target);
    wn_table_column_lookup(t, "candidate", &candidate);
    for (gsize row = 0; row < wn_table_row_count(t); row++) {
        gsize a = 0, b = 0;
        if (wn_random__uniform(&e->rng) >= SUGGESTION_MADE ||
            !wn_network_node_lookup(e->net, wn_table_cell_string(t, row, target), &a) ||
            !wn_network_node_lookup(e->net, wn_table_cell_string(t, row, candidate), &b)) {
            continue;
        }
        WnTieKind kind =
            wn_network_node_kind(e->net, b) == WN_NODE_GROUP ? WN_TIE_MEMBER : WN_TIE_ACQUAINTANCE;
        if (!add_tie(e, a, b, kind, 1, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

/* The nodes of @kind that stay, by area. */
static GHashTable *
stayers_by_area(const Evolve *e, WnNodeKind kind)
{
    GHashTable *by_area =
        g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
    for (gsize v = 0; v < e->net->n; v++) {
        const char *area = wn_network_node_area(e->net, v);
        if (wn_network_node_kind(e->net, v) != kind || e->gone[v] || area == NULL) {
            continue;
        }
        GArray *nodes = g_hash_table_lookup(by_area, area);
        if (nodes == NULL) {
            nodes = g_array_new(FALSE, FALSE, sizeof(gsize));
            g_hash_table_insert(by_area, (gpointer) area, nodes);
        }
        g_array_append_val(nodes, v);
    }
    return by_area;
}

/* A new id "<prefix><number>" that wave 1 does not have. */
static char *
new_id(Evolve *e, const char *prefix)
{
    for (;;) {
        char *id = g_strdup_printf("%s%07" G_GSIZE_FORMAT, prefix, ++e->next_id);
        if (!wn_network_node_lookup(e->net, id, &(gsize){0})) {
            return id;
        }
        g_free(id);
    }
}

/* A newcomer in the home of @old (same area and position): its draft node in @node_out. */
static gboolean
add_newcomer(Evolve *e, gsize old, const char *household, gsize *node_out, GError **error)
{
    g_autofree char *id = new_id(e, "RN");
    double lat = 0, lon = 0;
    char la[G_ASCII_DTOSTR_BUF_SIZE] = "", lo[G_ASCII_DTOSTR_BUF_SIZE] = "";
    if (wn_network_node_position(e->net, old, &lat, &lon)) {
        g_ascii_formatd(la, sizeof la, "%.6f", lat);
        g_ascii_formatd(lo, sizeof lo, "%.6f", lon);
    }
    const char *area = wn_network_node_area(e->net, old);
    const char *vulnerable = wn_random__uniform(&e->rng) < 0.06 ? "1" : "0";
    return wn_draft__add_node(e->draft, id, "evolve", node_out, error) &&
           wn_draft__node_value(e->draft, *node_out, "type", "resident", "evolve", error) &&
           wn_draft__node_value(e->draft, *node_out, "area", area != NULL ? area : "", "evolve",
                                error) &&
           wn_draft__node_value(e->draft, *node_out, "lat", la, "evolve", error) &&
           wn_draft__node_value(e->draft, *node_out, "lon", lo, "evolve", error) &&
           wn_draft__node_value(e->draft, *node_out, "vulnerable", vulnerable, "evolve", error) &&
           wn_draft__node_value(e->draft, *node_out, "household", household, "evolve", error);
}

/* One tie from draft node @x to a random node of @pool (wave-1 nodes), if any. */
static gboolean
tie_to_one_of(Evolve *e, gsize x, const GArray *pool, WnTieKind kind, double weight, GError **error)
{
    gsize y = 0;
    if (pool == NULL || pool->len == 0) {
        return TRUE;
    }
    gsize w = g_array_index(pool, gsize, wn_random__below(&e->rng, pool->len));
    return !draft_node(e, w, &y) || wn_whatif__draft_tie(e->draft, x, y, kind, weight, NULL, error);
}

/* A new household in the home of @old, of its size: household ties, a neighbour, a group. */
static gboolean
move_in(Evolve *e, gsize old, GHashTable *residents, GHashTable *groups, GError **error)
{
    const char *h = wn_network_node_attribute(e->net, old, "household");
    const GArray *before = g_hash_table_lookup(e->household, h != NULL ? h : e->net->ids[old]);
    g_autofree char *household = new_id(e, "HN");
    g_autofree gsize *nodes = g_new0(gsize, before->len + 1);
    const char *area = wn_network_node_area(e->net, old);
    for (guint i = 0; i < before->len; i++) {
        if (!add_newcomer(e, old, household, &nodes[i], error)) {
            return FALSE;
        }
        for (guint j = 0; j < i; j++) {
            if (!wn_whatif__draft_tie(e->draft, nodes[j], nodes[i], WN_TIE_HOUSEHOLD, 10, NULL,
                                      error)) {
                return FALSE;
            }
        }
        const GArray *near = area != NULL ? g_hash_table_lookup(residents, area) : NULL;
        const GArray *clubs = area != NULL ? g_hash_table_lookup(groups, area) : NULL;
        if ((wn_random__uniform(&e->rng) < NEWCOMER_TIED &&
             !tie_to_one_of(e, nodes[i], near, WN_TIE_NEIGHBOUR, 2, error)) ||
            (wn_random__uniform(&e->rng) < NEWCOMER_GROUP &&
             !tie_to_one_of(e, nodes[i], clubs, WN_TIE_MEMBER, 1, error))) {
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
move_households_in(Evolve *e, GError **error)
{
    g_autoptr(GHashTable) residents = stayers_by_area(e, WN_NODE_RESIDENT);
    g_autoptr(GHashTable) groups = stayers_by_area(e, WN_NODE_GROUP);
    for (guint i = 0; i < e->homes->len; i++) {
        if (wn_random__uniform(&e->rng) < MOVE_IN &&
            !move_in(e, g_array_index(e->homes, gsize, i), residents, groups, error)) {
            return FALSE;
        }
    }
    return TRUE;
}

static void
set_metadata(WnDraft *draft, const char *wave1, guint64 seed)
{
    g_autofree char *title = g_strdup_printf(
        "%s, a year on (wijknet generate --evolve, seed %" G_GUINT64_FORMAT ")", wave1, seed);
    wn_draft__set_metadata(draft, "title", title);
    wn_draft__set_metadata(draft, "source", "wijknet generate --evolve");
    wn_draft__set_metadata(draft, "licence", "CC0 (synthetic)");
    wn_draft__set_metadata(draft, "description",
                           "The second wave of a fictional neighbourhood: households moved out "
                           "and in, ties dissolved and formed, some suggested contacts made.");
}

/* areas.geojson of @wave1, when it has one, copied into @dir. */
static gboolean
copy_areas(const char *wave1, const char *dir, GError **error)
{
    g_autofree char *from = g_build_filename(wave1, "areas.geojson", NULL);
    g_autofree char *to = g_build_filename(dir, "areas.geojson", NULL);
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!g_file_test(from, G_FILE_TEST_IS_REGULAR)) {
        return TRUE;
    }
    return g_file_get_contents(from, &text, &len, error) &&
           wn_file__write(to, text, (gssize) len, 0644, error);
}

/**
 * wn_generate_evolve:
 * Writes into @dir the dataset @wave1 a year on (README "A second wave"), drawn with
 * opts->seed: 8% of households move out (all their ties go) and 95% of their homes are
 * taken by a new household of the same size (ids "RN…", household "HN…"; household ties,
 * 85% of newcomers know one neighbour of their area and 20% join a group there); each tie
 * dissolves at its kind's yearly rate (household and family 2%, neighbour 12%, friend 10%,
 * acquaintance 20%, member 15%, support 25%, referral 30%, others 10%); 8% of residents
 * befriend a friend of a friend; and each contact `wijknet suggest` proposes in wave 1
 * forms with probability 0.1. Everyone else keeps their id, so the waves match by id.
 * Attributes and areas.geojson are kept. The same wave 1 and seed give the same files.
 * Returns: FALSE on error: wave 1 does not load, or @dir is not empty (without
 * opts->force) or cannot be written (WN_OUTPUT_ERROR).
 * Cost: O(n + m) and the suggestions of wave 1.
 */
gboolean
wn_generate_evolve(const char *wave1, const WnEvolveOptions *opts, const char *dir, GError **error)
{
    g_return_val_if_fail(wave1 != NULL && opts != NULL && dir != NULL, FALSE);
    g_autoptr(WnNetwork) net = wn_network_load(wave1, WN_LOAD_DEFAULT, error);
    if (net == NULL || !wn_generate__prepare_folder(dir, opts->force, error)) {
        return FALSE;
    }
    g_auto(Evolve) e = {.net = net};
    wn_random__seed(&e.rng, opts->seed);
    e.gone = g_new0(guint8, net->n + 1);
    e.tie_gone = g_new0(guint8, net->m + 1);
    e.homes = g_array_new(FALSE, FALSE, sizeof(gsize));
    group_households(&e);
    move_out(&e);
    dissolve_ties(&e);
    e.draft = wn_whatif__draft(net, e.gone, e.tie_gone, WN_REBUILD_ATTRIBUTES, error);
    if (e.draft == NULL || !close_triads(&e, error) || !make_suggestions(&e, error) ||
        !move_households_in(&e, error)) {
        return FALSE;
    }
    g_autofree char *name = g_path_get_basename(wave1);
    set_metadata(e.draft, name, opts->seed);
    g_autoptr(WnNetwork) wave2 = wn_draft__finish(e.draft, error);
    return wave2 != NULL && wn_network_save(wave2, dir, error) && copy_areas(wave1, dir, error);
}
