# The reference workload's own file (workload version 1, see docs/WORKLOAD.md), unchanged but for this comment,
# so that the tests and the benchmark need nothing outside the repository.
"""Shared, library-neutral parts of the profile workload peers (see docs/WORKLOAD.md).

Only things that are the same whatever graph library is used live here: reading and
validating the two CSV files with pandas, the deterministic betweenness source sample,
step timing, and writing the result files. Everything that touches a graph is in the
peer scripts themselves.
"""
import json
import math
import os
import resource
import signal
import sys
import time

import numpy as np
import pandas as pd

NODE_TYPES = {"resident": "resident", "bewoner": "resident",
              "professional": "professional",
              "group": "group", "groep": "group",
              "organisation": "organisation", "organisatie": "organisation"}
INFORMAL_TYPES = ("resident", "group")
TRUE = {"1", "true", "yes", "ja"}
FALSE = {"0", "false", "no", "nee", ""}

EXACT_BETWEENNESS_MAX_NODES = 20000
BETWEENNESS_SAMPLE = 256
BETWEENNESS_SEED = 12345
PAGERANK_DAMPING = 0.85
PAGERANK_L1_TOL = 1e-10          # stop when the L1 change of one iteration is below this
SUGGEST_TOP = 5
M64 = (1 << 64) - 1


class DatasetError(Exception):
    pass


class StepTimeout(Exception):
    pass


def _sniff(path):
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                return ";" if line.count(";") > line.count(",") else ","
    raise DatasetError("%s: line 1: expected a header line" % path)


def _read(path, required):
    sep = _sniff(path)
    df = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                     skip_blank_lines=True, engine="c")
    df.columns = [c.strip().lower() for c in df.columns]
    for c in required:
        if c not in df.columns:
            raise DatasetError("%s: line 1: expected a column named '%s'" % (path, c))
    first = df.columns[0]
    comment = df[first].str.startswith("#")
    if comment.any():
        df = df[~comment].reset_index(drop=True)
    return df, sep


def _number(series, sep, path, col, default):
    s = series.str.strip()
    if sep == ";":
        s = s.str.replace(",", ".", regex=False)
    s = s.where(s != "", str(default))
    v = pd.to_numeric(s, errors="coerce")
    bad = v.isna()
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise DatasetError("%s: row %d: column '%s': expected a number, got %r"
                           % (path, i + 2, col, series.iloc[i]))
    return v.to_numpy(dtype=np.float64)


def read_dataset(ds):
    """Return (nodes DataFrame, ties DataFrame with int columns s, t, float weight, str type).

    nodes keeps every column (unknown ones too); 'type' is canonical, 'vulnerable' 0/1.
    """
    npath = os.path.join(ds, "nodes.csv")
    tpath = os.path.join(ds, "ties.csv")
    nodes, _ = _read(npath, ("id", "type"))
    nodes["id"] = nodes["id"].str.strip()
    if (nodes["id"] == "").any():
        i = int(np.flatnonzero((nodes["id"] == "").to_numpy())[0])
        raise DatasetError("%s: row %d: column 'id': expected a non-empty id" % (npath, i + 2))
    dup = nodes["id"].duplicated()
    if dup.any():
        i = int(np.flatnonzero(dup.to_numpy())[0])
        raise DatasetError("%s: row %d: column 'id': duplicate id %r" % (npath, i + 2, nodes["id"].iloc[i]))
    t = nodes["type"].str.strip().str.lower().map(NODE_TYPES)
    if t.isna().any():
        i = int(np.flatnonzero(t.isna().to_numpy())[0])
        raise DatasetError("%s: row %d: column 'type': expected resident, professional, group or "
                           "organisation, got %r" % (npath, i + 2, nodes["type"].iloc[i]))
    nodes["type"] = t
    if "vulnerable" in nodes.columns:
        v = nodes["vulnerable"].str.strip().str.lower()
        ok = v.isin(TRUE | FALSE)
        if not ok.all():
            i = int(np.flatnonzero(~ok.to_numpy())[0])
            raise DatasetError("%s: row %d: column 'vulnerable': expected 1/0, true/false, yes/no or "
                               "ja/nee" % (npath, i + 2))
        nodes["vulnerable"] = v.isin(TRUE).astype(np.int8)
    for c in ("area", "interests", "age_band", "language"):
        if c not in nodes.columns:
            nodes[c] = ""

    ties, tsep = _read(tpath, ("source", "target"))
    index = pd.Index(nodes["id"])
    s = index.get_indexer(ties["source"].str.strip())
    tt = index.get_indexer(ties["target"].str.strip())
    for arr, col in ((s, "source"), (tt, "target")):
        if (arr < 0).any():
            i = int(np.flatnonzero(arr < 0)[0])
            raise DatasetError("%s: row %d: column '%s': expected a node id from nodes.csv, got %r"
                               % (tpath, i + 2, col, ties[col].iloc[i]))
    if (s == tt).any():
        i = int(np.flatnonzero(s == tt)[0])
        raise DatasetError("%s: row %d: column 'target': a tie from a node to itself" % (tpath, i + 2))
    w = _number(ties["weight"], tsep, tpath, "weight", 1) if "weight" in ties.columns \
        else np.ones(len(ties))
    if (w <= 0).any():
        i = int(np.flatnonzero(w <= 0)[0])
        raise DatasetError("%s: row %d: column 'weight': expected a positive number" % (tpath, i + 2))
    ty = ties["type"].str.strip().str.lower() if "type" in ties.columns else pd.Series([""] * len(ties))
    ty = ty.where(ty != "", "acquaintance")
    out = pd.DataFrame({"s": s.astype(np.int64), "t": tt.astype(np.int64), "weight": w,
                        "type": ty.to_numpy()})
    return nodes, out


def splitmix64_sample(n, k, seed=BETWEENNESS_SEED):
    """k distinct indices of 0..n-1: partial Fisher-Yates driven by splitmix64 (docs/WORKLOAD.md)."""
    idx = list(range(n))
    st = seed & M64
    for i in range(min(k, n)):
        st = (st + 0x9E3779B97F4A7C15) & M64
        z = st
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        z ^= z >> 31
        j = i + z % (n - i)
        idx[i], idx[j] = idx[j], idx[i]
    return idx[:min(k, n)]


class Steps:
    """Times steps; prints `step <name> <seconds>`; optional per-step cap (env PROFILE_STEP_CAP)
    on every step but load."""

    def __init__(self):
        self.cap = int(os.environ.get("PROFILE_STEP_CAP", "0") or 0)
        self.capped = set()

        def _alarm(signum, frame):
            raise StepTimeout()
        signal.signal(signal.SIGALRM, _alarm)

    def run(self, name, fn, *args, capped=True):
        t0 = time.perf_counter()
        cap = self.cap if capped else 0
        if cap:
            signal.alarm(self.cap)
        try:
            res = fn(*args)
        except StepTimeout:
            self.capped.add(name)
            print("step %s >%d" % (name, self.cap), flush=True)
            return None
        finally:
            if cap:
                signal.alarm(0)
        dt = time.perf_counter() - t0
        print("step %s %.3f" % (name, dt), flush=True)
        sys.stderr.write("peak_rss_after %s %.0f MiB\n"
                         % (name, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
        return res

    def skip(self, name, why):
        print("step %s skipped (%s)" % (name, why), flush=True)


def interests_sets(nodes):
    """list of frozensets of interests, one per node (empty for non-residents)"""
    return [frozenset(x for x in s.split("|") if x) if s else frozenset()
            for s in nodes["interests"].tolist()]


def areas_table(nodes, infdeg):
    """Step 7 on plain arrays: infdeg is a float array over all nodes (NaN for non-residents)."""
    res = (nodes["type"] == "resident").to_numpy()
    df = pd.DataFrame({"area": nodes["area"].to_numpy()[res], "d": infdeg[res]})
    df["iso"] = (df["d"] == 0).astype(np.int64)
    g = df.groupby("area", sort=True)
    out = pd.DataFrame({"residents": g.size(), "isolated": g["iso"].sum(),
                        "mean_informal_degree": g["d"].mean()})
    out["isolated_share"] = out["isolated"] / out["residents"]
    out = out.reset_index()[["area", "residents", "isolated", "isolated_share", "mean_informal_degree"]]
    return out


def write_results(out, nodes, cols, bridges_idx, suggestions, summary):
    """Step 8: per-node CSV, bridges.csv, suggestions.csv, summary.json."""
    ids = nodes["id"].to_numpy()
    df = pd.DataFrame({"id": ids, "type": nodes["type"].to_numpy(), "area": nodes["area"].to_numpy()})
    for name, arr in cols:
        df[name] = arr
    df.to_csv(os.path.join(out, "nodes_out.csv"), index=False, float_format="%.10g")
    if bridges_idx is not None:
        b = np.asarray(bridges_idx, dtype=np.int64).reshape(-1, 2)
        b = np.sort(b, axis=1)
        b = b[np.lexsort((b[:, 1], b[:, 0]))]
        pd.DataFrame({"source": ids[b[:, 0]], "target": ids[b[:, 1]]}).to_csv(
            os.path.join(out, "bridges.csv"), index=False)
    if suggestions is not None:
        rows_r, rows_k, rows_c, rows_s = [], [], [], []
        for r, top in suggestions:
            for k, (c, sc) in enumerate(top, 1):
                rows_r.append(r)
                rows_k.append(k)
                rows_c.append(c)
                rows_s.append(sc)
        pd.DataFrame({"resident": ids[np.asarray(rows_r, dtype=np.int64)], "rank": rows_k,
                      "candidate": ids[np.asarray(rows_c, dtype=np.int64)], "score": rows_s}).to_csv(
            os.path.join(out, "suggestions.csv"), index=False, float_format="%.10g")
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2, sort_keys=True)
        f.write("\n")


def top_k(scores, k=SUGGEST_TOP):
    """scores: dict candidate_index -> score. Highest score first (compared after rounding
    to 9 decimals, so that summation order cannot reorder near-ties), then lower index."""
    return sorted(scores.items(), key=lambda kv: (-round(kv[1], 9), kv[0]))[:k]


def nan_array(n):
    a = np.empty(n)
    a[:] = math.nan
    return a
