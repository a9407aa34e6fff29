# readme tests: every example of the README runs, and --help names only files that exist
add_test(NAME readme/examples-run
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/readme/run-examples.py
            $<TARGET_FILE:wijknet-cli> ${PROJECT_SOURCE_DIR})
set_tests_properties(readme/examples-run PROPERTIES TIMEOUT 900 ENVIRONMENT "LC_ALL=C.UTF-8")
