// bilateral search TEXT [--limit N] [--json]

#include <fmt/core.h>

#include <limits>

#include "bilateral/query/queries.hpp"
#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

struct SearchArgs {
    std::string text;
    std::size_t limit = 20;
    bool json = false;
};

void run(const Globals& g, const SearchArgs& a) {
    auto db = g.openReadOnly();
    auto hits = db.search(a.text, std::numeric_limits<std::size_t>::max());
    const auto total = cutTo(hits, a.limit);
    if (a.json) {
        Json j;
        j["query"] = a.text;
        j["total"] = total;
        printJsonList(j, "hits", hits, [](const auto& h) {
            Json x = actorJson(query::ActorRef{h.id, h.name, h.kind, h.country, {}});
            x["matched"] = h.matched;
            x["score"] = h.score;
            return x;
        });
        return;
    }
    if (hits.empty()) {
        fmt::print("No actor matches \"{}\"\n", a.text);
        return;
    }
    Table t({"NAME", "ID", "KIND", "COUNTRY", "MATCHED"});
    for (const auto& h : hits) {
        t.add({h.name, h.id, std::string(model::toString(h.kind)), h.country, h.matched});
    }
    t.print(total);
}

}  // namespace

void addSearch(CLI::App& cmd, const Globals& g) {
    auto& a = onRun(cmd, g, run);
    cmd.add_option("TEXT", a.text, "words to look for")->required();
    cmd.add_option("--limit", a.limit, "at most this many actors (default 20)")
        ->check(wholeNumber(1, std::numeric_limits<long long>::max()));
    addJsonFlag(cmd, a.json);
}

}  // namespace bilateral::cli
