// GDELT event files: 2.0 (`*.export.CSV`, 61 tab-separated columns) and 1.0 (daily files, 58
// columns; historical files, 57), no header, no quoting. 1.0 rows are read as 2.0 rows without
// the three *Geo_ADM2Code columns (and, for 57 columns, without SOURCEURL). Each row is one event
// with up to two actors (Actor1 → Actor2), identified by GLOBALEVENTID.
// See docs/event-data.md.

#include <algorithm>
#include <array>
#include <unordered_set>

#include "bilateral/error.hpp"
#include "bilateral/import/cameo.hpp"
#include "bilateral/import/countries.hpp"
#include "bilateral/import/events.hpp"
#include "bilateral/sqlite/store.hpp"
#include "event_import.hpp"
#include "event_text.hpp"

namespace bilateral::io {

using detail::AttrType;
using detail::failAt;

std::string gdeltEventId(std::string_view globalEventId) {
    std::string id = "gdelt/";
    id += globalEventId;
    return id;
}

namespace {

constexpr std::size_t kColumns = 61;
/// GDELT 1.0: daily files since April 2013 (with SOURCEURL) and the historical files (without).
constexpr std::size_t kColumnsV1Daily = 58, kColumnsV1Historical = 57;

/// Where each 2.0 column is in a 1.0 row (kAbsentV1: not in 1.0). 1.0 has no *Geo_ADM2Code.
constexpr std::size_t kAbsentV1 = static_cast<std::size_t>(-1);
constexpr std::array<std::size_t, kColumns> kFromV1 = [] {
    std::array<std::size_t, kColumns> at{};
    std::size_t v1 = 0;
    for (std::size_t c = 0; c < kColumns; ++c) {
        // 2.0 columns 39, 47 and 55 are Actor1Geo_ADM2Code, Actor2Geo_ADM2Code, ActionGeo_ADM2Code.
        at[c] = (c == 39 || c == 47 || c == 55) ? kAbsentV1 : v1++;
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
// clang-format on

// clang-format off
enum Col : std::size_t {
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
    std::size_t column;
    AttrType type;
};

constexpr std::size_t kNote = static_cast<std::size_t>(-1);  ///< the CAMEO note, not a column

/// Event-level columns kept as attributes, in key order. SQLDATE, EventCode and GoldsteinScale
/// are the event's own fields; MonthYear, Year and FractionDate restate SQLDATE and are only
/// checked; the actor columns go to the actors; SOURCEURL is the evidence; ActionGeo_FullName,
/// _CountryCode, _Lat, _Long and _FeatureID are the event's place.
constexpr std::array<EventAttr, 29> kEventAttrs{{
    {"action_geo_adm1_code", 54, AttrType::Text},  {"action_geo_adm2_code", 55, AttrType::Text},
    {"action_geo_type", 51, AttrType::Integer},    {"actor1_geo_adm1_code", 38, AttrType::Text},
    {"actor1_geo_adm2_code", 39, AttrType::Text},  {"actor1_geo_country_code", 37, AttrType::Text},
    {"actor1_geo_feature_id", 42, AttrType::Text}, {"actor1_geo_full_name", 36, AttrType::Text},
    {"actor1_geo_lat", 40, AttrType::Real},        {"actor1_geo_long", 41, AttrType::Real},
    {"actor1_geo_type", 35, AttrType::Integer},    {"actor2_geo_adm1_code", 46, AttrType::Text},
    {"actor2_geo_adm2_code", 47, AttrType::Text},  {"actor2_geo_country_code", 45, AttrType::Text},
    {"actor2_geo_feature_id", 50, AttrType::Text}, {"actor2_geo_full_name", 44, AttrType::Text},
    {"actor2_geo_lat", 48, AttrType::Real},        {"actor2_geo_long", 49, AttrType::Real},
    {"actor2_geo_type", 43, AttrType::Integer},    {"avg_tone", 34, AttrType::Real},
    {"cameo_note", kNote, AttrType::Text},         {"date_added", 59, AttrType::Integer},
    {"event_base_code", 27, AttrType::Text},       {"event_root_code", 28, AttrType::Text},
    {"is_root_event", 25, AttrType::Integer},      {"num_articles", 33, AttrType::Integer},
    {"num_mentions", 31, AttrType::Integer},       {"num_sources", 32, AttrType::Integer},
    {"quad_class", 29, AttrType::Integer},
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

bool allDigits(std::string_view s) noexcept {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Kind from the actor's first type code: government, military, judiciary, legislature, police
/// and intelligence are government bodies; businesses companies; IGOs blocs; education
/// institutions; everything else a group.
model::ActorKind kindOf(std::string_view type1) {
    for (const std::string_view t : {"GOV", "MIL", "JUD", "LEG", "COP", "SPY"}) {
        if (type1 == t) return model::ActorKind::GovernmentBody;
    }
    if (type1 == "BUS") return model::ActorKind::Company;
    if (type1 == "IGO") return model::ActorKind::Bloc;
    if (type1 == "EDU") return model::ActorKind::Institution;
    return model::ActorKind::Group;
}

class GdeltReader {
public:
    GdeltReader(store::Store& store, detail::LineReader& in, const std::filesystem::path& file,
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
        summary_.format = Format::Gdelt;
    }

    ImportSummary run() {
        // The version is told by the first row's field count; every row must have the same.
        std::vector<std::string_view> first;
        const auto head = in_.peek(64 * 1024);
        columns_ = detail::splitTabs(head.substr(0, head.find('\n')), first);
        if (columns_ != kColumnsV1Daily && columns_ != kColumnsV1Historical) columns_ = kColumns;
        version_ = columns_ == kColumns ? "2.0" : "1.0";

        model::Source src;
        const auto fileName = detail::sourceFileName(file_);
        src.id = "source/gdelt/" + fileName;
        src.title = "GDELT " + version_ + " event file " + fileName + " (event kinds from " +
                    cameo_.version() + ")";
        src.kind = "gdelt";
        src.file = file_.string();
        actors_.putFileSource(src);

        store::BulkWriter writer(store_);
        actors_.use(writer);
        writer_ = &writer;
        firstNewRow_ = detail::lastEventRow(store_);
        std::vector<std::string_view> f;
        f.reserve(kColumns + 1);
        std::string_view line;
        std::int64_t emptyLine = 0;
        bool any = false;
        while (in_.next(line)) {
            if (line.empty()) {
                if (!emptyLine) emptyLine = in_.lineNumber();
                continue;
            }
            if (emptyLine) {
                throw ParseError(in_.name(), "line " + std::to_string(emptyLine), "empty line");
            }
            any = true;
            ++summary_.rows;
            detail::guardRow(skipBadRows_, summary_, [&] {
                if (const auto why = detail::textProblem(line); !why.empty()) failAt(in_, {}, why);
                if (detail::splitTabs(line, f) != columns_) {
                    failAt(in_, {},
                           "expected " + std::to_string(columns_) +
                               " tab-separated fields (GDELT " + version_ +
                               " events, as line 1), found " + std::to_string(f.size()));
                }
                row(asV2(f), writer);
            });
        }
        if (!any) throw ParseError(in_.name(), "line 1", "empty file: no event");
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
    /// A row in 2.0's column order: 1.0 rows get empty ADM2 codes (and SOURCEURL).
    const std::vector<std::string_view>& asV2(const std::vector<std::string_view>& f) {
        if (columns_ == kColumns) return f;
        v2_.assign(kColumns, std::string_view());
        for (std::size_t c = 0; c < kColumns; ++c) {
            if (kFromV1[c] != kAbsentV1 && kFromV1[c] < f.size()) v2_[c] = f[kFromV1[c]];
        }
        return v2_;
    }

    void checkInt(const std::vector<std::string_view>& f, std::size_t c) {
        std::int64_t n = 0;
        if (!f[c].empty() && !detail::parseInt64(f[c], n)) {
            failAt(in_, kNames[c], "\"" + std::string(f[c]) + "\" is not a whole number");
        }
    }

    void attr(const std::vector<std::string_view>& f, const EventAttr& a) {
        const auto v = f[a.column];
        if (v.empty()) return;
        switch (a.type) {
            case AttrType::Text:
                json_.text(a.key, v);
                break;
            case AttrType::Integer: {
                std::int64_t n = 0;
                if (!detail::parseInt64(v, n)) {
                    failAt(in_, kNames[a.column],
                           "\"" + std::string(v) + "\" is not a whole number");
                }
                json_.integer(a.key, n);
                break;
            }
            case AttrType::Real: {
                double d = 0;
                if (!detail::parseDecimal(v, d)) {
                    failAt(in_, kNames[a.column], "\"" + std::string(v) + "\" is not a number");
                }
                if (detail::isJsonNumber(v))
                    json_.number(a.key, v);
                else
                    json_.real(a.key, d);
                break;
            }
        }
    }

    /// An actor this import has met: its row, its own name and the aliases rows gave it.
    struct SeenActor {
        std::int64_t row;
        std::string name;
        std::unordered_set<std::string, detail::StringHash, std::equal_to<>> aliases;
    };

    /// The actor of columns [base, base + 10), or nullopt when it has neither code nor name.
    std::optional<std::int64_t> actor(const std::vector<std::string_view>& f, std::size_t base) {
        const auto code = f[base + kCode];
        const auto name = f[base + kName];
        const auto cameoCountry = f[base + kCountry];
        if (code.empty() && name.empty()) return std::nullopt;
        key_.assign(cameoCountry);
        key_ += '\t';
        key_ += code.empty() ? name : code;
        if (const auto it = actorRows_.find(key_); it != actorRows_.end()) {
            alias(it->second, name);
            return it->second.row;
        }

        const auto* country = cameoCountry.empty() ? nullptr : countries_.fromCameo(cameoCountry);
        model::Actor a;
        if (country && code == cameoCountry) {
            a.id = "country/" + country->iso3;
            a.kind = model::ActorKind::Country;
            a.name = country->name;
            a.country = country->iso3;
        } else {
            a.id = "gdelt/";
            a.id += country ? std::string_view(country->iso3)
                            : (cameoCountry.empty() ? std::string_view("none") : cameoCountry);
            a.id += '/';
            a.id += code.empty() ? name : code;
            a.kind = kindOf(f[base + kType1]);
            a.name = std::string(name.empty() ? code : name);
            if (country) a.country = country->iso3;
            if (!code.empty()) a.attributes.emplace("cameo_code", std::string(code));
            if (!cameoCountry.empty() && !country) {
                a.attributes.emplace("cameo_country", std::string(cameoCountry));
            }
            for (const auto& [k, off] : kActorAttrs) {
                if (!f[base + off].empty())
                    a.attributes.emplace(std::string(k), std::string(f[base + off]));
            }
        }
        std::string shown = a.name;
        const auto id = a.id;
        bool created = false;
        const auto row = actors_.ensure(
            std::move(a), country ? std::string_view(country->name) : std::string_view(), &created);
        // The name the actor goes by: the one it was created with here, else the store's.
        if (!created) {
            if (const auto known = store_.findActor(id)) shown = known->name;
        }
        auto& seen = actorRows_.emplace(key_, SeenActor{row, std::move(shown), {}}).first->second;
        alias(seen, name);
        return row;
    }

    /// Keeps every name a row gives a code-merged actor ("DEPUTIES" for COP named "POLICE") as
    /// an alias, so that name and alias search find it.
    void alias(SeenActor& actor, std::string_view name) {
        if (name.empty() || detail::equalsIgnoreCase(name, actor.name)) return;
        if (actor.aliases.find(name) != actor.aliases.end()) return;
        actor.aliases.emplace(name);
        writer_->insertAlias(actor.row, name);
    }

    void row(const std::vector<std::string_view>& f, store::BulkWriter& writer) {
        const auto id = f[kId];
        if (!allDigits(id)) {
            failAt(in_, kNames[kId], "\"" + std::string(id) + "\" is not a whole number");
        }
        const auto day = detail::parseCompactDay(f[kSqlDate]);
        if (!day) {
            failAt(in_, kNames[kSqlDate],
                   "\"" + std::string(f[kSqlDate]) + "\" is not a date (YYYYMMDD)");
        }
        checkInt(f, kMonthYear);
        checkInt(f, kYear);
        if (double d = 0; !f[kFractionDate].empty() && !detail::parseDecimal(f[kFractionDate], d)) {
            failAt(in_, kNames[kFractionDate],
                   "\"" + std::string(f[kFractionDate]) + "\" is not a number");
        }
        const auto code = f[kEventCode];
        if (code.size() > 6 || !allDigits(code)) {
            failAt(in_, kNames[kEventCode], "\"" + std::string(code) + "\" is not a CAMEO code");
        }
        std::optional<double> goldstein;
        if (const auto g = f[kGoldstein]; !g.empty()) {
            double v = 0;
            if (!detail::parseDecimal(g, v)) {
                failAt(in_, kNames[kGoldstein], "\"" + std::string(g) + "\" is not a number");
            }
            goldstein = v;
        }
        const auto& m = mapping(code);
        if (!goldstein && m.entry) goldstein = m.entry->goldstein;

        json_.clear();
        for (const auto& a : kEventAttrs) {
            if (a.column != kNote)
                attr(f, a);
            else if (!m.note.empty())
                json_.text(a.key, m.note);
        }

        // [places] ActionGeo_*: where the event took place. The country is FIPS 10-4 in GDELT.
        // The feature id is a GNS feature id (GNIS for the United States), or the ADM1 or
        // country code (FIPS 10-4) when GDELT placed the event no closer: `gns:-2403010`,
        // `gnis:...`, `fips:MY14`.
        auto coordinate = [&](std::size_t c) -> std::optional<double> {
            const auto v = f[c];
            if (v.empty()) return std::nullopt;
            double d = 0;
            if (!detail::parseDecimal(v, d))
                failAt(in_, kNames[c], "\"" + std::string(v) + "\" is not a number");
            return d;
        };
        const auto latitude = coordinate(kActionLat);
        const auto longitude = coordinate(kActionLong);
        std::string_view placeCountry;
        if (const auto iso = countries_.iso3FromFips(f[kActionCountry])) placeCountry = *iso;
        gazetteer_.clear();
        if (const auto feature = f[kActionFeature]; !feature.empty()) {
            std::int64_t n = 0;
            gazetteer_ = !detail::parseInt64(feature, n) ? "fips:"
                         : f[kActionCountry] == "US"     ? "gnis:"
                                                         : "gns:";
            gazetteer_ += feature;
        }

        // Every check is done: from here on the row is written.
        eventId_ = gdeltEventId(id);
        store::BulkWriter::EventRow e;
        e.id = eventId_;
        e.kind = model::toString(m.kind);
        e.title = m.entry ? std::string_view(m.entry->name) : code;
        e.startLo = *day;
        e.startHi = *day;
        e.cameo = code;
        e.goldstein = goldstein;
        e.attributesJson = json_.finish();
        e.location = f[kActionFullName];
        e.placeCountry = placeCountry;
        if (latitude && longitude) {
            e.latitude = latitude;
            e.longitude = longitude;
        }
        e.gazetteer = gazetteer_;
        // The actors first: their rows are the meeting's key (an existing event id adds nothing
        // new: its actors were made with it).
        const auto source = actor(f, kActor1);
        const auto target = actor(f, kActor2);
        // Only a row with both actors has a pair: a one-sided row is a meeting of its own.
        const bool paired = source && target;
        const auto meeting = groups_.key(source.value_or(0), target.value_or(0), *day, code);
        if (paired) e.meetingRow = groups_.find(meeting);
        e.evidenced = !f[kSourceUrl].empty();  // its source follows
        const auto event = writer.insertEvent(e);
        if (!event) {
            if (detail::addedSince(store_, eventId_, firstNewRow_)) {
                failAt(in_, kNames[kId],
                       "GLOBALEVENTID " + std::string(id) + " repeats an earlier row of this file");
            }
            ++summary_.skipped;
            return;
        }
        ++summary_.events;
        if (e.meetingRow)
            ++summary_.regrouped;
        else if (paired)
            groups_.add(meeting, *event);
        if (source) writer.insertParticipation(*event, *source, m.sourceRole);
        if (target) writer.insertParticipation(*event, *target, m.targetRole);
        summary_.participations += (source ? 1 : 0) + (target ? 1 : 0);
        if (const auto url = f[kSourceUrl]; !url.empty()) {
            sourceKey_.assign("source/url/");
            sourceKey_ += url;
            bool added = false;
            const auto src = writer.ensureSource(sourceKey_, url, "news article", url, &added);
            if (added) ++summary_.sources;
            writer.insertEventEvidence(*event, src);
        }
    }

    const CameoMapping& mapping(std::string_view code) {
        if (const auto it = mappings_.find(code); it != mappings_.end()) return it->second;
        return mappings_.emplace(std::string(code), cameo_.map(code)).first->second;
    }

    store::Store& store_;
    std::filesystem::path file_;
    detail::LineReader& in_;
    bool skipBadRows_ = false;
    std::function<void(const ImportProgress&)> onProgress_;
    detail::MeetingGroups& groups_;
    std::size_t columns_ = kColumns;
    std::string version_ = "2.0";
    std::vector<std::string_view> v2_;
    store::BulkWriter* writer_ = nullptr;
    const CameoTable& cameo_;
    const CountryTable& countries_;
    std::string gazetteer_;  ///< [places] the row's place id, bound by the insert
    ImportSummary summary_;
    detail::ActorMaker actors_;
    std::unordered_map<std::string, CameoMapping, detail::StringHash, std::equal_to<>> mappings_;
    std::unordered_map<std::string, SeenActor, detail::StringHash, std::equal_to<>> actorRows_;
    std::string key_, eventId_, sourceKey_;
    detail::JsonObject json_;
    std::int64_t firstNewRow_ = 0;  ///< events with a greater row id were added by this file
};

}  // namespace

ImportSummary importGdelt(store::Store& store, const std::filesystem::path& file,
                          const ImportOptions& options) {
    detail::LineReader in(file, detail::readerProgress(options, nullptr));
    detail::MeetingGroups groups(options.grouping);
    return detail::importGdelt(store, in, file, options, groups);
}

ImportSummary detail::importGdelt(store::Store& store, LineReader& in,
                                  const std::filesystem::path& file, const ImportOptions& options,
                                  MeetingGroups& groups) {
    GdeltReader reader(store, in, file, options, groups);
    return reader.run();
}

}  // namespace bilateral::io
