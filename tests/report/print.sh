#!/bin/sh
# print.sh WIJKNET DATASET: prints `wijknet report` (Dutch) to A4 through headless Chromium
# and checks every page of the PDF (rendered by pdftoppm): none is blank, nothing reaches
# into the right margin (cut at the paper's edge), and the title has its printed size
# (Chromium shrinks the whole document to fit a table or drawing that is too wide).
set -eu
here=$(dirname "$0")
. "$here/chrome.sh"
chrome --no-pdf-header-footer --print-to-pdf="$tmp/report.pdf" "file://$tmp/report.html" \
    > "$tmp/print.log" 2>&1 || true
[ -s "$tmp/report.pdf" ] || fail "no PDF printed: $(cat "$tmp/print.log")"
pdftoppm -gray -r 100 "$tmp/report.pdf" "$tmp/page"
python3 "$here/pdf-pages.py" "$tmp"/page-*.pgm || fail "a printed page is blank or cut"
