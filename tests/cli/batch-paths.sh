#!/bin/sh
# batch-paths.sh WIJKNET: a batch writes only where its job says (README "wijknet batch"):
# a dataset name is one folder name; two datasets whose folders resolve to one (./, a
# trailing or double slash, .., a symbolic link) are refused before anything runs (exit
# 65, naming the field); a planted .wijknet link is refused, not followed; area codes
# map to folder names one-to-one.
. "$(dirname "$0")/lib.sh"

"$wijknet" generate --residents 40 --seed 4 -o wijk > /dev/null || fail "generate"

# refused TEXT JOB: batch JOB exits 65 with TEXT on stderr and writes nothing
refused() {
    printf '%s\n' "$2" > job.json
    rm -rf out elsewhere escaped x
    "$wijknet" batch job.json > /dev/null 2> err.txt
    got=$?
    [ "$got" -eq 65 ] || fail "$2 exited $got, expected 65: $(cat err.txt)"
    grep -qF -- "$1" err.txt || fail "$2 said '$(cat err.txt)', expected '$1'"
    [ -e out ] || [ -e escaped ] || [ -e x ] && fail "$2 wrote something"
    return 0
}
refused 'datasets[0]: "name" must be one folder name' \
    '{"outputs": ["check"], "output": "out", "datasets": [{"path": "wijk", "name": "../escaped"}]}'
refused 'datasets[0]: "name" must be one folder name' \
    '{"outputs": ["check"], "output": "out", "datasets": [{"path": "wijk", "name": "a/../../x"}]}'
refused 'datasets[0]: "name" must be one folder name' \
    '{"outputs": ["check"], "output": "out", "datasets": [{"path": "wijk", "name": ""}]}'
refused 'datasets[0]: "name" must be one folder name' \
    '{"outputs": ["check"], "output": "out", "datasets": [{"path": "wijk", "name": "."}]}'
refused 'give a "name"' \
    '{"outputs": ["check"], "output": "out", "datasets": [{"path": "."}]}'
refused 'would write into the top-level "output" folder itself' \
    '{"outputs": ["check"], "output": "out", "datasets": [{"path": "wijk", "output": "out/"}]}'
for other in out/./a out//a/ out/b/../a; do
    refused 'share a name or an output folder' \
        "{\"outputs\": [\"check\"], \"datasets\": [{\"path\": \"wijk\", \"name\": \"one\", \"output\": \"out/a\"}, {\"path\": \"wijk\", \"name\": \"two\", \"output\": \"$other\"}]}"
done
mkdir -p real && ln -s real linked
refused 'share a name or an output folder' \
    '{"outputs": ["check"], "datasets": [{"path": "wijk", "name": "one", "output": "real/a"}, {"path": "wijk", "name": "two", "output": "linked/a"}]}'

# a planted .wijknet link: refused, nothing lands where it points
mkdir -p planted/wijk elsewhere && ln -s ../../elsewhere planted/wijk/.wijknet
printf '{"outputs": ["check"], "output": "planted", "datasets": [{"path": "wijk"}]}\n' > job.json
"$wijknet" batch --force job.json > /dev/null 2> err.txt
[ $? -eq 73 ] || fail "a planted .wijknet link: $(cat err.txt)"
grep -qF "got a symbolic link" err.txt || fail "a planted .wijknet link said '$(cat err.txt)'"
[ -z "$(ls elsewhere)" ] || fail "markers landed where the planted link points"

# area codes BU/01 and BU_01 are two folders
mkdir codes
printf 'id,type,area\na,resident,BU/01\nb,resident,BU_01\nc,resident,BU/01\n' > codes/nodes.csv
printf 'source,target\na,c\n' > codes/ties.csv
printf '{"outputs": ["check"], "output": "split", "datasets": [{"path": "codes", "split": "area"}]}\n' > job.json
"$wijknet" batch job.json > /dev/null 2> err.txt || fail "split: $(cat err.txt)"
[ -f split/codes/BU%2F01/check.json ] && [ -f split/codes/BU_01/check.json ] ||
    fail "area folders: $(find split)"
echo "batch paths: 11 refused, 1 link not followed, area folders one-to-one"
