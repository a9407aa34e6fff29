#!/bin/sh
# batch-resume.sh WIJKNET ROOT: a job killed (SIGKILL) midway and resumed with --resume
# ends with outputs byte-identical to a run that was never interrupted.
set -eu
wijknet=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$wijknet" generate --residents 1500 --seed 7 -o "$tmp/town" > /dev/null

for run in whole killed; do
    mkdir -p "$tmp/$run"
    cat > "$tmp/$run/job.json" <<JOB
{
  "outputs": ["check", "measures", "isolation", "brokers", "map", "report", "suggest"],
  "output": "out",
  "datasets": [
    {"path": "$root/tests/data/report-markers", "name": "markers"},
    {"path": "$root/tests/data/report-markers", "name": "markers-areas", "split": "area",
     "options": {"min_cell": 3}},
    {"path": "$root/datasets/karate"},
    {"path": "$tmp/town", "name": "town", "outputs": ["isolation", "map", "report"]},
    {"path": "$root/datasets/florentine", "options": {"lang": "en", "min_cell": 3}},
    {"path": "$tmp/town", "name": "town-areas", "split": "area",
     "outputs": ["isolation", "map", "report"]}
  ]
}
JOB
done

(cd "$tmp/whole" && "$wijknet" batch job.json > log) || fail "the uninterrupted run failed"

cd "$tmp/killed"
"$wijknet" batch job.json > log 2>&1 &
pid=$!
i=0
until [ -n "$(find out -name '*.done.json' 2>/dev/null | head -n 1)" ]; do
    i=$((i + 1))
    [ $i -lt 600 ] || fail "no output appeared"
    sleep 0.05
done
kill -KILL $pid
wait $pid 2>/dev/null || true
! grep -q "wijknet batch:" log || fail "the job ended before it was killed"
"$wijknet" batch --resume job.json > resumed || fail "the resumed run failed"
grep -q "already complete" resumed || fail "no summary"
grep -Eq ' [1-9][0-9]* already complete' resumed || fail "--resume redid everything: $(cat resumed)"

# Every file of the uninterrupted run, byte for byte (markers included); the killed run
# may leave the writer's temporary files (NAME.XXXXXX, six random letters or digits).
a='[A-Za-z0-9]'
leftover="*.$a$a$a$a$a$a"
cd "$tmp/whole/out"
find . -type f ! -name "$leftover" | sort > "$tmp/files.whole"
cd "$tmp/killed/out"
find . -type f ! -name "$leftover" | sort > "$tmp/files.killed"
cmp "$tmp/files.whole" "$tmp/files.killed" || fail "different files: $(diff "$tmp/files.whole" "$tmp/files.killed")"
while read -r f; do
    cmp "$tmp/whole/out/$f" "$tmp/killed/out/$f" || fail "$f differs"
done < "$tmp/files.whole"
echo "ok: $(wc -l < "$tmp/files.whole") files identical after kill and resume"
