# lib.sh: the start the CLI test scripts share (sourced with `. "$(dirname "$0")/lib.sh"`):
# the program under test ($1) as $wijknet, a scratch folder as the working folder (removed
# on exit), and fail MESSAGE.
set -u
wijknet=$1
top=$(mktemp -d)
trap 'rm -rf "$top"' EXIT
cd "$top" || exit 1
fail() {
    echo "FAIL: $*"
    exit 1
}
