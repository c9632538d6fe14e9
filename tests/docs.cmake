# The documentation's runnable command blocks (```console in README.md and docs/*.md) print what
# the documentation says: scripts/doc_test.py runs each in a scratch folder with this build's
# command on PATH and compares the output (its docstring says how blocks are marked and masked;
# `scripts/doc_test.py --bilateral build/bilateral --update` rewrites them after an output change).
# README's `make demo` block runs make with this build folder as build/.
find_program(BILATERAL_PYTHON3 python3)
if(NOT BILATERAL_PYTHON3)
  message(WARNING "python3 not found: docs.commands_print_what_the_docs_say will fail")
  set(BILATERAL_PYTHON3 python3)
endif()
add_test(NAME docs.commands_print_what_the_docs_say
         COMMAND ${BILATERAL_PYTHON3} ${PROJECT_SOURCE_DIR}/scripts/doc_test.py
                 --bilateral $<TARGET_FILE:bilateral_cli> --build ${PROJECT_BINARY_DIR})
# docs/draft.md drafts the editorial from $BILATERAL_SOURCES, the folder of source texts beside
# a clone (../shared/sources, as `report --sources` reads it).
set_tests_properties(docs.commands_print_what_the_docs_say PROPERTIES
  PASS_REGULAR_EXPRESSION "ok: [0-9]+ documented commands" TIMEOUT 600 LABELS docs
  ENVIRONMENT "BILATERAL_SOURCES=${PROJECT_SOURCE_DIR}/../shared/sources")
