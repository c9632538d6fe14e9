#pragma once
// Private to io: the text primitives of the event-file readers. A streaming line reader (one
// large buffer, never the whole file), tab splitting, UTF-8 validation, strict number and date
// parsing, and JSON text for attributes, all without allocating per row.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/model/date.hpp"

namespace bilateral::io::detail {

/// The longest line an event file may have. Real rows are a few hundred bytes; a longer line is
/// not an event row (a binary file, a field run wild) and is refused before it fills memory.
inline constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;

class ByteSource;

/// Reads an input (a file, `-` for standard input; plain, gzip or zip: input_stream.hpp) line by
/// line through one buffer (lines longer than it grow it). Line ends are LF, a CR before it is
/// dropped. Calls `progress` about every 64 KiB of input and once when the last line is read. A
/// line longer than kMaxLineBytes is a ParseError.
class LineReader {
public:
    /// (name, bytes read, size or 0 when unknown, lines read, whether the end was reached)
    using Progress =
        std::function<void(const std::string&, std::uint64_t, std::uint64_t, std::int64_t, bool)>;
    /// Throws ParseError naming the file when it cannot be opened.
    LineReader(const std::filesystem::path& file, Progress progress,
               std::size_t bufferSize = std::size_t{1} << 20);
    ~LineReader();
    /// Up to `n` bytes ahead of the next line, without consuming them (fewer at the end).
    std::string_view peek(std::size_t n);
    /// Everything not read yet (for dataset documents, which are parsed whole).
    std::string readAll();
    /// How the bytes were stored: "" (plain), "gzip-compressed" or "zip archive".
    [[nodiscard]] const std::string& container() const noexcept { return container_; }
    /// Whether this is standard input.
    [[nodiscard]] bool fromStdin() const noexcept { return stdin_; }
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    /// The next line (valid until the next call), or false at the end of the file. The last line
    /// needs no line end.
    bool next(std::string_view& line);
    /// 1-based number of the line `next` returned last.
    [[nodiscard]] std::int64_t lineNumber() const noexcept { return line_; }
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    /// Whether the last line returned was followed by a line end.
    [[nodiscard]] bool lastHadNewline() const noexcept { return hadNewline_; }

private:
    bool fill();
    /// Calls progress once, when the last line has been read.
    void reportEnd();
    std::unique_ptr<ByteSource> src_;
    std::string name_, container_;
    bool stdin_ = false;
    Progress progress_;
    std::vector<char> buf_;
    std::size_t begin_ = 0, end_ = 0;
    std::uint64_t reported_ = 0;
    std::int64_t line_ = 0;
    bool eof_ = false, hadNewline_ = false, endReported_ = false;
};

/// Whether `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool validUtf8(std::string_view s) noexcept;

/// The first control character of `line` other than tab (U+0000..U+001F; a CR before the line
/// end is already gone), or npos. No field of an event file holds one: a NUL or a stray control
/// byte means a binary or damaged file.
std::size_t findControl(std::string_view line) noexcept;
/// "not valid UTF-8" / "control character U+0001 in field 4" when `line` is not plain text
/// (empty when it is): the check both readers make on every line.
std::string textProblem(std::string_view line);

/// Splits `line` at tabs into `out` (cleared first); returns the number of fields.
std::size_t splitTabs(std::string_view line, std::vector<std::string_view>& out);

/// Strict numbers: an optional '-', digits, (for decimals) an optional fraction and exponent.
/// No spaces, no '+', no "inf"/"nan".
bool parseInt64(std::string_view s, std::int64_t& out) noexcept;
bool parseDecimal(std::string_view s, double& out) noexcept;
/// Whether `s` is a number as JSON writes it (so it can be copied into JSON text as is).
bool isJsonNumber(std::string_view s) noexcept;

/// `YYYY-MM-DD` and `YYYYMMDD`, real calendar days only.
std::optional<model::DayNumber> parseIsoDay(std::string_view s) noexcept;
std::optional<model::DayNumber> parseCompactDay(std::string_view s) noexcept;

/// Appends `s` as a JSON string literal (quotes included).
void appendJsonString(std::string& out, std::string_view s);
/// Appends a double in JSON's shortest round-trip form.
void appendJsonDouble(std::string& out, double v);
void appendInt(std::string& out, std::int64_t v);

/// "Story ID" → "story_id": ASCII letters lower-cased, every run of other characters one '_'.
std::string snakeCase(std::string_view header);
/// "Atlantis Republic" → "atlantis-republic": lower case, every run of ASCII non-alphanumerics
/// one '-', none at either end; non-ASCII letters are kept as they are.
std::string slug(std::string_view text);
/// ASCII case-insensitive equality.
bool equalsIgnoreCase(std::string_view a, std::string_view b) noexcept;

/// Heterogeneous hash for unordered maps keyed by std::string.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

}  // namespace bilateral::io::detail
