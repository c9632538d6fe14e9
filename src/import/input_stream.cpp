// Inputs as published: plain, gzip (zlib's inflate, several members), zip (minizip, exactly one
// file in the archive), from a path or from standard input.

#include "input_stream.hpp"

#include <unzip.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include "bilateral/error.hpp"

namespace bilateral::io::detail {
namespace {

/// A FILE* (a path or standard input), with bytes already read for sniffing put back in front.
class RawSource final : public ByteSource {
public:
    RawSource(std::FILE* f, bool owned, std::string name, std::uint64_t size)
        : f_(f), owned_(owned), name_(std::move(name)), size_(size) {}
    ~RawSource() override {
        if (owned_ && f_) std::fclose(f_);
    }
    RawSource(const RawSource&) = delete;
    RawSource& operator=(const RawSource&) = delete;

    /// Reads up to `n` bytes and keeps them to be read again.
    std::string_view sniff(std::size_t n) {
        while (pending_.size() - at_ < n) {
            char buf[512];
            const auto got =
                std::fread(buf, 1, std::min(sizeof buf, n - (pending_.size() - at_)), f_);
            if (got == 0) {
                failIfError();
                break;
            }
            pending_.append(buf, got);
        }
        return std::string_view(pending_).substr(at_);
    }

    std::size_t read(char* buf, std::size_t n) override {
        if (at_ < pending_.size()) {
            const auto k = std::min(n, pending_.size() - at_);
            std::memcpy(buf, pending_.data() + at_, k);
            at_ += k;
            consumed_ += k;
            return k;
        }
        const auto got = std::fread(buf, 1, n, f_);
        if (got == 0) failIfError();
        consumed_ += got;
        return got;
    }
    [[nodiscard]] std::uint64_t consumed() const override { return consumed_; }
    [[nodiscard]] std::uint64_t total() const override { return size_; }

private:
    void failIfError() const {
        if (std::ferror(f_))
            throw ParseError(name_, "", std::string("read failed: ") + std::strerror(errno));
    }
    std::FILE* f_;
    bool owned_;
    std::string name_;
    std::uint64_t size_;
    std::string pending_;
    std::size_t at_ = 0;
    std::uint64_t consumed_ = 0;
};

/// gzip through zlib's inflate on top of a raw source; concatenated members are read on.
class GzipSource final : public ByteSource {
public:
    GzipSource(std::unique_ptr<RawSource> raw, std::string name)
        : raw_(std::move(raw)), name_(std::move(name)), in_(64 * 1024) {
        if (inflateInit2(&z_, 15 + 16) != Z_OK) fail("cannot start gzip decompression");
    }
    ~GzipSource() override { inflateEnd(&z_); }
    GzipSource(const GzipSource&) = delete;
    GzipSource& operator=(const GzipSource&) = delete;

    std::size_t read(char* buf, std::size_t n) override {
        z_.next_out = reinterpret_cast<Bytef*>(buf);
        z_.avail_out = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
        while (z_.avail_out > 0 && !done_) {
            if (z_.avail_in == 0) {
                const auto got = raw_->read(in_.data(), in_.size());
                if (got == 0) {
                    if (memberEnded_) {
                        done_ = true;
                        break;
                    }
                    fail("gzip data ends early (a truncated .gz file)");
                }
                z_.next_in = reinterpret_cast<Bytef*>(in_.data());
                z_.avail_in = static_cast<uInt>(got);
            }
            if (memberEnded_) {
                // More bytes after a member: the next member of a multi-member file.
                if (inflateReset(&z_) != Z_OK) fail("cannot restart gzip decompression");
                memberEnded_ = false;
            }
            const int rc = inflate(&z_, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                memberEnded_ = true;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                fail(std::string("gzip data is damaged: ") + (z_.msg ? z_.msg : "inflate failed"));
            }
        }
        return n - z_.avail_out;
    }
    [[nodiscard]] std::uint64_t consumed() const override { return raw_->consumed(); }
    [[nodiscard]] std::uint64_t total() const override { return raw_->total(); }

private:
    [[noreturn]] void fail(const std::string& why) const { throw ParseError(name_, "", why); }
    std::unique_ptr<RawSource> raw_;
    std::string name_;
    std::vector<char> in_;
    z_stream z_{};
    bool memberEnded_ = false, done_ = false;
};

/// An archive held in memory (it came through standard input), as minizip's file functions.
struct MemoryFile {
    const std::string* bytes = nullptr;
    ZPOS64_T pos = 0;
};

voidpf memOpen(voidpf opaque, const void* /*name*/, int /*mode*/) {
    return opaque;
}
uLong memRead(voidpf /*opaque*/, voidpf stream, void* buf, uLong size) {
    auto* m = static_cast<MemoryFile*>(stream);
    const auto left = m->bytes->size() - std::min<std::size_t>(m->pos, m->bytes->size());
    const auto n = std::min<std::size_t>(size, left);
    std::memcpy(buf, m->bytes->data() + m->pos, n);
    m->pos += n;
    return static_cast<uLong>(n);
}
uLong memWrite(voidpf, voidpf, const void*, uLong) {
    return 0;
}
ZPOS64_T memTell(voidpf /*opaque*/, voidpf stream) {
    return static_cast<MemoryFile*>(stream)->pos;
}
long memSeek(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin) {
    auto* m = static_cast<MemoryFile*>(stream);
    ZPOS64_T base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR) base = m->pos;
    if (origin == ZLIB_FILEFUNC_SEEK_END) base = m->bytes->size();
    if (base + offset > m->bytes->size()) return -1;
    m->pos = base + offset;
    return 0;
}
int memClose(voidpf, voidpf) {
    return 0;
}
int memError(voidpf, voidpf) {
    return 0;
}

/// The one file of a zip archive, read with minizip (zlib's own zip reader).
class ZipSource final : public ByteSource {
public:
    ZipSource(unzFile archive, std::unique_ptr<MemoryFile> memoryFile, std::string memory,
              std::string name, std::uint64_t size)
        : archive_(archive),
          memoryFile_(std::move(memoryFile)),
          memory_(std::move(memory)),
          name_(std::move(name)),
          size_(size) {
        if (memoryFile_) memoryFile_->bytes = &memory_;
    }
    ~ZipSource() override {
        unzCloseCurrentFile(archive_);
        unzClose(archive_);
    }
    ZipSource(const ZipSource&) = delete;
    ZipSource& operator=(const ZipSource&) = delete;

    std::size_t read(char* buf, std::size_t n) override {
        const int got = unzReadCurrentFile(
            archive_, buf, static_cast<unsigned>(std::min<std::size_t>(n, 1u << 30)));
        if (got < 0) {
            throw ParseError(name_, "",
                             "zip member is damaged (minizip error " + std::to_string(got) + ")");
        }
        if (got == 0 && unzCloseCurrentFile(archive_) == UNZ_CRCERROR) {
            throw ParseError(name_, "", "zip member is damaged (CRC mismatch)");
        }
        consumed_ += static_cast<std::uint64_t>(got);
        return static_cast<std::size_t>(got);
    }
    [[nodiscard]] std::uint64_t consumed() const override { return consumed_; }
    [[nodiscard]] std::uint64_t total() const override { return size_; }

private:
    unzFile archive_;
    std::unique_ptr<MemoryFile> memoryFile_;
    std::string memory_;  ///< the whole archive, when it came through standard input
    std::string name_;
    std::uint64_t size_;
    std::uint64_t consumed_ = 0;
};

Input openZip(const std::filesystem::path& file, std::string name, std::string memory) {
    unzFile archive = nullptr;
    std::unique_ptr<MemoryFile> memoryFile;
    if (memory.empty() && !isStdin(file)) {
        archive = unzOpen64(file.c_str());
    } else {
        memoryFile = std::make_unique<MemoryFile>();
        memoryFile->bytes = &memory;
        zlib_filefunc64_def io{};
        io.zopen64_file = memOpen;
        io.zread_file = memRead;
        io.zwrite_file = memWrite;
        io.ztell64_file = memTell;
        io.zseek64_file = memSeek;
        io.zclose_file = memClose;
        io.zerror_file = memError;
        io.opaque = memoryFile.get();
        archive = unzOpen2_64("memory", &io);
    }
    if (!archive) throw ParseError(name, "", "not a readable zip archive");
    // The event file: every entry but folders and macOS resource forks.
    std::vector<unz64_file_pos> files;
    std::string listed, memberName;
    std::uint64_t size = 0;
    for (int rc = unzGoToFirstFile(archive); rc == UNZ_OK; rc = unzGoToNextFile(archive)) {
        unz_file_info64 info{};
        char entryName[4096] = {};
        if (unzGetCurrentFileInfo64(archive, &info, entryName, sizeof entryName, nullptr, 0,
                                    nullptr, 0) != UNZ_OK) {
            break;
        }
        const std::string_view entry(entryName);
        if (entry.empty() || entry.back() == '/' || entry.starts_with("__MACOSX/")) continue;
        unz64_file_pos pos{};
        unzGetFilePos64(archive, &pos);
        files.push_back(pos);
        if (files.size() == 1) {
            memberName = std::string(entry);
            size = info.uncompressed_size;
        }
        if (files.size() <= 5) listed += (listed.empty() ? "" : ", ") + std::string(entry);
    }
    if (files.size() != 1) {
        unzClose(archive);
        throw ParseError(name, "",
                         files.empty()
                             ? std::string("zip archive holds no file")
                             : "zip archive holds " + std::to_string(files.size()) + " files (" +
                                   listed + (files.size() > 5 ? ", ..." : "") +
                                   "); bilateral reads an archive of one event file; "
                                   "unzip it and import the files");
    }
    if (unzGoToFilePos64(archive, &files.front()) != UNZ_OK ||
        unzOpenCurrentFile(archive) != UNZ_OK) {
        unzClose(archive);
        throw ParseError(name, "", "cannot read the zip member " + memberName);
    }
    auto full = name + ":" + memberName;
    Input in;
    // The source keeps the archive's bytes (when in memory) where minizip reads them from.
    in.bytes =
        std::make_unique<ZipSource>(archive, std::move(memoryFile), std::move(memory), full, size);
    in.name = std::move(full);
    in.container = "zip archive";
    return in;
}

}  // namespace

Input openInput(const std::filesystem::path& file) {
    const bool stdinInput = isStdin(file);
    std::string name = stdinInput ? std::string(kStdinName) : file.string();
    std::FILE* f = stdin;
    std::uint64_t size = 0;
    if (!stdinInput) {
        std::error_code ec;
        const auto status = std::filesystem::status(file, ec);
        if (status.type() == std::filesystem::file_type::not_found) {
            throw ParseError(name, "", "no such file");
        }
        if (status.type() == std::filesystem::file_type::directory) {
            throw ParseError(name, "", "is a directory, not a file");
        }
        f = std::fopen(file.c_str(), "rb");
        if (!f) throw ParseError(name, "", std::string("cannot open: ") + std::strerror(errno));
        const auto bytes = std::filesystem::file_size(file, ec);
        size = ec ? 0 : static_cast<std::uint64_t>(bytes);
    }
    auto raw = std::make_unique<RawSource>(f, !stdinInput, name, size);
    const auto magic = raw->sniff(6);
    if (magic.starts_with("PK\x03\x04") || magic.starts_with("PK\x05\x06")) {
        std::string memory;
        if (stdinInput) {
            // A zip reader needs to seek: keep the archive that came through the pipe in memory.
            char buf[64 * 1024];
            while (const auto got = raw->read(buf, sizeof buf)) memory.append(buf, got);
        }
        raw.reset();
        return openZip(file, std::move(name), std::move(memory));
    }
    if (magic.starts_with("\x1f\x8b")) {
        Input in;
        in.bytes = std::make_unique<GzipSource>(std::move(raw), name);
        in.name = std::move(name);
        in.container = "gzip-compressed";
        return in;
    }
    for (const auto& [prefix, what] :
         {std::pair<std::string_view, std::string_view>{"BZh", "bzip2"},
          {"\xFD"
           "7zXZ",
           "xz"},
          {"7z\xBC\xAF", "7-Zip"}}) {
        if (magic.starts_with(prefix)) {
            throw ParseError(name, "",
                             std::string(what) +
                                 "-compressed; bilateral reads plain, .gz and .zip files: "
                                 "decompress it first");
        }
    }
    Input in;
    in.bytes = std::move(raw);
    in.name = std::move(name);
    return in;
}

}  // namespace bilateral::io::detail
