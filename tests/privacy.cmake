# privacy tests: keyed pseudonyms and key files (GTest), personal columns (GTest),
# `wijknet pseudonymise` exit codes (golden runs), and the "no leaks by default" sweep over
# every command
wn_add_test(test-privacy)
wn_add_test(test-personal)

wn_add_cli_test(privacy-pseudonymise-help help pseudonymise)
wn_add_cli_test(privacy-missing-key-is-refused pseudonymise tests/data/privacy-wijk
    --key-file tests/data/privacy-keys/no-such.key -o build/nowhere EXIT 66)
wn_add_cli_test(privacy-short-key-is-refused pseudonymise tests/data/privacy-wijk
    --key-file tests/data/privacy-keys/short.key -o build/nowhere EXIT 65)
wn_add_cli_test(privacy-new-key-refuses-to-overwrite pseudonymise
    --new-key tests/data/privacy-keys/test.key EXIT 73)
wn_add_cli_test(privacy-without-key-is-usage-error pseudonymise tests/data/privacy-wijk
    -o build/nowhere EXIT 64)
wn_add_cli_test(privacy-unknown-column-is-usage-error pseudonymise tests/data/privacy-wijk
    --key-file tests/data/privacy-keys/test.key -o build/nowhere --keep bogus EXIT 64)
wn_add_cli_test(privacy-key-inside-output-is-refused pseudonymise tests/data/privacy-wijk
    --key-file tests/data/privacy-keys/test.key -o tests/data/privacy-keys EXIT 64)
wn_add_cli_test(privacy-output-folder-not-empty-is-refused pseudonymise tests/data/privacy-wijk
    --key-file tests/data/privacy-keys/test.key -o datasets/karate EXIT 73)
wn_add_cli_test(privacy-bad-dataset-is-refused pseudonymise tests/data/load-bad-self-tie
    --key-file tests/data/privacy-keys/test.key -o build/nowhere EXIT 65)

# Runs every command `wijknet --help` lists on tests/data/privacy-markers (labels and the
# cells of personal columns are unique markers) and fails when a marker shows up without
# --show-labels, or when a command is not in the script's table.
add_test(NAME privacy/no-leaks-by-default
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/privacy/no-leaks.py
        $<TARGET_FILE:wijknet-cli> ${CMAKE_CURRENT_SOURCE_DIR}/data/privacy-markers)
set_tests_properties(privacy/no-leaks-by-default PROPERTIES ENVIRONMENT "LC_ALL=C.UTF-8")

# Personal columns: check names them; a "personal" member that is no list of names is refused
wn_add_cli_test(privacy-check-names-personal-columns check tests/data/privacy-markers)
wn_add_cli_test(privacy-personal-must-be-a-list check tests/data/privacy-bad-personal EXIT 65)
# the README's Python recipe gives wijknet's pseudonyms (README "Privacy and safety")
add_test(NAME privacy/key-recipe
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/privacy/key-recipe.py
            $<TARGET_FILE:wijknet-cli>)
