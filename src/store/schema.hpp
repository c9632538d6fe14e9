#pragma once
// Schema migrations: migration i brings user_version from i to i+1.

#include <span>
#include <string_view>

namespace bilateral::store::detail {

std::span<const std::string_view> migrations() noexcept;

}  // namespace bilateral::store::detail
