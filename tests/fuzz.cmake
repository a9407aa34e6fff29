# fuzz tests: the bad-input corpus (tests/bad-input), every case through the built CLI.
# The libFuzzer harnesses themselves live in tests/fuzz (the `fuzz` preset, WN_FUZZ=ON)
# and run through tests/fuzz/run, not ctest.
add_test(NAME bad-input
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/bad-input/run
        $<TARGET_FILE:wijknet-cli>
        ${CMAKE_CURRENT_SOURCE_DIR}/bad-input
        ${CMAKE_CURRENT_BINARY_DIR}/bad-input)
set_tests_properties(bad-input PROPERTIES ENVIRONMENT "LC_ALL=C.UTF-8" TIMEOUT 600)
