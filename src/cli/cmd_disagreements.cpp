// bilateral disagreements [--json]: every fact whose sources disagree ([claims]).

#include <fmt/core.h>

#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

struct DisagreementsArgs {
    bool json = false;
    std::size_t limit = 0;
};

void printTable(const std::vector<query::Disagreement>& all, std::size_t total) {
    fmt::print("Facts whose sources disagree: {}\n", total);
    if (all.empty()) return;
    Table t({"RECORD", "ACTOR", "FIELD", "VALUE", "SOURCE", "QUOTE"});
    for (const auto& d : all) {
        bool first = true;
        for (const auto& v : d.values) {
            const auto value = v.value + (v.preferred ? " *" : "");
            const auto source = (v.source.empty() ? std::string("(no source)") : v.source) +
                                (v.own ? " (own)" : "");
            t.add({first ? d.record : "", first ? d.actor : "", first ? d.field : "", value, source,
                   quotesText(v.evidence)});
            first = false;
        }
    }
    t.print();
    printShowing(all.size(), total);
    fmt::print(
        "* the preferred value, which answers use (docs/data-model.md, \"Claims\"); (own): the "
        "record's own account\n");
}

void run(const Globals& g, const DisagreementsArgs& a) {
    auto db = g.openReadOnly();
    auto all = db.disagreements();
    const auto total = cutTo(all, a.limit);
    if (a.json) {
        printJsonList(Json{{"total", total}}, "disagreements", all, disagreementJson);
        return;
    }
    printTable(all, total);
}

}  // namespace

void addDisagreements(CLI::App& cmd, const Globals& g) {
    auto& a = onRun(cmd, g, run);
    addLimitOption(cmd, a.limit);
    addJsonFlag(cmd, a.json);
}

}  // namespace bilateral::cli
