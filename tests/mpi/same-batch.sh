#!/bin/sh
# tests/mpi/same-batch.sh WIJKNET MPIEXEC DIR SOURCE NP [MPIEXEC OPTION…]: a batch job of
# three datasets (of the source tree SOURCE) run in one process and under
# `MPIEXEC -np NP`, then compared byte for byte; then the ranks' run again with --resume
# must find every output complete
. "$(dirname "$0")/batch-lib.sh"
both_jobs job.json <<JOB
{
  "outputs": ["check", "measures", "isolation", "brokers", "suggest"],
  "output": "out",
  "datasets": [
    {"path": "$src/datasets/karate"},
    {"path": "$src/tests/data/analyse-wijk"},
    {"path": "$src/tests/data/isolation-wijk"}
  ]
}
JOB
(cd "$dir/one" && "$wijknet" batch job.json >summary)
(cd "$dir/ranks" && ranks batch job.json >summary)
test "$(ls "$dir/one/out" | wc -l)" -eq 3
diff -r "$dir/one" "$dir/ranks"
(cd "$dir/ranks" && ranks batch --resume job.json >resumed)
grep -q "outputs: 0 written, 15 already complete, 0 failed" "$dir/ranks/resumed"
# a bad dataset, run by another rank than the first: the same summary and exit code
for run in one ranks; do
    sed "s|$src/tests/data/analyse-wijk|$src/tests/data/batch-bad|" "$dir/$run/job.json" \
        >"$dir/$run/bad.json"
done
same_failure bad.json
grep -q "^wijknet: batch-bad" "$dir/ranks/bad-errors"
echo "$np ranks: the batch's files the same as one process's; --resume finds them complete"
