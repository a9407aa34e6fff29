#!/usr/bin/env python3
"""Compares two output folders of the "profile" workload (docs/WORKLOAD.md, "Comparing").

    compare.py GOT_DIR WANT_DIR

Integers and ids must be identical; floats agree within the workload's tolerances:
PageRank absolute 1e-9, every other float relative 1e-9 (absolute 1e-12 near zero);
an empty cell (not applicable, NaN) matches only an empty cell. A peer that runs only
some steps (graph-tool: load, centrality, holes, cuts) writes only some files and
columns: the files and columns of WANT_DIR are compared, by column name, and each file
WANT_DIR lacks is named as not compared. Prints one line per file and the first
differences; exits 0 when everything agrees, 1 otherwise, 2 on a usage error.
Standard library only.
"""
import csv
import json
import math
import os
import sys

REL = 1e-9
ABS_NEAR_ZERO = 1e-12
PAGERANK_ABS = 1e-9
SHOWN = 5  # differences shown per file

INT = "int"
TEXT = "text"
FLOAT = "float"
PAGERANK = "pagerank"

NODES = {"id": TEXT, "type": TEXT, "area": TEXT, "degree": INT, "strength": FLOAT,
         "pagerank": PAGERANK, "coreness": INT, "betweenness": FLOAT, "constraint": FLOAT,
         "effective_size": FLOAT, "articulation": INT, "informal_degree": INT,
         "formal_degree": INT, "reach2": INT, "weak_share": FLOAT}
FILES = {
    "nodes_out.csv": NODES,
    "bridges.csv": {"source": TEXT, "target": TEXT},
    "suggestions.csv": {"resident": TEXT, "rank": INT, "candidate": TEXT, "score": FLOAT},
    "areas.csv": {"area": TEXT, "residents": INT, "isolated": INT, "isolated_share": FLOAT,
                  "mean_informal_degree": FLOAT},
}
SUMMARY_KEYS = ("nodes", "tie_rows", "ties", "merged_rows", "articulation_points", "bridges",
                "suggest_residents", "suggestions", "capped_steps")


def cells_agree(kind, a, b):
    if a == b:
        return True
    if kind in (TEXT, INT) or a == "" or b == "":
        return False
    x, y = float(a), float(b)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    if kind == PAGERANK:
        return abs(x - y) <= PAGERANK_ABS
    return abs(x - y) <= max(REL * max(abs(x), abs(y)), ABS_NEAR_ZERO)


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def compare_csv(name, columns, got_dir, want_dir):
    got, want = read(os.path.join(got_dir, name)), read(os.path.join(want_dir, name))
    if not got or not want:
        return ["no header"] if got != want else []
    partial = set(want[0]) < set(columns)  # a peer that writes only some columns
    if (partial and not set(want[0]) <= set(got[0])) or (not partial and got[0] != want[0]):
        return ["header %r, expected %r" % (got[0], want[0])]
    problems = []
    if len(got) != len(want):
        problems.append("%d rows, expected %d" % (len(got) - 1, len(want) - 1))
    header = want[0]
    where = [got[0].index(c) for c in header]  # want's columns in got's rows
    kinds = [columns.get(c, TEXT) for c in header]
    for r, (g, w) in enumerate(zip(got[1:], want[1:]), start=2):
        for c, kind in enumerate(kinds):
            gc = g[where[c]] if where[c] < len(g) else "<missing>"
            if not cells_agree(kind, gc, w[c]):
                problems.append("line %d, %s: %r, expected %r" % (r, header[c], gc, w[c]))
                break
        if len(problems) >= SHOWN:
            break
    return problems


def compare_summary(got_dir, want_dir):
    with open(os.path.join(got_dir, "summary.json")) as f:
        got = json.load(f)
    with open(os.path.join(want_dir, "summary.json")) as f:
        want = json.load(f)
    return ["%s: %r, expected %r" % (k, got.get(k), want.get(k))
            for k in SUMMARY_KEYS if got.get(k) != want.get(k)]


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: compare.py GOT_DIR WANT_DIR\n")
        return 2
    got_dir, want_dir = argv[1], argv[2]
    failed = False
    results = [(name, compare_csv(name, cols, got_dir, want_dir)) for name, cols in FILES.items()
               if os.path.exists(os.path.join(want_dir, name))]
    if os.path.exists(os.path.join(want_dir, "summary.json")):
        results.append(("summary.json", compare_summary(got_dir, want_dir)))
    compared = [name for name, _ in results]
    skipped = [name for name in list(FILES) + ["summary.json"] if name not in compared]
    for name, problems in results:
        print("%-16s %s" % (name, "agrees" if not problems else "DIFFERS"))
        for p in problems:
            print("    " + p)
        failed = failed or bool(problems)
    if skipped:
        print("not compared (the peer does not write them): %s" % ", ".join(skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
