#pragma once
// Private to import: the actors of one event file's import, each created once, with its country
// actor and the affiliated_with relation between them (docs/event-data.md, "Actors").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "bilateral/import/countries.hpp"
#include "bilateral/import/import.hpp"
#include "bilateral/model/types.hpp"
#include "names.hpp"

namespace bilateral::io::detail {

class EventSink;

/// Creates the file's source row and the actors of one import, each once, through the sink.
class ActorMaker {
public:
    ActorMaker(EventSink& sink, ImportSummary& summary, const CountryTable& countries)
        : sink_(sink), summary_(summary), countries_(countries) {}

    /// Puts the source row of the imported file (`source/<format>/<file name>`).
    void putFileSource(const model::Source& source);
    [[nodiscard]] const std::string& sourceId() const noexcept { return sourceId_; }

    /// Row of `country/<code>`, created when missing (kind country, country = code, named after
    /// the country table, else `displayName`).
    std::int64_t country(std::string_view code, std::string_view displayName);

    /// Row of actor `actor.id`: found in the store, else created with the file as evidence and,
    /// when it has a country and is not the country itself, affiliated_with `country/<code>`.
    /// `countryName` names the country actor should it have to be created. `*created` (when
    /// given) says whether the actor was created here with `actor.name`.
    std::int64_t ensure(model::Actor actor, std::string_view countryName, bool* created = nullptr);

    /// The stored name of an actor (one `ensure` found rather than created).
    [[nodiscard]] std::optional<std::string> storedName(std::string_view id);
    /// Gives the actor of row `row` another name it goes by.
    void addAlias(std::int64_t row, std::string_view alias);

private:
    EventSink& sink_;
    ImportSummary& summary_;
    const CountryTable& countries_;
    std::string sourceId_;
    std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>> countryRows_;
};

}  // namespace bilateral::io::detail
