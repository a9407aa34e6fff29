# formats tests: the fieldwork writer, exports and imports (GTest), golden CLI runs,
# and the NetworkX cross-check
wn_add_test(test-formats)
wn_add_test(test-import-tools)
wn_add_test(test-formats-text)
wn_add_test(test-formats-relations)
target_link_libraries(test-formats PRIVATE m)

# exports: one golden run per format on tests/data/formats-wijk (labels left out unless asked)
wn_add_cli_test(formats-export-wijk-graphml export tests/data/formats-wijk --to graphml)
wn_add_cli_test(formats-export-wijk-graphml-labels export tests/data/formats-wijk --to graphml
    --show-labels)
wn_add_cli_test(formats-export-wijk-gml export tests/data/formats-wijk --to gml)
wn_add_cli_test(formats-export-directed-gml export tests/data/formats-directed --to gml)
wn_add_cli_test(formats-export-wijk-pajek export tests/data/formats-wijk --to pajek)
wn_add_cli_test(formats-export-directed-pajek export tests/data/formats-directed --to pajek)
wn_add_cli_test(formats-export-wijk-edgelist export tests/data/formats-wijk --to edgelist)
wn_add_cli_test(formats-export-odd-ids-edgelist export tests/data/formats-odd-ids --to edgelist)
wn_add_cli_test(formats-export-odd-ids-pajek export tests/data/formats-odd-ids --to pajek EXIT 65)
wn_add_cli_test(formats-export-wijk-node-link export tests/data/formats-wijk --to node-link)
wn_add_cli_test(formats-export-unknown-format export tests/data/formats-wijk --to dot EXIT 64)
wn_add_cli_test(formats-export-without-to export tests/data/formats-wijk EXIT 64)

# cross-check: NetworkX (Debian's python3-networkx) reads our GraphML, GML and node-link
# JSON of karate and davis and finds the same nodes, ties, weights, kinds and areas
execute_process(COMMAND /usr/bin/python3 -c "import networkx"
    RESULT_VARIABLE wn_formats_no_networkx OUTPUT_QUIET ERROR_QUIET)
if(wn_formats_no_networkx EQUAL 0)
    foreach(dataset karate davis)
        add_test(NAME formats/networkx-reads-exports-of-${dataset}
            COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/crosscheck-networkx.py
                $<TARGET_FILE:wijknet-cli> ${PROJECT_SOURCE_DIR}/datasets/${dataset})
    endforeach()
else()
    message(STATUS "formats: /usr/bin/python3 cannot import networkx; the NetworkX "
                   "cross-check is skipped")
endif()

# imports: a NetworkX-style edge list and a Pajek file become datasets
wn_add_cli_test(formats-import-edgelist import tests/data/formats-files/ties.edgelist
    --from edgelist -o build/formats-import-edgelist --force)
wn_add_cli_test(formats-import-missing-file import tests/data/formats-files/nosuch.graphml
    --from graphml -o build/formats-import-missing EXIT 66)
wn_add_cli_test(formats-import-bad-pajek import tests/data/formats-files/bad.net --from pajek
    -o build/formats-import-bad EXIT 65)
wn_add_cli_test(formats-import-without-output import tests/data/formats-files/ties.edgelist
    --from edgelist EXIT 64)

# UCINET DL and Network Canvas (issue 6): imports of hand-made files, the DL export,
# and a refused bad file
wn_add_cli_test(formats-import-ucinet import tests/data/formats-ucinet-files/multiplex.dl
    --from ucinet -o build/formats-import-ucinet --force)
wn_add_cli_test(formats-import-bad-ucinet import tests/data/formats-ucinet-files/bad.dl
    --from dl -o build/formats-import-bad-ucinet EXIT 65)
wn_add_cli_test(formats-export-wijk-ucinet export tests/data/formats-wijk --to ucinet)
wn_add_cli_test(formats-import-network-canvas import tests/data/formats-nc-interview
    --from network-canvas --types Venue=group -o build/formats-import-network-canvas --force)
wn_add_cli_test(formats-export-network-canvas-refused export tests/data/formats-wijk
    --to network-canvas EXIT 64)

# Network Canvas GraphML: an interview's export read as network-canvas (types, ego, metadata)
# and, still, as plain GraphML (with a hint)
wn_add_cli_test(formats-import-nc-graphml import tests/data/formats-nc-graphml/interview.graphml
    --from network-canvas --types Venue=group -o build/formats-import-nc-graphml --force)
wn_add_cli_test(formats-import-nc-graphml-as-graphml import
    tests/data/formats-nc-graphml/interview.graphml --from graphml
    -o build/formats-import-nc-graphml-as-graphml --force)
wn_add_cli_test(formats-import-nc-graphml-without-namespace import
    tests/data/formats-nc-graphml/no-namespace.graphml --from network-canvas
    -o build/formats-import-nc-graphml-bad EXIT 65)

# node types from other tools (issue 13): a type that names no kind is refused (exit 65)
# with the types found and the option to map them; a bad --types is a usage error (64)
wn_add_cli_test(formats-import-nc-venue-refused import tests/data/formats-nc-interview
    --from network-canvas -o build/formats-import-nc-venue-refused EXIT 65)
wn_add_cli_test(formats-import-nc-graphml-venue-refused import
    tests/data/formats-nc-graphml/interview.graphml --from network-canvas
    -o build/formats-import-nc-graphml-venue-refused EXIT 65)
wn_add_cli_test(formats-import-bad-types import tests/data/formats-nc-interview
    --from network-canvas --types Venue=bar -o build/formats-import-bad-types EXIT 64)

# several relations per pair (issue 13): the interview whose pair 1, 2 is Close, DrugTie and
# SexTie keeps three relations when each edge type has a tie type, and is refused when two
# would merge into one acquaintance relation
wn_add_cli_test(formats-import-nc-multiplex import tests/data/formats-nc-multiplex
    --from network-canvas --types Venue=group,Close=friend,SexTie=acquaintance,DrugTie=support
    -o build/formats-import-nc-multiplex --force)
wn_add_cli_test(formats-import-nc-multiplex-merge-refused import
    tests/data/formats-nc-multiplex/interview.graphml --from network-canvas --types Venue=group
    -o build/formats-import-nc-multiplex-merge-refused EXIT 65)
