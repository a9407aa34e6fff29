#!/usr/bin/python3
"""csv-safety.py: "no CSV wijknet writes runs a formula from someone's data" (docs/FORMAT.md,
"CSV rules"), checked on every command the built program has.

Usage: csv-safety.py WIJKNET DATASET

DATASET holds ids, labels, areas and attributes such as =HYPERLINK("http://x"), +1, -x and
@SUM(A1), and the ids -2.5 (a number) and '=esc (escaped by hand: it loads as =esc). The
script runs every command the ways COMMANDS says, each in a fresh folder, reads every CSV
it wrote (standard output with --format csv, and every .csv file under the run's folder)
and fails when a cell begins with =, +, -, @, a tab or a carriage return without being a
number as wijknet writes one (an optional minus, digits, a point, an exponent). It fails
too when the escaped cells do not show up at all (the check would pass vacuously), when
-2.5 is escaped, and when a dataset that import or pseudonymise wrote does not load back
to the same values. A command `wijknet --help` lists that COMMANDS does not cover fails:
a new command must be added here. Only the Python standard library is used.
"""
import csv
import importlib.util
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile

# run() and listed_commands() are the privacy sweep's (tests/privacy/no-leaks.py)
_spec = importlib.util.spec_from_file_location(
    "no_leaks", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "privacy",
                             "no-leaks.py"))
no_leaks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(no_leaks)
run, listed_commands = no_leaks.run, no_leaks.listed_commands

FORMULA_STARTS = "=+-@\t\r"
NUMBER = re.compile(r"-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
# Cells that must appear somewhere in the outputs, escaped, and one that must not be.
ESCAPED = ["'=HYPERLINK(\"http://x\")", "'+1", "'-x", "'@SUM(A1)"]
NUMBER_ID = "-2.5"

# The runs of each command. {data}: the dataset; {tmp}: the run's fresh folder; {key}: a
# key file; {graphml}: the dataset exported to GraphML with labels; {job}: a batch job
# asking for every batch output of the dataset into {tmp}/batch.
TABLES = ["{data}", "--format", "csv"]
COMMANDS = {
    "check": [["{data}"]],
    "measures": [TABLES, TABLES + ["-o", "{tmp}/measures.csv"]],
    "isolation": [TABLES, TABLES + ["--all"], TABLES + ["--summary"],
                  TABLES + ["--composition"], TABLES + ["--projection"]],
    "brokers": [TABLES, TABLES + ["--by", "note"], TABLES + ["--by", "interests"]],
    "communities": [TABLES],
    "cuts": [TABLES],
    "suggest": [TABLES, TABLES + ["--evaluate"]],
    "generate": [["--residents", "20", "-o", "{tmp}/town"],
                 ["--evolve", "{data}", "-o", "{tmp}/wave2"]],
    "import": [["{graphml}", "--from", "graphml", "-o", "{tmp}/imported"]],
    "export": [["{data}", "--to", "notebook", "-o", "{tmp}/nb.ipynb"],
               ["{data}", "--to", "notebook", "-o", "{tmp}/nb.ipynb", "--show-labels"]],
    "map": [["{data}", "-o", "{tmp}/map", "--min-cell", "0"]],
    "report": [["{data}", "-o", "{tmp}/report.html", "--min-cell", "0"]],
    "analyse": [["{data}", "-o", "{tmp}/analyse"]],
    "pseudonymise": [["{data}", "--key-file", "{key}", "-o", "{tmp}/pseudonymised",
                      "--keep", "note,interests"]],
    "batch": [["{job}"]],
    "serve": [],  # a server: it writes no CSV (its JSON answers: tests/serve/security.py)
    "whatif": [TABLES + ["--add-suggestions", "--part", part]
               for part in ("changes", "counts", "cut-points", "key-figures")],
    "compare": [TABLES + ["{data}", "--part", part] for part in ("residents", "moves")],
}
BATCH_OUTPUTS = ["check", "measures", "isolation", "brokers", "map", "report", "suggest"]


def is_number(cell):
    return NUMBER.fullmatch(cell) is not None and math.isfinite(float(cell))


def cells_of(text):
    """Every cell of a CSV text, as Python's csv module reads it."""
    for row in csv.reader(io.StringIO(text, newline="")):
        yield from row


def unsafe_cells(text):
    return [c for c in cells_of(text) if c and c[0] in FORMULA_STARTS and not is_number(c)]


def csv_files(folder):
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(".csv"):
                yield os.path.join(root, name)


def outputs_of(result, args, tmp):
    """(place, CSV text) of a run: standard output with --format csv, and its .csv files."""
    if "csv" in args and "-o" not in args:
        yield "stdout", result.stdout.decode()
    for path in csv_files(tmp):
        with open(path, encoding="utf-8") as f:
            yield os.path.relpath(path, tmp), f.read()


def write_job(tmp, data):
    path = os.path.join(tmp, "job.json")
    job = {"output": os.path.join(tmp, "batch"), "outputs": BATCH_OUTPUTS,
           "options": {"min_cell": 0, "top": 0},
           "datasets": [{"name": "formulas", "path": os.path.abspath(data)}]}
    with open(path, "w") as f:
        json.dump(job, f)
    return path


def node_values(wijknet, dataset):
    """Every node of a dataset as node-link JSON shows it with labels, in node order."""
    result = run(wijknet, ["export", dataset, "--to", "node-link", "--show-labels"])
    if result.returncode != 0:
        return None
    return json.loads(result.stdout)["nodes"]


def round_trip_failures(wijknet, command, tmp, original):
    """A dataset import or pseudonymise wrote loads back to the values it came from."""
    folder = {"import": "imported", "pseudonymise": "pseudonymised"}.get(command)
    if folder is None:
        return []
    again = node_values(wijknet, os.path.join(tmp, folder))
    if again is None:
        return ["%s: its dataset does not load again" % command]
    if command == "pseudonymise":  # ids and labels become pseudonyms; the rest stays
        strip = ("id", "label")
        original = [{k: v for k, v in n.items() if k not in strip} for n in original]
        again = [{k: v for k, v in n.items() if k not in strip} for n in again]
    if again != original:
        return ["%s: its dataset loads to other values:\n  %s\n  %s" % (command, original,
                                                                       again)]
    return []


def run_fresh(wijknet, command, args, fill, tmp):
    """Runs the command in the fresh folder @tmp. Returns: the result, and a failure
    unless it exited 0."""
    os.mkdir(tmp)
    argv = [a.format(tmp=tmp, job=write_job(tmp, fill["data"]), **fill) for a in args]
    result = run(wijknet, [command] + argv)
    if result.returncode == 0:
        return result, []
    why = result.stderr.decode(errors="replace")
    return result, ["%s: exit %d, expected 0\n%s" % (" ".join([command] + args),
                                                      result.returncode, why)]


def check_run(wijknet, command, args, fill, work, counter, seen):
    tmp = os.path.join(work, "run-%03d" % counter)
    result, failures = run_fresh(wijknet, command, args, fill, tmp)
    if failures:
        return failures
    for place, text in outputs_of(result, args, tmp):
        bad = unsafe_cells(text)
        if bad:
            failures.append("%s %s: %s holds unescaped %s" % (command, " ".join(args), place,
                                                              bad[:3]))
        seen.update(cells_of(text))
    return failures + round_trip_failures(wijknet, command, tmp, fill["nodes"])


def setup(wijknet, data, work):
    key = os.path.join(work, "keys", "test.key")
    os.mkdir(os.path.dirname(key))
    subprocess.run([wijknet, "pseudonymise", "--new-key", key], check=True,
                   capture_output=True)
    graphml = os.path.join(work, "setup.graphml")
    with open(graphml, "wb") as f:
        f.write(run(wijknet, ["export", data, "--to", "graphml", "--show-labels"]).stdout)
    return {"data": data, "key": key, "graphml": graphml, "nodes": node_values(wijknet, data)}


def covered_commands(wijknet):
    """The commands `wijknet --help` lists; the script ends when COMMANDS lacks one."""
    listed = listed_commands(wijknet)
    missing = sorted(set(listed) - set(COMMANDS))
    if missing:
        sys.exit("csv-safety.py: `wijknet --help` lists %s, which COMMANDS does not cover: "
                 "add the runs that write its CSV" % ", ".join(missing))
    return listed


def main():
    wijknet, data = sys.argv[1], sys.argv[2]
    commands = covered_commands(wijknet)
    failures, counter, seen = [], 0, set()
    with tempfile.TemporaryDirectory(prefix="wijknet-csv-safety-") as work:
        fill = setup(wijknet, data, work)
        for command in commands:
            for args in COMMANDS[command]:
                counter += 1
                failures += check_run(wijknet, command, args, fill, work, counter, seen)
    failures += ["no output holds %s: the check saw nothing" % c for c in ESCAPED
                 if c not in seen]
    if NUMBER_ID not in seen or "'" + NUMBER_ID in seen:
        failures.append("the id %s is not written as a number" % NUMBER_ID)
    for failure in failures:
        print("FAIL " + failure)
    print("%d runs of %d commands, %d failures" % (counter, len(commands), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
