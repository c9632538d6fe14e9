#pragma once
// Name search as the store indexes it (the actor_search FTS5 table): its tokens and its matches.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bilateral::store {

class Store;

/// The tokens FTS5 indexes for a text in actor_search: apostrophe look-alikes folded, then
/// SQLite's own unicode61 tokenizer with remove_diacritics 2 (lower case, no accents, split at
/// anything that is not a letter or digit). Throws StorageError when FTS5 is unavailable.
class SearchTokenizer {
public:
    explicit SearchTokenizer(Store& store);
    ~SearchTokenizer();
    SearchTokenizer(const SearchTokenizer&) = delete;
    SearchTokenizer& operator=(const SearchTokenizer&) = delete;
    std::vector<std::string> operator()(std::string_view text) const;

private:
    struct Impl;
    Impl* impl_;
};

/// A row of actor_search that matched: the actor, the text as indexed, and bm25 (lower is
/// better, SQLite's sign).
struct SearchMatch {
    std::int64_t actorRow = 0;
    std::string text;
    double bm25 = 0;
};

/// Rows of actor_search matching an FTS5 query, best first.
std::vector<SearchMatch> searchIndex(Store& store, const std::string& ftsQuery);

namespace detail {
/// Apostrophe look-alikes (’ ‘ ʼ `) folded to ' as the search table stores them.
std::string foldForSearch(std::string_view text);
}  // namespace detail

}  // namespace bilateral::store
