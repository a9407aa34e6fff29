/* key-figures.c: key figures (residents, professionals) and meeting places (groups,
 * organisations), each ranked by what a community worker can do with them */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"

#include <string.h>

/* At most this many ids in a list column; the count column says how many there are. */
#define LIST_MAX 5
#define NONE G_MAXUINT32

/* What the two rankings are made from, every figure O(n + m) or O(Σ d²) over residents. */
typedef struct {
    const WnNetwork *net;
    const WnCsr *csr;
    GArray *status_array;
    const guint8 *status;
    guint32 *area;      /* area index per node; NONE without one */
    gsize n_areas;      /* distinct areas */
    guint32 *sole;      /* per resident: the one node its network hangs on, or NONE */
    gint64 *only_link;  /* per node: residents whose `sole` it is */
    gint64 *reach;      /* per person: at-risk residents within two steps via a resident */
    gint64 *members;    /* per place: residents tied to it */
    gint64 *at_risk;    /* per place: members at risk */
    gint64 *areas;      /* per node: distinct areas among its resident contacts */
    gint64 *groups;     /* per person: groups it belongs to */
    guint32 *seen;      /* scratch stamps, per node */
    guint32 *seen_area; /* scratch stamps, per area */
} Facts;

static void
facts_free(Facts *f)
{
    g_clear_pointer(&f->status_array, g_array_unref);
    g_free(f->area);
    g_free(f->sole);
    g_free(f->only_link);
    g_free(f->reach);
    g_free(f->members);
    g_free(f->at_risk);
    g_free(f->areas);
    g_free(f->groups);
    g_free(f->seen);
    g_free(f->seen_area);
    g_free(f);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Facts, facts_free)

static gboolean
is_person(WnNodeKind kind)
{
    return kind == WN_NODE_RESIDENT || kind == WN_NODE_PROFESSIONAL;
}

static WnNodeKind
kind_of(const Facts *f, gsize v)
{
    return wn_network_node_kind(f->net, v);
}

static gboolean
at_risk(const Facts *f, gsize v)
{
    guint8 s = f->status[v];
    return s == WN_STATUS_ISOLATED || s == WN_STATUS_FORMAL_ONLY || s == WN_STATUS_FRAGILE;
}

/* Numbers the areas in order of first appearance. */
static void
index_areas(Facts *f)
{
    g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
    f->area = g_new(guint32, f->net->n + 1);
    for (gsize v = 0; v < f->net->n; v++) {
        const char *a = wn_network_node_area(f->net, v);
        gpointer found = NULL;
        if (a == NULL || *a == '\0') {
            f->area[v] = NONE;
        } else if (g_hash_table_lookup_extended(index, a, NULL, &found)) {
            f->area[v] = GPOINTER_TO_UINT(found);
        } else {
            f->area[v] = (guint32) f->n_areas++;
            g_hash_table_insert(index, (gpointer) a, GUINT_TO_POINTER(f->area[v]));
        }
    }
    f->seen_area = g_new0(guint32, f->n_areas + 1);
}

/* The node a resident's network hangs on: its one informal contact (resident or group),
 * or, with no informal contact, its one contact of any kind. */
static guint32
sole_link(const Facts *f, gsize u)
{
    guint32 informal = NONE, any = NONE;
    gsize n_informal = 0, n_any = 0;
    for (gsize i = f->csr->start[u]; i < f->csr->start[u + 1]; i++) {
        guint32 w = f->csr->adj[i];
        WnNodeKind k = kind_of(f, w);
        n_any++;
        any = w;
        if (k == WN_NODE_RESIDENT || k == WN_NODE_GROUP) {
            n_informal++;
            informal = w;
        }
    }
    if (n_informal == 1) {
        return informal;
    }
    return n_informal == 0 && n_any == 1 ? any : NONE;
}

/* Counts @u for @v's stamp when it is an at-risk resident not met from @v before. */
static gint64
meet(Facts *f, guint32 v, guint32 u)
{
    if (f->seen[u] == v + 1) {
        return 0;
    }
    f->seen[u] = v + 1;
    return at_risk(f, u);
}

/* At-risk residents tied to @v, or tied to a resident tied to @v. */
static gint64
reach_of(Facts *f, guint32 v)
{
    const WnCsr *c = f->csr;
    gint64 count = 0;
    f->seen[v] = v + 1;
    for (gsize i = c->start[v]; i < c->start[v + 1]; i++) {
        guint32 w = c->adj[i];
        count += meet(f, v, w);
        if (kind_of(f, w) != WN_NODE_RESIDENT) {
            continue; /* a group or a professional introduces nobody: a person does */
        }
        for (gsize j = c->start[w]; j < c->start[w + 1]; j++) {
            count += meet(f, v, c->adj[j]);
        }
    }
    return count;
}

/* Members, at-risk members, groups and distinct areas of @v's resident contacts. */
static void
count_contacts(Facts *f, guint32 v)
{
    const WnCsr *c = f->csr;
    for (gsize i = c->start[v]; i < c->start[v + 1]; i++) {
        guint32 w = c->adj[i];
        WnNodeKind k = kind_of(f, w);
        f->groups[v] += k == WN_NODE_GROUP;
        if (k != WN_NODE_RESIDENT) {
            continue;
        }
        f->members[v]++;
        f->at_risk[v] += at_risk(f, w);
        if (f->area[w] != NONE && f->seen_area[f->area[w]] != v + 1) {
            f->seen_area[f->area[w]] = v + 1;
            f->areas[v]++;
        }
    }
}

static Facts *
gather_facts(const WnNetwork *net, GError **error)
{
    g_autoptr(Facts) f = g_new0(Facts, 1);
    f->net = net;
    f->status_array = wn_isolation_status(net, error);
    if (f->status_array == NULL) {
        return NULL;
    }
    f->status = (const guint8 *) f->status_array->data;
    f->csr = wn_csr__shared(net);
    gsize n = net->n;
    index_areas(f);
    f->sole = g_new(guint32, n + 1);
    f->only_link = g_new0(gint64, n + 1);
    f->reach = g_new0(gint64, n + 1);
    f->members = g_new0(gint64, n + 1);
    f->at_risk = g_new0(gint64, n + 1);
    f->areas = g_new0(gint64, n + 1);
    f->groups = g_new0(gint64, n + 1);
    f->seen = g_new0(guint32, n + 1);
    for (gsize u = 0; u < n; u++) {
        f->sole[u] = kind_of(f, u) == WN_NODE_RESIDENT ? sole_link(f, u) : NONE;
        if (f->sole[u] != NONE) {
            f->only_link[f->sole[u]]++;
        }
    }
    for (guint32 v = 0; v < n; v++) {
        count_contacts(f, v);
        if (is_person(kind_of(f, v))) {
            f->reach[v] = reach_of(f, v);
        }
    }
    return g_steal_pointer(&f);
}

/* Compares two gint64 keys, larger first; 0 when equal. */
static gint
larger_first(gint64 a, gint64 b)
{
    return a != b ? (a > b ? -1 : 1) : 0;
}

/* Persons: at-risk residents within reach, then residents who hang on them, then areas. */
static gint
compare_persons(gconstpointer a, gconstpointer b, gpointer data)
{
    const Facts *f = data;
    gsize u = *(const gsize *) a, v = *(const gsize *) b;
    gint c = larger_first(f->reach[u], f->reach[v]);
    c = c != 0 ? c : larger_first(f->only_link[u], f->only_link[v]);
    c = c != 0 ? c : larger_first(f->areas[u], f->areas[v]);
    return c != 0 ? c : (u > v) - (u < v);
}

/* Places: members reached nowhere else, then at-risk members, then all members. */
static gint
compare_places(gconstpointer a, gconstpointer b, gpointer data)
{
    const Facts *f = data;
    gsize u = *(const gsize *) a, v = *(const gsize *) b;
    gint c = larger_first(f->only_link[u], f->only_link[v]);
    c = c != 0 ? c : larger_first(f->at_risk[u], f->at_risk[v]);
    c = c != 0 ? c : larger_first(f->members[u], f->members[v]);
    return c != 0 ? c : (u > v) - (u < v);
}

/* The nodes of @kind that have something to offer, best first, at most @top (0 = all). */
static GArray *
rank_nodes(const Facts *f, WnKeyKind kind, guint top)
{
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize v = 0; v < f->net->n; v++) {
        gboolean person = is_person(kind_of(f, v));
        gboolean offers = person ? f->reach[v] + f->only_link[v] > 0 : f->members[v] > 0;
        if (offers && person == (kind == WN_KEY_PERSONS)) {
            g_array_append_val(rows, v);
        }
    }
    g_array_sort_with_data(rows, kind == WN_KEY_PERSONS ? compare_persons : compare_places,
                           (gpointer) f);
    if (top > 0 && rows->len > top) {
        g_array_set_size(rows, top);
    }
    return rows;
}

/* For node @v: the residents whose network hangs on it, the distinct areas of its
 * resident contacts and the groups it belongs to, each as ids joined by "|", in node
 * order, at most LIST_MAX ids (areas: all). */
static void
lists_of(Facts *f, guint32 v, GString *only, GString *areas, GString *groups)
{
    const WnCsr *c = f->csr;
    gsize n_only = 0, n_groups = 0;
    for (gsize i = c->start[v]; i < c->start[v + 1]; i++) {
        guint32 w = c->adj[i];
        const char *id = wn_network_node_id(f->net, w);
        if (f->sole[w] == v && n_only++ < LIST_MAX) {
            g_string_append_printf(only, "%s%s", only->len > 0 ? "|" : "", id);
        }
        if (kind_of(f, w) == WN_NODE_GROUP && n_groups++ < LIST_MAX) {
            g_string_append_printf(groups, "%s%s", groups->len > 0 ? "|" : "", id);
        }
        if (kind_of(f, w) == WN_NODE_RESIDENT && f->area[w] != NONE &&
            f->seen_area[f->area[w]] != G_MAXUINT32 - v) {
            f->seen_area[f->area[w]] = G_MAXUINT32 - v;
            g_string_append_printf(areas, "%s%s", areas->len > 0 ? "|" : "",
                                   wn_network_node_area(f->net, w));
        }
    }
}

/* "R1, R2 and 3 more": the list and how many it leaves out. */
static void
append_list(GString *s, const char *list, gint64 count)
{
    g_auto(GStrv) ids = g_strsplit(list, "|", -1);
    g_autofree char *joined = g_strjoinv(", ", ids);
    gint64 more = count - (gint64) g_strv_length(ids);
    g_string_append_printf(s, " (%s", joined);
    if (more > 0) {
        g_string_append_printf(s, " and %" G_GINT64_FORMAT " more", more);
    }
    g_string_append(s, ")");
}

static const char *
plural(gint64 n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* The reason in English words, from the same figures as the columns. */
static char *
reason_for(const Facts *f, guint32 v, WnKeyKind kind, const char *only, const char *areas)
{
    g_autoptr(GString) s = g_string_new(NULL);
    gint64 o = f->only_link[v], a = f->areas[v];
    if (kind == WN_KEY_PERSONS) {
        g_string_append_printf(s, "reaches %" G_GINT64_FORMAT " at-risk %s within two steps",
                               f->reach[v], plural(f->reach[v], "resident", "residents"));
    } else {
        g_string_append_printf(s, "%" G_GINT64_FORMAT " of its %" G_GINT64_FORMAT " %s at risk",
                               f->at_risk[v], f->members[v],
                               plural(f->members[v], "member", "members"));
    }
    if (o > 0) {
        g_string_append_printf(s, "; the only link of %" G_GINT64_FORMAT " %s", o,
                               plural(o, "resident", "residents"));
        append_list(s, only, o);
    }
    if (a > 1) {
        g_string_append_printf(s, "; %s in %" G_GINT64_FORMAT " areas",
                               kind == WN_KEY_PERSONS ? "contacts" : "members", a);
        append_list(s, areas, a);
    }
    return g_string_free(g_steal_pointer(&s), FALSE);
}

/* One row's strings: identity, lists, reason; freed with the table's columns. */
typedef struct {
    GPtrArray *ids, *types, *areas, *only, *area_list, *group_list, *reason;
} Strings;

static GPtrArray *
strings_new(void)
{
    return g_ptr_array_new_with_free_func(g_free);
}

static void
add_strings(WnTable *t, const char *name, GPtrArray *values)
{
    g_ptr_array_add(values, NULL);
    wn_table__add_strings(t, name, (const char *const *) values->pdata);
    g_ptr_array_unref(values);
}

static void
add_counts(WnTable *t, const char *name, const gint64 *all, const GArray *rows)
{
    g_autofree gint64 *values = g_new0(gint64, rows->len + 1);
    for (guint i = 0; i < rows->len; i++) {
        values[i] = all != NULL ? all[g_array_index(rows, gsize, i)] : (gint64) i + 1;
    }
    wn_table__add_ints(t, name, values, NULL);
}

static void
fill_strings(Facts *f, const GArray *rows, WnKeyKind kind, Strings *s)
{
    for (guint i = 0; i < rows->len; i++) {
        guint32 v = (guint32) g_array_index(rows, gsize, i);
        GString *only = g_string_new(NULL), *areas = g_string_new(NULL);
        GString *groups = g_string_new(NULL);
        lists_of(f, v, only, areas, groups);
        const char *area = wn_network_node_area(f->net, v);
        g_ptr_array_add(s->ids, g_strdup(wn_network_node_id(f->net, v)));
        g_ptr_array_add(s->types, g_strdup(wn_node_kind_name(kind_of(f, v))));
        g_ptr_array_add(s->areas, g_strdup(area != NULL ? area : ""));
        g_ptr_array_add(s->reason, reason_for(f, v, kind, only->str, areas->str));
        g_ptr_array_add(s->only, g_string_free(only, FALSE));
        g_ptr_array_add(s->area_list, g_string_free(areas, FALSE));
        g_ptr_array_add(s->group_list, g_string_free(groups, FALSE));
    }
}

static WnTable *
make_table(Facts *f, const GArray *rows, WnKeyKind kind)
{
    Strings s = {strings_new(), strings_new(), strings_new(), strings_new(),
                 strings_new(), strings_new(), strings_new()};
    fill_strings(f, rows, kind, &s);
    WnTable *t = wn_table__new(rows->len);
    add_counts(t, "rank", NULL, rows);
    add_strings(t, "id", s.ids);
    add_strings(t, "type", s.types);
    add_strings(t, "area", s.areas);
    if (kind == WN_KEY_PERSONS) {
        add_counts(t, "at_risk_reach", f->reach, rows);
    } else {
        add_counts(t, "members", f->members, rows);
        add_counts(t, "at_risk_members", f->at_risk, rows);
    }
    add_counts(t, "only_link", f->only_link, rows);
    add_counts(t, "areas", f->areas, rows);
    add_strings(t, "only_link_ids", s.only);
    add_strings(t, "area_list", s.area_list);
    if (kind == WN_KEY_PERSONS) {
        add_counts(t, "groups", f->groups, rows);
        add_strings(t, "group_ids", s.group_list);
    } else {
        g_ptr_array_unref(s.group_list);
    }
    add_strings(t, "reason", s.reason);
    return t;
}

/**
 * wn_key_figures_table:
 * The people and places a community worker goes to (README, "Key figures and meeting
 * places"). With @kind WN_KEY_PERSONS, residents and professionals ranked by
 * `at_risk_reach` (at-risk residents, status isolated, formal_only or fragile, tied
 * to them or to a resident they are tied to: a person introduces, a group or
 * professional in between does not), then `only_link` (residents whose one informal
 * contact they are, or, for a resident without informal contact, whose one contact),
 * then `areas` (distinct areas of their resident contacts), then node order; listed
 * when at_risk_reach + only_link > 0. With WN_KEY_PLACES, groups and organisations
 * ranked by `only_link`, then `at_risk_members`, then `members` (residents tied), then
 * node order; listed with at least one member. Columns: rank, id, type, area (the
 * node's own), the measures above, `only_link_ids` and `area_list` (ids joined by "|",
 * at most 5 residents, every area), for persons `groups` and `group_ids` (at most 5),
 * and `reason` in English words. Conflicts are no ties; ids only, never labels. At
 * most @top rows (0 = all).
 * Returns: (transfer full): the table; NULL on error (as wn_isolation_status).
 * Cost: O(n + m + Σ d(w)² over residents w) and wn_isolation_status; no pair of a
 * hub's neighbours is ever enumerated.
 */
WnTable *
wn_key_figures_table(const WnNetwork *net, WnKeyKind kind, guint top, GError **error)
{
    g_return_val_if_fail(net != NULL, NULL);
    g_autoptr(Facts) f = gather_facts(net, error);
    if (f == NULL) {
        return NULL;
    }
    g_autoptr(GArray) rows = rank_nodes(f, kind, top);
    return make_table(f, rows, kind);
}
