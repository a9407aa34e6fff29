# map tests
#
# Run as a script (cmake -P map.cmake), this file is the check behind the map-files tests:
# it runs `wijknet map DATASET -o OUT ARGS…` in WORKDIR, compares OUT/areas.csv with
# EXPECTED, checks with python3 that areas.geojson and run.json are valid JSON of the
# right shape, and that no label (the MARKER-LABEL strings of the test data) appears in
# any file unless LABELS is set, when network.svg must carry them.
if(CMAKE_SCRIPT_MODE_FILE)
    file(REMOVE_RECURSE ${OUT})
    string(REPLACE " " ";" args "${ARGS}")
    execute_process(COMMAND ${WIJKNET} map ${DATASET} -o ${OUT} ${args}
        WORKING_DIRECTORY ${WORKDIR} RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "wijknet map exited with ${rc}: ${err}")
    endif()
    file(READ ${OUT}/areas.csv got)
    file(READ ${EXPECTED} want)
    if(NOT got STREQUAL want)
        message(FATAL_ERROR "areas.csv differs from ${EXPECTED}\n--- got ---\n${got}")
    endif()
    execute_process(COMMAND python3 -c [=[
import json, re, sys
geo = json.load(open(sys.argv[1]))
assert geo["type"] == "FeatureCollection", "not a FeatureCollection"
for f in geo["features"]:
    assert f["type"] == "Feature" and f["properties"]["code"], f
    assert f["geometry"]["type"] in ("Polygon", "MultiPolygon", "Point"), f["geometry"]
run = json.load(open(sys.argv[2]))
assert run["command"] == "map" and run["options"]["min_cell"], run
assert all(re.fullmatch("[0-9a-f]{64}", i["sha256"]) for i in run["inputs"]), run["inputs"]
assert run["inputs"][0]["path"].endswith("nodes.csv"), run["inputs"]
]=] ${OUT}/areas.geojson ${OUT}/run.json RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "areas.geojson or run.json: ${err}")
    endif()
    foreach(name areas.csv areas.geojson map.svg network.svg wijk.svg run.json)
        file(READ ${OUT}/${name} text)
        string(FIND "${text}" "MARKER-LABEL" at)
        if(NOT at EQUAL -1 AND NOT (LABELS AND name STREQUAL "network.svg"))
            message(FATAL_ERROR "${name} carries a label")
        elseif(at EQUAL -1 AND LABELS AND name STREQUAL "network.svg")
            message(FATAL_ERROR "network.svg has no label despite --show-labels")
        endif()
    endforeach()
    return()
endif()

wn_add_test(test-map)
wn_add_test(test-map-folder)

# wn_add_map_test(NAME DATASET [LABELS] ARGS…): the script above; EXPECTED is cli/NAME.out.
function(wn_add_map_test name dataset)
    cmake_parse_arguments(PARSE_ARGV 2 MAP "LABELS" "" "")
    string(REPLACE ";" " " args "${MAP_UNPARSED_ARGUMENTS}")
    add_test(NAME cli/${name}
        COMMAND ${CMAKE_COMMAND}
            -DWIJKNET=$<TARGET_FILE:wijknet-cli>
            -DDATASET=${dataset}
            -DOUT=${CMAKE_CURRENT_BINARY_DIR}/map-out/${name}
            -DARGS=${args}
            -DLABELS=${MAP_LABELS}
            -DEXPECTED=${CMAKE_CURRENT_SOURCE_DIR}/cli/${name}.out
            -DWORKDIR=${PROJECT_SOURCE_DIR}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/map.cmake)
    set_tests_properties(cli/${name} PROPERTIES ENVIRONMENT "LC_ALL=C.UTF-8")
endfunction()
wn_add_map_test(map-ten-areas-csv tests/data/map-ten)
wn_add_map_test(map-wijk-min-cell-2-areas-csv tests/data/map-wijk --min-cell 2)
wn_add_map_test(map-wijk-show-labels-areas-csv tests/data/map-wijk LABELS --show-labels)
wn_add_cli_test(map-without-output-is-usage-error map tests/data/map-ten EXIT 64)
wn_add_cli_test(map-output-cannot-be-created map tests/data/map-ten
    -o tests/data/map-ten/nodes.csv/out EXIT 73)
wn_add_cli_test(map-bad-boundaries-is-data-error map tests/data/map-bad-dataset -o unused EXIT 65)
wn_add_cli_test(help-map help map)
wn_add_cli_test(map-ego-unknown-id-is-data-error map tests/data/drawings-ego -o unused
    --ego nobody EXIT 65)
wn_add_cli_test(map-bad-lang-is-usage-error map tests/data/drawings-ego -o unused --lang fr
    EXIT 64)
