#include "bilateral/rules/name_forms.hpp"

#include <map>

namespace bilateral::rules {

std::string cell(const std::vector<std::string>& row, std::size_t i) {
    return i < row.size() ? row[i] : std::string();
}

std::vector<std::string> splitBars(std::string_view cell) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= cell.size()) {
        auto bar = cell.find('|', from);
        if (bar == std::string_view::npos) bar = cell.size();
        if (bar > from) out.emplace_back(cell.substr(from, bar - from));
        from = bar + 1;
    }
    return out;
}

namespace {

void addOnce(std::vector<std::string>& to, std::vector<std::string> more) {
    for (auto& m : more) {
        bool seen = false;
        for (const auto& t : to) seen = seen || t == m;
        if (!seen) to.push_back(std::move(m));
    }
}

}  // namespace

std::vector<std::vector<std::string>> tsvRows(std::string_view text, bool header) {
    std::vector<std::vector<std::string>> rows;
    std::size_t at = 0;
    while (at < text.size()) {
        auto nl = text.find('\n', at);
        if (nl == std::string_view::npos) nl = text.size();
        const auto line = text.substr(at, nl - at);
        at = nl + 1;
        if (line.empty() || line.front() == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        std::vector<std::string> cols;
        std::size_t from = 0;
        while (true) {
            const auto tab = line.find('\t', from);
            cols.emplace_back(line.substr(from, tab == std::string_view::npos ? tab : tab - from));
            if (tab == std::string_view::npos) break;
            from = tab + 1;
        }
        rows.push_back(std::move(cols));
    }
    return rows;
}

const std::vector<CountryWords>& countryWords() {
    static const std::vector<CountryWords> words = [] {
        std::vector<CountryWords> out;
        std::map<std::string, std::size_t> at;
        const auto entry = [&](const std::string& code) -> CountryWords& {
            const auto [it, added] = at.emplace(code, out.size());
            if (added) out.push_back(CountryWords{code, {}, {}});
            return out[it->second];
        };
        // iso3, name, icews_names (|-separated), cameo, fips
        for (const auto& row : tsvRows(nameTable("countries.tsv"), true)) {
            auto& c = entry(cell(row, 0));
            addOnce(c.names, splitBars(cell(row, 1)));
            addOnce(c.names, splitBars(cell(row, 2)));
        }
        // code, kind, English names, English adjectives and demonyms, Italian names, Italian
        // adjectives (the Italian ones follow their noun: not a title's first word in English)
        for (const auto& row : tsvRows(nameTable("draft/countries.tsv"), false)) {
            auto& c = entry(cell(row, 0));
            addOnce(c.names, splitBars(cell(row, 2)));
            addOnce(c.adjectives, splitBars(cell(row, 3)));
        }
        return out;
    }();
    return words;
}

const std::vector<std::string>& honorifics() {
    static const std::vector<std::string> words = [] {
        std::vector<std::string> out;
        for (const auto& row : tsvRows(nameTable("draft/honorifics.tsv"), false)) {
            if (!cell(row, 0).empty()) out.push_back(cell(row, 0));
        }
        return out;
    }();
    return words;
}

}  // namespace bilateral::rules
