# serve tests: `wijknet serve` on generated towns, driven over HTTP and through Chromium
set(WN_SERVE_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/serve)

# the report's words for one row (the public wrappers the pages use)
wn_add_test(test-explorer-words)

# the token, paths outside the resources, bodies, --listen, a port in use, labels, suppression
add_test(NAME serve/security
    COMMAND /usr/bin/python3 ${WN_SERVE_TESTS}/security.py $<TARGET_FILE:wijknet-cli>)
# Chromium through Selenium: the wijk, a buurt, a resident at risk, a suggested contact, back
add_test(NAME serve/walk
    COMMAND /usr/bin/python3 ${WN_SERVE_TESTS}/walk.py $<TARGET_FILE:wijknet-cli>)
# 2,000 requests from 20 clients on the loopback address: all answered, memory flat
add_test(NAME serve/load
    COMMAND /usr/bin/python3 ${WN_SERVE_TESTS}/load.py $<TARGET_FILE:wijknet-cli> 2000 20)
set_tests_properties(serve/security serve/walk serve/load PROPERTIES
    TIMEOUT 300 ENVIRONMENT "LC_ALL=C.UTF-8")
set_tests_properties(serve/walk PROPERTIES SKIP_RETURN_CODE 77)

# the command line: its help, and what is refused before anything listens
wn_add_cli_test(help-serve help serve)
wn_add_cli_test(serve-port-out-of-range-is-usage-error serve datasets/karate --port 70000 EXIT 64)
wn_add_cli_test(serve-listen-not-an-address-is-usage-error serve datasets/karate
    --listen localhost EXIT 64)
wn_add_cli_test(serve-missing-dataset-is-no-input serve tests/data/no-such-dataset EXIT 66)
