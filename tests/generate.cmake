# generate tests: the synthetic town generator (engine) and `wijknet generate` (CLI)
wn_add_test(test-generate)
wn_add_cli_test(generate-help help generate)
wn_add_cli_test(generate-zero-residents-is-usage-error generate --residents 0 -o build/nowhere EXIT 64)
wn_add_cli_test(generate-without-output-is-usage-error generate --residents 100 EXIT 64)
wn_add_cli_test(generate-bad-share-is-usage-error generate --residents 100 --isolated-share 0.5 -o build/nowhere EXIT 64)
wn_add_cli_test(generate-into-non-empty-folder-is-refused generate --residents 100 -o datasets/karate EXIT 73)
# every size from one resident up (a sweep of about 1,200 towns) and the maximum size
wn_add_test(test-bounded-generate)
set_tests_properties(test-bounded-generate PROPERTIES TIMEOUT 300)
if(IS_DIRECTORY /dev/shm)
    # the towns are written whole (fsync); in memory the sweep takes seconds, not a minute
    set_property(TEST test-bounded-generate APPEND PROPERTY ENVIRONMENT "TMPDIR=/dev/shm")
endif()
