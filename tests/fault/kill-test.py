#!/usr/bin/python3
"""Kill -9 at seeded random moments during `analyse`, `map`, `report` and `batch`.

After each kill every output must be absent, the old file (when one was there before the
run), or complete (the bytes of an uninterrupted run); a file that is none of these is a
fault, except wijknet's own temporary files (NAME.XXXXXX, README.md "Privacy and safety").
A killed batch then finishes with --resume, to the same outputs.

Usage: kill-test.py WIJKNET TRIALS SEED
Prints one line per trial and a summary; exits 1 on the first fault.
"""
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TEMPORARY = re.compile(r".+\.[A-Za-z0-9]{6}$")  # g_mkstemp's NAME.XXXXXX
BATCH_FILES = {"check": ["check.json"], "measures": ["measures.csv"],
               "isolation": ["isolation.csv"], "report": ["report.html"],
               "map": ["areas.csv", "map.svg"]}  # each output's files, for its .done marker
ENV = dict(os.environ, OMP_NUM_THREADS="1", LC_ALL="C.UTF-8")  # PageRank's bits pinned


def run(args, cwd):
    subprocess.run(args, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def files_under(folder):
    """Every file under @folder, by its path relative to @folder."""
    found = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            found[os.path.relpath(path, folder)] = path
    return found


def read(path):
    with open(path, "rb") as f:
        return f.read()


def check_file(rel, path, complete, old):
    """Returns: None when the file is absent-or-old-or-complete, else what is wrong."""
    name = os.path.basename(rel)
    if TEMPORARY.match(name) and rel not in complete:
        return None
    data = read(path)
    if name == "run.json" or name.endswith(".done.json"):
        try:
            json.loads(data)  # holds times, so only whole-ness is checked
        except ValueError:
            return "is not whole JSON"
        return None
    if rel in complete and data == complete[rel]:
        return None
    if rel in old and data == old[rel]:
        return None
    return "is neither the old nor the complete file" if rel in complete else "is unexpected"


def snapshot(folder):
    return {rel: read(path) for rel, path in files_under(folder).items()}


class Scenario:
    """One command: how to run it into @out, and where its outputs are."""

    def __init__(self, name, args_for, single_file=False):
        self.name = name
        self.args_for = args_for  # (dataset, out) -> argv tail
        self.single_file = single_file

    def outputs(self, out):
        if self.single_file:
            return {os.path.basename(out): out} if os.path.exists(out) else {}
        return files_under(out)


def force_args(wijknet, command):
    """--force when the command has it (writing into a folder that holds outputs)."""
    text = subprocess.run([wijknet, command, "--help"], capture_output=True, text=True).stdout
    return ["--force"] if "--force" in text else []


def reference(wijknet, work, scenario, dataset, tag):
    out = os.path.join(work, f"ref-{scenario.name}-{tag}")
    if scenario.single_file:
        out += ".html"
    start = time.monotonic()
    run([wijknet] + scenario.args_for(dataset, out), work)
    seconds = time.monotonic() - start
    if scenario.single_file:
        return {os.path.basename(out): read(out)}, seconds
    return snapshot(out), seconds


def trial(wijknet, work, scenario, rng, complete, old, seconds, number):
    out = os.path.join(work, f"trial-{scenario.name}-{number}")
    before = {}
    if scenario.single_file:
        out += ".html"
        if rng.random() < 0.5:
            with open(out, "wb") as f:
                f.write(old[os.path.basename(out)] if os.path.basename(out) in old else
                        next(iter(old.values())))
            before = {os.path.basename(out): read(out)}
    elif rng.random() < 0.5:
        os.makedirs(out)
        for rel, data in old.items():
            os.makedirs(os.path.dirname(os.path.join(out, rel)), exist_ok=True)
            with open(os.path.join(out, rel), "wb") as f:
                f.write(data)
        before = dict(old)
    args = [wijknet] + scenario.args_for("town", out)
    if before and not scenario.single_file:
        args += force_args(wijknet, args[1])
    proc = subprocess.Popen(args, cwd=work, env=ENV, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.0, 1.1 * seconds))
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    if scenario.single_file:
        complete = {os.path.basename(out): next(iter(complete.values()))}
    for rel, path in scenario.outputs(out).items():
        wrong = check_file(rel, path, complete, before)
        if wrong is not None:
            print(f"FAULT {scenario.name} trial {number}: {rel} {wrong}")
            sys.exit(1)
    return killed


def batch_trial(wijknet, work, rng, complete, seconds, number):
    out = f"bout-{number}"
    job = os.path.join(work, f"job-{number}.json")
    with open(job, "w") as f:
        json.dump({"outputs": ["check", "measures", "isolation", "map", "report"],
                   "output": out,
                   "datasets": [{"path": "town"}, {"path": "town", "name": "t2",
                                                   "split": "area"}]}, f)
    proc = subprocess.Popen([wijknet, "batch", job], cwd=work, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.0, 1.1 * seconds))
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    folder = os.path.join(work, out)
    got = files_under(folder) if os.path.isdir(folder) else {}
    for rel, path in got.items():
        wrong = check_file(rel, path, complete, {})
        if wrong is not None:
            print(f"FAULT batch trial {number}: {rel} {wrong}")
            sys.exit(1)
        marker = re.match(r"(.*)/\.wijknet/(\w+)\.done\.json$", rel)
        if marker is not None:
            for name in BATCH_FILES[marker.group(2)]:
                if os.path.join(marker.group(1), name) not in got:
                    print(f"FAULT batch trial {number}: {rel} marks {name}, which is missing")
                    sys.exit(1)
    run([wijknet, "batch", "--resume", job], work)
    for rel, data in complete.items():
        name = os.path.basename(rel)
        if name == "run.json" or name.endswith(".done.json"):
            continue
        path = os.path.join(folder, rel)
        if not os.path.exists(path) or read(path) != data:
            print(f"FAULT batch trial {number}: after --resume {rel} is not complete")
            sys.exit(1)
    return killed


def main():
    wijknet, trials, seed = os.path.abspath(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    work = tempfile.mkdtemp(prefix="wijknet-kill-")
    try:
        run([wijknet, "generate", "--residents", "2000", "--seed", "5", "-o", "town"], work)
        run([wijknet, "generate", "--residents", "1500", "--seed", "6", "-o", "old-town"], work)
        scenarios = [
            Scenario("analyse", lambda d, o: ["analyse", d, "-o", o]),
            Scenario("map", lambda d, o: ["map", d, "-o", o]),
            Scenario("report", lambda d, o: ["report", d, "-o", o], single_file=True),
        ]
        rng = random.Random(seed)
        killed = total = 0
        for s in scenarios:
            complete, seconds = reference(wijknet, work, s, "town", "new")
            old, _ = reference(wijknet, work, s, "old-town", "old")
            for number in range(trials):
                killed += trial(wijknet, work, s, rng, complete, old, seconds, number)
                total += 1
        job = os.path.join(work, "job-ref.json")
        with open(job, "w") as f:
            json.dump({"outputs": ["check", "measures", "isolation", "map", "report"],
                       "output": "bout-ref",
                       "datasets": [{"path": "town"}, {"path": "town", "name": "t2",
                                                       "split": "area"}]}, f)
        start = time.monotonic()
        run([wijknet, "batch", job], work)
        seconds = time.monotonic() - start
        complete = snapshot(os.path.join(work, "bout-ref"))
        for number in range(trials):
            killed += batch_trial(wijknet, work, rng, complete, seconds, number)
            total += 1
        print(f"kill-test: {total} runs, {killed} killed mid-run, every output absent, "
              f"old or complete")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
