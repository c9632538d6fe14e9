#include <array>
#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#endif
#include <cstdint>
#include <iostream>
#include <optional>
#include <string_view>
#include <vector>

#include "bilateral/model/utf8.hpp"

#include "bilateral/error.hpp"
#include "command.hpp"
#include "format.hpp"
#include "interrupt.hpp"

namespace bilateral::cli {

Database Globals::openReadOnly() const {
    // One command, one state of the file; the command's own connection (whole-table scans open
    // their own).
    return Database::open(db, {.readOnly = true, .snapshot = true, .oneThread = true});
}

bool Globals::server() const {
    return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

std::string Globals::shownDb() const {
    if (!server()) return db;
    // scheme://user:password@host/db?params -> scheme://user@host/db
    std::string out = db.substr(0, db.find('?'));
    const auto start = out.find("://") + 3;
    const auto at = out.find('@', start);
    if (at != std::string::npos) {
        const auto colon = out.find(':', start);
        if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
    }
    return out;
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

/// The verbs, in the order `--help` lists them: each one's name, its one-line description and
/// the function that adds its options and action (command.hpp).
struct Verb {
    std::string_view name;
    std::string_view about;
    void (*add)(CLI::App&, const Globals&);
};
constexpr std::array<Verb, 17> kVerbs{{
    {"import", "Load dataset JSON, ICEWS or GDELT files in one transaction (all or nothing)",
     addImport},
    {"stats", "Count what the database holds, by kind", addStats},
    {"export", "Write the graph (or the part of it a window and kinds select) for other tools",
     addExport},
    {"who-met",
     "Who met ACTOR: actors on another side sharing an occurred event of a meeting kind with it, "
     "its own delegation aside (planned and cancelled events never count), most meetings first; "
     "the rows of an event file that record one meeting count once",
     addWhoMet},
    {"timeline",
     "Events of an actor, of a dyad of countries or of one country, in timeline order (earliest "
     "day, then finer dates, then id); planned events are listed and flagged",
     addTimeline},
    {"trend",
     "Events of an actor, a dyad of countries or a country counted by period, with meetings, "
     "Goldstein sum and mean and tone (empty periods as zeros)",
     addTrend},
    {"pairs",
     "Pairs of countries (or one country's partners) ranked by events, meetings, share of "
     "cooperation or Goldstein mean",
     addPairs},
    {"relations",
     "Relations from or to ACTOR; with --as-of, those that certainly or possibly hold on that "
     "date, certainly ones first",
     addRelations},
    {"holders",
     "Who held POST (through holds_post relations); with --on, who certainly or possibly held it "
     "on that date, certainly ones first",
     addHolders},
    {"disagreements",
     "Every fact whose sources disagree: each source's value with its quotes, the preferred one "
     "marked",
     addDisagreements},
    {"path",
     "A shortest chain of actors joining two actors, each step with its evidence: the earliest "
     "event both took part in, or a relation between them",
     addPath},
    {"search",
     "Actors whose name or alias matches TEXT, ignoring case, accents and apostrophe style (the "
     "last word may be a prefix); exact names first",
     addSearch},
    {"ego",
     "The actors within K hops of ACTOR (sharing an event, or joined by a relation), nearest first",
     addEgo},
    {"same-as",
     "Records of one entity from different sources: list likely pairs, confirm one (or a file of "
     "them), remove one; queries treat the records a same_as relation joins as one actor",
     addSameAs},
    {"report", "Write a self-contained HTML page: timeline, network, who met whom, sources",
     addReport},
    {"draft",
     "Propose a dataset draft from an article: every fact inferred, with its span and quote, for "
     "review before import (docs/draft.md)",
     addDraft},
    {"init", "Set up a PostgreSQL database (--db URL) whose events live on shard servers", addInit},
}};

/// The position of the first argument after `from` that is neither an option nor an option's
/// value: the verb asked for (0: none).
int verbPosition(int argc, char** argv, int from = 1) {
    for (int i = from; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--db") {
            ++i;  // its value
            continue;
        }
        if (arg.starts_with("-")) continue;
        return i;
    }
    return 0;
}

std::optional<std::string_view> verbArgument(int argc, char** argv) {
    const int i = verbPosition(argc, argv);
    return i ? std::optional<std::string_view>(argv[i]) : std::nullopt;
}

/// `bilateral help [VERB]` is `bilateral [VERB] --help`: the arguments without "help", and
/// --help last.
std::vector<char*> helpArguments(int argc, char** argv, int help) {
    static char flag[] = "--help";
    std::vector<char*> out(argv, argv + argc);
    out.erase(out.begin() + help);
    out.push_back(flag);
    return out;
}

void addVerb(CLI::App& app, const Verb& v, const Globals& g) {
    v.add(*app.add_subcommand(std::string(v.name), std::string(v.about)), g);
}

const Verb* findVerb(std::string_view name) {
    for (const auto& v : kVerbs) {
        if (v.name == name) return &v;
    }
    return nullptr;
}

}  // namespace
}  // namespace bilateral::cli

namespace {

/// One command, then exit: memory freed between the steps of an answer (records, then events,
/// then the table) is used again rather than given back to the system and faulted in anew, and
/// the heap asks for transparent huge pages. A page fault costs about a microsecond; listing
/// an actor's 37,561 events took 9,700 of them on 4 KiB pages (docs/performance.md).
void heapForOneCommand() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // Grow the heap once by 64 MiB of address space (nothing is touched: no memory is used
    // until written), keep it, and advise huge pages over it.
    constexpr std::size_t kHeap = std::size_t{64} << 20;
    constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
    if (void* block = std::malloc(kHeap)) {
        const auto from = (reinterpret_cast<std::uintptr_t>(block) + kHuge - 1) & ~(kHuge - 1);
        const auto to = (reinterpret_cast<std::uintptr_t>(block) + kHeap) & ~(kHuge - 1);
        if (to > from) {
            (void)madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
        }
        std::free(block);
    }
#endif
#endif
}

}  // namespace

int main(int argc, char** argv) {
    using namespace bilateral::cli;
    heapForOneCommand();
    CLI::App app{"bilateral: a typed knowledge graph of the relations between countries"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("bilateral ") + BILATERAL_VERSION,
                         "print the version and exit");
    // Options of the command itself (--db) are accepted after the verb too.
    app.fallthrough();
    app.failure_message(usageMessage);
    app.footer("bilateral help VERB (or bilateral VERB --help) describes one verb.");
    Globals g;
    const char* env = std::getenv("BILATERAL_DB");
    g.db = env && *env ? env : "bilateral.db";
    app.add_option("--db", g.db,
                   "database file or postgresql:// URL (default: $BILATERAL_DB, else bilateral.db)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    // Only the verb asked for is set up: a one-shot query pays for its own options, not for
    // every verb's (about a third of a millisecond of start-up). Without a verb, all of them,
    // for --help and the "A subcommand is required" message.
    std::vector<char*> helpArgs;
    if (const int at = verbPosition(argc, argv); at && std::string_view(argv[at]) == "help") {
        helpArgs = helpArguments(argc, argv, at);
        argc = static_cast<int>(helpArgs.size());
        argv = helpArgs.data();
    }
    const auto asked = verbArgument(argc, argv);
    if (asked && !findVerb(*asked)) {
        std::cerr << "bilateral: unknown command '" << bilateral::model::escapeForDisplay(*asked)
                  << "'; commands:";
        for (const auto& v : kVerbs) std::cerr << ' ' << v.name;
        std::cerr << " help\n";
        return Usage;
    }
    if (asked) {
        addVerb(app, *findVerb(*asked), g);
    } else {
        for (const auto& v : kVerbs) addVerb(app, v, g);
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
