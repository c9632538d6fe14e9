// ICEWS event files: tab-separated, one header line, columns mapped by name, no quoting.
// Each row is one directed event (source actor → target actor) identified by (Event ID, Event
// Date). The format's part: the header, the place's country, the actors. See
// docs/event-data.md; the rest is the driver's (tsv_driver.cpp).

#include <algorithm>
#include <array>
#include <unordered_map>

#include "actor_kinds.hpp"
#include "actor_maker.hpp"
#include "bilateral/error.hpp"
#include "bilateral/import/countries.hpp"
#include "bilateral/import/events.hpp"
#include "line_reader.hpp"
#include "names.hpp"
#include "tsv_format.hpp"
#include "tsv_line.hpp"

namespace bilateral::io {

// --- ids -----------------------------------------------------------------------------------

namespace {

std::string countryCodeIn(const CountryTable& countries, std::string_view icewsCountry) {
    if (icewsCountry.empty()) return {};
    if (const auto iso = countries.iso3FromIcewsName(icewsCountry)) return std::string(*iso);
    return detail::slug(icewsCountry);
}

/// Whether `name` is the country's own name (an ICEWS actor standing for the whole country).
bool namesCountry(const CountryTable& countries, std::string_view name,
                  std::string_view icewsCountry, std::string_view code) {
    if (code.empty()) return false;
    if (detail::equalsIgnoreCase(name, icewsCountry)) return true;
    const auto* c = countries.fromIcewsName(name);
    return c && c->iso3 == code;
}

std::string actorIdIn(const CountryTable& countries, std::string_view name,
                      std::string_view icewsCountry, const std::string& code) {
    std::string id;
    if (namesCountry(countries, name, icewsCountry, code)) {
        id = "country/";
        id += code;
        return id;
    }
    id = "icews/";
    id += code.empty() ? std::string_view("igo") : std::string_view(code);
    id += '/';
    id += name;
    return id;
}

constexpr std::string_view kIdPrefix = "icews/";

}  // namespace

std::string icewsCountryCode(std::string_view icewsCountry) {
    return countryCodeIn(CountryTable::standard(), icewsCountry);
}

std::string icewsActorId(std::string_view name, std::string_view icewsCountry) {
    const auto& countries = CountryTable::standard();
    return actorIdIn(countries, name, icewsCountry, countryCodeIn(countries, icewsCountry));
}

std::string icewsEventId(std::string_view eventId, std::string_view eventDate) {
    std::string id;
    detail::appendEventId(id, kIdPrefix, eventId, eventDate);
    return id;
}

std::string_view sourceEventId(std::string_view id) noexcept {
    for (const std::string_view prefix : {kIdPrefix, std::string_view("gdelt/")}) {
        if (id.substr(0, prefix.size()) == prefix) {
            id.remove_prefix(prefix.size());
            return id.substr(0, id.find('/'));
        }
    }
    return {};
}

// --- the format ----------------------------------------------------------------------------

namespace {

using detail::Column;
using detail::kNoColumn;
using detail::ValueType;

// clang-format off
enum Mapped : std::size_t {
    kEventId, kEventDate, kSourceName, kSourceSectors, kSourceCountry, kEventText, kCameoCode,
    kIntensity, kTargetName, kTargetSectors, kTargetCountry,
    kCity, kDistrict, kProvince, kCountry, kLatitude, kLongitude,  // [places] the event's place
    kMapped
};

constexpr std::array<std::string_view, kMapped> kMappedNames{
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country",
    "City", "District", "Province", "Country", "Latitude", "Longitude"};
// clang-format on

constexpr std::array<Mapped, 7> kRequired{kEventId,   kEventDate,  kSourceName,   kSourceCountry,
                                          kCameoCode, kTargetName, kTargetCountry};

constexpr std::string_view kNoteKey = "cameo_note";

ValueType typeOf(std::string_view header) {
    if (header == "Story ID" || header == "Sentence Number") return ValueType::Integer;
    if (header == "Latitude" || header == "Longitude") return ValueType::Real;
    return ValueType::Text;
}

/// Columns where ICEWS writes `NA` for a missing value (it means "no value", never a value).
bool mayHoldMissing(std::string_view header) {
    for (const std::string_view h :
         {"Latitude", "Longitude", "Country", "City", "District", "Province", "Source Country",
          "Target Country", "Source Sectors", "Target Sectors"}) {
        if (header == h) return true;
    }
    return false;
}

class IcewsFormat final : public detail::TsvFormat {
public:
    IcewsFormat() : countries_(CountryTable::standard()) {
        description_ = {Format::Icews, true, "ICEWS", "as the header"};
    }

    void open(detail::LineReader& in) override {
        std::string_view line;
        if (!in.next(line)) throw ParseError(in.name(), "line 1", "empty file: no header line");
        if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // a byte-order mark
        if (const auto why = detail::textProblem(line); !why.empty()) detail::failAt(in, {}, why);
        std::vector<std::string_view> names;
        layout_.fields = detail::splitTabs(line, names);
        col_.fill(kNoColumn);
        for (std::size_t i = 0; i < names.size(); ++i) addColumn(in, names[i], i);
        for (const auto c : kRequired) {
            if (col_[c] == kNoColumn) {
                throw ParseError(
                    in.name(), "line 1",
                    "missing required column \"" + std::string(kMappedNames[c]) + "\"");
            }
        }
        attributes_.push_back({std::string(kNoteKey), kNoColumn, ValueType::Text});
        std::sort(attributes_.begin(), attributes_.end(),
                  [](const auto& a, const auto& b) { return a.key < b.key; });
        for (std::size_t i = 0; i < attributes_.size(); ++i) {
            const auto& a = attributes_[i];
            if (a.key.empty() || (i > 0 && a.key == attributes_[i - 1].key)) {
                detail::failAt(in, a.column == kNoColumn ? kNoteKey : layout_.name[a.column],
                               "no distinct attribute name for this column (\"" + a.key + "\")");
            }
        }
        setEventColumns();
    }

    void place(const detail::Row& r, std::string& country, std::string&) const override {
        if (const auto iso = countries_.iso3FromIcewsName(r[col_[kCountry]])) country = *iso;
    }

    void checkActors(const detail::Row& r) const override {
        for (const auto c : {kSourceName, kTargetName}) {
            if (r[col_[c]].empty()) r.fail(col_[c], "empty actor name");
        }
    }

    detail::RowActors actors(const detail::Row& r, detail::ActorMaker& maker) override {
        return {
            actor(r[col_[kSourceName]], r[col_[kSourceCountry]], r[col_[kSourceSectors]], maker),
            actor(r[col_[kTargetName]], r[col_[kTargetCountry]], r[col_[kTargetSectors]], maker)};
    }

private:
    /// Header column `i`: a mapped column, or an attribute named after it in snake case.
    void addColumn(const detail::LineReader& in, std::string_view name, std::size_t i) {
        if (name.empty()) {
            detail::failAt(in, {},
                           "column " + std::to_string(i + 1) + " of the header has no name");
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (layout_.name[j] == name) {
                detail::failAt(in, name, "the header names this column twice");
            }
        }
        const Column c = layout_.add(std::string(name), i, mayHoldMissing(name));
        const auto mapped = std::find(kMappedNames.begin(), kMappedNames.end(), name);
        if (mapped != kMappedNames.end()) {
            col_[static_cast<std::size_t>(mapped - kMappedNames.begin())] = c;
        } else {
            attributes_.push_back({detail::snakeCase(name), c, typeOf(name)});
        }
    }

    void setEventColumns() {
        auto& e = columns_;
        e.id = col_[kEventId];
        e.idPrefix = kIdPrefix;
        e.idWithDate = true;
        // ICEWS writes YYYY-MM-DD; some releases wrote YYYYMMDD. Ids use the first form.
        e.date = col_[kEventDate];
        e.isoDates = true;
        e.code = col_[kCameoCode];
        e.goldstein = col_[kIntensity];
        e.title = col_[kEventText];
        // [places] City, District, Province, Country as its name (most specific first), the
        // country's ISO code (place()), the coordinates. NA and empty are no value.
        e.placeName = {col_[kCity], col_[kDistrict], col_[kProvince], col_[kCountry]};
        e.latitude = col_[kLatitude];
        e.longitude = col_[kLongitude];
        e.coordinateRanges = true;
    }

    std::int64_t actor(std::string_view name, std::string_view country, std::string_view sectors,
                       detail::ActorMaker& maker) {
        key_.assign(country);
        key_ += '\t';
        key_ += name;
        if (const auto it = actorRows_.find(key_); it != actorRows_.end()) return it->second;
        const auto code = countryCodeIn(countries_, country);
        model::Actor a;
        a.id = actorIdIn(countries_, name, country, code);
        a.name = std::string(name);
        if (!code.empty()) a.country = code;
        if (a.id.starts_with("country/")) {
            a.kind = model::ActorKind::Country;
        } else {
            a.kind = detail::icewsActorKind(name, sectors, !code.empty());
            if (!sectors.empty()) a.attributes.emplace("sectors", std::string(sectors));
        }
        if (!country.empty() && !countries_.fromIcewsName(country)) {
            a.attributes.emplace("icews_country", std::string(country));
        }
        const auto row = maker.ensure(std::move(a), country);
        actorRows_.emplace(key_, row);
        return row;
    }

    const CountryTable& countries_;
    std::array<Column, kMapped> col_{};
    std::unordered_map<std::string, std::int64_t, detail::StringHash, std::equal_to<>> actorRows_;
    std::string key_;
};

}  // namespace

std::unique_ptr<detail::TsvFormat> detail::icewsFormat() {
    return std::make_unique<IcewsFormat>();
}

}  // namespace bilateral::io
