// Output files: refused over the database, written beside and renamed into place.

#include "bilateral/export/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include "bilateral/error.hpp"

namespace bilateral::io {

namespace fs = std::filesystem;

namespace {

/// `p` with its symbolic links followed, also a link to a file that does not exist yet (which
/// weakly_canonical leaves as it is), made absolute and normal.
fs::path resolved(fs::path p, std::error_code& ec) {
    p = fs::absolute(p, ec);
    for (int hops = 0; hops < 40 && fs::is_symlink(p, ec); ++hops) {
        const auto to = fs::read_symlink(p, ec);
        if (ec) break;
        p = to.is_absolute() ? to : p.parent_path() / to;
    }
    return fs::weakly_canonical(p, ec);
}

}  // namespace

void refuseOutputOverDatabase(const fs::path& output, const fs::path& db) {
    if (output.empty() || output == "-") return;
    std::error_code ec;
    const auto outResolved = resolved(output, ec);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        fs::path candidate = db;
        candidate += suffix;
        std::error_code e1, e2;
        bool same = false;
        if (fs::exists(output, e1) && fs::exists(candidate, e2)) {
            same = fs::equivalent(output, candidate, e1);  // same device and inode
        }
        if (!same) {
            same = !ec && resolved(candidate, e2) == outResolved && !e2;
        }
        if (same) {
            const std::string what = *suffix ? std::string("the database's ") + (suffix + 1) +
                                                   " file " + candidate.string()
                                             : "the database " + candidate.string();
            throw InvalidArgumentError("-o " + output.string() + " is " + what +
                                       "; nothing was written (give another output file)");
        }
    }
}

namespace {

[[noreturn]] void cannotWrite(const fs::path& target, const std::string& why) {
    throw StorageError("cannot write " + target.string() + ": " + why);
}

mode_t newFileMode() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return static_cast<mode_t>(0666 & ~mask);
}

}  // namespace

AtomicOutputFile::AtomicOutputFile(const fs::path& target) : target_(target) {
    std::error_code ec;
    // Follow a symbolic link: the file it points to is the one replaced, the link stays.
    if (fs::is_symlink(target_, ec)) target_ = resolved(target_, ec);
    const auto status = fs::status(target_, ec);
    if (fs::is_directory(status)) cannotWrite(target_, "is a directory");
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        // A device or a pipe: there is nothing to keep; write into it.
        out_.open(target_, std::ios::binary);
        if (!out_) cannotWrite(target_, std::strerror(errno));
        return;
    }
    const auto dir = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
    std::string pattern = (dir / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
    fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd_ < 0) cannotWrite(target_, std::strerror(errno));
    tmp_ = pattern;
    struct stat old {};
    const mode_t mode = ::stat(target_.c_str(), &old) == 0 ? (old.st_mode & 07777) : newFileMode();
    if (::fchmod(fd_, mode) != 0) {
        const int e = errno;
        discard();
        cannotWrite(target_, std::strerror(e));
    }
    out_.open(tmp_, std::ios::binary | std::ios::trunc);
    if (!out_) {
        const int e = errno;
        discard();
        cannotWrite(target_, std::strerror(e));
    }
}

AtomicOutputFile::~AtomicOutputFile() {
    if (!committed_) discard();
}

void AtomicOutputFile::discard() noexcept {
    if (out_.is_open()) out_.close();
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!tmp_.empty()) ::unlink(tmp_.c_str());
}

void AtomicOutputFile::commit() {
    errno = 0;
    out_.flush();
    const bool good = static_cast<bool>(out_);
    const int e = errno;
    out_.close();
    if (!good || !out_) {
        discard();
        cannotWrite(target_, e ? std::strerror(e) : "write failed");
    }
    if (tmp_.empty()) {  // written directly
        committed_ = true;
        return;
    }
    if (::fsync(fd_) != 0) {
        const int err = errno;
        discard();
        cannotWrite(target_, std::strerror(err));
    }
    ::close(fd_);
    fd_ = -1;
    if (::rename(tmp_.c_str(), target_.c_str()) != 0) {
        const int err = errno;
        discard();
        cannotWrite(target_, std::strerror(err));
    }
    committed_ = true;
}

void writeFileAtomically(const fs::path& target, const std::function<void(std::ostream&)>& write) {
    AtomicOutputFile file(target);
    write(file.stream());
    file.commit();
}

}  // namespace bilateral::io
