// Reading typed values out of the store's results; the columns of the answers' records.

#include "storage/postgres/store_impl.hpp"

namespace bilateral::storage::postgres::detail {

std::optional<model::Date> dateAt(const Result& r, int row, int lo) {
    if (r.isNull(row, lo)) return std::nullopt;
    return model::Date::fromStored(static_cast<model::DayNumber>(r.int64(row, lo)),
                                   static_cast<model::Precision>(r.int64(row, lo + 1)));
}

std::optional<double> optReal(const Result& r, int row, int col) {
    if (r.isNull(row, col)) return std::nullopt;
    return r.real(row, col);
}

// The same columns, in the same order, as the SQLite engine's (src/storage/sqlite/rows.cpp).
const std::string kEventColumns =
    "e.id, e.key, e.kind, e.title, e.status, e.start_lo, e.start_prec, e.end_lo, e.end_prec, "
    "coalesce(e.parent_id, 0), coalesce(e.cameo, ''), e.day_lo, e.day_hi, "
    "coalesce(e.location, ''), coalesce(e.place_country, ''), coalesce(e.meeting_id, 0), "
    "e.notes";

const std::string kActorColumns = "a.id, a.key, a.name, a.kind, coalesce(a.country, '')";

EventRecord eventAt(const Result& r, int row, int c) {
    return storage::rows::eventRecordAt(ResultRow{r, row}, c);
}

ActorRecord actorAt(const Result& r, int row, int c) {
    return storage::rows::actorRecordAt(ResultRow{r, row}, c);
}

std::string bigintArray(std::span<const RowId> rows) {
    std::string out = "{";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i != 0) out += ',';
        out += std::to_string(rows[i]);
    }
    return out + '}';
}

std::vector<RowId> rowsOf(const Result& r) {
    std::vector<RowId> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.int64(i, 0));
    return out;
}

std::int64_t scalarOf(const Result& r) {
    if (r.rows() == 0 || r.isNull(0, 0)) return 0;
    return r.int64(0, 0);
}

Params& bindDate(Params& p, const std::optional<model::Date>& d) {
    if (!d) return p.null().null().null();
    return p.int64(d->earliest()).int64(d->latest()).int64(static_cast<int>(d->precision()));
}

}  // namespace bilateral::storage::postgres::detail
