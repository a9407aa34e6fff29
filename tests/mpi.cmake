# mpi tests (a build with -DWIJKNET_MPI=ON, the `mpi` preset): analyse under mpirun writes
# the same bytes as one process, for 2 ranks and for 3 on 2 cores (--oversubscribe); so
# does batch, its datasets dealt to the ranks
set(mpi_env "LC_ALL=C.UTF-8;OMP_NUM_THREADS=1;WIJKNET_THREADS=1;OMPI_ALLOW_RUN_AS_ROOT=1;OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1;OMPI_MCA_rmaps_base_oversubscribe=1")

# the generated 30,000-resident town: above 20,000 nodes, so betweenness is sampled
add_test(NAME mpi/generate-town-30000
    COMMAND wijknet-cli generate -n 30000 --seed 7 -o ${CMAKE_CURRENT_BINARY_DIR}/mpi-town --force)
set_tests_properties(mpi/generate-town-30000 PROPERTIES FIXTURES_SETUP mpi-town
    ENVIRONMENT "LC_ALL=C.UTF-8")

foreach(np 2 3)
    add_test(NAME mpi/analyse-karate-exact-same-files-${np}-ranks
        COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/mpi/same-files.sh $<TARGET_FILE:wijknet-cli>
            ${MPIEXEC_EXECUTABLE} ${CMAKE_CURRENT_BINARY_DIR}/mpi-karate-${np}
            ${PROJECT_SOURCE_DIR}/datasets/karate ${np} --oversubscribe)
    add_test(NAME mpi/analyse-town-sampled-same-files-${np}-ranks
        COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/mpi/same-files.sh $<TARGET_FILE:wijknet-cli>
            ${MPIEXEC_EXECUTABLE} ${CMAKE_CURRENT_BINARY_DIR}/mpi-town-${np}
            ${CMAKE_CURRENT_BINARY_DIR}/mpi-town ${np} --oversubscribe)
    set_tests_properties(mpi/analyse-karate-exact-same-files-${np}-ranks
        mpi/analyse-town-sampled-same-files-${np}-ranks PROPERTIES
        ENVIRONMENT "${mpi_env}" PASS_REGULAR_EXPRESSION "[0-9]+ searches split among ${np} ranks by blocks\n[0-9]+ per-node works split among ${np} ranks by node ranges\n${np} ranks: [0-9]+ files the same")
    set_tests_properties(mpi/analyse-town-sampled-same-files-${np}-ranks PROPERTIES
        FIXTURES_REQUIRED mpi-town TIMEOUT 900 RUN_SERIAL ON)
    # batch: three datasets dealt to the ranks, the same files and summary, --resume, a
    # bad dataset's exit code (65) from rank 0 whichever rank ran it
    add_test(NAME mpi/batch-three-datasets-same-files-${np}-ranks
        COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/mpi/same-batch.sh $<TARGET_FILE:wijknet-cli>
            ${MPIEXEC_EXECUTABLE} ${CMAKE_CURRENT_BINARY_DIR}/mpi-batch-${np}
            ${PROJECT_SOURCE_DIR} ${np} --oversubscribe)
    set_tests_properties(mpi/batch-three-datasets-same-files-${np}-ranks PROPERTIES
        ENVIRONMENT "${mpi_env}" PASS_REGULAR_EXPRESSION "${np} ranks: the batch's files the same")
    # batch with datasets split by area: the areas of one dataset dealt to the ranks
    add_test(NAME mpi/batch-split-by-area-same-files-${np}-ranks
        COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/mpi/same-split.sh $<TARGET_FILE:wijknet-cli>
            ${MPIEXEC_EXECUTABLE} ${CMAKE_CURRENT_BINARY_DIR}/mpi-split-${np}
            ${PROJECT_SOURCE_DIR} ${np} --oversubscribe)
    set_tests_properties(mpi/batch-split-by-area-same-files-${np}-ranks PROPERTIES
        ENVIRONMENT "${mpi_env}" TIMEOUT 900
        PASS_REGULAR_EXPRESSION "${np} ranks: the split batch's files the same as one process's")
endforeach()

# a rank that fails (here rank 0: its output cannot be created) ends the whole run
# with its exit code and its message
add_test(NAME mpi/analyse-failing-rank-fails-the-run
    COMMAND sh -c "\"$0\" -np 2 \"$1\" analyse datasets/karate -o datasets/karate/nodes.csv/out 2>&1; echo \"exit $?\""
        ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:wijknet-cli>
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(mpi/analyse-failing-rank-fails-the-run PROPERTIES
    ENVIRONMENT "${mpi_env}" PASS_REGULAR_EXPRESSION "wijknet: [^\n]*nodes.csv/out.*\nexit 73\n$")

# WIJKNET_MPI_LOAD=broadcast: rank 0 reads the dataset's files and broadcasts their bytes,
# the other ranks parse them from memory; the same files as one process, and a file rank 0
# cannot read fails the run with rank 0's message (every rank has it: none waits forever)
add_test(NAME mpi/analyse-town-broadcast-load-same-files-2-ranks
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/mpi/same-files.sh $<TARGET_FILE:wijknet-cli>
        ${MPIEXEC_EXECUTABLE} ${CMAKE_CURRENT_BINARY_DIR}/mpi-town-broadcast
        ${CMAKE_CURRENT_BINARY_DIR}/mpi-town 2 --oversubscribe)
set_tests_properties(mpi/analyse-town-broadcast-load-same-files-2-ranks PROPERTIES
    ENVIRONMENT "${mpi_env};WIJKNET_MPI_LOAD=broadcast" FIXTURES_REQUIRED mpi-town TIMEOUT 900
    RUN_SERIAL ON
    PASS_REGULAR_EXPRESSION "per-node works split among 2 ranks by node ranges\n2 ranks: [0-9]+ files the same")
add_test(NAME mpi/analyse-broadcast-load-unreadable-file-fails-every-rank
    COMMAND sh -c "rm -rf \"$2\" && mkdir -p \"$2/nodes.csv\" && cp \"$3\" \"$2/\" && \"$0\" -np 2 \"$1\" analyse \"$2\" -o \"$2.out\" 2>&1; echo \"exit $?\""
        ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:wijknet-cli> ${CMAKE_CURRENT_BINARY_DIR}/mpi-unreadable
        ${PROJECT_SOURCE_DIR}/datasets/karate/ties.csv)
set_tests_properties(mpi/analyse-broadcast-load-unreadable-file-fails-every-rank PROPERTIES
    ENVIRONMENT "${mpi_env};WIJKNET_MPI_LOAD=broadcast"
    PASS_REGULAR_EXPRESSION "wijknet: [^\n]*mpi-unreadable/nodes.csv: expected a file, got a folder\n.*exit 66\n$")

# more ranks than the 16 blocks the searches once had: the demo wijk's 5,547 sources make
# 1,024 blocks, so each of 20 ranks searches from some of them, and the files are still
# those of one process
add_test(NAME mpi/analyse-demo-exact-same-files-20-ranks
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/mpi/same-files.sh $<TARGET_FILE:wijknet-cli>
        ${MPIEXEC_EXECUTABLE} ${CMAKE_CURRENT_BINARY_DIR}/mpi-demo-20
        ${PROJECT_SOURCE_DIR}/datasets/demo-wijk 20 --oversubscribe)
set_tests_properties(mpi/analyse-demo-exact-same-files-20-ranks PROPERTIES
    ENVIRONMENT "${mpi_env}" TIMEOUT 900 RUN_SERIAL ON
    PASS_REGULAR_EXPRESSION "[0-9]+ searches split among 20 ranks by blocks\n[0-9]+ per-node works split among 20 ranks by node ranges\n20 ranks: [0-9]+ files the same")
