# report and batch tests
wn_add_test(test-report)
wn_add_test(test-report-buurt)
target_link_libraries(test-report-buurt PRIVATE m)

# The report as a browser shows it: only when Chromium is installed (Debian `chromium`).
find_program(WN_CHROMIUM chromium)
if(WN_CHROMIUM)
    add_test(NAME report/chromium-renders-without-requests
        COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/report/chromium.sh $<TARGET_FILE:wijknet-cli>
            ${PROJECT_SOURCE_DIR}/datasets/demo-wijk)
    set_tests_properties(report/chromium-renders-without-requests PROPERTIES TIMEOUT 180)
    # Printed to A4: no page blank, none cut or shrunk (pdftoppm: Debian poppler-utils)
    find_program(WN_PDFTOPPM pdftoppm)
    if(WN_PDFTOPPM)
        add_test(NAME report/prints-to-a4-without-blank-or-cut-pages
            COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/report/print.sh $<TARGET_FILE:wijknet-cli>
                ${PROJECT_SOURCE_DIR}/datasets/demo-wijk)
        set_tests_properties(report/prints-to-a4-without-blank-or-cut-pages PROPERTIES TIMEOUT 300)
    endif()
endif()

# wijknet report: usage and bad data
wn_add_cli_test(report-without-output-is-usage-error report tests/data/report-markers EXIT 64)
wn_add_cli_test(report-unknown-language-is-usage-error
    report tests/data/report-markers -o build/nowhere.html --lang de EXIT 64)
wn_add_cli_test(report-bad-dataset report tests/data/batch-bad -o build/nowhere.html EXIT 65)

# wijknet batch: job files refused with a reason, before any dataset is opened
wn_add_cli_test(batch-job-unknown-output batch tests/data/batch-jobs/unknown-output.json EXIT 65)
wn_add_cli_test(batch-job-malformed batch tests/data/batch-jobs/malformed.json EXIT 65)
wn_add_cli_test(batch-job-unknown-key batch tests/data/batch-jobs/unknown-key.json EXIT 65)

# wijknet batch: a bad dataset does not stop the others (exit 65, named in the summary);
# a job killed with SIGKILL and resumed gives the bytes of an uninterrupted run
add_test(NAME batch/bad-dataset-is-reported-and-the-others-complete
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/report/batch-bad.sh $<TARGET_FILE:wijknet-cli>
        ${PROJECT_SOURCE_DIR})
add_test(NAME batch/killed-and-resumed-equals-uninterrupted
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/report/batch-resume.sh $<TARGET_FILE:wijknet-cli>
        ${PROJECT_SOURCE_DIR})
set_tests_properties(batch/killed-and-resumed-equals-uninterrupted PROPERTIES TIMEOUT 600)
