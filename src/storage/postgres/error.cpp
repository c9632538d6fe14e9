#include "storage/postgres/error.hpp"

#include "storage/postgres/conninfo.hpp"

namespace bilateral::storage::postgres {

std::string oneLine(std::string s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\n') {
            out += s[i];
            continue;
        }
        while (i + 1 < s.size() && (s[i + 1] == '\t' || s[i + 1] == ' ')) ++i;
        out += ' ';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

namespace {

std::string field(const PGresult* r, int code) {
    const char* v = r ? PQresultErrorField(r, code) : nullptr;
    return v ? oneLine(v) : std::string();
}

}  // namespace

void throwResultError(PGconn* conn, const PGresult* result, std::string_view what,
                      std::string_view statement, std::span<const std::string> secrets) {
    auto state = field(result, PG_DIAG_SQLSTATE);
    std::string message(what);
    auto primary = field(result, PG_DIAG_MESSAGE_PRIMARY);
    if (primary.empty()) primary = oneLine(conn ? PQerrorMessage(conn) : "");
    if (primary.empty()) primary = "no answer from the server";
    message += ": " + primary;
    if (const auto detail = field(result, PG_DIAG_MESSAGE_DETAIL); !detail.empty())
        message += " (" + detail + ")";
    if (const auto hint = field(result, PG_DIAG_MESSAGE_HINT); !hint.empty())
        message += "; hint: " + hint;
    if (!state.empty()) message += " [SQLSTATE " + state + "]";
    if (state.empty() && conn && PQstatus(conn) == CONNECTION_BAD) {
        message += " [the connection was lost]";
    }
    throw PgError(scrub(std::move(message), secrets), std::move(state),
                  scrub(std::string(statement), secrets));
}

}  // namespace bilateral::storage::postgres
