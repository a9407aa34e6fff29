#!/usr/bin/python3
"""The command in datasets/demo-wijk-2/README.md remakes the bundled second wave byte for byte.
Usage: evolve-remakes-demo-wijk-2.py WIJKNET REPOSITORY
"""
import filecmp
import os
import subprocess
import sys
import tempfile


def main():
    wijknet, repo = sys.argv[1:3]
    bundled = os.path.join(repo, "datasets", "demo-wijk-2")
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "demo-wijk-2")
        subprocess.run([wijknet, "generate", "--evolve", os.path.join(repo, "datasets", "demo-wijk"),
                        "--seed", "2026", "-o", out], check=True)
        names = sorted(os.listdir(out))
        assert names == sorted(n for n in os.listdir(bundled) if n != "README.md"), names
        _, mismatch, errors = filecmp.cmpfiles(out, bundled, names, shallow=False)
        assert not mismatch and not errors, (mismatch, errors)
        print("generate --evolve remakes", ", ".join(names))


main()
