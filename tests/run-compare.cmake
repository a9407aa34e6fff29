# run-compare.cmake: runs `wijknet measures DATASET --format csv -o OUT [OPTIONS]`, checks
# that the file holds the same bytes as standard output, then compares its columns with
# an oracle file through compare-csv (mappings got_col=want_col in COLUMNS).
# Variables: WIJKNET, COMPARE, WORKDIR, DATASET, OUT, ORACLE, OPTIONS, COLUMNS.
execute_process(
    COMMAND ${WIJKNET} measures ${DATASET} --format csv -o ${OUT} ${OPTIONS}
    WORKING_DIRECTORY ${WORKDIR}
    ERROR_VARIABLE err
    RESULT_VARIABLE rc)
if(NOT rc STREQUAL "0")
    message(FATAL_ERROR "wijknet measures ${DATASET} -o ${OUT} exited ${rc}\n${err}")
endif()
execute_process(
    COMMAND ${WIJKNET} measures ${DATASET} --format csv ${OPTIONS}
    WORKING_DIRECTORY ${WORKDIR}
    OUTPUT_VARIABLE stdout
    RESULT_VARIABLE rc)
file(READ ${OUT} written)
if(NOT rc STREQUAL "0" OR NOT written STREQUAL stdout)
    message(FATAL_ERROR "-o ${OUT} does not hold the bytes printed on standard output")
endif()
execute_process(
    COMMAND ${COMPARE} ${OUT} ${ORACLE} ${COLUMNS}
    RESULT_VARIABLE rc)
if(NOT rc STREQUAL "0")
    message(FATAL_ERROR "compare-csv found differences (exit ${rc})")
endif()
