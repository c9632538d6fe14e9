// What a verb over an actor, a dyad of countries or a country is about (format.hpp, ScopeArgs):
// its options, their checks, and the scope resolved against the database.

#include <cctype>
#include <tuple>

#include "bilateral/error.hpp"
#include "format.hpp"

namespace bilateral::cli {

std::string upperCase(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

void ScopeArgs::checkOne(std::string_view verb) const {
    if ((!actor.empty() + !dyad.empty() + !country.empty()) == 1) return;
    throw InvalidArgumentError(std::string(verb) +
                               ": give exactly one of ACTOR, --dyad ISO3:ISO3 or --country ISO3");
}

std::pair<std::string, std::string> parseDyad(const std::string& dyad) {
    const auto colon = dyad.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == dyad.size() ||
        dyad.find(':', colon + 1) != std::string::npos) {
        throw InvalidArgumentError("--dyad: expected two country codes as ISO3:ISO3, got \"" +
                                   dyad + "\"");
    }
    auto a = upperCase(dyad.substr(0, colon)), b = upperCase(dyad.substr(colon + 1));
    if (a == b) throw InvalidArgumentError("--dyad: the two countries must differ");
    return {a, b};
}

Scope resolveScope(Database& db, const ScopeArgs& args, bool json) {
    Scope s;
    if (!args.actor.empty()) {
        s.actor = resolveActorArgument(db, args.actor, json, std::nullopt, !args.noMerge);
        const auto who = db.actorRef(s.actor, !args.noMerge);
        s.label = actorLabel(who);
        s.json["actor"] = actorJson(who);
    } else if (!args.dyad.empty()) {
        std::tie(s.a, s.b) = parseDyad(args.dyad);
        s.json["dyad"] = Json::array({s.a, s.b});
    } else {
        s.a = upperCase(args.country);
        s.json["country"] = s.a;
    }
    return s;
}

void addScopeOptions(CLI::App& cmd, ScopeArgs& scope, const std::string& dyadExample,
                     const std::string& countryHelp) {
    addActorArgument(cmd, scope.actor, "ACTOR", false);
    cmd.add_option("--dyad", scope.dyad,
                   "events in which both countries take part, as ISO3:ISO3 " + dyadExample);
    cmd.add_option("--country", scope.country, countryHelp);
}

}  // namespace bilateral::cli
