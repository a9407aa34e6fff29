# run.cmake: installs the build into a staging prefix, then builds and runs a program
# against it through pkg-config, as a user of the library would.
file(REMOVE_RECURSE ${STAGE})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${STAGE}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed")
endif()
foreach(f bin/wijknet include/wijknet.h)
    if(NOT EXISTS ${STAGE}/${f})
        message(FATAL_ERROR "${f} was not installed")
    endif()
endforeach()
file(GLOB pc ${STAGE}/lib*/pkgconfig/wijknet.pc ${STAGE}/lib/*/pkgconfig/wijknet.pc)
list(GET pc 0 pcfile)
get_filename_component(pcdir ${pcfile} DIRECTORY)
set(ENV{PKG_CONFIG_PATH} ${pcdir})
execute_process(COMMAND pkg-config --cflags --libs wijknet OUTPUT_VARIABLE flags
                RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config does not find wijknet.pc")
endif()
separate_arguments(flags UNIX_COMMAND "${CFLAGS} ${flags}") # the build's own flags: sanitizers too
get_filename_component(libdir ${pcdir} DIRECTORY)
execute_process(COMMAND cc -std=c11 ${SOURCE} -o ${STAGE}/hello ${flags} -Wl,-rpath,${libdir}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "a program does not build against the installed library")
endif()
execute_process(COMMAND ${STAGE}/hello ${DATASET} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES ": 34 nodes, 78 ties")
    message(FATAL_ERROR "the installed library does not load karate: ${out}")
endif()
