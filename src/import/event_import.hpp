#pragma once
// Private to io: what the ICEWS and GDELT importers share. The attribute JSON builder, the
// per-file source row, and the creation of actors once per import (with their country actor
// and the affiliated_with relation between them).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "bilateral/error.hpp"
#include "bilateral/import/countries.hpp"
#include "bilateral/import/import.hpp"
#include "bilateral/model/types.hpp"
#include "bilateral/sqlite/bulk_writer.hpp"
#include "bilateral/sqlite/store.hpp"
#include "event_text.hpp"

namespace bilateral::io::detail {

/// Builds a JSON object's text, one member at a time, into a reused buffer. Members come in the
/// order the caller adds them (the importers add them in key order, as the store writes them).
class JsonObject {
public:
    void clear() {
        text_.assign(1, '{');
        empty_ = true;
    }
    void text(std::string_view key, std::string_view value) {
        member(key);
        appendJsonString(text_, value);
    }
    /// A number already checked to be in JSON's grammar (isJsonNumber).
    void number(std::string_view key, std::string_view jsonNumber) {
        member(key);
        text_ += jsonNumber;
    }
    void integer(std::string_view key, std::int64_t v) {
        member(key);
        appendInt(text_, v);
    }
    void real(std::string_view key, double v) {
        member(key);
        appendJsonDouble(text_, v);
    }
    /// The object's text, or empty when it has no member.
    std::string_view finish() {
        if (empty_) return {};
        text_ += '}';
        return text_;
    }

private:
    void member(std::string_view key) {
        if (!empty_) text_ += ',';
        empty_ = false;
        appendJsonString(text_, key);
        text_ += ':';
    }
    std::string text_ = "{";
    bool empty_ = true;
};

/// How a column becomes an attribute.
enum class AttrType { Text, Integer, Real };

/// Creates the file's source row and the actors of one import, each once.
class ActorMaker {
public:
    ActorMaker(store::Store& store, ImportSummary& summary, const CountryTable& countries)
        : store_(store), summary_(summary), countries_(countries) {}

    /// The writer new actors and relations go through; call before `country` and `ensure`.
    void use(store::BulkWriter& writer) noexcept { writer_ = &writer; }

    /// Puts the source row of the imported file (`source/<format>/<file name>`).
    void putFileSource(const model::Source& source);
    [[nodiscard]] const std::string& sourceId() const noexcept { return sourceId_; }

    /// Row of `country/<code>`, created when missing (kind country, country = code, named after
    /// the country table, else `displayName`).
    std::int64_t country(std::string_view code, std::string_view displayName);

    /// Row of actor `actor.id`: found in the store, else created with the file as evidence and,
    /// when it has a country and is not the country itself, affiliated_with `country/<code>`.
    /// `countryName` names the country actor should it have to be created. `*created` (when
    /// given) says whether the actor was created here with `actor.name`.
    std::int64_t ensure(model::Actor actor, std::string_view countryName, bool* created = nullptr);

private:
    store::Store& store_;
    store::BulkWriter* writer_ = nullptr;
    ImportSummary& summary_;
    const CountryTable& countries_;
    std::string sourceId_;
    std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>> countryRows_;
};

/// The greatest event row id in the store (0 when there is none); rows an import adds come after.
std::int64_t lastEventRow(store::Store& store);
/// Whether event `id` exists with a row id greater than `after`: added since `lastEventRow` was
/// read, so a row repeating it repeats a row of the same file (an error, unlike a row already
/// loaded by an earlier import, which is skipped).
bool addedSince(store::Store& store, std::string_view id, std::int64_t after);

/// Runs `row` (the checks and writes of one row). With `skip`, a ParseError it throws is kept
/// in `summary.badRows` and the import goes on; the row must throw before it writes anything.
template <class Row>
void guardRow(bool skip, ImportSummary& summary, Row&& row) {
    if (!skip) {
        row();
        return;
    }
    try {
        row();
    } catch (const ParseError& e) {
        summary.badRows.push_back({e.location(), e.reason()});
    }
}

/// The file name a source id is made of: the path's file name, `stdin` for standard input.
std::string sourceFileName(const std::filesystem::path& file);

/// The meetings of one import's event-file rows (MeetingGrouping): each key's first event row.
/// One entry per distinct meeting, 32 bytes or so: memory grows with the meetings of the
/// import, not with anything per row beyond that.
class MeetingGroups {
public:
    explicit MeetingGroups(const MeetingGrouping& how) : how_(how) {}

    struct Key {
        std::uint64_t pair = 0;  ///< the two actor rows, smaller first (32 bits each)
        std::uint32_t dayRoot = 0;
        friend bool operator==(const Key&, const Key&) = default;
    };
    /// The key of a row of actors `a` and `b` (0: none), on `day`, CAMEO `code`.
    [[nodiscard]] Key key(std::int64_t a, std::int64_t b, model::DayNumber day,
                          std::string_view code) const noexcept {
        if (a > b) std::swap(a, b);
        Key k;
        k.pair = (static_cast<std::uint64_t>(a) << 32) ^ static_cast<std::uint64_t>(b);
        std::uint32_t root = 0xFF;  // no root
        if (how_.root && code.size() >= 2) {
            root = static_cast<std::uint32_t>((code[0] - '0') * 10 + (code[1] - '0'));
        }
        const auto d = how_.day ? static_cast<std::uint32_t>(day) : 0u;
        k.dayRoot = (d << 8) | (how_.root ? root : 0xFFu);
        return k;
    }
    [[nodiscard]] bool enabled() const noexcept { return how_.enabled; }
    /// The first event row of the meeting, when an earlier row recorded it.
    [[nodiscard]] std::optional<std::int64_t> find(const Key& k) const {
        if (!how_.enabled) return std::nullopt;
        const auto it = first_.find(k);
        if (it == first_.end()) return std::nullopt;
        return it->second;
    }
    /// Records `eventRow` as the first row of the meeting `k`.
    void add(const Key& k, std::int64_t eventRow) {
        if (how_.enabled) first_.emplace(k, eventRow);
    }

private:
    struct Hash {
        std::size_t operator()(const Key& k) const noexcept {
            std::uint64_t h = k.pair * 0x9E3779B97F4A7C15ull ^ k.dayRoot;
            h ^= h >> 31;
            h *= 0xff51afd7ed558ccdull;
            h ^= h >> 33;
            return static_cast<std::size_t>(h);
        }
    };
    MeetingGrouping how_;
    std::unordered_map<Key, std::int64_t, Hash> first_;
};

/// Format detection on the stream an import then reads from (peeks, consumes nothing).
Format detectFormat(LineReader& in);
/// The LineReader progress callback that reports to options.progress and options.onProgress
/// (null when neither is set). `headerLines` (may be null) is how many lines are not rows.
std::function<void(const std::string&, std::uint64_t, std::uint64_t, std::int64_t, bool)>
readerProgress(const ImportOptions& options, const std::int64_t* headerLines);
/// The readers on an opened stream; `file` is the path as given (`-`: standard input). Rows
/// are grouped into meetings through `groups` (shared by the files of one import).
ImportSummary importIcews(store::Store& store, LineReader& in, const std::filesystem::path& file,
                          const ImportOptions& options, MeetingGroups& groups);
ImportSummary importGdelt(store::Store& store, LineReader& in, const std::filesystem::path& file,
                          const ImportOptions& options, MeetingGroups& groups);

/// Cause of a ParseError at a line (and column).
[[noreturn]] void failAt(const LineReader& in, std::string_view column, const std::string& why);

}  // namespace bilateral::io::detail
