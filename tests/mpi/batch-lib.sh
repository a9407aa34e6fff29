# tests/mpi/batch-lib.sh: sourced by the mpi batch scripts, whose arguments are WIJKNET
# MPIEXEC DIR SOURCE NP [MPIEXEC OPTION…]; runs in DIR/one (one process) and DIR/ranks
set -eu
wijknet=$1 mpiexec=$2 dir=$3 src=$4 np=$5
shift 5
options="$*"
rm -rf "$dir"
mkdir -p "$dir/one" "$dir/ranks"

# both_jobs FILE: the job on standard input, as FILE in both runs' folders
both_jobs() {
    cat >"$dir/one/$1"
    cp "$dir/one/$1" "$dir/ranks/$1"
}

# ranks ARG…: `wijknet ARG…` under MPIEXEC -np NP
ranks() {
    # shellcheck disable=SC2086 # the launcher's options, one word each
    "$mpiexec" -np "$np" $options "$wijknet" "$@"
}

# same_failure JOB: the job fails with exit 65 in one process and under the ranks, with
# the same summary; the ranks' messages are left in DIR/ranks/bad-errors
same_failure() {
    (cd "$dir/one" && "$wijknet" batch --force "$1" >bad-summary 2>/dev/null) && exit 1 || one=$?
    (cd "$dir/ranks" && ranks batch --force "$1" >bad-summary 2>bad-errors) && exit 1 || status=$?
    test "$one" -eq 65 && test "$status" -eq 65
    diff "$dir/one/bad-summary" "$dir/ranks/bad-summary"
}
