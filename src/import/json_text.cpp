#include "json_text.hpp"

#include <charconv>

#include "bilateral/model/escape.hpp"

namespace bilateral::io::detail {

void appendJsonString(std::string& out, std::string_view s) {
    out += '"';
    model::appendBackslashEscaped(out, s, model::QuotedStyle::Json);
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

}  // namespace bilateral::io::detail
