# measures tests: hand-computed networks and oracles (GTest), CLI against the oracles, golden runs
wn_add_test(test-measures)
wn_add_private_test(test-measures-cache)
target_link_libraries(test-measures PRIVATE m) # wn-test.c calls fmax()

add_executable(compare-csv compare-csv.c)
target_link_libraries(compare-csv PRIVATE PkgConfig::GLIB m wn_warnings)

# wn_add_compare_test(NAME DATASET OPTIONS COLUMNS): `wijknet measures datasets/DATASET
# --format csv -o FILE OPTIONS` agrees with tests/oracle/DATASET/expected/centrality.csv.
function(wn_add_compare_test name dataset options columns)
    add_test(NAME measures/${name}
        COMMAND ${CMAKE_COMMAND}
            -DWIJKNET=$<TARGET_FILE:wijknet-cli>
            -DCOMPARE=$<TARGET_FILE:compare-csv>
            -DWORKDIR=${PROJECT_SOURCE_DIR}
            -DDATASET=datasets/${dataset}
            -DOUT=${CMAKE_CURRENT_BINARY_DIR}/measures-${name}.csv
            -DORACLE=${CMAKE_CURRENT_SOURCE_DIR}/oracle/${dataset}/expected/centrality.csv
            "-DOPTIONS=${options}"
            "-DCOLUMNS=${columns}"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/run-compare.cmake)
    set_tests_properties(measures/${name} PROPERTIES ENVIRONMENT "LC_ALL=C.UTF-8")
endfunction()

set(unweighted_columns
    degree strength betweenness=betweenness_raw betweenness_norm closeness harmonic
    eigenvector pagerank coreness clustering)
set(weighted_columns
    degree strength betweenness_norm=betweenness_w eigenvector=eigenvector_w
    pagerank=pagerank_w coreness clustering)
foreach(dataset karate florentine davis)
    wn_add_compare_test(${dataset}-matches-oracle ${dataset} "" "${unweighted_columns}")
    wn_add_compare_test(${dataset}-weighted-matches-oracle ${dataset} "--weighted"
        "${weighted_columns}")
endforeach()

wn_add_cli_test(measures-florentine-table measures datasets/florentine)
wn_add_cli_test(measures-florentine-json measures datasets/florentine --format json
    --measures degree,pagerank)
wn_add_cli_test(measures-unknown-name-is-usage-error measures datasets/florentine
    --measures degree,nosuch EXIT 64)
wn_add_cli_test(measures-list measures --list)
wn_add_cli_test(measures-without-dataset-is-usage-error measures EXIT 64)

# The Brandes kernel's two search states (levels, bitmaps) give the same bits
wn_add_private_test(test-brandes)
