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
        Json list = Json::array();
        for (std::size_t i = 0; i < hits.size(); ++i) {
            const auto& h = hits[i];
            Json x = actorJson(query::ActorRef{h.id, h.name, h.kind, h.country, {}});
            x["matched"] = h.matched;
            x["score"] = h.score;
            list.push_back(std::move(x));
        }
        j["hits"] = std::move(list);
        printJson(j);
        return;
    }
    if (hits.empty()) {
        fmt::print("No actor matches \"{}\"\n", a.text);
        return;
    }
    Table t({"NAME", "ID", "KIND", "COUNTRY", "MATCHED"});
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const auto& h = hits[i];
        t.add({h.name, h.id, std::string(model::toString(h.kind)), h.country, h.matched});
    }
    t.print(total);
}

}  // namespace

void addSearch(CLI::App& app, const Globals& g) {
    auto [cmd, a] = addVerb(app, g, "search",
                            "Actors whose name or alias matches TEXT, ignoring case, accents and "
                            "apostrophe style (the last word may be a prefix); exact names first",
                            run);
    cmd->add_option("TEXT", a->text, "words to look for")->required();
    cmd->add_option("--limit", a->limit, "at most this many actors (default 20)")
        ->check(wholeNumber(1, std::numeric_limits<long long>::max()));
    addJsonFlag(*cmd, a->json);
}

}  // namespace bilateral::cli
