#pragma once
// Schema migrations: migration i brings user_version from i to i+1.

#include <span>
#include <string_view>

namespace bilateral::store::detail {

std::span<const std::string_view> migrations() noexcept;

/// Secondary indexes a bulk import into an empty database drops and builds again at commit
/// (sorting once is cheaper than keeping them ordered row by row): name and CREATE statement,
/// as the migrations define them.
struct DeferrableIndex {
    std::string_view name;
    std::string_view create;
};
std::span<const DeferrableIndex> deferrableIndexes() noexcept;

}  // namespace bilateral::store::detail

namespace bilateral::store {
/// `PRAGMA application_id` of the files bilateral creates ("BILA"): how a file says it is
/// bilateral's. Files made before it was set are recognised by their schema version and tables.
inline constexpr int kApplicationId = 0x42494C41;
}  // namespace bilateral::store
