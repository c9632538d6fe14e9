#pragma once
// Countries and their codes: ISO 3166-1 alpha-3 (what bilateral stores), the names ICEWS uses,
// CAMEO actor country codes (GDELT Actor1CountryCode) and FIPS 10-4 (GDELT *Geo_CountryCode).
// The table ships as data/countries.tsv and is embedded in the library. See docs/event-data.md.

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bilateral::io {

struct Country {
    std::string iso3;                     ///< "MYS"; Kosovo has the user-assigned "XKX"
    std::string name;                     ///< common English name
    std::vector<std::string> icewsNames;  ///< names in ICEWS country columns, then variants
    std::string cameo;  ///< CAMEO / GDELT actor country code (equals iso3 but for ROM, TMP, KSV)
    std::string fips;   ///< FIPS 10-4
};

class CountryTable {
public:
    /// The table every importer uses: read once from `findDataDir()` (bilateral/import/cameo.hpp),
    /// else the embedded copy. Thread-safe. Throws ParseError when a found table is malformed.
    static const CountryTable& standard();
    static CountryTable embedded();
    /// Reads `dir`/countries.tsv. Throws ParseError.
    static CountryTable load(const std::filesystem::path& dataDir);
    /// Parses the text of countries.tsv; `origin` names it in errors. Throws ParseError (also
    /// when a name or code maps to two countries).
    static CountryTable parse(std::string_view tsv, const std::string& origin);

    [[nodiscard]] std::span<const Country> countries() const noexcept { return countries_; }
    [[nodiscard]] const std::string& origin() const noexcept { return origin_; }

    /// The country of an ICEWS country name ("Russian Federation"), compared without regard to
    /// ASCII case; nullptr when unknown.
    [[nodiscard]] const Country* fromIcewsName(std::string_view name) const;
    [[nodiscard]] const Country* fromIso3(std::string_view iso3) const;
    /// CAMEO actor country code ("ROM" → Romania); nullptr for regions and IGOs ("EUR", "AFR").
    [[nodiscard]] const Country* fromCameo(std::string_view code) const;
    /// FIPS 10-4 code ("GM" → Germany); GDELT's "GZ" (Gaza Strip) is Palestine.
    [[nodiscard]] const Country* fromFips(std::string_view code) const;

    /// Shorthands giving the ISO3 code, or nullopt.
    [[nodiscard]] std::optional<std::string_view> iso3FromIcewsName(std::string_view name) const;
    [[nodiscard]] std::optional<std::string_view> iso3FromCameo(std::string_view code) const;
    [[nodiscard]] std::optional<std::string_view> iso3FromFips(std::string_view code) const;

private:
    std::vector<Country> countries_;
    std::unordered_map<std::string, std::size_t> byIcews_, byIso3_, byCameo_, byFips_;
    std::string origin_;
};

}  // namespace bilateral::io
