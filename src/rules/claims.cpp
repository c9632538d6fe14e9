// [claims] The preferred value of a field claimed by several sources, and where they differ
// (rules/claims.hpp; docs/data-model.md, "Claims").

#include "bilateral/rules/claims.hpp"

#include <algorithm>
#include <type_traits>

namespace bilateral::rules {
namespace {

using model::Claim;

/// Whether candidate `a` is preferred over `b`, which comes before it.
bool better(const Candidate& a, const Candidate& b) {
    if (a.precision && b.precision && *a.precision != *b.precision) {
        // Day < Month < Year in model::Precision: the smaller is the finer.
        return static_cast<int>(*a.precision) < static_cast<int>(*b.precision);
    }
    if (a.primary != b.primary) return a.primary;
    if (a.own != b.own) return a.own;
    return false;
}

template <class T>
using Member = std::optional<T> Claim::*;

/// The account (index into `claims`) whose value of `member` is preferred; none when no
/// account gives one.
template <class T>
std::optional<std::size_t> preferredClaim(const std::vector<Claim>& claims, Member<T> member,
                                          const StandingOf& standing) {
    std::vector<Candidate> candidates;
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const auto& value = claims[i].*member;
        if (!value) continue;
        Candidate c;
        c.own = claims[i].own;
        c.primary =
            !claims[i].source.empty() && standing(claims[i].source) == model::Standing::Primary;
        if constexpr (std::is_same_v<T, model::Date>) c.precision = value->precision();
        candidates.push_back(c);
        at.push_back(i);
    }
    if (candidates.empty()) return std::nullopt;
    return at[preferredOf(candidates)];
}

/// The own account first, then the record's claims.
std::vector<Claim> withOwn(Claim own, std::vector<Claim>& claims) {
    own.own = true;
    std::vector<Claim> all;
    all.reserve(claims.size() + 1);
    all.push_back(std::move(own));
    for (auto& c : claims) all.push_back(std::move(c));
    return all;
}

/// The preferred end of a period whose preferred start came from account `startAt`: an end
/// before that start is replaced by the start's own account's end.
std::optional<model::Date> endWith(const std::optional<model::Date>& start,
                                   std::optional<model::Date> end,
                                   const std::optional<model::Date>& startAccountEnd) {
    if (start && end && end->latest() < start->earliest()) return startAccountEnd;
    return end;
}

void settleParticipant(model::Participant& p, const StandingOf& standing) {
    if (p.claims.empty()) return;
    Claim own;
    own.source = ownSource(p.evidence);
    own.role = p.role;
    p.claims = withOwn(std::move(own), p.claims);
    p.role = *p.claims[*preferredClaim(p.claims, &Claim::role, standing)].role;
}

template <class T>
std::string text(const T& v) {
    if constexpr (std::is_same_v<T, model::Date>)
        return v.toString();
    else
        return std::string(model::toString(v));
}

/// Adds the disagreement over `member` among `claims`, if any: `shown` is the value answered.
template <class T>
void addIfDisagreed(std::vector<Disagreement>& out, const std::vector<Claim>& claims,
                    Member<T> member, std::string_view field, const std::optional<T>& shown,
                    const std::vector<model::Evidence>& recordEvidence, Disagreement base) {
    std::vector<ClaimedValue> values;
    bool differ = false;
    for (const auto& c : claims) {
        const auto& v = c.*member;
        if (!v) continue;
        ClaimedValue cv{c.source, text(*v), c.own, shown && *shown == *v, c.evidence, c.note};
        if (c.own) {
            for (const auto& e : recordEvidence)
                if (e.source == c.source) cv.evidence.push_back(e);
        }
        if (!values.empty() && values.front().value != cv.value) differ = true;
        values.push_back(std::move(cv));
    }
    if (!differ) return;
    base.field = std::string(field);
    base.values = std::move(values);
    out.push_back(std::move(base));
}

}  // namespace

std::size_t preferredOf(std::span<const Candidate> candidates) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        if (better(candidates[i], candidates[best])) best = i;
    }
    return best;
}

std::string ownSource(const std::vector<model::Evidence>& evidence) {
    for (const auto& e : evidence)
        if (e.basis != model::Basis::Reference) return e.source;
    return {};
}

model::Event settle(model::Event e, const StandingOf& standing) {
    for (auto& p : e.participants) settleParticipant(p, standing);
    if (e.claims.empty()) return e;
    Claim own;
    own.source = ownSource(e.evidence);
    own.start = e.start;
    own.end = e.end;
    own.kind = e.kind;
    own.status = e.status;
    e.claims = withOwn(std::move(own), e.claims);
    const auto& all = e.claims;
    const auto startAt = preferredClaim(all, &Claim::start, standing);
    const auto endAt = preferredClaim(all, &Claim::end, standing);
    e.start = startAt ? all[*startAt].start : std::nullopt;
    e.end = endWith(e.start, endAt ? all[*endAt].end : std::nullopt,
                    startAt ? all[*startAt].end : std::nullopt);
    e.kind = *all[*preferredClaim(all, &Claim::kind, standing)].kind;
    e.status = *all[*preferredClaim(all, &Claim::status, standing)].status;
    return e;
}

model::Relation settle(model::Relation r, const StandingOf& standing) {
    if (r.claims.empty()) return r;
    Claim own;
    own.source = ownSource(r.evidence);
    own.validFrom = r.valid.start;
    own.validTo = r.valid.end;
    r.claims = withOwn(std::move(own), r.claims);
    const auto& all = r.claims;
    const auto fromAt = preferredClaim(all, &Claim::validFrom, standing);
    const auto toAt = preferredClaim(all, &Claim::validTo, standing);
    r.valid.start = fromAt ? all[*fromAt].validFrom : std::nullopt;
    r.valid.end = endWith(r.valid.start, toAt ? all[*toAt].validTo : std::nullopt,
                          fromAt ? all[*fromAt].validTo : std::nullopt);
    return r;
}

model::Event unsettle(model::Event e) {
    for (auto& p : e.participants) {
        if (p.claims.empty() || !p.claims.front().own) continue;
        p.role = p.claims.front().role.value_or(p.role);
        p.claims.erase(p.claims.begin());
    }
    if (e.claims.empty() || !e.claims.front().own) return e;
    const auto& own = e.claims.front();
    e.start = own.start;
    e.end = own.end;
    e.kind = own.kind.value_or(e.kind);
    e.status = own.status.value_or(e.status);
    e.claims.erase(e.claims.begin());
    return e;
}

model::Relation unsettle(model::Relation r) {
    if (r.claims.empty() || !r.claims.front().own) return r;
    r.valid.start = r.claims.front().validFrom;
    r.valid.end = r.claims.front().validTo;
    r.claims.erase(r.claims.begin());
    return r;
}

std::vector<Disagreement> disagreements(const model::Event& e) {
    std::vector<Disagreement> out;
    const Disagreement base{e.id, {}, {}, {}};
    addIfDisagreed(out, e.claims, &Claim::start, "start", e.start, e.evidence, base);
    addIfDisagreed(out, e.claims, &Claim::end, "end", e.end, e.evidence, base);
    addIfDisagreed(out, e.claims, &Claim::kind, "kind", std::optional(e.kind), e.evidence, base);
    addIfDisagreed(out, e.claims, &Claim::status, "status", std::optional(e.status), e.evidence,
                   base);
    for (const auto& p : e.participants) {
        addIfDisagreed(out, p.claims, &Claim::role, "role", std::optional(p.role), p.evidence,
                       Disagreement{e.id, p.actor, {}, {}});
    }
    return out;
}

std::vector<Disagreement> disagreements(const model::Relation& r) {
    std::vector<Disagreement> out;
    const Disagreement base{r.id, {}, {}, {}};
    addIfDisagreed(out, r.claims, &Claim::validFrom, "valid.from", r.valid.start, r.evidence, base);
    addIfDisagreed(out, r.claims, &Claim::validTo, "valid.to", r.valid.end, r.evidence, base);
    return out;
}

}  // namespace bilateral::rules
