#include "bulk_derived.hpp"

#include <algorithm>
#include <numeric>

#include "bilateral/error.hpp"

namespace bilateral::sqlite::detail {
namespace {

[[noreturn]] void fail(sqlite3* db, const char* what, int rc) {
    throw StorageError(std::string(what) + ": " + sqlite3_errmsg(db), rc & 0xFF,
                       sqlite3_extended_errcode(db));
}

/// One prepared statement, finalized on exit.
class Insert {
public:
    Insert(sqlite3* db, const char* sql) : db_(db) {
        const int rc = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(st_);
            fail(db, "cannot prepare a derived-table insert", rc);
        }
    }
    ~Insert() { sqlite3_finalize(st_); }
    Insert(const Insert&) = delete;
    Insert& operator=(const Insert&) = delete;
    sqlite3_stmt* operator*() const { return st_; }
    void run() {
        const int rc = sqlite3_step(st_);
        sqlite3_reset(st_);
        if (rc != SQLITE_DONE) fail(db_, "cannot write a derived table", rc);
    }

private:
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
};

}  // namespace

void BulkDerived::event(std::int64_t row, std::int64_t lo, std::int64_t hi, std::string_view kind,
                        std::string_view placeCountry) {
    closeEvent();
    if (links_.capacity() < kLinkBatch) links_.reserve(kLinkBatch);
    if (scope_.capacity() < kScopeBatch) scope_.reserve(kScopeBatch);
    event_ = row;
    place_ = placeCountry.empty() ? 0 : intern(placeCountry);
    lo_ = lo;
    hi_ = hi;
    count("event", kind);
    count("event");
}

bool BulkDerived::participation(std::int64_t event, std::int64_t actor) {
    if (event != event_) return false;
    actors_.push_back(actor);
    count("participation");
    return true;
}

void BulkDerived::actor(std::int64_t row, std::string_view kind, std::string_view country) {
    countries_[row] = country.empty() ? 0 : intern(country);
    count("actor", kind);
    count("actor");
}

std::uint16_t BulkDerived::intern(std::string_view code) {
    const std::string key(code);
    if (const auto it = codeIndex_.find(key); it != codeIndex_.end()) return it->second;
    if (codes_.size() >= 0xFFFF)
        throw StorageError("too many distinct country codes in one import");
    const auto id = static_cast<std::uint16_t>(codes_.size());
    codes_.push_back(key);
    codeIndex_.emplace(key, id);
    return id;
}

std::uint16_t BulkDerived::countryOf(std::int64_t actorRow) {
    if (const auto it = countries_.find(actorRow); it != countries_.end()) return it->second;
    // An actor from before this import.
    Insert q(db_, "SELECT coalesce(country, '') FROM actor WHERE id = ?");
    sqlite3_bind_int64(*q, 1, actorRow);
    std::uint16_t code = 0;
    if (sqlite3_step(*q) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(*q, 0));
        const std::string_view c(text ? text : "");
        if (!c.empty()) code = intern(c);
    }
    sqlite3_reset(*q);
    countries_.emplace(actorRow, code);
    return code;
}

void BulkDerived::closeEvent() {
    if (event_ == 0) return;
    std::sort(actors_.begin(), actors_.end());
    actors_.erase(std::unique(actors_.begin(), actors_.end()), actors_.end());
    std::vector<std::uint16_t> codes;
    for (const auto a : actors_) {
        for (const auto b : actors_) {
            if (a != b) {
                links_.push_back(static_cast<std::uint64_t>(a) << 32 |
                                 static_cast<std::uint64_t>(b));
            }
        }
        if (const auto c = countryOf(a)) codes.push_back(c);
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    const auto lo = static_cast<std::int32_t>(lo_), hi = static_cast<std::int32_t>(hi_);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        scope_.push_back({codes[i], 0, lo, hi, event_, false});
        for (std::size_t j = i + 1; j < codes.size(); ++j) {
            // The pair in code order is fixed at write(), when codes are ranked by text.
            scope_.push_back({codes[i], codes[j], lo, hi, event_, false});
        }
    }
    // By place (derived.cpp): the place's country, unless a participant puts the event there.
    if (place_ != 0 && !std::binary_search(codes.begin(), codes.end(), place_)) {
        scope_.push_back({place_, 0, lo, hi, event_, true});
        for (const auto c : codes) scope_.push_back({c, place_, lo, hi, event_, true});
    }
    place_ = 0;
    actors_.clear();
    event_ = 0;
    // Written a little before the batch is full, so the vectors keep the capacity reserved.
    constexpr std::size_t kRoom = 1024;
    if (links_.size() + kRoom >= kLinkBatch) {
        wroteBatches_ = true;
        writeLinks();
    }
    if (scope_.size() + kRoom >= kScopeBatch) {
        wroteBatches_ = true;
        writeScopes();
    }
}

void BulkDerived::write() {
    closeEvent();
    writeLinks();
    writeScopes();
    writeTallies();
}

void BulkDerived::writeLinks() {
    std::sort(links_.begin(), links_.end());
    links_.erase(std::unique(links_.begin(), links_.end()), links_.end());
    Insert ins(db_, "INSERT OR IGNORE INTO actor_link(actor_id, other_id) VALUES (?, ?)");
    for (const auto pair : links_) {
        sqlite3_bind_int64(*ins, 1, static_cast<std::int64_t>(pair >> 32));
        sqlite3_bind_int64(*ins, 2, static_cast<std::int64_t>(pair & 0xFFFFFFFFu));
        ins.run();
    }
    links_.clear();
}

void BulkDerived::writeScopes() {
    // Codes ranked by their text, so rows go in in the table's key order.
    std::vector<std::uint16_t> order(codes_.size());
    std::iota(order.begin(), order.end(), std::uint16_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::uint16_t x, std::uint16_t y) { return codes_[x] < codes_[y]; });
    std::vector<std::uint16_t> rank(codes_.size());
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<std::uint16_t>(r);
    for (auto& s : scope_) {
        if (s.b != 0 && rank[s.b] < rank[s.a]) std::swap(s.a, s.b);
    }
    std::sort(scope_.begin(), scope_.end(), [&](const ScopeRow& x, const ScopeRow& y) {
        if (x.a != y.a) return rank[x.a] < rank[y.a];
        if (x.b != y.b) return rank[x.b] < rank[y.b];
        if (x.lo != y.lo) return x.lo < y.lo;
        if (x.hi != y.hi) return x.hi < y.hi;
        return x.event < y.event;
    });
    Insert ins(db_,
               "INSERT OR IGNORE INTO event_scope(a, b, lo, hi, event_id, rule) "
               "VALUES (?,?,?,?,?,?)");
    Insert count(db_,
                 "INSERT INTO scope_count(a, b, n) VALUES (?, ?, ?) "
                 "ON CONFLICT(a, b) DO UPDATE SET n = n + excluded.n");
    // Rows added per scope (consecutive in key order), written when the scope changes.
    std::int64_t added = 0;
    const auto flush = [&](const ScopeRow& s) {
        if (added == 0) return;
        const auto& a = codes_[s.a];
        const auto& b = codes_[s.b];
        sqlite3_bind_text(*count, 1, a.data(), static_cast<int>(a.size()), SQLITE_STATIC);
        sqlite3_bind_text(*count, 2, b.data(), static_cast<int>(b.size()), SQLITE_STATIC);
        sqlite3_bind_int64(*count, 3, added);
        count.run();
        added = 0;
    };
    for (std::size_t i = 0; i < scope_.size(); ++i) {
        const auto& s = scope_[i];
        if (i > 0 && (scope_[i - 1].a != s.a || scope_[i - 1].b != s.b)) flush(scope_[i - 1]);
        const auto& a = codes_[s.a];
        const auto& b = codes_[s.b];
        sqlite3_bind_text(*ins, 1, a.data(), static_cast<int>(a.size()), SQLITE_STATIC);
        sqlite3_bind_text(*ins, 2, b.data(), static_cast<int>(b.size()), SQLITE_STATIC);
        sqlite3_bind_int64(*ins, 3, s.lo);
        sqlite3_bind_int64(*ins, 4, s.hi);
        sqlite3_bind_int64(*ins, 5, s.event);
        const std::string_view rule = s.byPlace ? "place" : "participants";
        sqlite3_bind_text(*ins, 6, rule.data(), static_cast<int>(rule.size()), SQLITE_STATIC);
        ins.run();
        added += sqlite3_changes(db_);
    }
    if (!scope_.empty()) flush(scope_.back());
    scope_.clear();
}

void BulkDerived::writeTallies() {
    Insert ins(db_,
               "INSERT INTO tally(subject, kind, n) VALUES (?, ?, ?) "
               "ON CONFLICT(subject, kind) DO UPDATE SET n = n + excluded.n");
    for (const auto& [key, n] : tally_) {
        sqlite3_bind_text(*ins, 1, key.first.data(), static_cast<int>(key.first.size()),
                          SQLITE_STATIC);
        sqlite3_bind_text(*ins, 2, key.second.data(), static_cast<int>(key.second.size()),
                          SQLITE_STATIC);
        sqlite3_bind_int64(*ins, 3, n);
        ins.run();
    }
    tally_.clear();
}

}  // namespace bilateral::sqlite::detail
