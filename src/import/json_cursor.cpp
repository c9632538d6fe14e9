#include "json_cursor.hpp"

#include "json_guard.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

namespace bilateral::io::detail {
namespace {

/// Follows the parser's callbacks to know the pointer of the value being read, and rejects a
/// key repeated within one object (nlohmann would silently keep the last).
class PathTracker {
public:
    explicit PathTracker(const std::string& file) : file_(file) {}

    bool operator()(int /*depth*/, nlohmann::detail::parse_event_t event, Json& parsed) {
        using E = nlohmann::detail::parse_event_t;
        switch (event) {
            case E::object_start:
                frames_.push_back(Frame{false});
                break;
            case E::array_start:
                frames_.push_back(Frame{true});
                break;
            case E::key: {
                auto& top = frames_.back();
                auto key = parsed.get<std::string>();
                if (!top.keys.insert(key).second) {
                    throw ParseError(file_, pointerTo(key), "duplicate key \"" + key + "\"");
                }
                top.key = std::move(key);
                break;
            }
            case E::value:
                advance();
                break;
            case E::object_end:
            case E::array_end:
                frames_.pop_back();
                advance();
                break;
        }
        return true;
    }

    /// Pointer of the value being read (the one after the last key or element), for errors the
    /// parser reports without a position, such as a number too large for a double.
    std::string currentPointer() const {
        std::string p;
        for (const auto& f : frames_) p += '/' + token(f);
        return p;
    }

private:
    struct Frame {
        bool array = false;
        std::size_t index = 0;
        std::string key;
        std::set<std::string, std::less<>> keys;
    };

    void advance() {
        if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    }

    /// Pointer of `key` in the innermost object.
    std::string pointerTo(const std::string& key) const {
        std::string p;
        for (std::size_t i = 0; i + 1 < frames_.size(); ++i) p += '/' + token(frames_[i]);
        return p + "/" + escapePointerToken(key);
    }

    static std::string token(const Frame& f) {
        return f.array ? std::to_string(f.index) : escapePointerToken(f.key);
    }

    const std::string& file_;
    std::vector<Frame> frames_;
};

bool onlySpace(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

}  // namespace

void requireReadableFile(const std::filesystem::path& file) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (status.type() == std::filesystem::file_type::not_found) {
        throw ParseError(file.string(), "", "no such file");
    }
    if (status.type() == std::filesystem::file_type::directory) {
        throw ParseError(file.string(), "", "is a directory, not a file");
    }
    if (ec) throw ParseError(file.string(), "", "cannot read: " + ec.message());
}

std::string readWholeFile(const std::filesystem::path& file) {
    requireReadableFile(file);
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw ParseError(file.string(), "", std::string("cannot open: ") + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw ParseError(file.string(), "", "read failed");
    return std::move(text).str();
}

Json parseJson(std::string_view text, const std::string& file) {
    if (onlySpace(text)) throw ParseError(file, "", "empty file; expected a JSON document");
    checkJsonLimits(text, file);
    PathTracker tracker(file);
    try {
        return Json::parse(text.begin(), text.end(),
                           [&tracker](int depth, nlohmann::detail::parse_event_t event,
                                      Json& parsed) { return tracker(depth, event, parsed); });
    } catch (const nlohmann::json::parse_error& e) {
        // "[json.exception.parse_error.101] parse error at line 3, column 5: reason"
        const std::string what = e.what();
        const auto at = what.find("line ");
        const auto colon = what.find(": ", at == std::string::npos ? 0 : at);
        if (at == std::string::npos || colon == std::string::npos) {
            throw ParseError(file, "byte " + std::to_string(e.byte), what);
        }
        throw ParseError(file, what.substr(at, colon - at), what.substr(colon + 2));
    } catch (const nlohmann::json::exception& e) {
        // "[json.exception.out_of_range.406] number overflow parsing '1e400'"
        std::string what = e.what();
        if (const auto end = what.find("] ");
            what.starts_with("[json.exception") && end != std::string::npos) {
            what.erase(0, end + 2);
        }
        throw ParseError(file, tracker.currentPointer(), what);
    }
}

std::string escapePointerToken(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string_view describeType(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::object:
            return "an object";
        case Json::value_t::array:
            return "an array";
        case Json::value_t::string:
            return "a string";
        case Json::value_t::boolean:
            return "a boolean";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
            return "an integer";
        case Json::value_t::number_float:
            return "a number";
        case Json::value_t::binary:
        case Json::value_t::discarded:
            break;
    }
    return "a value of no JSON type";
}

std::string joinNames(const std::vector<std::string_view>& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

std::string joinNames(std::initializer_list<std::string_view> names) {
    return joinNames(std::vector<std::string_view>(names));
}

void Cursor::fail(std::string reason) const {
    throw ParseError(*file_, pointer_, std::move(reason));
}

void Cursor::failExpected(std::string_view expected) const {
    fail("expected " + std::string(expected) + ", got " + std::string(describeType(*value_)));
}

void Cursor::failUnknownName(std::string_view what, const std::string& name,
                             const std::vector<std::string_view>& allowed) const {
    fail("unknown " + std::string(what) + " \"" + name +
         "\"; expected one of: " + joinNames(allowed));
}

const Cursor& Cursor::object(std::initializer_list<std::string_view> allowed) const {
    if (!value_->is_object()) failExpected("an object");
    for (const auto& [key, value] : value_->items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            Cursor(value, pointer_ + "/" + escapePointerToken(key), *file_)
                .fail("unknown field \"" + key + "\"; expected one of: " + joinNames(allowed));
        }
    }
    return *this;
}

Cursor Cursor::required(std::string_view key) const {
    if (auto c = optional(key)) return std::move(*c);
    fail("missing required field \"" + std::string(key) + "\"");
}

std::optional<Cursor> Cursor::optional(std::string_view key) const {
    if (!value_->is_object()) failExpected("an object");
    const auto it = value_->find(key);
    if (it == value_->end()) return std::nullopt;
    return Cursor(*it, pointer_ + "/" + escapePointerToken(key), *file_);
}

std::vector<Cursor> Cursor::elements() const {
    if (!value_->is_array()) failExpected("an array");
    std::vector<Cursor> out;
    out.reserve(value_->size());
    std::size_t i = 0;
    for (const auto& v : *value_) out.emplace_back(v, pointer_ + "/" + std::to_string(i++), *file_);
    return out;
}

std::string Cursor::string() const {
    if (!value_->is_string()) failExpected("a string");
    return value_->get<std::string>();
}

std::string Cursor::nonEmptyString() const {
    auto s = string();
    if (s.empty()) fail("expected a non-empty string");
    return s;
}

std::int64_t Cursor::integer() const {
    if (value_->is_number_unsigned()) {
        const auto u = value_->get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            fail("integer " + std::to_string(u) + " is too large");
        }
        return static_cast<std::int64_t>(u);
    }
    if (!value_->is_number_integer()) failExpected("an integer");
    return value_->get<std::int64_t>();
}

double Cursor::number() const {
    if (!value_->is_number()) failExpected("a number");
    return value_->get<double>();
}

std::vector<std::string> Cursor::strings() const {
    std::vector<std::string> out;
    for (const auto& e : elements()) out.push_back(e.string());
    return out;
}

}  // namespace bilateral::io::detail
