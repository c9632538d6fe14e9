#include "tsv_driver.hpp"

#include <string>
#include <unordered_map>
#include <vector>

#include "actor_maker.hpp"
#include "bilateral/error.hpp"
#include "bilateral/import/cameo.hpp"
#include "bilateral/import/countries.hpp"
#include "event_sink.hpp"
#include "field_values.hpp"
#include "input_stream.hpp"
#include "json_text.hpp"
#include "line_reader.hpp"
#include "meeting_groups.hpp"
#include "names.hpp"
#include "tsv_format.hpp"
#include "tsv_line.hpp"

namespace bilateral::io::detail {
namespace {

/// What the checks found in a row, for the writes that follow them.
struct CheckedRow {
    std::string_view id, date, code;
    model::DayNumber day = 0;
    const CameoMapping* mapping = nullptr;
    std::optional<double> goldstein, latitude, longitude;
};

class TsvDriver {
public:
    TsvDriver(TsvFormat& format, EventSink& sink, LineReader& in, const ImportOptions& options,
              MeetingGroups& groups)
        : format_(format),
          sink_(sink),
          in_(in),
          options_(options),
          groups_(groups),
          cameo_(CameoTable::standard()),
          actors_(sink, summary_, CountryTable::standard()) {
        summary_.file = in.name();
    }

    ImportSummary run(const std::filesystem::path& file) {
        format_.open(in_);
        summary_.format = format_.description().format;
        putFileSource(file);
        sink_.beginRows();
        readRows();
        if (options_.onProgress && sink_.rebuildsIndexes()) {
            ImportProgress p;
            p.file = in_.name();
            p.phase = "indexing";
            options_.onProgress(p);
        }
        sink_.finish();
        return std::move(summary_);
    }

private:
    /// The file's source: `source/<format>/<file name>` (`stdin` for standard input).
    void putFileSource(const std::filesystem::path& file) {
        const std::string kind(toString(format_.description().format));
        const auto name = isStdin(file) ? std::string("stdin") : file.filename().string();
        model::Source src;
        src.id = "source/" + kind + "/" + name;
        src.title = format_.description().label + " event file " + name + " (event kinds from " +
                    cameo_.version() + ")";
        src.kind = kind;
        src.file = file.string();
        actors_.putFileSource(src);
    }

    void readRows() {
        const auto& layout = format_.layout();
        std::vector<std::string_view> fields;
        fields.reserve(layout.fields + 1);
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
            guarded([&] {
                if (const auto why = textProblem(line); !why.empty()) failAt(in_, {}, why);
                const auto* rowLayout = format_.layoutFor(splitTabs(line, fields));
                if (!rowLayout) {
                    const auto& d = format_.description();
                    failAt(in_, {},
                           "expected " +
                               (d.counts.empty() ? std::to_string(layout.fields) : d.counts) +
                               " tab-separated fields (" + d.rowShape + "), found " +
                               std::to_string(fields.size()));
                }
                row(Row(*rowLayout, fields, in_));
            });
        }
        if (summary_.rows == 0 && !format_.description().header) {
            throw ParseError(in_.name(), "line 1", "empty file: no event");
        }
    }

    /// Runs the checks and writes of one row. With skipBadRows, a ParseError it throws is kept
    /// in the summary's badRows and the import goes on: a row throws before it writes.
    template <class Work>
    void guarded(Work&& work) {
        if (!options_.skipBadRows) {
            work();
            return;
        }
        try {
            work();
        } catch (const ParseError& e) {
            summary_.badRows.push_back({e.location(), e.reason()});
        }
    }

    void row(const Row& r) {
        auto checked = checkEvent(r);
        writeAttributes(r, *checked.mapping);
        checkPlace(r, checked);
        format_.checkActors(r);
        // Every check is done: from here on the row is written.
        write(r, checked);
    }

    CheckedRow checkEvent(const Row& r) {
        const auto& cols = format_.columns();
        CheckedRow c;
        c.id = r[cols.id];
        if (!allDigits(c.id)) r.failValue(cols.id, "is not a whole number");
        c.date = r[cols.date];
        auto day = cols.isoDates ? parseIsoDay(c.date) : std::nullopt;
        if (!day) day = parseCompactDay(c.date);
        if (!day) {
            r.failValue(cols.date, cols.isoDates ? "is not a date (YYYY-MM-DD or YYYYMMDD)"
                                                 : "is not a date (YYYYMMDD)");
        }
        c.day = *day;
        for (const auto& [column, type] : cols.checked) {
            if (type == ValueType::Integer) (void)r.integer(column);
            if (type == ValueType::Real) (void)r.decimal(column);
        }
        c.code = r[cols.code];
        if (c.code.size() > 6 || !allDigits(c.code)) r.failValue(cols.code, "is not a CAMEO code");
        c.mapping = &mapping(c.code);
        c.goldstein = r.decimal(cols.goldstein);
        if (!c.goldstein && c.mapping->entry) c.goldstein = c.mapping->entry->goldstein;
        return c;
    }

    /// The attribute columns as a JSON object (json_), in key order; numbers checked.
    void writeAttributes(const Row& r, const CameoMapping& m) {
        json_.clear();
        for (const auto& a : format_.attributes()) {
            if (a.column == kNoColumn) {
                if (!m.note.empty()) json_.text(a.key, m.note);
                continue;
            }
            const auto v = r[a.column];
            if (v.empty()) continue;
            switch (a.type) {
                case ValueType::Text:
                    json_.text(a.key, v);
                    break;
                case ValueType::Integer:
                    json_.integer(a.key, *r.integer(a.column));
                    break;
                case ValueType::Real: {
                    const auto d = *r.decimal(a.column);
                    if (isJsonNumber(v))
                        json_.number(a.key, v);
                    else
                        json_.real(a.key, d);
                    break;
                }
            }
        }
    }

    /// [places] The place's name (the parts a row has, most specific first), coordinates
    /// (numbers; within range where the format says so), country and gazetteer id.
    void checkPlace(const Row& r, CheckedRow& c) {
        const auto& cols = format_.columns();
        placeName_.clear();
        for (const auto part : cols.placeName) {
            const auto v = r[part];
            if (v.empty()) continue;
            if (!placeName_.empty()) placeName_ += ", ";
            placeName_ += v;
        }
        c.latitude = coordinate(r, cols.latitude, 90);
        c.longitude = coordinate(r, cols.longitude, 180);
        placeCountry_.clear();
        gazetteer_.clear();
        format_.place(r, placeCountry_, gazetteer_);
    }

    std::optional<double> coordinate(const Row& r, Column c, int limit) const {
        const auto d = r.decimal(c);
        if (d && format_.columns().coordinateRanges && (*d < -limit || *d > limit)) {
            const auto bound = std::to_string(limit);
            r.failValue(c, "is outside [-" + bound + ", " + bound + "]");
        }
        return d;
    }

    void write(const Row& r, const CheckedRow& c) {
        const auto& cols = format_.columns();
        eventId_.clear();
        appendEventId(eventId_, cols.idPrefix, c.id, cols.idWithDate ? c.date : std::string_view());
        EventSink::EventRow e;
        e.id = eventId_;
        e.kind = model::toString(c.mapping->kind);
        e.title = r[cols.title];
        if (e.title.empty()) {
            e.title = c.mapping->entry ? std::string_view(c.mapping->entry->name) : c.code;
        }
        e.startLo = c.day;
        e.startHi = c.day;
        e.cameo = c.code;
        e.goldstein = c.goldstein;
        e.attributesJson = json_.finish();
        e.location = placeName_;
        e.placeCountry = placeCountry_;
        if (c.latitude && c.longitude) {
            e.latitude = c.latitude;
            e.longitude = c.longitude;
        }
        e.gazetteer = gazetteer_;
        // The actors first: their rows are the meeting's key (an existing event id adds nothing
        // new: its actors were made with it). Only a row with both actors has a pair: a
        // one-sided row is a meeting of its own.
        const auto actors = format_.actors(r, actors_);
        const bool paired = actors.source && actors.target;
        const auto meeting =
            groups_.key(actors.source.value_or(0), actors.target.value_or(0), c.day, c.code);
        if (paired) e.meetingRow = groups_.find(meeting, c.day);
        const auto url = r[cols.url];
        e.evidenced = !url.empty();  // its source follows
        const auto event = sink_.insertEvent(e);
        if (!event) {
            if (sink_.addedByThisFile(eventId_)) {
                r.fail(cols.id, r.name(cols.id) + " " + std::string(c.id) +
                                    (cols.idWithDate ? " on " + std::string(c.date) : "") +
                                    " repeats an earlier row of this file");
            }
            ++summary_.skipped;
            return;
        }
        ++summary_.events;
        if (e.meetingRow)
            ++summary_.regrouped;
        else if (paired)
            groups_.add(meeting, *event);
        participate(*event, actors, *c.mapping);
        if (!url.empty()) cite(*event, url);
    }

    void participate(std::int64_t event, const RowActors& actors, const CameoMapping& m) {
        if (actors.source) sink_.insertParticipation(event, *actors.source, m.sourceRole);
        if (actors.target) sink_.insertParticipation(event, *actors.target, m.targetRole);
        summary_.participations += (actors.source ? 1 : 0) + (actors.target ? 1 : 0);
    }

    /// The event's evidence: the news page `url`, a source of its own (`source/url/<URL>`).
    void cite(std::int64_t event, std::string_view url) {
        sourceKey_.assign("source/url/");
        sourceKey_ += url;
        bool added = false;
        const auto src = sink_.ensureSource(sourceKey_, url, "news article", url, &added);
        if (added) ++summary_.sources;
        sink_.insertEventEvidence(event, src);
    }

    const CameoMapping& mapping(std::string_view code) {
        if (const auto it = mappings_.find(code); it != mappings_.end()) return it->second;
        return mappings_.emplace(std::string(code), cameo_.map(code)).first->second;
    }

    TsvFormat& format_;
    EventSink& sink_;
    LineReader& in_;
    const ImportOptions& options_;
    MeetingGroups& groups_;
    const CameoTable& cameo_;
    ImportSummary summary_;
    ActorMaker actors_;
    std::unordered_map<std::string, CameoMapping, StringHash, std::equal_to<>> mappings_;
    JsonObject json_;
    // Reused buffers the event row's text points into until it is inserted.
    std::string eventId_, placeName_, placeCountry_, gazetteer_, sourceKey_;
};

}  // namespace

ImportSummary importTsv(TsvFormat& format, EventSink& sink, LineReader& in,
                        const std::filesystem::path& file, const ImportOptions& options,
                        MeetingGroups& groups) {
    return TsvDriver(format, sink, in, options, groups).run(file);
}

}  // namespace bilateral::io::detail
