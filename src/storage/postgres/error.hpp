#pragma once
// Errors of the PostgreSQL engine: a StorageError (exit code 4 at the command) that also carries
// the server's SQLSTATE, so the engine can tell a lost connection from a unique violation or a
// cancelled statement. Messages never hold a password (conninfo.hpp: scrub).

#include <libpq-fe.h>

#include <span>
#include <string>
#include <string_view>

#include "bilateral/error.hpp"

namespace bilateral::storage::postgres {

/// SQLSTATE codes the engine looks at (PostgreSQL's Appendix A).
namespace sqlstate {
inline constexpr std::string_view kUniqueViolation = "23505";
inline constexpr std::string_view kQueryCanceled = "57014";
inline constexpr std::string_view kAdminShutdown = "57P01";
inline constexpr std::string_view kInsufficientPrivilege = "42501";
inline constexpr std::string_view kReadOnlyTransaction = "25006";
inline constexpr std::string_view kSerializationFailure = "40001";
inline constexpr std::string_view kDeadlock = "40P01";
inline constexpr std::string_view kLockNotAvailable = "55P03";
/// Class 08: the connection failed or was lost (also postgres_fdw's connection to a shard).
inline constexpr std::string_view kConnectionClass = "08";
}  // namespace sqlstate

class PgError : public StorageError {
public:
    PgError(const std::string& message, std::string sqlstate, std::string statement = {})
        : StorageError(message, 0, 0, std::move(statement)), sqlstate_(std::move(sqlstate)) {}
    /// The five-character SQLSTATE, or "" when the failure came from the client side (libpq
    /// could not connect or lost the connection without a server message).
    [[nodiscard]] const std::string& sqlstate() const noexcept { return sqlstate_; }
    /// Whether the connection (or a shard's, through postgres_fdw) failed or was lost.
    [[nodiscard]] bool connectionLost() const noexcept {
        return sqlstate_.empty() || sqlstate_.starts_with(sqlstate::kConnectionClass) ||
               sqlstate_ == sqlstate::kAdminShutdown;
    }
    [[nodiscard]] bool cancelled() const noexcept { return sqlstate_ == sqlstate::kQueryCanceled; }

private:
    std::string sqlstate_;
};

/// Throws a PgError for a failed result (or a null one): `what` failed, then the server's
/// message, detail and hint, then its SQLSTATE; every secret masked.
/// `message` on one line (libpq and the server break lines with a newline and a tab).
std::string oneLine(std::string message);

[[noreturn]] void throwResultError(PGconn* conn, const PGresult* result, std::string_view what,
                                   std::string_view statement,
                                   std::span<const std::string> secrets);

}  // namespace bilateral::storage::postgres
