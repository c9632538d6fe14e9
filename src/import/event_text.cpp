#include "event_text.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <system_error>

#include "bilateral/error.hpp"
#include "input_stream.hpp"

namespace bilateral::io::detail {

// --- LineReader ----------------------------------------------------------------------------

namespace {
constexpr std::uint64_t kProgressEvery = 64 * 1024;
}

LineReader::LineReader(const std::filesystem::path& file, Progress progress, std::size_t bufferSize)
    : progress_(std::move(progress)), buf_(bufferSize) {
    auto in = openInput(file);
    src_ = std::move(in.bytes);
    name_ = std::move(in.name);
    container_ = std::move(in.container);
    stdin_ = isStdin(file);
}

LineReader::~LineReader() = default;

bool LineReader::fill() {
    if (eof_) return false;
    // Keep the unread tail at the front; grow the buffer when one line fills it.
    if (begin_ > 0) {
        std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);
    const auto n = src_->read(buf_.data() + end_, buf_.size() - end_);
    const auto done = src_->consumed(), total = src_->total();
    if (n == 0) {
        eof_ = true;
        return false;
    }
    end_ += n;
    if (progress_ && done - reported_ >= kProgressEvery) {
        reported_ = done;
        progress_(name_, done, total == 0 ? 0 : std::max(total, done), line_, false);
    }
    return true;
}

std::string_view LineReader::peek(std::size_t n) {
    while (end_ - begin_ < n && fill()) {
    }
    return std::string_view(buf_.data() + begin_, std::min(n, end_ - begin_));
}

std::string LineReader::readAll() {
    while (fill()) {
    }
    std::string all(buf_.data() + begin_, end_ - begin_);
    begin_ = end_;
    reportEnd();
    return all;
}

void LineReader::reportEnd() {
    if (!progress_ || endReported_) return;
    endReported_ = true;
    const auto done = src_->consumed(), total = src_->total();
    progress_(name_, done, total ? std::max(total, done) : 0, line_, true);
}

bool LineReader::next(std::string_view& line) {
    const auto refuseLong = [this](std::size_t len) {
        if (len > kMaxLineBytes) {
            throw ParseError(name_, "line " + std::to_string(line_ + 1),
                             "line longer than " + std::to_string(kMaxLineBytes) +
                                 " bytes; not a row of an event file");
        }
    };
    std::size_t scanned = begin_;
    for (;;) {
        const char* base = buf_.data();
        const void* nl = std::memchr(base + scanned, '\n', end_ - scanned);
        if (nl) {
            const auto pos = static_cast<std::size_t>(static_cast<const char*>(nl) - base);
            refuseLong(pos - begin_);
            std::size_t len = pos - begin_;
            if (len > 0 && base[begin_ + len - 1] == '\r') --len;
            line = std::string_view(base + begin_, len);
            begin_ = pos + 1;
            ++line_;
            hadNewline_ = true;
            return true;
        }
        const std::size_t pending = end_ - begin_;
        refuseLong(pending);
        if (!fill()) {
            if (end_ == begin_) {
                reportEnd();
                return false;
            }
            std::size_t len = end_ - begin_;
            const char* b = buf_.data() + begin_;
            if (len > 0 && b[len - 1] == '\r') --len;
            line = std::string_view(b, len);
            begin_ = end_;
            ++line_;
            hadNewline_ = false;
            return true;
        }
        scanned = begin_ + pending;  // fill() moved the tail to the front
    }
}

// --- UTF-8 ---------------------------------------------------------------------------------

std::size_t findControl(std::string_view line) noexcept {
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c < 0x20 && c != '\t') return i;
    }
    return std::string_view::npos;
}

std::string textProblem(std::string_view line) {
    if (!validUtf8(line)) return "not valid UTF-8";
    const auto at = findControl(line);
    if (at == std::string_view::npos) return {};
    static constexpr char kHex[] = "0123456789ABCDEF";
    const auto c = static_cast<unsigned char>(line[at]);
    std::string why = "control character U+00";
    why += kHex[c >> 4];
    why += kHex[c & 15];
    const auto field = 1 + static_cast<std::size_t>(std::count(
                               line.begin(), line.begin() + static_cast<std::ptrdiff_t>(at), '\t'));
    return why + " in field " + std::to_string(field) + "; not a text event file";
}

bool validUtf8(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* const end = p + s.size();
    while (p < end) {
        // Fast path: eight ASCII bytes at a time.
        if (end - p >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            if ((w & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        const unsigned c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int n;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= n) return false;
        for (int i = 1; i <= n; ++i) {
            const unsigned cc = p[i];
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return false;
        }
        p += n + 1;
    }
    return true;
}

// --- fields --------------------------------------------------------------------------------

std::size_t splitTabs(std::string_view line, std::vector<std::string_view>& out) {
    out.clear();
    const char* p = line.data();
    const char* const end = p + line.size();
    for (;;) {
        const void* t = std::memchr(p, '\t', static_cast<std::size_t>(end - p));
        if (!t) {
            out.emplace_back(p, static_cast<std::size_t>(end - p));
            return out.size();
        }
        const char* tab = static_cast<const char*>(t);
        out.emplace_back(p, static_cast<std::size_t>(tab - p));
        p = tab + 1;
    }
}

// --- numbers -------------------------------------------------------------------------------

namespace {
bool isDigit(char c) noexcept {
    return c >= '0' && c <= '9';
}

/// Length of the longest prefix of `s` that is a decimal in JSON's grammar, or 0.
std::size_t jsonNumberLength(std::string_view s) noexcept {
    std::size_t i = 0;
    const std::size_t n = s.size();
    if (i < n && s[i] == '-') ++i;
    if (i >= n || !isDigit(s[i])) return 0;
    if (s[i] == '0') {
        ++i;
    } else {
        while (i < n && isDigit(s[i])) ++i;
    }
    if (i < n && s[i] == '.') {
        ++i;
        if (i >= n || !isDigit(s[i])) return 0;
        while (i < n && isDigit(s[i])) ++i;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        if (i >= n || !isDigit(s[i])) return 0;
        while (i < n && isDigit(s[i])) ++i;
    }
    return i;
}
}  // namespace

bool parseInt64(std::string_view s, std::int64_t& out) noexcept {
    if (s.empty() || s.front() == '+') return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

bool isJsonNumber(std::string_view s) noexcept {
    return !s.empty() && jsonNumberLength(s) == s.size();
}

bool parseDecimal(std::string_view s, double& out) noexcept {
    // The grammar: optional '-', digits, optional '.digits' (leading zeros and a bare ".5" or
    // "5." are accepted too, as spreadsheets write them), optional exponent.
    std::size_t i = 0;
    const std::size_t n = s.size();
    if (i < n && s[i] == '-') ++i;
    std::size_t digits = 0;
    while (i < n && isDigit(s[i])) ++i, ++digits;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && isDigit(s[i])) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        if (i >= n || !isDigit(s[i])) return false;
        while (i < n && isDigit(s[i])) ++i;
    }
    if (i != n) return false;
    const auto r = std::from_chars(s.data(), s.data() + n, out);
    return r.ec == std::errc{} && r.ptr == s.data() + n;
}

// --- dates ---------------------------------------------------------------------------------

namespace {
int daysIn(int year, int month) noexcept {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
    return kDays[month - 1];
}
int digits(const char* p, int n) noexcept {
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (!isDigit(p[i])) return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}
std::optional<model::DayNumber> day(int y, int m, int d) noexcept {
    // Year 0000 does not exist (model::Date refuses it and cannot read its day number back).
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return std::nullopt;
    return model::toDayNumber(y, m, d);
}
}  // namespace

std::optional<model::DayNumber> parseIsoDay(std::string_view s) noexcept {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    return day(digits(s.data(), 4), digits(s.data() + 5, 2), digits(s.data() + 8, 2));
}

std::optional<model::DayNumber> parseCompactDay(std::string_view s) noexcept {
    if (s.size() != 8) return std::nullopt;
    return day(digits(s.data(), 4), digits(s.data() + 4, 2), digits(s.data() + 6, 2));
}

// --- JSON text -----------------------------------------------------------------------------

void appendJsonString(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;  // start of the pending run of bytes that need no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

void appendJsonDouble(std::string& out, double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    std::string_view text(buf, static_cast<std::size_t>(r.ptr - buf));
    out += text;
    // JSON readers keep "3" an integer; a real stays a real.
    if (text.find_first_of(".eE") == std::string_view::npos) out += ".0";
}

void appendInt(std::string& out, std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

// --- names ---------------------------------------------------------------------------------

namespace {
bool isAsciiAlnum(unsigned char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string fold(std::string_view text, char sep, bool keepNonAscii) {
    std::string out;
    bool pendingSep = false;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (isAsciiAlnum(c) || (keepNonAscii && c >= 0x80)) {
            if (pendingSep && !out.empty()) out += sep;
            pendingSep = false;
            out += lower(ch);
        } else {
            pendingSep = true;
        }
    }
    return out;
}
}  // namespace

std::string snakeCase(std::string_view header) {
    return fold(header, '_', false);
}
std::string slug(std::string_view text) {
    return fold(text, '-', true);
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

}  // namespace bilateral::io::detail
