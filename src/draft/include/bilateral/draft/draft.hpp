#pragma once
// From an article to a dataset draft (docs/draft.md): the rules read UTF-8 text (or HTML as
// text) and propose actors, events, participations, relations and links, each `inferred` with a
// confidence and the span and quote it rests on. No network and no models: the tables of
// data/draft/ (embedded at build time) and, when given, the names already in a graph.
//
//   auto draft = bilateral::draft::draftArticle(text, {.published = Date::parse("2025-07-03")});
//   std::cout << bilateral::draft::toDatasetJson(draft);

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"
#include "bilateral/model/types.hpp"

namespace bilateral::draft {

enum class Language { English, Italian };

/// An actor already in a graph, as GraphNames finds it.
struct KnownActor {
    std::string id;
    model::ActorKind kind = model::ActorKind::Person;
    std::string name;
    std::optional<std::string> country;  ///< ISO 3166-1 alpha-3 where known
    std::string matched;                 ///< the name or alias that matched
};

/// An event already in a graph, as GraphNames lists an actor's.
struct KnownEvent {
    std::string id;
    model::EventKind kind = model::EventKind::CodedEvent;
    std::optional<model::Date> start, end;
    std::string title;
};

/// The names already in a graph, for matching: the draft reuses the ids of actors it finds
/// here and gives fresh ids to the others. Implemented over bilateral::Database by the command
/// (src/cli/cmd_draft.cpp); the draft module does not know how a graph is stored.
class GraphNames {
public:
    virtual ~GraphNames() = default;
    /// Actors whose name or an alias is `name` (ignoring case, accents and apostrophe style).
    virtual std::vector<KnownActor> lookup(std::string_view name) = 0;
    /// The actor with this id, if any.
    virtual std::optional<KnownActor> actor(std::string_view id) = 0;
    /// Whether a source with this id is in the graph.
    virtual bool hasSource(std::string_view id) = 0;
    /// Relations of `kind` from `from` to `to` already in the graph: their ids.
    virtual std::vector<std::string> relations(std::string_view from, model::RelationKind kind,
                                               std::string_view to) = 0;
    /// Events of the actor that may overlap [from, to] (all of its events when both are empty).
    virtual std::vector<KnownEvent> events(std::string_view actorId,
                                           std::optional<model::Date> from,
                                           std::optional<model::Date> to) = 0;
};

struct DraftOptions {
    /// The article's language; detected from its words when not given.
    std::optional<Language> language;
    /// When it was published: dates without a year, weekdays, "yesterday" and "next year" are
    /// resolved against it. When not given, a date line at the end of the text ("7 March
    /// 2025") is taken; else such dates stay unresolved (the review says so).
    std::optional<model::Date> published;
    std::string sourceId;  ///< default: source/ + the file name's slug
    std::string title;     ///< default: the text's first line
    /// The article's path: errors name it, and its file name is the source's `file`.
    std::string fileName;
    bool html = false;  ///< the input is HTML: tags dropped, entities decoded
};

/// A proposed actor the graph already has: referenced by id, not repeated in the draft (an
/// import would replace its name, country and attributes with the draft's).
struct Reuse {
    std::string id;
    std::string name;     ///< the graph's name
    std::string written;  ///< the name as the article writes it
    std::string matched;  ///< the graph's name or alias that matched
};

/// An event the draft proposes that the graph may already hold.
struct PossibleRepeat {
    std::string draftEvent;
    KnownEvent known;
    std::string sharedActor;
};

/// A draft: a dataset document's facts, and what the review needs beside them.
struct Draft {
    model::Source source;
    bool sourceInGraph = false;  ///< the source record is not repeated
    Language language = Language::English;
    std::vector<model::Actor> actors;  ///< new actors only (reused ones are in `reused`)
    std::vector<model::Event> events;
    std::vector<model::Relation> relations;
    std::vector<model::EventLink> links;
    std::vector<Reuse> reused;
    std::vector<std::string> relationsInGraph;  ///< proposed relations the graph has (ids)
    std::vector<PossibleRepeat> repeats;
    std::vector<std::string> notes;  ///< what the rules could not settle (unresolved dates)
};

/// Drafts an article. `text` is the article's bytes (UTF-8; HTML when options.html). Throws
/// ParseError naming the byte offset of invalid UTF-8. With `names`, actors found there are
/// reused and new ids avoid the graph's.
Draft draftArticle(std::string_view text, const DraftOptions& options, GraphNames* names = nullptr);

/// The text the draft's spans point into: `bytes` decoded, HTML read as text. Spans are code
/// point offsets into it (docs/dataset-format.md).
std::u32string articleText(std::string_view bytes, bool html);

/// Whether `bytes` look like HTML (a tag such as <p>, <div>, <html> or <body> near the start).
bool looksLikeHtml(std::string_view bytes) noexcept;

/// The draft as a dataset document (format 1.1), pretty-printed, ending in a newline.
std::string toDatasetJson(const Draft& draft);

/// What the draft would add to the graph, for a person to review before import: each new
/// actor, event, relation and link with its confidence and quote; each reused actor with the
/// name it matched; relations the graph already has; events it may already hold.
std::string reviewText(const Draft& draft);

/// The language's name: "en" or "it".
std::string_view toString(Language language) noexcept;
/// "en"/"english", "it"/"italian" (any case), or nullopt.
std::optional<Language> parseLanguage(std::string_view text) noexcept;

}  // namespace bilateral::draft
