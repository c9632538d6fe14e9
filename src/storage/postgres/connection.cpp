#include "storage/postgres/connection.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "storage/postgres/conninfo.hpp"
#include "storage/postgres/copy.hpp"
#include "storage/postgres/error.hpp"

namespace bilateral::storage::postgres {
namespace {

/// The connection's parameters as libpq parses them, with ours added: UTF-8, the schema and
/// read-only mode appended to the URL's own `options`, an application name unless it has one.
struct Keywords {
    std::vector<std::string> keys, values;
    void set(std::string_view key, std::string value) {
        const auto at = std::find(keys.begin(), keys.end(), key);
        if (at == keys.end()) {
            keys.emplace_back(key);
            values.push_back(std::move(value));
        } else {
            values[static_cast<std::size_t>(at - keys.begin())] = std::move(value);
        }
    }
    [[nodiscard]] std::string get(std::string_view key) const {
        const auto at = std::find(keys.begin(), keys.end(), key);
        return at == keys.end() ? std::string()
                                : values[static_cast<std::size_t>(at - keys.begin())];
    }
};

Keywords parse(std::string_view conninfo, const std::vector<std::string>& secrets) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(std::string(conninfo).c_str(), &error);
    if (!options) {
        std::string why = error ? error : "out of memory";
        PQfreemem(error);
        while (!why.empty() && why.back() == '\n') why.pop_back();
        throw PgError(
            scrub("not a PostgreSQL connection string (" + redactUrl(conninfo) + "): " + why,
                  secrets),
            "");
    }
    Keywords k;
    for (auto* o = options; o->keyword; ++o) {
        if (o->val) k.set(o->keyword, o->val);
    }
    PQconninfoFree(options);
    return k;
}

std::string displayOf(PGconn* c) {
    const char* user = PQuser(c);
    const char* host = PQhost(c);
    const char* port = PQport(c);
    const char* db = PQdb(c);
    std::string s = "postgresql://";
    if (user && *user) s += std::string(user) + "@";
    s += host ? host : "";
    if (port && *port) s += std::string(":") + port;
    return s + "/" + (db ? db : "");
}

}  // namespace

void Result::check(int row, int col) const {
    if (row < 0 || row >= rows() || col < 0 || col >= columns())
        throw PgError("no value at row " + std::to_string(row) + ", column " + std::to_string(col) +
                          " of a result of " + std::to_string(rows()) + " rows",
                      "");
}

std::int64_t Result::int64(int row, int col) const {
    check(row, col);
    const auto t = text(row, col);
    std::int64_t v = 0;
    if (t.empty() && isNull(row, col)) return 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size())
        throw PgError("not an integer in a result: \"" + std::string(t) + "\"", "");
    return v;
}

double Result::real(int row, int col) const {
    check(row, col);
    const auto t = text(row, col);
    if (t.empty() && isNull(row, col)) return 0;
    double v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size())
        throw PgError("not a number in a result: \"" + std::string(t) + "\"", "");
    return v;
}

std::int64_t Result::affected() const {
    const char* n = r_ ? PQcmdTuples(r_.get()) : nullptr;
    if (!n || !*n) return 0;
    return std::strtoll(n, nullptr, 10);
}

Params& Params::text(std::string_view v) {
    values_.emplace_back(std::string(v));
    return *this;
}

Params& Params::int64(std::int64_t v) {
    values_.emplace_back(std::to_string(v));
    return *this;
}

Params& Params::real(double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    values_.emplace_back(std::string(buf, ec == std::errc() ? end : buf));
    return *this;
}

Params& Params::null() {
    values_.emplace_back(std::nullopt);
    return *this;
}

std::vector<const char*> Params::pointers() const {
    std::vector<const char*> p;
    p.reserve(values_.size());
    for (const auto& v : values_) p.push_back(v ? v->c_str() : nullptr);
    return p;
}

bool Canceller::cancel() const noexcept {
    char buffer[256];
    return c_ && PQcancel(c_, buffer, sizeof buffer) == 1;
}

Connection Connection::open(std::string_view conninfo, const ConnectOptions& options) {
    auto secrets = passwordsIn(conninfo);
    if (const char* env = std::getenv("PGPASSWORD"); env && *env) secrets.emplace_back(env);
    auto k = parse(conninfo, secrets);
    std::string serverOptions = k.get("options");
    if (!options.schema.empty()) serverOptions += " -c search_path=" + options.schema;
    if (options.readOnly) serverOptions += " -c default_transaction_read_only=on";
    if (!options.jit) serverOptions += " -c jit=off";
    if (!serverOptions.empty()) k.set("options", serverOptions);
    k.set("client_encoding", "UTF8");
    if (k.get("application_name").empty())
        k.set("fallback_application_name", options.applicationName);
    std::vector<const char*> keys, values;
    for (std::size_t i = 0; i < k.keys.size(); ++i) {
        keys.push_back(k.keys[i].c_str());
        values.push_back(k.values[i].c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    PGconn* conn = PQconnectdbParams(keys.data(), values.data(), 0);
    if (!conn) throw PgError("cannot connect to " + redactUrl(conninfo) + ": out of memory", "");
    if (const char* used = PQpass(conn); used && *used) secrets.emplace_back(used);
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string why = oneLine(PQerrorMessage(conn));
        PQfinish(conn);
        throw PgError(scrub("cannot connect to " + redactUrl(conninfo) + ": " + why, secrets), "");
    }
    // The server's notices (a DROP ... CASCADE listing what went) are not the user's business;
    // libpq's default prints them on standard error.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    return Connection(conn, displayOf(conn), std::move(secrets));
}

Connection::Connection(PGconn* conn, std::string display, std::vector<std::string> secrets) noexcept
    : conn_(conn), display_(std::move(display)), secrets_(std::move(secrets)) {}

Connection::Connection(Connection&& o) noexcept
    : conn_(std::exchange(o.conn_, nullptr)),
      display_(std::move(o.display_)),
      secrets_(std::move(o.secrets_)),
      prepared_(std::move(o.prepared_)) {}

Connection& Connection::operator=(Connection&& o) noexcept {
    if (this != &o) {
        if (conn_) PQfinish(conn_);
        conn_ = std::exchange(o.conn_, nullptr);
        display_ = std::move(o.display_);
        secrets_ = std::move(o.secrets_);
        prepared_ = std::move(o.prepared_);
    }
    return *this;
}

Connection::~Connection() {
    if (conn_) PQfinish(conn_);
}

void Connection::fail(const PGresult* result, std::string_view what,
                      std::string_view statement) const {
    throwResultError(conn_, result, what, statement, secrets_);
}

Result Connection::checked(PGresult* r, std::string_view statement) const {
    Result result(r);
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_COPY_IN) {
        fail(r, "PostgreSQL (" + display_ + ")", statement);
    }
    return result;
}

Result Connection::exec(std::string_view sql) {
    return checked(PQexec(conn_, std::string(sql).c_str()), sql);
}

Result Connection::query(std::string_view sql, const Params& params) {
    const auto p = params.pointers();
    return checked(PQexecParams(conn_, std::string(sql).c_str(), params.size(), nullptr, p.data(),
                                nullptr, nullptr, 0),
                   sql);
}

void Connection::prepare(const std::string& name, std::string_view sql) {
    if (std::find(prepared_.begin(), prepared_.end(), name) != prepared_.end()) return;
    checked(PQprepare(conn_, name.c_str(), std::string(sql).c_str(), 0, nullptr), sql);
    prepared_.push_back(name);
}

Result Connection::execPrepared(const std::string& name, const Params& params) {
    const auto p = params.pointers();
    return checked(
        PQexecPrepared(conn_, name.c_str(), params.size(), p.data(), nullptr, nullptr, 0),
        "EXECUTE " + name);
}

CopyIn Connection::copyIn(std::string_view sql, CopyFormat format) {
    const std::string statement =
        std::string(sql) + (format == CopyFormat::Binary ? " FROM STDIN (FORMAT binary)"
                                                         : " FROM STDIN (FORMAT text)");
    Result r = checked(PQexec(conn_, statement.c_str()), statement);
    if (PQresultStatus(r.get()) != PGRES_COPY_IN)
        throw PgError("not a COPY FROM STDIN statement: " + statement, "");
    return CopyIn(*this, format, statement);
}

Canceller Connection::canceller() const {
    return Canceller(PQgetCancel(conn_));
}

std::string Connection::password() const {
    const char* p = PQpass(conn_);
    return p ? p : "";
}

Transaction::Transaction(Connection& c, std::string_view begin) : c_(c) {
    c_.exec(begin);
}

Transaction::~Transaction() {
    if (!open_) return;
    // A failed statement leaves the transaction aborted; ROLLBACK ends it. On a lost
    // connection there is nothing to end: the server rolled back when it went.
    if (PQstatus(c_.native()) == CONNECTION_OK) PQclear(PQexec(c_.native(), "ROLLBACK"));
}

void Transaction::commit() {
    open_ = false;
    // COMMIT of a transaction a failed statement aborted answers ROLLBACK, without an error.
    const auto r = c_.exec("COMMIT");
    if (std::string_view(PQcmdStatus(r.get())) != "COMMIT")
        throw PgError("the transaction was rolled back, not committed (" + c_.display() + ")", "");
}

}  // namespace bilateral::storage::postgres
