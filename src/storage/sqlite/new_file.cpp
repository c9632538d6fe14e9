// A new database file made whole before it gets its name (OpenOptions::createAtCommit): built
// under a temporary name beside it with its rollback journal in memory and no syncs — nothing on
// disk but the file itself — then synced at the first commit, linked under its name and opened
// again there in WAL mode, as every file of the engine. Closed before that commit (an error, an
// interrupt), the store removes the temporary file: no half-made file is ever under the name (a
// killed process leaves `NAME.creating-PID`, which the next process of that id removes).

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "schema.hpp"
#include "store_impl.hpp"

namespace bilateral::sqlite {

namespace detail {

std::filesystem::path creatingName(const std::filesystem::path& file) {
    auto tmp = file;
    tmp += ".creating-" + std::to_string(::getpid());
    return tmp;
}

void removeCreating(const std::filesystem::path& tmp) noexcept {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(tmp.string() + suffix, ec);
}

}  // namespace detail

namespace {

/// Writes what the kernel holds of `path` (a file, or a folder's entries) to the disk.
bool syncPath(const std::filesystem::path& path, int flags) noexcept {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

Store Store::openUnplaced(const std::filesystem::path& file, const OpenOptions& options) {
    const auto tmp = detail::creatingName(file);
    detail::removeCreating(tmp);  // left by an earlier process with this id that was killed
    try {
        Store store(
            connect(tmp, file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, options));
        store.impl_->placeAt = file;  // from here on the store's destructor removes `tmp`
        store.impl_->location = file.string();
        store.execute("PRAGMA application_id = " + std::to_string(kApplicationId));
        // Pages that did not exist when a transaction began are never journaled: in a new file
        // the journal holds a few schema pages, so it can live in memory and still roll back.
        store.execute("PRAGMA journal_mode = MEMORY");
        store.execute("PRAGMA synchronous = OFF");
        store.execute("PRAGMA foreign_keys = ON");
        store.migrate(0);
        return store;
    } catch (...) {
        detail::removeCreating(tmp);
        throw;
    }
}

void Store::place() {
    auto& impl = *impl_;
    const auto tmp = impl.path;
    const auto file = impl.placeAt;
    const std::string name = file.string();
    impl.tokenizer.reset();
    impl.cache.clear();  // the statements of the connection that closes below
    if (!syncPath(tmp, O_RDONLY)) {
        throw StorageError(name + ": cannot write the new database file to disk: " +
                           std::strerror(errno) + "; nothing was written");
    }
    if (::link(tmp.c_str(), file.c_str()) != 0) {
        std::error_code ec;
        if (errno == EEXIST || std::filesystem::exists(file, ec)) {
            throw StorageError(name +
                               ": another process made this file while this import built it; "
                               "nothing was written to it");
        }
        std::filesystem::rename(tmp, file, ec);  // a file system without hard links
        if (ec) {
            throw StorageError(name + ": cannot put the new database file in place: " +
                               ec.message() + "; nothing was written");
        }
    }
    impl.placeAt.clear();  // the file is whole under its name: nothing to remove from here on
    impl.path = file;
    detail::removeCreating(tmp);
    (void)syncPath(file.parent_path().empty() ? "." : file.parent_path(), O_RDONLY | O_DIRECTORY);
    // Opened again under its name (a WAL is named after the name a connection opened).
    sqlite3* handle = nullptr;
    const int rc =
        sqlite3_open_v2(file.c_str(), &handle, impl.openFlags & ~SQLITE_OPEN_CREATE, nullptr);
    ConnectionHandle fresh(handle);
    if (rc != SQLITE_OK) detail::fail(handle, name, rc);
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_handler(handle, detail::onBusy, &impl.busy);
    impl.db.swap(fresh);
    fresh.reset();  // the connection to the temporary name
    execute("PRAGMA journal_mode = WAL");
    execute("PRAGMA synchronous = NORMAL");
    execute("PRAGMA foreign_keys = ON");
}

}  // namespace bilateral::sqlite
