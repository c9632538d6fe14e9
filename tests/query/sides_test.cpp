// Sides and meetings (docs/queries.md, "Sides"; docs/event-data.md, "One meeting counted once"):
// who-met counts counterparts on another side, never the own delegation, the rows of one
// meeting of an event file once; the answers from the file and the index agree.

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>

#include "bilateral/error.hpp"
#include "bilateral/import/from_storage.hpp"
#include "bilateral/import/import.hpp"
#include "bilateral/query/answers.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/query/index.hpp"
#include "fixtures/temp_files.hpp"
#include "fixtures/tiny.hpp"
#include "sqlite/store.hpp"

namespace bilateral {
namespace {

using model::ActorKind;
using model::EventKind;
using model::Role;
using Strings = std::vector<std::string>;

/// A visit of a Malaysian leader to Italy: his delegation (a Malaysian minister, a group
/// without country stated as Malaysian, a stateless adviser), the Italian host and a minister,
/// a Malaysian ambassador in Rome acting for Malaysia, and a mixed group on no side.
sqlite::Store visitStore() {
    auto s = sqlite::Store::memory();
    using fixtures::tiny_detail::actor;
    using fixtures::tiny_detail::event;
    s.putActor(actor("country/ITA", ActorKind::Country, "Italy", "ITA"));
    s.putActor(actor("country/MYS", ActorKind::Country, "Malaysia", "MYS"));
    s.putActor(actor("bloc/eu", ActorKind::Bloc, "European Union", ""));
    s.putActor(actor("person/leader", ActorKind::Person, "Leader", "MYS"));
    s.putActor(actor("person/minister-mys", ActorKind::Person, "Minister MYS", "MYS"));
    s.putActor(actor("group/delegation", ActorKind::Group, "Delegation", ""));
    s.putActor(actor("person/adviser", ActorKind::Person, "Adviser", ""));
    s.putActor(actor("person/host", ActorKind::Person, "Host", "ITA"));
    s.putActor(actor("person/minister-ita", ActorKind::Person, "Minister ITA", "ITA"));
    s.putActor(actor("person/ambassador", ActorKind::Person, "Ambassador", "ITA"));
    s.putActor(actor("group/mixed", ActorKind::Group, "Mixed ministers", ""));
    s.putActor(actor("person/envoy", ActorKind::Person, "EU envoy", "ITA"));
    auto visit = event("event/visit", EventKind::OfficialVisit, "Visit", "2025-07-02", nullptr,
                       {{"person/leader", Role::Guest},
                        {"person/minister-mys", Role::DelegationMember},
                        {"group/delegation", Role::DelegationMember},
                        {"person/adviser", Role::DelegationMember},
                        {"country/ITA", Role::Host}});
    visit.participants[2].side = "MYS";
    s.putEvent(visit);
    auto talks = event("event/talks", EventKind::Talks, "Talks", "2025-07-02", nullptr,
                       {{"person/leader", Role::Attendee},
                        {"person/minister-mys", Role::Attendee},
                        {"person/host", Role::Attendee},
                        {"person/minister-ita", Role::Attendee},
                        {"person/ambassador", Role::Attendee},
                        {"group/mixed", Role::Attendee},
                        {"person/envoy", Role::Attendee}});
    talks.participants[4].side = "MYS";      // an Italian-born ambassador acting for Malaysia
    talks.participants[6].side = "bloc/eu";  // acting for the bloc, not for Italy
    s.putEvent(talks);
    return s;
}

class Sides : public ::testing::Test {
protected:
    sqlite::Store store = visitStore();
    query::Index index = query::buildIndex(store);

    /// "id:side" per counterpart from the file, checked equal to the index's answer.
    Strings met(std::string_view who, query::WhoMetOptions o = {}) {
        const auto file = query::whoMet(store, who, o);
        const auto mem = query::whoMet(index, *index.findActor(who), o);
        EXPECT_EQ(file.items.size(), mem.size()) << who;
        Strings out;
        for (std::size_t i = 0; i < file.items.size() && i < mem.size(); ++i) {
            const auto& c = file.items[i];
            EXPECT_EQ(c.actor.id, index.actor(mem[i].actor).id);
            EXPECT_EQ(c.side, mem[i].side) << c.actor.id;
            EXPECT_EQ(c.meetings, mem[i].meetings) << c.actor.id;
            EXPECT_EQ(c.rows, mem[i].rows) << c.actor.id;
            out.push_back(c.actor.id + ":" + c.side.value_or("none"));
        }
        std::sort(out.begin(), out.end());
        return out;
    }
};

TEST_F(Sides, CounterpartsAreOnAnotherSideOrOnNone) {
    // Not the Malaysian minister (same side), nor the delegation; the ambassador acts for
    // Malaysia there; the EU envoy for the bloc; the mixed group has no side and counts.
    EXPECT_EQ(met("person/leader"),
              (Strings{"country/ITA:ITA", "group/mixed:none", "person/envoy:bloc/eu",
                       "person/host:ITA", "person/minister-ita:ITA"}));
    // From the Italian side: the leader, his minister and the ambassador (acting for Malaysia)
    // are counterparts; the stateless group too; its fellow Italian minister is not.
    EXPECT_EQ(met("person/host"),
              (Strings{"group/mixed:none", "person/ambassador:MYS", "person/envoy:bloc/eu",
                       "person/leader:MYS", "person/minister-mys:MYS"}));
}

TEST_F(Sides, TheOwnDelegationNeverCountsEvenOnAnySide) {
    query::WhoMetOptions any;
    any.anySide = true;
    // Any side adds the Malaysians at the talks (the minister, the ambassador), but never the
    // visiting party of the visit: the delegation members, the stateless adviser included.
    const auto all = met("person/leader", any);
    EXPECT_EQ(all, (Strings{"country/ITA:ITA", "group/mixed:none", "person/ambassador:MYS",
                            "person/envoy:bloc/eu", "person/host:ITA", "person/minister-ita:ITA",
                            "person/minister-mys:MYS"}));
    for (const auto& s : all) {
        EXPECT_EQ(s.find("group/delegation"), std::string::npos);
        EXPECT_EQ(s.find("person/adviser"), std::string::npos);
    }
    // The host is not in the visiting party: the delegation members are its counterparts.
    const auto italy = met("country/ITA", any);
    EXPECT_NE(std::find(italy.begin(), italy.end(), "person/adviser:none"), italy.end());
    EXPECT_NE(std::find(italy.begin(), italy.end(), "group/delegation:MYS"), italy.end());
}

TEST_F(Sides, CoParticipantsCountsEveryoneTheOwnDelegationToo) {
    query::WhoMetOptions co;
    co.coParticipants = true;
    // Plain co-participation: any side's co-participants and the own delegation of the visit.
    const auto all = met("person/leader", co);
    EXPECT_EQ(all,
              (Strings{"country/ITA:ITA", "group/delegation:MYS", "group/mixed:none",
                       "person/adviser:none", "person/ambassador:MYS", "person/envoy:bloc/eu",
                       "person/host:ITA", "person/minister-ita:ITA", "person/minister-mys:MYS"}));
    query::WhoMetOptions any;
    any.anySide = true;
    EXPECT_EQ(met("person/leader", any).size() + 2, all.size());  // the delegation and adviser
}

TEST_F(Sides, AnInternationalOrganisationActingForItselfShowsNoSide) {
    // The bloc is its own side (so its envoy is not its counterpart), but an answer shows it
    // as `?`, like a group of several sides, rather than its own id.
    using fixtures::tiny_detail::event;
    store.putEvent(event("event/eu-talks", EventKind::Talks, "Talks with the EU", "2025-08-01",
                         nullptr,
                         {{"person/leader", Role::Attendee}, {"bloc/eu", Role::Attendee}}));
    index = query::buildIndex(store);
    const auto met = this->met("person/leader");
    EXPECT_NE(std::find(met.begin(), met.end(), "bloc/eu:none"), met.end());
    // A participant acting for the bloc still shows it.
    EXPECT_NE(std::find(met.begin(), met.end(), "person/envoy:bloc/eu"), met.end());
}

TEST_F(Sides, AStatedSideRoundTripsThroughTheStore) {
    const auto talks = store.getEvent("event/talks");
    EXPECT_EQ(talks.participants[4].side, "MYS");
    EXPECT_EQ(talks.participants[6].side, "bloc/eu");
    EXPECT_FALSE(talks.participants[0].side.has_value());  // the actor's own side
}

// --- one meeting counted once -----------------------------------------------------------------

std::filesystem::path icewsFile(const std::string& name, const std::string& rows) {
    const auto dir = bilateral::fixtures::tempFolder("sides");
    std::filesystem::create_directories(dir);
    const auto p = dir / name;
    std::ofstream(p, std::ios::binary)
        << "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t"
           "CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t"
           "Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n"
        << rows;
    return p;
}

std::string row(int id, const char* date, const char* source, const char* sourceCountry,
                const char* code, const char* target, const char* targetCountry) {
    return std::to_string(id) + "\t" + date + "\t" + source + "\tGovernment\t" + sourceCountry +
           "\tMeet\t" + code + "\t1\t" + target + "\tGovernment\t" + targetCountry +
           "\t1\t1\tWire\t\t\t\t\t\t\n";
}

// One meeting coded A→B and B→A (042 make a visit, 043 host a visit: root 04) and again from a
// second story, a meeting the next day, and a consultation (root 03... kept apart by its root).
const std::string kRows = row(1, "2018-06-01", "Leader A", "Malaysia", "042", "Leader B", "Italy") +
                          row(2, "2018-06-01", "Leader B", "Italy", "043", "Leader A", "Malaysia") +
                          row(3, "2018-06-01", "Leader A", "Malaysia", "040", "Leader B", "Italy") +
                          row(4, "2018-06-02", "Leader A", "Malaysia", "040", "Leader B", "Italy") +
                          row(5, "2018-06-02", "Leader B", "Italy", "036", "Leader A", "Malaysia");

std::int64_t meetingsWith(sqlite::Store& s, const query::WhoMetOptions& o = {},
                          std::int64_t* rows = nullptr) {
    const auto met = query::whoMet(s, "icews/MYS/Leader A", o);
    const auto index = query::buildIndex(s);
    const auto mem = query::whoMet(index, *index.findActor("icews/MYS/Leader A"), o);
    EXPECT_EQ(met.items.size(), 1u);
    EXPECT_EQ(mem.size(), 1u);
    if (met.items.empty() || mem.empty()) return -1;
    EXPECT_EQ(met.items[0].meetings, mem[0].meetings);
    EXPECT_EQ(met.items[0].rows, mem[0].rows);
    if (rows) *rows = met.items[0].rows;
    return met.items[0].meetings;
}

TEST(Meetings, RowsOfOneMeetingCountOnceAndStayQueryable) {
    auto s = sqlite::Store::memory();
    const auto summary = io::importFiles(s, {icewsFile("meetings.tsv", kRows)});
    ASSERT_EQ(summary.size(), 1u);
    EXPECT_EQ(summary[0].events, 5);     // every row kept
    EXPECT_EQ(summary[0].regrouped, 2);  // rows 2 and 3 record row 1's meeting
    query::WhoMetOptions all;
    all.kinds = {EventKind::OfficialVisit, EventKind::BilateralMeeting, EventKind::Talks,
                 EventKind::CodedEvent, EventKind::IntentToMeet};
    std::int64_t rows = 0;
    // Day 1: rows 1-3 share pair, day and root 04; day 2: 040 and 036 (root 03) apart.
    EXPECT_EQ(meetingsWith(s, all, &rows), 3);
    EXPECT_EQ(rows, 5);
    const auto second = s.getEvent("icews/2/2018-06-01");
    EXPECT_EQ(second.meeting, "icews/1/2018-06-01");
    EXPECT_FALSE(s.getEvent("icews/1/2018-06-01").meeting.has_value());
}

TEST(Meetings, GroupingIsConfigurable) {
    query::WhoMetOptions all;
    all.kinds = {EventKind::OfficialVisit, EventKind::BilateralMeeting, EventKind::Talks,
                 EventKind::CodedEvent, EventKind::IntentToMeet};
    {
        auto s = sqlite::Store::memory();
        io::ImportOptions o;
        o.grouping.enabled = false;
        (void)io::importFiles(s, {icewsFile("none.tsv", kRows)}, o);
        EXPECT_EQ(meetingsWith(s, all), 5);
    }
    {
        auto s = sqlite::Store::memory();
        io::ImportOptions o;
        o.grouping = io::parseGrouping("pair,day");  // roots merged
        (void)io::importFiles(s, {icewsFile("day.tsv", kRows)}, o);
        EXPECT_EQ(meetingsWith(s, all), 2);
    }
    EXPECT_THROW((void)io::parseGrouping("day,root"), InvalidArgumentError);
    EXPECT_THROW((void)io::parseGrouping("pair,week"), InvalidArgumentError);
}

TEST(Meetings, CountRowsRanksByRawRows) {
    auto s = sqlite::Store::memory();
    (void)io::importFiles(
        s, {icewsFile(
               "rows.tsv",
               kRows + row(6, "2018-06-05", "Leader A", "Malaysia", "040", "Leader C", "Italy") +
                   row(7, "2018-06-06", "Leader A", "Malaysia", "040", "Leader C", "Italy"))});
    query::WhoMetOptions o;
    o.kinds = {EventKind::OfficialVisit, EventKind::BilateralMeeting, EventKind::Talks,
               EventKind::CodedEvent, EventKind::IntentToMeet};
    // B: 3 meetings in 5 rows; C: 2 meetings in 2 rows. Both orders put B first; with
    // countRows the counts shown are the rows.
    const auto met = query::whoMet(s, "icews/MYS/Leader A", o);
    ASSERT_EQ(met.items.size(), 2u);
    EXPECT_EQ(met.items[0].meetings, 3);
    EXPECT_EQ(met.items[1].meetings, 2);
    EXPECT_EQ(met.items[1].rows, 2);
}

}  // namespace
}  // namespace bilateral
