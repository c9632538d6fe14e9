#pragma once
// Private to io: the bytes of an input as published. A plain file, a gzip file (`.gz`, several
// members allowed), the one event file of a zip archive (GDELT's `*.export.CSV.zip`), or
// standard input (`-`) holding any of these. The kind is told by the first bytes, never by the
// file name, and everything is read through one stream, so a pipe works.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace bilateral::io::detail {

/// The name inputs use for standard input in messages.
inline constexpr std::string_view kStdinName = "<stdin>";

/// Whether `file` names standard input (`-`).
inline bool isStdin(const std::filesystem::path& file) {
    return file == "-";
}

class ByteSource {
public:
    virtual ~ByteSource() = default;
    /// Up to `n` bytes into `buf`; 0 at the end. Throws ParseError when reading or decompressing
    /// fails.
    virtual std::size_t read(char* buf, std::size_t n) = 0;
    /// How far the input has been consumed, in the unit of `total()` (for progress).
    [[nodiscard]] virtual std::uint64_t consumed() const = 0;
    /// The input's size, 0 when unknown (a pipe).
    [[nodiscard]] virtual std::uint64_t total() const = 0;
};

/// What an opened input is.
struct Input {
    std::unique_ptr<ByteSource> bytes;
    std::string name;  ///< for messages: the path, `<stdin>`, or `archive.zip:member`
    /// How the bytes were stored, for messages: "" (plain), "gzip-compressed", "zip archive".
    std::string container;
};

/// Opens `file` (`-`: standard input) and unwraps gzip and zip. Throws ParseError naming the
/// file: missing, a directory, an archive without exactly one file in it, bzip2 / xz / 7z
/// compression (not read: decompress first).
Input openInput(const std::filesystem::path& file);

}  // namespace bilateral::io::detail
