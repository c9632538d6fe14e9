// Resolution of ACTOR arguments as people write names (docs/queries.md, "Names"), from a storage
// engine (from_storage.hpp). The engine matches tokens; which match names the actor is decided
// here, in tiers: an id; a whole name or alias; the same without honorifics; a title made from a
// country's adjective or name ("Italian Ambassador to Malaysia"); a name part (a surname).

#include <algorithm>
#include <map>
#include <optional>

#include "bilateral/error.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/rules/name_forms.hpp"
#include "bilateral/rules/natural_order.hpp"

namespace bilateral::query {
namespace {

using storage::RowId;
using Tokens = std::vector<std::string>;

bool startsWith(const Tokens& t, const Tokens& p, std::size_t at = 0) {
    return at + p.size() <= t.size() && std::equal(p.begin(), p.end(), t.begin() + at);
}
bool endsWith(const Tokens& t, const Tokens& s) {
    return s.size() <= t.size() && std::equal(s.begin(), s.end(), t.end() - s.size());
}

/// A title split into the country it names and the rest ("Italian Ambassador to Malaysia":
/// ITA, "ambassador to malaysia").
struct Titled {
    std::string country;
    Tokens rest;
};

/// The name tables (rules/name_forms.hpp) as this engine tokenizes them, longest phrase first.
class NameForms {
public:
    explicit NameForms(storage::Engine& engine) : engine_(engine) {
        for (const auto& h : rules::honorifics()) {
            auto t = engine.searchTokens(h);
            if (t.empty()) continue;
            (h.front() == '(' ? trailing_ : leading_).push_back(std::move(t));
        }
        longestFirst(leading_);
        longestFirst(trailing_);
    }

    /// Without the honorifics before (and ranks after) the name: "yab dato seri anwar ibrahim"
    /// is "anwar ibrahim". Never empties a name.
    [[nodiscard]] Tokens bare(Tokens t) const {
        for (bool again = true; again;) {
            again = false;
            for (const auto& h : leading_) {
                if (t.size() > h.size() && startsWith(t, h)) {
                    t.erase(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(h.size()));
                    again = true;
                    break;
                }
            }
        }
        for (const auto& h : trailing_) {
            if (t.size() > h.size() && endsWith(t, h)) t.resize(t.size() - h.size());
        }
        return t;
    }

    /// The country a title names, by an adjective or demonym first ("malaysian prime
    /// minister"), a possessive ("malaysia s prime minister"), "of [the] COUNTRY" anywhere, or
    /// the country's name last ("ministry of defence italy"), and what is left.
    [[nodiscard]] std::optional<Titled> titled(Tokens t) const {
        loadCountries();
        if (t.size() > 1 && t.front() == "the") t.erase(t.begin());
        const auto rest = [&](std::size_t from, std::size_t n) {
            Tokens r(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(from));
            r.insert(r.end(), t.begin() + static_cast<std::ptrdiff_t>(from + n), t.end());
            return r;
        };
        for (const auto& p : countries_) {
            if (t.size() <= p.words.size() || !startsWith(t, p.words)) continue;
            if (p.adjective) return Titled{p.code, rest(0, p.words.size())};
            if (t[p.words.size()] == "s" && t.size() > p.words.size() + 1)
                return Titled{p.code, rest(0, p.words.size() + 1)};
        }
        for (std::size_t i = 1; i + 1 < t.size(); ++i) {
            if (t[i] != "of") continue;
            const std::size_t at = t[i + 1] == "the" ? i + 2 : i + 1;
            for (const auto& p : countries_) {
                if (!p.adjective && startsWith(t, p.words, at))
                    return Titled{p.code, rest(i, at - i + p.words.size())};
            }
        }
        for (const auto& p : countries_) {
            if (!p.adjective && t.size() > p.words.size() && endsWith(t, p.words))
                return Titled{p.code, rest(t.size() - p.words.size(), p.words.size())};
        }
        return std::nullopt;
    }

private:
    struct Phrase {
        Tokens words;
        std::string code;
        bool adjective = false;
    };
    static void longestFirst(std::vector<Tokens>& v) {
        std::stable_sort(v.begin(), v.end(),
                         [](const Tokens& a, const Tokens& b) { return a.size() > b.size(); });
    }
    void loadCountries() const {
        if (!countries_.empty()) return;
        for (const auto& c : rules::countryWords()) {
            for (const auto& n : c.names) countries_.push_back({engine_.searchTokens(n), c.code});
            for (const auto& a : c.adjectives)
                countries_.push_back({engine_.searchTokens(a), c.code, true});
        }
        std::erase_if(countries_, [](const Phrase& p) { return p.words.empty(); });
        std::stable_sort(countries_.begin(), countries_.end(), [](const auto& a, const auto& b) {
            return a.words.size() > b.words.size();
        });
    }

    storage::Engine& engine_;
    std::vector<Tokens> leading_, trailing_;
    mutable std::vector<Phrase> countries_;
};

/// An actor a tier found: its best match's rank (lower is better), whether its own country
/// must still be checked (a title whose name names no country), and the lowest acceptance
/// `keep` gave any of its names.
struct Found {
    RowId row = 0;
    double rank = 0;
    bool checkCountry = true;
    int kept = 0;
};

/// The actors with a name or alias matching `tokens` that `keep` accepts (given the name's
/// tokens; it returns 0 to refuse, 1 to accept, 2 to accept with no country check left).
template <class Keep>
std::vector<Found> matching(storage::Engine& engine, const Tokens& tokens, storage::NameSearch how,
                            Keep keep) {
    std::map<RowId, Found> best;
    if (tokens.empty()) return {};
    for (const auto& r : engine.searchNames(tokens, how)) {
        const int k = keep(engine.searchTokens(r.text));
        if (k == 0) continue;
        auto [it, added] = best.try_emplace(r.actor, Found{r.actor, r.rank, k == 1, k});
        if (!added) {
            it->second.rank = std::min(it->second.rank, r.rank);
            it->second.checkCountry = it->second.checkCountry && k == 1;
            it->second.kept = std::min(it->second.kept, k);
        }
    }
    std::vector<Found> out;
    for (auto& [row, f] : best) out.push_back(f);
    return out;
}

/// A candidate with what ranks it.
struct Candidate {
    storage::ActorRecord actor;
    int group = 0;  ///< lower first (a person before others, for a name part)
    double rank = 0;
};

std::vector<Candidate> candidatesOf(storage::Engine& engine, const std::vector<Found>& found) {
    std::vector<RowId> rows;
    for (const auto& f : found) rows.push_back(f.row);
    auto records = engine.actorRecords(rows);
    std::vector<Candidate> out;
    for (std::size_t i = 0; i < records.size(); ++i)
        out.push_back({std::move(records[i]), 0, found[i].rank});
    return out;
}

bool isPerson(const Candidate& c) {
    return c.actor.kind == model::ActorKind::Person;
}

void rank(std::vector<Candidate>& c) {
    std::sort(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) {
        if (a.group != b.group) return a.group < b.group;
        if (a.rank != b.rank) return a.rank < b.rank;
        if (a.actor.name != b.actor.name) return a.actor.name < b.actor.name;
        return rules::naturalLess(a.actor.id, b.actor.id);
    });
}

/// The country of a post by its post_of relation: the country it belongs to, or the country of
/// the body it belongs to.
std::string countryByPostOf(storage::Engine& engine, RowId post, std::string_view postId) {
    for (const auto& id : engine.relationIdsTouching(post, model::RelationKind::PostOf,
                                                     std::nullopt, std::nullopt)) {
        const auto r = engine.findRelation(id);
        if (!r || r->from != postId) continue;
        if (const auto to = engine.findActor(r->to); to && to->country && !to->country->empty())
            return *to->country;
    }
    return {};
}

/// The tiers of resolveActor, each the candidates it finds for the name's tokens.
class Resolver {
public:
    Resolver(storage::Engine& engine, std::string_view text)
        : engine_(engine), tokens_(engine.searchTokens(text)) {}

    std::vector<Candidate> exact() {
        auto c = candidatesOf(engine_, matching(engine_, tokens_, storage::NameSearch::Phrase,
                                                [&](const Tokens& n) { return n == tokens_; }));
        // Several actors may carry a country's name (GDELT names its code-merged actors
        // "UNITED STATES"); the country actor whose own name it is wins.
        if (c.size() > 1) {
            std::vector<Candidate> countries;
            for (const auto& x : c) {
                if (x.actor.kind == model::ActorKind::Country &&
                    engine_.searchTokens(x.actor.name) == tokens_)
                    countries.push_back(x);
            }
            if (countries.size() == 1) return countries;
        }
        return c;
    }

    /// Honorifics and ranks are persons' ("General", "Sir"): a company named "General
    /// Electric" is not found as "Sir Electric".
    std::vector<Candidate> withoutHonorifics() {
        const auto& q = bare();
        auto c =
            candidatesOf(engine_, matching(engine_, q, storage::NameSearch::Phrase,
                                           [&](const Tokens& n) { return forms().bare(n) == q; }));
        std::erase_if(c, [](const Candidate& x) { return !isPerson(x); });
        return c;
    }

    std::vector<Candidate> title() {
        const auto t = forms().titled(bare());
        if (!t || t->rest.empty()) return {};
        const auto found =
            matching(engine_, t->rest, storage::NameSearch::Prefix, [&](const Tokens& n) {
                const auto name = forms().bare(n);
                if (const auto nt = forms().titled(name))
                    return nt->rest == t->rest && nt->country == t->country ? 2 : 0;
                return name == t->rest ? 1 : 0;
            });
        std::vector<Candidate> out;
        auto all = candidatesOf(engine_, found);
        for (std::size_t i = 0; i < all.size(); ++i) {
            auto& a = all[i].actor;
            const bool ok = !found[i].checkCountry || a.country == t->country ||
                            (a.country.empty() && a.kind == model::ActorKind::Post &&
                             countryByPostOf(engine_, a.row, a.id) == t->country);
            if (ok) out.push_back(std::move(all[i]));
        }
        return out;
    }

    /// A part of a name: 1 when the words as written are part of a name as written, 2 when
    /// only without honorifics, which only a person's name may be.
    std::vector<Candidate> namePart() {
        const auto& q = bare();
        const auto partOf = [](const Tokens& name, const Tokens& part) {
            return name.size() > part.size() && (startsWith(name, part) || endsWith(name, part));
        };
        const auto found = matching(engine_, q, storage::NameSearch::Phrase, [&](const Tokens& n) {
            if (partOf(n, tokens_)) return 1;
            return partOf(forms().bare(n), q) ? 2 : 0;
        });
        auto c = candidatesOf(engine_, found);
        std::vector<Candidate> out;
        for (std::size_t i = 0; i < c.size(); ++i) {
            if (found[i].kept != 1 && !isPerson(c[i])) continue;
            c[i].group = isPerson(c[i]) ? 0 : 1;
            out.push_back(std::move(c[i]));
        }
        return out;
    }

    [[nodiscard]] const Tokens& tokens() const noexcept { return tokens_; }
    const Tokens& bare() {
        if (!bare_) bare_ = forms().bare(tokens_);
        return *bare_;
    }

private:
    const NameForms& forms() {
        if (!forms_) forms_.emplace(engine_);
        return *forms_;
    }

    storage::Engine& engine_;
    Tokens tokens_;
    std::optional<Tokens> bare_;
    std::optional<NameForms> forms_;
};

std::string describe(const storage::ActorRecord& a) {
    return a.name + " (" + a.id + ", " + std::string(model::toString(a.kind)) + ")";
}

/// The closest names to a text that names nobody, best first: the actors a search finds (every
/// word, the last as a prefix); else those sharing most of its words, each word also tried
/// shortened to its first four letters (a misspelt ending). Never more than `limit`.
std::vector<storage::ActorRecord> closest(storage::Engine& engine, std::string_view text,
                                          const Tokens& words, std::optional<model::ActorKind> kind,
                                          std::size_t limit) {
    std::vector<SearchHit> hits = search(engine, text, 200);
    if (hits.empty()) {
        std::map<RowId, std::pair<int, double>> score;  // words matched (negated), best rank
        for (const auto& w : words) {
            for (const bool shorten : {false, true}) {
                std::size_t cut = 0, letters = 0;  // the first four code points
                while (cut < w.size() && letters < 4) {
                    ++cut;
                    while (cut < w.size() && (static_cast<unsigned char>(w[cut]) & 0xC0) == 0x80)
                        ++cut;
                    ++letters;
                }
                if (shorten && (letters < 4 || cut == w.size())) continue;
                const Tokens one{shorten ? w.substr(0, cut) : w};
                if (one.front().size() < 3) continue;
                std::map<RowId, double> seen;
                for (const auto& r : engine.searchNames(one, storage::NameSearch::Prefix)) {
                    auto [it, added] = seen.try_emplace(r.actor, r.rank);
                    if (!added) it->second = std::min(it->second, r.rank);
                }
                for (const auto& [row, rank] : seen) {
                    auto [it, added] = score.try_emplace(row, std::pair{0, rank});
                    it->second.first -= 1;
                    it->second.second = std::min(it->second.second, rank);
                }
                if (!seen.empty()) break;  // the whole word found something
            }
        }
        std::vector<std::pair<std::pair<int, double>, RowId>> order;
        for (const auto& [row, s] : score) order.push_back({s, row});
        std::sort(order.begin(), order.end());
        std::vector<RowId> rows;
        for (const auto& o : order) rows.push_back(o.second);
        for (auto& a : engine.actorRecords(rows))
            hits.push_back(SearchHit{a.id, a.name, a.kind, a.country, {}, 0});
    }
    std::vector<storage::ActorRecord> out;
    for (const bool ofKind : {true, false}) {  // the kind asked for first
        for (const auto& h : hits) {
            if (out.size() == limit) break;
            if (kind && (h.kind == *kind) != ofKind) continue;
            if (!kind && !ofKind) break;
            out.push_back(storage::ActorRecord{0, h.id, h.name, h.kind, h.country});
        }
    }
    return out;
}

[[noreturn]] void notFound(storage::Engine& engine, std::string_view text, const Tokens& words,
                           std::optional<model::ActorKind> kind) {
    std::string m = "no " + (kind ? std::string(model::toString(*kind)) : std::string("actor")) +
                    " with id or name \"" + std::string(text) + "\"";
    const auto near =
        words.empty() ? std::vector<storage::ActorRecord>{} : closest(engine, text, words, kind, 5);
    if (near.empty()) {
        if (!words.empty()) m += ", and no name or alias shares a word with it";
        throw NotFoundError(m);
    }
    m += "; closest:";
    for (std::size_t i = 0; i < near.size(); ++i) m += (i ? "; " : " ") + describe(near[i]);
    throw NotFoundError(m);
}

/// `text` names an actor of another kind than the verb takes.
[[noreturn]] void wrongKind(storage::Engine& engine, std::string_view text,
                            const std::vector<Candidate>& found, model::ActorKind kind) {
    const std::string wanted(model::toString(kind));
    std::string m = "\"" + std::string(text) + "\" names ";
    for (std::size_t i = 0; i < found.size() && i < 5; ++i) {
        const auto& a = found[i].actor;
        m += (i ? "; " : "") + std::string(i ? "" : "a ") + std::string(model::toString(a.kind)) +
             " (" + a.id + ")";
    }
    m += ", not a " + wanted + "; a " + wanted + " is wanted here";
    // A person asked for where a post is wanted: the posts it holds.
    if (kind == model::ActorKind::Post && found.size() == 1 &&
        found.front().actor.kind == model::ActorKind::Person) {
        std::vector<std::string> posts;
        for (const auto& id :
             engine.relationIdsTouching(found.front().actor.row, model::RelationKind::HoldsPost,
                                        std::nullopt, std::nullopt)) {
            const auto r = engine.findRelation(id);
            if (!r || r->from != found.front().actor.id) continue;
            if (const auto p = engine.findActor(r->to))
                posts.push_back(p->name + " (" + p->id + ")");
        }
        std::sort(posts.begin(), posts.end());
        posts.erase(std::unique(posts.begin(), posts.end()), posts.end());
        if (!posts.empty()) {
            m += "; the posts it holds:";
            for (std::size_t i = 0; i < posts.size(); ++i) m += (i ? "; " : " ") + posts[i];
        }
    }
    throw NotFoundError(m);
}

}  // namespace

std::string resolveActor(storage::Engine& engine, std::string_view idOrName,
                         std::optional<model::ActorKind> kind) {
    if (const auto row = engine.actorRow(idOrName)) {
        if (!kind) return std::string(idOrName);
        auto record = engine.actorRecords(std::vector<RowId>{*row});
        if (!record.empty() && record.front().kind != *kind)
            wrongKind(engine, idOrName, {Candidate{std::move(record.front())}}, *kind);
        return std::string(idOrName);
    }
    Resolver r(engine, idOrName);
    if (r.tokens().empty()) notFound(engine, idOrName, {}, kind);
    std::vector<Candidate> otherKinds;  // the first tier's finds, when none is of the kind
    using Tier = std::vector<Candidate> (Resolver::*)();
    for (const Tier tier :
         {&Resolver::exact, &Resolver::withoutHonorifics, &Resolver::title, &Resolver::namePart}) {
        auto found = (r.*tier)();
        if (kind) {
            auto all = found;
            std::erase_if(found, [&](const Candidate& c) { return c.actor.kind != *kind; });
            if (found.empty() && otherKinds.empty()) otherKinds = std::move(all);
        }
        if (found.empty()) continue;
        rank(found);
        // A name part names a person before anything else: one person resolves.
        if (found.size() > 1 && found[0].group < found[1].group) found.resize(1);
        if (found.size() == 1) return found.front().actor.id;
        std::vector<std::string> ids;
        for (const auto& c : found) ids.push_back(c.actor.id);
        throw AmbiguousError(std::string(idOrName), std::move(ids));
    }
    if (!otherKinds.empty()) {
        rank(otherKinds);
        wrongKind(engine, idOrName, otherKinds, *kind);
    }
    notFound(engine, idOrName, r.bare(), kind);
}

}  // namespace bilateral::query
