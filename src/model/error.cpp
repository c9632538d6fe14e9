#include "bilateral/error.hpp"

#include "bilateral/model/utf8.hpp"

namespace bilateral {

Error::Error(ErrorCode code, const std::string& message)
    : std::runtime_error(model::escapeForDisplay(message)), code_(code) {}

ParseError::ParseError(std::string file, std::string location, std::string reason)
    : Error(ErrorCode::Parse, file + ": " + (location.empty() ? "" : location + ": ") + reason),
      file_(std::move(file)),
      location_(std::move(location)),
      reason_(std::move(reason)) {}

namespace {
std::string ambiguousMessage(const std::string& name, const std::vector<std::string>& c) {
    std::string m = "\"" + name + "\" is ambiguous; candidates:";
    for (const auto& id : c) m += " " + id;
    return m;
}
}  // namespace

AmbiguousError::AmbiguousError(const std::string& name, std::vector<std::string> candidates)
    : Error(ErrorCode::Ambiguous, ambiguousMessage(name, candidates)),
      candidates_(std::move(candidates)) {}

StorageError::StorageError(const std::string& message, int sqliteCode, int extendedCode,
                           std::string statement)
    : Error(ErrorCode::Storage, message),
      sqliteCode_(sqliteCode),
      extendedCode_(extendedCode),
      statement_(std::move(statement)) {}

}  // namespace bilateral
