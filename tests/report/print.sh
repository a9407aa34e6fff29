#!/bin/sh
# print.sh WIJKNET DATASET: prints `wijknet report` (Dutch) to A4 through headless Chromium
# and checks every page of the PDF (rendered by pdftoppm): none is blank, and nothing
# reaches into the right margin (a table or drawing wider than the page would be cut
# off at the paper's edge, and be seen there first).
set -eu
wijknet=$1 dataset=$2 here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$wijknet" report "$dataset" -o "$tmp/report.html"
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$tmp/profile" \
    --no-pdf-header-footer --print-to-pdf="$tmp/report.pdf" "file://$tmp/report.html" \
    > "$tmp/print.log" 2>&1 || true
[ -s "$tmp/report.pdf" ] || fail "no PDF printed: $(cat "$tmp/print.log")"
pdftoppm -gray -r 100 "$tmp/report.pdf" "$tmp/page"
python3 "$here/pdf-pages.py" "$tmp"/page-*.pgm || fail "a printed page is blank or cut"
