# run-repro.cmake: generates a 30,000-resident town (`wijknet generate`, seed 7), runs
# `wijknet analyse` on it with one worker thread, with two, and with two again (the thread
# count set by WIJKNET_THREADS, and OMP_NUM_THREADS for igraph alike), each into the same
# output path so that run.json's command line is the same, and compares every file of the
# three runs byte for byte: the same bytes for any number of threads and on every run.
# Variables: WIJKNET (the CLI), WORK (a scratch folder).
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
function(run what)
    execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc
        OUTPUT_QUIET ERROR_VARIABLE err)
    if(NOT rc STREQUAL "0")
        message(FATAL_ERROR "${what} exited ${rc}\n${err}")
    endif()
endfunction()
run("wijknet generate" ${WIJKNET} generate --residents 30000 --seed 7 -o town)
foreach(label IN ITEMS threads-1 threads-2 threads-2-again)
    string(REGEX MATCH "[0-9]+" threads ${label})
    run("wijknet analyse (${label})" ${CMAKE_COMMAND} -E env WIJKNET_THREADS=${threads}
        OMP_NUM_THREADS=${threads} ${WIJKNET} analyse town -o out)
    file(RENAME ${WORK}/out ${WORK}/${label})
endforeach()

file(GLOB files RELATIVE ${WORK}/threads-1 ${WORK}/threads-1/*)
if(NOT "measures.csv" IN_LIST files OR NOT "run.json" IN_LIST files)
    message(FATAL_ERROR "analyse wrote no measures.csv or run.json: ${files}")
endif()
file(STRINGS ${WORK}/threads-1/measures.csv header LIMIT_COUNT 1)
if(NOT header MATCHES ",pagerank[,\n]|,pagerank$")
    message(FATAL_ERROR "measures.csv has no pagerank column: ${header}")
endif()
foreach(label IN ITEMS threads-2 threads-2-again)
    file(GLOB others RELATIVE ${WORK}/${label} ${WORK}/${label}/*)
    if(NOT others STREQUAL files)
        message(FATAL_ERROR "${label} wrote ${others}; threads-1 wrote ${files}")
    endif()
    foreach(name IN LISTS files)
        execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/threads-1/${name}
            ${WORK}/${label}/${name} RESULT_VARIABLE differs)
        if(NOT differs STREQUAL "0")
            message(FATAL_ERROR "${name} differs between threads-1 and ${label}")
        endif()
    endforeach()
endforeach()
list(LENGTH files count)
message(STATUS "${count} files, the same bytes in all three runs: ${files}")
