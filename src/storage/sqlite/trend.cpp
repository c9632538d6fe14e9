// [trend] The trend tables of schema version 5 (schema.cpp): figures of dated events by day,
// kind, CAMEO root and QuadClass, per country, pair of countries and actor. Kept in the import's
// transaction: new events at commit (refreshDerived) or when a bulk writer finishes, a replaced
// event taken out before it changes (unscopeEvent) and put back at commit. The rows are sums,
// so they are added to (and taken from) with upserts, a bounded batch at a time.

#include <algorithm>
#include <deque>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "bilateral/model/kinds.hpp"
#include "bilateral/rules/trend.hpp"
#include "derived.hpp"
#include "store_impl.hpp"

namespace bilateral::sqlite::detail {
namespace {

// The new (or one) event's columns, and its participants' countries and roles, read in step.
constexpr std::string_view kEventsAfterSql =
    "SELECT id, day_lo, kind, coalesce(cameo, ''), goldstein, meeting_id IS NULL, "
    "json_extract(attributes, '$.quad_class'), json_extract(attributes, '$.avg_tone'), "
    "json_extract(attributes, '$.num_mentions') FROM event "
    "WHERE id > ?1 AND day_lo IS NOT NULL AND status = 'occurred' ORDER BY id";
constexpr std::string_view kEventAtSql =
    "SELECT id, day_lo, kind, coalesce(cameo, ''), goldstein, meeting_id IS NULL, "
    "json_extract(attributes, '$.quad_class'), json_extract(attributes, '$.avg_tone'), "
    "json_extract(attributes, '$.num_mentions') FROM event "
    "WHERE id = ?1 AND day_lo IS NOT NULL AND status = 'occurred'";
constexpr std::string_view kParticipantsAfterSql =
    "SELECT p.event_id, p.actor_id, p.role, coalesce(a.country, '') FROM participation p "
    "JOIN actor a ON a.id = p.actor_id WHERE p.event_id > ?1 ORDER BY p.event_id";
constexpr std::string_view kParticipantsAtSql =
    "SELECT p.event_id, p.actor_id, p.role, coalesce(a.country, '') FROM participation p "
    "JOIN actor a ON a.id = p.actor_id WHERE p.event_id = ?1";

constexpr std::string_view kMeasures =
    "events, meetings, goldstein_n, goldstein_sum, tone_w, tone_sum";
constexpr std::string_view kAddMeasures =
    "events = events + excluded.events, meetings = meetings + excluded.meetings, "
    "goldstein_n = goldstein_n + excluded.goldstein_n, "
    "goldstein_sum = goldstein_sum + excluded.goldstein_sum, "
    "tone_w = tone_w + excluded.tone_w, tone_sum = tone_sum + excluded.tone_sum";

/// A cell's key, compact: countries and kinds by their index in Cells' table of names (0 is "").
struct Key {
    std::int64_t actor = 0;  ///< 0: a country or pair cell
    model::DayNumber day = 0;
    std::uint16_t a = 0, b = 0, kind = 0;  ///< b = 0: the country alone
    std::uint8_t dir = 0, root = 0, quad = 0;
    friend bool operator<(const Key& x, const Key& y) noexcept {
        return std::tie(x.actor, x.a, x.b, x.day, x.dir, x.kind, x.root, x.quad) <
               std::tie(y.actor, y.a, y.b, y.day, y.dir, y.kind, y.root, y.quad);
    }
    friend bool operator==(const Key&, const Key&) = default;
};

struct Cell {
    Key key;
    storage::TrendFigures figures;
};

/// One event as the trend counts it.
struct Counted {
    std::int64_t row = 0;
    model::DayNumber day = 0;
    std::string kind, cameo;
    int root = 0, quad = 0;
    storage::TrendFigures figures;
};

struct Participant {
    std::int64_t actor;
    bool source, target;
    std::uint16_t country;  ///< its index in Cells' names, 0: none
};

Counted countedAt(const Statement& st) {
    Counted c;
    c.row = st.getInt64(0);
    c.day = static_cast<model::DayNumber>(st.getInt64(1));
    c.kind = st.getString(2);
    c.cameo = st.getString(3);
    const std::string_view cameo = c.cameo;
    c.root = rules::cameoRootOf(cameo);
    const auto optInt = [&st](int col) -> std::optional<std::int64_t> {
        if (st.isNull(col)) return std::nullopt;
        return st.getInt64(col);
    };
    c.quad = rules::quadClassOf(cameo, optInt(6));
    auto& f = c.figures;
    f.events = 1;
    f.meetings = st.getInt64(5) != 0 ? 1 : 0;
    if (!st.isNull(4)) {
        f.goldsteinEvents = 1;
        f.goldsteinSum = st.getDouble(4);
    }
    if (!st.isNull(7)) {
        f.toneWeight = rules::toneWeight(optInt(8));
        f.toneSum = st.getDouble(7) * f.toneWeight;
    }
    return c;
}

/// Sums cells in memory and writes them, `sign` times, a batch at a time (sorted, so that
/// the rows of one scope go in together).
class Cells {
public:
    Cells(Store& store, int sign) : store_(store), sign_(sign) {}

    /// The index of a country code or kind name.
    std::uint16_t name(std::string_view text) {
        if (text.empty()) return 0;
        if (const auto it = index_.find(text); it != index_.end()) return it->second;
        if (names_.size() >= 0xFFFF) throw StorageError("too many distinct countries and kinds");
        const auto i = static_cast<std::uint16_t>(names_.size());
        names_.emplace_back(text);
        index_.emplace(names_.back(), i);
        return i;
    }

    void add(const Counted& e, const std::vector<Participant>& people) {
        Key k;
        k.day = e.day;
        k.kind = name(e.kind);
        k.root = static_cast<std::uint8_t>(e.root);
        k.quad = static_cast<std::uint8_t>(e.quad);
        countries_.clear();
        actors_.clear();
        for (const auto& p : people) {
            actors_.push_back(p.actor);
            if (p.country != 0) countries_.push_back(p.country);
        }
        // An actor in two roles of one event counts it once.
        std::sort(actors_.begin(), actors_.end());
        actors_.erase(std::unique(actors_.begin(), actors_.end()), actors_.end());
        for (const auto a : actors_) {
            k.actor = a;
            cells_.push_back({k, e.figures});
        }
        k.actor = 0;
        std::sort(countries_.begin(), countries_.end(), [this](std::uint16_t x, std::uint16_t y) {
            return names_[x] < names_[y];  // a pair is keyed in byte order of its codes
        });
        countries_.erase(std::unique(countries_.begin(), countries_.end()), countries_.end());
        const auto acted = [&people](std::uint16_t from, std::uint16_t to) {
            bool s = false, t = false;
            for (const auto& p : people) {
                s = s || (p.source && p.country == from);
                t = t || (p.target && p.country == to);
            }
            return s && t;
        };
        for (std::size_t i = 0; i < countries_.size(); ++i) {
            k.a = countries_[i];
            k.b = 0;
            k.dir = 0;
            cells_.push_back({k, e.figures});
            for (std::size_t j = i + 1; j < countries_.size(); ++j) {
                k.b = countries_[j];
                k.dir = static_cast<std::uint8_t>((acted(k.a, k.b) ? 1 : 0) |
                                                  (acted(k.b, k.a) ? 2 : 0));
                cells_.push_back({k, e.figures});
            }
        }
        if (cells_.size() >= kBatch) flush();
    }

    void flush() {
        std::sort(cells_.begin(), cells_.end(),
                  [](const Cell& x, const Cell& y) { return x.key < y.key; });
        for (std::size_t i = 0; i < cells_.size();) {
            auto sum = cells_[i].figures;
            std::size_t j = i + 1;
            for (; j < cells_.size() && cells_[j].key == cells_[i].key; ++j) {
                sum.add(cells_[j].figures);
            }
            write(cells_[i].key, sum);
            i = j;
        }
        cells_.clear();
    }

private:
    static constexpr std::size_t kBatch = 1 << 18;

    void write(const Key& k, const storage::TrendFigures& f) {
        const bool actor = k.actor != 0;
        static const std::string actorSql =
            "INSERT INTO trend_actor(actor_id, day, kind, root, quad, " + std::string(kMeasures) +
            ") VALUES (?1, ?4, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
            "ON CONFLICT(actor_id, day, kind, root, quad) DO UPDATE SET " +
            std::string(kAddMeasures);
        static const std::string scopeSql =
            "INSERT INTO trend_scope(a, b, dir, day, kind, root, quad, " + std::string(kMeasures) +
            ") VALUES (?2, ?3, ?5, ?4, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
            "ON CONFLICT(a, b, day, dir, kind, root, quad) DO UPDATE SET " +
            std::string(kAddMeasures);
        const std::string& sql = actor ? actorSql : scopeSql;
        auto st = detail::prepare(store_, sql);
        if (actor) {
            st.bind(1, k.actor);
        } else {
            st.bind(2, names_[k.a]).bind(3, names_[k.b]).bind(5, k.dir);
        }
        st.bind(4, static_cast<std::int64_t>(k.day))
            .bind(6, names_[k.kind])
            .bind(7, k.root)
            .bind(8, k.quad)
            .bind(9, sign_ * f.events)
            .bind(10, sign_ * f.meetings)
            .bind(11, sign_ * f.goldsteinEvents)
            .bind(12, sign_ * f.goldsteinSum)
            .bind(13, sign_ * f.toneWeight)
            .bind(14, sign_ * f.toneSum)
            .exec();
        if (sign_ > 0) return;
        // A cell left with no events goes (its sums are zero but for rounding).
        if (actor) {
            detail::prepare(store_,
                            "DELETE FROM trend_actor WHERE actor_id = ? AND day = ? AND kind = ? "
                            "AND root = ? AND quad = ? AND events <= 0")
                .bind(1, k.actor)
                .bind(2, static_cast<std::int64_t>(k.day))
                .bind(3, names_[k.kind])
                .bind(4, k.root)
                .bind(5, k.quad)
                .exec();
        } else {
            detail::prepare(store_,
                            "DELETE FROM trend_scope WHERE a = ? AND b = ? AND day = ? AND dir = ? "
                            "AND kind = ? AND root = ? AND quad = ? AND events <= 0")
                .bind(1, names_[k.a])
                .bind(2, names_[k.b])
                .bind(3, static_cast<std::int64_t>(k.day))
                .bind(4, k.dir)
                .bind(5, names_[k.kind])
                .bind(6, k.root)
                .bind(7, k.quad)
                .exec();
        }
    }

    Store& store_;
    std::int64_t sign_;
    std::vector<Cell> cells_;
    std::deque<std::string> names_{""};                          ///< stable: index_ views them
    std::unordered_map<std::string_view, std::uint16_t> index_;  ///< into names_
    std::vector<std::uint16_t> countries_;                       ///< of the event being added
    std::vector<std::int64_t> actors_;                           ///< of the event being added
};

/// Counts the events `events` gives (ordered by row) with the participants `people` gives
/// (ordered by event), `sign` times.
void count(Store& store, Statement& events, Statement& people, int sign) {
    Cells cells(store, sign);
    bool more = people.step();
    std::vector<Participant> here;
    while (events.step()) {
        const auto e = countedAt(events);
        here.clear();
        while (more && people.getInt64(0) < e.row) more = people.step();
        while (more && people.getInt64(0) == e.row) {
            const auto role = model::parse<model::Role>(people.getText(2));
            const auto end = role ? rules::cameoEnd(e.cameo, *role) : rules::CameoEnd::None;
            here.push_back({people.getInt64(1), end == rules::CameoEnd::Source,
                            end == rules::CameoEnd::Target, cells.name(people.getText(3))});
            more = people.step();
        }
        if (!here.empty()) cells.add(e, here);
    }
    people.reset();
    cells.flush();
}

}  // namespace

void addTrend(Store& store, std::int64_t sinceEvent) {
    auto events = detail::prepare(store, kEventsAfterSql);
    events.bind(1, sinceEvent);
    auto people = detail::prepare(store, kParticipantsAfterSql);
    people.bind(1, sinceEvent);
    count(store, events, people, 1);
}

void trendEvent(Store& store, std::int64_t eventRow, int sign) {
    auto events = detail::prepare(store, kEventAtSql);
    events.bind(1, eventRow);
    auto people = detail::prepare(store, kParticipantsAtSql);
    people.bind(1, eventRow);
    count(store, events, people, sign);
}

void rebuildTrend(Store& store) {
    detail::execute(store, "DELETE FROM trend_scope; DELETE FROM trend_actor;");
    addTrend(store, 0);
}

}  // namespace bilateral::sqlite::detail
