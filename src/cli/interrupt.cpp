#include "interrupt.hpp"

#include "bilateral/export/output_file.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <optional>

namespace bilateral::cli {
namespace {

volatile std::sig_atomic_t gSignal = 0;
volatile std::sig_atomic_t gImmediate = 0;
std::atomic<Database*> gDatabase{nullptr};
/// The temporary file to remove, as a C string the handler can use (no allocation there).
char gTemporary[4096] = {};
std::atomic<bool> gHasTemporary{false};

void say(const char* text) {
    const auto n = std::strlen(text);
    if (::write(STDERR_FILENO, text, n) < 0) {  // nothing to do when stderr is gone
    }
}

extern "C" void onSignal(int sig) {
    if (gSignal != 0) {
        // A second signal while the first is handled: stop at once (the transaction is rolled
        // back by SQLite when the file is next opened).
        ::_exit(128 + sig);
    }
    gSignal = sig;
    if (gImmediate) {
        if (gHasTemporary.load()) ::unlink(gTemporary);
        say("\nbilateral: interrupted; no output file was written or changed\n");
        ::_exit(128 + sig);
    }
    if (auto* db = gDatabase.load()) db->interrupt();
}

}  // namespace

void catchInterrupts(OnInterrupt mode) {
    gImmediate = mode == OnInterrupt::Immediate ? 1 : 0;
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a blocking read returns so the import notices
    for (const int sig : {SIGINT, SIGTERM}) ::sigaction(sig, &sa, nullptr);
}

int interruptSignal() noexcept {
    return gSignal;
}

int interruptStatus() noexcept {
    return 128 + gSignal;
}

InterruptsDatabase::InterruptsDatabase(Database& db) {
    gDatabase.store(&db);
    if (gSignal != 0) db.interrupt();
}
InterruptsDatabase::~InterruptsDatabase() {
    gDatabase.store(nullptr);
}

DeferInterrupts::DeferInterrupts() {
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    ::sigprocmask(SIG_BLOCK, &block, &old_);
}
DeferInterrupts::~DeferInterrupts() {
    ::sigprocmask(SIG_SETMASK, &old_, nullptr);
}

RemovesOnInterrupt::RemovesOnInterrupt(const std::filesystem::path& file) {
    const auto& s = file.native();
    if (s.empty() || s.size() >= sizeof gTemporary) return;
    gHasTemporary.store(false);
    std::memcpy(gTemporary, s.c_str(), s.size() + 1);
    gHasTemporary.store(true);
}
RemovesOnInterrupt::~RemovesOnInterrupt() {
    gHasTemporary.store(false);
}

void writeOutputFile(const std::filesystem::path& target,
                     const std::function<void(std::ostream&)>& write) {
    std::optional<io::AtomicOutputFile> file;
    std::optional<RemovesOnInterrupt> removes;
    {
        const DeferInterrupts defer;  // no signal between making the file and registering it
        file.emplace(target);
        removes.emplace(file->temporary());
    }
    write(file->stream());
    {
        const DeferInterrupts defer;
        file->commit();
        removes.reset();
    }
}

}  // namespace bilateral::cli
