# drawings tests: the ego drawing, the wijk drawing, network.svg's always-drawn residents
# and the report's drawings (test-drawings.c)
wn_add_test(test-drawings)
