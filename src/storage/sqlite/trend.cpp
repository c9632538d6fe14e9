// [trend] The trend tables of schema version 5 (schema.cpp): figures of dated events by day,
// kind, CAMEO root and QuadClass, per country, pair of countries and actor. Kept in the import's
// transaction: new events at commit (refreshDerived) or when a bulk writer finishes, a replaced
// event taken out before it changes (unscopeEvent) and put back at commit. Which cells an event
// adds to is the engines' shared code (storage/trend_cells.hpp); here the rows are read and the
// sums added to (and taken from) the tables with upserts, a bounded batch at a time.

#include <optional>
#include <string>
#include <vector>

#include "bilateral/storage/trend_cells.hpp"
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

/// Writes summed cells (storage/trend_cells.hpp), `sign` times: upserts adding to the rows; a
/// cell taken out and left with no events goes (its sums are zero but for rounding).
class CellWriter {
public:
    CellWriter(Store& store, int sign) : store_(store), sign_(sign) {}

    void write(const storage::trend::CellRow& k) {
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
        auto st = detail::prepare(store_, actor ? actorSql : scopeSql);
        if (actor) {
            st.bind(1, k.actor);
        } else {
            st.bind(2, k.a).bind(3, k.b).bind(5, k.dir);
        }
        const auto& f = k.figures;
        st.bind(4, static_cast<std::int64_t>(k.day))
            .bind(6, k.kind)
            .bind(7, k.root)
            .bind(8, k.quad)
            .bind(9, sign_ * f.events)
            .bind(10, sign_ * f.meetings)
            .bind(11, sign_ * f.goldsteinEvents)
            .bind(12, static_cast<double>(sign_) * f.goldsteinSum)
            .bind(13, static_cast<double>(sign_) * f.toneWeight)
            .bind(14, static_cast<double>(sign_) * f.toneSum)
            .exec();
        if (sign_ < 0) dropEmpty(k);
    }

private:
    void dropEmpty(const storage::trend::CellRow& k) {
        if (k.actor != 0) {
            detail::prepare(store_,
                            "DELETE FROM trend_actor WHERE actor_id = ? AND day = ? AND kind = ? "
                            "AND root = ? AND quad = ? AND events <= 0")
                .bind(1, k.actor)
                .bind(2, static_cast<std::int64_t>(k.day))
                .bind(3, k.kind)
                .bind(4, k.root)
                .bind(5, k.quad)
                .exec();
            return;
        }
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

    Store& store_;
    std::int64_t sign_;
};

std::optional<std::int64_t> optInt(const Statement& st, int col) {
    if (st.isNull(col)) return std::nullopt;
    return st.getInt64(col);
}
std::optional<double> optReal(const Statement& st, int col) {
    if (st.isNull(col)) return std::nullopt;
    return st.getDouble(col);
}

/// Counts the events `events` gives (ordered by row) with the participants `people` gives
/// (ordered by event), `sign` times.
void count(Store& store, Statement& events, Statement& people, int sign) {
    CellWriter writer(store, sign);
    storage::trend::CellSums sums([&writer](std::span<const storage::trend::CellRow> batch) {
        for (const auto& c : batch) writer.write(c);
    });
    bool more = people.step();
    std::vector<storage::trend::ParticipantFacts> here;
    std::vector<std::string> texts;  // the participants' role and country, while `here` views them
    while (events.step()) {
        const std::string kind = events.getString(2), cameo = events.getString(3);
        storage::trend::EventFacts e;
        e.row = events.getInt64(0);
        e.day = static_cast<model::DayNumber>(events.getInt64(1));
        e.kind = kind;
        e.cameo = cameo;
        e.goldstein = optReal(events, 4);
        e.meetingHead = events.getInt64(5) != 0;
        e.quadClass = optInt(events, 6);
        e.avgTone = optReal(events, 7);
        e.mentions = optInt(events, 8);
        here.clear();
        texts.clear();
        while (more && people.getInt64(0) < e.row) more = people.step();
        while (more && people.getInt64(0) == e.row) {
            texts.push_back(people.getString(2));
            texts.push_back(people.getString(3));
            here.push_back({people.getInt64(1), {}, {}});
            more = people.step();
        }
        for (std::size_t i = 0; i < here.size(); ++i) {
            here[i].role = texts[2 * i];
            here[i].country = texts[2 * i + 1];
        }
        sums.add(e, here);
    }
    people.reset();
    sums.flush();
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
