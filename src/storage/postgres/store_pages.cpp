// Pages of events: the records of a page and what a listing shows of each (evidence and
// support, participants, links), in a handful of statements whatever the page's length (as the
// SQLite engine's store_pages.cpp); which run, and where their rows go, is
// storage/page_details.hpp.

#include <unordered_map>

#include "bilateral/rules/timeline.hpp"
#include "bilateral/storage/page_details.hpp"
#include "storage/postgres/store_impl.hpp"

namespace bilateral::storage::postgres {
namespace {

using detail::bigintArray;
using detail::enumOr;

/// The look-ups of a page, each over its rows bound as one bigint array.
class Reads final : public storage::PageReads {
public:
    explicit Reads(Store& store) : store_(store) {}

    void evidence(const std::vector<RowId>& rows, const Evidence& fn) override {
        const auto r = store_.q(
            "SELECT event_id, basis, confidence FROM event_evidence WHERE participation_id IS "
            "NULL AND event_id = ANY($1::bigint[])",
            Params().text(bigintArray(rows)));
        for (int i = 0; i < r.rows(); ++i)
            fn(r.int64(i, 0), enumOr(r.text(i, 1), model::Basis::Stated), detail::optReal(r, i, 2));
    }

    void participationEvidence(const std::vector<RowId>& rows,
                               const ParticipationEvidence& fn) override {
        const auto r = store_.q(
            "SELECT event_id, participation_id, basis, confidence FROM event_evidence WHERE "
            "participation_id IS NOT NULL AND event_id = ANY($1::bigint[])",
            Params().text(bigintArray(rows)));
        for (int i = 0; i < r.rows(); ++i) {
            fn(r.int64(i, 0), r.int64(i, 1), enumOr(r.text(i, 2), model::Basis::Stated),
               detail::optReal(r, i, 3));
        }
    }

    void participants(const std::vector<RowId>& rows, const Participant& fn) override {
        const auto r = store_.q("SELECT p.event_id, " + detail::kActorColumns +
                                    ", p.role, p.id FROM participation p JOIN actor a ON a.id = "
                                    "p.actor_id WHERE p.event_id = ANY($1::bigint[]) ORDER BY "
                                    "p.event_id, p.id",
                                Params().text(bigintArray(rows)));
        ParticipantRecord p;
        for (int i = 0; i < r.rows(); ++i) {
            p.actor = detail::actorAt(r, i, 1);
            p.role = enumOr(r.text(i, 6), model::Role::Attendee);
            fn(r.int64(i, 0), r.int64(i, 7), p);
        }
    }

    void links(const std::vector<RowId>& rows, const Link& fn) override {
        const auto r = store_.q(
            "SELECT l.from_id, l.key, l.kind, 1, t.id, t.key, t.title FROM event_link l JOIN "
            "event t ON t.id = l.to_id WHERE l.from_id = ANY($1::bigint[]) UNION ALL SELECT "
            "l.to_id, l.key, l.kind, 0, f.id, f.key, f.title FROM event_link l JOIN event f ON "
            "f.id = l.from_id WHERE l.to_id = ANY($1::bigint[]) ORDER BY 1, 4 DESC, 3, 6",
            Params().text(bigintArray(rows)));
        for (int i = 0; i < r.rows(); ++i)
            fn(r.int64(i, 0), storage::rows::linkRecordAt(detail::ResultRow{r, i}, 1));
    }

private:
    Store& store_;
};

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
    // GDELT keeps QuadClass, AvgTone and NumMentions as attributes (docs/event-data.md); numbers
    // only, as the SQLite engine reads them.
    storage::fillPageCodes(out, [this](const std::vector<RowId>& rows, const storage::CodesOf& fn) {
        const auto r =
            q("SELECT id, goldstein, CASE WHEN json_typeof(j->'quad_class') = 'number' AND "
              "j->>'quad_class' ~ '^-?[0-9]+$' THEN (j->>'quad_class')::bigint END, CASE WHEN "
              "json_typeof(j->'avg_tone') = 'number' THEN (j->>'avg_tone')::double precision END, "
              "CASE WHEN json_typeof(j->'num_mentions') = 'number' AND j->>'num_mentions' ~ "
              "'^-?[0-9]+$' THEN (j->>'num_mentions')::bigint END FROM (SELECT id, goldstein, "
              "attributes::json AS j FROM event WHERE id = ANY($1::bigint[])) e",
              Params().text(bigintArray(rows)));
        storage::EventCodes c;
        const auto optInt = [&r](int i, int col) -> std::optional<std::int64_t> {
            if (r.isNull(i, col)) return std::nullopt;
            return r.int64(i, col);
        };
        for (int i = 0; i < r.rows(); ++i) {
            c.goldstein = detail::optReal(r, i, 1);
            c.quadClass = optInt(i, 2);
            c.tone = detail::optReal(r, i, 3);
            c.mentions = optInt(i, 4);
            fn(r.int64(i, 0), c);
        }
    });
}

std::vector<int> Store::eventDepths(std::span<const RowId> rows) {
    std::vector<int> out(rows.size(), 0);
    if (rows.empty()) return out;
    // Only events with a parent start a walk up; at most rules::kMaxDepth parents are followed.
    const auto r =
        q("WITH RECURSIVE up(start, id, d) AS (SELECT e.id, e.parent_id, 1 FROM event e WHERE e.id "
          "= ANY($1::bigint[]) AND e.parent_id IS NOT NULL UNION ALL SELECT up.start, e.parent_id, "
          "up.d + 1 FROM event e JOIN up ON e.id = up.id WHERE e.parent_id IS NOT NULL AND up.d < "
          "$2::integer) SELECT start, max(d) FROM up GROUP BY start",
          Params().text(bigintArray(rows)).int64(rules::kMaxDepth));
    std::unordered_map<RowId, int> depth;
    for (int i = 0; i < r.rows(); ++i)
        depth.emplace(r.int64(i, 0), static_cast<int>(r.int64(i, 1)));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (const auto it = depth.find(rows[i]); it != depth.end()) out[i] = it->second;
    }
    return out;
}

}  // namespace bilateral::storage::postgres
