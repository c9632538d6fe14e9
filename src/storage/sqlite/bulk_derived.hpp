#pragma once
// Private to BulkWriter: the derived tables of a bulk import (derived.hpp) gathered in memory as
// rows go in, then written sorted when the writer finishes, instead of the set-based refresh
// joining every new participation again at commit. The rows of actor_link and event_scope are
// written a bounded batch at a time (kLinkBatch, kScopeBatch), so the memory of an import does
// not grow with its file; each batch adds only rows not there yet, and counts what it added.

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bilateral::sqlite::detail {

class BulkDerived {
public:
    explicit BulkDerived(sqlite3* db) : db_(db) {}

    /// A new event with its day range (kUndatedDay for both when undated) and its place's
    /// country ("" when none).
    void event(std::int64_t row, std::int64_t lo, std::int64_t hi, std::string_view kind,
               std::string_view placeCountry = {});
    /// A new participation of `actor` in the last new event. False when it is not that event
    /// (the caller then leaves the work to the set-based refresh).
    bool participation(std::int64_t event, std::int64_t actor);
    /// A new actor and its country ("" when none).
    void actor(std::int64_t row, std::string_view kind, std::string_view country);
    void count(std::string_view subject, std::string_view kind = {}) {
        ++tally_[{std::string(subject), std::string(kind)}];
    }

    /// Rows counted of a table (kind "" : all of them).
    [[nodiscard]] std::int64_t counted(std::string_view subject) const {
        const auto it = tally_.find({std::string(subject), std::string()});
        return it == tally_.end() ? 0 : it->second;
    }

    /// Writes actor_link, event_scope and tally rows. Runs inside the import's transaction.
    void write();
    /// Whether a batch of rows was written before write(): the writer's rows must then all go
    /// this way (the set-based refresh would count them again).
    [[nodiscard]] bool wroteBatches() const noexcept { return wroteBatches_; }

    /// Rows gathered before they are written: 16 MB of actor pairs, 24 MB of scope rows.
    static constexpr std::size_t kLinkBatch = std::size_t{1} << 21;
    static constexpr std::size_t kScopeBatch = std::size_t{1} << 20;

private:
    void closeEvent();
    void writeLinks();
    void writeScopes();
    void writeTallies();
    std::uint16_t countryOf(std::int64_t actorRow);
    std::uint16_t intern(std::string_view code);

    struct ScopeRow {
        std::uint16_t a, b;  ///< interned country codes; b = 0 for the country alone
        std::int32_t lo, hi;
        std::int64_t event;
        bool byPlace;  ///< rule 'place' (else 'participants')
    };
    sqlite3* db_;
    std::vector<std::uint64_t> links_;  ///< actor row pairs, high word first
    std::vector<ScopeRow> scope_;
    std::map<std::pair<std::string, std::string>, std::int64_t> tally_;
    std::unordered_map<std::int64_t, std::uint16_t> countries_;  ///< actor row → code
    std::vector<std::string> codes_{""};                         ///< code 0 is "none"
    std::unordered_map<std::string, std::uint16_t> codeIndex_;
    std::int64_t event_ = 0, lo_ = 0, hi_ = 0;
    bool wroteBatches_ = false;
    std::uint16_t place_ = 0;           ///< the open event's place country, 0 when none
    std::vector<std::int64_t> actors_;  ///< of the open event
};

}  // namespace bilateral::sqlite::detail
