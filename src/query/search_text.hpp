#pragma once
// Private to the query module: FTS5 queries over the store's search table (store/search.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "bilateral/sqlite/search.hpp"

namespace bilateral::query::detail {

using store::SearchTokenizer;

/// An FTS5 query matching rows that contain every token (the last one as a prefix when
/// `prefixLast`), or as one phrase when `phrase`. Tokens are quoted, so no input can inject
/// FTS5 syntax (`"`, `*`, `OR`, `NEAR(` are plain text).
std::string ftsQuery(const std::vector<std::string>& tokens, bool prefixLast, bool phrase);

}  // namespace bilateral::query::detail
