#include <cstdlib>
#include <iostream>

#include "bilateral/error.hpp"
#include "command.hpp"

namespace bilateral::cli {

store::Store Globals::open(bool forWriting) const {
    store::OpenOptions o;
    o.readOnly = !forWriting;
    return store::Store::open(db, o);
}

namespace {

int exitCodeOf(const Error& e) {
    switch (e.code()) {
        case ErrorCode::InvalidArgument: return Usage;
        case ErrorCode::Parse: return BadInput;
        case ErrorCode::NotFound:
        case ErrorCode::Ambiguous: return NotFound;
        case ErrorCode::Storage:
        case ErrorCode::SchemaVersion: break;
    }
    return Storage;
}

}  // namespace
}  // namespace bilateral::cli

int main(int argc, char** argv) {
    using namespace bilateral::cli;
    CLI::App app{"bilateral: a typed knowledge graph of the relations between countries"};
    app.require_subcommand(1);
    Globals g;
    const char* env = std::getenv("BILATERAL_DB");
    g.db = env && *env ? env : "bilateral.db";
    app.add_option("--db", g.db, "database file (default: $BILATERAL_DB, else bilateral.db)");
    addImport(app, g);
    addStats(app, g);
    addExport(app, g);
    addWhoMet(app, g);
    addTimeline(app, g);
    addRelations(app, g);
    addHolders(app, g);
    addPath(app, g);
    addSearch(app, g);
    addReport(app, g);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? Ok : Usage;
    } catch (const bilateral::Error& e) {
        std::cerr << "bilateral: " << e.what() << "\n";
        return exitCodeOf(e);
    } catch (const std::exception& e) {
        std::cerr << "bilateral: " << e.what() << "\n";
        return Storage;
    }
    return Ok;
}
