#include "names.hpp"

namespace bilateral::io::detail {

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
