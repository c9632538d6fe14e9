// The review of a draft (`bilateral draft --diff`): what an import would add, what the graph
// already has, what may repeat it.

#include <fmt/core.h>

#include <algorithm>
#include <set>

#include "bilateral/draft/draft.hpp"

namespace bilateral::draft {
namespace {

std::string quoteOf(const std::vector<model::Evidence>& evidence) {
    if (evidence.empty() || !evidence.front().quote) return {};
    const auto& e = evidence.front();
    std::string q = *e.quote;
    std::replace(q.begin(), q.end(), '\n', ' ');
    return fmt::format("[{}-{}] \u00ab{}\u00bb", e.span ? e.span->start : 0,
                       e.span ? e.span->end : 0, q);
}

std::string confidenceOf(const std::vector<model::Evidence>& evidence) {
    if (evidence.empty() || !evidence.front().confidence) return "    ";
    return fmt::format("{:.2f}", *evidence.front().confidence);
}

std::string dates(const model::Event& e) {
    if (!e.start) return "undated";
    return e.end ? e.start->toString() + ".." + e.end->toString() : e.start->toString();
}

struct Writer {
    const Draft& d;
    std::set<std::string> reused;
    std::string out;

    [[nodiscard]] std::string mark(const std::string& id) const {
        return reused.count(id) ? id + " (=)" : id;
    }

    void header() {
        out += fmt::format("Draft of {} ({}), {}; published {}\n",
                           d.source.file.value_or(d.source.title), d.source.id,
                           d.language == Language::Italian ? "Italian" : "English",
                           d.source.published ? d.source.published->toString() : "not known");
        out += fmt::format(
            "proposed: {} actors, {} events, {} relations, {} links; in the graph "
            "already: {} actors, {} relations{}\n",
            d.actors.size(), d.events.size(), d.relations.size(), d.links.size(), d.reused.size(),
            d.relationsInGraph.size(), d.sourceInGraph ? ", the source" : "");
        out += "(+ new, = in the graph and not repeated, ? may repeat an event of the graph)\n";
    }

    void actors() {
        out += "\nActors\n";
        for (const auto& r : d.reused) {
            out += fmt::format("  = {}  \"{}\" in the graph, matched by \"{}\" (written \"{}\")\n",
                               r.id, r.name, r.matched, r.written);
        }
        for (const auto& a : d.actors) {
            out += fmt::format("  + {}  {} \"{}\"{}  {}  {}\n", a.id, model::toString(a.kind),
                               a.name, a.country ? " " + *a.country : "", confidenceOf(a.evidence),
                               quoteOf(a.evidence));
        }
    }

    void events() {
        out += "\nEvents\n";
        for (const auto& e : d.events) {
            out +=
                fmt::format("  + {}  {}  {}  {}{}{}  {}\n", e.id, model::toString(e.kind), dates(e),
                            model::toString(e.status), e.location ? "  at " + *e.location : "",
                            e.parent ? "  within " + *e.parent : "", confidenceOf(e.evidence));
            out += fmt::format("      {}\n", quoteOf(e.evidence));
            for (const auto& p : e.participants) {
                out += fmt::format("      {:<17} {}  {}  {}\n", model::toString(p.role),
                                   mark(p.actor), confidenceOf(p.evidence), quoteOf(p.evidence));
            }
            for (const auto& r : d.repeats) {
                if (r.draftEvent != e.id) continue;
                out +=
                    fmt::format("    ? may repeat {} ({}, {}{}), which {} also takes part in\n",
                                r.known.id, model::toString(r.known.kind),
                                r.known.start ? r.known.start->toString() : "undated",
                                r.known.end ? ".." + r.known.end->toString() : "", r.sharedActor);
            }
        }
    }

    void relationsAndLinks() {
        out += "\nRelations\n";
        for (const auto& id : d.relationsInGraph) out += fmt::format("  = {}\n", id);
        for (const auto& r : d.relations) {
            out += fmt::format("  + {} {} -> {}  {}  {}\n", model::toString(r.kind), mark(r.from),
                               mark(r.to), confidenceOf(r.evidence), quoteOf(r.evidence));
        }
        out += "\nLinks\n";
        for (const auto& l : d.links) {
            out += fmt::format("  + {} {} -> {}  {}\n", model::toString(l.kind), l.from, l.to,
                               quoteOf(l.evidence));
        }
        if (!d.notes.empty()) {
            out += "\nNot settled\n";
            for (const auto& n : d.notes) out += "  - " + n + "\n";
        }
    }
};

}  // namespace

std::string reviewText(const Draft& draft) {
    Writer w{draft, {}, {}};
    for (const auto& r : draft.reused) w.reused.insert(r.id);
    w.header();
    w.actors();
    w.events();
    w.relationsAndLinks();
    return std::move(w.out);
}

}  // namespace bilateral::draft
