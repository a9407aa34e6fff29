/* test-drawings.c: the ego drawing, the wijk drawing, network.svg's always-drawn residents
 * and the report's drawings */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "wn-test.h"

#include <string.h>

/*
 * drawings-ego (12 nodes): anna (label "Anna de Vries", BU01) in the centre of
 *   bram household 10 · carla family 6 + neighbour 2 (one tie of two relations) ·
 *   dirk friend 4 · eva neighbour 1 · koor (group) member 2 · jan (professional)
 *   support 3 · wijkteam (organisation) referral 1 · fenna conflict only ·
 *   gijs conflict and neighbour 1.
 * Elsewhere: jan --- wijkteam, formeel --- jan (support: formal only), bram --- carla;
 * iso has no tie. Isolated: iso and fenna (a conflict is no contact).
 */

/* What a parse of an SVG found: the contacts' sectors by id, and every class and text. */
typedef struct {
    GHashTable *sector_of; /* data-id -> "family" … */
    GHashTable *several;   /* data-id of contacts with class "several" */
    gsize centres, dashed_in_conflict;
    gboolean in_conflict;
    GString *classes_text; /* for each <text class="C">: "C:text\n" */
    const char *text_class;
    GPtrArray *fills; /* the fill of each open <g>, for network.svg */
    GHashTable *circles_by_fill;
} Parsed;

static const char *
attribute(const char **names, const char **values, const char *name)
{
    gsize i = 0;
    while (names[i] != NULL && strcmp(names[i], name) != 0) {
        i++;
    }
    return values[i]; /* NULL past the last */
}

static void
contact_start(Parsed *p, const char *class, const char *id)
{
    g_auto(GStrv) words = g_strsplit(class, " ", -1);
    p->in_conflict = g_strv_contains((const char *const *) words, "conflict");
    if (g_strv_contains((const char *const *) words, "several")) {
        g_hash_table_add(p->several, g_strdup(id));
    }
    g_assert_true(g_str_has_prefix(words[1], "sector-"));
    g_hash_table_insert(p->sector_of, g_strdup(id), g_strdup(words[1] + strlen("sector-")));
}

static void
on_start(GMarkupParseContext *context, const char *element, const char **names, const char **values,
         gpointer data, GError **error)
{
    (void) context, (void) error;
    Parsed *p = data;
    const char *class = attribute(names, values, "class");
    if (strcmp(element, "g") == 0) {
        const char *fill = attribute(names, values, "fill");
        g_ptr_array_add(p->fills, (gpointer) g_intern_string(fill != NULL ? fill : ""));
        if (class != NULL && g_str_has_prefix(class, "contact ")) {
            contact_start(p, class, attribute(names, values, "data-id"));
        }
        p->centres += class != NULL && strcmp(class, "centre") == 0;
    } else if (strcmp(element, "line") == 0 && p->in_conflict &&
               attribute(names, values, "stroke-dasharray") != NULL) {
        p->dashed_in_conflict++;
    } else if (strcmp(element, "circle") == 0 && p->fills->len > 0) {
        const char *fill = g_ptr_array_index(p->fills, p->fills->len - 1);
        gsize n = GPOINTER_TO_SIZE(g_hash_table_lookup(p->circles_by_fill, fill));
        g_hash_table_insert(p->circles_by_fill, (gpointer) fill, GSIZE_TO_POINTER(n + 1));
    }
    p->text_class = strcmp(element, "text") == 0 ? g_intern_string(class) : NULL;
}

static void
on_end(GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
    (void) context, (void) error;
    Parsed *p = data;
    if (strcmp(element, "g") == 0) {
        g_ptr_array_remove_index(p->fills, p->fills->len - 1);
        p->in_conflict = FALSE;
    }
    p->text_class = NULL;
}

static void
on_text(GMarkupParseContext *context, const char *text, gsize len, gpointer data, GError **error)
{
    (void) context, (void) error;
    Parsed *p = data;
    if (p->text_class != NULL) {
        g_string_append_printf(p->classes_text, "%s:%.*s\n", p->text_class, (int) len, text);
    }
}

static void
parsed_clear(Parsed *p)
{
    g_hash_table_unref(p->sector_of);
    g_hash_table_unref(p->several);
    g_hash_table_unref(p->circles_by_fill);
    g_ptr_array_unref(p->fills);
    g_string_free(p->classes_text, TRUE);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Parsed, parsed_clear)

/* Parses @svg with GMarkup (it must be well-formed XML) into @p. */
static void
parse(const char *svg, Parsed *p)
{
    *p = (Parsed){.sector_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
                  .several = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
                  .circles_by_fill = g_hash_table_new(g_str_hash, g_str_equal),
                  .fills = g_ptr_array_new(),
                  .classes_text = g_string_new(NULL)};
    const char *root = strstr(svg, "<svg");
    g_assert_nonnull(root);
    GMarkupParser parser = {on_start, on_end, on_text, NULL, NULL};
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new(&parser, 0, p, NULL);
    g_autoptr(GError) error = NULL;
    if (g_markup_parse_context_parse(context, root, -1, &error)) {
        g_markup_parse_context_end_parse(context, &error);
    }
    g_assert_no_error(error);
}

static char *
ego_of(const WnNetwork *net, const char *id, WnLanguage language, gboolean show_labels)
{
    WnEgoSvgOptions opts = {language, show_labels};
    g_autoptr(GError) error = NULL;
    char *svg = wn_ego_svg(net, wn_test_node(net, id), &opts, &error);
    g_assert_no_error(error);
    g_assert_nonnull(svg);
    return svg;
}

static void
assert_sector(const Parsed *p, const char *id, const char *sector)
{
    g_assert_cmpstr(g_hash_table_lookup(p->sector_of, id), ==, sector);
}

/* One mark per contact, each in the sector of its kind, conflicts apart and dashed. */
static void
test_ego_marks_each_contact_in_its_sector(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "drawings-ego");
    g_autofree char *svg = ego_of(net, "anna", WN_LANGUAGE_NL, FALSE);
    g_auto(Parsed) p;
    parse(svg, &p);
    g_assert_cmpuint(p.centres, ==, 1);
    g_assert_cmpuint(g_hash_table_size(p.sector_of), ==, 9);
    assert_sector(&p, "bram", "family");
    assert_sector(&p, "carla", "family");
    assert_sector(&p, "dirk", "friends");
    assert_sector(&p, "eva", "friends");
    assert_sector(&p, "koor", "groups");
    assert_sector(&p, "jan", "professionals");
    assert_sector(&p, "wijkteam", "professionals");
    assert_sector(&p, "fenna", "conflict");
    assert_sector(&p, "gijs", "conflict");
    g_assert_cmpuint(p.dashed_in_conflict, ==, 2);
    g_assert_cmpuint(g_hash_table_size(p.several), ==, 1);
    g_assert_true(g_hash_table_contains(p.several, "carla"));
    g_assert_nonnull(strstr(svg, "<title>carla: familie en buren (gewicht 8)</title>"));
    g_assert_nonnull(strstr(svg, ">Huishouden en familie</text>"));
    g_assert_nonnull(strstr(svg, ">9 contacten</text>"));
}

/* Ids only without show_labels; the labels with it. */
static void
test_ego_labels_only_when_asked(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "drawings-ego");
    g_autofree char *plain = ego_of(net, "anna", WN_LANGUAGE_NL, FALSE);
    g_autofree char *labelled = ego_of(net, "anna", WN_LANGUAGE_NL, TRUE);
    g_auto(Parsed) p;
    parse(labelled, &p);
    const char *const labels[] = {"Anna de Vries", "Bram de Vries", "Wijkkoor",
                                  "Jan (opbouwwerker)"};
    for (gsize i = 0; i < G_N_ELEMENTS(labels); i++) {
        g_assert_null(strstr(plain, labels[i]));
        g_assert_nonnull(strstr(labelled, labels[i]));
    }
    g_assert_nonnull(strstr(plain, ">bram</text>"));
    g_assert_nonnull(strstr(plain, "Het netwerk van anna"));
}

/* English words in English, the isolated resident alone, and no node no drawing. */
static void
test_ego_english_isolated_and_unknown(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "drawings-ego");
    g_autofree char *english = ego_of(net, "anna", WN_LANGUAGE_EN, FALSE);
    g_assert_nonnull(strstr(english, ">Household and family</text>"));
    g_assert_nonnull(strstr(english, ">9 contacts</text>"));
    g_assert_null(strstr(english, "Huishouden"));
    g_autofree char *alone = ego_of(net, "iso", WN_LANGUAGE_NL, FALSE);
    g_auto(Parsed) p;
    parse(alone, &p);
    g_assert_cmpuint(g_hash_table_size(p.sector_of), ==, 0);
    g_assert_nonnull(strstr(alone, "Geen enkel contact in de gegevens."));
    g_assert_nonnull(strstr(alone, "bewoner zonder enig contact"));
    WnEgoSvgOptions opts = WN_EGO_SVG_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_assert_null(wn_ego_svg(net, wn_network_node_count(net), &opts, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
}

/* The sum of the numbers at the start of every "CLASS:" line of @p. */
static gint64
sum_of(const Parsed *p, const char *class, gsize *lines)
{
    g_auto(GStrv) rows = g_strsplit(p->classes_text->str, "\n", -1);
    g_autofree char *prefix = g_strdup_printf("%s:", class);
    gint64 sum = 0;
    *lines = 0;
    for (gsize i = 0; rows[i] != NULL; i++) {
        if (g_str_has_prefix(rows[i], prefix)) {
            g_autoptr(GString) digits = g_string_new(NULL);
            for (const char *c = rows[i] + strlen(prefix); g_ascii_isdigit(*c) || *c == '.'; c++) {
                if (*c != '.') {
                    g_string_append_c(digits, *c);
                }
            }
            g_assert_cmpuint(digits->len, >, 0);
            sum += g_ascii_strtoll(digits->str, NULL, 10);
            (*lines)++;
        }
    }
    return sum;
}

static gsize
count_status(const WnNetwork *net, WnStatus status)
{
    g_autoptr(GArray) all = wn_isolation_status(net, NULL);
    gsize n = 0;
    for (guint v = 0; v < all->len; v++) {
        n += g_array_index(all, guint8, v) == status;
    }
    return n;
}

static char *
wijk_of(const WnNetwork *net, WnLanguage language, guint min_cell)
{
    WnWijkSvgOptions opts = {language, min_cell, NULL};
    g_autoptr(GError) error = NULL;
    char *svg = wn_wijk_svg(net, &opts, &error);
    g_assert_no_error(error);
    return svg;
}

/* The wijk drawing of @net with nothing hidden counts every resident, every isolated
 * and every formal-only resident in a blob; returns the SVG and the number of blobs. */
static char *
assert_everyone_counted(const WnNetwork *net, gsize *blobs)
{
    char *svg = wijk_of(net, WN_LANGUAGE_NL, 0);
    g_auto(Parsed) p;
    parse(svg, &p);
    gint64 residents = 0;
    for (gsize v = 0; v < wn_network_node_count(net); v++) {
        residents += wn_network_node_kind(net, v) == WN_NODE_RESIDENT;
    }
    g_assert_cmpint(sum_of(&p, "residents", blobs), ==, residents);
    g_assert_cmpint(sum_of(&p, "formal-only", blobs), ==, count_status(net, WN_STATUS_FORMAL_ONLY));
    g_assert_cmpint(sum_of(&p, "isolated", blobs), ==, count_status(net, WN_STATUS_ISOLATED));
    return svg;
}

/* demo-wijk, nothing hidden: every resident without any contact, and every one with
 * professionals only, is counted in a buurt of the drawing (three buurten). */
static void
test_wijk_counts_every_isolated_resident_of_demo(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("../datasets", "demo-wijk");
    gsize blobs = 0;
    g_autofree char *svg = assert_everyone_counted(net, &blobs);
    g_assert_cmpuint(blobs, ==, 3);
    g_assert_cmpuint(count_status(net, WN_STATUS_ISOLATED), ==, 330);
    g_assert_nonnull(strstr(svg, ">1.959 bewoners</text>"));
}

/* At the default min_cell, buurten of fewer than 10 residents show no figures. */
static void
test_wijk_hides_small_buurten(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "drawings-ego");
    g_autofree char *hidden = wijk_of(net, WN_LANGUAGE_NL, 10);
    g_auto(Parsed) p;
    parse(hidden, &p);
    g_assert_nonnull(strstr(p.classes_text->str, "hidden:te weinig bewoners voor cijfers\n"));
    g_assert_null(strstr(p.classes_text->str, "isolated:"));
    g_autofree char *shown = wijk_of(net, WN_LANGUAGE_EN, 0);
    g_assert_nonnull(strstr(shown, ">2 without any contact</text>"));
    g_assert_nonnull(strstr(shown, ">1 with professionals only</text>"));
}

/* Without areas, communities; nobody is dropped (the isolated in "everyone else"). */
static void
test_wijk_without_areas_draws_communities(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "triangle-isolate");
    gsize blobs = 0;
    g_autofree char *svg = assert_everyone_counted(net, &blobs);
    g_assert_cmpuint(blobs, ==, 2);
    g_assert_nonnull(strstr(svg, ">Gemeenschap 1</text>"));
    g_assert_nonnull(strstr(svg, ">Alle anderen</text>"));
}

/* demo-wijk at the default max_nodes (5,000 of 5,547 nodes): every isolated and every
 * formal-only resident is drawn, and the legend says how many nodes are not. */
static void
test_network_keeps_every_isolated_resident(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("../datasets", "demo-wijk");
    WnDrawOptions opts = WN_DRAW_OPTIONS_INIT;
    g_autoptr(GError) error = NULL;
    g_autofree char *svg = wn_network_to_svg(net, &opts, &error);
    g_assert_no_error(error);
    g_auto(Parsed) p;
    parse(svg, &p);
    gsize isolated = GPOINTER_TO_SIZE(g_hash_table_lookup(p.circles_by_fill, "#a85a00"));
    gsize formal = GPOINTER_TO_SIZE(g_hash_table_lookup(p.circles_by_fill, "#a2488a"));
    g_assert_cmpuint(isolated, ==, count_status(net, WN_STATUS_ISOLATED));
    g_assert_cmpuint(formal, ==, count_status(net, WN_STATUS_FORMAL_ONLY));
    g_assert_nonnull(strstr(svg, "Alle 330 bewoners zonder enig contact en alle 165 met alleen "
                                 "professionals zijn getekend."));
    g_assert_nonnull(strstr(svg, "Niet getekend: 52 van de 5.547 knopen"));
}

/* The report holds the wijk drawing and one ego drawing per resident at risk and key
 * figure its buurt sections list (iso, isolated, among them), and stays well-formed XML. */
static void
test_report_holds_the_drawings(void)
{
    g_autoptr(WnNetwork) net = wn_test_load("data", "drawings-ego");
    WnReportOptions opts = WN_REPORT_OPTIONS_INIT;
    opts.min_cell = 0;
    opts.top = 3;
    g_autoptr(GError) error = NULL;
    g_autofree char *html = wn_report_to_html(net, &opts, &error);
    g_assert_no_error(error);
    g_assert_nonnull(strstr(html, "<section id=\"drawings\">"));
    g_assert_nonnull(strstr(html, "<figure class=\"wijk-drawing\""));
    /* every drawing is of a person listed in a buurt section, each person once */
    const char *drawings = strstr(html, "<section id=\"drawings\">");
    const char *after = strstr(drawings, "</section>");
    g_autofree char *before = g_strndup(html, (gsize) (drawings - html));
    g_autofree char *lists = g_strconcat(before, after, NULL); /* all but the drawings */
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    const char *prefix = "<figcaption>Het netwerk van ";
    for (const char *at = drawings; (at = strstr(at, prefix)) != NULL; at++) {
        const char *id = at + strlen(prefix);
        g_autofree char *cell = g_strdup_printf(">%.*s<", (int) strcspn(id, "."), id);
        g_assert_nonnull(strstr(lists, cell));
        g_assert_true(g_hash_table_add(seen, g_steal_pointer(&cell)));
    }
    g_assert_cmpuint(g_hash_table_size(seen), >=, 4);
    g_assert_true(g_hash_table_contains(seen, ">iso<"));
    g_autoptr(GMarkupParseContext) context =
        g_markup_parse_context_new(&(GMarkupParser){0}, 0, NULL, NULL);
    const char *root = strstr(html, "<html");
    g_assert_true(g_markup_parse_context_parse(context, root, -1, &error) &&
                  g_markup_parse_context_end_parse(context, &error));
    g_assert_no_error(error);
}

static gboolean
map_folder(const WnNetwork *net, const char *out, const char *const *ego, GError **error)
{
    g_autoptr(WnRunManifest) manifest = wn_run_manifest_new("map", NULL);
    WnMapOptions opts = WN_MAP_OPTIONS_INIT;
    opts.min_cell = 0;
    opts.ego = ego;
    return wn_map_write(net, out, &opts, manifest, NULL, error);
}

/* The map folder holds wijk.svg and one ego drawing per id, named safely; an unknown id
 * and two ids of one file name are refused. */
static void
test_map_folder_holds_the_drawings(void)
{
    g_autoptr(WnNetwork) net = wn_test_load_text("id,type\nan/na,resident\nan.na,resident\n"
                                                 "bob,resident\n",
                                                 "source,target,type\nan/na,bob,friend\n");
    g_autofree char *tmp = wn_test_make_temp_dir();
    g_autofree char *out = g_build_filename(tmp, "map", NULL);
    g_autoptr(GError) error = NULL;
    const char *const ego[] = {"an/na", "bob", NULL};
    g_assert_true(map_folder(net, out, ego, &error));
    g_assert_no_error(error);
    g_autofree char *wijk = wn_test_read_file(out, "wijk.svg");
    g_autofree char *anna = wn_test_read_file(out, "ego-an_na.svg");
    g_autofree char *bob = wn_test_read_file(out, "ego-bob.svg");
    g_autofree char *run = wn_test_read_file(out, "run.json");
    g_assert_nonnull(strstr(anna, "Het netwerk van an/na"));
    g_assert_nonnull(strstr(bob, ">an/na</text>"));
    g_assert_nonnull(strstr(run, "\"ego-an_na.svg\""));
    g_assert_nonnull(strstr(run, "\"wijk.svg\""));
    const char *const clash[] = {"an/na", "an.na", NULL};
    g_assert_false(map_folder(net, out, clash, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    g_clear_error(&error);
    const char *const unknown[] = {"nobody", NULL};
    g_assert_false(map_folder(net, out, unknown, &error));
    g_assert_error(error, WN_ERROR, WN_ERROR_INVALID);
    wn_test_remove_tree(tmp);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/drawings/ego/marks-each-contact-in-its-sector",
                    test_ego_marks_each_contact_in_its_sector);
    g_test_add_func("/drawings/ego/labels-only-when-asked", test_ego_labels_only_when_asked);
    g_test_add_func("/drawings/ego/english-isolated-and-unknown",
                    test_ego_english_isolated_and_unknown);
    g_test_add_func("/drawings/wijk/counts-every-isolated-resident-of-demo",
                    test_wijk_counts_every_isolated_resident_of_demo);
    g_test_add_func("/drawings/wijk/hides-small-buurten", test_wijk_hides_small_buurten);
    g_test_add_func("/drawings/wijk/without-areas-draws-communities",
                    test_wijk_without_areas_draws_communities);
    g_test_add_func("/drawings/network/keeps-every-isolated-resident",
                    test_network_keeps_every_isolated_resident);
    g_test_add_func("/drawings/report/holds-the-drawings", test_report_holds_the_drawings);
    g_test_add_func("/drawings/map/folder-holds-the-drawings", test_map_folder_holds_the_drawings);
    return g_test_run();
}
