# notebook tests: the notebook writer (GTest) and, when Python has the Jupyter stack,
# exported notebooks validated and run top to bottom in a real kernel
wn_add_test(test-notebook)
target_link_libraries(test-notebook PRIVATE wijknet-notebook)

# Debian's python3-nbformat, -nbconvert (with nbclient), -ipykernel, -pandas,
# -matplotlib and -networkx; the system Python, whatever python3 is first on PATH.
set(WN_NOTEBOOK_PYTHON /usr/bin/python3)
execute_process(
    COMMAND ${WN_NOTEBOOK_PYTHON} -c
        "import nbformat, nbclient, nbconvert, ipykernel, pandas, matplotlib, networkx"
    RESULT_VARIABLE wn_notebook_python_rc
    OUTPUT_QUIET ERROR_QUIET)

# wn_add_notebook_test(NAME ARGS…): check-notebook.py ARGS in the repository's root, with
# Jupyter's and matplotlib's state kept inside the build folder.
function(wn_add_notebook_test name)
    set(work ${CMAKE_CURRENT_BINARY_DIR}/notebook/${name})
    add_test(NAME notebook/${name}
        COMMAND ${WN_NOTEBOOK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/notebook/check-notebook.py
            --wijknet $<TARGET_FILE:wijknet-cli> --workdir ${work}/out ${ARGN}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(notebook/${name} PROPERTIES TIMEOUT 900 ENVIRONMENT
        "LC_ALL=C.UTF-8;IPYTHONDIR=${work}/ipython;MPLCONFIGDIR=${work}/matplotlib;JUPYTER_RUNTIME_DIR=${work}/runtime;PYDEVD_DISABLE_FILE_VALIDATION=1")
endfunction()

if(wn_notebook_python_rc EQUAL 0)
    wn_add_notebook_test(karate --dataset datasets/karate
        --golden ${CMAKE_CURRENT_SOURCE_DIR}/notebook/karate.md)
    wn_add_notebook_test(town --generate 3000 2)
    wn_add_notebook_test(no-residents --dataset tests/data/notebook-no-residents)
    wn_add_notebook_test(odd-ids-with-labels --dataset tests/data/notebook-odd --show-labels)
    wn_add_notebook_test(davis-no-areas --dataset datasets/davis)
else()
    message(STATUS "notebook execution tests skipped: ${WN_NOTEBOOK_PYTHON} cannot import "
                   "nbformat, nbclient, nbconvert, ipykernel, pandas, matplotlib and networkx")
endif()

# the command: a notebook needs a file to write (its data folder goes beside it)
wn_add_cli_test(notebook-export-without-output-is-usage-error
    export datasets/karate --to notebook EXIT 64)
