#!/bin/sh
# chromium.sh WIJKNET DATASET: renders `wijknet report` in headless Chromium and checks that
# the page fetches nothing, logs no console error, holds the summary and is not blank.
set -eu
here=$(dirname "$0")
. "$here/chrome.sh"

# 1. Nothing in the file points outside it (the SVG namespace is a name, not a fetch).
sed -E 's/xmlns(:[a-z]+)?="[^"]*"//g' "$tmp/report.html" > "$tmp/stripped.html"
if grep -Eio '(https?:|ftp:|file:|src *=|<script|<link|<img|<iframe|@import|url\( *[^#])' \
        "$tmp/stripped.html"; then
    fail "the report refers to something outside itself"
fi
if grep -Eo 'href="[^#][^"]*"' "$tmp/report.html"; then
    fail "the report links outside itself"
fi

# 2. The DOM as rendered holds the summary; the log shows no console error and no
# blocked request (the page's Content-Security-Policy forbids every fetch, so any
# attempt would be reported there).
chrome --dump-dom "file://$tmp/report.html" > "$tmp/dom.html" 2> "$tmp/dom.log" || true
grep -q '<p class="summary">In deze wijk wonen' "$tmp/dom.html" || fail "no summary in the DOM"
grep -q '<svg' "$tmp/dom.html" || fail "no inline map in the DOM"
if grep -Ei 'CONSOLE|Content Security Policy|Refused to|ERR_' "$tmp/dom.log"; then
    fail "the page logged an error or a blocked request"
fi

# 3. A screenshot that is not one flat colour.
chrome --screenshot="$tmp/report.png" --window-size=1000,1400 --hide-scrollbars \
    "file://$tmp/report.html" 2> "$tmp/shot.log" || true
[ -s "$tmp/report.png" ] || fail "no screenshot"
if grep -Ei 'CONSOLE|Content Security Policy|Refused to' "$tmp/shot.log"; then
    fail "the page logged an error while drawing"
fi
colours=$(python3 "$here/png-colours.py" "$tmp/report.png")
[ "$colours" -ge 8 ] || fail "the screenshot is blank ($colours colours)"
if [ -n "${WN_KEEP_SCREENSHOT:-}" ]; then
    cp "$tmp/report.png" "$WN_KEEP_SCREENSHOT"
fi
echo "ok: rendered, $colours colours sampled, no request, no console error"
