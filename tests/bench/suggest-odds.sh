#!/bin/sh
# suggest-odds.sh WIJKNET WIJKNET_SUGGEST_ODDS WORK: wijknet-suggest-odds on a town it did
# not see before (2,000 residents, seed 4): the evaluation's methods with generator-odds
# last; a town of another seed is refused with exit 65 and says why; no replicates is a
# usage error (64).
set -u
wijknet=$1 odds=$2 work=$3
rm -rf "$work" && mkdir -p "$work" || exit 1
"$wijknet" generate -n 2000 --seed 4 -o "$work/town" >/dev/null || exit 1
"$odds" -n 2000 --seed 4 --replicates 20 "$work/town" >"$work/cold.csv" || exit 1
"$odds" -n 2000 --seed 4 --replicates 20 --cold-start 0 "$work/town" >"$work/warm.csv" || exit 1
methods() { sed -n 's/^\([a-z-]*\),5,.*/\1/p' "$1" | tr '\n' ' '; }
cold=$(methods "$work/cold.csv") warm=$(methods "$work/warm.csv")
[ "$cold" = "mixed random-area nearest same-age-area generator-odds " ] ||
    { echo "cold start: methods $cold"; exit 1; }
[ "$warm" = "mixed common-neighbours random-area generator-odds " ] ||
    { echo "warm: methods $warm"; exit 1; }
# the first line says how many targets and hidden ties, the rates lie in [0, 1]
head -1 "$work/cold.csv" | grep -q '^# [0-9]* targets, [0-9]* ties hidden, 20 replicates$' ||
    { echo "cold start: first line $(head -1 "$work/cold.csv")"; exit 1; }
awk -F, 'FNR > 2 && ($3 < 0 || $3 > 1 || $4 < 0 || $4 > 1) { bad = 1 } END { exit bad }' \
    "$work/cold.csv" "$work/warm.csv" || { echo "a rate outside [0, 1]"; exit 1; }
"$odds" -n 2000 --seed 5 "$work/town" >/dev/null 2>"$work/err"
status=$?
[ "$status" = 65 ] || { echo "another seed: exit $status, expected 65"; exit 1; }
grep -qx "wijknet-suggest-odds: $work/town is not the town of -n 2000 --seed 5 (wijknet generate)" \
    "$work/err" || { echo "another seed: $(cat "$work/err")"; exit 1; }
"$odds" -n 2000 --seed 4 --replicates 0 "$work/town" >/dev/null 2>"$work/err"
status=$?
[ "$status" = 64 ] || { echo "no replicates: exit $status, expected 64"; exit 1; }
echo "suggest-odds: ok"
