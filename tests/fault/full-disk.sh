#!/bin/sh
# full-disk.sh WIJKNET: on a full filesystem (a 64 KiB tmpfs) every command that writes
# exits 74, names the output it could not write (never a temporary file), and leaves no
# temporary or half-written file behind. Needs to mount a tmpfs: where the machine does
# not allow it (no CAP_SYS_ADMIN), the test is skipped (exit 77).
set -u
wijknet=$1
top=$(mktemp -d)
small=$top/small
mkdir "$small"
if ! mount -t tmpfs -o size=64k tmpfs "$small" 2> /dev/null; then
    echo "SKIP: cannot mount a small tmpfs here"
    rmdir "$small" "$top"
    exit 77
fi
trap 'umount "$small"; rm -rf "$top"' EXIT
cd "$top" || exit 1
fail() { echo "FAIL: $*"; exit 1; }

"$wijknet" generate --residents 3000 --seed 7 -o wijk > /dev/null || fail "generate"
"$wijknet" export wijk --to graphml -o wijk.graphml 2> /dev/null || fail "export"
"$wijknet" pseudonymise --new-key k.key > /dev/null || fail "new key"
printf '{"outputs": ["check", "measures", "map"], "output": "%s/batch", "datasets": [{"path": "wijk"}]}\n' \
    "$small" > job.json

# full NAME COMMAND…: exit 74, the message names an output under $small, nothing left over
full() {
    name=$1
    shift
    "$wijknet" "$@" > /dev/null 2> err.txt
    got=$?
    [ "$got" -eq 74 ] || fail "$name exited $got, expected 74: $(cat err.txt)"
    grep -q "$small/.*: cannot write: No space left on device" err.txt ||
        fail "$name said '$(cat err.txt)'"
    grep -qE '\.[A-Za-z0-9]{6}: ' err.txt && fail "$name named a temporary file: $(cat err.txt)"
    leftover=$(find "$small" -type f -name '*.??????' | head -1)
    [ -z "$leftover" ] || fail "$name left $leftover"
    rm -rf "${small:?}"/*
}
full measures measures wijk -f csv -o "$small/m.csv"
full analyse analyse wijk -o "$small/an"
full map map wijk -o "$small/map"
full import import wijk.graphml --from graphml -o "$small/imported"
full generate generate --residents 3000 --seed 7 -o "$small/town"
full pseudonymise pseudonymise wijk --key-file k.key -o "$small/pseudo"
full export export wijk --to gml -o "$small/w.gml"
full batch batch job.json
echo "full disk: 8 commands exit 74 naming their output, nothing left over"
