#!/bin/sh
# no-overwrite.sh WIJKNET: no command writes into a folder that holds something unless
# --force (README "Output folders"): each is refused with exit 73, naming the folder, and
# every file's bytes, times and the file list stay as they were; with --force the command
# writes, and the files it does not write are kept and named in a warning. batch --resume
# continues in its own output.
set -u
wijknet=$1
top=$(mktemp -d)
trap 'rm -rf "$top"' EXIT
tmp=$top/work
mkdir "$tmp"
fail() { echo "FAIL: $*"; exit 1; }
cd "$tmp" || exit 1

# every file under the folders, with its bytes, size and modification time
snapshot() { find "$@" -exec stat -c '%n %s %Y %i' {} + | sort; find "$@" -type f -exec sha256sum {} + | sort; }

"$wijknet" generate --residents 60 --seed 3 -o wijk > /dev/null || fail "generate"
echo "about this wijk" > wijk/README.md
"$wijknet" export wijk --to graphml > wijk.graphml 2> /dev/null || fail "export"
"$wijknet" map wijk -o map > /dev/null || fail "map"
"$wijknet" analyse wijk -o analyse || fail "analyse"
"$wijknet" export wijk --to notebook -o nb.ipynb || fail "notebook"
"$wijknet" pseudonymise --new-key k.key > /dev/null || fail "new key"
printf '{"outputs": ["check", "measures"], "output": "batch", "datasets": [{"path": "wijk"}]}\n' > job.json
"$wijknet" batch job.json > /dev/null || fail "batch"
before=$(snapshot .)

# refused: exit 73, the folder named, nothing changed
refused() {
    folder=$1; shift
    "$wijknet" "$@" > ../last-out 2> ../last-err
    status=$?
    [ "$status" -eq 73 ] || fail "$*: exit $status, expected 73"
    grep -q "^wijknet: $folder: the folder already holds" ../last-err || fail "$*: $(cat ../last-err)"
    [ -s ../last-out ] && fail "$*: wrote $(cat ../last-out)"
    [ "$(snapshot .)" = "$before" ] || fail "$*: changed files"
}
refused wijk import wijk.graphml --from graphml -o wijk
grep -qx "wijknet: wijk: the folder already holds a dataset (nodes.csv, ties.csv, dataset.json, README.md …); give --force to write into it" ../last-err ||
    fail "import: $(cat ../last-err)"
refused wijk generate --residents 60 -o wijk
refused map map wijk -o map
refused analyse analyse wijk -o analyse
refused nb_data export wijk --to notebook -o nb.ipynb
refused wijk pseudonymise wijk --key-file k.key -o wijk
refused ./batch/wijk batch job.json

# batch --resume continues in its own output
"$wijknet" batch --resume job.json > ../resumed || fail "batch --resume"
grep -q "0 written, 2 already complete" ../resumed || fail "batch --resume: $(cat ../resumed)"

# --force writes; what the command does not write is kept and named
"$wijknet" import wijk.graphml --from graphml -o wijk --force > /dev/null 2> ../err || fail "import --force"
grep -q "^wijknet: warning: wijk: kept as they were (this command does not write them): README.md, areas.geojson$" ../err ||
    fail "import --force: $(cat ../err)"
[ "$(cat wijk/README.md)" = "about this wijk" ] || fail "import --force: README.md changed"
"$wijknet" check wijk > /dev/null || fail "import --force: the dataset does not load"
echo "old" > analyse/old.csv
"$wijknet" analyse wijk -o analyse --force 2> ../err || fail "analyse --force"
grep -q "kept as they were (this command does not write them): old.csv$" ../err || fail "analyse --force: $(cat ../err)"
"$wijknet" batch --force job.json > /dev/null || fail "batch --force"
echo "no-overwrite: every command refused a folder that holds files, and wrote with --force"
