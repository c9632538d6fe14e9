#include "rows.hpp"

namespace bilateral::sqlite::detail {

std::optional<model::Date> readDate(const Statement& st, int lo, int prec) {
    if (st.isNull(lo)) return std::nullopt;
    return model::Date::fromStored(static_cast<model::DayNumber>(st.getInt64(lo)),
                                   static_cast<model::Precision>(st.getInt(prec)));
}

std::optional<double> readConfidence(const Statement& st, int col) {
    return st.isNull(col) ? std::nullopt : std::optional<double>(st.getDouble(col));
}

const std::string kEventColumns =
    "e.id, e.key, e.kind, e.title, e.status, e.start_lo, e.start_prec, e.end_lo, e.end_prec, "
    "coalesce(e.parent_id, 0), coalesce(e.cameo, ''), e.day_lo, e.day_hi, "
    "coalesce(e.location, ''), coalesce(e.place_country, ''), coalesce(e.meeting_id, 0), "
    "e.notes";

const std::string kActorColumns = "a.id, a.key, a.name, a.kind, coalesce(a.country, '')";

EventRecord eventAt(const Statement& st, int c) {
    return storage::rows::eventRecordAt(st, c);
}

ActorRecord actorAt(const Statement& st, int c) {
    return storage::rows::actorRecordAt(st, c);
}

std::string jsonArrayOf(std::span<const RowId> rows) {
    std::string out = "[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i != 0) out += ',';
        out += std::to_string(rows[i]);
    }
    return out + ']';
}

std::vector<RowId> rowsOf(Statement st) {
    std::vector<RowId> out;
    while (st.step()) out.push_back(st.getInt64(0));
    return out;
}

std::int64_t scalarOf(Statement st) {
    const auto v = st.step() && !st.isNull(0) ? st.getInt64(0) : 0;
    st.reset();
    return v;
}

}  // namespace bilateral::sqlite::detail
