/* page.c: the frame of the HTML report: head, style, contents, footer */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "report.h"

/* Inline style only: the system's own fonts, readable on screen, A4 on paper. */
static const char style[] =
    "body{font-family:system-ui,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;"
    "color:#1b1b1b;background:#fff;max-width:52em;margin:2em auto;padding:0 1em;"
    "line-height:1.5}\n"
    "h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.3em;margin-top:1.8em;"
    "border-bottom:2px solid #2a6f97;padding-bottom:.2em}\n"
    "p.lead{font-size:1.1em}p.summary{font-size:1.15em;background:#eef5f9;"
    "border-left:4px solid #2a6f97;padding:.6em .9em}\n"
    "table{border-collapse:collapse;width:100%;font-size:.92em;margin:.6em 0}\n"
    "th,td{border-bottom:1px solid #ccc;padding:.25em .5em;text-align:left;"
    "vertical-align:top}th{background:#f2f2f2}td.n{text-align:right;"
    "font-variant-numeric:tabular-nums}\n"
    "div.wide{overflow-x:auto}table.areas{font-size:.8em}table.areas th{font-weight:600}\n"
    "h3{font-size:1.1em;margin:1.4em 0 .3em}caption{text-align:left;font-weight:600;"
    "padding:.2em 0;color:#1b1b1b}\n"
    "figure{margin:1em 0}figure svg{max-width:100%;height:auto;display:block}"
    "figcaption{font-size:.9em;color:#444}\n"
    "nav ol{columns:2}footer{margin-top:3em;font-size:.85em;color:#555}\n"
    "@page{size:A4;margin:18mm 16mm}\n"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}"
    "nav{display:none}div.wide{overflow:visible}table.areas{font-size:7.5pt}"
    "h2,h3,caption{break-after:avoid}tr,figure{break-inside:avoid}"
    "section.buurt{break-before:page}"
    "section{break-inside:auto}}\n";

static const struct {
    const char *id;
    WnText title;
} sections[] = {
    {"summary", WN_T_SEC_SUMMARY},
    {"map", WN_T_SEC_MAP},
    {"areas", WN_T_SEC_AREAS},
    {"method", WN_T_SEC_METHOD},
};

/* One entry per buurt section, in the order of the page. */
static void
append_buurten(WnReport *r)
{
    for (guint i = 0; i < r->buurten->len; i++) {
        const WnBuurt *b = g_ptr_array_index(r->buurten, i);
        g_string_append_printf(r->out, "<li><a href=\"#buurt-%u\">", i + 1);
        wn_report__append_escaped(r->out, b->title);
        g_string_append(r->out, "</a></li>\n");
    }
}

static void
append_contents(WnReport *r)
{
    g_string_append_printf(r->out, "<nav><h2>%s</h2><ol>\n", wn_report__t(r, WN_T_CONTENTS));
    for (gsize i = 0; i < G_N_ELEMENTS(sections); i++) {
        if (sections[i].title == WN_T_SEC_METHOD) {
            append_buurten(r);
        }
        g_string_append_printf(r->out, "<li><a href=\"#%s\">", sections[i].id);
        wn_report__append_escaped(r->out, wn_report__t(r, sections[i].title));
        g_string_append(r->out, "</a></li>\n");
    }
    g_string_append(r->out, "</ol></nav>\n");
}

/* The head: no fetch is allowed at all (default-src 'none'), only the inline style. */
void
wn_report__open_page(WnReport *r, const char *title)
{
    g_string_append_printf(r->out,
                           "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                           "<meta charset=\"utf-8\"/>\n"
                           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                           "'none'; style-src 'unsafe-inline'\"/>\n"
                           "<meta name=\"viewport\" content=\"width=device-width\"/>\n<title>",
                           r->lang == WN_LANGUAGE_NL ? "nl" : "en");
    wn_report__append_escaped(r->out, title);
    g_string_append_printf(r->out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header><h1>",
                           style);
    wn_report__append_escaped(r->out, title);
    g_string_append(r->out, "</h1>\n");
    g_string_append(r->out, "<p class=\"lead\">");
    wn_report__append_escaped(r->out, wn_report__t(r, WN_T_INTRO));
    if (r->pseudonymised) {
        g_string_append(r->out, " ");
        wn_report__append_escaped(r->out, wn_report__t(r, WN_T_INTRO_PSEUDONYMS));
    }
    g_string_append(r->out, "</p>\n<p>");
    wn_report__append_escaped(r->out, wn_report__t(r, WN_T_BUURTEN_INTRO));
    g_string_append(r->out, "</p></header>\n");
    append_contents(r);
}

void
wn_report__close_page(WnReport *r)
{
    g_string_append(r->out, "<footer><p>");
    g_autofree char *footer = wn_report__fill(wn_report__t(r, WN_T_FOOTER), wn_version(), NULL);
    wn_report__append_escaped(r->out, footer);
    g_string_append(r->out, "</p></footer>\n</body>\n</html>\n");
}

/* Opens <section id=…> with its heading; the caller closes it. */
void
wn_report__open_section(WnReport *r, const char *id, WnText title)
{
    g_string_append_printf(r->out, "<section id=\"%s\">\n<h2>", id);
    wn_report__append_escaped(r->out, wn_report__t(r, title));
    g_string_append(r->out, "</h2>\n");
}

void
wn_report__paragraph(WnReport *r, const char *text)
{
    g_string_append(r->out, "<p>");
    wn_report__append_escaped(r->out, text);
    g_string_append(r->out, "</p>\n");
}
