# util tests: the util/ layer on its own (files, CSV cells, numbers, pair map, random
# numbers), linked against the engine's objects so that it reaches engine-private calls
wn_add_private_test(test-util)

wn_add_private_test(test-util-file)

add_executable(test-util-words test-util-words.c)
target_include_directories(test-util-words PRIVATE ${PROJECT_SOURCE_DIR}/engine/src)
target_link_libraries(test-util-words PRIVATE wijknet-objects wn_warnings m)
add_test(NAME test-util-words COMMAND test-util-words)

# the fixed tree that adds up the Brandes blocks, over threads and simulated ranks
wn_add_private_test(test-sum-tree)
