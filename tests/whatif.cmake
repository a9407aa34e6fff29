# whatif, dependants and compare tests
wn_add_test(test-whatif)
wn_add_test(test-dependants)
set_tests_properties(test-dependants PROPERTIES TIMEOUT 600)
