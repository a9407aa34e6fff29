# run-golden.cmake: runs wijknet once and compares its output with the golden files
execute_process(
    COMMAND ${WIJKNET} ${ARGS}
    WORKING_DIRECTORY ${WORKDIR}
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
    RESULT_VARIABLE rc)
set(failed FALSE)
if(NOT rc STREQUAL EXIT)
    message(SEND_ERROR "exit code ${rc}, expected ${EXIT}\nstderr: ${err}")
    set(failed TRUE)
endif()
file(READ ${EXPECTED}.out want)
if(NOT out STREQUAL want)
    file(WRITE ${EXPECTED}.out.actual "${out}")
    message(SEND_ERROR "stdout differs from ${EXPECTED}.out (actual output in ${EXPECTED}.out.actual)\n--- got ---\n${out}")
    set(failed TRUE)
endif()
if(EXISTS ${EXPECTED}.err)
    file(READ ${EXPECTED}.err want_err)
    if(NOT err STREQUAL want_err)
        message(SEND_ERROR "stderr differs from ${EXPECTED}.err\n--- got ---\n${err}")
        set(failed TRUE)
    endif()
endif()
