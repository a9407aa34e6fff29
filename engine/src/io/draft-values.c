/* draft-values.c: the values a parser hands over by name, mapped to the fieldwork columns */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "io.h"
#include "load/load.h"

#include <math.h>

/* A value the fieldwork format cannot hold under its own name is kept as
 * "original_NAME" (a kind it does not know, a column name it uses itself). */
static void
keep_renamed(WnDraft *d, GPtrArray *columns, gsize row, const char *name, const char *value,
             const char *why)
{
    g_autofree char *renamed = g_strdup_printf("original_%s", name);
    if (!g_hash_table_contains(d->renamed, renamed)) {
        wn_draft__add_warning(d, "%s: values named \"%s\" are kept as \"%s\" (%s)", d->path, name,
                              renamed, why);
        g_hash_table_add(d->renamed, g_strdup(renamed));
    }
    wn_draft__set_cell(d, wn_draft__column_named(columns, renamed), row, value, NULL);
}

static void
set_fixed(WnDraft *d, GPtrArray *columns, gsize column, gsize row, const char *value,
          const char *where)
{
    wn_draft__set_cell(d, g_ptr_array_index(columns, column), row, value, where);
}

/* Returns: the name of the node kind @text names as the loader reads it
 * (wn_load__node_kind) or in American spelling, NULL when none. */
const char *
wn_draft__node_kind(const char *text)
{
    guint8 kind = 0;
    if (g_ascii_strcasecmp(text, "organization") == 0) {
        kind = WN_NODE_ORGANISATION;
    } else if (!wn_load__node_kind(text, &kind)) {
        return NULL;
    }
    return wn_node_kind_name((WnNodeKind) kind);
}

/* lat and lon: WGS84 degrees within ±@limit, read as the loader reads them. */
static gboolean
set_coordinate(WnDraft *d, gsize node, gsize column, const char *value, const char *where,
               GError **error)
{
    double degrees = 0;
    double limit = column == WN_DRAFT_LAT ? 90 : 180;
    if (!wn_load__coordinate(value, ',', limit, &degrees)) {
        g_autofree char *expected =
            g_strdup_printf("%s in WGS84 degrees between -%g and %g",
                            column == WN_DRAFT_LAT ? "a latitude" : "a longitude", limit, limit);
        return wn_draft__value_error(error, where, expected, value);
    }
    set_fixed(d, d->node_columns, column, node, value, where);
    return TRUE;
}

/* Which fixed node column a name maps to; WN_DRAFT_NODE_FIXED when none. */
static gsize
node_column_for(const char *name)
{
    static const struct {
        const char *name;
        gsize column;
    } names[] = {{"type", WN_DRAFT_TYPE},     {"kind", WN_DRAFT_TYPE},
                 {"label", WN_DRAFT_LABEL},   {"area", WN_DRAFT_AREA},
                 {"lat", WN_DRAFT_LAT},       {"latitude", WN_DRAFT_LAT},
                 {"lon", WN_DRAFT_LON},       {"lng", WN_DRAFT_LON},
                 {"longitude", WN_DRAFT_LON}, {"vulnerable", WN_DRAFT_VULNERABLE}};
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        if (g_ascii_strcasecmp(name, names[i].name) == 0) {
            return names[i].column;
        }
    }
    return WN_DRAFT_NODE_FIXED;
}

static gboolean
set_fixed_node_value(WnDraft *d, gsize node, gsize column, const char *name, const char *value,
                     const char *where, GError **error)
{
    const char *mapped = NULL;
    guint8 flag = 0;
    if (column == WN_DRAFT_TYPE) {
        if (wn_draft__node_kind(value) == NULL) {
            keep_renamed(d, d->node_columns, node, name, value, "not a node kind");
        }
        wn_draft__node_type(d, node, value, where);
        return TRUE;
    }
    if (column == WN_DRAFT_VULNERABLE && !wn_load__flag(value, &flag)) {
        return wn_draft__value_error(error, where,
                                     "true/false, 1/0, yes/no or ja/nee for vulnerable", value);
    }
    if (column == WN_DRAFT_VULNERABLE) {
        mapped = flag ? "1" : "0";
    }
    if (column == WN_DRAFT_LAT || column == WN_DRAFT_LON) {
        return set_coordinate(d, node, column, value, where, error);
    }
    set_fixed(d, d->node_columns, column, node, mapped != NULL ? mapped : value, where);
    return TRUE;
}

/**
 * wn_draft__node_value:
 * Hands over a node value by name: kind or type (a node kind, Dutch aliases included, or
 * a type mapped to one by wn_draft__set_types; any other value is kept as "original_NAME",
 * and a type without a kind makes wn_draft__check_types refuse the draft), label, area, lat or
 * latitude, lon, lng or longitude, vulnerable; any other name becomes an attribute ("id" is kept as
 * "original_id"). An empty value is no value.
 * Returns: FALSE with WN_ERROR_PARSE for a bad lat, lon or vulnerable value.
 */
gboolean
wn_draft__node_value(WnDraft *d, gsize node, const char *name, const char *value, const char *where,
                     GError **error)
{
    g_autofree char *key = g_strstrip(g_strdup(name));
    g_autofree char *text = g_strstrip(g_strdup(value));
    if (*key == '\0' || *text == '\0') {
        return TRUE;
    }
    gsize column = node_column_for(key);
    if (column < WN_DRAFT_NODE_FIXED) {
        return set_fixed_node_value(d, node, column, key, text, where, error);
    }
    if (g_ascii_strcasecmp(key, "id") == 0) {
        keep_renamed(d, d->node_columns, node, key, text, "the dataset id is the node's own");
        return TRUE;
    }
    wn_draft__set_cell(d, wn_draft__column_named(d->node_columns, key), node, text, where);
    return TRUE;
}

/* Returns: TRUE when the node has a value under the column @name maps to. */
gboolean
wn_draft__node_has_value(const WnDraft *d, gsize node, const char *name)
{
    gsize column = node_column_for(name);
    for (guint j = 0; j < d->node_columns->len; j++) {
        const WnDraftColumn *c = g_ptr_array_index(d->node_columns, j);
        gboolean same =
            column < WN_DRAFT_NODE_FIXED ? j == column : g_ascii_strcasecmp(c->name, name) == 0;
        if (same) {
            return wn_draft__cell(c, node) != NULL;
        }
    }
    return FALSE;
}

static gboolean
set_tie_weight(WnDraft *d, gsize tie, const char *value, const char *where, GError **error)
{
    double weight = 0;
    if (!wn_load__weight(value, ',', &weight)) {
        return wn_draft__value_error(error, where, "a positive weight", value);
    }
    set_fixed(d, d->tie_columns, WN_DRAFT_WEIGHT, tie, value, where);
    return TRUE;
}

static gboolean
is_end_name(const char *key)
{
    return g_ascii_strcasecmp(key, "source") == 0 || g_ascii_strcasecmp(key, "target") == 0 ||
           g_ascii_strcasecmp(key, "id") == 0;
}

/**
 * wn_draft__tie_value:
 * Hands over a tie value by name: kind or type (a tie kind; any other value is kept as
 * "original_NAME", and gives the tie type wn_draft__set_types maps it to, if any), weight (a
 * positive number), support_kind (kept as "original_support_kind" unless practical, emotional,
 * companionship or advice); formal is left out (it follows from the node kinds); any other name
 * becomes an attribute. Values of a skipped tie (WN_DRAFT_SKIPPED) are ignored. Returns: FALSE with
 * WN_ERROR_PARSE for a weight that is not a positive number.
 */
gboolean
wn_draft__tie_value(WnDraft *d, gsize tie, const char *name, const char *value, const char *where,
                    GError **error)
{
    g_autofree char *key = g_strstrip(g_strdup(name));
    g_autofree char *text = g_strstrip(g_strdup(value));
    if (tie == WN_DRAFT_SKIPPED || *key == '\0' || *text == '\0' ||
        g_ascii_strcasecmp(key, "formal") == 0) {
        return TRUE;
    }
    if (g_ascii_strcasecmp(key, "weight") == 0) {
        return set_tie_weight(d, tie, text, where, error);
    }
    gboolean is_kind = g_ascii_strcasecmp(key, "type") == 0 || g_ascii_strcasecmp(key, "kind") == 0;
    guint8 kind = 0;
    const char *bad = NULL;
    gsize bad_len = 0;
    const char *mapped = is_kind ? wn_draft__edge_type(d, tie, text, where) : NULL;
    if (is_kind && wn_load__tie_kind(text, &kind)) {
        set_fixed(d, d->tie_columns, WN_DRAFT_TIE_TYPE, tie, text, where);
    } else if (is_kind) {
        keep_renamed(d, d->tie_columns, tie, key, text, "not a tie kind");
        if (mapped != NULL) {
            set_fixed(d, d->tie_columns, WN_DRAFT_TIE_TYPE, tie, mapped, where);
        }
    } else if (g_ascii_strcasecmp(key, "support_kind") == 0 &&
               !wn_load__support_kind(text, &bad, &bad_len)) {
        keep_renamed(d, d->tie_columns, tie, key, text, "not a support kind");
    } else if (is_end_name(key)) {
        keep_renamed(d, d->tie_columns, tie, key, text, "the tie's ends are its own");
    } else {
        wn_draft__set_cell(d, wn_draft__column_named(d->tie_columns, key), tie, text, where);
    }
    return TRUE;
}
