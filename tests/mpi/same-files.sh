#!/bin/sh
# tests/mpi/same-files.sh WIJKNET MPIEXEC DIR DATASET NP [MPIEXEC OPTION…]: analyse
# DATASET (an absolute path) in one process and under `MPIEXEC -np NP`, each into a
# folder named out (run.json records the command line), and compare every file byte for
# byte; check too that the ranks split the per-node works and the searches, and shared
# the machine's memory (WIJKNET_DEBUG_RANKS)
set -eu
wijknet=$1 mpiexec=$2 dir=$3 dataset=$4 np=$5
shift 5
rm -rf "$dir"
mkdir -p "$dir/one" "$dir/ranks"
(cd "$dir/one" && "$wijknet" analyse "$dataset" -o out >/dev/null)
(cd "$dir/ranks" && WIJKNET_DEBUG_RANKS=1 "$mpiexec" -np "$np" "$@" "$wijknet" analyse \
    "$dataset" -o out >/dev/null 2>slices.txt)
test -s "$dir/one/out/measures.csv"
diff -r "$dir/one/out" "$dir/ranks/out"
# the per-node works were split by node ranges (local bridges' spans by tie ranges,
# suggestions by target ranges) and the searches by blocks: every rank reported a slice
# of each, no rank all of the items, every rank some blocks when there are at least as
# many blocks as ranks, and rank r's slice starts where rank r − 1's ends
awk -v np="$np" '
    $1 == "rank" && ($6 == "nodes" || $6 == "ties" || $6 == "items" || $6 == "blocks") {
        what = $5 "/" $6; first = $7; last = $9; n = $11; r = $2
        if ($4 + 0 != np) { bad = bad " " what ":ranks-" $4 }
        works[what] = 1; seen[what, r]++; end[what, r] = last; start[what, r] = first
        if ($6 != "blocks" && np > 1 && n > 1 && last - first >= n) { bad = bad " " what ":all-on-" r }
        if ($6 == "blocks" && np <= n + 0 && last <= first) { bad = bad " " what ":idle-" r }
        if ($6 == "blocks") { blocks++ }
        if (r == 0 && first != 0) { bad = bad " " what ":first" }
        if (r == np - 1 && last != n) { bad = bad " " what ":last" }
    }
    END {
        split("reach2/nodes weak_share/nodes at_risk_reach/nodes brokerage/nodes burt/nodes local_bridges/ties suggestions/items", need, " ")
        for (i in need) { if (!(need[i] in works)) { bad = bad " " need[i] ":missing" } }
        if (blocks == 0) { bad = bad " searches:missing" }
        for (w in works) {
            if (w ~ /\/blocks$/) { searches++ } else { nodes++ }
            for (r = 0; r < np; r++) {
                if (!((w, r) in seen)) { bad = bad " " w ":no-rank-" r }
                if (r > 0 && start[w, r] != end[w, r - 1]) { bad = bad " " w ":gap-" r }
            }
        }
        if (bad != "") { print "slices wrong:" bad; exit 1 }
        printf "%d searches split among %d ranks by blocks\n", searches, np
        printf "%d per-node works split among %d ranks by node ranges\n", nodes, np
    }' "$dir/ranks/slices.txt"
# every rank knew it shares this machine with the other np − 1, and took at most its
# share of the memory
kb=$(awk '$1 == "MemTotal:" { print $2 }' /proc/meminfo)
awk -v np="$np" -v kb="$kb" '
    $1 == "rank" && $6 == "ranks" && $7 == "on" {
        ranks++
        if ($5 + 0 != np) { bad = bad " rank-" $2 ":sharers-" $5 }
        if ($10 + 0 <= 0 || $10 + 0 > kb * 1024 / np) { bad = bad " rank-" $2 ":memory-" $10 }
    }
    END {
        if (ranks != np) { bad = bad " " ranks "-of-" np "-said" }
        if (bad != "") { print "memory shares wrong:" bad; exit 1 }
    }' "$dir/ranks/slices.txt"
echo "$np ranks: $(ls "$dir/ranks/out" | wc -l) files the same as one process's"
