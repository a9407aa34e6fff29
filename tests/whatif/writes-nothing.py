#!/usr/bin/python3
"""`wijknet whatif` and `wijknet compare` write nothing into the datasets they read: every
file keeps its bytes and time, and no file is added, in every format and with every option.
Usage: writes-nothing.py WIJKNET REPOSITORY
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile


def snapshot(folder):
    found = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                found[path] = (hashlib.sha256(f.read()).hexdigest(), os.stat(path).st_mtime_ns)
    return found


def main():
    wijknet, repo = sys.argv[1:3]
    with tempfile.TemporaryDirectory() as work:
        for name in ("whatif-cut", "whatif-wave2", "whatif-suggest"):
            shutil.copytree(os.path.join(repo, "tests", "data", name), os.path.join(work, name))
        before = snapshot(work)
        runs = []
        for fmt in ("table", "csv", "json"):
            runs += [["whatif", "whatif-cut", "--remove", "r2", "--format", fmt],
                     ["whatif", "whatif-suggest", "--add-suggestions", "--add-ties",
                      "whatif-suggest/new-ties.csv", "--format", fmt],
                     ["compare", "whatif-cut", "whatif-wave2", "--suggestions",
                      "whatif-wave2/suggestions.csv", "--format", fmt]]
        out = tempfile.mkdtemp()
        runs.append(["report", "whatif-wave2", "--compare", "whatif-cut", "-o",
                     os.path.join(out, "report.html")])
        for args in runs:
            subprocess.run([wijknet] + args, cwd=work, check=True, capture_output=True)
        shutil.rmtree(out)
        after = snapshot(work)
        assert after == before, sorted(set(after.items()) ^ set(before.items()))
        print(f"{len(runs)} runs; the {len(before)} files of the datasets are as they were")


main()
