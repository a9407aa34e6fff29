# brokerage tests
wn_add_test(test-brokerage)
target_link_libraries(test-brokerage PRIVATE m)
wn_add_cli_test(brokers-florentine brokers datasets/florentine)
wn_add_cli_test(brokers-directed-csv brokers tests/data/brokerage-directed --format csv --top 0)
wn_add_cli_test(brokers-formality-json brokers tests/data/brokerage-directed --by formality --format json -n 2)
wn_add_cli_test(brokers-karate-club brokers tests/oracle/karate --by club --top 5 --format csv)
wn_add_cli_test(brokers-unknown-grouping brokers datasets/karate --by religion EXIT 65)
wn_add_cli_test(brokers-negative-top brokers datasets/karate --top -1 EXIT 64)
