# cli tests: the command itself (help, version, dispatch) and `wijknet check`
wn_add_cli_test(version --version)
wn_add_cli_test(help --help)
wn_add_cli_test(help-check help check)
wn_add_cli_test(no-command EXIT 64)
wn_add_cli_test(unknown-command frobnicate EXIT 64)
wn_add_cli_test(check-karate check datasets/karate)
wn_add_cli_test(check-davis check datasets/davis)
wn_add_cli_test(check-missing-folder check datasets/nosuch EXIT 66)
wn_add_cli_test(check-two-datasets check datasets/karate datasets/davis EXIT 64)

# `cmake --install` gives a library, header, program and wijknet.pc a user can build with
add_test(NAME install/pkg-config-program
    COMMAND ${CMAKE_COMMAND} -DBUILD=${PROJECT_BINARY_DIR} -DSTAGE=${CMAKE_CURRENT_BINARY_DIR}/stage
        -DSOURCE=${CMAKE_CURRENT_SOURCE_DIR}/install/hello.c "-DCFLAGS=${CMAKE_C_FLAGS}"
        -DDATASET=${PROJECT_SOURCE_DIR}/datasets/karate
        -P ${CMAKE_CURRENT_SOURCE_DIR}/install/run.cmake)

# CSV safe for spreadsheets (docs/FORMAT.md, "CSV rules"): the one cell writer and the
# loader's unescape (GTest), and a sweep over every command the program has: no CSV it
# writes holds a formula from tests/data/csv-formulas, and import and pseudonymise load back
wn_add_test(test-csv-safety)
add_test(NAME cli/csv-safety
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/cli/csv-safety.py
        $<TARGET_FILE:wijknet-cli> ${CMAKE_CURRENT_SOURCE_DIR}/data/csv-formulas)
set_tests_properties(cli/csv-safety PROPERTIES ENVIRONMENT "LC_ALL=C.UTF-8")

# No silent overwrite (README "Output folders"): a folder that holds anything is refused
# (exit 73, nothing changed) unless --force, which names the files it keeps
wn_add_cli_test(import-onto-a-dataset-is-refused import tests/data/formats-files/ties.edgelist
    --from edgelist -o datasets/karate EXIT 73)
add_test(NAME cli/no-overwrite-without-force
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/no-overwrite.sh $<TARGET_FILE:wijknet-cli>)
set_tests_properties(cli/no-overwrite-without-force PROPERTIES ENVIRONMENT "LC_ALL=C.UTF-8")
# control characters in data are shown escaped in tables and messages, never sent raw
wn_add_cli_test(terminal-escapes-table measures tests/data/terminal-escapes --measures degree)
wn_add_cli_test(terminal-escapes-message check tests/data/terminal-escapes-bad EXIT 65)
# inputs: only regular files, within their size limits (util/input.c)
add_test(NAME cli/bounded-inputs
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/bounded-inputs.sh $<TARGET_FILE:wijknet-cli>)
set_tests_properties(cli/bounded-inputs PROPERTIES ENVIRONMENT "LC_ALL=C.UTF-8")
add_test(NAME cli/odd-outputs
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/odd-outputs.sh $<TARGET_FILE:wijknet-cli>)
set_tests_properties(cli/odd-outputs PROPERTIES ENVIRONMENT "LC_ALL=C.UTF-8")
add_test(NAME cli/batch-paths
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/batch-paths.sh $<TARGET_FILE:wijknet-cli>)
set_tests_properties(cli/batch-paths PROPERTIES ENVIRONMENT "LC_ALL=C.UTF-8")
# every command on one node, one tie, and nodes only
add_test(NAME cli/tiny-datasets
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/tiny.sh $<TARGET_FILE:wijknet-cli>)
set_tests_properties(cli/tiny-datasets PROPERTIES TIMEOUT 600 ENVIRONMENT "LC_ALL=C.UTF-8")
