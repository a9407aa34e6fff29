#!/bin/sh
# tests/mpi/same-files.sh WIJKNET MPIEXEC DIR DATASET NP [MPIEXEC OPTION…]: analyse
# DATASET (an absolute path) in one process and under `MPIEXEC -np NP`, each into a
# folder named out (run.json records the command line), and compare every file byte for byte
set -eu
wijknet=$1 mpiexec=$2 dir=$3 dataset=$4 np=$5
shift 5
rm -rf "$dir"
mkdir -p "$dir/one" "$dir/ranks"
(cd "$dir/one" && "$wijknet" analyse "$dataset" -o out >/dev/null)
(cd "$dir/ranks" && "$mpiexec" -np "$np" "$@" "$wijknet" analyse "$dataset" -o out >/dev/null)
test -s "$dir/one/out/measures.csv"
diff -r "$dir/one/out" "$dir/ranks/out"
echo "$np ranks: $(ls "$dir/ranks/out" | wc -l) files the same as one process's"
