/* write.c: writes a synthetic town in the fieldwork format (docs/FORMAT.md), streamed
 * through large buffers into temporary files that are renamed once all are complete. Every
 * cell is a number or one of the fixed names below, none with a delimiter, a quote or a
 * first character a spreadsheet would run (docs/FORMAT.md, "CSV rules"), so none needs
 * quotes or an escape (tests/cli/csv-safety.py checks the files). */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "generate.h"

#include <string.h>

#define WRITER_BUFFER (1u << 20)
#define WRITER_ROW_MAX 512 /* no row is longer than this */

static const char *const age_band_names[WN_GEN_AGE_BANDS] = {"0-17",  "18-29", "30-44",
                                                             "45-64", "65-79", "80+"};
static const char *const language_names[WN_GEN_LANGUAGES] = {"nl", "tr",  "ar", "ber", "pl",
                                                             "en", "pap", "so", "ti",  "uk"};
static const char *const interest_names[WN_GEN_INTERESTS] = {
    "koken",  "wandelen",   "voetbal",    "tuinieren", "lezen",
    "muziek", "handwerken", "fietsen",    "geloof",    "vrijwilligerswerk",
    "gaming", "dansen",     "schilderen", "zwemmen",   "kaarten",
    "taal",   "koffie",     "dieren",     "techniek",  "naaien"};
static const char *const role_names[WN_GEN_ROLES] = {"sociaal team", "opbouwwerk", "wijkverpleging",
                                                     "jongerenwerk", "schuldhulp", "ouderenwerk"};
static const char *const organisation_kinds[] = {"welzijnsorganisatie", "sociaal team",
                                                 "zorgorganisatie"};
static const char *const support_kinds[] = {"practical", "emotional", "companionship", "advice"};
static const char *const area_names[] = {
    "Molenveld",  "Kerkbuurt", "De Hoven",        "Oude Haven",    "Bloemenwijk",
    "Vogelwijk",  "Lindenhof", "Het Zand",        "Rivierenbuurt", "Schildersbuurt",
    "Weidebuurt", "Bomenwijk", "Sterrenkwartier", "Dichtersbuurt", "Componistenbuurt",
    "Hoogveld",   "De Akkers", "Stationsbuurt",   "Havenkwartier", "Beekdal"};
static const char *const file_names[] = {"nodes.csv", "ties.csv", "areas.geojson", "dataset.json"};

/* A file being written: text gathers in `buf` and goes out a megabyte at a time; the
 * first failure is kept by the file writer and reported when it commits. */
typedef struct {
    WnFileWriter *file;
    char *buf;
    gsize len;
} Writer;

static void
writer_flush(Writer *w)
{
    wn_file_writer__write(w->file, w->buf, w->len, NULL);
    w->len = 0;
}

/* Makes room for a row; rows are written field by field without further checks. */
static void
writer_row(Writer *w)
{
    if (w->len + WRITER_ROW_MAX > WRITER_BUFFER) {
        writer_flush(w);
    }
}

static void
put_char(Writer *w, char c)
{
    w->buf[w->len++] = c;
}

static void
put_str(Writer *w, const char *s)
{
    gsize n = strlen(s);
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

/* @value in decimal, zero-padded to at least @width digits. */
static void
put_uint(Writer *w, guint64 value, gsize width)
{
    char digits[24];
    gsize k = 0;
    do {
        digits[k++] = (char) ('0' + value % 10);
        value /= 10;
    } while (value > 0);
    while (k < width) {
        digits[k++] = '0';
    }
    while (k > 0) {
        put_char(w, digits[--k]);
    }
}

/* Micro-degrees as degrees with six decimals, e.g. 52040000 as 52.040000. */
static void
put_micro(Writer *w, gint32 micro)
{
    if (micro < 0) {
        put_char(w, '-');
    }
    guint32 v = micro < 0 ? (guint32) - (gint64) micro : (guint32) micro;
    put_uint(w, v / 1000000, 1);
    put_char(w, '.');
    put_uint(w, v % 1000000, 6);
}

static gsize
digits_of(gsize n)
{
    gsize d = 1;
    for (; n >= 10; n /= 10) {
        d++;
    }
    return d;
}

/* Ids: R0000001… for residents, G00001… groups, P00001… professionals, O001… organisations. */
static void
put_id(Writer *w, const WnTown *t, guint32 node)
{
    gsize g0 = t->n, p0 = g0 + t->n_groups, o0 = p0 + t->n_professionals;
    if (node < g0) {
        put_char(w, 'R');
        put_uint(w, node + 1, MAX(7, digits_of(t->n)));
    } else if (node < p0) {
        put_char(w, 'G');
        put_uint(w, node - g0 + 1, 5);
    } else if (node < o0) {
        put_char(w, 'P');
        put_uint(w, node - p0 + 1, 5);
    } else {
        put_char(w, 'O');
        put_uint(w, node - o0 + 1, 3);
    }
}

/* A CBS-like buurt code in a municipality code no municipality has (9999). */
static void
put_area_code(Writer *w, gsize area)
{
    put_str(w, "BU9999");
    put_uint(w, area + 1, 4);
}

static void
put_capitalised(Writer *w, const char *s, gsize number)
{
    put_char(w, g_ascii_toupper(s[0]));
    put_str(w, s + 1);
    put_char(w, ' ');
    put_uint(w, number, 1);
}

/* The members of the bit set @bits, by @names, separated by | (docs/FORMAT.md). */
static void
put_set(Writer *w, guint32 bits, const char *const *names, gsize n)
{
    gboolean first = TRUE;
    for (gsize i = 0; i < n; i++) {
        if ((bits & (1u << i)) != 0) {
            put_str(w, first ? "" : "|");
            put_str(w, names[i]);
            first = FALSE;
        }
    }
}

static void
put_position(Writer *w, const char *code_sep, gsize area, gint32 lat, gint32 lon)
{
    put_area_code(w, area);
    put_str(w, code_sep);
    put_micro(w, lat);
    put_char(w, ',');
    put_micro(w, lon);
}

static void
write_resident(Writer *w, const WnTown *t, guint32 r)
{
    guint32 h = t->r_hh[r];
    writer_row(w);
    put_id(w, t, r);
    put_str(w, ",resident,,");
    put_position(w, ",", t->r_area[r], t->hh_lat[h], t->hh_lon[h]);
    put_str(w, t->vul[r] ? ",1," : ",0,");
    put_str(w, age_band_names[t->r_age[r]]);
    put_char(w, ',');
    put_str(w, language_names[t->r_lang[r]]);
    put_char(w, ',');
    put_set(w, t->r_interests[r], interest_names, WN_GEN_INTERESTS);
    put_str(w, ",H");
    put_uint(w, h + 1, MAX(7, digits_of(t->n_households)));
    put_str(w, ",\n");
}

/* The centre of an area's cell, where its professionals and organisations are shown. */
static void
area_centre(const WnTown *t, gsize area, gint32 *lat_out, gint32 *lon_out)
{
    *lat_out = WN_GEN_LAT0 + (gint32) (area / t->cols) * WN_GEN_DLAT + WN_GEN_DLAT / 2;
    *lon_out = WN_GEN_LON0 + (gint32) (area % t->cols) * WN_GEN_DLON + WN_GEN_DLON / 2;
}

/* A group, professional or organisation: @type is ",group," etc.; the label is the
 * capitalised @kind and @number (none when @number is 0); shown at @position. */
static void
write_other(Writer *w, const WnTown *t, guint32 node, const char *type, const char *kind,
            gsize number, gsize area, const gint32 *position)
{
    writer_row(w);
    put_id(w, t, node);
    put_str(w, type);
    if (number > 0) {
        put_capitalised(w, kind, number);
    }
    put_char(w, ',');
    put_position(w, ",", area, position[0], position[1]);
    put_str(w, ",,,,,,");
    put_str(w, kind);
    put_char(w, '\n');
}

static void
write_nodes(const WnTown *t, Writer *w)
{
    put_str(w, "id,type,label,area,lat,lon,vulnerable,age_band,language,interests,household,"
               "kind\n");
    for (guint32 r = 0; r < t->n; r++) {
        write_resident(w, t, r);
    }
    guint32 node = (guint32) t->n;
    for (gsize g = 0; g < t->n_groups; g++) {
        gint32 at[2] = {t->g_lat[g], t->g_lon[g]};
        write_other(w, t, node++, ",group,", wn_town__group_kinds[t->g_kind[g]], g + 1,
                    t->g_area[g], at);
    }
    for (gsize p = 0; p < t->n_professionals; p++) {
        gint32 at[2];
        area_centre(t, t->p_area[p], &at[0], &at[1]);
        write_other(w, t, node++, ",professional,", role_names[t->p_role[p]], 0, t->p_area[p], at);
    }
    for (gsize o = 0; o < t->n_organisations; o++) {
        gint32 at[2];
        area_centre(t, t->org_area_first[o], &at[0], &at[1]);
        write_other(w, t, node++, ",organisation,",
                    organisation_kinds[o % G_N_ELEMENTS(organisation_kinds)], o + 1,
                    t->org_area_first[o], at);
    }
}

static void
write_ties(const WnTown *t, Writer *w)
{
    put_str(w, "source,target,type,weight,support_kind\n");
    for (gsize i = 0; i < t->ties->len; i++) {
        const WnGenTie *tie = &g_array_index(t->ties, WnGenTie, i);
        writer_row(w);
        put_id(w, t, tie->a);
        put_char(w, ',');
        put_id(w, t, tie->b);
        put_char(w, ',');
        put_str(w, wn_tie_kind_name((WnTieKind) tie->kind));
        put_char(w, ',');
        put_uint(w, tie->weight, 1);
        put_char(w, ',');
        put_set(w, tie->support, support_kinds, G_N_ELEMENTS(support_kinds));
        put_char(w, '\n');
    }
}

/* One GeoJSON ring: the area's rectangular cell, counter-clockwise (RFC 7946). */
static void
write_ring(Writer *w, const WnTown *t, gsize area)
{
    gint32 lat0 = WN_GEN_LAT0 + (gint32) (area / t->cols) * WN_GEN_DLAT;
    gint32 lon0 = WN_GEN_LON0 + (gint32) (area % t->cols) * WN_GEN_DLON;
    const gint32 corners[5][2] = {{lon0, lat0},
                                  {lon0 + WN_GEN_DLON, lat0},
                                  {lon0 + WN_GEN_DLON, lat0 + WN_GEN_DLAT},
                                  {lon0, lat0 + WN_GEN_DLAT},
                                  {lon0, lat0}};
    for (gsize i = 0; i < 5; i++) {
        put_str(w, i == 0 ? "[" : ",[");
        put_micro(w, corners[i][0]);
        put_char(w, ',');
        put_micro(w, corners[i][1]);
        put_char(w, ']');
    }
}

static void
write_areas(const WnTown *t, Writer *w)
{
    gsize names = G_N_ELEMENTS(area_names);
    put_str(w, "{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (gsize a = 0; a < t->n_areas; a++) {
        writer_row(w);
        put_str(w, "{\"type\":\"Feature\",\"properties\":{\"code\":\"");
        put_area_code(w, a);
        put_str(w, "\",\"name\":\"");
        put_str(w, area_names[a % names]);
        if (a >= names) {
            put_char(w, ' ');
            put_uint(w, a / names + 1, 1);
        }
        put_str(w, "\",\"residents\":");
        put_uint(w, t->area_size[a], 1);
        put_str(w, "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
        write_ring(w, t, a);
        put_str(w, a + 1 < t->n_areas ? "]]}},\n" : "]]}}\n");
    }
    put_str(w, "]}\n");
}

static gsize
residents_without_informal_tie(const WnTown *t)
{
    gsize count = 0;
    for (gsize r = 0; r < t->n; r++) {
        count += t->inf_deg[r] == 0;
    }
    return count;
}

static gsize
vulnerable_count(const WnTown *t)
{
    gsize count = 0;
    for (gsize r = 0; r < t->n; r++) {
        count += t->vul[r];
    }
    return count;
}

static void
append_counts(GString *s, const WnTown *t)
{
    gsize nodes = t->n + t->n_groups + t->n_professionals + t->n_organisations;
    g_string_append_printf(
        s,
        "  \"counts\": {\n    \"nodes\": %" G_GSIZE_FORMAT ",\n    \"residents\": %" G_GSIZE_FORMAT
        ",\n    \"groups\": %" G_GSIZE_FORMAT ",\n    \"professionals\": %" G_GSIZE_FORMAT
        ",\n    \"organisations\": %" G_GSIZE_FORMAT ",\n    \"areas\": %" G_GSIZE_FORMAT
        ",\n    \"households\": %" G_GSIZE_FORMAT
        ",\n    \"single_person_households\": %" G_GSIZE_FORMAT ",\n    \"tie_rows\": %u"
        ",\n    \"duplicate_rows\": %" G_GSIZE_FORMAT
        ",\n    \"residents_without_informal_tie\": %" G_GSIZE_FORMAT
        ",\n    \"vulnerable\": %" G_GSIZE_FORMAT "\n  }\n",
        nodes, t->n, t->n_groups, t->n_professionals, t->n_organisations, t->n_areas,
        t->n_households, t->n_singles, t->ties->len, t->n_duplicates,
        residents_without_informal_tie(t), vulnerable_count(t));
}

/* dataset.json: what the town is, how it was made (docs/FORMAT.md metadata), and its counts. */
static void
write_metadata(const WnTown *t, Writer *w)
{
    char iso[G_ASCII_DTOSTR_BUF_SIZE], vul[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(iso, sizeof iso, "%.6g", t->opts.isolated_share);
    g_ascii_formatd(vul, sizeof vul, "%.6g", t->opts.vulnerable_share);
    g_autoptr(GString) s = g_string_new(NULL);
    g_string_append_printf(
        s,
        "{\n  \"title\": \"Synthetic town of %" G_GSIZE_FORMAT " residents (seed %" G_GUINT64_FORMAT
        ")\",\n  \"source\": \"wijknet generate\",\n  \"licence\": \"CC0 (synthetic)\",\n"
        "  \"description\": \"A fictional neighbourhood made by a random model: no real "
        "persons, places or organisations.\",\n  \"directed\": false,\n"
        "  \"generator\": {\n    \"name\": \"wijknet generate\",\n    \"version\": \"%s\",\n"
        "    \"seed\": %" G_GUINT64_FORMAT ",\n    \"residents\": %" G_GSIZE_FORMAT ",\n"
        "    \"isolated_share\": %s,\n    \"vulnerable_share\": %s\n  },\n",
        t->n, t->opts.seed, WN_GENERATOR_VERSION, t->opts.seed, t->n, iso, vul);
    append_counts(s, t);
    g_string_append(s, "}\n");
    put_str(w, s->str); /* a few hundred bytes into the empty buffer */
}

typedef void (*WriteFunc)(const WnTown *t, Writer *w);

/* Writes @path's temporary file through @write and syncs it (wn_file_writer__sync). */
static WnFileWriter *
write_file(const WnTown *t, const char *path, WriteFunc write, GError **error)
{
    g_autoptr(WnFileWriter) file = wn_file_writer__open(path, 0666, error);
    if (file == NULL) {
        return NULL;
    }
    g_autofree char *buf = g_malloc(WRITER_BUFFER);
    Writer w = {file, buf, 0};
    write(t, &w);
    writer_flush(&w);
    return wn_file_writer__sync(file, error) ? g_steal_pointer(&file) : NULL;
}

/**
 * wn_town__write:
 * Writes nodes.csv, ties.csv, areas.geojson and dataset.json into the existing folder
 * @dir: each first into a temporary file beside it, and only when all four are
 * complete and synced are they renamed, so a failed or interrupted run leaves no
 * half-written dataset (util/file.c).
 * Returns: FALSE with a WN_OUTPUT_ERROR naming the file on failure.
 * Cost: O(nodes + ties) time; 1 MiB of buffer.
 */
gboolean
wn_town__write(const WnTown *t, const char *dir, GError **error)
{
    static const WriteFunc writers[] = {write_nodes, write_ties, write_areas, write_metadata};
    g_autoptr(GPtrArray) files =
        g_ptr_array_new_with_free_func((GDestroyNotify) wn_file_writer__free);
    for (gsize i = 0; i < G_N_ELEMENTS(file_names); i++) {
        g_autofree char *path = g_build_filename(dir, file_names[i], NULL);
        WnFileWriter *file = write_file(t, path, writers[i], error);
        if (file == NULL) {
            return FALSE;
        }
        g_ptr_array_add(files, file);
    }
    for (guint i = 0; i < files->len; i++) {
        if (!wn_file_writer__commit(g_ptr_array_index(files, i), error)) {
            return FALSE;
        }
    }
    return TRUE;
}
