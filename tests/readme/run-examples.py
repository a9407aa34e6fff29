#!/usr/bin/python3
"""Every example in the README runs: each `wijknet …` line of a ```sh block, each complete
`wijknet …` command quoted in the text (one without a placeholder such as DATASET, FILE
or N), the [isolation] settings file and the batch job file. They run in a scratch copy
of datasets/ with the files they name made from the bundled datasets (mywijk: a small
generated town; net.gml, net.dl, ties.txt: karate exported; export/interview1/ and
interview1.graphml: the Network Canvas test interviews). Each must exit 0, except the
examples the README shows failing, which must fail as shown. The README's own command
`wijknet generate --residents 5500 --seed 2025 -o datasets/demo-wijk` must remake the
bundled demo-wijk byte for byte.

Usage: run-examples.py WIJKNET REPOSITORY
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

PLACEHOLDER = re.compile(r"\b(DATASET|DIR|FILE|FORMAT|TOWN|JOB|N|ID|COMMAND)\b|…|\[|\|")
# Examples the README shows failing, with the exit code it documents.
FAILING = {"wijknet check mywijk-bad": 65}


def commands(readme):
    """The README's example commands, in order, each once."""
    found = []
    for lang, body in re.findall(r"```(\w*)\n(.*?)```", readme, re.S):
        if lang != "sh":
            continue
        for line in body.splitlines():
            words = shlex.split(line, comments=True)
            if words[:1] == ["wijknet"]:
                found.append(" ".join(shlex.quote(w) for w in words))
    for span in re.findall(r"`(wijknet [^`]+)`", readme):
        span = " ".join(span.split())
        names_a_file = any("/" in w or "." in w or w == "mywijk" for w in span.split()[2:])
        if not PLACEHOLDER.search(span) and names_a_file:  # a whole command, not an option
            found.append(span)
    seen = set()
    return [c for c in found if not (c in seen or seen.add(c))]


def block(readme, lang, starts):
    for body in re.findall(r"```" + lang + r"\n(.*?)```", readme, re.S):
        if body.startswith(starts):
            return body
    sys.exit(f"FAIL: the README has no ```{lang} block starting {starts!r}")


def prepare(wijknet, repo, work):
    """The files the examples name."""
    shutil.copytree(os.path.join(repo, "datasets"), os.path.join(work, "datasets"))
    run = lambda *args: subprocess.run([wijknet, *args], cwd=work, check=True,  # noqa: E731
                                       capture_output=True)
    run("generate", "--residents", "300", "--seed", "11", "-o", "mywijk")
    for fmt, name in (("gml", "net.gml"), ("ucinet", "net.dl"), ("edgelist", "ties.txt")):
        run("export", "datasets/karate", "--to", fmt, "-o", name)
    data = os.path.join(repo, "tests", "data")
    shutil.copytree(os.path.join(data, "formats-nc-interview"),
                    os.path.join(work, "export", "interview1"))
    shutil.copy(os.path.join(data, "formats-nc-graphml", "interview.graphml"),
                os.path.join(work, "interview1.graphml"))
    shutil.copy(os.path.join(data, "formats-nc-graphml", "interview.graphml"),
                os.path.join(work, "interview.graphml"))
    os.makedirs(os.path.join(work, "keys"))
    os.makedirs(os.path.join(work, "data"))
    shutil.copytree(os.path.join(work, "datasets", "karate"), os.path.join(work, "data", "noord"))
    shutil.copytree(os.path.join(work, "datasets", "demo-wijk"),
                    os.path.join(work, "data", "stad"))


def run_example(wijknet, work, command):
    words = shlex.split(command.replace("~/keys/", "keys/"))
    if words[-2:] == ["-o", "datasets/demo-wijk"] and words[1] == "generate":
        words[-1] = "demo-again"
    for i, w in enumerate(words[:-1]):
        if w in ("-o", "--output") and os.path.isdir(os.path.join(work, words[i + 1])):
            shutil.rmtree(os.path.join(work, words[i + 1]))  # each example on a fresh folder
    p = subprocess.run([wijknet] + words[1:], cwd=work, capture_output=True, text=True,
                       timeout=600)
    want = FAILING.get(command, 0)
    if p.returncode != want:
        sys.exit(f"FAIL: `{command}` exited {p.returncode}, expected {want}:\n{p.stderr}")
    return words


def check_help_files(wijknet, repo):
    """Every file of the repository a --help text points at exists."""
    listed = subprocess.run([wijknet, "--help"], capture_output=True, text=True).stdout
    named = 0
    for command in re.findall(r"^  (\w+) ", listed, re.M):
        text = subprocess.run([wijknet, "help", command], capture_output=True, text=True).stdout
        for path in re.findall(r"\b((?:docs|tests|notebooks-export|engine|cli|datasets)/"
                               r"[\w./-]*\w)", text):
            if not os.path.exists(os.path.join(repo, path)):
                sys.exit(f"FAIL: wijknet help {command} names {path}, which is not there")
            named += 1
    return named


def main():
    wijknet, repo = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    readme = open(os.path.join(repo, "README.md"), encoding="utf-8").read()
    with tempfile.TemporaryDirectory() as work:
        prepare(wijknet, repo, work)
        ran = 0
        for command in commands(readme):
            words = run_example(wijknet, work, command)
            ran += 1
            if words[1] == "generate" and words[-1] == "demo-again":
                for name in ("nodes.csv", "ties.csv"):
                    a = open(os.path.join(work, "demo-again", name), "rb").read()
                    b = open(os.path.join(repo, "datasets", "demo-wijk", name), "rb").read()
                    if a != b:
                        sys.exit(f"FAIL: the README's generate command does not remake "
                                 f"datasets/demo-wijk/{name}")
        with open(os.path.join(work, "isolation.ini"), "w") as f:
            f.write(block(readme, "ini", "[isolation]"))
        subprocess.run([wijknet, "isolation", "datasets/karate", "--config", "isolation.ini"],
                       cwd=work, check=True, capture_output=True)
        with open(os.path.join(work, "job.json"), "w") as f:
            f.write(block(readme, "json", '{"outputs"'))
        p = subprocess.run([wijknet, "batch", "job.json"], cwd=work, capture_output=True,
                           text=True)
        if p.returncode != 0:
            sys.exit(f"FAIL: the README's batch job exited {p.returncode}:\n{p.stderr}")
        named = check_help_files(wijknet, repo)
        print(f"readme examples: {ran} commands, the settings file and the job file ran; "
              f"--help names {named} files of the repository, each there")


if __name__ == "__main__":
    main()
