#pragma once
// The read snapshot both engines hand out (Engine::snapshot): the engine begins a read
// transaction, unless one is open already, and the snapshot ends it. No SQL here.

#include <functional>
#include <utility>

#include "bilateral/storage/engine.hpp"

namespace bilateral::storage {

/// Ends, when destroyed, the read transaction its engine began for it (`end`); empty `end`
/// when the engine found a transaction open already. An error ending it is swallowed: a read
/// transaction has nothing to lose.
class EndingSnapshot final : public ReadSnapshot {
public:
    explicit EndingSnapshot(std::function<void()> end = {}) : end_(std::move(end)) {}
    ~EndingSnapshot() override {
        if (!end_) return;
        try {
            end_();
        } catch (...) {  // NOLINT(bugprone-empty-catch): a read transaction has nothing to lose
        }
    }
    EndingSnapshot(const EndingSnapshot&) = delete;
    EndingSnapshot& operator=(const EndingSnapshot&) = delete;

private:
    std::function<void()> end_;
};

}  // namespace bilateral::storage
