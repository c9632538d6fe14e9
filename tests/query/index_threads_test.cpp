// One index, many threads: the Index is immutable once built and its per-call scratch is
// thread-local, so threads asking at once get the answers one thread gets alone. Run under
// ThreadSanitizer by `make tsan` (suite name "Threads").

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "bilateral/query/queries.hpp"
#include "fixtures/tiny_index.hpp"

namespace {

class IndexThreads : public bilateral::fixtures::TinyIndex {
protected:
    /// Every actor's counterparts and timeline, as one string per actor.
    std::vector<std::string> everyAnswer() const {
        std::vector<std::string> out;
        for (bilateral::query::ActorIx a{}; a.value < index.actorCount(); ++a.value) {
            std::string s = id(a) + " met";
            for (const auto& c : bilateral::query::whoMet(index, a))
                s += " " + id(c.actor) + ":" + std::to_string(c.meetings);
            s += " timeline";
            for (const auto& e : eventIds(bilateral::query::timeline(index, a))) s += " " + e;
            out.push_back(std::move(s));
        }
        return out;
    }
};

TEST_F(IndexThreads, ManyThreadsAskingOneIndexGetTheAnswersOfOneThread) {
    const auto alone = everyAnswer();
    ASSERT_FALSE(alone.empty());
    constexpr int kThreads = 8, kRounds = 20;
    std::vector<std::vector<std::string>> seen(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int r = 0; r < kRounds; ++r) {
                auto answers = everyAnswer();
                if (answers != alone) {
                    seen[t] = std::move(answers);
                    return;
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int t = 0; t < kThreads; ++t)
        EXPECT_TRUE(seen[t].empty()) << "thread " << t << " differed";
}

}  // namespace
