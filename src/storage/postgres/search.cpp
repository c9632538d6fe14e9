#include "storage/postgres/search.hpp"

#include "storage/postgres/connection.hpp"

namespace bilateral::storage::postgres {
namespace {

// FTS5's bm25 (fts5_aux.c, fts5Bm25Function) in SQL, operation for operation so that the
// doubles agree to the last bit: k1 = 1.2, b = 0.75; idf = log((N - n + 0.5) / (n + 0.5)),
// 1e-6 when not positive; a row's score is the sum over the query's phrases, in their order,
// of idf * (f * (k1 + 1)) / (f + k1 * (1 - b + b * D / avgdl)), negated.
constexpr std::string_view kScore =
    "SELECT s.actor_id, s.text, -1.0::float8 * sum(x.idf * ((h.f * (1.2::float8 + 1.0::float8)) "
    "/ (h.f + 1.2::float8 * (1::float8 - 0.75::float8 + 0.75::float8 * s.ntokens::float8 / "
    "st.avgdl))) ORDER BY h.i) AS bm25 "
    "FROM found JOIN hits h ON h.search_id = found.search_id "
    "JOIN actor_search s ON s.id = found.search_id "
    "JOIN (SELECT nhit.i, CASE WHEN v > 0 THEN v ELSE 1e-6::float8 END AS idf FROM nhit, "
    "LATERAL (SELECT ln(((st.nrows - nhit.n)::float8 + 0.5::float8) / (nhit.n::float8 + "
    "0.5::float8)) AS v FROM stats st) l) x ON x.i = h.i, "
    "(SELECT ntokens::float8 / nrows::float8 AS avgdl FROM stats) st "
    "GROUP BY s.id, s.actor_id, s.text ORDER BY bm25, s.id";

// Every instance of each query token ($1 lower bounds, $2 upper bounds, i from 1).
constexpr std::string_view kMatches =
    "WITH stats AS (SELECT nrows, ntokens FROM search_stats), "
    "q AS (SELECT lo, hi, i FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS q(lo, hi, i)), "
    "m AS (SELECT q.i, t.search_id, t.pos FROM q JOIN actor_search_token t "
    "ON t.token >= q.lo AND t.token < q.hi), ";

/// Every token in the row ($3 tokens): each token is a phrase of its own.
std::string wordsSql() {
    return std::string(kMatches) +
           "hits AS (SELECT i, search_id, count(*)::float8 AS f FROM m GROUP BY i, search_id), "
           "nhit AS (SELECT i, count(*) AS n FROM hits GROUP BY i), "
           "found AS (SELECT search_id FROM hits GROUP BY search_id HAVING count(*) = $3) " +
           std::string(kScore);
}

/// The tokens one after the other: one phrase (its instances: where token 1 is at p, token 2
/// at p + 1, ...).
std::string phraseSql(std::size_t n) {
    std::string sql = std::string(kMatches) + "ph AS (SELECT m1.search_id FROM m m1";
    for (std::size_t k = 2; k <= n; ++k) {
        const auto a = "m" + std::to_string(k);
        sql += " JOIN m " + a + " ON " + a + ".search_id = m1.search_id AND " + a +
               ".i = " + std::to_string(k) + " AND " + a + ".pos = m1.pos + " +
               std::to_string(k - 1);
    }
    sql +=
        " WHERE m1.i = 1), "
        "hits AS (SELECT 1::bigint AS i, search_id, count(*)::float8 AS f FROM ph "
        "GROUP BY search_id), "
        "nhit AS (SELECT 1::bigint AS i, count(*) AS n FROM hits), "
        "found AS (SELECT search_id FROM hits) ";
    return sql + std::string(kScore);
}

}  // namespace

std::string textArray(const std::vector<std::string>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        out += '"';
        for (const char ch : values[i]) {
            if (ch == '"' || ch == '\\') out += '\\';
            out += ch;
        }
        out += '"';
    }
    return out + "}";
}

std::pair<std::string, std::string> tokenRange(std::string_view token, bool prefix) {
    std::string lo(token), hi(token);
    // Nothing sorts between a token and the token followed by U+0001 (the tokenizer never keeps
    // a control character); every token that begins with it sorts below it followed by
    // U+10FFFF, the greatest code point.
    hi += prefix ? "\xF4\x8F\xBF\xBF" : "\x01";
    return {lo, hi};
}

void addSearchText(Connection& c, std::int64_t actorRow, std::string_view text,
                   const std::vector<std::string>& tokens) {
    c.query(
        "WITH s AS (INSERT INTO actor_search(id, actor_id, text, ntokens) VALUES "
        "(nextval('row_block'), $1, $2, $3) "
        "RETURNING id) INSERT INTO actor_search_token(token, search_id, pos) "
        "SELECT t.token, s.id, t.pos - 1 FROM s, unnest($4::text[]) WITH ORDINALITY AS t(token, "
        "pos)",
        Params()
            .int64(actorRow)
            .text(text)
            .int64(static_cast<std::int64_t>(tokens.size()))
            .text(textArray(tokens)));
    c.query("UPDATE search_stats SET nrows = nrows + 1, ntokens = ntokens + $1",
            Params().int64(static_cast<std::int64_t>(tokens.size())));
}

void removeSearchTexts(Connection& c, std::int64_t actorRow) {
    c.query(
        "WITH gone AS (DELETE FROM actor_search WHERE actor_id = $1 RETURNING ntokens) "
        "UPDATE search_stats SET nrows = nrows - (SELECT count(*) FROM gone), "
        "ntokens = ntokens - (SELECT coalesce(sum(ntokens), 0) FROM gone)",
        Params().int64(actorRow));
}

std::vector<SearchMatch> searchTokens(Connection& c, const std::vector<std::string>& tokens,
                                      bool prefixLast, bool phrase) {
    if (tokens.empty()) return {};
    std::vector<std::string> lo, hi;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto [l, h] = tokenRange(tokens[i], prefixLast && i + 1 == tokens.size());
        lo.push_back(std::move(l));
        hi.push_back(std::move(h));
    }
    const auto sql = phrase ? phraseSql(tokens.size()) : wordsSql();
    Params params;
    params.text(textArray(lo)).text(textArray(hi));
    if (!phrase) params.int64(static_cast<std::int64_t>(tokens.size()));
    const auto r = c.query(sql, params);
    std::vector<SearchMatch> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.int64(i, 0), std::string(r.text(i, 1)), r.real(i, 2)});
    return out;
}

}  // namespace bilateral::storage::postgres
