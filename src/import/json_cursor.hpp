#pragma once
// Private to io: strict JSON reading with errors that name the file and the JSON pointer.
// `parseJson` turns syntax errors (and duplicate keys) into ParseError with `line N, column C`
// or a pointer; a `Cursor` is a value plus its pointer, with typed reads that fail there.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/error.hpp"
#include "bilateral/model/kinds.hpp"

namespace bilateral::io::detail {

/// Objects keep their keys in document order, so "the first unknown field" is the first in the
/// file.
using Json = nlohmann::ordered_json;

/// Throws ParseError naming `file` when it is missing, a directory or unreadable.
void requireReadableFile(const std::filesystem::path& file);
/// The bytes of `file`; errors as requireReadableFile.
std::string readWholeFile(const std::filesystem::path& file);

/// Parse `text`; a syntax error is a ParseError at `line N, column C`, a key repeated in one
/// object a ParseError at the pointer of the repeated key, an empty file a ParseError saying so,
/// nesting deeper than kMaxJsonDepth a ParseError before the parser runs (json_guard.hpp).
Json parseJson(std::string_view text, const std::string& file);

/// `~` → `~0`, `/` → `~1` (RFC 6901).
std::string escapePointerToken(std::string_view token);

/// "a string", "a number", "an object", ... for messages.
std::string_view describeType(const Json& value);

/// `a, b, c` for messages listing allowed values.
std::string joinNames(std::initializer_list<std::string_view> names);
std::string joinNames(const std::vector<std::string_view>& names);

/// A JSON value and where it is. Reads check types and fail with ParseError at `pointer`.
class Cursor {
public:
    Cursor(const Json& value, std::string pointer, const std::string& file)
        : value_(&value), pointer_(std::move(pointer)), file_(&file) {}

    [[nodiscard]] const Json& json() const noexcept { return *value_; }
    [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }
    [[nodiscard]] const std::string& file() const noexcept { return *file_; }

    /// Throws ParseError(file, pointer, reason).
    [[noreturn]] void fail(std::string reason) const;

    /// Requires an object whose every key is in `allowed`; an unknown key fails at its pointer.
    const Cursor& object(std::initializer_list<std::string_view> allowed) const;
    /// The member `key` of an object; missing fails at this object's pointer.
    [[nodiscard]] Cursor required(std::string_view key) const;
    /// The member `key` of an object, when present.
    [[nodiscard]] std::optional<Cursor> optional(std::string_view key) const;
    /// The elements of an array.
    [[nodiscard]] std::vector<Cursor> elements() const;

    [[nodiscard]] std::string string() const;
    /// A string of at least one character (ids and references).
    [[nodiscard]] std::string nonEmptyString() const;
    [[nodiscard]] std::int64_t integer() const;
    [[nodiscard]] double number() const;
    [[nodiscard]] std::vector<std::string> strings() const;

    /// One of the names of `Enum`; `what` names the vocabulary in the message ("actor kind").
    template <class Enum>
    [[nodiscard]] Enum enumeration(std::string_view what) const {
        const auto name = string();
        if (auto v = model::parse<Enum>(name)) return *v;
        const auto all = model::names<Enum>();
        failUnknownName(what, name, std::vector<std::string_view>(all.begin(), all.end()));
    }

private:
    [[noreturn]] void failExpected(std::string_view expected) const;
    [[noreturn]] void failUnknownName(std::string_view what, const std::string& name,
                                      const std::vector<std::string_view>& allowed) const;

    const Json* value_;
    std::string pointer_;
    const std::string* file_;
};

}  // namespace bilateral::io::detail
