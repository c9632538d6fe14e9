#include <nlohmann/json.hpp>

#include "store_impl.hpp"

namespace bilateral::sqlite::detail {

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

}  // namespace bilateral::sqlite::detail
