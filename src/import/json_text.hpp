#pragma once
// Private to import: JSON text written by hand for the attributes the event importers store
// (a JSON object per row, keys in order), into a reused buffer: no allocation per row.

#include <cstdint>
#include <string>
#include <string_view>

namespace bilateral::io::detail {

/// Appends `s` (valid UTF-8) as a JSON string literal, quotes included.
void appendJsonString(std::string& out, std::string_view s);
/// Appends a double in JSON's shortest round-trip form (a whole number gets ".0").
void appendJsonDouble(std::string& out, double v);
void appendInt(std::string& out, std::int64_t v);

/// Builds a JSON object's text, one member at a time, into a reused buffer. Members come in the
/// order the caller adds them (the importers add them in key order, as the store writes them).
class JsonObject {
public:
    void clear() {
        text_.assign(1, '{');
        empty_ = true;
    }
    void text(std::string_view key, std::string_view value) {
        member(key);
        appendJsonString(text_, value);
    }
    /// A number already checked to be in JSON's grammar (isJsonNumber).
    void number(std::string_view key, std::string_view jsonNumber) {
        member(key);
        text_ += jsonNumber;
    }
    void integer(std::string_view key, std::int64_t v) {
        member(key);
        appendInt(text_, v);
    }
    void real(std::string_view key, double v) {
        member(key);
        appendJsonDouble(text_, v);
    }
    /// The object's text, or empty when it has no member.
    std::string_view finish() {
        if (empty_) return {};
        text_ += '}';
        return text_;
    }

private:
    void member(std::string_view key) {
        if (!empty_) text_ += ',';
        empty_ = false;
        appendJsonString(text_, key);
        text_ += ':';
    }
    std::string text_ = "{";
    bool empty_ = true;
};

}  // namespace bilateral::io::detail
