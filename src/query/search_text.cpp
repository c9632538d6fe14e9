#include "search_text.hpp"

namespace bilateral::query::detail {

std::string ftsQuery(const std::vector<std::string>& tokens, bool prefixLast, bool phrase) {
    auto quoted = [](std::string_view s) {
        std::string q = "\"";
        for (char c : s) {
            if (c == '"') q += '"';
            q += c;
        }
        return q + '"';
    };
    std::string q;
    if (phrase) {
        std::string all;
        for (const auto& t : tokens) all += (all.empty() ? "" : " ") + t;
        q = quoted(all);
        if (prefixLast) q += '*';
        return q;
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i) q += ' ';
        q += quoted(tokens[i]);
        if (prefixLast && i + 1 == tokens.size()) q += '*';
    }
    return q;
}

}  // namespace bilateral::query::detail
