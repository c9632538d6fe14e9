#include <nlohmann/json.hpp>

#include "store_impl.hpp"

namespace bilateral::store::detail {

std::optional<std::string> attributesToJson(const model::Attributes& a) {
    if (a.empty()) return std::nullopt;
    nlohmann::json j = nlohmann::json::object();
    for (const auto& entry : a) {
        const auto& k = entry.first;
        std::visit([&](const auto& x) { j[k] = x; }, entry.second);
    }
    return j.dump();
}

model::Attributes attributesFromJson(std::string_view text) {
    model::Attributes out;
    if (text.empty()) return out;
    const auto j = nlohmann::json::parse(text);
    for (const auto& [k, v] : j.items()) {
        if (v.is_boolean())
            out.emplace(k, v.get<bool>());
        else if (v.is_number_integer())
            out.emplace(k, v.get<std::int64_t>());
        else if (v.is_number())
            out.emplace(k, v.get<double>());
        else if (v.is_string())
            out.emplace(k, v.get<std::string>());
        else
            out.emplace(k, v.dump());
    }
    return out;
}

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

}  // namespace bilateral::store::detail
