/* ei.c: Krackhardt and Stern's E-I index, per node and for the whole network */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "bridging.h"

#include <math.h>

static double
ei_of(gint64 internal, gint64 external)
{
    gint64 all = internal + external;
    return all > 0 ? (double) (external - internal) / (double) all : NAN;
}

/**
 * wn_ei_table:
 * The E-I index of every node (Krackhardt & Stern 1988) over its distinct
 * neighbours in the undirected network of all ties (unweighted; a pair tied both ways
 * in a directed dataset is one neighbour; conflicts do not count): with I the
 * neighbours in the node's own group and E those in other groups, (E − I)/(E + I),
 * from −1 (all contacts inside the group) to +1 (all outside).
 * Returns: (transfer full): a table in node order with `id`, `group` (the node's class
 * value), `internal`, `external` and `ei`; `ei` is missing for an isolated node.
 * Cost: O(n + m).
 */
WnTable *
wn_ei_table(const WnNetwork *net, const WnGrouping *grouping)
{
    g_autofree gint64 *internal = g_new0(gint64, net->n + 1);
    g_autofree gint64 *external = g_new0(gint64, net->n + 1);
    for (gsize t = 0; t < net->m; t++) {
        gsize a = net->tie_from[t], b = net->tie_to[t];
        gint64 *side =
            wn_grouping_of(grouping, a) == wn_grouping_of(grouping, b) ? internal : external;
        side[a]++;
        side[b]++;
    }
    g_autofree const char **groups = g_new0(const char *, net->n + 1);
    g_autofree double *ei = g_new0(double, net->n + 1);
    for (gsize v = 0; v < net->n; v++) {
        groups[v] = wn_grouping_name(grouping, wn_grouping_of(grouping, v));
        ei[v] = ei_of(internal[v], external[v]);
    }
    WnTable *table = wn_table__new(net->n);
    wn_table__add_strings(table, "id", net->ids);
    wn_table__add_strings(table, "group", groups);
    wn_table__add_ints(table, "internal", internal, NULL);
    wn_table__add_ints(table, "external", external, NULL);
    wn_table__add_doubles(table, "ei", ei);
    return table;
}

/**
 * wn_ei_summarise:
 * The E-I index of the whole network (Krackhardt & Stern 1988): IL ties within a
 * group and EL ties between groups, counted once each in the undirected network of
 * all ties (conflicts excluded), and (EL − IL)/(EL + IL), NaN for a network without
 * ties.
 * Cost: O(m).
 */
void
wn_ei_summarise(const WnNetwork *net, const WnGrouping *grouping, WnEiSummary *out)
{
    memset(out, 0, sizeof *out);
    for (gsize t = 0; t < net->m; t++) {
        if (wn_grouping_of(grouping, net->tie_from[t]) ==
            wn_grouping_of(grouping, net->tie_to[t])) {
            out->internal_ties++;
        } else {
            out->external_ties++;
        }
    }
    out->ei = ei_of((gint64) out->internal_ties, (gint64) out->external_ties);
}
