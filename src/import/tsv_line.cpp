#include "tsv_line.hpp"

#include <algorithm>
#include <cstring>

#include "bilateral/model/utf8.hpp"

namespace bilateral::io::detail {

std::size_t findControl(std::string_view line) noexcept {
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c < 0x20 && c != '\t') return i;
    }
    return std::string_view::npos;
}

std::string textProblem(std::string_view line) {
    if (!model::validUtf8(line)) return "not valid UTF-8";
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

}  // namespace bilateral::io::detail
