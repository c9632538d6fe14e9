#include "storage/postgres/copy.hpp"

#include <bit>
#include <charconv>
#include <stdexcept>

#include "storage/postgres/error.hpp"

namespace bilateral::storage::postgres {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;  // bytes sent per PQputCopyData
// The binary format's header: signature, flags (no OIDs), no header extension.
constexpr char kBinaryHeader[] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0";
constexpr std::size_t kBinaryHeaderSize = 19;

}  // namespace

CopyIn::CopyIn(Connection& c, CopyFormat format, std::string statement)
    : c_(&c), format_(format), statement_(std::move(statement)) {
    buffer_.reserve(kChunk + 4096);
    if (format_ == CopyFormat::Binary) buffer_.append(kBinaryHeader, kBinaryHeaderSize);
}

CopyIn::CopyIn(CopyIn&& o) noexcept
    : c_(o.c_),
      format_(o.format_),
      statement_(std::move(o.statement_)),
      buffer_(std::move(o.buffer_)),
      rows_(o.rows_),
      fieldsLeft_(o.fieldsLeft_),
      open_(std::exchange(o.open_, false)) {}

CopyIn::~CopyIn() {
    if (!open_) return;
    // Abandoned (an exception on the way): end the COPY with an error, so the server discards
    // it, and drain its results so the connection can be used (or rolled back) again.
    PGconn* conn = c_->native();
    if (PQstatus(conn) != CONNECTION_OK) return;
    PQputCopyEnd(conn, "the client abandoned the COPY");
    while (PGresult* r = PQgetResult(conn)) PQclear(r);
}

template <class U>
void CopyIn::bigEndian(U v) {
    char bytes[sizeof(U)];
    for (std::size_t i = 0; i < sizeof(U); ++i) {
        bytes[i] = static_cast<char>((v >> (8 * (sizeof(U) - 1 - i))) & 0xFF);
    }
    buffer_.append(bytes, sizeof(U));
}

CopyIn& CopyIn::row(int fields) {
    if (fieldsLeft_ != 0) throw std::logic_error("COPY row started before the last one ended");
    if (fields <= 0) throw std::logic_error("a COPY row needs a field");
    if (buffer_.size() >= kChunk) flush();
    fieldsLeft_ = fields;
    if (format_ == CopyFormat::Binary) bigEndian(static_cast<std::uint16_t>(fields));
    ++rows_;
    return *this;
}

void CopyIn::field() {
    if (fieldsLeft_ <= 0) throw std::logic_error("more COPY fields than the row announced");
}

/// After a value: text format separates fields by tabs and ends rows with a newline.
void CopyIn::endField() {
    --fieldsLeft_;
    if (format_ == CopyFormat::Text) buffer_.push_back(fieldsLeft_ == 0 ? '\n' : '\t');
}

CopyIn& CopyIn::text(std::string_view v) {
    field();
    if (format_ == CopyFormat::Binary) {
        bigEndian(static_cast<std::uint32_t>(v.size()));
        buffer_.append(v);
    } else {
        for (const char ch : v) {
            switch (ch) {
                case '\\':
                    buffer_ += "\\\\";
                    break;
                case '\t':
                    buffer_ += "\\t";
                    break;
                case '\n':
                    buffer_ += "\\n";
                    break;
                case '\r':
                    buffer_ += "\\r";
                    break;
                default:
                    buffer_.push_back(ch);
            }
        }
    }
    endField();
    return *this;
}

CopyIn& CopyIn::int64(std::int64_t v) {
    field();
    if (format_ == CopyFormat::Binary) {
        bigEndian(std::uint32_t{8});
        bigEndian(static_cast<std::uint64_t>(v));
    } else {
        char buf[24];
        const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
        buffer_.append(buf, end);
    }
    endField();
    return *this;
}

CopyIn& CopyIn::int32(std::int32_t v) {
    field();
    if (format_ == CopyFormat::Binary) {
        bigEndian(std::uint32_t{4});
        bigEndian(static_cast<std::uint32_t>(v));
    } else {
        char buf[16];
        const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
        buffer_.append(buf, end);
    }
    endField();
    return *this;
}

CopyIn& CopyIn::real(double v) {
    field();
    if (format_ == CopyFormat::Binary) {
        bigEndian(std::uint32_t{8});
        bigEndian(std::bit_cast<std::uint64_t>(v));
    } else {
        char buf[32];
        const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
        buffer_.append(buf, end);
    }
    endField();
    return *this;
}

CopyIn& CopyIn::null() {
    field();
    if (format_ == CopyFormat::Binary)
        bigEndian(std::uint32_t{0xFFFFFFFFu});
    else
        buffer_ += "\\N";
    endField();
    return *this;
}

void CopyIn::flush() {
    if (buffer_.empty()) return;
    PGconn* conn = c_->native();
    if (PQputCopyData(conn, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
        open_ = false;
        c_->fail(nullptr, "COPY failed while sending rows", statement_);
    }
    buffer_.clear();
}

std::int64_t CopyIn::finish() {
    if (fieldsLeft_ != 0) throw std::logic_error("COPY finished in the middle of a row");
    if (format_ == CopyFormat::Binary) bigEndian(static_cast<std::uint16_t>(0xFFFF));
    flush();
    open_ = false;
    PGconn* conn = c_->native();
    if (PQputCopyEnd(conn, nullptr) != 1) c_->fail(nullptr, "COPY could not end", statement_);
    // The COPY's result, then nothing: an error (a bad value, a broken constraint) is here.
    Result result(PQgetResult(conn));
    while (PGresult* extra = PQgetResult(conn)) PQclear(extra);
    if (!result.get() || PQresultStatus(result.get()) != PGRES_COMMAND_OK)
        c_->fail(result.get(), "COPY failed", statement_);
    return result.affected();
}

}  // namespace bilateral::storage::postgres
