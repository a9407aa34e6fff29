# analyse tests: everyday analyse; the benchmark's profile workload (wijknet-bench), its kernels
wn_add_test(test-analyse)
# OMP_NUM_THREADS=1: igraph's PRPACK sums PageRank over OpenMP threads in no fixed order,
# so above a few thousand nodes its last digit varies from run to run with more than one
# thread; the byte-for-byte comparison of analyse's and batch's files needs one thread.
set_tests_properties(test-analyse PROPERTIES TIMEOUT 600 ENVIRONMENT
    "G_TEST_SRCDIR=${CMAKE_CURRENT_SOURCE_DIR};G_TEST_BUILDDIR=${CMAKE_CURRENT_BINARY_DIR};LC_ALL=C.UTF-8;OMP_NUM_THREADS=1")

# test-bench: the profile workload and its kernels, linked like wijknet-bench to the
# engine's objects (they are not in libwijknet)
add_executable(test-bench bench/test-bench.c wn-test.c)
target_include_directories(test-bench PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(test-bench PRIVATE wijknet-bench-kernels wn_warnings m)
add_test(NAME test-bench COMMAND test-bench)
set_tests_properties(test-bench PROPERTIES TIMEOUT 600 ENVIRONMENT
    "G_TEST_SRCDIR=${CMAKE_CURRENT_SOURCE_DIR};G_TEST_BUILDDIR=${CMAKE_CURRENT_BINARY_DIR};LC_ALL=C.UTF-8")

# wijknet-bench --timings: the three parts of the load, then the eight steps, on stdout
set(bench_steps "^")
foreach(step load:nodes.csv load:ties.csv load:graphs load centrality holes cuts isolation
        suggest areas write)
    string(APPEND bench_steps "step ${step} [0-9]+\\.[0-9][0-9][0-9]\n")
endforeach()
add_test(NAME bench/timings-print-each-step
    COMMAND wijknet-bench tests/data/analyse-wijk -o ${CMAKE_CURRENT_BINARY_DIR}/bench-timings
        --timings
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(bench/timings-print-each-step PROPERTIES
    PASS_REGULAR_EXPRESSION "${bench_steps}$" ENVIRONMENT "LC_ALL=C.UTF-8")
add_test(NAME bench/without-output-is-usage-error
    COMMAND sh -c "\"$0\" tests/data/analyse-wijk; test $? -eq 64" $<TARGET_FILE:wijknet-bench>
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

wn_add_cli_test(help-analyse help analyse)
wn_add_cli_test(analyse-workload-is-gone-usage-error
    analyse tests/data/analyse-wijk -o analyse-unused --workload profile EXIT 64)
wn_add_cli_test(analyse-without-output-is-usage-error analyse tests/data/analyse-wijk EXIT 64)
wn_add_cli_test(analyse-output-cannot-be-created analyse tests/data/analyse-wijk
    -o tests/data/analyse-wijk/nodes.csv/out EXIT 73)

# Everyday --timings: "step load S", then "step FILE S" for each file in the order written,
# on standard output (the seconds vary, so only the shape is checked).
set(step_seconds " [0-9]+\\.[0-9][0-9][0-9]\n")
set(timings_shape "^step load${step_seconds}")
foreach(file measures isolation brokers communities articulation_points bridges local_bridges
        components suggestions)
    string(APPEND timings_shape "step ${file}\\.csv${step_seconds}")
endforeach()
add_test(NAME cli/analyse-timings-prints-each-step
    COMMAND sh -c "\"$0\" analyse datasets/karate -o \"$1\" --force --timings 2>/dev/null"
        $<TARGET_FILE:wijknet-cli> ${CMAKE_CURRENT_BINARY_DIR}/analyse-timings
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(cli/analyse-timings-prints-each-step PROPERTIES
    PASS_REGULAR_EXPRESSION "${timings_shape}$" ENVIRONMENT "LC_ALL=C.UTF-8")

# Agreement with the python-igraph peer on a generated town (tests/bench/compare.py checks
# every output within docs/WORKLOAD.md's tolerances). Needs Debian's python3-igraph,
# python3-pandas and python3-numpy; registered only when /usr/bin/python3 has them.
execute_process(COMMAND /usr/bin/python3 -c "import igraph, pandas, numpy"
    RESULT_VARIABLE WN_HAVE_PEER OUTPUT_QUIET ERROR_QUIET)
if(WN_HAVE_PEER EQUAL 0)
    add_test(NAME analyse/agrees-with-python-igraph
        COMMAND ${CMAKE_COMMAND}
            -DWIJKNET_BENCH=$<TARGET_FILE:wijknet-bench>
            -DPYTHON=/usr/bin/python3
            -DBENCH=${CMAKE_CURRENT_SOURCE_DIR}/bench
            -DWORK=${CMAKE_CURRENT_BINARY_DIR}/analyse-agreement
            -P ${CMAKE_CURRENT_SOURCE_DIR}/bench/agreement.cmake)
    set_tests_properties(analyse/agrees-with-python-igraph PROPERTIES TIMEOUT 900)
else()
    message(STATUS "analyse/agrees-with-python-igraph skipped: /usr/bin/python3 lacks igraph, pandas or numpy")
endif()
