#include "tables.hpp"

#include <algorithm>
#include <stdexcept>

#include "bilateral/rules/name_forms.hpp"
#include "text.hpp"

namespace bilateral::draft {

const LexEntry* LexMatch::find(Lex type) const noexcept {
    for (const auto& e : entries) {
        if (e.type == type) return &e;
    }
    return nullptr;
}

std::vector<std::vector<std::string>> tableRows(std::string_view name) {
    // The country names and adjectives and the honorifics are the rules module's, shared with
    // name resolution (rules/name_forms.hpp); the draft's own tables are embedded here.
    std::string_view text = detail::draftTable(name);
    if (text.empty()) text = rules::nameTable(name);
    if (text.empty()) throw std::logic_error("draft table not embedded: " + std::string(name));
    // data/countries.tsv has a header line; the tables of data/draft/ have theirs as a comment.
    return rules::tsvRows(text, !name.starts_with("draft/"));
}

namespace {

using rules::cell;
using rules::splitBars;

int languageOf(const std::string& code) {
    if (code == "en") return static_cast<int>(Language::English);
    if (code == "it") return static_cast<int>(Language::Italian);
    return -1;
}

}  // namespace

const Tables& Tables::get() {
    static const Tables tables = [] {
        Tables t;
        t.load();
        return t;
    }();
    return tables;
}

void Tables::add(std::string_view phrase, LexEntry entry, int language, bool needsCaps) {
    const auto tokens = tokenize(fromUtf8(phrase));
    if (tokens.empty()) return;
    Phrase p;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        p.folds.push_back(tokens[k].fold);
        // A written dot that does not end a sentence: "Hon.", "Jan.", "S.p.A." ends in one.
        if (tokens[k].is(".") && k > 0 && tokens[k - 1].word()) {
            abbreviations.insert(tokens[k - 1].fold);
        }
    }
    p.cap = needsCaps && tokens[0].cap;
    p.allCaps = needsCaps && tokens[0].allCaps;
    p.language = language;
    p.entry = entry;
    byFirst_[p.folds[0]].push_back(std::move(p));
}

void Tables::load() {
    loadCountries();
    loadOffices();
    loadEvents();
    loadCalendar();
    loadOthers();
}

void Tables::loadCountries() {
    auto countryAt = [this](const std::string& code, bool bloc, const std::string& name) {
        const auto [it, added] = countryIndex_.emplace(code, static_cast<int>(countries.size()));
        if (added) countries.push_back({code, bloc, name});
        if (!name.empty()) countries[it->second].name = name;
        return it->second;
    };
    for (const auto& row : tableRows("countries.tsv")) {
        const int k = countryAt(cell(row, 0), false, cell(row, 1));
        for (const auto& n : splitBars(cell(row, 1) + "|" + cell(row, 2))) {
            add(n, {Lex::Country, k}, -1, true);
        }
    }
    const int en = static_cast<int>(Language::English), it = static_cast<int>(Language::Italian);
    for (const auto& row : tableRows("draft/countries.tsv")) {
        const auto names = splitBars(cell(row, 2));
        const int k = countryAt(cell(row, 0), cell(row, 1) == "bloc",
                                names.empty() ? std::string() : names.front());
        for (const auto& n : names) add(n, {Lex::Country, k}, -1, true);
        for (const auto& n : splitBars(cell(row, 3))) add(n, {Lex::Adjective, k}, en, true);
        for (const auto& n : splitBars(cell(row, 4))) add(n, {Lex::Country, k}, -1, true);
        for (const auto& n : splitBars(cell(row, 5))) add(n, {Lex::Adjective, k}, it, false);
    }
}

void Tables::loadOffices() {
    const int en = static_cast<int>(Language::English), it = static_cast<int>(Language::Italian);
    for (const auto& row : tableRows("draft/offices.tsv")) {
        const int k = static_cast<int>(offices.size());
        offices.push_back({cell(row, 0), cell(row, 1), cell(row, 2)});
        for (const auto& n : splitBars(cell(row, 3))) add(n, {Lex::Office, k}, en, false);
        for (const auto& n : splitBars(cell(row, 4))) add(n, {Lex::Office, k}, it, false);
    }
    for (const auto& row : tableRows("draft/portfolios.tsv")) {
        const int k = static_cast<int>(portfolios.size());
        portfolios.push_back(cell(row, 0));
        for (const auto& n : splitBars(cell(row, 1))) add(n, {Lex::Portfolio, k}, en, false);
        for (const auto& n : splitBars(cell(row, 2))) add(n, {Lex::Portfolio, k}, it, false);
    }
    for (const auto& row : tableRows("draft/honorifics.tsv")) {
        const int k = static_cast<int>(honorificCountry.size());
        honorificCountry.push_back(cell(row, 1));
        add(cell(row, 0), {Lex::Honorific, k}, -1, true);
    }
}

void Tables::loadEvents() {
    for (const auto& row : tableRows("draft/events.tsv")) {
        EventWordInfo info;
        const auto kind = model::parse<model::EventKind>(cell(row, 0));
        if (!kind) throw std::logic_error("draft/events.tsv: unknown kind " + cell(row, 0));
        info.kind = *kind;
        info.form = cell(row, 2);
        for (const auto& a : splitBars(cell(row, 3))) {
            const auto eq = a.find('=');
            info.attributes.emplace_back(a.substr(0, eq), a.substr(eq + 1));
        }
        const int k = static_cast<int>(eventWords.size());
        eventWords.push_back(std::move(info));
        for (const auto& n : splitBars(cell(row, 4))) {
            add(n, {Lex::Event, k}, languageOf(cell(row, 1)), false);
        }
    }
}

void Tables::loadCalendar() {
    for (const auto& row : tableRows("draft/calendar.tsv")) {
        const std::string what = cell(row, 0);
        const int value = std::stoi(cell(row, 1));
        const int language = languageOf(cell(row, 2));
        const bool relative = cell(row, 1).find_first_of("+-") == 0 || what == "day";
        Lex type = Lex::Month;
        if (what == "weekday") type = Lex::Weekday;
        if (what == "day") type = Lex::RelDay;
        if (what == "month" && relative) type = Lex::RelMonth;
        if (what == "year") type = Lex::RelYear;
        const bool caps = language == static_cast<int>(Language::English) &&
                          (type == Lex::Month || type == Lex::Weekday);
        for (const auto& n : splitBars(cell(row, 3))) add(n, {type, value}, language, caps);
    }
    for (const auto& row : tableRows("draft/cues.tsv")) {
        const Lex type = cell(row, 0) == "future" ? Lex::Future : Lex::Past;
        for (const auto& n : splitBars(cell(row, 2))) {
            add(n, {type, 0}, languageOf(cell(row, 1)), false);
        }
    }
}

void Tables::loadOthers() {
    for (const auto& row : tableRows("draft/places.tsv")) {
        const int k = static_cast<int>(places.size());
        places.push_back({cell(row, 0), cell(row, 1)});
        for (const auto& n : splitBars(cell(row, 0) + "|" + cell(row, 2))) {
            add(n, {Lex::Place, k}, -1, true);
        }
    }
    const int en = static_cast<int>(Language::English), it = static_cast<int>(Language::Italian);
    for (const auto& row : tableRows("draft/organisations.tsv")) {
        const auto kind = model::parse<model::ActorKind>(cell(row, 0));
        if (!kind) throw std::logic_error("draft/organisations.tsv: unknown kind " + cell(row, 0));
        const int k = static_cast<int>(orgWords.size());
        orgWords.push_back({*kind, cell(row, 1) == "suffix"});
        for (const auto& n : splitBars(cell(row, 2))) add(n, {Lex::OrgWord, k}, en, true);
        for (const auto& n : splitBars(cell(row, 3))) add(n, {Lex::OrgWord, k}, it, true);
    }
}

const CountryInfo* Tables::country(std::string_view code) const {
    const auto it = countryIndex_.find(std::string(code));
    return it == countryIndex_.end() ? nullptr : &countries[it->second];
}

std::optional<LexMatch> Tables::match(const std::vector<Token>& tokens, int i, int end,
                                      Language language, std::initializer_list<Lex> types) const {
    if (i >= end) return std::nullopt;
    const auto it = byFirst_.find(tokens[i].fold);
    if (it == byFirst_.end()) return std::nullopt;
    std::optional<LexMatch> best;
    for (const auto& p : it->second) {
        const int n = static_cast<int>(p.folds.size());
        if (i + n > end) continue;
        if (p.language >= 0 && p.language != static_cast<int>(language)) continue;
        if (types.size() && std::find(types.begin(), types.end(), p.entry.type) == types.end()) {
            continue;
        }
        if ((p.cap && !tokens[i].cap) || (p.allCaps && !tokens[i].allCaps)) continue;
        bool same = true;
        for (int k = 1; k < n && same; ++k) {
            same = tokens[i + k].fold == p.folds[k] && tokens[i + k].breaksBefore == 0;
        }
        if (!same) continue;
        if (!best || n > best->length) {
            best = LexMatch{n, {p.entry}};
        } else if (n == best->length) {
            best->entries.push_back(p.entry);
        }
    }
    return best;
}

}  // namespace bilateral::draft
