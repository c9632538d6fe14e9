#pragma once
// Trends of event data (docs/queries.md, "Trends and pairs"): the periods events are counted in,
// the QuadClass of an event, which classes are cooperation, and the weight of an event's tone.
// The SQLite engine keeps its trend tables by these rules; query/ groups and fills by them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"
#include "bilateral/rules/meetings.hpp"  // cameoRootOf

namespace bilateral::rules {

/// The length of one period of a trend. A week starts on Monday (ISO 8601).
enum class Period : std::uint8_t { Day, Week, Month, Quarter, Year };

/// The first day of the period `day` falls in.
[[nodiscard]] model::DayNumber periodStart(model::DayNumber day, Period p) noexcept;
/// The first day of the period after the one starting on `start`.
[[nodiscard]] model::DayNumber nextPeriod(model::DayNumber start, Period p) noexcept;
/// The period's name: 2018-01-05 (day), 2018-W01 (ISO week), 2018-01, 2018-Q1, 2018.
[[nodiscard]] std::string periodLabel(model::DayNumber start, Period p);

/// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
/// conflict; 0 none.
inline constexpr int kQuadClasses = 4;
/// The QuadClass of a CAMEO root (01-05 verbal cooperation, 06-08 material cooperation, 09-13
/// verbal conflict, 14-20 material conflict), 0 for anything else.
[[nodiscard]] int quadClassOfRoot(int root) noexcept;
/// An event's QuadClass: the one the file states (GDELT's QuadClass column) when it is 1-4,
/// else the one of its CAMEO code's root (ICEWS, curated data).
[[nodiscard]] int quadClassOf(std::string_view cameo, std::optional<std::int64_t> stated) noexcept;
/// The QuadClass's name: verbal_cooperation, material_cooperation, verbal_conflict,
/// material_conflict; "none" for 0.
[[nodiscard]] std::string_view quadClassName(int quad) noexcept;
/// Whether events of the class are cooperation (1 and 2).
[[nodiscard]] constexpr bool cooperation(int quad) noexcept {
    return quad == 1 || quad == 2;
}

/// Which end of a CAMEO-coded event a participant is, for directed dyads: the `source` and
/// `target` roles; for 042 (make a visit) the guest is the source and the host the target, for
/// 043 (host a visit) the host is the source and the guest the target (docs/event-data.md,
/// "Kinds and roles from CAMEO"). Other roles (curated data) are neither end.
enum class CameoEnd : std::uint8_t { None, Source, Target };
[[nodiscard]] CameoEnd cameoEnd(std::string_view cameo, model::Role role) noexcept;

/// The weight of an event's tone in a mean: its number of mentions when the file gives a
/// positive one, else 1 (GDELT's AvgTone is an average over the event's mentions).
[[nodiscard]] double toneWeight(std::optional<std::int64_t> mentions) noexcept;

}  // namespace bilateral::rules
