# The installed package works for a consumer (like fmt's find-package test): install this build
# into a temporary prefix, configure tests/package against it with find_package(bilateral),
# build it and run it. Included by tests/CMakeLists.txt; each step is a ctest, ordered by fixtures.
# The consumer gets this build's compiler and flags (a sanitizer build links sanitized code).

set(BILATERAL_PACKAGE_PREFIX ${CMAKE_CURRENT_BINARY_DIR}/package/prefix)
set(BILATERAL_PACKAGE_BUILD ${CMAKE_CURRENT_BINARY_DIR}/package/build)

add_test(NAME package.clean
         COMMAND ${CMAKE_COMMAND} -E rm -rf ${BILATERAL_PACKAGE_PREFIX} ${BILATERAL_PACKAGE_BUILD})
set_tests_properties(package.clean PROPERTIES FIXTURES_SETUP bilateral_package_clean)

add_test(NAME package.install
         COMMAND ${CMAKE_COMMAND} --install ${PROJECT_BINARY_DIR} --prefix ${BILATERAL_PACKAGE_PREFIX}
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
                 -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE})
set_tests_properties(package.configure PROPERTIES
  FIXTURES_REQUIRED bilateral_package_installed FIXTURES_SETUP bilateral_package_configured)

add_test(NAME package.build COMMAND ${CMAKE_COMMAND} --build ${BILATERAL_PACKAGE_BUILD})
set_tests_properties(package.build PROPERTIES
  FIXTURES_REQUIRED bilateral_package_configured FIXTURES_SETUP bilateral_package_built)

add_test(NAME package.run COMMAND ${BILATERAL_PACKAGE_BUILD}/consumer)
set_tests_properties(package.run PROPERTIES
  FIXTURES_REQUIRED bilateral_package_built PASS_REGULAR_EXPRESSION "^ok: Italy, 2025-07")
