# whatif, dependants and compare tests
wn_add_test(test-whatif)
wn_add_test(test-dependants)
set_tests_properties(test-dependants PROPERTIES TIMEOUT 900)
wn_add_cli_test(whatif-remove-cut-point whatif tests/data/whatif-cut --remove r2 --min-cell 1)
wn_add_cli_test(whatif-close-group-csv whatif tests/data/whatif-group --close g1 --format csv)
wn_add_cli_test(whatif-close-group-json whatif tests/data/whatif-group --close g1 --format json --min-cell 1)
wn_add_cli_test(whatif-add-suggestions-counts whatif tests/data/whatif-suggest --add-suggestions --part counts --format csv)
wn_add_cli_test(whatif-add-ties whatif tests/data/whatif-suggest --add-ties tests/data/whatif-suggest/new-ties.csv --part changes)
wn_add_cli_test(whatif-unknown-id-is-usage-error whatif tests/data/whatif-cut --remove r2,r99 EXIT 64)
wn_add_cli_test(whatif-close-a-person-is-usage-error whatif tests/data/whatif-group --close r1 EXIT 64)
wn_add_cli_test(whatif-without-change-is-usage-error whatif tests/data/whatif-cut EXIT 64)
wn_add_cli_test(whatif-added-tie-to-unknown-id-is-data-error
    whatif tests/data/whatif-suggest --add-ties tests/data/whatif-suggest/unknown-end.csv EXIT 65)
wn_add_cli_test(help-whatif help whatif)
wn_add_cli_test(compare-waves compare tests/data/whatif-cut tests/data/whatif-wave2
    --suggestions tests/data/whatif-wave2/suggestions.csv --min-cell 1)
wn_add_cli_test(compare-waves-csv compare tests/data/whatif-cut tests/data/whatif-wave2 --format csv)
wn_add_cli_test(compare-waves-moves-json compare tests/data/whatif-cut tests/data/whatif-wave2 --part moves --format json)
wn_add_cli_test(compare-one-dataset-is-usage-error compare tests/data/whatif-cut EXIT 64)
wn_add_cli_test(help-compare help compare)
wn_add_cli_test(generate-evolve-with-residents-is-usage-error
    generate --evolve datasets/demo-wijk --residents 10 -o build/nowhere EXIT 64)
# compare on demo-wijk and its second wave, recomputed from the two datasets in Python
add_test(NAME whatif/compare-agrees-with-python
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/whatif/compare-recompute.py
        $<TARGET_FILE:wijknet-cli> datasets/demo-wijk datasets/demo-wijk-2
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
add_test(NAME whatif/compare-hand-built-agrees-with-python
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/whatif/compare-recompute.py
        $<TARGET_FILE:wijknet-cli> tests/data/whatif-cut tests/data/whatif-wave2
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
# the benchmark of dependants against the brute force (not a test; README "Dependants")
add_executable(bench-dependants whatif/bench-dependants.c)
target_link_libraries(bench-dependants PRIVATE wijknet wn_warnings)
# nothing is written to the datasets whatif, compare and report --compare read
add_test(NAME whatif/writes-nothing-to-the-dataset
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/whatif/writes-nothing.py
        $<TARGET_FILE:wijknet-cli> ${PROJECT_SOURCE_DIR})
# the bundled second wave is what its README's command writes
add_test(NAME whatif/evolve-remakes-demo-wijk-2
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/whatif/evolve-remakes-demo-wijk-2.py
        $<TARGET_FILE:wijknet-cli> ${PROJECT_SOURCE_DIR})
