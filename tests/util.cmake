# util tests: the util/ layer on its own (files, CSV cells, numbers, pair map, random
# numbers), linked against the engine's objects so that it reaches engine-private calls
add_executable(test-util test-util.c wn-test.c)
target_include_directories(test-util PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}
    ${PROJECT_SOURCE_DIR}/engine/src)
target_link_libraries(test-util PRIVATE wijknet-objects wn_warnings m)
add_test(NAME test-util COMMAND test-util)
set_tests_properties(test-util PROPERTIES ENVIRONMENT
    "G_TEST_SRCDIR=${CMAKE_CURRENT_SOURCE_DIR};G_TEST_BUILDDIR=${CMAKE_CURRENT_BINARY_DIR};LC_ALL=C.UTF-8")

add_executable(test-util-file test-util-file.c wn-test.c)
target_include_directories(test-util-file PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}
    ${PROJECT_SOURCE_DIR}/engine/src)
target_link_libraries(test-util-file PRIVATE wijknet-objects wn_warnings m)
add_test(NAME test-util-file COMMAND test-util-file)
set_tests_properties(test-util-file PROPERTIES ENVIRONMENT
    "G_TEST_SRCDIR=${CMAKE_CURRENT_SOURCE_DIR};G_TEST_BUILDDIR=${CMAKE_CURRENT_BINARY_DIR};LC_ALL=C.UTF-8")

add_executable(test-util-words test-util-words.c)
target_include_directories(test-util-words PRIVATE ${PROJECT_SOURCE_DIR}/engine/src)
target_link_libraries(test-util-words PRIVATE wijknet-objects wn_warnings m)
add_test(NAME test-util-words COMMAND test-util-words)
