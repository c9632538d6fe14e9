// [trend] The trend tables of schema version 5 (schema.cpp): figures of dated events by day,
// kind, CAMEO root and QuadClass, per country, pair of countries and actor. Kept in the import's
// transaction: new events at commit (refreshDerived) or when a bulk writer finishes, a replaced
// event taken out before it changes (unscopeEvent) and put back at commit. The rows are sums,
// so they are added to (and taken from) with upserts, a bounded batch at a time.

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
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

/// A cell's key: scope (a, b, dir) or actor, then day, kind, root, QuadClass.
struct CellKey {
    std::string a, b;
    std::int64_t actor = 0;  ///< 0: a country or pair cell
    int dir = 0;
    model::DayNumber day = 0;
    std::string kind;
    int root = 0, quad = 0;
    friend bool operator<(const CellKey& x, const CellKey& y) {
        return std::tie(x.actor, x.a, x.b, x.day, x.dir, x.kind, x.root, x.quad) <
               std::tie(y.actor, y.a, y.b, y.day, y.dir, y.kind, y.root, y.quad);
    }
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
    std::string country;
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

/// Sums cells in memory and writes them, `sign` times, a batch at a time.
class Cells {
public:
    Cells(Store& store, int sign) : store_(store), sign_(sign) {}

    void add(const Counted& e, std::vector<Participant>& people) {
        std::vector<std::string> countries;
        for (const auto& p : people) {
            put(CellKey{{}, {}, p.actor, 0, e.day, e.kind, e.root, e.quad}, e.figures);
            if (!p.country.empty()) countries.push_back(p.country);
        }
        std::sort(countries.begin(), countries.end());
        countries.erase(std::unique(countries.begin(), countries.end()), countries.end());
        const auto acted = [&people](const std::string& from, const std::string& to) {
            bool s = false, t = false;
            for (const auto& p : people) {
                s = s || (p.source && p.country == from);
                t = t || (p.target && p.country == to);
            }
            return s && t;
        };
        for (std::size_t i = 0; i < countries.size(); ++i) {
            const auto& x = countries[i];
            put(CellKey{x, {}, 0, 0, e.day, e.kind, e.root, e.quad}, e.figures);
            for (std::size_t j = i + 1; j < countries.size(); ++j) {
                const auto& y = countries[j];
                const int dir = (acted(x, y) ? 1 : 0) | (acted(y, x) ? 2 : 0);
                put(CellKey{x, y, 0, dir, e.day, e.kind, e.root, e.quad}, e.figures);
            }
        }
        if (cells_.size() >= kBatch) flush();
    }

    void flush() {
        for (const auto& [k, f] : cells_) write(k, f);
        cells_.clear();
    }

private:
    static constexpr std::size_t kBatch = 1 << 16;

    void put(CellKey k, const storage::TrendFigures& f) { cells_[std::move(k)].add(f); }

    void write(const CellKey& k, const storage::TrendFigures& f) {
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
            st.bind(2, k.a).bind(3, k.b).bind(5, k.dir);
        }
        st.bind(4, static_cast<std::int64_t>(k.day))
            .bind(6, k.kind)
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
                .bind(3, k.kind)
                .bind(4, k.root)
                .bind(5, k.quad)
                .exec();
        } else {
            detail::prepare(store_,
                            "DELETE FROM trend_scope WHERE a = ? AND b = ? AND day = ? AND dir = ? "
                            "AND kind = ? AND root = ? AND quad = ? AND events <= 0")
                .bind(1, k.a)
                .bind(2, k.b)
                .bind(3, static_cast<std::int64_t>(k.day))
                .bind(4, k.dir)
                .bind(5, k.kind)
                .bind(6, k.root)
                .bind(7, k.quad)
                .exec();
        }
    }

    Store& store_;
    std::int64_t sign_;
    std::map<CellKey, storage::TrendFigures> cells_;
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
                            end == rules::CameoEnd::Target, people.getString(3)});
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
