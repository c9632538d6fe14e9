#pragma once
// Private to the SQLite engine: name search as it indexes it (the actor_search FTS5 table).

#include <string>
#include <string_view>
#include <vector>

namespace bilateral::sqlite {

class Store;

/// The tokens FTS5 indexes for a text in actor_search: apostrophe look-alikes folded
/// (rules::foldForSearch), then SQLite's own unicode61 tokenizer with remove_diacritics 2
/// (lower case, no accents, split at anything that is not a letter or digit). Throws
/// StorageError when FTS5 is unavailable.
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

/// An FTS5 query matching rows that contain every token (the last one as a prefix when
/// `prefixLast`), or as one phrase when `phrase`. Tokens are quoted, so no input can inject
/// FTS5 syntax (`"`, `*`, `OR`, `NEAR(` are plain text).
std::string ftsQuery(const std::vector<std::string>& tokens, bool prefixLast, bool phrase);

}  // namespace bilateral::sqlite
