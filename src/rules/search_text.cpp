#include "bilateral/rules/search_text.hpp"

namespace bilateral::rules {

std::string foldForSearch(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        // U+2018 ‘ and U+2019 ’ (E2 80 98/99), U+02BC ʼ (CA BC), U+0060 `: all become '.
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) == 0x98 ||
             static_cast<unsigned char>(text[i + 2]) == 0x99)) {
            out += '\'';
            i += 2;
        } else if (c == 0xCA && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) == 0xBC) {
            out += '\'';
            i += 1;
        } else if (c == '`') {
            out += '\'';
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace bilateral::rules
