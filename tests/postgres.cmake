# The PostgreSQL engine's tests (tests/postgres/), built when the engine is
# (BILATERAL_POSTGRES). Each ctest entry runs a group of them on throwaway servers of its own
# (scripts/pg_throwaway.py via tests/support/pg_server.hpp); they are labelled `postgres`
# (`ctest -L postgres`), bounded in time, and reported as skipped, with the script's line,
# where no server binaries are found.
if(NOT TARGET bilateral_postgres)
  return()
endif()

add_library(bilateral_pg_test_support STATIC ${CMAKE_CURRENT_SOURCE_DIR}/support/pg_server.cpp)
target_link_libraries(bilateral_pg_test_support PUBLIC GTest::gtest PRIVATE bilateral_warnings)
target_include_directories(bilateral_pg_test_support PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_definitions(bilateral_pg_test_support PRIVATE
                           BILATERAL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

file(GLOB BILATERAL_PG_TEST_SOURCES CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_SOURCE_DIR}/postgres/*_test.cpp)
add_executable(postgres_tests ${BILATERAL_PG_TEST_SOURCES})
target_link_libraries(postgres_tests PRIVATE bilateral_postgres bilateral_pg_test_support
                      bilateral::bilateral ${BILATERAL_MODULES} GTest::gtest_main
                      nlohmann_json::nlohmann_json
                      bilateral_warnings)
target_include_directories(postgres_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}
                           ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/src/storage)
target_compile_definitions(postgres_tests PRIVATE
  BILATERAL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  BILATERAL_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
  BILATERAL_CLI="$<TARGET_FILE:bilateral_cli>")
add_dependencies(postgres_tests bilateral_cli)  # the conformance suite runs the command

# name → GoogleTest filter. Each entry starts its own servers, so groups run side by side.
set(BILATERAL_PG_TEST_GROUPS
    "conninfo=ConnInfo*"
    "client=PgClient*:PgCopy*"
    "schema=PgSchema*:PgSearch*"
    "bulk=PgBulk*"
    "shards=PgShards*:PgShardLayout*"
    "conformance=PgConformance*"
    "sharded_conformance=PgShardedConformance*"
    "load=PgLoad*")
foreach(group IN LISTS BILATERAL_PG_TEST_GROUPS)
  string(REPLACE "=" ";" parts "${group}")
  list(GET parts 0 name)
  list(GET parts 1 filter)
  add_test(NAME postgres.${name} COMMAND postgres_tests --gtest_filter=${filter}
           WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  set_tests_properties(postgres.${name} PROPERTIES LABELS postgres TIMEOUT 300
                       SKIP_REGULAR_EXPRESSION "skipped: no PostgreSQL server binaries")
endforeach()
# The load test runs 60 s by itself (8 readers, 2 writers: tests/postgres/load_test.cpp); 20 s
# under ctest, which runs it beside the other groups.
set_tests_properties(postgres.load PROPERTIES ENVIRONMENT BILATERAL_PG_LOAD_SECONDS=20)

# The bulk loader's prototype ICEWS import, for measuring COPY loads (docs/postgresql.md); not a
# test.
add_executable(pg_load_prototype ${PROJECT_SOURCE_DIR}/bench/pg_load_prototype.cpp)
target_link_libraries(pg_load_prototype PRIVATE bilateral_postgres bilateral::bilateral
                      ${BILATERAL_MODULES} bilateral_warnings)
target_include_directories(pg_load_prototype PRIVATE ${PROJECT_SOURCE_DIR}/src
                           ${PROJECT_SOURCE_DIR}/src/storage)

# The throwaway servers' script itself: URLs that work, the command's status, nothing left
# behind after a failing command or a SIGTERM, the skip line without server binaries.
find_program(BILATERAL_PG_PYTHON3 python3)
if(BILATERAL_PG_PYTHON3)
  add_test(NAME postgres.throwaway_servers
           COMMAND ${BILATERAL_PG_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/postgres/throwaway_test.py
                   ${PROJECT_SOURCE_DIR})
  set_tests_properties(postgres.throwaway_servers PROPERTIES LABELS postgres TIMEOUT 300
                       PASS_REGULAR_EXPRESSION "^ok"
                       SKIP_REGULAR_EXPRESSION "skipped: no PostgreSQL server binaries")
endif()
