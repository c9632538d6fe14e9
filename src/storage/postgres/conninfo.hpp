#pragma once
// Connection strings of the PostgreSQL engine: recognising a server URL, and keeping passwords
// out of everything shown to a person (messages, errors, logs). Passwords come from libpq's
// usual places (~/.pgpass or PGPASSFILE, PGPASSWORD, a password in the URL); none is ever
// printed: every text that may carry one goes through `redactUrl` or `scrub`.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bilateral::storage::postgres {

/// Whether `text` names a PostgreSQL server: a `postgresql://` or `postgres://` URI.
[[nodiscard]] bool isServerUrl(std::string_view text) noexcept;

/// `conninfo` (a URI or libpq's `key=value` form) with every password replaced by `***`: the
/// `user:password@` of a URI, `password=` parameters and keywords. Textual, so it also works on
/// strings libpq would reject.
[[nodiscard]] std::string redactUrl(std::string_view conninfo);

/// The passwords `conninfo` carries, as written and percent-decoded, for `scrub`.
[[nodiscard]] std::vector<std::string> passwordsIn(std::string_view conninfo);

/// `message` with every occurrence of each non-empty secret replaced by `***`.
[[nodiscard]] std::string scrub(std::string message, std::span<const std::string> secrets);

/// `text` as a quoted value of libpq's `key=value` form (`'...'`, with `\` and `'` escaped).
[[nodiscard]] std::string quoteConninfoValue(std::string_view text);

}  // namespace bilateral::storage::postgres
