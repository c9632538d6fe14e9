#pragma once
// Private to the query module: text as the actor_search FTS5 table sees it, so that search and
// name resolution fold case, accents and apostrophe style exactly as the index does.

#include <string>
#include <string_view>
#include <vector>

namespace bilateral::store {
class Store;
namespace detail {
/// Defined by the store (src/store/attributes.cpp): apostrophe look-alikes (’ ‘ ʼ `) → '.
std::string foldForSearch(std::string_view text);
}  // namespace detail
}  // namespace bilateral::store

namespace bilateral::query::detail {

/// The tokens FTS5 indexes for a text in actor_search: the store's apostrophe folding, then
/// SQLite's own unicode61 tokenizer with remove_diacritics 2 (lower case, no accents, split at
/// anything that is not a letter or digit). Throws StorageError when FTS5 is unavailable.
class SearchTokenizer {
public:
    explicit SearchTokenizer(store::Store& store);
    ~SearchTokenizer();
    SearchTokenizer(const SearchTokenizer&) = delete;
    SearchTokenizer& operator=(const SearchTokenizer&) = delete;
    std::vector<std::string> operator()(std::string_view text) const;

private:
    struct Impl;
    Impl* impl_;
};

/// An FTS5 query matching rows that contain every token (the last one as a prefix when
/// `prefixLast`), or as one phrase when `phrase`. Tokens are quoted, so no input can inject
/// FTS5 syntax (`"`, `*`, `OR`, `NEAR(` are plain text).
std::string ftsQuery(const std::vector<std::string>& tokens, bool prefixLast, bool phrase);

}  // namespace bilateral::query::detail
