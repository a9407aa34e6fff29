#!/usr/bin/python3
"""no-leaks.py: "no output carries labels or personal columns by default" (docs/DESIGN.md,
Privacy; docs/FORMAT.md, Personal columns), checked on every command the built program has.

Usage: no-leaks.py WIJKNET DATASET

DATASET's labels are unique markers (LABELMARKER_0001 ...), and so are the cells of its
personal columns (PERSONALMARKER_telefoon_01 ...: columns personal by name, and one that
dataset.json lists under "personal"). The script reads the list of commands from
`WIJKNET --help`, runs each one the ways COMMANDS below says, each run in a fresh folder,
and fails when a marker of either kind appears in a run's standard output, standard
error or any file it wrote, unless the run was given --show-labels. For a command whose
help lists an option, it adds runs by itself:
  --format      one run per format the help names (table, csv, json)
  -o FILE       a run writing to a file, when the help says -o writes FILE instead of stdout
  --show-labels the same runs with --show-labels, which must show a label marker, and a
                personal marker where the output carries node attributes
It fails, too, when --help lists a command that COMMANDS does not cover: a new command
must be added here, with the runs that exercise its outputs.
Only the Python standard library is used.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

LABEL_MARKER = b"LABELMARKER_"
PERSONAL_MARKER = b"PERSONALMARKER_"
MARKERS = {LABEL_MARKER: "a label", PERSONAL_MARKER: "a personal column's value"}

# How to run each command. {data}: the markers dataset; {tmp}: a fresh folder for the run;
# {key}: a key file (outside every output folder); {graphml}: the dataset exported to
# GraphML without labels; {job} and {job_with_labels}: a batch job file asking for every
# batch output of the dataset into {tmp}/batch, with "show_labels" false or true (the
# latter must show a marker). Each entry is a list of runs (argument lists after the
# command).
COMMANDS = {
    "check": [["{data}"]],
    "measures": [["{data}"], ["{data}", "--weighted", "--samples", "4", "--seed", "7"]],
    "isolation": [["{data}"], ["{data}", "--all"], ["{data}", "--summary"],
                  ["{data}", "--composition"], ["{data}", "--projection"]],
    "brokers": [["{data}"], ["{data}", "--by", "formality", "--top", "0"]],
    "communities": [["{data}"], ["{data}", "--method", "louvain"]],
    "cuts": [["{data}"]],
    "suggest": [["{data}"], ["{data}", "--explain", "--policy", "buddy"],
                ["{data}", "--evaluate"]],
    "generate": [["--residents", "20", "-o", "{tmp}/town"],
                 ["--evolve", "{data}", "-o", "{tmp}/wave2"]],
    "import": [["{graphml}", "--from", "graphml", "-o", "{tmp}/imported"]],
    "export": [["{data}", "--to", fmt] for fmt in ("graphml", "gml", "pajek", "edgelist",
                                                    "node-link", "ucinet")]
              + [["{data}", "--to", "graphml", "--with-measures"],
                 ["{data}", "--to", "notebook", "-o", "{tmp}/analysis.ipynb"]],
    "map": [["{data}", "-o", "{tmp}/map", "--min-cell", "0"], ["{data}", "-o", "{tmp}/map"]],
    "report": [["{data}", "-o", "{tmp}/report.html", "--min-cell", "0"],
               ["{data}", "-o", "{tmp}/report.html", "--lang", "en", "--min-cell", "0",
                "--top", "0"],
               ["{data}", "-o", "-", "--min-cell", "0"]],
    "analyse": [["{data}", "-o", "{tmp}/analyse"]],
    "pseudonymise": [["{data}", "--key-file", "{key}", "-o", "{tmp}/pseudonymised"]],
    "batch": [["{job}"], ["{job_with_labels}"]],
    # a server runs until stopped: tests/serve/security.py requests every page and API
    # answer of a dataset whose labels are markers, without and with --show-labels
    "serve": [],
    "whatif": [["{data}", "--add-suggestions"]],
    "compare": [["{data}", "{data}"]],
}

BATCH_OUTPUTS = ["check", "measures", "isolation", "brokers", "map", "report", "suggest"]

# Runs given --show-labels that have no place for a label, so need not show one.
LABELS_HAVE_NO_PLACE = {
    ("export", "edgelist"),  # an edge list holds ties only
    ("export", "pajek"),  # Pajek vertex labels are the ids; export names what it left out
    ("export", "ucinet"),  # UCINET DL labels are the ids; export names what it left out
}

# Runs given --show-labels whose output carries node attributes, so must show the personal
# columns as well.
ATTRIBUTES_HAVE_A_PLACE = {
    ("export", "graphml"),
    ("export", "gml"),
    ("export", "node-link"),
}

FORMATS = ("table", "csv", "json")


def run(wijknet, args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    return subprocess.run([wijknet] + args, stdin=subprocess.DEVNULL, capture_output=True,
                          env=env, timeout=300)


def listed_commands(wijknet):
    out = run(wijknet, ["--help"]).stdout.decode()
    block = out.split("Commands:", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in block.splitlines() if line.strip()]


def help_text(wijknet, command):
    return run(wijknet, ["help", command]).stdout.decode()


def variants(command, base_runs, help_):
    """The runs of a command: the table's, with formats, file output and --show-labels."""
    runs = [list(r) for r in base_runs]
    fmt_line = re.search(r"--format=\S+\s+(.*)", help_)
    if fmt_line:
        names = [f for f in FORMATS if f in fmt_line.group(1)]
        runs += [r + ["--format", f] for r in base_runs for f in names]
    if re.search(r"--output=FILE\s+Write to FILE instead of stdout", help_):
        runs += [r + ["-o", "{tmp}/output"] for r in base_runs if "-o" not in r]
    plain = [(r, False) for r in runs]
    if "--show-labels" in help_:
        return plain + [(r + ["--show-labels"], True) for r in runs]
    return plain


def files_under(folder):
    for root, _, names in os.walk(folder):
        for name in names:
            yield os.path.join(root, name)


def where_markers(result, folder, marker):
    """Every place (stdout, stderr, a file) holding @marker."""
    places = [name for name, data in (("stdout", result.stdout), ("stderr", result.stderr))
              if marker in data]
    for path in files_under(folder):
        with open(path, "rb") as f:
            if marker in f.read():
                places.append(os.path.relpath(path, folder))
    return places


def must_show(marker, command, args):
    """Whether a run given --show-labels must show @marker."""
    if marker == LABEL_MARKER:
        return not any((command, a) in LABELS_HAVE_NO_PLACE for a in args)
    return any((command, a) in ATTRIBUTES_HAVE_A_PLACE for a in args)


def write_job(tmp, data, show_labels):
    """A batch job file in @tmp asking for every batch output of @data."""
    path = os.path.join(tmp, "job-labels.json" if show_labels else "job.json")
    job = {"output": os.path.join(tmp, "batch"), "outputs": BATCH_OUTPUTS,
           "options": {"min_cell": 0, "show_labels": show_labels},
           "datasets": [{"name": "markers", "path": os.path.abspath(data)}]}
    with open(path, "w") as f:
        json.dump(job, f)
    return path


def check_run(wijknet, command, args, show, fill, work, counter):
    tmp = os.path.join(work, "run-%03d" % counter)
    os.mkdir(tmp)
    jobs = {"job": write_job(tmp, fill["data"], False),
            "job_with_labels": write_job(tmp, fill["data"], True)}
    show = show or "{job_with_labels}" in args
    argv = [a.format(tmp=tmp, **fill, **jobs) for a in args]
    result = run(wijknet, [command] + argv)
    shown = " ".join([command] + args)
    if result.returncode != 0:
        return ["%s: exit %d, expected 0\n%s" % (shown, result.returncode,
                                                  result.stderr.decode(errors="replace"))]
    failures = []
    for marker, what in MARKERS.items():
        places = where_markers(result, tmp, marker)
        if not show and places:
            failures.append("%s: %s appears in %s without --show-labels"
                            % (shown, what, ", ".join(places)))
        if show and not places and must_show(marker, command, args):
            failures.append("%s: no %s appears although --show-labels was given"
                            % (shown, what.replace("a ", "", 1)))
    return failures


def setup(wijknet, data, work, commands):
    """The key and the label-free GraphML file the table refers to."""
    key = os.path.join(work, "keys", "test.key")
    os.mkdir(os.path.dirname(key))
    if "pseudonymise" in commands:
        subprocess.run([wijknet, "pseudonymise", "--new-key", key], check=True,
                       capture_output=True)
    graphml = os.path.join(work, "setup.graphml")
    with open(graphml, "wb") as f:
        exported = run(wijknet, ["export", data, "--to", "graphml"])
        f.write(exported.stdout)
    if any(marker in exported.stdout for marker in MARKERS):
        sys.exit("export --to graphml shows labels or personal columns by default")
    return {"data": data, "key": key, "graphml": graphml}


def main():
    wijknet, data = sys.argv[1], sys.argv[2]
    commands = listed_commands(wijknet)
    uncovered = [c for c in commands if c not in COMMANDS]
    if uncovered:
        sys.exit("no-leaks.py: `wijknet --help` lists %s, which COMMANDS does not cover: add "
                 "the runs that exercise its outputs" % ", ".join(uncovered))
    failures, counter = [], 0
    with tempfile.TemporaryDirectory(prefix="wijknet-no-leaks-") as work:
        fill = setup(wijknet, data, work, commands)
        for command in commands:
            runs = variants(command, COMMANDS[command], help_text(wijknet, command))
            for args, show in runs:
                counter += 1
                failures += check_run(wijknet, command, args, show, fill, work, counter)
            print("%-13s %d runs" % (command, len(runs)))
    for failure in failures:
        print("FAIL " + failure)
    missing = sorted(set(COMMANDS) - set(commands))
    if missing:
        print("in the table but not in this build: " + ", ".join(missing))
    print("%d runs of %d commands, %d failures" % (counter, len(commands), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
