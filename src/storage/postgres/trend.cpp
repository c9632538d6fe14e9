// [trend] Keeping the trend tables (trend.hpp): the SQLite engine's src/storage/sqlite/trend.cpp
// in PostgreSQL's words. The events and their participants come through two cursors, in row
// order, so an import of any size is read a batch at a time; the cells are the shared code's.

#include "storage/postgres/trend.hpp"

#include <charconv>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "bilateral/storage/trend_cells.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/copy.hpp"

namespace bilateral::storage::postgres {
namespace {

constexpr int kFetch = 20000;

/// An attribute of the JSON text, as text ('' when absent); parsed only when its name is there.
std::string attribute(std::string_view name) {
    const std::string n(name);
    return "CASE WHEN strpos(attributes, '\"" + n + "\"') > 0 THEN attributes::json->>'" + n +
           "' END";
}

/// The counted events (% is the condition on `id`), in row order: id, day, kind, cameo,
/// Goldstein, first of its meeting, and the attributes quad_class, avg_tone, num_mentions.
std::string eventsSql(const std::string& which) {
    return "SELECT id, day_lo, kind, coalesce(cameo, ''), goldstein, meeting_id IS NULL, " +
           attribute("quad_class") + ", " + attribute("avg_tone") + ", " +
           attribute("num_mentions") + " FROM event WHERE " + which +
           " AND day_lo IS NOT NULL AND status = 'occurred' ORDER BY id";
}

/// Their participants (% is the condition on `p.event_id`), by event: event, actor, role,
/// the actor's country.
std::string participantsSql(const std::string& which) {
    return "SELECT p.event_id, p.actor_id, p.role, coalesce(a.country, '') FROM participation p "
           "JOIN actor a ON a.id = p.actor_id WHERE " +
           which + " ORDER BY p.event_id";
}

/// A number of a JSON attribute's text, read as SQLite reads a column: its leading integer, or
/// the number; none when NULL.
std::optional<std::int64_t> intOf(const Result& r, int row, int col) {
    if (r.isNull(row, col)) return std::nullopt;
    const auto t = r.text(row, col);
    std::int64_t v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
}
std::optional<double> realOf(const Result& r, int row, int col) {
    if (r.isNull(row, col)) return std::nullopt;
    const auto t = r.text(row, col);
    double v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
}

/// A cursor read a batch at a time, on the connection's open transaction.
class Cursor {
public:
    Cursor(Connection& c, std::string name, const std::string& sql)
        : c_(c), name_(std::move(name)) {
        c_.exec("DECLARE " + name_ + " NO SCROLL CURSOR FOR " + sql);
        fetch();
    }
    ~Cursor() {
        try {
            c_.exec("CLOSE " + name_);
        } catch (...) {  // NOLINT(bugprone-empty-catch): the transaction fails anyway
        }
    }
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;

    [[nodiscard]] bool more() const noexcept { return at_ < batch_.rows(); }
    [[nodiscard]] const Result& row() const noexcept { return batch_; }
    [[nodiscard]] int at() const noexcept { return at_; }
    void next() {
        if (++at_ < batch_.rows() || batch_.rows() < kFetch) return;
        fetch();
    }

private:
    void fetch() {
        batch_ = c_.exec("FETCH FORWARD " + std::to_string(kFetch) + " FROM " + name_);
        at_ = 0;
    }
    Connection& c_;
    std::string name_;
    Result batch_;
    int at_ = 0;
};

constexpr std::string_view kMeasures =
    "events, meetings, goldstein_n, goldstein_sum, tone_w, tone_sum";
constexpr std::string_view kAddMeasures =
    "events = t.events + excluded.events, meetings = t.meetings + excluded.meetings, "
    "goldstein_n = t.goldstein_n + excluded.goldstein_n, "
    "goldstein_sum = t.goldstein_sum + excluded.goldstein_sum, "
    "tone_w = t.tone_w + excluded.tone_w, tone_sum = t.tone_sum + excluded.tone_sum";
constexpr std::string_view kScopeKey = "a, b, day, dir, kind, root, quad";
constexpr std::string_view kActorKey = "actor_id, day, kind, root, quad";

/// "a, b" as "t.a, t.b".
std::string prefixed(std::string_view columns, std::string_view prefix) {
    std::string out(prefix);
    for (const char ch : columns) {
        out += ch;
        if (ch == ' ') out += prefix;
    }
    return out;
}

/// Adds a batch of summed cells, `sign` times: COPY into staging tables, then one upsert per
/// table adding to the rows (in key order, as concurrent writers would take their locks); with
/// `sign` -1 the cells left with no events go.
class CellWriter {
public:
    CellWriter(Connection& c, int sign) : c_(c), sign_(sign) {
        c_.exec(
            "CREATE TEMP TABLE IF NOT EXISTS s_trend_scope (LIKE trend_scope) ON COMMIT DROP; "
            "CREATE TEMP TABLE IF NOT EXISTS s_trend_actor (LIKE trend_actor) ON COMMIT DROP");
    }

    void write(std::span<const trend::CellRow> batch) {
        CopyEncoder scope, actor;
        for (const auto& k : batch) {
            if (k.actor != 0) {
                actor.row(11).int64(k.actor);
                key(actor, k);
            } else {
                scope.row(13).text(k.a).text(k.b).int32(k.day).int32(k.dir);
                scope.text(k.kind).int32(k.root).int32(k.quad);
                figures(scope, k.figures);
            }
        }
        apply("trend_scope", kScopeKey, scope);
        apply("trend_actor", kActorKey, actor);
    }

private:
    void key(CopyEncoder& e, const trend::CellRow& k) {
        e.int32(k.day).text(k.kind).int32(k.root).int32(k.quad);
        figures(e, k.figures);
    }
    void figures(CopyEncoder& e, const TrendFigures& f) {
        const auto s = static_cast<double>(sign_);
        e.int64(sign_ * f.events).int64(sign_ * f.meetings).int64(sign_ * f.goldsteinEvents);
        e.real(s * f.goldsteinSum).real(s * f.toneWeight).real(s * f.toneSum);
    }
    void apply(const std::string& table, std::string_view keyColumns, CopyEncoder& rows) {
        if (rows.rows() == 0) return;
        const std::string stage = "s_" + table, k(keyColumns), m(kMeasures);
        copyRows(c_, stage + " (" + k + ", " + m + ")", rows);
        c_.exec("INSERT INTO " + table + " AS t (" + k + ", " + m + ") SELECT " + k + ", " + m +
                " FROM " + stage + " ORDER BY " + k + " ON CONFLICT (" + k + ") DO UPDATE SET " +
                std::string(kAddMeasures));
        if (sign_ < 0) {
            c_.exec("DELETE FROM " + table + " t USING " + stage + " s WHERE (" +
                    prefixed(k, "t.") + ") = (" + prefixed(k, "s.") + ") AND t.events <= 0");
        }
        c_.exec("TRUNCATE " + stage);
    }

    Connection& c_;
    std::int64_t sign_;
};

/// Counts the events `events` gives with the participants `people` gives, `sign` times.
void count(Connection& c, const std::string& events, const std::string& people, int sign) {
    CellWriter writer(c, sign);
    trend::CellSums sums([&writer](std::span<const trend::CellRow> b) { writer.write(b); });
    Cursor e(c, "bilateral_trend_events", eventsSql(events));
    Cursor p(c, "bilateral_trend_people", participantsSql(people));
    std::vector<trend::ParticipantFacts> here;
    std::vector<std::string> texts;  // the participants' role and country, while `here` views them
    for (; e.more(); e.next()) {
        const auto& r = e.row();
        const int i = e.at();
        trend::EventFacts f;
        f.row = r.int64(i, 0);
        f.day = static_cast<model::DayNumber>(r.int64(i, 1));
        const std::string kind(r.text(i, 2)), cameo(r.text(i, 3));
        f.kind = kind;
        f.cameo = cameo;
        if (!r.isNull(i, 4)) f.goldstein = r.real(i, 4);
        f.meetingHead = r.text(i, 5) == "t";
        f.quadClass = intOf(r, i, 6);
        f.avgTone = realOf(r, i, 7);
        f.mentions = intOf(r, i, 8);
        here.clear();
        texts.clear();
        while (p.more() && p.row().int64(p.at(), 0) < f.row) p.next();
        for (; p.more() && p.row().int64(p.at(), 0) == f.row; p.next()) {
            texts.emplace_back(p.row().text(p.at(), 2));
            texts.emplace_back(p.row().text(p.at(), 3));
            here.push_back({p.row().int64(p.at(), 1), {}, {}});
        }
        for (std::size_t k = 0; k < here.size(); ++k) {
            here[k].role = texts[2 * k];
            here[k].country = texts[2 * k + 1];
        }
        sums.add(f, here);
    }
    sums.flush();
}

}  // namespace

void addTrend(Connection& c, std::int64_t sinceEvent) {
    const auto since = std::to_string(sinceEvent);
    count(c, "id > " + since, "p.event_id > " + since, 1);
}

void trendEvent(Connection& c, std::int64_t eventRow, int sign) {
    const auto row = std::to_string(eventRow);
    count(c, "id = " + row, "p.event_id = " + row, sign);
}

}  // namespace bilateral::storage::postgres
