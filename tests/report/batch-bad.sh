#!/bin/sh
# batch-bad.sh WIJKNET ROOT: a bad dataset in a job: the others complete, the summary
# names it, and the exit code is 65 (bad data).
set -eu
wijknet=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cat > "$tmp/job.json" <<JOB
{
  "outputs": ["check", "isolation", "report"],
  "output": "out",
  "datasets": [
    {"path": "$root/tests/data/report-markers", "name": "markers"},
    {"path": "$root/tests/data/batch-bad", "name": "self-tie"},
    {"path": "$root/datasets/florentine", "outputs": ["check", "measures"]}
  ]
}
JOB
status=0
(cd "$tmp" && "$wijknet" batch job.json > summary 2> errors) || status=$?
[ "$status" -eq 65 ] || fail "exit code $status, expected 65"
for f in markers/check.json markers/isolation.csv markers/report.html markers/run.json \
         florentine/check.json florentine/measures.csv florentine/run.json; do
    [ -s "$tmp/out/$f" ] || fail "$f was not written"
done
[ ! -e "$tmp/out/self-tie/run.json" ] || fail "the bad dataset got a run.json"
grep -qx 'failed: self-tie (the dataset)' "$tmp/summary" || fail "the summary does not name it: $(cat "$tmp/summary")"
grep -q '^wijknet batch: 3 datasets, 2 complete, 1 with failures' "$tmp/summary" || fail "no summary line"
grep -q 'self-tie: .*ties.csv:3:2: expected a target other than the source' "$tmp/errors" || fail "no reason: $(cat "$tmp/errors")"
# Silent in a pipe: no progress bar on stderr without --progress, and one with it.
if grep -q '\[#*\.*\]' "$tmp/errors"; then fail "a progress bar in a pipe"; fi
(cd "$tmp" && "$wijknet" batch --resume --progress job.json > /dev/null 2> progress) || true
grep -q '100%' "$tmp/progress" || fail "--progress drew no bar"
echo "ok: bad dataset reported, others complete, exit 65"
