# The installed package works for a consumer (like fmt's find-package test): install this build
# with DESTDIR into a staging folder, as `make install DESTDIR=...` does, configure
# tests/package against the staged prefix with find_package(bilateral), build it and run it.
# Included by tests/CMakeLists.txt; each step is a ctest, ordered by fixtures.
# The consumer gets this build's compiler and flags (a sanitizer build links sanitized code).
# It is configured with the CMake packages of the private dependencies (SQLite3, fmt, zlib,
# nlohmann_json, pkg-config's minizip) disabled: find_package(bilateral) must not need them.

# DESTDIR package/ and prefix /prefix stage the install in package/prefix (python.installed
# imports from there too).
set(BILATERAL_PACKAGE_STAGE ${CMAKE_CURRENT_BINARY_DIR}/package)
set(BILATERAL_PACKAGE_PREFIX ${BILATERAL_PACKAGE_STAGE}/prefix)
set(BILATERAL_PACKAGE_BUILD ${CMAKE_CURRENT_BINARY_DIR}/package/build)

add_test(NAME package.clean
         COMMAND ${CMAKE_COMMAND} -E rm -rf ${BILATERAL_PACKAGE_PREFIX} ${BILATERAL_PACKAGE_BUILD})
set_tests_properties(package.clean PROPERTIES FIXTURES_SETUP bilateral_package_clean)

add_test(NAME package.install
         COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${BILATERAL_PACKAGE_STAGE}
                 ${CMAKE_COMMAND} --install ${PROJECT_BINARY_DIR} --prefix /prefix
                 "$<$<BOOL:$<CONFIG>>:--config;$<CONFIG>>"
         COMMAND_EXPAND_LISTS)
set_tests_properties(package.install PROPERTIES
  FIXTURES_REQUIRED bilateral_package_clean FIXTURES_SETUP bilateral_package_installed)

add_test(NAME package.configure
         COMMAND ${CMAKE_COMMAND} -S ${CMAKE_CURRENT_SOURCE_DIR}/package -B ${BILATERAL_PACKAGE_BUILD}
                 -DCMAKE_PREFIX_PATH=${BILATERAL_PACKAGE_PREFIX}
                 -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
                 "-DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS}"
                 "-DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}"
                 -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}
                 -DCMAKE_DISABLE_FIND_PACKAGE_SQLite3=ON -DCMAKE_DISABLE_FIND_PACKAGE_fmt=ON
                 -DCMAKE_DISABLE_FIND_PACKAGE_ZLIB=ON -DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON
                 -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON -DCMAKE_DISABLE_FIND_PACKAGE_CLI11=ON)
set_tests_properties(package.configure PROPERTIES
  FIXTURES_REQUIRED bilateral_package_installed FIXTURES_SETUP bilateral_package_configured)

add_test(NAME package.build COMMAND ${CMAKE_COMMAND} --build ${BILATERAL_PACKAGE_BUILD})
set_tests_properties(package.build PROPERTIES
  FIXTURES_REQUIRED bilateral_package_configured FIXTURES_SETUP bilateral_package_built)

add_test(NAME package.run COMMAND ${BILATERAL_PACKAGE_BUILD}/consumer
         ${BILATERAL_PACKAGE_PREFIX}/${CMAKE_INSTALL_DATADIR}/bilateral/italy-malaysia-2025.json)
set_tests_properties(package.run PROPERTIES
  FIXTURES_REQUIRED bilateral_package_built PASS_REGULAR_EXPRESSION "^ok: Italy, 2025-07; Anwar Ibrahim met [1-9]")

# The installed command reads the tables of its own prefix after the prefix is moved and renamed,
# and never the source tree's (tests/package/relocate.sh says how).
add_test(NAME package.relocated_command_finds_its_tables
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/package/relocate.sh ${PROJECT_BINARY_DIR})
set_tests_properties(package.relocated_command_finds_its_tables PROPERTIES
  PASS_REGULAR_EXPRESSION "ok: the moved command read " TIMEOUT 120)

# The manual page renders without a warning (groff -ww: all warnings; -z: no output).
find_program(BILATERAL_GROFF groff)
if(NOT BILATERAL_GROFF)
  message(WARNING "groff not found (scripts/install-deps.sh installs groff-base): "
                  "package.man_page_renders will fail")
  set(BILATERAL_GROFF groff)
endif()
add_test(NAME package.man_page_renders
         COMMAND ${BILATERAL_GROFF} -man -ww -z -Tutf8 ${PROJECT_SOURCE_DIR}/docs/bilateral.1)
set_tests_properties(package.man_page_renders PROPERTIES FAIL_REGULAR_EXPRESSION ".")
