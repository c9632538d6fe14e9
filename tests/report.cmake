# The HTML report (bilateral report): tests/report/check_report.py builds the bundled dataset's
# ITA:MYS report and checks it as a reader would: well formed (XML parser), deterministic,
# drawing what who-met and timeline answer, quotes equal to their spans, rendered by headless
# Chromium. Exit code 77 = skipped (no source texts, no chromium).
if(EXISTS /usr/bin/python3)
  foreach(check wellformed matches-queries quotes screenshot dom)
    add_test(NAME report.${check}
             COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/report/check_report.py
                     --bilateral $<TARGET_FILE:bilateral_cli>
                     --dataset ${PROJECT_SOURCE_DIR}/data/italy-malaysia-2025.json
                     --sources ${PROJECT_SOURCE_DIR}/../shared/sources
                     --workdir ${CMAKE_CURRENT_BINARY_DIR}/report-${check}
                     --check ${check})
    set_tests_properties(report.${check} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180
                         LABELS "report")
  endforeach()
  # [claims] Quotes shown without the texts, and the disagreements section.
  add_test(NAME report.claims
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/report/check_report.py
                   --bilateral $<TARGET_FILE:bilateral_cli>
                   --dataset ${CMAKE_CURRENT_SOURCE_DIR}/data/claims/claims-dataset.json
                   --workdir ${CMAKE_CURRENT_BINARY_DIR}/report-claims --check claims)
  set_tests_properties(report.claims PROPERTIES TIMEOUT 180 LABELS "report")
endif()
