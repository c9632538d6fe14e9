#pragma once
// Private to import: the reference tables of data/ (CAMEO codes, countries) embedded in the
// library, and where to find the data folder at run time.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace bilateral::io::detail {

/// The bytes of data/cameo/cameo-codes.tsv, data/cameo/VERSION and data/countries.tsv as the
/// library was built with them (a source the build generates: event_embed_tables.cmake).
std::string_view embeddedCameoCodes() noexcept;
std::string_view embeddedCameoVersion() noexcept;
std::string_view embeddedCountries() noexcept;

/// Reads a whole (small) text file; throws ParseError naming it when it cannot be read.
std::string readTextFile(const std::filesystem::path& file);

}  // namespace bilateral::io::detail
