#pragma once
// Writing an output file safely: never over the database, never half a file where a good one
// was. Every verb that writes a file (export -o, report -o) goes through this.

#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>

namespace bilateral::io {

/// Throws InvalidArgumentError, naming both paths, when `output` is the database `db`, its
/// -wal, -shm or -journal file, or one of them by another name (a hard or symbolic link, a
/// path through other folders): compared by device and inode when both exist, else by their
/// resolved paths.
void refuseOutputOverDatabase(const std::filesystem::path& output, const std::filesystem::path& db);

/// A file written under a temporary name beside its target (same folder, so the rename is
/// atomic) and renamed into place by commit(). Until then the target keeps its old contents;
/// destroyed without commit() (an error, an exception), the temporary file is removed.
/// Replacing a file keeps its permission bits; a new file gets the usual 0666 less the umask.
/// A symbolic link as target is followed (the file it points to is replaced); a target that
/// exists and is not a regular file (/dev/null, a named pipe) is written directly.
class AtomicOutputFile {
public:
    /// Throws StorageError naming `target` when the temporary file cannot be made.
    explicit AtomicOutputFile(const std::filesystem::path& target);
    ~AtomicOutputFile();
    AtomicOutputFile(const AtomicOutputFile&) = delete;
    AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

    std::ostream& stream() { return out_; }
    /// The temporary file (empty when writing directly); for a signal handler to remove.
    [[nodiscard]] const std::filesystem::path& temporary() const noexcept { return tmp_; }
    [[nodiscard]] const std::filesystem::path& target() const noexcept { return target_; }
    /// Flushes, syncs and renames the temporary file into place. Throws StorageError naming the
    /// target (a full disk, a failed write); the temporary file is removed then.
    void commit();

private:
    void discard() noexcept;
    std::filesystem::path target_, tmp_;
    std::ofstream out_;
    int fd_ = -1;
    bool committed_ = false;
};

/// Writes `target` through an AtomicOutputFile: `write` fills the stream, then it is committed.
void writeFileAtomically(const std::filesystem::path& target,
                         const std::function<void(std::ostream&)>& write);

}  // namespace bilateral::io
