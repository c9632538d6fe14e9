#pragma once
// The bilateral command: each verb registers itself on the CLI11 app. A verb parses its
// arguments, calls the library and formats the answer; nothing else lives here.

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <utility>

#include "bilateral/database.hpp"

namespace bilateral::cli {

/// Options shared by every verb.
struct Globals {
    std::string db;  ///< --db, else $BILATERAL_DB, else bilateral.db
    /// Whether `db` names a PostgreSQL server (a postgresql:// or postgres:// URL), not a file.
    [[nodiscard]] bool server() const;
    /// `db` as shown in messages: a URL without its password or parameters.
    [[nodiscard]] std::string shownDb() const;
    /// The exit status of a verb that succeeded with a warning (import with rows skipped).
    mutable int exitStatus = 0;
    /// The database for a query verb: read-only, never created, one read snapshot.
    Database openReadOnly() const;
};

/// Exit codes of the command-line contract (docs/cli.md).
enum Exit : int { Ok = 0, Usage = 1, BadInput = 2, NotFound = 3, Storage = 4, RowsSkipped = 5 };

/// Adds the verb `name` with its one-line `description`: its arguments are an `Args` that the
/// caller's options fill, and `run` is called with them when the verb is chosen. Returns the
/// subcommand, for its options, and the arguments they fill.
template <class Args>
std::pair<CLI::App*, std::shared_ptr<Args>> addVerb(CLI::App& app, const Globals& g,
                                                    std::string name, std::string description,
                                                    void (*run)(const Globals&, const Args&)) {
    auto* cmd = app.add_subcommand(std::move(name), std::move(description));
    auto args = std::make_shared<Args>();
    cmd->callback([&g, args, run] { run(g, *args); });
    return {cmd, args};
}

// One function per verb file; each adds its subcommand to `app`.
void addImport(CLI::App& app, const Globals& g);
void addInit(CLI::App& app, const Globals& g);
void addStats(CLI::App& app, const Globals& g);
void addExport(CLI::App& app, const Globals& g);
void addWhoMet(CLI::App& app, const Globals& g);
void addTimeline(CLI::App& app, const Globals& g);
void addTrend(CLI::App& app, const Globals& g);
void addPairs(CLI::App& app, const Globals& g);
void addRelations(CLI::App& app, const Globals& g);
void addHolders(CLI::App& app, const Globals& g);
void addDisagreements(CLI::App& app, const Globals& g);
void addPath(CLI::App& app, const Globals& g);
void addSearch(CLI::App& app, const Globals& g);
void addEgo(CLI::App& app, const Globals& g);
void addReport(CLI::App& app, const Globals& g);
void addDraft(CLI::App& app, const Globals& g);
void addSameAs(CLI::App& app, const Globals& g);

}  // namespace bilateral::cli
