/* ego.c: ego composition of every resident: who their contacts are, and what they give */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "isolation.h"

#include <math.h>

/* The eco-map's support kinds (docs/FORMAT.md, ties.csv `support_kind`). */
enum { SUPPORT_KIND_COUNT = 4 };
static const char *const support_names[SUPPORT_KIND_COUNT] = {"practical", "emotional",
                                                              "companionship", "advice"};

/* Tie kinds that can be a contact: every kind but conflict. */
enum { CONTACT_TIE_KINDS = WN_TIE_CONFLICT };

/* Per node: contacts, the relations of their ties (a tie of several relations counts
 * each), then counts by node kind, relation and support kind. */
enum {
    AT_CONTACTS = 0,
    AT_RELATIONS = 1,
    AT_NODE = 2,
    AT_TIE = AT_NODE + WN_NODE_KIND_COUNT,
    AT_SUPPORT = AT_TIE + CONTACT_TIE_KINDS,
    STRIDE = AT_SUPPORT + SUPPORT_KIND_COUNT
};

/* Adds one bit per support kind named in @cell ("practical|advice"); unknown names ignored. */
static guint
support_bits(const char *cell)
{
    if (cell == NULL) {
        return 0;
    }
    g_auto(GStrv) values = g_strsplit(cell, "|", -1);
    guint bits = 0;
    for (gsize i = 0; values[i] != NULL; i++) {
        g_strstrip(values[i]);
        for (guint k = 0; k < SUPPORT_KIND_COUNT; k++) {
            if (g_ascii_strcasecmp(values[i], support_names[k]) == 0) {
                bits |= 1u << k;
            }
        }
    }
    return bits;
}

static void
count_contact(gint64 *row, WnNodeKind other, WnRelations relations, guint support)
{
    row[AT_CONTACTS]++;
    row[AT_NODE + other]++;
    for (guint k = 0; k < CONTACT_TIE_KINDS; k++) {
        gint64 held = (relations >> k) & 1u;
        row[AT_TIE + k] += held;
        row[AT_RELATIONS] += held;
    }
    for (guint k = 0; k < SUPPORT_KIND_COUNT; k++) {
        row[AT_SUPPORT + k] += (support >> k) & 1u;
    }
}

/* One pass over the merged ties: each tie is one contact of each end. */
static gint64 *
count_contacts(const WnNetwork *net)
{
    gint64 *counts = g_new0(gint64, net->n * STRIDE + 1);
    const WnColumn *support = wn_network__column(net->tie_attributes, "support_kind");
    for (gsize t = 0; t < net->m; t++) {
        guint bits = support_bits(support != NULL ? support->values[t] : NULL);
        gsize a = net->tie_from[t], b = net->tie_to[t];
        WnRelations relations = net->tie_relations[t];
        count_contact(counts + a * STRIDE, (WnNodeKind) net->kinds[b], relations, bits);
        count_contact(counts + b * STRIDE, (WnNodeKind) net->kinds[a], relations, bits);
    }
    return counts;
}

/* Blau's index 1 − Σ p_k² of @k categories counted in @row over @total. */
static double
blau(const gint64 *row, guint k, gint64 total)
{
    double sum = 0.0;
    for (guint i = 0; i < k; i++) {
        double p = (double) row[i] / (double) total;
        sum += p * p;
    }
    return 1.0 - sum;
}

/* One share column: @offset's count over contacts, for every resident row. */
static void
add_share(WnTable *t, const char *name, const gint64 *counts, const GArray *rows, gsize offset)
{
    g_autofree double *values = g_new0(double, rows->len + 1);
    for (guint i = 0; i < rows->len; i++) {
        const gint64 *row = counts + g_array_index(rows, gsize, i) * STRIDE;
        values[i] = row[AT_CONTACTS] > 0 ? (double) row[offset] / (double) row[AT_CONTACTS] : NAN;
    }
    wn_table__add_doubles(t, name, values);
}

/* Blau's index and IQV = Blau·K/(K−1) of the @k categories at @offset, which count
 * the items at @total (contacts, or their relations). */
static void
add_heterogeneity(WnTable *t, const char *what, const gint64 *counts, const GArray *rows,
                  gsize offset, guint k, gsize total)
{
    g_autofree double *b = g_new0(double, rows->len + 1);
    g_autofree double *iqv = g_new0(double, rows->len + 1);
    for (guint i = 0; i < rows->len; i++) {
        const gint64 *row = counts + g_array_index(rows, gsize, i) * STRIDE;
        b[i] = row[total] > 0 ? blau(row + offset, k, row[total]) : NAN;
        iqv[i] = b[i] * (double) k / (double) (k - 1);
    }
    g_autofree char *blau_name = g_strdup_printf("blau_%s", what);
    g_autofree char *iqv_name = g_strdup_printf("iqv_%s", what);
    wn_table__add_doubles(t, blau_name, b);
    wn_table__add_doubles(t, iqv_name, iqv);
}

static void
add_identity(WnTable *t, const WnNetwork *net, const gint64 *counts, const GArray *rows)
{
    g_autofree const char **ids = g_new0(const char *, rows->len + 1);
    g_autofree const char **areas = g_new0(const char *, rows->len + 1);
    g_autofree gint64 *contacts = g_new0(gint64, rows->len + 1);
    for (guint i = 0; i < rows->len; i++) {
        gsize v = g_array_index(rows, gsize, i);
        ids[i] = net->ids[v];
        areas[i] = net->areas[v];
        contacts[i] = counts[v * STRIDE + AT_CONTACTS];
    }
    wn_table__add_strings(t, "id", ids);
    wn_table__add_strings(t, "area", areas);
    wn_table__add_ints(t, "contacts", contacts, NULL);
}

static void
add_kind_shares(WnTable *t, const gint64 *counts, const GArray *rows)
{
    for (guint k = 0; k < WN_NODE_KIND_COUNT; k++) {
        g_autofree char *name = g_strdup_printf("share_%s", wn_node_kind_name(k));
        add_share(t, name, counts, rows, AT_NODE + k);
    }
    add_heterogeneity(t, "node_kind", counts, rows, AT_NODE, WN_NODE_KIND_COUNT, AT_CONTACTS);
    for (guint k = 0; k < CONTACT_TIE_KINDS; k++) {
        g_autofree char *name = g_strdup_printf("tie_%s", wn_tie_kind_name(k));
        add_share(t, name, counts, rows, AT_TIE + k);
    }
    add_heterogeneity(t, "tie_kind", counts, rows, AT_TIE, CONTACT_TIE_KINDS, AT_RELATIONS);
    for (guint k = 0; k < SUPPORT_KIND_COUNT; k++) {
        g_autofree char *name = g_strdup_printf("support_%s", support_names[k]);
        add_share(t, name, counts, rows, AT_SUPPORT + k);
    }
}

/**
 * wn_ego_composition:
 * Who each resident's contacts are: one row per resident, in node order (others are left
 * out). A contact is a distinct node tied to the resident by any tie but a conflict, over
 * the whole network (formal and informal ties); `contacts` is their number, the
 * denominator of every share below:
 * - `share_resident`, `share_professional`, `share_group`, `share_organisation`: the
 *   share of contacts of each node kind (they sum to 1);
 * - `tie_family` … `tie_referral`: the share of contacts whose tie holds that relation (the
 *   nine kinds but conflict); a contact tied by several relations counts under each, so
 *   these sum to 1 only when every tie holds one relation;
 * - `support_practical`, `support_emotional`, `support_companionship`, `support_advice`:
 *   the share of contacts whose tie names that support kind in `support_kind` (several
 *   separated by `|`, compared case-insensitively; other values ignored). A tie may give
 *   several kinds or none, so these need not sum to 1;
 * - `blau_node_kind` = 1 − Σ p_k² over the K = 4 node kinds, `iqv_node_kind` =
 *   blau·K/(K−1); `blau_tie_kind` and `iqv_tie_kind` likewise over the K = 9 relations,
 *   with p_k the share of relation k among all relations of the contacts' ties.
 * A resident without contacts has missing shares and indices (0/0).
 * Returns: (transfer full): the table, or NULL on error.
 * Cost: O(n + m).
 */
WnTable *
wn_ego_composition(const WnNetwork *net, GError **error)
{
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autofree gint64 *counts = count_contacts(net);
    g_autoptr(GArray) rows = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize v = 0; v < net->n; v++) {
        if (net->kinds[v] == WN_NODE_RESIDENT) {
            g_array_append_val(rows, v);
        }
    }
    WnTable *t = wn_table__new(rows->len);
    add_identity(t, net, counts, rows);
    add_kind_shares(t, counts, rows);
    return t;
}
