# The draft module's tests (tests/draft/*_test.cpp; docs/draft.md). src/draft/ is its own
# library, which the command links; its tests may reach its private headers. The scorer's own
# checks and the goals on unseen text run bench/draft_score.py with the built command.
file(GLOB draft_test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/draft/*_test.cpp)
if(draft_test_sources)
  add_executable(draft_tests ${draft_test_sources})
  target_link_libraries(draft_tests PRIVATE bilateral_draft bilateral::bilateral GTest::gtest_main
                        nlohmann_json::nlohmann_json bilateral_warnings)
  target_include_directories(draft_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}
                             ${PROJECT_SOURCE_DIR}/src/draft)
  target_compile_definitions(draft_tests PRIVATE
    BILATERAL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    BILATERAL_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    BILATERAL_CLI="$<TARGET_FILE:bilateral_cli>")
  add_dependencies(draft_tests bilateral_cli)
  gtest_discover_tests(draft_tests DISCOVERY_TIMEOUT 60
                       WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
endif()

find_program(BILATERAL_DRAFT_PYTHON3 python3)
if(BILATERAL_DRAFT_PYTHON3)
  # The scorer gives 1.0 everywhere when a curated file is scored against itself as a draft
  # would be, and the rules meet the issue's goals on the texts kept aside (unseen).
  add_test(NAME draft.scorer_scores_curated_facts_as_right
           COMMAND ${BILATERAL_DRAFT_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/draft/scorer_check.py
                   ${PROJECT_SOURCE_DIR}/bench/draft_score.py ${CMAKE_CURRENT_SOURCE_DIR}/draft
                   ${PROJECT_SOURCE_DIR}/data/italy-malaysia-2025.json)
  add_test(NAME draft.unseen_texts_meet_the_goals
           COMMAND ${BILATERAL_DRAFT_PYTHON3} ${PROJECT_SOURCE_DIR}/bench/draft_score.py
                   --manifest ${CMAKE_CURRENT_SOURCE_DIR}/draft/texts/MANIFEST.tsv --set unseen
                   --bilateral $<TARGET_FILE:bilateral_cli> --check-goals)
  set_tests_properties(draft.scorer_scores_curated_facts_as_right
                       draft.unseen_texts_meet_the_goals PROPERTIES LABELS draft TIMEOUT 120)
endif()
