#!/usr/bin/env python3
"""Prints the benchmark table of one size from the files tests/bench/run leaves.

    table.py RESULTS_DIR

Reads TOOL.steps (`step NAME SECONDS` lines) and TOOL.time (`/usr/bin/time -v`) for
TOOL in wijknet, igraph, networkx, graphtool, and pandas.steps; prints step × tool
seconds, the sum of the steps, wall time and peak RSS, wijknet's time over the faster
of python-igraph and NetworkX (w/faster) and over graph-tool's (w/gt), below 1 when
wijknet is faster. graph-tool runs only load, centrality, holes, cuts and write (its
other cells and its sum are "-"; its wall and RSS cover less work than the others'), so a
row `load..cuts` sums the four steps every tool runs; then wijknet's ties.csv part of the load (step load:ties.csv)
against pandas.read_csv on ties.csv alone. Standard library only.
"""
import os
import re
import sys

STEPS = ["load", "centrality", "holes", "cuts", "isolation", "suggest", "areas", "write"]
TOOLS = ["wijknet", "igraph", "networkx", "graphtool"]
HEADER = ("step", "wijknet", "igraph", "networkx", "graph-tool", "w/faster", "w/gt")
ROW = "%-12s %10s %10s %10s %10s %10s %10s"


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


def sum_of(steps, names):
    vals = [seconds(steps.get(s)) for s in names]
    return sum(vals) if steps and None not in vals else None


def ratios(row):
    """wijknet over the faster of python-igraph and NetworkX, and over graph-tool"""
    return [ratio(row["wijknet"], [row["igraph"], row["networkx"]]),
            ratio(row["wijknet"], [row["graphtool"]])]


def main(argv):
    res = argv[1]
    steps = {t: read_steps(os.path.join(res, t + ".steps")) for t in TOOLS}
    times = {t: read_time(os.path.join(res, t + ".time")) for t in TOOLS}
    print(ROW % HEADER)
    for s in STEPS:
        v = {t: seconds(steps[t].get(s)) for t in TOOLS}
        shown = [steps[t].get(s, "-") for t in TOOLS]
        print(ROW % tuple([s] + shown + ratios(v)))
    total = {t: sum_of(steps[t], STEPS) for t in TOOLS}
    graph_steps = {t: sum_of(steps[t], STEPS[:4]) for t in TOOLS}
    wall = {t: times[t][0] for t in TOOLS}
    rss = {t: times[t][1] for t in TOOLS}
    for name, row, fmt in (("load..cuts", graph_steps, "%.3f"), ("sum of steps", total, "%.3f"), ("wall (s)", wall, "%.2f"),
                           ("peak RSS MiB", rss, "%.0f")):
        print(ROW % tuple([name] + [cell(row[t], fmt) for t in TOOLS] + ratios(row)))
    pandas = seconds(read_steps(os.path.join(res, "pandas.steps")).get("read_csv_ties"))
    ours = seconds(steps["wijknet"].get("load:ties.csv"))
    print("ties.csv: wijknet %s s (parse, check, ids, merge), pandas.read_csv(engine=\"c\") "
          "%s s (best of 3), wijknet/pandas %s" % (cell(ours), cell(pandas), ratio(ours, [pandas])))
    print("wijknet load: nodes.csv %s s, ties.csv %s s, graphs %s s" %
          tuple(steps["wijknet"].get("load:" + part, "-") for part in ("nodes.csv", "ties.csv", "graphs")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
