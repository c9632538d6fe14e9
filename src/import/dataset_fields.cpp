// The fields of a dataset document's records: ids, references, dates, constrained strings,
// bounded numbers, attributes, evidence and places, each read where it stands so that an error
// names its JSON pointer.

#include <algorithm>

#include "dataset_reader.hpp"

namespace bilateral::io::detail {
namespace {

bool isLowerHex(char c) {
    return isDigitChar(c) || (c >= 'a' && c <= 'f');
}

}  // namespace

bool isDigitChar(char c) {
    return c >= '0' && c <= '9';
}

bool isUpperChar(char c) {
    return c >= 'A' && c <= 'Z';
}

const TextPattern kCountryPattern{3, 3, isUpperChar, "country",
                                  "an ISO 3166-1 alpha-3 code such as \"ITA\""};
const TextPattern kPlaceCountryPattern{3, 3, isUpperChar, "country",
                                       "an ISO 3166-1 alpha-3 code such as \"MYS\""};
const TextPattern kSha256Pattern{64, 64, isLowerHex, "sha256", "64 lowercase hex digits"};
const TextPattern kCameoPattern{2, 4, isDigitChar, "CAMEO code",
                                "2 to 4 digits as a string, leading zeros kept (\"042\")"};

std::string DatasetReader::id(const Cursor& c, IdTable& ids) {
    auto value = c.nonEmptyString();
    const auto [it, inserted] = ids.emplace(value, c.pointer());
    if (!inserted) c.fail("duplicate id " + inQuotes(value) + " (first at " + it->second + ")");
    return value;
}

std::string DatasetReader::reference(const Cursor& c, Target target) {
    auto value = c.nonEmptyString();
    references_.push_back({target, value, c.pointer()});
    return value;
}

model::Date DatasetReader::date(const Cursor& c) {
    std::string why;
    if (auto d = model::Date::tryParse(c.string(), &why)) return *d;
    c.fail(why);
}

std::optional<model::Date> DatasetReader::optionalDate(const Cursor& object, std::string_view key) {
    if (auto c = object.optional(key)) return date(*c);
    return std::nullopt;
}

std::optional<std::string> DatasetReader::optionalString(const Cursor& object,
                                                         std::string_view key) {
    if (auto c = object.optional(key)) return c->string();
    return std::nullopt;
}

std::string DatasetReader::matching(const Cursor& c, const TextPattern& p) {
    auto value = c.string();
    if (value.size() < p.minLength || value.size() > p.maxLength ||
        !std::all_of(value.begin(), value.end(), p.allowed)) {
        c.fail("invalid " + std::string(p.what) + " " + inQuotes(value) + ": expected " +
               std::string(p.expected));
    }
    return value;
}

std::optional<std::string> DatasetReader::optionalMatching(const Cursor& object,
                                                           std::string_view key,
                                                           const TextPattern& pattern) {
    if (auto c = object.optional(key)) return matching(*c, pattern);
    return std::nullopt;
}

std::optional<double> DatasetReader::optionalWithin(const Cursor& object, std::string_view key,
                                                    double low, double high) {
    const auto at = object.optional(key);
    if (!at) return std::nullopt;
    const auto v = at->number();
    if (v < low || v > high) {
        at->fail(std::string(key) + " " + at->json().dump() + " is outside [" +
                 std::to_string(static_cast<int>(low)) + ", " +
                 std::to_string(static_cast<int>(high)) + "]");
    }
    return v;
}

/// `later` may not lie wholly before `earlier` (partial dates compare by the days they cover).
void DatasetReader::requireNotBefore(const Cursor& laterAt, const model::Date& later,
                                     std::string_view laterName, const model::Date& earlier,
                                     std::string_view earlierName) {
    if (later.latest() < earlier.earliest()) {
        laterAt.fail(std::string(laterName) + " " + later.toString() + " is before " +
                     std::string(earlierName) + " " + earlier.toString());
    }
}

model::Attributes DatasetReader::attributesOf(const Cursor& object) {
    model::Attributes out;
    const auto c = object.optional("attributes");
    if (!c) return out;
    if (!c->json().is_object()) {
        c->fail("expected an object, got " + std::string(describeType(c->json())));
    }
    for (const auto& [key, value] : c->json().items()) {
        const Cursor v(value, c->pointer() + "/" + escapePointerToken(key), c->file());
        if (value.is_string())
            out.emplace(key, value.get<std::string>());
        else if (value.is_boolean())
            out.emplace(key, value.get<bool>());
        else if (value.is_number_integer())
            out.emplace(key, v.integer());
        else if (value.is_number())
            out.emplace(key, value.get<double>());
        else {
            v.fail("attribute values must be strings, numbers or booleans; got " +
                   std::string(describeType(value)));
        }
    }
    return out;
}

model::Evidence DatasetReader::evidence(const Cursor& c) {
    c.object({"source", "span", "quote", "basis", "confidence", "note"});
    model::Evidence e;
    e.source = reference(c.required("source"), Target::Source);
    if (auto span = c.optional("span")) {
        const auto ends = span->elements();
        if (ends.size() != 2) {
            span->fail("expected [start, end], an array of two integers; got " +
                       std::to_string(ends.size()) + " elements");
        }
        const auto start = ends[0].integer();
        const auto end = ends[1].integer();
        if (start < 0) ends[0].fail("span start " + std::to_string(start) + " is negative");
        if (end <= start) {
            ends[1].fail("span end " + std::to_string(end) + " is not after its start " +
                         std::to_string(start));
        }
        e.span = model::Span{start, end};
    }
    e.quote = optionalString(c, "quote");
    if (e.span) spans_.push_back({e.source, *e.span, e.quote, c.pointer()});  // [claims]
    if (auto basis = c.optional("basis")) e.basis = basis->enumeration<model::Basis>("basis");
    e.confidence = optionalWithin(c, "confidence", 0.0, 1.0);
    e.note = optionalString(c, "note");
    return e;
}

std::vector<model::Evidence> DatasetReader::evidenceOf(const Cursor& object) {
    std::vector<model::Evidence> out;
    if (auto list = object.optional("evidence")) {
        for (const auto& c : list->elements()) out.push_back(evidence(c));
    }
    return out;
}

/// [places] `place`: {name, country, lat, lon, gazetteer}. A version-1 `location` string is the
/// place's name; both may be given only when they agree.
void DatasetReader::readPlace(const Cursor& c, model::Event& e) {
    c.object({"name", "country", "lat", "lon", "gazetteer"});
    if (auto name = c.optional("name")) {
        auto value = name->nonEmptyString();
        if (e.location && *e.location != value) {
            name->fail("place name " + inQuotes(value) + " differs from location " +
                       inQuotes(*e.location) + " (give the place's name once)");
        }
        e.location = std::move(value);
    }
    e.place.country = optionalMatching(c, "country", kPlaceCountryPattern);
    e.place.latitude = optionalWithin(c, "lat", -90.0, 90.0);
    e.place.longitude = optionalWithin(c, "lon", -180.0, 180.0);
    if (e.place.latitude.has_value() != e.place.longitude.has_value()) {
        c.fail("a place's coordinates need both \"lat\" and \"lon\"");
    }
    if (auto id = c.optional("gazetteer")) {
        auto value = id->string();
        const auto colon = value.find(':');
        const auto scheme = value.substr(0, colon == std::string::npos ? 0 : colon);
        const bool known =
            scheme == "geonames" || scheme == "gns" || scheme == "gnis" || scheme == "fips";
        if (!known || colon + 1 >= value.size() ||
            value.find_first_of(" \t\n") != std::string::npos) {
            id->fail("invalid gazetteer id " + inQuotes(value) +
                     ": expected geonames:ID, gns:ID, gnis:ID or fips:CODE");
        }
        e.place.gazetteer = std::move(value);
    }
}

}  // namespace bilateral::io::detail
