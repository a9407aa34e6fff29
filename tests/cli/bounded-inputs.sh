#!/bin/sh
# bounded-inputs.sh WIJKNET: an input that is not a regular file (a FIFO, a device) is
# refused at once, naming it, with exit 66; it is never waited on nor read without end
# (README "Exit codes"). Every command runs under a 20 s timeout: a hang fails the test.
. "$(dirname "$0")/lib.sh"

# expect CODE TEXT COMMAND…: the command ends within 20 s with CODE and TEXT on stderr
expect() {
    code=$1 text=$2
    shift 2
    timeout 20 "$wijknet" "$@" > out.txt 2> err.txt
    got=$?
    [ "$got" -eq 124 ] && fail "$* did not end within 20 s"
    [ "$got" -eq "$code" ] || fail "$* exited $got, expected $code: $(cat err.txt)"
    grep -qF -- "$text" err.txt || fail "$* said '$(cat err.txt)', expected '$text'"
}

"$wijknet" generate --residents 30 --seed 1 -o wijk > /dev/null || fail "generate"

# a FIFO as nodes.csv: no writer ever comes
cp -r wijk fifo && rm fifo/nodes.csv && mkfifo fifo/nodes.csv
expect 66 "fifo/nodes.csv: expected a file, got a named pipe (FIFO)" check fifo
# dataset.json linking to /dev/zero: endless zeros
cp -r wijk zero && ln -sf /dev/zero zero/dataset.json
expect 66 "zero/dataset.json: expected a file, got a device" measures zero
# ties.csv as a device
cp -r wijk null && rm null/ties.csv && ln -s /dev/null null/ties.csv
expect 66 "null/ties.csv: expected a file, got a device" isolation null
# a key file of endless zeros
expect 66 "/dev/zero: expected a file, got a device" pseudonymise wijk --key-file /dev/zero -o pseudo
# a batch job file that is a FIFO
mkfifo job.json
expect 66 "job.json: expected a file, got a named pipe (FIFO)" batch job.json
# a dataset.json over its limit (64 MiB) is refused before it is read
cp -r wijk big && truncate -s 65M big/dataset.json
expect 66 "big/dataset.json: larger than the limit of 67108864 bytes" check big
# a FIFO to import
mkfifo net.graphml
expect 66 "net.graphml: expected a file, got a named pipe (FIFO)" import net.graphml --from graphml -o imported
[ -e imported ] && fail "a refused import left imported/"
# areas.geojson as a FIFO
cp -r wijk shapes && rm shapes/areas.geojson && mkfifo shapes/areas.geojson
expect 66 "shapes/areas.geojson: expected a file, got a named pipe (FIFO)" map shapes -o shapes-map
echo "bounded inputs: 8 refused at once"
