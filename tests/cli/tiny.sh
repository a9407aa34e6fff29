#!/bin/sh
# tiny.sh WIJKNET: every command runs on a dataset of one node, of one tie, and of nodes
# only (no ties), and exits 0: no crash, no abort, no refusal of a small but valid dataset.
. "$(dirname "$0")/lib.sh"

mkdir one tie nodes
printf 'id,type,area\na,resident,BU01\n' > one/nodes.csv
printf 'source,target\n' > one/ties.csv
printf 'id,type,area\na,resident,BU01\nb,resident,BU01\n' > tie/nodes.csv
printf 'source,target,type\na,b,friend\n' > tie/ties.csv
printf 'id,type,area,lat,lon\na,resident,BU01,52.1,5.1\nb,resident,BU02,,\ng,group,BU01,,\np,professional,,,\no,organisation,,,\n' > nodes/nodes.csv
printf 'source,target\n' > nodes/ties.csv
"$wijknet" pseudonymise --new-key k.key > /dev/null || fail "new key"

runs=0
for d in one tie nodes; do
    for args in "check $d" "measures $d" "isolation $d" "isolation $d --all" "isolation $d --summary" \
        "isolation $d --composition" "isolation $d --projection" "brokers $d" \
        "brokers $d --kind persons" "brokers $d --kind places" "communities $d" \
        "communities $d --method louvain" "communities $d --partition area" \
        "cuts $d" "cuts $d --list bridges" "cuts $d --list local-bridges" \
        "cuts $d --list components" "suggest $d" "suggest $d --evaluate" \
        "map $d -o $d-map" "report $d -o $d.html" "analyse $d -o $d-analyse" \
        "pseudonymise $d --key-file k.key -o $d-pseudo" \
        "export $d --to graphml" "export $d --to gml" "export $d --to pajek" \
        "export $d --to edgelist" "export $d --to node-link" "export $d --to ucinet" \
        "export $d --to notebook -o $d.ipynb" "whatif $d --add-suggestions" \
        "compare $d $d" "generate --evolve $d -o $d-wave2"; do
        # shellcheck disable=SC2086
        "$wijknet" $args > out.txt 2> err.txt
        got=$?
        [ "$got" -eq 0 ] || fail "wijknet $args exited $got: $(cat err.txt)"
        runs=$((runs + 1))
    done
    printf '{"outputs": ["check", "measures", "isolation", "brokers", "map", "report", "suggest"], "output": "batch-%s", "datasets": [{"path": "%s"}]}\n' "$d" "$d" > job.json
    "$wijknet" batch job.json > /dev/null 2> err.txt || fail "batch on $d: $(cat err.txt)"
    runs=$((runs + 1))
done
echo "tiny datasets: $runs runs on one node, one tie and nodes only, each exit 0"
