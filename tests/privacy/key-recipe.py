#!/usr/bin/python3
"""The README's Python recipe for a pseudonym gives wijknet's, for a key from --new-key
and for a hand-written key with a trailing line end; a key file with a NUL byte is refused.

Usage: key-recipe.py WIJKNET
"""
import csv
import hmac
import os
import subprocess
import sys
import tempfile

LETTER = {"resident": "R", "professional": "P", "group": "G", "organisation": "O"}


def recipe(path, node_id, kind):
    key = open(path, "rb").read().rstrip(b" \t\r\n")  # the README's words
    return LETTER[kind] + "-" + hmac.new(key, node_id.encode(), "sha256").hexdigest()[:16]


def main():
    wijknet = sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        os.chdir(work)
        subprocess.run([wijknet, "generate", "--residents", "40", "--seed", "2", "-o", "wijk"],
                       check=True, capture_output=True)
        os.makedirs("keys")
        subprocess.run([wijknet, "pseudonymise", "--new-key", "keys/new.key"], check=True,
                       capture_output=True)
        with open("keys/hand.key", "w") as f:
            f.write("a hand-written key of more than 32 bytes\r\n")
        checked = 0
        for key in ("keys/new.key", "keys/hand.key"):
            out = "pseudo-" + os.path.basename(key)
            subprocess.run([wijknet, "pseudonymise", "wijk", "--key-file", key, "-o", out],
                           check=True, capture_output=True)
            with open("wijk/nodes.csv") as a, open(os.path.join(out, "nodes.csv")) as b:
                for before, after in zip(csv.DictReader(a), csv.DictReader(b)):
                    want = recipe(key, before["id"], before["type"])
                    if after["id"] != want:
                        sys.exit(f"FAIL: {key}: {before['id']} became {after['id']}, "
                                 f"the recipe gives {want}")
                    checked += 1
        with open("keys/nul.key", "wb") as f:
            f.write(b"0123456789abcdef0123456789abcdef\0tail\n")
        p = subprocess.run([wijknet, "pseudonymise", "wijk", "--key-file", "keys/nul.key",
                            "-o", "pseudo-nul"], capture_output=True, text=True)
        if p.returncode != 65 or "NUL byte at byte 33" not in p.stderr:
            sys.exit(f"FAIL: a key with a NUL byte: exit {p.returncode}, {p.stderr}")
        print(f"key-recipe: {checked} pseudonyms as the README's recipe gives them")


if __name__ == "__main__":
    main()
