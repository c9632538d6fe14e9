#pragma once
// Ctrl-C (SIGINT) and SIGTERM for the verbs that write. An import is stopped from inside: the
// signal interrupts its store and sets a flag its progress callback checks, the transaction
// rolls back as the exception unwinds, and the verb says what happened. An export or report
// writing a file is stopped at once: the handler removes its temporary file and exits.
// Either way the exit status is 128 + the signal (130 for SIGINT, 143 for SIGTERM).

#include <csignal>
#include <filesystem>
#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>

#include "bilateral/database.hpp"

namespace bilateral::cli {

/// Ends a verb with `status` after printing "bilateral: what()" (main catches it).
class Interrupted : public std::runtime_error {
public:
    Interrupted(const std::string& message, int status)
        : std::runtime_error(message), status_(status) {}
    [[nodiscard]] int status() const noexcept { return status_; }

private:
    int status_;
};

/// How a verb is stopped: an import unwinds (Deferred), an export exits at once (Immediate).
enum class OnInterrupt { Deferred, Immediate };

/// Installs the SIGINT and SIGTERM handlers for the rest of the process.
void catchInterrupts(OnInterrupt mode);
/// The signal that arrived (SIGINT, SIGTERM), or 0.
int interruptSignal() noexcept;
/// 128 + the signal.
int interruptStatus() noexcept;

/// The base of the guards below: what a guard does lasts as long as it lives, in one scope, so
/// it is never copied.
class ScopeGuard {
public:
    ScopeGuard(const ScopeGuard&) = delete;
    ScopeGuard& operator=(const ScopeGuard&) = delete;

protected:
    ScopeGuard() = default;
    ~ScopeGuard() = default;
};

/// While it lives, a signal interrupts `db` (Database::interrupt).
class InterruptsDatabase : ScopeGuard {
public:
    explicit InterruptsDatabase(Database& db);
    ~InterruptsDatabase();
};

/// While it lives, an Immediate signal removes `file` (a temporary output file) before exiting.
class RemovesOnInterrupt : ScopeGuard {
public:
    explicit RemovesOnInterrupt(const std::filesystem::path& file);
    ~RemovesOnInterrupt();
};

/// While it lives, SIGINT and SIGTERM wait (blocked): for steps a signal must not split, such
/// as making a temporary file and registering it, or renaming it into place.
class DeferInterrupts : ScopeGuard {
public:
    DeferInterrupts();
    ~DeferInterrupts();

private:
    sigset_t old_{};
};

/// Writes `target` through io::AtomicOutputFile (never half a file where a good one was):
/// `write` fills it, then it is renamed into place. Under catchInterrupts(Immediate) a signal
/// removes the temporary file, never leaving it behind between its making and its renaming.
/// Every verb that writes a file (export -o, report -o, draft -o) goes through this.
void writeOutputFile(const std::filesystem::path& target,
                     const std::function<void(std::ostream&)>& write);

}  // namespace bilateral::cli
