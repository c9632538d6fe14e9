#pragma once
// Private to import: the kind of an event file's actor, from what the file says of it — ICEWS's
// sectors and name, GDELT's type codes (docs/event-data.md, "Actor kinds").

#include <string_view>

#include "bilateral/model/kinds.hpp"

namespace bilateral::io::detail {

/// An ICEWS actor's kind. ICEWS has no kind column: its sectors say what an actor works in,
/// not whether it is a person or a body, so the name says that (a body's name holds a word such
/// as Ministry, Navy, Union, or is ICEWS's generic `<Role> (<Country>)`); a body's sectors then
/// give its kind. Without a country and without sectors: an international organisation (bloc).
model::ActorKind icewsActorKind(std::string_view name, std::string_view sectors, bool hasCountry);

/// A GDELT actor's kind from its type codes (Actor1Type1Code, then Type2 and Type3 when the
/// first says nothing more specific than a group).
model::ActorKind gdeltActorKind(std::string_view type1, std::string_view type2,
                                std::string_view type3);

/// Whether a name is a body's rather than a person's, by its words (ICEWS; exposed for tests).
bool namesABody(std::string_view name);

}  // namespace bilateral::io::detail
