# Writes the reference tables of data/ (CAMEO codes and version, countries) as a C++ source of
# string literals, so an installed library works without its data folder. The build runs it
# (CMakeLists.txt) whenever a table changes, into the build folder:
#
#   cmake -DOUT=build/generated/event_reference_tables.cpp -P src/import/event_embed_tables.cmake
#
# The test `ReferenceTables.EmbeddedCopyMatchesDataFolder` reads both copies and compares them.

get_filename_component(root "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
if(NOT DEFINED OUT)
  message(FATAL_ERROR "event_embed_tables.cmake: give -DOUT=<the source file to write>")
endif()
set(out "${OUT}")

# A C++ expression of adjacent raw string literals holding the file's bytes, cut at line ends
# into pieces of about 2000 bytes (some compilers limit the length of one literal).
function(embed_file path var)
  file(READ "${path}" text)
  string(FIND "${text}" ")tsv\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path} holds the raw-string delimiter )tsv\"")
  endif()
  set(pieces "")
  string(LENGTH "${text}" left)
  while(left GREATER 0)
    if(left LESS 2000)
      set(piece "${text}")
      set(text "")
    else()
      string(SUBSTRING "${text}" 2000 -1 rest)
      string(FIND "${rest}" "\n" nl)
      if(nl EQUAL -1)
        set(piece "${text}")
        set(text "")
      else()
        math(EXPR cut "2000 + ${nl} + 1")
        string(SUBSTRING "${text}" 0 ${cut} piece)
        string(SUBSTRING "${text}" ${cut} -1 text)
      endif()
    endif()
    string(APPEND pieces "    R\"tsv(${piece})tsv\"\n")
    string(LENGTH "${text}" left)
  endwhile()
  if(pieces STREQUAL "")
    set(pieces "    \"\"\n")
  endif()
  set(${var} "${pieces}" PARENT_SCOPE)
endfunction()

embed_file("${root}/data/cameo/cameo-codes.tsv" cameo_codes)
embed_file("${root}/data/cameo/VERSION" cameo_version)
embed_file("${root}/data/countries.tsv" countries)

file(WRITE "${out}" "// Generated at build time by src/import/event_embed_tables.cmake from data/.
// The reference tables as shipped in data/, for when no data folder is found at run time.

#include \"event_reference_tables.hpp\"

namespace bilateral::io::detail {

std::string_view embeddedCameoCodes() noexcept {
    return
${cameo_codes}        ;
}

std::string_view embeddedCameoVersion() noexcept {
    return
${cameo_version}        ;
}

std::string_view embeddedCountries() noexcept {
    return
${countries}        ;
}

}  // namespace bilateral::io::detail
")
message(STATUS "wrote ${out}")
