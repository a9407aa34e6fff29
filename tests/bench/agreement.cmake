# agreement.cmake: generates a town (gen_wijk.py, 2,500 residents, seed 5), runs
# `wijknet-bench` (the profile workload) and the python-igraph peer on it, and compares
# every output with compare.py (docs/WORKLOAD.md's tolerances).
# Variables: WIJKNET_BENCH, PYTHON, BENCH (tests/bench), WORK (a scratch folder).
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
function(run what)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc STREQUAL "0")
        message(FATAL_ERROR "${what} exited ${rc}\n${out}\n${err}")
    endif()
    message(STATUS "${what}:\n${out}")
endfunction()
run("gen_wijk.py" ${PYTHON} ${BENCH}/gen_wijk.py --residents 2500 --seed 5 --out ${WORK}/town)
run("wijknet-bench" ${WIJKNET_BENCH} ${WORK}/town -o ${WORK}/wijknet --timings)
run("igraph_profile.py" ${PYTHON} ${BENCH}/peers/igraph_profile.py ${WORK}/town ${WORK}/igraph)
run("compare.py" ${PYTHON} ${BENCH}/compare.py ${WORK}/wijknet ${WORK}/igraph)
