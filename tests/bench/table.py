#!/usr/bin/env python3
"""Prints the benchmark table of one size from the files tests/bench/run leaves.

    table.py RESULTS_DIR

Reads TOOL.steps (`step NAME SECONDS` lines) and TOOL.time (`/usr/bin/time -v`) for
TOOL in wijknet, igraph, networkx, and pandas.steps; prints step × tool seconds, the sum
of the steps, wall time and peak RSS, and wijknet's time over the faster peer's
(below 1 is faster); then wijknet's ties.csv part of the load (step load:ties.csv)
against pandas.read_csv on ties.csv alone. Standard library only.
"""
import os
import re
import sys

STEPS = ["load", "centrality", "holes", "cuts", "isolation", "suggest", "areas", "write"]
TOOLS = ["wijknet", "igraph", "networkx"]


def read_steps(path):
    steps = {}
    if os.path.exists(path):
        for line in open(path):
            parts = line.split()
            if len(parts) == 3 and parts[0] == "step":
                steps[parts[1]] = parts[2]
    return steps


def read_time(path):
    wall = rss = None
    if os.path.exists(path):
        for line in open(path):
            if "Elapsed (wall clock)" in line:
                clock = line.rsplit(" ", 1)[1].strip().split(":")
                wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(clock)))
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", line)
            if m:
                rss = int(m.group(1)) / 1024.0
    return wall, rss


def seconds(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None  # missing, capped (">S") or skipped


def cell(x, fmt="%.3f"):
    return fmt % x if x is not None else "-"


def ratio(ours, peers):
    peers = [p for p in peers if p is not None]
    if ours is None or not peers or min(peers) <= 0:
        return "-"
    return "%.3f" % (ours / min(peers))


def main(argv):
    res = argv[1]
    steps = {t: read_steps(os.path.join(res, t + ".steps")) for t in TOOLS}
    times = {t: read_time(os.path.join(res, t + ".time")) for t in TOOLS}
    print("%-12s %10s %10s %10s %10s" % ("step", "wijknet", "igraph", "networkx", "w/faster"))
    for s in STEPS:
        v = {t: seconds(steps[t].get(s)) for t in TOOLS}
        shown = {t: steps[t].get(s, "-") for t in TOOLS}
        print("%-12s %10s %10s %10s %10s" % (s, shown["wijknet"], shown["igraph"],
                                              shown["networkx"],
                                              ratio(v["wijknet"], [v["igraph"], v["networkx"]])))
    total = {}
    for t in TOOLS:
        vals = [seconds(steps[t].get(s)) for s in STEPS]
        total[t] = sum(vals) if steps[t] and None not in vals else None
    wall = {t: times[t][0] for t in TOOLS}
    rss = {t: times[t][1] for t in TOOLS}
    for name, row, fmt in (("sum of steps", total, "%.3f"), ("wall (s)", wall, "%.2f"),
                           ("peak RSS MiB", rss, "%.0f")):
        print("%-12s %10s %10s %10s %10s" % (name, cell(row["wijknet"], fmt),
                                              cell(row["igraph"], fmt),
                                              cell(row["networkx"], fmt),
                                              ratio(row["wijknet"],
                                                    [row["igraph"], row["networkx"]])))
    pandas = seconds(read_steps(os.path.join(res, "pandas.steps")).get("read_csv_ties"))
    ours = seconds(steps["wijknet"].get("load:ties.csv"))
    print("ties.csv: wijknet %s s (parse, check, ids, merge), pandas.read_csv(engine=\"c\") "
          "%s s (best of 3), wijknet/pandas %s" % (cell(ours), cell(pandas), ratio(ours, [pandas])))
    print("wijknet load: nodes.csv %s s, ties.csv %s s, graphs %s s" %
          tuple(steps["wijknet"].get("load:" + part, "-") for part in ("nodes.csv", "ties.csv", "graphs")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
