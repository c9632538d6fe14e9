#pragma once
// COPY ... FROM STDIN: rows encoded in PostgreSQL's binary or text COPY format, sent in large
// chunks, so a load costs one statement, not one per row. CopyIn streams one COPY; a
// CopyEncoder gathers rows for a COPY sent later (`copyRows`), so that rows of several tables
// can be gathered side by side on one connection, which runs one COPY at a time.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "storage/postgres/connection.hpp"

namespace bilateral::storage::postgres {

/// Rows in COPY format. Fields go in column order: `row(n)`, then n values, row by row. In
/// binary format each value's type must be the column's: `int64` for bigint, `int32` for
/// integer, `real` for double precision, `text` for text.
class CopyEncoder {
public:
    explicit CopyEncoder(CopyFormat format = CopyFormat::Binary) : format_(format) {}

    CopyEncoder& row(int fields);
    CopyEncoder& text(std::string_view v);
    CopyEncoder& int64(std::int64_t v);
    CopyEncoder& int32(std::int32_t v);
    CopyEncoder& real(double v);
    CopyEncoder& null();
    CopyEncoder& textOrNull(std::string_view v) { return v.empty() ? null() : text(v); }
    template <class T>
    CopyEncoder& optional(const std::optional<T>& v) {
        if (!v) return null();
        if constexpr (std::is_convertible_v<const T&, std::string_view>)
            return text(*v);
        else if constexpr (std::is_floating_point_v<T>)
            return real(*v);
        else if constexpr (sizeof(T) <= 4)
            return int32(static_cast<std::int32_t>(*v));
        else
            return int64(static_cast<std::int64_t>(*v));
    }

    [[nodiscard]] CopyFormat format() const noexcept { return format_; }
    /// Rows encoded since the last `take`.
    [[nodiscard]] std::int64_t rows() const noexcept { return rows_; }
    /// Bytes waiting.
    [[nodiscard]] std::size_t size() const noexcept { return buffer_.size(); }
    /// Moves the encoded bytes to `out` (binary: with the header first when `first`, the trailer
    /// last when `last`); the encoder is then empty. Rows must be complete.
    void take(std::string& out, bool first, bool last);

private:
    void field();
    void endField();
    template <class U>
    void bigEndian(U v);
    template <class Bits, class T>
    CopyEncoder& number(T v);

    CopyFormat format_;
    std::string buffer_;
    std::int64_t rows_ = 0;
    int fieldsLeft_ = 0;
};

/// An open COPY FROM STDIN (Connection::copyIn), streaming its rows in chunks. `finish()` ends
/// it and says how many rows the server took; destroyed unfinished, it aborts the COPY (the
/// server discards every row of it). A failure of the statement surfaces at `finish` or when a
/// chunk is sent.
class CopyIn {
public:
    CopyIn(Connection& c, CopyFormat format, std::string statement);
    CopyIn(CopyIn&&) noexcept;
    CopyIn& operator=(CopyIn&&) = delete;
    ~CopyIn();

    /// The rows' encoder; a row started here is sent when it and those before fill a chunk.
    CopyEncoder& rows();
    /// Ends the COPY; the rows the server stored.
    std::int64_t finish();

private:
    void send(bool last);

    Connection* c_;
    std::string statement_;
    CopyEncoder encoder_;
    std::string chunk_;
    bool sentHeader_ = false;
    bool open_ = true;
};

/// Sends `rows` as one complete COPY into `target` (a table and its column list) and empties
/// the encoder; the rows the server stored.
std::int64_t copyRows(Connection& c, std::string_view target, CopyEncoder& rows);

}  // namespace bilateral::storage::postgres
