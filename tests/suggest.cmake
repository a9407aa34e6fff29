# suggest tests
wn_add_test(test-suggest)
target_link_libraries(test-suggest PRIVATE m)
wn_add_cli_test(suggest-rules-table suggest tests/data/suggest-rules)
wn_add_cli_test(suggest-rules-explain-csv suggest tests/data/suggest-rules --for t --explain --format csv)
wn_add_cli_test(suggest-rules-buddy-json suggest tests/data/suggest-rules --policy buddy --format json)
wn_add_cli_test(suggest-rules-anchor suggest tests/data/suggest-rules --policy anchor)
wn_add_cli_test(suggest-capacity-optimal
    suggest tests/data/suggest-capacity --for t1,t2 --per 1 --capacity 1)
wn_add_cli_test(suggest-features-explain suggest tests/data/suggest-features --explain)
wn_add_cli_test(suggest-unknown-id-is-usage-error
    suggest tests/data/suggest-rules --for t,nosuch EXIT 64)
wn_add_cli_test(suggest-unknown-policy-is-usage-error
    suggest tests/data/suggest-rules --policy greedy EXIT 64)
wn_add_cli_test(suggest-hide-out-of-range-is-usage-error
    suggest tests/data/suggest-rules --evaluate --hide 1.5 EXIT 64)
wn_add_cli_test(suggest-evaluate-karate suggest datasets/karate --evaluate --seed 3)
wn_add_cli_test(suggest-evaluate-florentine-csv
    suggest datasets/florentine --evaluate --hide 0.2 --format csv)
wn_add_cli_test(suggest-evaluate-davis-json suggest datasets/davis --evaluate --format json)
wn_add_cli_test(help-suggest help suggest)
# bounded work: a huge --per, residents without a position, the "no area" group
wn_add_test(test-bounded-suggest)
set_tests_properties(test-bounded-suggest PROPERTIES TIMEOUT 300)

# residents with no one: beyond the area, groups as activities, introducers, settings
wn_add_test(test-suggest-cold)
wn_add_cli_test(suggest-koffie-explain suggest tests/data/suggest-koffie --for t --explain)
wn_add_cli_test(suggest-nowhere-csv suggest tests/data/suggest-nowhere --format csv)
wn_add_cli_test(suggest-config-anchor
    suggest tests/data/suggest-koffie --for t --config tests/data/suggest-config/good.ini)
wn_add_cli_test(suggest-config-command-line-wins
    suggest tests/data/suggest-koffie --for t --config tests/data/suggest-config/good.ini
    --policy mixed --per 1)
wn_add_cli_test(suggest-config-unknown-key-names-line
    suggest tests/data/suggest-koffie --config tests/data/suggest-config/bad-key.ini EXIT 65)
wn_add_cli_test(suggest-bad-weight-is-usage-error
    suggest tests/data/suggest-koffie --weight-near -1 EXIT 64)
wn_add_cli_test(suggest-bad-count-is-usage-error
    suggest tests/data/suggest-koffie --beyond-degree 1.5 EXIT 64)
wn_add_cli_test(suggest-cold-start-needs-evaluate
    suggest tests/data/suggest-koffie --cold-start 0.5 EXIT 64)
wn_add_cli_test(suggest-cold-start-koffie suggest tests/data/suggest-koffie --evaluate --cold-start 1)
wn_add_test(test-suggest-touching)
wn_add_cli_test(suggest-touching-neighbouring-area suggest tests/data/suggest-touching)

# the evaluation's extra method, and the benchmark's ranking by the generator's own odds
# (tests/bench/README.md, "How far suggestions can go on generated towns")
wn_add_private_test(test-suggest-odds)
add_test(NAME bench/suggest-odds-ranks-a-town-it-did-not-see
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/bench/suggest-odds.sh $<TARGET_FILE:wijknet-cli>
        $<TARGET_FILE:wijknet-suggest-odds> ${CMAKE_CURRENT_BINARY_DIR}/suggest-odds)
