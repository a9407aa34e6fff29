# repro tests: every output the same, byte for byte, for any number of threads and on every run
add_test(NAME analyse/same-bytes-for-any-threads-and-runs
    COMMAND ${CMAKE_COMMAND}
        -DWIJKNET=$<TARGET_FILE:wijknet-cli>
        -DWORK=${CMAKE_CURRENT_BINARY_DIR}/analyse-repro
        -P ${CMAKE_CURRENT_SOURCE_DIR}/run-repro.cmake)
set_tests_properties(analyse/same-bytes-for-any-threads-and-runs PROPERTIES TIMEOUT 300
    ENVIRONMENT "LC_ALL=C.UTF-8")
