# holes tests: structural holes (test-holes) and cut points (test-cuts, cuts-* CLI runs)
wn_add_test(test-holes)

wn_add_test(test-cuts)

wn_add_cli_test(cuts-florentine cuts datasets/florentine)
wn_add_cli_test(cuts-florentine-local-bridges cuts datasets/florentine --list local-bridges)
wn_add_cli_test(cuts-florentine-bridges-csv cuts datasets/florentine --list bridges --format csv)
wn_add_cli_test(cuts-karate-json cuts datasets/karate --format json)
wn_add_cli_test(cuts-karate-local-bridges-csv cuts datasets/karate --list local-bridges --format csv)
wn_add_cli_test(cuts-karate-components-csv cuts datasets/karate --list components --format csv)
wn_add_cli_test(cuts-unknown-list-is-usage-error cuts datasets/karate --list holes EXIT 64)
wn_add_cli_test(cuts-without-dataset-is-usage-error cuts EXIT 64)
