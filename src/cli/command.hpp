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

/// Makes `run` the action of the verb `cmd`: its arguments are an `Args` that the verb's options
/// fill (the subcommand keeps it), and `run` is called with them when the verb is chosen.
/// Returns the arguments, for the options to fill.
template <class Args>
Args& onRun(CLI::App& cmd, const Globals& g, void (*run)(const Globals&, const Args&)) {
    auto args = std::make_shared<Args>();
    cmd.callback([&g, args, run] { run(g, *args); });
    return *args;
}

// One function per verb file; each adds its options and action to `cmd`, the verb's subcommand
// (main.cpp makes it, with the verb's name and description, from its table of verbs).
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
