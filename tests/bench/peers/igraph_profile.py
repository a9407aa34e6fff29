#!/usr/bin/env python3
# The reference workload's own file (workload version 1, see docs/WORKLOAD.md), unchanged but for this comment,
# so that the tests and the benchmark need nothing outside the repository.
"""The "profile" workload (docs/WORKLOAD.md) written with python-igraph.

    igraph_profile.py DATASET_DIR OUT_DIR

Prints `step <name> <seconds>` per step on stdout, peak RSS after each step on stderr.
Env PROFILE_STEP_CAP=SECONDS caps each step but load (SIGALRM); a capped step prints `step <name> >SECONDS`.

python-igraph 0.10.2 (Debian 12) has no `sources=` argument to Graph.betweenness(), so
the sampled betweenness above 20,000 nodes is Brandes' accumulation written in numpy
on top of igraph's C breadth-first search (Graph.bfs), from the same 256 sources.
"""
import math
import os
import sys

import igraph as ig
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402


def sampled_betweenness(g, sources):
    """Unnormalised betweenness estimated from `sources`: 0.5 * n/k * sum of dependencies."""
    n = g.vcount()
    el = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    asrc = np.concatenate([el[:, 0], el[:, 1]])
    adst = np.concatenate([el[:, 1], el[:, 0]])
    del el
    bc = np.zeros(n)
    for s in sources:
        vids, layers, _ = g.bfs(s)
        vids = np.asarray(vids, dtype=np.int64)
        layers = np.asarray(layers, dtype=np.int64)
        nlev = len(layers) - 1
        d = np.full(n, -1, dtype=np.int32)
        d[vids] = np.repeat(np.arange(nlev, dtype=np.int32), np.diff(layers))
        ds = d[asrc]
        mask = (ds >= 0) & (d[adst] == ds + 1)
        du, dv, lv = asrc[mask], adst[mask], ds[mask].astype(np.int16)
        order = np.argsort(lv, kind="stable")
        du, dv, lv = du[order], dv[order], lv[order]
        bounds = np.searchsorted(lv, np.arange(nlev + 1))
        sigma = np.zeros(n)
        sigma[s] = 1.0
        for lvl in range(nlev - 1):
            a, b = bounds[lvl], bounds[lvl + 1]
            sigma += np.bincount(dv[a:b], weights=sigma[du[a:b]], minlength=n)
        delta = np.zeros(n)
        for lvl in range(nlev - 2, -1, -1):
            a, b = bounds[lvl], bounds[lvl + 1]
            u, v = du[a:b], dv[a:b]
            delta += np.bincount(u, weights=sigma[u] / sigma[v] * (1.0 + delta[v]), minlength=n)
        delta[s] = 0.0
        bc += delta
    return bc * 0.5 * n / len(sources)


def main():
    ds, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    steps = C.Steps()
    st = {}

    # 1. load --------------------------------------------------------------
    def load():
        nodes, ties = C.read_dataset(ds)
        n = len(nodes)
        edges = np.column_stack([ties["s"].to_numpy(), ties["t"].to_numpy()]).tolist()
        g = ig.Graph(n=n, edges=edges, directed=False)
        for c in nodes.columns:
            g.vs[c] = nodes[c].tolist()
        g.es["weight"] = ties["weight"].tolist()
        g.es["type"] = ties["type"].tolist()
        g.simplify(multiple=True, loops=False, combine_edges={"weight": "sum", "type": "first"})
        st["rows"] = len(ties)
        st["merged_rows"] = len(ties) - g.ecount()
        return nodes, g

    nodes, g = steps.run("load", load, capped=False)
    n = g.vcount()
    types = nodes["type"].to_numpy()
    res_mask = types == "resident"
    inf_mask = np.isin(types, C.INFORMAL_TYPES)

    # 2. centrality --------------------------------------------------------
    def centrality():
        deg = np.array(g.degree(), dtype=np.float64)
        strength = np.array(g.strength(weights="weight"), dtype=np.float64)
        pr = np.array(g.pagerank(damping=C.PAGERANK_DAMPING, weights="weight", directed=False))
        core = np.array(g.coreness(), dtype=np.float64)
        if n <= C.EXACT_BETWEENNESS_MAX_NODES:
            bc = np.array(g.betweenness(directed=False))
        else:
            bc = sampled_betweenness(g, C.splitmix64_sample(n, C.BETWEENNESS_SAMPLE))
        return deg, strength, pr, core, bc

    cen = steps.run("centrality", centrality)

    # 3. holes -------------------------------------------------------------
    def holes():
        con = np.array(g.constraint(weights="weight"), dtype=np.float64)
        d = np.array(g.degree(), dtype=np.float64)
        cc = np.array(g.transitivity_local_undirected(mode="zero"), dtype=np.float64)
        es = np.where(d > 0, d - (d - 1) * cc, math.nan)   # Borgatti: d - 2t/d
        return con, es

    hol = steps.run("holes", holes)

    # 4. cuts --------------------------------------------------------------
    def cuts():
        ap = np.zeros(n, dtype=np.int8)
        ap[g.articulation_points()] = 1
        br = [g.es[e].tuple for e in g.bridges()]
        return ap, br

    cut = steps.run("cuts", cuts)

    # 5. isolation ---------------------------------------------------------
    def isolation():
        inf_vids = np.flatnonzero(inf_mask)
        gi = g.induced_subgraph(inf_vids.tolist(), implementation="create_from_scratch")
        # induced_subgraph keeps the vertices in increasing id order
        gi_res = res_mask[inf_vids]
        d_inf = np.array(gi.degree(), dtype=np.int64)
        local_res = np.flatnonzero(gi_res)
        reach2 = np.zeros(len(local_res), dtype=np.int64)
        chunk = 20000
        for c0 in range(0, len(local_res), chunk):
            vs = local_res[c0:c0 + chunk].tolist()
            hoods = gi.neighborhood(vs, order=2, mindist=1)
            lens = np.fromiter((len(h) for h in hoods), dtype=np.int64, count=len(hoods))
            flat = np.fromiter((x for h in hoods for x in h), dtype=np.int64, count=int(lens.sum()))
            cs = np.concatenate([[0], np.cumsum(gi_res[flat].astype(np.int64))])
            ends = np.cumsum(lens)
            reach2[c0:c0 + chunk] = cs[ends] - cs[ends - lens]
        el = np.array(gi.get_edgelist(), dtype=np.int64).reshape(-1, 2)
        weak = (d_inf <= 1).astype(np.float64)
        wcount = np.bincount(el[:, 0], weights=weak[el[:, 1]], minlength=gi.vcount()) + \
            np.bincount(el[:, 1], weights=weak[el[:, 0]], minlength=gi.vcount())
        a_inf = C.nan_array(n)
        a_for = C.nan_array(n)
        a_r2 = C.nan_array(n)
        a_ws = C.nan_array(n)
        rv = inf_vids[local_res]
        di = d_inf[local_res].astype(np.float64)
        a_inf[rv] = di
        a_for[rv] = np.array(g.degree(rv.tolist()), dtype=np.float64) - di
        a_r2[rv] = reach2
        with np.errstate(invalid="ignore", divide="ignore"):
            a_ws[rv] = np.where(di > 0, wcount[local_res] / di, math.nan)
        return a_inf, a_for, a_r2, a_ws

    iso = steps.run("isolation", isolation)

    # 6. suggest -----------------------------------------------------------
    def suggest(a_inf):
        interests = C.interests_sets(nodes)
        area = nodes["area"].tolist()
        is_res = res_mask.tolist()
        adj = g.get_adjlist()
        deg = g.degree()
        inv_log = [1.0 / math.log(d) if d > 1 else 0.0 for d in deg]
        result = []
        for i in np.flatnonzero(res_mask & (a_inf <= 1)).tolist():
            ai = area[i]
            if not ai:                           # no area: nothing to match
                result.append((i, []))
                continue
            Ni = set(adj[i])
            scores = {}
            for z in adj[i]:
                w = inv_log[z]
                for c in adj[z]:
                    if c != i and is_res[c] and area[c] == ai and c not in Ni:
                        scores[c] = scores.get(c, 0.0) + w
            for c in scores:
                if interests[i] & interests[c]:
                    scores[c] += 1.0
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
        summary = {"peer": "python-igraph", "igraph": ig.__version__, "nodes": n,
                   "tie_rows": st["rows"], "ties": g.ecount(),
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
