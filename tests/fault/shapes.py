#!/usr/bin/python3
"""Pathological shapes end in time (issue list of README "Exit codes" and docs/DESIGN.md):
one very long line in each text format wijknet imports, a 3,000 x 3,000 UCINET matrix of
zeros, a GeoJSON ring of 200,000 points, a star of 100,000 ties through `analyse`, and
100,000 residents without ties or positions through `suggest`. Each must finish within a
generous limit (they take seconds; before, minutes or never) with the outcome asserted.

Usage: shapes.py WIJKNET
"""
import json
import math
import os
import subprocess
import sys
import tempfile
import time

LIMIT = 120  # seconds, generous: each takes a few seconds on two busy cores


def run(wijknet, args, cwd, want):
    start = time.monotonic()
    try:
        p = subprocess.run([wijknet] + args, cwd=cwd, capture_output=True, text=True,
                           timeout=LIMIT)
    except subprocess.TimeoutExpired:
        sys.exit(f"FAIL: wijknet {' '.join(args)} did not end within {LIMIT} s")
    seconds = time.monotonic() - start
    if p.returncode != want:
        sys.exit(f"FAIL: wijknet {' '.join(args)} exited {p.returncode}, expected {want}:\n"
                 f"{p.stderr[-2000:]}")
    print(f"  {seconds:6.1f} s  wijknet {' '.join(args)}")
    return seconds


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def main():
    wijknet = os.path.abspath(sys.argv[1])
    slowest = 0.0
    with tempfile.TemporaryDirectory() as w:
        n = 20000
        write(os.path.join(w, "long.gml"), "graph [ " +
              " ".join(f"node [ id {i} ]" for i in range(n)) + " " +
              " ".join(f"edge [ source {i} target {i + 1} ]" for i in range(n - 1)) + " ]\n")
        write(os.path.join(w, "long.net"), "*Vertices 3\n1 \"a\"\n2 \"b\"\n3 \"c\"\n*Edges\n1 2 " +
              " ".join(["1"] * 200000) + "\n")
        write(os.path.join(w, "long.edgelist"), " ".join(["a"] * 300000) + "\n")
        write(os.path.join(w, "long.dl"), "dl n=3000\nformat=fullmatrix\ndata:\n" +
              ("0 " * 3000 + "\n") * 3000)
        for args, want in ((["import", "long.gml", "--from", "gml", "-o", "g"], 0),
                           (["import", "long.net", "--from", "pajek", "-o", "p"], 0),
                           (["import", "long.edgelist", "--from", "edgelist", "-o", "e"], 65),
                           (["import", "long.dl", "--from", "ucinet", "-o", "u"], 0)):
            slowest = max(slowest, run(wijknet, args, w, want))
        # a star of 100,000 ties in one area drawn with a GeoJSON ring of 200,000 points
        star = os.path.join(w, "star")
        os.makedirs(star)
        hub, leaves = "hub", 100000
        write(os.path.join(star, "nodes.csv"), "id,type,area\nhub,resident,BU01\n" +
              "".join(f"r{i},resident,BU01\n" for i in range(leaves)))
        write(os.path.join(star, "ties.csv"), "source,target\n" +
              "".join(f"{hub},r{i}\n" for i in range(leaves)))
        ring = [[4.9 + 0.01 * math.cos(2 * math.pi * k / 200000),
                 52.37 + 0.01 * math.sin(2 * math.pi * k / 200000)] for k in range(200000)]
        ring.append(ring[0])
        write(os.path.join(star, "areas.geojson"), json.dumps(
            {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"code": "BU01"},
                 "geometry": {"type": "Polygon", "coordinates": [ring]}}]}))
        slowest = max(slowest, run(wijknet, ["map", "star", "-o", "star-map"], w, 0))
        slowest = max(slowest, run(wijknet, ["analyse", "star", "-o", "star-out"], w, 0))
        lonely = os.path.join(w, "lonely")
        os.makedirs(lonely)
        write(os.path.join(lonely, "nodes.csv"), "id,type,age_band\n" +
              "".join(f"r{i},resident,{['25-44', '45-64', '65-74'][i % 3]}\n"
                      for i in range(100000)))
        write(os.path.join(lonely, "ties.csv"), "source,target\n")
        slowest = max(slowest, run(wijknet, ["suggest", "lonely", "-f", "csv", "-o", "s.csv"],
                                   w, 0))
    print(f"shapes: 7 runs over 8 pathological inputs ended in time; the slowest took "
          f"{slowest:.1f} s")


if __name__ == "__main__":
    main()
