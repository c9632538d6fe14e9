// ICEWS event files: columns by header name (20- and 26-column variants, any order), strict
// rows, CAMEO codes kept as strings, roles from the CAMEO table, idempotent loads, actors once
// per (name, country) affiliated with their country, nothing written on error.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "bilateral/error.hpp"
#include "bilateral/export/from_storage.hpp"
#include "bilateral/import/events.hpp"
#include "bilateral/import/from_storage.hpp"
#include "bilateral/import/import.hpp"
#include "fixtures/event_files.hpp"
#include "fixtures/icews_rows.hpp"
#include "sqlite/store.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using namespace bilateral::fixtures;

namespace {

class IcewsTest : public fixtures::EventFileTest {
protected:
    IcewsTest() : EventFileTest(io::Format::Icews) {}

    /// Imports (or fails to import) a file of the 20-column header holding `rows`.
    std::vector<io::ImportSummary> loadRows(const std::vector<Row>& rows) {
        return load(write("rows.tab", icews(kHeader20, rows)));
    }
    ParseError loadRowsFails(const std::vector<Row>& rows) {
        return loadFails(write("rows.tab", icews(kHeader20, rows)));
    }
    /// Imports the visit row with `changes`; its event.
    model::Event loadVisitWith(const Row& changes) {
        auto r = visitRow();
        for (const auto& [column, value] : changes) r[column] = value;
        loadRows({r});
        return store_.getEvent("icews/926686/2014-03-02");
    }
};

}  // namespace

TEST_F(IcewsTest, LoadsThe20ColumnVariant) {
    const auto file = write("events.tab", icews(kHeader20, {visitRow(), statementRow()}));
    const auto s = load(file);
    ASSERT_EQ(s.size(), 1U);
    EXPECT_EQ(s[0].format, io::Format::Icews);
    expectSummary(s[0], {.rows = 2, .sources = 1, .events = 2, .participations = 4, .skipped = 0});

    const auto e = store_.getEvent("icews/926686/2014-03-02");
    expectCodedEvent(e,
                     {model::EventKind::OfficialVisit, "Make a visit", "042", "2014-03-02", 1.9});
    EXPECT_EQ(e.status, model::EventStatus::Occurred);
    EXPECT_EQ(e.attributes.at("story_id"), model::AttributeValue(std::int64_t{28235807}));
    EXPECT_EQ(e.attributes.at("sentence_number"), model::AttributeValue(std::int64_t{3}));
    EXPECT_EQ(e.attributes.at("publisher"), model::AttributeValue(std::string("Bernama")));
    // [places] The location columns are the event's place, not attributes; empty District left
    // out of its name.
    EXPECT_EQ(e.location, "Rome, Lazio, Italy");
    EXPECT_EQ(e.place.country, "ITA");
    EXPECT_EQ(e.place.latitude, 41.8919);
    EXPECT_EQ(e.place.longitude, 12.5113);
    EXPECT_FALSE(e.place.gazetteer.has_value());
    for (const char* k : {"city", "district", "province", "country", "latitude", "longitude"})
        EXPECT_EQ(e.attributes.count(k), 0U) << k;
    EXPECT_TRUE(e.evidence.empty());

    const auto src = store_.findSource("source/icews/events.tab");
    ASSERT_TRUE(src.has_value());
    EXPECT_EQ(src->kind, "icews");
    EXPECT_NE(src->title.find("CAMEO 1.1b3"), std::string::npos);

    const auto st = store_.getEvent("icews/1000/2014-01-05");
    EXPECT_EQ(st.kind, model::EventKind::Statement);
    EXPECT_EQ(st.cameo, "010");  // the leading zero is kept
}

TEST_F(IcewsTest, VisitRolesFollowTheCode) {
    loadRows({visitRow(), hostRow()});
    const auto visit = store_.getEvent("icews/926686/2014-03-02");
    EXPECT_EQ(roleOf(visit, "icews/MYS/Najib Razak"), "guest");
    EXPECT_EQ(roleOf(visit, "icews/ITA/Head of Government (Italy)"), "host");
    const auto host = store_.getEvent("icews/926687/2014-03-02");
    EXPECT_EQ(host.kind, model::EventKind::OfficialVisit);
    EXPECT_EQ(host.cameo, "043");
    EXPECT_EQ(roleOf(host, "icews/ITA/Head of Government (Italy)"), "host");
    EXPECT_EQ(roleOf(host, "icews/MYS/Najib Razak"), "guest");

    const auto st = store_.counts();
    EXPECT_EQ(st.events, 2);
}

TEST_F(IcewsTest, OtherCodesHaveSourceAndTargetRoles) {
    loadRows({statementRow()});
    const auto e = store_.getEvent("icews/1000/2014-01-05");
    EXPECT_EQ(roleOf(e, "icews/igo/United Nations"), "source");
    EXPECT_EQ(roleOf(e, "icews/MYS/Najib Razak"), "target");
}

TEST_F(IcewsTest, LoadsThe26ColumnVariantInAnyColumnOrder) {
    auto header = kHeader20;
    for (const auto* extra : {"Source Actor ID", "Target Actor ID", "Event Sentence", "Language",
                              "Version", "Source Feed"}) {
        header.emplace_back(extra);
    }
    std::reverse(header.begin(), header.end());
    std::rotate(header.begin(), header.begin() + 7, header.end());
    auto r = visitRow();
    r["Event Sentence"] = "Najib Razak visited Rome.";
    r["Language"] = "en";
    r["Source Actor ID"] = "17";
    ASSERT_EQ(header.size(), 26U);
    const auto s = load(write("events26.tab", icews(header, {r, statementRow()})));
    EXPECT_EQ(s[0].events, 2);
    const auto e = store_.getEvent("icews/926686/2014-03-02");
    EXPECT_EQ(e.cameo, "042");
    EXPECT_EQ(roleOf(e, "icews/MYS/Najib Razak"), "guest");
    EXPECT_EQ(e.attributes.at("event_sentence"),
              model::AttributeValue(std::string("Najib Razak visited Rome.")));
    EXPECT_EQ(e.attributes.at("language"), model::AttributeValue(std::string("en")));
    EXPECT_EQ(e.attributes.at("source_actor_id"), model::AttributeValue(std::string("17")));
    EXPECT_EQ(e.attributes.at("story_id"), model::AttributeValue(std::int64_t{28235807}));
}

TEST_F(IcewsTest, OnlyTheRequiredColumnsAreNeeded) {
    const std::vector<std::string> header{"Target Country", "CAMEO Code",     "Event ID",
                                          "Target Name",    "Source Country", "Event Date",
                                          "Source Name"};
    auto r = visitRow();
    const auto s = load(write("min.tab", icews(header, {r})));
    EXPECT_EQ(s[0].events, 1);
    const auto e = store_.getEvent("icews/926686/2014-03-02");
    EXPECT_EQ(e.title, "Make a visit");  // the CAMEO name when there is no Event Text
    ASSERT_TRUE(e.goldstein.has_value());
    EXPECT_DOUBLE_EQ(*e.goldstein, 1.9);  // the table's Goldstein value when no Intensity
    EXPECT_TRUE(e.attributes.empty());
}

TEST_F(IcewsTest, MissingRequiredColumnIsAnErrorNamingIt) {
    for (const std::string missing : {"Event ID", "Event Date", "Source Name", "Source Country",
                                      "CAMEO Code", "Target Name", "Target Country"}) {
        auto header = kHeader20;
        header.erase(std::find(header.begin(), header.end(), missing));
        const auto e = loadFails(write("missing.tab", icews(header, {visitRow()})));
        EXPECT_EQ(e.location(), "line 1") << missing;
        EXPECT_NE(e.reason().find("\"" + missing + "\""), std::string::npos) << e.what();
    }
    EXPECT_EQ(store_.counts().events, 0);
    EXPECT_EQ(store_.counts().sources, 0);
}

TEST_F(IcewsTest, LoadingTwiceAddsNothing) {
    const auto file =
        write("events.tab", icews(kHeader20, {visitRow(), hostRow(), statementRow()}));
    const auto first = load(file);
    const auto before = store_.counts();
    const auto second = load(file);
    const auto after = store_.counts();
    EXPECT_EQ(first[0].events, 3);
    expectSummary(
        second[0],
        {.rows = 3, .actors = 0, .events = 0, .participations = 0, .relations = 0, .skipped = 3});
    EXPECT_EQ(before.events, after.events);
    EXPECT_EQ(before.actors, after.actors);
    EXPECT_EQ(before.participations, after.participations);
    EXPECT_EQ(before.relations, after.relations);
    EXPECT_EQ(before.evidence, after.evidence);

    // The same Event ID on another day is another event (ICEWS reuses ids across dates).
    auto again = visitRow();
    again["Event Date"] = "2014-03-03";
    const auto third = loadRows({again});
    EXPECT_EQ(third[0].events, 1);
    EXPECT_TRUE(store_.findEvent("icews/926686/2014-03-03").has_value());
}

TEST_F(IcewsTest, ActorsAreCreatedOncePerNameAndCountryAndAffiliatedWithIt) {
    auto other = statementRow();
    other["Event ID"] = "1001";
    other["Target Country"] = "Indonesia";  // the same name in another country: another actor
    const auto s = loadRows({visitRow(), hostRow(), statementRow(), other});
    // Actors: Najib (MYS), HoG (ITA), UN (igo), Najib (IDN); countries MYS, ITA, IDN.
    EXPECT_EQ(s[0].actors, 7);
    EXPECT_EQ(s[0].relations, 3);  // the UN has no country

    const auto najib = store_.getActor("icews/MYS/Najib Razak");
    EXPECT_EQ(najib.name, "Najib Razak");
    EXPECT_EQ(najib.country, "MYS");
    EXPECT_EQ(najib.kind, model::ActorKind::Person);
    EXPECT_EQ(najib.attributes.at("sectors"),
              model::AttributeValue(std::string("Elite,Executive,Government")));
    EXPECT_TRUE(store_.findActor("icews/IDN/Najib Razak").has_value());

    // A generic actor with government sectors stands for an organ of the state.
    const auto hog = store_.getActor("icews/ITA/Head of Government (Italy)");
    EXPECT_EQ(hog.kind, model::ActorKind::GovernmentBody);
    const auto un = store_.getActor("icews/igo/United Nations");
    EXPECT_EQ(un.kind, model::ActorKind::Bloc);
    EXPECT_FALSE(un.country.has_value());

    const auto mys = store_.getActor("country/MYS");
    EXPECT_EQ(mys.kind, model::ActorKind::Country);
    EXPECT_EQ(mys.name, "Malaysia");
    EXPECT_EQ(mys.country, "MYS");

    const auto rel = store_.findRelation("affiliation/icews/MYS/Najib Razak");
    ASSERT_TRUE(rel.has_value());
    EXPECT_EQ(rel->kind, model::RelationKind::AffiliatedWith);
    EXPECT_EQ(rel->from, "icews/MYS/Najib Razak");
    EXPECT_EQ(rel->to, "country/MYS");
    ASSERT_EQ(rel->evidence.size(), 1U);
    EXPECT_EQ(rel->evidence[0].source, "source/icews/rows.tab");
    EXPECT_FALSE(store_.findRelation("affiliation/icews/igo/United Nations").has_value());
}

TEST_F(IcewsTest, ExistingActorsAreReusedAcrossImports) {
    store_.putSource({.id = "source/manual", .title = "Manual"});
    store_.putActor({.id = "icews/MYS/Najib Razak",
                     .kind = model::ActorKind::Person,
                     .name = "Mohd Najib bin Tun Haji Abdul Razak",
                     .country = "MYS"});
    const auto s = loadRows({visitRow()});
    EXPECT_EQ(s[0].actors, 2);  // HoG (ITA) and country/ITA; Najib was there
    EXPECT_EQ(store_.getActor("icews/MYS/Najib Razak").name, "Mohd Najib bin Tun Haji Abdul Razak");
}

TEST_F(IcewsTest, AnActorNamedAfterItsCountryIsTheCountry) {
    const auto e = loadVisitWith({{"Source Name", "Malaysia"}, {"Source Sectors", ""}});
    EXPECT_EQ(roleOf(e, "country/MYS"), "guest");
    EXPECT_FALSE(store_.findActor("icews/MYS/Malaysia").has_value());
    EXPECT_EQ(io::icewsActorId("Malaysia", "Malaysia"), "country/MYS");
}

TEST_F(IcewsTest, UnknownCountryNamesKeepASlug) {
    loadVisitWith({{"Source Country", "Republic of Atlantis"}});
    const auto a = store_.getActor("icews/republic-of-atlantis/Najib Razak");
    EXPECT_EQ(a.country, "republic-of-atlantis");
    EXPECT_EQ(a.attributes.at("icews_country"),
              model::AttributeValue(std::string("Republic of Atlantis")));
    const auto c = store_.getActor("country/republic-of-atlantis");
    EXPECT_EQ(c.name, "Republic of Atlantis");
    EXPECT_EQ(io::icewsCountryCode("Republic of Atlantis"), "republic-of-atlantis");
}

TEST_F(IcewsTest, IdsArePublic) {
    EXPECT_EQ(io::icewsCountryCode("Russian Federation"), "RUS");
    EXPECT_EQ(io::icewsCountryCode(""), "");
    EXPECT_EQ(io::icewsActorId("Vladimir Putin", "Russian Federation"), "icews/RUS/Vladimir Putin");
    EXPECT_EQ(io::icewsActorId("NATO", ""), "icews/igo/NATO");
    EXPECT_EQ(io::icewsEventId("20000001", "2018-05-17"), "icews/20000001/2018-05-17");
    EXPECT_EQ(io::sourceEventId("icews/20000001/2018-05-17"), "20000001");
    EXPECT_EQ(io::sourceEventId("gdelt/123"), "123");
    EXPECT_EQ(io::sourceEventId("event/visit"), "");
}

TEST_F(IcewsTest, UnknownCameoCodeIsACodedEventWithANote) {
    const auto e = loadVisitWith({{"CAMEO Code", "0999"}, {"Intensity", ""}});
    EXPECT_EQ(e.kind, model::EventKind::CodedEvent);
    EXPECT_EQ(e.cameo, "0999");
    EXPECT_FALSE(e.goldstein.has_value());
    const auto& note = std::get<std::string>(e.attributes.at("cameo_note"));
    EXPECT_NE(note.find("0999"), std::string::npos);
    EXPECT_EQ(roleOf(e, "icews/MYS/Najib Razak"), "source");
}

TEST_F(IcewsTest, BadRowIsAParseErrorWithItsLineAndNothingIsWritten) {
    auto bad = hostRow();
    bad["Event Date"] = "2014-02-30";
    const auto file = write("bad.tab", icews(kHeader20, {visitRow(), statementRow(), bad}));
    const auto e = loadFails(file);
    EXPECT_EQ(e.file(), file.string());
    EXPECT_EQ(e.location(), "line 4, column Event Date");
    EXPECT_NE(e.reason().find("2014-02-30"), std::string::npos);
    expectNothingWritten(store_);
}

TEST_F(IcewsTest, CompactDatesAreReadAndIdsUseIsoDates) {
    const auto e = loadVisitWith({{"Event Date", "20140302"}});
    EXPECT_EQ(e.start, model::Date::parse("2014-03-02"));
    // The same row with an ISO date is the same event.
    const auto again = loadRows({visitRow()});
    EXPECT_EQ(again[0].skipped, 1);
    EXPECT_EQ(io::icewsEventId("926686", "20140302"), "icews/926686/2014-03-02");
}

TEST_F(IcewsTest, StrictRows) {
    struct Case {
        std::string column, value, location;
    };
    const std::vector<Case> cases{
        {"Event ID", "A17", "line 2, column Event ID"},
        {"Event Date", "2014/03/02", "line 2, column Event Date"},
        {"Event Date", "", "line 2, column Event Date"},
        {"Event Date", "20140230", "line 2, column Event Date"},
        {"CAMEO Code", "", "line 2, column CAMEO Code"},
        {"CAMEO Code", "04a", "line 2, column CAMEO Code"},
        {"Intensity", "high", "line 2, column Intensity"},
        {"Story ID", "28235807.5", "line 2, column Story ID"},
        {"Sentence Number", "three", "line 2, column Sentence Number"},
        {"Latitude", "41,89", "line 2, column Latitude"},
        {"Source Name", "", "line 2, column Source Name"},
        {"Target Name", "", "line 2, column Target Name"},
    };
    for (const auto& c : cases) {
        auto r = visitRow();
        r[c.column] = c.value;
        const auto e = loadRowsFails({r});
        EXPECT_EQ(e.location(), c.location) << c.column << "=" << c.value << ": " << e.what();
    }
    EXPECT_EQ(store_.counts().events, 0);
}

TEST_F(IcewsTest, WrongFieldCountIsAnError) {
    auto text = icews(kHeader20, {visitRow()});
    text += "1\t2014-01-01\tA\n";
    const auto e = loadFails(write("short.tab", text));
    EXPECT_EQ(e.location(), "line 3");
    EXPECT_NE(e.reason().find("expected 20"), std::string::npos);
    EXPECT_NE(e.reason().find("found 3"), std::string::npos);
}

TEST_F(IcewsTest, InvalidUtf8IsAnError) {
    auto r = visitRow();
    r["Source Name"] = "Jos\xE9 Bad";  // Latin-1, not UTF-8
    const auto e = loadRowsFails({r});
    EXPECT_EQ(e.location(), "line 2");
    EXPECT_NE(e.reason().find("UTF-8"), std::string::npos);
}

TEST_F(IcewsTest, NonAsciiNamesAndApostrophesAreKept) {
    auto r = visitRow();
    r["Source Name"] = "José Ramos-Horta";
    r["Target Name"] = "Côte d'Azur Institute of Economics";
    r["Target Country"] = "Cote d'Ivoire";
    r["Target Sectors"] = "Education,Research";
    loadRows({r});
    EXPECT_TRUE(store_.findActor("icews/MYS/José Ramos-Horta").has_value());
    const auto t = store_.getActor("icews/CIV/Côte d'Azur Institute of Economics");
    EXPECT_EQ(t.kind, model::ActorKind::Institution);
}

// Issue 20: the actors it names, typed person, bloc or group before. The sectors are of the
// kinds ICEWS gives such actors (the real sample's ministries, armed forces and insurgents).
TEST_F(IcewsTest, KindsOfBodiesArmedGroupsAndPeople) {
    struct Case {
        const char *name, *country, *sectors;
        model::ActorKind kind;
        const char* id;
    };
    const std::vector<Case> cases{
        {"Department of the Treasury", "United States",
         "Government,Executive,Finance / Economy / Commerce / Trade Ministry",
         model::ActorKind::GovernmentBody, "icews/USA/Department of the Treasury"},
        {"Indian Navy", "India", "Military,Navy", model::ActorKind::Military,
         "icews/IND/Indian Navy"},
        {"Al Qaeda", "Yemen", "Radicals / Extremists / Fundamentalists,Insurgents,Sunni",
         model::ActorKind::ArmedGroup, "icews/YEM/Al Qaeda"},
        {"Treasury/Finance Ministry (Canada)", "Canada",
         "Finance / Economy / Commerce / Trade Ministry,Government,Executive",
         model::ActorKind::GovernmentBody, "icews/CAN/Treasury/Finance Ministry (Canada)"},
        {"Antonio Tajani", "", "International Government Organization,Regional Diplomatic IGOs",
         model::ActorKind::Person, "icews/igo/Antonio Tajani"},
        {"Steven Mnuchin", "United States",
         "Government,Executive,Finance / Economy / Commerce / Trade Ministry",
         model::ActorKind::Person, "icews/USA/Steven Mnuchin"},
        {"NATO", "", "International Government Organization,Regional Defense / Security IGOs",
         model::ActorKind::Bloc, "icews/igo/NATO"},
        {"Kenya Defence Forces", "Kenya", "Military,Government", model::ActorKind::Military,
         "icews/KEN/Kenya Defence Forces"},
        {"Human Rights Watch Foundation", "", "Nongovernmental Organizations / Activists",
         model::ActorKind::Organisation, "icews/igo/Human Rights Watch Foundation"},
    };
    std::vector<Row> rows;
    int id = 7000;
    for (const auto& c : cases) {
        auto r = visitRow();
        r["Event ID"] = std::to_string(id++);
        r["Target Name"] = c.name;
        r["Target Country"] = c.country;
        r["Target Sectors"] = c.sectors;
        rows.push_back(r);
    }
    loadRows(rows);
    for (const auto& c : cases) {
        const auto a = store_.findActor(c.id);
        ASSERT_TRUE(a) << c.id;
        EXPECT_EQ(model::toString(a->kind), model::toString(c.kind)) << c.id;
    }
}

TEST_F(IcewsTest, EmptyFileAndHeaderOnly) {
    const auto e = loadFails(write("empty.tab", ""));
    EXPECT_EQ(e.location(), "line 1");
    EXPECT_NE(e.reason().find("empty"), std::string::npos);
    const auto s = load(write("header.tab", join(kHeader20) + "\n"));
    EXPECT_EQ(s[0].rows, 0);
    EXPECT_EQ(s[0].events, 0);
}

TEST_F(IcewsTest, CrLfLineEndsAndAMissingFinalNewlineAreFine) {
    auto text = icews(kHeader20, {visitRow(), statementRow()});
    std::string crlf;
    for (const char c : text) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    crlf.pop_back();
    crlf.pop_back();  // no line end after the last row
    const auto s = load(write("crlf.tab", crlf));
    EXPECT_EQ(s[0].events, 2);
    EXPECT_TRUE(store_.findEvent("icews/1000/2014-01-05").has_value());
}

TEST_F(IcewsTest, AnEmptyLineBetweenRowsIsAnError) {
    const auto header = join(kHeader20) + "\n";
    const auto first = icews(kHeader20, {visitRow()}).substr(header.size());
    const auto second = icews(kHeader20, {statementRow()}).substr(header.size());
    const auto e = loadFails(write("gap.tab", header + first + "\n" + second));
    EXPECT_EQ(e.location(), "line 3");
    // Trailing empty lines are fine.
    const auto s = load(write("trail.tab", header + first + second + "\n\n"));
    EXPECT_EQ(s[0].events, 2);
}

TEST_F(IcewsTest, DuplicateHeaderIsAnError) {
    auto header = kHeader20;
    header.emplace_back("Publisher");
    const auto e = loadFails(write("dup.tab", icews(header, {visitRow()})));
    EXPECT_EQ(e.location(), "line 1, column Publisher");
}

TEST_F(IcewsTest, ProgressIsReported) {
    std::vector<Row> rows;
    for (int i = 0; i < 3000; ++i) {
        auto r = visitRow();
        r["Event ID"] = std::to_string(100000 + i);
        rows.push_back(r);
    }
    const auto file = write("big.tab", icews(kHeader20, rows));
    const auto size = fs::file_size(file);
    std::vector<std::uint64_t> seen;
    io::ImportOptions o;
    o.format = io::Format::Icews;
    o.progress = [&](const std::string& f, std::uint64_t done, std::uint64_t total) {
        EXPECT_EQ(f, file.string());
        EXPECT_EQ(total, size);
        seen.push_back(done);
    };
    const auto s = io::importFiles(store_, {file}, o);
    EXPECT_EQ(s[0].events, 3000);
    ASSERT_GE(seen.size(), 2U);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_EQ(seen.back(), size);
}

TEST_F(IcewsTest, ImportIcewsDirectlyInsideATransaction) {
    const auto file = write("direct.tab", icews(kHeader20, {visitRow()}));
    {
        sqlite::Transaction tx(store_);
        const auto s = io::importIcews(store_, file);
        EXPECT_EQ(s.events, 1);
        // no commit: rolled back
    }
    EXPECT_EQ(store_.counts().events, 0);
    EXPECT_EQ(store_.counts().actors, 0);
}

TEST_F(IcewsTest, AutoDetectsTheFormat) {
    const auto file = write("auto.tab", icews(kHeader20, {visitRow()}));
    const auto s = io::importFiles(store_, {file});
    EXPECT_EQ(s[0].format, io::Format::Icews);
    EXPECT_EQ(s[0].events, 1);
}
