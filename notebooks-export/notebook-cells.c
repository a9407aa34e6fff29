/* notebook-cells.c: the cells of the notebook: what the data are, how each figure was made */
/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "notebook-private.h"

#include <string.h>

/*
 * The code cells. They read only the data folder, run in a plain Python 3 kernel with
 * pandas, NetworkX and matplotlib, and hold for any dataset: without residents, areas,
 * coordinates, ties or brokers each cell says so instead of failing.
 */
static const char code_setup[] =
    "import json\n"
    "from pathlib import Path\n"
    "\n"
    "import matplotlib.pyplot as plt\n"
    "import networkx as nx\n"
    "import pandas as pd\n"
    "from IPython.display import display\n"
    "\n"
    "%matplotlib inline\n"
    "pd.set_option('display.max_columns', 40)\n"
    "\n"
    "# The data folder lies beside this notebook; keep the two together.\n"
    "DATA = Path(@DATA@)\n"
    "DIRECTED = @DIRECTED@\n"
    "with open(DATA / 'run.json', encoding='utf-8') as f:\n"
    "    run = json.load(f)\n"
    "print('wijknet', run.get('wijknet'), '|', ' '.join(run.get('command_line') or []))\n";

static const char code_load[] =
    "# Only an empty cell is a missing value, so an id such as 'NA' stays a string.\n"
    "TEXT = {c: str for c in ['id', 'type', 'label', 'area', 'status', 'source', 'target',\n"
    "                         'group', 'reason', 'name']}\n"
    "\n"
    "\n"
    "def read(name):\n"
    "    path = DATA / name\n"
    "    if not path.exists():\n"
    "        return None\n"
    "    return pd.read_csv(path, dtype=TEXT, keep_default_na=False, na_values=[''],\n"
    "                       encoding='utf-8')\n"
    "\n"
    "\n"
    "nodes = read('nodes.csv')\n"
    "ties = read('ties.csv')\n"
    "brokers = read('brokers.csv')\n"
    "areas = read('areas.csv')  # small cells suppressed\n"
    "residents = nodes[nodes['type'] == 'resident']\n"
    "print(f'{len(nodes)} nodes ({len(residents)} residents), {len(ties)} ties')\n"
    "nodes.head()\n";

static const char code_graph[] =
    "G = nx.DiGraph() if DIRECTED else nx.Graph()\n"
    "for row in nodes.to_dict('records'):\n"
    "    G.add_node(row['id'], **{k: v for k, v in row.items() if k != 'id' and pd.notna(v)})\n"
    "for row in ties.to_dict('records'):\n"
    "    G.add_edge(row['source'], row['target'],\n"
    "               **{k: v for k, v in row.items() if k not in ('source', 'target')})\n"
    "print(G)\n"
    "print('connected components:',\n"
    "      nx.number_weakly_connected_components(G) if G.is_directed()\n"
    "      else nx.number_connected_components(G))\n";

static const char code_at_risk[] =
    "AT_RISK = ['isolated', 'formal_only', 'fragile']\n"
    "if len(residents) == 0:\n"
    "    print('This dataset has no residents, so no one is at risk of isolation.')\n"
    "else:\n"
    "    display(residents['status'].value_counts().rename('residents').to_frame())\n"
    "    at_risk = residents[residents['status'].isin(AT_RISK)].sort_values(\n"
    "        'isolation_index', ascending=False, kind='stable')\n"
    "    shown = [c for c in ['id', 'label', 'area', 'status', 'isolation_index', 'vulnerable',\n"
    "                         'informal_degree', 'informal_strength', 'reach2', 'weak_share',\n"
    "                         'formal_degree', 'groups', 'team_distance'] if c in at_risk]\n"
    "    print(f'{len(at_risk)} residents at risk; the 25 with the highest isolation index:')\n"
    "    display(at_risk[shown].head(25).reset_index(drop=True))\n";

static const char code_key_figures[] =
    "shown = [c for c in ['id', 'label', 'type', 'area', 'degree', 'betweenness',\n"
    "                     'at_risk_reach'] if c in nodes]\n"
    "if 'betweenness' in nodes and nodes['betweenness'].notna().any():\n"
    "    print('Top 10 by betweenness:')\n"
    "    display(nodes.sort_values('betweenness', ascending=False, kind='stable')[shown]\n"
    "            .head(10).reset_index(drop=True))\n"
    "if brokers is not None and len(brokers) > 0:\n"
    "    print('Top 10 brokers (Gould-Fernandez, by area):')\n"
    "    display(brokers.head(10))\n"
    "else:\n"
    "    print('No node brokers a pair of contacts who are not tied to each other.')\n";

static const char code_isolation_histogram[] =
    "fig, ax = plt.subplots(figsize=(7, 4))\n"
    "values = residents['isolation_index'].dropna()\n"
    "if len(values) > 0:\n"
    "    ax.hist(values, bins=[i / 20 for i in range(21)], color='#b2182b', edgecolor='white')\n"
    "else:\n"
    "    ax.text(0.5, 0.5, 'no residents in this dataset', ha='center', va='center',\n"
    "            transform=ax.transAxes)\n"
    "ax.set_xlim(0, 1)\n"
    "ax.set_xlabel('isolation index (0 = well connected, 1 = no informal tie)')\n"
    "ax.set_ylabel('residents')\n"
    "ax.set_title('Distribution of the isolation index')\n"
    "plt.show()\n";

static const char code_area_shares[] =
    "fig, ax = plt.subplots(figsize=(8, 4))\n"
    "if len(residents) > 0:\n"
    "    by_area = residents.assign(area=residents['area'].fillna('(no area)'))\n"
    "    shares = (pd.crosstab(by_area['area'], by_area['status'], normalize='index')\n"
    "              .reindex(columns=AT_RISK, fill_value=0.0))\n"
    "    order = shares.sum(axis=1).sort_values(ascending=False, kind='stable').index\n"
    "    shares = shares.loc[order]\n"
    "    shares.head(30).plot.bar(stacked=True, ax=ax, color=['#b2182b', '#ef8a62', '#fddbc7'])\n"
    "    ax.set_ylim(0, 1)\n"
    "    ax.set_xlabel('area' if len(shares) <= 30 else 'area (the 30 with the highest share)')\n"
    "else:\n"
    "    ax.text(0.5, 0.5, 'no residents in this dataset', ha='center', va='center',\n"
    "            transform=ax.transAxes)\n"
    "ax.set_ylabel('share of residents')\n"
    "ax.set_title('Residents at risk per area, by status')\n"
    "plt.show()\n"
    "if areas is not None:\n"
    "    display(areas)\n";

static const char code_drawing[] =
    "colours = {'isolated': '#b2182b', 'formal_only': '#ef8a62', 'fragile': '#f4a582',\n"
    "           'connected': '#4393c3', 'not_resident': '#999999'}\n"
    "placed = nodes.dropna(subset=['lat', 'lon'])\n"
    "fig, ax = plt.subplots(figsize=(7, 7))\n"
    "if len(placed) > 0:\n"
    "    ax.scatter(placed['lon'], placed['lat'], s=10,\n"
    "               c=placed['status'].map(colours).fillna('#999999'))\n"
    "    ax.set_xlabel('longitude')\n"
    "    ax.set_ylabel('latitude')\n"
    "    ax.set_title('Nodes by position, coloured by status')\n"
    "elif 0 < G.number_of_nodes() <= 500:\n"
    "    pos = nx.spring_layout(G, seed=1)\n"
    "    nx.draw_networkx(G, pos, ax=ax, node_size=60, with_labels=False, width=0.5,\n"
    "                     node_color=[colours.get(G.nodes[v].get('status'), '#999999')\n"
    "                                 for v in G])\n"
    "    ax.set_title('The network, coloured by status (spring layout, seed 1)')\n"
    "    ax.set_axis_off()\n"
    "else:\n"
    "    ax.text(0.5, 0.5, 'no coordinates, and too many nodes to draw here', ha='center',\n"
    "            va='center', transform=ax.transAxes)\n"
    "    ax.set_axis_off()\n"
    "plt.show()\n";

static const char code_provenance[] = "print(json.dumps(run, indent=2, ensure_ascii=False))\n";

static const char *
metadata_or(const WnNetwork *net, const char *key, const char *fallback)
{
    const char *value = wn_network_metadata(net, key);
    return value != NULL && value[0] != '\0' ? value : fallback;
}

/* "- **Source:** …" for each piece of dataset.json that is there. */
static void
append_metadata_list(GString *md, const WnNetwork *net, const char *dataset)
{
    static const char *const keys[] = {"source", "citation", "licence", "collection_date"};
    static const char *const names[] = {"Source", "Citation", "Licence", "Collected"};
    for (gsize i = 0; i < G_N_ELEMENTS(keys); i++) {
        const char *value = metadata_or(net, keys[i], NULL);
        if (value != NULL) {
            g_string_append_printf(md, "- **%s:** ", names[i]);
            nb_append_markdown_inline(md, value);
            g_string_append_c(md, '\n');
        }
    }
    if (dataset != NULL) {
        g_string_append(md, "- **Dataset folder:** ");
        nb_append_markdown_inline(md, dataset);
        g_string_append_c(md, '\n');
    }
}

static void
append_count(GString *md, const char *what, gsize count)
{
    g_string_append_printf(md, "| %s | %" G_GSIZE_FORMAT " |\n", what, count);
}

static void
append_counts(GString *md, const WnSummary *s)
{
    g_string_append(md, "\n| what | count |\n|---|---:|\n");
    append_count(md, "nodes", s->nodes);
    append_count(md, "residents", s->nodes_by_kind[WN_NODE_RESIDENT]);
    append_count(md, "professionals", s->nodes_by_kind[WN_NODE_PROFESSIONAL]);
    append_count(md, "groups", s->nodes_by_kind[WN_NODE_GROUP]);
    append_count(md, "organisations", s->nodes_by_kind[WN_NODE_ORGANISATION]);
    append_count(md, "ties (repeated rows merged, conflicts left out)", s->ties);
    append_count(md, "formal ties", s->formal_ties);
    append_count(md, "informal ties", s->informal_ties);
    append_count(md, "conflict pairs", s->ties_by_kind[WN_TIE_CONFLICT]);
    append_count(md, "connected components", s->components);
    append_count(md, "nodes in the largest component", s->largest_component);
    append_count(md, "residents without an informal tie", s->residents_without_informal_tie);
    append_count(md, "vulnerable residents", s->vulnerable_residents);
}

static gboolean
add_intro(GPtrArray *cells, const WnNetwork *net, const char *dataset,
          const WnNotebookOptions *opts, GError **error)
{
    WnSummary summary;
    if (!wn_network_summarise(net, &summary, error)) {
        return FALSE;
    }
    g_autofree char *base = dataset != NULL ? g_path_get_basename(dataset) : NULL;
    GString *md = nb_cells_add(cells, FALSE, "intro");
    g_string_append(md, "# ");
    nb_append_markdown_inline(md, metadata_or(net, "title", base != NULL ? base : "A network"));
    g_string_append(md, "\n\n");
    if (metadata_or(net, "description", NULL) != NULL) {
        nb_append_markdown_inline(md, metadata_or(net, "description", NULL));
        g_string_append(md, "\n\n");
    }
    append_metadata_list(md, net, dataset);
    append_counts(md, &summary);
    g_string_append_printf(md,
                           "\nThe network is %s. This notebook was written by wijknet %s "
                           "(`wijknet export --to notebook`); labels (names) are %s.\n",
                           wn_network_is_directed(net) ? "directed" : "undirected", wn_version(),
                           opts->show_labels ? "included (`--show-labels`)"
                                             : "left out (`--show-labels` includes them)");
    return TRUE;
}

static void
add_data(GPtrArray *cells, const char *data_dir_name)
{
    GString *md = nb_cells_add(cells, FALSE, "data");
    g_string_append(md, "## The data\n\nThe folder **");
    nb_append_markdown_inline(md, data_dir_name);
    g_string_append(md, "** beside this notebook holds what wijknet computed; paths are "
                        "relative to the notebook, so keep the two together.\n\n"
                        "- `nodes.csv`: one row per node with every measure of wijknet's "
                        "registry and, for residents, the isolation columns (others have "
                        "status `not_resident`); an empty cell is a missing value.\n"
                        "- `ties.csv`: `source`, `target`, `type` (the first row's), `weight` "
                        "(the sum over the tie's relations), `formal` (1 when a professional "
                        "or an organisation is at either end), `relations` (all of the tie's, "
                        "separated by `|`); conflicts left out.\n"
                        "- `areas.csv`: the figures of each area as `wijknet map` gives them, "
                        "small cells suppressed (a count below 10 reads `<10`, one that would "
                        "give a hidden cell away `x`): safe to share.\n"
                        "- `brokers.csv`: every node that brokers a pair of contacts who are "
                        "not tied, by area (Gould–Fernandez), ranked.\n"
                        "- `run.json`: the run manifest: the wijknet version, command line, "
                        "options and the SHA-256 of each input file.\n");
}

static void
add_setup(GPtrArray *cells, const WnNetwork *net, const char *data_dir_name)
{
    g_autoptr(GString) literal = g_string_new(NULL);
    wn_notebook_append_json_string(literal, data_dir_name); /* also a Python literal */
    GString *code = nb_cells_add(cells, TRUE, "setup");
    g_string_append(code, code_setup);
    g_string_replace(code, "@DATA@", literal->str, 1);
    g_string_replace(code, "@DIRECTED@", wn_network_is_directed(net) ? "True" : "False", 1);
}

static char *
format_number(double value)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_formatd(buf, sizeof buf, "%g", value));
}

/* The registry of measures, as `wijknet measures --list` shows it. */
static void
append_measure_table(GString *md)
{
    gsize n = 0;
    const WnMeasureInfo *all = wn_measure_list(&n);
    g_string_append(md, "| column | what it measures |\n|---|---|\n");
    for (gsize i = 0; i < n; i++) {
        g_string_append_printf(md, "| `%s` | ", all[i].name);
        nb_append_markdown_inline(md, all[i].summary);
        g_string_append(md, " |\n");
    }
}

static void
append_isolation_rules(GString *md, const WnIsolationOptions *o)
{
    g_autofree char *ws = format_number(o->weight_strength);
    g_autofree char *wr = format_number(o->weight_reach);
    g_autofree char *ww = format_number(o->weight_weak);
    g_autofree char *cs = format_number(o->cap_strength);
    g_autofree char *cr = format_number(o->cap_reach);
    g_autofree char *fw = format_number(o->fragile_weak);
    g_string_append_printf(
        md,
        "\nThe isolation columns (residents only) are computed on the informal layer, the "
        "ties with no professional or organisation at either end. `status` is `isolated` "
        "(no informal tie and no formal one), `formal_only` (no informal tie, but a "
        "professional or an organisation), `fragile` (informal degree at most %u, or "
        "`weak_share` at least %s) or `connected`. `weak_share` is the share of a "
        "resident's informal resident contacts who are at risk themselves (informal degree "
        "at most %u, or vulnerable). The isolation index, in [0, 1], ranks; it never "
        "replaces its parts:\n\n"
        "`isolation_index` = %s·(1 − min(informal_strength, %s)/%s) + %s·(1 − min(reach2, "
        "%s)/%s) + %s·weak_share (a missing weak_share counts as 1)\n",
        o->fragile_degree, fw, o->at_risk_degree, ws, cs, cs, wr, cr, cr, ww);
}

static void
add_method(GPtrArray *cells, const WnNetwork *net)
{
    WnMeasureOptions m;
    WnIsolationOptions iso;
    nb_measure_options(net, &m);
    nb_isolation_options(&iso);
    g_autofree char *sampling =
        m.samples == 0
            ? g_strdup("exact")
            : g_strdup_printf("estimated from %u sources drawn with seed %" G_GUINT64_FORMAT
                              " (so are closeness and harmonic), as `wijknet analyse` "
                              "does above 20,000 nodes",
                              m.samples, m.seed);
    GString *md = nb_cells_add(cells, FALSE, "method");
    g_string_append_printf(md,
                           "## How each figure was computed\n\nEvery measure is "
                           "computed by wijknet %s on the whole network, %s, with "
                           "betweenness %s. A directed network is measured as undirected. "
                           "The columns of `nodes.csv`:\n\n",
                           wn_version(), m.weighted ? "weighted" : "unweighted", sampling);
    append_measure_table(md);
    append_isolation_rules(md, &iso);
    g_string_append(md, "\nThe README of wijknet gives each formula with its reference.\n");
}

static void
add_pair(GPtrArray *cells, const char *id, const char *markdown, const char *code)
{
    g_autofree char *md_id = g_strconcat(id, "-md", NULL);
    g_string_append(nb_cells_add(cells, FALSE, md_id), markdown);
    g_string_append(nb_cells_add(cells, TRUE, id), code);
}

static void
add_analysis(GPtrArray *cells)
{
    g_string_append(nb_cells_add(cells, TRUE, "load"), code_load);
    add_pair(cells, "graph",
             "## The network in NetworkX\n\nOne node per row of `nodes.csv` with its columns "
             "as attributes, one edge per row of `ties.csv`.\n",
             code_graph);
    add_pair(cells, "at-risk",
             "## Residents at risk of isolation\n\nResidents whose status is `isolated`, "
             "`formal_only` or `fragile`, highest isolation index first (equal indices in "
             "the order of `nodes.csv`), with the parts of the index.\n",
             code_at_risk);
    add_pair(cells, "key-figures",
             "## Key figures\n\nThe nodes most often on the shortest way between two others "
             "(`betweenness`), and the brokers of `brokers.csv`: ranked by the pairs of "
             "unconnected contacts they broker (Gould–Fernandez total `t`), then by "
             "betweenness; `reason` says why in plain words.\n",
             code_key_figures);
    add_pair(cells, "isolation-histogram",
             "## Distribution of the isolation index\n\nResidents by isolation index, in bins "
             "of 0.05; a resident without any informal tie scores 1.\n",
             code_isolation_histogram);
    add_pair(cells, "area-shares",
             "## Risk of isolation per area\n\nFor each area, the share of its residents "
             "whose status is `isolated`, `formal_only` or `fragile` (residents without an "
             "area form `(no area)`), computed from `nodes.csv`. These are exact figures "
             "about individuals; the table below the chart is `areas.csv`, with small cells "
             "suppressed, for sharing.\n",
             code_area_shares);
    add_pair(cells, "drawing",
             "## Where they are\n\nNodes by coordinates when the dataset has them; otherwise "
             "the network drawn with a spring layout (up to 500 nodes).\n",
             code_drawing);
}

static void
add_provenance(GPtrArray *cells, const WnNotebookOptions *opts)
{
    g_autofree char *md = g_strdup_printf(
        "## Provenance\n\nMade with wijknet %s. Options: measures unweighted, betweenness "
        "exact; isolation index and thresholds at their defaults (above); brokerage by "
        "area; labels %s. `run.json` records the command line and the SHA-256 of each "
        "input file, so every figure can be traced to how it was made.\n",
        wn_version(), opts->show_labels ? "included" : "left out");
    add_pair(cells, "provenance", md, code_provenance);
}

/*
 * Fills @cells with the notebook: the dataset, its data folder @data_dir_name, how every
 * figure was computed, then loading, the NetworkX graph, tables and plots, provenance.
 * Returns: FALSE with @error set when the network cannot be summarised.
 */
gboolean
nb_add_cells(GPtrArray *cells, const WnNetwork *net, const char *dataset, const char *data_dir_name,
             const WnNotebookOptions *opts, GError **error)
{
    if (!add_intro(cells, net, dataset, opts, error)) {
        return FALSE;
    }
    add_data(cells, data_dir_name);
    add_setup(cells, net, data_dir_name);
    add_method(cells, net);
    add_analysis(cells);
    add_provenance(cells, opts);
    return TRUE;
}
