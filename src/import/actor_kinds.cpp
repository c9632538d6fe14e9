#include "actor_kinds.hpp"

#include <array>
#include <string>

namespace bilateral::io::detail {
namespace {

using model::ActorKind;

char lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool contains(std::string_view text, std::string_view part) noexcept {
    return text.find(part) != std::string_view::npos;
}

/// Words that make a name a body's, not a person's: the organs of a state, organisations,
/// parties (Indian parties' Dal, Janata, Morcha, Sena too), armed forces and groups (lower
/// case; compared with the name's words).
constexpr std::array<std::string_view, 66> kBodyWords{
    "administration", "agency",      "alliance",     "army",         "assembly",   "association",
    "authority",      "bank",        "board",        "brigade",      "brigades",   "bureau",
    "cabinet",        "command",     "commission",   "committee",    "community",  "company",
    "congress",       "corporation", "council",      "court",        "daesh",      "dal",
    "department",     "embassy",     "federation",   "forces",       "foundation", "front",
    "fund",           "government",  "group",        "hamas",        "haram",      "hezbollah",
    "institute",      "isil",        "isis",         "janata",       "league",     "marines",
    "military",       "militia",     "ministry",     "morcha",       "movement",   "nations",
    "navy",           "office",      "organisation", "organization", "parliament", "party",
    "police",         "qaeda",       "secretariat",  "sena",         "senate",     "service",
    "shabaab",        "taliban",     "treasury",     "tribunal",     "union",      "university"};

bool isBodyWord(std::string_view word) {
    std::string w(word);
    for (auto& c : w) c = lower(c);
    for (const auto b : kBodyWords) {
        if (w == b) return true;
    }
    return false;
}

/// An acronym standing for a body: 2 to 8 capitals (NATO, ASEAN, OPEC).
bool isAcronym(std::string_view name) noexcept {
    if (name.size() < 2 || name.size() > 8) return false;
    for (const char c : name) {
        if (c < 'A' || c > 'Z') return false;
    }
    return true;
}

/// Calls `fn` with each sector of an ICEWS list, without the "International " prefix ICEWS
/// puts before the sectors of actors acting across borders; true when `fn` is true for one.
template <class Fn>
bool anySector(std::string_view sectors, Fn fn) {
    while (!sectors.empty()) {
        const auto comma = sectors.find(',');
        auto s = sectors.substr(0, comma);
        sectors = comma == std::string_view::npos ? std::string_view() : sectors.substr(comma + 1);
        while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
        while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
        if (s.substr(0, 14) == "International ") s.remove_prefix(14);
        if (fn(s)) return true;
    }
    return false;
}

bool isIgo(std::string_view s) {
    return s == "Government Organization" || contains(s, "IGO");
}
bool isMilitary(std::string_view s) {
    return s == "Military" || s.substr(0, 9) == "Military " || s == "Army" || s == "Navy" ||
           s == "Air Force" || s == "Marines";
}
bool isArmed(std::string_view s) {
    return contains(s, "Insurgent") || contains(s, "Rebel") || contains(s, "Separatist") ||
           contains(s, "Paramilitar") || contains(s, "Terror") || s == "Unidentified Forces";
}
bool isParty(std::string_view s) {
    return s == "Parties" || contains(s, "Party");
}
bool isGovernment(std::string_view s) {
    for (const std::string_view g :
         {"Government", "Executive", "Executive Office", "Cabinet", "Legislative / Parliamentary",
          "Upper House", "Lower House", "Judicial", "Police", "Local", "Provincial", "Municipal",
          "Intelligence", "Diplomatic"}) {
        if (s == g) return true;
    }
    return contains(s, "Ministry");
}
bool isBusiness(std::string_view s) {
    return contains(s, "Business") || s == "Multinational Corporation";
}
bool isEducation(std::string_view s) {
    return contains(s, "Education") || contains(s, "Research");
}
bool isNgo(std::string_view s) {
    return contains(s, "Nongovernmental") || contains(s, "NGO");
}

}  // namespace

/// ICEWS's generic sector actors: "Head of Government (Italy)", "Criminal (Al Qaeda)".
bool isGeneric(std::string_view name) noexcept {
    return !name.empty() && name.back() == ')' && contains(name, " (");
}

bool namesABody(std::string_view name) {
    if (isAcronym(name) || isGeneric(name)) return true;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        const bool end = i == name.size();
        const char c = end ? ' ' : name[i];
        if (c == ' ' || c == '/' || c == '-' || c == ',' || c == '.' || c == '\'' || c == '(' ||
            c == ')') {
            if (i > start && isBodyWord(name.substr(start, i - start))) return true;
            start = i + 1;
        }
    }
    return false;
}

ActorKind icewsActorKind(std::string_view name, std::string_view sectors, bool hasCountry) {
    if (sectors == "Unspecified") return ActorKind::Group;
    if (!hasCountry && sectors.empty()) return ActorKind::Bloc;
    // People, whatever they work in: a president, a general, the EU's Antonio Tajani.
    if (!namesABody(name)) return ActorKind::Person;
    if (anySector(sectors, isIgo)) return ActorKind::Bloc;
    if (anySector(sectors, isMilitary)) return ActorKind::Military;
    if (anySector(sectors, isArmed)) return ActorKind::ArmedGroup;
    // A generic actor stands for a state's organ ("Foreign Affairs (China)") or for people of a
    // sector ("Business (South Africa)", "Citizen (India)"): a group.
    if (isGeneric(name)) {
        return anySector(sectors, isGovernment) ? ActorKind::GovernmentBody : ActorKind::Group;
    }
    if (anySector(sectors, isParty)) return ActorKind::Organisation;
    if (anySector(sectors, isGovernment)) return ActorKind::GovernmentBody;
    if (anySector(sectors, isBusiness)) return ActorKind::Company;
    if (anySector(sectors, isEducation)) return ActorKind::Institution;
    if (anySector(sectors, isNgo)) return ActorKind::Organisation;
    return ActorKind::Group;
}

namespace {

ActorKind gdeltTypeKind(std::string_view type) {
    for (const std::string_view t : {"GOV", "JUD", "LEG", "COP", "SPY"}) {
        if (type == t) return ActorKind::GovernmentBody;
    }
    if (type == "MIL") return ActorKind::Military;
    for (const std::string_view t : {"REB", "INS", "SEP", "UAF"}) {
        if (type == t) return ActorKind::ArmedGroup;
    }
    if (type == "IGO") return ActorKind::Bloc;
    for (const std::string_view t : {"NGO", "NGM", "IRC", "AMN", "HRI", "PTY", "LAB"}) {
        if (type == t) return ActorKind::Organisation;
    }
    if (type == "BUS" || type == "MNC") return ActorKind::Company;
    if (type == "EDU") return ActorKind::Institution;
    return ActorKind::Group;
}

}  // namespace

ActorKind gdeltActorKind(std::string_view type1, std::string_view type2, std::string_view type3) {
    for (const auto type : {type1, type2, type3}) {
        if (const auto k = gdeltTypeKind(type); k != ActorKind::Group) return k;
    }
    return ActorKind::Group;
}

}  // namespace bilateral::io::detail
