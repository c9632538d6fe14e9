#pragma once
// [claims] Several sources' accounts of one fact (dataset format 1.2; docs/data-model.md,
// "Claims"): the preferred value of each field, stated once here, and where the accounts differ.
//
// A record in a dataset document gives its own account in its top-level fields (claimed by the
// source of its first evidence item whose basis is not `reference`) and other sources' accounts
// in `claims`. `settle` turns it into the form a database keeps and answers with: top-level
// fields hold the preferred values, and `claims` starts with the own account (`own`) followed
// by the others; `unsettle` turns it back. A record without claims is one account and stays as
// it is.

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/model/date.hpp"
#include "bilateral/model/types.hpp"

namespace bilateral::rules {

/// One account of one field, as the rule weighs it.
struct Candidate {
    bool primary = false;                       ///< its source's standing is primary
    bool own = false;                           ///< the record's own account (its top-level fields)
    std::optional<model::Precision> precision;  ///< dates only: how precise the value is
};

/// The preferred value of one field among the accounts that give it, in the order the record
/// lists them (own account first): (1) for dates the more precise (day, then month, then year);
/// (2) else a primary source over a secondary one; (3) else the record's own account; then the
/// earlier account. Returns the index of the preferred candidate; `candidates` is not empty.
[[nodiscard]] std::size_t preferredOf(std::span<const Candidate> candidates);

/// The standing of a source by id (secondary for a source it does not know).
using StandingOf = std::function<model::Standing(std::string_view source)>;

/// The source of a record's own account: that of its first evidence item whose basis is not
/// `reference`; empty when it has none.
[[nodiscard]] std::string ownSource(const std::vector<model::Evidence>& evidence);

/// A record of a dataset document, settled as a database keeps it (see above); a record (and a
/// participation) without claims is returned as it is.
[[nodiscard]] model::Event settle(model::Event record, const StandingOf& standing);
[[nodiscard]] model::Relation settle(model::Relation record, const StandingOf& standing);
/// A settled record as a dataset document gives it: top-level fields from the own account,
/// `claims` the others.
[[nodiscard]] model::Event unsettle(model::Event settled);
[[nodiscard]] model::Relation unsettle(model::Relation settled);

/// One source's value of a disagreed field.
struct ClaimedValue {
    std::string source;      ///< empty: an own account with no source
    std::string value;       ///< as a dataset gives it: "2025-07-03", "working_visit"; "" silent
    bool own = false;        ///< the record's own account
    bool preferred = false;  ///< the value the record answers with
    std::vector<model::Evidence> evidence;  ///< what this source's account rests on
    std::optional<std::string> note;
};

/// A field of a record whose accounts give different values.
struct Disagreement {
    std::string record;  ///< event or relation id
    std::string actor;   ///< a participation's actor; empty for the event or relation itself
    std::string field;   ///< `start`, `end`, `kind`, `status`, `role`, `valid.from`, `valid.to`
    std::vector<ClaimedValue> values;  ///< each account that speaks to the field, in order
};

/// Every disagreed field of a settled record (its participations' after the event's own), in
/// the order of the fields above; empty when its accounts agree or it has none.
[[nodiscard]] std::vector<Disagreement> disagreements(const model::Event& settled);
[[nodiscard]] std::vector<Disagreement> disagreements(const model::Relation& settled);

}  // namespace bilateral::rules
