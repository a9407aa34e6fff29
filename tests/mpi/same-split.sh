#!/bin/sh
# tests/mpi/same-split.sh WIJKNET MPIEXEC DIR SOURCE NP [MPIEXEC OPTION…]: a batch job with
# datasets split by area (of the source tree SOURCE), run in one process and under
# `MPIEXEC -np NP`, compared byte for byte; the areas of one dataset must have been
# written by several ranks; an area folder removed is rewritten by --resume under the
# ranks, and then one process finds everything complete; a split dataset that cannot be
# loaded gives one process's summary and exit code
. "$(dirname "$0")/batch-lib.sh"
both_jobs job.json <<JOB
{
  "outputs": ["check", "measures", "isolation", "brokers", "map", "suggest"],
  "options": {"lang": "en", "min_cell": 3},
  "output": "out",
  "datasets": [
    {"path": "$src/datasets/demo-wijk", "split": "area"},
    {"path": "$src/datasets/karate"},
    {"path": "$src/tests/data/isolation-wijk", "split": "area"}
  ]
}
JOB
(cd "$dir/one" && "$wijknet" batch job.json >summary)
(cd "$dir/ranks" && WIJKNET_DEBUG_RANKS=1 ranks batch job.json >summary 2>../areas.txt)
test -d "$dir/one/out/demo-wijk/BU99990002"
diff -r "$dir/one" "$dir/ranks"
# the areas of demo-wijk were written by more than one rank, each area by one
writers=$(grep "area BU9999000[1-3] of demo-wijk" "$dir/areas.txt" | cut -d' ' -f2 | sort -u | wc -l)
test "$writers" -eq "$(( np < 3 ? np : 3 ))"
test "$(grep -c "of demo-wijk" "$dir/areas.txt")" -eq 3
# --resume across ranks: a removed area folder is written again, nothing else
written=$(sed -n 's/.*outputs: \([0-9]*\) written.*/\1/p' "$dir/one/summary")
rm -rf "$dir/ranks/out/demo-wijk/BU99990002"
(cd "$dir/ranks" && ranks batch --resume job.json >resumed)
grep -q "outputs: 6 written, $((written - 6)) already complete, 0 failed" "$dir/ranks/resumed"
diff -r "$dir/one/out" "$dir/ranks/out"
(cd "$dir/ranks" && "$wijknet" batch --resume job.json >resumed-one)
grep -q "outputs: 0 written, $written already complete, 0 failed" "$dir/ranks/resumed-one"
# a split dataset that cannot be loaded: told once, by rank 0, with one process's exit code
both_jobs bad.json <<JOB
{
  "outputs": ["check", "isolation"],
  "output": "bad",
  "datasets": [
    {"path": "$src/tests/data/isolation-wijk", "split": "area"},
    {"path": "$src/tests/data/batch-bad", "split": "area"},
    {"path": "$src/datasets/karate"}
  ]
}
JOB
same_failure bad.json
test "$(grep -c "^wijknet: batch-bad" "$dir/ranks/bad-errors")" -eq 1
echo "$np ranks: the split batch's files the same as one process's, areas by $writers ranks; --resume across ranks"
