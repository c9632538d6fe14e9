#include "storage/postgres/copy.hpp"

#include <bit>
#include <charconv>
#include <stdexcept>

#include "storage/postgres/error.hpp"

namespace bilateral::storage::postgres {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;  // bytes sent per PQputCopyData
// The binary format's header: signature, flags (no OIDs), no header extension; the trailer.
constexpr std::string_view kBinaryHeader{"PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0", 19};
constexpr std::string_view kBinaryTrailer{"\xFF\xFF", 2};

}  // namespace

template <class U>
void CopyEncoder::bigEndian(U v) {
    char bytes[sizeof(U)];
    for (std::size_t i = 0; i < sizeof(U); ++i) {
        bytes[i] = static_cast<char>((v >> (8 * (sizeof(U) - 1 - i))) & 0xFF);
    }
    buffer_.append(bytes, sizeof(U));
}

CopyEncoder& CopyEncoder::row(int fields) {
    if (fieldsLeft_ != 0) throw std::logic_error("COPY row started before the last one ended");
    if (fields <= 0 || fields > 0x7FFF)
        throw std::logic_error("a COPY row needs 1 to 32767 fields");
    fieldsLeft_ = fields;
    if (format_ == CopyFormat::Binary) bigEndian(static_cast<std::uint16_t>(fields));
    ++rows_;
    return *this;
}

void CopyEncoder::field() {
    if (fieldsLeft_ <= 0) throw std::logic_error("more COPY fields than the row announced");
}

/// After a value: text format separates fields by tabs and ends rows with a newline.
void CopyEncoder::endField() {
    --fieldsLeft_;
    if (format_ == CopyFormat::Text) buffer_.push_back(fieldsLeft_ == 0 ? '\n' : '\t');
}

CopyEncoder& CopyEncoder::text(std::string_view v) {
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

/// A number: in binary, its width and its bits (`Bits`, big-endian); in text, its digits.
template <class Bits, class T>
CopyEncoder& CopyEncoder::number(T v) {
    field();
    if (format_ == CopyFormat::Binary) {
        bigEndian(static_cast<std::uint32_t>(sizeof(Bits)));
        bigEndian(std::bit_cast<Bits>(v));
    } else {
        char buf[32];
        buffer_.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    }
    endField();
    return *this;
}

CopyEncoder& CopyEncoder::int64(std::int64_t v) {
    return number<std::uint64_t>(v);
}

CopyEncoder& CopyEncoder::int32(std::int32_t v) {
    return number<std::uint32_t>(v);
}

CopyEncoder& CopyEncoder::real(double v) {
    return number<std::uint64_t>(v);
}

CopyEncoder& CopyEncoder::null() {
    field();
    if (format_ == CopyFormat::Binary)
        bigEndian(std::uint32_t{0xFFFFFFFFu});
    else
        buffer_ += "\\N";
    endField();
    return *this;
}

void CopyEncoder::take(std::string& out, bool first, bool last) {
    if (fieldsLeft_ != 0) throw std::logic_error("COPY rows taken in the middle of a row");
    const bool binary = format_ == CopyFormat::Binary;
    if (first && binary) out.append(kBinaryHeader);
    out.append(buffer_);
    if (last && binary) out.append(kBinaryTrailer);
    buffer_.clear();
    rows_ = 0;
}

CopyIn::CopyIn(Connection& c, CopyFormat format, std::string statement)
    : c_(&c), statement_(std::move(statement)), encoder_(format) {}

CopyIn::CopyIn(CopyIn&& o) noexcept
    : c_(o.c_),
      statement_(std::move(o.statement_)),
      encoder_(std::move(o.encoder_)),
      chunk_(std::move(o.chunk_)),
      sentHeader_(o.sentHeader_),
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

CopyEncoder& CopyIn::rows() {
    if (encoder_.size() >= kChunk) send(false);
    return encoder_;
}

void CopyIn::send(bool last) {
    chunk_.clear();
    encoder_.take(chunk_, !sentHeader_, last);
    sentHeader_ = true;
    if (chunk_.empty()) return;
    if (PQputCopyData(c_->native(), chunk_.data(), static_cast<int>(chunk_.size())) != 1) {
        open_ = false;
        c_->fail(nullptr, "COPY failed while sending rows", statement_);
    }
}

std::int64_t CopyIn::finish() {
    send(true);
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

std::int64_t copyRows(Connection& c, std::string_view target, CopyEncoder& rows) {
    if (rows.rows() == 0) return 0;
    auto copy = c.copyIn("COPY " + std::string(target), rows.format());
    std::swap(copy.rows(), rows);  // the gathered rows become the COPY's; `rows` is left empty
    return copy.finish();
}

}  // namespace bilateral::storage::postgres
