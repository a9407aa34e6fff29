# load tests
wn_add_test(test-load)
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
