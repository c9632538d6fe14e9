// [claims] The preferred-value rule (rules/claims.hpp, docs/data-model.md "Claims"): precision
// for dates, then a primary source, then the record's own account, then the earlier claim;
// silence is no claim; a disagreement is two accounts giving different values.

#include <gtest/gtest.h>

#include "bilateral/rules/claims.hpp"

using namespace bilateral;
using model::Date;
using rules::Candidate;

namespace {

model::Evidence from(const std::string& source, model::Basis basis = model::Basis::Stated) {
    model::Evidence e;
    e.source = source;
    e.quote = "words of " + source;
    e.basis = basis;
    return e;
}

model::Claim claim(const std::string& source) {
    model::Claim c;
    c.source = source;
    c.evidence = {from(source)};
    return c;
}

/// `note` is primary; every other source is secondary.
model::Standing standingOf(std::string_view source) {
    return source == "source/note" ? model::Standing::Primary : model::Standing::Secondary;
}

model::Event visit() {
    model::Event e;
    e.id = "event/visit";
    e.kind = model::EventKind::OfficialVisit;
    e.start = Date::parse("2025-07-02");
    e.end = Date::parse("2025-07-03");
    e.evidence = {from("source/reference", model::Basis::Reference), from("source/editorial")};
    return e;
}

}  // namespace

TEST(PreferredValue, TheMorePreciseDateWinsWhateverTheStanding) {
    const std::vector<Candidate> c{
        {.primary = true, .own = true, .precision = model::Precision::Month},
        {.primary = false, .own = false, .precision = model::Precision::Day}};
    EXPECT_EQ(rules::preferredOf(c), 1u);
    const std::vector<Candidate> year{{.precision = model::Precision::Year},
                                      {.precision = model::Precision::Month}};
    EXPECT_EQ(rules::preferredOf(year), 1u);
}

TEST(PreferredValue, AtEqualPrecisionAPrimarySourceBeatsTheOwnAccount) {
    const std::vector<Candidate> c{{.own = true, .precision = model::Precision::Day},
                                   {.primary = true, .precision = model::Precision::Day}};
    EXPECT_EQ(rules::preferredOf(c), 1u);
    const std::vector<Candidate> kinds{{.own = true}, {.primary = true}};
    EXPECT_EQ(rules::preferredOf(kinds), 1u);
}

TEST(PreferredValue, ElseTheOwnAccountThenTheEarlierClaim) {
    const std::vector<Candidate> own{{}, {.own = true}, {}};
    EXPECT_EQ(rules::preferredOf(own), 1u);
    const std::vector<Candidate> none{{}, {}, {}};
    EXPECT_EQ(rules::preferredOf(none), 0u);
    const std::vector<Candidate> primaries{{.primary = true}, {.primary = true}};
    EXPECT_EQ(rules::preferredOf(primaries), 0u);
}

TEST(PreferredValue, TheOwnAccountIsClaimedByItsFirstEvidenceThatIsNotReference) {
    EXPECT_EQ(rules::ownSource(visit().evidence), "source/editorial");
    EXPECT_EQ(rules::ownSource({from("source/reference", model::Basis::Reference)}), "");
}

TEST(PreferredValue, SettlingAnEventPicksEachFieldAndKeepsEveryAccount) {
    auto e = visit();
    auto paper = claim("source/paper");
    paper.start = Date::parse("2025-07-01");
    paper.kind = model::EventKind::WorkingVisit;
    auto note = claim("source/note");
    note.kind = model::EventKind::WorkingVisit;
    note.status = model::EventStatus::Occurred;
    e.claims = {paper, note};
    const auto s = rules::settle(e, standingOf);
    EXPECT_EQ(s.start, Date::parse("2025-07-02"));      // own over a secondary paper
    EXPECT_EQ(s.end, Date::parse("2025-07-03"));        // only the own account speaks to it
    EXPECT_EQ(s.kind, model::EventKind::WorkingVisit);  // the primary note
    ASSERT_EQ(s.claims.size(), 3u);
    EXPECT_TRUE(s.claims[0].own);
    EXPECT_EQ(s.claims[0].source, "source/editorial");
    EXPECT_EQ(rules::unsettle(s), e);
}

TEST(PreferredValue, SilenceIsNotAClaim) {
    auto e = visit();
    e.start.reset();
    e.end.reset();
    auto paper = claim("source/paper");
    paper.start = Date::parse("2025-07-03");
    e.claims = {paper};
    const auto s = rules::settle(e, standingOf);
    EXPECT_EQ(s.start, Date::parse("2025-07-03"));
    EXPECT_TRUE(rules::disagreements(s).empty());
}

TEST(PreferredValue, AnEndBeforeThePreferredStartIsTheStartsAccounts) {
    auto e = visit();  // own: 2 to 3 July
    auto note = claim("source/note");
    note.start = Date::parse("2025-07-05");
    e.claims = {note};
    const auto s = rules::settle(e, standingOf);
    EXPECT_EQ(s.start, Date::parse("2025-07-05"));
    EXPECT_FALSE(s.end.has_value());  // the note gives no end; own's 3 July would precede it
}

TEST(PreferredValue, ARecordWithoutClaimsIsOneAccount) {
    const auto e = visit();
    EXPECT_EQ(rules::settle(e, standingOf), e);
    EXPECT_TRUE(rules::disagreements(e).empty());
}

TEST(Disagreements, ListEachDifferingFieldWithEverySourcesValueAndThePreferredMarked) {
    auto e = visit();
    auto paper = claim("source/paper");
    paper.start = Date::parse("2025-07-01");
    paper.end = Date::parse("2025-07-03");
    paper.kind = model::EventKind::WorkingVisit;
    e.claims = {paper};
    model::Participant p;
    p.actor = "person/tajani";
    p.role = model::Role::Attendee;
    p.evidence = {from("source/editorial")};
    auto opener = claim("source/paper");
    opener.role = model::Role::Opener;
    p.claims = {opener};
    e.participants = {p};
    const auto d = rules::disagreements(rules::settle(e, standingOf));
    ASSERT_EQ(d.size(), 3u);  // start, kind, Tajani's role; the end agrees
    EXPECT_EQ(d[0].field, "start");
    EXPECT_EQ(d[1].field, "kind");
    EXPECT_EQ(d[2].field, "role");
    EXPECT_EQ(d[2].actor, "person/tajani");
    ASSERT_EQ(d[0].values.size(), 2u);
    EXPECT_EQ(d[0].values[0].value, "2025-07-02");
    EXPECT_TRUE(d[0].values[0].preferred);
    EXPECT_TRUE(d[0].values[0].own);
    EXPECT_EQ(d[0].values[0].evidence.size(), 1u);  // the own source's evidence, not reference
    EXPECT_EQ(d[0].values[1].value, "2025-07-01");
    EXPECT_FALSE(d[0].values[1].preferred);
    EXPECT_EQ(d[0].values[1].evidence.at(0).quote, "words of source/paper");
    EXPECT_EQ(d[1].values[1].value, "working_visit");
}

TEST(Disagreements, OfARelationsTerm) {
    model::Relation r;
    r.id = "relation/pm";
    r.valid.start = Date::parse("2022-10");
    r.evidence = {from("source/editorial")};
    auto note = claim("source/note");
    note.validFrom = Date::parse("2022-10-22");
    r.claims = {note};
    const auto s = rules::settle(r, standingOf);
    EXPECT_EQ(s.valid.start, Date::parse("2022-10-22"));
    const auto d = rules::disagreements(s);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].field, "valid.from");
    EXPECT_TRUE(d[0].values[1].preferred);
    EXPECT_EQ(rules::unsettle(s), r);
}
