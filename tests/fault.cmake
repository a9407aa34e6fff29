# fault tests: wijknet killed at seeded random moments (tests/fault/kill-test.py); each
# output must be absent, old or complete afterwards, and a killed batch resumes
add_test(NAME fault/kill-9
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/fault/kill-test.py
            $<TARGET_FILE:wijknet-cli> 5 20261206)
set_tests_properties(fault/kill-9 PROPERTIES TIMEOUT 900 RUN_SERIAL TRUE)
add_test(NAME fault/full-disk
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/fault/full-disk.sh $<TARGET_FILE:wijknet-cli>)
set_tests_properties(fault/full-disk PROPERTIES SKIP_RETURN_CODE 77 ENVIRONMENT "LC_ALL=C.UTF-8")
# pathological shapes end in time: long lines, a big zero matrix, a 200,000-point ring, a
# star of 100,000 ties, 100,000 residents without ties or positions
add_test(NAME fault/shapes
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/fault/shapes.py $<TARGET_FILE:wijknet-cli>)
set_tests_properties(fault/shapes PROPERTIES TIMEOUT 1200 ENVIRONMENT "LC_ALL=C.UTF-8")
