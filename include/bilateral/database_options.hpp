#pragma once
// How bilateral::Database::open opens a database (every engine takes the same options; one that
// has no use for an option ignores it).

#include <functional>

namespace bilateral {

struct DatabaseOptions {
    bool readOnly = false;  ///< never write (the database must exist and be up to date)
    /// Create a missing database (ignored when readOnly). Off by default: a mistyped path is
    /// refused ("no such database file") rather than made into an empty database, as the
    /// command and Python refuse it.
    bool create = false;
    int busyTimeoutMs = 5000;  ///< how long a writer waits for another
    /// Read-only: one read snapshot until closed, so that every answer sees the same state even
    /// while another process imports (the command line does this; a long-lived reader should
    /// not, as it keeps old versions of the data alive).
    bool snapshot = false;
    /// Write bilateral's schema into an existing file that is not a bilateral database but may
    /// become one: an empty file, or an SQLite file holding other tables (`import --init`).
    bool adopt = false;
    bool oneThread = false;  ///< used from one thread at a time: no lock around each call
    /// With `create`, a missing database file is built under a temporary name beside it, with
    /// no journal on disk and no syncs until it is whole, and put under its name by the first
    /// commit (never over a file made meanwhile); closed before that, it is removed. The
    /// command's import opens with it: a first load writes the file once, not a WAL and then
    /// the file. An engine that makes no files ignores it.
    bool createAtCommit = false;
    /// Called once when a write first has to wait for another writer's lock (for a message).
    std::function<void()> onLockWait;
};

}  // namespace bilateral
