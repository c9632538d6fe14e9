// Pages of events: the records of a page and what a listing shows of each (evidence and
// support, participants, links), read in a handful of statements whatever the page's length,
// each over the rows of the page bound as one JSON array (rows.hpp). Which statements run, and
// where their rows go, is the engines' common storage/page_details.hpp.

#include <unordered_map>

#include "bilateral/rules/timeline.hpp"
#include "bilateral/storage/page_details.hpp"
#include "rows.hpp"

namespace bilateral::sqlite {
namespace {

using detail::enumOr;
using detail::kInList;

/// The look-ups of a page, each over its rows bound as one JSON array.
class Reads final : public storage::PageReads {
public:
    explicit Reads(Store& store) : store_(store) {}

    void evidence(const std::vector<RowId>& rows, const Evidence& fn) override {
        auto st = detail::Access::prepare(
            store_, "SELECT event_id, basis, confidence FROM evidence WHERE event_id" +
                        std::string(kInList));
        st.bind(1, detail::jsonArrayOf(rows));
        while (st.step()) {
            fn(st.getInt64(0), enumOr(st.getText(1), model::Basis::Stated),
               detail::readConfidence(st, 2));
        }
    }

    void participationEvidence(const std::vector<RowId>& rows,
                               const ParticipationEvidence& fn) override {
        auto st = detail::Access::prepare(
            store_,
            "SELECT p.event_id, v.participation_id, v.basis, v.confidence FROM participation p "
            "JOIN evidence v ON v.participation_id = p.id WHERE p.event_id" +
                std::string(kInList));
        st.bind(1, detail::jsonArrayOf(rows));
        while (st.step()) {
            fn(st.getInt64(0), st.getInt64(1), enumOr(st.getText(2), model::Basis::Stated),
               detail::readConfidence(st, 3));
        }
    }

    void participants(const std::vector<RowId>& rows, const Participant& fn) override {
        auto st = detail::Access::prepare(
            store_, "SELECT p.event_id, " + detail::kActorColumns +
                        ", p.role, p.id FROM participation p JOIN actor a ON a.id = p.actor_id "
                        "WHERE p.event_id" +
                        std::string(kInList) + " ORDER BY p.event_id, p.id");
        st.bind(1, detail::jsonArrayOf(rows));
        ParticipantRecord p;
        while (st.step()) {
            p.actor = detail::actorAt(st, 1);
            p.role = enumOr(st.getText(6), model::Role::Attendee);
            fn(st.getInt64(0), st.getInt64(7), p);
        }
    }

    void links(const std::vector<RowId>& rows, const Link& fn) override {
        auto st = detail::Access::prepare(
            store_,
            "SELECT l.from_id, l.key, l.kind, 1, t.id, t.key, t.title FROM event_link l JOIN "
            "event t ON t.id = l.to_id WHERE l.from_id" +
                std::string(kInList) +
                " UNION ALL SELECT l.to_id, l.key, l.kind, 0, f.id, f.key, f.title FROM "
                "event_link l JOIN event f ON f.id = l.from_id WHERE l.to_id" +
                std::string(kInList) + " ORDER BY 1, 4 DESC, 3, 6");
        st.bind(1, detail::jsonArrayOf(rows));
        while (st.step()) fn(st.getInt64(0), storage::rows::linkRecordAt(st, 1));
    }

private:
    Store& store_;
};

/// The attribute `key` when its JSON type is one of `types`, else NULL.
std::string number(std::string_view key, std::string_view types) {
    const auto path = "attributes, '$." + std::string(key) + "'";
    return "CASE WHEN json_type(" + path + ") IN (" + std::string(types) + ") THEN json_extract(" +
           path + ") END";
}

}  // namespace

std::vector<EventDetails> Store::eventDetails(std::span<const RowId> rows,
                                              ParticipantsRead participants, bool links) {
    auto out = storage::detailsOf(eventRecords(rows));
    fillEventDetails(out, participants, links);
    return out;
}

void Store::fillEventDetails(std::span<EventDetails> out, ParticipantsRead participants,
                             bool links) {
    Reads reads(*this);
    storage::fillPageDetails(out, participants, links, reads);
}

void Store::fillEventCodes(std::span<EventDetails> out) {
    // GDELT keeps QuadClass, AvgTone and NumMentions as attributes (docs/event-data.md).
    storage::fillPageCodes(out, [this](const std::vector<RowId>& rows, const storage::CodesOf& fn) {
        // Numbers only: an attribute of that name holding text (curated data) is not a code.
        auto st = prepare("SELECT id, goldstein, " + number("quad_class", "'integer'") + ", " +
                          number("avg_tone", "'integer', 'real'") + ", " +
                          number("num_mentions", "'integer'") + " FROM event WHERE id" +
                          std::string(kInList));
        st.bind(1, detail::jsonArrayOf(rows));
        storage::EventCodes c;
        const auto optInt = [&st](int col) -> std::optional<std::int64_t> {
            if (st.isNull(col)) return std::nullopt;
            return st.getInt64(col);
        };
        const auto optReal = [&st](int col) -> std::optional<double> {
            if (st.isNull(col)) return std::nullopt;
            return st.getDouble(col);
        };
        while (st.step()) {
            c.goldstein = optReal(1);
            c.quadClass = optInt(2);
            c.tone = optReal(3);
            c.mentions = optInt(4);
            fn(st.getInt64(0), c);
        }
    });
}

std::vector<int> Store::eventDepths(std::span<const RowId> rows) {
    std::vector<int> out(rows.size(), 0);
    if (rows.empty()) return out;
    // Only events with a parent start a walk up; the others stay at 0. At most rules::kMaxDepth
    // parents are followed (a cycle of parents stops there).
    auto st = prepare(
        "WITH RECURSIVE up(start, id, d) AS (SELECT e.id, e.parent_id, 1 FROM event e WHERE e.id "
        "IN (SELECT value FROM json_each(?1)) AND e.parent_id IS NOT NULL UNION ALL SELECT "
        "up.start, e.parent_id, up.d + 1 FROM event e JOIN up ON e.id = up.id WHERE e.parent_id "
        "IS NOT NULL AND up.d < ?2) SELECT start, max(d) FROM up GROUP BY start");
    st.bind(1, detail::jsonArrayOf(rows)).bind(2, rules::kMaxDepth);
    std::unordered_map<RowId, int> depth;
    while (st.step()) depth.emplace(st.getInt64(0), st.getInt(1));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (const auto it = depth.find(rows[i]); it != depth.end()) out[i] = it->second;
    }
    return out;
}

}  // namespace bilateral::sqlite
