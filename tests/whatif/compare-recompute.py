#!/usr/bin/python3
"""Recomputes `wijknet compare WAVE1 WAVE2 --part moves` from the two datasets alone.

The statuses follow docs/DESIGN.md "Isolation" (the defaults of `wijknet isolation`):
isolated (no informal and no formal contact), formal_only (no informal contact, a
professional or organisation), fragile (at most 2 informal contacts, or half or more of
the informal resident contacts at risk: at most 1 informal contact, or vulnerable),
connected otherwise. A tie is formal when either end is a professional or an
organisation; a pair is one contact however many rows name it; conflicts are no ties.
Residents are matched by id alone. Usage: compare-recompute.py WIJKNET WAVE1 WAVE2
"""
import csv
import subprocess
import sys

FORMAL = {"professional", "organisation", "organisatie"}
RESIDENT = {"resident", "bewoner"}
STATUSES = ["isolated", "formal_only", "fragile", "connected"]
MEASURES = ["wave1", "wave2", "moved_in", "moved_out", "left", "joined"]
MIN_CELL = 10


def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def statuses(folder):
    nodes = {r["id"].strip(): r for r in rows(folder + "/nodes.csv")}
    kind = {i: r["type"].strip().lower() for i, r in nodes.items()}
    vulnerable = {i: (r.get("vulnerable") or "").strip().lower() in ("1", "true", "yes", "ja")
                  for i, r in nodes.items()}
    contacts = {i: set() for i in nodes}
    for r in rows(folder + "/ties.csv"):
        a, b = r["source"].strip(), r["target"].strip()
        if (r.get("type") or "").strip().lower() == "conflict" or a == b:
            continue
        contacts[a].add(b)
        contacts[b].add(a)

    def informal(v):
        return {u for u in contacts[v] if kind[u] not in FORMAL and kind[v] not in FORMAL}

    degree = {v: len(informal(v)) for v in nodes}
    result = {}
    for v in nodes:
        if kind[v] not in RESIDENT:
            continue
        inf = informal(v)
        formal = [u for u in contacts[v] if kind[u] in FORMAL]
        residents = [u for u in inf if kind[u] in RESIDENT]
        weak = None
        if residents:
            weak = sum(degree[u] <= 1 or vulnerable[u] for u in residents) / len(residents)
        if not inf:
            status = "formal_only" if formal else "isolated"
        elif len(inf) <= 2 or (weak is not None and weak >= 0.5):
            status = "fragile"
        else:
            status = "connected"
        result[v] = (status, (nodes[v].get("area") or "").strip())
    return result


def expected(w1, w2):
    counts = {}
    for v in set(w1) | set(w2):
        s1 = w1[v][0] if v in w1 else None
        s2 = w2[v][0] if v in w2 else None
        area = w2[v][1] if v in w2 else w1[v][1]
        for scope in (("all", ""), ("area", area)):
            for s in STATUSES:
                c = counts.setdefault(scope + (s,), dict.fromkeys(MEASURES, 0))
                c["wave1"] += s1 == s
                c["wave2"] += s2 == s
                c["moved_in"] += s1 is not None and s2 == s and s1 != s
                c["moved_out"] += s2 is not None and s1 == s and s2 != s
                c["left"] += s1 == s and s2 is None
                c["joined"] += s2 == s and s1 is None
    return counts


def main():
    wijknet, wave1, wave2 = sys.argv[1:4]
    want = expected(statuses(wave1), statuses(wave2))
    out = subprocess.run([wijknet, "compare", wave1, wave2, "--part", "moves", "--format", "csv"],
                         check=True, capture_output=True, text=True).stdout
    got = list(csv.DictReader(out.splitlines()))
    assert len(got) == len(want), (len(got), len(want))
    for row in got:
        c = want[(row["scope"], row["area"], row["status"])]
        for m in MEASURES:
            hidden = row["scope"] == "area" and 0 < c[m] < MIN_CELL
            cell = "" if hidden else str(c[m])
            assert row[m] == cell, (row["scope"], row["area"], row["status"], m, row[m], cell)
    total = {s: want[("all", "", s)] for s in STATUSES}
    for s in STATUSES:
        t = total[s]
        assert t["wave2"] == t["wave1"] + t["moved_in"] - t["moved_out"] - t["left"] + t["joined"]
        print(s, " ".join(f"{m}={t[m]}" for m in MEASURES))
    print("compare agrees with the independent recomputation on", len(got), "rows")


main()
