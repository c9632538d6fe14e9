#pragma once
// Private to import: the streaming line reader of the event files and of dataset documents. One
// large buffer, never the whole file; progress reported as it reads.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace bilateral::io::detail
