#!/bin/sh
# odd-outputs.sh WIJKNET: -o onto anything but a file or a new name is refused with exit
# 73 and leaves it as it was: a FIFO, a symbolic link, a folder, a device (README "Exit
# codes"). Standard output is "-".
. "$(dirname "$0")/lib.sh"

"$wijknet" generate --residents 30 --seed 1 -o wijk > /dev/null || fail "generate"
mkfifo pipe
echo "kept" > target.txt
ln -s target.txt link
mkdir folder

# refused CODE TEXT COMMAND…
refused() {
    text=$1
    shift
    timeout 20 "$wijknet" "$@" > /dev/null 2> err.txt
    got=$?
    [ "$got" -eq 73 ] || fail "$* exited $got, expected 73: $(cat err.txt)"
    grep -qF -- "$text" err.txt || fail "$* said '$(cat err.txt)', expected '$text'"
}
refused "pipe: cannot write over a named pipe (FIFO)" measures wijk -o pipe
refused "link: cannot write over a symbolic link" isolation wijk -o link
refused "folder: cannot write over a folder" brokers wijk -o folder
refused "/dev/null: cannot write over a device" measures wijk -o /dev/null
refused "link: cannot write over a symbolic link" report wijk -o link
[ -p pipe ] || fail "the FIFO was replaced"
[ -L link ] && [ "$(cat target.txt)" = kept ] || fail "the link or its target changed"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
"$wijknet" measures wijk -f csv -o - > stdout.csv || fail "-o - is standard output"
head -1 stdout.csv | grep -q '^id,' || fail "-o - wrote no table"
echo "odd outputs: 5 refused, nothing replaced"
