// ICEWS event files: tab-separated, one header line, columns mapped by name, no quoting.
// Each row is one directed event (source actor → target actor) identified by (Event ID, Event
// Date). See docs/event-data.md.

#include <algorithm>
#include <array>

#include "bilateral/error.hpp"
#include "bilateral/import/cameo.hpp"
#include "bilateral/import/countries.hpp"
#include "bilateral/import/events.hpp"
#include "bilateral/sqlite/store.hpp"
#include "event_import.hpp"
#include "event_text.hpp"

namespace bilateral::io {

using detail::failAt;

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

}  // namespace

std::string icewsCountryCode(std::string_view icewsCountry) {
    return countryCodeIn(CountryTable::standard(), icewsCountry);
}

std::string icewsActorId(std::string_view name, std::string_view icewsCountry) {
    const auto& countries = CountryTable::standard();
    return actorIdIn(countries, name, icewsCountry, countryCodeIn(countries, icewsCountry));
}

namespace {

/// Appends an ICEWS date as `YYYY-MM-DD`: as it is, or rewritten from `YYYYMMDD`.
void appendIsoDate(std::string& out, std::string_view date) {
    if (date.size() == 8 && date.find('-') == std::string_view::npos) {
        out += date.substr(0, 4);
        out += '-';
        out += date.substr(4, 2);
        out += '-';
        out += date.substr(6, 2);
    } else {
        out += date;
    }
}

}  // namespace

std::string icewsEventId(std::string_view eventId, std::string_view eventDate) {
    std::string id = "icews/";
    id += eventId;
    id += '/';
    appendIsoDate(id, eventDate);
    return id;
}

std::string_view sourceEventId(std::string_view id) noexcept {
    for (const std::string_view prefix : {std::string_view("icews/"), std::string_view("gdelt/")}) {
        if (id.substr(0, prefix.size()) == prefix) {
            id.remove_prefix(prefix.size());
            return id.substr(0, id.find('/'));
        }
    }
    return {};
}

// --- the reader ----------------------------------------------------------------------------

namespace {

// clang-format off
enum Col : std::size_t {
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

constexpr std::array<Col, 7> kRequired{kEventId,   kEventDate,  kSourceName,   kSourceCountry,
                                       kCameoCode, kTargetName, kTargetCountry};

constexpr std::string_view kNoteKey = "cameo_note";

/// A column kept as an event attribute.
struct AttrColumn {
    std::string key;
    std::size_t column;  ///< SIZE_MAX for the CAMEO note
    detail::AttrType type;
    std::string_view header;
    bool missingAsNa = false;  ///< `NA` means no value
};

detail::AttrType attrTypeOf(std::string_view header) {
    if (header == "Story ID" || header == "Sentence Number") return detail::AttrType::Integer;
    if (header == "Latitude" || header == "Longitude") return detail::AttrType::Real;
    return detail::AttrType::Text;
}

bool allDigits(std::string_view s) noexcept {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// ICEWS's missing-value marker. In the columns below it means "no value", never a value.
constexpr std::string_view kMissing = "NA";

/// Columns where ICEWS writes `NA` for a missing value.
bool mayHoldMissing(std::string_view header) {
    for (const std::string_view h :
         {"Latitude", "Longitude", "Country", "City", "District", "Province", "Source Country",
          "Target Country", "Source Sectors", "Target Sectors"}) {
        if (header == h) return true;
    }
    return false;
}

/// The actor kind ICEWS's fields suggest. Without a country: international organisations
/// (sectors naming an IGO, or no sectors) are blocs. "<Role> (<Country>)" actors and the
/// "Unspecified" actor are groups, businesses companies, research and education institutions,
/// everyone else a person.
model::ActorKind kindOf(std::string_view name, std::string_view sectors, bool hasCountry) {
    const auto has = [&](std::string_view s) { return sectors.find(s) != std::string_view::npos; };
    if (!hasCountry && (sectors.empty() || has("Government Organization"))) {
        return model::ActorKind::Bloc;
    }
    if (!name.empty() && name.back() == ')' && name.find(" (") != std::string_view::npos) {
        return model::ActorKind::Group;
    }
    if (sectors == "Unspecified") return model::ActorKind::Group;
    if (sectors == "Business" || (has("Business") && !has("Elite")))
        return model::ActorKind::Company;
    if (has("Education") || has("Research")) return model::ActorKind::Institution;
    return model::ActorKind::Person;
}

class IcewsReader {
public:
    IcewsReader(store::Store& store, detail::LineReader& in, const std::filesystem::path& file,
                const ImportOptions& options, detail::MeetingGroups& groups)
        : store_(store),
          file_(file),
          in_(in),
          skipBadRows_(options.skipBadRows),
          onProgress_(options.onProgress),
          groups_(groups),
          cameo_(CameoTable::standard()),
          countries_(CountryTable::standard()),
          actors_(store, summary_, countries_) {
        summary_.file = in.name();
        summary_.format = Format::Icews;
    }

    ImportSummary run() {
        readHeader();
        model::Source src;
        const auto fileName = detail::sourceFileName(file_);
        src.id = "source/icews/" + fileName;
        src.title = "ICEWS event file " + fileName + " (event kinds from " + cameo_.version() + ")";
        src.kind = "icews";
        src.file = file_.string();
        actors_.putFileSource(src);

        store::BulkWriter writer(store_);
        actors_.use(writer);
        firstNewRow_ = detail::lastEventRow(store_);
        std::vector<std::string_view> f;
        f.reserve(columns_ + 1);
        std::string eventId;
        std::string_view line;
        std::int64_t emptyLine = 0;
        while (in_.next(line)) {
            if (line.empty()) {
                if (!emptyLine) emptyLine = in_.lineNumber();
                continue;
            }
            if (emptyLine) {
                throw ParseError(in_.name(), "line " + std::to_string(emptyLine), "empty line");
            }
            ++summary_.rows;
            detail::guardRow(skipBadRows_, summary_, [&] {
                if (const auto why = detail::textProblem(line); !why.empty()) failAt(in_, {}, why);
                if (detail::splitTabs(line, f) != columns_) {
                    failAt(in_, {},
                           "expected " + std::to_string(columns_) +
                               " tab-separated fields (as the header), found " +
                               std::to_string(f.size()));
                }
                row(f, writer, eventId);
            });
        }
        if (onProgress_ && writer.rebuildsIndexes()) {
            ImportProgress p;
            p.file = in_.name();
            p.phase = "indexing";
            onProgress_(p);
        }
        writer.finish();
        return summary_;
    }

private:
    std::string_view field(const std::vector<std::string_view>& f, Col c) const {
        const auto i = col_[c];
        if (i == kAbsent) return {};
        if (missingAsNa_[c] && f[i] == kMissing) return {};
        return f[i];
    }

    void readHeader() {
        std::string_view line;
        if (!in_.next(line)) throw ParseError(in_.name(), "line 1", "empty file: no header line");
        if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // a byte-order mark
        if (const auto why = detail::textProblem(line); !why.empty()) failAt(in_, {}, why);
        std::vector<std::string_view> names;
        columns_ = detail::splitTabs(line, names);
        col_.fill(kAbsent);
        for (std::size_t c = 0; c < kMapped; ++c) missingAsNa_[c] = mayHoldMissing(kMappedNames[c]);
        std::vector<std::pair<std::string_view, std::size_t>> seen;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const auto name = names[i];
            if (name.empty()) {
                failAt(in_, {}, "column " + std::to_string(i + 1) + " of the header has no name");
            }
            for (const auto& [other, at] : seen) {
                if (other == name) failAt(in_, name, "the header names this column twice");
            }
            seen.emplace_back(name, i);
            const auto mapped = std::find(kMappedNames.begin(), kMappedNames.end(), name);
            if (mapped != kMappedNames.end()) {
                col_[static_cast<std::size_t>(mapped - kMappedNames.begin())] = i;
                continue;
            }
            // Every other column is kept as an attribute named after it.
            attrs_.push_back(
                {detail::snakeCase(name), i, attrTypeOf(name), name, mayHoldMissing(name)});
        }
        for (const auto c : kRequired) {
            if (col_[c] == kAbsent) {
                throw ParseError(
                    in_.name(), "line 1",
                    "missing required column \"" + std::string(kMappedNames[c]) + "\"");
            }
        }
        attrs_.push_back({std::string(kNoteKey), kAbsent, detail::AttrType::Text, kNoteKey});
        std::sort(attrs_.begin(), attrs_.end(),
                  [](const AttrColumn& a, const AttrColumn& b) { return a.key < b.key; });
        for (std::size_t i = 0; i < attrs_.size(); ++i) {
            if (attrs_[i].key.empty() || (i > 0 && attrs_[i].key == attrs_[i - 1].key)) {
                failAt(in_, attrs_[i].header,
                       "no distinct attribute name for this column (\"" + attrs_[i].key + "\")");
            }
        }
    }

    const CameoMapping& mapping(std::string_view code) {
        if (const auto it = mappings_.find(code); it != mappings_.end()) return it->second;
        return mappings_.emplace(std::string(code), cameo_.map(code)).first->second;
    }

    std::int64_t actor(std::string_view name, std::string_view country, std::string_view sectors) {
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
            a.kind = kindOf(name, sectors, !code.empty());
            if (!sectors.empty()) a.attributes.emplace("sectors", std::string(sectors));
        }
        if (!country.empty() && !countries_.fromIcewsName(country)) {
            a.attributes.emplace("icews_country", std::string(country));
        }
        const auto row = actors_.ensure(std::move(a), country);
        actorRows_.emplace(key_, row);
        return row;
    }

    void row(const std::vector<std::string_view>& f, store::BulkWriter& writer,
             std::string& eventId) {
        const auto id = field(f, kEventId);
        if (!allDigits(id))
            failAt(in_, "Event ID", "\"" + std::string(id) + "\" is not a whole number");
        const auto date = field(f, kEventDate);
        // ICEWS writes YYYY-MM-DD; some releases wrote YYYYMMDD. Ids use the first form.
        auto day = detail::parseIsoDay(date);
        if (!day) day = detail::parseCompactDay(date);
        if (!day) {
            failAt(in_, "Event Date",
                   "\"" + std::string(date) + "\" is not a date (YYYY-MM-DD or YYYYMMDD)");
        }
        const auto code = field(f, kCameoCode);
        if (code.empty() || code.size() > 6 || !allDigits(code)) {
            failAt(in_, "CAMEO Code", "\"" + std::string(code) + "\" is not a CAMEO code");
        }
        const auto& m = mapping(code);
        std::optional<double> goldstein;
        if (const auto intensity = field(f, kIntensity); !intensity.empty()) {
            double v = 0;
            if (!detail::parseDecimal(intensity, v)) {
                failAt(in_, "Intensity", "\"" + std::string(intensity) + "\" is not a number");
            }
            goldstein = v;
        } else if (m.entry) {
            goldstein = m.entry->goldstein;
        }

        // Attributes, in key order; numbers checked.
        json_.clear();
        for (const auto& a : attrs_) {
            if (a.column == kAbsent) {
                if (!m.note.empty()) json_.text(a.key, m.note);
                continue;
            }
            const auto v = f[a.column];
            if (v.empty() || (a.missingAsNa && v == kMissing)) continue;
            switch (a.type) {
                case detail::AttrType::Text:
                    json_.text(a.key, v);
                    break;
                case detail::AttrType::Integer: {
                    std::int64_t n = 0;
                    if (!detail::parseInt64(v, n)) {
                        failAt(in_, a.header, "\"" + std::string(v) + "\" is not a whole number");
                    }
                    json_.integer(a.key, n);
                    break;
                }
                case detail::AttrType::Real: {
                    double d = 0;
                    if (!detail::parseDecimal(v, d)) {
                        failAt(in_, a.header, "\"" + std::string(v) + "\" is not a number");
                    }
                    if (detail::isJsonNumber(v))
                        json_.number(a.key, v);
                    else
                        json_.real(a.key, d);
                    break;
                }
            }
        }

        // [places] The place: City, District, Province, Country as its name (most specific
        // first), the country's ISO code, the coordinates. NA and empty are no value.
        placeName_.clear();
        for (const auto c : {kCity, kDistrict, kProvince, kCountry}) {
            const auto v = field(f, c);
            if (v.empty()) continue;
            if (!placeName_.empty()) placeName_ += ", ";
            placeName_ += v;
        }
        auto coordinate = [&](Col c, double limit) -> std::optional<double> {
            const auto v = field(f, c);
            if (v.empty()) return std::nullopt;
            double d = 0;
            if (!detail::parseDecimal(v, d)) {
                failAt(in_, kMappedNames[c], "\"" + std::string(v) + "\" is not a number");
            }
            if (d < -limit || d > limit) {
                failAt(in_, kMappedNames[c],
                       "\"" + std::string(v) + "\" is outside [-" +
                           std::to_string(static_cast<int>(limit)) + ", " +
                           std::to_string(static_cast<int>(limit)) + "]");
            }
            return d;
        };
        const auto latitude = coordinate(kLatitude, 90.0);
        const auto longitude = coordinate(kLongitude, 180.0);
        placeCountry_.clear();
        if (const auto iso = countries_.iso3FromIcewsName(field(f, kCountry))) placeCountry_ = *iso;

        if (field(f, kSourceName).empty()) failAt(in_, "Source Name", "empty actor name");
        if (field(f, kTargetName).empty()) failAt(in_, "Target Name", "empty actor name");

        // Every check is done: from here on the row is written.
        eventId.assign("icews/");
        eventId += id;
        eventId += '/';
        appendIsoDate(eventId, date);
        store::BulkWriter::EventRow e;
        e.id = eventId;
        e.kind = model::toString(m.kind);
        e.title = field(f, kEventText);
        if (e.title.empty()) e.title = m.entry ? std::string_view(m.entry->name) : code;
        e.startLo = *day;
        e.startHi = *day;
        e.cameo = code;
        e.goldstein = goldstein;
        e.attributesJson = json_.finish();
        e.location = placeName_;
        e.placeCountry = placeCountry_;
        if (latitude && longitude) {
            e.latitude = latitude;
            e.longitude = longitude;
        }
        // The actors first: their rows are the meeting's key (an existing event id adds nothing
        // new: its actors were made with it).
        const auto source =
            actor(field(f, kSourceName), field(f, kSourceCountry), field(f, kSourceSectors));
        const auto target =
            actor(field(f, kTargetName), field(f, kTargetCountry), field(f, kTargetSectors));
        const auto meeting = groups_.key(source, target, *day, code);
        e.meetingRow = groups_.find(meeting);
        const auto event = writer.insertEvent(e);
        if (!event) {
            if (detail::addedSince(store_, eventId, firstNewRow_)) {
                failAt(in_, "Event ID",
                       "Event ID " + std::string(id) + " on " + std::string(date) +
                           " repeats an earlier row of this file");
            }
            ++summary_.skipped;
            return;
        }
        ++summary_.events;
        if (e.meetingRow)
            ++summary_.regrouped;
        else
            groups_.add(meeting, *event);
        writer.insertParticipation(*event, source, m.sourceRole);
        writer.insertParticipation(*event, target, m.targetRole);
        summary_.participations += 2;
    }

    static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

    store::Store& store_;
    std::filesystem::path file_;
    detail::LineReader& in_;
    bool skipBadRows_ = false;
    std::function<void(const ImportProgress&)> onProgress_;
    detail::MeetingGroups& groups_;
    const CameoTable& cameo_;
    const CountryTable& countries_;
    ImportSummary summary_;
    detail::ActorMaker actors_;
    std::size_t columns_ = 0;
    std::array<std::size_t, kMapped> col_{};
    std::array<bool, kMapped> missingAsNa_{};  ///< columns where `NA` is no value
    std::vector<AttrColumn> attrs_;
    std::unordered_map<std::string, CameoMapping, detail::StringHash, std::equal_to<>> mappings_;
    std::unordered_map<std::string, std::int64_t, detail::StringHash, std::equal_to<>> actorRows_;
    std::string key_, placeName_, placeCountry_;
    detail::JsonObject json_;
    std::int64_t firstNewRow_ = 0;  ///< events with a greater row id were added by this file
};

}  // namespace

ImportSummary importIcews(store::Store& store, const std::filesystem::path& file,
                          const ImportOptions& options) {
    detail::LineReader in(file, detail::readerProgress(options, nullptr));
    detail::MeetingGroups groups(options.grouping);
    return detail::importIcews(store, in, file, options, groups);
}

ImportSummary detail::importIcews(store::Store& store, LineReader& in,
                                  const std::filesystem::path& file, const ImportOptions& options,
                                  MeetingGroups& groups) {
    IcewsReader reader(store, in, file, options, groups);
    return reader.run();
}

}  // namespace bilateral::io
