// The country table: parsing countries.tsv and the name and code lookups.

#include "bilateral/import/countries.hpp"

#include "bilateral/error.hpp"
#include "bilateral/import/cameo.hpp"
#include "bilateral/model/utf8.hpp"
#include "event_reference_tables.hpp"
#include "tsv_line.hpp"

namespace bilateral::io {

namespace {

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool isUpperCode(std::string_view s, std::size_t n) noexcept {
    if (s.size() != n) return false;
    for (const char c : s) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

}  // namespace

CountryTable CountryTable::parse(std::string_view tsv, const std::string& origin) {
    CountryTable t;
    t.origin_ = origin;
    if (!model::validUtf8(tsv)) throw ParseError(origin, "", "not UTF-8");
    std::size_t lineNo = 0;
    std::vector<std::string_view> f;
    bool header = true;
    while (!tsv.empty()) {
        const auto nl = tsv.find('\n');
        auto line = tsv.substr(0, nl);
        tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const auto where = "line " + std::to_string(lineNo);
        if (header) {
            if (line != "iso3\tname\ticews_names\tcameo\tfips") {
                throw ParseError(origin, where,
                                 "header must be iso3, name, icews_names, cameo, fips");
            }
            header = false;
            continue;
        }
        if (line.empty()) {
            if (tsv.empty()) break;
            throw ParseError(origin, where, "empty line");
        }
        if (detail::splitTabs(line, f) != 5) {
            throw ParseError(origin, where,
                             "expected 5 tab-separated fields, found " + std::to_string(f.size()));
        }
        if (!isUpperCode(f[0], 3)) throw ParseError(origin, where + ", column iso3", "not a code");
        if (!isUpperCode(f[3], 3)) throw ParseError(origin, where + ", column cameo", "not a code");
        if (!isUpperCode(f[4], 2)) throw ParseError(origin, where + ", column fips", "not a code");
        if (f[1].empty()) throw ParseError(origin, where + ", column name", "empty");
        Country c{std::string(f[0]), std::string(f[1]), {}, std::string(f[3]), std::string(f[4])};
        std::string_view names = f[2];
        while (!names.empty()) {
            const auto bar = names.find('|');
            const auto n = names.substr(0, bar);
            if (n.empty()) throw ParseError(origin, where + ", column icews_names", "empty name");
            c.icewsNames.emplace_back(n);
            names.remove_prefix(bar == std::string_view::npos ? names.size() : bar + 1);
        }
        if (c.icewsNames.empty()) {
            throw ParseError(origin, where + ", column icews_names", "no name");
        }
        const auto index = t.countries_.size();
        const auto add = [&](auto& map, std::string key, std::string_view column) {
            if (!map.emplace(std::move(key), index).second) {
                throw ParseError(origin, where + ", column " + std::string(column),
                                 "a value listed for another country too");
            }
        };
        add(t.byIso3_, c.iso3, "iso3");
        add(t.byCameo_, c.cameo, "cameo");
        add(t.byFips_, c.fips, "fips");
        for (const auto& n : c.icewsNames) add(t.byIcews_, lowerAscii(n), "icews_names");
        t.countries_.push_back(std::move(c));
    }
    if (header) throw ParseError(origin, "line 1", "empty country table");
    // GDELT writes the Gaza Strip apart from the West Bank (WE); both are Palestine.
    if (const auto it = t.byIso3_.find("PSE"); it != t.byIso3_.end()) {
        t.byFips_.emplace("GZ", it->second);
    }
    return t;
}

CountryTable CountryTable::embedded() {
    return parse(detail::embeddedCountries(), "embedded");
}

CountryTable CountryTable::load(const std::filesystem::path& dataDir) {
    const auto file = dataDir / "countries.tsv";
    return parse(detail::readTextFile(file), file.string());
}

const CountryTable& CountryTable::standard() {
    static const CountryTable table = [] {
        if (const auto dir = findDataDir()) return load(*dir);
        return embedded();
    }();
    return table;
}

namespace {
template <class Map>
const Country* lookup(const Map& map, const std::vector<Country>& all, const std::string& key) {
    const auto it = map.find(key);
    return it == map.end() ? nullptr : &all[it->second];
}
}  // namespace

const Country* CountryTable::fromIcewsName(std::string_view name) const {
    return lookup(byIcews_, countries_, lowerAscii(name));
}
const Country* CountryTable::fromIso3(std::string_view iso3) const {
    return lookup(byIso3_, countries_, std::string(iso3));
}
const Country* CountryTable::fromCameo(std::string_view code) const {
    return lookup(byCameo_, countries_, std::string(code));
}
const Country* CountryTable::fromFips(std::string_view code) const {
    return lookup(byFips_, countries_, std::string(code));
}

std::optional<std::string_view> CountryTable::iso3FromIcewsName(std::string_view name) const {
    if (const auto* c = fromIcewsName(name)) return c->iso3;
    return std::nullopt;
}
std::optional<std::string_view> CountryTable::iso3FromCameo(std::string_view code) const {
    if (const auto* c = fromCameo(code)) return c->iso3;
    return std::nullopt;
}
std::optional<std::string_view> CountryTable::iso3FromFips(std::string_view code) const {
    if (const auto* c = fromFips(code)) return c->iso3;
    return std::nullopt;
}

}  // namespace bilateral::io
