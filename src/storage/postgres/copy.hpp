#pragma once
// COPY ... FROM STDIN, streamed: rows are encoded into a buffer (PostgreSQL's binary or text
// COPY format) and sent in large chunks, so a load costs one statement, not one per row.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/postgres/connection.hpp"

namespace bilateral::storage::postgres {

/// An open COPY FROM STDIN. Fields go in column order: `row(n)`, then n values, row by row.
/// In binary format each value's type must be the column's: `int64` for bigint, `int32` for
/// integer, `real` for double precision, `text` for text. `finish()` ends the COPY and says how
/// many rows the server took; destroyed unfinished, it aborts the COPY (the server discards
/// every row of it), and a failure of the statement surfaces there or at `finish`.
class CopyIn {
public:
    CopyIn(Connection& c, CopyFormat format, std::string statement);
    CopyIn(CopyIn&&) noexcept;
    CopyIn& operator=(CopyIn&&) = delete;
    ~CopyIn();

    CopyIn& row(int fields);
    CopyIn& text(std::string_view v);
    CopyIn& int64(std::int64_t v);
    CopyIn& int32(std::int32_t v);
    CopyIn& real(double v);
    CopyIn& null();
    CopyIn& textOrNull(std::string_view v) { return v.empty() ? null() : text(v); }
    template <class T>
    CopyIn& optional(const std::optional<T>& v) {
        if (!v) return null();
        if constexpr (std::is_floating_point_v<T>)
            return real(*v);
        else if constexpr (sizeof(T) <= 4)
            return int32(static_cast<std::int32_t>(*v));
        else
            return int64(static_cast<std::int64_t>(*v));
    }

    /// Ends the COPY; the rows the server stored.
    std::int64_t finish();
    /// Rows encoded so far.
    [[nodiscard]] std::int64_t rowsWritten() const noexcept { return rows_; }

private:
    void field();
    void endField();
    void put(std::string_view bytes);
    void flush();
    template <class U>
    void bigEndian(U v);

    Connection* c_;
    CopyFormat format_;
    std::string statement_;
    std::string buffer_;
    std::int64_t rows_ = 0;
    int fieldsLeft_ = 0;  ///< text format: fields still due in the open row
    bool open_ = true;
};

}  // namespace bilateral::storage::postgres
