// The first step: countries, places, event words, tense cues and organisations in each sentence.

#include <algorithm>

#include "analysis.hpp"
#include "text.hpp"

namespace bilateral::draft {
namespace {

/// Words before an event noun that make it definite ("the visit", "l'incontro") or not.
const std::initializer_list<std::string_view> kDefinite{
    "the",   "this",  "that",  "these", "il",    "lo",    "la",     "l'",     "i",      "gli",
    "le",    "del",   "dello", "della", "dell'", "dei",   "degli",  "delle",  "al",     "allo",
    "alla",  "all'",  "ai",    "agli",  "alle",  "dal",   "dallo",  "dalla",  "dall'",  "nel",
    "nello", "nella", "nell'", "sul",   "sulla", "sull'", "questo", "questa", "quest'", "d'"};
const std::initializer_list<std::string_view> kIndefinite{
    "a", "an", "one", "another", "un", "uno", "una", "un'", "two", "three", "several", "due"};
/// Words between which and an event noun no article is looked for ("the subject of meetings").
const std::initializer_list<std::string_view> kPrepositions{
    "of", "on",  "in", "at",  "to",  "for", "with", "by", "from", "di", "a",
    "da", "con", "su", "per", "tra", "fra", "and",  "e",  "or",   "o"};
/// Words that make the following event word a noun ("his visit", "a visit").
const std::initializer_list<std::string_view> kNounMarkers{
    "his",   "her",    "their",    "its",     "our",       "'s",     "sua",   "suo",  "loro",
    "first", "second", "official", "working", "bilateral", "public", "prima", "primo"};

bool inList(const Token& t, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), t.fold) != list.end();
}

void scanCountriesAndPlaces(Analysis& a, int s, const Sentence& sen) {
    for (int i = sen.first; i < sen.last;) {
        const auto m = a.tables.match(a.tokens, i, sen.last, a.language,
                                      {Lex::Country, Lex::Adjective, Lex::Place});
        if (!m) {
            ++i;
            continue;
        }
        const Range r{i, i + m->length};
        if (const auto* p = m->find(Lex::Place)) {
            const auto& info = a.tables.places[static_cast<std::size_t>(p->value)];
            a.places.push_back({r, a.writtenUtf8(r), info.country, s});
        }
        const auto* c = m->find(Lex::Country);
        const auto* adj = m->find(Lex::Adjective);
        if (c || adj) {
            CountryMention cm{r, (c ? c : adj)->value, !c, false, s};
            if (r.last < sen.last && a.tokens[static_cast<std::size_t>(r.last)].is("'s")) {
                cm.possessive = true;
                cm.range.last += 1;
            }
            a.countries.push_back(cm);
        }
        i = r.last;
    }
}

/// Whether the event word at `i` reads as a noun here: after an article, a possessive or an
/// adjective that only goes with nouns.
bool readsAsNoun(const Analysis& a, int i, int sentenceFirst) {
    for (int k = i - 1; k >= sentenceFirst && k >= i - 3; --k) {
        const Token& t = a.tokens[static_cast<std::size_t>(k)];
        if (inList(t, kDefinite) || inList(t, kIndefinite) || inList(t, kNounMarkers)) return true;
        if (t.type == TokenType::Number || t.fold.ends_with("-day") || t.fold.ends_with("-giorni"))
            return true;
        if (t.type != TokenType::Word || t.cap) return false;
        if (!a.tables.match(a.tokens, k, k + 1, a.language, {Lex::Adjective})) return false;
    }
    return false;
}

/// The article before an event noun, looking past up to two adjectives ("the bilateral
/// meeting", "del cordiale colloquio").
bool definiteBefore(const Analysis& a, int i, int sentenceFirst) {
    for (int k = i - 1; k >= sentenceFirst && k >= i - 3; --k) {
        const Token& t = a.tokens[static_cast<std::size_t>(k)];
        if (inList(t, kDefinite)) return true;
        if (inList(t, kIndefinite) || inList(t, kPrepositions) || t.type != TokenType::Word ||
            t.cap) {
            return false;
        }
    }
    return false;
}

void scanEvents(Analysis& a, int s, const Sentence& sen) {
    for (int i = sen.first; i < sen.last;) {
        const auto m = a.tables.match(a.tokens, i, sen.last, a.language, {Lex::Event});
        if (!m) {
            ++i;
            continue;
        }
        // A word that is both noun and verb ("visit", "visita") is read by its context.
        const bool noun = readsAsNoun(a, i, sen.first);
        const LexEntry* chosen = &m->entries.front();
        for (const auto& e : m->entries) {
            const auto& form = a.tables.eventWords[static_cast<std::size_t>(e.value)].form;
            if ((form == "noun") == noun) {
                chosen = &e;
                break;
            }
        }
        EventMention em;
        em.trigger = {i, i + m->length};
        em.word = chosen->value;
        em.sentence = s;
        const auto& form = a.tables.eventWords[static_cast<std::size_t>(em.word)].form;
        em.definite = (form == "noun" || form == "refer") && definiteBefore(a, i, sen.first);
        a.eventMentions.push_back(em);
        i += m->length;
    }
}

/// Italian future tenses by their endings: "parteciperà", "firmeranno".
bool italianFuture(const std::u32string& word) {
    if (word.size() < 5) return false;
    const char32_t last = word.back();
    if (last == U'\u00E0' || last == U'\u00F2') return word[word.size() - 2] == U'r';
    return word.size() > 6 && word.ends_with(U"ranno");
}

void scanCues(Analysis& a, const Sentence& sen) {
    for (int i = sen.first; i < sen.last;) {
        const auto m = a.tables.match(a.tokens, i, sen.last, a.language, {Lex::Future, Lex::Past});
        if (m) {
            a.cues.push_back({i, m->find(Lex::Future) != nullptr});
            i += m->length;
            continue;
        }
        const Token& t = a.tokens[static_cast<std::size_t>(i)];
        if (a.language == Language::Italian && t.word() && italianFuture(a.written({i, i + 1}))) {
            a.cues.push_back({i, true});
        }
        ++i;
    }
}

}  // namespace

void scanSentences(Analysis& a) {
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
        const auto& sen = a.sentences[s];
        scanCountriesAndPlaces(a, static_cast<int>(s), sen);
        scanEvents(a, static_cast<int>(s), sen);
        scanCues(a, sen);
    }
}

}  // namespace bilateral::draft
