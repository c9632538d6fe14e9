#include <cstdlib>
#include <iostream>
#include <optional>
#include <string_view>

#include "bilateral/model/utf8.hpp"

#include "bilateral/error.hpp"
#include "command.hpp"
#include "interrupt.hpp"

namespace bilateral::cli {

store::Store Globals::open(bool forWriting) const {
    store::OpenOptions o;
    o.readOnly = !forWriting;
    return store::Store::open(db, o);
}

Database Globals::openReadOnly() const {
    return Database::open(db, {.readOnly = true});
}

namespace {

int exitCodeOf(const Error& e) {
    switch (e.code()) {
        case ErrorCode::InvalidArgument:
            return Usage;
        case ErrorCode::Parse:
            return BadInput;
        case ErrorCode::NotFound:
        case ErrorCode::Ambiguous:
            return NotFound;
        case ErrorCode::Storage:
        case ErrorCode::SchemaVersion:
            break;
    }
    return Storage;
}

/// The first argument that is neither an option nor an option's value, when no verb has that
/// name (CLI11 would say "A subcommand is required").
std::optional<std::string> unknownCommand(CLI::App& app, int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--db") {
            ++i;  // its value
            continue;
        }
        if (arg.starts_with("-")) continue;
        for (const auto* sub : app.get_subcommands({})) {
            if (sub->get_name() == arg) return std::nullopt;
        }
        return std::string(arg);
    }
    return std::nullopt;
}

}  // namespace
}  // namespace bilateral::cli

int main(int argc, char** argv) {
    using namespace bilateral::cli;
    CLI::App app{"bilateral: a typed knowledge graph of the relations between countries"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("bilateral ") + BILATERAL_VERSION,
                         "print the version and exit");
    // Options of the command itself (--db) are accepted after the verb too.
    app.fallthrough();
    Globals g;
    const char* env = std::getenv("BILATERAL_DB");
    g.db = env && *env ? env : "bilateral.db";
    app.add_option("--db", g.db, "database file (default: $BILATERAL_DB, else bilateral.db)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    addImport(app, g);
    addStats(app, g);
    addExport(app, g);
    addWhoMet(app, g);
    addTimeline(app, g);
    addRelations(app, g);
    addHolders(app, g);
    addPath(app, g);
    addSearch(app, g);
    addEgo(app, g);
    addReport(app, g);
    if (const auto unknown = unknownCommand(app, argc, argv)) {
        std::cerr << "bilateral: unknown command '" << bilateral::model::escapeForDisplay(*unknown)
                  << "'; commands:";
        for (const auto* sub : app.get_subcommands({})) std::cerr << ' ' << sub->get_name();
        std::cerr << "\n";
        return Usage;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? Ok : Usage;
    } catch (const Interrupted& e) {
        std::cerr << "bilateral: " << e.what() << "\n";
        return e.status();
    } catch (const bilateral::Error& e) {
        std::cerr << "bilateral: " << e.what() << "\n";
        return exitCodeOf(e);
    } catch (const std::exception& e) {
        std::cerr << "bilateral: " << e.what() << "\n";
        return Storage;
    }
    return g.exitStatus;
}
