# Graph exports: the writer tests read GraphML back with boost::read_graphml (compiled Boost.Graph),
# and the exported GraphML of the bundled dataset and of a hostile fixture must open in NetworkX
# and igraph with the node and edge counts `bilateral stats --json` reports.
# Included by tests/CMakeLists.txt (every tests/*.cmake is).

if(TARGET export_tests)
  target_link_libraries(export_tests PRIVATE Boost::graph)
endif()

# The Debian interpreter, which has python3-networkx and python3-igraph (scripts/install-deps.sh);
# another python3 earlier on PATH may lack them.
set(BILATERAL_SYSTEM_PYTHON /usr/bin/python3 CACHE FILEPATH "Python with networkx and igraph")

if(EXISTS ${BILATERAL_SYSTEM_PYTHON})
  set(_check ${CMAKE_CURRENT_SOURCE_DIR}/graph/check_graphml.py)
  set(_work ${CMAKE_CURRENT_BINARY_DIR}/graphml-readers)
  foreach(reader networkx igraph)
    add_test(NAME graphml.${reader}.bundled_dataset
             COMMAND ${BILATERAL_SYSTEM_PYTHON} ${_check} --reader ${reader}
                     --bilateral $<TARGET_FILE:bilateral_cli>
                     --dataset ${PROJECT_SOURCE_DIR}/data/italy-malaysia-2025.json
                     --workdir ${_work}/${reader}-bundled)
    add_test(NAME graphml.${reader}.hostile_fixture
             COMMAND ${BILATERAL_SYSTEM_PYTHON} ${_check} --reader ${reader}
                     --bilateral $<TARGET_FILE:bilateral_cli>
                     --dataset ${CMAKE_CURRENT_SOURCE_DIR}/graph/fixture.json
                     --check-values
                     --workdir ${_work}/${reader}-fixture)
    add_test(NAME graphml.${reader}.filtered
             COMMAND ${BILATERAL_SYSTEM_PYTHON} ${_check} --reader ${reader}
                     --bilateral $<TARGET_FILE:bilateral_cli>
                     --dataset ${PROJECT_SOURCE_DIR}/data/italy-malaysia-2025.json
                     --export-args "--from 2025-07 --to 2025-07 --kinds official_visit,bilateral_meeting,roundtable"
                     --workdir ${_work}/${reader}-filtered)
  endforeach()
  set_tests_properties(
    graphml.networkx.bundled_dataset graphml.igraph.bundled_dataset
    graphml.networkx.hostile_fixture graphml.igraph.hostile_fixture
    graphml.networkx.filtered graphml.igraph.filtered
    PROPERTIES LABELS "graph;python" TIMEOUT 120)
else()
  message(STATUS "bilateral: ${BILATERAL_SYSTEM_PYTHON} not found; GraphML reader tests skipped")
endif()
