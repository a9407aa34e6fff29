# load tests
wn_add_test(test-load)
wn_add_test(test-load-fast)
wn_add_test(test-load-refused)
wn_add_test(test-relations)
# cli tests
wn_add_cli_test(load-check-unknown-target check tests/data/load-bad-unknown-target EXIT 65)
wn_add_cli_test(load-check-self-tie check tests/data/load-bad-self-tie EXIT 65)
wn_add_cli_test(load-check-negative-weight check tests/data/load-bad-weight-negative EXIT 65)
wn_add_cli_test(load-check-node-type check tests/data/load-bad-node-type EXIT 65)
wn_add_cli_test(load-check-cp1252 check tests/data/load-bad-cp1252 EXIT 65)
wn_add_cli_test(load-check-unterminated-quote check tests/data/load-bad-unterminated-quote EXIT 65)
wn_add_cli_test(load-check-json-directed check tests/data/load-bad-json-directed EXIT 65)
wn_add_cli_test(load-check-missing-folder check tests/data/load-no-such-folder EXIT 66)
wn_add_cli_test(load-check-missing-ties check tests/data/load-bad-missing-ties EXIT 66)
wn_add_cli_test(load-check-skip-bad-rows check --skip-bad-rows tests/data/load-skip)
# PageRank (PRPACK) changes in its last digits over OpenMP threads: one thread compares bits
set_tests_properties(test-relations PROPERTIES ENVIRONMENT
    "G_TEST_SRCDIR=${CMAKE_CURRENT_SOURCE_DIR};G_TEST_BUILDDIR=${CMAKE_CURRENT_BINARY_DIR};LC_ALL=C.UTF-8;OMP_NUM_THREADS=1")
wn_add_cli_test(relations-check check tests/data/relations-three)
wn_add_cli_test(relations-check-only-family-friend check --relations family,friend tests/data/relations-three)
wn_add_cli_test(relations-measures-unknown measures --relations friend,enemy tests/data/relations-three EXIT 64)
