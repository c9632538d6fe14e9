#pragma once
// The draft's tables (data/draft/, embedded at build time) and the lexicon that finds their
// phrases in a sentence's tokens.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bilateral/draft/draft.hpp"
#include "bilateral/model/kinds.hpp"
#include "tokens.hpp"

namespace bilateral::draft {

struct CountryInfo {
    std::string code;  ///< ISO 3166-1 alpha-3, or a bloc's code (EU, ASEAN)
    bool bloc = false;
    std::string name;  ///< English name
};

struct OfficeInfo {
    std::string name;     ///< English: "Prime Minister", "Minister of Defence"
    std::string country;  ///< the country the title implies, empty when none
    std::string rank;     ///< leader, minister, envoy, official
};

struct EventWordInfo {
    model::EventKind kind = model::EventKind::BilateralMeeting;
    std::string form;  ///< noun, verb, receive, call, invite, accept, arrive
    std::vector<std::pair<std::string, std::string>> attributes;
};

struct PlaceInfo {
    std::string name;     ///< as the table names it (English)
    std::string country;  ///< ISO alpha-3
};

struct OrgWordInfo {
    model::ActorKind kind = model::ActorKind::Institution;
    bool suffix = false;  ///< a company suffix (S.p.A.) rather than a head word (Ministry)
};

/// What a lexicon phrase is.
enum class Lex : std::uint8_t {
    Country,    ///< a country's or bloc's name: index into countries
    Adjective,  ///< a country's adjective or demonym: index into countries
    Office,     ///< index into offices
    Portfolio,  ///< index into portfolios
    Honorific,  ///< index into honorifics
    Event,      ///< index into eventWords
    Month,      ///< value 1-12
    Weekday,    ///< value 1 (Monday) - 7
    RelDay,     ///< value: days from the publication
    RelMonth,   ///< value: months from the publication's
    RelYear,    ///< value: years from the publication's
    Future,
    Past,
    Place,    ///< index into places
    OrgWord,  ///< index into orgWords
};

struct LexEntry {
    Lex type = Lex::Country;
    int value = 0;
};

/// A phrase found at a token: its entries and length in tokens.
struct LexMatch {
    int length = 0;
    std::vector<LexEntry> entries;
    [[nodiscard]] const LexEntry* find(Lex type) const noexcept;
};

class Tables {
public:
    /// The embedded tables, parsed once.
    static const Tables& get();

    /// The longest phrase at tokens[i] (within [i, end)) for `language`; of the given types when
    /// `types` is not empty. Phrases of names (countries, places, honorifics) match in any
    /// language and need the capitals the table gives them.
    [[nodiscard]] std::optional<LexMatch> match(const std::vector<Token>& tokens, int i, int end,
                                                Language language,
                                                std::initializer_list<Lex> types = {}) const;

    std::vector<CountryInfo> countries;
    std::vector<OfficeInfo> offices;
    std::vector<std::string> portfolios;        ///< English names
    std::vector<std::string> honorificCountry;  ///< the country each honorific implies, or ""
    std::vector<EventWordInfo> eventWords;
    std::vector<PlaceInfo> places;
    std::vector<OrgWordInfo> orgWords;
    /// Folded words written with a dot that does not end a sentence ("hon", "jan", "sig").
    std::unordered_set<std::string> abbreviations;

    [[nodiscard]] const CountryInfo* country(std::string_view code) const;

private:
    struct Phrase {
        std::vector<std::string> folds;
        bool cap = false, allCaps = false;  ///< what the first token must be
        int language = -1;                  ///< -1: any; else a Language
        LexEntry entry;
    };
    void add(std::string_view phrase, LexEntry entry, int language, bool needsCaps);
    void load();
    void loadCountries();
    void loadOffices();
    void loadEvents();
    void loadCalendar();
    void loadOthers();
    std::unordered_map<std::string, std::vector<Phrase>> byFirst_;
    std::unordered_map<std::string, int> countryIndex_;
};

/// The TSV rows of an embedded table (the draft's own, or one of rules::nameTable), split at
/// tabs: comments skipped, and the header line of data/countries.tsv (the tables of data/draft/
/// give theirs as a comment).
std::vector<std::vector<std::string>> tableRows(std::string_view name);

namespace detail {
std::string_view draftTable(std::string_view name) noexcept;  // generated
}

}  // namespace bilateral::draft
