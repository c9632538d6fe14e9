#pragma once
// What the rules find in an article, step by step (draft.cpp runs the steps): mentions in the
// sentences (scan.cpp, offices.cpp, dates.cpp), then persons (persons.cpp), then events and
// their parts (events.cpp, roles.cpp), then the document (assemble.cpp).

#include <optional>
#include <string>
#include <vector>

#include "bilateral/draft/draft.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"
#include "tables.hpp"
#include "tokens.hpp"

namespace bilateral::draft {

/// Tokens [first, last).
struct Range {
    int first = 0, last = 0;
    [[nodiscard]] bool empty() const noexcept { return last <= first; }
    [[nodiscard]] bool contains(int t) const noexcept { return t >= first && t < last; }
};
Range cover(Range a, Range b) noexcept;

/// A country or bloc named ("Italy", "l'Unione europea") or qualified by its adjective
/// ("Malaysian", "malese"), possessive included ("Malaysia’s").
struct CountryMention {
    Range range;
    int country = -1;  ///< index into Tables::countries
    bool adjective = false;
    bool possessive = false;
    int sentence = 0;
};

/// A title: "Malaysian Prime Minister", "il Ministro degli Esteri della Malesia",
/// "Ambassador of Italy to Malaysia", "the Ministers of Defence and Foreign Affairs".
struct OfficeMention {
    Range range;
    std::string office;          ///< English: "Minister of Defence"
    std::string rank;            ///< leader, minister, envoy, official
    std::string country;         ///< ISO code, "" when the title gives none
    std::string toCountry;       ///< an envoy's host country
    bool countryStated = false;  ///< the title itself names the country (or implies it)
    bool plural = false;         ///< "Ministers", "Ministri": no one person
    int sentence = 0;
    int person = -1;  ///< the person it names, once known (persons.cpp)
    int post = -1;    ///< index into Analysis::posts (persons.cpp)
    /// The term the text gives in brackets right after the title ("(18 October 2021 – 8 June
    /// 2025)", "(2021–2025)"): when the person held it.
    int term = -1;  ///< index into Analysis::dates
};

/// A place where events happen: a table place, a country after a preposition, or a building.
struct PlaceMention {
    Range range;
    std::string name;
    std::string country;
    int sentence = 0;
};

/// A date as written, before resolution (dates.cpp).
struct DateMention {
    enum class Kind { Day, Month, Year, Weekday, RelDay, RelMonth, RelYear };
    Range range;
    Kind kind = Kind::Day;
    int day = 0, month = 0, year = 0;           ///< 0 when not written
    int endDay = 0, endMonth = 0, endYear = 0;  ///< a range's end; 0 when none
    int weekday = 0;                            ///< 1 = Monday
    int offset = 0;                             ///< RelDay, RelMonth, RelYear: from the publication
    int yearOffset = 0;                         ///< "December 12 last year": -1
    bool since = false;       ///< "dal 2019", "since 2019": not when an event took place
    bool dateline = false;    ///< "JAKARTA, Jan 3 —": when the article was written
    bool standalone = false;  ///< a line that is only a date (a signature's)
    bool term = false;        ///< a title's term in brackets (OfficeMention::term)
    int sentence = 0;
};

/// An organisation named: "Italian Trade Agency (ICE)", "Eni S.p.A.", "Ministry of Defence".
struct OrgMention {
    Range range;
    std::string name;
    std::string acronym;
    model::ActorKind kind = model::ActorKind::Institution;
    std::string country;
    int sentence = 0;
    int org = -1;  ///< index into Analysis::orgs
};

/// A word that names or tells an event.
struct EventMention {
    Range trigger;
    int word = -1;           ///< index into Tables::eventWords
    bool definite = false;   ///< "the visit", "l'incontro": may be an event told before
    bool possessed = false;  ///< "X's invitation", "l'invito del ..."
    int sentence = 0;
};

/// A tense cue ("will", "ha").
struct CueMention {
    int token = 0;
    bool future = false;
};

/// A person named: title, honorifics and name as written.
struct PersonMention {
    Range range;               ///< all of it: the evidence's span
    Range name;                ///< the name alone
    Range honorific;           ///< empty when none
    std::vector<int> offices;  ///< indices into Analysis::offices
    int person = -1;
    double confidence = 0.9;
    std::string how;  ///< how it was recognized, for the evidence's note
    int sentence = 0;
};

struct Person {
    std::string name;                  ///< without honorifics
    std::vector<std::string> aliases;  ///< as written with honorifics, other forms
    std::string country;
    std::string countryWhy;     ///< for the note
    std::vector<int> posts;     ///< indices into Analysis::posts
    std::vector<int> mentions;  ///< indices into Analysis::persons
};

struct Post {
    std::string office, country, toCountry, rank;
    std::vector<int> mentions;  ///< indices into Analysis::offices
    [[nodiscard]] std::string name(const Tables& tables) const;
};

/// Persons the text names together without naming them one by one ("the Ministers of Defence
/// and Foreign Affairs", "five Ministers").
struct Group {
    std::string name;
    std::string country;
    Range range;
    int sentence = 0;
};

struct Org {
    std::string name, acronym, country;
    model::ActorKind kind = model::ActorKind::Institution;
    std::vector<int> mentions;
};

/// Who takes part in an event: a person, a country, a post (a title without a name) or an
/// organisation.
struct ActorRef {
    enum class Type { Person, Country, Post, Org, Group } type = Type::Person;
    int index = -1;
    friend bool operator==(const ActorRef&, const ActorRef&) = default;
};

/// An actor named at a place in a sentence, for the role rules (roles.cpp): a person, a group
/// of persons ("the two leaders", each one), a title without a name, an organisation, a country.
struct ActorAt {
    Range range;
    ActorRef ref;
};

struct Part {
    ActorRef actor;
    model::Role role = model::Role::Attendee;
    Range evidence;  ///< within one sentence
    double confidence = 0.7;
    std::string note;
};

struct EventLinkDraft {
    model::EventLinkKind kind = model::EventLinkKind::LeadsTo;
    int from = -1, to = -1;  ///< indices into Analysis::events
    Range evidence;
};

/// An event as the rules propose it.
struct EventDraft {
    model::EventKind kind = model::EventKind::BilateralMeeting;
    std::vector<std::pair<std::string, std::string>> attributes;
    model::EventStatus status = model::EventStatus::Occurred;
    std::string statusWhy;
    std::optional<model::Date> start, end;
    std::string dateWhy;
    Range dateRange;  ///< the date expression's tokens, when it has one
    int date = -1;    ///< index into Analysis::dates
    int days = 0;     ///< a length the text gives ("a three-day visit"), 0 when none
    int place = -1;   ///< index into Analysis::places
    std::vector<Part> parts;
    Range evidence;           ///< the trigger and what dates and places it, within one sentence
    std::vector<Range> more;  ///< later sentences that tell of it again
    int parent = -1;
    int sentence = 0;
    int mention = -1;  ///< the EventMention that made it
    bool dropped = false;
    double confidence = 0.7;
};

/// Everything found, by step.
struct Analysis {
    const Tables& tables;
    std::u32string text;
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    Language language = Language::English;
    std::optional<model::Date> published;
    std::string publishedWhy;
    std::string home;  ///< the country the article speaks from, "" when unknown
    std::string homeWhy;

    std::vector<CountryMention> countries;
    std::vector<OfficeMention> offices;
    std::vector<PlaceMention> places;
    std::vector<DateMention> dates;
    std::vector<OrgMention> orgMentions;
    std::vector<EventMention> eventMentions;
    std::vector<CueMention> cues;
    std::vector<PersonMention> persons;

    std::vector<Person> people;
    std::vector<Post> posts;
    std::vector<Org> orgs;
    std::vector<Group> groups;
    std::vector<EventDraft> events;
    std::vector<int> mentionEvent;  ///< for each EventMention: its event, or -1
    std::vector<EventLinkDraft> links;
    std::vector<std::string> notes;

    explicit Analysis(const Tables& t) : tables(t) {}

    /// The text of tokens [r.first, r.last) as written (one span of the text).
    [[nodiscard]] std::u32string written(Range r) const;
    [[nodiscard]] std::string writtenUtf8(Range r) const;
    [[nodiscard]] const Sentence& sentenceOf(int token) const;
    [[nodiscard]] int sentenceIndex(int token) const;
    /// The indexes of the mentions of `list` (persons, countries, eventMentions, ...) in sentence
    /// `s`, in order.
    template <class Mention>
    [[nodiscard]] static std::vector<int> inSentence(const std::vector<Mention>& list, int s) {
        std::vector<int> out;
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (list[i].sentence == s) out.push_back(static_cast<int>(i));
        }
        return out;
    }
    /// The person mention covering token t, or -1.
    [[nodiscard]] int personAt(int t) const;
    [[nodiscard]] const EventWordInfo& word(const EventMention& m) const {
        return tables.eventWords[static_cast<std::size_t>(m.word)];
    }
};

// The steps, in order (each reads what the earlier ones found).
void scanSentences(Analysis& a);    ///< scan.cpp: countries, places, events, cues, orgs
void findOffices(Analysis& a);      ///< offices.cpp
void findDates(Analysis& a);        ///< dates.cpp
void findPersons(Analysis& a);      ///< persons.cpp
void findOrgs(Analysis& a);         ///< orgs.cpp
void buildEvents(Analysis& a);      ///< events.cpp
void assignParts(Analysis& a);      ///< roles.cpp
void settleEvents(Analysis& a);     ///< settle.cpp: dates, status, places, parents
void finishCountries(Analysis& a);  ///< settle.cpp: countries of persons from the events

/// A date resolved against the publication (dates.cpp).
struct ResolvedDate {
    std::optional<model::Date> start, end;
    std::string why;  ///< for the evidence's note; says what could not be resolved
};
/// `future`: the event lies ahead (for a weekday, a date without a year).
ResolvedDate resolveDate(const DateMention& d, const std::optional<model::Date>& published,
                         bool future);

/// Folded words tokens [r.first, r.last) hold (a test and a helper).
bool foldIs(const Analysis& a, int token, std::initializer_list<std::string_view> folds);

}  // namespace bilateral::draft
