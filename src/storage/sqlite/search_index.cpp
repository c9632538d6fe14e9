// Name search as the store indexes it: FTS5's own tokenizer, and matches in actor_search.

#include <sqlite3.h>

#include "bilateral/error.hpp"
#include "bilateral/sqlite/search.hpp"
#include "store_impl.hpp"

namespace bilateral::store {
namespace {

fts5_api* fts5Of(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (!api) throw StorageError("SQLite was built without FTS5; search needs it");
    return api;
}

int collect(void* ctx, int flags, const char* token, int n, int /*start*/, int /*end*/) {
    if (flags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
    static_cast<std::vector<std::string>*>(ctx)->emplace_back(token, static_cast<std::size_t>(n));
    return SQLITE_OK;
}

}  // namespace

struct SearchTokenizer::Impl {
    fts5_tokenizer api{};
    Fts5Tokenizer* tokenizer = nullptr;
};

SearchTokenizer::SearchTokenizer(Store& store) : impl_(new Impl) {
    fts5_api* api = fts5Of(detail::connection(store));
    void* userData = nullptr;
    const char* args[] = {"remove_diacritics", "2"};
    if (api->xFindTokenizer(api, "unicode61", &userData, &impl_->api) != SQLITE_OK ||
        impl_->api.xCreate(userData, args, 2, &impl_->tokenizer) != SQLITE_OK) {
        delete impl_;
        throw StorageError("cannot create the FTS5 unicode61 tokenizer");
    }
}

SearchTokenizer::~SearchTokenizer() {
    impl_->api.xDelete(impl_->tokenizer);
    delete impl_;
}

std::vector<std::string> SearchTokenizer::operator()(std::string_view text) const {
    const std::string folded = detail::foldForSearch(text);
    std::vector<std::string> tokens;
    const int rc = impl_->api.xTokenize(impl_->tokenizer, &tokens, FTS5_TOKENIZE_DOCUMENT,
                                        folded.data(), static_cast<int>(folded.size()), collect);
    if (rc != SQLITE_OK) throw StorageError("cannot tokenize search text");
    return tokens;
}

std::vector<SearchMatch> searchIndex(Store& store, const std::string& ftsQuery) {
    auto st = detail::prepare(
        store,
        "SELECT actor_id, text, bm25(actor_search) FROM actor_search WHERE actor_search MATCH ?1 "
        "ORDER BY bm25(actor_search)");
    st.bind(1, ftsQuery);
    std::vector<SearchMatch> rows;
    while (st.step()) rows.push_back(SearchMatch{st.getInt64(0), st.getString(1), st.getDouble(2)});
    return rows;
}

}  // namespace bilateral::store
