#include "support/pg_server.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>

extern char** environ;

namespace bilateral::testing {
namespace {

std::string readLine(FILE* in) {
    char* line = nullptr;
    std::size_t capacity = 0;
    const auto n = getline(&line, &capacity, in);
    std::string out = n > 0 ? std::string(line, static_cast<std::size_t>(n)) : std::string();
    std::free(line);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

bool startsWith(std::string_view s, std::string_view p) {
    return s.substr(0, p.size()) == p;
}

}  // namespace

PgServers::PgServers(int count) {
    // A write to the script after it died must fail, not kill the test program.
    ::signal(SIGPIPE, SIG_IGN);
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    for (int fd : {in[0], in[1], out[0], out[1]}) posix_spawn_file_actions_addclose(&actions, fd);
    const std::string script = BILATERAL_SOURCE_DIR "/scripts/pg_throwaway.py";
    const std::string n = std::to_string(count);
    const char* argv[] = {"python3", script.c_str(), "-n", n.c_str(), "--serve", nullptr};
    const int rc =
        posix_spawnp(&pid_, "python3", &actions, nullptr, const_cast<char**>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    toChild_ = in[1];
    fromChild_ = fdopen(out[0], "r");
    if (rc != 0) {
        pid_ = -1;
        throw std::runtime_error("cannot run " + script);
    }
    for (;;) {
        const auto line = readLine(fromChild_);
        if (startsWith(line, "url ")) {
            urls_.push_back(line.substr(4));
        } else if (line == "ready") {
            return;
        } else if (startsWith(line, "skipped:")) {
            skipReason_ = line;
            urls_.clear();
            return;
        } else {
            throw std::runtime_error("the throwaway PostgreSQL servers did not start (" + script +
                                     "; its messages are above)");
        }
    }
}

PgServers::~PgServers() {
    // End of input tells the script to stop and remove its servers; then it exits.
    if (toChild_ >= 0) close(toChild_);
    if (fromChild_) fclose(fromChild_);
    if (pid_ > 0) {
        int status = 0;
        waitpid(pid_, &status, 0);
    }
}

std::string PgServers::request(const std::string& line) {
    const std::string text = line + "\n";
    if (write(toChild_, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        throw std::runtime_error("the throwaway servers' script is gone");
    const auto answer = readLine(fromChild_);
    if (!startsWith(answer, "ok")) throw std::runtime_error(line + ": " + answer);
    return answer.size() > 3 ? answer.substr(3) : std::string();
}

std::string PgServers::createDatabase(int i, std::string_view name) {
    return request("createdb " + std::to_string(i) + " " + std::string(name));
}

void PgServers::stop(int i) {
    request("stop " + std::to_string(i));
}

void PgServers::kill(int i) {
    request("kill " + std::to_string(i));
}

void PgServers::start(int i) {
    request("start " + std::to_string(i));
}

namespace {

/// Stops the shared servers when the test program ends (before static destruction).
class SharedServers : public ::testing::Environment {
public:
    std::map<int, std::unique_ptr<PgServers>> byCount;
    void TearDown() override { byCount.clear(); }
};

SharedServers* shared() {
    static SharedServers* env = [] {
        auto* e = new SharedServers;
        ::testing::AddGlobalTestEnvironment(e);  // GoogleTest owns it
        return e;
    }();
    return env;
}

// Registered before RUN_ALL_TESTS, so that its TearDown runs.
[[maybe_unused]] const bool kRegistered = shared() != nullptr;

}  // namespace

PgServers& sharedPgServers(int count) {
    auto& slot = shared()->byCount[count];
    if (!slot) slot = std::make_unique<PgServers>(count);
    return *slot;
}

std::string uniqueDatabaseName() {
    static std::atomic<int> next{0};
    return "t" + std::to_string(getpid()) + "_" + std::to_string(next++);
}

void PgTest::SetUp() {
    auto& servers = sharedPgServers(1);
    BILATERAL_SKIP_WITHOUT(servers);
    url = servers.createDatabase(0, uniqueDatabaseName());
}

}  // namespace bilateral::testing
