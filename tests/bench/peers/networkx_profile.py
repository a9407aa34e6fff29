#!/usr/bin/env python3
# The reference workload's own file (workload version 1, see docs/WORKLOAD.md), unchanged but for this comment,
# so that the tests and the benchmark need nothing outside the repository.
"""The "profile" workload (docs/WORKLOAD.md) written with NetworkX.

    networkx_profile.py DATASET_DIR OUT_DIR

Prints `step <name> <seconds>` per step on stdout, peak RSS after each step on stderr.
Env PROFILE_STEP_CAP=SECONDS caps each step but load (SIGALRM); a capped step prints `step <name> >SECONDS`.
"""
import math
import os
import random
import sys

import networkx as nx
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402


class FixedSample(random.Random):
    """Hands networkx's betweenness_centrality(k=...) the workload's own source sample."""

    def __init__(self, chosen):
        super().__init__(0)
        self.chosen = chosen

    def sample(self, population, k, **kw):
        assert k == len(self.chosen)
        return list(self.chosen)


def main():
    ds, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    steps = C.Steps()
    st = {}

    # 1. load --------------------------------------------------------------
    def load():
        nodes, ties = C.read_dataset(ds)
        ids = nodes["id"].tolist()
        G = nx.Graph()
        attr_cols = [c for c in nodes.columns if c != "id"]
        cols = [nodes[c].tolist() for c in attr_cols]
        G.add_nodes_from((ids[i], {c: col[i] for c, col in zip(attr_cols, cols)})
                         for i in range(len(ids)))
        u = np.minimum(ties["s"].to_numpy(), ties["t"].to_numpy())
        v = np.maximum(ties["s"].to_numpy(), ties["t"].to_numpy())
        ties = ties.assign(u=u, v=v)
        m = ties.groupby(["u", "v"], sort=False).agg(weight=("weight", "sum"), type=("type", "first"))
        uu = m.index.get_level_values(0).to_numpy()
        vv = m.index.get_level_values(1).to_numpy()
        G.add_edges_from((ids[a], ids[b], {"weight": w, "type": t})
                         for a, b, w, t in zip(uu.tolist(), vv.tolist(), m["weight"].tolist(),
                                               m["type"].tolist()))
        st["rows"] = len(ties)
        st["merged_rows"] = len(ties) - G.number_of_edges()
        return nodes, ids, G

    nodes, ids, G = steps.run("load", load, capped=False)
    n = G.number_of_nodes()
    idx = {x: i for i, x in enumerate(ids)}
    types = nodes["type"].tolist()

    # 2. centrality --------------------------------------------------------
    def centrality():
        deg = np.array([d for _, d in G.degree()], dtype=np.float64)
        strength = np.array([d for _, d in G.degree(weight="weight")], dtype=np.float64)
        pr = nx.pagerank(G, alpha=C.PAGERANK_DAMPING, weight="weight",
                         tol=C.PAGERANK_L1_TOL / n, max_iter=10000)
        pr = np.array([pr[x] for x in ids])
        core = nx.core_number(G)
        core = np.array([core[x] for x in ids], dtype=np.float64)
        if n <= C.EXACT_BETWEENNESS_MAX_NODES:
            bc = nx.betweenness_centrality(G, normalized=False)
        else:
            src = [ids[i] for i in C.splitmix64_sample(n, C.BETWEENNESS_SAMPLE)]
            bc = nx.betweenness_centrality(G, k=len(src), normalized=False, seed=FixedSample(src))
        bc = np.array([bc[x] for x in ids])
        return deg, strength, pr, core, bc

    cen = steps.run("centrality", centrality)

    # 3. holes -------------------------------------------------------------
    def holes():
        con = nx.constraint(G, weight="weight")
        es = nx.effective_size(G)
        return np.array([con[x] for x in ids]), np.array([es[x] for x in ids])

    hol = steps.run("holes", holes)

    # 4. cuts --------------------------------------------------------------
    def cuts():
        ap = np.zeros(n, dtype=np.int8)
        for x in nx.articulation_points(G):
            ap[idx[x]] = 1
        br = [(idx[a], idx[b]) for a, b in nx.bridges(G)]
        return ap, br

    cut = steps.run("cuts", cuts)

    # 5. isolation ---------------------------------------------------------
    is_res = {x: t == "resident" for x, t in zip(ids, types)}
    is_inf = {x: t in C.INFORMAL_TYPES for x, t in zip(ids, types)}

    def isolation():
        inf_nbrs = {x: [y for y in G.adj[x] if is_inf[y]] for x in ids if is_inf[x]}
        infdeg = {x: len(l) for x, l in inf_nbrs.items()}
        res_nbrs = {x: [y for y in l if is_res[y]] for x, l in inf_nbrs.items()}
        a_inf = C.nan_array(n)
        a_for = C.nan_array(n)
        a_r2 = C.nan_array(n)
        a_ws = C.nan_array(n)
        for i, x in enumerate(ids):
            if not is_res[x]:
                continue
            nb = inf_nbrs[x]
            d = len(nb)
            a_inf[i] = d
            a_for[i] = G.degree(x) - d
            S = set(res_nbrs[x])
            for y in nb:
                S.update(res_nbrs[y])
            S.discard(x)
            a_r2[i] = len(S)
            if d:
                a_ws[i] = sum(1 for y in nb if infdeg[y] <= 1) / d
        return a_inf, a_for, a_r2, a_ws

    iso = steps.run("isolation", isolation)

    # 6. suggest -----------------------------------------------------------
    def suggest(a_inf):
        interests = C.interests_sets(nodes)
        area = nodes["area"].tolist()
        result = []
        for i, x in enumerate(ids):
            if not is_res[x] or a_inf[i] > 1:
                continue
            if not area[i]:                     # no area: nothing to match
                result.append((i, []))
                continue
            Nx = G.adj[x]
            cand = set()
            for z in Nx:
                for c in G.adj[z]:
                    if c != x and is_res[c] and c not in Nx and area[idx[c]] == area[i]:
                        cand.add(c)
            if not cand:
                result.append((i, []))
                continue
            scores = {}
            for u, c, p in nx.adamic_adar_index(G, [(x, c) for c in cand]):
                j = idx[c]
                scores[j] = p + (1.0 if interests[i] & interests[j] else 0.0)
            result.append((i, C.top_k(scores)))
        return result

    sug = steps.run("suggest", suggest, iso[0]) if iso is not None else steps.skip("suggest", "isolation capped")

    # 7. areas -------------------------------------------------------------
    def areas(a_inf):
        tab = C.areas_table(nodes, a_inf)
        tab.to_csv(os.path.join(out, "areas.csv"), index=False, float_format="%.10g")
        return tab

    if iso is not None:
        steps.run("areas", areas, iso[0])
    else:
        steps.skip("areas", "isolation capped")

    # 8. write -------------------------------------------------------------
    def write():
        na = C.nan_array(n)
        cols = []
        names = ["degree", "strength", "pagerank", "coreness", "betweenness"]
        cols += list(zip(names, cen if cen is not None else [na] * 5))
        cols += list(zip(["constraint", "effective_size"], hol if hol is not None else [na] * 2))
        cols.append(("articulation", cut[0] if cut is not None else na))
        cols += list(zip(["informal_degree", "formal_degree", "reach2", "weak_share"],
                         iso if iso is not None else [na] * 4))
        summary = {"peer": "networkx", "networkx": nx.__version__, "nodes": n,
                   "tie_rows": st["rows"], "ties": G.number_of_edges(),
                   "merged_rows": st["merged_rows"], "capped_steps": sorted(steps.capped)}
        if cut is not None:
            summary["articulation_points"] = int(cut[0].sum())
            summary["bridges"] = len(cut[1])
        if sug is not None:
            summary["suggest_residents"] = len(sug)
            summary["suggestions"] = sum(len(t) for _, t in sug)
        C.write_results(out, nodes, cols, cut[1] if cut is not None else None, sug, summary)

    steps.run("write", write)


if __name__ == "__main__":
    main()
