#pragma once
// How people write names (docs/queries.md, "Names"): the tables of data/ that say which words
// name a country (names, adjectives, demonyms) and which are honorifics, embedded at build time.
// Name resolution (query) and the draft (src/draft) read these same tables.

#include <string>
#include <string_view>
#include <vector>

namespace bilateral::rules {

/// The bytes of an embedded table by file name: "countries.tsv" (data/countries.tsv),
/// "draft/countries.tsv" and "draft/honorifics.tsv" (data/draft/); empty for any other name.
std::string_view nameTable(std::string_view name) noexcept;  // generated

/// A table's rows split at tabs: lines starting with '#' and empty lines skipped, and the first
/// other line too when `header` (data/countries.tsv has one; data/draft/ gives it as a comment).
std::vector<std::vector<std::string>> tsvRows(std::string_view text, bool header);

/// Cell `i` of a table row; "" past the row's end (a row may leave its last cells out).
std::string cell(const std::vector<std::string>& row, std::size_t i);
/// The values of a cell listing several, separated by '|' ("Italy|Italian Republic"); empty
/// ones are dropped.
std::vector<std::string> splitBars(std::string_view cell);

/// A country or bloc as English text names it.
struct CountryWords {
    std::string code;                     ///< ISO 3166-1 alpha-3, or a bloc's (EU, ASEAN)
    std::vector<std::string> names;       ///< "Italy", "Italian Republic"
    std::vector<std::string> adjectives;  ///< adjectives and demonyms: "Italian", "Italians"
};

/// Every country of data/countries.tsv with its names, and the English names, adjectives and
/// demonyms of data/draft/countries.tsv; parsed once.
const std::vector<CountryWords>& countryWords();

/// Honorifics, courtesy titles and ranks written before a name (data/draft/honorifics.tsv),
/// as written ("Dato' Seri", "Hon.", "YAB"); parsed once.
const std::vector<std::string>& honorifics();

}  // namespace bilateral::rules
