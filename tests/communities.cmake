# communities tests
wn_add_test(test-communities)
# wn-test.c calls fmax(); wn_add_test does not link libm yet
target_link_libraries(test-communities PRIVATE m)
wn_add_cli_test(communities-karate-leiden communities datasets/karate --seed 42)
wn_add_cli_test(communities-karate-louvain-csv
    communities datasets/karate --method louvain --seed 42 --format csv)
wn_add_cli_test(communities-karate-club-json
    communities datasets/karate --partition club --weighted --format json)
wn_add_cli_test(communities-unknown-method
    communities datasets/karate --method walktrap EXIT 64)
# Leiden ends at any resolution and with weights near the largest double (it never did:
# the time limit turns a hang into a failure)
wn_add_test(test-bounded-communities)
set_tests_properties(test-bounded-communities PROPERTIES TIMEOUT 60)
# every command's engine side on one node, one tie, and nodes only
wn_add_test(test-bounded-tiny)
# Leiden on the CSR gives igraph's partition, label for label, for any seed and weighting
wn_add_private_test(test-leiden)
