#!/usr/bin/python3
# crosscheck-networkx.py: NetworkX reads wijknet's GraphML, GML and node-link JSON of a
# dataset and finds the same nodes, ties, weights and node values as the dataset's CSVs.
# Usage: crosscheck-networkx.py WIJKNET DATASET_DIR
import csv
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx


def read_dataset(folder):
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = {row["id"]: row for row in csv.DictReader(f)}
    ties = {}
    with open(os.path.join(folder, "ties.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row.get("type") == "conflict":
                continue
            pair = frozenset((row["source"], row["target"]))
            ties[pair] = ties.get(pair, 0.0) + float(row.get("weight") or 1)
    return nodes, ties


def export(wijknet, dataset, fmt, path):
    subprocess.run([wijknet, "export", dataset, "--to", fmt, "-o", path], check=True)


def read_with_networkx(fmt, path):
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gml":
        return nx.read_gml(path, label="label")
    with open(path, encoding="utf-8") as f:
        return nx.node_link_graph(json.load(f))


def check(fmt, graph, nodes, ties):
    problems = []
    if graph.is_directed():
        problems.append("read as directed")
    if set(graph.nodes) != set(nodes):
        problems.append("node sets differ")
    edges = {frozenset((u, v)): float(d["weight"]) for u, v, d in graph.edges(data=True)}
    if set(edges) != set(ties):
        problems.append("edge sets differ")
    for pair, weight in ties.items():
        if pair in edges and abs(edges[pair] - weight) > 1e-12:
            problems.append("weight of %s: %r, expected %r" % (sorted(pair), edges[pair], weight))
    for node, row in nodes.items():
        data = graph.nodes[node] if node in graph else {}
        if data.get("kind") != row["type"]:
            problems.append("kind of %s: %r, expected %r" % (node, data.get("kind"), row["type"]))
        if (row.get("area") or None) != data.get("area"):
            problems.append("area of %s: %r, expected %r" % (node, data.get("area"), row.get("area")))
        if "label" in data or "name" in data:
            problems.append("label of %s shown without --show-labels" % node)
    for problem in problems[:10]:
        print("%s: %s" % (fmt, problem))
    print("%s: %d nodes, %d ties, %s" % (fmt, graph.number_of_nodes(), graph.number_of_edges(),
                                          "agree" if not problems else "DISAGREE"))
    return not problems


def main():
    wijknet, dataset = sys.argv[1], sys.argv[2]
    nodes, ties = read_dataset(dataset)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, ext in (("graphml", "graphml"), ("gml", "gml"), ("node-link", "json")):
            path = os.path.join(tmp, "network." + ext)
            export(wijknet, dataset, fmt, path)
            ok = check(fmt, read_with_networkx(fmt, path), nodes, ties) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
