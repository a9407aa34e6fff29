# isolation tests
wn_add_test(test-isolation)
wn_add_test(test-ego)
wn_add_cli_test(isolation-wijk-table isolation tests/data/isolation-wijk)
wn_add_cli_test(isolation-wijk-all-csv isolation tests/data/isolation-wijk --all --format csv)
wn_add_cli_test(isolation-wijk-summary-json isolation tests/data/isolation-wijk --summary --format json)
wn_add_cli_test(isolation-wijk-custom-weights isolation tests/data/isolation-wijk --format csv
    --weight-strength 0.5 --weight-reach 0.25 --weight-weak 0.25 --cap-strength 2 --cap-reach 4)
wn_add_cli_test(isolation-wijk-config-file isolation tests/data/isolation-wijk --format csv
    --config tests/data/isolation-wijk/isolation.ini)
wn_add_cli_test(isolation-option-overrides-config isolation tests/data/isolation-wijk --format csv
    --config tests/data/isolation-wijk/isolation.ini --fragile-degree 1)
# the README's [isolation] example names every default: the same output as without --config
wn_add_cli_test(isolation-readme-config-gives-the-defaults isolation tests/data/isolation-wijk
    --config tests/data/isolation-config/readme-example.ini)
wn_add_cli_test(isolation-weights-not-summing-to-one-is-usage-error
    isolation tests/data/isolation-wijk --weight-weak 0.3 EXIT 64)
wn_add_cli_test(isolation-bad-config-value-is-data-error
    isolation tests/data/isolation-wijk --config tests/data/isolation-config/bad-value.ini EXIT 65)
wn_add_cli_test(isolation-wijk-composition-csv isolation tests/data/isolation-wijk --composition --format csv)
wn_add_cli_test(isolation-davis-table isolation datasets/davis)
wn_add_cli_test(isolation-davis-projection-csv isolation datasets/davis --projection --format csv)
wn_add_cli_test(isolation-davis-projection-min-shared isolation datasets/davis --projection --min-shared 5)
wn_add_cli_test(isolation-two-modes-is-usage-error isolation datasets/davis --summary --projection EXIT 64)
wn_add_cli_test(help-isolation help isolation)
