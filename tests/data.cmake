# The bundled dataset read against its source text by scripts/span.py (the same code-point
# offsets the dataset uses): SHA-256, every span within the text and not starting or ending in
# whitespace, every span's quote the words at the span, every fact with evidence, every inference
# with a note. Skipped (exit 77) when the shared folder with the editorial text is absent.
find_program(BILATERAL_DATA_PYTHON3 python3)
if(BILATERAL_DATA_PYTHON3)
  set(_sources ${PROJECT_SOURCE_DIR}/../shared/sources)
  add_test(NAME data.bundled_spans_and_quotes_match_the_editorial
           COMMAND sh -c "test -f \"$1/italy-malaysia-editorial-2025.txt\" || exit 77; \
BILATERAL_SOURCES=\"$1\" exec \"$2\" \"$3\" --check \"$4\" --require-quotes --quiet"
                   sh ${_sources} ${BILATERAL_DATA_PYTHON3} ${PROJECT_SOURCE_DIR}/scripts/span.py
                   ${PROJECT_SOURCE_DIR}/data/italy-malaysia-2025.json)
  set_tests_properties(data.bundled_spans_and_quotes_match_the_editorial PROPERTIES
    SKIP_RETURN_CODE 77 LABELS data TIMEOUT 60)
endif()
