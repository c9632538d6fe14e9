// GDELT event files: 2.0 (`*.export.CSV`, 61 tab-separated columns) and 1.0 (daily files, 58
// columns; historical files, 57; a file may mix both), no header, no quoting. 1.0 rows are read
// as 2.0 rows without the three *Geo_ADM2Code columns (and, for 57 columns, without SOURCEURL).
// Each row is one event with up to two actors (Actor1 → Actor2), identified by GLOBALEVENTID. The
// format's part: the columns by position, the place's country and gazetteer id, the actors. See
// docs/event-data.md; the rest is the driver's (tsv_driver.cpp).

#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "actor_kinds.hpp"
#include "actor_maker.hpp"
#include "bilateral/import/countries.hpp"
#include "bilateral/import/events.hpp"
#include "field_values.hpp"
#include "line_reader.hpp"
#include "names.hpp"
#include "tsv_format.hpp"
#include "tsv_line.hpp"

namespace bilateral::io {

namespace {
constexpr std::string_view kIdPrefix = "gdelt/";
}

std::string gdeltEventId(std::string_view globalEventId) {
    std::string id;
    detail::appendEventId(id, kIdPrefix, globalEventId);
    return id;
}

namespace {

using detail::Column;
using detail::kNoColumn;
using detail::ValueType;

constexpr std::size_t kColumns = 61;
/// GDELT 1.0: daily files since April 2013 (with SOURCEURL) and the historical files (without).
constexpr std::size_t kColumnsV1Daily = 58, kColumnsV1Historical = 57;

/// Where each 2.0 column is in a 1.0 row (kNoColumn: not in 1.0). 1.0 has no *Geo_ADM2Code.
constexpr std::array<std::size_t, kColumns> kFromV1 = [] {
    std::array<std::size_t, kColumns> at{};
    std::size_t v1 = 0;
    for (std::size_t c = 0; c < kColumns; ++c) {
        // 2.0 columns 39, 47 and 55 are Actor1Geo_ADM2Code, Actor2Geo_ADM2Code, ActionGeo_ADM2Code.
        at[c] = (c == 39 || c == 47 || c == 55) ? kNoColumn : v1++;
    }
    return at;
}();

/// The 61 columns of GDELT 2.0's event table, in file order (GDELT Event Codebook V2.0).
// clang-format off
constexpr std::array<std::string_view, kColumns> kNames{
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL"};

// Columns by their 2.0 position.
enum Col : Column {
    kId = 0, kSqlDate = 1, kMonthYear = 2, kYear = 3, kFractionDate = 4,
    kActor1 = 5, kActor2 = 15,  // Code, Name, CountryCode, KnownGroup, Ethnic, Rel1, Rel2, Type1-3
    kIsRoot = 25, kEventCode = 26, kGoldstein = 30,
    kActionFullName = 52, kActionCountry = 53, kActionLat = 56, kActionLong = 57,
    kActionFeature = 58, kSourceUrl = 60
};
// clang-format on

/// Offsets within an actor's ten columns.
enum ActorCol : std::size_t { kCode, kName, kCountry, kKnownGroup, kEthnic, kRel1, kRel2, kType1 };

struct EventAttr {
    std::string_view key;
    Column column;  ///< kNoColumn: the CAMEO note
    ValueType type;
};

/// Event-level columns kept as attributes, in key order. SQLDATE, EventCode and GoldsteinScale
/// are the event's own fields; MonthYear, Year and FractionDate restate SQLDATE and are only
/// checked; the actor columns go to the actors; SOURCEURL is the evidence; ActionGeo_FullName,
/// _CountryCode, _Lat, _Long and _FeatureID are the event's place.
constexpr std::array<EventAttr, 29> kEventAttrs{{
    {"action_geo_adm1_code", 54, ValueType::Text},
    {"action_geo_adm2_code", 55, ValueType::Text},
    {"action_geo_type", 51, ValueType::Integer},
    {"actor1_geo_adm1_code", 38, ValueType::Text},
    {"actor1_geo_adm2_code", 39, ValueType::Text},
    {"actor1_geo_country_code", 37, ValueType::Text},
    {"actor1_geo_feature_id", 42, ValueType::Text},
    {"actor1_geo_full_name", 36, ValueType::Text},
    {"actor1_geo_lat", 40, ValueType::Real},
    {"actor1_geo_long", 41, ValueType::Real},
    {"actor1_geo_type", 35, ValueType::Integer},
    {"actor2_geo_adm1_code", 46, ValueType::Text},
    {"actor2_geo_adm2_code", 47, ValueType::Text},
    {"actor2_geo_country_code", 45, ValueType::Text},
    {"actor2_geo_feature_id", 50, ValueType::Text},
    {"actor2_geo_full_name", 44, ValueType::Text},
    {"actor2_geo_lat", 48, ValueType::Real},
    {"actor2_geo_long", 49, ValueType::Real},
    {"actor2_geo_type", 43, ValueType::Integer},
    {"avg_tone", 34, ValueType::Real},
    {"cameo_note", kNoColumn, ValueType::Text},
    {"date_added", 59, ValueType::Integer},
    {"event_base_code", 27, ValueType::Text},
    {"event_root_code", 28, ValueType::Text},
    {"is_root_event", 25, ValueType::Integer},
    {"num_articles", 33, ValueType::Integer},
    {"num_mentions", 31, ValueType::Integer},
    {"num_sources", 32, ValueType::Integer},
    {"quad_class", 29, ValueType::Integer},
}};

/// Actor codes kept as attributes of a created actor.
constexpr std::array<std::pair<std::string_view, std::size_t>, 7> kActorAttrs{{
    {"ethnic_code", kEthnic},
    {"known_group_code", kKnownGroup},
    {"religion1_code", kRel1},
    {"religion2_code", kRel2},
    {"type1_code", kType1},
    {"type2_code", kType1 + 1},
    {"type3_code", kType1 + 2},
}};

class GdeltFormat final : public detail::TsvFormat {
public:
    GdeltFormat() : countries_(CountryTable::standard()) {}

    /// The version is told by the first row's field count. Every row of a 2.0 file has 61
    /// fields; a 1.0 file may mix daily rows (58) and historical rows (57, no SOURCEURL), as
    /// files researchers put together from both do.
    void open(detail::LineReader& in) override {
        std::vector<std::string_view> first;
        const auto head = in.peek(64 * 1024);
        auto fields = detail::splitTabs(head.substr(0, head.find('\n')), first);
        if (fields != kColumnsV1Daily && fields != kColumnsV1Historical) fields = kColumns;
        const bool v1 = fields != kColumns;
        const std::string version = v1 ? "1.0" : "2.0";
        description_ = {Format::Gdelt, false, "GDELT " + version,
                        v1 ? "GDELT 1.0 events" : "GDELT 2.0 events, as line 1",
                        v1 ? "57 or 58" : ""};
        layout_ = layoutOf(fields);
        if (v1) {
            other_ = layoutOf(fields == kColumnsV1Daily ? kColumnsV1Historical : kColumnsV1Daily);
        }
        for (const auto& a : kEventAttrs)
            attributes_.push_back({std::string(a.key), a.column, a.type});
        auto& e = columns_;
        e.id = kId;
        e.idPrefix = kIdPrefix;
        e.date = kSqlDate;
        e.checked = {{kMonthYear, ValueType::Integer},
                     {kYear, ValueType::Integer},
                     {kFractionDate, ValueType::Real}};
        e.code = kEventCode;
        e.goldstein = kGoldstein;
        // [places] ActionGeo_*: where the event took place.
        e.placeName = {kActionFullName};
        e.latitude = kActionLat;
        e.longitude = kActionLong;
        e.url = kSourceUrl;
    }

    /// The country is FIPS 10-4 in GDELT. The feature id is a GNS feature id (GNIS for the
    /// United States), or the ADM1 or country code (FIPS 10-4) when GDELT placed the event no
    /// closer: `gns:-2403010`, `gnis:...`, `fips:MY14`.
    void place(const detail::Row& r, std::string& country, std::string& gazetteer) const override {
        if (const auto iso = countries_.iso3FromFips(r[kActionCountry])) country = *iso;
        if (const auto feature = r[kActionFeature]; !feature.empty()) {
            std::int64_t n = 0;
            gazetteer = !detail::parseInt64(feature, n) ? "fips:"
                        : r[kActionCountry] == "US"     ? "gnis:"
                                                        : "gns:";
            gazetteer += feature;
        }
    }

    detail::RowActors actors(const detail::Row& r, detail::ActorMaker& maker) override {
        return {actor(r, kActor1, maker), actor(r, kActor2, maker)};
    }

    [[nodiscard]] const detail::Layout* layoutFor(std::size_t fields) const noexcept override {
        if (fields == layout_.fields) return &layout_;
        return other_ && fields == other_->fields ? &*other_ : nullptr;
    }

private:
    /// Where the 2.0 columns are in a row of `fields` fields (61, 58 or 57).
    static detail::Layout layoutOf(std::size_t fields) {
        detail::Layout l;
        l.fields = fields;
        for (std::size_t c = 0; c < kColumns; ++c) {
            const auto at = fields == kColumns ? c : kFromV1[c];
            l.add(std::string(kNames[c]), at < fields ? at : kNoColumn);
        }
        return l;
    }

    /// An actor this import has met: its row, its own name and the aliases rows gave it.
    struct SeenActor {
        std::int64_t row;
        std::string name;
        std::unordered_set<std::string, detail::StringHash, std::equal_to<>> aliases;
    };

    /// The actor of columns [base, base + 10), or nullopt when it has neither code nor name.
    std::optional<std::int64_t> actor(const detail::Row& r, Column base,
                                      detail::ActorMaker& maker) {
        const auto code = r[base + kCode];
        const auto name = r[base + kName];
        const auto cameoCountry = r[base + kCountry];
        if (code.empty() && name.empty()) return std::nullopt;
        key_.assign(cameoCountry);
        key_ += '\t';
        key_ += code.empty() ? name : code;
        if (const auto it = actorRows_.find(key_); it != actorRows_.end()) {
            alias(it->second, name, maker);
            return it->second.row;
        }
        const auto* country = cameoCountry.empty() ? nullptr : countries_.fromCameo(cameoCountry);
        auto a = newActor(r, base, country);
        std::string shown = a.name;
        const auto id = a.id;
        bool created = false;
        const auto row = maker.ensure(
            std::move(a), country ? std::string_view(country->name) : std::string_view(), &created);
        // The name the actor goes by: the one it was created with here, else the store's.
        if (!created) {
            if (auto known = maker.storedName(id)) shown = std::move(*known);
        }
        auto& seen = actorRows_.emplace(key_, SeenActor{row, std::move(shown), {}}).first->second;
        alias(seen, name, maker);
        return row;
    }

    /// The actor columns [base, base + 10) describe, should it have to be created.
    static model::Actor newActor(const detail::Row& r, Column base, const Country* country) {
        const auto code = r[base + kCode];
        const auto name = r[base + kName];
        const auto cameoCountry = r[base + kCountry];
        model::Actor a;
        if (country && code == cameoCountry) {
            a.id = "country/" + country->iso3;
            a.kind = model::ActorKind::Country;
            a.name = country->name;
            a.country = country->iso3;
            return a;
        }
        a.id = "gdelt/";
        a.id += country ? std::string_view(country->iso3)
                        : (cameoCountry.empty() ? std::string_view("none") : cameoCountry);
        a.id += '/';
        a.id += code.empty() ? name : code;
        a.kind =
            detail::gdeltActorKind(r[base + kType1], r[base + kType1 + 1], r[base + kType1 + 2]);
        a.name = std::string(name.empty() ? code : name);
        if (country) a.country = country->iso3;
        if (!code.empty()) a.attributes.emplace("cameo_code", std::string(code));
        if (!cameoCountry.empty() && !country) {
            a.attributes.emplace("cameo_country", std::string(cameoCountry));
        }
        for (const auto& [k, off] : kActorAttrs) {
            if (const auto v = r[base + off]; !v.empty()) {
                a.attributes.emplace(std::string(k), std::string(v));
            }
        }
        return a;
    }

    /// Keeps every name a row gives a code-merged actor ("DEPUTIES" for COP named "POLICE") as
    /// an alias, so that name and alias search find it.
    static void alias(SeenActor& actor, std::string_view name, detail::ActorMaker& maker) {
        if (name.empty() || detail::equalsIgnoreCase(name, actor.name)) return;
        if (actor.aliases.find(name) != actor.aliases.end()) return;
        actor.aliases.emplace(name);
        maker.addAlias(actor.row, name);
    }

    const CountryTable& countries_;
    std::optional<detail::Layout> other_;  ///< a 1.0 file: the layout of the other row length
    std::unordered_map<std::string, SeenActor, detail::StringHash, std::equal_to<>> actorRows_;
    std::string key_;
};

}  // namespace

std::unique_ptr<detail::TsvFormat> detail::gdeltFormat() {
    return std::make_unique<GdeltFormat>();
}

}  // namespace bilateral::io
