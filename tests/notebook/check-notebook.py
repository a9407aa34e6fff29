#!/usr/bin/python3
# check-notebook.py: exports a dataset as a notebook with `wijknet export --to notebook`,
# validates it (nbformat 4), runs it top to bottom in a real Python 3 kernel and checks
# that no cell failed, that the first plot shows an image, and (with --golden) that the
# Markdown cells are as expected. Run from the repository's root, as ctest does.
"""Usage: check-notebook.py --wijknet PROGRAM --workdir DIR (--dataset DIR | --generate N SEED)
[--show-labels] [--golden FILE] [--update-golden]"""
import argparse
import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def run(command):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"{' '.join(command)} exited with {done.returncode}:\n{done.stderr}")
    return done.stdout


def registry(wijknet):
    return [line.split()[0] for line in run([wijknet, "measures", "--list"]).splitlines()]


def check_data(data, measures, show_labels):
    for name in ["nodes.csv", "ties.csv", "brokers.csv", "run.json"]:
        if not (data / name).is_file():
            fail(f"{data / name} was not written")
    with open(data / "nodes.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    missing = [m for m in measures + ["status", "isolation_index"] if m not in header]
    if missing:
        fail(f"nodes.csv lacks the columns {missing}")
    if ("label" in header) != show_labels:
        fail(f"nodes.csv has a label column: {'label' in header}, --show-labels: {show_labels}")
    leftovers = sorted(p.name for p in data.iterdir() if p.name not in
                       {"nodes.csv", "ties.csv", "brokers.csv", "run.json", "areas.csv"})
    if leftovers:
        fail(f"unexpected files in the data folder (temporary files left?): {leftovers}")
    return len(rows) - 1


def execute(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except CellExecutionError as error:
        fail(f"a cell failed:\n{error}")
    nbformat.write(nb, path.with_name(path.stem + ".executed.ipynb"))
    return nb


def check_outputs(nb, node_count):
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                fail(f"cell {cell.id} raised {out.ename}: {out.evalue}")
    plots = [c for c in nb.cells if c.cell_type == "code" and "plt.subplots" in c.source]
    if not plots:
        fail("the notebook has no plot cell")
    if not any("image/png" in out.get("data", {}) for out in plots[0].outputs):
        fail(f"the first plot cell ({plots[0].id}) shows no image/png")
    load = next(c for c in nb.cells if c.get("id") == "load")
    text = "".join(out.get("text", "") for out in load.outputs if out.output_type == "stream")
    if not text.startswith(f"{node_count} nodes"):
        fail(f"pandas read another number of nodes than nodes.csv holds ({node_count}): {text}")


def markdown(nb, version):
    cells = [c.source.replace(f"wijknet {version}", "wijknet @VERSION@")
             for c in nb.cells if c.cell_type == "markdown"]
    return "\n\n----- next cell -----\n\n".join(cells) + "\n"


def check_golden(nb, data, golden, update):
    with open(data / "run.json", encoding="utf-8") as f:
        version = json.load(f)["wijknet"]
    got = markdown(nb, version)
    if update:
        golden.write_text(got, encoding="utf-8")
        return
    want = golden.read_text(encoding="utf-8")
    if got != want:
        actual = golden.with_name(golden.name + ".actual")
        actual.write_text(got, encoding="utf-8")
        fail(f"the Markdown cells differ from {golden} (actual text in {actual})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wijknet", required=True)
    parser.add_argument("--workdir", required=True, type=Path)
    parser.add_argument("--dataset")
    parser.add_argument("--generate", nargs=2, metavar=("RESIDENTS", "SEED"))
    parser.add_argument("--show-labels", action="store_true")
    parser.add_argument("--golden", type=Path)
    parser.add_argument("--update-golden", action="store_true")
    args = parser.parse_args()
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    dataset = args.dataset
    if args.generate:
        dataset = str(args.workdir / "town")
        run([args.wijknet, "generate", "--residents", args.generate[0], "--seed",
             args.generate[1], "-o", dataset])
    path = args.workdir / "analysis.ipynb"
    run([args.wijknet, "export", dataset, "--to", "notebook", "-o", str(path)]
        + (["--show-labels"] if args.show_labels else []))
    data = args.workdir / "analysis_data"
    node_count = check_data(data, registry(args.wijknet), args.show_labels)
    nb = execute(path)
    check_outputs(nb, node_count)
    if args.golden:
        check_golden(nb, data, args.golden, args.update_golden)
    print(f"ok: {path} ran top to bottom")


if __name__ == "__main__":
    main()
