#pragma once
// libpq behind RAII handles: a connection, its results, bound parameters, prepared statements,
// transactions and a canceller for Ctrl-C. Every value reaches the server as a bound parameter
// (never spliced into SQL text); every error is a PgError (error.hpp) without passwords.

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace bilateral::storage::postgres {

/// A PGresult, cleared when destroyed. Values are read in text format.
class Result {
public:
    Result() = default;
    explicit Result(PGresult* r) noexcept : r_(r) {}
    [[nodiscard]] int rows() const noexcept { return r_ ? PQntuples(r_.get()) : 0; }
    [[nodiscard]] int columns() const noexcept { return r_ ? PQnfields(r_.get()) : 0; }
    [[nodiscard]] bool isNull(int row, int col) const noexcept {
        return PQgetisnull(r_.get(), row, col) != 0;
    }
    [[nodiscard]] std::string_view text(int row, int col) const noexcept {
        return {PQgetvalue(r_.get(), row, col),
                static_cast<std::size_t>(PQgetlength(r_.get(), row, col))};
    }
    /// The value as an integer (throws PgError when it is not one; NULL reads as 0).
    [[nodiscard]] std::int64_t int64(int row, int col) const;
    [[nodiscard]] double real(int row, int col) const;
    /// Rows a command changed (INSERT, UPDATE, DELETE, COPY), 0 when it says none.
    [[nodiscard]] std::int64_t affected() const;
    [[nodiscard]] PGresult* get() const noexcept { return r_.get(); }

private:
    void check(int row, int col) const;  ///< throws PgError when out of range
    struct Clear {
        void operator()(PGresult* r) const noexcept { PQclear(r); }
    };
    std::unique_ptr<PGresult, Clear> r_;
};

/// Parameters of one statement ($1, $2, ...), in text format; NULL is a null pointer.
class Params {
public:
    Params& text(std::string_view v);
    Params& int64(std::int64_t v);
    Params& real(double v);
    Params& null();
    template <class T>
    Params& optional(const std::optional<T>& v) {
        if (!v) return null();
        if constexpr (std::is_floating_point_v<T>)
            return real(static_cast<double>(*v));
        else if constexpr (std::is_integral_v<T>)
            return int64(static_cast<std::int64_t>(*v));
        else
            return text(*v);
    }
    /// Empty text binds NULL (columns where "none" is stored as NULL).
    Params& textOrNull(std::string_view v) { return v.empty() ? null() : text(v); }
    void clear() noexcept { values_.clear(); }
    [[nodiscard]] int size() const noexcept { return static_cast<int>(values_.size()); }
    /// Pointers for PQexecParams, valid until the next change.
    [[nodiscard]] std::vector<const char*> pointers() const;

private:
    std::vector<std::optional<std::string>> values_;
};

/// How a connection is opened.
struct ConnectOptions {
    bool readOnly = false;  ///< every transaction read-only (default_transaction_read_only)
    /// The schema the engine's tables live in (search_path); empty keeps the server's.
    std::string schema = "bilateral";
    std::string applicationName = "bilateral";  ///< unless the URL names one
    /// PostgreSQL's JIT compiler. Off: it compiled the search statement for about 95 ms of
    /// its 1 ms run (docs/postgresql.md); the engine's statements are short.
    bool jit = false;
};

/// Cancels the statement running on a connection, from any thread or a signal handler
/// (PQcancel is async-signal-safe). Outlives nothing: keep it no longer than the connection.
class Canceller {
public:
    explicit Canceller(PGcancel* c) noexcept : c_(c) {}
    Canceller(Canceller&& o) noexcept : c_(std::exchange(o.c_, nullptr)) {}
    Canceller& operator=(Canceller&&) = delete;
    ~Canceller() {
        if (c_) PQfreeCancel(c_);
    }
    /// Asks the server to cancel; whether the request was sent. The running call then fails
    /// with a PgError whose cancelled() is true.
    bool cancel() const noexcept;

private:
    PGcancel* c_;
};

class CopyIn;
enum class CopyFormat { Text, Binary };

class Connection {
public:
    /// Connects to `conninfo` (a postgresql:// URL or libpq's key=value form). Passwords come
    /// from the URL, PGPASSWORD or the password file (~/.pgpass, PGPASSFILE, `passfile=`).
    static Connection open(std::string_view conninfo, const ConnectOptions& options = {});
    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    ~Connection();

    /// Runs SQL without parameters (simple protocol: may hold several statements); the last
    /// statement's result.
    Result exec(std::string_view sql);
    /// Runs one statement with bound parameters.
    Result query(std::string_view sql, const Params& params);
    /// Prepares `sql` as `name` on this connection (once; later calls with the same name are
    /// no-ops), and runs it.
    void prepare(const std::string& name, std::string_view sql);
    Result execPrepared(const std::string& name, const Params& params);
    /// Starts `COPY ... FROM STDIN` (`sql` names the table and columns; the format is added).
    CopyIn copyIn(std::string_view sql, CopyFormat format = CopyFormat::Binary);

    [[nodiscard]] Canceller canceller() const;
    /// The server, as shown to a person: user@host:port/database, no password.
    [[nodiscard]] const std::string& display() const noexcept { return display_; }
    [[nodiscard]] int serverVersion() const noexcept { return PQserverVersion(conn_); }
    /// The password libpq used, for handing on to postgres_fdw user mappings (never print it).
    [[nodiscard]] std::string password() const;
    [[nodiscard]] PGconn* native() const noexcept { return conn_; }
    /// Texts never to be shown (passwords), for messages built outside this class.
    [[nodiscard]] const std::vector<std::string>& secrets() const noexcept { return secrets_; }
    /// One more text never to be shown: masked in every error of this connection (a password
    /// that a statement carries, such as a user mapping's).
    void addSecret(std::string secret) { secrets_.push_back(std::move(secret)); }
    /// Throws the PgError for `result` (null: the connection's own error).
    [[noreturn]] void fail(const PGresult* result, std::string_view what,
                           std::string_view statement) const;

private:
    Connection(PGconn* conn, std::string display, std::vector<std::string> secrets) noexcept;
    Result checked(PGresult* r, std::string_view statement) const;

    PGconn* conn_ = nullptr;
    std::string display_;
    std::vector<std::string> secrets_;
    std::vector<std::string> prepared_;
};

/// A transaction on a connection: BEGIN when made, ROLLBACK when destroyed uncommitted.
class Transaction {
public:
    explicit Transaction(Connection& c, std::string_view begin = "BEGIN");
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Connection& c_;
    bool open_ = true;
};

}  // namespace bilateral::storage::postgres
