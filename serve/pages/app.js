/* app.js: wijknet serve's pages, drawn from the JSON API (/api/); nothing from elsewhere */
"use strict";

const params = new URLSearchParams(location.search);
const lang = params.get("lang") === "en" ? "en" : "nl";

/* The texts of the pages; the report's words where the report has them. */
const T = {
  nl: {
    wijk: "Wijk", risk: "Bewoners met een risico op isolement", persons: "Sleutelfiguren",
    places: "Ontmoetingsplekken", search: "Zoeken", go: "Zoek", other: "English",
    area: "Buurt", residents: "Bewoners", isolated: "Zonder enig contact",
    formal_only: "Alleen een professional", fragile: "Kwetsbaar netwerk", connected: "Verbonden",
    not_resident: "Geen bewoner", brokers: "Verbinders tussen buurten",
    professionals: "Professionals", groups: "Groepen",
    mean_isolation_index: "Gem. isolatie-index (0–1)", rank: "Nr.", id: "Id", name: "Naam",
    kind: "Soort", why_risk: "Waarom op deze lijst", connects: "Wat ze verbinden",
    reaches: "Wie ze bereiken", suggest: "Wie kunnen we met elkaar in contact brengen?",
    could_meet: "Kan kennismaken met", why_suggest: "Waarom dit contact",
    introducer: "Kan hen voorstellen", status: "Status", map: "Kaart: aandeel zonder contact",
    drawing: "De wijk in één tekening", areas: "Cijfers per buurt",
    small: "Minder dan {k} bewoners: geen cijfers", all: "Alles bekijken",
    more: "Meer tonen", any: "alle", sort: "Sorteren op", ecomap: "Eco-map",
    contacts: "Contacten", family: "Huishouden en familie", informal: "Vrienden, buren en kennissen",
    formal: "Professionals en organisaties", conflict: "Conflict", none: "Geen.",
    of: "van", shown: "getoond", key: "Wat deze persoon of plek verbindt",
    only_link: "Enige schakel voor", in_groups: "In groepen", search_for: "Zoek op id",
    search_labels: "Zoek op id of naam", no_results: "Niets gevonden.",
    not_found: "Niet gevonden.", relations: "Relatie", weight: "Sterkte",
    isolation_index: "Isolatie-index", informal_degree: "Informele contacten",
    formal_degree: "Formele contacten", vulnerable: "Bekend als kwetsbaar",
    at_risk_reach: "Bereikt bewoners met risico", areas_n: "Buurten", members: "Leden",
    at_risk_members: "Leden met risico", intro_wijk: "Per buurt het aantal bewoners en hoeveel " +
    "van hen zonder contact zijn, alleen een professional kennen of een kwetsbaar netwerk " +
    "hebben. Kleine aantallen zijn verborgen (<{k}).",
    intro_risk: "In de volgorde waarin een opbouwwerker ze bezoekt: eerst wie geen enkel " +
    "contact heeft, dan wie alleen een professional kent, dan wie een kwetsbaar netwerk heeft.",
    intro_persons: "Bewoners en professionals die bewoners met een risico bereiken, of hun " +
    "enige schakel zijn.", intro_places: "Groepen en organisaties waar bewoners elkaar " +
    "ontmoeten.", whole: "hele wijk", suggest_none: "Geen voorstellen voor deze persoon.",
    suggest_connected: "Deze bewoner is verbonden: voorstellen worden gedaan voor bewoners " +
    "met een risico op isolement.", suggested_to: "Voorgesteld als contact voor",
    for_resident: "Voor bewoner",
    kind_resident: "bewoner", error: "Er ging iets mis: "
  },
  en: {
    wijk: "Wijk", risk: "Residents at risk of isolation", persons: "Key figures",
    places: "Meeting places", search: "Search", go: "Search", other: "Nederlands",
    area: "Area", residents: "Residents", isolated: "Without any contact",
    formal_only: "Only a professional", fragile: "Fragile network", connected: "Connected",
    not_resident: "Not a resident", brokers: "Bridges between areas",
    professionals: "Professionals", groups: "Groups",
    mean_isolation_index: "Mean isolation index (0–1)", rank: "No.", id: "Id", name: "Name",
    kind: "Kind", why_risk: "Why on this list", connects: "What they connect",
    reaches: "Whom they reach", suggest: "Whom could we connect?", could_meet: "Could meet",
    why_suggest: "Why this contact", introducer: "Could introduce them", status: "Status",
    map: "Map: share without contact", drawing: "The wijk in one drawing",
    areas: "Figures per area", small: "Fewer than {k} residents: no figures", all: "See all",
    more: "Show more", any: "all", sort: "Sort by", ecomap: "Eco-map", contacts: "Contacts",
    family: "Household and family", informal: "Friends, neighbours and acquaintances",
    formal: "Professionals and organisations", conflict: "Conflict", none: "None.", of: "of",
    shown: "shown", key: "What this person or place connects", only_link: "Only link of",
    in_groups: "In groups", search_for: "Search by id", search_labels: "Search by id or name",
    no_results: "Nothing found.", not_found: "Not found.", relations: "Relation",
    weight: "Strength", isolation_index: "Isolation index",
    informal_degree: "Informal contacts", formal_degree: "Formal contacts",
    vulnerable: "Known vulnerable", at_risk_reach: "Reaches residents at risk", areas_n: "Areas",
    members: "Members", at_risk_members: "Members at risk",
    intro_wijk: "Per area its residents and how many of them have no contact, know only a " +
    "professional or have a fragile network. Small counts are hidden (<{k}).",
    intro_risk: "In the order a community worker visits them: first who has no contact at " +
    "all, then who knows only a professional, then who has a fragile network.",
    intro_persons: "Residents and professionals who reach residents at risk, or are their " +
    "only link.", intro_places: "Groups and organisations where residents meet.",
    whole: "whole wijk", suggest_none: "No suggestions for this person.",
    suggest_connected: "This resident is connected: suggestions are made for residents at " +
    "risk of isolation.", suggested_to: "Suggested as a contact for",
    for_resident: "For resident",
    kind_resident: "resident", error: "Something went wrong: "
  }
}[lang];

/* An element with attributes and children (text is always text, never markup). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

/* A link within the explorer, in the page's language. */
function href(path, query) {
  const q = new URLSearchParams(query || {});
  if (lang === "en") q.set("lang", "en");
  const s = q.toString();
  return s ? path + "?" + s : path;
}

async function api(path, query) {
  const r = await fetch(href("/api/" + path, query), { credentials: "same-origin" });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.status);
  return body;
}

const fill = (text, k) => text.replace("{k}", k);
const num = (v) => v === null || v === undefined ? "" :
  typeof v === "number" ? v.toLocaleString(lang === "en" ? "en-GB" : "nl-NL",
                                           { maximumFractionDigits: 2 }) : String(v);

function nodeLink(n) {
  const text = n.label ? n.id + " (" + n.label + ")" : n.id;
  return el("a", { href: href("/node", { id: n.id }), class: "node" }, text);
}

function statusBadge(s) {
  return el("span", { class: "status status-" + s }, T[s] || s);
}

function areaLink(n) {
  if (!n.area) return n.area_name || "";
  return el("a", { href: href("/buurt", { area: n.area }) }, n.area_name);
}

/* A table: its caption, headers ({title, n}) and rows of cells. */
function table(caption, headers, rows) {
  return el("div", { class: "wide" }, el("table", {}, caption ? el("caption", {}, caption) : null,
    el("thead", {}, el("tr", {}, headers.map((h) =>
      el("th", { scope: "col", class: h.n ? "n" : null }, h.title)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c, i) =>
      el("td", { class: headers[i].n ? "n" : null }, c)))))));
}

function figures(f, k) {
  const keys = ["residents", "isolated", "formal_only", "fragile", "connected"];
  return el("div", { class: "figures" }, keys.map((key) =>
    el("div", { class: "figure" }, el("div", { class: "value" }, num(f[key])),
       el("div", { class: "label" }, T[key]))));
}

function drawing(src, caption, alt, cls) {
  return el("figure", { class: cls || null }, el("img", { src: href(src.path, src.query), alt: alt }),
            el("figcaption", {}, caption));
}

async function pageWijk(main, w) {
  main.append(el("h1", {}, w.title || T.wijk),
              el("p", { class: "lead" }, fill(T.intro_wijk, w.min_cell)));
  const pics = el("div", { class: "drawings" });
  if (w.has_map) pics.append(drawing({ path: "/api/map.svg" }, T.map, T.map));
  pics.append(drawing({ path: "/api/wijk.svg" }, T.drawing, T.drawing));
  const cols = ["residents", "isolated", "formal_only", "fragile", "connected", "brokers"];
  const rows = w.areas.map((a) => [
    a.area ? el("a", { href: href("/buurt", { area: a.area }) }, a.name) : a.name,
    ...(a.suppressed ? [el("span", { class: "suppressed" }, fill(T.small, w.min_cell)), "", "",
                        "", "", ""]
                     : cols.map((c) => num(a.figures[c])))]);
  main.append(el("h2", {}, T.areas),
              table(null, [{ title: T.area }, ...cols.map((c) => ({ title: T[c], n: 1 }))], rows),
              el("h2", {}, T.drawing), pics);
}

/* A list's table: the rows of /api/lists, numbered from @first, with the reason in words. */
function listTable(kind, rows, caption, first) {
  const headers = [{ title: T.rank, n: 1 }, { title: T.id }, { title: T.area },
                   kind === "risk" ? { title: T.status } : { title: T.kind },
                   { title: kind === "risk" ? T.why_risk : kind === "persons" ? T.connects
                                                                            : T.reaches }];
  return table(caption, headers, rows.map((r, i) => [num(first + i), nodeLink(r), areaLink(r),
    kind === "risk" ? statusBadge(r.status) : r.type_name, r.words]));
}

async function pageBuurt(main, w) {
  const code = params.get("area");
  const b = await api("buurt", { area: code });
  main.append(el("h1", {}, b.name), figures(b.figures, w.min_cell));
  for (const kind of ["risk", "persons", "places"]) {
    const l = await api("lists", { kind: kind, area: code, limit: kind === "risk" ? 25 : 10 });
    main.append(el("h2", {}, T[kind]),
                el("p", { class: "lead" }, T["intro_" + kind]),
                l.rows.length ? listTable(kind, l.rows, T[kind] + " — " + b.name, 1)
                              : el("p", {}, T.none),
                el("p", {}, el("a", { href: href("/lists", { kind: kind, area: code }) }, T.all)));
  }
}

const sortable = {
  risk: ["rank", "isolation_index", "informal_degree", "formal_degree"],
  persons: ["rank", "at_risk_reach", "only_link", "areas"],
  places: ["rank", "members", "at_risk_members", "only_link"]
};

function select(id, label, options, value) {
  const s = el("select", { id: id, name: id }, options.map(([v, t]) =>
    el("option", { value: v, selected: v === value ? "" : null }, t)));
  return el("label", {}, label, s);
}

async function pageLists(main, w) {
  const kind = ["risk", "persons", "places"].includes(params.get("kind")) ? params.get("kind")
                                                                           : "risk";
  const query = { kind: kind, area: params.get("area") || "", status: params.get("status") || "",
                  sort: params.get("sort") || "rank" };
  main.append(el("h1", {}, T[kind]), el("p", { class: "lead" }, T["intro_" + kind]));
  const areas = w.areas.filter((a) => a.area).map((a) => [a.area, a.name]);
  const form = el("form", { class: "controls", method: "get", action: "/lists" },
    el("input", { type: "hidden", name: "kind", value: kind }),
    lang === "en" ? el("input", { type: "hidden", name: "lang", value: "en" }) : null,
    select("area", T.area, [["", T.whole], ...areas], query.area),
    kind === "risk" ? select("status", T.status, [["", T.any],
      ...["isolated", "formal_only", "fragile"].map((s) => [s, T[s]])], query.status) : null,
    select("sort", T.sort, sortable[kind].map((c) => [c, c === "rank" ? T.rank :
                                                       T[c === "areas" ? "areas_n" : c]]),
           query.sort),
    el("button", { type: "submit" }, T.go));
  main.append(form);
  let offset = 0;
  const holder = el("div");
  const more = el("button", { type: "button", id: "more" }, T.more);
  main.append(holder, more);
  async function load() {
    const l = await api("lists", Object.assign({ offset: offset, limit: 50 }, query));
    holder.append(l.rows.length || offset ? listTable(kind, l.rows, null, offset + 1) : el("p", {}, T.none));
    offset += l.rows.length;
    more.hidden = !l.more;
  }
  more.addEventListener("click", () => load().catch(showError));
  await load();
}

function sector(title, s) {
  if (!s.total) return null;
  const note = s.contacts.length < s.total ? " (" + s.contacts.length + " " + T.of + " " +
                                             s.total + " " + T.shown + ")" : "";
  return el("div", { class: "sector" }, el("h3", {}, title + " — " + s.total + note),
    table(null, [{ title: T.id }, { title: T.kind }, { title: T.area }, { title: T.relations },
                 { title: T.weight, n: 1 }],
          s.contacts.map((c) => [nodeLink(c), c.type_name, areaLink(c), c.relations,
                                 num(c.weight)])));
}

/* Suggestions with the reason, and who could introduce them when the table says. */
function suggestionTable(rows, who) {
  const withIntro = rows.some((s) => s.introducer);
  const headers = [{ title: who }, { title: T.kind }, { title: T.area },
                   { title: T.why_suggest }];
  if (withIntro) headers.push({ title: T.introducer });
  return table(null, headers, rows.map((s) => {
    const row = [nodeLink(s), s.type_name, areaLink(s), s.reason];
    if (withIntro) row.push(s.introducer ? nodeLink(s.introducer) : "");
    return row;
  }));
}

async function pageNode(main) {
  const n = await api("node", { id: params.get("id") || "" });
  document.title = n.id + " — wijknet";
  main.append(el("h1", {}, n.label ? n.id + " (" + n.label + ")" : n.id),
              el("p", { class: "lead" }, n.type_name, n.area_name ? " · " : "", areaLink(n), " ",
                 n.status !== "not_resident" ? statusBadge(n.status) : ""));
  if (n.isolation) {
    main.append(el("p", { id: "reasons" }, n.isolation.words),
      el("div", { class: "figures" }, ["isolation_index", "informal_degree", "formal_degree",
        "groups"].map((k) => el("div", { class: "figure" },
          el("div", { class: "value" }, num(n.isolation[k])),
          el("div", { class: "label" }, T[k])))));
  }
  if (n.key_figure) {
    const k = n.key_figure;
    main.append(el("h2", {}, T.key), el("p", { id: "key-words" }, k.words),
      k.only_link.length ? el("p", {}, T.only_link + ": ", k.only_link.map((o, i) =>
        [i ? ", " : "", nodeLink(o)])) : null,
      k.groups.length ? el("p", {}, T.in_groups + ": ", k.groups.map((o, i) =>
        [i ? ", " : "", nodeLink(o)])) : null);
  }
  if (n.type === "resident") {
    main.append(el("h2", {}, T.suggest));
    main.append(n.suggestions.length ? suggestionTable(n.suggestions, T.could_meet)
                : el("p", {}, n.status === "connected" ? T.suggest_connected : T.suggest_none));
  }
  if (n.suggested_to.length) {
    main.append(el("h2", {}, T.suggested_to + " …"),
                suggestionTable(n.suggested_to, T.for_resident));
  }
  main.append(el("h2", {}, T.ecomap), el("div", { class: "drawings" },
    drawing({ path: "/api/node.svg", query: { id: n.id } }, T.ecomap + " " + n.id,
            T.ecomap + " " + n.id, "ego")));
  main.append(el("h2", {}, T.contacts));
  const c = n.contacts;
  const parts = ["family", "informal", "groups", "formal", "conflict"].map((s) =>
    sector(T[s], c[s])).filter((x) => x);
  main.append(...(parts.length ? parts : [el("p", {}, T.none)]));
}

async function pageSearch(main, w) {
  const q = params.get("q") || "";
  main.append(el("h1", {}, w.show_labels ? T.search_labels : T.search_for));
  if (!q) return;
  const r = await api("search", { q: q });
  main.append(r.results.length
    ? table(null, [{ title: T.id }, { title: T.kind }, { title: T.area }, { title: T.status }],
            r.results.map((n) => [nodeLink(n), n.type_name, areaLink(n),
                                  n.status !== "not_resident" ? statusBadge(n.status) : ""]))
    : el("p", {}, T.no_results));
}

function header(page, w) {
  document.documentElement.lang = lang;
  const nav = document.getElementById("nav");
  const links = [["wijk", "/", {}], ["risk", "/lists", { kind: "risk" }],
                 ["persons", "/lists", { kind: "persons" }],
                 ["places", "/lists", { kind: "places" }]];
  const kind = params.get("kind") || "risk";
  for (const [key, path, query] of links) {
    const current = (page === "wijk" && key === "wijk") || (page === "lists" && key === kind);
    nav.append(el("a", { href: href(path, query), class: current ? "current" : null,
                         id: "nav-" + key }, T[key]));
  }
  document.getElementById("home").setAttribute("href", href("/"));
  const q = document.getElementById("q");
  q.value = params.get("q") || "";
  q.setAttribute("placeholder", w.show_labels ? T.search_labels : T.search_for);
  q.setAttribute("aria-label", T.search);
  document.getElementById("search-go").textContent = T.go;
  const hidden = document.getElementById("search-lang");
  if (lang === "en") hidden.value = "en"; else hidden.remove();
  const other = new URLSearchParams(location.search);
  if (lang === "en") other.delete("lang"); else other.set("lang", "en");
  other.delete("token");
  const s = other.toString();
  const toggle = document.getElementById("lang");
  toggle.setAttribute("href", location.pathname + (s ? "?" + s : ""));
  toggle.textContent = T.other;
}

function showError(e) {
  document.getElementById("main").append(el("p", { class: "error" },
    e.message === "no such node" || e.message === "no such area" ? T.not_found
                                                                 : T.error + e.message));
}

async function start() {
  const page = { "/": "wijk", "/buurt": "buurt", "/lists": "lists", "/node": "node",
                 "/search": "search" }[location.pathname];
  const main = document.getElementById("main");
  if (params.has("token")) {
    /* the token now lives in a cookie: keep it out of the address bar and history */
    const clean = new URLSearchParams(location.search);
    clean.delete("token");
    const s = clean.toString();
    history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
  }
  const w = await api("wijk");
  header(page, w);
  main.replaceChildren();
  const pages = { wijk: pageWijk, buurt: pageBuurt, lists: pageLists, node: pageNode,
                  search: pageSearch };
  await pages[page](main, w);
}

start().catch(showError);
