#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <tuple>
#include <vector>

#include "bilateral/error.hpp"
#include "bilateral/import/cameo.hpp"
#include "bilateral/import/countries.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using io::CameoTable;
using io::CountryTable;
using model::EventKind;
using model::Role;

namespace {

const fs::path kDataDir = fs::path(BILATERAL_SOURCE_DIR) / "data";

/// The rows of a table as `fields` sees them, for comparing two tables in one expectation.
template <class Rows, class Fields>
auto rowsOf(const Rows& rows, Fields fields) {
    std::vector<decltype(fields(rows.front()))> out;
    for (const auto& r : rows) out.push_back(fields(r));
    return out;
}

}  // namespace

TEST(CameoTable, KeepsCodesAsStringsWithLeadingZeros) {
    const auto& t = CameoTable::standard();
    ASSERT_NE(t.find("042"), nullptr);
    EXPECT_EQ(t.find("042")->code, "042");
    EXPECT_EQ(t.find("042")->name, "Make a visit");
    EXPECT_EQ(t.find("42"), nullptr);
    ASSERT_NE(t.find("0311"), nullptr);
    EXPECT_EQ(t.find("0311")->plover, "AGREE");
    EXPECT_EQ(t.find("04")->kind, EventKind::BilateralMeeting);
    EXPECT_EQ(t.version(), "CAMEO 1.1b3");
    EXPECT_FALSE(t.versionNotes().empty());
    EXPECT_EQ(t.codes().size(), 318U);
    // 1214 is in the 1.1b3 verb codebook and in ICEWS data (data/cameo/README.md).
    ASSERT_NE(t.find("1214"), nullptr);
    EXPECT_EQ(t.find("1214")->name, "Reject intelligence cooperation");
}

TEST(CameoTable, HasGoldsteinAndPloverForEachCode) {
    const auto& t = CameoTable::standard();
    EXPECT_DOUBLE_EQ(t.find("042")->goldstein, 1.9);
    EXPECT_DOUBLE_EQ(t.find("190")->goldstein, -10.0);
    EXPECT_EQ(t.find("057")->plover, "SUPPORT");
    EXPECT_EQ(t.find("010")->plover, "NONE");
}

TEST(CameoTable, MapsMeetingCodesToTheClosestKind) {
    const auto& t = CameoTable::standard();
    EXPECT_EQ(t.map("040").kind, EventKind::BilateralMeeting);
    EXPECT_EQ(t.map("041").kind, EventKind::PhoneCall);
    EXPECT_EQ(t.map("042").kind, EventKind::OfficialVisit);
    EXPECT_EQ(t.map("043").kind, EventKind::OfficialVisit);
    EXPECT_EQ(t.map("044").kind, EventKind::BilateralMeeting);
    EXPECT_EQ(t.map("045").kind, EventKind::Talks);
    EXPECT_EQ(t.map("046").kind, EventKind::Negotiation);
    EXPECT_EQ(t.map("036").kind, EventKind::IntentToMeet);
    EXPECT_EQ(t.map("057").kind, EventKind::AgreementSigning);
    EXPECT_EQ(t.map("190").kind, EventKind::CodedEvent);
    EXPECT_EQ(t.map("010").kind, EventKind::Statement);
    for (const auto* code : {"040", "041", "044", "045", "046", "036", "057", "190"}) {
        const auto m = t.map(code);
        EXPECT_EQ(m.sourceRole, Role::Source) << code;
        EXPECT_EQ(m.targetRole, Role::Target) << code;
        EXPECT_TRUE(m.note.empty()) << code;
        ASSERT_NE(m.entry, nullptr);
    }
}

TEST(CameoTable, VisitsHaveGuestAndHostRoles) {
    const auto& t = CameoTable::standard();
    const auto visit = t.map("042");
    EXPECT_EQ(visit.sourceRole, Role::Guest);
    EXPECT_EQ(visit.targetRole, Role::Host);
    const auto host = t.map("043");
    EXPECT_EQ(host.sourceRole, Role::Host);
    EXPECT_EQ(host.targetRole, Role::Guest);
}

TEST(CameoTable, UnknownCodeIsACodedEventWithANote) {
    const auto m = CameoTable::standard().map("999");
    EXPECT_EQ(m.kind, EventKind::CodedEvent);
    EXPECT_EQ(m.entry, nullptr);
    EXPECT_NE(m.note.find("999"), std::string::npos);
    EXPECT_NE(m.note.find("CAMEO 1.1b3"), std::string::npos);
}

TEST(CameoTable, ParseNamesTheBadLineAndColumn) {
    const std::string head = "code\tname\tgoldstein\tplover\tkind\n";
    try {
        (void)CameoTable::parse(head + "042\tMake a visit\tlots\tCONSULT\tofficial_visit\n",
                                "CAMEO test\n", "t.tsv");
        FAIL() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), "t.tsv");
        EXPECT_EQ(e.location(), "line 2, column goldstein");
    }
    EXPECT_THROW((void)CameoTable::parse(head + "042\tA\t1.0\tX\tno_such_kind\n", "v\n", "t"),
                 ParseError);
    EXPECT_THROW((void)CameoTable::parse(head + "42x\tA\t1.0\tX\tstatement\n", "v\n", "t"),
                 ParseError);
    EXPECT_THROW((void)CameoTable::parse(
                     head + "042\tA\t1.0\tX\tstatement\n042\tB\t1.0\tX\tstatement\n", "v\n", "t"),
                 ParseError);
    EXPECT_THROW((void)CameoTable::parse(head + "042\tA\t1.0\tX\tstatement\n", "", "t"),
                 ParseError);
}

TEST(ReferenceTables, EmbeddedCopyMatchesDataFolder) {
    // The build embeds data/ as it is (src/import/event_embed_tables.cmake): both copies read
    // alike.
    const auto file = CameoTable::load(kDataDir);
    const auto embedded = CameoTable::embedded();
    EXPECT_EQ(embedded.origin(), "embedded");
    EXPECT_EQ(file.version(), embedded.version());
    EXPECT_EQ(file.versionNotes(), embedded.versionNotes());
    const auto code = [](const auto& c) {
        return std::tuple(c.code, c.name, c.goldstein, c.plover, c.kind);
    };
    EXPECT_EQ(rowsOf(file.codes(), code), rowsOf(embedded.codes(), code));
    const auto country = [](const auto& c) {
        return std::tuple(c.iso3, c.name, c.icewsNames, c.cameo, c.fips);
    };
    EXPECT_EQ(rowsOf(CountryTable::load(kDataDir).countries(), country),
              rowsOf(CountryTable::embedded().countries(), country));
}

TEST(ReferenceTables, DataFolderIsFoundExplicitlyOrThroughTheEnvironment) {
    EXPECT_EQ(io::findDataDir(kDataDir), kDataDir);
    EXPECT_THROW((void)io::findDataDir(fs::path("/no/such/folder")), InvalidArgumentError);
    ::setenv("BILATERAL_DATA_DIR", kDataDir.c_str(), 1);
    EXPECT_EQ(io::findDataDir(), kDataDir);
    ::setenv("BILATERAL_DATA_DIR", "/no/such/folder", 1);
    EXPECT_THROW((void)io::findDataDir(), InvalidArgumentError);
    ::unsetenv("BILATERAL_DATA_DIR");
    // Built from the source tree, the source tree's data folder is found.
    const auto found = io::findDataDir();
    ASSERT_TRUE(found.has_value());
    EXPECT_TRUE(fs::exists(*found / "cameo" / "cameo-codes.tsv"));
}

TEST(CountryTable, MapsIcewsNamesCameoAndFipsCodesToIso3) {
    const auto& t = CountryTable::standard();
    EXPECT_EQ(t.iso3FromIcewsName("Russian Federation"), "RUS");
    EXPECT_EQ(t.iso3FromIcewsName("russian federation"), "RUS");
    EXPECT_EQ(t.iso3FromIcewsName("Occupied Palestinian Territory"), "PSE");
    EXPECT_EQ(t.iso3FromIcewsName("Cote d'Ivoire"), "CIV");
    EXPECT_EQ(t.iso3FromIcewsName("Atlantis"), std::nullopt);
    EXPECT_EQ(t.iso3FromCameo("ROM"), "ROU");
    EXPECT_EQ(t.iso3FromCameo("USA"), "USA");
    EXPECT_EQ(t.iso3FromCameo("EUR"), std::nullopt);
    // The CAMEO codes GDELT writes for Montenegro, the Isle of Man and territories.
    EXPECT_EQ(t.iso3FromCameo("MTN"), "MNE");
    EXPECT_EQ(t.iso3FromCameo("IMY"), "IMN");
    EXPECT_EQ(t.iso3FromCameo("HKG"), "HKG");
    EXPECT_EQ(t.iso3FromCameo("BMU"), "BMU");
    EXPECT_EQ(t.iso3FromFips("GM"), "DEU");
    EXPECT_EQ(t.iso3FromFips("UK"), "GBR");
    EXPECT_EQ(t.iso3FromFips("GZ"), "PSE");
    EXPECT_EQ(t.iso3FromFips("WE"), "PSE");
    ASSERT_NE(t.fromIso3("MYS"), nullptr);
    EXPECT_EQ(t.fromIso3("MYS")->name, "Malaysia");
    EXPECT_EQ(t.countries().size(), 233U);
}

TEST(CountryTable, RejectsANameGivenToTwoCountries) {
    const std::string text =
        "iso3\tname\ticews_names\tcameo\tfips\n"
        "AAA\tA\tSame\tAAA\tAA\n"
        "BBB\tB\tsame\tBBB\tBB\n";
    try {
        (void)CountryTable::parse(text, "c.tsv");
        FAIL() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.location(), "line 3, column icews_names");
    }
}
