// The other accounts of the July 2025 visit in the bundled dataset (issue 21, item 4): the
// Palazzo Chigi note of 3 July 2025 and The Sun's report of the same day. Their texts are not in
// the repository, so each fact from them carries the words it rests on, without a span.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bilateral/rules/claims.hpp"
#include "fixtures/bundled_dataset.hpp"

using namespace bilateral;
using namespace bilateral::fixtures;

namespace {
constexpr const char* kMetropolitano = "source/ilmetropolitano-2025-07-02";
constexpr const char* kAdnkronos = "source/adnkronos-roundtable";

const model::Source& sourceNamed(const std::string& id) {
    return named(bundled().sources, id);
}

bool holdsStated(const std::vector<model::Evidence>& evidence, const std::string& source,
                 const std::string& words) {
    return std::any_of(evidence.begin(), evidence.end(), [&](const auto& e) {
        return e.source == source && e.basis == model::Basis::Stated && e.quote &&
               e.quote->find(words) != std::string::npos;
    });
}
}  // namespace

TEST(BundledAccounts, EachAccountIsASourceWithoutTextButWithWhereItWasPublished) {
    for (const char* id : {kChigiNote, kTheSun}) {
        const auto& s = sourceNamed(id);
        EXPECT_FALSE(s.file.has_value()) << id;  // the text is not in the repository
        ASSERT_TRUE(s.url.has_value()) << id;
        ASSERT_TRUE(s.published.has_value()) << id;
        EXPECT_EQ(s.published->toString(), "2025-07-03") << id;
        EXPECT_TRUE(s.author.has_value()) << id;
    }
    EXPECT_EQ(sourceNamed(kTheSun).title,
              "Anwar holds talks with Italian PM Meloni to boost bilateral ties");
    EXPECT_NE(sourceNamed(kTheSun).url->find("thesun.my"), std::string::npos);
}

TEST(BundledAccounts, CrosettoAndTajaniAtTheLeadersMeetingAsThePalazzoChigiNoteSays) {
    const auto& meeting = eventNamed("event/meeting-anwar-meloni-2025-07");
    const auto& crosetto = participantOf(meeting, "person/guido-crosetto", model::Role::Attendee);
    EXPECT_TRUE(
        holdsStated(crosetto.evidence, kChigiNote, "il Ministro della Difesa, Guido Crosetto"));
    EXPECT_EQ(actorNamed("person/guido-crosetto").country, "ITA");
    // The editorial's inference (0.7) is kept beside the note's statement.
    const auto& tajani = participantOf(meeting, "person/antonio-tajani", model::Role::Attendee);
    EXPECT_TRUE(holdsStated(tajani.evidence, kChigiNote, "Antonio Tajani"));
    EXPECT_EQ(from(tajani.evidence, kEditorial).size(), 1u);
    // Crosetto holds Italy's defence post, named so on the day of the meeting.
    const auto& post = relationNamed("relation/guido-crosetto-holds-minister-of-defence-italy");
    EXPECT_EQ(post.to, "post/minister-of-defence-italy");
    EXPECT_FALSE(post.valid.start || post.valid.end);  // the note gives no term
    ASSERT_EQ(post.attested.size(), 1u);
    EXPECT_EQ(post.attested[0].period.start->toString(), "2025-07-03");
}

TEST(BundledAccounts, TheMeetingWasAtPalazzoChigiInBothAccounts) {
    const auto& meeting = eventNamed("event/meeting-anwar-meloni-2025-07");
    EXPECT_EQ(meeting.location, "Palazzo Chigi, Rome");
    EXPECT_EQ(meeting.place.country, "ITA");
    EXPECT_TRUE(holdsStated(meeting.evidence, kChigiNote, "a Palazzo Chigi"));
    EXPECT_TRUE(holdsStated(meeting.evidence, kTheSun, "Chigi Palace"));
}

TEST(BundledAccounts, TheSunNamesTheMalaysianMinistersAndTheAmbassadorAtTheMeeting) {
    const auto& meeting = eventNamed("event/meeting-anwar-meloni-2025-07");
    const std::vector<std::pair<std::string, std::string>> ministers{
        {"person/mohamad-hasan", "post/minister-of-foreign-affairs-malaysia"},
        {"person/anthony-loke", "post/minister-of-transport-malaysia"},
        {"person/mohamed-khaled-nordin", "post/minister-of-defence-malaysia"},
        {"person/tengku-zafrul-aziz", "post/minister-of-investment-trade-and-industry-malaysia"}};
    for (const auto& [person, post] : ministers) {
        const auto& p = participantOf(meeting, person, model::Role::DelegationMember);
        EXPECT_TRUE(holdsStated(p.evidence, kTheSun, "Anwar was accompanied by")) << person;
        EXPECT_EQ(actorNamed(person).country, "MYS") << person;
        const auto held = std::find_if(
            bundled().relations.begin(), bundled().relations.end(), [&](const auto& r) {
                return r.kind == model::RelationKind::HoldsPost && r.from == person && r.to == post;
            });
        ASSERT_NE(held, bundled().relations.end()) << person << " holds " << post;
        ASSERT_EQ(held->attested.size(), 1u) << person;
        EXPECT_EQ(held->attested[0].period.start->toString(), "2025-07-03") << person;
    }
    const auto& ambassador = participantOf(meeting, "person/zahid-rastam", model::Role::Attendee);
    EXPECT_TRUE(holdsStated(ambassador.evidence, kTheSun, "Malaysian Ambassador to Italy"));
    const auto& post = relationNamed("relation/zahid-rastam-holds-ambassador-malaysia-italy");
    EXPECT_EQ(post.to, "post/ambassador-malaysia-italy");
}

TEST(BundledAccounts, TheMinistersOfDefenceAndForeignAffairsAsEachAccountReadsThem) {
    // The editorial's group keeps no country: only it speaks of "the Ministers of Defence and
    // Foreign Affairs", and it does not say whose.
    const auto& group = actorNamed("group/meeting-defence-and-foreign-ministers");
    EXPECT_FALSE(group.country.has_value());
    // Each account's reading of it is inferred, from that account: the note names Italy's
    // ministers, The Sun Malaysia's.
    const std::vector<std::pair<std::string, std::string>> readings{
        {"person/guido-crosetto", kChigiNote},
        {"person/antonio-tajani", kChigiNote},
        {"person/mohamad-hasan", kTheSun},
        {"person/mohamed-khaled-nordin", kTheSun}};
    for (const auto& [person, source] : readings) {
        const auto member = std::find_if(
            bundled().relations.begin(), bundled().relations.end(), [&](const auto& r) {
                return r.kind == model::RelationKind::MemberOf && r.from == person &&
                       r.to == "group/meeting-defence-and-foreign-ministers";
            });
        ASSERT_NE(member, bundled().relations.end()) << person;
        const auto read = from(member->evidence, source);
        ASSERT_FALSE(read.empty()) << person << " by " << source;
        for (const auto& e : member->evidence) {
            EXPECT_EQ(e.basis, model::Basis::Inferred) << person;
            EXPECT_TRUE(e.note && e.confidence) << person;
            EXPECT_LT(*e.confidence, 0.9) << person;
        }
    }
}

TEST(BundledAccounts, QuotesOnlyTheWordsAFactRestsOn) {
    // No span into a text the repository does not hold; a phrase or a sentence, not the article.
    std::size_t quoted = 0;
    const auto check = [&](const std::vector<model::Evidence>& evidence) {
        for (const auto& e : evidence) {
            if (e.source == kEditorial || e.source == kReference) continue;  // spans, texts
            ++quoted;
            EXPECT_FALSE(e.span.has_value());
            ASSERT_TRUE(e.quote.has_value());
            EXPECT_LE(e.quote->size(), 260u) << *e.quote;
        }
    };
    for (const auto& a : bundled().actors) check(a.evidence);
    for (const auto& ev : bundled().events) {
        check(ev.evidence);
        for (const auto& p : ev.participants) {
            check(p.evidence);
            for (const auto& c : p.claims) check(c.evidence);
        }
        for (const auto& c : ev.claims) check(c.evidence);
    }
    for (const auto& r : bundled().relations) {
        check(r.evidence);
        for (const auto& a : r.attested) check(a.evidence);
    }
    EXPECT_GT(quoted, 40u);
}

namespace {
/// The bundled dataset as JSON, for what each source claims (format 1.2).
const nlohmann::json& bundledJson() {
    static const nlohmann::json j = [] {
        std::ifstream in(kBundledDataset);
        return nlohmann::json::parse(in);
    }();
    return j;
}

const nlohmann::json& eventJson(const std::string& id) {
    for (const auto& e : bundledJson().at("events")) {
        if (e.at("id") == id) return e;
    }
    throw std::runtime_error("the bundled dataset has no " + id);
}

/// The claims of `record` by `source`.
std::vector<nlohmann::json> claimsBy(const nlohmann::json& record, const std::string& source) {
    std::vector<nlohmann::json> out;
    for (const auto& c : record.value("claims", nlohmann::json::array())) {
        if (c.at("source") == source) out.push_back(c);
    }
    return out;
}
}  // namespace

TEST(BundledAccounts, EachAccountHasItsStanding) {
    EXPECT_EQ(bundledJson().at("version"), 1.2);
    for (const auto& s : bundledJson().at("sources")) {
        if (s.at("id") == kChigiNote) {
            EXPECT_EQ(s.at("standing"), "primary");
        }
        if (s.at("id") == kTheSun) {
            EXPECT_EQ(s.at("standing"), "secondary");
        }
    }
}

TEST(BundledAccounts, TheSunClaimsAThreeDayWorkingVisitTheEditorialAnOfficialVisitOfTwoDays) {
    const auto& visit = eventJson("event/official-visit-2025-07");
    // The editorial's own account, at the top level.
    EXPECT_EQ(visit.at("kind"), "official_visit");
    EXPECT_EQ(visit.at("start"), "2025-07-02");
    EXPECT_EQ(visit.at("end"), "2025-07-03");
    const auto sun = claimsBy(visit, kTheSun);
    ASSERT_EQ(sun.size(), 1u);
    EXPECT_EQ(sun[0].at("kind"), "working_visit");
    EXPECT_EQ(sun[0].at("start"), "2025-07-01");  // "arrived here on Tuesday"
    EXPECT_EQ(sun[0].at("end"), "2025-07-03");    // "a three-day working visit"
    for (const auto& e : sun[0].at("evidence")) {
        EXPECT_EQ(e.at("source"), kTheSun);
        EXPECT_NE(e.at("quote").get<std::string>().find("three-day working visit"),
                  std::string::npos);
    }
    EXPECT_TRUE(claimsBy(visit, kChigiNote).empty());  // the note does not speak of the visit
}

TEST(BundledAccounts, TheMeetingIsDatedThirdOfJulyByBothAccountsAndTheRoundtableSecond) {
    const auto& meeting = eventJson("event/meeting-anwar-meloni-2025-07");
    EXPECT_FALSE(meeting.contains("start"));  // the editorial does not date it
    for (const char* source : {kChigiNote, kTheSun}) {
        const auto claims = claimsBy(meeting, source);
        ASSERT_EQ(claims.size(), 1u) << source;
        EXPECT_EQ(claims[0].at("start"), "2025-07-03") << source;
        for (const auto& e : claims[0].at("evidence")) {
            EXPECT_EQ(e.at("basis"), "inferred") << source;  // the day from the text's date
            EXPECT_TRUE(e.contains("note") && e.contains("confidence")) << source;
        }
    }
    const auto roundtable = claimsBy(eventJson("event/economic-roundtable-2025-07"), kChigiNote);
    ASSERT_EQ(roundtable.size(), 1u);
    EXPECT_EQ(roundtable[0].at("start"), "2025-07-02");  // "ieri (2 luglio)"
    // Neither account says who opened the roundtable (two more accounts do, below).
    for (const auto& p : eventJson("event/economic-roundtable-2025-07").at("participants")) {
        EXPECT_TRUE(claimsBy(p, kChigiNote).empty()) << p.at("actor");
        EXPECT_TRUE(claimsBy(p, kTheSun).empty()) << p.at("actor");
    }
}

namespace {
/// The roundtable's participations' roles, as each source claims them: actor -> source -> role.
std::map<std::string, std::map<std::string, std::string>> openerDisagreements() {
    const auto standing = [](std::string_view id) {
        const auto& s = sourceNamed(std::string(id));
        return s.standing.value_or(model::Standing::Secondary);
    };
    const auto settled = rules::settle(eventNamed("event/economic-roundtable-2025-07"), standing);
    std::map<std::string, std::map<std::string, std::string>> out;
    for (const auto& d : rules::disagreements(settled)) {
        EXPECT_EQ(d.field, "role");  // the roundtable's date is not disagreed: only 2 July is said
        for (const auto& v : d.values) {
            out[d.actor][v.source] = v.value + (v.preferred ? " *" : "");
        }
    }
    return out;
}
}  // namespace

TEST(BundledAccounts, WhoOpenedTheRoundtableAsEachSourceSaysAndTheEditorialsAccountPreferred) {
    // ilmetropolitano.it announced on 2 July that Tajani "apre oggi" the roundtable "assieme" with
    // Anwar and Tengku Zafrul; adnkronos, after it, that Tajani opened it and both took part.
    ASSERT_EQ(sourceNamed(kMetropolitano).published->toString(), "2025-07-02");
    for (const char* id : {kMetropolitano, kAdnkronos}) {
        EXPECT_FALSE(sourceNamed(id).file.has_value()) << id;
        EXPECT_EQ(sourceNamed(id).standing, model::Standing::Secondary) << id;
    }
    using Roles = std::map<std::string, std::string>;
    const auto d = openerDisagreements();
    EXPECT_EQ(d.size(), 2u);  // Tajani's role is not disagreed: every account says opener
    EXPECT_EQ(d.at("person/anwar-ibrahim"), (Roles{{kEditorial, "attendee *"},
                                                   {kMetropolitano, "opener"},
                                                   {kAdnkronos, "attendee *"}}));
    // Tengku Zafrul's participation is adnkronos's own account; the editorial does not name him.
    EXPECT_EQ(d.at("person/tengku-zafrul-aziz"),
              (Roles{{kAdnkronos, "attendee *"}, {kMetropolitano, "opener"}}));
    const auto& roundtable = eventNamed("event/economic-roundtable-2025-07");
    const auto& tajani = participantOf(roundtable, "person/antonio-tajani", model::Role::Opener);
    for (const auto& c : tajani.claims) {
        EXPECT_EQ(c.role, model::Role::Opener) << c.source;
    }
    EXPECT_EQ(tajani.claims.size(), 2u);
    // An announcement before the event: what it says took place is inferred, and said so.
    for (const auto& p : roundtable.participants) {
        for (const auto& c : p.claims) {
            if (c.source != kMetropolitano) continue;
            for (const auto& e : c.evidence) {
                EXPECT_EQ(e.basis, model::Basis::Inferred) << p.actor;
                EXPECT_TRUE(e.confidence && e.note && !e.span) << p.actor;
                EXPECT_NE(e.quote->find("apre oggi"), std::string::npos) << p.actor;
            }
        }
    }
    EXPECT_TRUE(holdsStated(
        participantOf(roundtable, "person/tengku-zafrul-aziz", model::Role::Attendee).evidence,
        kAdnkronos, "hanno partecipato"));
}
