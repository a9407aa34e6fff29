#!/usr/bin/env python3
# The reference workload's own file (workload version 1, see docs/WORKLOAD.md), unchanged but for this comment,
# so that the tests and the benchmark need nothing outside the repository.
"""Steps 1-4 of the "profile" workload (docs/WORKLOAD.md) with graph-tool.

    graphtool_profile.py DATASET_DIR OUT_DIR

graph-tool (Debian `python3-graph-tool` 2.45) is the fastest open network library a
researcher can install here: C++ on the Boost Graph Library, parallel with OpenMP (it
uses every core, as wijknet does). It is the anchor for the graph kernels, so this peer
runs the steps where graph-tool's own C++ does the work: load (from pandas arrays),
centrality, holes and cuts. Isolation and suggestions would be Python loops, as in the
igraph peer, and are left out.

Prints `step <name> <seconds>` per step on stdout and writes OUT_DIR/nodes_out.csv with
the columns id,degree,strength,pagerank,coreness,betweenness,constraint,effective_size,
articulation (floats %.10g), and OUT_DIR/bridges.csv.
"""
import math
import os
import sys
import warnings

warnings.filterwarnings("ignore")
import graph_tool.all as gt  # noqa: E402
import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402


def main():
    ds, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    steps = C.Steps()
    st = {}

    def load():
        nodes, ties = C.read_dataset(ds)
        n = len(nodes)
        s = ties["s"].to_numpy(np.int64)
        t = ties["t"].to_numpy(np.int64)
        a, b = np.minimum(s, t), np.maximum(s, t)
        key = a * n + b
        uniq, inv = np.unique(key, return_inverse=True)
        w = np.bincount(inv, weights=ties["weight"].to_numpy(np.float64))
        g = gt.Graph(directed=False)
        g.add_vertex(n)
        ew = g.new_edge_property("double")
        g.add_edge_list(np.column_stack([uniq // n, uniq % n, w]), eprops=[ew])
        st["merged_rows"] = len(ties) - len(uniq)
        return nodes, g, ew

    nodes, g, ew = steps.run("load", load, capped=False)
    n = g.num_vertices()

    def centrality():
        deg = g.get_total_degrees(g.get_vertices()).astype(np.float64)
        strength = g.get_total_degrees(g.get_vertices(), eweight=ew)
        pr = gt.pagerank(g, damping=0.85, weight=ew, epsilon=1e-10).a.copy()
        core = gt.kcore_decomposition(g).a.astype(np.float64)
        if n <= C.EXACT_BETWEENNESS_MAX_NODES:
            vb, _ = gt.betweenness(g, norm=False)
            bc = vb.a.copy()
        else:
            src = np.array(C.splitmix64_sample(n, C.BETWEENNESS_SAMPLE), dtype=np.int64)
            vb, _ = gt.betweenness(g, pivots=src, norm=False)
            bc = vb.a.copy() * n / len(src)
        return deg, strength, pr, core, bc

    cen = steps.run("centrality", centrality)

    def holes():
        # Burt's constraint as sparse matrix products (graph-tool has none of its own).
        el = g.get_edges([ew])
        i, j, w = el[:, 0].astype(np.int64), el[:, 1].astype(np.int64), el[:, 2]
        W = sp.csr_matrix((np.concatenate([w, w]), (np.concatenate([i, j]), np.concatenate([j, i]))), shape=(n, n))
        s = np.asarray(W.sum(axis=1)).ravel()
        with np.errstate(divide="ignore", invalid="ignore"):
            P = sp.diags(np.where(s > 0, 1.0 / s, 0.0)) @ W
        P2 = (P @ P).multiply(W > 0)                       # indirect p_iq p_qj on i's ties
        M = (P + P2).tocsr()
        con = np.asarray(M.multiply(M).sum(axis=1)).ravel()
        d = g.get_total_degrees(g.get_vertices()).astype(np.float64)
        cc = gt.local_clustering(g).a
        es = np.where(d > 0, d - (d - 1) * cc, math.nan)
        con = np.where(d > 0, con, math.nan)
        return con, es

    hol = steps.run("holes", holes)

    def cuts():
        comp, art, _ = gt.label_biconnected_components(g)
        ap = art.a.astype(np.int8)
        # a bridge is an edge alone in its biconnected component
        lab = comp.a
        sizes = np.bincount(lab)
        el = g.get_edges()
        br = el[sizes[lab] == 1][:, :2]
        return ap, br

    cut = steps.run("cuts", cuts)

    def write():
        ids = nodes["id"].tolist()
        with open(os.path.join(out, "nodes_out.csv"), "w") as f:
            f.write("id,degree,strength,pagerank,coreness,betweenness,constraint,effective_size,articulation\n")
            cols = list(cen or [[math.nan] * n] * 5) + list(hol or [[math.nan] * n] * 2)
            ap = cut[0] if cut is not None else [0] * n
            for v in range(n):
                cells = ["" if (isinstance(x, float) and math.isnan(x)) else "%.10g" % x for x in (c[v] for c in cols)]
                f.write(",".join([ids[v]] + cells + [str(int(ap[v]))]) + "\n")
        if cut is not None:
            br = sorted((min(a, b), max(a, b)) for a, b in cut[1].tolist())
            with open(os.path.join(out, "bridges.csv"), "w") as f:
                f.write("source,target\n")
                for a, b in br:
                    f.write(f"{ids[a]},{ids[b]}\n")

    steps.run("write", write, capped=False)


if __name__ == "__main__":
    main()
