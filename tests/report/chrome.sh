# chrome.sh, sourced by the report's browser tests with WIJKNET and DATASET as $1 and $2:
# a temporary folder removed on exit, fail(), the report written there as report.html,
# and chrome(), headless Chromium with no network, sync or first-run noise.
wijknet=$1 dataset=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
"$wijknet" report "$dataset" -o "$tmp/report.html"

chrome() {
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 "$@"
}
