#pragma once
// Private to api/: what a bilateral::Database holds (database.cpp, same_as.cpp).

#include <memory>
#include <optional>

#include "bilateral/database.hpp"
#include "bilateral/query/index.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral {

struct Database::Impl {
    explicit Impl(std::unique_ptr<storage::Engine> e) : engine(std::move(e)) {}
    std::unique_ptr<storage::Engine> engine;
    std::optional<query::Index> index;
};

}  // namespace bilateral
