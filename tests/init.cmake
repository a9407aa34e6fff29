# init tests: a program that forgets wn_init() is not aborted by igraph's default handler
add_executable(test-init test-init.c)
target_link_libraries(test-init PRIVATE wijknet PkgConfig::IGRAPH wn_warnings)
add_test(NAME test-init COMMAND test-init)
