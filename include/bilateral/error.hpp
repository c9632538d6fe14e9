#pragma once
// Errors thrown by bilateral. One root type with a code; subclasses carry the details a caller
// needs to say where a problem is. See docs/errors.md.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace bilateral {

enum class ErrorCode {
    InvalidArgument,  ///< a value a caller passed is malformed (bad date, unknown kind)
    Parse,            ///< an input file is malformed; nothing was written
    NotFound,         ///< an id or name does not resolve
    Ambiguous,        ///< a name resolves to more than one actor
    Storage,          ///< SQLite or the file system failed
    SchemaVersion,    ///< the database was written by a newer bilateral
};

class Error : public std::runtime_error {
public:
    /// The message is kept as valid UTF-8: bytes of a broken input are shown escaped (`\xFF`),
    /// never raw, and so are control characters.
    Error(ErrorCode code, const std::string& message);
    [[nodiscard]] ErrorCode code() const noexcept { return code_; }

private:
    ErrorCode code_;
};

/// A value could not be understood (a date, a kind name). Says why in what().
class InvalidArgumentError : public Error {
public:
    explicit InvalidArgumentError(const std::string& message)
        : Error(ErrorCode::InvalidArgument, message) {}
};

/// An input file is malformed. `location()` is a JSON pointer (`/events/3/start`) or
/// `line N` / `line N, column C`; what() is `FILE: LOCATION: reason`.
class ParseError : public Error {
public:
    ParseError(std::string file, std::string location, std::string reason);
    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    [[nodiscard]] const std::string& location() const noexcept { return location_; }
    [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

private:
    std::string file_, location_, reason_;
};

class NotFoundError : public Error {
public:
    explicit NotFoundError(const std::string& message) : Error(ErrorCode::NotFound, message) {}
};

/// A name matched several actors; `candidates()` holds their ids.
class AmbiguousError : public Error {
public:
    AmbiguousError(const std::string& name, std::vector<std::string> candidates);
    [[nodiscard]] const std::vector<std::string>& candidates() const noexcept {
        return candidates_;
    }

private:
    std::vector<std::string> candidates_;
};

/// SQLite failed. Carries SQLite's primary and extended result codes and the statement text.
class StorageError : public Error {
public:
    StorageError(const std::string& message, int sqliteCode = 0, int extendedCode = 0,
                 std::string statement = {});
    [[nodiscard]] int sqliteCode() const noexcept { return sqliteCode_; }
    [[nodiscard]] int extendedCode() const noexcept { return extendedCode_; }
    [[nodiscard]] const std::string& statement() const noexcept { return statement_; }

private:
    int sqliteCode_, extendedCode_;
    std::string statement_;
};

/// The database file was written by a newer schema version than this build understands.
class SchemaVersionError : public Error {
public:
    SchemaVersionError(const std::string& message) : Error(ErrorCode::SchemaVersion, message) {}
};

}  // namespace bilateral
