#pragma once
// Name and alias search on PostgreSQL, matching and ranking as the SQLite engine's FTS5 table
// does (src/store/search_index.cpp): the engine stores each name's tokens as the SQLite
// tokenizer gives them (unicode61, remove_diacritics 2, after folding apostrophe look-alikes),
// so case, accents and apostrophe style are ignored alike, and computes FTS5's bm25 in SQL from
// the same counts. No extension is needed (unaccent and pg_trgm fold differently: ß, æ, ø), so
// a read-only role on any server can search.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bilateral::storage::postgres {

class Connection;

/// Adds a search row for actor row `actorRow`: `text` as stored (apostrophes folded) and its
/// tokens in order. Inside the caller's transaction.
void addSearchText(Connection& c, std::int64_t actorRow, std::string_view text,
                   const std::vector<std::string>& tokens);

/// Removes the actor's search rows (before its name and aliases are written again).
void removeSearchTexts(Connection& c, std::int64_t actorRow);

/// A row that matched: its actor, the text as stored, and FTS5's bm25 (lower is better).
struct SearchMatch {
    std::int64_t actorRow = 0;
    std::string text;
    double bm25 = 0;
};

/// The rows holding every token (the last as a word's beginning when `prefixLast`), or the
/// tokens as one phrase when `phrase`; best first. What FTS5 answers to
/// query::detail::ftsQuery(tokens, prefixLast, phrase), bm25 included.
std::vector<SearchMatch> searchTokens(Connection& c, const std::vector<std::string>& tokens,
                                      bool prefixLast, bool phrase);

/// A PostgreSQL array literal of `values` (each quoted), for binding as a text[] parameter.
std::string textArray(const std::vector<std::string>& values);

/// The bounds [lo, hi) of the tokens a query token matches, in byte order: the token alone,
/// or with `prefix` every token that begins with it.
std::pair<std::string, std::string> tokenRange(std::string_view token, bool prefix);

}  // namespace bilateral::storage::postgres
