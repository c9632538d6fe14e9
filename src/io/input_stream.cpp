// Inputs as published: plain, gzip (zlib's inflate, several members), zip (libzip, exactly one
// file in the archive), from a path or from standard input.

#include "input_stream.hpp"

#include <zip.h>
#include <zlib.h>

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

/// The one file of a zip archive.
class ZipSource final : public ByteSource {
public:
    ZipSource(zip_t* archive, zip_file_t* file, std::string memory, std::string name,
              std::uint64_t size)
        : archive_(archive),
          file_(file),
          memory_(std::move(memory)),
          name_(std::move(name)),
          size_(size) {}
    ~ZipSource() override {
        if (file_) zip_fclose(file_);
        if (archive_) zip_discard(archive_);
    }
    ZipSource(const ZipSource&) = delete;
    ZipSource& operator=(const ZipSource&) = delete;

    std::size_t read(char* buf, std::size_t n) override {
        const auto got = zip_fread(file_, buf, n);
        if (got < 0) {
            throw ParseError(name_, "",
                             std::string("zip member is damaged: ") +
                                 zip_error_strerror(zip_file_get_error(file_)));
        }
        consumed_ += static_cast<std::uint64_t>(got);
        return static_cast<std::size_t>(got);
    }
    [[nodiscard]] std::uint64_t consumed() const override { return consumed_; }
    [[nodiscard]] std::uint64_t total() const override { return size_; }

private:
    zip_t* archive_;
    zip_file_t* file_;
    std::string memory_;  ///< the whole archive, when it came through standard input
    std::string name_;
    std::uint64_t size_;
    std::uint64_t consumed_ = 0;
};

[[noreturn]] void zipFail(const std::string& name, zip_error_t* error) {
    const std::string why = zip_error_strerror(error);
    zip_error_fini(error);
    throw ParseError(name, "", "not a readable zip archive: " + why);
}

Input openZip(const std::filesystem::path& file, std::string name, std::string memory) {
    zip_error_t error;
    zip_error_init(&error);
    zip_t* archive = nullptr;
    if (memory.empty() && !isStdin(file)) {
        int code = 0;
        archive = zip_open(file.c_str(), ZIP_RDONLY, &code);
        if (!archive) {
            zip_error_init_with_code(&error, code);
            zipFail(name, &error);
        }
    } else {
        zip_source_t* src = zip_source_buffer_create(memory.data(), memory.size(), 0, &error);
        if (!src) zipFail(name, &error);
        archive = zip_open_from_source(src, ZIP_RDONLY, &error);
        if (!archive) {
            zip_source_free(src);
            zipFail(name, &error);
        }
    }
    // The event file: every entry but folders and macOS resource forks.
    std::vector<zip_uint64_t> files;
    std::string listed;
    const auto entries = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const std::string_view entry = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
        if (entry.empty() || entry.back() == '/' || entry.starts_with("__MACOSX/")) continue;
        files.push_back(static_cast<zip_uint64_t>(i));
        if (files.size() <= 5) listed += (listed.empty() ? "" : ", ") + std::string(entry);
    }
    if (files.size() != 1) {
        zip_discard(archive);
        throw ParseError(name, "",
                         files.empty()
                             ? std::string("zip archive holds no file")
                             : "zip archive holds " + std::to_string(files.size()) + " files (" +
                                   listed + (files.size() > 5 ? ", ..." : "") +
                                   "); bilateral reads an archive of one event file; "
                                   "unzip it and import the files");
    }
    zip_stat_t st;
    zip_stat_init(&st);
    zip_stat_index(archive, files.front(), 0, &st);
    zip_file_t* member = zip_fopen_index(archive, files.front(), 0);
    if (!member) {
        const std::string why = zip_strerror(archive);
        zip_discard(archive);
        throw ParseError(name, "", "cannot read the zip member: " + why);
    }
    const std::string memberName = zip_get_name(archive, files.front(), 0);
    const auto size = (st.valid & ZIP_STAT_SIZE) ? static_cast<std::uint64_t>(st.size) : 0;
    auto full = name + ":" + memberName;
    Input in;
    in.bytes = std::make_unique<ZipSource>(archive, member, std::move(memory), full, size);
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
            // libzip needs to seek: keep the archive that came through the pipe in memory.
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
