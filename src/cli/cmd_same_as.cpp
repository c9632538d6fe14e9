// bilateral same-as --candidates [--limit N] [--json]
//                   --confirm A B [--note TEXT] [--by NAME] | --from FILE [--by NAME]
//                   | --remove A B
// [identity] One actor per entity (docs/cli.md, "same-as"): the likely pairs, a pair confirmed
// (a same_as relation whose evidence says who confirmed it and how), a file of pairs, a pair
// removed.

#include <fmt/core.h>

#include <cstdlib>

#include "bilateral/error.hpp"
#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

struct SameAsArgs {
    bool candidates = false;
    std::vector<std::string> confirm, remove;
    std::string from, note, by;
    bool json = false;
    std::size_t limit = 0;
};

/// Who confirms: --by, else $USER.
std::string confirmer(const SameAsArgs& a) {
    if (!a.by.empty()) return a.by;
    const char* user = std::getenv("USER");
    return user && *user ? std::string(user) : std::string();
}

void listCandidates(const Globals& g, const SameAsArgs& a) {
    auto db = g.openReadOnly();
    auto pairs = db.sameAsCandidates();
    const auto total = cutTo(pairs, a.limit);
    if (a.json) {
        printJsonList(Json{{"total", total}}, "candidates", pairs, [](const auto& p) {
            Json x;
            x["a"] = actorJson(p.a);
            x["b"] = actorJson(p.b);
            x["score"] = p.score;
            x["reason"] = p.reason;
            return x;
        });
        return;
    }
    if (pairs.empty()) {
        fmt::print("No likely same_as pairs\n");
        return;
    }
    Table t({"SCORE", "A", "B", "REASON"}, {0});
    for (const auto& p : pairs) {
        t.add({std::to_string(p.score), p.a.id, p.b.id, p.reason});
    }
    t.print(total);
}

/// A database that exists already: same-as writes, it never creates one.
Database openForWriting(const Globals& g) {
    return Database::open(g.db);
}

void run(const Globals& g, const SameAsArgs& a) {
    const int modes =
        int(a.candidates) + int(!a.confirm.empty()) + int(!a.from.empty()) + int(!a.remove.empty());
    if (modes != 1) {
        throw InvalidArgumentError(
            "same-as: give exactly one of --candidates, --confirm A B, --from FILE, --remove A B");
    }
    if (!a.note.empty() && a.confirm.empty())
        throw InvalidArgumentError("same-as: --note goes with --confirm");
    if (a.candidates) {
        listCandidates(g, a);
        return;
    }
    if (!a.confirm.empty()) {
        auto db = openForWriting(g);
        const query::SameAsConfirmation how{
            confirmer(a), "--confirm",
            a.note.empty() ? std::nullopt : std::optional<std::string>(a.note)};
        const auto x = db.resolveActor(a.confirm[0], false);
        const auto y = db.resolveActor(a.confirm[1], false);
        const auto id = db.confirmSameAs(x, y, how);
        fmt::print("{}: {} and {} are one entity ({})\n", g.shownDb(), x, y, id);
        return;
    }
    if (!a.from.empty()) {
        auto db = openForWriting(g);
        const auto n = db.importSameAs(a.from, confirmer(a));
        fmt::print("{}: {} same_as {} confirmed from {}\n", g.shownDb(), n,
                   n == 1 ? "pair" : "pairs", a.from);
        return;
    }
    auto db = openForWriting(g);
    const auto x = db.resolveActor(a.remove[0], false);
    const auto y = db.resolveActor(a.remove[1], false);
    if (!db.removeSameAs(x, y)) {
        throw NotFoundError("no same_as relation between \"" + x + "\" and \"" + y + "\"");
    }
    fmt::print("{}: {} and {} are no longer joined\n", g.shownDb(), x, y);
}

}  // namespace

void addSameAs(CLI::App& cmd, const Globals& g) {
    auto& a = onRun(cmd, g, run);
    cmd.add_flag("--candidates", a.candidates,
                 "list likely pairs not joined yet (same normalised name or alias, no two "
                 "different countries), likeliest first, with the reason");
    cmd.add_option("--confirm", a.confirm, "record that actors A and B are one entity")
        ->expected(2);
    cmd.add_option("--note", a.note, "with --confirm: a note kept with the evidence");
    cmd.add_option("--from", a.from,
                   "confirm every pair of a CSV or TSV file of id,id[,note] lines (all or "
                   "nothing)");
    cmd.add_option("--remove", a.remove, "remove the same_as relation between A and B")
        ->expected(2);
    cmd.add_option("--by", a.by, "who confirms (default: $USER), kept with the evidence");
    addLimitOption(cmd, a.limit);  // --candidates
    addJsonFlag(cmd, a.json);
}

}  // namespace bilateral::cli
